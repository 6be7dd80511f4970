// What the llm proposer's prompt may show of earlier records: never a number from the holdout.
import { describe, expect, it } from 'vitest';
import type { ExperimentRecord, LedgerRow } from '../src/ledger/types.js';
import { reasonForProposer, statePrompt } from '../src/propose/llm-prompt.js';
import type { ProposerContext } from '../src/propose/types.js';
import { createProject, projectSettings } from './helpers/project.js';

function record(experiment: number, status: ExperimentRecord['status'], reason: string, score: number) {
  return {
    experiment,
    commit: `c${experiment}`,
    parent: 'c0',
    timestamp: '2026-12-01T00:00:00Z',
    status,
    reason,
    description: `try ${experiment}`,
    metrics: { score },
    samples: { score: [score] },
    wall_time_s: 1,
    diff_lines: 2,
    patch: `--- a/params.txt\n+++ b/params.txt\n@@ -1 +1 @@\n-x=3\n+x=${experiment}\n`,
    tokens: { input: 0, output: 0 },
    cost_usd: 0,
    proposer: 'llm',
    incumbent: { commit: 'c0', session: 's', metrics: { score: 90 }, samples: { score: [90] } },
  } as unknown as ExperimentRecord;
}

describe('the llm prompt', () => {
  it('shows a holdout discard among the near-misses without the holdout numbers', async () => {
    const settings = await projectSettings(createProject());
    const records = [
      record(0, 'keep', 'baseline', 90),
      record(1, 'discard', 'holdout regressed (score 96 vs 99)', 95),
    ];
    const rows = records.map(
      (r) =>
        ({
          experiment: r.experiment,
          commit: r.commit,
          metrics: r.metrics,
          status: r.status,
          description: r.description,
        }) as LedgerRow,
    );
    const prompt = statePrompt({
      settings,
      records,
      rows,
      incumbent: { commit: 'c0', metrics: { score: 90 } },
      inFlight: [],
    } as unknown as ProposerContext);
    expect(prompt).toContain('near-misses');
    expect(prompt).toContain('#1 (discarded by a check you do not see): try 1');
    expect(prompt).not.toMatch(/holdout|\b99\b/);
  });

  it('keeps every other reason as it is', () => {
    expect(reasonForProposer('not better (score 71 vs 100)')).toBe('not better (score 71 vs 100)');
    expect(reasonForProposer('holdout regressed (no score)')).toBe('discarded by a check you do not see');
  });
});
