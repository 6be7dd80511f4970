// What the parts of one session share: the settings as experiments see them, the incumbent, the ledger,
// the budget, the branch's tree, and how the proposer sees all of it.
import { join } from 'node:path';
import { readPlainFileSync } from '../tree/plain-file.js';
import type { Settings } from '../config/settings.js';
import type { Ledger } from '../ledger/ledger.js';
import { secretValues } from '../measure/environment.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';
import type { AgentConfig } from '../propose/agent-config.js';
import type { InFlightCandidate, Proposer, ProposerContext } from '../propose/types.js';
import type { ExperimentTree } from '../tree/experiment-tree.js';
import type { RepositoryGuard } from '../tree/guard.js';
import type { TagLock } from '../tree/lock.js';
import type { SearchTree } from './search-tree.js';
import type { SessionTrees } from './trees.js';
import type { BestPointer } from './best.js';
import type { SessionBudget } from './budget.js';
import type { Measurer } from './measuring.js';
import type { ProgramMemory } from './memory.js';
import { scopeMatcher, type ScopeMatcher } from './scope.js';
import { stageScope, stageView } from './stages.js';
import type { ExperimentOutcome, Incumbent, SessionOptions, Slot } from './types.js';

export class SessionState {
  readonly outcomes: ExperimentOutcome[] = [];
  incumbent: Incumbent | undefined;
  /**
   * decide.noise sequential: by commit, the runs that bring a keep's incumbent up to eval.repeats runs,
   * made once per incumbent (see topUpIncumbent in prepare.ts).
   */
  readonly incumbentTopUps = new Map<string, Promise<Incumbent>>();
  /** The incumbent's eval.holdout metrics (never shown to the proposer). */
  incumbentHoldout: Record<string, number> | undefined;
  /** Discards in a row, across sessions: explore.stuck-after of them switch prompts to "when stuck". */
  discardsInARow: number;
  /**
   * The branch's head as of its last recorded experiment (full sha): every undo goes back here, never
   * "one commit back", so nothing a proposal or an eval did can choose where an undo lands.
   */
  recordedHead: string;
  /**
   * With workers, evals run in other trees while the branch's tree waits for the next record: it is
   * sealed after every ledger commit and verified before the next one, so nothing they wrote into it
   * reaches the branch.
   */
  watchBranchTree = false;
  /** The front end asked to stop (see SessionOptions.afterRecord). */
  stopRequested = false;
  /** What the credentials in autoexp's environment hold: redacted from what the ledger records. */
  readonly secrets: readonly string[];
  /** stages: the index of the stage experiments run in (stages.length: all are over). */
  stageIndex: number;
  /** What experiments may change: scope.modify, or the current stage's files. */
  inScope: ScopeMatcher;
  /** The settings as proposers and decisions see them: the current stage's scope and metrics, if staged. */
  view: Settings;
  /** lessons.md and program.json (memory.ts): set by the session before the first experiment. */
  memory!: ProgramMemory;
  /** Candidates proposed and not decided yet, by experiment: what proposers see as in flight. */
  readonly inFlight = new Map<number, InFlightCandidate>();
  /** search: tree: the tree of experiments (search-tree.ts); undefined with search: hill. */
  search: SearchTree | undefined;
  /** proposer.kind: command: the agents' config in HOME as the session found it, for every worker's proposer. */
  agentConfig: AgentConfig | undefined;
  /** Proposers that propose in moments (mutate) take turns, so that each sees the others in flight. */
  private proposalTurn: Promise<void> = Promise.resolve();
  /** The experiments log without holdout results, as proposers get it (eval.holdout only). */
  private readonly visibleRecords: ExperimentRecord[] = [];

  constructor(
    readonly options: SessionOptions,
    readonly ledger: Ledger,
    readonly branchTree: ExperimentTree,
    readonly proposer: Proposer,
    readonly measurer: Measurer,
    readonly budget: SessionBudget,
    readonly best: BestPointer | undefined,
    readonly lock: TagLock,
    readonly guard: RepositoryGuard,
    readonly trees: SessionTrees,
    /** Contents of the tracked scope files as of the incumbent (kept in memory to diff without git). */
    public scopeContents: Map<string, string>,
    /** Tracked files matching scope.context, shown read-only to the llm proposer. */
    readonly contextFiles: string[],
    readonly sessionId: string,
    readonly proposerEnv: Record<string, string>,
    stageIndex: number,
    /** autoexp.yml and the eval's files: never in scope (harness.ts). */
    readonly harness: ReadonlySet<string>,
  ) {
    this.recordedHead = branchTree.head;
    this.secrets = secretValues(options.env);
    this.stageIndex = stageIndex;
    this.inScope = scopeOf(options.settings, stageIndex, harness);
    this.view = viewOf(options.settings, stageIndex);
    this.discardsInARow = trailingDiscards(ledger.rows());
  }

  /** Before autoexp writes to the branch's tree (workers > 1): puts back whatever others changed in it. */
  async checkBranchTree(): Promise<void> {
    if (!this.watchBranchTree) return;
    const verified = await this.branchTree.verify();
    if (verified.changed.length === 0 && verified.moved.length === 0) return;
    await this.branchTree.resetTo(this.recordedHead);
    const what = [...verified.moved, ...verified.changed.map((change) => change.path)];
    this.options.events?.notice?.(
      `something changed the branch's tree while other trees measured (${what.slice(0, 3).join(', ')}); autoexp put it back`,
    );
  }

