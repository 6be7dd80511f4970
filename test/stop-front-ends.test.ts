// stop.target and stop.plateau through the CLI (dist/cli.js) and the Action (dist/index.js), the runner's environment and the GitHub
// API stand-in that checks every request against GitHub's OpenAPI description: a finished or paused
// program's run is green, starts no eval and says why in the job summary, the outputs and the PR; a
// collaborator's `/autoexp resume` on the summary PR resumes it, a stranger's does not.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTION, GITHUB_TOKEN, checkout, runAction } from './helpers/action-runner.js';
import { humanUser, startFakeGitHub, type FakeGitHub, type FakeUser } from './helpers/fake-github.js';
import { createProject, projectConfig, planFile as plan } from './helpers/project.js';
import { GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';

const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');

let github: FakeGitHub;
/** The stand-in a test started and afterEach closes (the CLI's test starts none). */
let running: FakeGitHub | undefined;

async function startGitHub(): Promise<void> {
  github = running = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
}

beforeAll(() => {
  for (const entry of [ACTION, CLI])
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` before the tests`);
});

afterEach(async () => {
  running?.assertNoSchemaViolations();
  await running?.close();
  running = undefined;
});

/** The project, its eval leaving a file in `marker` each time it runs. */
function project(stop: string, marker: string): TestRepo {
  const config = projectConfig({ body: `stop:\n${stop}\n` }).replace(
    'command: bash evaluate.sh',
    `command: touch ${marker}/ran-$RANDOM$RANDOM; bash evaluate.sh`,
  );
  return createProject({ config });
}

function night(repo: TestRepo, actions: string[], experiments: string) {
  return runAction({
    workspace: checkout(repo.origin),
    apiUrl: github.url,
    inputs: { experiments },
    env: { AUTOEXP_PLAN: plan(actions) },
  });
}

function comment(number: number, user: FakeUser, body: string) {
  github.state.seedIssueComment({
    issueNumber: number,
    body,
    user,
    createdAt: new Date(Date.now() + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
}

describe('the action with stop:', () => {
  it('finishes the program at stop.target: later runs are green, start no eval, and say "target reached"', async () => {
    await startGitHub();
    const marker = mkdtempSync(join(tmpdir(), 'autoexp-ran-'));
    const repo = project('  target: 96', marker);
    const first = await night(repo, ['set 8', 'set 9'], '2');
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ experiments: '1', kept: '1', stopped: 'target-reached' });
    expect(github.state.pulls[0]?.body).toContain('> **Target reached**: score 96 ≥ 96');
    const evals = readdirSync(marker).length;

    const second = await night(repo, ['', 'set 9'], '2');
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.outputs).toMatchObject({ experiments: '0', stopped: 'target-reached', best: '96' });
    expect(readdirSync(marker)).toHaveLength(evals);
    expect(second.summary).toContain('target reached: score 96');
    expect(second.stdout).toContain('::notice title=autoexp%3A target reached::');
    expect(github.state.pulls).toHaveLength(1);
    expect(github.state.pulls[0]?.body).toContain('> **Target reached**');
    rmSync(marker, { recursive: true, force: true });
  });

  it("pauses at stop.plateau; a stranger's /autoexp resume does nothing, a collaborator's resumes", async () => {
    await startGitHub();
    const marker = mkdtempSync(join(tmpdir(), 'autoexp-ran-'));
    const repo = project('  plateau: 2', marker);
    const actions = ['set 5', 'set 1', 'set 2', 'set 8'];
    const first = await night(repo, actions, '4');
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ experiments: '3', stopped: 'paused' });
    const pull = github.state.pulls[0]!;
    expect(pull.body).toContain('> **Paused**: 2 experiments in a row without a keep');
    expect(pull.body).toContain('### Lessons (`lessons.md`)');
    const evals = readdirSync(marker).length;

    comment(pull.number, humanUser('stranger', 'NONE'), '/autoexp resume');
    const stranger = await night(repo, actions, '1');
    expect(stranger.code).toBe(0);
    expect(stranger.outputs).toMatchObject({ experiments: '0', stopped: 'paused' });
    expect(stranger.summary).toContain('paused: 2 experiments in a row without a keep');
    expect(stranger.stdout).toContain('::notice title=autoexp%3A paused::');
    expect(readdirSync(marker)).toHaveLength(evals);

    comment(pull.number, humanUser('octocat', 'COLLABORATOR'), '/autoexp resume');
    const resumed = await night(repo, actions, '1');
    expect(resumed.code).toBe(0);
    expect(resumed.outputs).toMatchObject({ experiments: '1', kept: '1', stopped: '' });
    expect(resumed.stdout).toContain('the program resumes (/autoexp resume by octocat)');
    expect(readdirSync(marker).length).toBeGreaterThan(evals);
    expect(github.state.pulls[0]?.body).not.toContain('**Paused**');
    rmSync(marker, { recursive: true, force: true });
  });
});

