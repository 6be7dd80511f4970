// With workers, an eval in one tree reaches every other tree: a lock it takes there (a tree's index.lock
// or HEAD.lock, the branch's ref lock) fails autoexp's next git step in that tree. The step is run again
// once no untrusted code runs, with the lock cleared, when the lock is one of the session's own; any
// other lock (the user's main tree's index.lock: an editor opened by their own `git commit`) stays, and
// the step fails as it would have.
import { existsSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git, GitError, heldLockPath } from '../src/git/git.js';
import { RepositoryGuard } from '../src/tree/guard.js';
import { createTestRepo } from './helpers/repo.js';

const BRANCH = 'autoexp/t';

/** A repository with a session's branch checked out in a tree of the session's place, as a session has. */
async function session(options: { theirs?: string } = {}) {
  const repo = createTestRepo({ 'a.txt': 'a\n' });
  const commonDir = join(repo.root, '.git');
  const place = mkdtempSync(join(tmpdir(), 'autoexp-place-'));
  const treePath = join(place, 'tree');
  repo.git('worktree', 'add', '-q', '-b', BRANCH, treePath);
  // A worktree of the user's own, there before the session (git names its git dir tree1).
  if (options.theirs) repo.git('worktree', 'add', '-q', '--detach', options.theirs);
  const head = repo.git('rev-parse', 'HEAD');
  const guard = await RepositoryGuard.take(
    Git.at(repo.root),
    commonDir,
    (ref) => ref === `refs/heads/${BRANCH}`,
    place,
  );
  const git = Git.at(repo.root).whenLockHeld(guard.onLockHeld);
  const tree = git.withCwd(treePath);
  const treeGitDir = join(commonDir, 'worktrees', 'tree');
  const lock = (path: string) => {
    writeFileSync(path, '');
    return path;
  };
  return { repo, commonDir, place, treePath, treeGitDir, head, guard, git, tree, lock };
}

