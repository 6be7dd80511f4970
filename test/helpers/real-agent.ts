// What the tests of the real agent CLIs (test/claude-code.test.ts, test/codex.test.ts,
// test/gemini-cli.test.ts, test/copilot-cli.test.ts) share: the project a recipe runs on, the checks that
// the agent got the prompt file and that autoexp kept its change, and a run of the bundle
// (`node dist/cli.js run`) as an ordinary user. When the suite runs as root (a container job), that run is
// started as `nobody` with setpriv, in a repository and HOME that nobody owns; otherwise it runs as the
// suite's own user.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load.js';
import { runSession } from '../../src/session/session.js';
import { createTestRepo, type TestRepo } from './repo.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Where the pinned agent CLIs are, as a workflow's `npm install --global` puts them on PATH. */
export const AGENT_BIN = join(ROOT, 'node_modules', '.bin');
export const CLI = join(ROOT, 'dist', 'cli.js');

/**
 * The directory holding an agent CLI's executable: node_modules/.bin when the package is a dev dependency,
 * else the first directory on PATH that has it (a workflow's `npm install --global`).
 */
export function agentBin(tool: string, packageName: string): string {
  const dirs = [AGENT_BIN, ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)];
  const dir = dirs.find((candidate) => existsSync(join(candidate, tool)));
  if (!dir)
    throw new Error(`${tool} is missing: install ${packageName} (npm ci installs the pinned version)`);
  return dir;
}
export const PROGRAM = 'The hit rate peaks somewhere between 5 and 15 seconds of ttl_s: look there first.';

/** The version of the npm package whose executable `tool` in `bin` is (the agent CLI under test). */
export function installedVersion(bin: string, tool: string, packageName: string): string {
  for (let dir = dirname(realpathSync(join(bin, tool))); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name?: string;
      version: string;
    };
    if (name === packageName) return version;
  }
  throw new Error(`${join(bin, tool)} is not in an installed ${packageName}`);
}

/** A project whose eval scores ttl_s in cache_config.yaml (best at 10), with `run` as its proposer. */
export function createRecipeProject(tag: string, run: string): TestRepo {
  return createTestRepo({
    'cache_config.yaml': 'ttl_s: 3\n',
    'evaluate.sh': `set -eu
ttl=$(sed -n 's/^ttl_s: //p' cache_config.yaml)
echo "hit_rate: $((100 - (ttl - 10) * (ttl - 10)))"
`,
    'program.md': `# Research strategy\n\n${PROGRAM}\n`,
    'autoexp.yml': `tag: ${tag}
scope:
  modify: [cache_config.yaml]
eval:
  command: bash evaluate.sh
  timeout: 10s
metrics:
  - name: hit_rate
    goal: maximize
budget:
  experiments: 1
proposer:
  kind: command
  run: ${run}
`,
  });
}

/** The prompt file's text as the agent got it: autoexp's prompt for experiment 1 of `tag`, whole. */
export function expectPromptFile(texts: string[], tag: string): void {
  const prompt = texts.find((text) => text.startsWith(`# autoexp: experiment for "${tag}"`));
  expect(prompt, 'the prompt file as the first message').toBeDefined();
  expect(prompt).toContain(PROGRAM);
  expect(prompt).toContain('Change only files matching: cache_config.yaml.');
  // "$(cat …)" keeps everything but the last newline.
  expect(prompt).toMatch(/\nThis is experiment #1\.$/);
}

/** The ledger on the branch and the file kept there (`git` reads a repository another user may own). */
export function expectKept(
  repo: TestRepo,
  tag: string,
  key: string,
  git: (...args: string[]) => string = repo.git,
): void {
  const show = (path: string) => git('show', `autoexp/${tag}:${path}`);
  const rows = show(`.autoexp/${tag}/results.tsv`)
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));
  expect(rows.map((row) => [row[0], row[2], row[3]])).toEqual([
    ['0', '51', 'keep'],
    ['1', '100', 'keep'],
  ]);
  expect(show('cache_config.yaml')).toBe('ttl_s: 10');
  // Nothing else of the tree changed: the agent left no files behind.
  const changed = git('diff', '--name-only', 'main', `autoexp/${tag}`).split('\n');
  expect(changed.filter((path) => !path.startsWith(`.autoexp/${tag}/`))).toEqual(['cache_config.yaml']);
  expect(show(`.autoexp/${tag}/results.tsv`)).not.toContain(key);
}

