// `node bench/run.mjs decisions`: how often each decision rule keeps a change that does nothing (false
// keeps) and how often it keeps a real improvement (power), on synthetic normally distributed samples.
// Pure functions, seeded, one run: the numbers are the same every time.
import type { DecideSettings, MetricSpec } from '../src/config/settings.js';
import { decide, sequentialSettled } from '../src/decide/decide.js';
import type { DecisionInput } from '../src/decide/types.js';
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

/** The candidates of a realistic night: most do nothing or harm, some help. Effects as fractions of the base. */
const MIX: readonly { effect: number; share: number }[] = [
  { effect: 0, share: 0.35 },
  { effect: -0.05, share: 0.2 },
  { effect: -0.2, share: 0.15 },
  { effect: 0.05, share: 0.3 },
];

/** A way of deciding: fixed-n Welch, or sequential with `repeats` as the most runs. */
interface Method {
  name: string;
  noise: 'welch' | 'sequential';
  repeats: number;
}

export const METHODS: readonly Method[] = [
  { name: 'welch, 5 runs', noise: 'welch', repeats: 5 },
  { name: 'welch, 15 runs', noise: 'welch', repeats: 15 },
  { name: 'sequential, at most 20 runs', noise: 'sequential', repeats: 20 },
  { name: 'sequential, at most 25 runs', noise: 'sequential', repeats: 25 },
  { name: 'sequential, at most 30 runs', noise: 'sequential', repeats: 30 },
];

interface Trials {
  keepRate: number;
  /** Candidate runs per decision. */
  runs: number;
  /** Runs the incumbent gets after a keep (sequential tops it up to eval.repeats), per decision. */
  incumbentRuns: number;
}

/**
 * TRIALS decisions of one method on candidates with a true `effect`, at σ 5 %. The incumbent has
 * `repeats` runs, as a session measures it; a sequential candidate is run until the rule stops it.
 */
export function trials(method: Method, effect: number, seed: number): Trials {
  const random = mulberry32(seed);
  const settings = settingsFor(method);
  const run = (center: number) => center + 0.05 * BASE * gaussian(random);
  let keeps = 0;
  let runs = 0;
  let incumbentRuns = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    const incumbent = Array.from({ length: method.repeats }, () => run(BASE));
    const candidate: number[] = [];
    const input = (): DecisionInput => observed(candidate, incumbent, settings);
    do candidate.push(run(BASE * (1 + effect)));
    while (
      candidate.length < method.repeats &&
      !(method.noise === 'sequential' && sequentialSettled(input()))
    );
    const verdict = decide(input());
    runs += candidate.length;
    if (verdict.keep) {
      keeps += 1;
      if (method.noise === 'sequential') incumbentRuns += method.repeats - candidate.length;
    }
  }
  return { keepRate: keeps / TRIALS, runs: runs / TRIALS, incumbentRuns: incumbentRuns / TRIALS };
}

export interface MethodResult {
  name: string;
  falseKeeps: number;
  power: number;
  /** Over MIX: candidate runs per decision, and with the incumbent's top-up runs. */
  runsPerDecision: number;
  allRunsPerDecision: number;
}

/** False keeps at no effect, power at +5 %, and runs per decision over MIX, for every method. */
export function benchSequential(): MethodResult[] {
  return METHODS.map((method, index) => {
    const seed = 100 * (index + 1);
    const falseKeeps = trials(method, 0, seed).keepRate;
    const power = trials(method, 0.05, seed + 1).keepRate;
    let runsPerDecision = 0;
    let allRunsPerDecision = 0;
    MIX.forEach(({ effect, share }, i) => {
      const result = trials(method, effect, seed + 2 + i);
      runsPerDecision += share * result.runs;
      allRunsPerDecision += share * (result.runs + result.incumbentRuns);
    });
    return { name: method.name, falseKeeps, power, runsPerDecision, allRunsPerDecision };
  });
}

/** The methods side by side. */
export function sequentialTable(results: readonly MethodResult[]): string {
  const width = Math.max(...results.map((result) => result.name.length));
  const percent = (rate: number) => `${(rate * 100).toFixed(1).padStart(5)} %`;
  const header = `  ${'method'.padEnd(width)}  false keeps  power +5%  candidate runs  with incumbent top-up`;
  const lines = results.map(
    (result) =>
      `  ${result.name.padEnd(width)}  ${percent(result.falseKeeps).padStart(11)}  ${percent(result.power).padStart(9)}` +
      `  ${result.runsPerDecision.toFixed(2).padStart(14)}  ${result.allRunsPerDecision.toFixed(2).padStart(21)}`,
  );
  const mix = MIX.map(
    ({ effect, share }) => `${share * 100} % ${effect >= 0 ? '+' : ''}${effect * 100} %`,
  ).join(', ');
  return [
    `σ 5 %, α 0.05, ${TRIALS.toLocaleString('en')} trials each; runs per decision over the mix ${mix}:`,
    header,
    ...lines,
  ].join('\n');
}

