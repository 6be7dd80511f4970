// One session of the loop: measure the incumbent; then until the budget is spent, propose → check →
// commit → measure → decide → keep or undo → record. This file is the scheduler: it opens the branch
// and its trees, starts experiments in slots and settles them in order. The parts:
//   prepare.ts   a candidate in a slot (proposal, verification, commit, measuring, crash repair)
//   settle.ts    decide, gates, keep or undo, in experiment order
//   recorder.ts  the ledger rows and commits
//   measuring.ts the user's commands (setup, eval, guard, holdout), contained
//   src/tree/    the experiment trees and what untrusted code may not change in the repository
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { reapplyThen } from '../combine/replay-proposer.js';
import { unmatchedScopeMessage } from '../config/scope-hint.js';
import type { Settings } from '../config/settings.js';
import { firstViolation } from '../decide/constraints.js';
import { freezeGlobalConfig, Git } from '../git/git.js';
import { Ledger } from '../ledger/ledger.js';
import { cleanEnvironment, withoutGitHubSecrets } from '../measure/environment.js';
import { formatDuration } from '../measure/measure.js';
import { detectNetworkIsolation, type NetworkIsolation } from '../measure/network.js';
import { snapshotAgentConfig, type AgentConfig } from '../propose/agent-config.js';
import { createProposer } from '../propose/create.js';
import { ProposerSetupError, type Proposer } from '../propose/types.js';
import type { ExperimentTree } from '../tree/experiment-tree.js';
import { RepositoryGuard } from '../tree/guard.js';
import { acquireTagLock, LockHeldError, tagLockDir, type LockInfo, type TagLock } from '../tree/lock.js';
import { sessionPlace } from '../tree/places.js';
import { BestPointer } from './best.js';
import { harnessFiles } from './harness.js';
import { SessionBudget, type StopReason } from './budget.js';
import { SessionError, SetupError } from './errors.js';
import { Measurer } from './measuring.js';
import { ProgramMemory } from './memory.js';
import {
  parseProgramState,
  PROGRAM_FILE,
  programAtStart,
  sha256,
  type Halt,
  type ProgramInputs,
} from './program-stop.js';
import { readCommittedLedger } from './branch-ledger.js';
import { prepare } from './prepare.js';
import { branchName, recordOutcome } from './recorder.js';
import { notPlainFiles, scopeMatcher } from './scope.js';
import { scopeHash } from './scope-hash.js';
import { SearchTree } from './search-tree.js';
import { settle } from './settle.js';
import { currentStage, stageEnd, stageProgress } from './stages.js';
import { readScopeFiles, scopeOf, SessionState } from './state.js';
import { detectContainment } from '../measure/sandbox.js';
import { SessionTrees } from './trees.js';
import type { LedgerRow } from '../ledger/types.js';
import type { ExperimentOutcome, Prepared, SessionOptions, SessionResult, Slot } from './types.js';

/** Metric names that look like timings or rates, which parallel runs disturb (workers > 1 warns). */
const TIMING_METRIC =
  /time|latency|duration|second|(^|_)(ms|us|ns|s)$|(^|_)p\d{2,3}($|_)|ops|throughput|qps|rps|per_s/i;

