import { mkdtemp, readFile, rm, writeFile, mkdir, appendFile, readdir } from 'node:fs/promises';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LedgerError } from '../src/ledger/errors.js';
import {
  chunkFileName,
  cutPatch,
  formatRecordLine,
  MAX_PATCH_BYTES,
  parseJsonl,
} from '../src/ledger/jsonl.js';
import { Ledger } from '../src/ledger/ledger.js';
import { cleanDescription, formatTsvHeader, formatTsvRow, parseTsv } from '../src/ledger/tsv.js';
import type { ExperimentRecord, LedgerRow, Status } from '../src/ledger/types.js';

// Counts reads so a test can prove that append never reads the history back.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});

const METRICS = ['hit_rate', 'memory_mb'];

function row(experiment: number, overrides: Partial<LedgerRow> = {}): LedgerRow {
  return {
    experiment,
    commit: `c${experiment.toString(16).padStart(6, '0')}`,
    metrics: { hit_rate: 0.5 + experiment / 100_000, memory_mb: 300 + (experiment % 7) },
    status: experiment === 0 ? 'keep' : 'discard',
    description: experiment === 0 ? 'baseline' : `try number ${experiment}`,
    ...overrides,
  };
}

function recordFor(r: LedgerRow, overrides: Partial<ExperimentRecord> = {}): ExperimentRecord {
  const metrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(r.metrics)) if (value !== undefined) metrics[name] = value;
  return {
    experiment: r.experiment,
    commit: r.commit,
    parent: 'p000000',
    timestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, r.experiment)).toISOString(),
    status: r.status,
    reason: r.status === 'keep' ? 'improved' : 'not better',
    description: r.description,
    metrics,
    samples: Object.fromEntries(Object.entries(metrics).map(([name, value]) => [name, [value]])),
    wall_time_s: 1.5,
    diff_lines: 2,
    patch: `--- a/x\n+++ b/x\n@@ -1 +1 @@\n-${r.experiment}\n+${r.experiment + 1}\n`,
    tokens: { input: 10, output: 5 },
    cost_usd: 0,
    proposer: 'mutate',
    ...overrides,
  };
}

function tsvText(rows: LedgerRow[], metrics = METRICS): string {
  return [formatTsvHeader(metrics), ...rows.map((r) => formatTsvRow(r, metrics))].join('\n') + '\n';
}

function jsonlText(rows: LedgerRow[]): string {
  return rows.map((r) => formatRecordLine(recordFor(r))).join('\n') + '\n';
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'autoexp-ledger-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeLedgerFiles(tsv: string, jsonl: string | undefined): Promise<void> {
  await writeFile(join(dir, 'results.tsv'), tsv);
  if (jsonl !== undefined) {
    await mkdir(join(dir, 'experiments'), { recursive: true });
    await writeFile(join(dir, 'experiments/0000.jsonl'), jsonl);
  }
}

async function snapshot(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path] = (await readFile(path)).toString('base64');
    }
  }
  return files;
}

/** Opens the ledger expecting a LedgerError, and checks that the failed open changed no byte. */
async function openFails(): Promise<LedgerError> {
  const before = await snapshot();
  const error = await Ledger.open(dir, METRICS).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  expect(await snapshot()).toEqual(before);
  return error as LedgerError;
}

function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

