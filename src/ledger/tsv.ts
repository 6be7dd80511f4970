// results.tsv (docs/format.md): pure formatting and strict parsing. Humans edit this file by hand, so the
// parser explains every problem with the file and line, and what to do about it.
import { LedgerError } from './errors.js';
import { nonBlankLines } from './lines.js';
import { STATUSES, type LedgerRow, type Status } from './types.js';
import { cutToCodePoints } from '../text/untrusted.js';

export const MAX_DESCRIPTION_CHARS = 200;

const FIXED_LEADING = ['experiment', 'commit'] as const;
const FIXED_TRAILING = ['status', 'description'] as const;

// Anything that would end a line or a cell for some reader: tabs, CR/LF, other C0 controls, DEL and the
// Unicode line/paragraph separators. A run of them becomes one space.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

/** The columns of results.tsv for these metrics, in file order. */
export function tsvColumns(metricNames: readonly string[]): string[] {
  return [...FIXED_LEADING, ...metricNames, ...FIXED_TRAILING];
}

/** The header line (without its newline). */
export function formatTsvHeader(metricNames: readonly string[]): string {
  return tsvColumns(metricNames).join('\t');
}

/**
 * A description as results.tsv stores it: one line, trimmed, at most 200 characters (code points).
 * A longer one is cut at a grapheme boundary — never inside a surrogate pair, never between a letter
 * and its combining marks — and ends with "…" so a reader knows it was cut.
 */
export function cleanDescription(description: string): string {
  const oneLine = description.replace(LINE_BREAKING, ' ').trim();
  return cutToCodePoints(oneLine, MAX_DESCRIPTION_CHARS, false);
}

/** A metric cell: the value exactly as JavaScript prints it, but never "-0"; empty when absent. */
export function formatMetricCell(value: number | undefined | null, metricName: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(
      `results.tsv: metric ${metricName} must be a finite number or absent, got ${String(value)}`,
    );
  }
  return Object.is(value, -0) ? '0' : String(value);
}

