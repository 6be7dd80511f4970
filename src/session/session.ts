// The loop of seed 000, one session long:
//   measure the incumbent; then until the budget is spent:
//   propose -> check scope -> commit -> measure -> decide -> keep or undo -> record in the ledger.
// Git, measuring, deciding and the ledger are one call away; front ends (CLI, Action) wrap this.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../config/settings.js';
import { decide } from '../decide/decide.js';
import { Git, type ChangedPath } from '../git/git.js';
import { Ledger } from '../ledger/ledger.js';
import type { ExperimentRecord, LedgerRow, Status } from '../ledger/types.js';
import { cleanEnvironment, withoutGitHubSecrets } from '../measure/environment.js';
import { formatDuration, measure, measureInterleaved } from '../measure/measure.js';
import type { Measurement } from '../measure/types.js';
import { detectNetworkIsolation, type NetworkIsolation } from '../measure/network.js';
import { createProposer } from '../propose/create.js';
import {
  ProposalError,
  ProposerSetupError,
  type Proposal,
  type Proposer,
  type ProposerContext,
  type ReviewerComment,
} from '../propose/types.js';
import { BestPointer } from './best.js';
import { SessionBudget, type StopReason } from './budget.js';
import { holdoutRegression, measureHoldout, runGuard } from './gates.js';
import { describeChanges, summarizeChanges, type FileChange } from './patch.js';
import { checkScope, describeOutOfScope, scopeMatcher, type ScopeMatcher } from './scope.js';
import { scopeHash } from './scope-hash.js';
import { currentStage, stageEnd, stageProgress, stageScope, stageView } from './stages.js';
import { SetupError, Workspace } from './workspace.js';

export interface SessionOptions {
  settings: Settings;
  /** Any directory inside the user's checkout. */
  checkout: string;
  /** The ref a new branch starts from and that is merged in when it moved (e.g. "main", "origin/main"). */
  baseRef: string;
  /** Where the branch may exist when it is not local yet (e.g. "refs/remotes/origin/autoexp/x"). */
  remoteBranchRef?: string;
  /** Budget overrides from the command line or action inputs. */
  experiments?: number;
  timeMs?: number;
  /** The environment autoexp runs in; children get scrubbed copies of it (CONTRACT §6). */
  env: NodeJS.ProcessEnv;
  /** Aborting (SIGINT/SIGTERM) stops the experiment in flight, undoes it, and ends the session. */
  signal: AbortSignal;
  events?: SessionEvents;
  /** Comments on the summary PR since the last session; every proposal sees them. */
  reviewerNotes?: readonly ReviewerComment[];
  /**
   * Called after every ledger commit, e.g. to push the branch. Returning 'stop' ends the session after
   * this experiment (the action does when another run moved the branch under it).
   */
  afterRecord?: (git: Git, branch: string) => Promise<void | 'stop'>;
  /** Proposes instead of the one autoexp.yml configures (autoexp combine replays commits with it). */
  proposer?: Proposer;
}

export type SessionPhase =
  | { kind: 'setup' }
  | { kind: 'incumbent'; repeats: number }
  | { kind: 'proposing'; experiment: number }
  /** `run`: which of the `repeats` runs is under way (1-based), once it starts. */
  | { kind: 'measuring'; experiment: number; repeats: number; run?: number }
  | { kind: 'recording'; experiment: number };

export interface SessionEvents {
  phase?(phase: SessionPhase): void;
  experiment?(outcome: ExperimentOutcome): void;
  notice?(message: string): void;
}

export interface ExperimentOutcome {
  row: LedgerRow;
  record: ExperimentRecord;
  /** The incumbent's metrics this experiment was compared with (this session's measurement). */
  incumbent: Record<string, number>;
}

export interface SessionResult {
  tag: string;
  branch: string;
  startedAt: string;
  /** The branch was created from base in this session. */
  created: boolean;
  mergedBase: boolean;
  /** Files that conflicted merging base; no experiment ran. */
  conflicts: string[];
  /** Row 0, when this session wrote it. */
  baseline?: ExperimentOutcome;
  outcomes: ExperimentOutcome[];
  stopReason: StopReason | 'merge-conflict';
  incumbent: { commit: string; metrics: Record<string, number> };
  /** Every row of the ledger after the session. */
  rows: readonly LedgerRow[];
  /** Where the last eval's full output is. */
  evalLogPath: string;
}

export class SessionError extends SetupError {
  override name = 'SessionError';
}

interface Incumbent {
  commit: string;
  metrics: Record<string, number>;
  samples: Record<string, number[]>;
}

/** Where a candidate is proposed and measured. */
interface Slot {
  /** 0: the branch's worktree; 1..workers: a worker's worktree. */
  index: number;
  git: Git;
  path: string;
  scratchDir: string;
  /** One proposer per slot: proposers keep files and conversations of their own. */
  proposer: Proposer;
  /** The branch's own worktree (workers: 1): the candidate is a commit on the branch itself. */
  onBranch: boolean;
}

interface Measured {
  candidate: Measurement;
  /** The incumbent measurement it is compared with (a fresh one when interleaved). */
  incumbent: Incumbent;
}

/** A measured candidate waiting for its turn to be decided. */
interface Candidate {
  slot: Slot;
  record: ExperimentRecord;
  /** The incumbent it was proposed against, and its scope files' contents. */
  base: Incumbent;
  baseContents: Map<string, string>;
  fileChanges: FileChange[];
  /** The candidate commit in the slot's tree. */
  commit: string;
  measured: Measured;
}

type Prepared =
  | { kind: 'cancelled' }
  /** The proposer stopped before a call that could pass budget.cost-usd; nothing to record. */
  | { kind: 'cost' }
  /** Finished without a decision to make (invalid, crash, timeout): only the record is left to write. */
  | { kind: 'recorded'; record: ExperimentRecord }
  | { kind: 'candidate'; candidate: Candidate };

/** Metric names that look like timings or rates, which parallel runs disturb (workers > 1 warns). */
const TIMING_METRIC =
  /time|latency|duration|second|(^|_)(ms|us|ns|s)$|(^|_)p\d{2,3}($|_)|ops|throughput|qps|rps|per_s/i;

