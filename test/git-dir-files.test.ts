// Files git writes in a tree's own git dir at autoexp's own steps, which a run can plant there first:
// `git commit` writes COMMIT_EDITMSG through a link (a file of yours would get the commit message), and
// `git reset` and `git merge` write ORIG_HEAD through a symref (`ref: refs/heads/main`: your branch would
// move to the commit autoexp leaves). Neither is git state a run may leave: verify removes them.
import { execFileSync, spawn } from 'node:child_process';
import { linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git } from '../src/git/git.js';
import { ExperimentTree } from '../src/tree/experiment-tree.js';
import { createTestRepo, GIT_IDENTITY_ENV } from './helpers/repo.js';

async function branchTree() {
  const repo = createTestRepo({ 'a.txt': 'x=3\n' });
  repo.git('branch', 'autoexp/t');
  const { commonDir } = await Git.at(repo.root).describeRepository();
  const place = mkdtempSync(join(tmpdir(), 'autoexp-gitdir-'));
  const tree = await ExperimentTree.create(Git.at(repo.root), {
    path: join(place, 'tree'),
    scratchDir: place,
    commonDir,
    branch: 'autoexp/t',
  });
  const sh = (script: string) =>
    execFileSync('bash', ['-c', script], {
      cwd: tree.path,
      env: { ...process.env, ...GIT_IDENTITY_ENV },
      encoding: 'utf8',
    });
  const gitDir = sh('git rev-parse --absolute-git-dir').trim();
  const users = mkdtempSync(join(tmpdir(), 'autoexp-users-'));
  writeFileSync(join(users, 'notes.txt'), 'mine\n');
  return { repo, tree, sh, gitDir, users };
}

describe("COMMIT_EDITMSG in a tree's git dir", () => {
  it('linked to a file of yours (a symlink, a hard link): removed by verify, the next commit leaves your file alone', async () => {
    for (const plant of [symlinkSync, linkSync]) {
      const { tree, sh, gitDir, users } = await branchTree();
      await tree.seal();
      plant(join(users, 'notes.txt'), join(gitDir, 'COMMIT_EDITMSG'));
      sh('echo x=4 > a.txt');
      const verified = await tree.verify();
      await tree.commitCandidate('the candidate', { hasUntracked: false });
      expect(readFileSync(join(users, 'notes.txt'), 'utf8')).toBe('mine\n');
      expect(verified.moved).toContain(
        "planted the tree's COMMIT_EDITMSG (a link, a symref or no plain file)",
      );
    }
  });

  it('a FIFO: removed by verify, so the next commit does not wait for a reader', async () => {
    const { tree, sh, gitDir } = await branchTree();
    await tree.seal();
    const fifo = join(gitDir, 'COMMIT_EDITMSG');
    execFileSync('mkfifo', [fifo]);
    sh('echo x=4 > a.txt');
    // Should the fix regress, a reader 5 s later lets git's write finish, and a writer then its read of
    // the message back.
    const release = `sleep 5; [ -p '${fifo}' ] || exit; timeout 5 cat '${fifo}' >/dev/null; timeout 5 bash -c "echo m > '${fifo}'"`;
    const reader = spawn('bash', ['-c', release], { stdio: 'ignore' });
    const started = Date.now();
    try {
      const verified = await tree.verify();
      await tree.commitCandidate('the candidate', { hasUntracked: false });
      expect(Date.now() - started).toBeLessThan(4000);
      expect(verified.moved).toContain(
        "planted the tree's COMMIT_EDITMSG (a link, a symref or no plain file)",
      );
    } finally {
      reader.kill();
    }
  });

  it('a plain file a proposer left (its own commit) is removed without counting as a change', async () => {
    const { tree, gitDir } = await branchTree();
    await tree.seal();
    writeFileSync(join(gitDir, 'COMMIT_EDITMSG'), 'an agent committed\n');
    expect((await tree.verify()).moved).toEqual([]);
  });
});

describe("ORIG_HEAD in a tree's git dir", () => {
  it("a symref to your branch: autoexp's reset does not move the branch", async () => {
    const { repo, tree, sh, gitDir } = await branchTree();
    const main = repo.git('rev-parse', 'refs/heads/main');
    const start = tree.head;
    sh('echo x=4 > a.txt');
    await tree.commitCandidate('the candidate', { hasUntracked: false });
    await tree.seal();
    writeFileSync(join(gitDir, 'ORIG_HEAD'), 'ref: refs/heads/main\n');
    const verified = await tree.verify();
    // The candidate is discarded: back to where the tree was.
    await tree.resetTo(start);
    expect(repo.git('rev-parse', 'refs/heads/main')).toBe(main);
    expect(verified.moved).toContain("planted the tree's ORIG_HEAD (a link, a symref or no plain file)");
  });

  it('a symlink to a ref of yours: the same', async () => {
    const { repo, tree, sh, gitDir } = await branchTree();
    const main = repo.git('rev-parse', 'refs/heads/main');
    const start = tree.head;
    sh('echo x=4 > a.txt');
    await tree.commitCandidate('the candidate', { hasUntracked: false });
    await tree.seal();
    rmSync(join(gitDir, 'ORIG_HEAD'), { force: true });
    symlinkSync('refs/heads/main', join(gitDir, 'ORIG_HEAD'));
    const verified = await tree.verify();
    await tree.resetTo(start);
    expect(repo.git('rev-parse', 'refs/heads/main')).toBe(main);
    expect(verified.moved).toContain("planted the tree's ORIG_HEAD (a link, a symref or no plain file)");
  });

  it("the plain one autoexp's own reset leaves does not count as a change", async () => {
    const { tree, sh } = await branchTree();
    const start = tree.head;
    sh('echo x=4 > a.txt');
    await tree.commitCandidate('the candidate', { hasUntracked: false });
    await tree.resetTo(start);
    await tree.seal();
    expect((await tree.verify()).moved).toEqual([]);
  });
});