export interface Exit {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(
  file: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Exit> {
  return new Promise((done) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env,
        timeout: options.timeoutMs ?? 50_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** A throwaway HOME for the agent (its config and state), removed after the test. */
export function throwawayHome(cleanups: (() => void)[], name: string): string {
  const home = mkdtempSync(join(tmpdir(), `autoexp-${name}-home-`));
  cleanups.push(() => rmSync(home, { recursive: true, force: true }));
  return home;
}

interface Account {
  name: string;
  uid: number;
  gid: number;
}

/** An ordinary account to run as when the suite runs as root: nobody, which every Linux has. */
function nobodyAccount(): Account | undefined {
  const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8') : '';
  const fields = passwd
    .split('\n')
    .map((line) => line.split(':'))
    .find((entry) => entry[0] === 'nobody');
  if (!fields) return undefined;
  return { name: 'nobody', uid: Number(fields[2]), gid: Number(fields[3]) };
}

function findExecutable(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .concat(['/usr/bin', '/bin', '/usr/sbin', '/sbin'])
    .map((dir) => join(dir, name))
    .find((path) => existsSync(path));
}

export interface OrdinaryUser {
  uid: number;
  /** PATH for the run: the node it can reach, then the system's directories (the agent's bin is added by the test). */
  path: string;
  /** Runs `node dist/cli.js run` in the repository as this user, after handing it the repository and HOME. */
  runBundle(repo: TestRepo, home: string, env: NodeJS.ProcessEnv): Promise<Exit>;
  /** git in a repository this user may own. */
  git(repo: TestRepo): (...args: string[]) => string;
}

/**
 * The user to run the bundle as, or a skip (with the reason, warned about) when there is none: as root,
 * nobody through setpriv, which must reach node, the bundle and every path in `executables`.
 */
export async function ordinaryUser(
  context: { skip(note?: string): never },
  label: string,
  executables: string[],
  cleanups: (() => void)[],
): Promise<OrdinaryUser> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
  const skip = (reason: string): never => {
    console.warn(`${label} as an ordinary user: skipped: ${reason}`);
    return context.skip(reason);
  };
  const root = process.getuid?.() === 0;
  const account = root ? nobodyAccount() : undefined;
  const setpriv = findExecutable('setpriv');
  if (root && !account) skip('the suite runs as root and there is no nobody account to run as');
  if (root && !setpriv) skip('the suite runs as root and setpriv (util-linux) is missing');

  let node = process.execPath;
  let prefix: string[] = [];
  if (root && account && setpriv) {
    prefix = [setpriv, `--reuid=${account.uid}`, `--regid=${account.gid}`, '--init-groups', '--'];
    // What the run needs to reach as that user: node (which starts itself over, see hide-secrets.ts),
    // the bundle and the agent. This node may sit where nobody can reach it (under /root): then use a
    // hard link to it (or a copy) in a directory that can be.
    const probe = () =>
      run(
        setpriv,
        [
          ...prefix.slice(1),
          node,
          '-e',
          'const fs = require("fs"); fs.accessSync(process.execPath, 1); fs.accessSync(process.argv[1], 4); for (const path of process.argv.slice(2)) fs.accessSync(path, 1)',
          CLI,
          ...executables,
        ],
        { cwd: tmpdir(), env: {} },
      );
    let reach = await probe();
    if (reach.code !== 0) {
      const dir = mkdtempSync(join(tmpdir(), 'autoexp-node-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      chmodSync(dir, 0o755);
      const copy = join(dir, 'node');
      try {
        linkSync(node, copy);
      } catch {
        copyFileSync(node, copy);
        chmodSync(copy, 0o755);
      }
      node = copy;
      reach = await probe();
    }
    if (reach.code !== 0)
      skip(`${account.name} cannot reach node, ${CLI} or ${executables.join(', ')}: ${reach.stderr.trim()}`);
  }

  const systemPath = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
  return {
    uid: account?.uid ?? process.getuid?.() ?? 0,
    path: [dirname(node), ...systemPath].join(delimiter),
    async runBundle(repo, home, env) {
      if (account) {
        const chown = await run('chown', ['-R', `${account.uid}:${account.gid}`, dirname(repo.root), home], {
          cwd: tmpdir(),
          env: process.env,
        });
        expect(chown.code, chown.stderr).toBe(0);
      }
      const command = [...prefix, node, CLI, 'run'];
      return run(command[0]!, command.slice(1), { cwd: repo.root, env });
    },
    git: (repo) => (account ? (...args) => repo.git('-c', 'safe.directory=*', ...args) : repo.git),
  };
}

/** One real agent CLI, as describeRealAgent tests it. */
export interface RealAgent<StandIn extends { close(): Promise<void> }> {
  /** The name docs/agents.md gives it, e.g. "Claude Code". */
  label: string;
  /** Its recipe's tool name (the project's tag and the throwaway HOME's name). */
  tool: string;
  /** Its recipe's `run:` line, as the docs show it. */
  run: string;
  /** The stand-in's API key: it must reach the stand-in and never the branch. */
  key: string;
  /** The executable an ordinary user must be able to run. */
  executable: string;
  version: string;
  /** Its own edit tool's name, for the test titles. */
  editTool: string;
  /** Where, under HOME, the CLI keeps its state (created as the user it ran as). */
  stateDir: string;
  startStandIn(): Promise<StandIn>;
  /** Anything the CLI needs in HOME before it starts (a config file). */
  prepareHome?(home: string, standIn: StandIn): void;
  environment(standIn: StandIn, home: string, path: string): NodeJS.ProcessEnv;
  /** The stand-in saw the prompt file read and the edit made with the CLI's own tool. */
  expectEdited(standIn: StandIn): void;
}

/**
 * The three tests every real agent gets: one whole experiment through runSession as this user, the same
 * through the bundle as an ordinary user, and docs/agents.md naming the version tested.
 */
export function describeRealAgent<StandIn extends { close(): Promise<void> }>(
  agent: RealAgent<StandIn>,
): void {
  const timeoutMs = 60_000;
  describe(`${agent.label}, the real CLI, as the recipe runs it`, () => {
    let standIn: StandIn | undefined;
    const cleanups: (() => void)[] = [];
    afterEach(async () => {
      await standIn?.close();
      standIn = undefined;
      for (const cleanup of cleanups.splice(0)) cleanup();
    });

    async function setUp(path: string) {
      standIn = await agent.startStandIn();
      const repo = createRecipeProject(agent.tool, agent.run);
      const home = throwawayHome(cleanups, agent.tool);
      agent.prepareHome?.(home, standIn);
      return { standIn, repo, home, env: agent.environment(standIn, home, path) };
    }

    it(
      `edits the file in scope with its own ${agent.editTool} tool and autoexp keeps it (runSession, uid ${process.getuid?.()})`,
      async () => {
        const { standIn, repo, home, env } = await setUp(process.env.PATH ?? '');
        const settings = await loadSettings(join(repo.root, 'autoexp.yml'), repo.root);
        const result = await runSession({
          settings,
          checkout: repo.root,
          baseRef: 'main',
          env,
          // An agent that hangs (waiting on a host it cannot reach, say) is stopped before the test times out.
          signal: AbortSignal.timeout(timeoutMs - 10_000),
        });
        agent.expectEdited(standIn);
        expect(result.outcomes.map((outcome) => outcome.row.status)).toEqual(['keep']);
        expectKept(repo, agent.tool, agent.key);
        // The CLI kept its state in the throwaway HOME, as this user.
        expect(statSync(join(home, agent.stateDir)).uid).toBe(process.getuid?.());
      },
      timeoutMs,
    );

    it(
      'does the same as an ordinary user, through the bundle (`node dist/cli.js run`)',
      async (context) => {
        const user = await ordinaryUser(context, agent.label, [agent.executable], cleanups);
        const { standIn, repo, home, env } = await setUp(user.path);
        const exit = await user.runBundle(repo, home, env);
        expect(exit.code, `autoexp run:\n${exit.stdout}\n${exit.stderr}`).toBe(0);
        agent.expectEdited(standIn);
        expectKept(repo, agent.tool, agent.key, user.git(repo));
        expect(statSync(join(home, agent.stateDir)).uid).toBe(user.uid);
      },
      timeoutMs,
    );

    it(`docs/agents.md names the version tested (${agent.version})`, () => {
      expect(readFileSync(join(ROOT, 'docs', 'agents.md'), 'utf8')).toContain(
        `${agent.label} ${agent.version}`,
      );
    });
  });
}