export async function runSession(options: SessionOptions): Promise<SessionResult> {
  const { settings, events = {} } = options;
  const startedAt = new Date().toISOString();
  const branch = branchName(settings.tag);
  // Before any untrusted code runs: from here on autoexp's git reads this copy of ~/.gitconfig.
  await freezeGlobalConfig();
  const repo = Git.at(options.checkout);
  const { commonDir } = await repo.describeRepository();
  const lock = await lockOrError(commonDir, settings.tag, branch);
  // stop.target and stop.plateau: a finished or paused program ends here, before any tree or eval.
  let program: ProgramCheck;
  try {
    program = await checkProgram(options, repo, branch);
  } catch (error) {
    await lock.release();
    throw error;
  }
  if (program.halt) {
    try {
      // A killed session's unrecorded candidate is undone all the same (git only, no tree).
      const tip = await repo.resolve(`refs/heads/${branch}`);
      if (tip !== undefined)
        await recoverUnrecorded(repo, branch, tip, lock, options.remoteBranchRef, events.notice);
    } finally {
      await lock.release();
    }
    // The front ends say why (result.halt): the CLI's summary line, the Action's notice and job summary.
    return haltedResult(settings, branch, startedAt, program.halt, program.rows);
  }
  if (program.resumed) events.notice?.(`the program resumes (${program.resumed})`);
  // A parked tree's index is believed only when nothing untrusted can have run since it was parked.
  const trees = new SessionTrees(
    repo,
    commonDir,
    sessionPlace(options.env, commonDir, settings.tag),
    (await commandsDieWithSession(settings)) && lock.staleReason === undefined,
  );
  let guard: RepositoryGuard | undefined;
  /** The branch this session created, at the commit it created it on. */
  let created: string | undefined;
  let state: SessionState | undefined;
  try {
    guard = await RepositoryGuard.take(repo, commonDir, ownRefs(branch), trees.place);
    trees.whenLockHeld(guard.onLockHeld);
    const opened = await openBranch(options, repo, branch, lock, trees);
    if (opened.created) created = opened.tree.head;
    state = await startState(options, repo, opened.tree, lock, guard, trees, startedAt);
    state.memory = await ProgramMemory.load({
      settings,
      branch,
      treePath: opened.tree.path,
      records: await state.ledger.records(),
      inputs: program.inputs,
      ...(program.resumed === undefined ? {} : { resumed: program.resumed }),
    });
    const base = {
      tag: settings.tag,
      branch,
      startedAt,
      created: opened.created,
      mergedBase: opened.mergedBase,
      conflicts: opened.conflicts,
      evalLogPath: `${opened.tree.scratchDir}/eval.log`,
      programInputs: program.inputs,
    };
    if (opened.conflicts.length > 0) {
      events.notice?.(
        `merging ${options.baseRef} into ${branch} conflicts in ${opened.conflicts.join(', ')}; no experiments this time`,
      );
      return {
        ...base,
        stopReason: 'merge-conflict',
        outcomes: [],
        incumbent: state.incumbentSummary(),
        rows: state.ledger.rows(),
      };
    }
    if (opened.mergedBase) events.notice?.(`merged ${options.baseRef} into ${branch}`);
    const baseline = await measureIncumbent(state);
    const stopReason = await runExperiments(state);
    return {
      ...base,
      baseline,
      stopReason,
      outcomes: state.outcomes,
      incumbent: state.incumbentSummary(),
      rows: state.ledger.rows(),
      ...(state.memory.halt ? { halt: state.memory.halt } : {}),
    };
  } catch (error) {
    // A session that failed before it recorded anything (a setup error, a baseline that does not run)
    // leaves behind no branch it created.
    await trees.parkAll();
    const tip = await repo.resolve(`refs/heads/${branch}`);
    if (created !== undefined && tip === created) await repo.deleteRef(`refs/heads/${branch}`);
    // Whatever failed mid-experiment (a candidate committed, not yet recorded): the branch goes back to
    // its last recorded experiment, so every commit on it keeps its row.
    else if (state && tip !== undefined && tip !== state.recordedHead) {
      await repo.setRef(`refs/heads/${branch}`, state.recordedHead);
      events.notice?.(
        `put ${branch} back to its last recorded experiment (${state.recordedHead.slice(0, 7)})`,
      );
    }
    throw error;
  } finally {
    await trees.parkAll();
    // Whatever untrusted code left in the repository's config, hooks or refs does not outlive the session.
    const left = await guard?.check().catch(() => []);
    if (left && left.length > 0) events.notice?.(`put back what untrusted code changed: ${left.join('; ')}`);
    await lock.release();
    // Experiment commits skip git's automatic housekeeping (one process less per commit); let git
    // decide once per session whether the repository needs it.
    await repo.maintenance();
  }
}

interface ProgramCheck {
  inputs: ProgramInputs;
  halt?: Halt;
  /** Why a paused program goes on. */
  resumed?: string;
  /** The branch's rows, when they were read. */
  rows: readonly LedgerRow[];
}

/**
 * stop.target and stop.plateau, from what the branch holds (the local branch, else the remote's copy):
 * its ledger and program.json. Costs nothing without `stop:` in autoexp.yml.
 */
