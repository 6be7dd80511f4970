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
// through the bundle (`node dist/cli.js run`; test/helpers/real-agent.ts).
import { delimiter, join } from 'node:path';
import { expect } from 'vitest';
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
import { AGENT_BIN, expectPromptFile, installedVersion, describeRealAgent } from './helpers/real-agent.js';
import { GIT_IDENTITY_ENV } from './helpers/repo.js';
import { closedNetworkEnv } from './helpers/stand-in-server.js';

const VERSION = installedVersion(AGENT_BIN, 'claude', '@anthropic-ai/claude-code');
const RECIPE = AGENT_RECIPES.find((recipe) => recipe.tool === 'claude')!;
const KEY = 'sk-ant-stand-in-key-do-not-leak';
const TOOLS = ['Read', 'Edit', 'Write', 'Glob', 'Grep'];

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

/** The workflow step's environment: the CLI on PATH, the key, and every way out shut but the stand-in. */
function claudeEnvironment(standIn: FakeAnthropicStream, home: string, path: string): NodeJS.ProcessEnv {
  return {
    PATH: `${AGENT_BIN}${delimiter}${path}`,
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    ...GIT_IDENTITY_ENV,
    ANTHROPIC_API_KEY: KEY,
    ANTHROPIC_BASE_URL: standIn.baseUrl,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
    ...closedNetworkEnv(standIn.proxyUrl),
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

  // The prompt file, whole, as the user's message.
  const firstMessage = first?.body?.messages[0]?.content;
  expectPromptFile(
    typeof firstMessage === 'string' ? [firstMessage] : (firstMessage ?? []).map((b) => b.text ?? ''),
    'claude',
  );

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

describeRealAgent({
  label: 'Claude Code',
  tool: 'claude',
  run: RECIPE.run,
  key: KEY,
  executable: join(AGENT_BIN, 'claude'),
  version: VERSION,
  editTool: 'Edit',
  stateDir: '.claude',
  startStandIn: () => startFakeAnthropicStream({ key: KEY, turns: scriptedTurns() }),
  environment: claudeEnvironment,
  expectEdited: expectEditedByClaudeCode,
});
