// The best kept commit so far, as the ref refs/autoexp/<tag>/best. With explore.every the branch head
// can be worse than an earlier keep; this ref is how reports (and people) find the best one.
import type { MetricSpec } from '../config/settings.js';
import type { Git } from '../git/git.js';
import type { LedgerRow } from '../ledger/types.js';
import { bestRow } from '../report/summary.js';

export function bestRefName(tag: string): string {
  return `refs/autoexp/${tag}/best`;
}

export class BestPointer {
  private constructor(
    private readonly git: Git,
    readonly ref: string,
    private readonly metrics: readonly MetricSpec[],
    /** The keeps so far (the ledger's rows, then every commit offered): "best" is chosen among them. */
    private readonly keeps: LedgerRow[],
    /** Told the full sha each time autoexp moves the ref (the repository guard expects it there). */
    private readonly moved: (ref: string, sha: string) => void,
  ) {}

  /** Starts from the ledger's rows (without touching the ref). */
  static fromLedger(
    git: Git,
    tag: string,
    rows: readonly LedgerRow[],
    metrics: readonly MetricSpec[],
    moved: (ref: string, sha: string) => void = () => undefined,
  ): BestPointer {
    return new BestPointer(git, bestRefName(tag), metrics, [...rows], moved);
  }

  /**
   * A new keep at `commit`: the ref moves there when it is now the best, chosen as every report chooses
   * it (bestRow: inside the constraints when any keep is, then by the primary metric).
   */
  async offer(commit: string, metrics: Record<string, number>): Promise<void> {
    const offered: LedgerRow = {
      experiment: Number.MAX_SAFE_INTEGER,
      commit,
      metrics,
      status: 'keep',
      description: '',
    };
    this.keeps.push(offered);
    if (bestRow(this.keeps, this.metrics) !== offered) return;
    await this.git.setRef(this.ref, commit);
    this.moved(this.ref, (await this.git.resolve(this.ref)) ?? commit);
  }
}
