// The ledger of one results dir: results.tsv plus experiments/NNNN.jsonl. Append-only by design: an
// append writes one line to each file with appendFile and never reads, rewrites or re-parses history,
// so the cost of an experiment's bookkeeping does not grow with the number of experiments.
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LedgerError } from './errors.js';
import {
  chunkFileName,
  chunkFileNameForIndex,
  chunkIndexOfFileName,
  EXPERIMENTS_DIR,
  EXPERIMENTS_PER_CHUNK,
  formatRecordLine,
  parseJsonlWithLines,
  type NumberedRecord,
} from './jsonl.js';
import { cleanDescription, formatTsvHeader, formatTsvRow, parseTsv } from './tsv.js';
import type { ExperimentRecord, LedgerRow } from './types.js';

export const RESULTS_FILE = 'results.tsv';

const RESTORE_HINT =
  'results.tsv and experiments/*.jsonl must list the same experiments; restore both from the last commit ' +
  'of the branch (git checkout HEAD -- <results dir>)';

interface TsvFileState {
  exists: boolean;
  hasHeader: boolean;
  /** The file does not end with a newline (a hand edit): the next append starts with one. */
  needsNewline: boolean;
}

export class Ledger {
  private recordList: ExperimentRecord[] | undefined;
  /** Appends and the lazy read of the jsonl chunks run one at a time, in call order. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when an append wrote one file but not the other: the files no longer agree. */
  private failure: Error | undefined;
  /** The chunk the last append filled, with what it holds (see justFilled). */
  private filled = new Map<string, Buffer>();

  private constructor(
    private readonly directory: string,
    private readonly metricNames: readonly string[],
    private readonly rowList: LedgerRow[],
    private tsv: TsvFileState,
    /** The chunk file (relative) that does not end with a newline, if any. */
    private chunkNeedingNewline: string | undefined,
    /**
     * What the files appends still go to hold, as this ledger read and wrote them: results.tsv and the
     * newest chunk while it has room (relative path → the bytes, in the pieces written). See openFiles.
     */
    private readonly written: Map<string, Buffer[]>,
  ) {}

  /**
   * Reads and validates results.tsv in `dir` (a missing dir or file is an empty ledger) and checks that
   * the jsonl chunks match it: the right chunk files exist, and the newest one holds exactly the records
   * of the newest rows. The full log is read only by records(). Throws LedgerError and writes nothing
   * when anything disagrees.
   */
  static async open(dir: string, metricNames: readonly string[]): Promise<Ledger> {
    const tsvPath = join(dir, RESULTS_FILE);
    const bytes = await readOptional(tsvPath);
    const text = bytes?.toString('utf8');
    const rows = parseTsv(text ?? '', metricNames, tsvPath);
    const tsv: TsvFileState = {
      exists: text !== undefined,
      hasHeader: text !== undefined && /[^ \r\n]/.test(text),
      needsNewline: text !== undefined && text.length > 0 && !text.endsWith('\n'),
    };

    await checkChunkFiles(dir, rows.length);
    let chunkNeedingNewline: string | undefined;
    const written = new Map<string, Buffer[]>();
    if (bytes !== undefined) written.set(RESULTS_FILE, [bytes]);
    if (rows.length > 0) {
      const lastChunk = chunkFileName(rows.length - 1);
      const chunkBytes = await readChunk(dir, lastChunk);
      const chunkText = chunkBytes.toString('utf8');
      const lastChunkIndex = Math.floor((rows.length - 1) / EXPERIMENTS_PER_CHUNK);
      checkChunkAgainstRows(parseJsonlWithLines(chunkText, join(dir, lastChunk)), lastChunkIndex, dir, rows);
      if (chunkText.length > 0 && !chunkText.endsWith('\n')) chunkNeedingNewline = lastChunk;
      if (rows.length % EXPERIMENTS_PER_CHUNK !== 0) written.set(lastChunk, [chunkBytes]);
    }
    return new Ledger(dir, [...metricNames], rows, tsv, chunkNeedingNewline, written);
  }

  get dir(): string {
    return this.directory;
  }

  get resultsPath(): string {
    return join(this.directory, RESULTS_FILE);
  }

  /** Every row, oldest first, as results.tsv holds it (descriptions cleaned, metrics of the config only). */
  rows(): readonly LedgerRow[] {
    return this.rowList;
  }

  /**
   * The files the next appends go to, by absolute path, with exactly what they must hold: results.tsv
   * and the newest chunk while it has room (a full chunk is never written again). Empty after a failed
   * append. The experiment tree compares them by content after every untrusted run (so it can let git
   * trust their stat data: src/tree/experiment-tree.ts).
   */
  openFiles(): ReadonlyMap<string, Buffer> {
    if (this.failure) return new Map();
    const files = new Map<string, Buffer>();
    for (const [path, pieces] of this.written) {
      // Joined when asked for, not at every append: 10,000 appends would copy the file 10,000 times.
      if (pieces.length > 1) pieces.splice(0, pieces.length, Buffer.concat(pieces));
      files.set(join(this.directory, path), pieces[0] ?? Buffer.alloc(0));
    }
    return files;
  }

