import { describe, expect, it } from 'vitest';
import type { DecideSettings, MetricSpec, MinDelta } from '../src/config/settings.js';
import { decide, describeConfidence, isBetter, relativeChange } from '../src/decide/decide.js';
import { gainOverIncumbent } from '../src/decide/compare.js';
import {
  logGamma,
  mean,
  regularizedIncompleteBeta,
  sampleStddev,
  sampleVariance,
  studentTCdf,
  studentTUpperTail,
  welchTest,
} from '../src/decide/stats.js';
import type { ComparisonStats, DecisionInput, Observation } from '../src/decide/types.js';
import { mulberry32 } from '../src/propose/mutate/random.js';

const HIT_RATE: MetricSpec = { name: 'hit_rate', goal: 'maximize', extract: { kind: 'line' } };
const LATENCY: MetricSpec = { name: 'latency_ms', goal: 'minimize', extract: { kind: 'line' } };
const MEMORY: MetricSpec = { name: 'memory_mb', goal: 'minimize', max: 512, extract: { kind: 'line' } };
const ACCURACY: MetricSpec = { name: 'accuracy', goal: 'maximize', min: 0.9, extract: { kind: 'line' } };

function settings(overrides: Partial<DecideSettings> = {}): DecideSettings {
  return {
    rule: 'primary',
    weights: {},
    minDelta: { kind: 'absolute', value: 0 },
    noise: 'none',
    alpha: 0.05,
    simplicity: true,
    ...overrides,
  };
}

function observation(metrics: Record<string, number>): Observation {
  return {
    metrics,
    samples: Object.fromEntries(Object.entries(metrics).map(([name, value]) => [name, [value]])),
  };
}

function input(
  candidate: Record<string, number>,
  incumbent: Record<string, number>,
  options: { metrics?: MetricSpec[]; settings?: Partial<DecideSettings>; lineDelta?: number } = {},
): DecisionInput {
  return {
    candidate: observation(candidate),
    incumbent: observation(incumbent),
    metrics: options.metrics ?? [HIT_RATE],
    settings: settings(options.settings),
    lineDelta: options.lineDelta ?? 0,
  };
}

/** An observation from raw samples; the means are the samples' means, as the measure module reports them. */
function sampled(samples: Record<string, number[]>): Observation {
  return {
    metrics: Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, mean(values)])),
    samples,
  };
}

function noisy(
  candidate: Observation,
  incumbent: Observation,
  options: { metrics?: MetricSpec[]; settings?: Partial<DecideSettings>; lineDelta?: number } = {},
): DecisionInput {
  return {
    candidate,
    incumbent,
    metrics: options.metrics ?? [HIT_RATE],
    settings: settings(options.settings),
    lineDelta: options.lineDelta ?? 0,
  };
}

const absolute = (value: number): MinDelta => ({ kind: 'absolute', value });
const relative = (fraction: number): MinDelta => ({ kind: 'relative', fraction });

