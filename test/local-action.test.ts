// The action's TypeScript source run once through @github/local-action, the tool action authors use to
// debug an action on their own machine: it runs src/action/main.ts's run() under tsx with @actions/core
// and @actions/github replaced by its own stubs, reading the inputs and the runner's variables from a
// .env file. The same shallow checkout, bare origin and GitHub API stand-in as test/action.test.ts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GITHUB_TOKEN, checkout } from './helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { createProject } from './helpers/project.js';
import { git } from './helpers/repo.js';

const ROOT = resolve(import.meta.dirname, '..');
const LOCAL_ACTION = join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js');
/** tsx compiles the whole action on the fly; allow for a slow machine. */
const TIMEOUT_MS = 60_000;

let github: FakeGitHub | undefined;

afterEach(async () => {
  github?.assertNoSchemaViolations();
  await github?.close();
  github = undefined;
});

/** dotenv lines: values double-quoted (the paths have no quotes or newlines). */
function dotenv(variables: Record<string, string>): string {
  return Object.entries(variables)
    .map(([name, value]) => `${name}="${value}"`)
    .join('\n');
}

interface LocalActionRun {
  code: number | null;
  output: string;
}

/** `local-action run <repo root> src/action/main.ts <env file>`, from the repo root as its README says. */
function runLocalAction(envFile: string): Promise<LocalActionRun> {
  return new Promise((finish, fail) => {
    const child = spawn(process.execPath, [LOCAL_ACTION, 'run', ROOT, 'src/action/main.ts', envFile], {
      cwd: ROOT,
      // local-action starts tsx with `npm exec`: offline, so that it can only use the installed one.
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_offline: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`local-action did not finish in ${TIMEOUT_MS} ms:\n${output}`));
    }, TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      finish({ code, output });
    });
  });
}

/** The stubbed core.setOutput() prints `::set-output name=<name>::<value>` instead of writing GITHUB_OUTPUT. */
function printedOutputs(output: string): Record<string, string> {
  return Object.fromEntries(
    [...output.matchAll(/^::set-output name=([^:]+)::(.*)$/gm)].map((match) => [match[1], match[2]]),
  );
}

describe('the action through @github/local-action', () => {
  it('runs a session from the TypeScript source, pushes the branch and opens the summary PR', async () => {
    expect(existsSync(LOCAL_ACTION), 'npm install: @github/local-action is a dev dependency').toBe(true);
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = createProject();
    const workspace = checkout(repo.origin);
    const scratch = mkdtempSync(join(tmpdir(), 'autoexp-local-action-'));
    const home = join(scratch, 'home');
    mkdirSync(home);
    const planFile = join(scratch, 'plan.txt');
    writeFileSync(planFile, 'set 5\nset 1\n');
    const summaryFile = join(scratch, 'summary.md');
    writeFileSync(summaryFile, '');
    const envFile = join(scratch, '.env');
    writeFileSync(
      envFile,
      dotenv({
        'INPUT_GITHUB-TOKEN': GITHUB_TOKEN,
        INPUT_EXPERIMENTS: '2',
        GITHUB_WORKSPACE: workspace,
        GITHUB_REPOSITORY: 'octo/widgets',
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: scratch,
        // No git identity anywhere: the action sets its own, as on a fresh runner.
        HOME: home,
        GIT_CONFIG_NOSYSTEM: '1',
        AUTOEXP_PLAN: planFile,
        AUTOEXP_GITHUB_SPACING_MS: '0',
      }),
    );

    const run = await runLocalAction(envFile);
    expect(run.output).toContain('Running Action');
    expect(run.code, run.output).toBe(0);
    const rows = git(repo.origin, 'show', 'autoexp/quad:.autoexp/quad/results.tsv')
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    expect(rows.map((row) => row[4])).toEqual(['keep', 'keep', 'discard']);
    // The committer is the bot although HOME has no git identity.
    expect(git(repo.origin, 'log', '-1', '--format=%an', 'autoexp/quad')).toBe('github-actions[bot]');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(repo.git('rev-parse', 'main'));
    expect(github.state.pulls).toHaveLength(1);
    expect(github.state.pulls[0]?.title).toBe('autoexp(quad): score 51 → 75 (+47.1%)');
    expect(printedOutputs(run.output)).toMatchObject({
      branch: 'autoexp/quad',
      experiments: '2',
      kept: '1',
      'pull-request-operation': 'created',
      'pull-request-number': String(github.state.pulls[0]?.number),
    });
    // The stubbed core.summary writes to GITHUB_STEP_SUMMARY like the real one.
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('### This run');
    expect(summary).toContain('Pull request created');
  });
});
