// `autoexp report --format html` (docs/reports.md): one self-contained page — no network, no external URL.
// The headline, counts, cost and kept experiments (with their diffs) are written here as HTML; the charts
// and the table of all experiments are drawn in the browser from a JSON blob, with uPlot inlined (canvas:
// 10,000 points stay fast, and it brings axes, zoom and a cursor in ~50 KB).
import type { MetricSpec } from '../config/settings.js';
import { isBetter, relativeChange } from '../decide/compare.js';
import { STATUSES, type ExperimentRecord, type LedgerRow, type Status } from '../ledger/types.js';
import { formatMetric, formatPercent, formatSpend, formatUsd, goalArrow } from './format.js';
import { uplotAssets } from './html-assets.js';
import { LINE_COLORS, PAGE_CSS, PAGE_SCRIPT, STATUS_COLORS } from './html-page.js';
import { renderTitle, type ReportInput } from './markdown.js';
import { bestCandidates, llmSpend, summarizeLedger, type LedgerSummary } from './summary.js';
import { cleanLine, TEXT_LIMITS } from '../text/untrusted.js';

/** Diffs of kept experiments beyond this many characters in total are left out, so the page stays openable. */
export const MAX_PAGE_PATCH_CHARS = 4_000_000;

/** What the browser script reads: one array per column (compact for 10,000 rows), nulls where no value. */
export interface HtmlReportData {
  statuses: readonly Status[];
  colors: Record<Status, string>;
  lineColors: typeof LINE_COLORS;
  metrics: Array<{ name: string; goal: 'maximize' | 'minimize'; min?: number; max?: number }>;
  /** The baseline's value per metric (null when it has none). */
  baseline: Array<number | null>;
  experiment: number[];
  /** Index into `statuses`. */
  status: number[];
  commit: string[];
  description: string[];
  reason: string[];
  /** values[m][i]: metric m of experiment i. */
  values: Array<Array<number | null>>;
  /** The best kept primary value up to each experiment (null before the first). */
  best: Array<number | null>;
}

export function renderHtmlReport(input: ReportInput): string {
  const session = input.session ?? latestSession(input.records);
  const summary = summarizeLedger(input.rows, input.metrics, { sessionExperiments: session?.experiments });
  const records = new Map((input.records ?? []).map((record) => [record.experiment, record]));
  const assets = uplotAssets();
  const uplotScript = assets.js.replace(/^\/\*![^*]*\*\/\s*/, ''); // its banner holds a URL; the notice is below
  for (const [name, text] of [
    ['uPlot script', uplotScript],
    ['uPlot style', assets.css],
  ] as const) {
    if (/<\/(script|style)/i.test(text)) throw new Error(`the ${name} would end its tag early`);
  }

  const body = [
    renderHeader(input, summary, records),
    renderHeadline(input, summary),
    renderFilters(summary, session),
    renderCost(input),
    renderCharts(input.metrics, input.rows),
    renderKept(input, summary, records),
    renderAll(input.metrics, input.rows.length),
    `<footer>Written by autoexp. Charts drawn with uPlot ${escapeHtml(assets.version)}, inlined in this page.` +
      `<details><summary>uPlot's licence (MIT)</summary><pre>${escapeHtml(assets.license.trim())}</pre></details></footer>`,
  ].join('\n');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(renderTitle(input.tag, summary.primary, summary))}</title>
