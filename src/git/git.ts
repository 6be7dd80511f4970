// The only place that runs git. One instance per working tree.
//
// Every experiment runs a handful of git processes, so this wrapper is on the hot path: each method is
// one git process, and callers pick the method that gets the job done in the fewest.
//
// Untrusted code (proposals, evals) runs beside these processes, so every git process autoexp starts:
// - gets an allowlisted environment (see gitEnvironment): no token, key or action input, whatever
//   autoexp's own environment holds; credentials reach only the push, fetch and ls-remote calls of a
//   wrapper made with `withCredentials`, through git's own environment;
// - runs with settings that keep programs out which a proposal or eval could have planted in the
//   repository's config: no hooks, no fsmonitor, no external diff or textconv, no pager. (The session
//   also puts the repository's config back as it was before untrusted code ran: src/tree/guard.ts.)
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';

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
  /** The file mode in the working tree when git reports it (120000: a symlink, 160000: a gitlink). */
  mode?: string;
}

export interface TreeStatus {
  /** The commit HEAD points at (full sha). */
  head: string;
  /** The branch HEAD is on, or undefined when detached. */
  branch?: string;
  changed: ChangedPath[];
  /** Ignored paths, when asked for: a directory that is ignored as a whole is one entry ending in "/". */
  ignored: string[];
}

export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Called when a git process of autoexp's failed because a lock file it needs is there (`lockPath`):
 * returns the outcome of `retry` once the lock is dealt with, or undefined to let the failure stand.
 */
export type LockHeldHandler = (
  lockPath: string,
  retry: () => Promise<GitResult>,
) => Promise<GitResult | undefined>;

/** How many times one git command is retried after a lock it needed was cleared (see whenLockHeld). */
const LOCK_RETRIES = 5;

/**
 * The lock file git names when it cannot take one: "fatal: Unable to create '<path>.lock': File exists.",
 * "error: cannot lock ref '<ref>': Unable to create …", reset's "error: update_ref failed for ref …".
 * Only a line git starts so counts: a commit subject (error: could not apply <sha>... <subject>) or a
 * path in the tree quoted in another error could spell the same words, and have the step wait for every
 * run to end and run again, or a lock of the session's be removed that failed nothing.
 */
export function heldLockPath(stderr: string): string | undefined {
  return /^(?:fatal|error): (?:update_ref failed for ref '[^'\n]*': )?(?:cannot lock ref '[^'\n]*': )?Unable to create '(\/[^\n]*?\.lock)': File exists\.$/m.exec(
    stderr,
  )?.[1];
}

/**
 * Settles one conflicting file of a merge: HEAD's and the merged ref's versions in (undefined where a
 * side deleted it), the text to keep out (written as a regular file, byte for byte), or undefined to
 * leave the conflict standing.
 */
export type ConflictResolver = (
  path: string,
  ours: string | undefined,
  theirs: string | undefined,
) => string | undefined;

/**
 * Settles one file a cherry-pick left conflicting from its three versions (undefined where a side has
 * no such file): the text to keep, or the conflict as it should be reported.
 */
export type ThreeWayResolver = (file: {
  path: string;
  base: string | undefined;
  ours: string | undefined;
  theirs: string | undefined;
}) => { merged: string } | { conflict: string };

/** One file of a commit's tree (`git ls-tree -r`): its mode (100644, 100755, 120000 …), object and path. */
export interface TreeEntry {
  mode: string;
  object: string;
  path: string;
}

/** What a commit is made of. */
export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}

/** A ref as `git for-each-ref` or the ref files show it: a sha, or `ref: <target>` for a symbolic one. */
export type RefValues = Map<string, string>;

/**
 * Settings every autoexp git call uses. Command-line settings win over every config file, so these
 * hold even when a proposal or eval wrote the opposite into .git/config or ~/.gitconfig.
 */
const FIXED_CONFIG = [
  // No hooks: neither the user's (a pre-commit hook must not veto or rewrite experiment commits) nor
  // planted ones.
  '-c',
  'core.hooksPath=/dev/null',
  // An fsmonitor is a program git runs on every status.
  '-c',
  'core.fsmonitor=false',
  '-c',
  'commit.gpgSign=false',
  // A file's stat data, ctime included, is what tells git it changed: the user's config may not loosen
  // that (core.trustctime=false, core.checkStat=minimal, core.ignoreStat=true) for autoexp's checks.
  '-c',
  'core.trustctime=true',
  '-c',
  'core.checkStat=default',
  '-c',
  'core.ignoreStat=false',
  '-c',
  'core.pager=cat',
  // Whole indexes: a split one (core.splitIndex) keeps its entries in a shared file and lists a changed
  // entry without its name, which autoexp's index reader (src/tree/index-file.ts) cannot read.
  '-c',
  'core.splitIndex=false',
  // No recorded resolutions (rerere): a run can plant them in .git/rr-cache, which turns rerere on where
  // the config does not say, and autoexp's merges and cherry-picks would take them for its own.
  '-c',
  'rerere.enabled=false',
  // No housekeeping process after every experiment commit; the session runs it once at its end.
  '-c',
  'maintenance.auto=false',
  '-c',
  'gc.auto=0',
];

/**
 * With credentials: no credential helper but the token autoexp passes, and (the global config being
 * left out) no refusal of a checkout that another user owns, as in container jobs.
 */
const CREDENTIAL_CONFIG = ['-c', 'credential.helper=', '-c', 'safe.directory=*'];

/** Variables git may see: what it needs to find its config, identity, temp dir and programs. */
const GIT_ENVIRONMENT = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'TMPDIR',
  'TZ',
  'XDG_CONFIG_HOME',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_SYSTEM',
  'GIT_CONFIG_NOSYSTEM',
  'GIT_EXEC_PATH',
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_AUTHOR_DATE',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  'GIT_COMMITTER_DATE',
]);

/** What network calls need on top: the user's ssh agent, proxies and certificates (CLI pushes). */
const NETWORK_ENVIRONMENT = new Set([
  'SSH_AUTH_SOCK',
  'GIT_SSH',
  'GIT_SSH_COMMAND',
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
]);

