// Pushing autoexp/<tag> after every experiment, and what happens when another run got there first (the
// CLI's --push and the Action share this).
//
// A push race (two runs on one tag) is settled without losing anything: this run stops, moves its
// branch to the other run's head, and appends its own unpushed rows after the other run's, with fresh
// experiment numbers. Its keeps were measured against an incumbent that is no longer the head, so they
// are recorded as `discard` with reason `superseded` (the patch stays in the log); pushed-session.ts
// then measures them again on the new head.
import { join } from 'node:path';
import type { Settings } from '../config/settings.js';
import type { Git, GitResult } from '../git/git.js';
import { Ledger } from '../ledger/ledger.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';
import { sessionPlace } from '../tree/places.js';
import { bestRefName } from './best.js';
import { isNodeRefNumber, nodeRefPrefix } from './search-tree.js';
import { ProgramMemory } from './memory.js';
import type { ProgramInputs } from './program-stop.js';
import type { ExperimentOutcome } from './types.js';

export type PushResult = { ok: true } | { ok: false; rejected: boolean; message: string };

/** git's words for "the remote branch moved meanwhile" (as opposed to "you may not push"). */
const REJECTED =
  /\[rejected\]|\(fetch first\)|non-fast-forward|cannot lock ref|failed to update ref|stale info/;

/**
 * Pushes the branch and, when there is one, its best pointer, in one atomic push that is never forced:
 * both move or neither does, and nothing the remote has is overwritten. search: tree (`nodes`): the
 * node refs go in the same push; with 'push-and-prune' the remote's node refs that are gone here
 * (pruned) are deleted there — only after the remote's were fetched (fetchNodeRefs), so that no node
 * this repository never had is deleted.
 */
export async function pushBranch(
  remote: Git,
  tag: string,
  branch: string,
  remoteName = 'origin',
  options: { nodes?: 'push' | 'push-and-prune' } = {},
): Promise<PushResult> {
  const refspecs = [`refs/heads/${branch}:refs/heads/${branch}`];
  const best = bestRefName(tag);
  if (await remote.resolve(best)) refspecs.push(`${best}:${best}`);
  // Forced: the push is atomic, so node refs move only with the branch, whose ledger names their
  // commits; a ref the remote holds for a node of this ledger (planted, or left by a run whose rows were
  // superseded) is not another run's work, and must not turn every push into a "race".
  if (options.nodes) refspecs.push(`+${nodeRefPrefix(tag)}*:${nodeRefPrefix(tag)}*`);
  const result = await remote.push(remoteName, refspecs, { prune: options.nodes === 'push-and-prune' });
  if (result.exitCode === 0) return { ok: true };
  const output = `${result.stdout}\n${result.stderr}`;
  return { ok: false, rejected: REJECTED.test(output), message: pushFailureReason(result) };
}

/** git's reason for a failed push: its fatal:/error:/remote: lines and the "!" ref lines; the rest is advice. */
export function pushFailureReason(result: GitResult): string {
  const lines = result.stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const reasons = lines.filter((line) => /^(fatal|error|remote):|^!/.test(line));
  return (
    (reasons.length > 0 ? reasons : lines.slice(-3)).join(' ').replace(/[.\s]+$/, '') ||
    `git push exited ${result.exitCode}`
  );
}

/** This run's best pointer may name a keep that is now superseded: take the remote's, or none. */
async function adoptRemoteBestPointer(remote: Git, remoteName: string, tag: string): Promise<void> {
  const best = bestRefName(tag);
  const fetched = await remote.fetch(remoteName, [`+${best}:${best}`]);
  if (fetched.exitCode !== 0) await remote.deleteRef(best);
}

/**
 * search: tree: the remote's node refs, in place of this repository's (after a race, the other run's
 * tree is the one that counts). False when the fetch failed: then nothing here may prune the remote's.
 */
export async function fetchNodeRefs(remote: Git, remoteName: string, tag: string): Promise<boolean> {
  const prefix = nodeRefPrefix(tag);
  const fetched = await remote.fetch(remoteName, [`+${prefix}*:${prefix}*`]);
  // Only refs/autoexp/<tag>/nodes/<experiment> are nodes. Others (planted there: nodes/4/x would keep
  // node 4 from ever being made) go here, and from the remote with the next push that prunes.
  for (const ref of (await remote.refs()).keys())
    if (ref.startsWith(prefix) && !isNodeRefNumber(ref.slice(prefix.length))) await remote.deleteRef(ref);
  return fetched.exitCode === 0;
}

