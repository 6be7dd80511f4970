// The numbers every report starts from: counts by status, baseline, best, improvement.
import type { MetricSpec } from '../config/settings.js';
import { firstViolation } from '../decide/constraints.js';
import { isBetter } from '../decide/compare.js';
import { STATUSES, type ExperimentRecord, type LedgerRow, type Status } from '../ledger/types.js';

export interface LedgerSummary {
  /** Experiments in the rows: every row but the baseline's (the row they start from). */
  total: number;
  /** The experiments' statuses (the baseline's row, a `keep`, is not counted). */
  counts: Record<Status, number>;
  /** Counts of this session's experiments (the baseline's row left out), when the caller said which those are. */
  sessionCounts?: Record<Status, number>;
  /** The baseline's (experiment 0's) primary value. */
  baseline?: { experiment: number; value: number };
  /** The best primary value among kept experiments (see bestCandidates). */
  best?: { experiment: number; commit: string; value: number };
  /** Relative improvement from baseline to best in the goal's direction (positive = better); undefined when the baseline is 0 or missing. */
  improvement?: number;
  /** Every experiment that left a commit on the branch (keep and explore), in ledger order. */
  keptRows: LedgerRow[];
  primary: MetricSpec;
}

export interface SummaryOptions {
  /** Experiment numbers run in this session. */
  sessionExperiments?: readonly number[];
}

export function summarizeLedger(
  rows: readonly LedgerRow[],
  metrics: readonly MetricSpec[],
  options: SummaryOptions = {},
): LedgerSummary {
  const primary = metrics[0];
  if (primary === undefined) throw new Error('summarizeLedger needs at least one metric');
  // The baseline (or, after a merge, the incumbent the rows start from) is where the count starts, not
  // an experiment: "10 experiments (7 keep)" here and in the run's own summary alike.
  const baseline = baselineRow(rows);
  const experiments = rows.filter((row) => row !== baseline);
  const summary: LedgerSummary = {
    total: experiments.length,
    counts: countByStatus(experiments),
    keptRows: rows.filter((row) => row.status === 'keep' || row.status === 'explore'),
    primary,
  };
  if (options.sessionExperiments !== undefined) {
    const session = new Set(options.sessionExperiments);
    summary.sessionCounts = countByStatus(experiments.filter((row) => session.has(row.experiment)));
  }

  const baselineValue = baseline?.metrics[primary.name];
  if (baseline !== undefined && baselineValue !== undefined) {
    summary.baseline = { experiment: baseline.experiment, value: baselineValue };
  }

  const best = bestRow(rows, metrics);
  if (best !== undefined) {
    summary.best = { experiment: best.experiment, commit: best.commit, value: best.metrics[primary.name]! };
  }

  if (summary.baseline !== undefined && summary.best !== undefined && summary.baseline.value !== 0) {
    const { value: from } = summary.baseline;
    const to = summary.best.value;
    summary.improvement = (primary.goal === 'maximize' ? to - from : from - to) / Math.abs(from);
  }
  return summary;
}

/**
 * The rows that may be "best": `keep` rows (the baseline is one) with a primary value. Explore rows are
 * kept whatever their result, so they are not evidence of progress. When some kept row meets every
 * constraint, rows outside the constraints drop out: a baseline that broke a constraint (and was then
 * rescued by a candidate inside them) must not stay "best" on the strength of a value that is not allowed.
 */
export function bestCandidates(rows: readonly LedgerRow[], metrics: readonly MetricSpec[]): LedgerRow[] {
  const primary = metrics[0]!;
  const kept = rows.filter((row) => row.status === 'keep' && row.metrics[primary.name] !== undefined);
  const allowed = kept.filter((row) => firstViolation(metrics, row.metrics) === undefined);
  return allowed.length > 0 ? allowed : kept;
}

/** The best of bestCandidates by the primary metric (the earliest among equals): what "best" means everywhere. */
export function bestRow(rows: readonly LedgerRow[], metrics: readonly MetricSpec[]): LedgerRow | undefined {
  const primary = metrics[0]!;
  let best: LedgerRow | undefined;
  for (const row of bestCandidates(rows, metrics)) {
    if (best === undefined || isBetter(primary.goal, row.metrics[primary.name]!, best.metrics[primary.name]!))
      best = row;
  }
  return best;
}

/** The row the others are measured from: experiment 0, or (after a merge) the first row shown. */
export function baselineRow(rows: readonly LedgerRow[]): LedgerRow | undefined {
  return rows.find((row) => row.experiment === 0) ?? rows[0];
}

export function countByStatus(rows: readonly LedgerRow[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** What the LLM proposer spent over `records`. */
export interface LlmSpend {
  costUsd: number;
  input: number;
  output: number;
  cacheRead: number;
}

export function llmSpend(records: readonly ExperimentRecord[]): LlmSpend {
  const spend: LlmSpend = { costUsd: 0, input: 0, output: 0, cacheRead: 0 };
  for (const record of records) {
    spend.costUsd += record.cost_usd ?? 0;
    spend.input += record.tokens?.input ?? 0;
    spend.output += record.tokens?.output ?? 0;
    spend.cacheRead += record.tokens?.cache_read ?? 0;
  }
  return spend;
}
