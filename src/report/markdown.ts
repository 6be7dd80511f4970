// The summary PR's body (docs/action.md), also printed by `autoexp report`: the summary first, then tables
// and the chart. GitHub refuses bodies over 65,536 characters, so tables are cut to fit — never the summary.
// Descriptions and reasons are the proposer's and the eval's words: they are code spans (markdownCell), so
// that nothing in them mentions, references, closes an issue, embeds an image or links.
import type { Lessons } from '../memory/lessons.js';
import { lessonsReportSection, programLine } from './memory-section.js';
import type { MetricSpec } from '../config/settings.js';
import { relativeChange } from '../decide/compare.js';
import type { ExperimentRecord, LedgerRow, Status } from '../ledger/types.js';
import { STATUSES } from '../ledger/types.js';
import { bestPath, isTreeSearch } from '../search/ledger-tree.js';
import { mermaidChart } from './chart.js';
import { formatMetric, formatPercent, formatSpend, formatUsd, goalArrow } from './format.js';
import { llmSpend, summarizeLedger, type LedgerSummary } from './summary.js';
import { markdownCell } from '../text/markdown.js';
import { TEXT_LIMITS } from '../text/untrusted.js';

export const MAX_REPORT_LENGTH = 65_536;
/** Rows in the collapsed "last experiments" table. */
export const LAST_EXPERIMENTS = 30;

export interface ReportInput {
  tag: string;
  branch: string;
  base?: string;
  metrics: readonly MetricSpec[];
  rows: readonly LedgerRow[];
  records?: readonly ExperimentRecord[];
  /** This run's experiments. Without it, the latest session found in the records is "this run". */
  session?: { experiments: readonly number[]; startedAt?: string };
  /** LLM spend so far; default: the sum of the records' cost_usd. */
  costUsd?: number;
  maxLength?: number;
  /** Where the HTML dashboard of this run can be downloaded (a workflow artifact), if anywhere. */
  dashboardUrl?: string;
  /** stop.target or stop.plateau: why the program is finished or paused (memory-section.ts). */
  program?: string;
  /** The current lessons.md (memory-section.ts). */
  lessons?: Lessons;
}

/** The marker that finds autoexp's PR or comment for a tag again. */
export function reportMarker(tag: string): string {
  return `<!-- autoexp:report tag=${tag} -->`;
}

/** `autoexp(<tag>): <primary> <baseline> → <best> (<+x.x%>)`; the percent is the raw change of the value. */
export function renderTitle(tag: string, primary: MetricSpec, summary: LedgerSummary): string {
  const { baseline, best } = summary;
  if (baseline === undefined || best === undefined)
    return `autoexp(${tag}): ${primary.name}, no baseline yet`;
  const change =
    baseline.value === 0 ? '' : ` (${formatPercent(relativeChange(baseline.value, best.value))})`;
  return `autoexp(${tag}): ${primary.name} ${formatMetric(baseline.value)} → ${formatMetric(best.value)}${change}`;
}

