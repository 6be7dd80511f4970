// The checks a would-be keep must pass after it measured better (eval.guard, eval.holdout in docs/format.md):
// a guard command that must exit 0, and a holdout eval the proposer never sees that must not regress.
import type { DecideSettings, MetricSpec } from '../config/settings.js';
import { shortNumber, standing } from '../decide/compare.js';
import { measure } from '../measure/measure.js';
import type { NetworkIsolation } from '../measure/network.js';
import type { Measurement } from '../measure/types.js';

export interface GateContext {
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  logPath: string;
  signal: AbortSignal;
  network?: NetworkIsolation;
}

export type GateResult =
  | { passed: true }
  /** `feedback`: what the guard wrote to AUTOEXP_FEEDBACK_FILE (see src/measure/feedback-file.ts). */
  | { passed: false; reason: string; logTail: string; feedback?: string }
  | 'cancelled';

/** `eval.guard`: a correctness gate; anything but exit 0 fails it. */
export async function runGuard(command: string, context: GateContext): Promise<GateResult> {
  const run = await measure({ ...context, command, repeats: 1, metrics: [] });
  if (run.outcome === 'aborted') return 'cancelled';
  if (run.outcome === 'measured') return { passed: true };
  return { passed: false, reason: `guard failed (${run.reason})`, logTail: run.logTail };
}

/** Runs `eval.holdout` once, reading the same metrics as the eval. */
export function measureHoldout(
  command: string,
  metrics: readonly MetricSpec[],
  context: GateContext,
): Promise<Measurement> {
  return measure({ ...context, command, repeats: 1, metrics });
}

/**
 * A candidate regresses on the holdout when its primary metric there is worse than the incumbent's by
 * more than min-delta. Better or equal passes: the holdout guards against overfitting, it is not a
 * second bar to clear.
 */
export function holdoutRegression(
  candidate: Record<string, number>,
  incumbent: Record<string, number>,
  metrics: readonly MetricSpec[],
  settings: DecideSettings,
): string | undefined {
  const primary = metrics[0]!;
  const a = candidate[primary.name];
  const b = incumbent[primary.name];
  if (a === undefined || b === undefined) return `holdout regressed (no ${primary.name})`;
  if (standing(primary.goal, a, b, settings.minDelta) !== 'worse') return undefined;
  return `holdout regressed (${primary.name} ${shortNumber(a)} vs ${shortNumber(b)})`;
}