const NIGHTS = 200;
const DECISIONS_PER_NIGHT = 100;

export interface NightResult {
  name: string;
  /** Per night, averaged over NIGHTS: every eval run (incumbent included), keeps, keeps of no gain. */
  runs: number;
  keeps: number;
  falseKeeps: number;
  /** The true improvement of the final incumbent over the first, geometric mean over nights. */
  gain: number;
}

/**
 * Whole nights: DECISIONS_PER_NIGHT candidates drawn from MIX, each against the incumbent of that moment,
 * a keep becoming the incumbent with its runs (the session's behaviour), with or without sequential's
 * top-up of the new incumbent to eval.repeats runs. Counts every run, the incumbent's included.
 */
export function night(method: Method, topUp: boolean, seed: number): Omit<NightResult, 'name'> {
  const random = mulberry32(seed);
  const settings = settingsFor(method);
  const run = (center: number) => center + 0.05 * BASE * gaussian(random);
  let truth = BASE;
  let incumbent = Array.from({ length: method.repeats }, () => run(truth));
  let runs = incumbent.length;
  let keeps = 0;
  let falseKeeps = 0;
  for (let decision = 0; decision < DECISIONS_PER_NIGHT; decision++) {
    const effect = drawEffect(random());
    const candidate: number[] = [];
    const input = (): DecisionInput => observed(candidate, incumbent, settings);
    do candidate.push(run(truth * (1 + effect)));
    while (
      candidate.length < method.repeats &&
      !(method.noise === 'sequential' && sequentialSettled(input()))
    );
    runs += candidate.length;
    if (!decide(input()).keep) continue;
    keeps += 1;
    if (effect <= 0) falseKeeps += 1;
    truth *= 1 + effect;
    incumbent = [...candidate];
    const missing = topUp ? method.repeats - incumbent.length : 0;
    for (let extra = 0; extra < missing; extra++) incumbent.push(run(truth));
    runs += Math.max(0, missing);
  }
  return { runs, keeps, falseKeeps, gain: truth / BASE - 1 };
}

/** Nights of welch at 5 and 15 runs and sequential at 25, with and without the incumbent's top-up. */
export function benchNights(): NightResult[] {
  const variants: { method: Method; topUp: boolean; name: string }[] = [
    { method: METHODS[0]!, topUp: false, name: METHODS[0]!.name },
    { method: METHODS[1]!, topUp: false, name: METHODS[1]!.name },
    { method: METHODS[3]!, topUp: true, name: `${METHODS[3]!.name}` },
    { method: METHODS[3]!, topUp: false, name: `${METHODS[3]!.name}, no top-up` },
  ];
  return variants.map(({ method, topUp, name }) => {
    let runs = 0;
    let keeps = 0;
    let falseKeeps = 0;
    let logGain = 0;
    for (let index = 0; index < NIGHTS; index++) {
      const result = night(method, topUp, 5000 + index);
      runs += result.runs;
      keeps += result.keeps;
      falseKeeps += result.falseKeeps;
      logGain += Math.log1p(result.gain);
    }
    return {
      name,
      runs: runs / NIGHTS,
      keeps: keeps / NIGHTS,
      falseKeeps: falseKeeps / NIGHTS,
      gain: Math.expm1(logGain / NIGHTS),
    };
  });
}

export function nightsTable(results: readonly NightResult[]): string {
  const width = Math.max(...results.map((result) => result.name.length));
  const lines = results.map(
    (result) =>
      `  ${result.name.padEnd(width)}  ${result.runs.toFixed(0).padStart(9)}  ${result.keeps.toFixed(1).padStart(5)}` +
      `  ${result.falseKeeps.toFixed(2).padStart(11)}  ${`+${(result.gain * 100).toFixed(0)} %`.padStart(9)}`,
  );
  return [
    `${NIGHTS} nights of ${DECISIONS_PER_NIGHT} candidates from the mix, σ 5 %, α 0.05, per night:`,
    `  ${'method'.padEnd(width)}  eval runs  keeps  false keeps  true gain`,
    ...lines,
  ].join('\n');
}

function drawEffect(uniform: number): number {
  let left = uniform;
  for (const { effect, share } of MIX) {
    if (left < share) return effect;
    left -= share;
  }
  return MIX.at(-1)!.effect;
}

function settingsFor(method: Method): DecideSettings {
  return {
    rule: 'primary',
    weights: {},
    minDelta: { kind: 'absolute', value: 0 },
    noise: method.noise,
    alpha: 0.05,
    simplicity: false,
    ...(method.noise === 'sequential' ? { maxRuns: method.repeats } : {}),
  };
}

function observed(candidate: number[], incumbent: number[], settings: DecideSettings): DecisionInput {
  return {
    candidate: { metrics: { score: mean(candidate) }, samples: { score: candidate } },
    incumbent: { metrics: { score: mean(incumbent) }, samples: { score: incumbent } },
    metrics: [METRIC],
    settings,
    lineDelta: 0,
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** A standard normal variate by Box–Muller. */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