export function renderReport(input: ReportInput): string {
  const maxLength = input.maxLength ?? MAX_REPORT_LENGTH;
  const session = input.session ?? latestSession(input.records);
  const summary = summarizeLedger(input.rows, input.metrics, { sessionExperiments: session?.experiments });
  const records = recordsByExperiment(input.records);
  const costUsd =
    input.costUsd ?? (input.records ?? []).reduce((sum, record) => sum + (record.cost_usd ?? 0), 0);

  const head = renderHead(input, summary, session, costUsd);
  const chart = mermaidChart(input.rows, summary.primary, {
    metrics: input.metrics,
    treeSearch: input.records !== undefined && isTreeSearch(input.records),
  });
  const withConfidence = [...records.values()].some((record) => record.decision?.confidence !== undefined);
  const keptLines = summary.keptRows.map((row) =>
    keptRowLine(row, input.metrics, withConfidence ? records.get(row.experiment) : undefined, withConfidence),
  );
  // Which kept rows survive a cut, most important first: the best, then the most recent.
  const bestIndex = summary.keptRows.findIndex((row) => row.experiment === summary.best?.experiment);
  const keptPriority = [...keptLines.keys()].reverse().filter((index) => index !== bestIndex);
  if (bestIndex >= 0) keptPriority.unshift(bestIndex);
  const lastRows = input.rows.slice(-LAST_EXPERIMENTS);
  const lastLines = lastRows.map((row) => lastRowLine(row, input.metrics, records));

  const assemble = (keptCount: number, lastCount: number, withChart = true): string => {
    const keptChosen = keptPriority.slice(0, keptCount).sort((a, b) => a - b);
    return joinSections([
      head,
      programLine(input.program),
      renderKeptSection(
        input.metrics,
        keptChosen.map((index) => keptLines[index]!),
        keptLines.length,
        withConfidence,
      ),
      withChart && chart !== '' ? `### ${summary.primary.name} per experiment\n\n${chart}` : '',
      renderLastSection(
        input.metrics,
        lastLines.slice(lastLines.length - lastCount),
        lastLines.length,
        records.size > 0,
      ),
      lessonsReportSection(input.lessons),
    ]);
  };

  const full = assemble(keptLines.length, lastLines.length);
  if (full.length <= maxLength) return full;
  // Cut the collapsed table first, then the kept table, then (only for absurdly small limits) the chart.
  const lastCount = largestFitting(
    lastLines.length,
    (n) => assemble(keptLines.length, n).length <= maxLength,
  );
  if (lastCount >= 0) return assemble(keptLines.length, lastCount);
  const keptCount = largestFitting(keptLines.length, (n) => assemble(n, 0).length <= maxLength);
  if (keptCount >= 0) return assemble(keptCount, 0);
  const withoutChart = assemble(0, 0, false);
  if (withoutChart.length <= maxLength) return withoutChart;
  // Only a limit smaller than the summary itself gets here; the API would refuse a longer body.
  return withoutChart.slice(0, maxLength);
}

function renderHead(
  input: ReportInput,
  summary: LedgerSummary,
  session: { experiments: readonly number[]; startedAt?: string } | undefined,
  costUsd: number,
): string {
  const { primary, baseline, best } = summary;
  const lines = [reportMarker(input.tag), `## autoexp: \`${input.tag}\``, ''];
  lines.push(
    `Experiments on \`${input.branch}\`${input.base === undefined ? '' : ` (base \`${input.base}\`)`}; ` +
      `the full history is in results.tsv on that branch.`,
    '',
  );
  if (input.dashboardUrl !== undefined)
    lines.push(`Dashboard: [HTML report](${input.dashboardUrl}) (download and open)`, '');
  const metricLabel = `${primary.name} ${goalArrow(primary.goal)}`;
  if (baseline === undefined) {
    lines.push(`**${metricLabel}**: no baseline measured yet.`);
  } else if (best === undefined || best.experiment === baseline.experiment) {
    lines.push(`**${metricLabel}**: baseline **${formatMetric(baseline.value)}**; no improvement kept yet.`);
  } else {
    const change =
      baseline.value === 0 ? '' : ` (**${formatPercent(relativeChange(baseline.value, best.value))}**)`;
    lines.push(
      `**${metricLabel}**: baseline **${formatMetric(baseline.value)}** (#${baseline.experiment}) → ` +
        `best **${formatMetric(best.value)}** (#${best.experiment}, \`${best.commit}\`)${change}`,
    );
  }
  const path = bestPathLine(input.records, primary, best?.experiment);
  if (path !== undefined) lines.push('', path);
  const comparison = lastSameRunnerComparison(input.records, primary);
  if (comparison !== undefined) lines.push('', comparison);
  const holdout = holdoutBeforeAfter(input.records, primary);
  if (holdout !== undefined) lines.push('', holdout);
  // search: tree's explore rows are nodes off the branch: the head is always the best there.
  const tree = input.records !== undefined && isTreeSearch(input.records);
  const head = tree ? undefined : lastKeptOrExplored(input.rows);
  if (head?.status === 'explore' && best !== undefined && best.experiment !== head.experiment) {
    lines.push(
      '',
      `The branch head (#${head.experiment}) is an explore step; the best kept commit is #${best.experiment} ` +
        `(\`${best.commit}\`, also \`refs/autoexp/${input.tag}/best\`). To review or merge the best rather ` +
        `than the head, open a PR from it:`,
      '',
      '```sh',
      `git fetch origin refs/autoexp/${input.tag}/best && git push origin FETCH_HEAD:refs/heads/autoexp-best/${input.tag}`,
      '```',
    );
  }

  lines.push('', countsTable(summary, session));
  if (costUsd > 0) {
    const spend = llmSpend(input.records ?? []);
    lines.push(
      '',
      `LLM spend so far: ${spend.costUsd === costUsd ? formatSpend(spend) : formatUsd(costUsd)}`,
    );
  }
  return lines.join('\n');
}