  /**
   * The chunk the last append filled (relative path → exactly what it holds): it has left openFiles, but
   * is committed with that append, and the commit must hold it as written.
   */
  justFilled(): ReadonlyMap<string, Buffer> {
    return this.filled;
  }

  nextExperiment(): number {
    return this.rowList.length;
  }

  isEmpty(): boolean {
    return this.rowList.length === 0;
  }

  /** Every experiment record, oldest first. Read from disk once, checked against the rows, then kept. */
  records(): Promise<readonly ExperimentRecord[]> {
    return this.enqueue(async () => {
      if (this.recordList === undefined) this.recordList = await this.readAllRecords();
      return this.recordList;
    });
  }

  /**
   * Appends one row to results.tsv (created with its header when new) and one record to its chunk file
   * (created when new). Returns the paths written, relative to dir, for the caller to commit.
   */
  append(row: LedgerRow, record: ExperimentRecord): Promise<string[]> {
    return this.enqueue(() => this.appendNow(row, record));
  }

  private async appendNow(row: LedgerRow, record: ExperimentRecord): Promise<string[]> {
    this.filled = new Map();
    if (this.failure) throw this.failure;
    const expected = this.nextExperiment();
    if (row.experiment !== expected) {
      throw new Error(
        `ledger append: row is experiment ${row.experiment}, but the next experiment is ${expected}`,
      );
    }
    if (
      record.experiment !== row.experiment ||
      record.status !== row.status ||
      record.commit !== row.commit
    ) {
      throw new Error(
        `ledger append: row and record disagree (row: experiment ${row.experiment} ${row.status} ${row.commit}; ` +
          `record: experiment ${record.experiment} ${record.status} ${record.commit})`,
      );
    }
    if (expected === 0 && row.status !== 'keep') {
      throw new Error(`ledger append: experiment 0 is the baseline and must be keep, got ${row.status}`);
    }
    // Format both lines before writing anything, so bad data cannot leave one file written.
    const tsvLine = formatTsvRow(row, this.metricNames);
    const recordLine = formatRecordLine(record);
    const chunk = chunkFileName(row.experiment);

    try {
      await this.appendRecordLine(chunk, row.experiment, recordLine);
      await this.appendTsvLine(tsvLine);
    } catch (error) {
      this.failure = new LedgerError(
        `an append failed (${error instanceof Error ? error.message : String(error)}); the ledger files may ` +
          `no longer agree. ${RESTORE_HINT}.`,
        this.resultsPath,
      );
      throw this.failure;
    }

    this.rowList.push(rowAsStored(row, this.metricNames));
    // JSON.parse of the line written gives exactly what a later read would (patch cut included).
    this.recordList?.push(JSON.parse(recordLine) as ExperimentRecord);
    return [RESULTS_FILE, chunk];
  }

  private async appendRecordLine(chunk: string, experiment: number, recordLine: string): Promise<void> {
    const path = join(this.directory, chunk);
    if (experiment % EXPERIMENTS_PER_CHUNK === 0) {
      await mkdir(dirname(path), { recursive: true });
      // 'wx': a new chunk must not exist yet; never overwrite one.
      const text = Buffer.from(`${recordLine}\n`);
      await writeFile(path, text, { flag: 'wx' });
      for (const name of this.written.keys()) if (name !== RESULTS_FILE) this.written.delete(name);
      this.written.set(chunk, [text]);
    } else {
      const added = Buffer.from(`${this.chunkNeedingNewline === chunk ? '\n' : ''}${recordLine}\n`);
      await appendFile(path, added);
      this.chunkNeedingNewline = undefined;
      this.written.get(chunk)?.push(added);
    }
    // The record that fills the chunk is its last: nothing is appended to it again.
    if ((experiment + 1) % EXPERIMENTS_PER_CHUNK === 0) {
      const pieces = this.written.get(chunk);
      if (pieces) this.filled.set(chunk, Buffer.concat(pieces));
      this.written.delete(chunk);
    }
  }

