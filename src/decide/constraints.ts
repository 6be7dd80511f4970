// Metric constraints (`metrics[].min` / `max`): a value outside them disqualifies a candidate.
import type { MetricSpec } from '../config/settings.js';

/** "memory_mb>512" or "accuracy<0.9" when the value breaks the metric's bound; undefined when it is within. */
export function constraintViolation(metric: MetricSpec, value: number): string | undefined {
  if (metric.max !== undefined && value > metric.max) return `${metric.name}>${metric.max}`;
  if (metric.min !== undefined && value < metric.min) return `${metric.name}<${metric.min}`;
  return undefined;
}

/**
 * The first broken constraint, in config order, of a set of metric values. A metric without a value
 * breaks nothing here: callers that need every value check completeness themselves.
 */
export function firstViolation(
  metrics: readonly MetricSpec[],
  values: Readonly<Record<string, number | undefined>>,
): string | undefined {
  for (const metric of metrics) {
    const value = values[metric.name];
    if (value === undefined) continue;
    const violation = constraintViolation(metric, value);
    if (violation !== undefined) return violation;
  }
  return undefined;
}

/** The constraints in force, by metric: `{memory_mb: {max: 512}}`; metrics without min or max are left out. */
export type ConstraintLimits = Record<string, { min?: number; max?: number }>;

export function limitsInForce(metrics: readonly MetricSpec[]): ConstraintLimits {
  const limits: ConstraintLimits = {};
  for (const metric of metrics) {
    if (metric.min === undefined && metric.max === undefined) continue;
    limits[metric.name] = {
      ...(metric.min === undefined ? {} : { min: metric.min }),
      ...(metric.max === undefined ? {} : { max: metric.max }),
    };
  }
  return limits;
}
