// The action's failure paths as the runner sees them, run from the TypeScript source (src/action/index.ts
// under tsx): a push the remote refuses for a reason other than a race, a base origin does not have, and
// inputs that cannot mean anything. Each must say what happened and what to do, and lose no recorded row.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GITHUB_TOKEN, checkout, runAction } from './helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { createProject, projectConfig, planFile as plan } from './helpers/project.js';
import { git } from './helpers/repo.js';

let github: FakeGitHub;

afterEach(async () => {
  github?.assertNoSchemaViolations();
  await github?.close();
});

/** What GitHub answers a push to a branch a protection rule covers (pre-receive refuses it). */
const PROTECTED_BRANCH_HOOK = `#!/bin/sh
echo "error: GH006: Protected branch update failed for refs/heads/autoexp/quad." >&2
echo "error: Changes must be made through a pull request." >&2
exit 1
`;

describe('the action when the remote refuses the push', () => {
  it('says the push failed and why, names both usual causes, and never calls it a race', async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = createProject();
    writeFileSync(join(repo.origin, 'hooks', 'pre-receive'), PROTECTED_BRANCH_HOOK, { mode: 0o755 });
    const workspace = checkout(repo.origin);
    const run = await runAction({
      workspace,
      apiUrl: github.url,
      source: true,
      inputs: { experiments: '2', finalize: 'true' },
      env: { AUTOEXP_PLAN: plan(['set 5', 'set 6']) },
    });
    expect(run.code).toBe(1);
    // finalize says what stood in its way: the push, not "nothing is kept and pushed".
    expect(run.summary).toContain('no pull request: the branch could not be pushed');
    expect(run.stdout).toMatch(
      /::error::autoexp: pushing autoexp\/quad to origin failed: .*GH006: Protected branch/,
    );
    // A protection rule is as likely as a missing permission: the advice names both.
    expect(run.stdout).toMatch(/::error::.*contents: write.*branch protection rule or ruleset/);
    // The job summary tells the same story: no other run was involved.
    expect(run.summary).not.toContain('another run moved the branch');
    expect(run.summary).toMatch(/pushing the branch failed/);
    expect(run.outputs.experiments).toBe('0');
    // The baseline row is committed on the runner's branch; nothing reached origin.
    expect(git(workspace, 'show', 'autoexp/quad:.autoexp/quad/results.tsv').split('\n')).toHaveLength(2);
    expect(git(repo.origin, 'branch', '--list', 'autoexp/*')).toBe('');
  });
});

describe('the action with a base origin does not have', () => {
  it('fails before anything runs, naming the branch and how to fix it', async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = createProject({ config: `${projectConfig()}\nbase: mian\n` });
    const workspace = checkout(repo.origin);
    const run = await runAction({
      workspace,
      apiUrl: github.url,
      source: true,
      inputs: { experiments: '1' },
      env: { AUTOEXP_PLAN: plan(['set 5']) },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::autoexp: base branch "mian" does not exist on origin; set "base" in autoexp.yml to an ' +
        "existing branch, or remove it to use origin's default branch (main)",
    );
    expect(git(workspace, 'branch', '--list', 'autoexp/*')).toBe('');
    expect(git(repo.origin, 'branch', '--list', 'autoexp/*')).toBe('');
  });
});

describe('the action with a time budget of zero', () => {
  it('fails before anything runs, as autoexp.yml would', async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = createProject();
    const workspace = checkout(repo.origin);
    const run = await runAction({
      workspace,
      apiUrl: github.url,
      source: true,
      inputs: { 'time-budget': '0s' },
      env: { AUTOEXP_PLAN: plan(['set 5']) },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::autoexp: input time-budget: "0s" is zero, so no experiment would start; give a duration ' +
        'longer than 0 (e.g. 90s, 5m, 1h30m)',
    );
    expect(git(workspace, 'branch', '--list', 'autoexp/*')).toBe('');
    expect(git(repo.origin, 'branch', '--list', 'autoexp/*')).toBe('');
  });
});