describe('decide: the primary rule and min-delta', () => {
  it.each([
    // [candidate, incumbent, min-delta, keep]
    [0.76, 0.75, absolute(0), true],
    [0.75, 0.75, absolute(0), false], // exactly equal is not better
    [0.74, 0.75, absolute(0), false],
    [0.76, 0.75, absolute(0.01), false], // exactly min-delta is not more than it
    [0.7601, 0.75, absolute(0.01), true], // just above
    [0.755, 0.75, absolute(0.01), false],
    [101, 100, relative(0.01), false], // exactly 1%
    [101.01, 100, relative(0.01), true],
    [-99, -100, relative(0.01), false], // relative to |incumbent| on negative values: 1 is exactly 1%
    [-98.99, -100, relative(0.01), true],
    [-101, -100, relative(0.01), false],
    [5, 0, relative(0.5), true], // 0% of zero: any improvement counts
  ] as const)(
    'maximize: candidate %d vs incumbent %d with %o -> keep %s',
    (candidate, incumbent, minDelta, keep) => {
      const verdict = decide(
        input({ hit_rate: candidate }, { hit_rate: incumbent }, { settings: { minDelta } }),
      );
      expect(verdict.keep).toBe(keep);
      expect(verdict.reason).toMatch(keep ? /^improved$/ : /^not better \(hit_rate /);
    },
  );

  it.each([
    [90, 100, absolute(10), false],
    [89.9, 100, absolute(10), true],
    [110, 100, absolute(0), false],
    [99, 100, relative(0.01), false],
    [98.9, 100, relative(0.01), true],
    [-101, -100, relative(0.01), false],
    [-101.5, -100, relative(0.01), true],
  ] as const)(
    'minimize: candidate %d vs incumbent %d with %o -> keep %s',
    (candidate, incumbent, minDelta, keep) => {
      const verdict = decide(
        input(
          { latency_ms: candidate },
          { latency_ms: incumbent },
          { metrics: [LATENCY], settings: { minDelta } },
        ),
      );
      expect(verdict.keep).toBe(keep);
    },
  );

  it('says which numbers made a candidate not better, and when it was within min-delta', () => {
    expect(decide(input({ hit_rate: 0.74 }, { hit_rate: 0.75 })).reason).toBe(
      'not better (hit_rate 0.74 vs 0.75)',
    );
    expect(
      decide(input({ hit_rate: 0.755 }, { hit_rate: 0.75 }, { settings: { minDelta: absolute(0.01) } }))
        .reason,
    ).toBe('not better (hit_rate 0.755 vs 0.75, within min-delta)');
  });

  it('only looks at the first metric', () => {
    const verdict = decide(
      input(
        { hit_rate: 0.8, latency_ms: 900 },
        { hit_rate: 0.75, latency_ms: 100 },
        { metrics: [HIT_RATE, LATENCY] },
      ),
    );
    expect(verdict).toMatchObject({ keep: true, reason: 'improved' });
  });

  it('reports the deciding numbers and "single run" as the confidence of one sample', () => {
    const verdict = decide(input({ hit_rate: 0.76 }, { hit_rate: 0.75 }));
    expect(verdict.stats).toEqual({
      metric: 'hit_rate',
      candidateMean: 0.76,
      incumbentMean: 0.75,
      samples: { candidate: [0.76], incumbent: [0.75] },
    });
    expect(verdict.confidence).toBe('single run');
  });
});

describe('decide: simplicity', () => {
  it('keeps an equal candidate with fewer lines', () => {
    expect(decide(input({ hit_rate: 0.75 }, { hit_rate: 0.75 }, { lineDelta: -3 }))).toMatchObject({
      keep: true,
      reason: 'simpler (3 fewer lines)',
    });
    expect(decide(input({ hit_rate: 0.75 }, { hit_rate: 0.75 }, { lineDelta: -1 })).reason).toBe(
      'simpler (1 fewer line)',
    );
  });

  it('keeps a slightly worse but shorter candidate only within min-delta', () => {
    const minDelta = absolute(0.01);
    expect(
      decide(input({ hit_rate: 0.74 }, { hit_rate: 0.75 }, { lineDelta: -2, settings: { minDelta } })).keep,
    ).toBe(true);
    expect(
      decide(input({ hit_rate: 0.7399 }, { hit_rate: 0.75 }, { lineDelta: -2, settings: { minDelta } })).keep,
    ).toBe(false);
  });

  it('does not keep an equal candidate that is longer, the same length, or when simplicity is off', () => {
    expect(decide(input({ hit_rate: 0.75 }, { hit_rate: 0.75 }, { lineDelta: 2 })).keep).toBe(false);
    expect(decide(input({ hit_rate: 0.75 }, { hit_rate: 0.75 }, { lineDelta: 0 })).keep).toBe(false);
    expect(
      decide(
        input({ hit_rate: 0.75 }, { hit_rate: 0.75 }, { lineDelta: -5, settings: { simplicity: false } }),
      ).keep,
    ).toBe(false);
  });

  it('with min-delta 0 a shorter but worse candidate is not kept', () => {
    expect(decide(input({ hit_rate: 0.7499 }, { hit_rate: 0.75 }, { lineDelta: -10 })).keep).toBe(false);
  });
});

describe('decide: constraints', () => {
  const metrics = [HIT_RATE, MEMORY, ACCURACY];
  const fine = { hit_rate: 0.75, memory_mb: 300, accuracy: 0.95 };

  it('discards a better candidate that breaks a max constraint on another metric', () => {
    const verdict = decide(input({ ...fine, hit_rate: 0.9, memory_mb: 513 }, fine, { metrics }));
    expect(verdict).toStrictEqual({ keep: false, reason: 'constraint memory_mb>512' });
  });

  it('discards a candidate below a min constraint', () => {
    const verdict = decide(input({ ...fine, hit_rate: 0.9, accuracy: 0.89 }, fine, { metrics }));
    expect(verdict).toEqual({ keep: false, reason: 'constraint accuracy<0.9' });
  });

  it('accepts values exactly at the bounds', () => {
    const verdict = decide(input({ hit_rate: 0.8, memory_mb: 512, accuracy: 0.9 }, fine, { metrics }));
    expect(verdict).toMatchObject({ keep: true, reason: 'improved' });
  });

  it('constrains the primary metric too', () => {
    const bounded: MetricSpec = { ...HIT_RATE, max: 0.9 };
    expect(decide(input({ hit_rate: 0.95 }, { hit_rate: 0.8 }, { metrics: [bounded] })).reason).toBe(
      'constraint hit_rate>0.9',
    );
  });

  it('rescues an incumbent outside the constraints with any candidate inside them', () => {
    const outside = { ...fine, hit_rate: 0.9, memory_mb: 600 };
    expect(decide(input({ ...fine, hit_rate: 0.5 }, outside, { metrics }))).toStrictEqual({
      keep: true,
      reason: 'meets constraints',
    });
  });

  it("reports the candidate's violation when both break constraints", () => {
    const outside = { ...fine, memory_mb: 600 };
    expect(decide(input({ ...fine, hit_rate: 0.99, accuracy: 0.5 }, outside, { metrics }))).toEqual({
      keep: false,
      reason: 'constraint accuracy<0.9',
    });
  });
});

describe('decide: what it refuses', () => {
  it('throws when the candidate lacks a metric value', () => {
    expect(() =>
      decide(input({ hit_rate: 0.8 }, { hit_rate: 0.7, memory_mb: 1 }, { metrics: [HIT_RATE, MEMORY] })),
    ).toThrow(/candidate has no value for metric "memory_mb"/);
    expect(() => decide(input({ hit_rate: Number.NaN }, { hit_rate: 0.7 }))).toThrow(/candidate/);
  });

  it('refuses a noise test with fewer than 2 samples per side, naming the setting to change', () => {
    const one = input({ hit_rate: 0.8 }, { hit_rate: 0.7 }, { settings: { noise: 'welch' } });
    expect(() => decide(one)).toThrow(/decide.noise "welch" .* at least 2 per side, but the candidate has 1/);
    expect(() => decide({ ...one, settings: settings({ noise: 'stddev' }) })).toThrow(/eval.repeats to 2/);
  });

  it('refuses a weighted noise test when the per-run scores cannot be paired up', () => {
    const metrics = [HIT_RATE, LATENCY];
    const candidate = sampled({ hit_rate: [0.8, 0.81], latency_ms: [100, 101, 99] });
    const incumbent = sampled({ hit_rate: [0.7, 0.71], latency_ms: [100, 101] });
    const weighted = { rule: 'weighted', weights: { hit_rate: 1, latency_ms: -0.001 } } as const;
    expect(() =>
      decide(noisy(candidate, incumbent, { metrics, settings: { ...weighted, noise: 'welch' } })),
    ).toThrow(/candidate's metrics have different numbers of samples \(hit_rate 2, latency_ms 3\)/);
    // Noise none decides on the means and needs no per-run scores.
    expect(decide(noisy(candidate, incumbent, { metrics, settings: weighted })).keep).toBe(true);
  });
});

describe('helpers', () => {
  it('relativeChange is signed like the values', () => {
    expect(relativeChange(100, 110)).toBeCloseTo(0.1);
    expect(relativeChange(-100, -110)).toBeCloseTo(-0.1);
    expect(relativeChange(0, 0)).toBe(0);
    expect(relativeChange(0, 1)).toBeNaN();
  });

  it('isBetter follows the goal', () => {
    expect(isBetter('maximize', 2, 1)).toBe(true);
    expect(isBetter('minimize', 2, 1)).toBe(false);
    expect(isBetter('minimize', 1, 1)).toBe(false);
  });
});

describe('stats: the Student t distribution', () => {
  it.each([
    // [t, degrees of freedom, P(T > t)] — reference values from scipy.stats.t.sf
    [2.0, 4, 0.05805826175840778],
    [1.812, 10, 0.05003763103292357],
    [1, 1, 0.25], // Cauchy: exactly a quarter
    [2, 2, 0.09175170953613698], // closed form 1/2 - t / (2 sqrt(2 + t²))
    [2.3, 7.5, 0.026286448052184542], // fractional degrees of freedom, as Welch produces
    [0.7, 3.3, 0.2650440396616291],
    [5, 2.2, 0.01548448284490948],
    [1.5, 30.7, 0.0719146307517128],
    [12, 3, 0.0006225079003946681],
    [0.01, 1.5, 0.49659274483146004],
    [-2, 4, 0.9419417382415922],
  ])('P(T > %d | df %d) = %d', (t, df, expected) => {
    expect(studentTUpperTail(t, df)).toBeCloseTo(expected, 12);
    expect(studentTCdf(t, df)).toBeCloseTo(1 - expected, 12);
  });

  it('approaches the normal distribution for large degrees of freedom', () => {
    expect(studentTUpperTail(1.959963984540054, 1e6)).toBeCloseTo(0.025, 5);
    expect(studentTUpperTail(1.6448536269514722, 1e7)).toBeCloseTo(0.05, 6);
  });

  it('is symmetric, 1/2 at 0, and exact at the infinities', () => {
    for (const df of [1, 2.5, 9, 40]) {
      expect(studentTUpperTail(0, df)).toBe(0.5);
      expect(studentTUpperTail(1.3, df) + studentTUpperTail(-1.3, df)).toBeCloseTo(1, 14);
    }
    expect(studentTUpperTail(Number.POSITIVE_INFINITY, 3)).toBe(0);
    expect(studentTUpperTail(Number.NEGATIVE_INFINITY, 3)).toBe(1);
    expect(studentTUpperTail(1, 0)).toBeNaN();
  });

  it('the incomplete beta matches its closed forms and reference values', () => {
    for (const x of [0.01, 0.3, 0.5, 0.77, 0.99]) {
      expect(regularizedIncompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 13);
      expect(regularizedIncompleteBeta(x, 1, 2.5)).toBeCloseTo(1 - (1 - x) ** 2.5, 13);
    }
    expect(regularizedIncompleteBeta(0.5, 6.3, 6.3)).toBeCloseTo(0.5, 13);
    expect(regularizedIncompleteBeta(0.3, 2.5, 0.5)).toBeCloseTo(0.018927124071945658, 13);
    expect(regularizedIncompleteBeta(0.9, 7, 3)).toBeCloseTo(0.947027862, 9);
    expect(regularizedIncompleteBeta(0.05, 0.5, 4.2)).toBeCloseTo(0.47605986970327624, 13);
    expect(regularizedIncompleteBeta(0, 2, 2)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 2)).toBe(1);
  });

  it('logGamma matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 12);
  });
});

