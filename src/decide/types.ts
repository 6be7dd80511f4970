// Inputs and output of the pure keep/discard decision.
import type { DecideSettings, MetricSpec } from '../config/settings.js';

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

export interface Verdict {
  keep: boolean;
  /** Why, in the words of the experiments log: "improved", "not better", "constraint memory_mb>512", "simpler" … */
  reason: string;
}
