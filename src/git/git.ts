// The only place that runs git. One instance per working tree.
//
// Every experiment runs a handful of git processes, so this wrapper is on the hot path: each method is
// one git process, and callers pick the method that gets the job done in the fewest.
import { execFile } from 'node:child_process';

export class GitError extends Error {
  override name = 'GitError';
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | undefined,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed (exit ${exitCode ?? '?'}): ${stderr.trim() || '(no output)'}`);
  }
}

/** One entry of `git status`: a path that differs from HEAD, with git's two-letter code. */
export interface ChangedPath {
  path: string;
  /** Two-letter status code as in porcelain v1, e.g. " M", "??", " D", "A ". */
  code: string;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Settings every autoexp git call uses: no user hooks (a pre-commit hook must not veto or rewrite
 * experiment commits), no signing prompts, no pager, no interactive credential prompt.
 */
const FIXED_CONFIG = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'commit.gpgSign=false',
  '-c',
  'core.pager=cat',
  // No housekeeping process after every experiment commit; the session runs it once at its end.
  '-c',
  'maintenance.auto=false',
];

/** `git show` of a big ledger chunk must fit; anything larger is not something autoexp reads. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

let processesStarted = 0;

export class Git {
  private cachedEnv: NodeJS.ProcessEnv | undefined;

  private constructor(
    readonly cwd: string,
    private readonly env: Record<string, string | undefined>,
  ) {}

  /** A wrapper for the working tree at `cwd`. `env` adds to (or, with undefined, removes from) git's env. */
  static at(cwd: string, env: Record<string, string | undefined> = {}): Git {
    return new Git(cwd, env);
  }

  /** How many git processes this process has started (benchmarks count them). */
  static get processesStarted(): number {
    return processesStarted;
  }

  withCwd(cwd: string): Git {
    return new Git(cwd, this.env);
  }

  /** The same working tree with more environment for git (e.g. GIT_CONFIG_* for credentials). */
  withEnv(env: Record<string, string | undefined>): Git {
    return new Git(this.cwd, { ...this.env, ...env });
  }

  /** Runs git; throws GitError on a non-zero exit unless `allowFailure`. */
  async run(args: string[], options: { allowFailure?: boolean; input?: string } = {}): Promise<GitResult> {
    processesStarted++;
    const outcome = await new Promise<GitResult>((resolve, reject) => {
      const child = execFile(
        'git',
        [...FIXED_CONFIG, ...args],
        { cwd: this.cwd, env: this.childEnv(), maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8' },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : undefined) : 0;
          if (code === undefined) reject(new GitError(args, undefined, `${error?.message ?? ''}\n${stderr}`));
          else resolve({ stdout, stderr, exitCode: code });
        },
      );
      // git may exit before reading its input; that is not an error of ours.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(options.input);
    });
    if (outcome.exitCode !== 0 && !options.allowFailure)
      throw new GitError(args, outcome.exitCode, outcome.stderr);
    return outcome;
  }

  /** The environment of git processes, computed once: copying process.env per call shows up in profiles. */
  private childEnv(): NodeJS.ProcessEnv {
    if (!this.cachedEnv) {
      const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
      for (const [name, value] of Object.entries(this.env)) {
        if (value === undefined) delete env[name];
        else env[name] = value;
      }
      this.cachedEnv = env;
    }
    return this.cachedEnv;
  }

  private async line(args: string[]): Promise<string> {
    return (await this.run(args)).stdout.trim();
  }

  // --- reading -------------------------------------------------------------------------------

  /** Top level, common git dir and current branch (or undefined when detached), in one process. */
  async describeRepository(): Promise<{ topLevel: string; commonDir: string; branch?: string }> {
    const result = await this.run(
      ['rev-parse', '--show-toplevel', '--path-format=absolute', '--git-common-dir', '--abbrev-ref', 'HEAD'],
      {
        allowFailure: true,
      },
    );
    if (result.exitCode !== 0) {
      throw new GitError(
        ['rev-parse'],
        result.exitCode,
        result.stderr.includes('not a git repository')
          ? `${this.cwd} is not inside a git repository`
          : result.stderr,
      );
    }
    const [topLevel = '', commonDir = '', branch = ''] = result.stdout.trim().split('\n');
    return { topLevel, commonDir, branch: branch === 'HEAD' ? undefined : branch };
  }

  /** The full sha of a ref, or undefined when it does not exist. */
  async resolve(ref: string): Promise<string | undefined> {
    const result = await this.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      allowFailure: true,
    });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async shortSha(ref: string): Promise<string> {
    return this.line(['rev-parse', '--short', ref]);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const result = await this.run(['merge-base', '--is-ancestor', ancestor, descendant], {
      allowFailure: true,
    });
    if (result.exitCode > 1)
      throw new GitError(
        ['merge-base', '--is-ancestor', ancestor, descendant],
        result.exitCode,
        result.stderr,
      );
    return result.exitCode === 0;
  }

  /** Paths that differ from HEAD in the working tree or index, untracked files included (not ignored ones). */
  async changedPaths(): Promise<ChangedPath[]> {
    return (await this.status()).changed;
  }

  /**
   * The changed paths and, from the same git process, the commit HEAD points at (full sha): a proposer that
   * committed on its own shows as a HEAD that moved.
   */
  async status(): Promise<{ head: string; changed: ChangedPath[] }> {
    const { stdout } = await this.run([
      'status',
      '--porcelain=v2',
      '--branch',
      '-z',
      '--untracked-files=all',
      '--no-renames',
    ]);
    let head = '';
    const changed: ChangedPath[] = [];
    for (const entry of stdout.split('\0')) {
      if (entry.startsWith('# branch.oid ')) head = entry.slice('# branch.oid '.length);
      else if (entry.startsWith('? ')) changed.push({ code: '??', path: entry.slice(2) });
      else if (entry.startsWith('1 ') || entry.startsWith('u ')) {
        // "1 XY sub mH mI mW hH hI path"; unmerged "u XY sub m1 m2 m3 mW h1 h2 h3 path".
        const fields = entry.startsWith('1 ') ? 8 : 10;
        const parts = entry.split(' ');
        changed.push({ code: parts[1]!.replace(/\./g, ' '), path: parts.slice(fields).join(' ') });
      }
    }
    return { head, changed };
  }

  /**
   * Applies `commit`'s change to the tree and index without committing (cherry-pick --no-commit). On a
   * conflict nothing is left applied and the conflicting paths are returned.
   */
  async applyCommit(commit: string): Promise<string[]> {
    const result = await this.run(['cherry-pick', '--no-commit', commit], { allowFailure: true });
    if (result.exitCode === 0) return [];
    const conflicted = await this.run(['diff', '--name-only', '--diff-filter=U']);
    await this.run(['cherry-pick', '--abort'], { allowFailure: true });
    await this.run(['reset', '--hard', '--quiet', 'HEAD']);
    const paths = conflicted.stdout.split('\n').filter(Boolean);
    return paths.length > 0 ? paths : [`(${result.stderr.trim().split('\n')[0] ?? 'cherry-pick failed'})`];
  }

  /** Commits what is staged; returns the new short sha. */
  async commitStaged(message: string): Promise<string> {
    return parseCommitSha(await this.run(['commit', '--no-verify', '-m', message]));
  }

  /** Moves HEAD (and the branch) to `ref`, keeping the tree and index as they are. */
  async resetSoft(ref: string): Promise<void> {
    await this.run(['reset', '--soft', '--quiet', ref]);
  }

  /** Tracked files (relative to the working tree root). */
  async trackedFiles(): Promise<string[]> {
    const { stdout } = await this.run(['ls-files', '-z']);
    return stdout.split('\0').filter((path) => path.length > 0);
  }

  /** The configured committer identity, if any. */
  async hasIdentity(): Promise<boolean> {
    const name = await this.run(['config', 'user.name'], { allowFailure: true });
    const email = await this.run(['config', 'user.email'], { allowFailure: true });
    return name.stdout.trim() !== '' && email.stdout.trim() !== '';
  }

  // --- writing -------------------------------------------------------------------------------

  /**
   * Commits every change in the working tree and returns the new commit's short sha, read from git's
   * own summary line so no second process is needed. New files need `add` first; `commit -a` does the rest.
   */
  async commitAll(message: string, options: { hasUntracked: boolean }): Promise<string> {
    if (options.hasUntracked) await this.run(['add', '-A']);
    return parseCommitSha(await this.run(['commit', '-a', '--no-verify', '-m', message]));
  }

  /** Commits exactly these paths (new or tracked); other changes stay out of the commit. */
  async commitPaths(paths: string[], message: string, options: { newPaths: boolean }): Promise<string> {
    if (options.newPaths) await this.run(['add', '--', ...paths]);
    return parseCommitSha(await this.run(['commit', '--no-verify', '-m', message, '--only', '--', ...paths]));
  }

  /** Folds every change in the tree (untracked files too) into HEAD, with a new message. */
  async amendAll(message: string): Promise<string> {
    await this.run(['add', '-A']);
    return parseCommitSha(await this.run(['commit', '--amend', '--no-verify', '-m', message]));
  }

  /** Rewrites HEAD's message (same tree); returns the new short sha. */
  async amendMessage(message: string): Promise<string> {
    return parseCommitSha(
      await this.run(['commit', '--amend', '--no-verify', '--allow-empty', '--only', '-m', message]),
    );
  }

  async resetHard(ref: string): Promise<void> {
    await this.run(['reset', '--hard', '--quiet', ref]);
  }

  /** Removes untracked files and directories (ignored files, e.g. node_modules, stay). */
  async removeUntracked(): Promise<void> {
    await this.run(['clean', '-fdq']);
  }

  async createBranch(name: string, startPoint: string): Promise<void> {
    await this.run(['branch', '--no-track', name, startPoint]);
  }

  async addWorktree(path: string, branch: string): Promise<void> {
    await this.run(['worktree', 'add', '--quiet', path, branch]);
  }

  async removeWorktree(path: string): Promise<void> {
    await this.run(['worktree', 'remove', '--force', path], { allowFailure: true });
    await this.run(['worktree', 'prune'], { allowFailure: true });
  }

  /** The path of the worktree that has `branch` checked out, if any. */
  async worktreeOf(branch: string): Promise<string | undefined> {
    const { stdout } = await this.run(['worktree', 'list', '--porcelain']);
    let path: string | undefined;
    for (const line of stdout.split('\n')) {
      if (line.startsWith('worktree ')) path = line.slice('worktree '.length);
      if (line === `branch refs/heads/${branch}`) return path;
    }
    return undefined;
  }

  /** Merges `ref` into HEAD. Returns the conflicting paths (after aborting the merge) or [] on success. */
  async merge(ref: string, message: string): Promise<string[]> {
    const result = await this.run(['merge', '--no-ff', '--no-edit', '-m', message, ref], {
      allowFailure: true,
    });
    if (result.exitCode === 0) return [];
    const conflicts = await this.run(['diff', '--name-only', '--diff-filter=U', '-z'], {
      allowFailure: true,
    });
    await this.run(['merge', '--abort'], { allowFailure: true });
    const paths = conflicts.stdout.split('\0').filter((path) => path.length > 0);
    if (paths.length === 0)
      throw new GitError(['merge', ref], result.exitCode, result.stderr || result.stdout);
    return paths;
  }

  async push(remote: string, refspecs: string[]): Promise<GitResult> {
    return this.run(['push', '--porcelain', remote, ...refspecs], { allowFailure: true });
  }

  async fetch(remote: string, refspecs: string[]): Promise<GitResult> {
    return this.run(['fetch', '--quiet', '--no-tags', remote, ...refspecs], { allowFailure: true });
  }
}

/** `[branch 1a2b3c4] message` -> `1a2b3c4` (also `[branch (root-commit) 1a2b3c4]`, `[detached HEAD 1a2b3c4]`). */
export function parseCommitSha(result: GitResult): string {
  const match = /^\[[^\]]*? ([0-9a-f]{4,64})\]/m.exec(result.stdout);
  if (!match?.[1])
    throw new GitError(['commit'], result.exitCode, `unexpected output: ${result.stdout.slice(0, 200)}`);
  return match[1];
}
