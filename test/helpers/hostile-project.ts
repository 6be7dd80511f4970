// The plumbing of the hostile suites (test/hostile*.test.ts): a project whose proposer runs the shell step
// planned for each experiment and whose eval may run an attack after its honest score.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSettings } from '../../src/config/load.js';
import { runSession, type SessionOptions, type SessionResult } from '../../src/session/session.js';
import { expect } from 'vitest';
import { bundleFromSource } from './bundle.js';
import { GIT_IDENTITY_ENV, type TestRepo } from './repo.js';

export interface Project {
  repo: TestRepo;
  /** Where attacks leave markers, pids and outside files (outside the repository). */
  scratch: string;
  /** main when the project was made. */
  base: string;
  pids: string;
  runs: string;
}

export function scriptFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, `set -u\n${text}\n`);
  return path;
}

export function planDir(project: Project, steps: readonly (string | undefined)[]): string {
  const dir = mkdtempSync(join(project.scratch, 'plan-'));
  steps.forEach((step, index) => {
    if (step !== undefined) scriptFile(dir, `${index + 1}.sh`, step);
  });
  return dir;
}

export function sessionEnv(
  project: Project,
  steps: readonly (string | undefined)[],
  options: { evalAttack?: string; env?: Record<string, string> } = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  return {
    ...env,
    ...GIT_IDENTITY_ENV,
    HOSTILE_PLAN: planDir(project, steps),
    HOSTILE_DIR: project.scratch,
    HOSTILE_PIDS: project.pids,
    HOSTILE_RUNS: project.runs,
    ...(options.evalAttack !== undefined
      ? {
          HOSTILE_EVAL: scriptFile(
            mkdtempSync(join(project.scratch, 'eval-')),
            'attack.sh',
            options.evalAttack,
          ),
        }
      : {}),
    ...options.env,
  };
}

export async function session(
  project: Project,
  steps: readonly (string | undefined)[],
  options: {
    evalAttack?: string;
    env?: Record<string, string>;
    experiments?: number;
    overrides?: Partial<SessionOptions>;
  } = {},
): Promise<SessionResult> {
  const settings = await loadSettings(join(project.repo.root, 'autoexp.yml'), project.repo.root);
  return runSession({
    settings,
    checkout: project.repo.root,
    baseRef: 'main',
    env: sessionEnv(project, steps, options),
    signal: new AbortController().signal,
    experiments: options.experiments ?? steps.length,
    ...options.overrides,
  });
}

const ROOT = resolve(import.meta.dirname, '..', '..');

export async function waitFor(what: string, done: () => boolean, ms = 20_000): Promise<void> {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
}

/** The CLI built from src/ (not dist/, which may lag behind), bundled once per run of this file. */
export function cliFromSource(): Promise<string> {
  return Promise.resolve(bundleFromSource(join(ROOT, 'src', 'cli', 'bin.ts')));
}

const BRANCH = 'autoexp/quad';
const LEDGER = '.autoexp/quad';
const KEPT = ['keep', 'explore'];

/**
 * Every commit on the branch since `base` is a ledger commit (only files of the ledger) or a kept
 * candidate named by a keep row; as many ledger commits as rows, numbered 0, 1, 2, … without gaps.
 */
export function expectLedgerWholeIn(
  project: Project,
  rows: readonly { experiment: number; commit: string; status: string }[],
): void {
  const { repo } = project;
  expect(rows.map((entry) => entry.experiment)).toEqual(rows.map((_, index) => index));
  const commits = repo
    .git('rev-list', '--no-merges', `${project.base}..${BRANCH}`)
    .split('\n')
    .filter(Boolean);
  let ledgerCommits = 0;
  for (const commit of commits) {
    const files = repo
      .git('diff-tree', '--no-commit-id', '--name-only', '-r', commit)
      .split('\n')
      .filter(Boolean);
    if (files.length > 0 && files.every((file) => file.startsWith(`${LEDGER}/`))) {
      ledgerCommits++;
      continue;
    }
    const subject = repo.git('log', '-1', '--format=%s', commit);
    const kept = rows.some(
      (entry) => KEPT.includes(entry.status) && entry.commit.length >= 4 && commit.startsWith(entry.commit),
    );
    expect(kept, `${commit.slice(0, 10)} "${subject}" (${files.join(', ')}) has no keep row`).toBe(true);
  }
  expect(ledgerCommits, 'ledger commits vs rows').toBe(rows.length);
}

/** A row of a hostile project's results.tsv (one metric, score), as text. */
export interface Row {
  experiment: number;
  commit: string;
  score: string;
  status: string;
  description: string;
}

/** The rows of results.tsv in `ledgerDir` on `branch`, each checked to have its five cells. */
export function ledgerRowsOf(repo: TestRepo, branch: string, ledgerDir: string): Row[] {
  const [header, ...lines] = repo.git('show', `${branch}:${ledgerDir}/results.tsv`).split('\n');
  expect(header).toBe('experiment\tcommit\tscore\tstatus\tdescription');
  return lines
    .filter((line) => line !== '')
    .map((line) => {
      const cells = line.split('\t');
      expect(cells, `results.tsv line ${JSON.stringify(line)}`).toHaveLength(5);
      return {
        experiment: Number(cells[0]),
        commit: cells[1]!,
        score: cells[2]!,
        status: cells[3]!,
        description: cells[4]!,
      };
    });
}
