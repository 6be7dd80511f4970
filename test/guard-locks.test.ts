// Ref locks in the repository's own git dir: one a run leaves behind fails every later write of that ref
// (the next undo, the next record), so the guard removes it; one a live git process holds (autoexp's in
// another tree, the user's) is gone in a moment, and one that was there before the run is not the run's.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git } from '../src/git/git.js';
import { RepositoryGuard } from '../src/tree/guard.js';
import { createTestRepo } from './helpers/repo.js';

async function guarded() {
  const repo = createTestRepo({ 'a.txt': 'a\n' });
  const commonDir = join(repo.root, '.git');
  const guard = await RepositoryGuard.take(Git.at(repo.root), commonDir, () => false, tmpdir());
  const lock = (path: string) => {
    mkdirSync(join(commonDir, path, '..'), { recursive: true });
    writeFileSync(join(commonDir, path), '');
  };
  return { repo, commonDir, guard, lock };
}

describe('ref locks', () => {
  it('one a run leaves (a branch, packed-refs) is removed after it and reported', async () => {
    const { commonDir, guard, lock } = await guarded();
    await guard.begin();
    lock('refs/heads/main.lock');
    lock('packed-refs.lock');
    // A directory in the lock's place blocks it as well.
    mkdirSync(join(commonDir, 'refs/heads/autoexp/t.lock/x'), { recursive: true });
    expect(await guard.end()).toEqual([
      'left .git/packed-refs.lock',
      'left .git/refs/heads/autoexp/t.lock',
      'left .git/refs/heads/main.lock',
    ]);
    expect(existsSync(join(commonDir, 'refs/heads/main.lock'))).toBe(false);
    expect(existsSync(join(commonDir, 'refs/heads/autoexp/t.lock'))).toBe(false);
    expect(existsSync(join(commonDir, 'packed-refs.lock'))).toBe(false);
  });

  it('one a live git process holds is left to it; one there before the run is not the run’s', async () => {
    const { commonDir, guard, lock } = await guarded();
    lock('refs/heads/before.lock');
    await guard.begin();
    lock('refs/heads/main.lock');
    // Its holder is done in a moment (git's ref transactions take milliseconds).
    setTimeout(() => rmSync(join(commonDir, 'refs/heads/main.lock')), 300);
    expect(await guard.end()).toEqual([]);
    expect(existsSync(join(commonDir, 'refs/heads/before.lock'))).toBe(true);
  });

  it('.git/refs made a symlink by a run: no file it points to is taken for a lock and removed', async () => {
    const { repo, commonDir, guard } = await guarded();
    // The user's files elsewhere, with names git's locks have.
    const elsewhere = mkdtempSync(join(tmpdir(), 'autoexp-elsewhere-'));
    mkdirSync(join(elsewhere, 'project'));
    writeFileSync(join(elsewhere, 'project/Cargo.lock'), 'the user’s\n');
    writeFileSync(join(elsewhere, 'yarn.lock'), 'the user’s\n');
    await guard.begin();
    renameSync(join(commonDir, 'refs'), join(commonDir, 'refs-moved'));
    symlinkSync(elsewhere, join(commonDir, 'refs'));
    expect(await guard.end()).toEqual([
      'replaced .git/refs',
      'deleted refs/heads/main',
      'deleted refs/remotes/origin/main',
    ]);
    expect(repo.git('rev-parse', 'refs/heads/main')).toMatch(/^[0-9a-f]{40}$/);
    expect(existsSync(join(elsewhere, 'project/Cargo.lock'))).toBe(true);
    expect(existsSync(join(elsewhere, 'yarn.lock'))).toBe(true);
    rmSync(elsewhere, { recursive: true, force: true });
  });
});
