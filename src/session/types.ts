// The shapes the session's parts pass around, and what front ends (CLI, Action) see of a session.
import type { Reapply } from '../combine/replay-proposer.js';
import type { Settings } from '../config/settings.js';
import type { ExperimentRecord, LedgerRow, Status } from '../ledger/types.js';
import type { Measurement } from '../measure/types.js';
import type { Proposer, ReviewerComment } from '../propose/types.js';
import type { ExperimentTree } from '../tree/experiment-tree.js';
import type { StopReason } from './budget.js';
import type { FileChange } from './patch.js';
import type { Halt, ProgramInputs, ResumeRequest } from './program-stop.js';
import type { Start } from './search-tree.js';

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
  /** The environment autoexp runs in; children get scrubbed copies of it (see src/measure/environment.ts). */
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
  afterRecord?: () => Promise<void | 'stop'>;
  /** Proposes instead of the one autoexp.yml configures (autoexp combine replays commits with it). */
  proposer?: Proposer;
  /**
   * Commits to apply again, one per experiment, before the proposer takes over (the keeps a run lost in
   * a push race, measured again on the other run's head).
   */
  reapplyFirst?: readonly Reapply[];
  /** `/autoexp resume` comments on the summary PR by people in pr.steer-from: they lift a stop.plateau pause. */
  resumeRequests?: readonly ResumeRequest[];
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
  /** stop.target or stop.plateau: the program is finished or paused, and why (no experiment runs until it resumes). */
  halt?: Halt;
  /** What stop.* was checked against (config, program.md, base): a push race records with the same. */
  programInputs?: ProgramInputs;
}

export interface Incumbent {
  commit: string;
  metrics: Record<string, number>;
  samples: Record<string, number[]>;
}

/** Where a candidate is proposed and measured. */
export interface Slot {
  /** 0: the branch's tree; 1..workers: a worker's tree. */
  index: number;
  tree: ExperimentTree;
  /** One proposer per slot: proposers keep files and conversations of their own. */
  proposer: Proposer;
  /** The branch's own tree (workers: 1): the candidate is a commit on the branch itself. */
  onBranch: boolean;
  /** A proposal changed setup's artifacts (which were removed): eval.setup runs again before measuring. */
  setupNeeded?: boolean;
}

export interface Measured {
  candidate: Measurement;
  /** The incumbent measurement it is compared with (a fresh one when interleaved). */
  incumbent: Incumbent;
}

/** A measured candidate waiting for its turn to be decided. */
export interface Candidate {
  slot: Slot;
  record: ExperimentRecord;
  /** The incumbent it was proposed against, and its scope files' contents. */
  base: Incumbent;
  baseContents: Map<string, string>;
  fileChanges: FileChange[];
  /** The candidate commit in the slot's tree. */
  commit: string;
  measured: Measured;
  /** search: tree: the node it was proposed from (`baseContents` are that node's files). */
  start?: Start;
}

export type Prepared =
  | { kind: 'cancelled' }
  /** The proposer stopped before a call that could pass budget.cost-usd; nothing to record. */
  | { kind: 'cost' }
  /** Finished without a decision to make (invalid, crash, timeout): only the record is left to write. */
  | { kind: 'recorded'; record: ExperimentRecord }
  | { kind: 'candidate'; candidate: Candidate };

export type { Halt, Status, StopReason };
