// decide.noise sequential: the pure stopping rule (src/decide/sequential.ts) and how decide() uses it.
// Reference numbers come from scipy (stats.t.sf, stats.norm.isf); the error rates are measured by
// simulation in bench/decisions.ts, not here.
import { describe, expect, it } from 'vitest';
import type { DecideSettings, MetricSpec } from '../src/config/settings.js';
import { decide, sequentialSettled } from '../src/decide/decide.js';
import { SEQUENTIAL_MIN_RUNS, sequentialLook, type SequentialLookInput } from '../src/decide/sequential.js';
import { mean, normalQuantile } from '../src/decide/stats.js';
import type { DecisionInput } from '../src/decide/types.js';

const SCORE: MetricSpec = { name: 'score', goal: 'maximize', extract: { kind: 'line' } };
const LATENCY: MetricSpec = { name: 'latency_ms', goal: 'minimize', extract: { kind: 'line' } };
const MEMORY: MetricSpec = { name: 'memory_mb', goal: 'minimize', max: 512, extract: { kind: 'line' } };

/** Twenty incumbent runs with mean 0 and sum of squares 20. */
const INCUMBENT = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? -1 : 1));

function look(candidate: number[], overrides: Partial<SequentialLookInput> = {}) {
  const incumbent = overrides.incumbent ?? INCUMBENT;
  return sequentialLook({
    candidate,
    incumbent,
    improvement: mean(candidate) - mean(incumbent),
    alpha: 0.05,
    maxRuns: 20,
    ...overrides,
  });
}

function settings(overrides: Partial<DecideSettings> = {}): DecideSettings {
  return {
    rule: 'primary',
    weights: {},
    minDelta: { kind: 'absolute', value: 0 },
    noise: 'sequential',
    alpha: 0.05,
    simplicity: false,
    maxRuns: 20,
    ...overrides,
  };
}

function input(
  candidate: Record<string, number[]>,
  incumbent: Record<string, number[]>,
  options: { metrics?: MetricSpec[]; settings?: Partial<DecideSettings>; lineDelta?: number } = {},
): DecisionInput {
  const observe = (samples: Record<string, number[]>) => ({
    metrics: Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, mean(values)])),
    samples,
  });
  return {
    candidate: observe(candidate),
    incumbent: observe(incumbent),
    metrics: options.metrics ?? [SCORE],
    settings: settings(options.settings),
    lineDelta: options.lineDelta ?? 0,
  };
}

