// `autoexp pr`: the summary PR from a user's machine, through the real Octokit client over HTTP to the
// GitHub stand-in (every request checked against GitHub's OpenAPI description). origin is a GitHub URL
// that `url.<bare>.insteadOf` sends to a local bare repository, as a user's clone of github.com would be.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CliError, runCommand, type CliIO } from '../src/cli/commands.js';
import { apiUrlFor, parseGitHubRemote } from '../src/cli/github-remote.js';
import { prCommand } from '../src/cli/pull-request.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { createProject, planFile } from './helpers/project.js';
import { GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';

const TOKEN = 'ghp_cli_token';
let github: FakeGitHub | undefined;

beforeAll(() => {
  // GitHub's spacing between writes (and the waits before a retry) shortened to nothing for the stand-in.
  process.env.AUTOEXP_GITHUB_SPACING_MS = '0';
});

afterEach(async () => {
  github?.assertNoSchemaViolations();
  await github?.close();
  github = undefined;
});

function io(cwd: string, env: Record<string, string | undefined>, plan: string[] = []) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const cli: CliIO = {
    cwd,
    env: {
      ...GIT_IDENTITY_ENV,
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AUTOEXP_PLAN: planFile(plan),
      ...env,
    },
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    signal: new AbortController().signal,
  };
  return { cli, output: () => out, errors: () => err };
}

async function pushedSession(repo: TestRepo, plan: string[]): Promise<void> {
  const { cli } = io(repo.root, {}, plan);
  const experiments = plan.filter(Boolean).length;
  expect(
    (await runCommand(cli, { config: 'autoexp.yml', experiments, push: true, remote: 'origin' })).exitCode,
  ).toBe(0);
}

/** origin becomes `url` for autoexp (and GitHub), while git still reaches the local bare repository. */
function pointOriginAt(repo: TestRepo, url: string): void {
  repo.git('config', `url.${repo.origin}.insteadOf`, url);
  repo.git('remote', 'set-url', 'origin', url);
}

async function pr(repo: TestRepo, env: Record<string, string | undefined>) {
  const run = io(repo.root, env);
  const code = await prCommand(run.cli, { config: 'autoexp.yml' });
  return { code, output: run.output(), errors: run.errors() };
}

