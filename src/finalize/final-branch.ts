// `autoexp finalize`: the winner as one commit on base, on the branch autoexp-final/<tag>, ready to merge.
//
// The best experiment is the one every report calls best (summarizeLedger). Its commit on autoexp/<tag>
// holds the changes of every keep before it; only the files in scope.modify are taken (never the ledger,
// never anything else the branch holds), applied to base as a three-way merge per file: what the
// experiments changed since the branch last merged base, on top of what base has now. The commit's
// message lists the kept experiments and what each gained; the ledger stays on autoexp/<tag>.
import type { Settings } from '../config/settings.js';
import { relativeChange } from '../decide/compare.js';
import type { Git, TreeEntry } from '../git/git.js';
import type { LedgerRow } from '../ledger/types.js';
import { formatMetric, formatPercent } from '../report/format.js';
import { renderTitle } from '../report/markdown.js';
import { summarizeLedger, type LedgerSummary } from '../report/summary.js';
import { bestPath, isTreeSearch, type TreeNode } from '../search/ledger-tree.js';
import { readCommittedLedger } from '../session/branch-ledger.js';
import { branchName } from '../session/recorder.js';
import { scopeMatcher } from '../session/scope.js';
import { inertCommitText } from '../text/commit-message.js';
import { cleanLine, TEXT_LIMITS } from '../text/untrusted.js';
import { wrap } from '../text/wrap.js';

export function finalBranchName(tag: string): string {
  return `autoexp-final/${tag}`;
}

/** The trailer that marks a commit as finalize's own: only such a branch head is ever replaced. */
export const FINAL_TRAILER = 'Autoexp-Final';

/** A finalize that cannot be done as asked; the message says why and what to do. */
export class FinalizeError extends Error {
  override name = 'FinalizeError';
}

/** A kept experiment that the final commit holds, with its change from the incumbent before it. */
export interface FinalStep {
  experiment: number;
  status: LedgerRow['status'];
  /** The primary metric before (the previous keep, or the baseline) and after. */
  from: number | undefined;
  to: number | undefined;
  description: string;
}

export interface FinalCommit {
  tag: string;
  /** autoexp-final/<tag>. */
  branch: string;
  /** The commit: base plus the best experiment's scope changes, one parent (base). */
  commit: string;
  tree: string;
  baseCommit: string;
  best: { experiment: number; commit: string; value: number };
  steps: FinalStep[];
  /** A keep before the best whose changes base holds already (a final commit merged before): steps follow it. */
  heldByBase?: number;
  /** The scope files the commit changes. */
  files: string[];
  title: string;
  summary: LedgerSummary;
}

export type FinalOutcome = { kind: 'commit'; final: FinalCommit } | { kind: 'nothing'; reason: string };

/**
 * Builds (without moving any branch) the final commit for `settings.tag`: from the ledger committed on
 * `branchRef` (autoexp/<tag>, local or a remote's copy) onto `baseRef`. `baseName` is how messages name base.
 */
