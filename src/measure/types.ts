// What running a command and measuring a candidate produce.
import type { MetricSpec } from '../config/settings.js';
import type { NetworkIsolation } from './network.js';
import type { Containment } from './sandbox.js';

export interface RunOptions {
  /** Run as `bash -c <command>`. */
  command: string;
  cwd: string;
  /** The complete environment of the child (build it with cleanEnvironment). */
  env: Record<string, string>;
  /** Hard limit; the whole process tree is killed when it passes. */
  timeoutMs: number;
  /** Combined stdout+stderr is written here (truncated/created). */
  logPath: string;
  /** Metrics to read from the output; may be empty (setup, guard). */
  metrics: readonly MetricSpec[];
  /** Aborting kills the whole process tree at once. */
  signal?: AbortSignal;
  /** `eval.network: off`: run in a fresh network namespace (from detectNetworkIsolation). Default: none. */
  network?: NetworkIsolation;
  /**
   * How what the command leaves behind is ended. Default: detectContainment() — a PID namespace of its
   * own where one can be made. With `network`, its namespace contains the command and this is not used.
   */
  containment?: Containment;
}

export interface RunResult {
  exitCode: number | null;
  /**
   * The signal that ended the shell, if any (e.g. SIGKILL after a timeout). In a PID namespace a shell
   * killed by a signal shows as exit code 128 + its number instead, as under a container's init.
   */
  signal: string | null;
  timedOut: boolean;
  aborted: boolean;
  wallTimeMs: number;
  /** Last 50 lines of the combined output. */
  logTail: string;
  /** Values found in the output; metrics not found are absent. */
  metrics: Record<string, number>;
  /** Why a metric could not be read, by name (missing, not a number, …). */
  metricProblems: Record<string, string>;
}

/** The outcome of `repeats` runs of the eval on one tree. */
export type Measurement =
  | {
      outcome: 'measured';
      /** Mean per metric over the samples. */
      metrics: Record<string, number>;
      samples: Record<string, number[]>;
      wallTimeMs: number;
      logTail: string;
      /** What the runs wrote to AUTOEXP_FEEDBACK_FILE, cleaned and bounded (src/measure/feedback-file.ts). */
      feedback?: string;
    }
  | {
      outcome: 'crash' | 'timeout' | 'aborted';
      /** Human-readable: "exit code 1", "no hit_rate in the output", "timed out after 5m" */
      reason: string;
      wallTimeMs: number;
      logTail: string;
      /** Samples of the runs that did finish before the failure. */
      samples: Record<string, number[]>;
      /** What the runs wrote to AUTOEXP_FEEDBACK_FILE, cleaned and bounded (src/measure/feedback-file.ts). */
      feedback?: string;
    };