<style>${assets.css}</style>
<style>${PAGE_CSS}${statusCss()}</style>
</head>
<body>
<main>
${body}
</main>
<noscript><p>The charts and the table of all experiments need JavaScript.</p></noscript>
<script>${uplotScript}</script>
<script type="application/json" id="autoexp-data">${jsonForScript(reportData(input))}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/** The data blob; exported for tests. */
export function reportData(input: ReportInput): HtmlReportData {
  const { metrics, rows } = input;
  const records = new Map((input.records ?? []).map((record) => [record.experiment, record]));
  const baselineRow = rows.find((row) => row.experiment === 0) ?? rows[0];
  return {
    statuses: STATUSES,
    colors: STATUS_COLORS,
    lineColors: LINE_COLORS,
    metrics: metrics.map((metric) => ({
      name: metric.name,
      goal: metric.goal,
      ...(metric.min === undefined ? {} : { min: metric.min }),
      ...(metric.max === undefined ? {} : { max: metric.max }),
    })),
    baseline: metrics.map((metric) => finiteOrNull(baselineRow?.metrics[metric.name])),
    experiment: rows.map((row) => row.experiment),
    status: rows.map((row) => STATUSES.indexOf(row.status)),
    commit: rows.map((row) => row.commit),
    description: rows.map((row) => displayDescription(row.description)),
    reason: rows.map((row) => displayReason(records.get(row.experiment)?.reason ?? '')),
    values: metrics.map((metric) => rows.map((row) => finiteOrNull(row.metrics[metric.name]))),
    best: bestSoFar(rows, metrics),
  };
}

/** Like the summary's best: only kept rows that may count as best (constraints), in ledger order. */
function bestSoFar(rows: readonly LedgerRow[], metrics: readonly MetricSpec[]): Array<number | null> {
  const primary = metrics[0]!;
  const eligible = new Set(bestCandidates(rows, metrics));
  let best: number | null = null;
  return rows.map((row) => {
    const value = row.metrics[primary.name];
    if (eligible.has(row) && value !== undefined && (best === null || isBetter(primary.goal, value, best)))
      best = value;
    return best;
  });
}

function renderHeader(
  input: ReportInput,
  summary: LedgerSummary,
  records: ReadonlyMap<number, ExperimentRecord>,
): string {
  const last = input.rows[input.rows.length - 1];
  const lastTime = last === undefined ? undefined : records.get(last.experiment)?.timestamp;
  const facts = [
    `branch <code>${escapeHtml(input.branch)}</code>${input.base === undefined ? '' : ` (base <code>${escapeHtml(input.base)}</code>)`}`,
    `${summary.total} experiment${summary.total === 1 ? '' : 's'}`,
  ];
  if (last !== undefined)
    facts.push(`latest #${last.experiment}${lastTime === undefined ? '' : ` at ${escapeHtml(lastTime)}`}`);
  return `<header><h1>autoexp: ${escapeHtml(input.tag)}</h1><p class="sub">${facts.join(' · ')}</p></header>`;
}

/** Baseline → best and the change, first thing on the page. */
function renderHeadline(input: ReportInput, summary: LedgerSummary): string {
  const { primary, baseline, best } = summary;
  const label = `<span class="metric">${escapeHtml(primary.name)} ${goalArrow(primary.goal)}</span>`;
  if (baseline === undefined)
    return `<section class="headline" id="headline"><div class="big">${label}no baseline measured yet</div></section>`;
  if (best === undefined || best.experiment === baseline.experiment) {
    return (
      `<section class="headline" id="headline"><div class="big">${label}${formatMetric(baseline.value)}</div>` +
      `<p>The baseline (#${baseline.experiment}); no improvement kept yet.</p></section>`
    );
  }
  const change = relativeChange(baseline.value, best.value);
  const better = (summary.improvement ?? 0) > 0;
  const changeText = Number.isNaN(change)
    ? ''
    : ` <span class="${better ? 'better' : 'worse'}">${formatPercent(change)}</span>`;
  const bestRow = input.rows.find((row) => row.experiment === best.experiment);
  const baselineRow = input.rows.find((row) => row.experiment === baseline.experiment);
  const others = input.metrics
    .slice(1)
    .map((metric) => {
      const from = baselineRow?.metrics[metric.name];
      const to = bestRow?.metrics[metric.name];
      if (from === undefined || to === undefined) return '';
      return `${escapeHtml(metric.name)} ${goalArrow(metric.goal)} ${formatMetric(from)} → ${formatMetric(to)}`;
    })
    .filter((text) => text !== '');
  return (
    `<section class="headline" id="headline"><div class="big">${label}${formatMetric(baseline.value)} → ` +
    `${formatMetric(best.value)}${changeText}</div>` +
    `<p>Baseline #${baseline.experiment} → best #${best.experiment} (<code>${escapeHtml(best.commit)}</code>)` +
    `${bestRow === undefined ? '' : `: ${escapeHtml(displayDescription(bestRow.description))}`}</p>` +
    (others.length === 0 ? '' : `<p class="muted">At the best: ${others.join(' · ')}</p>`) +
    `</section>`
  );
}

