// The one interface every proposer (mutate, command, llm) implements.
import type { Settings } from '../config/settings.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';

export interface ProposerContext {
  /** Root of the working tree the experiment uses; the proposer edits files here, in place. */
  worktree: string;
  /** The number this experiment will get in the ledger. */
  experiment: number;
  settings: Settings;
  /** Tracked files (relative, forward slashes) matching scope.modify, as of the incumbent. */
  scopeFiles: string[];
  /** Every earlier row and record, oldest first (all sessions). */
  rows: readonly LedgerRow[];
  records: readonly ExperimentRecord[];
  /** Comments left on the summary PR since the last session, by people (not bots). */
  reviewerNotes?: readonly ReviewerComment[];
  /** explore.stuck-after discards in a row: time for the "when stuck" ladder (seed 002). */
  stuck?: boolean;
  /** The incumbent's metrics as measured in this session. */
  incumbent: { commit: string; metrics: Record<string, number> };
  /** Absolute path of results.tsv in the working tree. */
  resultsPath: string;
  /** Environment for child processes the proposer starts (already scrubbed of the GitHub token). */
  env: Record<string, string>;
  signal: AbortSignal;
}

/** A reviewer's comment on the summary PR, handed to the proposer as steering. */
export interface ReviewerComment {
  author: string;
  body: string;
  /** For comments on a line of the diff. */
  path?: string;
  line?: number;
}

export interface Proposal {
  /** One-line hypothesis; when absent autoexp describes the diff. */
  description?: string;
  tokens?: { input: number; output: number };
  costUsd?: number;
  /** Stored in the experiment's record as `proposal` (proposer-specific memory). */
  details?: Record<string, unknown>;
}

/** Thrown by a proposer that could not produce a change: the experiment is recorded as `invalid`. */
export class ProposalError extends Error {
  override name = 'ProposalError';
  constructor(
    message: string,
    readonly details: { tokens?: { input: number; output: number }; costUsd?: number; logTail?: string } = {},
  ) {
    super(message);
  }
}

export interface Proposer {
  /** Name recorded in the experiments log, e.g. "mutate", "command", "llm:openai/gpt-5-mini". */
  readonly name: string;
  propose(context: ProposerContext): Promise<Proposal>;
}
