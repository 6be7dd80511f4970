// `autoexp report --format html` (docs/reports.md): one self-contained page — no network, no external URL.
// The headline, counts, cost and kept experiments (with their diffs) are written here as HTML; the charts
// and the table of all experiments are drawn in the browser from a JSON blob, with uPlot inlined (canvas:
// 10,000 points stay fast, and it brings axes, zoom and a cursor in ~50 KB).
import type { MetricSpec } from '../config/settings.js';
import { bestPath, isTreeSearch } from '../search/ledger-tree.js';
import { isBetter, relativeChange } from '../decide/compare.js';
import { STATUSES, type ExperimentRecord, type LedgerRow, type Status } from '../ledger/types.js';
import { formatMetric, formatPercent, formatSpend, formatUsd, goalArrow, shortDuration } from './format.js';
import { uplotAssets } from './html-assets.js';
import { LINE_COLORS, PAGE_CSS, PAGE_SCRIPT, STATUS_COLORS } from './html-page.js';
import { renderTitle, type ReportInput } from './markdown.js';
import { baselineRow, bestCandidates, llmSpend, summarizeLedger, type LedgerSummary } from './summary.js';
import { cleanLine, TEXT_LIMITS } from '../text/untrusted.js';

/** Diffs of kept experiments beyond this many characters in total are left out, so the page stays openable. */
export const MAX_PAGE_PATCH_CHARS = 4_000_000;

/** A metric's constraint from one experiment on (a row index), until the next change: null where there is none. */
export interface LimitSpan {
  from: number;
  min: number | null;
  max: number | null;
}

/** What the browser script reads: one array per column (compact for 10,000 rows), nulls where no value. */
export interface HtmlReportData {
  statuses: readonly Status[];
  colors: Record<Status, string>;
  lineColors: typeof LINE_COLORS;
  metrics: Array<{
    name: string;
    goal: 'maximize' | 'minimize';
    /** The constraints as they were when each experiment was decided, as spans of rows. */
    limits: LimitSpan[];
  }>;
  /** The baseline's row index (-1 when there is none): drawn and counted apart from the kept experiments. */
  baselineIndex: number;
  /** The baseline's value per metric (null when it has none). */
  baseline: Array<number | null>;
  experiment: number[];
  /** Index into `statuses`. */
  status: number[];
  commit: string[];
  description: string[];
  reason: string[];
  /** When the experiment was recorded, in milliseconds since 1970 (null when the log has no time). */
  time: Array<number | null>;
  /** Seconds the eval took (null when not logged). */
  seconds: Array<number | null>;
  /** Index into `proposers` (-1 when not logged). */
  proposer: number[];
  proposers: string[];
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
  const tally = tallyOf(input.rows, summary);

