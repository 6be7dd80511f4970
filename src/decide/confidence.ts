// The one-phrase confidence of a verdict that the PR body shows next to each keep.
import type { DecideSettings } from '../config/settings.js';
import { describeLook, formatPValue, formatSigmas } from './noise.js';
import type { ComparisonStats } from './types.js';

/** "p=0.012 (welch, 5 runs each)", "+2.3σ (stddev, 5 vs 4 runs)", "single run", "mean of 3 runs". */
export function describeConfidence(stats: ComparisonStats, settings: Pick<DecideSettings, 'noise'>): string {
  const runs = describeRuns(stats.samples.candidate.length, stats.samples.incumbent.length);
  switch (settings.noise) {
    case 'none':
      return stats.samples.candidate.length <= 1 ? 'single run' : `mean of ${runs}, no noise test`;
    case 'stddev':
      // No sigmas means neither side varied: the difference is all signal.
      return `${stats.sigmas === undefined ? 'no spread' : formatSigmas(stats.sigmas)} (stddev, ${runs})`;
    case 'welch':
      return `${stats.pValue === undefined ? 'p unknown' : formatPValue(stats.pValue)} (welch, ${runs})`;
    case 'sequential':
      return stats.sequential === undefined
        ? `sequential, ${runs}`
        : `${describeLook(stats.sequential)} (sequential, ${stats.samples.incumbent.length} incumbent runs)`;
  }
}

function describeRuns(candidateRuns: number, incumbentRuns: number): string {
  if (candidateRuns === incumbentRuns) return `${candidateRuns} run${candidateRuns === 1 ? '' : 's'} each`;
  return `${candidateRuns} vs ${incumbentRuns} runs`;
}
