// Trees kept between sessions: the next session takes a parked tree over instead of writing a new one,
// and trusts nothing in it (what untrusted code could have left there is checked by content and removed).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git } from '../src/git/git.js';
import { ExperimentTree } from '../src/tree/experiment-tree.js';
import { createTestRepo, git, GIT_IDENTITY_ENV, otherWorktrees, type TestRepo } from './helpers/repo.js';

const FILES = { 'a.txt': 'x=3\n', 'big/data.txt': 'payload\n', '.gitignore': 'build/\n' };

/**
 * A tree parked by a first session: with `trusted`, sessions whose commands were contained (park records);
 * `beforePark` is what happens in the first session's tree before it parks.
 */
async function parkedTree({
  trusted = false,
  beforePark = async (_tree: ExperimentTree, _sh: (script: string) => string) => {},
} = {}) {
  const repo = createTestRepo(FILES);
  repo.git('branch', 'autoexp/t');
  const { commonDir } = await Git.at(repo.root).describeRepository();
  const place = mkdtempSync(join(tmpdir(), 'autoexp-reuse-'));
  const options = {
    path: join(place, 'tree'),
    scratchDir: place,
    commonDir,
    branch: 'autoexp/t',
    trustParked: trusted,
  };
  const open = () => ExperimentTree.create(Git.at(repo.root), options);
  const sh = (script: string) =>
    execFileSync('bash', ['-c', script], { cwd: options.path, env: { ...process.env, ...GIT_IDENTITY_ENV } })
      .toString()
      .trim();
  const first = await open();
  await beforePark(first, sh);
  await first.park({ record: trusted });
  return { repo, first, open, sh, path: options.path, place };
}

function branchCheckedOut(repo: TestRepo): boolean {
  return repo.git('worktree', 'list', '--porcelain').includes('branch refs/heads/autoexp/t');
}

describe('a parked tree', () => {
  it('frees the branch, and is taken over by the next session without rewriting its files', async () => {
    const { repo, first, open, path } = await parkedTree();
    expect(branchCheckedOut(repo)).toBe(false);
    const inode = statSync(join(path, 'big/data.txt')).ino;
    const second = await open();
    expect(second.path).toBe(first.path);
    expect(second.head).toBe(repo.git('rev-parse', 'autoexp/t'));
    // The same file, not a new checkout: git compared it and left it.
    expect(statSync(join(path, 'big/data.txt')).ino).toBe(inode);
    expect(branchCheckedOut(repo)).toBe(true);
    expect(await second.changes()).toEqual([]);
    expect(otherWorktrees(repo)).toHaveLength(1);
  });

  it('is checked by content: a changed file hidden by a planted index, and every leftover, are gone', async () => {
    const { repo, open, sh, path } = await parkedTree();
    // What untrusted code could leave: a same-size rewrite that the index is made to call clean, an
    // untracked and an ignored file, a half-done merge, HEAD on another branch, an index flag.
    sh(`echo x=9 > a.txt && git update-index --refresh >/dev/null || true
git add a.txt && git update-index --assume-unchanged big/data.txt && echo evil > big/data.txt
mkdir -p build && echo cached > build/model.bin && echo stray > notes.txt
git rev-parse HEAD > "$(git rev-parse --git-dir)/MERGE_HEAD"
echo 'ref: refs/heads/main' > "$(git rev-parse --git-dir)/HEAD"`);
    const tree = await open();
    expect(readFileSync(join(path, 'a.txt'), 'utf8')).toBe('x=3\n');
    expect(readFileSync(join(path, 'big/data.txt'), 'utf8')).toBe('payload\n');
    expect(existsSync(join(path, 'build'))).toBe(false);
    expect(existsSync(join(path, 'notes.txt'))).toBe(false);
    expect(sh('ls "$(git rev-parse --git-dir)"')).not.toContain('MERGE_HEAD');
    expect(sh('git symbolic-ref HEAD')).toBe('refs/heads/autoexp/t');
    expect(sh('git ls-files -v big/data.txt')).toMatch(/^H /);
    expect(await tree.changes()).toEqual([]);
    expect(repo.git('rev-parse', 'main')).toBe(repo.git('rev-parse', 'autoexp/t'));
  });

  it('sees a rewrite that kept size and mtime, which git stat data alone would miss', async () => {
    const { open, sh, path } = await parkedTree();
    const file = join(path, 'a.txt');
    const before = statSync(file);
    writeFileSync(file, 'x=8\n');
    utimesSync(file, before.atime, before.mtime);
    // The parked index still holds the old stat data; a fresh one would be fooled only by the ctime.
    sh('git update-index --refresh >/dev/null || true');
    await open();
    expect(readFileSync(file, 'utf8')).toBe('x=3\n');
  });

  it('is not trusted when its .git file points elsewhere: a new tree is made in its place', async () => {
    const { repo, open, path } = await parkedTree();
    const elsewhere = createTestRepo({ 'a.txt': 'other\n' });
    const { gitDir } = await Git.at(elsewhere.root).describeRepository();
    writeFileSync(join(path, '.git'), `gitdir: ${gitDir}\n`);
    const tree = await open();
    expect(readFileSync(join(path, '.git'), 'utf8')).not.toContain(elsewhere.root);
    expect(readFileSync(join(path, 'a.txt'), 'utf8')).toBe('x=3\n');
    expect(tree.head).toBe(repo.git('rev-parse', 'autoexp/t'));
    expect(elsewhere.git('status', '--porcelain')).toBe('');
  });

  it('is not taken over while the branch is checked out elsewhere: git refuses, with its reason', async () => {
    const { repo, open } = await parkedTree();
    repo.git('checkout', '--quiet', 'autoexp/t');
    await expect(open()).rejects.toThrow(/autoexp\/t/);
  });
});