describe('a lock that fails one of autoexp’s own git steps', () => {
  it('is named from git’s message', () => {
    expect(
      heldLockPath(
        "error: cannot lock ref 'HEAD': Unable to create '/tmp/x y/.git/refs/heads/autoexp/t.lock': File exists.\n\nAnother git process seems to be running",
      ),
    ).toBe('/tmp/x y/.git/refs/heads/autoexp/t.lock');
    expect(heldLockPath("fatal: Unable to create '/r/.git/worktrees/tree/index.lock': File exists.")).toBe(
      '/r/.git/worktrees/tree/index.lock',
    );
    expect(heldLockPath('fatal: not a git repository')).toBeUndefined();
  });

  it('not from text git quotes (a commit subject the proposer wrote, a path in the tree)', () => {
    // A worker's keep that conflicts on the branch: git names the commit by its subject.
    expect(
      heldLockPath(
        "error: could not apply 1234567... Unable to create '/r/.git/packed-refs.lock': File exists.\nhint: after resolving the conflicts, mark the corrected paths",
      ),
    ).toBeUndefined();
    expect(
      heldLockPath(
        "error: Your local changes to the following files would be overwritten by checkout:\n\tUnable to create '/r/.git/worktrees/tree/index.lock': File exists.\nAborting",
      ),
    ).toBeUndefined();
  });

  it('in a tree of the session or on its branch: cleared once stale, and the step runs again', async () => {
    const { treeGitDir, commonDir, head, tree, lock } = await session();
    const locks = [
      lock(join(treeGitDir, 'index.lock')),
      lock(join(treeGitDir, 'HEAD.lock')),
      lock(join(commonDir, 'refs/heads/autoexp/t.lock')),
    ];
    await tree.resetHard(head);
    for (const path of locks) expect(existsSync(path)).toBe(false);
  });

  it('one renewed by untrusted code that is still running: the step waits for the run to end', async () => {
    const { treeGitDir, head, guard, tree, lock } = await session();
    await guard.begin();
    const path = lock(join(treeGitDir, 'index.lock'));
    const renewing = setInterval(() => utimesSync(path, new Date(), new Date()), 50);
    let done = false;
    const step = tree.resetHard(head).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(done).toBe(false);
    // The run ends: its processes are gone (they renew nothing), and the guard's end check runs.
    clearInterval(renewing);
    await guard.end();
    await step;
    expect(existsSync(path)).toBe(false);
  });

  it('inside quiet work (a push): cleared there too, without waiting for itself', async () => {
    const { commonDir, head, guard, tree, lock } = await session();
    const path = lock(join(commonDir, 'refs/heads/autoexp/t.lock'));
    await guard.quiet(() => tree.resetHard(head));
    expect(existsSync(path)).toBe(false);
  });

  it('the user’s: their main tree’s index.lock, another branch’s lock: stays, and the step fails', async () => {
    const { repo, commonDir, head, git, lock } = await session();
    const userIndex = lock(join(commonDir, 'index.lock'));
    await expect(git.resetHard(head)).rejects.toThrow(GitError);
    expect(existsSync(userIndex)).toBe(true);
    rmSync(userIndex);
    const mainLock = lock(join(commonDir, 'refs/heads/main.lock'));
    await expect(git.setRef('refs/heads/main', head)).rejects.toThrow(/main\.lock/);
    expect(existsSync(mainLock)).toBe(true);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('reached through a symlink (the branch’s ref directory made a link to the user’s files): stays', async () => {
    const { commonDir, head, tree } = await session();
    const elsewhere = mkdtempSync(join(tmpdir(), 'autoexp-elsewhere-'));
    writeFileSync(join(elsewhere, 't.lock'), 'the user’s\n');
    writeFileSync(join(elsewhere, 't'), `${head}\n`);
    rmSync(join(commonDir, 'refs/heads/autoexp'), { recursive: true });
    symlinkSync(elsewhere, join(commonDir, 'refs/heads/autoexp'));
    await expect(tree.resetHard(head)).rejects.toThrow(GitError);
    expect(existsSync(join(elsewhere, 't.lock'))).toBe(true);
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('a tree that is not the session’s (a worktree of the user’s): stays', async () => {
    const theirs = join(mkdtempSync(join(tmpdir(), 'autoexp-theirs-')), 'tree');
    const { commonDir, head, git, lock } = await session({ theirs });
    const path = lock(join(commonDir, 'worktrees', 'tree1', 'index.lock'));
    await expect(git.withCwd(theirs).resetHard(head)).rejects.toThrow(GitError);
    expect(existsSync(path)).toBe(true);
  });

  it('a worktree of the user’s whose pointer a run aimed at the session’s tree: stays', async () => {
    const theirs = join(mkdtempSync(join(tmpdir(), 'autoexp-theirs-')), 'tree');
    const { commonDir, treePath, head, git, lock } = await session({ theirs });
    writeFileSync(join(commonDir, 'worktrees', 'tree1', 'gitdir'), `${treePath}/.git\n`);
    const path = lock(join(commonDir, 'worktrees', 'tree1', 'index.lock'));
    await expect(git.withCwd(theirs).resetHard(head)).rejects.toThrow(GitError);
    expect(existsSync(path)).toBe(true);
  });
});

describe('ref locks with runs overlapping (workers)', () => {
  it('one renewed while another run is open is that run’s: left at the first end, blamed at its own', async () => {
    const repo = createTestRepo({ 'a.txt': 'a\n' });
    const commonDir = join(repo.root, '.git');
    const guard = await RepositoryGuard.take(Git.at(repo.root), commonDir, () => false, tmpdir());
    await guard.begin(); // the run that ends first, which takes no lock
    await guard.begin(); // the run that keeps taking one
    const path = join(commonDir, 'refs/heads/main.lock');
    writeFileSync(path, '');
    const renewing = setInterval(() => utimesSync(path, new Date(), new Date()), 50);
    expect(await guard.end()).toEqual([]);
    expect(existsSync(path)).toBe(true);
    clearInterval(renewing);
    expect(await guard.end()).toEqual(['left .git/refs/heads/main.lock']);
    expect(existsSync(path)).toBe(false);
  });
});
