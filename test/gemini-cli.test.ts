// The Gemini CLI recipe of README.md and docs/agents.md with the real CLI (the pinned dev dependency, from
// node_modules/.bin as a workflow puts it on PATH), in its safe mode (`--approval-mode auto_edit`: edits
// are approved, nothing else, and headless it offers no shell): autoexp runs the recipe as its command
// proposer, the CLI talks to a local stand-in for the Gemini API (test/helpers/fake-gemini-stream.ts) that
// scripts the model: read the scope file with read_file, change it with the CLI's own replace tool, say done.
// So the file is changed by Gemini CLI, under its own approval rules; autoexp keeps it.
//
// Nothing may leave this machine. GOOGLE_GEMINI_BASE_URL points the CLI at the stand-in. Its settings file
// (in a throwaway HOME) names the API-key login, which a user with only GEMINI_API_KEY gets without it (with
// the base URL set, the CLI would otherwise pick its "gateway" login, which headless runs refuse), and turns
// off usage statistics (without that, this version sends them to play.googleapis.com) and update checks.
// HTTPS_PROXY/HTTP_PROXY point at the stand-in, which refuses and records any attempt to reach another
// host; the test asserts there was none.
//
// Run once through runSession as the user the suite runs as (root in CI), and once as an ordinary user
// through the bundle (`node dist/cli.js run`; test/helpers/real-agent.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { expect } from 'vitest';
import { AGENT_RECIPES } from './fixtures/agent-recipes.js';
import {
  functionResponses,
  startFakeGeminiStream,
  userTexts,
  workspaceDirectory,
  type FakeGeminiStream,
  type GeminiRequest,
  type GeminiTurn,
} from './helpers/fake-gemini-stream.js';
import { AGENT_BIN, expectPromptFile, installedVersion, describeRealAgent } from './helpers/real-agent.js';
import { GIT_IDENTITY_ENV } from './helpers/repo.js';
import { closedNetworkEnv } from './helpers/stand-in-server.js';

const VERSION = installedVersion(AGENT_BIN, 'gemini', '@google/gemini-cli');
const RECIPE = AGENT_RECIPES.find((recipe) => recipe.tool === 'gemini')!;
const KEY = 'AIza-stand-in-key-do-not-leak';

/** The model's side: read the scope file, change ttl_s with the replace tool, then say what it did. */
function scriptedTurns(): GeminiTurn[] {
  const scopeFile = (request: GeminiRequest) => join(workspaceDirectory(request), 'cache_config.yaml');
  return [
    (request) => [
      { text: 'Reading the cache settings first.' },
      { functionCall: { name: 'read_file', args: { file_path: scopeFile(request) } } },
    ],
    (request) => [
      {
        functionCall: {
          name: 'replace',
          args: {
            file_path: scopeFile(request),
            instruction: 'Raise the cache TTL to 10 seconds, where the program says the hit rate peaks.',
            old_string: 'ttl_s: 3',
            new_string: 'ttl_s: 10',
          },
        },
      },
    ],
    [{ text: 'Raised ttl_s from 3 to 10, where the program says the hit rate peaks.' }],
  ];
}

/**
 * The CLI's own calls: before a turn it asks a small model how complex the task is, to pick the model
 * (its router). Answered as the schema in its system instruction asks.
 */
function sideCall(request: GeminiRequest): string | undefined {
  const system = (request.body?.systemInstruction?.parts ?? []).map((part) => part.text ?? '').join('');
  if (!system.includes('Complexity Score')) return undefined;
  return JSON.stringify({ complexity_reasoning: 'One value in one file.', complexity_score: 20 });
}

/** Gemini CLI's settings in the throwaway HOME: the API-key login, no usage statistics, no update checks. */
function writeGeminiSettings(home: string): void {
  mkdirSync(join(home, '.gemini'));
  const settings = {
    security: { auth: { selectedType: 'gemini-api-key' } },
    privacy: { usageStatisticsEnabled: false },
    general: { enableAutoUpdate: false, enableAutoUpdateNotification: false },
  };
  writeFileSync(join(home, '.gemini', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/** The workflow step's environment: the CLI on PATH, the key, and every way out shut but the stand-in. */
function geminiEnvironment(standIn: FakeGeminiStream, home: string, path: string): NodeJS.ProcessEnv {
  return {
    PATH: `${AGENT_BIN}${delimiter}${path}`,
    HOME: home,
    ...GIT_IDENTITY_ENV,
    GEMINI_API_KEY: KEY,
    GOOGLE_GEMINI_BASE_URL: standIn.baseUrl,
    ...closedNetworkEnv(standIn.proxyUrl),
  };
}

/** What the stand-in saw: the prompt file's text, the read, and the result of a successful replace. */
function expectEditedByGeminiCli(standIn: FakeGeminiStream): void {
  expect(standIn.refused, 'attempts to reach another host (refused by the stand-in)').toEqual([]);
  for (const request of standIn.requests) {
    expect(`${request.method} ${request.path}`).toMatch(
      /^POST \/v1beta\/models\/[^/:]+:(generateContent|streamGenerateContent\?alt=sse)$/,
    );
    expect(request.key).toBe(KEY);
    expect(request.headers['user-agent']).toMatch(
      new RegExp(`^GeminiCLI[^/]*/${VERSION.replace(/\./g, '\\.')}/`),
    );
  }
  const turns = standIn.requests.filter((request) => request.path.includes(':streamGenerateContent'));
  expect(turns).toHaveLength(3);
  const [first, second, third] = turns;

  // auto_edit, headless: the file tools, no shell.
  const offered = (first?.body?.tools ?? [])
    .flatMap((tool) => tool.functionDeclarations ?? [])
    .map((f) => f.name);
  expect(offered).toEqual(expect.arrayContaining(['read_file', 'replace', 'write_file']));
  expect(offered).not.toContain('run_shell_command');

  // The prompt file, whole, as the user's message.
  expectPromptFile(userTexts(first!), 'gemini');
  expect(workspaceDirectory(first!).split('/')).not.toContain('.git');

  const [read] = functionResponses(second!);
  expect(read?.name).toBe('read_file');
  expect(JSON.stringify(read?.response)).toContain('ttl_s: 3');

  const [replace] = functionResponses(third!);
  expect(replace?.name).toBe('replace');
  const replaceText = JSON.stringify(replace?.response);
  expect(replace?.response, `the replace failed: ${replaceText}`).not.toHaveProperty('error');
  expect(replaceText).toContain('Successfully modified file');
  expect(standIn.remaining()).toBe(0);
}

describeRealAgent({
  label: 'Gemini CLI',
  tool: 'gemini',
  run: RECIPE.run,
  key: KEY,
  executable: join(AGENT_BIN, 'gemini'),
  version: VERSION,
  editTool: 'replace',
  stateDir: join('.gemini', 'tmp'),
  startStandIn: () => startFakeGeminiStream({ key: KEY, turns: scriptedTurns(), sideCall }),
  prepareHome: (home) => writeGeminiSettings(home),
  environment: geminiEnvironment,
  expectEdited: expectEditedByGeminiCli,
});
