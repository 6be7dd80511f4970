// git's index file as autoexp reads it: which entries two indexes differ in, on indexes real git wrote.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobId, changedEntries } from '../src/tree/index-file.js';
import { createTestRepo } from './helpers/repo.js';

describe('changedEntries', () => {
  it('lists what was added, changed (content or mode) and removed, sorted as git sorts, and nothing else', () => {
    const repo = createTestRepo({
      'a.txt': 'a\n',
      'b/c.txt': 'c\n',
      'b/d.sh': 'd\n',
      'é.txt': 'e\n',
      'z.txt': 'z\n',
    });
    const index = () => readFileSync(join(repo.root, '.git', 'index'));
    const before = index();
    expect(changedEntries(before, before)).toEqual([]);
    repo.write('a.txt', 'a2\n');
    repo.write('b/b.txt', 'new\n');
    repo.git('rm', '--quiet', 'z.txt');
    chmodSync(join(repo.root, 'b/d.sh'), 0o755);
    repo.git('add', '-A');
    const after = index();
    const objectOf = (path: string) =>
      execFileSync('git', ['rev-parse', `:${path}`], { cwd: repo.root, encoding: 'utf8' }).trim();
    expect(changedEntries(before, after)).toEqual([
      { path: 'a.txt', after: { mode: 0o100644, object: objectOf('a.txt') } },
      { path: 'b/b.txt', after: { mode: 0o100644, object: objectOf('b/b.txt') } },
      { path: 'b/d.sh', after: { mode: 0o100755, object: objectOf('b/d.sh') } },
      { path: 'z.txt' },
    ]);
    expect(objectOf('a.txt')).toBe(blobId(Buffer.from('a2\n'), 40));
    // Touching a file changes its stat data in the index, not its entry.
    repo.git('update-index', '--refresh');
    expect(changedEntries(after, index())).toEqual([]);
  });

  // Random moves on indexes real git wrote, each read against `git ls-files -s` of the same two states:
  // changes at the start, in the middle and at the end of a few hundred entries (several of the chunks
  // compared at once), names of every length, in each index version and object format.
  it.each([
    [2, 'sha1'],
    [3, 'sha1'],
    [4, 'sha1'],
    [2, 'sha256'],
    [3, 'sha256'],
    [4, 'sha256'],
  ] as const)('agrees with git ls-files on random moves (index version %i, %s)', (version, format) => {
    const dir = mkdtempSync(join(tmpdir(), 'autoexp-index-'));
    const run = (...args: string[]) =>
      execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd: dir, encoding: 'utf8' });
    run('init', '--quiet', `--object-format=${format}`);
    run('config', 'index.version', String(version));
    let seed = version * 7 + format.length;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const names = Array.from({ length: 300 }, (_, n) => {
      const depth = n % 3;
      const parts = Array.from({ length: depth }, (_, level) => `d${(n >> level) % 5}`);
      return [...parts, `${'f'.repeat(1 + (n % 17))}${n}.txt`].join('/');
    });
    const write = (name: string, text: string) => {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    };
    for (const name of names.slice(0, 250)) write(name, `${name}\n`);
    run('add', '-A');
    // Extended flags (version 3 and 4): a skip-worktree entry and an intent-to-add one.
    if (version >= 3) {
      run('update-index', '--skip-worktree', names[10]!);
      write('zz-intent.txt', 'new\n');
      run('add', '-N', 'zz-intent.txt');
    }
    const listed = () => {
      const entries = new Map<string, { mode: number; object: string }>();
      for (const line of run('ls-files', '-s', '-z').split('\0').filter(Boolean)) {
        const [, mode, object, path] = /^(\d+) (\w+) \d+\t(.*)$/s.exec(line)!;
        entries.set(path!, { mode: parseInt(mode!, 8), object: object! });
      }
      return entries;
    };
    const index = () => readFileSync(join(dir, '.git', 'index'));
    try {
      for (let round = 0; round < 12; round++) {
        const before = index();
        const was = listed();
        const moves = 1 + random(round % 3 === 0 ? 40 : 4);
        for (let move = 0; move < moves; move++) {
          const name = names[random(names.length)]!;
          const kind = random(4);
          if (kind === 0) write(name, `${name} ${round} ${move}\n`);
          else if (kind === 1) rmSync(join(dir, name), { force: true });
          else if (kind === 2) write(name, `${name}\n`);
          else if (was.has(name)) chmodSync(join(dir, name), 0o755);
        }
        run('add', '-A');
        const now = listed();
        const expected = [...new Set([...was.keys(), ...now.keys()])]
          .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
          .flatMap((path) => {
            const after = now.get(path);
            const old = was.get(path);
            if (!after) return [{ path }];
            return old && old.mode === after.mode && old.object === after.object ? [] : [{ path, after }];
          });
        expect(changedEntries(before, index()), `round ${round}`).toEqual(expected);
        expect(changedEntries(index(), index())).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('version 4: an entry whose bytes are unchanged after a renamed one is a different path (names are stored against the one before)', () => {
    const repo = createTestRepo({ 'x/ab': 'one\n', 'x/abc': 'two\n' });
    repo.git('update-index', '--index-version', '4');
    const index = () => readFileSync(join(repo.root, '.git', 'index'));
    const before = index();
    expect(before.readUInt32BE(4)).toBe(4);
    // git mv keeps each entry's stat data: x/abc's entry and y/abc's are the same bytes ("c" after the
    // name before it), at the same offset.
    repo.git('mv', 'x', 'y');
    const objectOf = (path: string) =>
      execFileSync('git', ['rev-parse', `:${path}`], { cwd: repo.root, encoding: 'utf8' }).trim();
    expect(changedEntries(before, index())).toEqual([
      { path: 'x/ab' },
      { path: 'x/abc' },
      { path: 'y/ab', after: { mode: 0o100644, object: objectOf('y/ab') } },
      { path: 'y/abc', after: { mode: 0o100644, object: objectOf('y/abc') } },
    ]);
  });

  it('cannot read a split index (core.splitIndex): its entries are in the shared index, a changed one without its name', () => {
    const repo = createTestRepo({ 'a.txt': 'a\n', 'b.txt': 'b\n', 'c.txt': 'c\n' });
    repo.git('update-index', '--split-index');
    const index = () => readFileSync(join(repo.root, '.git', 'index'));
    const before = index();
    repo.write('b.txt', 'b2\n');
    repo.git('add', 'b.txt');
    const after = index();
    // The main file lists b.txt's new entry with its name stripped (git finds it in the shared index).
    expect(after.includes(Buffer.from('link'))).toBe(true);
    expect(changedEntries(before, after)).toBeUndefined();
    expect(changedEntries(after, after)).toBeUndefined();
  });

  it('cannot read what is not an index', () => {
    expect(changedEntries(Buffer.from('not an index'), Buffer.from('DIRC'))).toBeUndefined();
  });
});
