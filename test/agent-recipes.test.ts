// The coding-agent recipes of README.md and docs/agents.md, run for real: a stand-in executable named like
// the tool (claude, codex, gemini, copilot, aider) comes first on PATH, records the arguments, prompt and environment
// it was started with, edits the file in scope and writes a description, as the real agent would.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config/load.js';
import { runSession } from '../src/session/session.js';
import { ACTION, GITHUB_TOKEN, checkout, runAction } from './helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { GIT_IDENTITY_ENV, createTestRepo, type TestRepo } from './helpers/repo.js';
import { AGENT_RECIPES, PROMPT, PROMPT_FILE, type AgentRecipe } from './fixtures/agent-recipes.js';

const ROOT = resolve(import.meta.dirname, '..');
const KEY = 'sk-agent-key-do-not-leak';
const WORKFLOW_TOKEN = 'ghs_workflow_token_do_not_leak';
const RUNTIME_TOKEN = 'actions_runtime_do_not_leak';
const PROGRAM = 'The hit rate peaks somewhere between 5 and 15 seconds of ttl_s: look there first.';

interface StubRecord {
  argv: string[];
  env: Record<string, string>;
  prompt: string;
}

interface Stub {
  bin: string;
  record(experiment: number): StubRecord;
}

function describeChange(recipe: AgentRecipe): string {
  return `${recipe.tool}: ttl_s 3 → 10, where the hit rate peaks`;
}

/** Installs a stand-in for the recipe's tool in a fresh bin directory. */
function installStub(recipe: AgentRecipe): Stub {
  const dir = mkdtempSync(join(tmpdir(), 'autoexp-agent-'));
  const bin = join(dir, 'bin');
  const records = join(dir, 'records');
  mkdirSync(bin);
  mkdirSync(records);
  const script = `#!${process.execPath}
// A stand-in for ${recipe.tool}: records what it got, then edits the scope file like a coding agent.
const { readFileSync, writeFileSync } = require('node:fs');
const env = process.env;
const record = { argv: process.argv.slice(2), env, prompt: readFileSync(env.AUTOEXP_PROMPT_FILE, 'utf8') };
writeFileSync(${JSON.stringify(records)} + '/' + env.AUTOEXP_EXPERIMENT + '.json', JSON.stringify(record));
writeFileSync('cache_config.yaml', 'ttl_s: 10\\n');
for (const file of ${JSON.stringify(recipe.leavesBehind)}) writeFileSync(file, 'left behind\\n');
writeFileSync(env.AUTOEXP_DESCRIPTION_FILE, ${JSON.stringify(describeChange(recipe))} + '\\n');
`;
  writeFileSync(join(bin, recipe.tool), script, { mode: 0o755 });
  return {
    bin,
    record: (experiment) =>
      JSON.parse(readFileSync(join(records, `${experiment}.json`), 'utf8')) as StubRecord,
  };
}

/** A project whose eval scores ttl_s (best at 10) and logs the environment it saw. */
function createAgentProject(recipe: AgentRecipe, options: { gitignore?: boolean } = {}) {
  const evalEnv = join(mkdtempSync(join(tmpdir(), 'autoexp-eval-env-')), 'env.txt');
  const gitignore: Record<string, string> =
    options.gitignore !== false && recipe.gitignore ? { '.gitignore': `${recipe.gitignore}\n` } : {};
  const repo = createTestRepo({
    'cache_config.yaml': 'ttl_s: 3\n',
    'evaluate.sh': `set -eu
env >> ${JSON.stringify(evalEnv)}
ttl=$(sed -n 's/^ttl_s: //p' cache_config.yaml)
echo "hit_rate: $((100 - (ttl - 10) * (ttl - 10)))"
`,
    'program.md': `# Research strategy\n\n${PROGRAM}\n`,
    'autoexp.yml': `tag: agents
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
  run: ${recipe.run}
`,
    ...gitignore,
  });
  return { repo, evalEnv };
}

/** A workflow step's environment: the key as the docs pass it, plus the secrets the agent must not get. */
function stepEnvironment(recipe: AgentRecipe, bin: string): NodeJS.ProcessEnv {
  const key =
    recipe.keyVia === 'env' ? { [recipe.keyVariable]: KEY } : { AUTOEXP_API_KEY: KEY, 'INPUT_API-KEY': KEY };
  return {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME,
    ...GIT_IDENTITY_ENV,
    GITHUB_TOKEN: WORKFLOW_TOKEN,
    GH_TOKEN: WORKFLOW_TOKEN,
    'INPUT_GITHUB-TOKEN': WORKFLOW_TOKEN,
    ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
    ...key,
  };
}

async function runAgentSession(repo: TestRepo, env: NodeJS.ProcessEnv) {
  const settings = await loadSettings(join(repo.root, 'autoexp.yml'), repo.root);
  return runSession({
    settings,
    checkout: repo.root,
    baseRef: 'main',
    env,
    signal: new AbortController().signal,
  });
}

function branchFile(repo: TestRepo, path: string): string {
  return repo.git('show', `autoexp/agents:${path}`);
}

function ledgerRows(repo: TestRepo): string[][] {
  return branchFile(repo, '.autoexp/agents/results.tsv')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));
}

/** Names a proposer must never see: GitHub's tokens, the action's inputs, the runner's tokens. */
function gitHubNames(env: Record<string, string>): string[] {
  return Object.keys(env).filter((name) => /^(GITHUB_TOKEN|GH_TOKEN|INPUT_.*|ACTIONS_.*)$/i.test(name));
}

