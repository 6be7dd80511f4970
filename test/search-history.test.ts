import { describe, expect, it } from 'vitest';
import type { ExperimentRecord, Status } from '../src/ledger/types.js';
import { planMutation, type ScopeFile } from '../src/propose/mutate/plan.js';
import { lineageHistory } from '../src/search/history.js';
import { scopeHash } from '../src/session/scope-hash.js';

function record(
  experiment: number,
  status: Status,
  fields: Partial<ExperimentRecord> = {},
): ExperimentRecord {
  return {
    experiment,
    commit: `c${experiment}`,
    parent: '',
    timestamp: '2025-01-01T00:00:00.000Z',
    status,
    reason: '',
    description: '',
    metrics: {},
    samples: {},
    wall_time_s: 0,
    diff_lines: 2,
    patch: '',
    tokens: { input: 0, output: 0 },
    cost_usd: 0,
    proposer: 'mutate',
    ...fields,
  };
}

const PRIMARY = { name: 'v', goal: 'minimize' } as never;

/** A tree session's ledger: 0 the root; 1 a keep (the head); 2 and 5 kept off the head, 5 below 2. */
function treeLedger(): ExperimentRecord[] {
  const from = (parent: number) => ({ parent: `c${parent}`, parent_experiment: parent });
  return [
    record(0, 'keep', { proposer: 'none', metrics: { v: 10 } }),
    record(1, 'keep', { ...from(0), metrics: { v: 8 } }),
    record(2, 'explore', { ...from(0), metrics: { v: 9 } }),
    record(3, 'discard', { ...from(1), metrics: { v: 12 } }),
    record(4, 'discard', { ...from(2), metrics: { v: 9.5 } }),
    record(5, 'explore', { ...from(2), metrics: { v: 8.5 } }),
    record(6, 'discard', { ...from(5), metrics: { v: 9 } }),
    record(7, 'invalid', from(1)),
  ];
}

describe('lineageHistory', () => {
  it('the rows proposed from the lineage of the node, as a hill-climb along it would have written them', () => {
    const history = lineageHistory(treeLedger(), 5);
    expect(history.map((row) => [row.experiment, row.status, row.incumbent?.metrics])).toEqual([
      [1, 'keep', { v: 10 }],
      [2, 'keep', { v: 10 }],
      [4, 'discard', { v: 9 }],
      [5, 'keep', { v: 9 }],
      [6, 'discard', { v: 8.5 }],
    ]);
    expect(history.find((row) => row.experiment === 5)?.incumbent?.commit).toBe('c2');
  });

  it('another node, another lineage: the head sees its own branch and not the one beside it', () => {
    expect(lineageHistory(treeLedger(), 1).map((row) => row.experiment)).toEqual([1, 2, 3, 7]);
    expect(lineageHistory(treeLedger(), 0).map((row) => row.experiment)).toEqual([1, 2]);
  });

  it('leaves the ledger as it was', () => {
    const ledger = treeLedger();
    lineageHistory(ledger, 5);
    expect(ledger).toEqual(treeLedger());
  });

  it('nothing for an experiment that is not a node, and rows before the baseline are not the root', () => {
    expect(lineageHistory(treeLedger(), 3)).toEqual([]);
    expect(lineageHistory(treeLedger(), 99)).toEqual([]);
    // a first row without metrics (a baseline that crashed) is not the root; the next one is
    const crashedFirst = [
      record(0, 'crash'),
      record(1, 'keep', { proposer: 'none', metrics: { v: 10 } }),
      record(2, 'discard', { parent_experiment: 1, metrics: { v: 11 } }),
    ];
    expect(lineageHistory(crashedFirst, 0)).toEqual([]);
    expect(lineageHistory(crashedFirst, 1).map((row) => row.experiment)).toEqual([2]);
  });

  it('parents that loop end the lineage', () => {
    const looping = [
      record(0, 'keep', { proposer: 'none', metrics: { v: 10 } }),
      record(1, 'explore', { parent_experiment: 2, metrics: { v: 9 } }),
      record(2, 'explore', { parent_experiment: 1, metrics: { v: 8 } }),
    ];
    expect(lineageHistory(looping, 2).map((row) => row.experiment)).toEqual([1, 2]);
  });

  it("a hill-climb's ledger (no parent_experiment): mutate proposes what it proposes from the whole ledger", () => {
    // A hill-climb on (x - 3)² + (y - 7)² with mutate, 30 experiments: at each one, the lineage of the
    // head gives mutate the same steps and literal as every record does.
    const path = 'p.yaml';
    let head = { experiment: 0, text: 'x: 1.0\ny: 2.0\n', value: 0 };
    const valueOf = (text: string) => {
      const [x, y] = [...text.matchAll(/-?[\d.]+/g)].map((match) => Number(match[0]));
      return (x! - 3) ** 2 + (y! - 7) ** 2;
    };
    head.value = valueOf(head.text);
    const records = [
      record(0, 'keep', {
        proposer: 'none',
        metrics: { v: head.value },
        scope_hash: scopeHash(new Map([[path, head.text]])),
      }),
    ];
    let keeps = 0;
    for (let experiment = 1; experiment <= 30; experiment++) {
      const files: ScopeFile[] = [{ path, encoding: 'utf8', text: head.text }];
      const input = { files, records, seed: 4, experiment, primary: PRIMARY };
      const planned = planMutation(input);
      expect(planMutation({ ...input, history: lineageHistory(records, head.experiment) })).toEqual(planned);
      const value = valueOf(planned.text);
      const status: Status = value < head.value ? 'keep' : 'discard';
      records.push(
        record(experiment, status, {
          parent: `c${head.experiment}`,
          metrics: { v: value },
          incumbent: { commit: `c${head.experiment}`, session: '', metrics: { v: head.value }, samples: {} },
          proposal: { mutation: planned.mutation },
          scope_hash: scopeHash(new Map([[path, planned.text]])),
        }),
      );
      if (status === 'keep') {
        keeps++;
        head = { experiment, text: planned.text, value };
      }
    }
    expect(keeps).toBeGreaterThan(3);
  });
});

describe('planMutation with a history', () => {
  it('learns its steps from the history but never repeats a content any record tried', () => {
    const path = 'p.yaml';
    const text = 'x: 100\n';
    const tried = (x: number) => scopeHash(new Map([[path, `x: ${x}\n`]]));
    const mutation = (from: number, to: number) => ({
      mutation: { file: path, line: 1, key: 'x', from, to, step: to - from, scale: 0.3 },
    });
    const records = [
      record(0, 'keep', { proposer: 'none', metrics: { v: 1 }, scope_hash: tried(100) }),
      // off the lineage: x went up to 130 from another node
      record(1, 'discard', { proposal: mutation(100, 130), scope_hash: tried(130), metrics: { v: 2 } }),
    ];
    const base = {
      files: [{ path, encoding: 'utf8' as const, text }],
      seed: 1,
      experiment: 2,
      primary: PRIMARY,
    };
    // with an empty history x is untried: its first step is 0.3 either way, but 130 was tried already
    const planned = planMutation({ ...base, records, history: [] });
    expect(planned.mutation.to).not.toBe(130);
    // with the whole ledger as history, the failed step up shrinks the step and turns it down
    const learned = planMutation({ ...base, records });
    expect(learned.mutation.to).toBeLessThan(100);
    expect(learned.mutation.scale).toBeCloseTo(0.21);
  });
});
