// The ledger's row and record shapes (docs/format.md, the ledger).
import type { ConstraintLimits } from '../decide/constraints.js';
import type { ComparisonStats, Observation, SequentialOutcome } from '../decide/types.js';

export type Status = 'keep' | 'discard' | 'crash' | 'timeout' | 'explore' | 'invalid';

export const STATUSES: readonly Status[] = ['keep', 'discard', 'crash', 'timeout', 'explore', 'invalid'];

/** One line of results.tsv. `metrics[name]` is undefined where the cell is empty. */
export interface LedgerRow {
  experiment: number;
  commit: string;
  metrics: Record<string, number | undefined>;
  status: Status;
  description: string;
}

/** LLM tokens of one experiment; `input` counts every prompt token, the cached ones included. */
export interface TokenCounts {
  input: number;
  output: number;
  /** Prompt tokens read from the provider's cache. */
  cache_read?: number;
  /** Prompt tokens written to the provider's cache. */
  cache_write?: number;
}

/** A measurement as stored in the experiments log: means and raw samples per metric. */
export type MeasurementRecord = Observation;

/** One object of experiments/NNNN.jsonl; docs/format.md lists every field and when it is written. */
export interface ExperimentRecord {
  experiment: number;
  commit: string;
  parent: string;
  /**
   * search: tree: the experiment whose node this one was proposed from (`parent` is that node's commit).
   * Absent with search: hill, where every experiment starts from the head.
   */
  parent_experiment?: number;
  timestamp: string;
  status: Status;
  reason: string;
  description: string;
  metrics: Record<string, number>;
  samples: Record<string, number[]>;
  wall_time_s: number;
  diff_lines: number;
  patch: string;
  tokens: TokenCounts;
  cost_usd: number;
  proposer: string;
  log_tail?: string;
  /** sha256 of the scope files' contents after the proposal (lets proposers skip what was tried). */
  scope_hash?: string;
  /** The incumbent this experiment was compared against, as measured in this session. */
  incumbent?: MeasurementRecord & { commit: string; session: string };
  /** Session id (ISO start time) — experiments of one session share it. */
  session?: string;
  /** Proposer-specific facts it wants back next time (e.g. mutate's step sizes). */
  proposal?: Record<string, unknown>;
  /** The statistics the keep/discard decision rested on (means, deviations, samples, p-value). */
  decision?: ComparisonStats & { confidence?: string };
  /** decide.noise sequential: how many runs the candidate took, the most it could, and why it stopped. */
  sequential?: SequentialOutcome;
  /** eval.holdout metrics of the candidate and of the incumbent (would-be keeps only; hidden from proposers). */
  holdout?: { candidate: Record<string, number>; incumbent: Record<string, number> };
  /** explore.stuck-after discards in a row preceded this experiment: the proposer was told it is stuck. */
  stuck?: boolean;
  /** The candidate crashed and the proposer repaired it (proposer.crash-retries): the crashes before the fix. */
  crash_repairs?: { reason: string; log_tail: string }[];
  /** workers > 1: a keep happened while this candidate was measured, so it was re-applied on the new incumbent and measured again. */
  rebased?: boolean;
  /** stages: the stage this experiment belonged to. */
  stage?: string;
  /** What the eval wrote to AUTOEXP_FEEDBACK_FILE (cleaned, at most 8 KiB); shown in the next prompts. */
  feedback?: string;
  /** What eval.guard wrote to AUTOEXP_FEEDBACK_FILE when it failed the candidate. */
  guard_feedback?: string;
  /** The last lines the eval printed for a measured candidate (crashes and timeouts have log_tail). */
  output_tail?: string;
  /** Lessons the proposer noted for lessons.md (a `Lesson:` line, lines appended to AUTOEXP_LESSONS_FILE). */
  lessons?: string[];
  /**
   * The constraints (metrics' min and max) in force when this experiment was decided; `{}` when there were
   * none. Logs written before autoexp recorded it lack the field.
   */
  limits?: ConstraintLimits;
}