async function adoptRemoteNodeRefs(remote: Git, remoteName: string, tag: string): Promise<boolean> {
  const prefix = nodeRefPrefix(tag);
  for (const ref of (await remote.refs()).keys()) if (ref.startsWith(prefix)) await remote.deleteRef(ref);
  return fetchNodeRefs(remote, remoteName, tag);
}

/** Why a keep from before the race no longer counts. */
function supersede(record: ExperimentRecord): { status: ExperimentRecord['status']; reason: string } {
  if (record.status !== 'keep' && record.status !== 'explore')
    return { status: record.status, reason: record.reason };
  return {
    status: 'discard',
    reason: `superseded: ${record.status} against ${record.parent || 'the incumbent'}, but another run moved the branch first`,
  };
}

/**
 * Appends `outcomes` (this run's experiments the remote does not have) after the remote's rows and
 * pushes; retries when the remote moves again meanwhile. Returns the experiment numbers they got.
 */
export async function recordAfterRemote(options: {
  remote: Git;
  commonDir: string;
  settings: Settings;
  branch: string;
  outcomes: readonly ExperimentOutcome[];
  /** What the session checked stop.* against; program.json is brought up to date with the same. */
  programInputs?: ProgramInputs;
  remoteName?: string;
  attempts?: number;
}): Promise<number[]> {
  const { remote, settings, branch } = options;
  const remoteName = options.remoteName ?? 'origin';
  let lastProblem = '';
  for (let attempt = 1; attempt <= (options.attempts ?? 5); attempt++) {
    const fetched = await remote.fetch(remoteName, [
      `+refs/heads/${branch}:refs/remotes/${remoteName}/${branch}`,
    ]);
    if (fetched.exitCode !== 0)
      throw new Error(`cannot fetch ${branch} after a rejected push: ${fetched.stderr.trim()}`);
    await remote.setRef(`refs/heads/${branch}`, `refs/remotes/${remoteName}/${branch}`);
    await adoptRemoteBestPointer(remote, remoteName, settings.tag);
    const nodes =
      settings.search !== 'tree'
        ? undefined
        : (await adoptRemoteNodeRefs(remote, remoteName, settings.tag))
          ? 'push-and-prune'
          : 'push';

    const path = join(sessionPlace(process.env, options.commonDir, settings.tag), 'race');
    await remote.removeWorktree(path);
    await remote.addWorktree(path, { branch });
    const tree = remote.withCwd(path);
    try {
      const ledger = await Ledger.open(
        join(path, settings.results.dir),
        settings.metrics.map((metric) => metric.name),
      );
      // lessons.md and program.json go on from the other run's, as the session's recorder would have.
      const memory = await ProgramMemory.load({
        settings,
        branch,
        treePath: path,
        records: await ledger.records(),
        inputs: options.programInputs ?? { configSha256: '', programSha256: '', base: '' },
      });
      const numbers: number[] = [];
      const paths = new Set<string>();
      for (const { row, record } of options.outcomes) {
        const experiment = ledger.nextExperiment();
        const { status, reason } = supersede(record);
        const renumbered: ExperimentRecord = { ...record, experiment, status, reason };
        const newRow: LedgerRow = { ...row, experiment, status };
        for (const file of await ledger.append(newRow, renumbered))
          paths.add(join(settings.results.dir, file));
        for (const file of (await memory.record(path, renumbered, ledger.rows())).paths) paths.add(file);
        numbers.push(experiment);
      }
      if (numbers.length > 0) {
        await tree.commitPaths(
          [...paths],
          `autoexp(${settings.tag}): record experiments ${numbers[0]}–${numbers.at(-1)} after another run (superseded keeps)`,
          { newPaths: true },
        );
      }
      const pushed = await pushBranch(remote, settings.tag, branch, remoteName, { nodes });
      if (pushed.ok) return numbers;
      lastProblem = pushed.message;
      if (!pushed.rejected) throw new Error(`git push failed: ${pushed.message}`);
    } finally {
      await remote.removeWorktree(path);
    }
  }
  throw new Error(`the branch kept moving while autoexp recorded its results: ${lastProblem}`);
}
