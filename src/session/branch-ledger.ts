// Reads the ledger as committed on a branch, without checking anything out (status, report).
import type { Git } from '../git/git.js';
import { parseJsonl } from '../ledger/jsonl.js';
import { parseTsv } from '../ledger/tsv.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';
import { LESSONS_FILE, parseLedgerFacts, parseLessons, type Lessons } from '../memory/lessons.js';

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
  const tsv = await git.showFile(ref, tsvPath);
  if (tsv === undefined) return undefined;
  const rows = parseTsv(tsv, metricNames, `${ref}:${tsvPath}`);
  return {
    rows,
    async records() {
      const listing = await git.listDirectory(ref, `${dir}/experiments`);
      if (listing === undefined) return [];
      const chunks = listing.filter((name) => /^\d+\.jsonl$/.test(name)).sort();
      const records: ExperimentRecord[] = [];
      for (const chunk of chunks) {
        const path = `${dir}/experiments/${chunk}`;
        const text = await git.showFile(ref, path);
        if (text === undefined) throw new Error(`cannot read ${ref}:${path}`);
        records.push(...parseJsonl(text, `${ref}:${path}`));
      }
      return records;
    },
  };
}

/** lessons.md in `dir` at `ref`, parsed (every line cleaned), or undefined when there is none. */
export async function readCommittedLessons(git: Git, ref: string, dir: string): Promise<Lessons | undefined> {
  const text = await git.showFile(ref, `${dir}/${LESSONS_FILE}`);
  return text === undefined ? undefined : { facts: parseLedgerFacts(text), noted: parseLessons(text) };
}
