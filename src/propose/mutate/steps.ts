// Adaptive step sizes per literal, rebuilt from the ledger each time (sessions resume, so no memory
// may live in the process): a keep grows the step and keeps the direction, anything else shrinks it
// and flips the direction — a per-coordinate version of the 1/5th success rule. What each literal's
// keeps gained is remembered too, so the search can follow the literals that help.
import type { MetricSpec } from '../../config/settings.js';
import type { ExperimentRecord } from '../../ledger/types.js';

/** Relative step of a literal never changed before: 300 -> 390 or 231 (the default of proposer.step). */
export const INITIAL_SCALE = 0.3;
export const GROW = 1.3;
export const SHRINK = 0.7;
export const MIN_SCALE = 0.01;
export const MAX_SCALE = 4;
/** A jump is this many times the literal's step (the default of proposer.jump; see plan.ts). */
export const JUMP = 3;

export type Direction = 1 | -1;

/** What mutate stores in an experiment's record (`proposal.mutation`) and reads back. */
export interface Mutation {
  file: string;
  line: number;
  key: string;
  from: number;
  to: number;
  /** to - from. */
  step: number;
  /** The relative step size used (see steppedText). */
  scale: number;
  /**
   * The literal's own step size when this one was bigger or smaller (a larger jump, or another size
   * because the usual step gave a content already tried); absent when they are the same.
   */
  base?: number;
}

export interface LiteralState {
  scale: number;
  /** The direction to try next time; undefined until the literal has been tried. */
  direction?: Direction;
  tries: number;
  successes: number;
  /** Experiment number of the last try; -1 if never. */
  lastTried: number;
  /** What its keeps gained, summed: the relative improvement of the primary metric, each at most 1. */
  credit: number;
  /** The gain of its last try: 0 unless that was a keep. */
  promise: number;
}

export function literalId(file: string, key: string): string {
  return `${file}\0${key}`;
}

/** A literal never tried: its step is the first step (proposer.step). */
export function initialState(firstStep = INITIAL_SCALE): LiteralState {
  return { scale: firstStep, tries: 0, successes: 0, lastTried: -1, credit: 0, promise: 0 };
}

