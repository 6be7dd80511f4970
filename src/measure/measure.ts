// Measuring one tree: `repeats` runs of the eval, stopping at the first that fails. The log file
// holds every run (with a header line per run when there are several); the tail is the last run's.
import type { MetricSpec } from '../config/settings.js';
import { runCommand } from './run-command.js';
import type { Measurement, RunResult } from './types.js';

export interface MeasureOptions {
  command: string;
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  repeats: number;
  metrics: readonly MetricSpec[];
  logPath: string;
  signal?: AbortSignal;
}

/** `5m`, `1h30m`, `1m30s`, `2.5s`, `250ms`: how durations are written in autoexp.yml and in messages. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return [hours && `${hours}h`, minutes && `${minutes}m`, seconds && `${seconds}s`].filter(Boolean).join('');
}

/** Why a run does not count, or undefined when it produced every metric. */
function failureOf(
  result: RunResult,
  timeoutMs: number,
): { outcome: 'crash' | 'timeout' | 'aborted'; reason: string } | undefined {
  if (result.aborted) return { outcome: 'aborted', reason: 'cancelled' };
  if (result.timedOut) return { outcome: 'timeout', reason: `timed out after ${formatDuration(timeoutMs)}` };
  if (result.exitCode === null)
    return { outcome: 'crash', reason: `killed by ${result.signal ?? 'a signal'}` };
  if (result.exitCode !== 0) return { outcome: 'crash', reason: `exit code ${result.exitCode}` };
  const problems = Object.values(result.metricProblems);
  if (problems.length > 0) return { outcome: 'crash', reason: problems.join('; ') };
  return undefined;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export async function measure(options: MeasureOptions): Promise<Measurement> {
  const repeats = Math.max(1, Math.floor(options.repeats));
  const samples: Record<string, number[]> = Object.fromEntries(
    options.metrics.map((metric) => [metric.name, []]),
  );
  let wallTimeMs = 0;
  let logTail = '';
  for (let run = 1; run <= repeats; run++) {
    const result = await runCommand({
      command: options.command,
      cwd: options.cwd,
      env: options.env,
      timeoutMs: options.timeoutMs,
      metrics: options.metrics,
      logPath: options.logPath,
      signal: options.signal,
      logMode: run === 1 ? 'truncate' : 'append',
      logHeader: repeats > 1 ? `--- autoexp: run ${run} of ${repeats} ---` : undefined,
    });
    wallTimeMs += result.wallTimeMs;
    logTail = result.logTail;
    const failure = failureOf(result, options.timeoutMs);
    if (failure) {
      const reason =
        repeats > 1 && failure.outcome !== 'aborted'
          ? `${failure.reason} (run ${run} of ${repeats})`
          : failure.reason;
      return { outcome: failure.outcome, reason, wallTimeMs, logTail, samples };
    }
    for (const metric of options.metrics)
      samples[metric.name]?.push(result.metrics[metric.name] ?? Number.NaN);
  }
  const metrics = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, mean(values)]));
  return { outcome: 'measured', metrics, samples, wallTimeMs, logTail };
}
