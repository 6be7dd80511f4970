// Three-way merge of any text file by its numeric literals, the ones `mutate` changes (found by the same
// code, so both agree on what a number is): when the three versions are the same text but for those
// numbers, each number takes the side that changed it. A number both sides changed differently is a
// conflict, named as mutate names it (`lr`, `layers[2]`, `line 12`).
import { findNumericLiterals } from '../propose/mutate/literals.js';

export type NumbersMergeResult = { merged: string } | { conflicts: string[] } | undefined;

/** Undefined when the versions differ in more than numbers (nothing to merge at this level). */
export function mergeNumbers(path: string, base: string, ours: string, theirs: string): NumbersMergeResult {
  const [b, o, t] = [base, ours, theirs].map((text) => split(path, text));
  if (b!.gaps.length !== o!.gaps.length || b!.gaps.length !== t!.gaps.length) return undefined;
  if (b!.gaps.some((gap, index) => gap !== o!.gaps[index] || gap !== t!.gaps[index])) return undefined;
  const conflicts: string[] = [];
  let merged = o!.gaps[0]!;
  for (let index = 0; index < o!.numbers.length; index++) {
    const [was, mine, other] = [b!.numbers[index]!, o!.numbers[index]!, t!.numbers[index]!];
    if (mine.text !== was.text && other.text !== was.text && mine.text !== other.text)
      conflicts.push(mine.key);
    merged += (mine.text === was.text ? other.text : mine.text) + o!.gaps[index + 1]!;
  }
  return conflicts.length > 0 ? { conflicts } : { merged };
}

/** The numbers and the text around them: gaps[i] comes before numbers[i], the last gap after them all. */
function split(path: string, text: string) {
  const numbers = findNumericLiterals(path, text);
  const gaps: string[] = [];
  let position = 0;
  for (const number of numbers) {
    gaps.push(text.slice(position, number.start));
    position = number.end;
  }
  gaps.push(text.slice(position));
  return { numbers, gaps };
}
