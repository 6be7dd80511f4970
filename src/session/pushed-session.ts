// A session that pushes its branch after every experiment (the Action; the CLI with --push), and what it
// does when the push is rejected because another run on the same tag pushed first: it stops, records its
// unpushed experiments after the other run's (push.ts), measures the keeps among them again on the other
// run's head (kept if they still win), and goes on with what is left of its budget. A push that fails
// for any other reason (no permission, no network) stops the session and is reported with git's reason.
import type { Git } from '../git/git.js';
import { fetchNodeRefs, pushBranch, recordAfterRemote } from './push.js';
import { branchName } from './recorder.js';
import type { ExperimentOutcome, SessionOptions, SessionResult } from './types.js';

export interface PushedSessionOptions {
  /** Runs one session with these options on top of the front end's (its afterRecord pushes). */
  run(more: Partial<SessionOptions>): Promise<SessionResult>;
  settings: SessionOptions['settings'];
  /** The repository, with credentials for the remote when it needs them. */
  remote: Git;
  remoteName: string;
  commonDir: string;
  /** The budget overrides of the command line or action inputs. */
  experiments?: number;
  timeMs?: number;
  /** combine replays a fixed queue: after a race it does not go on (the next combine replays the rest). */
  goOnAfterRace: boolean;
  signal: AbortSignal;
  warn(message: string): void;
  info(message: string): void;
}

export interface PushedSession {
  result: SessionResult;
  /** git's reason when a push failed other than by a race; the session stopped there. */
  failure?: string;
}

export interface PushState {
  /** search: tree: push the node refs (and delete the remote's that were pruned here). */
  nodes: 'push' | 'push-and-prune' | undefined;
  /** Ledger records made so far this session (the baseline row counts as one): one push per record. */
  recordsMade: number;
  /**
   * Ledger records pushed so far: all those made before the last push that went through. A push carries
   * the branch as it is, so one that follows a failed one carries that one's record too.
   */
  pushedRecords: number;
  race: boolean;
  failure?: string;
}

export async function runPushedSession(options: PushedSessionOptions): Promise<PushedSession> {
  const { settings } = options;
  const startedAt = Date.now();
  // search: tree: the remote's nodes first, so that pushing this run's tree never deletes one it lacks.
  let nodes: PushState['nodes'];
  if (settings.search === 'tree') {
    nodes = (await fetchNodeRefs(options.remote, options.remoteName, settings.tag))
      ? 'push-and-prune'
      : 'push';
    if (nodes === 'push')
      options.warn(
        `could not fetch the search tree's node refs from ${options.remoteName}; this run pushes its ` +
          'nodes but deletes none there',
      );
  }
  const session = async (
    more: Partial<SessionOptions>,
  ): Promise<{ result: SessionResult; pushes: PushState }> => {
    const pushes: PushState = { nodes, recordsMade: 0, pushedRecords: 0, race: false };
    const result = await options.run({ ...more, afterRecord: () => pushAfterExperiment(options, pushes) });
    return { result, pushes };
  };
  const first = await session({ experiments: options.experiments, timeMs: options.timeMs });
  let result = first.result;
  let failure = first.pushes.failure;
  const lost = await settleRace(options, first.result, first.pushes);
  if (!lost) return failure === undefined ? { result } : pushFailed(result, failure);
  result = { ...result, outcomes: lost.outcomes };
  if (!options.goOnAfterRace || options.signal.aborted) return { result };

  const left = {
    experiments: (options.experiments ?? settings.budget.experiments) - first.result.outcomes.length,
    timeMs: (options.timeMs ?? settings.budget.timeMs) - (Date.now() - startedAt),
  };
  const again = lost.keeps.map((outcome) => ({
    commit: outcome.record.commit,
    description: `${outcome.record.description} (measured again after a push race)`.slice(0, 200),
  }));
  const experiments = again.length + Math.max(0, left.experiments);
  if (experiments === 0 || left.timeMs <= 0) return { result };
  options.info(
    `measuring ${again.length} superseded keep(s) again on the head of the run that pushed first` +
      (left.experiments > 0 ? `, then ${left.experiments} more experiment(s)` : ''),
  );
  const continued = await session({ experiments, timeMs: left.timeMs, reapplyFirst: again });
  // A second race in one run is left at its recorded rows: the next run goes on from there.
  const lostAgain = await settleRace(options, continued.result, continued.pushes);
  failure = continued.pushes.failure;
  result = {
    ...continued.result,
    baseline: first.result.baseline,
    outcomes: [...lost.outcomes, ...(lostAgain?.outcomes ?? continued.result.outcomes)],
  };
  return failure === undefined ? { result } : pushFailed(result, failure);
}