async function prFails(repo: TestRepo, env: Record<string, string | undefined>): Promise<string> {
  const error = await prCommand(io(repo.root, env).cli, { config: 'autoexp.yml' }).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(CliError);
  return (error as Error).message;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('autoexp pr', () => {
  it('opens the summary PR, then updates that same PR after the next pushed session', async () => {
    github = await startFakeGitHub({ token: TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = createProject();
    await pushedSession(repo, ['set 5']);
    pointOriginAt(repo, 'https://github.com/octo/widgets.git');

    const first = await pr(repo, { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.url });
    expect(first.code).toBe(0);
    expect(first.output).toBe('autoexp: created #1: https://github.com/octo/widgets/pull/1\n');
    expect(github.state.pulls).toHaveLength(1);
    expect(github.state.pulls[0]).toMatchObject({
      head: 'autoexp/quad',
      base: 'main',
      draft: true,
      title: 'autoexp(quad): score 51 → 75 (+47.1%)',
    });
    expect(github.state.pulls[0]?.body).toContain('<!-- autoexp:report tag=quad -->');
    expect(github.state.pulls[0]?.labels).toEqual(['autoexp']);

    await pushedSession(repo, ['', 'set 9']);
    const second = await pr(repo, { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.url });
    expect(second.output).toBe('autoexp: updated #1: https://github.com/octo/widgets/pull/1\n');
    expect(github.state.pulls).toHaveLength(1);
    expect(github.state.pulls[0]?.title).toBe('autoexp(quad): score 51 → 99 (+94.1%)');
    expect(github.requests.filter((request) => request.operationId === 'pulls/create')).toHaveLength(1);
  });

  it('takes the token from `gh auth token` when GITHUB_TOKEN is not set', async () => {
    github = await startFakeGitHub({ token: 'gho_from_gh', owner: 'octo', repo: 'widgets' });
    const repo = createProject();
    await pushedSession(repo, ['set 5']);
    pointOriginAt(repo, 'git@github.com:octo/widgets.git');
    // The GitHub CLI's own answer to `gh auth token --hostname github.com` when logged in.
    const bin = mkdtempSync(join(tmpdir(), 'autoexp-gh-'));
    writeFileSync(
      join(bin, 'gh'),
      '#!/bin/sh\n[ "$1 $2 $3 $4" = "auth token --hostname github.com" ] && echo gho_from_gh || exit 1\n',
    );
    chmodSync(join(bin, 'gh'), 0o755);
    const result = await pr(repo, { PATH: `${bin}:${process.env.PATH}`, GITHUB_API_URL: github.url });
    expect(result.output).toBe('autoexp: created #1: https://github.com/octo/widgets/pull/1\n');
  });

  it('says what is missing or wrong: a GitHub origin, a token, the pushed branch, a valid token, an origin', async () => {
    const repo = createProject();
    // Without --push the branch exists only here.
    const { cli } = io(repo.root, {}, ['set 5']);
    await runCommand(cli, { config: 'autoexp.yml', experiments: 1, push: false, remote: 'origin' });

    expect(await prFails(repo, { GITHUB_TOKEN: TOKEN })).toMatch(
      /^origin is \/.*origin\.git, which is not a GitHub repository URL/,
    );
    pointOriginAt(repo, 'https://github.com/octo/widgets.git');
    // No GITHUB_TOKEN, and no gh on PATH.
    expect(await prFails(repo, { PATH: '/usr/bin:/bin' })).toBe(
      'no GitHub token for github.com: set GITHUB_TOKEN (a token with contents: read and pull-requests: write), ' +
        'or log in with the GitHub CLI (gh auth login)',
    );
    expect(await prFails(repo, { GITHUB_TOKEN: TOKEN })).toBe(
      'autoexp/quad is not on origin, and a PR needs it there: push it first (autoexp run --push, or git push origin autoexp/quad)',
    );
    // A token GitHub does not take.
    github = await startFakeGitHub({ token: TOKEN, owner: 'octo', repo: 'widgets' });
    repo.git('push', '--quiet', 'origin', 'autoexp/quad');
    expect(await prFails(repo, { GITHUB_TOKEN: 'ghp_revoked', GITHUB_API_URL: github.url })).toMatch(
      /^GitHub API: list pull requests failed \(HTTP 401\): Bad credentials — the token .* is missing, invalid or expired\.$/,
    );
    repo.git('remote', 'remove', 'origin');
    expect(await prFails(repo, { GITHUB_TOKEN: TOKEN })).toMatch(/^this repository has no remote "origin"/);
  });

  it('reports an API it cannot reach as such, without retrying for long', async () => {
    const repo = createProject();
    await pushedSession(repo, ['set 5']);
    pointOriginAt(repo, 'https://github.com/octo/widgets.git');
    const port = await closedPort();
    const refused = await prFails(repo, { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: `http://127.0.0.1:${port}` });
    expect(refused).toBe(
      `GitHub API: list pull requests failed: cannot reach 127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
    );

    // A GitHub Enterprise origin whose host does not resolve: the API is https://HOST/api/v3.
    pointOriginAt(repo, 'https://ghe.autoexp.invalid/octo/widgets.git');
    const unresolved = await prFails(repo, { GITHUB_TOKEN: TOKEN });
    expect(unresolved).toMatch(
      /^GitHub API: list pull requests failed: cannot reach ghe\.autoexp\.invalid: DNS lookup failed \((ENOTFOUND|EAI_AGAIN)\)$/,
    );
  });
});

describe('parseGitHubRemote', () => {
  it('reads the owner, repository and API from the URL forms git accepts', () => {
    const github = { host: 'github.com', owner: 'octo', repo: 'widgets', apiUrl: 'https://api.github.com' };
    for (const url of [
      'https://github.com/octo/widgets.git',
      'https://github.com/octo/widgets',
      'https://user:secret@github.com/octo/widgets.git/',
      'git@github.com:octo/widgets.git',
      'github.com:octo/widgets',
      'ssh://git@github.com/octo/widgets.git',
      'ssh://git@ssh.github.com:443/octo/widgets.git',
      'git://github.com/octo/widgets.git',
    ])
      expect(parseGitHubRemote(url), url).toEqual(github);
    expect(parseGitHubRemote('https://ghe.example.com/team/app.git')).toEqual({
      host: 'ghe.example.com',
      owner: 'team',
      repo: 'app',
      apiUrl: 'https://ghe.example.com/api/v3',
    });
    expect(parseGitHubRemote('git@ghe.example.com:team/my.app.git')?.repo).toBe('my.app');
    expect(apiUrlFor('octo.ghe.com')).toBe('https://api.octo.ghe.com');
  });

  it('is undefined for what is not a GitHub repository', () => {
    for (const url of [
      '/srv/git/widgets.git',
      '../origin.git',
      'file:///srv/git/widgets.git',
      'C:\\repos\\widgets.git',
      'https://gitlab.com/octo/widgets.git',
      'git@bitbucket.org:octo/widgets.git',
      'https://ghe.example.com/group/subgroup/app.git',
      'https://github.com/octo',
      'ftp://github.com/octo/widgets.git',
    ])
      expect(parseGitHubRemote(url), url).toBeUndefined();
  });
});
