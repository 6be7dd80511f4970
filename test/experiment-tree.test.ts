// The experiment tree on its own: what verify() sees and puts back after untrusted code ran in it.
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Git } from '../src/git/git.js';
import { ExperimentTree } from '../src/tree/experiment-tree.js';
import { createTestRepo, GIT_IDENTITY_ENV } from './helpers/repo.js';

async function branchTree(files: Record<string, string> = { 'a.txt': 'x=3\n', '.gitignore': 'build/\n' }) {
  const repo = createTestRepo(files);
  repo.git('branch', 'autoexp/t');
  const { commonDir } = await Git.at(repo.root).describeRepository();
  const place = mkdtempSync(join(tmpdir(), 'autoexp-tree-'));
  // As a session whose commands run in PID namespaces makes it: a parked tree's index may be trusted.
  const options = {
    path: join(place, 'tree'),
    scratchDir: place,
    commonDir,
    branch: 'autoexp/t',
    trustParked: true,
  };
  const tree = await ExperimentTree.create(Git.at(repo.root), options);
  const sh = (script: string) =>
    execFileSync('bash', ['-c', script], { cwd: tree.path, env: { ...process.env, ...GIT_IDENTITY_ENV } });
  /** The next session's take-over of the tree once parked. */
  const reopen = () => ExperimentTree.create(Git.at(repo.root), options);
  return { repo, tree, sh, reopen };
}

describe('ExperimentTree.resetAfterVerify', () => {
  it('rewrites only what differs between the two commits, and falls back to a hard reset', async () => {
    const { tree, sh } = await branchTree({ 'a.txt': 'x=3\n', 'b.txt': 'b\n', 'c.txt': 'c\n' });
    const recorded = tree.head;
    sh('echo x=4 > a.txt && echo new > d.txt && rm c.txt');
    await tree.commitCandidate('candidate', { hasUntracked: true });
    const untouched = statSync(join(tree.path, 'b.txt')).ino;
    await tree.resetAfterVerify(recorded);
    expect(tree.head).toBe(recorded);
    expect(sh('git status --porcelain; cat a.txt c.txt; ls').toString()).toBe(
      'x=3\nc\na.txt\nb.txt\nc.txt\n',
    );
    expect(statSync(join(tree.path, 'b.txt')).ino).toBe(untouched);

    // A file the reset must rewrite that differs from HEAD all the same: the hard reset puts it back.
    sh('echo x=5 > a.txt');
    await tree.commitCandidate('candidate 2', { hasUntracked: false });
    sh('echo x=6 > a.txt');
    await tree.resetAfterVerify(recorded);
    expect(tree.head).toBe(recorded);
    expect(sh('git status --porcelain; cat a.txt').toString()).toBe('x=3\n');
  });
});

describe('ExperimentTree.commitLedger', () => {
  /** The arguments of every git process `step` starts, one string each. */
  async function commandsOf(step: () => Promise<unknown>): Promise<string[]> {
    const run = vi.spyOn(Git.prototype as unknown as { run: (args: string[]) => unknown }, 'run');
    try {
      await step();
      return run.mock.calls.map(([args]) => args.join(' '));
    } finally {
      run.mockRestore();
    }
  }
  /** The paths a commit changes against its parent. */
  const changedBy = (sh: (script: string) => Buffer, commit = 'HEAD') =>
    sh(`git diff-tree --no-commit-id --name-only -r ${commit}`).toString().trim().split('\n');

  it('alone, commits the ledger files on the index its last step left (--include): that commit and nothing else', async () => {
    const { tree, sh } = await branchTree({ 'a.txt': 'x=3\n', 'results.tsv': 'experiment\n' });
    const recorded = tree.head;
    sh('echo x=4 > a.txt');
    await tree.commitCandidate('candidate', { hasUntracked: false });
    await tree.resetAfterVerify(recorded);
    sh('echo 1 >> results.tsv');
    const commands = await commandsOf(() =>
      tree.commitLedger(['results.tsv'], 'record 1', { newPaths: false, alone: true }),
    );
    expect(commands.filter((args) => args.startsWith('commit '))).toEqual([
      expect.stringContaining('--include --'),
    ]);
    expect(changedBy(sh)).toEqual(['results.tsv']);
    expect(sh('git status --porcelain').toString()).toBe('');
  });

  it('alone, after a change autoexp staged and did not commit (a commit applied, not committed yet), commits the ledger on HEAD (--only)', async () => {
    const { tree, sh } = await branchTree({
      'a.txt': 'x=3\n',
      'b.txt': 'b\n',
      'results.tsv': 'experiment\n',
    });
    const recorded = tree.head;
    sh('echo b2 > b.txt');
    await tree.commitCandidate('other', { hasUntracked: false });
    const other = tree.head;
    await tree.resetAfterVerify(recorded);
    // Applied, not committed: b.txt is staged.
    expect(await tree.apply(other)).toEqual([]);
    sh('echo 1 >> results.tsv');
    const commands = await commandsOf(() =>
      tree.commitLedger(['results.tsv'], 'record 1', { newPaths: false, alone: true }),
    );
    expect(commands.filter((args) => args.startsWith('commit '))).toEqual([
      expect.stringContaining('--only --'),
    ]);
    expect(changedBy(sh)).toEqual(['results.tsv']);
  });

  it('with workers (written) commits on HEAD (--only) even when told it is alone', async () => {
    const { tree, sh } = await branchTree({ 'a.txt': 'x=3\n', 'results.tsv': 'experiment\n' });
    sh('echo 1 >> results.tsv');
    const written = new Map([['results.tsv', readFileSync(join(tree.path, 'results.tsv'))]]);
    const commands = await commandsOf(() =>
      tree.commitLedger(['results.tsv'], 'record 1', { newPaths: false, alone: true, written }),
    );
    expect(commands.filter((args) => args.startsWith('commit '))).toEqual([
      expect.stringContaining('--only --'),
    ]);
    expect(changedBy(sh)).toEqual(['results.tsv']);
  });
});

