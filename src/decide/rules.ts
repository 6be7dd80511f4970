// The comparison rules of `decide.rule`. Each says how the candidate stands against the incumbent on the
// metrics, before tie-breaks; constraints have already been checked by the caller.
import type { DecideSettings, MetricSpec } from '../config/settings.js';
import { isBetter, standing, type Standing } from './compare.js';

export interface RuleComparison {
  standing: Standing;
  /** A few words on the numbers that decided it, e.g. "hit_rate 0.74 vs 0.75". */
  detail: string;
}

export interface RuleInput {
  candidate: Readonly<Record<string, number>>;
  incumbent: Readonly<Record<string, number>>;
  metrics: readonly MetricSpec[];
  settings: DecideSettings;
}

export function compareByRule(input: RuleInput): RuleComparison {
  const rule = input.settings.rule;
  switch (rule) {
    case 'primary':
      return compareOnPrimary(input);
    case 'pareto':
    case 'weighted':
    case 'lexicographic':
      throw new Error(`decide.rule "${rule}" is not supported yet; use rule: primary`);
  }
}

/** The settings decide cannot honour yet, as a message for the user; undefined when all are supported. */
export function unsupportedDecideSetting(settings: DecideSettings): string | undefined {
  if (settings.rule !== 'primary')
    return `decide.rule "${settings.rule}" is not supported yet; use rule: primary`;
  if (settings.noise !== 'none')
    return `decide.noise "${settings.noise}" is not supported yet; use noise: none`;
  return undefined;
}

function compareOnPrimary({ candidate, incumbent, metrics, settings }: RuleInput): RuleComparison {
  const primary = metrics[0];
  if (primary === undefined) throw new Error('decide needs at least one metric');
  const a = candidate[primary.name]!;
  const b = incumbent[primary.name]!;
  const result = standing(primary.goal, a, b, settings.minDelta);
  // "0.755 vs 0.75" reads like a win; say why it is not one.
  const note = result === 'equal' && isBetter(primary.goal, a, b) ? ', within min-delta' : '';
  return { standing: result, detail: `${primary.name} ${shortNumber(a)} vs ${shortNumber(b)}${note}` };
}

/** Six significant digits, enough to tell values apart in a reason without float noise (0.7412000000000001). */
export function shortNumber(value: number): string {
  const rounded = Number(value.toPrecision(6));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
