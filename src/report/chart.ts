// The PR body's chart (docs/action.md): a Mermaid xychart-beta of the primary metric per experiment, with
// the best-so-far line. GitHub renders Mermaid in markdown, so the chart needs no image hosting.
import type { MetricSpec } from '../config/settings.js';
import type { LedgerRow } from '../ledger/types.js';
import { formatPlainNumber, goalArrow } from './format.js';
import { bestCandidates } from './summary.js';
import { isBetter } from '../decide/compare.js';

/** Enough points to see the shape of a run; more makes the x-axis labels unreadable and the body long. */
export const MAX_CHART_POINTS = 100;

export interface ChartPoint {
  experiment: number;
  /** What the experiment measured; for rows without a value (crash, timeout, invalid), the incumbent's value then. */
  value: number;
  /** The best kept value up to and including this experiment. */
  best: number;
}

export interface ChartOptions {
  /** All metrics, so "best" ignores kept rows outside the constraints as the summary does. Default: [primary]. */
  metrics?: readonly MetricSpec[];
  maxPoints?: number;
  /** search: tree: `explore` rows are nodes off the branch, so they do not move the incumbent. */
  treeSearch?: boolean;
}

/**
 * One point per experiment. xychart-beta needs a value for every x, and a crash has none: the measured
 * line then shows the incumbent's value at that moment (the code the branch stood on), which draws a
 * flat stretch instead of a gap or a fake drop. Leading rows before any value at all are left out.
 * Before the first row that may count as best, the best line follows the incumbent too.
 */
export function chartPoints(
  rows: readonly LedgerRow[],
  primary: MetricSpec,
  metrics?: readonly MetricSpec[],
  treeSearch = false,
): ChartPoint[] {
  const movesHead = (row: LedgerRow) => row.status === 'keep' || (row.status === 'explore' && !treeSearch);
  const eligible = new Set(bestCandidates(rows, metrics ?? [primary]));
  const points: ChartPoint[] = [];
  let incumbent: number | undefined;
  let best: number | undefined;
  for (const row of rows) {
    const raw = row.metrics[primary.name];
    const measured = raw !== undefined && Number.isFinite(raw) ? raw : undefined;
    if (measured !== undefined && movesHead(row)) incumbent = measured;
    if (
      measured !== undefined &&
      eligible.has(row) &&
      (best === undefined || isBetter(primary.goal, measured, best))
    ) {
      best = measured;
    }
    const value = measured ?? incumbent;
    if (value === undefined) continue;
    points.push({ experiment: row.experiment, value, best: best ?? incumbent ?? value });
  }
  return points;
}

/**
 * At most `max` points, always keeping the first, the last and every point where the best improved
 * (the story of the run); the rest of the room goes to evenly spaced points. When the improvements
 * alone are too many, evenly spaced ones among them (plus first and last) are kept.
 */
export function downsample(points: readonly ChartPoint[], max: number = MAX_CHART_POINTS): ChartPoint[] {
  if (points.length <= max) return [...points];
  const last = points.length - 1;
  const mustKeep = [0];
  for (let i = 1; i < points.length; i++) if (points[i]!.best !== points[i - 1]!.best) mustKeep.push(i);
  if (mustKeep[mustKeep.length - 1] !== last) mustKeep.push(last);

  let chosen: Set<number>;
  if (mustKeep.length >= max) {
    chosen = new Set(evenlySpaced(mustKeep, max));
  } else {
    chosen = new Set(mustKeep);
    const others: number[] = [];
    for (let i = 0; i < points.length; i++) if (!chosen.has(i)) others.push(i);
    for (const index of evenlySpaced(others, max - chosen.size)) chosen.add(index);
  }
  return [...chosen].sort((a, b) => a - b).map((index) => points[index]!);
}

/** `count` items spread evenly over `items`, first and last included (when count >= 2). */
function evenlySpaced<T>(items: readonly T[], count: number): T[] {
  if (count <= 0) return [];
  if (count >= items.length) return [...items];
  if (count === 1) return [items[items.length - 1]!];
  const picked: T[] = [];
  for (let k = 0; k < count; k++) picked.push(items[Math.round((k * (items.length - 1)) / (count - 1))]!);
  return picked;
}

/** The fenced ```mermaid block; empty string when no experiment has a value yet. */
export function mermaidChart(
  rows: readonly LedgerRow[],
  primary: MetricSpec,
  options: ChartOptions = {},
): string {
  const points = downsample(
    chartPoints(rows, primary, options.metrics, options.treeSearch),
    options.maxPoints ?? MAX_CHART_POINTS,
  );
  if (points.length === 0) return '';
  const label = `${primary.name} ${goalArrow(primary.goal)}`;
  // Metric names are [A-Za-z_][A-Za-z0-9_.]*, so they never hold the double quote that would end a string.
  // Experiment numbers are quoted so the axis reads them as category labels, never as a numeric range.
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${label} per experiment (line 1: measured, line 2: best so far)"`,
    `  x-axis "experiment" [${points.map((point) => `"${point.experiment}"`).join(', ')}]`,
    `  y-axis "${label}"`,
    `  line [${points.map((point) => formatPlainNumber(point.value)).join(', ')}]`,
    `  line [${points.map((point) => formatPlainNumber(point.best)).join(', ')}]`,
    '```',
  ].join('\n');
}