// git add stores a file through the attributes' conversions (eol, working-tree-encoding, ident): the
// proposal's bytes on disk may differ from what a checkout of its commit writes, and a reset rewrites
// no file whose blob stayed the same, whatever .gitattributes it came with or lost.
describe('the tree holds what a checkout of its commit writes', () => {
  it('after a candidate is committed: a CRLF file under text=auto is measured as the commit holds it', async () => {
    const { tree, sh } = await branchTree({ 'a.sh': 'x=3\n', '.gitattributes': '* text=auto\n' });
    sh("printf 'x=4\\r\\n' > a.sh");
    await tree.commitCandidate('candidate', { hasUntracked: false });
    expect(sh('git show HEAD:a.sh').toString()).toBe('x=4\n');
    expect(readFileSync(join(tree.path, 'a.sh'), 'latin1')).toBe('x=4\n');
  });

  it('costs no git process where nothing converts: a candidate is git commit and git clean, a discard one reset', async () => {
    const { tree, sh } = await branchTree({
      'a.sh': 'x=3\n',
      'b.sh': 'b\n',
      '.gitattributes': 'b.sh text\n',
    });
    const recorded = tree.head;
    sh("printf 'x=4\\r\\n' > a.sh");
    const started = Git.processesStarted;
    await tree.commitCandidate('candidate', { hasUntracked: false });
    expect(Git.processesStarted - started).toBe(2);
    await tree.resetAfterVerify(recorded);
    expect(Git.processesStarted - started).toBe(3);
    expect(sh('git status --porcelain; cat a.sh b.sh').toString()).toBe('x=3\nb\n');
  });

  it('after a discard that drops a .gitattributes: a file it re-encoded is written back', async () => {
    const ctx = await branchTree({ 'a.sh': 'x=3\n' });
    const { tree, sh } = ctx;
    const recorded = tree.head;
    // The same text in UTF-16: git add stores the blob a.sh already has; only .gitattributes is new.
    sh(
      "echo 'a.sh working-tree-encoding=UTF-16LE' > .gitattributes && printf 'x=3\\n' | iconv -t UTF-16LE > a.sh",
    );
    await tree.commitCandidate('candidate', { hasUntracked: true });
    expect(sh('git diff --name-only HEAD~ HEAD').toString()).toBe('.gitattributes\n');
    await tree.seal();
    expect((await tree.verify({ dropNewArtifacts: true })).changed).toEqual([]);
    await tree.resetAfterVerify(recorded);
    expect(sh('git status --porcelain; ls -A').toString()).toBe('.git\na.sh\n');
    expect(readFileSync(join(tree.path, 'a.sh'), 'latin1')).toBe('x=3\n');

    // The same when base brings the .gitattributes and the branch merges base.
    await tree.resetTo(recorded);
    const { repo } = ctx;
    writeFileSync(join(repo.root, '.gitattributes'), 'a.sh working-tree-encoding=UTF-16LE\n');
    repo.git('add', '.gitattributes');
    repo.git('commit', '--quiet', '-m', 'attributes on main');
    expect(await tree.merge('main', 'merge main')).toEqual([]);
    expect(readFileSync(join(tree.path, 'a.sh'))).toEqual(Buffer.from('x=3\n', 'utf16le'));
    await tree.resetTo(recorded);

    // The same through resetTo (a discard after changes).
    sh(
      "echo 'a.sh working-tree-encoding=UTF-16LE' > .gitattributes && printf 'x=3\\n' | iconv -t UTF-16LE > a.sh",
    );
    await tree.commitCandidate('candidate 2', { hasUntracked: true });
    await tree.resetTo(recorded);
    expect(readFileSync(join(tree.path, 'a.sh'), 'latin1')).toBe('x=3\n');
  });

  it("with core.splitIndex in the repository's config: autoexp's indexes are whole, a candidate is committed and its discard writes back what it re-encoded", async () => {
    const ctx = await branchTree({ 'a.sh': 'x=3\n', 'b.txt': 'b\n' });
    const { repo, tree, sh } = ctx;
    repo.git('config', 'core.splitIndex', 'true');
    const recorded = tree.head;
    sh(
      "echo 'a.sh working-tree-encoding=UTF-16LE' > .gitattributes && printf 'x=3\\n' | iconv -t UTF-16LE > a.sh",
    );
    // A split index lists a changed entry without its name: read as the path "", checked out, git refused.
    await tree.commitCandidate('candidate', { hasUntracked: true });
    expect(sh('ls "$(git rev-parse --git-dir)" | grep -c sharedindex || true').toString()).toBe('0\n');
    await tree.seal();
    expect((await tree.verify({ dropNewArtifacts: true })).changed).toEqual([]);
    await tree.resetAfterVerify(recorded);
    expect(sh('git status --porcelain; ls -A').toString()).toBe('.git\na.sh\nb.txt\n');
    expect(readFileSync(join(tree.path, 'a.sh'), 'latin1')).toBe('x=3\n');
  });
});

