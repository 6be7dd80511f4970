// Reading metric values from the eval's output while it streams: each line is seen once, the last match
// wins, and only a bounded tail of stdout is kept for the kinds that need the end of the output as a
// whole (`stdout`, and a pretty-printed JSON object at the very end).
//
// This runs on the event loop, between the reads of the output, so the work per line is bounded whatever
// the eval prints: the built-in number pattern cannot backtrack quadratically over a long run of digits,
// `line` and `pattern` metrics are matched on the first MATCH_WINDOW characters of a line only, and a
// numeral longer than MAX_NUMERAL_LENGTH is rejected before any pattern looks at it. JSON.parse is linear.
import type { MetricSpec } from '../config/settings.js';
import { BoundedTail } from './lines.js';

export type OutputStream = 'stdout' | 'stderr';

export interface Extraction {
  /** Values found; a metric that could not be read is absent here and present in `problems`. */
  metrics: Record<string, number>;
  problems: Record<string, string>;
}

/** How much of the end of stdout is kept for `stdout` extraction and multi-line JSON. */
export const STDOUT_TAIL_CHARS = 64 * 1024;
/**
 * `line` and `pattern` metrics read this many characters from the start of each line. A metric line is
 * far shorter; the limit bounds the time a user's pattern can spend on one line of a flood of output.
 */
export const MATCH_WINDOW = 4096;
/** Longer is not a number anyone prints as a metric (a double needs 17 significant digits). */
export const MAX_NUMERAL_LENGTH = 1024;

// Unambiguous: every way to read a run of digits is tried once, never split between \d+ and \d*.
const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const NOT_FINITE = String.raw`[-+]?(?:[nN][aA][nN]|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?)`;
// A number followed by a separator and more digits (`1,500`, `1'500`, `1 500` with a no-break or thin
// space, `1,5` with a decimal comma, `0.93,0.91`): read as a plain number it would be its first part, and a
// latency that grew from 999 to 1,500 would look like a gain. A `line` metric captures the whole token, so
// that it is reported instead of misread. The separator cannot be part of NUMBER, so each length of the
// number is tried once.
const GROUP_SEPARATOR = String.raw`[,'\u00a0\u2009\u202f]`;
const GROUPED = String.raw`${NUMBER}${GROUP_SEPARATOR}\d\S*`;
const HAS_GROUPS = new RegExp(`${GROUP_SEPARATOR}\\d`);
const WHOLE_NUMBER = new RegExp(`^${NUMBER}$`);

/** A finite number written in decimal or scientific notation; NaN, inf and anything else are undefined. */
export function parseMetricNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed.length > MAX_NUMERAL_LENGTH || !WHOLE_NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Quotes output in a problem message, cut to about 60 characters. */
function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return JSON.stringify(oneLine.length > 60 ? `${oneLine.slice(0, 60)}…` : oneLine);
}

interface MetricReader {
  feed(line: string, stream: OutputStream, sequence: number): void;
  /** A number, or the sentence saying why there is none. */
  result(output: FinishedOutput): number | string;
}

interface FinishedOutput {
  stdoutTail: BoundedTail<string>;
  stdoutCutLine: boolean;
  /** Sequence number of the last stdout line (-1: none). */
  lastStdoutSequence: number;
  lastJsonLine?: { value: Record<string, unknown>; sequence: number };
}

/** The part of a line that `line` and `pattern` metrics look at, and whether it is all of the line. */
function matchWindow(line: string): { text: string; whole: boolean } {
  return line.length <= MATCH_WINDOW
    ? { text: line, whole: true }
    : { text: line.slice(0, MATCH_WINDOW), whole: false };
}

/** A match that reaches the end of a window that is not the whole line may have lost its end. */
const CUT = Symbol('cut');

/** Default: the last line `<name>: <number>`. */
function lineReader(name: string): MetricReader {
  const matcher = new RegExp(`^${escapeRegExp(name)}:\\s*(${GROUPED}|${NUMBER}|${NOT_FINITE})(?![\\w.])`);
  let last: string | typeof CUT | undefined;
  return {
    feed(line) {
      const window = matchWindow(line);
      const match = matcher.exec(window.text);
      if (!match) return;
      last = !window.whole && match[0].length === window.text.length ? CUT : match[1];
    },
    result() {
      if (last === undefined) return `no line "${name}: <number>" in the output`;
      if (last === CUT)
        return `the number in the last line "${name}: …" goes past the ${MATCH_WINDOW} characters read of a line`;
      if (HAS_GROUPS.test(last))
        return `the last line "${name}: ${last.slice(0, 60)}" has digit groups or several numbers; print one plain number (1500, not 1,500)`;
      return (
        parseMetricNumber(last) ??
        (last.length > 60
          ? `the last line "${name}: ${last.slice(0, 60)}…" is not a finite number`
          : `the last line "${name}: ${last}" is not a finite number`)
      );
    },
  };
}

