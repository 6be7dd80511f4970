import { describe, expect, it } from 'vitest';
import type { MetricSpec } from '../src/config/settings.js';
import type { ExperimentRecord, LedgerRow, Status } from '../src/ledger/types.js';
import { chartPoints, downsample, mermaidChart, MAX_CHART_POINTS } from '../src/report/chart.js';
import { formatMetric, formatPercent, formatPlainNumber, shortDuration } from '../src/report/format.js';
import { escapeCell, renderReport, renderTitle, reportMarker } from '../src/report/markdown.js';
import { textOutsideCode } from './helpers/markdown-code.js';
import { renderStatus, statusJson } from '../src/report/status.js';
import { summarizeLedger } from '../src/report/summary.js';

const HIT_RATE: MetricSpec = { name: 'hit_rate', goal: 'maximize', extract: { kind: 'line' } };
const MEMORY: MetricSpec = { name: 'memory_mb', goal: 'minimize', max: 512, extract: { kind: 'line' } };
const LATENCY: MetricSpec = { name: 'latency_ms', goal: 'minimize', extract: { kind: 'line' } };

function row(
  experiment: number,
  status: Status,
  metrics: Record<string, number | undefined>,
  description = `try ${experiment}`,
): LedgerRow {
  return {
    experiment,
    commit: `c0ffee${experiment.toString(16).padStart(2, '0')}`,
    metrics,
    status,
    description,
  };
}

/** The example ledger of docs/format.md, plus a few rows. */
const CACHE_LEDGER: LedgerRow[] = [
  row(0, 'keep', { hit_rate: 0.7412, memory_mb: 310 }, 'baseline'),
  row(1, 'keep', { hit_rate: 0.753, memory_mb: 322 }, 'raise ttl for images to 600s'),
  row(2, 'discard', { hit_rate: 0.7391, memory_mb: 298 }, 'switch eviction to lfu'),
  row(3, 'crash', {}, 'double segment count (out of memory)'),
  row(4, 'keep', { hit_rate: 0.7601, memory_mb: 330 }, 'prefetch thumbnails'),
  row(5, 'explore', { hit_rate: 0.71, memory_mb: 300 }, 'random restart'),
  row(6, 'discard', { hit_rate: 0.9, memory_mb: 600 }, 'cache everything'),
];

function record(r: LedgerRow, overrides: Partial<ExperimentRecord> = {}): ExperimentRecord {
  const metrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(r.metrics)) if (value !== undefined) metrics[name] = value;
  return {
    experiment: r.experiment,
    commit: r.commit,
    parent: 'p',
    timestamp: '2025-01-01T00:00:00Z',
    status: r.status,
    reason: r.status === 'keep' ? 'improved' : r.status === 'discard' ? 'not better' : r.status,
    description: r.description,
    metrics,
    samples: {},
    wall_time_s: 1,
    diff_lines: 1,
    patch: '',
    tokens: { input: 0, output: 0 },
    cost_usd: 0,
    proposer: 'mutate',
    ...overrides,
  };
}