describe('the sequential look', () => {
  it('is built for the improvement a fixed test with all runs finds 4 times in 5, with Ville and Wald bounds', () => {
    const result = look([1, 3]);
    // (z_0.95 + z_0.8) / sqrt(1 / (1/20 + 1/20))
    expect(result.designEffect).toBeCloseTo(0.7862923904, 8);
    expect(result.keepAt).toBeCloseTo(Math.log(20), 12);
    expect(result.discardAt).toBeCloseTo(Math.log(0.2 / 0.95), 12);
  });

  it.each([
    { candidate: [1, 3], llr: 1.9412498859, stop: 'continue' },
    { candidate: [0.5, 1.5], llr: 0.8031007176, stop: 'continue' },
    { candidate: [-1, 0], llr: -1.2555207586, stop: 'continue' },
    { candidate: [2, 4, 3], llr: 4.0979213777, stop: 'clearly better' },
    { candidate: [-1, -1.5], llr: -2.2638896976, stop: 'clearly not better' },
    { candidate: [-2, -3], llr: -3.6732956149, stop: 'clearly not better' },
  ] as const)('$candidate against the incumbent: log LR $llr, $stop', ({ candidate, llr, stop }) => {
    const result = look([...candidate]);
    expect(result.logLikelihoodRatio).toBeCloseTo(llr, 6);
    expect(result.stop).toBe(stop);
    expect(result.runs).toBe(candidate.length);
    expect(result.maxRuns).toBe(20);
  });

  it('takes min-delta off the improvement', () => {
    const result = look([2, 4, 3], { improvement: 3 - 0.5 });
    expect(result.logLikelihoodRatio).toBeCloseTo(3.4784673779, 6);
    expect(look([2, 4, 3], { improvement: 3 - 1.5 }).stop).toBe('continue');
  });

  it('does not look before the minimum of runs, and stops at the most runs without a crossing', () => {
    expect(SEQUENTIAL_MIN_RUNS).toBe(2);
    expect(look([50]).stop).toBe('continue');
    expect(look([50], { maxRuns: 1 }).stop).toBe('most runs');
    expect(look([1, 3], { maxRuns: 2 }).stop).toBe('most runs');
    expect(look([1, 3], { maxRuns: 3 }).stop).toBe('continue');
  });

  it('with no spread at all, any improvement is certain and none is certainly not better', () => {
    const flat = [5, 5, 5, 5];
    expect(look([5.5, 5.5], { incumbent: flat }).stop).toBe('clearly better');
    expect(look([5.5, 5.5], { incumbent: flat }).logLikelihoodRatio).toBe(Number.POSITIVE_INFINITY);
    expect(look([5, 5], { incumbent: flat }).stop).toBe('clearly not better');
    expect(look([4.5, 4.5], { incumbent: flat }).stop).toBe('clearly not better');
    // Floating-point rounding is not spread: 0.1 + 0.2 and 0.3 are the same value.
    const rounded = [0.1 + 0.2, 0.3, 0.3];
    expect(look([0.3, 0.1 + 0.2], { incumbent: rounded }).stop).toBe('clearly not better');
  });

  it('identical runs on both sides are not better', () => {
    const runs = [3, 1, 2, 5, 4];
    // A difference of exactly 0 after 5 runs each is far from the design improvement: futility.
    const result = look([...runs], { incumbent: [...runs] });
    expect(result.logLikelihoodRatio).toBeLessThan(result.discardAt);
    expect(result.stop).toBe('clearly not better');
    expect(look([3, 1], { incumbent: [...runs] }).stop).not.toBe('clearly better');
  });

  it('a single huge outlier does not make a keep: it widens the spread as much as it moves the mean', () => {
    const incumbent = [100, 101, 99, 100, 102, 98, 100, 101, 99, 100];
    const result = look([100, 100, 1e6], { incumbent });
    expect(result.stop).not.toBe('clearly better');
    expect(result.logLikelihoodRatio).toBeLessThan(result.keepAt);
  });

  it('stops a clear loser at the minimum and a clear winner early', () => {
    const incumbent = [100, 103, 97, 101, 99, 102, 98, 100, 104, 96];
    expect(look([80, 82], { incumbent }).stop).toBe('clearly not better');
    expect(look([120, 118], { incumbent }).stop).toBe('clearly better');
  });

  it('is no surer with the same runs at a larger alpha than at a smaller one', () => {
    const strict = look([2, 4, 3], { alpha: 0.01 });
    const loose = look([2, 4, 3], { alpha: 0.1 });
    expect(strict.keepAt).toBeGreaterThan(loose.keepAt);
    expect(loose.stop).toBe('clearly better');
  });
});

