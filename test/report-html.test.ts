// `autoexp report --format html`: the page as text (self-contained, escaped, headline first) and through the
// CLI. test/browser-report.test.ts opens it in Chromium.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricSpec } from '../src/config/settings.js';
import type { ExperimentRecord, LedgerRow } from '../src/ledger/types.js';
import { limitSpans, MAX_PAGE_PATCH_CHARS, renderHtmlReport, reportData } from '../src/report/html.js';
import type { ReportInput } from '../src/report/markdown.js';
import { createProject } from './helpers/project.js';
import { GIT_IDENTITY_ENV } from './helpers/repo.js';
import { METRICS, syntheticLedger } from './report-html-data.js';

const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const SCORE: MetricSpec = { name: 'score', goal: 'maximize', extract: { kind: 'line' } };
const MEMORY: MetricSpec = { name: 'memory_mb', goal: 'minimize', max: 512, extract: { kind: 'line' } };

function row(
  experiment: number,
  status: LedgerRow['status'],
  metrics: LedgerRow['metrics'],
  description = '',
): LedgerRow {
  return { experiment, commit: `c0ffee${experiment}`, status, metrics, description };
}

function record(fields: Partial<ExperimentRecord> & { experiment: number }): ExperimentRecord {
  return {
    commit: `c0ffee${fields.experiment}`,
    parent: 'abc1234',
    timestamp: '2025-01-01T07:00:00.000Z',
    status: 'keep',
    reason: 'improved',
    description: '',
    metrics: {},
    samples: {},
    wall_time_s: 1,
    diff_lines: 0,
    patch: '',
    tokens: { input: 0, output: 0 },
    cost_usd: 0,
    proposer: 'command',
    ...fields,
  };
}

const SMALL: ReportInput = {
  tag: 'cache',
  branch: 'autoexp/cache',
  base: 'main',
  metrics: [SCORE, MEMORY],
  rows: [
    row(0, 'keep', { score: 0.5, memory_mb: 300 }, 'baseline'),
    row(1, 'discard', { score: 0.4, memory_mb: 290 }, 'lower ttl'),
    row(2, 'keep', { score: 0.6, memory_mb: 320 }, 'raise ttl'),
    row(3, 'crash', {}, 'double segments'),
    row(4, 'keep', { score: 0.9, memory_mb: 600 }, 'cache everything'),
    row(5, 'invalid', {}, 'touch the Makefile'),
  ],
  records: [
    record({ experiment: 0, reason: 'baseline' }),
    record({
      experiment: 1,
      status: 'discard',
      reason: 'not better',
      cost_usd: 0.01,
      tokens: { input: 1000, output: 200 },
    }),
    record({
      experiment: 2,
      patch: '--- a/cache.yml\n+++ b/cache.yml\n@@ -1 +1 @@\n-ttl: 60\n+ttl: 600\n',
      cost_usd: 0.02,
      tokens: { input: 2500, output: 300 },
    }),
    record({ experiment: 3, status: 'crash', reason: 'exit code 1' }),
    record({ experiment: 4, patch: '--- a/cache.yml\n+++ b/cache.yml\n@@ -1 +1 @@\n-a\n+b\n' }),
    record({ experiment: 5, status: 'invalid', reason: 'out of scope: Makefile' }),
  ],
};

