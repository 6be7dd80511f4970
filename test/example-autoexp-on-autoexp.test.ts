// examples/autoexp-on-autoexp, end to end on a tiny budget: the demo's repository with the command of an
// autoexp bundled from src/ in harness/autoexp-command.txt, an outer session of real experiments, each
// measurement running a whole inner autoexp session (5 experiments on Branin) in a temp repository.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleOptions } from '../scripts/bundle.mjs';
import { AUTOEXP_COMMAND_FILE, createExampleRepository } from '../src/cli/demo.js';
import { loadSettings } from '../src/config/load.js';
import { parseJsonl } from '../src/ledger/jsonl.js';
import { runSession } from '../src/session/session.js';
import { git, GIT_IDENTITY_ENV } from './helpers/repo.js';

const ROOT = resolve(import.meta.dirname, '..');
const EXAMPLE = join(ROOT, 'examples', 'autoexp-on-autoexp');
const TAG = 'autoexp-on-autoexp';
/** One inner session of 5 experiments on Branin per measurement: seconds, not minutes. */
const TINY_BUDGET = { INNER_EVALS: '5', INNER_SEEDS: '1', INNER_PROBLEMS: 'branin' };

/** autoexp's CLI bundled from src/ the way dist/ is, into a temp dir: the command the inner sessions run. */
async function cliFromSource(): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'autoexp-meta-cli-'));
  await build({
    ...bundleOptions,
    entryPoints: { cli: 'src/cli/bin.ts' },
    absWorkingDir: ROOT,
    outdir,
    logLevel: 'error',
  });
  return `'${process.execPath}' '${join(outdir, 'cli.js')}'`;
}

function innerTempDirs(): Set<string> {
  return new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('autoexp-inner-')));
}