export function branchName(tag: string): string {
  return `autoexp/${tag}`;
}

export async function runSession(options: SessionOptions): Promise<SessionResult> {
  const { settings, events = {} } = options;
  const startedAt = new Date().toISOString();
  const branch = branchName(settings.tag);
  const repo = Git.at(options.checkout);
  const { commonDir } = await repo.describeRepository();

  const opened = await Workspace.open({
    repo,
    commonDir,
    branch,
    baseRef: options.baseRef,
    remoteBranchRef: options.remoteBranchRef,
  });
  const { workspace } = opened;
  try {
    const loop = await ExperimentLoop.start(options, workspace, startedAt);
    const base: Omit<SessionResult, 'stopReason' | 'outcomes' | 'baseline' | 'incumbent' | 'rows'> = {
      tag: settings.tag,
      branch,
      startedAt,
      created: opened.created,
      mergedBase: opened.mergedBase,
      conflicts: opened.conflicts,
      evalLogPath: loop.evalLogPath,
    };
    if (opened.conflicts.length > 0) {
      events.notice?.(
        `merging ${options.baseRef} into ${branch} conflicts in ${opened.conflicts.join(', ')}; no experiments this time`,
      );
      return {
        ...base,
        stopReason: 'merge-conflict',
        outcomes: [],
        incumbent: loop.incumbentSummary(),
        rows: loop.rows(),
      };
    }
    if (opened.mergedBase) events.notice?.(`merged ${options.baseRef} into ${branch}`);
    const baseline = await loop.measureIncumbent();
    const stopReason = await loop.runExperiments();
    return {
      ...base,
      baseline,
      stopReason,
      outcomes: loop.outcomes,
      incumbent: loop.incumbentSummary(),
      rows: loop.rows(),
    };
  } finally {
    await workspace.close();
    // Experiment commits skip git's automatic housekeeping (one process less per commit); let git
    // decide once per session whether the repository needs it.
    await repo.run(['maintenance', 'run', '--auto', '--quiet'], { allowFailure: true });
  }
}

/** The state of one session's loop over one worktree. */
class ExperimentLoop {
  readonly outcomes: ExperimentOutcome[] = [];
  private incumbent: Incumbent | undefined;
  /** The incumbent's eval.holdout metrics (never shown to the proposer). */
  private incumbentHoldout: Record<string, number> | undefined;
  private readonly best: BestPointer | undefined;
  /** Discards in a row, across sessions: explore.stuck-after of them switch prompts to "when stuck". */
  private discardsInARow: number;
  /** The experiments log without holdout results, as proposers get it (eval.holdout only). */
  private readonly visibleRecords: ExperimentRecord[] = [];
  /** The front end asked to stop (see SessionOptions.afterRecord). */
  private stopRequested = false;
  /** The commit the branch head must be at between experiments (short sha); a proposer must not move it. */
  private head: string | undefined;
  private readonly budget: SessionBudget;
  private readonly evalEnv: Record<string, string>;
  private readonly proposerEnv: Record<string, string>;
  /** What experiments may change: scope.modify, or the current stage's files. */
  private inScope: ScopeMatcher;
  /** stages: the index of the stage experiments run in (stages.length: all are over). */
  private stageIndex: number;
  /** The settings as proposers and decisions see them: the current stage's scope and metrics, if staged. */
  private view: Settings;

  private constructor(
    private readonly options: SessionOptions,
    private readonly workspace: Workspace,
    private readonly ledger: Ledger,
    private readonly proposer: Proposer,
    /** Contents of the tracked scope files as of the incumbent (kept in memory to diff without git). */
    private scopeContents: Map<string, string>,
    /** Tracked files matching scope.context, shown read-only to the llm proposer. */
    private readonly contextFiles: string[],
    private readonly sessionId: string,
    /** eval.network: off — how eval, guard and holdout get a network namespace of their own. */
    private readonly network: NetworkIsolation | undefined,
    stageIndex: number,
  ) {
    const { settings } = options;
    this.budget = new SessionBudget(
      {
        experiments: options.experiments ?? settings.budget.experiments,
        timeMs: options.timeMs ?? settings.budget.timeMs,
        consecutiveCrashes: settings.budget.consecutiveCrashes,
        costUsd: settings.budget.costUsd,
      },
      Date.now(),
    );
    const llmKeyNames = settings.proposer.kind === 'llm' ? [settings.proposer.apiKeyEnv] : [];
    this.evalEnv = { ...cleanEnvironment(options.env, llmKeyNames), AUTOEXP_CHECKOUT: options.checkout };
    this.proposerEnv = withoutGitHubSecrets(options.env);
    this.stageIndex = stageIndex;
    this.inScope = scopeOf(settings, stageIndex);
    this.view =
      settings.stages && stageIndex < settings.stages.length ? stageView(settings, stageIndex) : settings;
    // Without explore the head is always the best keep; the pointer (one more git process per new best)
    // is only kept when explore steps can leave the head worse than an earlier keep.
    this.best =
      settings.explore.every > 0
        ? BestPointer.fromLedger(workspace.git, settings.tag, ledger.rows(), settings.metrics[0]!)
        : undefined;
    this.discardsInARow = trailingDiscards(ledger.rows());
  }

  static async start(
    options: SessionOptions,
    workspace: Workspace,
    sessionId: string,
  ): Promise<ExperimentLoop> {
    const { settings } = options;
    const ledger = await Ledger.open(
      join(workspace.path, settings.results.dir),
      settings.metrics.map((metric) => metric.name),
    );
    const stageIndex = settings.stages ? currentStage(settings.stages, await ledger.records()) : 0;
    const inScope = scopeOf(settings, stageIndex);
    const inContext = scopeMatcher(settings.scope.context);
    const tracked = await workspace.git.trackedFiles();
    const scopeContents = await readScopeFiles(workspace.path, tracked.filter(inScope));
    const contextFiles = tracked.filter((path) => inContext(path) && !inScope(path));
    if (scopeContents.size === 0 && settings.proposer.kind === 'mutate') {
      throw new SessionError(
        `no tracked file matches scope.modify (${settings.scope.modify.join(', ')}); commit the files to optimize first`,
      );
    }
    const proposer = options.proposer ?? proposerOrError(settings, workspace.scratchDir, options.env);
    const network = settings.eval.network === 'off' ? await isolationOrError() : undefined;
    return new ExperimentLoop(
      options,
      workspace,
      ledger,
      proposer,
      scopeContents,
      contextFiles,
      sessionId,
      network,
      stageIndex,
    );
  }