async function checkProgram(options: SessionOptions, repo: Git, branch: string): Promise<ProgramCheck> {
  const { settings } = options;
  // Nothing to check without stop:, and a combine (an injected proposer) replays what it was asked to.
  if (!settings.stop || options.proposer)
    return { inputs: { configSha256: '', programSha256: '', base: '' }, rows: [] };
  const inputs: ProgramInputs = {
    configSha256: sha256(await readFile(settings.configPath, 'utf8').catch(() => '')),
    programSha256: sha256(settings.program?.text ?? ''),
    base: (await repo.resolve(options.baseRef)) ?? '',
  };
  const local = `refs/heads/${branch}`;
  const ref =
    (await repo.resolve(local)) !== undefined
      ? local
      : options.remoteBranchRef && (await repo.resolve(options.remoteBranchRef)) !== undefined
        ? options.remoteBranchRef
        : undefined;
  if (ref === undefined) return { inputs, rows: [] };
  const dir = settings.results.dir;
  const ledger = await readCommittedLedger(
    repo,
    ref,
    dir,
    settings.metrics.map((metric) => metric.name),
  );
  const rows = ledger?.rows ?? [];
  const state = parseProgramState(await repo.showFile(ref, `${dir}/${PROGRAM_FILE}`));
  const decision = programAtStart({
    settings,
    rows,
    state,
    now: inputs,
    resumeRequests: options.resumeRequests,
  });
  return { inputs, rows, ...decision };
}

/** A session that ran nothing because the program is finished or paused: green, and it says why. */
function haltedResult(
  settings: Settings,
  branch: string,
  startedAt: string,
  halt: Halt,
  rows: readonly LedgerRow[],
): SessionResult {
  const kept = [...rows].reverse().find((row) => movedHead(row, settings));
  const metrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(kept?.metrics ?? {}))
    if (value !== undefined) metrics[name] = value;
  return {
    tag: settings.tag,
    branch,
    startedAt,
    created: false,
    mergedBase: false,
    conflicts: [],
    outcomes: [],
    stopReason: halt.kind,
    halt,
    incumbent: { commit: kept?.commit ?? '', metrics },
    rows,
    evalLogPath: '',
  };
}

/** Whether a row moved the branch's head: a keep, or an explore step (search: tree's stay off it). */
function movedHead(row: LedgerRow, settings: Settings): boolean {
  return row.status === 'keep' || (row.status === 'explore' && settings.search !== 'tree');
}

/**
 * The refs a session moves itself while untrusted code may run: its branch (the trees check it against
 * what they recorded). refs/autoexp/<tag>/best is guarded like any other ref, and the session tells the
 * guard where it moves it. The branch's remote-tracking copy is guarded too: autoexp's pushes move it only
 * while no run is open (RepositoryGuard.quiet), and a run that moved it could make a killed session's
 * successor take it for the remote's copy of the branch.
 */
function ownRefs(branch: string): (ref: string) => boolean {
  return (ref) => ref === `refs/heads/${branch}`;
}

async function lockOrError(commonDir: string, tag: string, branch: string): Promise<TagLock> {
  try {
    return await acquireTagLock({ dir: tagLockDir(commonDir), tag });
  } catch (error) {
    if (error instanceof LockHeldError) throw new SetupError(error.message);
    throw new SetupError(`cannot lock ${branch}: ${(error as Error).message}`);
  }
}

interface OpenedBranch {
  tree: ExperimentTree;
  /** The branch did not exist and was created from base. */
  created: boolean;
  /** Base had moved and was merged in (a merge commit on the branch). */
  mergedBase: boolean;
  /** Files that conflicted when merging base; when non-empty no experiment may run. */
  conflicts: string[];
}

/**
 * Finds or creates autoexp/<tag> (from the remote's copy when there is one, else from base), puts back
 * what a killed session left unrecorded, adds the branch's tree, and merges base when it moved.
 */
