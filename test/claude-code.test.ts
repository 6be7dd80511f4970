// The Claude Code recipe of README.md and docs/agents.md with the real CLI (the pinned dev dependency, from
// node_modules/.bin as a workflow puts it on PATH), in its safe permission mode (acceptEdits): autoexp runs
// the recipe as its command proposer, the CLI talks to a local stand-in for the Anthropic API
// (test/helpers/fake-anthropic-stream.ts) that scripts the model: Read the scope file, Edit it, say done.
// So the file is changed by Claude Code's own Edit tool, under its own permission checks; autoexp keeps it.
//
// Nothing may leave this machine: ANTHROPIC_BASE_URL points at the stand-in, the CLI's non-essential
// traffic (telemetry, error reports, update checks) is switched off, its HOME and config dir are throwaway
// directories, and HTTPS_PROXY/HTTP_PROXY point at the stand-in too, which refuses and records any attempt
// to reach another host. The test asserts that the stand-in's log holds the three model turns and nothing
// else. (Without CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC, this version also tries to reach
// api.anthropic.com:443 itself, whatever ANTHROPIC_BASE_URL says: three tunnels the stand-in refuses.)
//
// Run once through runSession as the user the suite runs as (root in CI), and once as an ordinary user
// through the bundle (`node dist/cli.js run`): as root, that run is started as `nobody` with setpriv, in a
// repository and HOME that nobody owns.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config/load.js';
import { runSession } from '../src/session/session.js';
import { AGENT_RECIPES } from './fixtures/agent-recipes.js';
import {
  blockContent,
  startFakeAnthropicStream,
  toolResults,
  workingDirectory,
  type FakeAnthropicStream,
  type StreamRequest,
  type Turn,
} from './helpers/fake-anthropic-stream.js';
import { GIT_IDENTITY_ENV, createTestRepo, type TestRepo } from './helpers/repo.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const CLI = join(ROOT, 'dist', 'cli.js');
const VERSION = (
  JSON.parse(
    readFileSync(join(ROOT, 'node_modules', '@anthropic-ai', 'claude-code', 'package.json'), 'utf8'),
  ) as { version: string }
).version;
const RECIPE = AGENT_RECIPES.find((recipe) => recipe.tool === 'claude')!;
const KEY = 'sk-ant-stand-in-key-do-not-leak';
const PROGRAM = 'The hit rate peaks somewhere between 5 and 15 seconds of ttl_s: look there first.';
const TOOLS = ['Read', 'Edit', 'Write', 'Glob', 'Grep'];
const TIMEOUT_MS = 180_000;

/** The model's side: read the scope file, change ttl_s with the Edit tool, then say what it did. */
function scriptedTurns(): Turn[] {
  const scopeFile = (request: StreamRequest) => join(workingDirectory(request), 'cache_config.yaml');
  return [
    (request) => [
      { type: 'text', text: 'Reading the cache settings first.' },
      { type: 'tool_use', name: 'Read', input: { file_path: scopeFile(request) } },
    ],
    (request) => [
      {
        type: 'tool_use',
        name: 'Edit',
        input: { file_path: scopeFile(request), old_string: 'ttl_s: 3', new_string: 'ttl_s: 10' },
      },
    ],
    [{ type: 'text', text: 'Raised ttl_s from 3 to 10, where the program says the hit rate peaks.' }],
  ];
}

/** A project whose eval scores ttl_s (best at 10), with the recipe as its proposer. */
function createClaudeProject(): TestRepo {
  return createTestRepo({
    'cache_config.yaml': 'ttl_s: 3\n',
    'evaluate.sh': `set -eu
ttl=$(sed -n 's/^ttl_s: //p' cache_config.yaml)
echo "hit_rate: $((100 - (ttl - 10) * (ttl - 10)))"
`,
    'program.md': `# Research strategy\n\n${PROGRAM}\n`,
    'autoexp.yml': `tag: claude
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
  run: ${RECIPE.run}
`,
  });
}