  get evalLogPath(): string {
    return join(this.workspace.scratchDir, 'eval.log');
  }

  private get git(): Git {
    return this.workspace.git;
  }

  rows(): readonly LedgerRow[] {
    return this.ledger.rows();
  }

  incumbentSummary(): { commit: string; metrics: Record<string, number> } {
    const last = [...this.ledger.rows()]
      .reverse()
      .find((row) => row.status === 'keep' || row.status === 'explore');
    if (this.incumbent) return { commit: this.incumbent.commit, metrics: this.incumbent.metrics };
    const metrics: Record<string, number> = {};
    for (const [name, value] of Object.entries(last?.metrics ?? {}))
      if (value !== undefined) metrics[name] = value;
    return { commit: last?.commit ?? '', metrics };
  }

  private measureTree(
    experiment: number | 'incumbent',
    cwd = this.workspace.path,
    logPath = this.evalLogPath,
  ): Promise<Measurement> {
    const { settings } = this.options;
    return measure({
      command: settings.eval.command,
      cwd,
      env: { ...this.evalEnv, AUTOEXP_EXPERIMENT: String(experiment) },
      timeoutMs: settings.eval.timeoutMs,
      repeats: settings.eval.repeats,
      metrics: settings.metrics,
      logPath,
      signal: this.options.signal,
      network: this.network,
      onRun: this.progressOf(experiment),
    });
  }

  /** Live progress per eval run ("measuring 2 of 5"), for experiments measured more than once. */
  private progressOf(experiment: number | 'incumbent'): ((run: number) => void) | undefined {
    const { settings, events = {} } = this.options;
    if (typeof experiment !== 'number' || settings.eval.repeats < 2 || !events.phase) return undefined;
    return (run) => events.phase!({ kind: 'measuring', experiment, repeats: settings.eval.repeats, run });
  }

  /** Runs eval.setup, then measures the branch head; writes row 0 when the ledger is new. */
  async measureIncumbent(): Promise<ExperimentOutcome | undefined> {
    const { settings, events = {}, signal } = this.options;
    await this.ensureProtectedFilesUnchanged();
    if (settings.eval.setup) {
      events.phase?.({ kind: 'setup' });
      const setupLog = join(this.workspace.scratchDir, 'setup.log');
      const setup = await measure({
        command: settings.eval.setup,
        cwd: this.workspace.path,
        env: this.evalEnv,
        timeoutMs: settings.eval.timeoutMs,
        repeats: 1,
        metrics: [],
        logPath: setupLog,
        signal,
      });
      if (setup.outcome === 'aborted') throw new SessionError('cancelled during eval.setup');
      if (setup.outcome !== 'measured') {
        throw new SessionError(
          `eval.setup failed (${setup.reason}); its output is in ${setupLog}:\n${setup.logTail}`,
        );
      }
      await this.removeEvalArtifacts();
    }
    events.phase?.({ kind: 'incumbent', repeats: settings.eval.repeats });
    const commit = await this.git.shortSha('HEAD');
    this.head = commit;
    const measurement = await this.measureTree('incumbent');
    await this.removeEvalArtifacts();
    if (measurement.outcome === 'aborted') throw new SessionError('cancelled while measuring the incumbent');
    if (measurement.outcome !== 'measured') {
      const what = this.ledger.isEmpty() ? 'the baseline' : `the incumbent (${commit})`;
      throw new SessionError(
        `measuring ${what} failed: ${measurement.reason}. Fix eval.command so it runs on the unchanged code; ` +
          `its output is in ${this.evalLogPath}:\n${measurement.logTail}`,
      );
    }
    this.incumbent = { commit, metrics: measurement.metrics, samples: measurement.samples };
    if (settings.eval.holdout) {
      const holdout = await measureHoldout(settings.eval.holdout, settings.metrics, {
        cwd: this.workspace.path,
        env: { ...this.evalEnv, AUTOEXP_EXPERIMENT: 'incumbent' },
        timeoutMs: settings.eval.timeoutMs,
        logPath: join(this.workspace.scratchDir, 'gate.log'),
        signal,
        network: this.network,
      });
      await this.removeEvalArtifacts();
      if (holdout.outcome === 'aborted') throw new SessionError('cancelled while measuring the holdout');
      if (holdout.outcome !== 'measured') {
        throw new SessionError(
          `eval.holdout failed on the incumbent (${holdout.reason}):\n${holdout.logTail}`,
        );
      }
      this.incumbentHoldout = holdout.metrics;
    }
    if (!this.ledger.isEmpty()) return undefined;
    await this.best?.offer(commit, measurement.metrics);

    const record = this.baseRecord(0, measurement.wallTimeMs);
    Object.assign(record, {
      commit,
      status: 'keep',
      reason: 'baseline',
      description: 'baseline',
      metrics: measurement.metrics,
      samples: measurement.samples,
      scope_hash: scopeHash(this.scopeContents),
      proposer: 'none',
    } satisfies Partial<ExperimentRecord>);
    return this.recordOutcome(record);
  }

