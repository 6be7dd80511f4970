// Durations in autoexp.yml and on the command line: `90s`, `5m`, `1h30m`, `2h5m10s`,
// or a bare number of seconds. Everything inside autoexp is milliseconds.

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000 } as const;
const NUMBER = String.raw`\d+(?:\.\d+)?|\.\d+`;
const BARE_SECONDS = new RegExp(`^(?:${NUMBER})$`);
// Units in falling order, each at most once, optionally separated by spaces ("1h 30m").
const WITH_UNITS = new RegExp(`^(?:(${NUMBER})h)?\\s*(?:(${NUMBER})m)?\\s*(?:(${NUMBER})s)?$`);

/** Milliseconds, or undefined when `text` is not a duration (negative, empty, unknown unit, …). */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number')
    return Number.isFinite(text) && text >= 0 ? Math.round(text * 1000) : undefined;
  const trimmed = text.trim().toLowerCase();
  if (BARE_SECONDS.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const match = WITH_UNITS.exec(trimmed);
  if (!match || trimmed === '') return undefined;
  const [, hours, minutes, seconds] = match;
  const total =
    Number(hours ?? 0) * UNIT_MS.h + Number(minutes ?? 0) * UNIT_MS.m + Number(seconds ?? 0) * UNIT_MS.s;
  return Math.round(total);
}

/** The short form of a duration for messages: 5400000 -> "1h30m", 1500 -> "1.5s". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const hours = Math.floor(ms / UNIT_MS.h);
  const minutes = Math.floor((ms % UNIT_MS.h) / UNIT_MS.m);
  const seconds = (ms % UNIT_MS.m) / 1000;
  return `${hours ? `${hours}h` : ''}${minutes ? `${minutes}m` : ''}${seconds ? `${seconds}s` : ''}`;
}