/** Counts by status, which are also the legend of the points and the filter of points and rows. */
function renderFilters(
  summary: LedgerSummary,
  session: { experiments: readonly number[]; startedAt?: string } | undefined,
): string {
  const boxes = STATUSES.map((status) => {
    const count = summary.counts[status];
    return (
      `<label class="${count === 0 ? 'empty' : ''}" title="show or hide ${status} experiments">` +
      `<input type="checkbox" data-status="${status}" checked${count === 0 ? ' disabled' : ''}>` +
      `<span class="swatch" style="background:${STATUS_COLORS[status]}"></span>${status} ` +
      `<span class="count" data-count="${status}">${count}</span></label>`
    );
  });
  const thisRun =
    summary.sessionCounts === undefined
      ? ''
      : `<p class="muted">This run${session?.startedAt === undefined ? '' : ` (${escapeHtml(session.startedAt)})`}: ` +
        `${countsText(summary.sessionCounts)}</p>`;
  return (
    `<section id="statuses"><div class="filters"><strong>${summary.total} experiments:</strong>${boxes.join('')}</div>` +
    `${thisRun}</section>`
  );
}

function countsText(counts: Record<Status, number>): string {
  const parts = STATUSES.filter((status) => counts[status] > 0).map(
    (status) => `${counts[status]} ${status}`,
  );
  return parts.length === 0 ? 'no experiments' : parts.join(', ');
}

/** LLM spend: the sum of cost_usd and of the tokens over the experiments log, when there is any. */
function renderCost(input: ReportInput): string {
  const spend = llmSpend(input.records ?? []);
  const costUsd = input.costUsd ?? spend.costUsd;
  if (costUsd <= 0 && spend.input + spend.output === 0) return '';
  const text = spend.costUsd === costUsd ? formatSpend(spend) : formatUsd(costUsd);
  return `<p id="cost">LLM spend so far: <strong>${escapeHtml(text)}</strong></p>`;
}

function renderCharts(metrics: readonly MetricSpec[], rows: readonly LedgerRow[]): string {
  const primary = metrics[0]!;
  if (rows.length === 0) return '<h2>Charts</h2><p class="muted">No experiments yet.</p>';
  const hasValues = (metric: MetricSpec) => rows.some((row) => row.metrics[metric.name] !== undefined);
  const legend =
    `<div class="legend"><span><span class="line-swatch" style="border-color:${LINE_COLORS.best}"></span>best so far (kept)</span>` +
    `<span><span class="line-swatch dashed" style="border-color:${LINE_COLORS.baseline}"></span>baseline</span>` +
    limitLegend(primary) +
    `<span>ticks along the bottom: no value (crash, timeout, invalid)</span>` +
    `<span>drag to zoom, double-click to reset</span></div>`;
  const others = metrics
    .slice(1)
    .map((metric, index) =>
      hasValues(metric)
        ? `<div><h3>${escapeHtml(metric.name)} ${goalArrow(metric.goal)}</h3>` +
          `<div class="legend">${limitLegend(metric)}</div><div class="chart" id="chart-${index + 1}"></div></div>`
        : '',
    )
    .filter((html) => html !== '');
  return (
    `<h2>${escapeHtml(primary.name)} ${goalArrow(primary.goal)} per experiment</h2>${legend}` +
    `<div class="chart" id="chart-0"></div><div class="readout" id="readout">Point at the chart to see an experiment.</div>` +
    (others.length === 0 ? '' : `<h2>Other metrics</h2><div class="charts-grid">${others.join('')}</div>`)
  );
}