describe('stats: samples and the Welch test', () => {
  it('mean, sample variance (n - 1) and standard deviation', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sampleVariance([9, 10, 11])).toBe(1);
    expect(sampleStddev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(sampleVariance([5])).toBeNaN();
  });

  it('matches scipy.stats.ttest_ind(equal_var=False, alternative="greater")', () => {
    const equalSizes = welchTest([0.76, 0.78, 0.75, 0.77, 0.79], [0.74, 0.75, 0.76, 0.73, 0.75]);
    expect(equalSizes.t).toBeCloseTo(2.752988806446741, 10);
    expect(equalSizes.pValue).toBeCloseTo(0.013664640631015468, 10);
    const unequalSizes = welchTest([10, 12, 11], [9, 9.5, 10.5, 11, 8, 9.2]);
    expect(unequalSizes.t).toBeCloseTo(2.0188584580609437, 10);
    expect(unequalSizes.pValue).toBeCloseTo(0.053523195327708536, 10);
    expect(unequalSizes.degreesOfFreedom).toBeCloseTo(4.41320293398533, 10);
  });

  it('decides on the means alone when neither side varies, and never returns NaN', () => {
    expect(welchTest([1, 1], [1, 1])).toEqual({ t: 0, pValue: 0.5 });
    expect(welchTest([2, 2, 2], [1, 1])).toEqual({ t: Number.POSITIVE_INFINITY, pValue: 0 });
    expect(welchTest([1, 1], [2, 2, 2])).toEqual({ t: Number.NEGATIVE_INFINITY, pValue: 1 });
    const oneSideConstant = welchTest([1, 1, 1], [0, 1, 2]);
    expect(oneSideConstant.pValue).toBe(0.5);
    expect(oneSideConstant.degreesOfFreedom).toBe(2);
  });

  it('needs 2 samples per side', () => {
    expect(() => welchTest([1], [1, 2])).toThrow(/at least 2 samples per side/);
  });
});

