// Decision gates and rules with real processes: guard, holdout, explore with the best pointer,
// interleaved measurement, stuck detection, and a noisy eval judged by Welch's test and sequentially.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonl } from '../src/ledger/jsonl.js';
import type { ExperimentRecord } from '../src/ledger/types.js';
import { runSession } from '../src/session/session.js';
import { createProject, projectConfig, projectSettings } from './helpers/project.js';
import { expectParkedTrees, GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'autoexp-decide-'));
}

async function session(repo: TestRepo, actions: string[], env: Record<string, string> = {}) {
  const plan = join(scratch(), 'plan.txt');
  writeFileSync(plan, `${actions.join('\n')}\n`);
  return runSession({
    settings: await projectSettings(repo),
    checkout: repo.root,
    baseRef: 'main',
    experiments: actions.filter(Boolean).length,
    env: { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: plan, ...env },
    signal: new AbortController().signal,
  });
}

function records(repo: TestRepo): ExperimentRecord[] {
  return parseJsonl(repo.git('show', 'autoexp/quad:.autoexp/quad/experiments/0000.jsonl'), 'log');
}

const statuses = (repo: TestRepo) => records(repo).map((record) => [record.status, record.reason]);

describe('decision gates in a session', () => {
  it('discards a better candidate whose guard fails, with the guard log tail', async () => {
    const repo = createProject({
      config: projectConfig({ evalLines: '  guard: bash guard.sh' }),
      files: {
        'guard.sh':
          'x=$(sed -n "s/^x=//p" params.txt)\nif [ "$x" = 6 ]; then echo "test_x6 FAILED"; exit 1; fi\n',
      },
    });
    await session(repo, ['set 5', 'set 6']);
    expect(statuses(repo).slice(1)).toEqual([
      ['keep', 'improved'],
      ['discard', 'guard failed (exit code 1)'],
    ]);
    expect(records(repo)[2]?.log_tail).toContain('test_x6 FAILED');
    expect(repo.git('show', 'autoexp/quad:params.txt')).toBe('x=5');
  });

  it('discards a would-be keep that regresses on the holdout, and records holdout before and after', async () => {
    // The holdout prefers x = 6; the eval prefers x = 10. x=8 wins the eval but loses the holdout.
    const repo = createProject({
      config: projectConfig({ evalLines: '  holdout: bash holdout.sh' }),
      files: {
        'holdout.sh':
          'x=$(sed -n "s/^x=//p" params.txt)\necho "score: $((100 - (x - 6) * (x - 6)))"\necho "size: 1"\n',
      },
    });
    const capture = scratch();
    await session(repo, ['set 5', 'set 8', 'set 7'], { AUTOEXP_CAPTURE: capture });
    expect(statuses(repo).slice(1)).toEqual([
      ['keep', 'improved'],
      ['discard', 'holdout regressed (score 96 vs 99)'],
      ['keep', 'improved'],
    ]);
    expect(records(repo)[1]?.holdout).toEqual({
      candidate: { score: 99, size: 1 },
      incumbent: { score: 91, size: 1 },
    });
    // The proposer never sees holdout numbers.
    const prompt = readFileSync(join(capture, 'prompt-3.md'), 'utf8');
    expect(prompt).not.toMatch(/holdout|\b99\b/);
  });

  it('explores every Nth experiment and keeps the best pointer on the best keep', async () => {
    const repo = createProject({ config: projectConfig({ body: 'explore:\n  every: 2' }) });
    await session(repo, ['set 5', 'set 1', 'set 2']);
    expect(statuses(repo).slice(1)).toEqual([
      ['keep', 'improved'],
      ['explore', 'explore: not better (score 19 vs 75)'],
      ['keep', 'improved'],
    ]);
    const rows = records(repo);
    expect(repo.git('show', 'autoexp/quad:params.txt')).toBe('x=2');
    expect(repo.git('rev-parse', '--short', 'refs/autoexp/quad/best')).toBe(rows[1]!.commit);
    expect(repo.git('log', '-1', '--format=%B', rows[2]!.commit)).toContain('Autoexp-Experiment: 2');
  });

  it('keeps the best pointer where the reports see the best: inside the constraints once a keep is', async () => {
    // The baseline (x=10: score 100, size 100) breaks size <= 45; x=4 (score 64, size 40) satisfies it.
    const repo = createProject({
      config: projectConfig({ body: 'explore:\n  every: 5' }).replace(
        'goal: minimize',
        'goal: minimize\n    max: 45',
      ),
      files: { 'params.txt': 'x=10\n' },
    });
    await session(repo, ['set 4']);
    const rows = records(repo);
    expect(rows[1]?.status).toBe('keep');
    expect(repo.git('rev-parse', '--short', 'refs/autoexp/quad/best')).toBe(rows[1]!.commit);
  });

  it('measures incumbent and candidate alternately with eval.interleave', async () => {
    const order = join(scratch(), 'order.txt');
    const repo = createProject({
      config: projectConfig({ repeats: 2, evalLines: '  interleave: true' }).replace(
        'command: bash evaluate.sh',
        `command: sed -n 's/^x=//p' params.txt >> ${order}; bash evaluate.sh`,
      ),
    });
    await session(repo, ['set 5', 'set 4']);
    expect(readFileSync(order, 'utf8').trim().split('\n')).toEqual([
      '3',
      '3',
      '3',
      '5',
      '3',
      '5',
      '5',
      '4',
      '5',
      '4',
    ]);
    const [, first, second] = records(repo);
    expect(first?.incumbent?.samples.score).toEqual([51, 51]);
    expect(second?.incumbent?.samples.score).toEqual([75, 75]);
    expectParkedTrees(repo, { some: ['incumbent'] });
  });

  it('tells the proposer it is stuck after explore.stuck-after discards in a row', async () => {
    const repo = createProject({ config: projectConfig({ body: 'explore:\n  stuck-after: 2' }) });
    const capture = scratch();
    await session(repo, ['set 1', 'set 2', 'set 4', 'set 5'], { AUTOEXP_CAPTURE: capture });
    const log = records(repo);
    expect(log.map((record) => record.stuck ?? false)).toEqual([false, false, false, true, false]);
    expect(readFileSync(join(capture, 'prompt-3.md'), 'utf8')).toContain('You seem to be stuck');
    expect(readFileSync(join(capture, 'prompt-2.md'), 'utf8')).not.toContain('You seem to be stuck');
  });
});

