// "did you mean …?" for unknown keys and names: the closest candidate by edit distance (a swap of two
// neighbouring letters counts as one edit), or one that the word starts (or that starts the word).

const MAX_DISTANCE = 2;

/** Short words are close to too much: `ab` is two edits from `pr`. */
function maxDistanceFor(word: string): number {
  return word.length <= 3 ? 1 : MAX_DISTANCE;
}

/** Optimal string alignment distance (Damerau-Levenshtein without substring moves). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]![j]!;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i]![j] = best;
    }
  }
  return at(a.length, b.length);
}

/** `min_delta`, `minDelta` and `min-delta` are the same key to a human. */
function spelling(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, '');
}

export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const wanted = spelling(word);
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const have = spelling(candidate);
    const limit = maxDistanceFor(wanted);
    let score = editDistance(wanted, have);
    if (score > limit && wanted.length >= 3 && (have.startsWith(wanted) || wanted.startsWith(have))) {
      score = limit + 0.5; // a prefix is a weaker hint than a near spelling
    }
    if (score <= limit + 0.5 && (!best || score < best.score)) best = { candidate, score };
  }
  return best?.candidate;
}

/** ` (did you mean "timeout"?)`, or '' when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