async function openBranch(
  options: SessionOptions,
  repo: Git,
  branch: string,
  lock: TagLock,
  trees: SessionTrees,
): Promise<OpenedBranch> {
  const { baseRef, events = {} } = options;
  const checkedOutAt = await repo.worktreeOf(branch);
  if (checkedOutAt !== undefined) {
    const ours = checkedOutAt.startsWith(trees.place) || /[/\\]\.git[/\\]autoexp[/\\]/.test(checkedOutAt);
    // A tree left by a session that was killed (here, or where older versions kept it) is removed.
    if (ours) await repo.removeWorktree(checkedOutAt);
    else
      throw new SetupError(
        `${branch} is checked out in ${checkedOutAt}; autoexp works on it in a tree of its own. ` +
          `Switch that checkout to another branch and run again.`,
      );
  }

  let created = false;
  const tip = await repo.resolve(`refs/heads/${branch}`);
  const killedAt =
    tip === undefined ? await deletedBranchHead(repo, lock, options.remoteBranchRef) : undefined;
  if (killedAt !== undefined) {
    // A proposal killed mid-run with its session deleted the branch: it comes back where it was recorded.
    await repo.createBranch(branch, killedAt);
    events.notice?.(
      `recovering from a session that was killed: ${branch} was gone; autoexp made it again at its last ` +
        `recorded experiment (${killedAt.slice(0, 7)})`,
    );
  } else if (tip === undefined) {
    const remoteTip = options.remoteBranchRef ? await repo.resolve(options.remoteBranchRef) : undefined;
    const start = remoteTip ?? (await repo.resolve(baseRef));
    if (start === undefined) {
      throw new SetupError(
        `base branch "${baseRef}" does not exist; set "base" in autoexp.yml to an existing branch`,
      );
    }
    await repo.createBranch(branch, start);
    created = remoteTip === undefined;
  } else {
    await recoverUnrecorded(repo, branch, tip, lock, options.remoteBranchRef, events.notice);
  }
  const tree = await trees.branch(branch);
  let mergedBase = false;
  let conflicts: string[] = [];
  if (!created && !(await tree.isAncestor(baseRef))) {
    conflicts = await tree.merge(baseRef, `autoexp: merge ${baseRef} into ${branch}`, {
      dir: options.settings.results.dir,
      metricNames: options.settings.metrics.map((metric) => metric.name),
    });
    mergedBase = conflicts.length === 0;
  }
  await lock.recordHead(tree.head);
  return { tree, created, mergedBase, conflicts };
}

/**
 * A session killed mid-experiment (SIGKILL, a lost runner) may have left a candidate commit on the
 * branch with no ledger row, or a proposal in flight may have moved the branch (an amend, a reset). The
 * lock it held says which head it had recorded last: the branch goes back to that head; what was made
 * after it, or instead of it, is never adopted as the incumbent. Only the remote's copy of the branch
 * (`remoteBranchRef`: another run's work, fetched before the session) is taken as it is.
 */
async function recoverUnrecorded(
  repo: Git,
  branch: string,
  tip: string,
  lock: TagLock,
  remoteBranchRef: string | undefined,
  notice: ((message: string) => void) | undefined,
): Promise<void> {
  const previous = lock.previous;
  if (!previous) return;
  const who = `a session that was killed (pid ${previous.pid}${previous.host !== hostname() ? ` on ${previous.host}` : ''}, started ${previous.startedAt})`;
  const recorded = previous.head;
  if (!recorded || tip.startsWith(recorded) || recorded.startsWith(tip)) {
    notice?.(`taking over from ${who}; ${branch} is as it recorded it`);
    return;
  }
  const recordedCommit = await killedSessionHead(repo, lock);
  if (recordedCommit === undefined) {
    notice?.(`taking over from ${who}; the commit it recorded last is gone, so ${branch} stays as it is`);
    return;
  }
  if (!(await repo.isAncestor(recordedCommit, tip))) {
    // Behind the recorded head, the branch lacks recorded rows; beside it, it holds commits nobody
    // recorded (a proposal's amend of a ledger commit) — unless it is where the remote's copy is.
    const remoteTip = remoteBranchRef ? await repo.resolve(remoteBranchRef) : undefined;
    if (remoteTip === tip && !(await repo.isAncestor(tip, recordedCommit))) {
      notice?.(`taking over from ${who}; ${branch} is the remote's copy, moved since, so it stays as it is`);
      return;
    }
    await repo.setRef(`refs/heads/${branch}`, recordedCommit);
    notice?.(
      `recovering from ${who}: ${branch} was moved off its last recorded experiment (to ${tip.slice(0, 7)}); ` +
        `autoexp put it back at ${recordedCommit.slice(0, 7)}`,
    );
    return;
  }
  if (await isLedgerCommitOf(repo, tip, previous)) {
    notice?.(`taking over from ${who}; ${branch} ends with the row it committed last, which stays`);
    return;
  }
  await repo.setRef(`refs/heads/${branch}`, recordedCommit);
  notice?.(
    `recovering from ${who}: ${branch} had commits after its last recorded experiment (${tip.slice(0, 7)}); ` +
      `they were never measured to the end, so autoexp reset the branch to ${recordedCommit.slice(0, 7)}`,
  );
}

