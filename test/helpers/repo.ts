// Real git repositories in temp dirs, with a local bare repository as `origin`.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Tests set their own identity; CI machines have none configured. */
export const GIT_IDENTITY_ENV = {
  GIT_AUTHOR_NAME: 'autoexp test',
  GIT_AUTHOR_EMAIL: 'test@autoexp.invalid',
  GIT_COMMITTER_NAME: 'autoexp test',
  GIT_COMMITTER_EMAIL: 'test@autoexp.invalid',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...GIT_IDENTITY_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export interface TestRepo {
  root: string;
  origin: string;
  write(path: string, content: string, options?: { executable?: boolean }): void;
  read(path: string): string;
  git(...args: string[]): string;
  /** Commits everything on the current branch. */
  commitAll(message: string): void;
}

/** A repository on `main` holding `files`, committed, with a bare `origin` that has main pushed. */
export function createTestRepo(
  files: Record<string, string>,
  options: { executable?: string[] } = {},
): TestRepo {
  const parent = mkdtempSync(join(tmpdir(), 'autoexp-test-'));
  const root = join(parent, 'work');
  const origin = join(parent, 'origin.git');
  mkdirSync(root);
  git(parent, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'config', 'user.name', 'autoexp test');
  git(root, 'config', 'user.email', 'test@autoexp.invalid');
  git(root, 'remote', 'add', 'origin', origin);
  const repo: TestRepo = {
    root,
    origin,
    write(path, content, writeOptions = {}) {
      const target = join(root, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      if (writeOptions.executable) chmodSync(target, 0o755);
    },
    read: (path) => readFileSync(join(root, path), 'utf8'),
    git: (...args) => git(root, ...args),
    commitAll(message) {
      git(root, 'add', '-A');
      git(root, 'commit', '--quiet', '-m', message);
    },
  };
  for (const [path, content] of Object.entries(files)) {
    repo.write(path, content, { executable: options.executable?.includes(path) });
  }
  repo.commitAll('initial');
  git(root, 'push', '--quiet', 'origin', 'main');
  return repo;
}

/**
 * The worktrees of `repo` besides its own checkout, as `git worktree list --porcelain` shows them. After a
 * session they are its parked trees: each detached (no branch checked out), in the trees' place.
 */
export function otherWorktrees(repo: TestRepo): { path: string; detached: boolean }[] {
  return repo
    .git('worktree', 'list', '--porcelain')
    .split('\n\n')
    .slice(1)
    .filter((entry) => entry.trim() !== '')
    .map((entry) => ({
      path: entry.split('\n')[0]!.replace(/^worktree /, ''),
      detached: entry.split('\n').includes('detached'),
    }));
}

/** Every tree a session left is parked: detached, under AUTOEXP_TREES, and `names` (e.g. "worker-1") among them. */
export function expectParkedTrees(repo: TestRepo, expectations: { some?: string[]; none?: string[] } = {}) {
  const trees = otherWorktrees(repo);
  const place = process.env.AUTOEXP_TREES ?? '';
  for (const tree of trees) {
    if (!tree.path.startsWith(place) || !tree.detached)
      throw new Error(`not a parked tree: ${JSON.stringify(tree)} (trees live in ${place})`);
  }
  for (const name of expectations.some ?? [])
    if (!trees.some((tree) => tree.path.includes(name))) throw new Error(`no parked ${name} tree`);
  for (const name of expectations.none ?? [])
    if (trees.some((tree) => tree.path.includes(name))) throw new Error(`a ${name} tree was left`);
  return trees;
}
