// The Codex recipe of README.md and docs/agents.md with the real CLI (the pinned dev dependency, from
// node_modules/.bin as a workflow puts it on PATH), in its safe sandbox (`--sandbox workspace-write`, no
// approval bypass): autoexp runs the recipe as its command proposer, the CLI talks to a local stand-in for
// the OpenAI Responses API (test/helpers/fake-openai-responses.ts) that scripts the model: read the scope
// file with a shell command, change it with Codex's own apply_patch tool, say done. So the file is changed
// by Codex, under its own sandbox; autoexp keeps it.
//
// Codex 0.171.0 offers the model one tool, `exec`, which runs JavaScript that calls the real tools
// (`tools.exec_command`, `tools.apply_patch`); the scripted turns are such calls.
//
// Nothing may leave this machine. The key arrives as the `api-key` input does (AUTOEXP_API_KEY, which the
// recipe renames to CODEX_API_KEY). Codex reads no base-URL variable; `openai_base_url` in its config file
// (in a throwaway HOME) points its built-in OpenAI provider at the stand-in. The same file turns off what
// would reach other hosts: analytics, the update check, and the plugin and app directories (without those,
// this version tries github.com, api.github.com and chatgpt.com). HTTPS_PROXY/HTTP_PROXY point at the
// stand-in, which refuses and records any attempt to reach another host; the test asserts there was none.
//
// Run once through runSession as the user the suite runs as (root in CI), and once as an ordinary user
// through the bundle (`node dist/cli.js run`; test/helpers/real-agent.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { expect } from 'vitest';
import { AGENT_RECIPES } from './fixtures/agent-recipes.js';
import {
  customToolOutputs,
  itemText,
  startFakeOpenAIResponses,
  userTexts,
  type FakeOpenAIResponses,
  type OutputItem,
} from './helpers/fake-openai-responses.js';
import { AGENT_BIN, expectPromptFile, installedVersion, describeRealAgent } from './helpers/real-agent.js';
import { GIT_IDENTITY_ENV } from './helpers/repo.js';
import { closedNetworkEnv } from './helpers/stand-in-server.js';

const VERSION = installedVersion(AGENT_BIN, 'codex', '@openai/codex');
const RECIPE = AGENT_RECIPES.find((recipe) => recipe.tool === 'codex')!;
const KEY = 'sk-proj-stand-in-key-do-not-leak';
const PATCH = [
  '*** Begin Patch',
  '*** Update File: cache_config.yaml',
  '@@',
  '-ttl_s: 3',
  '+ttl_s: 10',
  '*** End Patch',
  '',
].join('\n');

/** The model's side: read the scope file, patch ttl_s with apply_patch, then say what it did. */
function scriptedTurns(): OutputItem[][] {
  return [
    [
      { type: 'message', text: 'Reading the cache settings first.' },
      {
        type: 'custom_tool_call',
        name: 'exec',
        input:
          'const read = await tools.exec_command({ cmd: "cat cache_config.yaml" });\ntext(read.output);\n',
      },
    ],
    [
      {
        type: 'custom_tool_call',
        name: 'exec',
        input: `const patched = await tools.apply_patch(${JSON.stringify(PATCH)});\ntext("patched: " + JSON.stringify(patched));\n`,
      },
    ],
    [{ type: 'message', text: 'Raised ttl_s from 3 to 10, where the program says the hit rate peaks.' }],
  ];
}

/** Codex's config file in the throwaway HOME: the stand-in as the OpenAI API, and nothing else reached. */
function writeCodexConfig(home: string, standIn: FakeOpenAIResponses): void {
  mkdirSync(join(home, '.codex'));
  writeFileSync(
    join(home, '.codex', 'config.toml'),
    `openai_base_url = "${standIn.baseUrl}"
check_for_update_on_startup = false

[analytics]
enabled = false

[features]
plugins = false
remote_plugin = false
apps = false
`,
  );
}

/** The workflow step's environment: the CLI on PATH, the api-key input, every way out shut but the stand-in. */
function codexEnvironment(standIn: FakeOpenAIResponses, home: string, path: string): NodeJS.ProcessEnv {
  return {
    PATH: `${AGENT_BIN}${delimiter}${path}`,
    HOME: home,
    ...GIT_IDENTITY_ENV,
    AUTOEXP_API_KEY: KEY,
    ...closedNetworkEnv(standIn.proxyUrl),
  };
}

/** What the stand-in saw: the prompt file's text, the shell's read, and apply_patch's success. */
function expectEditedByCodex(standIn: FakeOpenAIResponses): void {
  expect(standIn.refused, 'attempts to reach another host (refused by the stand-in)').toEqual([]);
  // A WebSocket first (refused: the stand-in speaks HTTP), then one streamed POST per model turn.
  const turns = standIn.requests.filter((request) => !request.upgrade);
  expect(turns.map((request) => `${request.method} ${request.path}`)).toEqual([
    'POST /v1/responses',
    'POST /v1/responses',
    'POST /v1/responses',
  ]);
  for (const request of standIn.requests) {
    expect(request.key).toBe(KEY);
    expect(request.headers['user-agent']).toMatch(
      new RegExp(`^codex_exec/${VERSION.replace(/\./g, '\\.')} `),
    );
  }
  for (const request of turns) expect(request.body?.stream).toBe(true);
  const [first, second, third] = turns;

  // The prompt file, whole, as the user's message.
  expectPromptFile(userTexts(first!), 'codex');
  const tree = /<cwd>(.+)<\/cwd>/.exec(userTexts(first!).join('\n'))?.[1];
  expect(tree, 'the directory Codex runs in').toBeDefined();
  expect(tree!.split('/')).not.toContain('.git');

  const [read, patch] = standIn.answers.map((answer) =>
    answer.items.find((item) => item.type === 'custom_tool_call'),
  );
  const readOutputs = customToolOutputs(second!);
  expect(readOutputs.map((item) => item.call_id)).toEqual([read?.call_id]);
  expect(itemText(readOutputs[0]!)).toContain('ttl_s: 3');

  const patchOutputs = customToolOutputs(third!).filter((item) => item.call_id === patch?.call_id);
  expect(patchOutputs).toHaveLength(1);
  const patchText = itemText(patchOutputs[0]!);
  expect(patchText, `apply_patch failed: ${patchText}`).toMatch(/^Script completed/);
  expect(patchText).toContain('patched: ');
  expect(standIn.remaining()).toBe(0);
}

describeRealAgent({
  label: 'Codex',
  tool: 'codex',
  run: RECIPE.run,
  key: KEY,
  executable: join(AGENT_BIN, 'codex'),
  version: VERSION,
  editTool: 'apply_patch',
  stateDir: join('.codex', 'sessions'),
  startStandIn: () => startFakeOpenAIResponses({ key: KEY, turns: scriptedTurns() }),
  prepareHome: writeCodexConfig,
  environment: codexEnvironment,
  expectEdited: expectEditedByCodex,
});