/** The environment of git processes, built from `env` by allowlist. */
export function gitEnvironment(
  env: NodeJS.ProcessEnv,
  options: { network?: boolean } = {},
): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    // A commit autoexp names by its sha is that object: git would otherwise read whatever a
    // refs/replace/<sha> says it is, and a ref planted there by an eval still running in another tree
    // (workers) would give a keep another tree (rewordHead's cat-file, a worker's keep cherry-picked onto
    // the branch). The remote ignores replace refs too.
    GIT_NO_REPLACE_OBJECTS: '1',
  };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (GIT_ENVIRONMENT.has(name) || (options.network && NETWORK_ENVIRONMENT.has(name))) result[name] = value;
  }
  return result;
}

/** The keys FIXED_CONFIG sets, as `git config --list` spells them (lowercase section and key). */
const FIXED_KEYS = new Set(
  FIXED_CONFIG.filter((_, index) => FIXED_CONFIG[index - 1] === '-c').map((setting) =>
    setting.slice(0, setting.indexOf('=')).toLowerCase(),
  ),
);

/**
 * The user's global git config (~/.gitconfig, ~/.config/git/config) as it was when the first session of
 * this process started, as GIT_CONFIG_* variables; undefined until then. Untrusted code runs as the
 * user and can rewrite those files: a planted `core.attributesFile` with a filter, or `core.sshCommand`,
 * would run inside autoexp's own git calls, outside any sandbox. So autoexp's git reads the copy held
 * here (GIT_CONFIG_GLOBAL=/dev/null), never the files as they are later.
 */
let frozenGlobalConfig: Record<string, string> | undefined;
/** Bumped when the frozen config changes, so that wrappers made before recompute their environment. */
let frozenVersion = 0;

/** Takes the copy of the user's global git config (once per process; later calls keep the first copy). */
export async function freezeGlobalConfig(): Promise<void> {
  if (frozenGlobalConfig !== undefined) return;
  const listed = await new Promise<string>((resolve) => {
    execFile(
      'git',
      ['config', '--global', '--list', '--includes', '-z'],
      { env: gitEnvironment(process.env), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      // No global config at all exits 1 with nothing listed: an empty copy.
      (error, stdout) => resolve(error ? '' : stdout),
    );
  });
  const env: Record<string, string> = { GIT_CONFIG_GLOBAL: '/dev/null' };
  let count = 0;
  for (const entry of listed.split('\0')) {
    if (entry === '') continue;
    const newline = entry.indexOf('\n');
    const key = newline < 0 ? entry : entry.slice(0, newline);
    // Includes were read above (--includes); autoexp's own settings stay autoexp's.
    if (/^include(if)?\./i.test(key) || FIXED_KEYS.has(key.toLowerCase())) continue;
    env[`GIT_CONFIG_KEY_${count}`] = key;
    // A key listed without "=" (`[section] key`) is a boolean true.
    env[`GIT_CONFIG_VALUE_${count}`] = newline < 0 ? 'true' : entry.slice(newline + 1);
    count++;
  }
  env.GIT_CONFIG_COUNT = String(count);
  frozenGlobalConfig = env;
  frozenVersion++;
}

/**
 * The git program autoexp runs, found on PATH when this process first runs git, before any untrusted
 * code: a command runs as the user and may put a `git` of its own into a directory on PATH that the
 * user can write (~/.local/bin comes before /usr/bin on many machines, GitHub's runners among them).
 * Looked up again at every call, that one would run as autoexp's next git call, outside any namespace.
 */
let gitProgram: string | undefined;

function gitPath(): string {
  if (gitProgram === undefined) {
    gitProgram = 'git';
    for (const directory of (process.env.PATH ?? '').split(delimiter)) {
      if (!isAbsolute(directory)) continue;
      const candidate = join(directory, 'git');
      try {
        accessSync(candidate, constants.X_OK);
        if (!statSync(candidate).isFile()) continue;
      } catch {
        continue;
      }
      gitProgram = candidate;
      break;
    }
  }
  return gitProgram;
}

/** `git show` of a big ledger chunk must fit; anything larger is not something autoexp reads. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

let processesStarted = 0;

interface RunOptions {
  allowFailure?: boolean;
  input?: string;
  network?: boolean;
  /** More environment for this process only (never credentials: those go through withCredentials). */
  env?: Record<string, string>;
}

export class Git {
  private localEnv: NodeJS.ProcessEnv | undefined;
  private remoteEnv: NodeJS.ProcessEnv | undefined;
  /** The frozenVersion the environments above were computed with. */
  private envVersion = 0;

  private constructor(
    readonly cwd: string,
    /** Extra environment for push, fetch and ls-remote only (e.g. GIT_CONFIG_* carrying a token). */
    private readonly credentials: Readonly<Record<string, string>>,
    private readonly lockHeld?: LockHeldHandler,
    /** GIT_DIR, GIT_COMMON_DIR and GIT_WORK_TREE of a pinned tree (see pinnedTo). */
    private readonly pinned: Readonly<Record<string, string>> = {},
  ) {}

  /** A wrapper for the working tree (or repository) at `cwd`. */
  static at(cwd: string): Git {
    return new Git(cwd, {});
  }

  /** How many git processes this process has started (benchmarks count them). */
  static get processesStarted(): number {
    return processesStarted;
  }

  withCwd(cwd: string): Git {
    return new Git(cwd, this.credentials, this.lockHeld);
  }

  /**
   * The same working tree, with `handler` asked what to do when a git process fails on a lock file that
   * is there (wrappers made from this one with withCwd and withCredentials keep it).
   */
  whenLockHeld(handler: LockHeldHandler): Git {
    return new Git(this.cwd, this.credentials, handler, this.pinned);
  }