export async function buildFinalCommit(input: {
  git: Git;
  settings: Settings;
  branchRef: string;
  baseRef: string;
  baseName: string;
}): Promise<FinalOutcome> {
  const { git, settings, baseName } = input;
  const branch = branchName(settings.tag);
  const ledger = await readCommittedLedger(
    git,
    input.branchRef,
    settings.results.dir,
    settings.metrics.map((metric) => metric.name),
  );
  if (!ledger) throw new FinalizeError(`no ledger on ${branch} yet; run \`autoexp run\` first`);
  const summary = summarizeLedger(ledger.rows, settings.metrics);
  const best = summary.best;
  if (best === undefined || best.experiment === 0)
    return { kind: 'nothing', reason: `no experiment on ${branch} has beaten the baseline yet` };

  const bestCommit = /^[0-9a-f]{4,64}$/i.test(best.commit) ? await git.resolve(best.commit) : undefined;
  if (bestCommit === undefined || !(await git.isAncestor(bestCommit, input.branchRef)))
    throw new FinalizeError(
      `the best experiment, #${best.experiment}, names the commit ${cleanLine(best.commit, 40)}, which is not on ${branch}`,
    );
  const baseCommit = await git.resolve(input.baseRef);
  if (baseCommit === undefined) throw new FinalizeError(`cannot find ${baseName} (${input.baseRef})`);
  const ancestor = await git.mergeBase(bestCommit, baseCommit);
  if (ancestor === undefined) throw new FinalizeError(`${branch} and ${baseName} share no history`);

  const inScope = scopeMatcher(settings.scope.modify);
  const ledgerPrefix = `${settings.results.dir.replace(/\/+$/, '')}/`;
  const scoped = async (ref: string) =>
    new Map(
      (await git.listTree(ref))
        .filter((entry) => inScope(entry.path) && !entry.path.startsWith(ledgerPrefix))
        .map((entry) => [entry.path, entry] as const),
    );
  const [before, after, onBase] = await Promise.all([
    scoped(ancestor),
    scoped(bestCommit),
    scoped(baseCommit),
  ]);
  const paths = [...new Set([...before.keys(), ...after.keys(), ...onBase.keys()])].sort();

  const changes: { path: string; entry?: { mode: string; object: string } }[] = [];
  const conflicts: string[] = [];
  for (const path of paths) {
    const choice = chooseScopeFile(before.get(path), after.get(path), onBase.get(path));
    if (choice.kind === 'base') continue;
    if (choice.kind === 'take') {
      changes.push({ path, ...(choice.entry ? { entry: choice.entry } : {}) });
      continue;
    }
    if (choice.kind === 'conflict') {
      conflicts.push(path);
      continue;
    }
    const [ours, common, theirs] = await Promise.all(
      [onBase.get(path)!, before.get(path)!, after.get(path)!].map((entry) => git.readBlob(entry.object)),
    );
    // Text only: a binary file (read as UTF-8 it has NULs or replacement characters) is never merged.
    const binary = [ours, common, theirs].some((text) => /[\0\uFFFD]/.test(text!));
    const merged = binary ? undefined : await git.mergeTexts(ours!, common!, theirs!);
    if (merged === undefined) conflicts.push(path);
    else changes.push({ path, entry: { mode: after.get(path)!.mode, object: await git.writeBlob(merged) } });
  }
  if (conflicts.length > 0) {
    const names = conflicts.map((path) => cleanLine(path, TEXT_LIMITS.fileName)).join(' ');
    throw new FinalizeError(
      `${baseName} changed ${names} since ${branch} last merged it, and so did the experiments, in the same ` +
        `lines. Take experiment #${best.experiment}'s version by hand (on ${baseName}: git checkout ` +
        `${bestCommit.slice(0, 12)} -- ${names}), or finalize again once a keep made after a session merged ` +
        `${baseName} into ${branch} is the best`,
    );
  }
  if (changes.length === 0)
    return {
      kind: 'nothing',
      reason: `${baseName} already holds the changes of experiment #${best.experiment}`,
    };

  const tree = await git.treeWith(baseCommit, changes);
  const records = await ledger.records();
  // search: tree: the best got where it is along its path in the tree, not through the keeps before it.
  const treeSearch = isTreeSearch(records);
  const heldByBase = treeSearch
    ? undefined
    : await newestKeepOnBase(
        git,
        summary,
        { experiment: best.experiment, commit: bestCommit },
        scoped,
        onBase,
      );
  const steps = treeSearch
    ? pathSteps(bestPath(records, summary.primary, best.experiment), ledger.rows)
    : finalSteps(summary, best.experiment, heldByBase);
  const title = finalTitle(settings.tag, summary);
  const files = changes.map((change) => change.path);
  const message = finalCommitMessage({
    tag: settings.tag,
    title,
    baseName,
    best,
    steps,
    ...(heldByBase === undefined ? {} : { heldByBase }),
    files,
    metricName: summary.primary.name,
  });
  const commit = await git.commitTree(tree, [baseCommit], message);
  return {
    kind: 'commit',
    final: {
      tag: settings.tag,
      branch: finalBranchName(settings.tag),
      commit,
      tree,
      baseCommit,
      best: { ...best, commit: bestCommit },
      steps,
      ...(heldByBase === undefined ? {} : { heldByBase }),
      files,
      title,
      summary,
    },
  };
}

