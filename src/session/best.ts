// The best kept commit so far, as the ref refs/autoexp/<tag>/best. With explore.every the branch head
// can be worse than an earlier keep; this ref is how reports (and people) find the best one.
import type { MetricSpec } from '../config/settings.js';
import { isBetter } from '../decide/compare.js';
import type { Git } from '../git/git.js';
import type { LedgerRow } from '../ledger/types.js';

export function bestRefName(tag: string): string {
  return `refs/autoexp/${tag}/best`;
}

export class BestPointer {
  private constructor(
    private readonly git: Git,
    readonly ref: string,
    private readonly primary: MetricSpec,
    private value: number | undefined,
    /** Told the full sha each time autoexp moves the ref (the repository guard expects it there). */
    private readonly moved: (ref: string, sha: string) => void,
  ) {}

  /** Starts from the best `keep` row of the ledger (without touching the ref). */
  static fromLedger(
    git: Git,
    tag: string,
    rows: readonly LedgerRow[],
    primary: MetricSpec,
    moved: (ref: string, sha: string) => void = () => undefined,
  ): BestPointer {
    let best: number | undefined;
    for (const row of rows) {
      const value = row.metrics[primary.name];
      if (row.status !== 'keep' || value === undefined) continue;
      if (best === undefined || isBetter(primary.goal, value, best)) best = value;
    }
    return new BestPointer(git, bestRefName(tag), primary, best, moved);
  }

  /** Moves the ref to `commit` when its primary value beats every earlier keep. */
  async offer(commit: string, metrics: Record<string, number>): Promise<void> {
    const value = metrics[this.primary.name];
    if (value === undefined) return;
    if (this.value !== undefined && !isBetter(this.primary.goal, value, this.value)) return;
    await this.git.setRef(this.ref, commit);
    this.moved(this.ref, (await this.git.resolve(this.ref)) ?? commit);
    this.value = value;
  }
}