/** The workflow step's environment: the CLI on PATH, the key, and every way out shut but the stand-in. */
function claudeEnvironment(standIn: FakeAnthropicStream, home: string, path: string): NodeJS.ProcessEnv {
  return {
    PATH: `${BIN}${delimiter}${path}`,
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    ...GIT_IDENTITY_ENV,
    ANTHROPIC_API_KEY: KEY,
    ANTHROPIC_BASE_URL: standIn.baseUrl,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
    HTTPS_PROXY: standIn.proxyUrl,
    HTTP_PROXY: standIn.proxyUrl,
    https_proxy: standIn.proxyUrl,
    http_proxy: standIn.proxyUrl,
    NO_PROXY: '127.0.0.1',
    no_proxy: '127.0.0.1',
  };
}

/** What the stand-in saw: the prompt file's text, the Read, and the tool result of a successful Edit. */
function expectEditedByClaudeCode(standIn: FakeAnthropicStream): void {
  expect(standIn.refused, 'attempts to reach another host (refused by the stand-in)').toEqual([]);
  expect(standIn.requests.map((request) => `${request.method} ${request.path.replace(/\?.*$/, '')}`)).toEqual(
    ['POST /v1/messages', 'POST /v1/messages', 'POST /v1/messages'],
  );
  for (const request of standIn.requests) {
    expect(request.key).toBe(KEY);
    expect(request.headers['user-agent']).toMatch(
      new RegExp(`^claude-cli/${VERSION.replace(/\./g, '\\.')} `),
    );
    expect(request.body?.stream).toBe(true);
  }
  const [first, second, third] = standIn.requests;

  // --tools is the whole tool set: the file tools, no Bash.
  const offered = first?.body?.tools?.map((tool) => tool.name) ?? [];
  expect(offered).toEqual(expect.arrayContaining(TOOLS));
  expect(offered).not.toContain('Bash');

  // The prompt file, whole, as the user's message: "$(cat …)" keeps everything but the last newline.
  const firstMessage = first?.body?.messages[0]?.content;
  const texts =
    typeof firstMessage === 'string' ? [firstMessage] : (firstMessage ?? []).map((b) => b.text ?? '');
  const prompt = texts.find((text) => text.startsWith('# autoexp: experiment for "claude"'));
  expect(prompt, 'the prompt file as the first message').toBeDefined();
  expect(prompt).toContain(PROGRAM);
  expect(prompt).toContain('Change only files matching: cache_config.yaml.');
  expect(prompt).toMatch(/\nThis is experiment #1\.$/);

  const tree = workingDirectory(first!);
  const [read, edit] = standIn.answers.map((answer) =>
    answer.blocks.find((block) => block.type === 'tool_use'),
  );
  const readResult = toolResults(second!);
  expect(readResult.map((block) => [block.tool_use_id, block.is_error ?? false])).toEqual([
    [read?.id, false],
  ]);
  expect(blockContent(readResult[0]!)).toContain('ttl_s: 3');

  const editResult = toolResults(third!);
  expect(editResult.map((block) => block.tool_use_id)).toEqual([edit?.id]);
  const editText = blockContent(editResult[0]!);
  expect(editResult[0]!.is_error ?? false, `the Edit was refused: ${editText}`).toBe(false);
  expect(editText).toContain(`${join(tree, 'cache_config.yaml')} has been updated successfully`);
  // Claude Code treats every path inside a .git directory as sensitive and refuses to edit it there.
  expect(tree.split('/')).not.toContain('.git');
  expect(standIn.remaining()).toBe(0);
}

/** The ledger on the branch and the file kept there (`git` reads a repository another user may own). */
function expectKept(repo: TestRepo, git: (...args: string[]) => string = repo.git): void {
  const show = (path: string) => git('show', `autoexp/claude:${path}`);
  const rows = show('.autoexp/claude/results.tsv')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));
  expect(rows.map((row) => [row[0], row[2], row[3]])).toEqual([
    ['0', '51', 'keep'],
    ['1', '100', 'keep'],
  ]);
  expect(show('cache_config.yaml')).toBe('ttl_s: 10');
  expect(show('.autoexp/claude/results.tsv')).not.toContain(KEY);
}

interface Account {
  name: string;
  uid: number;
  gid: number;
}