/** The JSON blob the page script reads, parsed back. */
function dataBlob(html: string): unknown {
  const match = /<script type="application\/json" id="autoexp-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no data blob in the page');
  return JSON.parse(match[1]!);
}

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(SMALL);

  it('is one self-contained page: no URL, nothing to fetch, uPlot and its licence inlined', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\s(src|href)\s*=/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).toContain('var uPlot=');
    expect(html).toContain('Permission is hereby granted, free of charge');
  });

  it('puts the headline first, then the chart, the kept experiments and all experiments', () => {
    const headline = html.indexOf('id="headline"');
    expect(html.slice(headline, html.indexOf('</section>', headline))).toContain('0.5 → 0.6');
    expect(html).toContain('+20.0%'); // memory_mb ≤ 512 rules out #4's 0.9 as the best
    const order = ['id="headline"', 'id="chart-0"', 'id="kept"', 'id="all"'].map((marker) =>
      html.indexOf(marker),
    );
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<title>autoexp(cache): score 0.5 → 0.6 (+20.0%)</title>');
  });

  it("names the best's path through a search tree under the headline, and no path for a hill-climb", () => {
    const tree = renderHtmlReport({
      ...SMALL,
      rows: [
        row(0, 'keep', { score: 0.5, memory_mb: 300 }, 'baseline'),
        row(1, 'explore', { score: 0.45, memory_mb: 300 }, 'step back <first>'),
        row(2, 'discard', { score: 0.4, memory_mb: 300 }, 'lower ttl'),
        row(3, 'keep', { score: 0.7, memory_mb: 300 }, 'climb the far hill'),
      ],
      records: [
        record({ experiment: 0, reason: 'baseline', metrics: { score: 0.5 } }),
        record({
          experiment: 1,
          status: 'explore',
          metrics: { score: 0.45 },
          parent_experiment: 0,
          description: 'step back <first>',
        }),
        record({ experiment: 2, status: 'discard', metrics: { score: 0.4 }, parent_experiment: 0 }),
        record({
          experiment: 3,
          metrics: { score: 0.7 },
          parent_experiment: 1,
          description: 'climb the far hill',
        }),
      ],
    });
    const headline = tree.slice(
      tree.indexOf('id="headline"'),
      tree.indexOf('</section>', tree.indexOf('id="headline"')),
    );
    expect(headline).toContain(
      '<p class="path"><span class="muted">Reached by (search: tree):</span> baseline → <strong>#1</strong> step back &lt;first&gt; <span class="nowrap">(0.45)</span> → <strong>#3</strong> climb the far hill <span class="nowrap">(0.7)</span></p>',
    );
    expect(html).not.toContain('Reached by');
  });

  it('shows the counts by status as the filter checkboxes', () => {
    const counts = Object.fromEntries(
      [...html.matchAll(/data-count="(\w+)">(\d+)</g)].map((match) => [match[1], Number(match[2])]),
    );
    // The baseline is the starting point, not a kept experiment: counted apart.
    expect(counts).toEqual({ keep: 2, discard: 1, crash: 1, timeout: 0, explore: 0, invalid: 1 });
    expect(html).toContain('baseline #0</span>');
    expect(html).toContain(
      '<p class="tally">After the baseline: 5 experiments: 2 keep, 1 discard, 1 crash, 1 invalid.</p>',
    );
    expect(html).toContain('<input type="checkbox" data-status="discard" checked>');
    expect(html).toContain('<input type="checkbox" data-status="timeout" checked disabled>');
  });

  it('lists the kept experiments with their diffs, collapsed and coloured', () => {
    const kept = html.slice(html.indexOf('id="kept"'), html.indexOf('id="all"'));
    expect(kept).toContain('Kept experiments (2)');
    expect(kept).toContain('<details><summary>diff: 2 changed lines in cache.yml</summary>');
    expect(kept).toContain('<span class="del">-ttl: 60</span><span class="add">+ttl: 600</span>');
    expect(kept).toContain('the baseline: the code as it was');
    expect(kept).not.toContain('lower ttl'); // a discard
  });

  it('sums the cost and the tokens, and says nothing about cost when there is none', () => {
    expect(html).toContain('LLM spend so far: <strong>$0.0300 (3.5k tokens in; 500 out)</strong>');
    expect(
      renderHtmlReport({
        ...SMALL,
        records: SMALL.records!.map((r) => ({ ...r, cost_usd: 0, tokens: { input: 0, output: 0 } })),
      }),
    ).not.toContain('LLM spend');
  });

  it('escapes descriptions, reasons and patches, in the HTML and in the data blob', () => {
    const evil = '</script><img src=x onerror=alert(1)><!--';
    const input: ReportInput = {
      ...SMALL,
      rows: [
        row(0, 'keep', { score: 1, memory_mb: 1 }, 'baseline'),
        row(1, 'keep', { score: 2, memory_mb: 1 }, evil),
      ],
      records: [
        record({ experiment: 0 }),
        record({ experiment: 1, reason: evil, patch: `--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+${evil}\n` }),
      ],
    };
    const page = renderHtmlReport(input);
    expect(page).not.toContain('<img');
    expect(page.match(/<\/script/gi)).toHaveLength(3); // uPlot, the blob, the page script: nothing else ends a script
    expect(page).toContain('+&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&lt;!--');
    expect(dataBlob(page)).toEqual(JSON.parse(JSON.stringify(reportData(input))));
    expect((dataBlob(page) as { description: string[] }).description[1]).toBe(evil);
  });

  it('gives the browser columns: values, statuses and the best so far, which respects the constraints', () => {
    const data = reportData(SMALL);
    expect(data.experiment).toEqual([0, 1, 2, 3, 4, 5]);
    expect(data.status.map((index) => data.statuses[index])).toEqual([
      'keep',
      'discard',
      'keep',
      'crash',
      'keep',
      'invalid',
    ]);
    expect(data.values[0]).toEqual([0.5, 0.4, 0.6, null, 0.9, null]);
    expect(data.best).toEqual([0.5, 0.5, 0.6, 0.6, 0.6, 0.6]);
    expect(data.baseline).toEqual([0.5, 300]);
    // The records hold no limits (written before autoexp logged them): today's autoexp.yml stands in.
    expect(data.metrics[1]).toEqual({
      name: 'memory_mb',
      goal: 'minimize',
      limits: [{ from: 0, min: null, max: 512 }],
    });
    expect(data.metrics[0]!.limits).toEqual([]);
    expect(data.baselineIndex).toBe(0);
    expect(data.time[0]).toBe(Date.parse('2025-01-01T07:00:00.000Z'));
    expect(data.proposers).toEqual(['command']);
    expect(data.reason[5]).toBe('out of scope: Makefile');
  });

  it('draws each limit as it was when the experiment was decided, from the log', () => {
    const input: ReportInput = {
      ...SMALL,
      records: SMALL.records!.map((r): ExperimentRecord => ({
        ...r,
        limits:
          r.experiment < 3
            ? { memory_mb: { max: 400 } }
            : r.experiment < 5
              ? { memory_mb: { max: 512, min: 100 } }
              : {},
      })),
    };
    expect(reportData(input).metrics[1]!.limits).toEqual([
      { from: 0, min: null, max: 400 },
      { from: 3, min: 100, max: 512 },
      { from: 5, min: null, max: null },
    ]);
    // A log whose newer records have limits and older ones do not: the older follow autoexp.yml.
    const mixed = limitSpans(
      MEMORY,
      SMALL.rows,
      new Map(
        SMALL.records!.map((r) => [
          r.experiment,
          r.experiment >= 4 ? { ...r, limits: { memory_mb: { max: 600 } } } : r,
        ]),
      ),
    );
    expect(mixed).toEqual([
      { from: 0, min: null, max: 512 },
      { from: 4, min: null, max: 600 },
    ]);
    // No limit ever: nothing to draw.
    expect(limitSpans(SCORE, SMALL.rows, new Map())).toEqual([]);
    // A hand-edited log: whatever is not a number is no limit, and nothing breaks.
    const junk = [
      null,
      5,
      'max',
      { memory_mb: null },
      { memory_mb: { max: '512', min: 7 } },
      { memory_mb: [] },
    ];
    const edited = new Map(
      SMALL.records!.map((r, i) => [r.experiment, { ...r, limits: junk[i] } as unknown as ExperimentRecord]),
    );
    expect(limitSpans(MEMORY, SMALL.rows, edited)).toEqual([
      { from: 0, min: null, max: null },
      { from: 4, min: 7, max: null },
      { from: 5, min: null, max: null },
    ]);
  });

  it('answers first whether it worked and what won, with times a person reads', () => {
    const headline = html.slice(
      html.indexOf('id="headline"'),
      html.indexOf('</section>', html.indexOf('id="headline"')),
    );
    expect(headline).toContain('It worked: score is 20.0% higher than the baseline.');
    expect(headline).toContain('<strong>#2</strong> raise ttl');
    expect(headline).toContain('<time datetime="2025-01-01T07:00:00.000Z">2025-01-01 07:00 UTC</time>');
    expect(html).not.toMatch(/>\d{4}-\d\d-\d\dT/); // no raw ISO time as text
    const minimized = renderHtmlReport({
      ...SMALL,
      metrics: [MEMORY],
      rows: [row(0, 'keep', { memory_mb: 400 }, 'baseline'), row(1, 'keep', { memory_mb: 300 }, 'smaller')],
      records: [],
    });
    expect(minimized).toContain('It worked: memory_mb is 25.0% lower than the baseline.');
    const fromZero = renderHtmlReport({
      ...SMALL,
      metrics: [SCORE],
      rows: [row(0, 'keep', { score: 0 }, 'baseline'), row(1, 'keep', { score: 5 }, 'something')],
      records: [],
    });
    expect(fromZero).toContain('It worked: score is higher than the baseline.');
    // The baseline broke a constraint; the only allowed keep scores lower.
    const rescued = renderHtmlReport({
      ...SMALL,
      rows: [
        row(0, 'keep', { score: 0.9, memory_mb: 700 }, 'baseline'),
        row(1, 'keep', { score: 0.8, memory_mb: 500 }, 'fit in memory'),
      ],
      records: [],
    });
    expect(rescued).toContain('No improvement: the best kept experiment within the constraints');
    const nothing = renderHtmlReport({ ...SMALL, rows: SMALL.rows.slice(0, 1), records: [] });
    expect(nothing).toContain('Nothing tried yet.');
    expect(nothing).toContain('No experiment after the baseline yet.');
  });

  it('says plainly when there is no baseline or no improvement yet', () => {
    const empty = renderHtmlReport({ ...SMALL, rows: [], records: [] });
    expect(empty).toContain('No baseline measured yet.');
    expect(empty).toContain('No experiments yet.');
    const flat = renderHtmlReport({
      ...SMALL,
      rows: SMALL.rows.slice(0, 2),
      records: SMALL.records!.slice(0, 2),
    });
    expect(flat).toContain('No improvement yet: nothing beat the baseline.');
    expect(flat).toContain('After the baseline: 1 experiment: 1 discard.');
  });

  it('leaves out diffs beyond the page budget, pointing at git instead', () => {
    const big = `--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+${'b'.repeat(MAX_PAGE_PATCH_CHARS)}\n`;
    const page = renderHtmlReport({
      ...SMALL,
      records: SMALL.records!.map((r) => (r.experiment === 4 ? { ...r, patch: big } : r)),
    });
    expect(page).toContain('diff left out to keep this page small: <code>git show c0ffee4</code>');
    expect(page.length).toBeLessThan(MAX_PAGE_PATCH_CHARS);
  });

  it('renders 10,000 experiments into a page of a few megabytes', () => {
    const { rows, records } = syntheticLedger(10_000);
    const page = renderHtmlReport({ tag: 'quad', branch: 'autoexp/quad', metrics: METRICS, rows, records });
    const data = dataBlob(page) as { experiment: number[] };
    expect(data.experiment).toHaveLength(10_000);
    expect(page.length).toBeLessThan(4_000_000);
  });
});

