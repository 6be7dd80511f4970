// Unified diffs of a candidate against its parent, computed in-process from file contents autoexp
// already holds (a `git diff` per experiment would be one more process on the hot path).
import { structuredPatch, type StructuredPatchHunk } from 'diff';

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
  let newlines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) newlines++;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** Lines of context around each change in a patch. */
const CONTEXT = 3;

/**
 * The part of two texts a diff needs: the lines both share at their start are left out but for CONTEXT + 1
 * of them next to the first change (jsdiff walks the common start before anything else, so the diff of
 * the rest is the same), and the lines both share at their end but for `kept` of them after the last
 * change (whether the diff of the rest is the same is for exactHunks to judge). jsdiff's cost grows with
 * the whole text, and one changed number in a file of 100,000 lines took it about 90 ms. `skipped`: how
 * many lines were left out at the start, to add to the hunks' line numbers; `cutEnd`: whether lines were
 * left out at the end.
 */
export function diffWindow(
  before: string,
  after: string,
  kept = CONTEXT + 1,
): { before: string; after: string; skipped: number; cutEnd: boolean } {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // The whole lines of the common start, then CONTEXT + 1 of them kept.
  const starts: number[] = [0];
  for (let at = before.indexOf('\n'); at >= 0 && at < prefix; at = before.indexOf('\n', at + 1))
    starts.push(at + 1);
  const skipped = Math.max(0, starts.length - 1 - (CONTEXT + 1));
  const cut = starts[skipped]!;
  // The common end, after the common start (in a run of equal lines the two would overlap).
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  // The common end from its first whole line on (after a newline both share), less `kept` lines.
  const tail = before.slice(before.length - suffix);
  const lineStart = tail.indexOf('\n') + 1;
  let dropFrom = lineStart === 0 ? tail.length : lineStart;
  for (let count = 0; count < kept && dropFrom < tail.length; count++) {
    const next = tail.indexOf('\n', dropFrom);
    dropFrom = next < 0 ? tail.length : next + 1;
  }
  const dropped = tail.length - dropFrom;
  return {
    before: before.slice(cut, before.length - dropped),
    after: after.slice(cut, after.length - dropped),
    skipped,
    cutEnd: dropped > 0,
  };
}

/** jsdiff's lines: each ends after its newline (a CR before it is part of the line). */
function linesOf(text: string): string[] {
  const lines = text.split('\n').map((line) => `${line}\n`);
  lines[lines.length - 1] = lines[lines.length - 1]!.slice(0, -1);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The hunks jsdiff makes of the whole texts, diffing a window of them (diffWindow). Leaving out the common
 * end can change the diff: jsdiff's search for the shortest edit walks past the last change, and where the
 * lines repeat (braces, blank lines) it would place a change elsewhere in the run, or a hunk's context
 * would reach past the window. The window's diff is the whole texts' when each of the last `kept` lines
 * occurs once in each window and there are more of them than the diff's changed lines (no path of
 * jsdiff's with that few changes reaches the window's end but the one through them all), and the last
 * hunk ends before them; else the window grows to that many lines once, then to the whole common end.
 */
function exactHunks(before: string, after: string): { hunks: StructuredPatchHunk[]; skipped: number } {
  const diff = (kept: number) => {
    const window = diffWindow(before, after, kept);
    const { hunks } = structuredPatch('', '', window.before, window.after, '', '', { context: CONTEXT });
    return { window, hunks };
  };
  let kept = CONTEXT + 1;
  for (let attempt = 0; attempt < 2; attempt++) {
    const { window, hunks } = diff(kept);
    if (!window.cutEnd) return { hunks, skipped: window.skipped };
    let changed = 0;
    for (const hunk of hunks)
      for (const line of hunk.lines) if (line.startsWith('+') || line.startsWith('-')) changed++;
    if (changed >= kept) {
      kept = changed + 1;
      continue;
    }
    const [old, now] = [linesOf(window.before), linesOf(window.after)];
    const last = hunks[hunks.length - 1];
    const endsBefore = !last || last.oldStart + last.oldLines - 1 < old.length;
    const counts = (lines: string[]) => {
      const count = new Map<string, number>();
      for (const line of lines) count.set(line, (count.get(line) ?? 0) + 1);
      return count;
    };
    const [inOld, inNow] = [counts(old), counts(now)];
    const unique = old.slice(-kept).every((line) => inOld.get(line) === 1 && inNow.get(line) === 1);
    if (endsBefore && unique) return { hunks, skipped: window.skipped };
    break;
  }
  const { window, hunks } = diff(Infinity);
  return { hunks, skipped: window.skipped };
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
    const { hunks, skipped } = exactHunks(change.before ?? '', change.after ?? '');
    parts.push(`--- ${from}\n+++ ${to}\n`);
    for (const hunk of hunks) {
      // Every hunk starts after the CONTEXT lines kept before the first change: none starts at 0.
      const [oldStart, newStart] = [hunk.oldStart + skipped, hunk.newStart + skipped];
      parts.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@\n`);
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
