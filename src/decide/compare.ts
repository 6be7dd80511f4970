// Comparing two values of one metric: direction (goal) and the smallest change that counts (min-delta).
import type { Goal, MinDelta } from '../config/settings.js';

/** How a candidate's value stands against the incumbent's, once min-delta is taken into account. */
export type Standing = 'better' | 'equal' | 'worse';

/** (to - from) / |from|: the raw relative change, signed like the values (not like the goal). NaN when from is 0. */
export function relativeChange(from: number, to: number): number {
  if (from === 0) return to === 0 ? 0 : Number.NaN;
  return (to - from) / Math.abs(from);
}

/** The change from `incumbent` to `candidate` in the goal's direction: positive means the candidate is better. */
export function improvement(goal: Goal, candidate: number, incumbent: number): number {
  return goal === 'maximize' ? candidate - incumbent : incumbent - candidate;
}

/**
 * How much a recorded experiment's primary metric improved on the incumbent it was measured against,
 * relative to it (absolute when the incumbent was 0): positive is better. For ordering experiments by
 * their gains; undefined when either value is missing.
 */
export function gainOverIncumbent(
  record: { metrics: Record<string, number>; incumbent?: { metrics: Record<string, number> } },
  primary: { name: string; goal: Goal },
): number | undefined {
  const value = record.metrics[primary.name];
  const before = record.incumbent?.metrics[primary.name];
  if (value === undefined || before === undefined) return undefined;
  const delta = improvement(primary.goal, value, before);
  return before === 0 ? delta : delta / Math.abs(before);
}

/** Whether `a` is strictly better than `b` for this goal (no min-delta, no tolerance). */
export function isBetter(goal: Goal, a: number, b: number): boolean {
  return improvement(goal, a, b) > 0;
}

/** The size of change min-delta asks for against this incumbent value. */
export function minDeltaThreshold(minDelta: MinDelta, incumbent: number): number {
  return minDelta.kind === 'absolute' ? Math.abs(minDelta.value) : Math.abs(minDelta.fraction * incumbent);
}

/**
 * Better only when the improvement exceeds min-delta; equal when it is within min-delta either way.
 * Differences at the level of floating-point rounding (0.76 - 0.75 is 0.010000000000000009) are not
 * real differences: without this slack a change of exactly min-delta would count as "more than" it,
 * and a re-computed mean equal to the incumbent's could be "better".
 */
export function standing(goal: Goal, candidate: number, incumbent: number, minDelta: MinDelta): Standing {
  const delta = improvement(goal, candidate, incumbent);
  const threshold = minDeltaThreshold(minDelta, incumbent);
  const slack = 8 * Number.EPSILON * Math.max(Math.abs(candidate), Math.abs(incumbent), threshold);
  if (delta > threshold + slack) return 'better';
  if (delta < -(threshold + slack)) return 'worse';
  return 'equal';
}

/** Six significant digits, enough to tell values apart in a reason without float noise (0.7412000000000001). */
export function shortNumber(value: number): string {
  const rounded = Number(value.toPrecision(6));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
