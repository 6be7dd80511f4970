// Measuring one tree: `repeats` runs of the eval, stopping at the first that fails. The log file
// holds every run (with a header line per run when there are several); the tail is the last run's.
import { constants } from 'node:os';
import type { MetricSpec } from '../config/settings.js';
import type { NetworkIsolation } from './network.js';
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
  /** eval.network: off — run inside a fresh network namespace. */
  network?: NetworkIsolation;
  /** Told before each run starts, 1-based (for live progress). */
  onRun?: (run: number) => void;
  /**
   * Asked after each run that counts (decide.noise sequential): true when the samples so far are enough,
   * which ends the measurement before `repeats`.
   */
  enough?: (samples: Readonly<Record<string, readonly number[]>>) => boolean;
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

/** Signal names by number; the first name wins (SIGABRT, not its alias SIGIOT). */
const SIGNAL_NAMES = new Map<number, string>();
for (const [name, number] of Object.entries(constants.signals))
  if (!SIGNAL_NAMES.has(number)) SIGNAL_NAMES.set(number, name);

/**
 * "exit code 139 (128 + SIGSEGV)": a shell reports a child killed by a signal that way, and so does a
 * command's PID namespace for the shell itself (see sandbox.ts).
 */
function describeExitCode(code: number): string {
  const signal = code > 128 ? SIGNAL_NAMES.get(code - 128) : undefined;
  return signal ? `exit code ${code} (128 + ${signal})` : `exit code ${code}`;
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
  if (result.exitCode !== 0) return { outcome: 'crash', reason: describeExitCode(result.exitCode) };
  const problems = Object.values(result.metricProblems);
  if (problems.length > 0) return { outcome: 'crash', reason: problems.join('; ') };
  return undefined;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

type FailedMeasurement = Exclude<Measurement, { outcome: 'measured' }>;

/** Accumulates the samples of one tree's runs. */
class SampleSet {
  readonly samples: Record<string, number[]>;
  wallTimeMs = 0;
  logTail = '';

  constructor(private readonly metrics: readonly MetricSpec[]) {
    this.samples = Object.fromEntries(metrics.map((metric) => [metric.name, []]));
  }

  add(result: RunResult): void {
    this.wallTimeMs += result.wallTimeMs;
    this.logTail = result.logTail;
    for (const metric of this.metrics)
      this.samples[metric.name]?.push(result.metrics[metric.name] ?? Number.NaN);
  }

  measured(): Measurement {
    const metrics = Object.fromEntries(
      Object.entries(this.samples).map(([name, values]) => [name, mean(values)]),
    );
    return {
      outcome: 'measured',
      metrics,
      samples: this.samples,
      wallTimeMs: this.wallTimeMs,
      logTail: this.logTail,
    };
  }

  failed(
    result: RunResult,
    failure: NonNullable<ReturnType<typeof failureOf>>,
    where: string,
  ): FailedMeasurement {
    this.wallTimeMs += result.wallTimeMs;
    const reason = where && failure.outcome !== 'aborted' ? `${failure.reason} (${where})` : failure.reason;
    return {
      outcome: failure.outcome,
      reason,
      wallTimeMs: this.wallTimeMs,
      logTail: result.logTail,
      samples: this.samples,
    };
  }
}

function runOnce(
  options: MeasureOptions,
  cwd: string,
  first: boolean,
  header: string | undefined,
): Promise<RunResult> {
  return runCommand({
    command: options.command,
    cwd,
    env: options.env,
    timeoutMs: options.timeoutMs,
    metrics: options.metrics,
    logPath: options.logPath,
    signal: options.signal,
    network: options.network,
    logMode: first ? 'truncate' : 'append',
    logHeader: header,
  });
}

export async function measure(options: MeasureOptions): Promise<Measurement> {
  const repeats = Math.max(1, Math.floor(options.repeats));
  const set = new SampleSet(options.metrics);
  for (let run = 1; run <= repeats; run++) {
    options.onRun?.(run);
    const header = repeats > 1 ? `--- autoexp: run ${run} of ${repeats} ---` : undefined;
    const result = await runOnce(options, options.cwd, run === 1, header);
    const failure = failureOf(result, options.timeoutMs);
    if (failure) return set.failed(result, failure, repeats > 1 ? `run ${run} of ${repeats}` : '');
    set.add(result);
    if (run < repeats && options.enough?.(set.samples)) break;
  }
  return set.measured();
}

export interface InterleavedMeasurement {
  incumbent: Measurement;
  candidate: Measurement;
}

/**
 * `eval.interleave`: incumbent and candidate measured alternately (A B A B …), each in its own tree, so
 * that a runner getting slower or faster during the measurement affects both alike. The first run that
 * fails ends both; a failing incumbent run is reported on the incumbent side.
 */
export async function measureInterleaved(
  options: MeasureOptions & { incumbentCwd: string },
): Promise<InterleavedMeasurement> {
  const repeats = Math.max(1, Math.floor(options.repeats));
  const sides = [
    { name: 'incumbent', cwd: options.incumbentCwd, set: new SampleSet(options.metrics) },
    { name: 'candidate', cwd: options.cwd, set: new SampleSet(options.metrics) },
  ] as const;
  for (let run = 1; run <= repeats; run++) {
    options.onRun?.(run);
    for (const side of sides) {
      const header = `--- autoexp: ${side.name} run ${run} of ${repeats} ---`;
      const result = await runOnce(options, side.cwd, run === 1 && side.name === 'incumbent', header);
      const failure = failureOf(result, options.timeoutMs);
      if (failure) {
        const failed = side.set.failed(result, failure, `${side.name} run ${run} of ${repeats}`);
        if (side.name === 'candidate') return { incumbent: sides[0].set.measured(), candidate: failed };
        // Without the incumbent's runs there is nothing to compare with: the experiment fails too.
        const candidate = sides[1].set;
        return {
          incumbent: failed,
          candidate: {
            ...failed,
            reason: `incumbent ${failed.reason}`,
            samples: candidate.samples,
            wallTimeMs: candidate.wallTimeMs,
          },
        };
      }
      side.set.add(result);
    }
  }
  return { incumbent: sides[0].set.measured(), candidate: sides[1].set.measured() };
}
