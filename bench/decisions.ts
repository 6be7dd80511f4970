// `node bench/run.mjs decisions`: how often each decision rule keeps a change that does nothing (false
// keeps) and how often it keeps a real improvement (power), on synthetic normally distributed samples.
// Pure functions, seeded, one run: the numbers are the same every time.
import type { DecideSettings, MetricSpec } from '../src/config/settings.js';
import { decide } from '../src/decide/decide.js';
import { mulberry32 } from '../src/propose/mutate/random.js';

const TRIALS = 10_000;
const BASE = 100;
const METRIC: MetricSpec = { name: 'score', goal: 'maximize', extract: { kind: 'line' } };

interface Scenario {
  /** The change's true effect, as a fraction of the base (0.05 = a 5 % improvement). */
  effect: number;
  /** The eval's noise: the standard deviation of one run, as a fraction of the base. */
  noise: number;
  repeats: number;
  decideNoise: DecideSettings['noise'];
  alpha?: number;
}

/** The fraction of TRIALS in which decide keeps the candidate. */
export function keepRate(scenario: Scenario, seed: number): number {
  const random = mulberry32(seed);
  const settings: DecideSettings = {
    rule: 'primary',
    weights: {},
    minDelta: { kind: 'absolute', value: 0 },
    noise: scenario.decideNoise,
    alpha: scenario.alpha ?? 0.05,
    simplicity: false,
  };
  const runs = (center: number) =>
    Array.from({ length: scenario.repeats }, () => center + scenario.noise * BASE * gaussian(random));
  let keeps = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    const candidate = runs(BASE * (1 + scenario.effect));
    const incumbent = runs(BASE);
    const verdict = decide({
      candidate: { metrics: { score: mean(candidate) }, samples: { score: candidate } },
      incumbent: { metrics: { score: mean(incumbent) }, samples: { score: incumbent } },
      metrics: [METRIC],
      settings,
      lineDelta: 0,
    });
    if (verdict.keep) keeps += 1;
  }
  return keeps / TRIALS;
}

/** The scenarios of the issue (σ = 5 %, 5 repeats), then what welch needs to reach the power goal. */
const SCENARIOS: Record<string, Scenario> = {
  'false keep, naive (1 run, strictly better)': { effect: 0, noise: 0.05, repeats: 1, decideNoise: 'none' },
  'false keep, stddev (5 runs)': { effect: 0, noise: 0.05, repeats: 5, decideNoise: 'stddev' },
  'false keep, welch (5 runs, α 0.05)': { effect: 0, noise: 0.05, repeats: 5, decideNoise: 'welch' },
  'power +5%, naive (1 run)': { effect: 0.05, noise: 0.05, repeats: 1, decideNoise: 'none' },
  'power +5%, stddev (5 runs)': { effect: 0.05, noise: 0.05, repeats: 5, decideNoise: 'stddev' },
  'power +5%, welch (5 runs, α 0.05)': { effect: 0.05, noise: 0.05, repeats: 5, decideNoise: 'welch' },
  'power +5%, welch (10 runs, σ 5%)': { effect: 0.05, noise: 0.05, repeats: 10, decideNoise: 'welch' },
  'power +5%, welch (15 runs, σ 5%)': { effect: 0.05, noise: 0.05, repeats: 15, decideNoise: 'welch' },
  'power +5%, welch (5 runs, σ 2.5%)': { effect: 0.05, noise: 0.025, repeats: 5, decideNoise: 'welch' },
};

/** Keep rates by scenario name, each from TRIALS seeded trials. */
export function benchDecisions(): Record<string, number> {
  const results: Record<string, number> = {};
  Object.entries(SCENARIOS).forEach(([name, scenario], index) => {
    results[name] = keepRate(scenario, 1 + index);
  });
  return results;
}

/** The results side by side, one scenario per line. */
export function decisionTable(results: Record<string, number>): string {
  const width = Math.max(...Object.keys(results).map((name) => name.length));
  const lines = Object.entries(results).map(
    ([name, rate]) => `  ${name.padEnd(width)}  ${(rate * 100).toFixed(1).padStart(5)} %`,
  );
  return [`keep rates over ${TRIALS.toLocaleString('en')} trials each, σ 5 % unless named:`, ...lines].join(
    '\n',
  );
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** A standard normal variate by Box–Muller. */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