function countsTable(
  summary: LedgerSummary,
  session: { experiments: readonly number[]; startedAt?: string } | undefined,
): string {
  const header = `| | total | ${STATUSES.join(' | ')} |`;
  const rule = `|---|${STATUSES.map(() => '---:').join('|')}|---:|`;
  const line = (label: string, counts: Record<Status, number>) =>
    `| ${label} | ${STATUSES.reduce((sum, status) => sum + counts[status], 0)} | ${STATUSES.map((status) => counts[status]).join(' | ')} |`;
  const lines = [header, rule, line('all time', summary.counts)];
  if (session !== undefined && summary.sessionCounts !== undefined) {
    const label =
      session.startedAt === undefined ? 'this run' : `this run (${escapeCell(session.startedAt)})`;
    lines.push(line(label, summary.sessionCounts));
  }
  return lines.join('\n');
}

/**
 * Machine-dependent metrics (times) are only comparable within one session on one runner, so the body
 * also shows the last kept candidate next to the incumbent it was measured against in the same session.
 */
function lastSameRunnerComparison(
  records: readonly ExperimentRecord[] | undefined,
  primary: MetricSpec,
): string | undefined {
  if (records === undefined) return undefined;
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i]!;
    const incumbent = record.incumbent?.metrics[primary.name];
    const measured = record.metrics[primary.name];
    if (record.status !== 'keep' || incumbent === undefined || measured === undefined) continue;
    const change = incumbent === 0 ? '' : ` (${formatPercent(relativeChange(incumbent, measured))})`;
    return (
      `Last same-runner comparison: #${record.experiment} measured ${primary.name} ${formatMetric(measured)} ` +
      `against the incumbent's ${formatMetric(incumbent)}${change}, in the same session.`
    );
  }
  return undefined;
}

/**
 * search: tree: how the best was reached, root first, e.g. "Best path: baseline (#0) → #3 wider → #7
 * deeper". Undefined for a hill-climb, whose path is the list of keeps.
 */
function bestPathLine(
  records: readonly ExperimentRecord[] | undefined,
  primary: MetricSpec,
  best: number | undefined,
): string | undefined {
  if (records === undefined || best === undefined || !isTreeSearch(records)) return undefined;
  const path = bestPath(records, primary, best);
  if (path.length === 0) return undefined;
  const steps = path.map((node) =>
    node.experiment === 0
      ? 'baseline (#0)'
      : `#${node.experiment} ${markdownCell(node.description, 60)} (${formatMetric(node.value)})`,
  );
  return `Best path (search: tree): ${steps.join(' → ')}`;
}

/** The last row that moved the branch head. */
function lastKeptOrExplored(rows: readonly LedgerRow[]): LedgerRow | undefined {
  return [...rows].reverse().find((row) => row.status === 'keep' || row.status === 'explore');
}

/** eval.holdout: the incumbent's holdout value when first checked, and the latest kept candidate's. */
function holdoutBeforeAfter(
  records: readonly ExperimentRecord[] | undefined,
  primary: MetricSpec,
): string | undefined {
  const checked = (records ?? []).filter((record) => record.holdout !== undefined);
  const before = checked[0]?.holdout?.incumbent[primary.name];
  const lastKept = [...checked].reverse().find((record) => record.status === 'keep');
  const after = lastKept?.holdout?.candidate[primary.name] ?? before;
  if (before === undefined || after === undefined) return undefined;
  const change = before === 0 ? '' : ` (${formatPercent(relativeChange(before, after))})`;
  return `Holdout (never shown to the proposer): ${primary.name} ${formatMetric(before)} → ${formatMetric(after)}${change}.`;
}

