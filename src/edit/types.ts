// The edits an `llm` reply asks for (docs/llm.md, the reply): SEARCH/REPLACE blocks or whole files.

/** One SEARCH/REPLACE pair. `number` counts blocks and whole files in reply order, from 1. */
export interface EditBlock {
  kind: 'replace';
  number: number;
  path: string;
  /** The lines to find, joined with '\n' (no trailing newline); '' creates the file. */
  search: string;
  replace: string;
}

/** A fenced block after a path line without SEARCH/REPLACE markers: the file's whole new content. */
export interface WholeFile {
  kind: 'whole';
  number: number;
  path: string;
  content: string;
}

export type Edit = EditBlock | WholeFile;

export interface ParsedReply {
  hypothesis?: string;
  blocks: EditBlock[];
  wholeFiles: WholeFile[];
  /** Malformed parts of the reply (a block without a path, a missing marker): worth a repair turn. */
  problems: string[];
}

export interface BlockFailure {
  /** The edit's number in the reply. */
  block: number;
  path: string;
  reason: string;
  /** The SEARCH text, when the failure is that it was not found (describeFailures shows the closest lines). */
  search?: string;
}

export type EditPlan =
  | { ok: true; changes: Map<string, string> }
  | { ok: false; failures: BlockFailure[]; appliedInDryRun: number[] };

export interface PlanOptions {
  /** Whole-file replies are accepted for existing files up to this many lines (default 200)... */
  wholeFileMaxLines?: number;
  /** ...and this many bytes (default 8 KiB); bigger files need SEARCH/REPLACE blocks. */
  wholeFileMaxBytes?: number;
}