  /**
   * Runs experiments until the budget or a cancel stops them. With `workers` > 1 that many candidates are
   * proposed and measured at once, each in a worktree of its own; they are decided one at a time, in
   * experiment order, against the incumbent of that moment (see settle: a stale candidate is rebased).
   */
  async runExperiments(): Promise<StopReason> {
    const { settings, signal } = this.options;
    // An injected proposer (combine replays commits in order) is one object: it runs in one slot.
    const free = await this.createSlots(this.options.proposer ? 1 : (settings.workers ?? 1));
    const inFlight = new Map<number, { slot: Slot; allowance: number; prepared: Promise<Prepared> }>();
    let next = this.ledger.nextExperiment();
    let reserved = 0;
    let stop: StopReason | undefined;
    for (;;) {
      while (stop === undefined && free.length > 0) {
        stop = signal.aborted
          ? 'cancelled'
          : this.stopRequested
            ? 'superseded'
            : this.budget.stopReason(Date.now(), inFlight.size);
        if (stop) break;
        const stage = await this.stageAllows(inFlight.size);
        if (stage === 'done') stop = 'stages-done';
        if (stage !== 'start') break;
        const slot = free.shift()!;
        // budget.cost-usd is shared out so that experiments in flight together cannot pass it.
        const allowance = (this.budget.costLeftUsd - reserved) / (free.length + 1);
        reserved += allowance;
        const experiment = next++;
        inFlight.set(experiment, { slot, allowance, prepared: this.prepare(slot, experiment, allowance) });
      }
      if (inFlight.size === 0) return stop ?? 'experiments';
      const first = Math.min(...inFlight.keys());
      const { slot, allowance, prepared } = inFlight.get(first)!;
      inFlight.delete(first);
      const result = await prepared;
      reserved -= allowance;
      if (result.kind === 'cancelled' || signal.aborted) {
        // Every run in flight was killed by the same signal; wait for them to clean up.
        await Promise.allSettled([...inFlight.values()].map((entry) => entry.prepared));
        if (result.kind === 'candidate' && result.candidate.slot.onBranch) await this.undoCommitted(slot.git);
        return 'cancelled';
      }
      free.push(slot);
      if (result.kind === 'cost') {
        stop ??= 'cost';
        continue;
      }
      const outcome =
        result.kind === 'recorded'
          ? await this.recordOutcome(result.record)
          : await this.settle(result.candidate);
      if (outcome === 'cancelled') {
        await Promise.allSettled([...inFlight.values()].map((entry) => entry.prepared));
        return 'cancelled';
      }
      this.budget.record(outcome.row.status, outcome.record.cost_usd);
      if (stop === undefined) {
        const now = this.budget.stopReason(Date.now(), inFlight.size);
        if (now === 'consecutive-crashes' || now === 'cost') stop = now;
      }
    }
  }

  /**
   * stages: may an experiment start in the current stage? When the stage is over and nothing of it is in
   * flight, the next stage begins: its files become the scope, and the earlier stages' files are frozen.
   */
  private async stageAllows(inFlight: number): Promise<'start' | 'wait' | 'done'> {
    const { settings, events = {} } = this.options;
    const stages = settings.stages;
    if (!stages) return 'start';
    const records = await this.ledger.records();
    for (;;) {
      const stage = stages[this.stageIndex];
      if (stage === undefined) return 'done';
      const end = stageEnd(stage, stageProgress(records, stage.name), inFlight);
      if (end === undefined) return 'start';
      if (inFlight > 0) return 'wait';
      this.stageIndex++;
      const next = stages[this.stageIndex];
      events.notice?.(
        `stage "${stage.name}" is over (${end})` +
          (next ? `; stage "${next.name}" begins, and the files of earlier stages are frozen` : ''),
      );
      if (next) {
        this.view = stageView(settings, this.stageIndex);
        this.inScope = scopeOf(settings, this.stageIndex);
        this.scopeContents = await readScopeFiles(
          this.workspace.path,
          (await this.git.trackedFiles()).filter(this.inScope),
        );
      }
    }
  }

  /** Where candidates are made: the branch's own worktree, or with workers > 1 one worktree per worker. */
  private async createSlots(workers: number): Promise<Slot[]> {
    if (workers <= 1) {
      return [
        {
          index: 0,
          git: this.git,
          path: this.workspace.path,
          scratchDir: this.workspace.scratchDir,
          proposer: this.proposer,
          onBranch: true,
        },
      ];
    }
    const { settings, env, events = {} } = this.options;
    const timing = settings.metrics.filter((metric) => TIMING_METRIC.test(metric.name));
    if (timing.length > 0) {
      events.notice?.(
        `workers: ${workers} with timing metrics (${timing.map((metric) => metric.name).join(', ')}): ` +
          'candidates measured at the same time slow each other down; use workers: 1 for timings you trust',
      );
    }
    const slots: Slot[] = [];
    for (let index = 1; index <= workers; index++) {
      const tree = await this.workspace.workerTree(index, this.head!);
      slots.push({
        index,
        ...tree,
        proposer: index === 1 ? this.proposer : proposerOrError(settings, tree.scratchDir, env),
        onBranch: false,
      });
    }
    return slots;
  }

  private baseRecord(experiment: number, wallTimeMs: number, incumbent = this.incumbent!): ExperimentRecord {
    return {
      experiment,
      commit: '',
      parent: incumbent.commit,
      timestamp: new Date().toISOString(),
      status: 'invalid',
      reason: '',
      description: '',
      metrics: {},
      samples: {},
      wall_time_s: Math.round(wallTimeMs / 10) / 100,
      diff_lines: 0,
      patch: '',
      tokens: { input: 0, output: 0 },
      cost_usd: 0,
      proposer: this.proposer.name,
      session: this.sessionId,
      // The baseline belongs to no stage.
      ...(this.options.settings.stages && experiment > 0
        ? { stage: this.options.settings.stages[this.stageIndex]?.name }
        : {}),
      incumbent: {
        commit: incumbent.commit,
        session: this.sessionId,
        metrics: incumbent.metrics,
        samples: incumbent.samples,
      },
    };
  }

  /** What a proposer gets to see for `experiment`. */
  private async proposerContext(
    slot: Slot,
    experiment: number,
    stuck: boolean,
    costLeftUsd: number,
  ): Promise<ProposerContext> {
    const { signal } = this.options;
    const incumbent = this.incumbent!;
    return {
      worktree: slot.path,
      experiment,
      settings: this.view,
      scopeFiles: [...this.scopeContents.keys()].sort(),
      contextFiles: this.contextFiles,
      rows: this.ledger.rows(),
      records: await this.recordsForProposer(),
      stuck,
      reviewerNotes: this.options.reviewerNotes,
      incumbent: { commit: incumbent.commit, metrics: incumbent.metrics },
      resultsPath: this.ledger.resultsPath,
      env: this.proposerEnv,
      signal,
      costLeftUsd,
    };
  }