function renderKeptSection(
  metrics: readonly MetricSpec[],
  lines: readonly string[],
  total: number,
  withConfidence: boolean,
): string {
  const heading = `### Kept experiments (${total})`;
  if (total === 0) return `${heading}\n\nNone yet.`;
  const confidence = withConfidence ? ' confidence |' : '';
  const header = `| # | commit | status | ${metrics.map(metricHeader).join(' | ')} |${confidence} description |`;
  const rule = `|---:|---|---|${metrics.map(() => '---:').join('|')}|${withConfidence ? '---|' : ''}---|`;
  const blocks = [heading];
  if (lines.length > 0) blocks.push([header, rule, ...lines].join('\n'));
  if (lines.length < total) blocks.push(moreRows(total - lines.length));
  return blocks.join('\n\n');
}

function renderLastSection(
  metrics: readonly MetricSpec[],
  lines: readonly string[],
  total: number,
  withReason: boolean,
): string {
  if (total === 0) return '';
  const header = `| # | commit | status | ${metrics.map(metricHeader).join(' | ')} |${withReason ? ' reason |' : ''} description |`;
  const rule = `|---:|---|---|${metrics.map(() => '---:').join('|')}|${withReason ? '---|' : ''}---|`;
  // The blank lines around the table let GitHub render markdown inside the HTML block.
  const blocks = [`<details><summary>Last ${total} experiments</summary>`];
  if (lines.length > 0) blocks.push([header, rule, ...lines].join('\n'));
  if (lines.length < total) blocks.push(moreRows(total - lines.length));
  blocks.push('</details>');
  return blocks.join('\n\n');
}

function keptRowLine(
  row: LedgerRow,
  metrics: readonly MetricSpec[],
  record: ExperimentRecord | undefined,
  withConfidence: boolean,
): string {
  const confidence = withConfidence ? ` ${escapeCell(record?.decision?.confidence ?? '—')} |` : '';
  return `| ${row.experiment} | ${commitCell(row.commit)} | ${row.status} | ${metricCells(row, metrics)} |${confidence} ${descriptionCell(row.description)} |`;
}

function lastRowLine(
  row: LedgerRow,
  metrics: readonly MetricSpec[],
  records: ReadonlyMap<number, ExperimentRecord>,
): string {
  const reason =
    records.size > 0
      ? ` ${markdownCell(records.get(row.experiment)?.reason ?? '', TEXT_LIMITS.reason)} |`
      : '';
  return `| ${row.experiment} | ${commitCell(row.commit)} | ${row.status} | ${metricCells(row, metrics)} |${reason} ${descriptionCell(row.description)} |`;
}

function metricHeader(metric: MetricSpec): string {
  return `${metric.name} ${goalArrow(metric.goal)}`;
}

function metricCells(row: LedgerRow, metrics: readonly MetricSpec[]): string {
  return metrics
    .map((metric) => {
      const value = row.metrics[metric.name];
      return value === undefined ? '—' : formatMetric(value);
    })
    .join(' | ');
}

function commitCell(commit: string): string {
  return /^[0-9a-f]{4,40}$/i.test(commit) ? `\`${commit}\`` : markdownCell(commit, 40);
}

function descriptionCell(description: string): string {
  return markdownCell(description, TEXT_LIMITS.description);
}

function moreRows(count: number): string {
  return `… ${count} more row${count === 1 ? '' : 's'} in results.tsv`;
}

/**
 * Text safe inside a markdown table cell: one line, `|` escaped so it does not end the cell, and HTML
 * metacharacters as entities so a description cannot open a tag or a comment that swallows the rest.
 */
export function escapeCell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|');
}

function joinSections(sections: readonly string[]): string {
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

/** The largest n in [0, max] for which fits(n) holds, assuming fits is monotone; -1 when even 0 does not fit. */
function largestFitting(max: number, fits: (n: number) => boolean): number {
  if (!fits(0)) return -1;
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

function recordsByExperiment(
  records: readonly ExperimentRecord[] | undefined,
): Map<number, ExperimentRecord> {
  return new Map((records ?? []).map((record) => [record.experiment, record]));
}

/** The experiments of the most recent session in the log (records carry their session's id). */
function latestSession(
  records: readonly ExperimentRecord[] | undefined,
): { experiments: number[]; startedAt?: string } | undefined {
  const last = records?.[records.length - 1];
  if (records === undefined || last?.session === undefined) return undefined;
  const experiments = records
    .filter((record) => record.session === last.session)
    .map((record) => record.experiment);
  return { experiments, startedAt: last.session };
}
