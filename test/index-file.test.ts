// git's index file as autoexp reads it: which entries two indexes differ in, on indexes real git wrote.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('cannot read what is not an index', () => {
    expect(changedEntries(Buffer.from('not an index'), Buffer.from('DIRC'))).toBeUndefined();
  });
});