describe('a parked tree, attacked between sessions', () => {
  it('with a planted index.lock, HEAD.lock and locked file: a new tree is made in its place', async () => {
    const { repo, open, sh, path } = await parkedTree();
    sh(`dir="$(git rev-parse --git-dir)" && touch "$dir/index.lock" "$dir/HEAD.lock" && echo mine > "$dir/locked"
echo x=9 > a.txt`);
    const tree = await open();
    expect(readFileSync(join(path, 'a.txt'), 'utf8')).toBe('x=3\n');
    expect(await tree.changes()).toEqual([]);
    expect(tree.head).toBe(repo.git('rev-parse', 'autoexp/t'));
  });

  it('with its executable bits flipped and a directory swapped for a symlink: put back', async () => {
    const { open, sh, path } = await parkedTree();
    const outside = mkdtempSync(join(tmpdir(), 'autoexp-outside-'));
    writeFileSync(join(outside, 'data.txt'), 'payload\n');
    chmodSync(join(path, 'a.txt'), 0o755);
    rmSync(join(path, 'big'), { recursive: true });
    symlinkSync(outside, join(path, 'big'));
    sh('git update-index --refresh >/dev/null || true');
    const tree = await open();
    expect(statSync(join(path, 'a.txt')).mode & 0o111).toBe(0);
    expect(statSync(join(path, 'big'), { throwIfNoEntry: true }).isDirectory()).toBe(true);
    expect(sh('test -L big && echo link || echo dir')).toBe('dir');
    expect(await tree.changes()).toEqual([]);
  });

  it('deleted by hand (its worktree metadata left, even locked): the next session adds a new one', async () => {
    const { repo, open, sh, path } = await parkedTree();
    sh('git worktree lock --reason mine "$PWD"');
    rmSync(path, { recursive: true });
    const tree = await open();
    expect(readFileSync(join(path, 'a.txt'), 'utf8')).toBe('x=3\n');
    expect(tree.head).toBe(repo.git('rev-parse', 'autoexp/t'));
    expect(otherWorktrees(repo)).toHaveLength(1);
  });

  it('replaced by a symlink to a worktree of the user: that worktree is not taken over', async () => {
    const { repo, open, path } = await parkedTree();
    const mine = join(mkdtempSync(join(tmpdir(), 'autoexp-mine-')), 'tree');
    repo.git('worktree', 'add', '--quiet', '-b', 'mine', mine, 'main');
    writeFileSync(join(mine, 'a.txt'), 'work in progress\n');
    writeFileSync(join(mine, 'notes.txt'), 'not committed yet\n');
    rmSync(path, { recursive: true });
    symlinkSync(mine, path);
    await open();
    expect(readFileSync(join(mine, 'a.txt'), 'utf8')).toBe('work in progress\n');
    expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('not committed yet\n');
    expect(git(mine, 'symbolic-ref', 'HEAD')).toBe('refs/heads/mine');
  });

  it('whose git dir was swapped for a symlink: git worktree prune does not empty what it points to', async () => {
    const { repo, open, sh, path } = await parkedTree();
    const victim = mkdtempSync(join(tmpdir(), 'autoexp-victim-'));
    writeFileSync(join(victim, 'precious.txt'), 'keep me\n');
    const admin = sh('git rev-parse --path-format=absolute --git-dir');
    rmSync(admin, { recursive: true });
    symlinkSync(victim, admin);
    const tree = await open();
    expect(readFileSync(join(victim, 'precious.txt'), 'utf8')).toBe('keep me\n');
    expect(readFileSync(join(path, 'a.txt'), 'utf8')).toBe('x=3\n');
    expect(tree.head).toBe(repo.git('rev-parse', 'autoexp/t'));
  });
});

