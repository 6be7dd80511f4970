// `decide.noise`: when a difference between two sets of samples counts. Every rule compares metrics (or
// rule weighted's score) through `compareSamples`, so each noise test applies to every rule alike.
//
// Only "better" needs evidence. "Worse" is decided on the means and min-delta alone: a candidate whose
// mean is worse beyond min-delta is never kept, however noisy the eval — the conservative side, since a
// wrongly discarded change can be proposed again while a wrongly kept one stays in every later result.
import type { DecideSettings, Goal } from '../config/settings.js';
import { improvement, isBetter, minDeltaThreshold, shortNumber, standing, type Standing } from './compare.js';
import { sequentialLook, type SequentialLook } from './sequential.js';
import { mean, sampleStddev, welchTest } from './stats.js';
import type { ComparisonStats } from './types.js';

/** One side of a comparison: the mean the measurement reported and the samples it came from. */
export interface SampleSet {
  mean: number;
  samples: readonly number[];
}

export interface SampleComparison {
  standing: Standing;
  stats: ComparisonStats;
  /** A few words on the numbers, e.g. "hit_rate 0.74 vs 0.75" or "… , within noise: p=0.21 ≥ α 0.05". */
  detail: string;
}

export interface SampleComparisonInput {
  /** The metric's name, or "score". */
  name: string;
  goal: Goal;
  candidate: SampleSet;
  incumbent: SampleSet;
  settings: DecideSettings;
}

export function compareSamples(input: SampleComparisonInput): SampleComparison {
  const { name, goal, settings } = input;
  const stats = describeSamples(input);
  const byMeans = standing(goal, stats.candidateMean, stats.incumbentMean, settings.minDelta);
  const numbers = `${name} ${shortNumber(stats.candidateMean)} vs ${shortNumber(stats.incumbentMean)}`;
  if (stats.sequential !== undefined) {
    // The sequential rule alone says "better"; its other stops leave the means to tell worse from a tie.
    if (stats.sequential.stop === 'clearly better') return { standing: 'better', stats, detail: numbers };
    const standingByMeans = byMeans === 'worse' ? 'worse' : 'equal';
    return { standing: standingByMeans, stats, detail: `${numbers}, ${describeLook(stats.sequential)}` };
  }
  if (byMeans === 'better') {
    const noiseVerdict = testNoise(stats, settings);
    if (noiseVerdict !== undefined)
      return { standing: 'equal', stats, detail: `${numbers}, ${noiseVerdict}` };
    return { standing: 'better', stats, detail: numbers };
  }
  // "0.755 vs 0.75" reads like a win; say why it is not one.
  const withinMinDelta = byMeans === 'equal' && isBetter(goal, stats.candidateMean, stats.incumbentMean);
  return { standing: byMeans, stats, detail: withinMinDelta ? `${numbers}, within min-delta` : numbers };
}

/**
 * Means, spreads and the noise test's statistic. With noise none the reported means decide, as they
 * always have; the noise tests recompute the means from the samples they test, so the mean and the
 * p-value can never disagree about which samples they describe.
 */