  private async appendTsvLine(tsvLine: string): Promise<void> {
    const path = this.resultsPath;
    const header = this.tsv.hasHeader ? '' : `${formatTsvHeader(this.metricNames)}\n`;
    if (!this.tsv.exists) {
      await mkdir(this.directory, { recursive: true });
      const text = Buffer.from(`${header}${tsvLine}\n`);
      await writeFile(path, text, { flag: 'wx' });
      this.written.set(RESULTS_FILE, [text]);
    } else {
      const added = Buffer.from(`${this.tsv.needsNewline ? '\n' : ''}${header}${tsvLine}\n`);
      await appendFile(path, added);
      this.written.get(RESULTS_FILE)?.push(added);
    }
    this.tsv = { exists: true, hasHeader: true, needsNewline: false };
  }

  private async readAllRecords(): Promise<ExperimentRecord[]> {
    const rows = this.rowList;
    const records: ExperimentRecord[] = [];
    const chunkCount = Math.ceil(rows.length / EXPERIMENTS_PER_CHUNK);
    for (let index = 0; index < chunkCount; index++) {
      const chunk = chunkFileNameForIndex(index);
      const numbered = parseJsonlWithLines(
        (await readChunk(this.directory, chunk)).toString('utf8'),
        join(this.directory, chunk),
      );
      checkChunkAgainstRows(numbered, index, this.directory, rows);
      for (const { record } of numbered) records.push(record);
    }
    return records;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** The row exactly as parseTsv would read it back after formatTsvRow wrote it. */
function rowAsStored(row: LedgerRow, metricNames: readonly string[]): LedgerRow {
  const metrics: Record<string, number | undefined> = {};
  for (const name of metricNames) {
    const value = row.metrics[name];
    metrics[name] = value === undefined || value === null ? undefined : value + 0; // -0 is written as 0
  }
  return {
    experiment: row.experiment,
    commit: row.commit,
    metrics,
    status: row.status,
    description: cleanDescription(row.description),
  };
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readChunk(dir: string, chunk: string): Promise<Buffer> {
  const text = await readOptional(join(dir, chunk));
  if (text === undefined) {
    throw new LedgerError(`is missing, but results.tsv has rows for it. ${RESTORE_HINT}.`, join(dir, chunk));
  }
  return text;
}

/** The chunk files present must be exactly 0000 … the one holding the last row: none missing, none extra. */
async function checkChunkFiles(dir: string, rowCount: number): Promise<void> {
  let names: string[];
  try {
    names = await readdir(join(dir, EXPERIMENTS_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    names = [];
  }
  const present = new Set(names.map(chunkIndexOfFileName).filter((index) => index !== undefined));
  const expectedCount = Math.ceil(rowCount / EXPERIMENTS_PER_CHUNK);
  for (let index = 0; index < expectedCount; index++) {
    if (!present.has(index)) {
      throw new LedgerError(
        `is missing, but results.tsv has rows for it. ${RESTORE_HINT}.`,
        join(dir, chunkFileNameForIndex(index)),
      );
    }
  }
  const extra = [...present].filter((index) => index >= expectedCount).sort((a, b) => a - b)[0];
  if (extra !== undefined) {
    throw new LedgerError(
      `holds experiments from ${extra * EXPERIMENTS_PER_CHUNK} on, but results.tsv has ` +
        `${rowCount === 0 ? 'no rows' : `rows only up to experiment ${rowCount - 1}`}. ${RESTORE_HINT}.`,
      join(dir, chunkFileNameForIndex(extra)),
    );
  }
}

/** Chunk number `chunkIndex` must hold one record per row of its range, same experiment numbers and statuses, in order. */
function checkChunkAgainstRows(
  numbered: readonly NumberedRecord[],
  chunkIndex: number,
  dir: string,
  rows: readonly LedgerRow[],
): void {
  const file = join(dir, chunkFileNameForIndex(chunkIndex));
  const first = chunkIndex * EXPERIMENTS_PER_CHUNK;
  const end = Math.min(rows.length, first + EXPERIMENTS_PER_CHUNK);
  numbered.forEach(({ line, record }, offset) => {
    const expected = first + offset;
    if (expected >= end) {
      throw new LedgerError(
        `has a record for experiment ${record.experiment}, but results.tsv ends at experiment ${rows.length - 1}` +
          `. ${RESTORE_HINT}.`,
        file,
        line,
      );
    }
    if (record.experiment !== expected) {
      throw new LedgerError(
        `holds experiment ${record.experiment} where experiment ${expected} belongs. ${RESTORE_HINT}.`,
        file,
        line,
      );
    }
    const rowStatus = rows[expected]?.status;
    if (record.status !== rowStatus) {
      throw new LedgerError(
        `experiment ${expected} has status ${record.status} here but ${rowStatus} in results.tsv. ${RESTORE_HINT}.`,
        file,
        line,
      );
    }
  });
  if (first + numbered.length < end) {
    throw new LedgerError(
      `ends at experiment ${first + numbered.length - 1}, but results.tsv goes on to experiment ${end - 1}. ` +
        `${RESTORE_HINT}.`,
      file,
    );
  }
}
