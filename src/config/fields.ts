// Typed readers for single config values. Each reports what it expected and what it got, then returns
// the fallback so parsing goes on and one run lists every problem.
import { durationProblem } from './limits.js';
import { parseDuration } from './duration.js';
import { describeValue, type ConfigReader, type Field } from './reader.js';
import { didYouMean } from './suggest.js';

/** Missing or empty required values: `is required (the command that runs your eval)`. */
export function reportRequired(reader: ConfigReader, field: Field, hint: string): void {
  const empty = reader.value(field).kind !== 'absent';
  reader.report(field, `${empty ? 'is empty, but required' : 'is required'} (${hint})`);
}

/** Absent, or present with an empty value (`key:`). */
export function isUnset(reader: ConfigReader, field: Field): boolean {
  const kind = reader.value(field).kind;
  return kind === 'absent' || kind === 'empty';
}

/** A scalar that was given, or undefined for an absent or empty key. */
function given(reader: ConfigReader, field: Field): { value: unknown } | 'unset' | 'not-scalar' {
  const value = reader.value(field);
  if (value.kind === 'absent' || value.kind === 'empty') return 'unset';
  if (value.kind !== 'scalar') return 'not-scalar';
  return { value: value.value };
}

function reportExpected(reader: ConfigReader, field: Field, expected: string): void {
  const value = reader.value(field);
  let hint = '';
  if (expected === 'a string' && value.kind === 'scalar' && typeof value.value !== 'string') {
    hint = ` (quote it to keep it as text: "${String(value.value)}")`;
  }
  reader.report(field, `expected ${expected}, got ${describeValue(value)}${hint}`);
}

export function readString(
  reader: ConfigReader,
  field: Field,
  required?: { hint: string },
): string | undefined {
  const value = given(reader, field);
  // Blanks only (`command: "  "`) say nothing either: as empty, so a required value is asked for now,
  // not found missing when the eval runs.
  const blank = typeof value === 'object' && typeof value.value === 'string' && value.value.trim() === '';
  if (value === 'unset' || blank) {
    if (required) reportRequired(reader, field, required.hint);
    return undefined;
  }
  if (value === 'not-scalar' || typeof value.value !== 'string') {
    reportExpected(reader, field, 'a string');
    return undefined;
  }
  return value.value;
}

export function readBoolean(reader: ConfigReader, field: Field, fallback: boolean): boolean {
  const value = given(reader, field);
  if (value === 'unset') return fallback;
  if (value === 'not-scalar' || typeof value.value !== 'boolean') {
    reportExpected(reader, field, 'true or false');
    return fallback;
  }
  return value.value;
}

export function readNumber(
  reader: ConfigReader,
  field: Field,
  options: { fallback: number; min?: number; max?: number; integer?: boolean },
): number {
  const value = given(reader, field);
  if (value === 'unset') return options.fallback;
  const bounds =
    options.max === undefined
      ? options.min === undefined
        ? ''
        : ` >= ${options.min}`
      : options.min === undefined
        ? ` <= ${options.max}`
        : ` from ${options.min} to ${options.max}`;
  const expected = `${options.integer ? 'an integer' : 'a number'}${bounds}`;
  const number = value === 'not-scalar' ? undefined : value.value;
  if (
    typeof number !== 'number' ||
    !Number.isFinite(number) ||
    (options.integer && !Number.isInteger(number)) ||
    (options.min !== undefined && number < options.min) ||
    (options.max !== undefined && number > options.max)
  ) {
    reportExpected(reader, field, expected);
    return options.fallback;
  }
  return number;
}

export function readInteger(
  reader: ConfigReader,
  field: Field,
  options: { fallback: number; min: number; max?: number },
): number {
  return readNumber(reader, field, { ...options, integer: true });
}

/** A number with no default: undefined when unset or wrong (the latter reported). */
export function readOptionalNumber(reader: ConfigReader, field: Field): number | undefined {
  if (given(reader, field) === 'unset') return undefined;
  const number = readNumber(reader, field, { fallback: Number.NaN });
  return Number.isNaN(number) ? undefined : number;
}

export function readChoice<T extends string>(
  reader: ConfigReader,
  field: Field,
  choices: readonly T[],
  fallback: T,
): T {
  const value = given(reader, field);
  if (value === 'unset') return fallback;
  const text = value === 'not-scalar' ? undefined : value.value;
  if (typeof text === 'string' && (choices as readonly string[]).includes(text)) return text as T;
  const suggestion = typeof text === 'string' ? didYouMean(text, choices) : '';
  reader.report(
    field,
    `expected one of ${choices.join(', ')}, got ${describeValue(reader.value(field))}${suggestion}`,
  );
  return fallback;
}

export function readDuration(reader: ConfigReader, field: Field, fallbackMs: number): number {
  const value = given(reader, field);
  if (value === 'unset') return fallbackMs;
  const raw = value === 'not-scalar' ? undefined : value.value;
  const ms = typeof raw === 'string' || typeof raw === 'number' ? parseDuration(raw) : undefined;
  if (ms === 0) {
    reader.report(field, 'must be longer than 0 (e.g. 90s, 5m, 1h30m)');
    return fallbackMs;
  }
  if (ms === undefined) {
    const shown = describeValue(reader.value(field));
    reader.report(field, `${shown} is not a duration (e.g. 90s, 5m, 1h30m)`);
    return fallbackMs;
  }
  const tooLong = durationProblem(ms);
  if (tooLong) {
    reader.report(field, `${describeValue(reader.value(field))} ${tooLong}`);
    return fallbackMs;
  }
  return ms;
}

/**
 * A list of non-empty strings; a single string counts as a one-item list. `check` may return a
 * problem for an item. Undefined when unset.
 */
export function readStringList(
  reader: ConfigReader,
  field: Field,
  what: string,
  check: (item: string) => string | undefined = () => undefined,
): string[] | undefined {
  const value = reader.value(field);
  if (value.kind === 'absent' || value.kind === 'empty') return undefined;
  const items = value.kind === 'scalar' ? [field] : reader.listItems(field, what);
  if (!items) return [];
  const strings: string[] = [];
  for (const item of items) {
    const text = readString(reader, item, { hint: `each item is one of the ${what}` });
    if (text === undefined) continue;
    const problem = check(text);
    if (problem) reader.report(item, problem);
    else strings.push(text);
  }
  return strings;
}