describe('ExperimentTree.verify', () => {
  it('sees a same-size rewrite that keeps the mtime, made in the second git last wrote the file', async () => {
    const { tree } = await branchTree();
    const file = join(tree.path, 'a.txt');
    let tried = false;
    for (let attempt = 0; attempt < 5 && !tried; attempt++) {
      writeFileSync(file, 'x=7\n');
      await tree.resetTo(); // git writes a.txt (x=3) and its index entry now
      await tree.seal();
      const written = statSync(file);
      writeFileSync(file, 'x=8\n'); // same size, then the old mtime back; the ctime cannot be set
      utimesSync(file, written.atime, written.mtime);
      if (Math.floor(statSync(file).ctimeMs / 1000) !== Math.floor(written.ctimeMs / 1000)) continue;
      tried = true;
      // Into the next second, so the index put back is newer than the entry by git's clock.
      while (Math.floor(Date.now() / 1000) === Math.floor(written.ctimeMs / 1000))
        await new Promise((done) => setTimeout(done, 20));
      const { changed } = await tree.verify();
      expect(changed.map((change) => change.path)).toEqual(['a.txt']);
    }
    expect(tried).toBe(true);
  });

  it('clears index flags that hide a change, and puts back a moved HEAD and branch', async () => {
    const { tree, sh } = await branchTree();
    const head = tree.head;
    await tree.seal();
    sh(`git update-index --skip-worktree a.txt && echo x=9 > a.txt
git checkout -q -b elsewhere && git commit -q --allow-empty -m moved`);
    const verified = await tree.verify();
    expect(verified.moved.join('; ')).toMatch(/HEAD was moved to refs\/heads\/elsewhere/);
    expect(verified.changed.map((change) => change.path)).toEqual(['a.txt']);
    expect(sh('git symbolic-ref HEAD').toString().trim()).toBe('refs/heads/autoexp/t');
    expect(sh('git rev-parse HEAD').toString().trim()).toBe(head);
    expect(sh('git ls-files -v a.txt').toString()).toMatch(/^H /);
  });

  it('removes ignored files a proposal made, and says setup must run again when it changed its files', async () => {
    const { tree, sh } = await branchTree();
    sh('mkdir -p build && echo built > build/out.txt');
    await tree.noteSetupArtifacts();
    await tree.seal({ artifacts: true });
    sh(
      'echo planted > build/out.txt; mkdir -p node_modules/x; echo y > node_modules/x/index.js; echo z > .env',
    );
    const verified = await tree.verify();
    expect(verified.removedArtifacts).toEqual(['build/']);
    expect(verified.setupNeeded).toBe(true);
    // node_modules/ and .env are not ignored here: they are untracked changes, left for the scope check.
    expect(verified.changed.map((change) => change.path).sort()).toEqual(['.env', 'node_modules/x/index.js']);
    expect(existsSync(join(tree.path, 'build'))).toBe(false);
  });

  describe("autoexp's own files (the ledger's open files)", () => {
    /** A tree whose results.tsv autoexp appends to, commits and checks by content, as a session does. */
    async function ledgerTree() {
      const made = await branchTree({ 'a.txt': 'x=3\n', 'results.tsv': 'experiment\tscore\n0\t1\n' });
      const path = join(made.tree.path, 'results.tsv');
      let expected = readFileSync(path);
      made.tree.watchOwnFiles(() => new Map([[path, expected]]));
      const append = async (line: string) => {
        appendFileSync(path, line);
        expected = readFileSync(path);
        await made.tree.commitLedger(['results.tsv'], `record ${line.trim()}`, { newPaths: false });
        await made.tree.seal();
      };
      return { ...made, path, append, expected: () => expected };
    }

    it('are dated back when committed, so that git does not hash them again at every command', async () => {
      const { tree, path, append, sh } = await ledgerTree();
      await append('1\t2\n');
      expect((await tree.verify()).changed).toEqual([]);
      // git's own view: the entry is older than the index by whole seconds, so not "racily clean".
      const index = sh('git rev-parse --path-format=absolute --git-path index').toString().trim();
      expect(Math.floor(statSync(path).mtimeMs / 1000)).toBeLessThan(
        Math.floor(statSync(index).mtimeMs / 1000),
      );
    });

    it('a same-size rewrite in the second they were committed, their time put back: found by content, and undone', async () => {
      const { tree, path, append, expected, sh } = await ledgerTree();
      let tried = false;
      for (let attempt = 0; attempt < 5 && !tried; attempt++) {
        await append(`${attempt + 1}\t9\n`);
        const written = statSync(path);
        const forged = expected()
          .toString()
          .replace(/\t9\n$/, '\t8\n');
        writeFileSync(path, forged);
        utimesSync(path, written.atime, written.mtime);
        // Only an edit in the ctime second git recorded is one git cannot see.
        if (Math.floor(statSync(path).ctimeMs / 1000) !== Math.floor(written.ctimeMs / 1000)) continue;
        tried = true;
        expect(sh('git status --porcelain').toString(), 'git itself does not see it').toBe('');
        const verified = await tree.verify();
        expect(verified.changed).toEqual([{ code: ' M', path: 'results.tsv' }]);
        await tree.resetTo();
        expect(readFileSync(path).equals(expected())).toBe(true);
      }
      expect(tried).toBe(true);
    });

    it('forged in their second by a run the session never verified (it stopped): the next session, trusting the parked index, does not take the forgery over', async () => {
      const { tree, path, append, expected, reopen } = await ledgerTree();
      let tried = false;
      for (let attempt = 0; attempt < 5 && !tried; attempt++) {
        await append(`${attempt + 1}\t9\n`);
        const written = statSync(path);
        writeFileSync(
          path,
          expected()
            .toString()
            .replace(/\t9\n$/, '\t8\n'),
        );
        utimesSync(path, written.atime, written.mtime);
        if (Math.floor(statSync(path).ctimeMs / 1000) !== Math.floor(written.ctimeMs / 1000)) {
          await tree.verify();
          await tree.resetTo();
          continue;
        }
        tried = true;
        // The session ends here, sealed and not verified; the next one takes the tree over on its index.
        await tree.park({ record: true });
        await reopen();
        expect(readFileSync(path).equals(expected())).toBe(true);
      }
      expect(tried).toBe(true);
    });

    it('a FIFO, a directory or a symlink in their place is a change, and nothing is read from it', async () => {
      for (const plant of ['mkfifo results.tsv', 'mkdir results.tsv', 'ln -s a.txt results.tsv']) {
        const { tree, path, sh, expected } = await ledgerTree();
        await tree.seal();
        sh(`rm results.tsv && ${plant}`);
        const verified = await tree.verify();
        expect(verified.changed.map((change) => change.path)).toContain('results.tsv');
        await tree.resetTo();
        expect(readFileSync(path).equals(expected())).toBe(true);
      }
    });
  });
});