/**
 * One scope file, three versions: where the branch last merged base (`before`), at the best experiment
 * (`after`) and on base now (`base`); undefined where the file does not exist. `base`: leave base's
 * version; `take`: the experiments' version (undefined entry: delete it); `merge`: both changed it.
 */
export function chooseScopeFile(
  before: TreeEntry | undefined,
  after: TreeEntry | undefined,
  base: TreeEntry | undefined,
):
  | { kind: 'base' }
  | { kind: 'take'; entry?: { mode: string; object: string } }
  | { kind: 'merge' }
  | { kind: 'conflict' } {
  const same = (a: TreeEntry | undefined, b: TreeEntry | undefined) =>
    a?.object === b?.object && a?.mode === b?.mode;
  // The experiments left it alone, or base already has their version.
  if (same(before, after) || same(after, base)) return { kind: 'base' };
  // Only the experiments changed it.
  if (same(before, base))
    return after ? { kind: 'take', entry: { mode: after.mode, object: after.object } } : { kind: 'take' };
  // Both changed it: only two edits of one regular file can be merged line by line.
  const regular = (entry: TreeEntry | undefined) => entry !== undefined && /^1006[0-7]{2}$/.test(entry.mode);
  return regular(before) && regular(after) && regular(base) ? { kind: 'merge' } : { kind: 'conflict' };
}

/** The title of the final commit and PR: the summary PR's title (`autoexp(tag): score 51 → 75 (+47.1%)`). */
export function finalTitle(tag: string, summary: LedgerSummary): string {
  return renderTitle(tag, summary.primary, summary);
}

/**
 * The newest keep before the best whose scope files base holds exactly (a final commit of it was merged):
 * the final commit brings only what the keeps after it changed. Undefined when base holds none.
 */
async function newestKeepOnBase(
  git: Git,
  summary: LedgerSummary,
  best: { experiment: number; commit: string },
  scoped: (ref: string) => Promise<Map<string, TreeEntry>>,
  onBase: ReadonlyMap<string, TreeEntry>,
): Promise<number | undefined> {
  const earlier = summary.keptRows
    .filter((row) => row.experiment > 0 && row.experiment < best.experiment)
    .filter((row) => /^[0-9a-f]{4,64}$/i.test(row.commit))
    .reverse();
  // First, in one git process: the keeps whose commits hold base's scope files as base does (a keep
  // with more scope files than base is ruled out below).
  const paths = [...onBase.keys()];
  const candidates = paths.some((path) => path.includes('\n'))
    ? earlier
    : await (async () => {
        const ids = await git.objectIdsAt(
          earlier.flatMap((row) => paths.map((path) => `${row.commit}:${path}`)),
        );
        return earlier.filter((_, index) =>
          paths.every((path, at) => ids[index * paths.length + at] === onBase.get(path)!.object),
        );
      })();
  for (const row of candidates) {
    const commit = await git.resolve(row.commit);
    // Only the keep's own commit (its trailer names it), on the branch before the best: a row naming
    // another commit (base's own, which base holds trivially) says nothing of what base holds of the keeps.
    if (commit === undefined || commit === best.commit || !(await git.isAncestor(commit, best.commit)))
      continue;
    const trailer = new RegExp(`^Autoexp-Experiment: ${row.experiment}$`, 'm');
    if (!trailer.test((await git.commitInfo(commit)).message)) continue;
    const files = await scoped(commit);
    const same = (a: TreeEntry | undefined, b: TreeEntry | undefined) =>
      a?.object === b?.object && a?.mode === b?.mode;
    if (files.size === onBase.size && [...files].every(([path, entry]) => same(entry, onBase.get(path))))
      return row.experiment;
  }
  return undefined;
}

/**
 * The kept experiments up to the best one (the final commit holds their changes), each with its change;
 * after `heldByBase` only (a keep whose changes base already holds), the first from that keep's value.
 */
