// The checkout actions/checkout made, readied for autoexp: a committer identity, the credentials it left
// in .git/config moved out of reach of the eval, the base and experiment branches fetched (the
// checkout may be shallow and lacks autoexp/<tag>), and authenticated pushes (docs/format.md, security).
import { lstat, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { Git } from '../git/git.js';
import { shellWords } from '../text/shell-words.js';

export const BOT_NAME = 'github-actions[bot]';
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';

export interface RepositoryPlan {
  workspace: string;
  /** e.g. https://github.com — the credentials are scoped to it. */
  serverUrl: string;
  token: string;
  branch: string;
  /** From autoexp.yml; undefined: the remote's default branch. */
  configuredBase?: string;
  /**
   * More branches to fetch into refs/remotes/origin/ when origin has them: the tag's branch a new track
   * starts from, the tracks a combine replays.
   */
  alsoFetch?: string[];
}

export interface PreparedRepository {
  git: Git;
  /** The same checkout, with the token configured for fetch and push (never in .git/config). */
  remote: Git;
  topLevel: string;
  commonDir: string;
  base: string;
  /** The ref the session starts from and merges: origin/<base>. */
  baseRef: string;
  /** autoexp/<tag> existed on origin (and the local branch now points where it does). */
  branchOnRemote: boolean;
  /** Puts back what was moved out of .git/config. Safe to call twice. */
  restoreCredentials(): Promise<void>;
}

/** One stored config entry autoexp took out of the local config while the eval runs. */
interface HiddenEntry {
  key: string;
  value: string;
}

/** A file of credentials that an entry included, removed while the eval runs. */
interface HiddenFile {
  path: string;
  content: Buffer;
  mode: number;
}

interface Hidden {
  entries: HiddenEntry[];
  files: HiddenFile[];
  /** The git dir whose config held the entries, as it was (device and inode): they go back there only. */
  gitDir: { path: string; dev: number; ino: number };
}

/**
 * Environment that makes git send the token as actions/checkout would, without writing it anywhere. An
 * origin checked out over ssh (actions/checkout's `ssh-key`) is reached over https with the token too:
 * the key stays out of reach of the eval for the whole session (hideCredentials), so autoexp never needs it.
 */
export function authEnvironment(serverUrl: string, token: string): Record<string, string> {
  if (token === '') return {};
  const server = serverUrl.replace(/\/+$/, '');
  const host = new URL(server).host;
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  const entries: [string, string][] = [
    [`http.${server}/.extraheader`, `AUTHORIZATION: basic ${basic}`],
    // Both ways git writes an ssh address of the server (a multi-valued key: each entry adds one).
    [`url.${server}/.insteadOf`, `git@${host}:`],
    [`url.${server}/.insteadOf`, `ssh://git@${host}/`],
  ];
  const environment: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], index) => {
    environment[`GIT_CONFIG_KEY_${index}`] = key;
    environment[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return environment;
}

/**
 * The key files an ssh command names (`-i <file>`, `-o IdentityFile=<file>`), with `$VAR` and `${VAR}`
 * read from the environment: actions/checkout's `ssh-key` writes the key to `$RUNNER_TEMP/<uuid>` and
 * sets `core.sshCommand` to `"/usr/bin/ssh" -i "$RUNNER_TEMP/<uuid>" …`.
 */
export function sshKeyFiles(command: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const words = shellWords(command);
  const files: string[] = [];
  words.forEach((word, index) => {
    if (word === '-i' && words[index + 1]) files.push(words[index + 1]!);
    else if (word.startsWith('-i') && word.length > 2) files.push(word.slice(2));
    const option = /^(?:-o)?IdentityFile[= ](.+)$/i.exec(word);
    if (option) files.push(option[1]!);
    else if (word === '-o' && /^IdentityFile[= ]/i.test(words[index + 1] ?? ''))
      files.push(words[index + 1]!.replace(/^IdentityFile[= ]/i, ''));
  });
  const expand = (path: string) =>
    path.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, braced: string, bare: string) => env[braced ?? bare] ?? '');
  return [...new Set(files.map(expand))].filter((path) => isAbsolute(path));
}