describe('results.tsv format', () => {
  it('round-trips descriptions with tabs, newlines, emoji, CJK and combining marks', () => {
    const descriptions = [
      'raise\tttl\nfor images\r\nto 600s',
      '  surrounding space\n',
      'emoji 🧪🔥 and flag 🇫🇷 family 👨‍👩‍👧',
      '缓存命中率 提高 キャッシュ',
      'cafe\u0301 na\u0303o',
    ];
    const rows = descriptions.map((description, i) => row(i, { description }));
    const parsed = parseTsv(tsvText(rows), METRICS, 'results.tsv');
    expect(parsed.map((r) => r.description)).toEqual([
      'raise ttl for images to 600s',
      'surrounding space',
      'emoji 🧪🔥 and flag 🇫🇷 family 👨‍👩‍👧',
      '缓存命中率 提高 キャッシュ',
      'cafe\u0301 na\u0303o',
    ]);
    expect(parsed.map(({ description: _d, ...rest }) => rest)).toEqual(
      rows.map(({ description: _d, ...rest }) => rest),
    );
  });

  it('cuts a long description to 200 characters without splitting a surrogate pair or a grapheme', () => {
    const emoji = 'x'.repeat(197) + '😀😀😀😀';
    const cutEmoji = cleanDescription(emoji);
    expect(Array.from(cutEmoji).length).toBeLessThanOrEqual(200);
    expect(hasLoneSurrogate(cutEmoji)).toBe(false);
    expect(cutEmoji.endsWith('…')).toBe(true);
    expect(emoji.startsWith(cutEmoji.slice(0, -1))).toBe(true);

    // 198 a's, then e + combining acute: keeping the e alone would change the text's meaning.
    const combining = 'a'.repeat(198) + 'e\u0301' + ' and more words';
    expect(cleanDescription(combining)).toBe('a'.repeat(198) + '…');

    const long = 'word '.repeat(100);
    const parsed = parseTsv(tsvText([row(0, { description: long })]), METRICS, 'results.tsv');
    expect(Array.from(parsed[0]!.description).length).toBeLessThanOrEqual(200);
    expect(parsed[0]!.description).toBe(cleanDescription(long));
    expect(cleanDescription('x'.repeat(200))).toBe('x'.repeat(200));
  });

  it('writes numbers exactly as JavaScript prints them, without -0', () => {
    const values = [0.1 + 0.2, 1e-7, 1e21, -0, 123456789.123, -2.5];
    const rows = values.map((hit_rate, i) => row(i, { metrics: { hit_rate, memory_mb: 1 } }));
    const text = tsvText(rows);
    expect(text).not.toContain('-0\t');
    expect(text).toContain('\t0.30000000000000004\t');
    const parsed = parseTsv(text, METRICS, 'results.tsv');
    expect(parsed.map((r) => r.metrics['hit_rate'])).toEqual([0.1 + 0.2, 1e-7, 1e21, 0, 123456789.123, -2.5]);
    expect(Object.is(parsed[3]!.metrics['hit_rate'], -0)).toBe(false);
    expect(() => formatTsvRow(row(1, { metrics: { hit_rate: NaN } }), METRICS)).toThrow(/hit_rate/);
  });

  it('leaves metric cells empty for crash rows and reads them back as undefined', () => {
    const crash = row(1, { status: 'crash', metrics: {} });
    const line = formatTsvRow(crash, METRICS);
    expect(line).toBe(`1\t${crash.commit}\t\t\tcrash\ttry number 1`);
    const parsed = parseTsv(tsvText([row(0), crash]), METRICS, 'results.tsv');
    expect(parsed[1]!.metrics).toEqual({ hit_rate: undefined, memory_mb: undefined });
    expect(parsed[1]!.status).toBe('crash');
  });

  it('reads the example of docs/format.md, as written by hand', () => {
    const text =
      'experiment\tcommit\thit_rate\tmemory_mb\tstatus\tdescription\n' +
      '0\ta1b2c3d\t0.7412\t310\tkeep\tbaseline\n' +
      '1\tb2c3d4e\t0.7530\t322\tkeep\traise ttl for images to 600s\n' +
      '2\tc3d4e5f\t0.7391\t298\tdiscard\tswitch eviction to lfu\n' +
      '3\td4e5f6a\t\t\tcrash\tdouble segment count (out of memory)\n';
    const rows = parseTsv(text, METRICS, 'results.tsv');
    expect(rows.map((r) => [r.experiment, r.commit, r.metrics['hit_rate'], r.status])).toEqual([
      [0, 'a1b2c3d', 0.7412, 'keep'],
      [1, 'b2c3d4e', 0.753, 'keep'],
      [2, 'c3d4e5f', 0.7391, 'discard'],
      [3, 'd4e5f6a', undefined, 'crash'],
    ]);
  });

  it('explains a header whose metric columns differ from the config', () => {
    const text = tsvText([row(0)], ['hit_rate', 'latency_ms']);
    const error = (() => {
      try {
        parseTsv(text, METRICS, '.autoexp/t/results.tsv');
      } catch (e) {
        return e;
      }
    })() as LedgerError;
    expect(error).toBeInstanceOf(LedgerError);
    expect(error.file).toBe('.autoexp/t/results.tsv');
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/^\.autoexp\/t\/results\.tsv:1: /);
    expect(error.message).toContain('not in the file: memory_mb');
    expect(error.message).toContain('not in the config: latency_ms');
    expect(error.message).toContain('new tag');
    expect(() => parseTsv(tsvText([row(0)], ['memory_mb', 'hit_rate']), METRICS, 'f')).toThrow(
      /different order/,
    );
  });
});

