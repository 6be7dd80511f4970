import { describe, expect, it } from 'vitest';
import type { DecideSettings, MetricSpec, MinDelta } from '../src/config/settings.js';
import { decide, isBetter, relativeChange, unsupportedDecideSetting } from '../src/decide/decide.js';
import type { DecisionInput, Observation } from '../src/decide/types.js';

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
    expect(verdict).toEqual({ keep: true, reason: 'improved' });
  });
});

describe('decide: simplicity', () => {
  it('keeps an equal candidate with fewer lines', () => {
    expect(decide(input({ hit_rate: 0.75 }, { hit_rate: 0.75 }, { lineDelta: -3 }))).toEqual({
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
    expect(verdict).toEqual({ keep: false, reason: 'constraint memory_mb>512' });
  });

  it('discards a candidate below a min constraint', () => {
    const verdict = decide(input({ ...fine, hit_rate: 0.9, accuracy: 0.89 }, fine, { metrics }));
    expect(verdict).toEqual({ keep: false, reason: 'constraint accuracy<0.9' });
  });

  it('accepts values exactly at the bounds', () => {
    const verdict = decide(input({ hit_rate: 0.8, memory_mb: 512, accuracy: 0.9 }, fine, { metrics }));
    expect(verdict).toEqual({ keep: true, reason: 'improved' });
  });

  it('constrains the primary metric too', () => {
    const bounded: MetricSpec = { ...HIT_RATE, max: 0.9 };
    expect(decide(input({ hit_rate: 0.95 }, { hit_rate: 0.8 }, { metrics: [bounded] })).reason).toBe(
      'constraint hit_rate>0.9',
    );
  });

  it('rescues an incumbent outside the constraints with any candidate inside them', () => {
    const outside = { ...fine, hit_rate: 0.9, memory_mb: 600 };
    expect(decide(input({ ...fine, hit_rate: 0.5 }, outside, { metrics }))).toEqual({
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

  it('says that other rules and noise tests are not supported yet', () => {
    expect(() =>
      decide(input({ hit_rate: 0.8 }, { hit_rate: 0.7 }, { settings: { rule: 'pareto' } })),
    ).toThrow(/decide.rule "pareto" is not supported yet/);
    expect(() =>
      decide(input({ hit_rate: 0.8 }, { hit_rate: 0.7 }, { settings: { noise: 'welch' } })),
    ).toThrow(/decide.noise "welch" is not supported yet/);
    expect(unsupportedDecideSetting(settings())).toBeUndefined();
    expect(unsupportedDecideSetting(settings({ rule: 'weighted' }))).toMatch(/not supported yet/);
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

/** mulberry32: a tiny seeded PRNG, so every property run is reproducible. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('decide: properties over random inputs', () => {
  const metricSets: MetricSpec[][] = [[HIT_RATE], [LATENCY], [HIT_RATE, MEMORY], [LATENCY, ACCURACY, MEMORY]];

  function randomCase(random: () => number) {
    const metrics = metricSets[Math.floor(random() * metricSets.length)]!;
    const pick = (metric: MetricSpec) => {
      // Values around the bounds, negatives, zeros and exact repeats all show up.
      const scale = metric.name === 'memory_mb' ? 1000 : metric.name === 'accuracy' ? 1 : 200;
      const value = Math.round((random() * 2 - 0.5) * scale * 100) / 100;
      return random() < 0.1 ? 0 : value;
    };
    const incumbent = Object.fromEntries(metrics.map((metric) => [metric.name, pick(metric)]));
    const candidate = Object.fromEntries(
      metrics.map((metric) => [metric.name, random() < 0.2 ? incumbent[metric.name]! : pick(metric)]),
    );
    const minDelta: MinDelta =
      random() < 0.5
        ? absolute(random() < 0.3 ? 0 : Math.round(random() * 50) / 10)
        : relative(random() * 0.1);
    const decideSettings: Partial<DecideSettings> = { minDelta, simplicity: random() < 0.7 };
    const lineDelta = Math.floor(random() * 21) - 10;
    return { metrics, incumbent, candidate, decideSettings, lineDelta };
  }

  it('never keeps both a candidate over the incumbent and the incumbent over it', () => {
    const random = prng(1);
    for (let i = 0; i < 5000; i++) {
      const c = randomCase(random);
      const forward = decide(
        input(c.candidate, c.incumbent, {
          metrics: c.metrics,
          settings: c.decideSettings,
          lineDelta: c.lineDelta,
        }),
      );
      const backward = decide(
        input(c.incumbent, c.candidate, {
          metrics: c.metrics,
          settings: c.decideSettings,
          lineDelta: -c.lineDelta,
        }),
      );
      expect(forward.keep && backward.keep, JSON.stringify(c)).toBe(false);
    }
  });

  it('never keeps a candidate identical to the incumbent unless it is shorter', () => {
    const random = prng(2);
    for (let i = 0; i < 2000; i++) {
      const c = randomCase(random);
      const verdict = decide(
        input(c.incumbent, c.incumbent, {
          metrics: c.metrics,
          settings: c.decideSettings,
          lineDelta: c.lineDelta,
        }),
      );
      if (verdict.keep) {
        expect(c.lineDelta, JSON.stringify(c)).toBeLessThan(0);
        expect(verdict.reason).toMatch(/^simpler/);
      }
    }
  });

  it('never turns a keep into a discard when the primary metric improves further', () => {
    const random = prng(3);
    let keeps = 0;
    for (let i = 0; i < 3000; i++) {
      const c = randomCase(random);
      const options = { metrics: c.metrics, settings: c.decideSettings, lineDelta: c.lineDelta };
      if (!decide(input(c.candidate, c.incumbent, options)).keep) continue;
      keeps += 1;
      const primary = c.metrics[0]!;
      // Keep the primary inside its own bounds, so only the comparison can change the verdict.
      const step = (1 + random() * 10) * (primary.goal === 'maximize' ? 1 : -1);
      let further = c.candidate[primary.name]! + step;
      if (primary.max !== undefined) further = Math.min(further, primary.max);
      if (primary.min !== undefined) further = Math.max(further, primary.min);
      const verdict = decide(input({ ...c.candidate, [primary.name]: further }, c.incumbent, options));
      expect(verdict.keep, JSON.stringify({ c, further })).toBe(true);
    }
    expect(keeps).toBeGreaterThan(100);
  });

  it('always gives a reason that starts with one of the canonical words', () => {
    const random = prng(4);
    for (let i = 0; i < 2000; i++) {
      const c = randomCase(random);
      const verdict = decide(
        input(c.candidate, c.incumbent, {
          metrics: c.metrics,
          settings: c.decideSettings,
          lineDelta: c.lineDelta,
        }),
      );
      expect(verdict.reason).toMatch(
        /^(improved$|not better \(|constraint [\w.]+[<>]|simpler \(|meets constraints$)/,
      );
    }
  });
});