describe('summarizeLedger', () => {
  it('counts, finds baseline and best, and the improvement for a maximized metric', () => {
    const summary = summarizeLedger(CACHE_LEDGER, [HIT_RATE, MEMORY], { sessionExperiments: [4, 5, 6] });
    expect(summary.total).toBe(6);
    expect(summary.counts).toEqual({ keep: 2, discard: 2, crash: 1, timeout: 0, explore: 1, invalid: 0 });
    expect(summary.sessionCounts).toEqual({
      keep: 1,
      discard: 1,
      crash: 0,
      timeout: 0,
      explore: 1,
      invalid: 0,
    });
    expect(summary.baseline).toEqual({ experiment: 0, value: 0.7412 });
    // The discarded 0.9 and the explore row never count as best.
    expect(summary.best).toEqual({ experiment: 4, commit: 'c0ffee04', value: 0.7601 });
    expect(summary.improvement).toBeCloseTo((0.7601 - 0.7412) / 0.7412, 12);
    expect(summary.keptRows.map((r) => r.experiment)).toEqual([0, 1, 4, 5]);
    expect(summary.primary).toBe(HIT_RATE);
  });

  it('measures improvement in the goal direction for a minimized metric', () => {
    const rows = [
      row(0, 'keep', { latency_ms: 120 }, 'baseline'),
      row(1, 'keep', { latency_ms: 110 }),
      row(2, 'discard', { latency_ms: 130 }),
      row(3, 'keep', { latency_ms: 100 }),
      row(4, 'timeout', {}),
    ];
    const summary = summarizeLedger(rows, [LATENCY]);
    expect(summary.best).toMatchObject({ experiment: 3, value: 100 });
    expect(summary.improvement).toBeCloseTo(20 / 120, 12);
    expect(summary.sessionCounts).toBeUndefined();
  });

  it('reports the baseline as best and zero improvement when nothing was kept after it', () => {
    const rows = [
      row(0, 'keep', { hit_rate: 0.5 }, 'baseline'),
      row(1, 'discard', { hit_rate: 0.4 }),
      row(2, 'crash', {}),
    ];
    const summary = summarizeLedger(rows, [HIT_RATE]);
    expect(summary.best).toMatchObject({ experiment: 0, value: 0.5 });
    expect(summary.improvement).toBe(0);
  });

  it('handles an empty ledger', () => {
    const summary = summarizeLedger([], [HIT_RATE]);
    expect(summary.total).toBe(0);
    expect(summary.baseline).toBeUndefined();
    expect(summary.best).toBeUndefined();
    expect(summary.improvement).toBeUndefined();
    expect(Object.values(summary.counts).every((count) => count === 0)).toBe(true);
  });

  it('leaves improvement undefined for a zero baseline', () => {
    const summary = summarizeLedger(
      [row(0, 'keep', { hit_rate: 0 }), row(1, 'keep', { hit_rate: 1 })],
      [HIT_RATE],
    );
    expect(summary.best?.value).toBe(1);
    expect(summary.improvement).toBeUndefined();
  });

  it('does not call a baseline outside the constraints best once a kept row meets them', () => {
    const rows = [
      row(0, 'keep', { hit_rate: 0.9, memory_mb: 600 }, 'baseline'),
      row(1, 'keep', { hit_rate: 0.8, memory_mb: 500 }),
    ];
    const summary = summarizeLedger(rows, [HIT_RATE, MEMORY]);
    expect(summary.best).toMatchObject({ experiment: 1, value: 0.8 });
    expect(summary.improvement).toBeLessThan(0);
  });
});

describe('format', () => {
  it('formats metrics compactly', () => {
    expect(formatMetric(0.7412000000000001)).toBe('0.7412');
    expect(formatMetric(310)).toBe('310');
    expect(formatMetric(1234567.8)).toBe('1234570');
    expect(formatMetric(0.000123456789)).toBe('0.000123457');
    expect(formatMetric(-0)).toBe('0');
    expect(formatMetric(-12.3456789)).toBe('-12.3457');
  });

  it('writes plain numbers without exponents', () => {
    expect(formatPlainNumber(1.2e-7)).toBe('0.00000012');
    expect(formatPlainNumber(3e21)).toBe('3000000000000000000000');
    expect(formatPlainNumber(0.5)).toBe('0.5');
  });

  it('formats percentages with a sign', () => {
    expect(formatPercent(0.0123)).toBe('+1.2%');
    expect(formatPercent(-0.034)).toBe('-3.4%');
    expect(formatPercent(0)).toBe('+0.0%');
    expect(formatPercent(-0.0001)).toBe('+0.0%');
    expect(formatPercent(Number.NaN)).toBe('n/a');
  });

  it('formats short durations', () => {
    expect(shortDuration(850)).toBe('850ms');
    expect(shortDuration(4200)).toBe('4.2s');
    expect(shortDuration(34_000)).toBe('34s');
    expect(shortDuration(303_000)).toBe('5m03s');
    expect(shortDuration(3_720_000)).toBe('1h02m');
  });
});

describe('renderTitle', () => {
  it('shows baseline, best and the relative change', () => {
    const summary = summarizeLedger(CACHE_LEDGER, [HIT_RATE, MEMORY]);
    expect(renderTitle('cache-tuning', HIT_RATE, summary)).toBe(
      'autoexp(cache-tuning): hit_rate 0.7412 → 0.7601 (+2.5%)',
    );
  });

  it('shows the raw change of a minimized metric, so a drop reads negative', () => {
    const rows = [row(0, 'keep', { latency_ms: 120 }, 'baseline'), row(1, 'keep', { latency_ms: 100 })];
    expect(renderTitle('speed', LATENCY, summarizeLedger(rows, [LATENCY]))).toBe(
      'autoexp(speed): latency_ms 120 → 100 (-16.7%)',
    );
  });

  it('has no percent for a zero baseline and says when there is no baseline', () => {
    const zero = [row(0, 'keep', { hit_rate: 0 }), row(1, 'keep', { hit_rate: 0.5 })];
    expect(renderTitle('t', HIT_RATE, summarizeLedger(zero, [HIT_RATE]))).toBe(
      'autoexp(t): hit_rate 0 → 0.5',
    );
    expect(renderTitle('t', HIT_RATE, summarizeLedger([], [HIT_RATE]))).toMatch(
      /^autoexp\(t\): hit_rate, no baseline yet$/,
    );
  });
});

