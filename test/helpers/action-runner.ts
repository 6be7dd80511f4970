// Runs dist/index.js the way the Actions runner does: INPUT_* and GITHUB_* variables, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, a checkout made like actions/checkout's (shallow, with its credentials in
// .git/config), a local bare repository as origin and a local stand-in for the GitHub API.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleFromSource } from './bundle.js';
import { git } from './repo.js';

export const ACTION = resolve(import.meta.dirname, '..', '..', 'dist', 'index.js');
/** The action's TypeScript entry: tests of a change not yet in dist/ run it, bundled (bundle.ts). */
export const ACTION_SOURCE = resolve(import.meta.dirname, '..', '..', 'src', 'action', 'index.ts');

/** What actions/checkout@v4 leaves in .git/config (a dummy token). */
export const CHECKOUT_HEADER = 'AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX2NoZWNrb3V0X3NlY3JldA==';
export const GITHUB_TOKEN = 'ghs_input_token_do_not_leak';

/** A fresh shallow clone of `origin`, like actions/checkout with fetch-depth 1 and persisted credentials. */
export function checkout(origin: string, options: { credentials?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'autoexp-runner-'));
  const work = join(dir, 'work');
  git(dir, 'clone', '--quiet', '--depth', '1', '--branch', 'main', `file://${origin}`, work);
  if (options.credentials !== false)
    git(work, 'config', '--local', 'http.https://github.com/.extraheader', CHECKOUT_HEADER);
  return work;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionProcess {
  child: ReturnType<typeof spawn>;
  done: Promise<ActionRun>;
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index]!);
    if (!match) continue;
    const value: string[] = [];
    for (index++; index < lines.length && lines[index] !== match[2]; index++) value.push(lines[index]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

export function startAction(options: {
  workspace: string;
  apiUrl: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Run src/action/index.ts (bundled from src) instead of the bundle in dist/. */
  source?: boolean;
}): ActionProcess {
  const runnerDir = mkdtempSync(join(tmpdir(), 'autoexp-runner-files-'));
  const home = join(runnerDir, 'home');
  mkdirSync(home);
  const outputFile = join(runnerDir, 'output');
  const summaryFile = join(runnerDir, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputs = { 'github-token': GITHUB_TOKEN, ...options.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    // No git identity anywhere: the action must set its own, as on a fresh runner.
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: 'octo/widgets',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerDir,
    ACTIONS_RUNTIME_TOKEN: 'actions_runtime_secret',
    AUTOEXP_GITHUB_SPACING_MS: '0',
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
    ...options.env,
  };
  const entry = [options.source ? bundleFromSource(ACTION_SOURCE) : ACTION];
  const child = spawn(process.execPath, entry, {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<ActionRun>((finish) =>
    child.on('close', (code) =>
      finish({
        code,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
        summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '',
      }),
    ),
  );
  return { child, done };
}

export function runAction(options: Parameters<typeof startAction>[0]): Promise<ActionRun> {
  return startAction(options).done;
}