/**
 * Local config entries that carry credentials, with the files they lead to: `http.*.extraheader`
 * (actions/checkout up to v5); include paths whose file sets one (from v6 actions/checkout keeps the
 * header in `$RUNNER_TEMP/git-credentials-<uuid>.config` and includes it); `core.sshCommand` and the key
 * files it names (actions/checkout's `ssh-key`).
 */
async function credentialEntries(git: Git, commonDir: string): Promise<Hidden> {
  const { dev, ino } = await stat(commonDir);
  const hidden: Hidden = { entries: [], files: [], gitDir: { path: commonDir, dev, ino } };
  // Several entries may name one file (the checkout's tree and its worktrees).
  const hideFile = async (path: string, content: Buffer) => {
    if (!hidden.files.some((file) => file.path === path))
      hidden.files.push({ path, content, mode: (await stat(path)).mode & 0o7777 });
  };
  for (const { key, value } of await git.localConfig()) {
    if (/^http\..*\.extraheader$/i.test(key)) hidden.entries.push({ key, value });
    else if (/^include(if\..*)?\.path$/i.test(key)) {
      // A relative include path is relative to the config file, in the common git dir.
      const path = isAbsolute(value) ? value : join(commonDir, value);
      const included = await readFile(path).catch(() => undefined);
      if (included === undefined || !/extraheader/i.test(included.toString('utf8'))) continue;
      hidden.entries.push({ key, value });
      await hideFile(path, included);
    } else if (/^core\.sshcommand$/i.test(key)) {
      hidden.entries.push({ key, value });
      for (const path of sshKeyFiles(value)) {
        const found = await lstat(path).catch(() => undefined);
        if (found?.isFile()) await hideFile(path, await readFile(path));
      }
    }
  }
  return hidden;
}

/**
 * Takes the credentials out of the eval's reach: the entries out of .git/config, and the files they
 * include off the disk, since the eval is told RUNNER_TEMP (no secret) where actions/checkout puts its
 * file. Both are held in memory only; a session killed outright loses them, as actions/checkout's own
 * clean-up at the end of the job would.
 */
async function hideCredentials(git: Git, commonDir: string): Promise<Hidden> {
  const hidden = await credentialEntries(git, commonDir);
  const keys = new Set(hidden.entries.map((entry) => entry.key));
  for (const key of keys) await git.unsetLocalConfig(key);
  for (const file of hidden.files) await rm(file.path, { force: true });
  return hidden;
}

async function putBackCredentials(git: Git, hidden: Hidden): Promise<void> {
  for (const file of hidden.files) {
    // Whatever untrusted code left at that path goes (a link would lead the token into a file of its
    // choosing); the file is made anew, never written through.
    await rm(file.path, { recursive: true, force: true });
    await writeFile(file.path, file.content, { flag: 'wx', mode: file.mode });
  }
  if (hidden.entries.length === 0) return;
  // Into the config file they came from, never through a .git that untrusted code replaced since (a
  // gitfile or a link to a repository of its own would get the token written into its config).
  const config = join(hidden.gitDir.path, 'config');
  const dir = await lstat(hidden.gitDir.path).catch(() => undefined);
  const file = await lstat(config).catch(() => undefined);
  if (
    !dir?.isDirectory() ||
    dir.dev !== hidden.gitDir.dev ||
    dir.ino !== hidden.gitDir.ino ||
    !file?.isFile()
  )
    throw new Error(
      `${hidden.gitDir.path} was replaced while autoexp ran, so the credentials actions/checkout left in ` +
        'its config were not put back. Later steps of this job that push need a new actions/checkout',
    );
  for (const entry of hidden.entries) await git.addConfigTo(config, entry.key, entry.value);
}

/**
 * Fetches every autoexp/* branch into refs/remotes/origin/autoexp/* (actions/checkout fetched only the
 * default branch), so that the ledgers of several programs can be compared. Returns git's complaint
 * when the fetch fails instead of throwing: choosing a program then works with what is there.
 */