  /**
   * Proposes, checks and measures one candidate in `slot` (crash repairs included). What is decided only
   * in order (keep or not) is left to settle().
   */
  private async prepare(slot: Slot, experiment: number, costAllowance: number): Promise<Prepared> {
    const { settings, events = {}, signal } = this.options;
    const base = this.incumbent!;
    const baseContents = new Map(this.scopeContents);
    const head = this.head!;
    if (!slot.onBranch) await this.workspace.workerTree(slot.index, head);

    events.phase?.({ kind: 'proposing', experiment });
    const stuck = this.discardsInARow >= settings.explore.stuckAfter;
    const context = await this.proposerContext(slot, experiment, stuck, costAllowance);
    let proposal: Proposal;
    try {
      proposal = await slot.proposer.propose(context);
    } catch (error) {
      await this.undoUncommitted(slot.git, head);
      if (signal.aborted) return { kind: 'cancelled' };
      if (error instanceof ProposerSetupError) throw new SessionError(error.message);
      const failure =
        error instanceof ProposalError
          ? error
          : new ProposalError(`proposer failed: ${(error as Error).message}`);
      if (failure.details.stop === 'cost') {
        this.budget.stopForCost();
        events.notice?.(failure.message);
        // Nothing was spent on this experiment: it did not happen, and its number stays free.
        if (!(failure.details.costUsd && failure.details.costUsd > 0)) return { kind: 'cost' };
      }
      const record = this.baseRecord(experiment, 0, base);
      Object.assign(record, {
        status: failure.details.status ?? 'invalid',
        reason: failure.message,
        description: failure.details.description ?? `proposal failed: ${failure.message}`,
        tokens: failure.details.tokens ?? record.tokens,
        cost_usd: failure.details.costUsd ?? 0,
        ...(failure.details.logTail ? { log_tail: failure.details.logTail } : {}),
      });
      return { kind: 'recorded', record };
    }
    if (signal.aborted) {
      await this.undoUncommitted(slot.git, head);
      return { kind: 'cancelled' };
    }

    const record = this.baseRecord(experiment, 0, base);
    if (stuck) record.stuck = true;
    record.tokens = proposal.tokens ?? record.tokens;
    record.cost_usd = proposal.costUsd ?? 0;
    if (proposal.details) record.proposal = proposal.details;

    const changed = await this.changesSinceHead(slot.git, head, experiment);
    const scope = checkScope(changed, this.inScope, settings.results.dir);
    const candidate: Candidate = {
      slot,
      record,
      base,
      baseContents,
      fileChanges: await readChanges(
        slot.path,
        baseContents,
        scope.inScope.map((change) => change.path),
      ),
      commit: '',
      measured: undefined!,
    };
    describeCandidate(candidate, proposal.description);

    if (changed.length === 0) return { kind: 'recorded', record: { ...record, reason: 'no change' } };
    if (scope.outOfScope.length > 0) {
      await this.undoUncommitted(slot.git, head);
      return { kind: 'recorded', record: { ...record, reason: describeOutOfScope(scope.outOfScope) } };
    }

    candidate.commit = await slot.git.commitAll(record.description, {
      hasUntracked: changed.some((change) => change.code === '??'),
    });
    record.commit = candidate.commit;

    // proposer.crash-retries (seed 002): a crashed candidate gets that many chances to be fixed by its proposer.
    const repairsAllowed =
      slot.proposer.repair && settings.proposer.kind === 'llm' ? settings.proposer.crashRetries : 0;
    for (let repairs = 0; ; repairs++) {
      events.phase?.({ kind: 'measuring', experiment, repeats: settings.eval.repeats });
      candidate.measured = await this.measureCandidate(slot, experiment, base);
      const crash = candidate.measured.candidate;
      if (crash.outcome !== 'crash' || repairs >= repairsAllowed) break;
      events.phase?.({ kind: 'proposing', experiment });
      const repaired = await this.repairCrash(slot, record, context, costAllowance, {
        reason: crash.reason,
        logTail: crash.logTail,
      });
      if (repaired === 'cancelled') break;
      if (!repaired.ok) break;
      const paths = new Set([...candidate.fileChanges.map((change) => change.path), ...repaired.paths]);
      candidate.fileChanges = await readChanges(slot.path, baseContents, [...paths].sort());
      describeCandidate(candidate, repaired.description ?? record.description);
      candidate.commit = record.commit = await slot.git.amendAll(record.description);
    }
    const measurement = candidate.measured.candidate;
    if (measurement.outcome === 'aborted' || signal.aborted) {
      if (slot.onBranch) await this.undoCommitted(slot.git);
      return { kind: 'cancelled' };
    }
    noteMeasurement(record, candidate.measured, base);
    if (measurement.outcome !== 'measured') {
      if (slot.onBranch) await this.undoCommitted(slot.git);
      return {
        kind: 'recorded',
        record: {
          ...record,
          status: measurement.outcome,
          reason: record.crash_repairs
            ? `${measurement.reason} (after ${describeRepairs(record)})`
            : measurement.reason,
          log_tail: measurement.logTail,
        },
      };
    }
    return { kind: 'candidate', candidate };
  }

