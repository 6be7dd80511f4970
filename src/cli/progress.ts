// What `autoexp run` prints: one line per experiment, and on a TTY a live status line below them.
// Descriptions, reasons and notices carry the proposer's and the eval's words: they are cleaned of
// control characters and escape sequences (no title, no cleared screen, no "\r" that rewrites a line's
// status), and escaped so that no line is a workflow command when the CLI runs in a GitHub Actions step.
import type { MetricSpec } from '../config/settings.js';
import { formatMetric, formatPercent, formatUsd } from '../report/format.js';
import type { ExperimentOutcome, SessionEvents, SessionPhase } from '../session/session.js';
import { cleanLine, TEXT_LIMITS } from '../text/untrusted.js';
import { escapeRunnerLine } from '../text/workflow-log.js';

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}

function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(hours > 0 ? 2 : 1, '0');
  return `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

/** `#12 keep     hit_rate=0.8123 (+1.2%)  34s  raise ttl for images` */
export function formatExperimentLine(outcome: ExperimentOutcome, metrics: readonly MetricSpec[]): string {
  const { row } = outcome;
  const reason = cleanLine(outcome.record.reason, TEXT_LIMITS.reason);
  const record = { ...outcome.record, reason };
  const primary = metrics[0]!;
  const label = row.experiment === 0 && record.reason === 'baseline' ? 'baseline' : row.status;
  let result: string;
  const value = row.metrics[primary.name];
  if (value !== undefined) {
    const before = outcome.incumbent[primary.name];
    const change =
      before !== undefined && before !== 0 && label !== 'baseline'
        ? ` (${formatPercent((value - before) / Math.abs(before))})`
        : '';
    const others = metrics
      .slice(1)
      .map((metric) =>
        row.metrics[metric.name] === undefined
          ? ''
          : ` ${metric.name}=${formatMetric(row.metrics[metric.name]!)}`,
      )
      .join('');
    result = `${primary.name}=${formatMetric(value)}${change}${others}`;
  } else {
    result = record.reason;
  }
  // "not better" is plain from the numbers; other reasons (a constraint, "simpler") are worth a word.
  const unusual = !/^(improved|not better|baseline)/.test(record.reason);
  const why = value !== undefined && unusual ? ` [${record.reason}]` : '';
  const number = `#${row.experiment}`.padEnd(3);
  const cost = record.cost_usd > 0 ? `  ${formatUsd(record.cost_usd)}` : '';
  const description = cleanLine(row.description, TEXT_LIMITS.description);
  return escapeRunnerLine(
    `${number} ${label.padEnd(8)} ${result}${why}  ${formatSeconds(record.wall_time_s)}${cost}  ${description}`,
  );
}

function describePhase(phase: SessionPhase): string {
  switch (phase.kind) {
    case 'setup':
      return 'running eval.setup';
    case 'incumbent':
      return 'measuring the incumbent';
    case 'proposing':
      return `#${phase.experiment} proposing`;
    case 'measuring':
      if (phase.repeats <= 1) return `#${phase.experiment} measuring`;
      return phase.run === undefined
        ? `#${phase.experiment} measuring (${phase.repeats} runs)`
        : `#${phase.experiment} measuring ${phase.run} of ${phase.repeats}`;
    case 'recording':
      return `#${phase.experiment} deciding`;
  }
}

export interface ProgressPrinter extends SessionEvents {
  /** Stops the live line (call before printing the summary). */
  stop(): void;
}

/**
 * Plain lines when `stream` is not a TTY (CI logs); on a TTY also a live line with the phase, the time
 * spent against the budget and the best value so far, redrawn in place.
 */
export function createProgressPrinter(
  stream: NodeJS.WriteStream,
  metrics: readonly MetricSpec[],
  budgetMs: number,
): ProgressPrinter {
  const live = stream.isTTY === true;
  const started = Date.now();
  const primary = metrics[0]!;
  let phase = 'starting';
  let best: number | undefined;
  let timer: NodeJS.Timeout | undefined;

  const liveLine = () =>
    `… ${phase} · ${clock(Date.now() - started)} / ${clock(budgetMs)}${best === undefined ? '' : ` · best ${primary.name}=${formatMetric(best)}`}`;
  const draw = () => {
    if (live) stream.write(`\r\x1b[2K${liveLine().slice(0, (stream.columns || 100) - 1)}`);
  };
  const clear = () => {
    if (live) stream.write('\r\x1b[2K');
  };
  if (live) {
    timer = setInterval(draw, 500);
    timer.unref();
  }

  return {
    phase(next) {
      phase = describePhase(next);
      draw();
    },
    experiment(outcome) {
      const value = outcome.row.metrics[primary.name];
      // As every report counts "best": keeps only (an explore row is kept whatever its value, or, in a
      // search tree, off the head).
      if (outcome.row.status === 'keep' && value !== undefined) {
        const better = best === undefined || (primary.goal === 'maximize' ? value > best : value < best);
        if (better) best = value;
      }
      clear();
      stream.write(`${formatExperimentLine(outcome, metrics)}\n`);
      draw();
    },
    notice(message) {
      clear();
      // One line: a file name's "\r" or newline must not start a line of its own.
      stream.write(`${escapeRunnerLine(`autoexp: ${cleanLine(message, Number.POSITIVE_INFINITY)}`)}\n`);
      draw();
    },
    stop() {
      if (timer) clearInterval(timer);
      clear();
    },
  };
}