/** Rows per block; a block scrolled out of view is not laid out (content-visibility), which keeps 10,000 rows fast. */
const BLOCK_ROWS = 100;

/** The dashed line of a metric's constraint (min, max), when it has one. */
function limitLegend(metric: MetricSpec): string {
  const limits = [
    metric.min === undefined ? '' : `min ${formatMetric(metric.min)}`,
    metric.max === undefined ? '' : `max ${formatMetric(metric.max)}`,
  ].filter((text) => text !== '');
  if (limits.length === 0) return '';
  return `<span><span class="line-swatch dashed" style="border-color:${LINE_COLORS.limit}"></span>limit: ${limits.join(', ')}</span>`;
}

function renderKept(
  input: ReportInput,
  summary: LedgerSummary,
  records: ReadonlyMap<number, ExperimentRecord>,
): string {
  const kept = summary.keptRows;
  const heading = `<h2 id="kept">Kept experiments (${kept.length})</h2>`;
  if (kept.length === 0) return `${heading}<p class="muted">None yet.</p>`;
  const withConfidence = kept.some((row) => records.get(row.experiment)?.decision?.confidence !== undefined);
  let patchBudget = MAX_PAGE_PATCH_CHARS;
  const items = kept.map((row) => {
    const record = records.get(row.experiment);
    const isBest = row.experiment === summary.best?.experiment;
    const patch = record?.patch ?? '';
    let diff: string;
    if (patch === '') {
      diff = `<span class="muted">${row.experiment === 0 ? 'baseline: no diff' : 'no diff recorded'}</span>`;
    } else if (patch.length > patchBudget) {
      diff = `<span class="muted">diff left out to keep this page small: <code>git show ${escapeHtml(row.commit)}</code></span>`;
    } else {
      patchBudget -= patch.length;
      diff = renderDiff(patch);
    }
    return (
      `<div class="kept-item s-${row.status}${isBest ? ' best' : ''}"><div class="grid-row">` +
      `<span class="num">${row.experiment}</span><span class="status dot-${row.status}">${row.status}</span>` +
      `<span class="mono">${escapeHtml(row.commit)}</span>${metricCells(row, input.metrics)}` +
      (withConfidence ? `<span>${escapeHtml(record?.decision?.confidence ?? '—')}</span>` : '') +
      `<span>${escapeHtml(displayReason(record?.reason ?? ''))}</span>` +
      `<span class="desc">${isBest ? '<strong>best</strong> · ' : ''}${escapeHtml(displayDescription(row.description))}</span>` +
      `</div><div class="diff-line">${diff}</div></div>`
    );
  });
  const extra = withConfidence ? [{ width: '120px', header: '<span>confidence</span>' }] : [];
  return (
    `${heading}<div class="grid-list" id="kept-table" style="--columns: ${gridColumns(input.metrics, extra.length)}">` +
    `${gridHead(input.metrics, extra.map((column) => column.header).join(''))}${inBlocks(items, 60)}</div>`
  );
}

/** The grid's column widths: #, status, commit, the metrics, any extra 120px ones, reason, description. */
function gridColumns(metrics: readonly MetricSpec[], extra = 0): string {
  return [
    '64px',
    '92px',
    '90px',
    // Wide enough for the header ("memory_mb ↓") and for six significant digits.
    ...metrics.map((metric) => `max(96px, ${metric.name.length + 4}ch + 16px)`),
    ...Array.from({ length: extra }, () => '120px'),
    '170px',
    'minmax(240px, 1fr)',
  ].join(' ');
}

function gridHead(metrics: readonly MetricSpec[], extraHeaders = ''): string {
  return (
    `<div class="grid-row grid-head"><span class="num">#</span><span>status</span><span>commit</span>` +
    `${metrics.map((metric) => `<span class="num">${metricHeader(metric)}</span>`).join('')}` +
    `${extraHeaders}<span>reason</span><span>description</span></div>`
  );
}