function describeSamples({
  name,
  goal,
  candidate,
  incumbent,
  settings,
}: SampleComparisonInput): ComparisonStats {
  const candidateSamples = [...candidate.samples];
  const incumbentSamples = [...incumbent.samples];
  if (settings.noise !== 'none') {
    requireSamples(settings.noise, name, 'candidate', candidateSamples);
    requireSamples(settings.noise, name, 'incumbent', incumbentSamples);
  }
  const noiseless = settings.noise === 'none';
  const stats: ComparisonStats = {
    metric: name,
    candidateMean: noiseless ? candidate.mean : mean(candidateSamples),
    incumbentMean: noiseless ? incumbent.mean : mean(incumbentSamples),
    samples: { candidate: candidateSamples, incumbent: incumbentSamples },
  };
  if (candidateSamples.length >= 2) stats.candidateStddev = sampleStddev(candidateSamples);
  if (incumbentSamples.length >= 2) stats.incumbentStddev = sampleStddev(incumbentSamples);
  if (settings.noise === 'stddev') {
    const pooled = pooledStddev(stats);
    const delta = improvement(goal, stats.candidateMean, stats.incumbentMean);
    // Constant samples on both sides have no spread to measure against: leave sigmas out (not Infinity,
    // which JSON cannot carry into the experiments log).
    if (pooled > 0) stats.sigmas = delta / pooled;
  }
  if (settings.noise === 'welch') {
    // The test asks whether the candidate is better, so samples go in the goal's order.
    const [better, worse] =
      goal === 'maximize' ? [candidateSamples, incumbentSamples] : [incumbentSamples, candidateSamples];
    const welch = welchTest(better, worse);
    stats.pValue = welch.pValue;
    if (welch.degreesOfFreedom !== undefined) stats.degreesOfFreedom = welch.degreesOfFreedom;
  }
  if (settings.noise === 'sequential') {
    if (settings.maxRuns === undefined) throw new Error('decide: noise "sequential" needs maxRuns');
    stats.sequential = sequentialLook({
      candidate: candidateSamples,
      incumbent: incumbentSamples,
      improvement:
        improvement(goal, stats.candidateMean, stats.incumbentMean) -
        minDeltaThreshold(settings.minDelta, stats.incumbentMean),
      alpha: settings.alpha,
      maxRuns: settings.maxRuns,
    });
  }
  return stats;
}

/**
 * Why a mean that is better beyond min-delta still does not count, or undefined when it does.
 * - stddev: the improvement must exceed one pooled sample standard deviation, sqrt((s_c² + s_i²) / 2) —
 *   the spread of a single run, averaged over both sides so neither side's luck dominates. (The classic
 *   rule for batched runs; deliberately stricter than a standard error, which shrinks with more repeats.)
 * - welch: the one-sided Welch t-test of "candidate better" must give p < alpha.
 */
function testNoise(stats: ComparisonStats, settings: DecideSettings): string | undefined {
  switch (settings.noise) {
    case 'none':
      return undefined;
    case 'stddev':
      // No sigmas: neither side varies, so any improvement beyond min-delta is real.
      if (stats.sigmas === undefined || stats.sigmas > 1) return undefined;
      return `within noise: ${formatSigmas(stats.sigmas)} ≤ 1σ`;
    case 'welch': {
      const pValue = stats.pValue!;
      if (pValue < settings.alpha) return undefined;
      return `within noise: ${formatPValue(pValue)} ≥ α ${settings.alpha}`;
    }
    case 'sequential':
      throw new Error('decide: the sequential rule decides in compareSamples');
  }
}

/** "clearly not better after 2 of 20 runs", "not clearly better after 20 of 20 runs". */
export function describeLook(look: SequentialLook): string {
  const runs = `after ${look.runs} of ${look.maxRuns} runs`;
  switch (look.stop) {
    case 'clearly better':
    case 'clearly not better':
      return `${look.stop} ${runs}`;
    case 'most runs':
      return `not clearly better ${runs}`;
    case 'continue':
      return `undecided ${runs}`;
  }
}

function requireSamples(noise: string, name: string, side: string, samples: readonly number[]): void {
  if (samples.length >= 2) return;
  throw new Error(
    `decide.noise "${noise}" compares samples and needs at least 2 per side, but the ${side} has ` +
      `${samples.length} for "${name}"; set eval.repeats to 2 or more`,
  );
}

function pooledStddev(stats: ComparisonStats): number {
  return Math.sqrt(((stats.candidateStddev ?? 0) ** 2 + (stats.incumbentStddev ?? 0) ** 2) / 2);
}

/** "p=0.012", "p<0.001": two significant digits are all a p-value can honestly claim. */
export function formatPValue(pValue: number): string {
  return pValue < 0.001 ? 'p<0.001' : `p=${Number(pValue.toPrecision(2))}`;
}

/** "+2.3σ", "-0.41σ". */
export function formatSigmas(sigmas: number): string {
  const rounded = Number(sigmas.toPrecision(2));
  return `${rounded >= 0 ? '+' : ''}${rounded}σ`;
}
