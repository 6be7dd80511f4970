// Merging base into the experiment branch after the summary PR was merged, whichever way it was merged.
//
// A merge commit leaves the branch's commits in base's history, and git's own merge finds nothing to
// redo. A squash or a rebase merge gives base the same files in commits of its own: git then takes the
// branch's old fork point as the merge base and sees the branch's experiments twice, once on each side,
// so every line an experiment changed after the merged state conflicts (results.tsv included). The
// ledger says what base holds (src/ledger/merged.ts): when base's rows are the branch's first N, the
// branch's commit that recorded row N-1 is the state base took, and git is told so (see bridge below).
// Ledger files that still conflict are resolved by the ledger's rule (resolveLedgerConflict).
import type { Git } from '../git/git.js';
import { RESULTS_FILE } from '../ledger/ledger.js';
import { countTsvRows, resolveLedgerConflict, rowsHeldByBase } from '../ledger/merged.js';
import { parseTsv } from '../ledger/tsv.js';
import { LedgerError } from '../ledger/errors.js';

/** Where the tag's ledger lives, to read it at a commit. */
export interface LedgerPlace {
  /** results.dir, relative to the repository root. */
  dir: string;
  metricNames: readonly string[];
}

/**
 * Merges `ref` (base) into the branch checked out in `git`'s tree, like Git.merge, but knowing the ledger:
 * after a squash or rebase merge of the branch into base the merge goes through a bridge commit, and
 * conflicting ledger files are settled by the ledger's rule. Returns the paths that still conflict (the
 * merge is then aborted), or [] when merged.
 */
export async function mergeKeepingLedger(
  git: Git,
  ref: string,
  message: string,
  ledger: LedgerPlace,
): Promise<string[]> {
  const bridge = await bridgeAfterCopyMerge(git, ref, ledger);
  const prefix = `${ledger.dir}/`;
  return git.merge(bridge ?? ref, message, (path, ours, theirs) =>
    path.startsWith(prefix)
      ? resolveLedgerConflict({
          file: path.slice(prefix.length),
          branchText: ours,
          baseText: theirs,
          metricNames: ledger.metricNames,
        })
      : undefined,
  );
}

/**
 * When base holds the branch's first N rows but not the commit that recorded them (a squash or rebase
 * merge copied the files, not the commits), a commit with base's tree whose parents are base and that
 * recording commit: merging it is merging base, with the merged state as the merge base, so only what
 * base changed since and what the branch did since meet. Undefined when no bridge is needed or the
 * ledger cannot tell (then the plain merge decides).
 */
export async function bridgeAfterCopyMerge(
  git: Git,
  ref: string,
  ledger: LedgerPlace,
): Promise<string | undefined> {
  const tsvPath = `${ledger.dir}/${RESULTS_FILE}`;
  const [baseText, branchText] = await Promise.all([
    git.showFile(ref, tsvPath),
    git.showFile('HEAD', tsvPath),
  ]);
  if (baseText === undefined || branchText === undefined) return undefined;
  let held: number;
  try {
    held = rowsHeldByBase(
      parseTsv(baseText, ledger.metricNames, `${ref}:${tsvPath}`),
      parseTsv(branchText, ledger.metricNames, `HEAD:${tsvPath}`),
    );
  } catch (error) {
    if (error instanceof LedgerError) return undefined;
    throw error;
  }
  if (held === 0) return undefined;
  const recorded = await commitWithRows(git, tsvPath, held);
  if (recorded === undefined || (await git.isAncestor(recorded, ref))) return undefined;
  const base = await git.resolve(ref);
  if (base === undefined) return undefined;
  return git.commitTree(
    `${base}^{tree}`,
    [base, recorded],
    `autoexp: ${ref} holds experiments #0–#${held - 1} of this branch (a squash or rebase merge)\n\n` +
      `The tree of ${ref}; its second parent is the commit that recorded #${held - 1}, so that merging ` +
      `${ref} starts from the state it took instead of replaying those experiments.\n`,
  );
}

/**
 * The newest commit on HEAD's first-parent line whose results.tsv has exactly `rows` rows. The ledger
 * only grows along that line, so the commits that changed it are searched by halves.
 */
async function commitWithRows(git: Git, tsvPath: string, rows: number): Promise<string | undefined> {
  const commits = await git.firstParentCommitsChanging('HEAD', tsvPath);
  const rowsAt = async (commit: string) => countTsvRows((await git.showFile(commit, tsvPath)) ?? '');
  // commits[0] is the newest. Find the first (newest) index whose row count is <= rows.
  let low = 0;
  let high = commits.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if ((await rowsAt(commits[middle]!)) <= rows) high = middle;
    else low = middle + 1;
  }
  const found = commits[low];
  return found !== undefined && (await rowsAt(found)) === rows ? found : undefined;
}