  /**
   * Decides a measured candidate against the incumbent of this moment, keeps or undoes it, and records it.
   * With workers > 1 a keep may have happened since the candidate was proposed: it is then rebased onto
   * the new incumbent (its change applied on top, as a cherry-pick) and measured again, because its first
   * numbers were against code that is no longer the incumbent. A candidate that no longer applies is
   * recorded as invalid.
   */
  private async settle(candidate: Candidate): Promise<ExperimentOutcome | 'cancelled'> {
    const { settings, events = {} } = this.options;
    const { slot, record } = candidate;
    record.experiment = this.ledger.nextExperiment();
    const experiment = record.experiment;
    if (candidate.base.commit !== this.incumbent!.commit) {
      const rebased = await this.rebase(candidate);
      if (rebased === 'cancelled') return 'cancelled';
      if (rebased !== 'ok') return this.recordOutcome(rebased);
    }
    const { candidate: measurement, incumbent: comparedWith } = candidate.measured;
    if (measurement.outcome !== 'measured') throw new Error('settle: an unmeasured candidate');
    events.phase?.({ kind: 'recording', experiment });
    record.metrics = measurement.metrics;
    const verdict = decide({
      candidate: { metrics: measurement.metrics, samples: measurement.samples },
      incumbent: { metrics: comparedWith.metrics, samples: comparedWith.samples },
      metrics: this.view.metrics,
      settings: settings.decide,
      lineDelta: summarizeChanges(candidate.fileChanges).lineDelta,
    });
    record.reason = verdict.reason;
    if (verdict.stats) record.decision = { ...verdict.stats, confidence: verdict.confidence };
    // explore.every: every Nth experiment is kept even when it is not better (seed 000's explore variant).
    const explore = !verdict.keep && settings.explore.every > 0 && experiment % settings.explore.every === 0;
    let status: Status = verdict.keep ? 'keep' : explore ? 'explore' : 'discard';
    if (explore) record.reason = `explore: ${verdict.reason}`;

    let holdout: Record<string, number> | undefined;
    if (status !== 'discard') {
      const gate = await this.passGates(slot, status, record);
      if (gate === 'cancelled') {
        if (slot.onBranch) await this.undoCommitted(slot.git);
        return 'cancelled';
      }
      if (gate.passed) holdout = gate.holdout;
      else status = 'discard';
    }
    if (status === 'discard') {
      if (slot.onBranch) await this.undoCommitted(slot.git);
      return this.recordOutcome({ ...record, status });
    }

    const message = commitMessage(record.description, experiment, measurement.metrics);
    let kept: string;
    if (slot.onBranch) {
      kept = await this.git.amendMessage(message);
      await this.removeEvalArtifacts(this.git);
    } else {
      // The candidate is a commit in the worker's tree; the branch takes its change as a commit of its own.
      await this.git.applyCommit(candidate.commit);
      kept = await this.git.commitStaged(message);
    }
    record.commit = kept;
    this.incumbent = { commit: kept, metrics: measurement.metrics, samples: measurement.samples };
    if (holdout) this.incumbentHoldout = holdout;
    for (const change of candidate.fileChanges) {
      if (change.after === undefined) this.scopeContents.delete(change.path);
      else this.scopeContents.set(change.path, change.after);
    }
    await this.best?.offer(kept, measurement.metrics);
    return this.recordOutcome({ ...record, status });
  }

  /** Re-applies a stale candidate on the branch head in its worker's tree and measures it again. */
  private async rebase(candidate: Candidate): Promise<'ok' | 'cancelled' | ExperimentRecord> {
    const { settings, events = {}, signal } = this.options;
    const { slot, record } = candidate;
    const incumbent = this.incumbent!;
    await this.workspace.workerTree(slot.index, this.head!);
    const conflicts = await slot.git.applyCommit(candidate.commit);
    if (conflicts.length > 0) {
      await this.undoUncommitted(slot.git, this.head!);
      return {
        ...record,
        status: 'invalid',
        reason: `no longer applies to the incumbent ${incumbent.commit} (conflicts in ${conflicts.join(', ')})`,
      };
    }
    candidate.base = incumbent;
    candidate.baseContents = new Map(this.scopeContents);
    candidate.fileChanges = await readChanges(
      slot.path,
      candidate.baseContents,
      candidate.fileChanges.map((change) => change.path),
    );
    describeCandidate(candidate, record.description);
    record.parent = incumbent.commit;
    record.incumbent = {
      commit: incumbent.commit,
      session: this.sessionId,
      metrics: incumbent.metrics,
      samples: incumbent.samples,
    };
    record.rebased = true;
    if (candidate.fileChanges.every((change) => change.before === change.after)) {
      await this.undoUncommitted(slot.git, this.head!);
      return { ...record, reason: 'no change left after rebasing onto the incumbent' };
    }
    candidate.commit = record.commit = await slot.git.commitStaged(record.description);
    events.phase?.({ kind: 'measuring', experiment: record.experiment, repeats: settings.eval.repeats });
    candidate.measured = await this.measureCandidate(slot, record.experiment, incumbent);
    const measurement = candidate.measured.candidate;
    if (measurement.outcome === 'aborted' || signal.aborted) return 'cancelled';
    noteMeasurement(record, candidate.measured, incumbent);
    if (measurement.outcome !== 'measured') {
      return {
        ...record,
        status: measurement.outcome,
        reason: measurement.reason,
        log_tail: measurement.logTail,
      };
    }
    return 'ok';
  }

  /**
   * Asks the proposer to fix the crashed candidate in place (the slot's HEAD is the candidate). The crash
   * goes into the record either way; a repair that fails, changes nothing or leaves scope ends the
   * attempts, and the candidate is recorded as the crash it was.
   */
  private async repairCrash(
    slot: Slot,
    record: ExperimentRecord,
    context: ProposerContext,
    costAllowance: number,
    crash: { reason: string; logTail: string },
  ): Promise<{ ok: true; paths: string[]; description?: string } | { ok: false } | 'cancelled'> {
    const { settings, signal, events = {} } = this.options;
    (record.crash_repairs ??= []).push({ reason: crash.reason, log_tail: crash.logTail });
    await this.removeEvalArtifacts(slot.git);
    const spend = (proposal: { tokens?: ExperimentRecord['tokens']; costUsd?: number }) => {
      record.tokens = addTokens(record.tokens, proposal.tokens);
      record.cost_usd += proposal.costUsd ?? 0;
    };
    let proposal: Proposal;
    try {
      proposal = await slot.proposer.repair!(
        { ...context, costLeftUsd: costAllowance - record.cost_usd },
        crash,
      );
    } catch (error) {
      if (signal.aborted) return 'cancelled';
      if (error instanceof ProposerSetupError) {
        if (slot.onBranch) await this.undoCommitted(slot.git);
        throw new SessionError(error.message);
      }
      const failure = error instanceof ProposalError ? error : new ProposalError((error as Error).message);
      spend(failure.details);
      if (failure.details.stop === 'cost') {
        this.budget.stopForCost();
        events.notice?.(failure.message);
      }
      record.crash_repairs.at(-1)!.reason += ` (repair failed: ${failure.message})`;
      await this.removeEvalArtifacts(slot.git);
      return { ok: false };
    }
    spend(proposal);
    if (signal.aborted) return 'cancelled';
    const changed = await slot.git.changedPaths();
    const scope = checkScope(changed, this.inScope, settings.results.dir);
    if (changed.length === 0 || scope.outOfScope.length > 0) {
      const why = changed.length === 0 ? 'no change' : describeOutOfScope(scope.outOfScope);
      record.crash_repairs.at(-1)!.reason += ` (repair failed: ${why})`;
      await this.removeEvalArtifacts(slot.git);
      return { ok: false };
    }
    return {
      ok: true,
      paths: scope.inScope.map((change) => change.path),
      ...(proposal.description ? { description: proposal.description } : {}),
    };
  }