/** The commit a killed session's lock says it recorded last, when it still exists. */
async function killedSessionHead(repo: Git, lock: TagLock): Promise<string | undefined> {
  const recorded = lock.previous?.head;
  // The lock is a file untrusted code could write: only a commit id is looked up.
  return recorded && /^[0-9a-f]{40,64}$/.test(recorded) ? await repo.resolve(recorded) : undefined;
}

/**
 * Where a branch that is gone was recorded last by a killed session: a proposal killed with it may have
 * deleted it. Without a remote that says otherwise: a remote's copy that is not behind the recorded head
 * (another run's, or the branch deleted there to start over) is what counts.
 */
async function deletedBranchHead(
  repo: Git,
  lock: TagLock,
  remoteBranchRef: string | undefined,
): Promise<string | undefined> {
  const recorded = await killedSessionHead(repo, lock);
  if (recorded === undefined || remoteBranchRef === undefined) return recorded;
  const remoteTip = await repo.resolve(remoteBranchRef);
  return remoteTip !== undefined && (await repo.isAncestor(remoteTip, recorded)) ? recorded : undefined;
}

/**
 * Whether `tip` is the ledger commit the killed session was making when it died: a child of the commit
 * its lock says it was recording on. Only autoexp notes that, just before its commit, when no proposal
 * runs on the branch; the kept candidate under it (if any) was decided before the note.
 */
async function isLedgerCommitOf(repo: Git, tip: string, previous: LockInfo): Promise<boolean> {
  const on = previous.recordingOn;
  if (on === undefined || !/^[0-9a-f]{40,64}$/.test(on)) return false;
  const { parents } = await repo.commitInfo(tip);
  return parents.length === 1 && parents[0] === on;
}