describe('examples/autoexp-on-autoexp', () => {
  it('tunes strategy.yaml: each measurement runs a whole inner autoexp session and reports its regret', async () => {
    const cli = await cliFromSource();
    const root = await createExampleRepository('autoexp-on-autoexp', { autoexpCommand: cli });
    const shipped = readFileSync(join(EXAMPLE, AUTOEXP_COMMAND_FILE), 'utf8');
    const written = readFileSync(join(root, AUTOEXP_COMMAND_FILE), 'utf8');
    // The demo's wiring: the comments stay, the command is the CLI given.
    expect(written.split('\n').filter((line) => line.startsWith('#'))).toEqual(
      shipped.split('\n').filter((line) => line.startsWith('#')),
    );
    expect(written.split('\n').filter((line) => line !== '' && !line.startsWith('#'))).toEqual([cli]);

    const before = innerTempDirs();
    const settings = await loadSettings(join(root, 'autoexp.yml'), root);
    await runSession({
      settings,
      checkout: root,
      baseRef: 'main',
      experiments: 2,
      env: { ...process.env, ...GIT_IDENTITY_ENV, ...TINY_BUDGET },
      signal: new AbortController().signal,
    });

    const rows = git(root, 'show', `autoexp/${TAG}:.autoexp/${TAG}/results.tsv`)
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    const records = parseJsonl(
      git(root, 'show', `autoexp/${TAG}:.autoexp/${TAG}/experiments/0000.jsonl`),
      'log',
    );
    expect(rows.map((row) => row[0])).toEqual(['0', '1', '2']);
    const summary = JSON.stringify(
      records.map((record) => [record.status, record.reason, record.description]),
    );

    // The baseline: an inner session's regret, with some progress from 5 experiments on Branin.
    expect(records[0]!.status, summary).toBe('keep');
    expect(records[0]!.metrics.regret).toBeGreaterThan(0);
    expect(records[0]!.metrics.regret).toBeLessThan(1);

    // The experiments: mutate changed one number of strategy.yaml; each was measured and decided, or the
    // harness refused the strategy with a reason in the log.
    const measured = records.slice(1).filter((record) => record.status !== 'crash');
    expect(measured.length, summary).toBeGreaterThan(0);
    for (const record of records.slice(1)) {
      expect(record.description).toMatch(
        /^strategy\.yaml: (tree|explore_every|repeats|step|jump) \S+ → \S+$/,
      );
      expect(record.patch).toMatch(/^--- a\/strategy\.yaml$/m);
      if (record.status === 'crash')
        expect(record.log_tail, summary).toMatch(/^strategy\.yaml: \w+ must be/m);
    }
    let keptRepeats = 1;
    for (const record of measured) {
      expect(record.status, summary).toMatch(/^(keep|discard)$/);
      // Its inner sessions got 5 eval runs: 5 experiments of one run each, or fewer of more.
      const repeats = Number(/^\+repeats: (\d+)/m.exec(record.patch)?.[1] ?? keptRepeats);
      if (record.status === 'keep') keptRepeats = repeats;
      if (record.status === 'discard') expect(record.reason).toMatch(/^not better/);
      // What the inner session did, from its own results.tsv: its experiments, its best, and the regret
      // that became the outer metric.
      const inner = /^branin seed 1: (\d+) experiments \((.*)\); best #(\d+), value \S+, regret (\S+)$/m.exec(
        record.feedback ?? '',
      );
      expect(inner, record.feedback).not.toBeNull();
      const [, experiments, statuses, best, regret] = inner!;
      expect(Number(experiments)).toBe(Math.floor(5 / repeats));
      expect(statuses).toMatch(/^\d+ (keep|discard|explore)(, \d+ (keep|discard|explore))*$/);
      expect(Number(best)).toBeLessThanOrEqual(Number(experiments));
      expect(Number(regret)).toBeCloseTo(record.metrics.regret!, 3);
    }
    const kept = records.slice(1).filter((record) => record.status === 'keep');
    const strategyOnBranch = git(root, 'show', `autoexp/${TAG}:strategy.yaml`);
    if (kept.length > 0) expect(strategyOnBranch).not.toBe(git(root, 'show', 'main:strategy.yaml'));
    else expect(strategyOnBranch).toBe(git(root, 'show', 'main:strategy.yaml'));
    expect(git(root, 'rev-parse', `autoexp/${TAG}:harness`)).toBe(git(root, 'rev-parse', 'main:harness'));
    // The inner sessions' repositories are gone.
    expect([...innerTempDirs()].filter((name) => !before.has(name))).toEqual([]);
  });

  describe('its eval refuses what it cannot run, with a clear message', () => {
    const evalIn = async (strategy: string, env: Record<string, string> = {}) => {
      const dir = mkdtempSync(join(tmpdir(), 'autoexp-meta-eval-'));
      cpSync(EXAMPLE, dir, { recursive: true });
      writeFileSync(join(dir, 'strategy.yaml'), strategy);
      return promisify(execFile)(process.execPath, ['harness/eval.mjs'], {
        cwd: dir,
        env: { ...process.env, ...TINY_BUDGET, ...env },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    };
    const STRATEGY = readFileSync(join(EXAMPLE, 'strategy.yaml'), 'utf8');

    it('a strategy out of range', async () => {
      const result = await evalIn(STRATEGY.replace(/^repeats: 1/m, 'repeats: 0'));
      expect(result).toEqual({ code: 1, stderr: 'strategy.yaml: repeats must be from 1 to 10, not 0\n' });
      const fraction = await evalIn(STRATEGY.replace(/^explore_every: 0/m, 'explore_every: 1.5'));
      expect(fraction.stderr).toBe('strategy.yaml: explore_every must be a whole number, not 1.5\n');
      const missing = await evalIn(STRATEGY.replace(/^step: .*$/m, ''));
      expect(missing.stderr).toBe('strategy.yaml: step is missing or not a number\n');
    });

    it('an inner budget it cannot run', async () => {
      const unknown = await evalIn(STRATEGY, { INNER_PROBLEMS: 'branin,ackley' });
      expect(unknown).toEqual({
        code: 1,
        stderr:
          'no problem "ackley"; the problems are branin, rosenbrock-4d, hartmann-6d, server-integers, hartmann-3d-noisy, two-hills-2d, two-hills-6d\n',
      });
      const evals = await evalIn(STRATEGY, { INNER_EVALS: 'ten' });
      expect(evals.stderr).toBe('the inner budget of eval runs must be a whole number ≥ 1, not NaN\n');
    });

    it('an autoexp command that does not start', async () => {
      const result = await evalIn(STRATEGY, { AUTOEXP_CLI: 'no-such-autoexp-command' });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^branin seed 1: `no-such-autoexp-command run` exited 127:\n.*command not found/,
      );
    });
  });
});