export function finalSteps(summary: LedgerSummary, bestExperiment: number, heldByBase?: number): FinalStep[] {
  const metric = summary.primary.name;
  let incumbent = summary.baseline?.value;
  const steps: FinalStep[] = [];
  for (const row of summary.keptRows) {
    if (heldByBase !== undefined && row.experiment <= heldByBase) {
      incumbent = row.metrics[metric] ?? incumbent;
      continue;
    }
    if (row.experiment === 0 || row.experiment > bestExperiment) continue;
    const value = row.metrics[metric];
    steps.push({
      experiment: row.experiment,
      status: row.status,
      from: incumbent,
      to: value,
      description: row.description,
    });
    if (value !== undefined) incumbent = value;
  }
  return steps;
}

/** search: tree: the nodes on the best's path after the root, each from its parent node's value. */
export function pathSteps(path: readonly TreeNode[], rows: readonly LedgerRow[]): FinalStep[] {
  const statuses = new Map(rows.map((row) => [row.experiment, row.status]));
  return path.slice(1).map((node, index) => ({
    experiment: node.experiment,
    status: statuses.get(node.experiment) ?? 'keep',
    from: path[index]!.value,
    to: node.value,
    description: node.description,
  }));
}

/** `score 51 → 75 (+47.1%)`, the percent being the raw change of the value, as in the PR title. */
export function describeChange(metric: string, from: number | undefined, to: number | undefined): string {
  const name = metric === '' ? '' : `${metric} `;
  if (to === undefined) return `${name}—`;
  if (from === undefined) return `${name}${formatMetric(to)}`;
  const change = from === 0 ? '' : ` (${formatPercent(relativeChange(from, to))})`;
  return `${name}${formatMetric(from)} → ${formatMetric(to)}${change}`;
}

/** At most this many experiments are listed in a commit message; the rest are counted. */
const LISTED_STEPS = 50;
const LISTED_FILES = 20;

/**
 * The final commit's message. Descriptions and file names are untrusted (a proposer wrote them): each is
 * one line that cannot mention, reference or close anything on GitHub (commit-message.ts).
 */
export function finalCommitMessage(input: {
  tag: string;
  title: string;
  baseName: string;
  best: { experiment: number };
  steps: readonly FinalStep[];
  heldByBase?: number;
  files: readonly string[];
  metricName: string;
}): string {
  const branch = branchName(input.tag);
  const files = input.files.slice(0, LISTED_FILES).map((path) => inertCommitText(path, TEXT_LIMITS.fileName));
  const moreFiles = input.files.length > LISTED_FILES ? ` (+${input.files.length - LISTED_FILES} more)` : '';
  const lines = [
    inertCommitText(input.title, 200),
    '',
    ...wrap(
      `The changes to ${files.join(', ')}${moreFiles} from experiment ${input.best.experiment} on ${branch}, ` +
        `as one commit on ${inertCommitText(input.baseName, 200)}. The ledger (results.tsv and the experiment ` +
        `log) stays on ${branch}.`,
      72,
    ),
    '',
    input.heldByBase === undefined
      ? 'Kept experiments:'
      : `Kept experiments after experiment ${input.heldByBase}, which ${inertCommitText(input.baseName, 200)} holds already:`,
  ];
  for (const step of input.steps.slice(0, LISTED_STEPS)) {
    const status = step.status === 'keep' ? '' : ` (${step.status})`;
    lines.push(
      `- experiment ${step.experiment}${status}: ${describeChange(input.metricName, step.from, step.to)}, ` +
        inertCommitText(step.description),
    );
  }
  if (input.steps.length > LISTED_STEPS)
    lines.push(`- and ${input.steps.length - LISTED_STEPS} more (results.tsv on ${branch})`);
  lines.push('', `${FINAL_TRAILER}: ${input.tag}`, `Autoexp-Experiment: ${input.best.experiment}`, '');
  return lines.join('\n');
}

/** Whether a branch head is finalize's own commit for `tag` (so that replacing it loses nothing of anyone's). */
export function isFinalCommit(info: { parents: readonly string[]; message: string }, tag: string): boolean {
  const trailer = new RegExp(`^${FINAL_TRAILER}: ${tag.replace(/[.]/g, '\\.')}$`, 'm');
  return info.parents.length === 1 && trailer.test(info.message);
}
