// The HTML dashboard as a workflow artifact: `node dist/index.js` uploads it through the real
// @actions/artifact client to a local artifact service, and links it from the job summary and the PR
// body. Without the service, or when the upload fails, the night still succeeds, just without the link.
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { ACTION, GITHUB_TOKEN, checkout, runAction } from './helpers/action-runner.js';
import { RUN_ID, readZip, startFakeArtifacts, type FakeArtifacts } from './helpers/fake-artifacts.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { createProject, planFile as plan } from './helpers/project.js';
import { git, type TestRepo } from './helpers/repo.js';

let github: FakeGitHub | undefined;
let artifacts: FakeArtifacts | undefined;

beforeAll(() => {
  if (!existsSync(ACTION)) throw new Error('dist/index.js is missing: run `npm run build` before the tests');
});

afterEach(async () => {
  github?.assertNoSchemaViolations();
  await github?.close();
  await artifacts?.close();
  github = undefined;
  artifacts = undefined;
});

function remoteStatuses(repo: TestRepo): string[] {
  return git(repo.origin, 'show', 'autoexp/quad:.autoexp/quad/results.tsv')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[4]!);
}

/** One night with one kept experiment, with the given artifact service variables. */
async function night(env: Record<string, string>) {
  github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
  const repo = createProject();
  const run = await runAction({
    workspace: checkout(repo.origin),
    apiUrl: github.url,
    inputs: { experiments: '1' },
    env: { AUTOEXP_PLAN: plan(['set 5']), ...env },
  });
  return { repo, run };
}

describe('the HTML dashboard artifact', () => {
  it('uploads the dashboard and links it from the job summary and the PR body', async () => {
    artifacts = await startFakeArtifacts({ firstId: 4242 });
    const { run } = await night(artifacts.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    expect(artifacts.artifacts).toHaveLength(1);
    const [artifact] = artifacts.artifacts;
    expect(artifact!.name).toBe('autoexp-quad-report');
    // A short retention: 14 days from now, not the repository's default of 90.
    const days = (Date.parse(artifact!.expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(14);
    expect(artifact!.size).toBe(String(artifact!.content.length));
    expect(artifact!.hash).toBe(`sha256:${createHash('sha256').update(artifact!.content).digest('hex')}`);
    const files = readZip(artifact!.content);
    expect([...files.keys()]).toEqual(['autoexp-quad-report.html']);
    const html = files.get('autoexp-quad-report.html')!.toString('utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('quad');

    const url = `https://github.com/octo/widgets/actions/runs/${RUN_ID}/artifacts/4242`;
    expect(run.summary).toContain(`Dashboard: [autoexp-quad-report](${url}) (HTML, download and open)`);
    expect(github!.state.pulls).toHaveLength(1);
    expect(github!.state.pulls[0]!.body).toContain(`](${url})`);
    expect(run.stdout).not.toMatch(/::warning::.*dashboard/);
  });

  it('succeeds without a link when the artifact service cannot be reached', async () => {
    artifacts = await startFakeArtifacts();
    const env = artifacts.env;
    await artifacts.close(); // the port now refuses connections
    const { repo, run } = await night(env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^::warning::autoexp: the HTML dashboard could not be uploaded, .*ECONNREFUSED/m,
    );
    expect(run.summary).not.toContain('Dashboard:');
    expect(run.outputs['pull-request-operation']).toBe('created');
    expect(github!.state.pulls[0]!.body).not.toContain('Dashboard:');
    expect(remoteStatuses(repo)).toEqual(['keep', 'keep']);
  });

  it('succeeds without a link when blob storage refuses the upload, and never finalizes it', async () => {
    artifacts = await startFakeArtifacts();
    artifacts.refuseUploads();
    // A repository whose artifacts live 5 days: asking for longer would only earn a warning.
    const { repo, run } = await night({ ...artifacts.env, GITHUB_RETENTION_DAYS: '5' });
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^::warning::.*$/gm)).toEqual([
      expect.stringMatching(/^::warning::autoexp: the HTML dashboard could not be uploaded, .*authenticate/),
    ]);
    expect(artifacts.created).toHaveLength(1);
    const days = (Date.parse(artifacts.created[0]!.expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(5);
    expect(artifacts.requests).not.toContain('FinalizeArtifact');
    expect(artifacts.artifacts).toHaveLength(0);
    expect(run.summary).not.toContain('Dashboard:');
    expect(run.summary).toContain('Pull request created');
    expect(remoteStatuses(repo)).toEqual(['keep', 'keep']);
  });

  it('says in a notice why there is no dashboard outside a GitHub runner', async () => {
    // The runner helper sets no ACTIONS_RESULTS_URL, like @github/local-action or a run on a laptop.
    const { run } = await night({});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '::notice::autoexp: the HTML dashboard is not uploaded: ACTIONS_RESULTS_URL is not set',
    );
    expect(run.stdout).not.toMatch(/::warning::/);
    expect(run.summary).not.toContain('Dashboard:');
  });
});