async function startState(
  options: SessionOptions,
  repo: Git,
  tree: ExperimentTree,
  lock: TagLock,
  guard: RepositoryGuard,
  trees: SessionTrees,
  sessionId: string,
): Promise<SessionState> {
  const { settings, env, events = {} } = options;
  const ledger = await Ledger.open(
    `${tree.path}/${settings.results.dir}`,
    settings.metrics.map((metric) => metric.name),
  );
  tree.watchOwnFiles(() => ledger.openFiles());
  const stageIndex = settings.stages ? currentStage(settings.stages, await ledger.records()) : 0;
  const tracked = await tree.reader.trackedFiles();
  const harness = harnessFiles(settings, options.checkout, tracked);
  const inScope = scopeOf(settings, stageIndex, harness);
  const inContext = scopeMatcher(settings.scope.context);
  const guarded = [...harness].filter(scopeOf(settings, stageIndex)).sort();
  if (guarded.length > 0)
    events.notice?.(
      `scope.modify matches ${guarded.join(', ')}; no experiment may change ${guarded.length === 1 ? 'it' : 'them'} ` +
        '(autoexp.yml and the files the eval runs are the rules experiments are judged by)',
    );
  const scopePaths = tracked.filter(inScope);
  const links = await notPlainFiles(
    tree.path,
    scopePaths.map((path) => ({ path, code: '  ' })),
  );
  if (links.length > 0) {
    throw new SessionError(
      `scope.modify matches files that are not plain files: ${links.map((link) => link.path).join(', ')}; ` +
        'autoexp writes only plain files. Narrow scope.modify to exclude them',
    );
  }
  const scopeContents = readScopeFiles(tree.path, scopePaths);
  const contextFiles = tracked.filter((path) => inContext(path) && !inScope(path));
  if (scopeContents.size === 0) {
    const problem = unmatchedScopeMessage(settings.scope.modify, tracked, {
      exists: (path) => existsSync(join(options.checkout, path)),
    });
    // mutate changes what is there; other proposers may create the files, so it is said, not refused.
    if (settings.proposer.kind === 'mutate' && !options.proposer) throw new SessionError(problem);
    events.notice?.(`${problem} (a proposer may still create files there)`);
  }
  // Read before setup or any eval runs: what an eval writes there later is put back before each agent run.
  const agentConfig =
    settings.proposer.kind === 'command' && !options.proposer
      ? await snapshotAgentConfig(env, tree.path, join(tree.scratchDir, 'agent-config-replaced'))
      : undefined;
  const configured = options.proposer ?? proposerOrError(settings, tree.scratchDir, env, agentConfig);
  const proposer = options.reapplyFirst?.length ? reapplyThen(options.reapplyFirst, configured) : configured;
  const network = settings.eval.network === 'off' ? await isolationOrError() : undefined;
  const llmKeyNames = settings.proposer.kind === 'llm' ? [settings.proposer.apiKeyEnv] : [];
  const measurer = new Measurer({
    settings,
    env: { ...cleanEnvironment(env, llmKeyNames), AUTOEXP_CHECKOUT: options.checkout },
    signal: options.signal,
    network,
    guard,
    events,
    lock,
  });
  trees.measurer = measurer;
  const budget = new SessionBudget(
    {
      experiments: options.experiments ?? settings.budget.experiments,
      timeMs: options.timeMs ?? settings.budget.timeMs,
      consecutiveCrashes: settings.budget.consecutiveCrashes,
      costUsd: settings.budget.costUsd,
    },
    Date.now(),
  );
  // Without explore the head is always the best keep; the pointer (one more git process per new best)
  // is only kept when explore steps can leave the head worse than an earlier keep.
  const best =
    settings.explore.every > 0
      ? BestPointer.fromLedger(repo, settings.tag, ledger.rows(), settings.metrics, (ref, sha) =>
          guard.noteOwnRef(ref, sha),
        )
      : undefined;
  const state = new SessionState(
    options,
    ledger,
    tree,
    proposer,
    measurer,
    budget,
    best,
    lock,
    guard,
    trees,
    scopeContents,
    contextFiles,
    sessionId,
    withoutGitHubSecrets(env),
    stageIndex,
    harness,
  );
  state.agentConfig = agentConfig;
  // An injected proposer (combine) replays commits made on the head: it proposes from the head.
  if (settings.search === 'tree' && !options.proposer) {
    const seed = settings.proposer.kind === 'mutate' ? settings.proposer.seed : 0;
    state.search = new SearchTree(repo, settings.tag, settings.metrics[0]!, seed, guard);
    state.search.fromHeadUntil = ledger.nextExperiment() + (options.reapplyFirst?.length ?? 0);
  }
  return state;
}

/** Runs eval.setup, then measures the branch head; writes row 0 when the ledger is new. */
async function measureIncumbent(state: SessionState): Promise<ExperimentOutcome | undefined> {
  const { settings, events = {} } = state.options;
  // No check of the tree here: autoexp has just made or taken it over (checked out with --force, every
  // untracked and ignored file removed) and nothing but its own merge of base has run in it since.
  const tree = state.branchTree;
  await state.measurer.setup(tree);
  const commit = await tree.reader.shortSha('HEAD');
  if (!state.ledger.isEmpty()) {
    events.notice?.(
      `resuming ${tree.branch} at #${state.ledger.nextExperiment()}: re-measuring the incumbent (${commit}), ` +
        'since numbers from another session or machine do not compare',
    );
  }
  events.phase?.({ kind: 'incumbent', repeats: settings.eval.repeats });
  const measurement = await state.measurer.measure(tree, 'incumbent');
  if (measurement.outcome === 'aborted') throw new SessionError('cancelled while measuring the incumbent');
  if (measurement.outcome !== 'measured') {
    const what = state.ledger.isEmpty() ? 'the baseline' : `the incumbent (${commit})`;
    throw new SessionError(
      `measuring ${what} failed: ${measurement.reason}. Fix eval.command so it runs on the unchanged code; ` +
        `its output is in ${tree.scratchDir}/eval.log:\n${measurement.logTail}`,
    );
  }
  state.incumbent = { commit, metrics: measurement.metrics, samples: measurement.samples };
  const violated = firstViolation(state.view.metrics, measurement.metrics);
  if (violated) {
    events.notice?.(
      `the ${state.ledger.isEmpty() ? 'baseline' : 'incumbent'} already breaks the constraint ${violated}: every ` +
        'candidate that breaks it too is discarded, so nothing is kept until one satisfies it. If that is not what ' +
        'you want, loosen min/max in autoexp.yml',
    );
  }
  if (settings.eval.holdout) {
    const holdout = await state.measurer.holdout(tree, 'incumbent');
    if (holdout.outcome === 'aborted') throw new SessionError('cancelled while measuring the holdout');
    if (holdout.outcome !== 'measured') {
      throw new SessionError(`eval.holdout failed on the incumbent (${holdout.reason}):\n${holdout.logTail}`);
    }
    state.incumbentHoldout = holdout.metrics;
  }
  if (!state.ledger.isEmpty()) return undefined;
  await state.best?.offer(commit, measurement.metrics);
  await state.search?.addNode(0, commit);
  const record = state.baseRecord(0, measurement.wallTimeMs);
  Object.assign(record, {
    commit,
    status: 'keep',
    reason: 'baseline',
    description: 'baseline',
    metrics: measurement.metrics,
    samples: measurement.samples,
    scope_hash: scopeHash(state.scopeContents),
    proposer: 'none',
    // What the eval said about the unchanged code is the first thing the proposers should read.
    ...(measurement.feedback ? { feedback: measurement.feedback } : {}),
  });
  return recordOutcome(state, record);
}

