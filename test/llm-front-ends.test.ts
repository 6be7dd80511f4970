// The llm proposer through the front ends people use: the CLI (`node dist/cli.js`) and the Action
// (`node dist/index.js` with the runner's environment), each against a local stand-in of the model API.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTION, checkout, GITHUB_TOKEN, runAction } from './helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { editReply, startFakeLlm, type FakeLlm } from './helpers/fake-llm.js';
import { EVALUATE_SH } from './helpers/project.js';
import { createTestRepo, git, GIT_IDENTITY_ENV } from './helpers/repo.js';

const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const LLM_KEY = 'sk-llm-key-do-not-leak-42';

let llm: FakeLlm | undefined;
let github: FakeGitHub | undefined;

beforeAll(() => {
  for (const file of [CLI, ACTION])
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the tests`);
});

afterEach(async () => {
  github?.assertNoSchemaViolations();
  await Promise.all([llm?.close(), github?.close()]);
  llm = github = undefined;
});

function project(modelLines: string) {
  return createTestRepo({
    'params.txt': 'x=3\n',
    'evaluate.sh': EVALUATE_SH,
    'program.md': 'Bring x closer to the best value.\n',
    'autoexp.yml': `tag: quad
scope:
  modify: [params.txt]
eval:
  command: bash evaluate.sh
metrics:
  - name: score
    goal: maximize
budget:
  experiments: 2
proposer:
  kind: llm
${modelLines}
`,
  });
}

/** Asynchronous: the model stand-in answers from this process, so a synchronous spawn would deadlock. */
function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const replies = () => [
  editReply('x to 8', 'params.txt', [['x=3', 'x=8']]),
  editReply('x to 20', 'params.txt', [['x=8', 'x=20']]),
];

describe('the CLI with an llm proposer', () => {
  it('runs, prints the spend per experiment and in total, and status and report show it', async () => {
    llm = await startFakeLlm({ provider: 'openai', key: LLM_KEY, replies: replies() });
    const repo = project(`  provider: openai\n  model: gpt-5-mini\n  base-url: ${llm.baseUrl}`);
    const env = { ...process.env, ...GIT_IDENTITY_ENV, OPENAI_API_KEY: LLM_KEY };
    const cli = (...args: string[]) => runCli(repo.root, args, env);

    const run = await cli('run');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^#1 {2}keep +score=96 \(\+88\.2%\) +\S+ +\$0\.\d{4} +x to 8$/m);
    expect(run.stdout).toMatch(/^#2 {2}discard +score=0 .*\$0\.\d{4} +x to 20$/m);
    expect(run.stdout).toMatch(/^llm spend: \$0\.\d{4} \(\d+(\.\d+)?k? tokens in.*; \d+ out\)$/m);

    const status = await cli('status');
    expect(status.stdout).toMatch(/^llm spend: {3}\$0\.\d{4} \(/m);
    const json = JSON.parse((await cli('status', '--json')).stdout) as {
      spend: { cost_usd: number; tokens: { input: number; output: number } };
    };
    expect(json.spend.cost_usd).toBeGreaterThan(0);
    expect(json.spend.tokens.input).toBeGreaterThan(100);
    expect((await cli('report')).stdout).toMatch(/LLM spend so far: \$0\.\d{4}/);
    for (const output of [run.stdout, status.stdout, run.stderr]) expect(output).not.toContain(LLM_KEY);
  });

  it('without a key: a one-line error, exit 1', async () => {
    const repo = project('  provider: anthropic\n  model: claude-sonnet-4-6');
    const env = { ...process.env, ...GIT_IDENTITY_ENV, ANTHROPIC_API_KEY: '', AUTOEXP_API_KEY: '' };
    const run = await runCli(repo.root, ['run'], env);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      "autoexp: proposer.kind llm needs an API key: set ANTHROPIC_API_KEY (or the action's api-key input)",
    );
  });
});

describe('the Action with an llm proposer', () => {
  it('takes the key from api-key and the model and base-url from inputs; the PR and summary show the spend', async () => {
    llm = await startFakeLlm({ provider: 'anthropic', key: LLM_KEY, replies: replies() });
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = project('  provider: anthropic\n  model: claude-haiku-4-5');
    const workspace = checkout(repo.origin);
    const run = await runAction({
      workspace,
      apiUrl: github.url,
      inputs: { 'api-key': LLM_KEY, model: 'claude-sonnet-4-6', 'base-url': llm.baseUrl },
    });
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.outputs.kept).toBe('1');
    expect(llm.requests.map((request) => request.body.model)).toEqual([
      'claude-sonnet-4-6',
      'claude-sonnet-4-6',
    ]);
    expect(run.summary).toMatch(/LLM spend this run: \$0\.\d{4}/);
    const created = github.requests.find((request) => request.operationId === 'pulls/create');
    expect((created?.body as { body: string }).body).toMatch(/LLM spend so far: \$0\.\d{4}/);
    const ledger = git(repo.origin, 'show', 'autoexp/quad:.autoexp/quad/experiments/0000.jsonl');
    expect(ledger).toContain('"proposer":"llm:anthropic/claude-sonnet-4-6"');
    // ::add-mask:: is how the runner learns to hide a value; every other line must not hold one.
    const stdout = run.stdout.replace(/^::add-mask::.*$/gm, '');
    for (const text of [stdout, run.stderr, run.summary, ledger]) {
      expect(text).not.toContain(LLM_KEY);
      expect(text).not.toContain(GITHUB_TOKEN);
    }
    for (const request of llm.requests) expect(request.prompt).not.toContain(GITHUB_TOKEN);
  });

  it('a model input with a non-llm proposer is a clear input error', async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = createTestRepo({
      'params.txt': 'x=3\n',
      'evaluate.sh': EVALUATE_SH,
      'autoexp.yml':
        'tag: quad\nscope:\n  modify: [params.txt]\neval:\n  command: bash evaluate.sh\nmetrics:\n  - name: score\n    goal: maximize\n',
    });
    const run = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: github.url,
      inputs: { model: 'gpt-5' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::.*input model: applies to proposer\.kind llm, but .*autoexp\.yml has kind mutate/,
    );
  });
});