describe('autoexp report --format html', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
  });

  function cli(cwd: string, args: string[], env: Record<string, string> = {}, script = CLI) {
    const result = spawnSync(process.execPath, [script, ...args], {
      cwd,
      env: { ...process.env, ...GIT_IDENTITY_ENV, ...env },
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('writes the page to stdout or to --out, also from a dist/ copied away from node_modules', () => {
    const repo = createProject();
    const plan = join(mkdtempSync(join(tmpdir(), 'autoexp-plan-')), 'plan.txt');
    writeFileSync(plan, 'set 5\nset 1\n');
    expect(cli(repo.root, ['run', '--experiments', '2'], { AUTOEXP_PLAN: plan }).code).toBe(0);

    const printed = cli(repo.root, ['report', '--format', 'html']);
    expect(printed.stderr).toBe('');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^<!doctype html>/);
    expect(printed.stdout).toContain('try x=5');

    const alone = join(mkdtempSync(join(tmpdir(), 'autoexp-dist-')), 'dist');
    cpSync(dirname(CLI), alone, { recursive: true });
    const out = join(repo.root, '..', 'report.html');
    const written = cli(repo.root, ['report', '--format', 'html', '--out', out], {}, join(alone, 'cli.js'));
    expect(written.stderr).toBe('');
    expect(written.stdout).toBe(`autoexp: wrote ${out}\n`);
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
  });
});