/**
 * Runs experiments until the budget or a cancel stops them. With `workers` > 1 that many candidates are
 * proposed and measured at once, each in a tree of its own; they are decided one at a time, in
 * experiment order, against the incumbent of that moment (see settle.ts: a stale candidate is rebased).
 */
async function runExperiments(state: SessionState): Promise<StopReason> {
  const { settings, signal } = state.options;
  // An injected proposer (combine replays commits in order) is one object: it runs in one slot; so do
  // commits applied again in order.
  const oneSlot = state.options.proposer !== undefined || (state.options.reapplyFirst?.length ?? 0) > 0;
  const free = await createSlots(state, oneSlot ? 1 : (settings.workers ?? 1));
  const inFlight = new Map<number, { slot: Slot; allowance: number; prepared: Promise<Prepared> }>();
  let next = state.ledger.nextExperiment();
  let reserved = 0;
  let stop: StopReason | undefined;
  const drain = () => Promise.allSettled([...inFlight.values()].map((entry) => entry.prepared));
  for (;;) {
    while (stop === undefined && free.length > 0) {
      stop = signal.aborted
        ? 'cancelled'
        : state.stopRequested
          ? 'superseded'
          : (state.memory.halt?.kind ?? state.budget.stopReason(Date.now(), inFlight.size));
      if (stop) break;
      const stage = await stageAllows(state, inFlight.size);
      if (stage === 'done') stop = 'stages-done';
      if (stage !== 'start') break;
      const slot = free.shift()!;
      // budget.cost-usd is shared out so that experiments in flight together cannot pass it.
      const allowance = (state.budget.costLeftUsd - reserved) / (free.length + 1);
      reserved += allowance;
      const experiment = next++;
      inFlight.set(experiment, { slot, allowance, prepared: prepare(state, slot, experiment, allowance) });
    }
    if (inFlight.size === 0) return stop ?? 'experiments';
    const first = Math.min(...inFlight.keys());
    const { slot, allowance, prepared } = inFlight.get(first)!;
    inFlight.delete(first);
    let result: Prepared;
    try {
      result = await prepared;
    } catch (error) {
      // A setup error in one slot ends the session: let the others finish cleaning up first.
      await drain();
      throw error;
    }
    reserved -= allowance;
    if (result.kind === 'cancelled' || signal.aborted) {
      // Every run in flight was killed by the same signal; wait for them to clean up.
      await drain();
      if (result.kind === 'candidate' && slot.onBranch) await slot.tree.resetTo(state.recordedHead);
      return 'cancelled';
    }
    free.push(slot);
    if (result.kind === 'cost') {
      state.search?.settled(first);
      stop ??= 'cost';
      continue;
    }
    const outcome =
      result.kind === 'recorded'
        ? await recordOutcome(state, result.record)
        : await settle(state, result.candidate);
    // Decided and recorded: from now on proposers see it in the ledger.
    state.inFlight.delete(first);
    state.search?.settled(first);
    if (outcome === 'cancelled') {
      await drain();
      return 'cancelled';
    }
    state.budget.record(outcome.row.status, outcome.record.cost_usd);
    if (stop === undefined && state.memory.halt) stop = state.memory.halt.kind;
    if (stop === undefined) {
      const now = state.budget.stopReason(Date.now(), inFlight.size);
      if (now === 'consecutive-crashes' || now === 'cost') stop = now;
    }
  }
}

