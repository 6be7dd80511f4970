// Every ref of a repository read from its files (packed-refs and the loose ref files), as the guard reads
// them after each run: the values git itself reads, and what changed between two reads.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git } from '../src/git/git.js';
import { readRefs } from '../src/tree/refs.js';
import { createTestRepo } from './helpers/repo.js';

/** A repository with packed tags and branches, one branch loose over its packed value, and a symbolic ref. */
function repository() {
  const repo = createTestRepo({ 'a.txt': 'a\n' });
  const first = repo.git('rev-parse', 'HEAD');
  for (let n = 0; n < 50; n++) repo.git('tag', `v${n}`);
  repo.git('branch', 'feature');
  repo.git('pack-refs', '--all');
  repo.write('a.txt', 'b\n');
  repo.commitAll('second');
  const second = repo.git('rev-parse', 'HEAD');
  repo.git('branch', 'loose');
  repo.git('symbolic-ref', 'refs/heads/alias', 'refs/heads/main');
  return { repo, commonDir: join(repo.root, '.git'), git: Git.at(repo.root), first, second };
}

const ignoreNone = () => false;

describe('readRefs', () => {
  it('reads the values git reads: packed, loose over packed, symbolic', async () => {
    const { repo, commonDir, git, first, second } = repository();
    const refs = await readRefs(commonDir, git);
    const fromGit = await git.refs();
    for (const [name, value] of fromGit) expect([name, refs.get(name)]).toEqual([name, value]);
    expect(refs.get('refs/tags/v7')).toBe(first);
    // main was packed at the first commit and is loose at the second now.
    expect(repo.git('show-ref', '--hash', 'refs/heads/main')).toBe(second);
    expect(refs.get('refs/heads/main')).toBe(second);
    expect(refs.get('refs/heads/alias')).toBe('ref: refs/heads/main');
    expect(refs.has('refs/heads/none')).toBe(false);
  });

  it('finds what moved, was created or deleted, with packed-refs unchanged and changed', async () => {
    const { repo, commonDir, git, first, second } = repository();
    const before = await readRefs(commonDir, git);
    repo.git('update-ref', 'refs/heads/loose', first);
    repo.git('update-ref', 'refs/heads/new', second);
    expect((await readRefs(commonDir, git)).changedSince(before, ignoreNone)).toEqual([
      'refs/heads/loose',
      'refs/heads/new',
    ]);
    // Deleting a packed ref rewrites packed-refs.
    repo.git('update-ref', '-d', 'refs/tags/v3');
    const after = await readRefs(commonDir, git);
    expect(after.changedSince(before, ignoreNone)).toEqual([
      'refs/heads/loose',
      'refs/heads/new',
      'refs/tags/v3',
    ]);
    expect(after.changedSince(before, (ref) => ref.startsWith('refs/heads/'))).toEqual(['refs/tags/v3']);
    expect(before.changedSince(before, ignoreNone)).toEqual([]);
  });

  it('packed-refs rewritten to other bytes of the same length is read again', async () => {
    const { commonDir, git, first, second } = repository();
    const before = await readRefs(commonDir, git);
    const packedPath = join(commonDir, 'packed-refs');
    const packed = readFileSync(packedPath, 'utf8');
    writeFileSync(packedPath, packed.replace(`${first} refs/tags/v9\n`, `${second} refs/tags/v9\n`));
    const after = await readRefs(commonDir, git);
    expect(after.get('refs/tags/v9')).toBe(second);
    expect(after.changedSince(before, ignoreNone)).toEqual(['refs/tags/v9']);
  });

  it('autoexp’s own changes over a snapshot: a packed ref deleted and set again', async () => {
    const { commonDir, git, second } = repository();
    const before = await readRefs(commonDir, git);
    const noted = await readRefs(commonDir, git);
    noted.delete('refs/tags/v1');
    expect(noted.has('refs/tags/v1')).toBe(false);
    expect(noted.changedSince(before, ignoreNone)).toEqual(['refs/tags/v1']);
    noted.set('refs/tags/v1', second);
    expect(noted.get('refs/tags/v1')).toBe(second);
    expect(noted.changedSince(before, ignoreNone)).toEqual(['refs/tags/v1']);
    noted.set('refs/tags/v1', before.get('refs/tags/v1')!);
    expect(noted.changedSince(before, ignoreNone)).toEqual([]);
  });
});