describe('a parked tree with a park record (the sessions contained their commands)', () => {
  const record = (sh: (script: string) => string) =>
    join(sh('git rev-parse --path-format=absolute --git-dir'), 'autoexp-parked.json');

  /** The git processes a takeover starts. */
  async function takeOver(open: () => Promise<ExperimentTree>) {
    const before = Git.processesStarted;
    const tree = await open();
    return { tree, processes: Git.processesStarted - before };
  }

  it('is taken over on its index, without comparing every file by content, and the record is used once', async () => {
    const trusted = await parkedTree({ trusted: true });
    const untrusted = await parkedTree();
    expect(existsSync(record(trusted.sh))).toBe(true);
    expect(existsSync(record(untrusted.sh))).toBe(false);
    const fast = await takeOver(trusted.open);
    const slow = await takeOver(untrusted.open);
    // No read-tree and no refresh that hashes every file: two processes fewer.
    expect(slow.processes - fast.processes).toBe(2);
    expect(existsSync(record(trusted.sh))).toBe(false);
    expect(await fast.tree.changes()).toEqual([]);
    expect(trusted.sh('git symbolic-ref HEAD')).toBe('refs/heads/autoexp/t');
  });

  it('still puts back what changed since: a file edited (mtime kept), a new file, an ignored one', async () => {
    const { open, sh, path } = await parkedTree({ trusted: true });
    const file = join(path, 'a.txt');
    const before = statSync(file);
    // In a later second than the index, as anything after the park is: its ctime gives it away.
    await new Promise((done) => setTimeout(done, 1000 - (Date.now() % 1000) + 10));
    writeFileSync(file, 'x=8\n');
    utimesSync(file, before.atime, before.mtime);
    sh('mkdir -p build && echo cached > build/model.bin && echo stray > notes.txt');
    const tree = await open();
    expect(readFileSync(file, 'utf8')).toBe('x=3\n');
    expect(existsSync(join(path, 'build'))).toBe(false);
    expect(existsSync(join(path, 'notes.txt'))).toBe(false);
    expect(await tree.changes()).toEqual([]);
  });

  it('writes every file again when the branch brought a .gitattributes since the park', async () => {
    const { repo, open, path } = await parkedTree({ trusted: true });
    // On the branch meanwhile: the same text, now checked out as UTF-16 (its blob stays the same).
    repo.git('switch', '--quiet', 'autoexp/t');
    writeFileSync(join(repo.root, '.gitattributes'), 'a.txt working-tree-encoding=UTF-16LE\n');
    repo.git('add', '.gitattributes');
    repo.git('commit', '--quiet', '-m', 'attributes');
    repo.git('switch', '--quiet', 'main');
    const tree = await open();
    expect(tree.head).toBe(repo.git('rev-parse', 'autoexp/t'));
    expect(readFileSync(join(path, 'a.txt'))).toEqual(Buffer.from(FILES['a.txt'], 'utf16le'));
    expect(await tree.changes()).toEqual([]);
  });

  it('whose index was replaced, or only touched, is checked by content as if there were no record', async () => {
    for (const plant of [
      'git update-index --assume-unchanged big/data.txt && echo evil > big/data.txt',
      'echo evil > big/data.txt && git update-index --refresh >/dev/null; touch "$(git rev-parse --git-dir)/index"',
    ]) {
      const { open, sh, path } = await parkedTree({ trusted: true });
      sh(plant);
      const taken = await takeOver(open);
      expect(taken.processes, plant).toBeGreaterThanOrEqual(4);
      expect(readFileSync(join(path, 'big/data.txt'), 'utf8')).toBe('payload\n');
      expect(sh('git ls-files -v big/data.txt')).toMatch(/^H /);
    }
  });

  it('a record planted for a session that may not trust one is ignored, and removed', async () => {
    const { open, sh, path } = await parkedTree();
    sh('git update-index --assume-unchanged big/data.txt && echo evil > big/data.txt');
    const index = readFileSync(join(sh('git rev-parse --path-format=absolute --git-dir'), 'index'));
    const forged = {
      commit: sh('git rev-parse HEAD'),
      index: createHash('sha256').update(index).digest('hex'),
      indexWrittenMs: statSync(join(sh('git rev-parse --path-format=absolute --git-dir'), 'index')).mtimeMs,
    };
    writeFileSync(record(sh), JSON.stringify(forged));
    await open();
    expect(readFileSync(join(path, 'big/data.txt'), 'utf8')).toBe('payload\n');
    expect(existsSync(record(sh))).toBe(false);
  });

  it('parked in the middle of an untrusted run (sealed, never verified): the index recorded is the sealed one', async () => {
    const { open, sh, path } = await parkedTree({
      trusted: true,
      beforePark: async (tree, run) => {
        await tree.seal();
        // The run hides its edit behind an index flag, then the session is cancelled before verify.
        run('git update-index --assume-unchanged big/data.txt && echo evil > big/data.txt');
      },
    });
    await open();
    expect(readFileSync(join(path, 'big/data.txt'), 'utf8')).toBe('payload\n');
    // The flag is gone too: left in, it would hide every later edit of the file from verify.
    expect(sh('git ls-files -v big/data.txt')).toMatch(/^H /);
  });
});
