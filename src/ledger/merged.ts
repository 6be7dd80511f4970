// What base holds of a branch's ledger once the summary PR was merged, and how a ledger file that
// conflicts when base is merged back into the branch is resolved. Pure: texts and rows in, answers out.
//
// The ledger is append-only, and a merge of the PR (a merge commit, a squash or a rebase: they differ in
// the commits, not in the files) brings the branch's ledger as it was to base. So base's rows are the
// first rows of the branch's, and they say how far base got, whatever happened to the commits.
import { LedgerError } from './errors.js';
import { chunkIndexOfFileName, EXPERIMENTS_DIR, parseJsonl } from './jsonl.js';
import { RESULTS_FILE } from './ledger.js';
import { nonBlankLines } from './lines.js';
import { parseTsv } from './tsv.js';
import type { LedgerRow } from './types.js';

/** `experiments/0003.jsonl` is a chunk file of the log; other names are not. */
function isChunkFile(file: string): boolean {
  const [dir, name, ...rest] = file.split('/');
  return (
    dir === EXPERIMENTS_DIR &&
    name !== undefined &&
    rest.length === 0 &&
    chunkIndexOfFileName(name) !== undefined
  );
}

/** One experiment in both ledgers: the same number, commit and status (a description may be reworded). */
function sameExperiment(
  a: Pick<LedgerRow, 'experiment' | 'commit' | 'status'>,
  b: Pick<LedgerRow, 'experiment' | 'commit' | 'status'>,
): boolean {
  return a.experiment === b.experiment && a.commit === b.commit && a.status === b.status;
}

/** Whether `shorter` lists the first experiments of `longer`, in order. */
function isPrefix(
  shorter: readonly Pick<LedgerRow, 'experiment' | 'commit' | 'status'>[],
  longer: readonly Pick<LedgerRow, 'experiment' | 'commit' | 'status'>[],
): boolean {
  return (
    shorter.length <= longer.length && shorter.every((row, index) => sameExperiment(row, longer[index]!))
  );
}

/**
 * How many of the branch's rows base holds: base's rows when they are the branch's first rows, else 0
 * (base has no ledger, an empty one, or one that went another way).
 */
export function rowsHeldByBase(baseRows: readonly LedgerRow[], branchRows: readonly LedgerRow[]): number {
  return isPrefix(baseRows, branchRows) ? baseRows.length : 0;
}

/**
 * The rows a report made after a merge covers, given that base holds the first `held`: the incumbent
 * base holds (the last keep or explore row among them, which is what base's code measured) as the
 * baseline, then the rows base does not hold yet. All rows when base holds none.
 */
export function rowsSinceMerge(rows: readonly LedgerRow[], held: number): LedgerRow[] {
  if (held <= 0) return [...rows];
  for (let index = Math.min(held, rows.length) - 1; index >= 0; index--) {
    const row = rows[index]!;
    if (row.status === 'keep' || row.status === 'explore') return [row, ...rows.slice(held)];
  }
  return [...rows];
}

/** The number of rows in a results.tsv text, without parsing them (its header is not a row). */
export function countTsvRows(text: string): number {
  return Math.max(0, nonBlankLines(text).length - 1);
}

export interface LedgerConflict {
  /** The file's path relative to the results dir: `results.tsv` or `experiments/NNNN.jsonl`. */
  file: string;
  /** The branch's version (git's "ours" when base is merged into the branch); undefined when deleted. */
  branchText: string | undefined;
  /** Base's version ("theirs"). */
  baseText: string | undefined;
  metricNames: readonly string[];
}

/**
 * A ledger file that conflicts when base is merged into the branch, resolved by the ledger's own rule:
 * it is append-only, so when base's rows (or records) are the first ones of the branch's, base holds
 * an earlier state of the same ledger and the branch's file is the merge. Returns the text to keep, or
 * undefined when the rule does not decide (not a ledger file, a side that is missing or does not
 * parse, or ledgers that went different ways): then the conflict is a person's to resolve.
 */
/** Files of results.dir that only autoexp writes besides the ledger (src/session/memory.ts). */
const MEMORY_FILES: ReadonlySet<string> = new Set(['lessons.md', 'program.json']);

export function resolveLedgerConflict(conflict: LedgerConflict): string | undefined {
  const { file, branchText, baseText } = conflict;
  if (branchText === undefined || baseText === undefined) return undefined;
  // The program's memory (lessons.md, program.json): base holds the copy of an earlier merge, the
  // branch the newer one.
  if (MEMORY_FILES.has(file)) return branchText;
  try {
    if (file === RESULTS_FILE) {
      const branch = parseTsv(branchText, conflict.metricNames, `branch:${file}`);
      const base = parseTsv(baseText, conflict.metricNames, `base:${file}`);
      return isPrefix(base, branch) ? branchText : undefined;
    }
    if (isChunkFile(file)) {
      const branch = parseJsonl(branchText, `branch:${file}`);
      const base = parseJsonl(baseText, `base:${file}`);
      return isPrefix(base, branch) ? branchText : undefined;
    }
  } catch (error) {
    if (error instanceof LedgerError) return undefined;
    throw error;
  }
  return undefined;
}