describe('experiments/*.jsonl format', () => {
  it('names chunks of 1,000 experiments', () => {
    expect(chunkFileName(0)).toBe('experiments/0000.jsonl');
    expect(chunkFileName(999)).toBe('experiments/0000.jsonl');
    expect(chunkFileName(1000)).toBe('experiments/0001.jsonl');
    expect(chunkFileName(1999)).toBe('experiments/0001.jsonl');
    expect(chunkFileName(12_345_678)).toBe('experiments/12345.jsonl');
  });

  it('writes one line per record and reads it back', () => {
    const record = recordFor(row(1, { description: 'multi\nline' }), { log_tail: 'a\nb\r\n' });
    const line = formatRecordLine(record);
    expect(line).not.toMatch(/[\n\r]/);
    expect(parseJsonl(`${line}\n`, 'x.jsonl')).toEqual([record]);
  });

  it('cuts the patch at 64 KiB with a marker line', () => {
    const patchLine = '+ value: "€€€ über 😀"\n';
    const patch = patchLine.repeat(Math.ceil((100 * 1024) / Buffer.byteLength(patchLine)));
    const [parsed] = parseJsonl(formatRecordLine(recordFor(row(1), { patch })), 'x.jsonl');
    const cut = parsed!.patch;
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(MAX_PATCH_BYTES);
    expect(Buffer.byteLength(cut)).toBeGreaterThan(MAX_PATCH_BYTES - 200);
    const lines = cut.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toContain(`patch cut at 64 KiB (${Buffer.byteLength(patch)} bytes in full)`);
    expect(patch.startsWith(lines.slice(0, -2).join('\n') + '\n')).toBe(true);
    expect(cut).not.toContain('\ufffd');
    expect(cutPatch('small\n')).toBe('small\n');
  });

  it('names the line that is not JSON', () => {
    const good = formatRecordLine(recordFor(row(0)));
    expect(() => parseJsonl(`${good}\n{"experiment": 1, oops\n`, 'e/0000.jsonl')).toThrow(
      /^e\/0000\.jsonl:2: not valid JSON/,
    );
    expect(() => parseJsonl(`${good}\n\n[1]\n`, 'f')).toThrow(/^f:3: not a JSON object/);
    expect(() =>
      parseJsonl(`{"experiment":0,"status":"won","commit":"a","description":"","metrics":{}}`, 'f'),
    ).toThrow(/^f:1: unknown status "won"/);
  });
});