/** `pattern:` a user regex with one capture group, applied to each line; the last match wins. */
function patternReader(source: string): MetricReader {
  let matcher: RegExp | undefined;
  let invalid: string | undefined;
  try {
    matcher = new RegExp(source, 'g');
  } catch (error) {
    invalid = `pattern '${source}' is not a valid regular expression: ${(error as Error).message}`;
  }
  let last: string | typeof CUT | undefined;
  return {
    feed(line) {
      if (!matcher) return;
      const window = matchWindow(line);
      for (const match of window.text.matchAll(matcher)) {
        const cut = !window.whole && match.index + match[0].length === window.text.length;
        last = cut ? CUT : (match[1] ?? match[0]);
      }
    },
    result() {
      if (invalid) return invalid;
      if (last === undefined) return `pattern '${source}' matched nothing`;
      if (last === CUT)
        return `pattern '${source}' last matched up to the end of the ${MATCH_WINDOW} characters read of a line, so what it captured may be cut`;
      return parseMetricNumber(last) ?? `pattern '${source}' captured ${quote(last)}, which is not a number`;
    },
  };
}

/** `json:` a dotted path (array indexes allowed: `runs.0.score`, `runs[0].score`) into the last JSON object. */
function jsonReader(path: string): MetricReader {
  const keys = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((key) => key !== '');
  return {
    feed() {},
    result(output) {
      const object = lastJsonObject(output);
      if (!object) return `no JSON object in the output (json path ${path})`;
      let value: unknown = object;
      for (const key of keys) {
        if (Array.isArray(value) && /^\d+$/.test(key)) value = value[Number(key)];
        else if (value !== null && typeof value === 'object' && Object.hasOwn(value, key))
          value = (value as Record<string, unknown>)[key];
        else return `json path ${path} not found in the last JSON object`;
      }
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      const parsed = typeof value === 'string' ? parseMetricNumber(value) : undefined;
      if (parsed !== undefined) return parsed;
      return `json path ${path} in the last JSON object is ${quote(JSON.stringify(value) ?? String(value))}, not a number`;
    },
  };
}

/** `stdout: true`: all of stdout, trimmed, is one number; stderr is ignored. */
function stdoutReader(): MetricReader {
  return {
    feed() {},
    result(output) {
      const text = output.stdoutTail.toArray().join('\n').trim();
      if (text === '' && !output.stdoutTail.droppedContent) return 'stdout is empty; expected one number';
      const value =
        output.stdoutTail.droppedContent || output.stdoutCutLine ? undefined : parseMetricNumber(text);
      return value ?? `stdout is not a number: ${quote(text)}`;
    },
  };
}

