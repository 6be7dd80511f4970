// The one interface every proposer (mutate, command, llm) implements.
import type { Settings } from '../config/settings.js';
import type { ExperimentRecord, LedgerRow, TokenCounts } from '../ledger/types.js';

export interface ProposerContext {
  /** Root of the working tree the experiment uses; the proposer edits files here, in place. */
  worktree: string;
  /** The number this experiment will get in the ledger. */
  experiment: number;
  settings: Settings;
  /** Tracked files (relative, forward slashes) matching scope.modify, as of the incumbent. */
  scopeFiles: string[];
  /** Tracked files matching scope.context (read-only, shown to the llm proposer). */
  contextFiles: string[];
  /** Every earlier row and record, oldest first (all sessions). */
  rows: readonly LedgerRow[];
  records: readonly ExperimentRecord[];
  /** Comments left on the summary PR since the last session by people in pr.steer-from (not bots). */
  reviewerNotes?: readonly ReviewerComment[];
  /** explore.stuck-after discards in a row: time for the "when stuck" ladder (WHEN_STUCK in prompt.ts). */
  stuck?: boolean;
  /** The incumbent's metrics as measured in this session. */
  incumbent: { commit: string; metrics: Record<string, number> };
  /**
   * search: tree: the node this experiment starts from (the files in `worktree` are its files) and the
   * path that reached it, the baseline first and the node last. Absent with search: hill (the incumbent).
   */
  start?: StartNode & { lineage: readonly StartNode[] };
  /** Absolute path of results.tsv in the working tree. */
  resultsPath: string;
  /** Environment for child processes the proposer starts (already scrubbed of the GitHub token). */
  env: Record<string, string>;
  signal: AbortSignal;
  /** What budget.cost-usd leaves for this experiment's LLM calls (USD); Infinity without a cap. */
  costLeftUsd: number;
  /** The program's memory, lessons.md: as prompts show it (bounded, '' for none) and the whole file. */
  lessons?: { forPrompt: string; markdown: string };
  /**
   * With workers > 1: candidates proposed in other slots and not decided yet, oldest first. A proposal
   * that repeats one of them is wasted; one that changes something else is not.
   */
  inFlight?: readonly InFlightCandidate[];
}

/** A node of search: tree, as proposers see it. */
export interface StartNode {
  experiment: number;
  description: string;
  /** Its primary metric as recorded. */
  metrics: Record<string, number>;
}

/** A candidate another slot proposed that is not decided yet. */
export interface InFlightCandidate {
  experiment: number;
  description: string;
  /** Its change against the incumbent it was proposed on (unified diff). */
  patch: string;
  /** The scope files' hash after it, on that incumbent (see scope_hash). */
  scopeHash: string;
  /** What its proposer stored with it (the record's `proposal`). */
  proposal?: Record<string, unknown>;
}

/** Why the last candidate crashed, for a proposer that can repair it (proposer.crash-retries). */
export interface CrashReport {
  reason: string;
  logTail: string;
}

/** A reviewer's comment on the summary PR, handed to the proposer as steering. */
export interface ReviewerComment {
  author: string;
  /** GitHub's `author_association` (OWNER, MEMBER, COLLABORATOR, …): only pr.steer-from's reach a prompt. */
  association?: string;
  body: string;
  /** For comments on a line of the diff. */
  path?: string;
  line?: number;
}

export interface Proposal {
  /** One-line hypothesis; when absent autoexp describes the diff. */
  description?: string;
  tokens?: TokenCounts;
  costUsd?: number;
  /** Stored in the experiment's record as `proposal` (proposer-specific memory). */
  details?: Record<string, unknown>;
  /** Lessons for lessons.md (untrusted: cleaned and bounded where they are recorded). */
  lessons?: string[];
}

export interface ProposalFailureDetails {
  tokens?: TokenCounts;
  costUsd?: number;
  logTail?: string;
  /** `crash`: the proposer itself failed (its provider kept failing); default `invalid`. */
  status?: 'invalid' | 'crash';
  /** `cost`: the next call would pass budget.cost-usd; the session stops after this. */
  stop?: 'cost';
  /** The row's description; default `proposal failed: <message>`. */
  description?: string;
}

/** Thrown by a proposer that could not produce a change: the experiment is recorded as `invalid`. */
export class ProposalError extends Error {
  override name = 'ProposalError';
  constructor(
    message: string,
    readonly details: ProposalFailureDetails = {},
  ) {
    super(message);
  }
}

/**
 * Thrown by a proposer whose every attempt would fail the same way (no key, a wrong key, an unknown model,
 * files too big for a prompt): the session ends with this message as a setup error.
 */
export class ProposerSetupError extends Error {
  override name = 'ProposerSetupError';
}

export interface Proposer {
  /** Name recorded in the experiments log, e.g. "mutate", "command", "llm:openai/gpt-5-mini". */
  readonly name: string;
  propose(context: ProposerContext): Promise<Proposal>;
  /**
   * Optional: fix the candidate just proposed, which crashed, by editing the tree on top of it (a trivial
   * fix such as a typo, then one more try; proposer.crash-retries). Throws ProposalError when it cannot.
   */
  repair?(context: ProposerContext, crash: CrashReport): Promise<Proposal>;
  /**
   * Optional: make the same change again on a new incumbent, in the tree (whose HEAD is the incumbent),
   * for a candidate that no longer applies after another slot's keep. `proposal` is what this proposer
   * returned for it, `changes` its change as it was. Throws ProposalError when it cannot.
   */
  redo?(context: ProposerContext, proposal: Proposal, changes: readonly ChangedFile[]): Promise<Proposal>;
  /**
   * Proposes in moments (no model, no agent): the session runs its proposals one at a time, so each
   * one sees the others in flight and none repeats them.
   */
  readonly oneAtATime?: boolean;
}

/** A file a candidate changed: its text before and after (undefined: absent). */
export interface ChangedFile {
  path: string;
  before: string | undefined;
  after: string | undefined;
}
