// The GitHub Copilot CLI recipe of README.md and docs/agents.md with the real CLI (the pinned dev
// dependency, from node_modules/.bin as a workflow puts it on PATH), in its safe mode: only the file tools
// are available (`--available-tools`) and only their writes are approved (`--allow-tool=write`), no shell.
// autoexp runs the recipe as its command proposer; the CLI reads the scope file with its view tool and
// changes it with its own edit tool, under its own path checks; autoexp keeps the change.
//
// What this does not reach: GitHub's Copilot service. The recipe's CLI signs in there with the token and
// asks GitHub for the model; no local stand-in can answer that (it is HTTPS to GitHub's hosts, with no
// setting to point it elsewhere). Instead the test uses the CLI's own "bring your own key" settings
// (COPILOT_PROVIDER_*: the Anthropic API at a base URL), so the model's turns come from the Anthropic
// stand-in of test/helpers/fake-anthropic-stream.ts, and COPILOT_OFFLINE=true keeps it from signing in,
// sending telemetry or updating itself. Everything else is the recipe's line, token prefix included.
// HTTPS_PROXY/HTTP_PROXY point at the stand-in, which refuses and records any attempt to reach another
// host; the test asserts there was none.
//
// Run once through runSession as the user the suite runs as (root in CI), and once as an ordinary user
// through the bundle (`node dist/cli.js run`; test/helpers/real-agent.ts).
import { delimiter, join } from 'node:path';
import { expect } from 'vitest';
import { AGENT_RECIPES } from './fixtures/agent-recipes.js';
import {
  blockContent,
  requestText,
  startFakeAnthropicStream,
  toolResults,
  type FakeAnthropicStream,
  type StreamRequest,
  type Turn,
} from './helpers/fake-anthropic-stream.js';
import { agentBin, expectPromptFile, installedVersion, describeRealAgent } from './helpers/real-agent.js';
import { GIT_IDENTITY_ENV } from './helpers/repo.js';
import { closedNetworkEnv } from './helpers/stand-in-server.js';

const BIN = agentBin('copilot', '@github/copilot');
const VERSION = installedVersion(BIN, 'copilot', '@github/copilot');
const RECIPE = AGENT_RECIPES.find((recipe) => recipe.tool === 'copilot')!;
const KEY = 'sk-ant-stand-in-key-do-not-leak';
const GITHUB_TOKEN = 'github_pat_stand_in_copilot_requests_only';
const TOOLS = ['view', 'edit', 'create', 'grep', 'glob'];

/** The directory Copilot CLI runs in, as it tells the model ("Current working directory: …"). */
function workingDirectory(request: StreamRequest): string {
  const match = /Current working directory: (.+)/.exec(requestText(request));
  if (!match?.[1]) throw new Error('the request does not say which directory the CLI runs in');
  return match[1].trim();
}

/** The model's side: view the scope file, change ttl_s with the edit tool, then say what it did. */
function scriptedTurns(): Turn[] {
  const scopeFile = (request: StreamRequest) => join(workingDirectory(request), 'cache_config.yaml');
  return [
    (request) => [
      { type: 'text', text: 'Reading the cache settings first.' },
      { type: 'tool_use', name: 'view', input: { path: scopeFile(request) } },
    ],
    (request) => [
      {
        type: 'tool_use',
        name: 'edit',
        input: { path: scopeFile(request), old_str: 'ttl_s: 3', new_str: 'ttl_s: 10' },
      },
    ],
    [{ type: 'text', text: 'Raised ttl_s from 3 to 10, where the program says the hit rate peaks.' }],
  ];
}

/** The workflow step's environment, with the model routed to the stand-in and every other way out shut. */
function copilotEnvironment(standIn: FakeAnthropicStream, home: string, path: string): NodeJS.ProcessEnv {
  return {
    PATH: `${BIN}${delimiter}${path}`,
    HOME: home,
    ...GIT_IDENTITY_ENV,
    AUTOEXP_API_KEY: GITHUB_TOKEN,
    COPILOT_PROVIDER_TYPE: 'anthropic',
    COPILOT_PROVIDER_BASE_URL: standIn.baseUrl,
    COPILOT_PROVIDER_API_KEY: KEY,
    COPILOT_MODEL: 'claude-sonnet-4.5',
    COPILOT_OFFLINE: 'true',
    COPILOT_AUTO_UPDATE: 'false',
    ...closedNetworkEnv(standIn.proxyUrl),
  };
}

/** What the stand-in saw: the prompt file's text, the view, and the result of a successful edit. */
function expectEditedByCopilotCli(standIn: FakeAnthropicStream): void {
  expect(standIn.refused, 'attempts to reach another host (refused by the stand-in)').toEqual([]);
  expect(standIn.requests.map((request) => `${request.method} ${request.path.replace(/\?.*$/, '')}`)).toEqual(
    ['POST /v1/messages', 'POST /v1/messages', 'POST /v1/messages'],
  );
  for (const request of standIn.requests) {
    expect(request.key).toBe(KEY);
    expect(request.body?.stream).toBe(true);
  }
  const [first, second, third] = standIn.requests;

  // --available-tools is the whole tool set: the file tools, no shell.
  const offered = first?.body?.tools?.map((tool) => tool.name) ?? [];
  expect(offered.sort()).toEqual([...TOOLS].sort());

  // The prompt file, whole, in the user's message (after the date the CLI puts first).
  const firstMessage = first?.body?.messages[0]?.content;
  const texts =
    typeof firstMessage === 'string' ? [firstMessage] : (firstMessage ?? []).map((b) => b.text ?? '');
  expectPromptFile(
    texts.map((text) => text.replace(/^<current_datetime>.*<\/current_datetime>\n\n/, '')),
    'copilot',
  );

  const tree = workingDirectory(first!);
  expect(tree.split('/')).not.toContain('.git');
  const [view, edit] = standIn.answers.map((answer) =>
    answer.blocks.find((block) => block.type === 'tool_use'),
  );
  const viewResult = toolResults(second!);
  expect(viewResult.map((block) => [block.tool_use_id, block.is_error ?? false])).toEqual([
    [view?.id, false],
  ]);
  expect(blockContent(viewResult[0]!)).toContain('ttl_s: 3');

  const editResult = toolResults(third!);
  expect(editResult.map((block) => block.tool_use_id)).toEqual([edit?.id]);
  const editText = blockContent(editResult[0]!);
  // A refused edit is not marked as an error ("Permission denied because no interactive user response was
  // available"): only the success message says that the CLI wrote the file.
  expect(editText, 'the edit').toBe(`File ${join(tree, 'cache_config.yaml')} updated with changes.`);
  expect(standIn.remaining()).toBe(0);
}

describeRealAgent({
  label: 'Copilot CLI',
  tool: 'copilot',
  run: RECIPE.run,
  key: KEY,
  executable: join(BIN, 'copilot'),
  version: VERSION,
  editTool: 'edit',
  stateDir: '.copilot',
  startStandIn: () => startFakeAnthropicStream({ key: KEY, turns: scriptedTurns() }),
  environment: copilotEnvironment,
  expectEdited: expectEditedByCopilotCli,
});
