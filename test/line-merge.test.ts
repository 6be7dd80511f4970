import { describe, expect, it } from 'vitest';
import { mergeLines } from '../src/session/line-merge.js';

describe('re-applying a change on an incumbent changed next to it', () => {
  const base = 'a: 1\nb: 2\nc: 3\nd: 4\n';

  it('applies a change to a line next to one the incumbent changed (git calls that a conflict)', () => {
    expect(mergeLines(base, 'a: 1\nb: 20\nc: 3\nd: 4\n', 'a: 10\nb: 2\nc: 3\nd: 4\n')).toBe(
      'a: 10\nb: 20\nc: 3\nd: 4\n',
    );
    expect(mergeLines(base, 'a: 1\nb: 2\nc: 3\nd: 40\n', 'a: 1\nb: 2\nc: 30\nd: 4\n')).toBe(
      'a: 1\nb: 2\nc: 30\nd: 40\n',
    );
  });

  it('keeps insertions and deletions on either side in place', () => {
    const ours = 'a: 1\nb: 2\nx: 9\nc: 3\nd: 4\n'; // inserts after b
    const theirs = 'a: 1\nc: 3\nd: 4\ne: 5\n'; // deletes b, appends e
    expect(mergeLines(base, ours, theirs)).toBe('a: 1\nx: 9\nc: 3\nd: 4\ne: 5\n');
    expect(mergeLines('one\ntwo', 'one\nTWO', 'ONE\ntwo')).toBe('ONE\nTWO'); // no final newline
    expect(mergeLines('a\r\nb\r\n', 'a\r\nB\r\n', 'A\r\nb\r\n')).toBe('A\r\nB\r\n');
  });

  it('refuses when both changed the same line, or inserted at the same place', () => {
    expect(mergeLines(base, 'a: 1\nb: 20\nc: 3\nd: 4\n', 'a: 1\nb: 21\nc: 3\nd: 4\n')).toBeUndefined();
    expect(mergeLines(base, 'a: 1\nb: 20\nc: 30\nd: 4\n', 'a: 1\nb: 2\nc: 31\nd: 4\n')).toBeUndefined();
    expect(
      mergeLines(base, 'a: 1\nx: 0\nb: 2\nc: 3\nd: 4\n', 'a: 1\ny: 0\nb: 2\nc: 3\nd: 4\n'),
    ).toBeUndefined();
    // An insertion in the middle of lines the other side replaced.
    expect(mergeLines(base, 'a: 1\nb: 2\nx: 0\nc: 3\nd: 4\n', 'a: 1\nB: 2\nC: 3\nd: 4\n')).toBeUndefined();
  });
});