describe('Ledger', () => {
  it('is empty for a missing dir, creates both files on the first append, and reopens', async () => {
    const resultsDir = join(dir, 'nested', '.autoexp', 'tag');
    const ledger = await Ledger.open(resultsDir, METRICS);
    expect(ledger.isEmpty()).toBe(true);
    expect(ledger.nextExperiment()).toBe(0);
    expect(await ledger.records()).toEqual([]);
    expect(ledger.resultsPath).toBe(join(resultsDir, 'results.tsv'));
    expect(ledger.dir).toBe(resultsDir);

    const written = await ledger.append(row(0), recordFor(row(0)));
    expect(written.sort()).toEqual(['experiments/0000.jsonl', 'results.tsv']);
    expect(await readFile(join(resultsDir, 'results.tsv'), 'utf8')).toBe(
      `experiment\tcommit\thit_rate\tmemory_mb\tstatus\tdescription\n${formatTsvRow(row(0), METRICS)}\n`,
    );

    const reopened = await Ledger.open(resultsDir, METRICS);
    expect(reopened.rows()).toEqual([row(0)]);
    expect(await reopened.records()).toEqual([recordFor(row(0))]);
  });

  it('continues the numbering after a reopen and keeps records() in step with appends', async () => {
    const first = await Ledger.open(dir, METRICS);
    for (let n = 0; n < 3; n++) await first.append(row(n), recordFor(row(n)));

    const second = await Ledger.open(dir, METRICS);
    expect(second.nextExperiment()).toBe(3);
    const before = await second.records();
    expect(before.map((r) => r.experiment)).toEqual([0, 1, 2]);
    const crash = row(3, { status: 'crash', metrics: {}, description: 'oom\n\tkilled' });
    await second.append(crash, recordFor(crash, { log_tail: 'Killed' }));
    expect((await second.records()).map((r) => r.experiment)).toEqual([0, 1, 2, 3]);
    expect(second.rows().at(-1)).toEqual({
      ...crash,
      description: 'oom killed',
      metrics: { hit_rate: undefined, memory_mb: undefined },
    });

    const third = await Ledger.open(dir, METRICS);
    expect(third.rows()).toEqual(second.rows());
    expect(await third.records()).toEqual(await second.records());
    await expect(third.append(row(3), recordFor(row(3)))).rejects.toThrow(/next experiment is 4/);
  });

  it('openFiles(): what results.tsv and the newest chunk with room hold, byte for byte, across a reopen and a full chunk', async () => {
    const onDisk = async (ledger: Ledger) => {
      const files = ledger.openFiles();
      for (const [path, bytes] of files) expect((await readFile(path)).equals(bytes), path).toBe(true);
      return [...files.keys()].map((path) => path.slice(dir.length + 1)).sort();
    };
    const first = await Ledger.open(dir, METRICS);
    expect(await onDisk(first)).toEqual([]);
    for (let n = 0; n < 3; n++) await first.append(row(n), recordFor(row(n)));
    expect(await onDisk(first)).toEqual(['experiments/0000.jsonl', 'results.tsv']);
    // A hand edit that dropped the last newline: the next append starts with one, and openFiles knows.
    const tsv = join(dir, 'results.tsv');
    await writeFile(tsv, (await readFile(tsv, 'utf8')).trimEnd());
    const second = await Ledger.open(dir, METRICS);
    expect(await onDisk(second)).toEqual(['experiments/0000.jsonl', 'results.tsv']);
    for (let n = 3; n < 1000; n++) await second.append(row(n), recordFor(row(n)));
    // Experiment 999 filled chunk 0000: nothing is appended to it again.
    expect(await onDisk(second)).toEqual(['results.tsv']);
    await second.append(row(1000), recordFor(row(1000)));
    expect(await onDisk(second)).toEqual(['experiments/0001.jsonl', 'results.tsv']);
    expect(await onDisk(await Ledger.open(dir, METRICS))).toEqual(['experiments/0001.jsonl', 'results.tsv']);
  });

  it('serializes appends that are not awaited one by one', async () => {
    const ledger = await Ledger.open(dir, METRICS);
    await Promise.all([0, 1, 2].map((n) => ledger.append(row(n), recordFor(row(n)))));
    const reopened = await Ledger.open(dir, METRICS);
    expect(reopened.rows().map((r) => r.experiment)).toEqual([0, 1, 2]);
  });

  it('refuses a row and record that disagree, writing nothing', async () => {
    const ledger = await Ledger.open(dir, METRICS);
    await ledger.append(row(0), recordFor(row(0)));
    const before = await snapshot();
    await expect(ledger.append(row(1), recordFor(row(1), { status: 'keep' }))).rejects.toThrow(/disagree/);
    await expect(ledger.append(row(1), recordFor(row(2)))).rejects.toThrow(/disagree/);
    await expect(
      ledger.append(row(1, { metrics: { hit_rate: Infinity } }), recordFor(row(1))),
    ).rejects.toThrow(/finite/);
    expect(await snapshot()).toEqual(before);
    expect(ledger.nextExperiment()).toBe(1);
  });

  it('refuses a baseline that is not keep', async () => {
    const ledger = await Ledger.open(dir, METRICS);
    const bad = row(0, { status: 'crash' });
    await expect(ledger.append(bad, recordFor(bad))).rejects.toThrow(/baseline/);
    expect(await snapshot()).toEqual({});
  });

  it('accepts a hand-edited description and a file that lost its final newline', async () => {
    const rows = [row(0), row(1), row(2)];
    const tsv = tsvText(rows).replace('try number 1', 'reworded by hand ✍️').replace(/\n$/, '');
    await writeLedgerFiles(tsv, jsonlText(rows).replace(/\n$/, ''));
    const ledger = await Ledger.open(dir, METRICS);
    expect(ledger.rows()[1]!.description).toBe('reworded by hand ✍️');
    await ledger.append(row(3), recordFor(row(3)));
    const reopened = await Ledger.open(dir, METRICS);
    expect(reopened.rows().map((r) => r.experiment)).toEqual([0, 1, 2, 3]);
    expect((await reopened.records()).map((r) => r.experiment)).toEqual([0, 1, 2, 3]);
  });

  describe('refuses a corrupt ledger with the file and line, leaving every byte as it was', () => {
    const rows = [row(0), row(1), row(2)];

    it('a bad header', async () => {
      await writeLedgerFiles(tsvText(rows).replace('experiment\tcommit', 'exp\tcommit'), jsonlText(rows));
      const error = await openFails();
      expect(error.message).toMatch(/results\.tsv:1: this is not a results\.tsv header/);
    });

    it('a header with other metrics than the config', async () => {
      await writeLedgerFiles(tsvText(rows, ['hit_rate']), jsonlText(rows));
      const error = await openFails();
      expect(error.line).toBe(1);
      expect(error.message).toContain('not in the file: memory_mb');
    });

    it('a missing column', async () => {
      const lines = tsvText(rows).split('\n');
      lines[2] = lines[2]!.split('\t').slice(0, -1).join('\t');
      await writeLedgerFiles(lines.join('\n'), jsonlText(rows));
      const error = await openFails();
      expect(error.line).toBe(3);
      expect(error.message).toMatch(/results\.tsv:3: has 5 columns, expected 6/);
    });

    it('a metric that is not a number', async () => {
      await writeLedgerFiles(
        tsvText(rows).replace(`\t${row(2).metrics['hit_rate']}\t`, '\t0.5x\t'),
        jsonlText(rows),
      );
      const error = await openFails();
      expect(error.line).toBe(4);
      expect(error.message).toContain('hit_rate "0.5x" is not a number');
    });

    it('experiment numbers out of order', async () => {
      await writeLedgerFiles(tsvText(rows).replace('\n2\t', '\n5\t'), jsonlText(rows));
      const error = await openFails();
      expect(error.line).toBe(4);
      expect(error.message).toContain('experiment 5 is out of order: expected 2');
    });

    it('an unknown status', async () => {
      await writeLedgerFiles(
        tsvText(rows).replace('\tdiscard\ttry number 1', '\tkept\ttry number 1'),
        jsonlText(rows),
      );
      const error = await openFails();
      expect(error.line).toBe(3);
      expect(error.message).toContain('unknown status "kept"');
    });

    it('a baseline row that is not keep', async () => {
      await writeLedgerFiles(
        tsvText(rows).replace('\tkeep\tbaseline', '\tdiscard\tbaseline'),
        jsonlText(rows),
      );
      const error = await openFails();
      expect(error.line).toBe(2);
      expect(error.message).toContain('must have status keep');
    });

    it('a jsonl line that is not JSON', async () => {
      const jsonl = jsonlText(rows).split('\n');
      jsonl[2] = jsonl[2]!.slice(0, 40);
      await writeLedgerFiles(tsvText(rows), jsonl.join('\n'));
      const error = await openFails();
      expect(error.file).toBe(join(dir, 'experiments/0000.jsonl'));
      expect(error.line).toBe(3);
      expect(error.message).toContain('not valid JSON');
    });

    it('a results.tsv with a row the jsonl lacks', async () => {
      await writeLedgerFiles(tsvText(rows), jsonlText(rows.slice(0, 2)));
      const error = await openFails();
      expect(error.message).toMatch(
        /0000\.jsonl: ends at experiment 1, but results\.tsv goes on to experiment 2/,
      );
    });

    it('a jsonl with a record results.tsv lacks', async () => {
      await writeLedgerFiles(tsvText(rows.slice(0, 2)), jsonlText(rows));
      const error = await openFails();
      expect(error.line).toBe(3);
      expect(error.message).toContain('has a record for experiment 2, but results.tsv ends at experiment 1');
    });

    it('statuses that differ between the files', async () => {
      const changed = [row(0), row(1, { status: 'keep' }), row(2)];
      await writeLedgerFiles(tsvText(rows), jsonlText(changed));
      const error = await openFails();
      expect(error.line).toBe(2);
      expect(error.message).toContain('experiment 1 has status keep here but discard in results.tsv');
    });

    it('a jsonl without results.tsv', async () => {
      await mkdir(join(dir, 'experiments'));
      await writeFile(join(dir, 'experiments/0000.jsonl'), jsonlText(rows));
      const error = await openFails();
      expect(error.message).toContain('results.tsv has no rows');
    });

    it('an older chunk that is not JSON, found by records()', async () => {
      const ledger = await Ledger.open(dir, METRICS);
      for (let n = 0; n < 1001; n++) await ledger.append(row(n), recordFor(row(n)));
      await appendFile(join(dir, 'experiments/0000.jsonl'), 'garbage\n');
      const reopened = await Ledger.open(dir, METRICS); // only the newest chunk is checked on open
      const before = await snapshot();
      await expect(reopened.records()).rejects.toThrow(/0000\.jsonl:1001: not valid JSON/);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('appends 10,000 experiments one line at a time, in chunks of 1,000, never reading the files back', async () => {
    const readFileMock = vi.mocked(fsPromises.readFile);
    const ledger = await Ledger.open(dir, METRICS);
    readFileMock.mockClear();
    const checkpoints = new Set([0, 1, 998, 999, 1000, 1001, 5000, 9999]);
    for (let n = 0; n < 10_000; n++) {
      const r = row(n);
      const observe = checkpoints.has(n);
      const tsvBefore = observe ? await readFile(join(dir, 'results.tsv'), 'utf8').catch(() => '') : '';
      const chunkBefore = observe ? await readFile(join(dir, chunkFileName(n)), 'utf8').catch(() => '') : '';
      if (observe) readFileMock.mockClear();
      const written = await ledger.append(r, recordFor(r));
      if (!observe) continue;
      expect(readFileMock).not.toHaveBeenCalled();
      expect(written).toEqual(['results.tsv', chunkFileName(n)]);
      const tsvAfter = await readFile(join(dir, 'results.tsv'), 'utf8');
      const header = n === 0 ? `${formatTsvHeader(METRICS)}\n` : '';
      expect(tsvAfter).toBe(`${tsvBefore}${header}${formatTsvRow(r, METRICS)}\n`);
      const chunkAfter = await readFile(join(dir, chunkFileName(n)), 'utf8');
      expect(chunkAfter).toBe(`${chunkBefore}${formatRecordLine(recordFor(r))}\n`);
    }
    const chunks = (await readdir(join(dir, 'experiments'))).sort();
    expect(chunks).toEqual(Array.from({ length: 10 }, (_, i) => `${String(i).padStart(4, '0')}.jsonl`));
    const first = (await readFile(join(dir, 'experiments/0000.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(first).toHaveLength(1000);
    expect(JSON.parse(first.at(-1)!).experiment).toBe(999);
    const second = (await readFile(join(dir, 'experiments/0001.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(JSON.parse(second[0]!).experiment).toBe(1000);

    const reopened = await Ledger.open(dir, METRICS);
    expect(reopened.nextExperiment()).toBe(10_000);
    const records = await reopened.records();
    expect(records.map((r) => r.experiment)).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    expect(records.every((r, i) => r.status === (reopened.rows()[i]!.status as Status))).toBe(true);
  });
});
