// Reads the ledger as committed on a branch, without checking anything out (status, report).
import type { Git } from '../git/git.js';
import { parseJsonl } from '../ledger/jsonl.js';
import { parseTsv } from '../ledger/tsv.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';

export interface CommittedLedger {
  rows: LedgerRow[];
  records(): Promise<ExperimentRecord[]>;
}

/** The ledger in `dir` at `ref`, or undefined when the ref or the results file does not exist. */
export async function readCommittedLedger(
  git: Git,
  ref: string,
  dir: string,
  metricNames: string[],
): Promise<CommittedLedger | undefined> {
  const tsvPath = `${dir}/results.tsv`;
  const tsv = await git.run(['show', `${ref}:${tsvPath}`], { allowFailure: true });
  if (tsv.exitCode !== 0) return undefined;
  const rows = parseTsv(tsv.stdout, metricNames, `${ref}:${tsvPath}`);
  return {
    rows,
    async records() {
      const listing = await git.run(['ls-tree', '-z', '--name-only', `${ref}:${dir}/experiments`], {
        allowFailure: true,
      });
      if (listing.exitCode !== 0) return [];
      const chunks = listing.stdout
        .split('\0')
        .filter((name) => /^\d+\.jsonl$/.test(name))
        .sort();
      const records: ExperimentRecord[] = [];
      for (const chunk of chunks) {
        const path = `${dir}/experiments/${chunk}`;
        const { stdout } = await git.run(['show', `${ref}:${path}`]);
        records.push(...parseJsonl(stdout, `${ref}:${path}`));
      }
      return records;
    },
  };
}
