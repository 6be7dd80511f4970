// .git/packed-refs as a run may leave it: rewritten, or replaced with a link to a file of yours or with a
// FIFO. The guard puts the bytes it recorded back, and never writes through a link or waits on a pipe.
import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git } from '../src/git/git.js';
import { RepositoryGuard } from '../src/tree/guard.js';
import { createTestRepo } from './helpers/repo.js';

async function guarded({ packed }: { packed: boolean }) {
  const repo = createTestRepo({ 'a.txt': 'a\n' });
  repo.git('tag', 'v1');
  if (packed) repo.git('pack-refs', '--all');
  const commonDir = join(repo.root, '.git');
  const guard = await RepositoryGuard.take(Git.at(repo.root), commonDir, () => false, tmpdir());
  const users = mkdtempSync(join(tmpdir(), 'autoexp-users-'));
  writeFileSync(join(users, 'notes.txt'), 'mine\n');
  return { repo, commonDir, guard, users, packedPath: join(commonDir, 'packed-refs') };
}

describe('.git/packed-refs after a run', () => {
  it('replaced with a link to a file of yours: the link goes, your file stays as it was', async () => {
    const { repo, guard, users, packedPath } = await guarded({ packed: true });
    const before = readFileSync(packedPath);
    await guard.begin();
    rmSync(packedPath);
    symlinkSync(join(users, 'notes.txt'), packedPath);
    expect(await guard.end()).toContain('rewrote .git/packed-refs');
    expect(readFileSync(join(users, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(lstatSync(packedPath).isFile()).toBe(true);
    expect(readFileSync(packedPath)).toEqual(before);
    expect(repo.git('rev-parse', 'v1')).toMatch(/^[0-9a-f]{40}$/);
  });

  it('planted as a link where there was none: the link goes, your file stays', async () => {
    const { guard, users, packedPath } = await guarded({ packed: false });
    await guard.begin();
    symlinkSync(join(users, 'notes.txt'), packedPath);
    expect(await guard.end()).toContain('planted .git/packed-refs');
    expect(() => lstatSync(packedPath)).toThrow();
    expect(readFileSync(join(users, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('replaced with a FIFO: put back without waiting for a writer', async () => {
    const { guard, packedPath } = await guarded({ packed: true });
    const before = readFileSync(packedPath);
    await guard.begin();
    rmSync(packedPath);
    execFileSync('mkfifo', [packedPath]);
    // A writer 3 s later releases a read that waits (the test fails instead of hanging).
    const writer = spawn('sh', ['-c', `sleep 3; echo x > '${packedPath}'`], { stdio: 'ignore' });
    try {
      const started = Date.now();
      expect(await guard.end()).toContain('rewrote .git/packed-refs');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(readFileSync(packedPath)).toEqual(before);
    } finally {
      writer.kill();
    }
  });
});
