// The worktrees' records under .git/worktrees as a run may leave them: a FIFO in place of a record's
// gitdir or HEAD, or a pointer naming a FIFO. The guard reads them after every run; a read that waited
// for a writer would stop the session there for good.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git } from '../src/git/git.js';
import { RepositoryGuard } from '../src/tree/guard.js';
import { createTestRepo } from './helpers/repo.js';

async function guarded() {
  const repo = createTestRepo({ 'a.txt': 'a\n' });
  // A worktree of the user's, there before the session.
  const theirs = join(mkdtempSync(join(tmpdir(), 'autoexp-theirs-')), 'wt');
  repo.git('worktree', 'add', '--quiet', '--detach', theirs);
  const commonDir = join(repo.root, '.git');
  const place = mkdtempSync(join(tmpdir(), 'autoexp-place-'));
  const guard = await RepositoryGuard.take(Git.at(repo.root), commonDir, () => false, place);
  return { repo, commonDir, guard, theirs };
}

/**
 * `guard.end()` with FIFOs at `fifos`, each given a writer 3 s later that releases a read that waits
 * (the test fails instead of hanging). Says what the guard found.
 */
async function endWithFifos(guard: RepositoryGuard, fifos: string[]): Promise<string[]> {
  for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
  const writers = fifos.map((fifo) =>
    spawn('sh', ['-c', `sleep 3; [ -p '${fifo}' ] && echo x > '${fifo}'`], { stdio: 'ignore' }),
  );
  try {
    const started = Date.now();
    const found = await guard.end();
    expect(Date.now() - started).toBeLessThan(2000);
    return found;
  } finally {
    for (const writer of writers) writer.kill();
  }
}

describe('.git/worktrees after a run', () => {
  it("a worktree's record added with a FIFO for its gitdir: removed without waiting for a writer", async () => {
    const { commonDir, guard } = await guarded();
    await guard.begin();
    const admin = join(commonDir, 'worktrees', 'planted');
    mkdirSync(admin);
    writeFileSync(join(admin, 'HEAD'), 'ref: refs/heads/main\n');
    expect(await endWithFifos(guard, [join(admin, 'gitdir')])).toContain('added a worktree (planted)');
  });

  it("a worktree's record added with a FIFO for its HEAD: the same", async () => {
    const { commonDir, guard } = await guarded();
    await guard.begin();
    const admin = join(commonDir, 'worktrees', 'planted');
    mkdirSync(admin);
    writeFileSync(join(admin, 'gitdir'), '/nowhere/.git\n');
    expect(await endWithFifos(guard, [join(admin, 'HEAD')])).toContain('added a worktree (planted)');
  });

  it('a worktree of yours pointed at a FIFO: its pointer put back without waiting for a writer', async () => {
    const { commonDir, guard } = await guarded();
    await guard.begin();
    const pointer = join(commonDir, 'worktrees', 'wt', 'gitdir');
    const fifo = join(mkdtempSync(join(tmpdir(), 'autoexp-fifo-')), 'pipe');
    writeFileSync(pointer, `${fifo}\n`);
    expect(await endWithFifos(guard, [fifo])).toContain('changed the pointer of a worktree of yours (wt)');
  });
});

describe('.git/refs after a run', () => {
  it('a FIFO among the loose refs: removed, so that a push (git lists every ref) does not wait on it', async () => {
    const { repo, commonDir, guard } = await guarded();
    await guard.begin();
    const fifo = join(commonDir, 'refs', 'heads', 'planted');
    execFileSync('mkfifo', [fifo]);
    expect(await guard.end()).toContain('planted .git/refs/heads/planted (no ref)');
    // A writer 3 s later releases git's read should the FIFO still be there (the test fails, not hangs).
    const writer = spawn('sh', ['-c', `sleep 3; [ -p '${fifo}' ] && echo x > '${fifo}'`], {
      stdio: 'ignore',
    });
    try {
      const started = Date.now();
      repo.git('push', '--quiet', 'origin', 'main:refs/heads/pushed');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      writer.kill();
    }
  });
});

describe('.git/gc.pid after a run', () => {
  it("a FIFO: removed, so that the session's closing `git maintenance` does not wait on it", async () => {
    const { repo, commonDir, guard } = await guarded();
    await guard.begin();
    // Enough loose objects (by their names) for git to want a gc, and a FIFO where gc reads who runs one.
    mkdirSync(join(commonDir, 'objects', '17'), { recursive: true });
    for (let n = 0; n < 40; n++)
      writeFileSync(join(commonDir, 'objects', '17', n.toString(16).padStart(38, '0')), '');
    const fifo = join(commonDir, 'gc.pid');
    execFileSync('mkfifo', [fifo]);
    expect(await guard.end()).toContain('planted .git/gc.pid (no plain file)');
    const writer = spawn('sh', ['-c', `sleep 3; [ -p '${fifo}' ] && echo x > '${fifo}'`], {
      stdio: 'ignore',
    });
    try {
      const started = Date.now();
      await Git.at(repo.root).maintenance();
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      writer.kill();
    }
  });
});