/** The parts of a ```mermaid xychart-beta block, checked against the grammar's number and list syntax. */
function parseChart(markdown: string) {
  const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
  expect(block).not.toBeNull();
  const lines = block![1]!.split('\n').map((line) => line.trim());
  expect(lines[0]).toBe('xychart-beta');
  const xAxis = lines.find((line) => line.startsWith('x-axis'))!;
  const xLabels = /^x-axis "[^"]*" \[(.*)\]$/.exec(xAxis)![1]!.split(', ');
  for (const label of xLabels) expect(label).toMatch(/^"\d+"$/);
  const series = lines
    .filter((line) => line.startsWith('line'))
    .map((line) => {
      const values = /^line \[(.*)\]$/.exec(line)![1]!.split(', ');
      // Mermaid's number token: [+-]?(\d+(\.\d+)?|\.\d+), no exponent.
      for (const value of values) expect(value).toMatch(/^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/);
      return values.map(Number);
    });
  return { lines, experiments: xLabels.map((label) => Number(label.slice(1, -1))), series };
}

describe('mermaidChart', () => {
  it('draws measured values and best so far, carrying the incumbent over rows without a value', () => {
    const chart = parseChart(mermaidChart(CACHE_LEDGER, HIT_RATE, { metrics: [HIT_RATE, MEMORY] }));
    expect(chart.lines.some((line) => line.startsWith('title "hit_rate ↑'))).toBe(true);
    expect(chart.lines.some((line) => line.startsWith('y-axis "hit_rate ↑"'))).toBe(true);
    expect(chart.experiments).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(chart.series).toEqual([
      [0.7412, 0.753, 0.7391, 0.753, 0.7601, 0.71, 0.9],
      [0.7412, 0.753, 0.753, 0.753, 0.7601, 0.7601, 0.7601],
    ]);
  });

  it('is empty when nothing has a value', () => {
    expect(mermaidChart([row(0, 'crash', {})], HIT_RATE)).toBe('');
  });

  it('down-samples a long ledger, keeping first, last and every new best', () => {
    const rows: LedgerRow[] = [row(0, 'keep', { hit_rate: 0 }, 'baseline')];
    for (let n = 1; n < 5000; n++) {
      const improves = n % 997 === 0;
      rows.push(
        row(
          n,
          improves ? 'keep' : n % 13 === 0 ? 'crash' : 'discard',
          n % 13 === 0 && !improves ? {} : { hit_rate: improves ? n : -n },
        ),
      );
    }
    const chart = parseChart(mermaidChart(rows, HIT_RATE));
    expect(chart.experiments.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(chart.experiments.length).toBeGreaterThan(MAX_CHART_POINTS - 5);
    for (const series of chart.series) expect(series).toHaveLength(chart.experiments.length);
    expect(chart.experiments[0]).toBe(0);
    expect(chart.experiments.at(-1)).toBe(4999);
    for (const n of [997, 1994, 2991, 3988, 4985]) expect(chart.experiments).toContain(n);
    expect(chart.experiments).toEqual([...chart.experiments].sort((a, b) => a - b));
    expect(chart.series[1]!.at(-1)).toBe(4985);
  });

  it('keeps evenly spread improvements when they alone exceed the limit', () => {
    const rows = Array.from({ length: 1000 }, (_, n) => row(n, 'keep', { hit_rate: n }));
    const points = downsample(chartPoints(rows, HIT_RATE), 50);
    expect(points).toHaveLength(50);
    expect(points[0]!.experiment).toBe(0);
    expect(points.at(-1)!.experiment).toBe(999);
  });
});

describe('renderReport', () => {
  const records = CACHE_LEDGER.map((r) =>
    record(r, {
      cost_usd: 0.0125,
      session: r.experiment < 4 ? '2025-01-01T00:00:00Z' : '2025-01-02T00:00:00Z',
      ...(r.experiment === 4
        ? { incumbent: { commit: 'c0ffee01', session: 's', metrics: { hit_rate: 0.75 }, samples: {} } }
        : {}),
    }),
  );
  const base = {
    tag: 'cache-tuning',
    branch: 'autoexp/cache-tuning',
    base: 'main',
    metrics: [HIT_RATE, MEMORY],
  };

  it('has the marker, the summary, counts, kept table, chart, last experiments and cost', () => {
    const body = renderReport({ ...base, rows: CACHE_LEDGER, records });
    expect(body.startsWith(`${reportMarker('cache-tuning')}\n`)).toBe(true);
    expect(body).toContain('<!-- autoexp:report tag=cache-tuning -->');
    expect(body).toContain('baseline **0.7412** (#0) → best **0.7601** (#4, `c0ffee04`) (**+2.5%**)');
    expect(body).toContain('| | total | keep | discard | crash | timeout | explore | invalid |');
    expect(body).toContain('| all time | 6 | 2 | 2 | 1 | 0 | 1 | 0 |');
    // This run is inferred from the latest session in the records: #4–#6.
    expect(body).toContain('| this run (2025-01-02T00:00:00Z) | 3 | 1 | 1 | 0 | 0 | 1 | 0 |');
    expect(body).toContain('### Kept experiments (4)');
    // Descriptions and reasons are the proposer's and the eval's words: code spans (src/text/markdown.ts).
    expect(body).toContain('| 4 | `c0ffee04` | keep | 0.7601 | 330 | `prefetch thumbnails` |');
    expect(body).toContain('| 5 | `c0ffee05` | explore | 0.71 | 300 | `random restart` |');
    expect(body).toContain('```mermaid\nxychart-beta');
    expect(body).toMatch(/<details><summary>Last 7 experiments<\/summary>/);
    expect(body).toContain(
      '| 3 | `c0ffee03` | crash | — | — | `crash` | `double segment count (out of memory)` |',
    );
    expect(body).toMatch(/LLM spend so far: \$0\.0875( \(|$)/m);
    expect(body).toContain(
      "Last same-runner comparison: #4 measured hit_rate 0.7601 against the incumbent's 0.75 (+1.3%)",
    );
    const order = ['Kept experiments', '```mermaid', '<details>'].map((text) => body.indexOf(text));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('uses the session it is given and leaves out cost when there is none', () => {
    const body = renderReport({ ...base, rows: CACHE_LEDGER, session: { experiments: [6] } });
    expect(body).toContain('| this run | 1 | 0 | 1 | 0 | 0 | 0 | 0 |');
    expect(body).not.toContain('LLM spend');
    expect(body).not.toContain('reason');
  });

  it('says when nothing was kept beyond the baseline', () => {
    const rows = [row(0, 'keep', { hit_rate: 0.5 }, 'baseline'), row(1, 'discard', { hit_rate: 0.4 })];
    const body = renderReport({ ...base, metrics: [HIT_RATE], rows });
    expect(body).toContain('baseline **0.5**; no improvement kept yet');
  });

  it('puts descriptions in code spans: pipes escaped, HTML, mentions and links inert', () => {
    const rows = [
      row(0, 'keep', { hit_rate: 0.5 }, 'baseline'),
      row(
        1,
        'keep',
        { hit_rate: 0.6 },
        'a | b <!-- c --> & <script> @octocat Closes #1 [x](http://e.example)',
      ),
    ];
    const body = renderReport({ ...base, metrics: [HIT_RATE], rows });
    expect(body).toContain('| `a \\| b <!-- c --> & <script> @octocat Closes #1 [x](http://e.example)` |');
    const outside = textOutsideCode(body);
    for (const text of ['<script>', '<!-- c', '@octocat', 'Closes', 'e.example'])
      expect(outside).not.toContain(text);
    expect(escapeCell('x\ny|z')).toBe('x y\\|z');
    // Each table line has exactly as many unescaped pipes as the header.
    const keptTable = body.split('\n').filter((line) => line.startsWith('| 1 |') || line.startsWith('| # |'));
    const cells = keptTable.map((line) => line.split(/(?<!\\)\|/).length);
    expect(new Set(cells).size).toBe(1);
  });

  it('fits 20,000 experiments into 65,536 characters by cutting tables, never the summary or the chart', () => {
    const rows: LedgerRow[] = [row(0, 'keep', { hit_rate: 0.5, memory_mb: 300 }, 'baseline')];
    for (let n = 1; n < 20_000; n++) {
      const keep = n % 3 === 0;
      rows.push(
        row(
          n,
          keep ? 'keep' : 'discard',
          { hit_rate: keep ? 0.5 + n / 1e6 : 0.4, memory_mb: 300 },
          `experiment number ${n} | tweak`,
        ),
      );
    }
    rows[123] = row(123, 'keep', { hit_rate: 0.99, memory_mb: 300 }, 'the big win');
    const body = renderReport({ ...base, rows });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('<!-- autoexp:report tag=cache-tuning -->');
    expect(body).toContain('best **0.99** (#123');
    expect(body).toContain('| all time | 19999 |');
    expect(parseChart(body).experiments.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    // The kept table keeps the best row and the most recent ones, and says how many it left out.
    expect(body).toContain('| 123 | `c0ffee7b` | keep | 0.99 |');
    expect(body).toContain('| 19998 |');
    expect(body).toMatch(/… \d+ more rows in results\.tsv/);
    const kept = Number(/### Kept experiments \((\d+)\)/.exec(body)![1]);
    const shown = body
      .split('\n')
      .filter((line) => /^\| \d+ \| `c0ffee[0-9a-f]+` \| keep \|/.test(line)).length;
    const more = Number(/### Kept experiments[\s\S]*?… (\d+) more rows/.exec(body)![1]);
    expect(shown + more).toBe(kept);
    // The collapsed table was cut first: none of its rows are left.
    expect(body).not.toMatch(/^\| \d+ \| `c0ffee[0-9a-f]+` \| discard \|/m);
    expect(body).toMatch(
      /<details><summary>Last 30 experiments<\/summary>\n\n… 30 more rows in results\.tsv/,
    );
  });

  it('cuts only the collapsed table when that is enough', () => {
    const full = renderReport({ ...base, rows: CACHE_LEDGER });
    const body = renderReport({ ...base, rows: CACHE_LEDGER, maxLength: full.length - 50 });
    expect(body.length).toBeLessThanOrEqual(full.length - 50);
    expect(body).toContain('### Kept experiments (4)');
    expect(body).toContain('| 0 | `c0ffee00` | keep |');
    expect(body).toMatch(/<details>[\s\S]*… \d+ more rows? in results\.tsv[\s\S]*<\/details>/);
  });
});

describe('status', () => {
  const summary = summarizeLedger(CACHE_LEDGER, [HIT_RATE, MEMORY]);
  const statusInput = {
    tag: 'cache-tuning',
    branch: 'autoexp/cache-tuning',
    summary,
    rows: CACHE_LEDGER,
    metrics: [HIT_RATE, MEMORY],
  };

  it('prints totals, baseline, best, improvement and the last rows', () => {
    const text = renderStatus({ ...statusInput, lastN: 3 });
    expect(text).toContain('experiments: 6 (2 keep, 2 discard, 1 crash, 1 explore)');
    expect(text).toContain('baseline:    hit_rate ↑ 0.7412 (#0)');
    expect(text).toContain('best:        hit_rate ↑ 0.7601 (#4, c0ffee04)');
    expect(text).toContain('improvement: +2.5%');
    expect(text).toContain('last 3:');
    const shown = text.split('\n').filter((line) => /^ {2}#\d+/.test(line));
    expect(shown.map((line) => line.trim().split(/\s+/)[0])).toEqual(['#4', '#5', '#6']);
    expect(shown[1]).toContain('hit_rate=0.71 memory_mb=300');
    // Columns line up: the status column starts at the same place on every row.
    expect(new Set(shown.map((line) => line.indexOf('c0ffee'))).size).toBe(1);
  });

  it('gives stable JSON keys, with null for what is missing', () => {
    const json = statusJson(statusInput);
    expect(Object.keys(json)).toEqual([
      'tag',
      'branch',
      'experiments',
      'counts',
      'baseline',
      'best',
      'improvement',
      'spend',
      'program',
      'last',
    ]);
    expect(json.program).toBeNull();
    expect(json.experiments).toBe(6);
    expect(json.spend).toEqual({ cost_usd: 0, tokens: { input: 0, output: 0, cache_read: 0 } });
    expect(json.best).toEqual({ experiment: 4, commit: 'c0ffee04', value: 0.7601 });
    expect(json.last).toHaveLength(7);
    expect(json.last[3]).toEqual({
      experiment: 3,
      commit: 'c0ffee03',
      status: 'crash',
      metrics: { hit_rate: null, memory_mb: null },
      description: 'double segment count (out of memory)',
    });
    const empty = statusJson({ ...statusInput, summary: summarizeLedger([], [HIT_RATE]), rows: [] });
    expect(empty).toMatchObject({ experiments: 0, baseline: null, best: null, improvement: null, last: [] });
  });

  it('says when the program is paused or finished, and how many lessons it noted', () => {
    const paused = { state: 'paused' as const, message: 'paused: 5 experiments in a row without a keep' };
    const input = { ...statusInput, program: paused, lessons: { path: '.autoexp/x/lessons.md', lines: 4 } };
    const text = renderStatus(input);
    expect(text).toContain('program:     paused: 5 experiments in a row without a keep\n');
    expect(text).toContain('lessons:     4 lines in .autoexp/x/lessons.md\n');
    expect(statusJson(input).program).toEqual(paused);
    expect(renderStatus(statusInput)).not.toContain('program:');
  });
});
