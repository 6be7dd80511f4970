// Tracks: `run --track NAME` / the action's `track` input / autoexp.yml's `track:` work on
// autoexp/<tag>.<track> with a ledger of their own, as a workflow matrix runs them: one clone per job.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings } from '../src/config/load.js';
import { chooseTrack } from '../src/config/track.js';
import { ACTION, GITHUB_TOKEN, checkout, runAction } from './helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { createProject, projectConfig, planFile as plan } from './helpers/project.js';
import { GIT_IDENTITY_ENV, git, type TestRepo } from './helpers/repo.js';

const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');

beforeAll(() => {
  for (const file of [CLI, ACTION])
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the tests`);
});

let github: FakeGitHub | undefined;
afterEach(async () => {
  github?.assertNoSchemaViolations();
  await github?.close();
  github = undefined;
});

/** `node dist/cli.js …`, without blocking, so that two runs can go at once like two matrix jobs. */
function cli(cwd: string, args: string[], actions: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: plan(actions) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A second clone of the project's origin, as another runner's checkout. */
function cloneOf(repo: TestRepo): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'autoexp-clone-')), 'work');
  git(tmpdir(), 'clone', '--quiet', repo.origin, dir);
  return dir;
}

/** [experiment, status, score, description] of a ledger on a branch. */
function ledger(cwd: string, branch: string, dir: string): string[][] {
  return git(cwd, 'show', `${branch}:${dir}/results.tsv`)
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map((cells) => [cells[0]!, cells[4]!, cells[2]!, cells[5]!]);
}

describe('run --track', () => {
  it('runs two tracks at once from two clones, each on its own branch with its own ledger', async () => {
    const repo = createProject();
    const [a, b] = await Promise.all([
      cli(cloneOf(repo), ['run', '--track', 'a', '--experiments', '1', '--push'], ['set 5']),
      cli(cloneOf(repo), ['run', '--track', 'b', '--experiments', '1', '--push'], ['set 8']),
    ]);
    expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, '', 0, '']);
    expect(a.stdout).toContain('autoexp: 1 experiment on autoexp/quad.a (1 keep)');
    expect(a.stdout).toContain('ledger: .autoexp/quad.a/results.tsv on autoexp/quad.a');
    expect(ledger(repo.origin, 'autoexp/quad.a', '.autoexp/quad.a')).toEqual([
      ['0', 'keep', '51', 'baseline'],
      ['1', 'keep', '75', 'try x=5'],
    ]);
    expect(ledger(repo.origin, 'autoexp/quad.b', '.autoexp/quad.b')).toEqual([
      ['0', 'keep', '51', 'baseline'],
      ['1', 'keep', '96', 'try x=8'],
    ]);
    // Only the tracks' branches were pushed: not the tag's, not base.
    expect(git(repo.origin, 'for-each-ref', '--format=%(refname)', 'refs/heads')).toBe(
      ['refs/heads/autoexp/quad.a', 'refs/heads/autoexp/quad.b', 'refs/heads/main'].join('\n'),
    );
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(repo.git('rev-parse', 'main'));
    // Each track's branch holds its own ledger only.
    expect(git(repo.origin, 'ls-tree', '--name-only', 'autoexp/quad.a', '.autoexp/')).toBe('.autoexp/quad.a');
  });

  it('takes the track from autoexp.yml, and --track wins over it', async () => {
    const repo = createProject({ config: projectConfig({ body: 'track: fast' }) });
    const fromConfig = await cli(repo.root, ['run', '--experiments', '1'], ['set 5']);
    expect(fromConfig.code).toBe(0);
    expect(ledger(repo.root, 'autoexp/quad.fast', '.autoexp/quad.fast').map((row) => row[1])).toEqual([
      'keep',
      'keep',
    ]);
    const fromFlag = await cli(repo.root, ['run', '--track', 'slow', '--experiments', '1'], ['set 1']);
    expect(fromFlag.code).toBe(0);
    expect(ledger(repo.root, 'autoexp/quad.slow', '.autoexp/quad.slow').map((row) => row[1])).toEqual([
      'keep',
      'discard',
    ]);
    expect(repo.git('branch', '--list', 'autoexp/quad')).toBe('');
  });

  it('starts a new track from autoexp/<tag> when it exists; an existing track keeps its own line', async () => {
    const repo = createProject();
    expect((await cli(repo.root, ['run', '--experiments', '1'], ['set 5'])).code).toBe(0);
    const started = await cli(repo.root, ['run', '--track', 'a', '--experiments', '1'], ['set 1']);
    expect(started.stdout).toContain('autoexp: new track autoexp/quad.a starts from autoexp/quad');
    // Its baseline is the tag's best (x=5), not base's (x=3, score 51).
    expect(ledger(repo.root, 'autoexp/quad.a', '.autoexp/quad.a')[0]).toEqual([
      '0',
      'keep',
      '75',
      'baseline',
    ]);
    expect(() => repo.git('merge-base', '--is-ancestor', 'autoexp/quad', 'autoexp/quad.a')).not.toThrow();

    // The tag moves on; the existing track is not moved onto it.
    expect((await cli(repo.root, ['run', '--experiments', '1'], ['', 'set 8'])).code).toBe(0);
    const again = await cli(repo.root, ['run', '--track', 'a', '--experiments', '1'], ['', 'set 9']);
    expect(again.stdout).not.toContain('new track');
    expect(ledger(repo.root, 'autoexp/quad.a', '.autoexp/quad.a').map((row) => row[0])).toEqual([
      '0',
      '1',
      '2',
    ]);
    expect(() => repo.git('merge-base', '--is-ancestor', 'autoexp/quad', 'autoexp/quad.a')).toThrow();
  });

  it('refuses a track name git cannot use, as a usage error', async () => {
    const repo = createProject();
    const run = await cli(repo.root, ['run', '--track', 'Fast Lane'], []);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^autoexp: --track: "Fast Lane" is not a valid track name/);
  });
});

describe('where a track lives', () => {
  const settingsOf = (extra: string) =>
    parseSettings(`${projectConfig()}${extra}`, {
      fileName: 'autoexp.yml',
      configPath: '/repo/autoexp.yml',
      readProgram: () => undefined,
    });

  it('suffixes the tag and the results directory, explicit or default, with the track', () => {
    expect(chooseTrack(settingsOf(''), 'a').settings).toMatchObject({
      tag: 'quad.a',
      results: { dir: '.autoexp/quad.a' },
    });
    expect(chooseTrack(settingsOf('results:\n  dir: bench/ledger\n'), 'a').settings.results.dir).toBe(
      'bench/ledger.a',
    );
  });

  it('prefers the flag or input to the config key, and is not a track without either', () => {
    const configured = settingsOf('track: b\n');
    expect(configured.track).toBe('b');
    expect(chooseTrack(configured, undefined)).toMatchObject({ track: 'b', tag: 'quad' });
    expect(chooseTrack(configured, 'c').settings.tag).toBe('quad.c');
    const plain = chooseTrack(settingsOf(''), undefined);
    expect(plain.track).toBeUndefined();
    expect(plain.settings.tag).toBe('quad');
  });
});

describe('the action with input track', () => {
  it('pushes autoexp/<tag>.<track> and opens no PR, and its job summary says why', async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = createProject();
    const run = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: github.url,
      inputs: { track: 'a', experiments: '1' },
      env: { AUTOEXP_PLAN: plan(['set 5']) },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      branch: 'autoexp/quad.a',
      kept: '1',
      best: '75',
      'pull-request-operation': 'none',
    });
    expect(ledger(repo.origin, 'autoexp/quad.a', '.autoexp/quad.a').map((row) => row[1])).toEqual([
      'keep',
      'keep',
    ]);
    expect(git(repo.origin, 'branch', '--list', 'autoexp/quad')).toBe('');
    expect(github.state.pulls).toHaveLength(0);
    expect(run.summary).toContain('No pull request: a track run opens none');
    expect(run.summary).toContain('`autoexp/quad`');
  });

  it('rejects inputs that do not go together', async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = createProject();
    const run = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: github.url,
      inputs: { track: 'a', combine: 'true' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::autoexp: input combine: true needs the tracks to combine');
    expect(run.stdout).toContain('inputs track and combine');
  });
});
