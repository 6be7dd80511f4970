// Unified diffs of a candidate against its parent, computed in-process from file contents autoexp
// already holds (a `git diff` per experiment would be one more process on the hot path).
import { structuredPatch } from 'diff';

export interface FileChange {
  path: string;
  /** Undefined: the file did not exist. */
  before: string | undefined;
  after: string | undefined;
}

export interface PatchSummary {
  patch: string;
  added: number;
  removed: number;
  /** Lines after minus lines before, over all files (negative: the candidate is shorter). */
  lineDelta: number;
}

function looksBinary(text: string | undefined): boolean {
  return text !== undefined && text.includes('\0');
}

function countLines(text: string | undefined): number {
  if (!text) return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

export function summarizeChanges(changes: readonly FileChange[]): PatchSummary {
  const parts: string[] = [];
  let added = 0;
  let removed = 0;
  let lineDelta = 0;
  for (const change of [...changes].sort((a, b) => a.path.localeCompare(b.path))) {
    const from = change.before === undefined ? '/dev/null' : `a/${change.path}`;
    const to = change.after === undefined ? '/dev/null' : `b/${change.path}`;
    parts.push(`diff --git a/${change.path} b/${change.path}\n`);
    if (looksBinary(change.before) || looksBinary(change.after)) {
      parts.push(`Binary files ${from} and ${to} differ\n`);
      continue;
    }
    lineDelta += countLines(change.after) - countLines(change.before);
    const structured = structuredPatch(from, to, change.before ?? '', change.after ?? '', '', '', {
      context: 3,
    });
    parts.push(`--- ${from}\n+++ ${to}\n`);
    for (const hunk of structured.hunks) {
      parts.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@\n`);
      for (const line of hunk.lines) {
        if (line.startsWith('+')) added++;
        else if (line.startsWith('-')) removed++;
        parts.push(`${line}\n`);
      }
    }
  }
  return { patch: parts.join(''), added, removed, lineDelta };
}

/**
 * A one-line description of a change for proposers that give none (a command proposer may leave the description to autoexp):
 * `cache_config.yaml: "ttl: 300" → "ttl: 450"` for a one-line change, else the files and line counts.
 */
export function describeChanges(changes: readonly FileChange[], summary: PatchSummary): string {
  if (changes.length === 1 && summary.added === 1 && summary.removed === 1) {
    const change = changes[0]!;
    const removedLine = /^-(.*)$/m.exec(
      summary.patch
        .split('\n')
        .filter((l) => !l.startsWith('---'))
        .join('\n'),
    );
    const addedLine = /^\+(.*)$/m.exec(
      summary.patch
        .split('\n')
        .filter((l) => !l.startsWith('+++'))
        .join('\n'),
    );
    if (removedLine?.[1] !== undefined && addedLine?.[1] !== undefined) {
      return `${change.path}: "${removedLine[1].trim()}" → "${addedLine[1].trim()}"`;
    }
  }
  const names = changes.map((change) =>
    change.before === undefined
      ? `${change.path} (new)`
      : change.after === undefined
        ? `${change.path} (deleted)`
        : change.path,
  );
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
  return `edit ${shown} (+${summary.added} −${summary.removed} lines)`;
}
