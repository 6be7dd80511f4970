// Secrets stay out of every environment block an eval can read (/proc/<pid>/environ), not only out of the
// eval's own: autoexp starts itself over without them (src/measure/hide-secrets.ts).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSecretName } from '../src/measure/hide-secrets.js';
import { checkout, GITHUB_TOKEN, runAction } from './helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { createProject, planFile, projectConfig } from './helpers/project.js';
import { GIT_IDENTITY_ENV } from './helpers/repo.js';

const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');

/** An eval that first copies every environment block it can read on the machine into `file`. */
function spyingConfig(file: string): string {
  const spy = `for p in /proc/[0-9]*; do echo "== $p"; tr '\\0' '\\n' < "$p/environ" 2>/dev/null; done > ${file}; bash evaluate.sh`;
  return projectConfig({ experiments: 1 }).replace(
    'command: bash evaluate.sh',
    `command: ${JSON.stringify(spy)}`,
  );
}

let github: FakeGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

describe('secrets out of /proc/<pid>/environ', () => {
  it('knows a secret by its name', () => {
    for (const name of [
      'GITHUB_TOKEN',
      'INPUT_GITHUB-TOKEN',
      'ACTIONS_RUNTIME_TOKEN',
      'OPENAI_API_KEY',
      'AWS_SECRET_ACCESS_KEY',
      'DB_PASSWORD',
      'NPM_TOKEN',
    ])
      expect(isSecretName(name), name).toBe(true);
    for (const name of [
      'PATH',
      'HOME',
      'KEYBOARD_LAYOUT',
      'RUNNER_TEMP',
      'GITHUB_REPOSITORY',
      'TOKENIZERS_PARALLELISM',
    ])
      expect(isSecretName(name), name).toBe(false);
  });

  it('the CLI: an eval finds no key or token in any process of the machine, and the run works', async () => {
    const seen = join(mkdtempSync(join(tmpdir(), 'autoexp-seen-')), 'environ.txt');
    const repo = createProject({ config: spyingConfig(seen) });
    const plan = planFile(['set 5']);
    const child = spawn(process.execPath, [CLI, 'run'], {
      cwd: repo.root,
      env: {
        ...process.env,
        ...GIT_IDENTITY_ENV,
        AUTOEXP_PLAN: plan,
        GITHUB_TOKEN: 'ghs_cli_token_must_not_leak',
        OPENAI_API_KEY: 'sk-cli-key-must-not-leak',
        DEPLOY_PASSWORD: 'hunter2-must-not-leak',
      },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^#1 {2}keep/m);
    const environ = readFileSync(seen, 'utf8');
    // The spy did read environment blocks (its own at least), so finding nothing means something.
    expect(environ).toContain('AUTOEXP_EXPERIMENT=');
    for (const secret of ['ghs_cli_token_must_not_leak', 'sk-cli-key-must-not-leak'])
      expect(environ).not.toContain(secret);
    // The path that carried the secrets across the restart is all that shows, and the file is gone.
    // (Where the eval runs in a PID namespace it does not see autoexp's process at all.)
    const secretsFile = /^AUTOEXP_SECRETS_FILE=(.*)$/m.exec(environ)?.[1];
    if (secretsFile !== undefined) expect(existsSync(secretsFile)).toBe(false);
    // Other secrets are passed to the eval on purpose (it may need a database password), but autoexp's
    // own block does not hold them: no process but the eval's shows the value.
    const blocks = environ.split(/^== /m).filter((block) => block.includes('hunter2-must-not-leak'));
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block).toContain('AUTOEXP_EXPERIMENT=');
    // And the eval, in a PID namespace of its own, does not even see autoexp's process.
    const autoexpBlock = environ.split(/^== /m).find((block) => block.startsWith(`/proc/${child.pid}\n`));
    expect(autoexpBlock ?? '').not.toContain('hunter2-must-not-leak');
  });

  it('the Action: an eval finds neither the github-token nor the api-key anywhere, and pushes still work', async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const seen = join(mkdtempSync(join(tmpdir(), 'autoexp-seen-')), 'environ.txt');
    const repo = createProject({ config: spyingConfig(seen) });
    const run = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: github.url,
      inputs: { 'api-key': 'sk-action-key-must-not-leak' },
      env: { AUTOEXP_PLAN: planFile(['set 5']) },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('created');
    expect(existsSync(seen)).toBe(true);
    const environ = readFileSync(seen, 'utf8');
    expect(environ).toContain('AUTOEXP_EXPERIMENT=');
    for (const secret of [GITHUB_TOKEN, 'sk-action-key-must-not-leak', 'actions_runtime_secret'])
      expect(environ).not.toContain(secret);
  });
});

describe('behind a proxy', () => {
  it('autoexp starts over with NODE_USE_ENV_PROXY even with no secret to hide, so its fetch uses the proxy', async () => {
    const seen = join(mkdtempSync(join(tmpdir(), 'autoexp-seen-')), 'env.txt');
    const config = projectConfig({ experiments: 1 }).replace(
      'command: bash evaluate.sh',
      `command: ${JSON.stringify(`echo "proxy=$NODE_USE_ENV_PROXY" > ${seen}; bash evaluate.sh`)}`,
    );
    const repo = createProject({ config });
    const env: NodeJS.ProcessEnv = { ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: planFile(['set 5']) };
    for (const [name, value] of Object.entries(process.env))
      if (!isSecretName(name) && !/proxy/i.test(name)) env[name] = value;
    env.HTTPS_PROXY = 'http://127.0.0.1:9';
    const child = spawn(process.execPath, [CLI, 'run'], { cwd: repo.root, env });
    const code = await new Promise((done) => child.on('close', done));
    expect(code).toBe(0);
    expect(readFileSync(seen, 'utf8').trim()).toBe('proxy=1');
  });
});
