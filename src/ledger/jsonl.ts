// experiments/NNNN.jsonl (docs/format.md): the companion log, one JSON object per experiment, in chunks of
// 1,000 experiments so that each experiment's commit stays small however long the history grows.
import { LedgerError } from './errors.js';
import { nonBlankLines } from './lines.js';
import { isStatus } from './tsv.js';
import type { ExperimentRecord } from './types.js';

export const EXPERIMENTS_PER_CHUNK = 1000;
export const EXPERIMENTS_DIR = 'experiments';
/** A record's `patch` (and `log_tail`) is cut to this many UTF-8 bytes, marker included. */
export const MAX_PATCH_BYTES = 64 * 1024;

/** The chunk file holding `experiment`, relative to the results dir: 0–999 -> experiments/0000.jsonl. */
export function chunkFileName(experiment: number): string {
  if (!Number.isSafeInteger(experiment) || experiment < 0) {
    throw new Error(`experiment must be a non-negative integer, got ${String(experiment)}`);
  }
  return chunkFileNameForIndex(Math.floor(experiment / EXPERIMENTS_PER_CHUNK));
}

export function chunkFileNameForIndex(chunkIndex: number): string {
  return `${EXPERIMENTS_DIR}/${String(chunkIndex).padStart(4, '0')}.jsonl`;
}

/** The chunk index a file name in experiments/ stands for, or undefined for files that are not chunks. */
export function chunkIndexOfFileName(fileName: string): number | undefined {
  const match = /^(\d{4,})\.jsonl$/.exec(fileName);
  if (!match?.[1]) return undefined;
  const index = Number(match[1]);
  // "00001.jsonl" is not what autoexp writes for chunk 1: not a chunk.
  return chunkFileNameForIndex(index) === `${EXPERIMENTS_DIR}/${fileName}` ? index : undefined;
}

// The marker starts with "\ " like git's "\ No newline at end of file", so diff readers skip it.
function cutMarker(whatWasCut: string, totalBytes: number): string {
  return `\\ autoexp: ${whatWasCut} cut at 64 KiB (${totalBytes} bytes in full)\n`;
}

/** Keeps the start of `patch` (ending on a whole line when one is near) within 64 KiB, plus a marker line. */
export function cutPatch(patch: string): string {
  const bytes = Buffer.from(patch, 'utf8');
  if (bytes.length <= MAX_PATCH_BYTES) return patch;
  const marker = cutMarker('patch', bytes.length);
  // One byte is kept free for the newline that ends a cut mid-line.
  let end = MAX_PATCH_BYTES - Buffer.byteLength(marker) - 1;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--; // back up to the start of a UTF-8 sequence
  const lastNewline = bytes.lastIndexOf(0x0a, end - 1);
  const cut = lastNewline >= end / 2 ? lastNewline + 1 : end;
  const kept = bytes.subarray(0, cut).toString('utf8');
  return `${kept}${kept.endsWith('\n') || kept === '' ? '' : '\n'}${marker}`;
}

/** Keeps the end of an eval log (the part that says why it failed) within 64 KiB, after a marker line. */
export function cutLogTail(logTail: string): string {
  const bytes = Buffer.from(logTail, 'utf8');
  if (bytes.length <= MAX_PATCH_BYTES) return logTail;
  const marker = cutMarker('log', bytes.length);
  let start = bytes.length - (MAX_PATCH_BYTES - Buffer.byteLength(marker));
  while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++;
  return marker + bytes.subarray(start).toString('utf8');
}

/** One line of a chunk file (without its newline): the record as JSON, with `patch` and `log_tail` bounded. */
export function formatRecordLine(record: ExperimentRecord): string {
  if (!Number.isSafeInteger(record.experiment) || record.experiment < 0) {
    throw new Error(
      `experiment record: experiment must be a non-negative integer, got ${String(record.experiment)}`,
    );
  }
  if (!isStatus(record.status))
    throw new Error(`experiment record: unknown status ${JSON.stringify(record.status)}`);
  const bounded: ExperimentRecord = { ...record, patch: cutPatch(record.patch ?? '') };
  if (record.log_tail !== undefined) bounded.log_tail = cutLogTail(record.log_tail);
  // JSON.stringify escapes every control character, so the line never contains a raw newline.
  return JSON.stringify(bounded);
}

/** A parsed record with the line it came from, for error messages that point at the right line. */
export interface NumberedRecord {
  line: number;
  record: ExperimentRecord;
}

/**
 * Parses one chunk file. Blank lines are skipped; any other line must be a JSON object with at least a
 * whole `experiment` number, a known `status`, string `commit` and `description`, and a `metrics` object.
 * Errors name `fileLabel` and the line.
 */
export function parseJsonl(text: string, fileLabel: string): ExperimentRecord[] {
  return parseJsonlWithLines(text, fileLabel).map(({ record }) => record);
}

export function parseJsonlWithLines(text: string, fileLabel: string): NumberedRecord[] {
  const records: NumberedRecord[] = [];
  for (const { line, text: lineText } of nonBlankLines(text)) {
    const fail = (problem: string): never => {
      throw new LedgerError(problem, fileLabel, line);
    };
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch (error) {
      fail(
        `not valid JSON (${error instanceof Error ? error.message : String(error)}); ` +
          'each line must be one JSON object — restore the file from git history',
      );
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('not a JSON object');
    const record = value as Record<string, unknown>;
    const experiment = record['experiment'];
    if (typeof experiment !== 'number' || !Number.isSafeInteger(experiment) || experiment < 0) {
      fail(`"experiment" must be a whole number, found ${JSON.stringify(experiment)}`);
    }
    if (!isStatus(record['status'])) fail(`unknown status ${JSON.stringify(record['status'])}`);
    for (const key of ['commit', 'description'] as const) {
      if (typeof record[key] !== 'string')
        fail(`"${key}" must be a string, found ${JSON.stringify(record[key])}`);
    }
    const metrics = record['metrics'];
    if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) {
      fail(`"metrics" must be an object, found ${JSON.stringify(metrics)}`);
    }
    records.push({ line, record: record as unknown as ExperimentRecord });
  }
  return records;
}