function readerFor(metric: MetricSpec): MetricReader {
  switch (metric.extract.kind) {
    case 'line':
      return lineReader(metric.name);
    case 'pattern':
      return patternReader(metric.extract.regex);
    case 'json':
      return jsonReader(metric.extract.path);
    case 'stdout':
      return stdoutReader();
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The last JSON object printed: the last single-line object on either stream, unless stdout ends with a
 * pretty-printed object (opening `{` at the start of a line) printed after it.
 */
function lastJsonObject(output: FinishedOutput): Record<string, unknown> | undefined {
  const single = output.lastJsonLine;
  if (single && single.sequence >= output.lastStdoutSequence) return single.value;
  const lines = output.stdoutTail.toArray();
  while (lines.length > 0 && (lines.at(-1) ?? '').trim() === '') lines.pop();
  if (!(lines.at(-1) ?? '').trimEnd().endsWith('}')) return single?.value;
  // The earliest opening line that parses through to the end is the outermost object.
  const text = lines.join('\n');
  let offset = 0;
  for (const line of lines) {
    if (line.startsWith('{')) {
      const object = parseObject(text.slice(offset));
      if (object) return object;
    }
    offset += line.length + 1;
  }
  return single?.value;
}

/**
 * Byte by byte: called for every line of the output, most of which differ at their first byte, where a
 * native Buffer.compare costs a call into C++ each (about a tenth of a second per million lines).
 */
function startsWith(line: Buffer, prefix: Buffer): boolean {
  if (line.length < prefix.length) return false;
  for (let index = 0; index < prefix.length; index++) if (line[index] !== prefix[index]) return false;
  return true;
}

const isSpace = (byte: number | undefined): boolean =>
  byte === 0x20 || (byte !== undefined && byte >= 0x09 && byte <= 0x0d);
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** `{ … }` around optional whitespace: the only lines worth handing to JSON.parse. */
function looksLikeJsonObject(line: Buffer): boolean {
  let first = 0;
  let last = line.length - 1;
  while (first <= last && isSpace(line[first])) first++;
  while (last >= first && isSpace(line[last])) last--;
  return last > first && line[first] === OPEN_BRACE && line[last] === CLOSE_BRACE;
}

/** Feed every line of the eval's output, in order, then ask for the result. */
export class MetricExtractor {
  private readonly readers: Array<[name: string, reader: MetricReader]>;
  private readonly wantsJson: boolean;
  /** Only `json` and `stdout` metrics need the end of stdout kept. */
  private readonly wantsStdoutTail: boolean;
  /** A `pattern` metric may match any line. */
  private readonly wantsEveryLine: boolean;
  /** `<name>:` of each `line` metric: lines starting otherwise cannot match one. */
  private readonly linePrefixes: Buffer[];
  private readonly stdoutTail: BoundedTail<string>;
  private stdoutCutLine = false;
  private sequence = 0;
  private lastStdoutSequence = -1;
  private lastJsonLine: FinishedOutput['lastJsonLine'];

  constructor(metrics: readonly MetricSpec[]) {
    this.readers = metrics.map((metric) => [metric.name, readerFor(metric)]);
    this.wantsJson = metrics.some((metric) => metric.extract.kind === 'json');
    this.wantsStdoutTail = metrics.some(
      (metric) => metric.extract.kind === 'json' || metric.extract.kind === 'stdout',
    );
    this.stdoutTail = new BoundedTail<string>(
      Number.POSITIVE_INFINITY,
      (line) => line.length + 1,
      STDOUT_TAIL_CHARS,
      (line) => /\S/.test(line),
    );
    this.wantsEveryLine = metrics.some((metric) => metric.extract.kind === 'pattern');
    this.linePrefixes = metrics
      .filter((metric) => metric.extract.kind === 'line')
      .map((metric) => Buffer.from(`${metric.name}:`));
  }

  /**
   * The streaming entry: most lines of a long output concern no metric, and are only counted here
   * instead of being decoded and matched.
   */
  feedBytes(line: Buffer, stream: OutputStream, cut = false): void {
    if (
      this.wantsEveryLine ||
      (stream === 'stdout' && this.wantsStdoutTail) ||
      this.linePrefixes.some((prefix) => startsWith(line, prefix)) ||
      (this.wantsJson && looksLikeJsonObject(line))
    ) {
      this.feed(line.toString('utf8'), stream, cut);
      return;
    }
    const sequence = this.sequence++;
    if (stream === 'stdout') {
      this.lastStdoutSequence = sequence;
      if (cut) this.stdoutCutLine = true;
    }
  }

  /** One whole line (without its newline); `cut` says the line was too long and lost its end. */
  feed(text: string, stream: OutputStream, cut = false): void {
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    const sequence = this.sequence++;
    if (stream === 'stdout') {
      this.lastStdoutSequence = sequence;
      if (cut) this.stdoutCutLine = true;
      if (this.wantsStdoutTail) this.stdoutTail.push(line);
    }
    if (this.wantsJson) this.noticeJsonLine(line, sequence);
    for (const [, reader] of this.readers) reader.feed(line, stream, sequence);
  }

  result(): Extraction {
    const output: FinishedOutput = {
      stdoutTail: this.stdoutTail,
      stdoutCutLine: this.stdoutCutLine,
      lastStdoutSequence: this.lastStdoutSequence,
      lastJsonLine: this.lastJsonLine,
    };
    const extraction: Extraction = { metrics: {}, problems: {} };
    for (const [name, reader] of this.readers) {
      const value = reader.result(output);
      if (typeof value === 'number') extraction.metrics[name] = value;
      else extraction.problems[name] = value;
    }
    return extraction;
  }

  private noticeJsonLine(line: string, sequence: number): void {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return;
    const value = parseObject(trimmed);
    if (value) this.lastJsonLine = { value, sequence };
  }
}
