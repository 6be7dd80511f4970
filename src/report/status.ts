// `autoexp status`: totals by status, baseline, best, improvement and the last rows — as
// terminal text, or as a plain object with stable keys for `--json`.
import type { MetricSpec } from '../config/settings.js';
import type { LedgerRow, Status } from '../ledger/types.js';
import { STATUSES } from '../ledger/types.js';
import { formatMetric, formatPercent, formatSpend, goalArrow } from './format.js';
import type { LedgerSummary, LlmSpend } from './summary.js';
import type { ProgramStatus } from '../session/program-stop.js';
import { escapeRunnerLine } from '../text/workflow-log.js';
import { cleanLine, TEXT_LIMITS } from '../text/untrusted.js';

export const DEFAULT_LAST_ROWS = 10;

export interface StatusInput {
  tag: string;
  branch: string;
  summary: LedgerSummary;
  rows: readonly LedgerRow[];
  metrics: readonly MetricSpec[];
  /** How many of the latest rows to show; default 10. */
  lastN?: number;
  /** The LLM proposer's tokens and cost over the whole ledger. */
  spend?: LlmSpend;
  /** stop.target / stop.plateau: the program is finished or paused. */
  program?: ProgramStatus;
  /** Lines in lessons.md, and its path. */
  lessons?: { path: string; lines: number };
}

/** The shape of `autoexp status --json`. Absent values are null so every key is always there. */
export interface StatusJson {
  tag: string;
  branch: string;
  experiments: number;
  counts: Record<Status, number>;
  baseline: { experiment: number; value: number } | null;
  best: { experiment: number; commit: string; value: number } | null;
  improvement: number | null;
  /** LLM spend over all experiments: USD and tokens (cache_read: prompt tokens served from the cache). */
  spend: { cost_usd: number; tokens: { input: number; output: number; cache_read: number } };
  /** null while the program runs; otherwise finished (stop.target), paused (stop.plateau) or resumes (at the next run). */
  program: { state: ProgramStatus['state']; message: string } | null;
  last: Array<{
    experiment: number;
    commit: string;
    status: Status;
    metrics: Record<string, number | null>;
    description: string;
  }>;
}

export function statusJson(input: StatusInput): StatusJson {
  const { summary } = input;
  return {
    tag: input.tag,
    branch: input.branch,
    experiments: summary.total,
    counts: { ...summary.counts },
    baseline: summary.baseline === undefined ? null : { ...summary.baseline },
    best: summary.best === undefined ? null : { ...summary.best },
    improvement: summary.improvement ?? null,
    spend: {
      cost_usd: input.spend?.costUsd ?? 0,
      tokens: {
        input: input.spend?.input ?? 0,
        output: input.spend?.output ?? 0,
        cache_read: input.spend?.cacheRead ?? 0,
      },
    },
    program: input.program ? { state: input.program.state, message: input.program.message } : null,
    last: lastRows(input).map((row) => ({
      experiment: row.experiment,
      commit: row.commit,
      status: row.status,
      metrics: Object.fromEntries(
        input.metrics.map((metric) => [metric.name, row.metrics[metric.name] ?? null]),
      ),
      description: cleanLine(row.description, TEXT_LIMITS.description),
    })),
  };
}

export function renderStatus(input: StatusInput): string {
  const { summary, metrics } = input;
  const { primary, baseline, best } = summary;
  const counted = STATUSES.filter((status) => summary.counts[status] > 0)
    .map((status) => `${summary.counts[status]} ${status}`)
    .join(', ');
  const lines = [
    `autoexp status: ${input.tag} on ${input.branch}`,
    `experiments: ${summary.total}${counted === '' ? '' : ` (${counted})`}`,
  ];
  const label = `${primary.name} ${goalArrow(primary.goal)}`;
  lines.push(
    `baseline:    ${baseline === undefined ? 'none yet' : `${label} ${formatMetric(baseline.value)} (#${baseline.experiment})`}`,
  );
  if (best !== undefined)
    lines.push(
      `best:        ${label} ${formatMetric(best.value)} (#${best.experiment}, ${cleanLine(best.commit, 40)})`,
    );
  if (summary.improvement !== undefined)
    lines.push(`improvement: ${formatPercent(summary.improvement)} (in the goal's direction)`);
  if (input.spend && (input.spend.costUsd > 0 || input.spend.input > 0))
    lines.push(`llm spend:   ${formatSpend(input.spend)}`);
  if (input.program) lines.push(`program:     ${cleanLine(input.program.message, 400)}`);
  if (input.lessons && input.lessons.lines > 0)
    lines.push(`lessons:     ${input.lessons.lines} lines in ${cleanLine(input.lessons.path, 200)}`);

  const shown = lastRows(input);
  if (shown.length > 0) {
    lines.push('', `last ${shown.length}:`);
    const table = shown.map((row) => [
      `#${row.experiment}`,
      row.status,
      cleanLine(row.commit, 40),
      metrics
        .map((metric) => {
          const value = row.metrics[metric.name];
          return `${metric.name}=${value === undefined ? '-' : formatMetric(value)}`;
        })
        .join(' '),
      cleanLine(row.description, TEXT_LIMITS.description),
    ]);
    lines.push(...alignColumns(table).map((line) => `  ${line}`));
  }
  // Descriptions are the proposer's words: cleaned above for a terminal, and no line a workflow command
  // when `autoexp status` runs in a GitHub Actions step.
  return `${lines.map(escapeRunnerLine).join('\n')}\n`;
}

function lastRows(input: StatusInput): readonly LedgerRow[] {
  const count = Math.max(0, input.lastN ?? DEFAULT_LAST_ROWS);
  return count === 0 ? [] : input.rows.slice(-count);
}

/** Pads every column but the last to its widest cell, so the rows line up in a terminal. */
function alignColumns(table: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const cells of table)
    cells.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return table.map((cells) =>
    cells
      .map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index]!)))
      .join('  ')
      .trimEnd(),
  );
}