describe('autoexp run with stop:', () => {
  it('pauses at stop.plateau, and `autoexp run --resume` goes on', () => {
    const marker = mkdtempSync(join(tmpdir(), 'autoexp-ran-'));
    const repo = project('  plateau: 2', marker);
    const run = (...flags: string[]) =>
      spawnSync(process.execPath, [CLI, 'run', '--experiments', '3', ...flags], {
        cwd: repo.root,
        env: {
          ...process.env,
          ...GIT_IDENTITY_ENV,
          AUTOEXP_PLAN: plan(['set 5', 'set 1', 'set 2', 'set 8']),
        },
        encoding: 'utf8',
      });
    const first = run();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('paused: 2 experiments in a row without a keep');
    const status = spawnSync(process.execPath, [CLI, 'status'], { cwd: repo.root, encoding: 'utf8' });
    expect(status.stdout).toContain('program:     paused: 2 experiments in a row without a keep');
    expect(status.stdout).toContain('`autoexp run --resume`');
    const evals = readdirSync(marker).length;
    const still = run();
    expect(still.stdout).toContain('0 experiments');
    expect(readdirSync(marker)).toHaveLength(evals);
    const resumed = run('--resume');
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toContain('the program resumes (autoexp run --resume)');
    expect(resumed.stdout).toMatch(/#4 {2}keep +score=96/);
    rmSync(marker, { recursive: true, force: true });
  });

  it('says "target reached" and exits 0 without running the eval once the program is finished', () => {
    const marker = mkdtempSync(join(tmpdir(), 'autoexp-ran-'));
    const repo = project('  target: 75', marker);
    const run = () =>
      spawnSync(process.execPath, [CLI, 'run', '--experiments', '2'], {
        cwd: repo.root,
        env: { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: plan(['set 5', 'set 8']) },
        encoding: 'utf8',
      });
    const first = run();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/#1 {2}keep +score=75/);
    expect(first.stdout).not.toContain('#2');
    const evals = readdirSync(marker).length;
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toContain(
      'autoexp: 0 experiments on autoexp/quad (none); target reached: score 75 ≥ 75 (stop.target) at #1',
    );
    expect(readdirSync(marker)).toHaveLength(evals);
    const status = spawnSync(process.execPath, [CLI, 'status', '--json'], {
      cwd: repo.root,
      encoding: 'utf8',
    });
    expect(JSON.parse(status.stdout)).toMatchObject({
      program: { state: 'finished', message: expect.stringMatching(/^target reached: score 75 ≥ 75/) },
    });
    const text = spawnSync(process.execPath, [CLI, 'status'], { cwd: repo.root, encoding: 'utf8' });
    expect(text.stdout).toContain('program:     target reached: score 75 ≥ 75 (stop.target) at #1');
    expect(text.stdout).toMatch(/lessons: {5}\d+ lines in \.autoexp\/quad\/lessons\.md/);
    rmSync(marker, { recursive: true, force: true });
  });
});
