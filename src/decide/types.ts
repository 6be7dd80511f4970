// Inputs and output of the pure keep/discard decision.
import type { DecideSettings, MetricSpec } from '../config/settings.js';
import type { SequentialLook } from './sequential.js';

export interface Observation {
  /** Mean per metric. */
  metrics: Record<string, number>;
  /** Raw samples per metric (length = repeats). */
  samples: Record<string, number[]>;
}

export interface DecisionInput {
  candidate: Observation;
  incumbent: Observation;
  metrics: readonly MetricSpec[];
  settings: DecideSettings;
  /** Lines in the scope files after the candidate minus before it (negative: the candidate is shorter). */
  lineDelta: number;
}

/** The numbers a verdict rests on, for the experiments log: one metric, or rule weighted's score. */
export interface ComparisonStats {
  /** The metric that decided, or "score" for rule weighted. */
  metric: string;
  candidateMean: number;
  incumbentMean: number;
  /** Sample standard deviations; present when the side has 2 or more samples. */
  candidateStddev?: number;
  incumbentStddev?: number;
  /** noise stddev: the mean improvement (in the goal's direction) in pooled standard deviations. */
  sigmas?: number;
  /** noise welch: one-sided p-value of "the candidate is better". */
  pValue?: number;
  /** noise welch: Welch–Satterthwaite degrees of freedom (absent when neither side varies). */
  degreesOfFreedom?: number;
  /** noise sequential: the rule's look at these runs (why they stopped, the likelihood ratio). */
  sequential?: SequentialLook;
  samples: { candidate: number[]; incumbent: number[] };
}

export interface Verdict {
  keep: boolean;
  /** Why, in the words of the experiments log: "improved", "not better", "constraint memory_mb>512", "simpler" … */
  reason: string;
  /** Absent when constraints decided before any comparison. */
  stats?: ComparisonStats;
  /** How sure the comparison is, for the PR body: "p=0.012 (welch, 5 runs each)", "+2.3σ (stddev, …)", "single run". */
  confidence?: string;
  /** noise sequential: how many runs the candidate took and why they stopped (`continue`: not yet). */
  sequential?: SequentialOutcome;
}

/** What a record says about a sequentially measured candidate. */
export interface SequentialOutcome {
  runs: number;
  max_runs: number;
  stopped: SequentialLook['stop'] | 'constraint' | 'meets constraints';
}