  const body = [
    renderHeader(input, records),
    renderHeadline(input, summary, tally, records),
    renderFilters(tally, session),
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
<style>${PAGE_CSS}${statusCss()}${metricLabelCss(input.metrics)}</style>
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
  const baseline = baselineRow(rows);
  const proposers: string[] = [];
  const proposerIndex = (name: unknown) => {
    if (typeof name !== 'string') return -1;
    const clean = cleanLine(name, TEXT_LIMITS.fileName);
    if (!proposers.includes(clean)) proposers.push(clean);
    return proposers.indexOf(clean);
  };
  return {
    statuses: STATUSES,
    colors: STATUS_COLORS,
    lineColors: LINE_COLORS,
    metrics: metrics.map((metric) => ({
      name: metric.name,
      goal: metric.goal,
      limits: limitSpans(metric, rows, records),
    })),
    baselineIndex: baseline === undefined ? -1 : rows.indexOf(baseline),
    baseline: metrics.map((metric) => finiteOrNull(baseline?.metrics[metric.name])),
    experiment: rows.map((row) => row.experiment),
    status: rows.map((row) => STATUSES.indexOf(row.status)),
    commit: rows.map((row) => row.commit),
    description: rows.map((row) => displayDescription(row.description)),
    reason: rows.map((row) => displayReason(records.get(row.experiment)?.reason ?? '')),
    time: rows.map((row) => timeOf(records.get(row.experiment)?.timestamp)),
    seconds: rows.map((row) => {
      const seconds: unknown = records.get(row.experiment)?.wall_time_s;
      return typeof seconds === 'number' ? finiteOrNull(seconds) : null;
    }),
    proposer: rows.map((row) => proposerIndex(records.get(row.experiment)?.proposer)),
    proposers,
    values: metrics.map((metric) => rows.map((row) => finiteOrNull(row.metrics[metric.name]))),
    best: bestSoFar(rows, metrics),
  };
}

/** The baseline row, as the summary finds it: experiment 0, else the first row. */
/**
 * A metric's min and max as they were when each experiment was decided: from the record's `limits`, or,
 * for records written before autoexp logged them, today's autoexp.yml. Runs of equal limits become one span.
 */
export function limitSpans(
  metric: MetricSpec,
  rows: readonly LedgerRow[],
  records: ReadonlyMap<number, ExperimentRecord>,
): LimitSpan[] {
  const spans: LimitSpan[] = [];
  // The log is a file people and proposers can edit: anything but numbers where the bounds go counts as none.
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null;
  const bound = (value: unknown) => (typeof value === 'number' ? finiteOrNull(value) : null);
  rows.forEach((row, index) => {
    const logged: unknown = records.get(row.experiment)?.limits;
    const limit: unknown = logged === undefined ? metric : isObject(logged) ? logged[metric.name] : undefined;
    const min = isObject(limit) ? bound(limit.min) : null;
    const max = isObject(limit) ? bound(limit.max) : null;
    const last = spans[spans.length - 1];
    if (last?.min === min && last.max === max) return;
    spans.push({ from: index, min, max });
  });
  // No constraint anywhere: nothing to draw.
  return spans.some((span) => span.min !== null || span.max !== null) ? spans : [];
}

function timeOf(timestamp: unknown): number | null {
  if (typeof timestamp !== 'string') return null;
  const ms = Date.parse(timestamp);
  return Number.isFinite(ms) ? ms : null;
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

/**
 * The counts the page shows everywhere: experiments after the baseline, by status. The baseline is the
 * starting point, not a kept experiment, so it is counted apart.
 */
interface Tally {
  baseline?: LedgerRow;
  total: number;
  counts: Record<Status, number>;
  /** This run's experiments (the baseline left out), when it is known which they are. */
  session?: { total: number; counts: Record<Status, number> };
}

function tallyOf(rows: readonly LedgerRow[], summary: LedgerSummary): Tally {
  const tally: Tally = { total: summary.total, counts: summary.counts };
  const baseline = baselineRow(rows);
  if (baseline !== undefined) tally.baseline = baseline;
  if (summary.sessionCounts !== undefined) {
    const counts = summary.sessionCounts;
    tally.session = { total: STATUSES.reduce((sum, status) => sum + counts[status], 0), counts };
  }
  return tally;
}

/** "7 experiments after the baseline: 3 keep, 3 discard, 1 crash" */
function tallyText(total: number, counts: Record<Status, number>): string {
  const what = `${total} experiment${total === 1 ? '' : 's'}`;
  const parts = STATUSES.filter((status) => counts[status] > 0).map(
    (status) => `${counts[status]} ${status}`,
  );
  return parts.length === 0 ? what : `${what}: ${parts.join(', ')}`;
}

/**
 * A time as a `<time>` element: UTC in the HTML ("2025-01-01 07:00 UTC"), which the page script rewrites
 * in the reader's own time zone and language.
 */
function timeElement(timestamp: string | undefined, relative = false): string {
  const ms = timeOf(timestamp);
  if (ms === null) return '';
  const iso = new Date(ms).toISOString();
  return `<time datetime="${iso}"${relative ? ' data-relative' : ''}>${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC</time>`;
}

function renderHeader(input: ReportInput, records: ReadonlyMap<number, ExperimentRecord>): string {
  const last = input.rows[input.rows.length - 1];
  const lastTime = last === undefined ? '' : timeElement(records.get(last.experiment)?.timestamp, true);
  const facts = [
    `branch <code>${escapeHtml(input.branch)}</code>${input.base === undefined ? '' : ` from <code>${escapeHtml(input.base)}</code>`}`,
  ];
  if (lastTime !== '') facts.push(`last experiment recorded ${lastTime}`);
  return `<header><h1>autoexp: ${escapeHtml(input.tag)}</h1><p class="sub">${facts.join(' · ')}</p></header>`;
}

/**
 * The first screen's answer to "did it work, and what won": baseline → best and the change, the winning
 * experiment in words, and how many experiments it took.
 */
function renderHeadline(
  input: ReportInput,
  summary: LedgerSummary,
  tally: Tally,
  records: ReadonlyMap<number, ExperimentRecord>,
): string {
  const { primary, baseline, best } = summary;
  const label = `<span class="metric">${escapeHtml(primary.name)} ${goalArrow(primary.goal)}</span>`;
  const tried = `<p class="tally">${tally.total === 0 ? 'No experiment after the baseline yet.' : `After the baseline: ${tallyText(tally.total, tally.counts)}.`}</p>`;
  const section = (verdictClass: string, verdict: string, rest: string) =>
    `<section class="headline" id="headline"><p class="verdict ${verdictClass}">${verdict}</p>${rest}${tried}</section>`;
  if (baseline === undefined) return section('none', 'No baseline measured yet.', '');
  if (best === undefined || best.experiment === baseline.experiment) {
    return section(
      'none',
      tally.total === 0 ? 'Nothing tried yet.' : 'No improvement yet: nothing beat the baseline.',
      `<div class="big">${label}<span class="nowrap">${formatMetric(baseline.value)}</span></div>` +
        `<p>The baseline (#${baseline.experiment}) is still the best.</p>`,
    );
  }
  const change = relativeChange(baseline.value, best.value);
  const better = isBetter(primary.goal, best.value, baseline.value);
  const changeText = Number.isNaN(change)
    ? ''
    : ` <span class="${better ? 'better' : 'worse'} nowrap">${formatPercent(change)}</span>`;
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
  const bestRecord = records.get(best.experiment);
  const when = timeElement(bestRecord?.timestamp);
  const direction = primary.goal === 'maximize' ? 'higher' : 'lower';
  const verdict = !better
    ? 'No improvement: the best kept experiment within the constraints is not better than the baseline.'
    : Number.isFinite(change)
      ? `It worked: ${escapeHtml(primary.name)} is ${formatPercent(change).replace(/^[+-]/, '')} ${direction} than the baseline.`
      : `It worked: ${escapeHtml(primary.name)} is ${direction} than the baseline.`;
  return section(
    better ? 'better' : 'worse',
    verdict,
    `<div class="big">${label}<span class="nowrap">${formatMetric(baseline.value)} → ${formatMetric(best.value)}</span>${changeText}</div>` +
      `<p class="winner"><span class="muted">Best:</span> <strong>#${best.experiment}</strong> ` +
      `${bestRow === undefined ? '' : escapeHtml(displayDescription(bestRow.description))} ` +
      `<span class="muted">(commit <code>${escapeHtml(best.commit)}</code>${when === '' ? '' : `, ${when}`})</span></p>` +
      (others.length === 0 ? '' : `<p class="muted">At the best: ${others.join(' · ')}</p>`) +
      treePathParagraph([...records.values()], primary, best.experiment),
  );
}

/** search: tree: the nodes the best was reached through, root first (a hill-climb's path is its keeps). */
function treePathParagraph(records: readonly ExperimentRecord[], primary: MetricSpec, best: number): string {
  if (!isTreeSearch(records)) return '';
  const path = bestPath(records, primary, best);
  if (path.length < 2) return '';
  const steps = path.map((node) =>
    node.experiment === 0
      ? 'baseline'
      : `<strong>#${node.experiment}</strong> ${escapeHtml(displayDescription(node.description))} <span class="nowrap">(${formatMetric(node.value)})</span>`,
  );
  return `<p class="path"><span class="muted">Reached by (search: tree):</span> ${steps.join(' → ')}</p>`;
}

/** Counts by status, which are also the legend of the points and the filter of points and rows. */
function renderFilters(
  tally: Tally,
  session: { experiments: readonly number[]; startedAt?: string } | undefined,
): string {
  const boxes = STATUSES.map((status) => {
    const count = tally.counts[status];
    return (
      `<label class="${count === 0 ? 'empty' : ''}" title="show or hide ${status} experiments">` +
      `<input type="checkbox" data-status="${status}" checked${count === 0 ? ' disabled' : ''}>` +
      `<span class="swatch" style="background:${STATUS_COLORS[status]}"></span>${status} ` +
      `<span class="count" data-count="${status}">${count}</span></label>`
    );
  });
  const baseline =
    tally.baseline === undefined
      ? ''
      : `<span class="baseline-key"><span class="swatch" style="background:${LINE_COLORS.baseline}"></span>` +
        `baseline #${tally.baseline.experiment}</span>`;
  const thisRun =
    tally.session === undefined
      ? ''
      : `<p class="muted">This run${session?.startedAt === undefined ? '' : ` (started ${timeElement(session.startedAt)})`}: ` +
        `${tally.session.total === 0 ? 'no experiments' : tallyText(tally.session.total, tally.session.counts)}</p>`;
  return (
    `<section id="statuses"><div class="filters"><strong>${tally.total} experiment${tally.total === 1 ? '' : 's'}:</strong>` +
    `${boxes.join('')}${baseline}</div>${thisRun}</section>`
  );
}

/** LLM spend: the sum of cost_usd and of the tokens over the experiments log, when there is any. */
function renderCost(input: ReportInput): string {
  const spend = llmSpend(input.records ?? []);
  const costUsd = input.costUsd ?? spend.costUsd;
  if (costUsd <= 0 && spend.input + spend.output === 0) return '';
  const text = spend.costUsd === costUsd ? formatSpend(spend) : formatUsd(costUsd);
  return `<p id="cost">LLM spend so far: <strong>${escapeHtml(text)}</strong></p>`;
}

/**
 * The charts' frames. Each chart's legend is filled by the page script from what it actually draws, so a
 * line is never drawn without its entry.
 */
function renderCharts(metrics: readonly MetricSpec[], rows: readonly LedgerRow[]): string {
  const primary = metrics[0]!;
  if (rows.length === 0) return '<h2>Charts</h2><p class="muted">No experiments yet.</p>';
  const hasValues = (metric: MetricSpec) => rows.some((row) => row.metrics[metric.name] !== undefined);
  const others = metrics
    .slice(1)
    .map((metric, index) =>
      hasValues(metric)
        ? `<div class="chart-box"><h3>${metricTitle(metric)}</h3>` +
          `<div class="legend" id="legend-${index + 1}"></div><div class="chart" id="chart-${index + 1}"></div></div>`
        : '',
    )
    .filter((html) => html !== '');
  return (
    `<h2>${escapeHtml(primary.name)} per experiment ${goalNote(primary)}</h2>` +
    `<div class="legend" id="legend-0"></div>` +
    `<div class="chart" id="chart-0"></div>` +
    `<p class="readout" id="readout">Point at a chart to see an experiment; drag across it to zoom, double-click to zoom out.</p>` +
    (others.length === 0 ? '' : `<h2>Other metrics</h2><div class="charts-grid">${others.join('')}</div>`)
  );
}

/** "memory_mb ↓ lower is better" */
function metricTitle(metric: MetricSpec): string {
  return `${escapeHtml(metric.name)} ${goalNote(metric)}`;
}

function goalNote(metric: MetricSpec): string {
  return `<span class="h-note">${goalArrow(metric.goal)} ${metric.goal === 'maximize' ? 'higher' : 'lower'} is better</span>`;
}

/** Rows per block; a block scrolled out of view is not laid out (content-visibility), which keeps 10,000 rows fast. */
const BLOCK_ROWS = 100;

function renderKept(
  input: ReportInput,
  summary: LedgerSummary,
  records: ReadonlyMap<number, ExperimentRecord>,
): string {
  const baseline = baselineRow(input.rows);
  const kept = summary.keptRows;
  const { counts } = summary;
  const howMany = counts.explore === 0 ? `${counts.keep}` : `${counts.keep} keep, ${counts.explore} explore`;
  const heading = `<h2 id="kept">Kept experiments (${howMany})</h2>`;
  if (kept.length === 0) return `${heading}<p class="muted">None yet.</p>`;
  const withConfidence = kept.some((row) => records.get(row.experiment)?.decision?.confidence !== undefined);
  let patchBudget = MAX_PAGE_PATCH_CHARS;
  const items = kept.map((row) => {
    const record = records.get(row.experiment);
    const isBest = row.experiment === summary.best?.experiment;
    const isBaseline = row === baseline;
    const patch = record?.patch ?? '';
    let diff: string;
    if (patch === '') {
      diff = `<span class="muted">${isBaseline ? 'the baseline: the code as it was' : 'no diff recorded'}</span>`;
    } else if (patch.length > patchBudget) {
      diff = `<span class="muted">diff left out to keep this page small: <code>git show ${escapeHtml(row.commit)}</code></span>`;
    } else {
      patchBudget -= patch.length;
      diff = renderDiff(patch);
    }
    const status = isBaseline ? 'baseline' : row.status;
    const time = timeElement(record?.timestamp);
    const evalTime =
      record?.wall_time_s === undefined ? '' : ` · eval ${shortDuration(record.wall_time_s * 1000)}`;
    const when = time === '' ? '' : ` <span class="when">${time}${evalTime}</span>`;
    return (
      `<div class="kept-item s-${status}${isBest ? ' best' : ''}"><div class="grid-row">` +
      `<span class="num exp">${row.experiment}</span><span class="status dot-${status}">${status}</span>` +
      `<span class="mono">${escapeHtml(row.commit)}</span>${metricCells(row, input.metrics)}` +
      (withConfidence
        ? `<span data-label="confidence">${escapeHtml(record?.decision?.confidence ?? '—')}</span>`
        : '') +
      `<span class="reason">${escapeHtml(displayReason(record?.reason ?? ''))}</span>` +
      `<span class="desc">${isBest ? '<strong>best</strong> · ' : ''}${escapeHtml(displayDescription(row.description))}` +
      `${when}</span>` +
      `</div><div class="diff-line">${diff}</div></div>`
    );
  });
  const extra = withConfidence ? [{ width: '120px', header: '<span>confidence</span>' }] : [];
  return (
    `${heading}<div class="grid-list" id="kept-table" style="--columns: ${gridColumns(input.metrics, extra.length)}">` +
    `${gridHead(input.metrics, extra.map((column) => column.header).join(''))}${inBlocks(items, 60)}</div>`
  );
}

/**
 * The grid's column widths: #, status, commit, the metrics, any extra 120px ones, reason, description. On a
 * phone's width the style sheet stacks each row's cells instead.
 */
function gridColumns(metrics: readonly MetricSpec[], extra = 0): string {
  return [
    '64px',
    '92px',
    '90px',
    // Six significant digits fit; a long name in the header wraps.
    ...metrics.map(() => '128px'),
    ...Array.from({ length: extra }, () => '120px'),
    // Reasons and descriptions wrap: every word stays readable, however long.
    'minmax(160px, 1fr)',
    'minmax(220px, 1.5fr)',
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

/** A metric's column header; a long name may wrap after its `_` and `.`, never inside a word. */
function metricHeader(metric: MetricSpec): string {
  return `${escapeHtml(metric.name).replace(/[_.]/g, '$&<wbr>')}&nbsp;${goalArrow(metric.goal)}`;
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
  return (
    STATUSES.map(
      (status) =>
        `.dot-${status}::before { background: ${STATUS_COLORS[status]}; }\n` +
        `body.hide-${status} .s-${status} { display: none; }`,
    ).join('\n') + `\n.dot-baseline::before { background: ${LINE_COLORS.baseline}; }`
  );
}

/**
 * On a phone's width, where rows are stacked cells, each metric's value is preceded by its name. The metric
 * columns come after #, status and commit in both tables; a rule per column keeps the rows' HTML short.
 */
function metricLabelCss(metrics: readonly MetricSpec[]): string {
  const rules = metrics.map(
    (metric, index) =>
      `.grid-row > span:nth-child(${index + 4})::before { content: "${cssString(metric.name)} "; color: #59636e; }`,
  );
  return `\n@media (max-width: 720px) {\n${rules.join('\n')}\n}`;
}

/** Text for a CSS string: anything but letters, digits, `_` and `.` as a CSS escape. */
function cssString(text: string): string {
  return text.replace(/[^A-Za-z0-9_.]/g, (char) => `\\${char.codePointAt(0)!.toString(16)} `);
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
