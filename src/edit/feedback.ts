// The repair turn's feedback: which block failed and why, the file's closest actual lines to a SEARCH that
// was not found, which blocks did match, and the exact format again.
import type { BlockFailure } from './types.js';

const MAX_SHOWN_LINES = 10;

export const FORMAT_REMINDER = [
  'Format reminder: the path alone on one line, then a fenced block:',
  'path/to/file.ext',
  '```',
  '<<<<<<< SEARCH',
  'exact existing lines, copied character for character',
  '=======',
  'replacement lines',
  '>>>>>>> REPLACE',
  '```',
  'SEARCH must match exactly one place in the file. An empty SEARCH creates a new file.',
].join('\n');

/** Character-bigram similarity of two lines (Dice coefficient, whitespace-insensitive), 0..1. */
function lineSimilarity(a: string, b: string): number {
  const left = a.trim().replace(/\s+/g, ' ');
  const right = b.trim().replace(/\s+/g, ' ');
  if (left === right) return 1;
  if (left.length < 2 || right.length < 2) return 0;
  const bigrams = new Map<string, number>();
  for (let index = 0; index < left.length - 1; index++) {
    const bigram = left.slice(index, index + 2);
    bigrams.set(bigram, (bigrams.get(bigram) ?? 0) + 1);
  }
  let shared = 0;
  for (let index = 0; index < right.length - 1; index++) {
    const bigram = right.slice(index, index + 2);
    const count = bigrams.get(bigram) ?? 0;
    if (count > 0) {
      shared++;
      bigrams.set(bigram, count - 1);
    }
  }
  return (2 * shared) / (left.length - 1 + right.length - 1);
}

/** The window of `lines` (as long as `search`, at most the whole file) most similar to `search`. */
export function closestLines(
  lines: readonly string[],
  search: readonly string[],
): { start: number; lines: string[]; similarity: number } | undefined {
  if (lines.length === 0 || search.length === 0) return undefined;
  const size = Math.min(search.length, lines.length);
  let best = { start: 0, similarity: -1 };
  for (let start = 0; start + size <= lines.length; start++) {
    let total = 0;
    for (let offset = 0; offset < size; offset++)
      total += lineSimilarity(lines[start + offset]!, search[offset]!);
    const similarity = total / search.length;
    if (similarity > best.similarity) best = { start, similarity };
  }
  return { ...best, lines: lines.slice(best.start, best.start + size) };
}

function describeOne(failure: BlockFailure, files: (path: string) => string | undefined): string {
  const heading = `Block ${failure.block} (${failure.path}): ${failure.reason}`;
  if (failure.search === undefined) return heading;
  const content = files(failure.path);
  if (content === undefined) return heading;
  const fileLines = content.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const closest = closestLines(fileLines, failure.search.split('\n'));
  if (!closest || closest.similarity <= 0) return `${heading}; nothing in the file resembles it.`;
  const shown = closest.lines.slice(0, MAX_SHOWN_LINES);
  const width = String(closest.start + shown.length).length;
  const numbered = shown.map(
    (line, index) => `${String(closest.start + index + 1).padStart(width)} | ${line}`,
  );
  const more =
    closest.lines.length > shown.length ? `\n(${closest.lines.length - shown.length} more lines)` : '';
  return `${heading}. The closest actual lines in ${failure.path} are:\n${numbered.join('\n')}${more}`;
}

/** The repair-turn text for a failed dry run. Pure: reads files only through `files`. */
export function describeFailures(
  failures: readonly BlockFailure[],
  files: (path: string) => string | undefined,
  appliedInDryRun: readonly number[] = [],
): string {
  const parts = [
    `${failures.length} edit block${failures.length === 1 ? '' : 's'} could not be applied, so nothing was changed ` +
      '(all blocks apply or none).',
    ...failures.map((failure) => describeOne(failure, files)),
  ];
  parts.push(
    appliedInDryRun.length > 0
      ? `Block${appliedInDryRun.length === 1 ? '' : 's'} ${appliedInDryRun.join(', ')} matched and would apply.`
      : 'No block matched.',
  );
  parts.push('Reply again with all blocks (corrected), in the same format.', FORMAT_REMINDER);
  return parts.join('\n\n');
}
