import { structuredPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { describeChanges, diffWindow, summarizeChanges } from '../src/session/patch.js';

describe('in-process patches', () => {
  it('makes a unified diff with counts and a line delta', () => {
    const summary = summarizeChanges([
      { path: 'a.yaml', before: 'ttl: 300\nsize: 2\n', after: 'ttl: 450\nsize: 2\n' },
    ]);
    expect(summary.patch).toBe(
      'diff --git a/a.yaml b/a.yaml\n--- a/a.yaml\n+++ b/a.yaml\n@@ -1,2 +1,2 @@\n-ttl: 300\n+ttl: 450\n size: 2\n',
    );
    expect([summary.added, summary.removed, summary.lineDelta]).toEqual([1, 1, 0]);
  });

  it('counts new and deleted files, and a shorter candidate has a negative line delta', () => {
    const summary = summarizeChanges([
      { path: 'new.txt', before: undefined, after: 'a\nb\n' },
      { path: 'old.txt', before: 'x\ny\nz\n', after: undefined },
    ]);
    expect(summary.patch).toContain('--- /dev/null\n+++ b/new.txt');
    expect(summary.patch).toContain('--- a/old.txt\n+++ /dev/null');
    expect(summary.lineDelta).toBe(-1);
    expect(summary.added + summary.removed).toBe(5);
  });

  it('does not diff binary contents', () => {
    const summary = summarizeChanges([{ path: 'b.bin', before: 'a\0b', after: 'a\0c' }]);
    expect(summary.patch).toContain('Binary files a/b.bin and b/b.bin differ');
  });

  it('describes a one-line change by its lines, bigger ones by files and counts', () => {
    const one = [{ path: 'c.yaml', before: 'ttl: 300\n', after: 'ttl: 450\n' }];
    expect(describeChanges(one, summarizeChanges(one))).toBe('c.yaml: "ttl: 300" → "ttl: 450"');
    const two = [
      { path: 'a.txt', before: 'a\n', after: 'b\nc\n' },
      { path: 'n.txt', before: undefined, after: 'n\n' },
    ];
    expect(describeChanges(two, summarizeChanges(two))).toBe('edit a.txt, n.txt (new) (+3 −1 lines)');
  });
});

describe('the diff of a large file', () => {
  /** The patch jsdiff makes of the whole texts, as summarizeChanges printed it before it diffed a window. */
  function wholePatch(path: string, before: string, after: string): string {
    const { hunks } = structuredPatch(`a/${path}`, `b/${path}`, before, after, '', '', { context: 3 });
    const lines = [`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`];
    for (const hunk of hunks)
      lines.push(
        `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
        ...hunk.lines,
      );
    return `${lines.join('\n')}\n`;
  }

  /** A text of `count` numbered lines, with or without a newline at its end. */
  const text = (count: number, end: boolean) =>
    Array.from({ length: count }, (_, n) => `line ${n}`).join('\n') + (end ? '\n' : '');

  it('is the patch of the whole texts, wherever the changes are', () => {
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    for (let trial = 0; trial < 300; trial++) {
      const count = 1 + random(40);
      const lines = text(count, random(2) === 0).split('\n');
      const edited = [...lines];
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const at = random(edited.length + 1);
        const kind = random(3);
        if (kind === 0) edited.splice(at, 0, `new ${trial}`);
        else if (kind === 1 && edited.length > 1) edited.splice(Math.min(at, edited.length - 1), 1);
        else edited[Math.min(at, edited.length - 1)] += ' changed';
      }
      const before = lines.join('\n');
      const after = random(4) === 0 ? `${edited.join('\n')}\n` : edited.join('\n');
      if (before === after) continue;
      expect([trial, summarizeChanges([{ path: 'f.txt', before, after }]).patch]).toEqual([
        trial,
        wholePatch('f.txt', before, after),
      ]);
    }
  });

  it('is the patch of the whole texts when the change is among repeated lines (a brace, blank lines)', () => {
    const lines = (list: string[]) => list.map((line) => `${line}\n`).join('');
    const numbered = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, n) => `line ${from + n}`);
    const braces = (count: number) =>
      lines([...numbered(0, 10), ...Array<string>(count).fill('}'), ...numbered(10, 20)]);
    const blanks = (changed: string, count: number) =>
      lines([...numbered(0, 10), changed, ...Array<string>(count).fill(''), ...numbered(10, 20)]);
    const cases: [string, string][] = [
      [braces(6), braces(5)],
      [braces(5), braces(6)],
      [blanks('x', 4), blanks('y', 5)],
      // More changes than lines kept after them, among lines that repeat.
      [
        lines([...numbered(0, 10), 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', ...numbered(10, 20)]),
        lines([...numbered(0, 10), 'b', 'b', 'b', 'b', 'b', 'b', 'a', 'a', ...numbered(10, 20)]),
      ],
    ];
    for (const [before, after] of cases)
      expect(summarizeChanges([{ path: 'f.txt', before, after }]).patch).toBe(
        wholePatch('f.txt', before, after),
      );
  });

  it('is the patch of the whole texts over random edits of lines that repeat, CRs among them', () => {
    let seed = 12345;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % below;
    };
    const alphabet = ['a', 'b', '', 'a\r', '\r', 'x\ry', 'c'];
    for (let trial = 0; trial < 3000; trial++) {
      const lines = Array.from({ length: random(25) }, () => alphabet[random(alphabet.length)]!);
      const edited = [...lines];
      for (let edits = 1 + random(4); edits > 0; edits--) {
        const at = random(edited.length + 1);
        const kind = random(3);
        const line = alphabet[random(alphabet.length)]!;
        if (kind === 0) edited.splice(at, 0, line);
        else if (edited.length > 0)
          edited.splice(Math.min(at, edited.length - 1), 1, ...(kind === 1 ? [] : [line]));
      }
      const before = lines.join('\n') + (random(2) ? '\n' : '');
      const after = edited.join('\n') + (random(2) ? '\n' : '');
      if (before === after) continue;
      expect([trial, summarizeChanges([{ path: 'f.txt', before, after }]).patch]).toEqual([
        trial,
        wholePatch('f.txt', before, after),
      ]);
    }
  });

  it('diffs only the lines around the change', () => {
    const before = text(100_000, true);
    const after = before.replace('line 50000\n', 'line 50000 changed\n');
    const window = diffWindow(before, after);
    expect(window.skipped).toBe(49_996);
    expect(window.before.split('\n')).toHaveLength(10);
    expect(summarizeChanges([{ path: 'big.txt', before, after }]).patch).toBe(
      wholePatch('big.txt', before, after),
    );
  });
});
