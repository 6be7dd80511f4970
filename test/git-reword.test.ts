// Git.rewordHead: a keep's final message, given without git reading or writing the index.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git, parseCommitHeader } from '../src/git/git.js';
import { createTestRepo } from './helpers/repo.js';

/** A repository whose HEAD is a commit by someone else, made at a fixed date in another time zone. */
function repoWithCandidate() {
  const repo = createTestRepo({ 'a.txt': '1\n' });
  repo.write('a.txt', '2\n');
  repo.git('add', 'a.txt');
  repo.git(
    '-c',
    'user.name=Ada Lovelace',
    '-c',
    'user.email=ada@example.invalid',
    'commit',
    '--quiet',
    '--date=2021-03-04T05:06:07+0530',
    '-m',
    'candidate',
  );
  return repo;
}

const show = (repo: { git(...args: string[]): string }, format: string, ref = 'HEAD') =>
  repo.git('log', '-1', `--format=${format}`, ref);

describe('Git.rewordHead', () => {
  it('keeps the tree, the parent and the author, gives the new message, and moves the branch', async () => {
    const repo = repoWithCandidate();
    const before = repo.git('rev-parse', 'HEAD');
    const parent = repo.git('rev-parse', 'HEAD~1');
    const tree = repo.git('rev-parse', 'HEAD^{tree}');
    const author = show(repo, '%an <%ae> %ad', 'HEAD');

    const short = await Git.at(repo.root).rewordHead(before, 'kept: 2\n\nAutoexp-Experiment: 1\n', 'main');

    expect(repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(repo.git('rev-parse', '--short', 'main')).toBe(short);
    expect(repo.git('rev-parse', 'HEAD^{tree}')).toBe(tree);
    expect(repo.git('rev-parse', 'HEAD~1')).toBe(parent);
    expect(show(repo, '%an <%ae> %ad')).toBe(author);
    expect(show(repo, '%aI'), 'the author date stays, zone and all').toBe('2021-03-04T05:06:07+05:30');
    expect(show(repo, '%B')).toBe('kept: 2\n\nAutoexp-Experiment: 1');
    // A reflog entry as an amend writes it.
    expect(repo.git('reflog', '-1', '--format=%gs', 'main')).toBe('commit (amend): kept: 2');
  });

  it('keeps both parents of a merge commit', async () => {
    const repo = createTestRepo({ 'a.txt': '1\n' });
    repo.git('checkout', '--quiet', '-b', 'side');
    repo.write('b.txt', 'b\n');
    repo.commitAll('side');
    repo.git('checkout', '--quiet', 'main');
    repo.write('c.txt', 'c\n');
    repo.commitAll('main');
    repo.git('merge', '--quiet', '--no-ff', '-m', 'merge', 'side');
    const parents = show(repo, '%P');

    await Git.at(repo.root).rewordHead(repo.git('rev-parse', 'HEAD'), 'merge, reworded\n', 'main');

    expect(show(repo, '%P')).toBe(parents);
    expect(show(repo, '%s')).toBe('merge, reworded');
  });

  it('leaves the index alone: git neither reads nor rewrites it', async () => {
    const repo = repoWithCandidate();
    const index = join(repo.root, '.git', 'index');
    const written = statSync(index).mtimeMs;

    await Git.at(repo.root).rewordHead(repo.git('rev-parse', 'HEAD'), 'reworded\n', 'main');

    expect(statSync(index).mtimeMs).toBe(written);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('refuses, and moves nothing, when HEAD is no longer at the commit', async () => {
    const repo = repoWithCandidate();
    const candidate = repo.git('rev-parse', 'HEAD');
    repo.write('a.txt', '3\n');
    repo.commitAll('someone else');
    const head = repo.git('rev-parse', 'HEAD');

    await expect(Git.at(repo.root).rewordHead(candidate, 'reworded\n', 'main')).rejects.toThrow(/update-ref/);

    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
  });

  it('moves only the tree’s own ref, whatever branch HEAD was made to point at since', async () => {
    // On a branch: HEAD made a symref to another branch that was moved to the candidate.
    const repo = repoWithCandidate();
    const candidate = repo.git('rev-parse', 'HEAD');
    repo.git('branch', 'other', candidate);
    repo.git('symbolic-ref', 'HEAD', 'refs/heads/other');
    await Git.at(repo.root).rewordHead(candidate, 'reworded\n', 'main');
    expect(repo.git('rev-parse', 'other')).toBe(candidate);
    expect(show(repo, '%s', 'main')).toBe('reworded');

    // Detached (a worker's tree): HEAD made a symref to main, main moved to the candidate.
    const detached = repoWithCandidate();
    const at = detached.git('rev-parse', 'HEAD');
    detached.git('checkout', '--quiet', '--detach', at);
    detached.git('symbolic-ref', 'HEAD', 'refs/heads/main');
    await Git.at(detached.root).rewordHead(at, 'reworded\n');
    expect(detached.git('rev-parse', 'main')).toBe(at);
    expect(detached.git('rev-parse', '--symbolic-full-name', 'HEAD'), 'HEAD detached again').toBe('HEAD');
    expect(show(detached, '%s')).toBe('reworded');
  });
});

/**
 * What a replace ref says `commit` is: a commit with `commit`'s tree plus evil.txt, on the same parent.
 * With workers, another tree's eval can plant one while autoexp moves a candidate (the guard takes it
 * away only when that eval ends).
 */
function plantReplacement(repo: { root: string; git(...args: string[]): string }, commit: string): void {
  const run = (args: string[], input: string) =>
    execFileSync('git', args, { cwd: repo.root, input, encoding: 'utf8' }).trim();
  const blob = run(['hash-object', '-w', '--stdin'], 'planted\n');
  const tree = run(['mktree'], `${repo.git('ls-tree', commit)}\n100644 blob ${blob}\tevil.txt\n`);
  repo.git(
    'update-ref',
    `refs/replace/${commit}`,
    repo.git('commit-tree', tree, '-p', `${commit}~1`, '-m', 'x'),
  );
}

describe('a replace ref planted for the commit autoexp moves', () => {
  it('rewordHead gives the candidate its message, not the replacement its tree', async () => {
    const repo = repoWithCandidate();
    const candidate = repo.git('rev-parse', 'HEAD');
    const tree = repo.git('rev-parse', 'HEAD^{tree}');
    plantReplacement(repo, candidate);
    expect(repo.git('ls-tree', '--name-only', candidate), 'git follows the replace ref').toContain(
      'evil.txt',
    );

    await Git.at(repo.root).rewordHead(candidate, 'kept: 2\n', 'main');

    expect(repo.git('--no-replace-objects', 'rev-parse', 'HEAD^{tree}')).toBe(tree);
    expect(repo.git('--no-replace-objects', 'ls-tree', '--name-only', 'HEAD')).not.toContain('evil.txt');
  });

  it("applyCommit (a worker's keep reaching the branch) applies the commit's own change", async () => {
    const repo = repoWithCandidate();
    const candidate = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '--quiet', '--detach', 'HEAD~1');
    plantReplacement(repo, candidate);

    expect(await Git.at(repo.root).applyCommit(candidate)).toEqual([]);

    expect(repo.read('a.txt')).toBe('2\n');
    expect(existsSync(join(repo.root, 'evil.txt')), "the replacement's file").toBe(false);
  });
});

describe('parseCommitHeader', () => {
  it('reads the tree, every parent and the author, past other headers', () => {
    const object = [
      'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      'parent 1111111111111111111111111111111111111111',
      'parent 2222222222222222222222222222222222222222',
      'author A. N. Other <a@b.invalid> 1614814567 -0330',
      'committer C <c@d.invalid> 1614814999 +0000',
      'gpgsig -----BEGIN PGP SIGNATURE-----',
      ' parent 3333333333333333333333333333333333333333',
      ' -----END PGP SIGNATURE-----',
      '',
      'author not@this <line> 1 +0000',
      '',
    ].join('\n');
    expect(parseCommitHeader(object)).toEqual({
      tree: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      parents: ['1111111111111111111111111111111111111111', '2222222222222222222222222222222222222222'],
      author: { name: 'A. N. Other', email: 'a@b.invalid', date: '@1614814567 -0330' },
    });
  });

  it('throws on what is not a commit', () => {
    expect(() => parseCommitHeader('100644 blob abc\ta.txt\n')).toThrow(/unexpected commit/);
  });
});