/** Items in blocks of BLOCK_ROWS, each sized for its items until the browser lays it out for real. */
function inBlocks(items: readonly string[], itemHeightPx: number): string {
  const blocks: string[] = [];
  for (let start = 0; start < items.length; start += BLOCK_ROWS) {
    const chunk = items.slice(start, start + BLOCK_ROWS);
    blocks.push(
      `<div class="block" style="contain-intrinsic-size: auto ${chunk.length * itemHeightPx}px">${chunk.join('')}</div>`,
    );
  }
  return blocks.join('');
}

/** A collapsed unified diff, each line escaped and coloured by its kind. */
function renderDiff(patch: string): string {
  const lines = patch.replace(/\n$/, '').split('\n');
  const files = lines
    .filter((line) => line.startsWith('+++ ') || line.startsWith('--- '))
    .map((line) => line.slice(4).replace(/^[ab]\//, ''))
    .filter((file, index, all) => file !== '/dev/null' && all.indexOf(file) === index);
  const changed = lines.filter(
    (line) =>
      (line.startsWith('+') && !line.startsWith('+++')) || (line.startsWith('-') && !line.startsWith('---')),
  ).length;
  const body = lines
    .map((line) => {
      const kind = /^(\+\+\+|---|diff |index )/.test(line)
        ? 'file'
        : line.startsWith('+')
          ? 'add'
          : line.startsWith('-')
            ? 'del'
            : line.startsWith('@@')
              ? 'hunk'
              : '';
      return `<span${kind === '' ? '' : ` class="${kind}"`}>${escapeHtml(line) || ' '}</span>`;
    })
    .join('');
  const summary = `diff: ${changed} changed line${changed === 1 ? '' : 's'}${files.length === 0 ? '' : ` in ${files.map(escapeHtml).join(', ')}`}`;
  return `<details><summary>${summary}</summary><pre class="diff">${body}</pre></details>`;
}

/**
 * The table of all experiments: a grid of div rows in blocks (see BLOCK_ROWS; table rows cannot skip their
 * layout, and 10,000 of them cost seconds), filled by the page script from the data blob.
 */
function renderAll(metrics: readonly MetricSpec[], count: number): string {
  if (count === 0) return '';
  return (
    `<h2 id="all">All experiments (${count}, newest first)</h2>` +
    `<div class="grid-table" id="all-table" style="--columns: ${gridColumns(metrics)}">` +
    `${gridHead(metrics)}<div id="all-body"></div></div>`
  );
}

function metricHeader(metric: MetricSpec): string {
  return `${escapeHtml(metric.name)} ${goalArrow(metric.goal)}`;
}

function metricCells(row: LedgerRow, metrics: readonly MetricSpec[]): string {
  return metrics
    .map((metric) => {
      const value = row.metrics[metric.name];
      return `<span class="num">${value === undefined ? '—' : formatMetric(value)}</span>`;
    })
    .join('');
}

/** A description as shown: the proposer's words, without controls or bidi overrides that would reorder them. */
function displayDescription(description: string): string {
  return cleanLine(description, TEXT_LIMITS.description);
}

function displayReason(reason: string): string {
  return cleanLine(reason, TEXT_LIMITS.reason);
}

/** The status dots' colours; `body.hide-discard` hides every row of a discarded experiment, in both tables. */
function statusCss(): string {
  return STATUSES.map(
    (status) =>
      `.dot-${status}::before { background: ${STATUS_COLORS[status]}; }\n` +
      `body.hide-${status} .s-${status} { display: none; }`,
  ).join('\n');
}

function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON inside a script element: `<` as \u003c, so no text in it can close the element or open a comment. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The experiments of the most recent session in the log (as the markdown report finds them). */
function latestSession(
  records: readonly ExperimentRecord[] | undefined,
): { experiments: number[]; startedAt?: string } | undefined {
  const last = records?.[records.length - 1];
  if (records === undefined || last?.session === undefined) return undefined;
  return {
    experiments: records
      .filter((record) => record.session === last.session)
      .map((record) => record.experiment),
    startedAt: last.session,
  };
}