describe('rules for several metrics, on real runs', () => {
  // From x=3 (score 51, size 30) to x=5 (score 75, size 50): better score, worse size.
  it.each([
    ['primary', '', 'keep', 'improved'],
    ['pareto', '', 'discard', 'not better'],
    ['lexicographic', '', 'keep', 'improved'],
    ['weighted', '\n  weights: {score: 1, size: -1}', 'keep', 'improved'],
    ['weighted', '\n  weights: {score: 1, size: -2}', 'discard', 'not better'],
  ])('rule %s%s: %s', async (rule, weights, status, reason) => {
    const repo = createProject({ config: projectConfig({ body: `decide:\n  rule: ${rule}${weights}` }) });
    await session(repo, ['set 5']);
    const [, experiment] = records(repo);
    expect(experiment?.status).toBe(status);
    expect(experiment?.reason.startsWith(reason)).toBe(true);
  });
});

describe('a noisy eval', () => {
  // score = 100 + 20 * (x >= 10) + noise, the noise from a fixed sequence (σ ≈ 5) read through a counter
  // outside the repository: deterministic, yet every run differs like a real noisy benchmark.
  const NOISE = [3, -6, 4, -2, 7, 6, -3, 5, -1, 2, -5, 1, -4, 0, -7, 4, -6, 3, -2, 5, -4, 6, -5, 1, -3];
  function noisyProject(noise: 'none' | 'welch') {
    const counter = join(scratch(), 'counter');
    writeFileSync(counter, '0');
    const evaluate = `x=$(sed -n 's/^x=//p' params.txt)
n=$(cat ${counter}); echo $((n + 1)) > ${counter}
noise=(${NOISE.join(' ')})
bonus=0; if [ "$x" -ge 10 ]; then bonus=20; fi
echo "score: $((100 + bonus + noise[n % ${NOISE.length}]))"
echo "size: 1"
`;
    const config = projectConfig({ repeats: noise === 'none' ? 1 : 5, body: `decide:\n  noise: ${noise}` });
    return createProject({ config, files: { 'evaluate.sh': evaluate } });
  }

  it('the naive rule keeps a change that does nothing when noise favours it', async () => {
    const repo = noisyProject('none');
    await session(repo, ['set 4']);
    // Baseline drew +3, the candidate -6 … then the naive rule sees only one sample each.
    expect(records(repo)[1]?.status).toBe('discard');
    const again = noisyProject('none');
    await session(again, ['set 4', 'set 5']);
    expect(records(again).map((record) => record.status)).toContain('keep');
  });

  it('welch discards a change that does nothing and keeps a real improvement, logging the p-value', async () => {
    const repo = noisyProject('welch');
    await session(repo, ['set 4', 'set 12']);
    const [, nothing, real] = records(repo);
    expect(nothing?.status).toBe('discard');
    expect(nothing?.reason).toMatch(/^not better/);
    expect(real?.status).toBe('keep');
    expect(real?.samples.score).toHaveLength(5);
    expect(real?.decision?.pValue).toBeLessThan(0.05);
    expect(nothing?.decision?.pValue).toBeGreaterThan(0.05);
  });

  // x = 1 loses 30, x = 4 gains 3 (a close call), x >= 10 gains 20, anything else does nothing; σ ≈ 4.3.
  function sequentialProject(counter: string, extra: { workers?: number } = {}) {
    writeFileSync(counter, '0');
    const evaluate = `x=$(sed -n 's/^x=//p' params.txt)
n=$(cat ${counter}); echo $((n + 1)) > ${counter}
noise=(${NOISE.join(' ')})
bonus=0; if [ "$x" -ge 10 ]; then bonus=20; elif [ "$x" = 1 ]; then bonus=-30; elif [ "$x" = 4 ]; then bonus=3; fi
echo "score: $((100 + bonus + noise[n % ${NOISE.length}]))"
echo "size: 1"
`;
    const workers = extra.workers ? `\nworkers: ${extra.workers}` : '';
    const config = projectConfig({ repeats: 20, body: `decide:\n  noise: sequential${workers}` });
    return createProject({ config, files: { 'evaluate.sh': evaluate } });
  }

  it('sequential stops a clear loser at the minimum, gives a close call more runs, and says so in the log', async () => {
    const counter = join(scratch(), 'counter');
    const repo = sequentialProject(counter);
    const result = await session(repo, ['set 1', 'set 4', 'set 12', 'set 2']);
    const [baseline, loser, close, winner, after] = records(repo);
    expect(baseline?.samples.score).toHaveLength(20);

    expect(loser).toMatchObject({
      status: 'discard',
      sequential: { runs: 2, max_runs: 20, stopped: 'clearly not better' },
    });
    expect(loser?.samples.score).toHaveLength(2);
    expect(loser?.reason).toMatch(
      /^not better \(score \d+(\.\d+)? vs [\d.]+, clearly not better after 2 of 20 runs\)$/,
    );

    expect(close?.status).toBe('discard');
    expect(close?.sequential?.runs).toBeGreaterThan(5);
    expect(close?.samples.score).toHaveLength(close!.sequential!.runs);
    expect(close?.reason).toContain(`after ${close!.sequential!.runs} of 20 runs`);

    expect(winner).toMatchObject({
      status: 'keep',
      reason: 'improved',
      sequential: { stopped: 'clearly better' },
    });
    expect(winner?.sequential?.runs).toBeLessThan(close!.sequential!.runs);
    expect(winner?.decision?.confidence).toMatch(
      /^clearly better after \d+ of 20 runs \(sequential, 20 incumbent runs\)$/,
    );

    // The kept change was run again up to 20 runs, and those runs serve the next candidate.
    expect(after?.incumbent?.commit).toBe(winner?.commit);
    expect(after?.incumbent?.samples.score).toHaveLength(20);
    expect(after?.incumbent?.samples.score?.slice(0, winner!.sequential!.runs)).toEqual(
      winner?.samples.score,
    );
    expect(after).toMatchObject({
      status: 'discard',
      sequential: { runs: 2, stopped: 'clearly not better' },
    });

    // Every run, and no more: the baseline, each candidate's runs, and the top-up of the keep.
    const runs = [loser, close, winner, after].reduce((sum, record) => sum + record!.sequential!.runs, 0);
    expect(Number(readFileSync(counter, 'utf8'))).toBe(20 + runs + (20 - winner!.sequential!.runs));
    // results.tsv keeps its columns; the runs are in the experiments log.
    expect(repo.git('show', 'autoexp/quad:.autoexp/quad/results.tsv').split('\n')[0]).toBe(
      'experiment\tcommit\tscore\tsize\tstatus\tdescription',
    );
    expect(readFileSync(result.evalLogPath, 'utf8')).toContain('--- autoexp: run 2 of 20 ---');
  });

  it('sequential runs a keep again up to eval.repeats only when another candidate is compared with it', async () => {
    const counter = join(scratch(), 'counter');
    const repo = sequentialProject(counter);
    await session(repo, ['set 12']);
    const [, winner] = records(repo);
    expect(winner).toMatchObject({ status: 'keep', sequential: { runs: 2, stopped: 'clearly better' } });
    expect(Number(readFileSync(counter, 'utf8'))).toBe(20 + 2);
  });

  it('sequential with workers: the keep is run again in a worker tree for the candidates after it', async () => {
    const counter = join(scratch(), 'counter');
    const repo = sequentialProject(counter, { workers: 2 });
    await session(repo, ['set 12', 'set 1', 'set 2']);
    const [, winner, stale, after] = records(repo);
    expect(winner).toMatchObject({ status: 'keep', sequential: { runs: 2, stopped: 'clearly better' } });
    // Experiment 2 was proposed against the baseline while 1 was measured; its one-line change no
    // longer applies on top of the keep.
    expect(stale?.status).toBe('invalid');
    // Experiment 3 started after the keep: the kept change was run up to 20 runs, then compared with.
    expect(after?.incumbent?.commit).toBe(winner?.commit);
    expect(after?.incumbent?.samples.score).toHaveLength(20);
    expect(after?.incumbent?.samples.score?.slice(0, 2)).toEqual(winner?.samples.score);
    expect(after).toMatchObject({
      status: 'discard',
      sequential: { runs: 2, stopped: 'clearly not better' },
    });
  });
});