const THROUGHPUT: MetricSpec = { name: 'throughput', goal: 'maximize', extract: { kind: 'line' } };

describe('decide: noise stddev', () => {
  const incumbent = sampled({ throughput: [9, 10, 11] }); // mean 10, s = 1
  const options = (overrides: Partial<DecideSettings> = {}) => ({
    metrics: [THROUGHPUT],
    settings: { noise: 'stddev' as const, ...overrides },
  });

  it('an improvement of exactly one pooled standard deviation is within noise', () => {
    const verdict = decide(noisy(sampled({ throughput: [10, 11, 12] }), incumbent, options()));
    expect(verdict.keep).toBe(false);
    expect(verdict.reason).toBe('not better (throughput 11 vs 10, within noise: +1σ ≤ 1σ)');
    expect(verdict.stats).toMatchObject({ sigmas: 1, candidateStddev: 1, incumbentStddev: 1 });
  });

  it('keeps an improvement just beyond one standard deviation, stating it in σ', () => {
    expect(decide(noisy(sampled({ throughput: [10.01, 11.01, 12.01] }), incumbent, options())).keep).toBe(
      true,
    );
    const verdict = decide(noisy(sampled({ throughput: [10.5, 11.5, 12.5] }), incumbent, options()));
    expect(verdict).toMatchObject({
      keep: true,
      reason: 'improved',
      confidence: '+1.5σ (stddev, 3 runs each)',
    });
  });

  it('pools both sides: sqrt((s_c² + s_i²) / 2)', () => {
    // s_c = 3, s_i = 1: pooled sqrt(5) ≈ 2.236; an improvement of 2.2 is inside it, 2.3 outside.
    const wide = (center: number) => sampled({ throughput: [center - 3, center, center + 3] });
    expect(decide(noisy(wide(12.2), incumbent, options())).keep).toBe(false);
    expect(decide(noisy(wide(12.3), incumbent, options())).keep).toBe(true);
  });

  it('still needs the mean to exceed min-delta', () => {
    const verdict = decide(
      noisy(sampled({ throughput: [12, 13, 14] }), incumbent, options({ minDelta: absolute(3) })),
    );
    expect(verdict.reason).toBe('not better (throughput 13 vs 10, within min-delta)');
  });

  it('with no spread on either side any improvement beyond min-delta counts', () => {
    const verdict = decide(
      noisy(sampled({ throughput: [5, 5] }), sampled({ throughput: [4, 4] }), options()),
    );
    expect(verdict).toMatchObject({ keep: true, confidence: 'no spread (stddev, 2 runs each)' });
    expect(verdict.stats?.sigmas).toBeUndefined();
  });
});

