// Re-applying a candidate's change on an incumbent that a keep changed next to it. git's merge calls
// changes to adjacent lines a conflict; here only changes to the same lines are. The candidate is
// measured again on the result, so nothing is kept on the strength of the merge alone.
import { diffArrays } from 'diff';

/** Lines [start, end) of the base replaced by `lines` (start === end: inserted before line `start`). */
interface Hunk {
  start: number;
  end: number;
  lines: string[];
}

function hunksOf(base: string[], changed: string[]): Hunk[] {
  const hunks: Hunk[] = [];
  let index = 0;
  let open: Hunk | undefined;
  for (const part of diffArrays(base, changed)) {
    if (!part.added && !part.removed) {
      if (open) hunks.push(open);
      open = undefined;
      index += part.count ?? part.value.length;
      continue;
    }
    open ??= { start: index, end: index, lines: [] };
    if (part.removed) {
      index += part.value.length;
      open.end = index;
    } else open.lines.push(...part.value);
  }
  if (open) hunks.push(open);
  return hunks;
}

function overlap(a: Hunk, b: Hunk): boolean {
  const aInserts = a.start === a.end;
  const bInserts = b.start === b.end;
  if (aInserts && bInserts) return a.start === b.start;
  if (aInserts) return b.start < a.start && a.start < b.end;
  if (bInserts) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * `theirs` with the change from `base` to `ours` applied too, or undefined when both changed the same
 * lines (or inserted at the same place, where the order would be a guess).
 */
export function mergeLines(base: string, ours: string, theirs: string): string | undefined {
  const baseLines = base.split('\n');
  const mine = hunksOf(baseLines, ours.split('\n'));
  const other = hunksOf(baseLines, theirs.split('\n'));
  if (mine.some((a) => other.some((b) => overlap(a, b)))) return undefined;
  const all = [...mine, ...other].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  const merged: string[] = [];
  let index = 0;
  for (const hunk of all) {
    merged.push(...baseLines.slice(index, hunk.start), ...hunk.lines);
    index = hunk.end;
  }
  merged.push(...baseLines.slice(index));
  return merged.join('\n');
}