describe('coding agents through the command proposer', () => {
  for (const recipe of AGENT_RECIPES) {
    it(`${recipe.name}: the agent gets its flags, the prompt and ${recipe.keyVariable}, and its change is kept`, async () => {
      const stub = installStub(recipe);
      const { repo, evalEnv } = createAgentProject(recipe);
      const result = await runAgentSession(repo, stepEnvironment(recipe, stub.bin));

      expect(result.outcomes.map((outcome) => outcome.row.status)).toEqual(['keep']);
      const record = stub.record(1);
      const prompt = record.prompt;
      // "$(cat file)" drops the trailing newlines.
      const promptArgument = prompt.replace(/\n+$/, '');
      expect(record.argv).toEqual(
        recipe.argv.map((arg) =>
          arg === PROMPT ? promptArgument : arg === PROMPT_FILE ? record.env.AUTOEXP_PROMPT_FILE : arg,
        ),
      );
      expect(prompt).toContain(PROGRAM);
      expect(prompt).toContain('cache_config.yaml');

      expect(record.env[recipe.keyVariable]).toBe(KEY);
      expect(gitHubNames(record.env)).toEqual([]);
      expect(Object.values(record.env)).not.toContain(WORKFLOW_TOKEN);
      expect(Object.values(record.env)).not.toContain(RUNTIME_TOKEN);

      expect(ledgerRows(repo).map((row) => [row[0], row[2], row[3], row[4]])).toEqual([
        ['0', '51', 'keep', 'baseline'],
        ['1', '100', 'keep', describeChange(recipe)],
      ]);
      expect(branchFile(repo, 'cache_config.yaml')).toBe('ttl_s: 10');
      expect(repo.git('ls-tree', '--name-only', 'autoexp/agents')).not.toMatch(/\.aider/);

      const written = {
        'results.tsv': branchFile(repo, '.autoexp/agents/results.tsv'),
        'experiments/0000.jsonl': branchFile(repo, '.autoexp/agents/experiments/0000.jsonl'),
        prompt,
        "the eval's environment": readFileSync(evalEnv, 'utf8'),
      };
      for (const [where, text] of Object.entries(written)) {
        for (const secret of [KEY, WORKFLOW_TOKEN, RUNTIME_TOKEN]) {
          expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
        }
      }
    });
  }

  it('aider without .aider* in .gitignore: the history files it leaves are out of scope, so nothing is kept', async () => {
    const recipe = AGENT_RECIPES.find((candidate) => candidate.tool === 'aider')!;
    const stub = installStub(recipe);
    const { repo } = createAgentProject(recipe, { gitignore: false });
    const result = await runAgentSession(repo, stepEnvironment(recipe, stub.bin));

    expect(result.outcomes.map((outcome) => [outcome.row.status, outcome.record.reason])).toEqual([
      ['invalid', 'out of scope: .aider.chat.history.md, .aider.input.history'],
    ]);
    expect(branchFile(repo, 'cache_config.yaml')).toBe('ttl_s: 3');
  });
});

describe('the docs show the recipes that are tested', () => {
  for (const recipe of AGENT_RECIPES) {
    it(`${recipe.name}: README.md and docs/agents.md quote the run line verbatim`, () => {
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const guide = readFileSync(join(ROOT, 'docs', 'agents.md'), 'utf8');
      expect(readme).toContain(`  run: ${recipe.run}\n`);
      expect(guide).toContain(`  run: ${recipe.run}\n`);
      expect(guide).toContain(recipe.keyVariable);
    });
  }

  it('every agent line in README.md and docs/ is one of these recipes, word for word', () => {
    const agents = AGENT_RECIPES.map((recipe) => recipe.tool).join('|');
    const agentLine = new RegExp(`^\\s*run: (?:[A-Z_]+="\\$AUTOEXP_API_KEY" )?(?:${agents}) `);
    const docs = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => join('docs', name))];
    const lines = docs
      .filter((path) => path.endsWith('.md'))
      .flatMap((path) =>
        readFileSync(join(ROOT, path), 'utf8')
          .split('\n')
          .filter((line) => agentLine.test(line))
          .map((line) => ({ path, run: line.replace(/^\s*run: /, '') })),
      );
    // README.md and docs/agents.md show each recipe; examples.md and workflows.md use Claude Code's.
    expect(lines.length).toBeGreaterThanOrEqual(2 * AGENT_RECIPES.length + 3);
    const recipes = AGENT_RECIPES.map((recipe) => recipe.run);
    for (const line of lines) expect(recipes, `${line.path}: ${line.run}`).toContain(line.run);
  });
});

describe('a coding agent in the action', () => {
  let github: FakeGitHub | undefined;
  afterEach(async () => {
    github?.assertNoSchemaViolations();
    await github?.close();
  });

  it('gets the api-key input (here a Copilot token) under its own name, never the github-token', async () => {
    if (!existsSync(ACTION))
      throw new Error('dist/index.js is missing: run `npm run build` before the tests');
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const recipe = AGENT_RECIPES.find((candidate) => candidate.tool === 'copilot')!;
    const copilotToken = 'github_pat_copilot_requests_only';
    const stub = installStub(recipe);
    const { repo } = createAgentProject(recipe);

    const run = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: github.url,
      inputs: { 'api-key': copilotToken },
      env: { PATH: `${stub.bin}:${process.env.PATH ?? ''}` },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.kept).toBe('1');

    const record = stub.record(1);
    expect(record.env.COPILOT_GITHUB_TOKEN).toBe(copilotToken);
    expect(record.env.AUTOEXP_API_KEY).toBe(copilotToken);
    expect(gitHubNames(record.env)).toEqual([]);
    expect(Object.values(record.env)).not.toContain(GITHUB_TOKEN);
    expect(Object.values(record.env)).not.toContain('actions_runtime_secret');
  });
});
