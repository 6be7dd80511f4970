// When a session stops starting experiments (budget in docs/format.md). Pure: time comes in as an argument.
import type { Status } from '../ledger/types.js';

export type StopReason =
  | 'experiments'
  | 'time'
  | 'consecutive-crashes'
  | 'cost'
  | 'stages-done'
  | 'cancelled'
  | 'superseded'
  /** A push failed for a reason other than a race (no permission, a protection rule): set by pushed-session.ts. */
  | 'push-failed'
  /** stop.target: the program is finished (the session's `halt` says more). */
  | 'target-reached'
  /** stop.plateau: the program waits for a change or a person (the session's `halt` says more). */
  | 'paused';

export interface BudgetLimits {
  experiments: number;
  timeMs: number;
  consecutiveCrashes: number;
  /** budget.cost-usd: LLM spend per session. */
  costUsd: number;
}

const FAILURES: ReadonlySet<Status> = new Set(['crash', 'timeout', 'invalid']);

export class SessionBudget {
  private experimentsRun = 0;
  private failuresInARow = 0;
  private spentUsd = 0;
  /** A proposer stopped before a call that could have passed the cost cap. */
  private costCapReached = false;

  constructor(
    private readonly limits: BudgetLimits,
    private readonly startedAtMs: number,
  ) {}

  record(status: Status, costUsd = 0): void {
    this.experimentsRun++;
    this.failuresInARow = FAILURES.has(status) ? this.failuresInARow + 1 : 0;
    this.spentUsd += costUsd;
  }

  /** The next LLM call could pass budget.cost-usd: no further experiment starts. */
  stopForCost(): void {
    this.costCapReached = true;
  }

  /** What budget.cost-usd leaves, in USD. */
  get costLeftUsd(): number {
    return Math.max(0, this.limits.costUsd - this.spentUsd);
  }

  get spent(): number {
    return this.spentUsd;
  }

  get experiments(): number {
    return this.experimentsRun;
  }

  /** Why no further experiment may start now (with `inFlight` started and not yet recorded), or undefined. */
  stopReason(nowMs: number, inFlight = 0): StopReason | undefined {
    if (this.costCapReached || (this.spentUsd > 0 && this.spentUsd >= this.limits.costUsd)) return 'cost';
    if (this.failuresInARow >= this.limits.consecutiveCrashes) return 'consecutive-crashes';
    if (this.experimentsRun + inFlight >= this.limits.experiments) return 'experiments';
    if (nowMs - this.startedAtMs >= this.limits.timeMs) return 'time';
    return undefined;
  }
}

export function describeStop(reason: StopReason, limits: BudgetLimits): string {
  switch (reason) {
    case 'experiments':
      return `ran the budgeted ${limits.experiments} experiment${limits.experiments === 1 ? '' : 's'}`;
    case 'time':
      return 'time budget spent';
    case 'consecutive-crashes':
      return `${limits.consecutiveCrashes} failed experiments in a row (crash, timeout or invalid)`;
    case 'cost':
      return `LLM spend reached budget.cost-usd ($${limits.costUsd.toFixed(2)})`;
    case 'stages-done':
      return 'every stage is over (its budget spent, or no keep for its plateau)';
    case 'cancelled':
      return 'cancelled';
    case 'superseded':
      return "another run moved the branch; this run stopped and recorded its results after the other run's";
    case 'push-failed':
      return 'pushing the branch failed, so this run stopped; what it recorded is committed on the local branch';
    case 'target-reached':
      return 'target reached (stop.target): the program is finished';
    case 'paused':
      return 'paused: stop.plateau experiments in a row without a keep';
  }
}
