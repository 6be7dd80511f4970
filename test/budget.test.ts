import { describe, expect, it } from 'vitest';
import { SessionBudget } from '../src/session/budget.js';

describe('session budget', () => {
  const limits = { experiments: 3, timeMs: 60_000, consecutiveCrashes: 2, costUsd: 1 };

  it('stops after the budgeted number of experiments', () => {
    const budget = new SessionBudget(limits, 0);
    for (const status of ['keep', 'discard', 'keep'] as const) {
      expect(budget.stopReason(1)).toBeUndefined();
      budget.record(status);
    }
    expect(budget.stopReason(1)).toBe('experiments');
  });

  it('stops starting experiments once the time is spent', () => {
    const budget = new SessionBudget(limits, 1_000);
    expect(budget.stopReason(60_999)).toBeUndefined();
    expect(budget.stopReason(61_000)).toBe('time');
  });

  it('counts crash, timeout and invalid in a row; any other result resets the count', () => {
    const budget = new SessionBudget({ ...limits, experiments: 10 }, 0);
    budget.record('crash');
    budget.record('discard');
    budget.record('timeout');
    expect(budget.stopReason(0)).toBeUndefined();
    budget.record('invalid');
    expect(budget.stopReason(0)).toBe('consecutive-crashes');
  });

  it('stops once the LLM spend reaches budget.cost-usd, and tells what is left before that', () => {
    const budget = new SessionBudget({ ...limits, experiments: 10 }, 0);
    budget.record('keep', 0.4);
    expect(budget.costLeftUsd).toBeCloseTo(0.6);
    expect(budget.stopReason(0)).toBeUndefined();
    budget.record('discard', 0.6);
    expect(budget.costLeftUsd).toBe(0);
    expect(budget.stopReason(0)).toBe('cost');
  });

  it('stops on cost when a proposer declined a call that could pass the cap', () => {
    const budget = new SessionBudget(limits, 0);
    expect(budget.stopReason(0)).toBeUndefined();
    budget.stopForCost();
    expect(budget.stopReason(0)).toBe('cost');
  });

  it('a zero cap does not stop proposers that spend nothing (mutate, command)', () => {
    const budget = new SessionBudget({ ...limits, costUsd: 0 }, 0);
    budget.record('keep', 0);
    expect(budget.stopReason(0)).toBeUndefined();
  });
});