describe('decide with noise sequential', () => {
  it('keeps a clearly better candidate, with the runs and the stop in the verdict', () => {
    const verdict = decide(input({ score: [2, 4, 3] }, { score: INCUMBENT }));
    expect(verdict.keep).toBe(true);
    expect(verdict.reason).toBe('improved');
    expect(verdict.sequential).toEqual({ runs: 3, max_runs: 20, stopped: 'clearly better' });
    expect(verdict.stats?.sequential?.stop).toBe('clearly better');
    expect(verdict.confidence).toBe('clearly better after 3 of 20 runs (sequential, 20 incumbent runs)');
  });

  it('discards a clear loser and says why', () => {
    const verdict = decide(input({ score: [-2, -3] }, { score: INCUMBENT }));
    expect(verdict.keep).toBe(false);
    expect(verdict.reason).toBe('not better (score -2.5 vs 0, clearly not better after 2 of 20 runs)');
    expect(verdict.sequential).toEqual({ runs: 2, max_runs: 20, stopped: 'clearly not better' });
  });

  it('at the most runs without a crossing: not clearly better', () => {
    const verdict = decide(input({ score: [1, 3] }, { score: INCUMBENT }, { settings: { maxRuns: 2 } }));
    expect(verdict.keep).toBe(false);
    expect(verdict.reason).toBe('not better (score 2 vs 0, not clearly better after 2 of 2 runs)');
    expect(verdict.sequential?.stopped).toBe('most runs');
  });

  it('minimize mirrors maximize', () => {
    const negated = (values: number[]) => values.map((value) => -value);
    const up = decide(input({ score: [2, 4, 3] }, { score: INCUMBENT }));
    const down = decide(
      input({ latency_ms: negated([2, 4, 3]) }, { latency_ms: negated(INCUMBENT) }, { metrics: [LATENCY] }),
    );
    expect(down.keep).toBe(true);
    expect(down.stats?.sequential?.logLikelihoodRatio).toBeCloseTo(
      up.stats!.sequential!.logLikelihoodRatio,
      12,
    );
    const worse = decide(input({ latency_ms: [2, 3] }, { latency_ms: INCUMBENT }, { metrics: [LATENCY] }));
    expect(worse.keep).toBe(false);
    expect(worse.sequential?.stopped).toBe('clearly not better');
  });

  it('a broken constraint stops the runs and discards', () => {
    const verdict = decide(
      input(
        { score: [9, 9], memory_mb: [600, 610] },
        { score: INCUMBENT, memory_mb: INCUMBENT.map((value) => 300 + value) },
        { metrics: [SCORE, MEMORY] },
      ),
    );
    expect(verdict).toMatchObject({
      keep: false,
      reason: 'constraint memory_mb>512',
      sequential: { runs: 2, max_runs: 20, stopped: 'constraint' },
    });
  });

  it('an incumbent outside the constraints loses to a candidate inside them at once', () => {
    const verdict = decide(
      input(
        { score: [-5, -5], memory_mb: [300, 301] },
        { score: INCUMBENT, memory_mb: INCUMBENT.map((value) => 600 + value) },
        { metrics: [SCORE, MEMORY] },
      ),
    );
    expect(verdict).toMatchObject({ keep: true, reason: 'meets constraints' });
    expect(verdict.sequential?.stopped).toBe('meets constraints');
  });

  it('simplicity keeps a shorter candidate that the rule finds not better but that is no worse', () => {
    const flat = [5, 5, 5];
    const verdict = decide(
      input({ score: [5, 5] }, { score: flat }, { settings: { simplicity: true }, lineDelta: -2 }),
    );
    expect(verdict).toMatchObject({ keep: true, reason: 'simpler (2 fewer lines)' });
    expect(verdict.sequential?.stopped).toBe('clearly not better');
    const worse = decide(
      input({ score: [4, 4] }, { score: flat }, { settings: { simplicity: true }, lineDelta: -2 }),
    );
    expect(worse.keep).toBe(false);
  });

  it('rule weighted stops on the score', () => {
    const verdict = decide(
      input(
        { score: [2, 4, 3], latency_ms: [10, 10, 10] },
        { score: INCUMBENT, latency_ms: INCUMBENT.map(() => 10) },
        { metrics: [SCORE, LATENCY], settings: { rule: 'weighted', weights: { score: 1, latency_ms: -1 } } },
      ),
    );
    expect(verdict.keep).toBe(true);
    expect(verdict.stats?.metric).toBe('score');
    expect(verdict.sequential?.stopped).toBe('clearly better');
  });

  it('is the same verdict for the same runs, whatever came before', () => {
    const one = decide(input({ score: [0.5, 1.5] }, { score: INCUMBENT }));
    const two = decide(input({ score: [0.5, 1.5] }, { score: INCUMBENT }));
    expect(two).toEqual(one);
  });
});

describe('sequentialSettled', () => {
  it('asks for another run until a boundary, a constraint or the most runs', () => {
    const settled = (candidate: number[], maxRuns = 20) =>
      sequentialSettled(input({ score: candidate }, { score: INCUMBENT }, { settings: { maxRuns } }));
    expect(settled([50])).toBe(false);
    expect(settled([1, 3])).toBe(false);
    expect(settled([2, 4, 3])).toBe(true);
    expect(settled([-2, -3])).toBe(true);
    expect(settled([1, 3], 2)).toBe(true);
    expect(settled([1], 1)).toBe(true);
  });

  it('runs a candidate that only meets the constraints an incumbent breaks up to the most runs', () => {
    const settled = (memory: number[], maxRuns = 20) =>
      sequentialSettled(
        input(
          { score: memory.map(() => 0), memory_mb: memory },
          { score: INCUMBENT, memory_mb: INCUMBENT.map((value) => 513 + value) },
          { metrics: [SCORE, MEMORY], settings: { maxRuns } },
        ),
      );
    expect(settled([510, 511])).toBe(false);
    expect(settled([510, 511], 2)).toBe(true);
    // Breaking a constraint still stops at once.
    expect(settled([520, 521])).toBe(true);
  });
});

describe('normalQuantile', () => {
  it.each([
    [1e-10, -6.3613409],
    [0.01, -2.32634787],
    [0.3, -0.52440051],
    [0.5, 0],
    [0.9, 1.28155157],
    [0.999, 3.09023231],
  ])('Φ⁻¹(%s) = %s', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 6);
  });

  it('is infinite at 0 and 1 and NaN outside', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});
