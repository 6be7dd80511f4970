// The action with `finalize: true` (`node dist/index.js`, build first): after the night's session,
// autoexp-final/<tag> on origin holds only the best experiment's scope changes on base, and its PR is kept
// through the GitHub stand-in (every request checked against GitHub's OpenAPI description). An API that
// cannot be reached is reported as such, and quickly.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTION, GITHUB_TOKEN, checkout, runAction } from './helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { createProject, planFile as plan } from './helpers/project.js';
import { git } from './helpers/repo.js';

let github: FakeGitHub | undefined;

beforeAll(() => {
  if (!existsSync(ACTION)) throw new Error('dist/index.js is missing: run `npm run build` before the tests');
});

afterEach(async () => {
  github?.assertNoSchemaViolations();
  await github?.close();
  github = undefined;
});

const FINAL = 'autoexp-final/quad';

describe('the action with finalize: true', () => {
  it('pushes autoexp-final/<tag> with only the scope changes and keeps one PR for it, next to the summary PR', async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = createProject();
    const mainBefore = git(repo.origin, 'rev-parse', 'main');
    const first = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: github.url,
      inputs: { experiments: '2', finalize: 'true' },
      env: { AUTOEXP_PLAN: plan(['set 5', 'set 1']) },
    });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // One commit on main, changing params.txt only; the ledger stays on autoexp/quad; main untouched.
    expect(git(repo.origin, 'rev-parse', `${FINAL}^`)).toBe(mainBefore);
    expect(git(repo.origin, 'diff', '--name-only', 'main', FINAL)).toBe('params.txt');
    expect(git(repo.origin, 'show', `${FINAL}:params.txt`)).toBe('x=5');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(mainBefore);
    expect(git(repo.origin, 'log', '-1', '--format=%B', FINAL)).toContain(
      '- experiment 1: score 51 → 75 (+47.1%), try x=5',
    );

    const finalPull = github.state.pulls.find((pull) => pull.head === FINAL);
    const summaryPull = github.state.pulls.find((pull) => pull.head === 'autoexp/quad');
    expect(summaryPull).toBeDefined();
    expect(finalPull).toMatchObject({
      base: 'main',
      state: 'open',
      title: 'autoexp(quad): score 51 → 75 (+47.1%)',
    });
    expect(finalPull?.body).toContain('<!-- autoexp:final tag=quad -->');
    expect(first.outputs).toMatchObject({
      'final-branch': FINAL,
      'final-pull-request-number': String(finalPull?.number),
      'final-pull-request-url': `https://github.com/octo/widgets/pull/${finalPull?.number}`,
    });
    expect(first.summary).toContain(`Finalize: \`${FINAL}\` is on origin; pull request created`);

    // The next night keeps x=9: the final branch is replaced (it is still autoexp's own commit), its PR updated.
    const second = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: github.url,
      inputs: { experiments: '1', finalize: 'true' },
      env: { AUTOEXP_PLAN: plan(['', '', 'set 9']) },
    });
    expect(second.code).toBe(0);
    expect(git(repo.origin, 'show', `${FINAL}:params.txt`)).toBe('x=9');
    expect(git(repo.origin, 'rev-list', '--count', `main..${FINAL}`)).toBe('1');
    expect(github.state.pulls.filter((pull) => pull.head === FINAL)).toHaveLength(1);
    expect(github.state.pulls.find((pull) => pull.head === FINAL)?.title).toBe(
      'autoexp(quad): score 51 → 99 (+94.1%)',
    );
    expect(second.outputs['final-pull-request-number']).toBe(String(finalPull?.number));
  });

  it('refuses finalize on a track run, before anything runs', async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = createProject();
    const run = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: github.url,
      inputs: { finalize: 'true', track: 'a' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('inputs track and finalize: a track has no PR of its own');
    expect(git(repo.origin, 'branch', '--list', 'autoexp*')).toBe('');
  });
});

describe('the action without a reachable GitHub API', () => {
  it('says it cannot reach the API, and the night still succeeds with its experiments pushed', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const repo = createProject();
    const run = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: `http://127.0.0.1:${port}`,
      inputs: { experiments: '1' },
      env: { AUTOEXP_PLAN: plan(['set 5']) },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`cannot reach 127.0.0.1:${port}: connection refused (ECONNREFUSED)`);
    expect(run.stdout).not.toMatch(/HTTP 500|server error/);
    expect(run.summary).toContain(`cannot reach 127.0.0.1:${port}: connection refused (ECONNREFUSED)`);
    expect(git(repo.origin, 'show', 'autoexp/quad:params.txt')).toBe('x=5');
  });
});