describe('decide: noise welch', () => {
  const better = [0.76, 0.78, 0.75, 0.77, 0.79];
  const worse = [0.74, 0.75, 0.76, 0.73, 0.75];
  const welch = (overrides: Partial<DecideSettings> = {}) => ({ noise: 'welch' as const, ...overrides });

  it('keeps when p < alpha and logs means, deviations, samples and the p-value', () => {
    const verdict = decide(
      noisy(sampled({ hit_rate: better }), sampled({ hit_rate: worse }), { settings: welch() }),
    );
    expect(verdict).toMatchObject({
      keep: true,
      reason: 'improved',
      confidence: 'p=0.014 (welch, 5 runs each)',
    });
    expect(verdict.stats?.pValue).toBeCloseTo(0.013664640631015468, 10);
    expect(verdict.stats?.candidateMean).toBeCloseTo(0.77, 12);
    expect(verdict.stats?.incumbentStddev).toBeCloseTo(sampleStddev(worse), 14);
    expect(verdict.stats?.samples).toEqual({ candidate: better, incumbent: worse });
    expect(verdict.stats?.degreesOfFreedom).toBeGreaterThan(7);
  });

  it('calls a mean improvement within noise "not better" when p >= alpha', () => {
    const verdict = decide(
      noisy(sampled({ hit_rate: better }), sampled({ hit_rate: worse }), {
        settings: welch({ alpha: 0.01 }),
      }),
    );
    expect(verdict.keep).toBe(false);
    expect(verdict.reason).toBe('not better (hit_rate 0.77 vs 0.746, within noise: p=0.014 ≥ α 0.01)');
  });

  it('the boundary is alpha itself, with unequal sample counts', () => {
    // p = 0.0535 (scipy)
    const candidate = sampled({ hit_rate: [10, 12, 11] });
    const incumbent = sampled({ hit_rate: [9, 9.5, 10.5, 11, 8, 9.2] });
    expect(decide(noisy(candidate, incumbent, { settings: welch({ alpha: 0.05 }) })).keep).toBe(false);
    const verdict = decide(noisy(candidate, incumbent, { settings: welch({ alpha: 0.054 }) }));
    expect(verdict).toMatchObject({ keep: true, confidence: 'p=0.054 (welch, 3 vs 6 runs)' });
  });

  it('tests in the goal direction for a minimized metric', () => {
    const verdict = decide(
      noisy(sampled({ latency_ms: worse }), sampled({ latency_ms: better }), {
        metrics: [LATENCY],
        settings: welch(),
      }),
    );
    expect(verdict.keep).toBe(true);
    expect(verdict.stats?.pValue).toBeCloseTo(0.013664640631015468, 10);
    const backwards = decide(
      noisy(sampled({ latency_ms: better }), sampled({ latency_ms: worse }), {
        metrics: [LATENCY],
        settings: welch(),
      }),
    );
    expect(backwards.keep).toBe(false);
    expect(backwards.stats?.pValue).toBeCloseTo(1 - 0.013664640631015468, 10);
  });

  it('needs no significance for "worse": a shorter candidate whose mean is worse is not kept', () => {
    const incumbent = sampled({ hit_rate: [0.74, 0.77] }); // mean 0.755
    const slightlyWorse = sampled({ hit_rate: [0.7, 0.8] }); // mean 0.75, far from significant
    const slightlyBetter = sampled({ hit_rate: [0.72, 0.8] }); // mean 0.76, far from significant
    const options = { settings: welch(), lineDelta: -5 };
    expect(decide(noisy(slightlyWorse, incumbent, options)).keep).toBe(false);
    // Better within noise is "equal": simplicity may keep the shorter candidate.
    expect(decide(noisy(slightlyBetter, incumbent, options)).reason).toBe('simpler (5 fewer lines)');
  });

  it('constant identical samples give p = 0.5 and no keep; constant better samples give p = 0', () => {
    const same = decide(
      noisy(sampled({ hit_rate: [0.5, 0.5] }), sampled({ hit_rate: [0.5, 0.5] }), { settings: welch() }),
    );
    expect(same).toMatchObject({ keep: false, reason: 'not better (hit_rate 0.5 vs 0.5)' });
    expect(same.stats?.pValue).toBe(0.5);
    const certain = decide(
      noisy(sampled({ hit_rate: [0.6, 0.6] }), sampled({ hit_rate: [0.5, 0.5] }), { settings: welch() }),
    );
    expect(certain).toMatchObject({ keep: true, confidence: 'p<0.001 (welch, 2 runs each)' });
  });
});

