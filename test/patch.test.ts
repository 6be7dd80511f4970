import { describe, expect, it } from 'vitest';
import { describeChanges, summarizeChanges } from '../src/session/patch.js';

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