/**
 * The session stopped because a push failed. It stops the way it does after a race (afterRecord asked it
 * to), which it calls "superseded", and the summaries would say "another run moved the branch": here no
 * other run was involved, and nobody should go looking for one. A cancel meanwhile stays a cancel.
 */
function pushFailed(result: SessionResult, failure: string): PushedSession {
  const stopReason = result.stopReason === 'superseded' ? 'push-failed' : result.stopReason;
  return { result: { ...result, stopReason }, failure };
}

/** After each record: pushes the branch (exported for its tests). */
export async function pushAfterExperiment(
  options: Pick<PushedSessionOptions, 'settings' | 'remote' | 'remoteName'>,
  pushes: PushState,
): Promise<void | 'stop'> {
  const { settings } = options;
  pushes.recordsMade++;
  const pushed = await pushBranch(
    options.remote,
    settings.tag,
    branchName(settings.tag),
    options.remoteName,
    {
      nodes: pushes.nodes,
    },
  );
  if (pushed.ok) {
    pushes.pushedRecords = pushes.recordsMade;
    return;
  }
  if (pushed.rejected) pushes.race = true;
  else pushes.failure = pushed.message;
  return 'stop';
}

/**
 * After a session that lost a push race: records its unpushed experiments after the other run's (keeps
 * among them as "superseded"), and returns this session's experiments with the numbers they got and the
 * keeps worth measuring again. Undefined when there was no race.
 */
async function settleRace(
  options: PushedSessionOptions,
  result: SessionResult,
  pushes: PushState,
): Promise<{ outcomes: ExperimentOutcome[]; keeps: ExperimentOutcome[] } | undefined> {
  const { settings } = options;
  const branch = branchName(settings.tag);
  const recorded = [...(result.baseline ? [result.baseline] : []), ...result.outcomes];
  const unpushed = recorded.slice(pushes.pushedRecords);
  if (!pushes.race || unpushed.length === 0) return undefined;
  const numbers = await recordAfterRemote({
    remote: options.remote,
    remoteName: options.remoteName,
    commonDir: options.commonDir,
    settings,
    branch,
    outcomes: unpushed,
    ...(result.programInputs ? { programInputs: result.programInputs } : {}),
  });
  options.warn(
    `another run moved ${branch} while this one worked: this run's last ${numbers.length} experiment(s) ` +
      `are recorded after it as #${numbers[0]}–#${numbers.at(-1)} (keeps among them as "superseded", ` +
      'measured again on its head). Use a concurrency group so that runs on one tag do not overlap.',
  );
  const renumbered = unpushed.map((outcome, index) =>
    outcome === result.baseline
      ? outcome
      : { ...outcome, row: { ...outcome.row, experiment: numbers[index]! } },
  );
  const pushed = recorded.slice(0, pushes.pushedRecords).filter((outcome) => outcome !== result.baseline);
  return {
    outcomes: [...pushed, ...renumbered.filter((outcome) => outcome !== result.baseline)],
    keeps: unpushed.filter((outcome) => outcome.row.status === 'keep' || outcome.row.status === 'explore'),
  };
}