  /** The candidate's runs, and the incumbent measurement to compare them with (fresh when interleaved). */
  private async measureCandidate(slot: Slot, experiment: number, incumbent: Incumbent): Promise<Measured> {
    const { settings, signal } = this.options;
    const logPath = join(slot.scratchDir, 'eval.log');
    if (!settings.eval.interleave || settings.eval.repeats < 2) {
      return { candidate: await this.measureTree(experiment, slot.path, logPath), incumbent };
    }
    const pair = await measureInterleaved({
      command: settings.eval.command,
      cwd: slot.path,
      incumbentCwd: await this.workspace.incumbentTree(incumbent.commit),
      env: { ...this.evalEnv, AUTOEXP_EXPERIMENT: String(experiment) },
      timeoutMs: settings.eval.timeoutMs,
      repeats: settings.eval.repeats,
      metrics: settings.metrics,
      logPath,
      signal,
      network: this.network,
      onRun: this.progressOf(experiment),
    });
    if (pair.incumbent.outcome !== 'measured') return { candidate: pair.candidate, incumbent };
    return {
      candidate: pair.candidate,
      incumbent: {
        commit: incumbent.commit,
        metrics: pair.incumbent.metrics,
        samples: pair.incumbent.samples,
      },
    };
  }

  /**
   * A would-be keep (or explore) must pass eval.guard; a keep must also not regress on eval.holdout.
   * On failure the reason and log tail go into the record.
   */
  private async passGates(
    slot: Slot,
    status: Status,
    record: ExperimentRecord,
  ): Promise<{ passed: true; holdout?: Record<string, number> } | { passed: false } | 'cancelled'> {
    const { settings, signal } = this.options;
    const context = {
      cwd: slot.path,
      env: { ...this.evalEnv, AUTOEXP_EXPERIMENT: String(record.experiment) },
      timeoutMs: settings.eval.timeoutMs,
      logPath: join(slot.scratchDir, 'gate.log'),
      signal,
      network: this.network,
    };
    if (settings.eval.guard) {
      const guard = await runGuard(settings.eval.guard, context);
      if (guard === 'cancelled') return 'cancelled';
      if (!guard.passed) {
        Object.assign(record, { reason: guard.reason, log_tail: guard.logTail });
        return { passed: false };
      }
    }
    if (!settings.eval.holdout || status !== 'keep') return { passed: true };
    const holdout = await measureHoldout(settings.eval.holdout, settings.metrics, context);
    if (holdout.outcome === 'aborted') return 'cancelled';
    if (holdout.outcome !== 'measured') {
      Object.assign(record, { reason: `holdout failed (${holdout.reason})`, log_tail: holdout.logTail });
      return { passed: false };
    }
    record.holdout = { candidate: holdout.metrics, incumbent: this.incumbentHoldout ?? {} };
    const regression = holdoutRegression(
      holdout.metrics,
      this.incumbentHoldout ?? {},
      settings.metrics,
      settings.decide,
    );
    if (regression) {
      record.reason = regression;
      return { passed: false };
    }
    return { passed: true, holdout: holdout.metrics };
  }

  /** The experiments log as proposers see it: without the holdout results (CONTRACT §1 eval.holdout). */
  private async recordsForProposer(): Promise<readonly ExperimentRecord[]> {
    const records = await this.ledger.records();
    if (!this.options.settings.eval.holdout) return records;
    // Extended, not rebuilt: copying the whole history per experiment would grow with the ledger.
    for (let index = this.visibleRecords.length; index < records.length; index++) {
      const { holdout: _hidden, ...visible } = records[index]!;
      this.visibleRecords.push(visible);
    }
    return this.visibleRecords;
  }

  /** Appends the row and record, commits them, and tells the front end. */
  private async recordOutcome(record: ExperimentRecord): Promise<ExperimentOutcome> {
    const { settings, events = {}, afterRecord } = this.options;
    const row: LedgerRow = {
      experiment: record.experiment,
      commit: record.commit,
      metrics: Object.fromEntries(
        settings.metrics.map((metric) => [metric.name, record.metrics[metric.name]]),
      ),
      status: record.status,
      description: record.description,
    };
    const existedBefore = !this.ledger.isEmpty() && record.experiment % 1000 !== 0;
    const written = await this.ledger.append(row, record);
    if (record.status === 'discard') this.discardsInARow++;
    else if (record.status === 'keep' || record.status === 'explore') this.discardsInARow = 0;
    const paths = written.map((path) => join(settings.results.dir, path));
    this.head = await this.git.commitPaths(paths, ledgerCommitMessage(settings.tag, record), {
      newPaths: !existedBefore,
    });
    const outcome: ExperimentOutcome = {
      row,
      record,
      incumbent: record.incumbent?.metrics ?? record.metrics,
    };
    if (record.experiment > 0 || record.reason !== 'baseline') this.outcomes.push(outcome);
    events.experiment?.(outcome);
    if (afterRecord && (await afterRecord(this.git, branchName(settings.tag))) === 'stop')
      this.stopRequested = true;
    return outcome;
  }

  /** Before measuring: nothing outside scope.modify differs from the commit being measured. */
  private async ensureProtectedFilesUnchanged(): Promise<void> {
    const changed = await this.git.changedPaths();
    if (changed.length > 0) {
      throw new SessionError(
        `the experiment worktree is not clean before measuring: ${describeOutOfScope(changed).replace('out of scope: ', '')}`,
      );
    }
  }

