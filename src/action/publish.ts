// Pushing autoexp/<tag> after every experiment, and what happens when another run got there first.
//
// A push race (two runs on one tag) is settled without losing anything: this run stops, moves its
// branch to the other run's head, and appends its own unpushed rows after the other run's, with fresh
// experiment numbers. Its keeps were measured against an incumbent that is no longer the head, so they
// are not trusted: they are recorded as `discard` with reason `superseded` (the patch stays in the log).
import { join } from 'node:path';
import type { Settings } from '../config/settings.js';
import type { Git } from '../git/git.js';
import { Ledger } from '../ledger/ledger.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';
import { bestRefName } from '../session/best.js';
import { pushBranch } from '../session/push.js';
import type { ExperimentOutcome } from '../session/session.js';
import { sessionPlace } from '../tree/places.js';

/** This run's best pointer may name a keep that is now superseded: take the remote's, or none. */
async function adoptRemoteBestPointer(remote: Git, tag: string): Promise<void> {
  const best = bestRefName(tag);
  const fetched = await remote.fetch('origin', [`+${best}:${best}`]);
  if (fetched.exitCode !== 0) await remote.deleteRef(best);
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
  attempts?: number;
}): Promise<number[]> {
  const { remote, settings, branch } = options;
  let lastProblem = '';
  for (let attempt = 1; attempt <= (options.attempts ?? 5); attempt++) {
    const fetched = await remote.fetch('origin', [`+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
    if (fetched.exitCode !== 0)
      throw new Error(`cannot fetch ${branch} after a rejected push: ${fetched.stderr.trim()}`);
    await remote.setRef(`refs/heads/${branch}`, `refs/remotes/origin/${branch}`);
    await adoptRemoteBestPointer(remote, settings.tag);

    const path = join(sessionPlace(process.env, options.commonDir, settings.tag), 'race');
    await remote.removeWorktree(path);
    await remote.addWorktree(path, { branch });
    const tree = remote.withCwd(path);
    try {
      const ledger = await Ledger.open(
        join(path, settings.results.dir),
        settings.metrics.map((metric) => metric.name),
      );
      const numbers: number[] = [];
      const paths = new Set<string>();
      for (const { row, record } of options.outcomes) {
        const experiment = ledger.nextExperiment();
        const { status, reason } = supersede(record);
        const renumbered: ExperimentRecord = { ...record, experiment, status, reason };
        const newRow: LedgerRow = { ...row, experiment, status };
        for (const file of await ledger.append(newRow, renumbered))
          paths.add(join(settings.results.dir, file));
        numbers.push(experiment);
      }
      if (numbers.length > 0) {
        await tree.commitPaths(
          [...paths],
          `autoexp(${settings.tag}): record #${numbers[0]}–#${numbers.at(-1)} after another run (superseded keeps)`,
          { newPaths: true },
        );
      }
      const pushed = await pushBranch(remote, settings.tag, branch);
      if (pushed.ok) return numbers;
      lastProblem = pushed.message;
      if (!pushed.rejected) throw new Error(`git push failed: ${pushed.message}`);
    } finally {
      await remote.removeWorktree(path);
    }
  }
  throw new Error(`the branch kept moving while autoexp recorded its results: ${lastProblem}`);
}