  /**
   * The same working tree, with git told where its git dir and the repository are (GIT_DIR,
   * GIT_COMMON_DIR, GIT_WORK_TREE) instead of finding them through the tree's .git file and its git dir's
   * commondir file. Untrusted code can rewrite those (with workers, an eval in another tree, while this
   * one waits): pointed at the repository's own git dir, autoexp's next checkout in this tree would move
   * the HEAD and rewrite the index of your main checkout.
   */
  pinnedTo(place: { gitDir: string; commonDir: string }): Git {
    return new Git(this.cwd, this.credentials, this.lockHeld, {
      GIT_DIR: place.gitDir,
      GIT_COMMON_DIR: place.commonDir,
      GIT_WORK_TREE: this.cwd,
    });
  }

  /**
   * The same working tree, with `credentials` in the environment of its push, fetch and ls-remote
   * processes (and of no other).
   */
  withCredentials(credentials: Record<string, string>): Git {
    return new Git(this.cwd, { ...this.credentials, ...credentials }, this.lockHeld, this.pinned);
  }

  /**
   * Runs git; throws GitError on a non-zero exit unless `allowFailure`. A process that failed on a lock
   * file is run again when the lock handler (whenLockHeld) cleared it. That finishes what it was asked
   * for: git takes a lock before it writes what the lock guards (a commit that failed on its ref left
   * the index as it was), and files a reset or checkout wrote before it failed on the ref are the same
   * the second time.
   */
  private async run(args: string[], options: RunOptions = {}, retries = LOCK_RETRIES): Promise<GitResult> {
    const outcome = await this.runOnce(args, options);
    if (outcome.exitCode !== 0 && this.lockHeld && retries > 0) {
      const lockPath = heldLockPath(outcome.stderr);
      const retried = lockPath && (await this.lockHeld(lockPath, () => this.run(args, options, retries - 1)));
      if (retried) return retried;
    }
    if (outcome.exitCode !== 0 && !options.allowFailure)
      throw new GitError(args, outcome.exitCode, outcome.stderr);
    return outcome;
  }