  /**
   * What the proposer changed. A proposer that committed (coding agents may) has its commits undone first,
   * their changes kept in the tree, so that they pass the same scope check as any other change.
   */
  private async changesSinceHead(git: Git, expected: string, experiment: number): Promise<ChangedPath[]> {
    const { head, changed } = await git.status();
    if (head.startsWith(expected)) return changed;
    await git.resetSoft(expected);
    this.options.events?.notice?.(
      `#${experiment}: the proposer made commits of its own; autoexp undid them and checks their changes like any other`,
    );
    return git.changedPaths();
  }

  /** Back to `head` with nothing untracked: a failed proposer may have committed before failing. */
  private async undoUncommitted(git: Git, head: string): Promise<void> {
    await git.resetHard(head);
    await git.removeUntracked();
  }

  /** Drops the candidate commit, and whatever the eval left behind in the tree. */
  private async undoCommitted(git: Git): Promise<void> {
    const leftovers = await git.changedPaths();
    await git.resetHard('HEAD~1');
    if (leftovers.some((change) => change.code === '??')) await git.removeUntracked();
  }

  /** The eval may leave files behind (logs, outputs); they must not look like the next proposal's change. */
  private async removeEvalArtifacts(git: Git = this.git): Promise<void> {
    const leftovers = await git.changedPaths();
    if (leftovers.length === 0) return;
    await git.resetHard('HEAD');
    await git.removeUntracked();
  }
}

/** What an experiment may change: scope.modify, or with stages the stage's files (earlier stages' frozen). */
function scopeOf(settings: Settings, stageIndex: number): ScopeMatcher {
  if (!settings.stages) return scopeMatcher(settings.scope.modify);
  if (stageIndex >= settings.stages.length) return () => false;
  return stageScope(settings.stages, stageIndex);
}

async function readScopeFiles(root: string, paths: readonly string[]): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  for (const path of paths) contents.set(path, await readFile(join(root, path), 'utf8'));
  return contents;
}

/** The scope files' changes in `root` against `baseContents` (the incumbent's, in memory: no git needed). */
async function readChanges(
  root: string,
  baseContents: ReadonlyMap<string, string>,
  paths: readonly string[],
): Promise<FileChange[]> {
  return Promise.all(
    paths.map(async (path) => ({
      path,
      before: baseContents.get(path),
      after: await readFile(join(root, path), 'utf8').catch(() => undefined),
    })),
  );
}

function contentsAfter(
  baseContents: ReadonlyMap<string, string>,
  changes: readonly FileChange[],
): Map<string, string> {
  const after = new Map(baseContents);
  for (const change of changes) {
    if (change.after === undefined) after.delete(change.path);
    else after.set(change.path, change.after);
  }
  return after;
}

/** The record's patch, size, description and scope hash, from the candidate's file changes. */
function describeCandidate(candidate: Candidate, description: string | undefined): void {
  const { record, fileChanges } = candidate;
  const summary = summarizeChanges(fileChanges);
  record.patch = summary.patch;
  record.diff_lines = summary.added + summary.removed;
  record.description =
    description ?? (fileChanges.length > 0 ? describeChanges(fileChanges, summary) : 'no change');
  record.scope_hash = scopeHash(contentsAfter(candidate.baseContents, fileChanges));
}

/** The candidate's wall time and samples, and the incumbent numbers it is compared with when fresh ones. */
function noteMeasurement(record: ExperimentRecord, measured: Measured, base: Incumbent): void {
  const { candidate: measurement, incumbent: comparedWith } = measured;
  record.wall_time_s = Math.round(measurement.wallTimeMs / 10) / 100;
  record.samples = measurement.samples;
  if (comparedWith !== base)
    record.incumbent = { ...record.incumbent!, metrics: comparedWith.metrics, samples: comparedWith.samples };
}

/** A proposer that cannot work at all (no key, an unknown price) is a setup error, before any measuring. */
function proposerOrError(settings: Settings, scratchDir: string, env: NodeJS.ProcessEnv): Proposer {
  try {
    return createProposer(settings, scratchDir, env);
  } catch (error) {
    if (error instanceof ProposerSetupError) throw new SessionError(error.message);
    throw error;
  }
}

function addTokens(
  a: ExperimentRecord['tokens'],
  b: ExperimentRecord['tokens'] | undefined,
): ExperimentRecord['tokens'] {
  if (!b) return a;
  const sum = (x?: number, y?: number) => (x ?? 0) + (y ?? 0);
  const cacheRead = sum(a.cache_read, b.cache_read);
  const cacheWrite = sum(a.cache_write, b.cache_write);
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    ...(cacheRead > 0 ? { cache_read: cacheRead } : {}),
    ...(cacheWrite > 0 ? { cache_write: cacheWrite } : {}),
  };
}

function describeRepairs(record: ExperimentRecord): string {
  const count = record.crash_repairs?.length ?? 0;
  return `${count} repair attempt${count === 1 ? '' : 's'}`;
}

/** eval.network: off must never quietly run with the network on. */
async function isolationOrError(): Promise<NetworkIsolation> {
  try {
    return await detectNetworkIsolation();
  } catch (error) {
    throw new SessionError((error as Error).message);
  }
}

/** How many `discard` rows end the ledger (crashes and invalid proposals neither count nor reset). */
function trailingDiscards(rows: readonly LedgerRow[]): number {
  let count = 0;
  for (let index = rows.length - 1; index >= 0; index--) {
    const status = rows[index]!.status;
    if (status === 'keep' || status === 'explore') break;
    if (status === 'discard') count++;
  }
  return count;
}

function formatTrailerMetrics(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
}

/** A kept candidate's message: the description, then the trailers of CONTRACT §3. */
export function commitMessage(
  description: string,
  experiment: number,
  metrics: Record<string, number>,
): string {
  return `${description}\n\nAutoexp-Experiment: ${experiment}\nAutoexp-Metrics: ${formatTrailerMetrics(metrics)}\n`;
}

function ledgerCommitMessage(tag: string, record: ExperimentRecord): string {
  const metrics = formatTrailerMetrics(record.metrics);
  const what =
    record.experiment === 0 && record.reason === 'baseline'
      ? 'baseline'
      : `#${record.experiment} ${record.status}`;
  return `autoexp(${tag}): record ${what}${metrics ? ` ${metrics}` : ''}`;
}

export type { Status, StopReason };
export { formatDuration };