describe('decide: rule pareto', () => {
  const metrics = [THROUGHPUT, LATENCY];
  const incumbent = { throughput: 100, latency_ms: 100 };
  const pareto = (candidate: Record<string, number>, lineDelta = 0) =>
    decide(
      input(candidate, incumbent, {
        metrics,
        lineDelta,
        settings: { rule: 'pareto', minDelta: absolute(1) },
      }),
    );

  it.each([
    // [throughput, latency_ms, keep]
    [102, 100, true], // better on one, the other equal
    [100, 98, true], // better on the second metric only
    [101, 100, false], // exactly min-delta is not better
    [101.01, 100, true],
    [102, 101, true], // worse by exactly min-delta is not worse
    [102, 101.01, false], // worse beyond min-delta on one: a trade-off
    [98.99, 90, false],
  ])('throughput %d, latency %d vs 100, 100 -> keep %s', (throughput, latency, keep) => {
    expect(pareto({ throughput, latency_ms: latency }).keep).toBe(keep);
  });

  it('names the worse metric, and lists the metrics when none is better', () => {
    expect(pareto({ throughput: 110, latency_ms: 120 })).toMatchObject({
      keep: false,
      reason: 'not better (latency_ms 120 vs 100: worse)',
      stats: { metric: 'latency_ms' },
    });
    expect(pareto({ throughput: 100.5, latency_ms: 100 }).reason).toBe(
      'not better (throughput 100.5 vs 100, within min-delta; latency_ms 100 vs 100)',
    );
  });

  it('a shorter candidate is kept when equal on every metric, never when it trades one for another', () => {
    expect(pareto({ throughput: 100.5, latency_ms: 100.5 }, -2).reason).toBe('simpler (2 fewer lines)');
    expect(pareto({ throughput: 110, latency_ms: 110 }, -2).keep).toBe(false);
  });

  it('with welch, a metric better only within noise does not make the candidate better', () => {
    const candidate = sampled({ throughput: [90, 115, 101], latency_ms: [100, 100, 100] });
    const incumbentSamples = sampled({ throughput: [95, 105, 100], latency_ms: [100, 100, 100] });
    const verdict = decide(
      noisy(candidate, incumbentSamples, { metrics, settings: { rule: 'pareto', noise: 'welch' } }),
    );
    expect(verdict.reason).toMatch(
      /^not better \(throughput 102 vs 100, within noise: p=0\.\d+ ≥ α 0\.05; latency_ms/,
    );
  });
});

describe('decide: rule weighted', () => {
  const metrics = [THROUGHPUT, LATENCY];
  const weights = { throughput: 1, latency_ms: -0.5 };
  const incumbent = { throughput: 100, latency_ms: 100 }; // score 50

  it.each([
    // [throughput, latency_ms, score, keep]
    [102, 104, 50, false], // gains and losses cancel
    [101, 100, 51, false], // exactly min-delta
    [101.01, 100, 51.01, true],
    [100, 97.9, 51.05, true], // the gain can come from any weighted metric
    [120, 141, 49.5, false],
  ])('throughput %d, latency %d -> score %d vs 50 -> keep %s', (throughput, latency, score, keep) => {
    const verdict = decide(
      input({ throughput, latency_ms: latency }, incumbent, {
        metrics,
        settings: { rule: 'weighted', weights, minDelta: absolute(1) },
      }),
    );
    expect(verdict.keep).toBe(keep);
    expect(verdict.stats?.metric).toBe('score');
    expect(verdict.stats?.candidateMean).toBeCloseTo(score, 12);
    expect(verdict.stats?.incumbentMean).toBe(50);
  });

  it('a metric without a weight counts 0; the score follows the primary goal (minimize)', () => {
    const withMemory = [LATENCY, THROUGHPUT, MEMORY];
    const minimizing = { rule: 'weighted' as const, weights: { latency_ms: 1, throughput: -0.1 } };
    const base = { latency_ms: 100, throughput: 100, memory_mb: 100 }; // score 90
    expect(
      decide(
        input({ ...base, latency_ms: 99, memory_mb: 500 }, base, {
          metrics: withMemory,
          settings: minimizing,
        }),
      ),
    ).toMatchObject({ keep: true, reason: 'improved' });
    expect(
      decide(
        input({ ...base, throughput: 90, memory_mb: 1 }, base, { metrics: withMemory, settings: minimizing }),
      ).reason,
    ).toBe('not better (score 91 vs 90)');
  });

  it('combines samples of the same run, so noise shared by the metrics cancels out of the score', () => {
    // Each run's throughput swings by ±10, but latency moves with it: per-run scores barely vary.
    const runScores = { candidate: [51, 51.2, 50.9, 51.1, 51], incumbent: [50, 50.1, 49.9, 50, 50.2] };
    const throughput = { candidate: [112, 102, 122, 107, 117], incumbent: [105, 115, 100, 120, 110] };
    const latency = (side: 'candidate' | 'incumbent') =>
      throughput[side].map((value, run) => (value - runScores[side][run]!) / 0.5);
    const candidate = sampled({ throughput: throughput.candidate, latency_ms: latency('candidate') });
    const incumbentSamples = sampled({ throughput: throughput.incumbent, latency_ms: latency('incumbent') });

    const verdict = decide(
      noisy(candidate, incumbentSamples, {
        metrics,
        settings: { rule: 'weighted', weights, noise: 'welch' },
      }),
    );
    expect(verdict).toMatchObject({ keep: true, confidence: 'p<0.001 (welch, 5 runs each)' });
    verdict.stats!.samples.candidate.forEach((score, run) =>
      expect(score).toBeCloseTo(runScores.candidate[run]!, 10),
    );
    // The same samples judged on throughput alone are within noise.
    expect(
      decide(noisy(candidate, incumbentSamples, { metrics, settings: { noise: 'welch' } })).reason,
    ).toMatch(/within noise/);
  });
});

describe('decide: rule lexicographic', () => {
  const metrics = [THROUGHPUT, LATENCY];
  const incumbent = { throughput: 100, latency_ms: 100 };
  const lexicographic = (candidate: Record<string, number>, lineDelta = 0) =>
    decide(
      input(candidate, incumbent, {
        metrics,
        lineDelta,
        settings: { rule: 'lexicographic', minDelta: absolute(1) },
      }),
    );

  it.each([
    // [throughput, latency_ms, keep]
    [102, 200, true], // the first metric decides
    [98.9, 50, false],
    [101, 98, true], // a tie within min-delta falls to the next metric
    [99, 98.99, true],
    [101, 101.01, false],
    [100.5, 101, false], // tied on both
  ])('throughput %d, latency %d vs 100, 100 -> keep %s', (throughput, latency, keep) => {
    expect(lexicographic({ throughput, latency_ms: latency }).keep).toBe(keep);
  });

  it('reports the deciding metric', () => {
    expect(lexicographic({ throughput: 101, latency_ms: 105 })).toMatchObject({
      keep: false,
      reason: 'not better (latency_ms 105 vs 100)',
      stats: { metric: 'latency_ms', candidateMean: 105 },
    });
  });

  it('all tied: simplicity decides', () => {
    expect(lexicographic({ throughput: 100.5, latency_ms: 101 }, -1).reason).toBe('simpler (1 fewer line)');
  });

  it('with welch, a first metric better only within noise is a tie', () => {
    const candidate = sampled({ throughput: [90, 115, 101], latency_ms: [90, 91, 89] });
    const incumbentSamples = sampled({ throughput: [95, 105, 100], latency_ms: [100, 101, 99] });
    const verdict = decide(
      noisy(candidate, incumbentSamples, { metrics, settings: { rule: 'lexicographic', noise: 'welch' } }),
    );
    expect(verdict).toMatchObject({ keep: true, stats: { metric: 'latency_ms' } });
  });
});

describe('decide: constraints come first for every rule', () => {
  const metrics = [THROUGHPUT, LATENCY, MEMORY]; // three metrics: two to optimize, one constraint
  it.each(['primary', 'pareto', 'weighted', 'lexicographic'] as const)('rule %s', (rule) => {
    const weights: Record<string, number> = rule === 'weighted' ? { throughput: 1, latency_ms: -1 } : {};
    const base = { throughput: 100, latency_ms: 100, memory_mb: 512 };
    const better = { throughput: 200, latency_ms: 50 };
    const options = { metrics, settings: { rule, weights } };
    expect(decide(input({ ...better, memory_mb: 513 }, base, options))).toStrictEqual({
      keep: false,
      reason: 'constraint memory_mb>512',
    });
    expect(decide(input({ ...better, memory_mb: 512 }, base, options)).reason).toBe('improved');
  });
});

describe('describeConfidence', () => {
  const stats = (candidate: number[], incumbent: number[], extra: Partial<ComparisonStats> = {}) => ({
    metric: 'm',
    candidateMean: mean(candidate),
    incumbentMean: mean(incumbent),
    samples: { candidate, incumbent },
    ...extra,
  });

  it('says how many runs stand behind the means and what the noise test found', () => {
    expect(describeConfidence(stats([1], [1]), { noise: 'none' })).toBe('single run');
    expect(describeConfidence(stats([1, 2, 3], [1, 2, 3]), { noise: 'none' })).toBe(
      'mean of 3 runs each, no noise test',
    );
    expect(describeConfidence(stats([1, 2], [1, 2, 3], { sigmas: 2.345 }), { noise: 'stddev' })).toBe(
      '+2.3σ (stddev, 2 vs 3 runs)',
    );
    expect(describeConfidence(stats([1, 2], [1, 2], { sigmas: -0.4 }), { noise: 'stddev' })).toBe(
      '-0.4σ (stddev, 2 runs each)',
    );
    expect(describeConfidence(stats([1, 2], [1, 2], { pValue: 0.2104 }), { noise: 'welch' })).toBe(
      'p=0.21 (welch, 2 runs each)',
    );
    expect(describeConfidence(stats([1, 2], [1, 2], { pValue: 0.0004 }), { noise: 'welch' })).toBe(
      'p<0.001 (welch, 2 runs each)',
    );
  });
});

/** A standard normal variate by Box–Muller. */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const RULES = ['primary', 'pareto', 'weighted', 'lexicographic'] as const;
const NOISES = ['none', 'stddev', 'welch'] as const;
const COMBINATIONS = RULES.flatMap((rule) => NOISES.map((noise) => [rule, noise] as const));

describe.each(COMBINATIONS)('decide: properties of rule %s with noise %s', (rule, noise) => {
  // Every bound lies on the side its goal moves away from, so improving a metric never breaks a constraint.
  const metricSets: MetricSpec[][] = [[HIT_RATE], [LATENCY], [HIT_RATE, MEMORY], [LATENCY, ACCURACY, MEMORY]];
  const seed = 1000 * RULES.indexOf(rule) + 100 * NOISES.indexOf(noise);

  interface Case {
    metrics: MetricSpec[];
    candidate: Record<string, number[]>;
    incumbent: Record<string, number[]>;
    decideSettings: Partial<DecideSettings>;
    lineDelta: number;
  }

  function randomCase(random: () => number): Case {
    const metrics = metricSets[Math.floor(random() * metricSets.length)]!;
    const runs = noise === 'none' && random() < 0.5 ? 1 : 2 + Math.floor(random() * 4);
    const samplesAround = (metric: MetricSpec) => {
      // Values around the bounds, negatives, zeros, constant sample sets and exact repeats all show up.
      const scale = metric.name === 'memory_mb' ? 1000 : metric.name === 'accuracy' ? 1 : 200;
      const center = random() < 0.1 ? 0 : Math.round((random() * 2 - 0.5) * scale * 100) / 100;
      const spread = random() < 0.2 ? 0 : random() * scale * 0.05;
      return Array.from({ length: runs }, () => Math.round((center + spread * gaussian(random)) * 100) / 100);
    };
    const incumbent = Object.fromEntries(metrics.map((metric) => [metric.name, samplesAround(metric)]));
    const candidate = Object.fromEntries(
      metrics.map((metric) => [
        metric.name,
        random() < 0.2 ? [...incumbent[metric.name]!] : samplesAround(metric),
      ]),
    );
    const minDelta: MinDelta =
      random() < 0.5
        ? absolute(random() < 0.3 ? 0 : Math.round(random() * 50) / 10)
        : relative(random() * 0.1);
    // Weights agree with the goals (a minimized metric weighs negatively under a maximized primary), so
    // improving a metric never lowers the score; a metric left out weighs 0.
    const primaryGoal = metrics[0]!.goal;
    const weights = Object.fromEntries(
      metrics
        .filter(() => random() < 0.8)
        .map((metric) => [metric.name, (metric.goal === primaryGoal ? 1 : -1) * (0.1 + random())]),
    );
    const decideSettings: Partial<DecideSettings> = {
      rule,
      noise,
      weights,
      minDelta,
      alpha: [0.01, 0.05, 0.2][Math.floor(random() * 3)]!,
      simplicity: random() < 0.7,
    };
    return { metrics, incumbent, candidate, decideSettings, lineDelta: Math.floor(random() * 21) - 10 };
  }

  const verdictOf = (c: Case, candidate = c.candidate, incumbent = c.incumbent, lineDelta = c.lineDelta) =>
    decide(
      noisy(sampled(candidate), sampled(incumbent), {
        metrics: c.metrics,
        settings: c.decideSettings,
        lineDelta,
      }),
    );

  it('never keeps both a candidate over the incumbent and the incumbent over it', () => {
    const random = mulberry32(seed + 1);
    for (let i = 0; i < 1500; i++) {
      const c = randomCase(random);
      const forward = verdictOf(c);
      const backward = verdictOf(c, c.incumbent, c.candidate, -c.lineDelta);
      expect(forward.keep && backward.keep, JSON.stringify(c)).toBe(false);
    }
  });

  it('never keeps a candidate identical to the incumbent unless it is shorter', () => {
    const random = mulberry32(seed + 2);
    for (let i = 0; i < 1000; i++) {
      const c = randomCase(random);
      const verdict = verdictOf(c, c.incumbent);
      if (!verdict.keep) continue;
      expect(c.lineDelta, JSON.stringify(c)).toBeLessThan(0);
      expect(verdict.reason).toMatch(/^simpler/);
    }
  });

  it("never turns a keep into a discard when every metric improves further in its goal's direction", () => {
    const random = mulberry32(seed + 3);
    let keeps = 0;
    for (let i = 0; i < 1500; i++) {
      const c = randomCase(random);
      if (!verdictOf(c).keep) continue;
      keeps += 1;
      // Shifting every sample keeps each side's spread, so only the means move.
      const improved = Object.fromEntries(
        c.metrics.map((metric) => {
          const step = (1 + random() * 10) * (metric.goal === 'maximize' ? 1 : -1);
          return [metric.name, c.candidate[metric.name]!.map((value) => value + step)];
        }),
      );
      expect(verdictOf(c, improved).keep, JSON.stringify({ c, improved })).toBe(true);
    }
    expect(keeps).toBeGreaterThan(50);
  });

  it('always gives a reason that starts with one of the canonical words, and a confidence', () => {
    const random = mulberry32(seed + 4);
    for (let i = 0; i < 1000; i++) {
      const verdict = verdictOf(randomCase(random));
      expect(verdict.reason).toMatch(
        /^(improved$|not better \(|constraint [\w.]+[<>]|simpler \(|meets constraints$)/,
      );
      if (verdict.stats !== undefined) expect(verdict.confidence).toMatch(/\S/);
      if (verdict.stats?.pValue !== undefined) expect(verdict.stats.pValue).not.toBeNaN();
    }
  });
});

describe('decide: welch keeps a change that does nothing about alpha of the time', () => {
  it.each([0.05, 0.2])('alpha %d, 5 runs each, 2,000 trials', (alpha) => {
    const random = mulberry32(Math.round(alpha * 1000));
    const runs = () => Array.from({ length: 5 }, () => 100 + 5 * gaussian(random));
    const trials = 2000;
    let keeps = 0;
    for (let i = 0; i < trials; i++) {
      const verdict = decide(
        noisy(sampled({ hit_rate: runs() }), sampled({ hit_rate: runs() }), {
          settings: { noise: 'welch', alpha },
        }),
      );
      if (verdict.keep) keeps += 1;
    }
    // The count is binomial(2000, alpha): a correct test cannot leave 6 standard deviations either side
    // (and the seed is fixed). At alpha 0.2 a two-tailed test (alpha / 2 per side) would be 11 sd out.
    const sd = Math.sqrt(trials * alpha * (1 - alpha));
    expect(keeps).toBeGreaterThan(trials * alpha - 6 * sd);
    expect(keeps).toBeLessThan(trials * alpha + 6 * sd);
  });
});

describe('gainOverIncumbent', () => {
  const record = (value: number | undefined, before: number | undefined) => ({
    metrics: (value === undefined ? {} : { m: value }) as Record<string, number>,
    ...(before === undefined ? {} : { incumbent: { metrics: { m: before } } }),
  });
  it('is relative, positive when better in the goal direction, absolute when the incumbent was 0', () => {
    expect(gainOverIncumbent(record(11, 10), { name: 'm', goal: 'maximize' })).toBeCloseTo(0.1);
    expect(gainOverIncumbent(record(11, 10), { name: 'm', goal: 'minimize' })).toBeCloseTo(-0.1);
    expect(gainOverIncumbent(record(-8, -10), { name: 'm', goal: 'maximize' })).toBeCloseTo(0.2);
    expect(gainOverIncumbent(record(3, 0), { name: 'm', goal: 'minimize' })).toBe(-3);
    expect(gainOverIncumbent(record(undefined, 1), { name: 'm', goal: 'maximize' })).toBeUndefined();
    expect(gainOverIncumbent(record(1, undefined), { name: 'm', goal: 'maximize' })).toBeUndefined();
  });
});
