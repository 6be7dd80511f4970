import { describe, expect, it } from 'vitest';
import type { MetricSpec } from '../src/config/settings.js';
import type { ExperimentRecord, LedgerRow, Status } from '../src/ledger/types.js';
import { renderReport } from '../src/report/markdown.js';

const metrics: MetricSpec[] = [{ name: 'score', goal: 'maximize', extract: { kind: 'line' } }];

function row(experiment: number, status: Status, score: number): LedgerRow {
  return {
    experiment,
    commit: `c0ffee${experiment}`,
    metrics: { score },
    status,
    description: `try ${experiment}`,
  };
}

function record(base: LedgerRow, extra: Partial<ExperimentRecord> = {}): ExperimentRecord {
  return {
    experiment: base.experiment,
    commit: base.commit,
    parent: '',
    timestamp: '2026-11-23T00:00:00Z',
    status: base.status,
    reason: base.status === 'keep' ? 'improved' : 'not better',
    description: base.description,
    metrics: { score: base.metrics.score! },
    samples: { score: [base.metrics.score!] },
    wall_time_s: 1,
    diff_lines: 2,
    patch: '',
    tokens: { input: 0, output: 0 },
    cost_usd: 0,
    proposer: 'command',
    ...extra,
  };
}

describe('the report on decisions', () => {
  const rows = [row(0, 'keep', 50), row(1, 'keep', 60), row(2, 'discard', 55), row(3, 'explore', 52)];
  const records = [
    record(rows[0]!),
    record(rows[1]!, {
      decision: {
        metric: 'score',
        candidateMean: 60,
        incumbentMean: 50,
        samples: { candidate: [60], incumbent: [50] },
        confidence: 'p=0.012 (welch, 5 runs each)',
      },
      holdout: { candidate: { score: 41 }, incumbent: { score: 40 } },
    }),
    record(rows[2]!),
    record(rows[3]!),
  ];
  const body = renderReport({ tag: 't', branch: 'autoexp/t', metrics, rows, records });

  it('states the confidence of each keep', () => {
    expect(body).toContain('| # | commit | status | score ↑ | confidence | description |');
    expect(body).toContain('| 1 | `c0ffee1` | keep | 60 | p=0.012 (welch, 5 runs each) | `try 1` |');
    expect(body).toContain('| 0 | `c0ffee0` | keep | 50 | — | `try 0` |');
  });

  it('shows the holdout before and after', () => {
    expect(body).toContain('Holdout (never shown to the proposer): score 40 → 41 (+2.5%).');
  });

  it('points at the best commit when the head is an explore step', () => {
    expect(body).toContain('The branch head (#3) is an explore step; the best kept commit is #1 (`c0ffee1`');
    expect(body).toContain(
      'git fetch origin refs/autoexp/t/best && git push origin FETCH_HEAD:refs/heads/autoexp-best/t',
    );
  });

  it('leaves all three out when nothing calls for them', () => {
    const plain = renderReport({
      tag: 't',
      branch: 'autoexp/t',
      metrics,
      rows: rows.slice(0, 3),
      records: records.slice(0, 1),
    });
    expect(plain).not.toContain('confidence');
    expect(plain).not.toContain('Holdout');
    expect(plain).not.toContain('explore step');
  });
});