describe('a tree that waited while other trees’ evals ran (workers)', () => {
  it('its .git file pointed at the repository’s git dir: autoexp’s git still works on the tree, and putBack restores it', async () => {
    const { repo, tree, sh } = await branchTree();
    // Work of yours in progress in the main checkout.
    repo.write('notes.txt', 'mine\n');
    repo.git('add', 'notes.txt');
    const link = readFileSync(join(tree.path, '.git'), 'utf8');
    sh('echo x=4 > a.txt');
    await tree.commitCandidate('candidate', { hasUntracked: false });
    const candidate = tree.head;
    // Another tree's eval, while this one waits: its .git now names the main checkout's git dir.
    writeFileSync(join(tree.path, '.git'), `gitdir: ${join(repo.root, '.git')}\n`);
    // autoexp's own git is told where the tree's git dir is (Git.pinnedTo): the reset is the tree's.
    await tree.resetTo(candidate);
    expect(repo.git('symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(repo.git('status', '--porcelain')).toBe('A  notes.txt');
    await tree.putBack();
    expect(readFileSync(join(tree.path, '.git'), 'utf8')).toBe(link);
    expect(sh('git rev-parse HEAD; git symbolic-ref HEAD').toString()).toBe(
      `${candidate}\nrefs/heads/autoexp/t\n`,
    );
  });

  it('its HEAD put on another branch: putBack puts it back on its own', async () => {
    const { repo, tree, sh } = await branchTree();
    writeFileSync(join(repo.root, '.git', 'worktrees', 'tree', 'HEAD'), 'ref: refs/heads/main\n');
    await tree.putBack();
    expect(sh('git symbolic-ref HEAD').toString()).toBe('refs/heads/autoexp/t\n');
  });
});

describe('a tree whose place was swapped for a link', () => {
  it('removes nothing of what the link leads to, and stops', async () => {
    const { tree } = await branchTree();
    const place = dirname(tree.path);
    // Another tree's eval: the tree's place moved away, a link to a directory of yours in its stead,
    // where a file of yours has the tree's name.
    const yours = mkdtempSync(join(tmpdir(), 'autoexp-yours-'));
    writeFileSync(join(yours, 'tree'), 'the user’s\n');
    renameSync(place, `${place}.moved`);
    symlinkSync(yours, place);
    await expect(tree.putBack()).rejects.toThrow(/leads to/);
    expect(readFileSync(join(yours, 'tree'), 'utf8')).toBe('the user’s\n');
  });
});

describe('the branch made a symbolic ref (or a link) by a run', () => {
  /** The branch's loose ref file, made to point at main while both are at the same commit. */
  async function pointedAtMain(how: 'symref' | 'symlink') {
    const made = await branchTree();
    const { repo } = made;
    const main = repo.git('rev-parse', 'main');
    const branchFile = join(repo.root, '.git', 'refs', 'heads', 'autoexp', 't');
    await made.tree.seal();
    rmSync(branchFile, { force: true });
    if (how === 'symref') writeFileSync(branchFile, 'ref: refs/heads/main\n');
    else symlinkSync(join(repo.root, '.git', 'refs', 'heads', 'main'), branchFile);
    return { ...made, main, branchFile };
  }

  it.each(['symref', 'symlink'] as const)(
    'a %s: verify makes it a plain ref again, and autoexp’s next commit leaves main where it was',
    async (how) => {
      const { repo, tree, sh, main, branchFile } = await pointedAtMain(how);
      const verified = await tree.verify();
      expect(verified.moved.join('; ')).toMatch(/made the branch autoexp\/t a symbolic ref or a link/);
      expect(lstatSync(branchFile).isFile()).toBe(true);
      expect(readFileSync(branchFile, 'utf8').trim()).toBe(main);
      sh('echo x=4 > a.txt');
      await tree.commitCandidate('candidate', { hasUntracked: false });
      expect(repo.git('rev-parse', 'main')).toBe(main);
      expect(repo.git('rev-parse', 'autoexp/t')).not.toBe(main);
    },
  );

  it('planted where no run is checked (another worker’s eval): autoexp’s next commit puts it back first, and leaves main', async () => {
    const { repo, tree, sh, main, branchFile } = await pointedAtMain('symref');
    sh('echo x=4 > a.txt');
    await tree.commitCandidate('candidate', { hasUntracked: false });
    expect(repo.git('rev-parse', 'main')).toBe(main);
    expect(repo.git('rev-parse', 'autoexp/t^')).toBe(main);
    expect(readFileSync(branchFile, 'utf8').trim()).toBe(repo.git('rev-parse', 'autoexp/t'));
  });

  it('left so by an earlier session: the next one refuses the branch and says how to put it back', async () => {
    const { repo, tree, main, reopen } = await pointedAtMain('symref');
    await tree.park({ record: false });
    await expect(reopen()).rejects.toThrow(
      /refs\/heads\/autoexp\/t is a symbolic ref or a link.*update-ref --no-deref/s,
    );
    expect(repo.git('rev-parse', 'main')).toBe(main);
  });
});