/** An ordinary account to run as when the suite runs as root: nobody, which every Linux has. */
function ordinaryAccount(): Account | undefined {
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

interface Exit {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Exit> {
  return new Promise((done) => {
    execFile(
      file,
      args,
      { ...options, timeout: TIMEOUT_MS - 10_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

describe('Claude Code, the real CLI, as the recipe runs it', () => {
  let standIn: FakeAnthropicStream | undefined;
  const cleanups: (() => void)[] = [];
  afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it(
    `edits the file in scope with its own Edit tool and autoexp keeps it (runSession, uid ${process.getuid?.()})`,
    async () => {
      standIn = await startFakeAnthropicStream({ key: KEY, turns: scriptedTurns() });
      const repo = createClaudeProject();
      const home = mkdtempSync(join(tmpdir(), 'autoexp-claude-home-'));
      cleanups.push(() => rmSync(home, { recursive: true, force: true }));
      const settings = await loadSettings(join(repo.root, 'autoexp.yml'), repo.root);
      const result = await runSession({
        settings,
        checkout: repo.root,
        baseRef: 'main',
        env: claudeEnvironment(standIn, home, process.env.PATH ?? ''),
        signal: new AbortController().signal,
      });

      expectEditedByClaudeCode(standIn);
      expect(result.outcomes.map((outcome) => outcome.row.status)).toEqual(['keep']);
      expectKept(repo);
      // The CLI kept its state in the throwaway config dir, as this user.
      expect(statSync(join(home, '.claude')).uid).toBe(process.getuid?.());
    },
    TIMEOUT_MS,
  );

  it(
    'does the same as an ordinary user, through the bundle (`node dist/cli.js run`)',
    async (context) => {
      if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
      const root = process.getuid?.() === 0;
      const account = root ? ordinaryAccount() : undefined;
      const setpriv = findExecutable('setpriv');
      const skip = (reason: string): never => {
        console.warn(`Claude Code as an ordinary user: skipped: ${reason}`);
        return context.skip(reason);
      };
      if (root && !account) skip('the suite runs as root and there is no nobody account to run as');
      if (root && !setpriv) skip('the suite runs as root and setpriv (util-linux) is missing');

      standIn = await startFakeAnthropicStream({ key: KEY, turns: scriptedTurns() });
      const repo = createClaudeProject();
      const home = mkdtempSync(join(tmpdir(), 'autoexp-claude-home-'));
      cleanups.push(() => rmSync(home, { recursive: true, force: true }));
      let node = process.execPath;
      let prefix: string[] = [];
      if (root && account && setpriv) {
        prefix = [setpriv, `--reuid=${account.uid}`, `--regid=${account.gid}`, '--init-groups', '--'];
        const chown = await run('chown', ['-R', `${account.uid}:${account.gid}`, dirname(repo.root), home], {
          cwd: tmpdir(),
          env: process.env,
        });
        expect(chown.code, chown.stderr).toBe(0);
        // What the run needs to reach as that user: node (which starts itself over, see hide-secrets.ts),
        // the bundle and the CLI. This node may sit where nobody can reach it (under /root): then use a
        // hard link to it (or a copy) in a directory that can be.
        const probe = () =>
          run(
            setpriv,
            [
              ...prefix.slice(1),
              node,
              '-e',
              'const fs = require("fs"); fs.accessSync(process.execPath, 1); fs.accessSync(process.argv[1], 4); fs.accessSync(process.argv[2], 1)',
              CLI,
              join(BIN, 'claude'),
            ],
            { cwd: home, env: {} },
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
          skip(`${account.name} cannot reach node, ${CLI} or ${BIN}/claude: ${reach.stderr.trim()}`);
      }

      const systemPath = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].join(
        delimiter,
      );
      const env = claudeEnvironment(standIn, home, `${dirname(node)}${delimiter}${systemPath}`);
      const command = [...prefix, node, CLI, 'run'];
      const exit = await run(command[0]!, command.slice(1), { cwd: repo.root, env });
      expect(exit.code, `autoexp run:\n${exit.stdout}\n${exit.stderr}`).toBe(0);

      expectEditedByClaudeCode(standIn);
      const git = (...args: string[]) => repo.git('-c', 'safe.directory=*', ...args);
      expectKept(repo, git);
      expect(statSync(join(home, '.claude')).uid).toBe(root ? account?.uid : process.getuid?.());
    },
    TIMEOUT_MS,
  );

  it(`docs/agents.md names the version tested (${VERSION})`, () => {
    expect(readFileSync(join(ROOT, 'docs', 'agents.md'), 'utf8')).toContain(`Claude Code ${VERSION}`);
  });
});
