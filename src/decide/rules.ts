// The comparison rules of `decide.rule`. Each says how the candidate stands against the incumbent on the
// metrics, before tie-breaks; constraints have already been checked by the caller. Every per-metric
// comparison goes through the noise test (noise.ts), so "better" always means "better beyond min-delta
// and beyond noise". One min-delta serves every metric (and the weighted score): the config has one.
import type { DecideSettings, MetricSpec } from '../config/settings.js';
import type { Standing } from './compare.js';
import { compareSamples, type SampleComparison, type SampleSet } from './noise.js';
import type { ComparisonStats, Observation } from './types.js';

export { shortNumber } from './compare.js';

export interface RuleComparison {
  standing: Standing;
  /** A few words on the numbers that decided it, e.g. "hit_rate 0.74 vs 0.75". */
  detail: string;
  /** The numbers of the metric (or score) that decided. */
  stats: ComparisonStats;
}

export interface RuleInput {
  candidate: Observation;
  incumbent: Observation;
  metrics: readonly MetricSpec[];
  settings: DecideSettings;
}

export function compareByRule(input: RuleInput): RuleComparison {
  if (input.metrics.length === 0) throw new Error('decide needs at least one metric');
  switch (input.settings.rule) {
    case 'primary':
      return compareMetric(input, input.metrics[0]!);
    case 'pareto':
      return compareByPareto(input);
    case 'weighted':
      return compareByWeightedScore(input);
    case 'lexicographic':
      return compareLexicographically(input);
  }
}

function compareMetric({ candidate, incumbent, settings }: RuleInput, metric: MetricSpec): SampleComparison {
  return compareSamples({
    name: metric.name,
    goal: metric.goal,
    candidate: sampleSet(candidate, metric.name),
    incumbent: sampleSet(incumbent, metric.name),
    settings,
  });
}

function sampleSet(observation: Observation, name: string): SampleSet {
  return { mean: observation.metrics[name]!, samples: observation.samples[name] ?? [] };
}

/**
 * Better on at least one metric, worse on none. A trade-off (better on one, worse on another) is "worse",
 * not "equal": simplicity must not keep a shorter candidate that gave something up.
 */
function compareByPareto(input: RuleInput): RuleComparison {
  const comparisons = input.metrics.map((metric) => compareMetric(input, metric));
  const worse = comparisons.find((comparison) => comparison.standing === 'worse');
  if (worse !== undefined) return { standing: 'worse', detail: `${worse.detail}: worse`, stats: worse.stats };
  const better = comparisons.find((comparison) => comparison.standing === 'better');
  if (better !== undefined) return better;
  return { standing: 'equal', detail: joinDetails(comparisons), stats: comparisons[0]!.stats };
}

/** In metric order, the first metric that is not equal (within min-delta and noise) decides. */
function compareLexicographically(input: RuleInput): RuleComparison {
  const comparisons: SampleComparison[] = [];
  for (const metric of input.metrics) {
    const comparison = compareMetric(input, metric);
    if (comparison.standing !== 'equal') return comparison;
    comparisons.push(comparison);
  }
  return { standing: 'equal', detail: joinDetails(comparisons), stats: comparisons[0]!.stats };
}

function joinDetails(comparisons: readonly SampleComparison[]): string {
  return comparisons.map((comparison) => comparison.detail).join('; ');
}

/**
 * score = Σ weight × value over the metrics named in `decide.weights` (a metric without a weight counts
 * 0), judged in the primary metric's direction; min-delta and the noise test apply to the score. Per-metric
 * goals play no part: the weights' signs carry them ({hit_rate: 1, latency_ms: -0.01} for a maximize).
 */
function compareByWeightedScore(input: RuleInput): RuleComparison {
  return compareSamples({
    name: 'score',
    goal: input.metrics[0]!.goal,
    candidate: weightedScore(input.candidate, 'candidate', input),
    incumbent: weightedScore(input.incumbent, 'incumbent', input),
    settings: input.settings,
  });
}

/**
 * The score of the means, and one score per sample index: repeat i of every metric comes from the same
 * eval run, so they combine into that run's score. Sample lists of unequal length cannot be paired up:
 * noise none decides on the means and does without per-run scores; the noise tests refuse.
 */
function weightedScore(observation: Observation, side: string, { metrics, settings }: RuleInput): SampleSet {
  const weighted = metrics.filter((metric) => (settings.weights[metric.name] ?? 0) !== 0);
  const weightOf = (metric: MetricSpec) => settings.weights[metric.name]!;
  let meanScore = 0;
  for (const metric of weighted) meanScore += weightOf(metric) * observation.metrics[metric.name]!;
  // With no weighted metric the score is 0 in every run; the primary's samples say how many runs there were.
  const sampleLists = (weighted.length > 0 ? weighted : metrics.slice(0, 1)).map(
    (metric) => observation.samples[metric.name] ?? [],
  );
  const runs = sampleLists[0]!.length;
  if (sampleLists.some((list) => list.length !== runs)) {
    if (settings.noise === 'none') return { mean: meanScore, samples: [] };
    const counts = weighted.map((metric, i) => `${metric.name} ${sampleLists[i]!.length}`).join(', ');
    throw new Error(`decide: the ${side}'s metrics have different numbers of samples (${counts})`);
  }
  const samples = Array.from({ length: runs }, (_, run) =>
    weighted.reduce((score, metric, i) => score + weightOf(metric) * sampleLists[i]![run]!, 0),
  );
  return { mean: meanScore, samples };
}