  /** After autoexp wrote to the branch's tree: what the next check compares with. */
  async sealBranchTree(): Promise<void> {
    if (this.watchBranchTree) await this.branchTree.seal();
  }

  /** The tree of eval.interleave that holds `commit` (made and set up on first use). */
  incumbentTree(commit: string): Promise<ExperimentTree> {
    return this.trees.incumbent(commit);
  }

  get settings(): Settings {
    return this.options.settings;
  }

  /** Moves to stage `index`: its files become the scope, the earlier stages' are frozen. */
  async enterStage(index: number): Promise<void> {
    this.stageIndex = index;
    this.view = viewOf(this.settings, index);
    this.inScope = scopeOf(this.settings, index, this.harness);
    this.scopeContents = readScopeFiles(
      this.branchTree.path,
      (await this.branchTree.reader.trackedFiles()).filter(this.inScope),
    );
  }

  /** Waits for the other slots' proposals to be in flight; call the function returned when this one is. */
  async takeProposalTurn(): Promise<() => void> {
    const previous = this.proposalTurn;
    let release!: () => void;
    this.proposalTurn = new Promise((resolve) => (release = resolve));
    await previous;
    return release;
  }

  /** A record with everything an experiment's record starts with, against `incumbent`. */
  baseRecord(experiment: number, wallTimeMs: number, incumbent = this.incumbent!): ExperimentRecord {
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
      ...(this.settings.stages && experiment > 0
        ? { stage: this.settings.stages[this.stageIndex]?.name }
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
  async proposerContext(
    slot: Slot,
    experiment: number,
    stuck: boolean,
    costLeftUsd: number,
    /** search: tree: the scope files of the node the experiment starts from (default: the head's). */
    startContents: ReadonlyMap<string, string> = this.scopeContents,
  ): Promise<ProposerContext> {
    const incumbent = this.incumbent!;
    return {
      worktree: slot.tree.path,
      experiment,
      settings: this.view,
      scopeFiles: [...startContents.keys()].sort(),
      contextFiles: this.contextFiles,
      rows: this.ledger.rows(),
      records: await this.recordsForProposer(),
      stuck,
      reviewerNotes: this.options.reviewerNotes,
      incumbent: { commit: incumbent.commit, metrics: incumbent.metrics },
      resultsPath: this.ledger.resultsPath,
      env: this.proposerEnv,
      signal: this.options.signal,
      costLeftUsd,
      lessons: this.memory.forProposer(),
      inFlight: [...this.inFlight.values()]
        .filter((candidate) => candidate.experiment !== experiment)
        .sort((a, b) => a.experiment - b.experiment),
    };
  }

  /** The experiments log as proposers see it: without the holdout results. */
  private async recordsForProposer(): Promise<readonly ExperimentRecord[]> {
    const records = await this.ledger.records();
    if (!this.settings.eval.holdout) return records;
    // Extended, not rebuilt: copying the whole history per experiment would grow with the ledger.
    for (let index = this.visibleRecords.length; index < records.length; index++) {
      const { holdout: _hidden, ...visible } = records[index]!;
      this.visibleRecords.push(visible);
    }
    return this.visibleRecords;
  }

  incumbentSummary(): { commit: string; metrics: Record<string, number> } {
    if (this.incumbent) return { commit: this.incumbent.commit, metrics: this.incumbent.metrics };
    // search: tree's explore rows are nodes off the head.
    const headMovers = this.settings.search === 'tree' ? ['keep'] : ['keep', 'explore'];
    const last = [...this.ledger.rows()].reverse().find((row) => headMovers.includes(row.status));
    const metrics: Record<string, number> = {};
    for (const [name, value] of Object.entries(last?.metrics ?? {}))
      if (value !== undefined) metrics[name] = value;
    return { commit: last?.commit ?? '', metrics };
  }
}

/** What an experiment may change: scope.modify, or with stages the stage's files (earlier stages' frozen). */
export function scopeOf(
  settings: Settings,
  stageIndex: number,
  harness: ReadonlySet<string> = new Set(),
): ScopeMatcher {
  const matcher = stagedScopeOf(settings, stageIndex);
  // autoexp.yml and the eval harness stay out of every experiment, whatever the globs say (harness.ts).
  return (path) => matcher(path) && !harness.has(path);
}

function stagedScopeOf(settings: Settings, stageIndex: number): ScopeMatcher {
  if (!settings.stages) return scopeMatcher(settings.scope.modify);
  if (stageIndex >= settings.stages.length) return () => false;
  return stageScope(settings.stages, stageIndex);
}

function viewOf(settings: Settings, stageIndex: number): Settings {
  return settings.stages && stageIndex < settings.stages.length ? stageView(settings, stageIndex) : settings;
}

/**
 * The scope files' contents (read synchronously: a scope may hold thousands of small files). Only plain
 * files: a link is not followed (autoexp would write its target later, a file of yours) and a FIFO not
 * waited on (a synchronous read would stop the whole process until a writer came). No proposal can
 * change either kind (a change to one makes the experiment invalid), so they are left out, as mutate
 * leaves them out.
 */
export function readScopeFiles(root: string, paths: readonly string[]): Map<string, string> {
  const contents = new Map<string, string>();
  for (const path of paths) {
    const bytes = readPlainFileSync(join(root, path));
    if (bytes) contents.set(path, bytes.toString('utf8'));
  }
  return contents;
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