const clampScale = (scale: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** The mutation stored in a record by mutate, or undefined for other proposers and malformed details. */
export function mutationOf(record: ExperimentRecord): Mutation | undefined {
  if (record.proposer !== 'mutate') return undefined;
  return mutationIn(record.proposal);
}

/** The mutation in mutate's details (a record's `proposal`), or undefined when there is none. */
export function mutationIn(details: Record<string, unknown> | undefined): Mutation | undefined {
  const mutation = details?.['mutation'];
  if (typeof mutation !== 'object' || mutation === null) return undefined;
  const fields = mutation as Record<string, unknown>;
  const { file, line, key, from, to, step, scale, base } = fields;
  if (
    typeof file !== 'string' ||
    typeof key !== 'string' ||
    typeof from !== 'number' ||
    typeof to !== 'number'
  ) {
    return undefined;
  }
  return {
    file,
    key,
    from,
    to,
    line: typeof line === 'number' ? line : 0,
    step: typeof step === 'number' ? step : to - from,
    scale: typeof scale === 'number' && scale > 0 ? scale : Number.NaN,
    ...(typeof base === 'number' && base > 0 ? { base } : {}),
  };
}

/** What a keep counts as when how much it gained cannot be told (no metric, or kept on another ground). */
const UNKNOWN_GAIN = 0.01;

/** How much a keep improved the primary metric, relative to the incumbent it beat (at most 1). */
export function gainOf(record: ExperimentRecord, primary: MetricSpec | undefined): number {
  const value = primary && record.metrics[primary.name];
  const incumbent = primary && record.incumbent?.metrics[primary.name];
  if (value === undefined || incumbent === undefined) return UNKNOWN_GAIN;
  const better = primary!.goal === 'maximize' ? value - incumbent : incumbent - value;
  if (!(better > 0)) return UNKNOWN_GAIN;
  return Math.min(1, better / Math.max(Math.abs(incumbent), Number.MIN_VALUE));
}

/** Replays mutate's earlier experiments (oldest first) into a state per literal. */
export function replayHistory(
  records: readonly ExperimentRecord[],
  primary?: MetricSpec,
  firstStep = INITIAL_SCALE,
): Map<string, LiteralState> {
  const states = new Map<string, LiteralState>();
  for (const record of records) {
    const mutation = mutationOf(record);
    if (!mutation || mutation.to === mutation.from) continue;
    const id = literalId(mutation.file, mutation.key);
    const state = states.get(id) ?? initialState(firstStep);
    states.set(id, state);
    const used = Number.isNaN(mutation.scale) ? state.scale : mutation.scale;
    // A jump or a fallback size that did not help says nothing about the literal's own step.
    const base = mutation.base ?? used;
    const direction: Direction = mutation.to > mutation.from ? 1 : -1;
    state.tries++;
    state.lastTried = record.experiment;
    if (record.status === 'keep') {
      state.successes++;
      state.promise = gainOf(record, primary);
      state.credit += state.promise;
      state.scale = clampScale(used * GROW);
      state.direction = direction;
    } else if (record.status === 'explore') {
      // Kept without being judged better: the incumbent moved, but nothing was learned about the step.
      state.scale = clampScale(base);
      state.direction = direction;
    } else {
      state.promise = 0;
      state.scale = clampScale(base * SHRINK);
      state.direction = direction === 1 ? -1 : 1;
    }
  }
  return states;
}

const LITERAL_FORM = /^([-+]?)(\d*)(?:\.(\d*))?(?:([eE])([-+]?\d+))?$/;

/**
 * The literal's text moved one step in `direction` (in value space), or undefined when it cannot
 * move that way. Steps are multiplicative on the magnitude — up is ×(1+scale), down is ÷(1+scale) — so
 * a value never changes sign; zero moves up by an additive step. Integers stay integers and move by at
 * least 1; decimals keep their decimal places, gaining one when the step is smaller than they show.
 * An exponent (`1e-3`) is kept and the mantissa changes.
 */
export function steppedText(text: string, direction: Direction, scale: number): string | undefined {
  const form = LITERAL_FORM.exec(text);
  if (!form) return undefined;
  const [, sign = '', whole = '', fraction, exponentMark, exponent] = form;
  const negative = sign === '-';
  const isInteger = fraction === undefined && exponentMark === undefined;
  const decimals = fraction?.length ?? 0;
  const magnitude = Number(`${whole || '0'}.${fraction || '0'}`);
  const magnitudeDirection = negative ? -direction : direction;

  let next: number;
  if (magnitude === 0) {
    if (negative || magnitudeDirection < 0) return undefined; // zero only goes up: a value >= 0 stays >= 0
    const unit = isInteger ? 1 : 10 ** -Math.max(decimals, 1);
    next = unit * Math.max(1, Math.round(scale / INITIAL_SCALE));
  } else {
    next = magnitudeDirection > 0 ? magnitude * (1 + scale) : magnitude / (1 + scale);
  }

  let body: string;
  if (isInteger) {
    let rounded = Math.round(next);
    if (rounded === magnitude) rounded = magnitude + magnitudeDirection;
    if (rounded < 0 || (negative && rounded === 0)) return undefined;
    body = String(rounded);
  } else {
    let places = decimals;
    body = next.toFixed(places);
    if (Number(body) === magnitude) body = next.toFixed(++places);
    if (Number(body) === magnitude) body = (magnitude + magnitudeDirection * 10 ** -places).toFixed(places);
    // A big step down must not round a non-zero decimal to zero: show as many more places as it takes.
    while (Number(body) === 0 && next > 0 && places < decimals + 6) body = next.toFixed(++places);
    if (Number(body) < 0 || (negative && Number(body) === 0)) return undefined;
    if (fraction === '' && places === 0) body += '.'; // `5.` stays a float
    if (whole === '' && body.startsWith('0.')) body = body.slice(1); // `.5` style
  }
  if (/e/i.test(body)) return undefined; // beyond toFixed's range: not a sensible step
  return `${negative ? '-' : sign}${body}${exponentMark ?? ''}${exponent ?? ''}`;
}
