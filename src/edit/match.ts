// Finds where a SEARCH text sits in a file, on a ladder of ever more tolerant comparisons. Each rung is
// tried only when the previous one found nothing, and a rung that finds more than one place is a failure:
// an edit at a guessed place is worse than a repair turn.

export type Rung = 'exact' | 'line endings' | 'trailing whitespace' | 'indentation' | 'leading blank line';

export type MatchResult =
  | { kind: 'found'; rung: Rung; start: number; end: number; replacement: string[] }
  | { kind: 'ambiguous'; rung: Rung; count: number }
  | { kind: 'none' };

const withoutCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);
const isBlank = (line: string): boolean => line.trim() === '';
const leadingWhitespace = (line: string): string => /^[ \t]*/.exec(line)![0];

/** Start indexes where `search` matches `lines` line by line under `equal`. */
function findAll(
  lines: readonly string[],
  search: readonly string[],
  equal: (fileLine: string, searchLine: string) => boolean,
): number[] {
  const starts: number[] = [];
  for (let start = 0; start + search.length <= lines.length; start++) {
    let matches = true;
    for (let offset = 0; offset < search.length && matches; offset++) {
      matches = equal(lines[start + offset]!, search[offset]!);
    }
    if (matches) starts.push(start);
  }
  return starts;
}

/**
 * The indentation shift that turns `search` into the file's lines at `start`, if one uniform shift does:
 * `add` is a prefix the file has on every non-blank line in addition, `remove` one it lacks.
 */
function uniformShift(
  lines: readonly string[],
  start: number,
  search: readonly string[],
): { add: string } | { remove: string } | undefined {
  let shift: { add: string } | { remove: string } | undefined;
  for (let offset = 0; offset < search.length; offset++) {
    const fileLine = withoutCr(lines[start + offset]!).trimEnd();
    const searchLine = search[offset]!.trimEnd();
    if (isBlank(fileLine) || isBlank(searchLine)) {
      if (isBlank(fileLine) !== isBlank(searchLine)) return undefined;
      continue;
    }
    let lineShift: { add: string } | { remove: string };
    if (fileLine.endsWith(searchLine)) {
      const add = fileLine.slice(0, fileLine.length - searchLine.length);
      if (!/^[ \t]*$/.test(add)) return undefined;
      lineShift = { add };
    } else if (searchLine.endsWith(fileLine)) {
      const remove = searchLine.slice(0, searchLine.length - fileLine.length);
      if (!/^[ \t]*$/.test(remove)) return undefined;
      lineShift = { remove };
    } else return undefined;
    if (shift === undefined) shift = lineShift;
    else if (JSON.stringify(shift) !== JSON.stringify(lineShift)) return undefined;
  }
  // A shift of nothing would have matched on an earlier rung; no non-blank line means nothing to anchor.
  if (shift === undefined || ('add' in shift ? shift.add : shift.remove) === '') return undefined;
  return shift;
}

function reindent(replacement: readonly string[], shift: { add: string } | { remove: string }): string[] {
  return replacement.map((line) => {
    if (isBlank(line)) return line;
    if ('add' in shift) return shift.add + line;
    // Remove the prefix; a line indented less than that loses what indentation it has.
    if (line.startsWith(shift.remove)) return line.slice(shift.remove.length);
    const indent = leadingWhitespace(line);
    return shift.remove.startsWith(indent) ? line.slice(indent.length) : line;
  });
}

function ladder(lines: readonly string[], search: readonly string[], replacement: string[]): MatchResult {
  const rungs: [Rung, (fileLine: string, searchLine: string) => boolean][] = [
    ['exact', (a, b) => a === b],
    ['line endings', (a, b) => withoutCr(a) === withoutCr(b)],
    ['trailing whitespace', (a, b) => withoutCr(a).trimEnd() === withoutCr(b).trimEnd()],
  ];
  for (const [rung, equal] of rungs) {
    const starts = findAll(lines, search, equal);
    if (starts.length > 1) return { kind: 'ambiguous', rung, count: starts.length };
    if (starts.length === 1) {
      return { kind: 'found', rung, start: starts[0]!, end: starts[0]! + search.length, replacement };
    }
  }
  const shifted: { start: number; shift: { add: string } | { remove: string } }[] = [];
  for (let start = 0; start + search.length <= lines.length; start++) {
    const shift = uniformShift(lines, start, search);
    if (shift) shifted.push({ start, shift });
  }
  if (shifted.length > 1) return { kind: 'ambiguous', rung: 'indentation', count: shifted.length };
  if (shifted.length === 1) {
    const { start, shift } = shifted[0]!;
    return {
      kind: 'found',
      rung: 'indentation',
      start,
      end: start + search.length,
      replacement: reindent(replacement, shift),
    };
  }
  return { kind: 'none' };
}

/**
 * Where `search` (lines without line endings) sits in `lines` (a file split on '\n', CRs kept) and what
 * replaces it. The last rung drops a leading blank line the model added to SEARCH (and to REPLACE, if it
 * starts with one too) and climbs the ladder again.
 */
export function locate(
  lines: readonly string[],
  search: readonly string[],
  replace: readonly string[],
): MatchResult {
  const result = ladder(lines, search, [...replace]);
  if (result.kind !== 'none' || search.length < 2 || !isBlank(search[0]!)) return result;
  const trimmedReplace = replace.length > 0 && isBlank(replace[0]!) ? replace.slice(1) : [...replace];
  const retry = ladder(lines, search.slice(1), trimmedReplace);
  if (retry.kind === 'none') return retry;
  return { ...retry, rung: 'leading blank line' };
}