  private async runOnce(args: string[], options: RunOptions): Promise<GitResult> {
    processesStarted++;
    return new Promise<GitResult>((resolve, reject) => {
      const child = execFile(
        gitPath(),
        [...FIXED_CONFIG, ...(options.network && this.carriesCredentials ? CREDENTIAL_CONFIG : []), ...args],
        {
          cwd: this.cwd,
          env: {
            ...(options.network ? this.networkEnv() : this.plainEnv()),
            ...options.env,
          },
          maxBuffer: MAX_OUTPUT_BYTES,
          encoding: 'utf8',
        },
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
  }

  /** Computed once per wrapper (copying the environment per call shows up in profiles). */
  private plainEnv(): NodeJS.ProcessEnv {
    this.forgetStaleEnv();
    return (this.localEnv ??= { ...gitEnvironment(process.env), ...frozenGlobalConfig, ...this.pinned });
  }

  private forgetStaleEnv(): void {
    if (this.envVersion === frozenVersion) return;
    this.localEnv = this.remoteEnv = undefined;
    this.envVersion = frozenVersion;
  }

  private get carriesCredentials(): boolean {
    return Object.keys(this.credentials).length > 0;
  }

  /**
   * A call that carries a token reads no config but the repository's (which the session keeps as it
   * was): a credential helper, proxy or URL rewrite that untrusted code planted in ~/.gitconfig or the
   * system config would otherwise see the token, or run, outside any sandbox.
   */
  private networkEnv(): NodeJS.ProcessEnv {
    this.forgetStaleEnv();
    const isolated = this.carriesCredentials
      ? { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
      : frozenGlobalConfig;
    return (this.remoteEnv ??= {
      ...gitEnvironment(process.env, { network: true }),
      ...isolated,
      ...this.credentials,
      ...this.pinned,
    });
  }

  private async line(args: string[], input?: string, env?: Record<string, string>): Promise<string> {
    return (
      await this.run(args, { ...(input === undefined ? {} : { input }), ...(env ? { env } : {}) })
    ).stdout.trim();
  }

  // --- repositories ---------------------------------------------------------------------------

  /** `git init` on `main` with a local identity (the demo's repositories). */
  static async init(root: string, identity: { name: string; email: string }): Promise<Git> {
    const git = Git.at(root);
    await git.run(['init', '--quiet', '--initial-branch=main']);
    await git.run(['config', 'user.name', identity.name]);
    await git.run(['config', 'user.email', identity.email]);
    return git;
  }

  /** Top level, common git dir, this tree's git dir and current branch (undefined when detached). */
  async describeRepository(): Promise<{
    topLevel: string;
    commonDir: string;
    gitDir: string;
    branch?: string;
  }> {
    const result = await this.run(
      [
        'rev-parse',
        '--show-toplevel',
        '--path-format=absolute',
        '--git-common-dir',
        '--git-dir',
        '--abbrev-ref',
        'HEAD',
      ],
      { allowFailure: true },
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
    const [topLevel = '', commonDir = '', gitDir = '', branch = ''] = result.stdout.trim().split('\n');
    return { topLevel, commonDir, gitDir, branch: branch === 'HEAD' ? undefined : branch };
  }

  /**
   * What describeRepository says, also in a repository with no commit yet (where it fails): the top of the
   * working tree, the branch HEAD names (undefined when detached) and whether HEAD has a commit.
   * Undefined outside a working tree. Three processes: for `autoexp init` and error messages only.
   */
  async describeWorkTree(): Promise<{ topLevel: string; branch?: string; hasCommits: boolean } | undefined> {
    const top = await this.run(['rev-parse', '--show-toplevel'], { allowFailure: true });
    if (top.exitCode !== 0) return undefined;
    const head = await this.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true });
    const branch = head.exitCode === 0 ? head.stdout.trim() : '';
    return {
      topLevel: top.stdout.trim(),
      ...(branch === '' ? {} : { branch }),
      hasCommits: (await this.resolve('HEAD')) !== undefined,
    };
  }

  async isShallow(): Promise<boolean> {
    return (await this.line(['rev-parse', '--is-shallow-repository'])) === 'true';
  }

  /** The configured committer identity, if any. */
  async hasIdentity(): Promise<boolean> {
    const name = await this.run(['config', 'user.name'], { allowFailure: true });
    const email = await this.run(['config', 'user.email'], { allowFailure: true });
    return name.stdout.trim() !== '' && email.stdout.trim() !== '';
  }

  /** Entries of the repository's own config file, in order (key, value). */
  async localConfig(): Promise<{ key: string; value: string }[]> {
    const listing = await this.run(['config', '--local', '--null', '--list'], { allowFailure: true });
    const entries: { key: string; value: string }[] = [];
    for (const item of listing.stdout.split('\0')) {
      const newline = item.indexOf('\n');
      if (newline >= 0) entries.push({ key: item.slice(0, newline), value: item.slice(newline + 1) });
    }
    return entries;
  }

  async setLocalConfig(key: string, value: string): Promise<void> {
    await this.run(['config', '--local', key, value]);
  }

  /** Adds an entry to the config file at `file` (not one git finds from the working tree). */
  async addConfigTo(file: string, key: string, value: string): Promise<void> {
    await this.run(['config', '--file', file, '--add', key, value]);
  }

  async unsetLocalConfig(key: string): Promise<void> {
    await this.run(['config', '--local', '--unset-all', key], { allowFailure: true });
  }

  /**
   * Lets git decide whether the repository needs housekeeping (experiment commits skip it): with git's
   * default threshold again (the fixed maintenance.auto=false and gc.auto=0 would make it a no-op, and loose objects would pile up
   * over months of experiments), and in the foreground, so that no repack runs on into the next session
   * (whose guard would see it write .git).
   */
  async maintenance(): Promise<void> {
    await this.run(
      [
        ...['-c', 'maintenance.auto=true', '-c', 'gc.auto=6700'],
        ...['-c', 'gc.autoDetach=false', '-c', 'maintenance.autoDetach=false'],
        ...['maintenance', 'run', '--auto', '--quiet'],
      ],
      { allowFailure: true },
    );
  }

  // --- reading -------------------------------------------------------------------------------

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

  /** Every ref with its value (refs/… only), as git reads them whatever the ref storage. */
  async refs(): Promise<RefValues> {
    const { stdout } = await this.run(['for-each-ref', '--format=%(refname) %(objectname) %(symref)']);
    const refs: RefValues = new Map();
    for (const line of stdout.split('\n')) {
      const [name, sha, symref] = line.split(' ');
      if (name) refs.set(name, symref ? `ref: ${symref}` : sha!);
    }
    return refs;
  }

  /** A file's content at `ref`, or undefined when the ref or the file does not exist. */
  async showFile(ref: string, path: string): Promise<string | undefined> {
    const result = await this.run(['show', `${ref}:${path}`], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout : undefined;
  }

  /** The names in a directory at `ref` (undefined when it does not exist there). */
  async listDirectory(ref: string, path: string): Promise<string[] | undefined> {
    const result = await this.run(['ls-tree', '-z', '--name-only', `${ref}:${path}`], { allowFailure: true });
    if (result.exitCode !== 0) return undefined;
    return result.stdout.split('\0').filter((name) => name.length > 0);
  }

  /** Paths that differ from HEAD in the working tree or index, untracked files included (not ignored ones). */
  async changedPaths(): Promise<ChangedPath[]> {
    return (await this.status()).changed;
  }

  /**
   * The changed paths, HEAD and its branch, from one git process; with `ignored`, the ignored paths too
   * (a directory ignored as a whole is one entry).
   */
  async status(options: { ignored?: boolean } = {}): Promise<TreeStatus> {
    const { stdout } = await this.run([
      'status',
      '--porcelain=v2',
      '--branch',
      '-z',
      '--untracked-files=all',
      '--no-renames',
      ...(options.ignored ? ['--ignored=matching'] : []),
    ]);
    return parseStatus(stdout);
  }

  /** Tracked files (relative to the working tree root). */
  async trackedFiles(): Promise<string[]> {
    const { stdout } = await this.run(['ls-files', '-z']);
    return stdout.split('\0').filter((path) => path.length > 0);
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

  /** Every file of `ref`'s tree, recursively, paths from the repository root. */
  async listTree(ref: string): Promise<TreeEntry[]> {
    const { stdout } = await this.run(['ls-tree', '-r', '-z', '--full-tree', ref]);
    const entries: TreeEntry[] = [];
    for (const item of stdout.split('\0')) {
      // "<mode> SP <type> SP <object> TAB <path>"
      const match = /^(\d+) \w+ ([0-9a-f]+)\t(.*)$/s.exec(item);
      if (match) entries.push({ mode: match[1]!, object: match[2]!, path: match[3]! });
    }
    return entries;
  }

  /** The best common ancestor of two commits, or undefined when they share no history. */
  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const result = await this.run(['merge-base', a, b], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  /** A commit's tree, parents and full message. */
  async commitInfo(ref: string): Promise<CommitInfo> {
    const { stdout } = await this.run([
      'log',
      '-1',
      '--no-show-signature',
      '--format=%H%x00%T%x00%P%x00%B',
      ref,
      '--',
    ]);
    const [sha = '', tree = '', parents = '', ...message] = stdout.split('\0');
    return { sha, tree, parents: parents.split(' ').filter(Boolean), message: message.join('\0') };
  }

  /** A blob's content as text. */
  async readBlob(object: string): Promise<string> {
    return (await this.run(['cat-file', 'blob', object])).stdout;
  }

  /**
   * The object ids that `<rev>:<path>` names, one git process for all of them: undefined where it names
   * nothing (or more than one object). A name holding a newline cannot be asked for this way.
   */
  async objectIdsAt(names: readonly string[]): Promise<(string | undefined)[]> {
    if (names.length === 0) return [];
    if (names.some((name) => name.includes('\n'))) throw new Error('objectIdsAt: a name with a newline');
    const { stdout } = await this.run(['cat-file', '--batch-check=%(objectname)'], {
      input: names.map((name) => `${name}\n`).join(''),
    });
    const lines = stdout.split('\n');
    // Found: the id alone; not found: "<name> missing" (or "ambiguous").
    return names.map((_, index) => (/^[0-9a-f]{40,64}$/.test(lines[index] ?? '') ? lines[index] : undefined));
  }

  /** The blob ids `ref` has at `paths` (names, not patterns; paths from the repository root). */
  async blobIds(ref: string, paths: readonly string[]): Promise<Map<string, string>> {
    const { stdout } = await this.run([
      '--literal-pathspecs',
      'ls-tree',
      '-z',
      '--full-tree',
      ref,
      '--',
      ...paths,
    ]);
    const ids = new Map<string, string>();
    for (const item of stdout.split('\0')) {
      // "<mode> SP blob SP <object> TAB <path>"
      const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(item);
      if (match) ids.set(match[2]!, match[1]!);
    }
    return ids;
  }

  /** The blob id git gives `text` as the file at `path` (its attributes' filters applied); nothing is stored. */
  async blobIdAt(path: string, text: string): Promise<string> {
    return this.line(['hash-object', `--path=${path}`, '--stdin'], text);
  }

  /** Stores `text` as a blob; returns its id. */
  async writeBlob(text: string): Promise<string> {
    return this.line(['hash-object', '-w', '--no-filters', '--stdin'], text);
  }

  /**
   * A three-way merge of texts (`git merge-file`): `ours` and `theirs` both changed `base`. The merged
   * text, or undefined when they changed the same lines differently (or a side is not text).
   */
  async mergeTexts(ours: string, base: string, theirs: string): Promise<string | undefined> {
    const dir = await mkdtemp(join(tmpdir(), 'autoexp-merge-'));
    try {
      const files = ['ours', 'base', 'theirs'].map((name) => join(dir, name));
      await Promise.all([ours, base, theirs].map((text, index) => writeFile(files[index]!, text)));
      const result = await this.run(['merge-file', '-p', '-q', ...files], { allowFailure: true });
      return result.exitCode === 0 ? result.stdout : undefined;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * The tree of `commit` with some files replaced, added (an entry) or removed (none), built in an index
   * of its own: no working tree, branch or the repository's index is touched. Returns the tree's id.
   */
  async treeWith(
    commit: string,
    changes: readonly { path: string; entry?: { mode: string; object: string } }[],
  ): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'autoexp-index-'));
    const env = { GIT_INDEX_FILE: join(dir, 'index') };
    try {
      await this.run(['read-tree', commit], { env });
      const lines = changes.map(({ path, entry }) =>
        entry ? `${entry.mode} ${entry.object}\t${path}` : `0 ${'0'.repeat(40)}\t${path}`,
      );
      await this.run(['update-index', '-z', '--index-info'], {
        env,
        input: lines.map((line) => `${line}\0`).join(''),
      });
      return await this.line(['write-tree'], undefined, env);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  // --- writing -------------------------------------------------------------------------------

  /**
   * Commits every change in the working tree and returns the new commit's short sha, read from git's
   * own summary line so no second process is needed. New files need `add` first; `commit -a` does the rest.
   */
  async commitAll(message: string, options: { hasUntracked: boolean }): Promise<string> {
    if (options.hasUntracked) await this.run(['add', '-A']);
    return parseCommitSha(await this.run(['commit', '-a', '--no-verify', '-F', '-'], { input: message }));
  }

  /**
   * Commits exactly `paths` (names, not patterns) as they are in the working tree, new, changed or
   * deleted, and nothing else whatever the index holds; with `amend`, into HEAD. Returns the short sha.
   */
  async commitOnly(
    paths: readonly string[],
    message: string,
    options: { amend?: boolean; newPaths?: boolean } = {},
  ): Promise<string> {
    // No paths would mean every path to git.
    if (paths.length === 0) throw new Error('commitOnly: no paths to commit');
    const list = paths.map((path) => `${path}\0`).join('');
    const pathspec = ['--pathspec-from-file=-', '--pathspec-file-nul'];
    // New files need `add` first; `commit --only` takes changed and deleted ones as they are.
    if (options.newPaths !== false)
      await this.run(['--literal-pathspecs', 'add', '--all', ...pathspec], { input: list });
    const amend = options.amend ? ['--amend'] : [];
    return parseCommitSha(
      await this.run(
        ['--literal-pathspecs', 'commit', '--no-verify', ...amend, '-m', message, '--only', ...pathspec],
        {
          input: list,
        },
      ),
    );
  }

  /** Commits what is staged; returns the new short sha. */
  async commitStaged(message: string): Promise<string> {
    return parseCommitSha(await this.run(['commit', '--no-verify', '-F', '-'], { input: message }));
  }

  /**
   * Commits these paths (new or tracked) as they are in the working tree. By default on HEAD's tree
   * (`--only`: other changes stay out of the commit, whatever the index holds; git builds a second index
   * from HEAD for it). With `onIndex`, on the index as it is (`--include`): one whole-tree pass fewer, for
   * a caller that knows the index holds HEAD's tree.
   */
  async commitPaths(
    paths: string[],
    message: string,
    options: { newPaths: boolean; onIndex?: boolean },
  ): Promise<string> {
    if (options.newPaths) await this.run(['add', '--', ...paths]);
    const onto = options.onIndex ? '--include' : '--only';
    return parseCommitSha(
      await this.run(['commit', '--no-verify', '-F', '-', onto, '--', ...paths], { input: message }),
    );
  }

  /** Folds every change in the tree (untracked files too) into HEAD, with a new message. */
  async amendAll(message: string): Promise<string> {
    await this.run(['add', '-A']);
    return parseCommitSha(
      await this.run(['commit', '--amend', '--no-verify', '-F', '-'], { input: message }),
    );
  }

  /**
   * Gives `commit`, where HEAD is, a new message: the same tree, parents and author, as `commit --amend
   * --only` would, but without git reading or writing the index (on a large tree, nearly all of an
   * amend's cost). `branch` (the tree's) or, for a detached tree, HEAD moves only if it is still at
   * `commit`. Returns the new commit's short sha.
   */
  async rewordHead(commit: string, message: string, branch?: string): Promise<string> {
    const { tree, parents, author } = parseCommitHeader(
      (await this.run(['cat-file', 'commit', commit])).stdout,
    );
    const sha = (
      await this.run(['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-F', '-'], {
        input: message,
        env: { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_AUTHOR_DATE: author.date },
      })
    ).stdout.trim();
    const subject = message.split('\n', 1)[0] ?? '';
    // The ref the tree is on, named: a HEAD that something made a symref to another branch since is not
    // followed there (a detached tree moves its HEAD alone).
    const target = branch ? [`refs/heads/${branch}`] : ['--no-deref', 'HEAD'];
    await this.run(['update-ref', '-m', `commit (amend): ${subject}`, ...target, sha, commit]);
    return this.shortSha(sha);
  }

  /**
   * Applies `commit`'s change to the tree and index without committing (cherry-pick --no-commit). On a
   * conflict nothing is left applied and the conflicts are returned: each conflicting path, or what
   * `resolve` said of it. With `theirs`, lines both sides changed take `commit`'s version instead of
   * conflicting. With `resolve`, each conflicting regular file is offered to it (its version before
   * `commit`, HEAD's and `commit`'s); when it settles every one, the change applies with its texts.
   */
  async applyCommit(
    commit: string,
    options: { theirs?: boolean; resolve?: ThreeWayResolver } = {},
  ): Promise<string[]> {
    const strategy = options.theirs ? ['--strategy-option=theirs'] : [];
    const result = await this.run(['cherry-pick', '--no-commit', ...strategy, commit], {
      allowFailure: true,
    });
    if (result.exitCode === 0) return [];
    const abort = async () => {
      await this.run(['cherry-pick', '--abort'], { allowFailure: true });
      await this.run(['reset', '--hard', '--quiet', 'HEAD']);
    };
    let conflicts: string[];
    try {
      const unmerged = await this.unmergedFiles();
      conflicts = options.resolve ? await this.settle(unmerged, options.resolve) : [...unmerged.keys()];
      if (unmerged.size > 0 && conflicts.length === 0) return [];
    } catch (error) {
      await abort();
      throw error;
    }
    await abort();
    return conflicts.length > 0
      ? conflicts
      : [`(${result.stderr.trim().split('\n')[0] ?? 'cherry-pick failed'})`];
  }

  /** The index's conflicting paths, each with its stages (1 base, 2 HEAD, 3 the other side). */
  private async unmergedFiles(): Promise<Map<string, Map<number, { mode: string; blob: string }>>> {
    const { stdout } = await this.run(['ls-files', '--unmerged', '-z']);
    const files = new Map<string, Map<number, { mode: string; blob: string }>>();
    for (const entry of stdout.split('\0')) {
      const match = /^(\d+) ([0-9a-f]+) ([123])\t(.+)$/s.exec(entry);
      if (!match) continue;
      const stages = files.get(match[4]!) ?? new Map<number, { mode: string; blob: string }>();
      stages.set(Number(match[3]), { mode: match[1]!, blob: match[2]! });
      files.set(match[4]!, stages);
    }
    return files;
  }

  /**
   * Offers each conflicting file to `resolve` and stages the texts it settles; returns what stays in
   * conflict (nothing is staged then, the caller aborts). Only regular files are offered.
   */
  private async settle(
    unmerged: Map<string, Map<number, { mode: string; blob: string }>>,
    resolve: ThreeWayResolver,
  ): Promise<string[]> {
    const conflicts: string[] = [];
    const settled: { path: string; mode: string; text: string }[] = [];
    for (const [path, stages] of unmerged) {
      const regular = [...stages.values()].every((stage) => /^100(644|755)$/.test(stage.mode));
      const ours = stages.get(2) ?? stages.get(3);
      if (!regular || ours === undefined) {
        conflicts.push(path);
        continue;
      }
      const content = async (stage: number) => {
        const blob = stages.get(stage)?.blob;
        return blob === undefined ? undefined : (await this.run(['cat-file', 'blob', blob])).stdout;
      };
      const outcome = resolve({
        path,
        base: await content(1),
        ours: await content(2),
        theirs: await content(3),
      });
      if ('merged' in outcome) settled.push({ path, mode: ours.mode, text: outcome.merged });
      else conflicts.push(outcome.conflict);
    }
    if (conflicts.length > 0) return conflicts;
    for (const { path, mode, text } of settled) {
      const blob = await this.line(['hash-object', '-w', '--no-filters', '--stdin'], text);
      await this.run(['update-index', '--cacheinfo', `${mode},${blob},${path}`]);
      await this.run(['checkout-index', '--force', '--', path]);
    }
    return [];
  }

  /** Drops `paths` from the index (the files stay): the next reset writes them from the commit. */
  async forgetPaths(paths: string[]): Promise<void> {
    const literal = paths.map((path) => `:(literal)${path}`);
    await this.run(['rm', '--cached', '--quiet', '--ignore-unmatch', '--', ...literal]);
  }

  /** Moves HEAD (and the branch) to `ref`, keeping the tree and index as they are. */
  async resetSoft(ref: string): Promise<void> {
    await this.run(['reset', '--soft', '--quiet', ref]);
  }

  async resetHard(ref: string): Promise<void> {
    await this.run(['reset', '--hard', '--quiet', ref]);
  }

  /**
   * Moves HEAD, index and tree to `ref`, rewriting only the files that differ between the two commits
   * (git's two-way merge: no look at the others, unlike --hard); false, with nothing moved, when a file
   * it would rewrite differs from HEAD.
   */
  async resetKeep(ref: string): Promise<boolean> {
    return (await this.run(['reset', '--keep', '--quiet', ref], { allowFailure: true })).exitCode === 0;
  }

  /**
   * Writes `paths` (every tracked file with `all`) from the index where git does not take them for up to
   * date by their stat data (smudged entries: see smudgeEntries), and records their new stat data.
   */
  async checkOutIndex(paths: readonly string[] | 'all'): Promise<void> {
    if (paths === 'all') await this.run(['checkout-index', '--force', '--index', '--all']);
    else if (paths.length > 0)
      await this.run(['checkout-index', '--force', '--index', '-z', '--stdin'], {
        input: `${paths.join('\0')}\0`,
      });
  }

  /**
   * Removes untracked files and directories, nested repositories included (`-ff`); ignored files (e.g.
   * node_modules that eval.setup built) stay.
   */
  async removeUntracked(): Promise<void> {
    await this.run(['clean', '-ffdq']);
  }

  /** Points HEAD at `branch` (a symbolic ref), without touching the tree or index. */
  async pointHeadAt(branch: string): Promise<void> {
    await this.run(['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
  }

  /** Detaches HEAD at `commit`, moving the tree and index there and dropping local changes. */
  async checkoutDetached(commit: string): Promise<void> {
    await this.run(['checkout', '--quiet', '--detach', '--force', commit]);
  }

  /** Sets a ref to a commit (`update-ref`), or with `expected` only when it still points there. */
  async setRef(ref: string, commit: string): Promise<void> {
    await this.run(['update-ref', '--no-deref', ref, commit]);
  }

  /** Sets a symbolic ref (e.g. refs/remotes/origin/HEAD) back to its target. */
  async setSymbolicRef(ref: string, target: string): Promise<void> {
    await this.run(['symbolic-ref', ref, target]);
  }

  async deleteRef(ref: string): Promise<void> {
    await this.run(['update-ref', '--no-deref', '-d', ref], { allowFailure: true });
  }

  async createBranch(name: string, startPoint: string): Promise<void> {
    await this.run(['branch', '--no-track', name, startPoint]);
  }

  /**
   * Makes this worktree hold exactly `commit`, trusting nothing it finds: a fresh index from the commit,
   * every file compared by content (a planted index could claim a changed file is clean), what differs
   * rewritten, and everything untracked or ignored removed. HEAD must already be detached at `commit`;
   * with `branch`, it ends on that branch.
   * Reading every file once is far cheaper than writing them all (`worktree add`) in a large repository.
   */
  async checkOutVerified(commit: string, options: { branch?: string } = {}): Promise<void> {
    await this.run(['read-tree', commit]);
    // Every file is now compared with the index by content; those that differ are rewritten below.
    await this.run(['update-index', '-q', '--refresh'], { allowFailure: true });
    // With `branch` (which points at `commit`), one process puts HEAD on it and rewrites what differs;
    // git refuses when another worktree has the branch checked out.
    if (options.branch) await this.run(['checkout', '--quiet', '--force', options.branch]);
    else await this.run(['reset', '--hard', '--quiet', commit]);
    await this.run(['clean', '-ffdxq']);
  }

  /**
   * Makes this worktree hold exactly `commit` with the index it has, which autoexp left and trusts: git
   * compares the files with it by their stat data (a file changed since has a new ctime, which nothing but
   * the clock sets), rewrites what differs, and everything untracked or ignored is removed. HEAD must be
   * detached at the commit the index is of; with `branch` (which points at `commit`), it ends on it.
   */
  async checkOutTrusted(commit: string, options: { branch?: string } = {}): Promise<void> {
    if (options.branch) await this.run(['checkout', '--quiet', '--force', options.branch]);
    else await this.run(['reset', '--hard', '--quiet', commit]);
    await this.run(['clean', '-ffdxq']);
  }

  /** Adds a worktree at `path`: on `branch`, or detached at `commit`. */
  async addWorktree(path: string, at: { branch: string } | { detached: string }): Promise<void> {
    const target = 'branch' in at ? [at.branch] : ['--detach', at.detached];
    await this.run(['worktree', 'add', '--quiet', path, ...target]);
  }

  async removeWorktree(path: string): Promise<void> {
    await this.run(['worktree', 'remove', '--force', '--force', path], { allowFailure: true });
    await this.run(['worktree', 'prune'], { allowFailure: true });
  }

  /**
   * Merges `ref` into HEAD. Returns the conflicting paths (after aborting the merge) or [] on success.
   * `resolve` may settle a conflicting file: given HEAD's and `ref`'s versions (undefined where one side
   * deleted it) it returns the text to keep, or undefined. When it settles every conflict the merge is
   * committed; otherwise it is aborted and every conflicting path is returned.
   */
  async merge(ref: string, message: string, resolve?: ConflictResolver): Promise<string[]> {
    const result = await this.run(['merge', '--no-ff', '--no-edit', '-m', message, ref], {
      allowFailure: true,
    });
    if (result.exitCode === 0) return [];
    const conflicts = await this.run(['diff', '--no-ext-diff', '--name-only', '--diff-filter=U', '-z'], {
      allowFailure: true,
    });
    const paths = conflicts.stdout.split('\0').filter((path) => path.length > 0);
    try {
      if (paths.length > 0 && resolve && (await this.resolveConflicts(paths, resolve))) {
        await this.run(['commit', '--no-verify', '-F', '-'], { input: message });
        return [];
      }
    } catch (error) {
      await this.run(['merge', '--abort'], { allowFailure: true });
      throw error;
    }
    await this.run(['merge', '--abort'], { allowFailure: true });
    if (paths.length === 0)
      throw new GitError(['merge', ref], result.exitCode, result.stderr || result.stdout);
    return paths;
  }

  /** Settles conflicting paths of a merge in progress with `resolve`; true when it settled them all. */
  private async resolveConflicts(paths: readonly string[], resolve: ConflictResolver): Promise<boolean> {
    const settled: { path: string; text: string }[] = [];
    for (const path of paths) {
      // Stage 2 is HEAD's version, stage 3 the merged ref's (paths from the repository root).
      const ours = await this.showFile(':2', path);
      const theirs = await this.showFile(':3', path);
      const text = resolve(path, ours, theirs);
      if (text === undefined) return false;
      settled.push({ path, text });
    }
    for (const { path, text } of settled) {
      const blob = await this.line(['hash-object', '-w', '--no-filters', '--stdin'], text);
      await this.run(['update-index', '--cacheinfo', `100644,${blob},${path}`]);
      await this.run(['checkout-index', '--force', '--', path]);
    }
    return true;
  }

  /**
   * Commits `tree` with `parents` without touching any branch, index or working tree; returns the new
   * commit's full sha.
   */
  async commitTree(tree: string, parents: readonly string[], message: string): Promise<string> {
    const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-F', '-'];
    return (await this.run(args, { input: message })).stdout.trim();
  }

  /** The commits on `ref`'s first-parent line that changed `path`, newest first (full shas). */
  async firstParentCommitsChanging(ref: string, path: string): Promise<string[]> {
    const { stdout } = await this.run(['rev-list', '--first-parent', ref, '--', path]);
    return stdout.split('\n').filter((sha) => sha.length > 0);
  }

  /** Stages and commits everything in the tree (a fresh repository's first commit). */
  async commitEverything(message: string): Promise<void> {
    await this.run(['add', '-A']);
    await this.run(['commit', '--quiet', '--no-verify', '-F', '-'], { input: message });
  }

  // --- the network: the only calls that see credentials ---------------------------------------

  /** `prune`: remote refs under a pattern refspec without a local counterpart are deleted (`--prune`). */
  async push(remote: string, refspecs: string[], options: { prune?: boolean } = {}): Promise<GitResult> {
    const prune = options.prune ? ['--prune'] : [];
    return this.run(['push', '--porcelain', '--atomic', ...prune, remote, ...refspecs], {
      allowFailure: true,
      network: true,
    });
  }

  /**
   * Pushes `commit` to `remoteRef`, replacing what is there only when it is still `expected` (the sha
   * autoexp looked at; '' for "must not exist yet"): `--force-with-lease`, never a blind force.
   */
  async pushReplacing(
    remote: string,
    commit: string,
    remoteRef: string,
    expected: string,
  ): Promise<GitResult> {
    return this.run(
      [
        'push',
        '--porcelain',
        `--force-with-lease=${remoteRef}:${expected}`,
        remote,
        `${commit}:${remoteRef}`,
      ],
      { allowFailure: true, network: true },
    );
  }

  /**
   * Fetches into the refs `refspecs` name. No FETCH_HEAD (nothing of autoexp's reads it): git writes it
   * through a symlink, and one an eval left there would have this fetch overwrite the file it names.
   */
  async fetch(remote: string, refspecs: string[]): Promise<GitResult> {
    return this.run(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', remote, ...refspecs], {
      allowFailure: true,
      network: true,
    });
  }

  /** `git ls-remote --symref`: the remote's refs (HEAD's target included) without fetching. */
  async lsRemote(remote: string, refs: string[]): Promise<GitResult> {
    return this.run(['ls-remote', '--symref', remote, ...refs], { allowFailure: true, network: true });
  }
}

/** Parses `git status --porcelain=v2 --branch -z` output. */
export function parseStatus(stdout: string): TreeStatus {
  let head = '';
  let branch: string | undefined;
  const changed: ChangedPath[] = [];
  const ignored: string[] = [];
  for (const entry of stdout.split('\0')) {
    if (entry.startsWith('# branch.oid ')) head = entry.slice('# branch.oid '.length);
    else if (entry.startsWith('# branch.head ')) {
      const name = entry.slice('# branch.head '.length);
      branch = name === '(detached)' ? undefined : name;
    } else if (entry.startsWith('? ')) changed.push({ code: '??', path: entry.slice(2) });
    else if (entry.startsWith('! ')) ignored.push(entry.slice(2));
    else if (entry.startsWith('1 ') || entry.startsWith('u ')) {
      // "1 XY sub mH mI mW hH hI path"; unmerged "u XY sub m1 m2 m3 mW h1 h2 h3 path".
      const fields = entry.startsWith('1 ') ? 8 : 10;
      const parts = entry.split(' ');
      const mode = entry.startsWith('1 ') ? parts[5] : parts[6];
      changed.push({
        code: parts[1]!.replace(/\./g, ' '),
        path: parts.slice(fields).join(' '),
        ...(mode ? { mode } : {}),
      });
    }
  }
  return { head, branch, changed, ignored };
}

/** What a commit object's header says of its tree, parents and author (`git cat-file commit`). */
export function parseCommitHeader(object: string): {
  tree: string;
  parents: string[];
  author: { name: string; email: string; date: string };
} {
  const header = object.split('\n\n', 1)[0] ?? '';
  const fields = header.split('\n');
  const tree = fields.find((field) => field.startsWith('tree '))?.slice(5);
  const parents = fields.filter((field) => field.startsWith('parent ')).map((field) => field.slice(7));
  // git keeps `<` and `>` out of names and `>` out of emails.
  const author = /^author (.*) <([^>]*)> (\d+) ([+-]\d{4})$/m.exec(header);
  if (!tree || !author)
    throw new GitError(['cat-file', 'commit'], 0, `unexpected commit: ${header.slice(0, 200)}`);
  // `@` marks git's own "seconds since the epoch, zone" form, whatever the number.
  return {
    tree,
    parents,
    author: { name: author[1]!, email: author[2]!, date: `@${author[3]} ${author[4]}` },
  };
}

/** `[branch 1a2b3c4] message` -> `1a2b3c4` (also `[branch (root-commit) 1a2b3c4]`, `[detached HEAD 1a2b3c4]`). */
export function parseCommitSha(result: GitResult): string {
  const match = /^\[[^\]]*? ([0-9a-f]{4,64})\]/m.exec(result.stdout);
  if (!match?.[1])
    throw new GitError(['commit'], result.exitCode, `unexpected output: ${result.stdout.slice(0, 200)}`);
  return match[1];
}