export async function fetchExperimentBranches(plan: {
  workspace: string;
  serverUrl: string;
  token: string;
}): Promise<string | undefined> {
  const git = Git.at(plan.workspace);
  const { commonDir } = await git.describeRepository();
  // The token goes in through the environment, as for every fetch: not twice, not via .git/config.
  const hidden = await hideCredentials(git, commonDir);
  try {
    const remote = git.withCredentials(authEnvironment(plan.serverUrl, plan.token));
    const fetched = await remote.fetch('origin', [
      '--prune',
      '+refs/heads/autoexp/*:refs/remotes/origin/autoexp/*',
    ]);
    return fetched.exitCode === 0
      ? undefined
      : fetched.stderr.trim() || `git fetch exited ${fetched.exitCode}`;
  } finally {
    await putBackCredentials(git, hidden);
  }
}

function missingBaseMessage(base: string, defaultBranch: string | undefined): string {
  const fallback = defaultBranch === undefined ? '' : ` (${defaultBranch})`;
  return (
    `base branch "${base}" does not exist on origin; set "base" in autoexp.yml to an existing branch, ` +
    `or remove it to use origin's default branch${fallback}`
  );
}

/** The remote's default branch and which of `branches` exist there, in one round trip. */
async function lookAtRemote(
  remote: Git,
  branches: string[],
): Promise<{ defaultBranch?: string; has: (branch: string) => boolean }> {
  const heads = branches.map((branch) => `refs/heads/${branch}`);
  const result = await remote.lsRemote('origin', ['HEAD', ...heads]);
  if (result.exitCode !== 0) {
    throw new Error(
      `cannot reach origin: ${result.stderr.trim() || `git ls-remote exited ${result.exitCode}`}`,
    );
  }
  const symref = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(result.stdout);
  return {
    defaultBranch: symref?.[1],
    has: (branch) => result.stdout.includes(`\trefs/heads/${branch}\n`),
  };
}

export async function prepareRepository(plan: RepositoryPlan): Promise<PreparedRepository> {
  const git = Git.at(plan.workspace);
  const { topLevel, commonDir } = await git.describeRepository();
  if (!(await git.hasIdentity())) {
    await git.setLocalConfig('user.name', BOT_NAME);
    await git.setLocalConfig('user.email', BOT_EMAIL);
  }
  const hidden = await hideCredentials(git, commonDir);
  let restored = false;
  const restoreCredentials = async () => {
    if (restored) return;
    restored = true;
    await putBackCredentials(git, hidden);
  };

  try {
    const remote = git.withCredentials(authEnvironment(plan.serverUrl, plan.token));
    const alsoFetch = plan.alsoFetch ?? [];
    const configured = plan.configuredBase === undefined ? [] : [plan.configuredBase];
    const seen = await lookAtRemote(remote, [plan.branch, ...alsoFetch, ...configured]);
    const hasBranch = seen.has(plan.branch);
    const base = plan.configuredBase ?? seen.defaultBranch;
    if (base === undefined)
      throw new Error('cannot tell the default branch of origin; set "base" in autoexp.yml');
    // Checked here, in words: git's own "couldn't find remote ref" (or "invalid refspec" for a name like
    // main~1) would say what failed but not what to change.
    if (plan.configuredBase !== undefined && !seen.has(base))
      throw new Error(missingBaseMessage(base, seen.defaultBranch));

    const refspecs = [`+refs/heads/${base}:refs/remotes/origin/${base}`];
    for (const branch of [plan.branch, ...alsoFetch].filter(seen.has))
      refspecs.push(`+refs/heads/${branch}:refs/remotes/origin/${branch}`);
    // Merging base into the branch needs their common history: a shallow checkout does not have it.
    const shallow = await git.isShallow();
    const fetched = await remote.fetch('origin', shallow ? ['--unshallow', ...refspecs] : refspecs);
    if (fetched.exitCode !== 0) throw new Error(`git fetch from origin failed: ${fetched.stderr.trim()}`);
    if (hasBranch) {
      await git.setRef(`refs/heads/${plan.branch}`, `refs/remotes/origin/${plan.branch}`);
    }
    return {
      git,
      remote,
      topLevel,
      commonDir,
      base,
      baseRef: `origin/${base}`,
      branchOnRemote: hasBranch,
      restoreCredentials,
    };
  } catch (error) {
    await restoreCredentials();
    throw error;
  }
}