/** One row (without its newline). Metrics not named in `metricNames` are not written. */
export function formatTsvRow(row: LedgerRow, metricNames: readonly string[]): string {
  if (!Number.isSafeInteger(row.experiment) || row.experiment < 0) {
    throw new Error(`results.tsv: experiment must be a non-negative integer, got ${String(row.experiment)}`);
  }
  if (/[\s]/.test(row.commit)) {
    throw new Error(`results.tsv: commit must not contain whitespace, got ${JSON.stringify(row.commit)}`);
  }
  if (!isStatus(row.status)) throw new Error(`results.tsv: unknown status ${JSON.stringify(row.status)}`);
  const metricCells = metricNames.map((name) => formatMetricCell(row.metrics[name], name));
  return [
    String(row.experiment),
    row.commit,
    ...metricCells,
    row.status,
    cleanDescription(row.description),
  ].join('\t');
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

// Decimal numbers as String(n) prints them (including exponents like 1e-7 and 1e+21), nothing looser:
// Number() alone would accept "", "0x1f" and "Infinity".
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses results.tsv. Empty text is an empty ledger. Throws a LedgerError naming `fileLabel` and the
 * line for a wrong header, a wrong number of columns, experiment numbers that are not 0, 1, 2, … in
 * order, an unknown status, a metric cell that is not a number, or a row 0 that is not `keep`.
 * Edits that keep the file valid (a reworded description, a fixed number) are accepted.
 */
export function parseTsv(text: string, metricNames: readonly string[], fileLabel: string): LedgerRow[] {
  const lines = nonBlankLines(text);
  const header = lines[0];
  if (header === undefined) return [];
  checkHeader(header.text.split('\t'), metricNames, fileLabel, header.line);

  const columnCount = tsvColumns(metricNames).length;
  const rows: LedgerRow[] = [];
  for (const { line, text: lineText } of lines.slice(1)) {
    const fail = (problem: string): never => {
      throw new LedgerError(problem, fileLabel, line);
    };
    const cells = lineText.split('\t');
    if (cells.length !== columnCount) {
      fail(
        `has ${cells.length} columns, expected ${columnCount} (experiment, commit, ` +
          `${metricNames.length === 1 ? 'one metric' : `${metricNames.length} metrics`}, status, description, ` +
          'separated by single tabs)',
      );
    }
    const expected = rows.length;
    const experimentCell = (cells[0] ?? '').trim();
    if (!/^\d+$/.test(experimentCell))
      fail(`experiment ${JSON.stringify(experimentCell)} is not a whole number`);
    const experiment = Number(experimentCell);
    if (experiment !== expected) {
      fail(
        `experiment ${experiment} is out of order: expected ${expected} ` +
          '(experiments are numbered 0, 1, 2, … in order, with no gaps or repeats)',
      );
    }
    const metrics: Record<string, number | undefined> = {};
    metricNames.forEach((name, index) => {
      const cell = (cells[2 + index] ?? '').trim();
      if (cell === '') {
        metrics[name] = undefined;
        return;
      }
      const value = NUMBER.test(cell) ? Number(cell) : NaN;
      if (!Number.isFinite(value))
        fail(`${name} ${JSON.stringify(cell)} is not a number (leave the cell empty for none)`);
      metrics[name] = value;
    });
    const status = (cells[columnCount - 2] ?? '').trim();
    if (!isStatus(status))
      fail(`unknown status ${JSON.stringify(status)}: expected one of ${STATUSES.join(', ')}`);
    if (experiment === 0 && status !== 'keep') {
      fail(`experiment 0 is the baseline and must have status keep, found ${JSON.stringify(status)}`);
    }
    rows.push({
      experiment,
      commit: (cells[1] ?? '').trim(),
      metrics,
      status: status as Status,
      description: cells[columnCount - 1] ?? '',
    });
  }
  return rows;
}

function checkHeader(
  columns: string[],
  metricNames: readonly string[],
  fileLabel: string,
  line: number,
): void {
  const expected = tsvColumns(metricNames);
  const found = columns.map((column) => column.trim());
  if (found.length === expected.length && found.every((column, index) => column === expected[index])) return;

  const shapeOk =
    found.length >= 4 &&
    found[0] === FIXED_LEADING[0] &&
    found[1] === FIXED_LEADING[1] &&
    found[found.length - 2] === FIXED_TRAILING[0] &&
    found[found.length - 1] === FIXED_TRAILING[1];
  if (!shapeOk) {
    throw new LedgerError(
      `this is not a results.tsv header: expected the tab-separated columns "${expected.join(', ')}", ` +
        `found "${found.join(', ')}". Restore the header line (e.g. from git history).`,
      fileLabel,
      line,
    );
  }

  const fileMetrics = found.slice(2, -2);
  const missing = metricNames.filter((name) => !fileMetrics.includes(name));
  const unexpected = fileMetrics.filter((name) => !metricNames.includes(name));
  const details: string[] = [];
  if (missing.length > 0) details.push(`not in the file: ${missing.join(', ')}`);
  if (unexpected.length > 0) details.push(`not in the config: ${unexpected.join(', ')}`);
  const repeated = fileMetrics.filter((name, index) => fileMetrics.indexOf(name) !== index);
  if (repeated.length > 0) details.push(`repeated: ${[...new Set(repeated)].join(', ')}`);
  if (details.length === 0) details.push('same metrics in a different order');
  throw new LedgerError(
    `the metric columns (${fileMetrics.join(', ') || 'none'}) differ from the config's metrics ` +
      `(${metricNames.join(', ') || 'none'}) — ${details.join('; ')}. A ledger's columns cannot change: ` +
      'restore the metrics (names and order) in the config, or use a new tag to start a new ledger.',
    fileLabel,
    line,
  );
}