/**
 * stages: may an experiment start in the current stage? When the stage is over and nothing of it is in
 * flight, the next stage begins: its files become the scope, and the earlier stages' files are frozen.
 */
async function stageAllows(state: SessionState, inFlight: number): Promise<'start' | 'wait' | 'done'> {
  const { settings, events = {} } = state.options;
  const stages = settings.stages;
  if (!stages) return 'start';
  const records = await state.ledger.records();
  for (;;) {
    const stage = stages[state.stageIndex];
    if (stage === undefined) return 'done';
    const end = stageEnd(stage, stageProgress(records, stage.name), inFlight);
    if (end === undefined) return 'start';
    if (inFlight > 0) return 'wait';
    const next = stages[state.stageIndex + 1];
    events.notice?.(
      `stage "${stage.name}" is over (${end})` +
        (next ? `; stage "${next.name}" begins, and the files of earlier stages are frozen` : ''),
    );
    if (next) await state.enterStage(state.stageIndex + 1);
    else state.stageIndex++;
  }
}

/** Where candidates are made: the branch's own tree, or with workers > 1 one tree per worker. */
async function createSlots(state: SessionState, workers: number): Promise<Slot[]> {
  if (workers <= 1) return [{ index: 0, tree: state.branchTree, proposer: state.proposer, onBranch: true }];
  const { settings, env, events = {} } = state.options;
  const timing = settings.metrics.filter((metric) => TIMING_METRIC.test(metric.name));
  if (timing.length > 0) {
    events.notice?.(
      `workers: ${workers} with timing metrics (${timing.map((metric) => metric.name).join(', ')}): ` +
        'candidates measured at the same time slow each other down; use workers: 1 for timings you trust',
    );
  }
  state.watchBranchTree = true;
  await state.sealBranchTree();
  const slots: Slot[] = [];
  for (let index = 1; index <= workers; index++) {
    const tree = await state.trees.worker(index, state.recordedHead);
    slots.push({
      index,
      tree,
      proposer:
        index === 1 ? state.proposer : proposerOrError(settings, tree.scratchDir, env, state.agentConfig),
      onBranch: false,
    });
  }
  return slots;
}

/** A proposer that cannot work at all (no key, an unknown price) is a setup error, before any measuring. */
function proposerOrError(
  settings: Settings,
  scratchDir: string,
  env: NodeJS.ProcessEnv,
  agentConfig?: AgentConfig,
): Proposer {
  try {
    return createProposer(settings, scratchDir, env, agentConfig);
  } catch (error) {
    if (error instanceof ProposerSetupError) throw new SessionError(error.message);
    throw error;
  }
}

/**
 * Whether every command a session runs (proposer, setup, eval, guard) ends when the session's process
 * does, even killed outright: then nothing untrusted runs between two sessions. A machine runs them
 * all the same way each session, so what this one finds holds for the last one too.
 *
 * Never as root: the proposer and setup (and, with the network on, the eval) keep every capability, so
 * one can ptrace the namespace's first process and take its parent-death signal away, or have the kernel
 * start a process outside every namespace (kernel.core_pattern, kernel.modprobe); the signals end only
 * the commands that do not fight them.
 */
export async function commandsDieWithSession(settings: Settings): Promise<boolean> {
  if (process.getuid?.() === 0) return false;
  const containment = await detectContainment();
  if (containment.kind !== 'namespace' || !containment.diesWithAutoexp) return false;
  if (settings.eval.network !== 'off') return true;
  const isolation = await detectNetworkIsolation().catch(() => undefined);
  return isolation?.kind === 'unshare' && isolation.diesWithAutoexp;
}

/** eval.network: off must never quietly run with the network on. */
async function isolationOrError(): Promise<NetworkIsolation> {
  try {
    return await detectNetworkIsolation();
  } catch (error) {
    throw new SessionError((error as Error).message);
  }
}

export { branchName, commitMessage } from './recorder.js';
export { SessionError } from './errors.js';
export type {
  ExperimentOutcome,
  SessionEvents,
  SessionOptions,
  SessionPhase,
  SessionResult,
  Status,
  StopReason,
} from './types.js';
export { formatDuration };
