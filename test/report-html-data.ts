// Synthetic ledgers for the HTML report tests: every status, two metrics, patches on the kept rows.
import type { MetricSpec } from '../src/config/settings.js';
import type { ExperimentRecord, LedgerRow, Status } from '../src/ledger/types.js';

export const METRICS: MetricSpec[] = [
  { name: 'score', goal: 'maximize', extract: { kind: 'line' } },
  { name: 'size', goal: 'minimize', max: 900, extract: { kind: 'line' } },
];

/** Status of experiment n (n >= 1): mostly discards, some keeps, a few of every other kind. */
function statusOf(n: number): Status {
  if (n % 97 === 0) return 'crash';
  if (n % 89 === 0) return 'timeout';
  if (n % 83 === 0) return 'invalid';
  if (n % 41 === 0) return 'explore';
  if (n % 9 === 0) return 'keep';
  return 'discard';
}

/** `count` rows (experiment 0 the baseline) and their records; the score climbs slowly with noise. */
export function syntheticLedger(count: number): { rows: LedgerRow[]; records: ExperimentRecord[] } {
  const rows: LedgerRow[] = [];
  const records: ExperimentRecord[] = [];
  let incumbent = 50;
  for (let n = 0; n < count; n++) {
    const status: Status = n === 0 ? 'keep' : statusOf(n);
    const noise = Math.sin(n * 12.9898) * 43758.5453;
    const jitter = noise - Math.floor(noise); // deterministic, in [0, 1)
    let score: number | undefined;
    if (status === 'keep' && n > 0) score = incumbent + 0.05 + jitter * 0.1;
    else if (status === 'discard' || status === 'explore') score = incumbent - jitter * 5;
    else if (n === 0) score = incumbent;
    if (status === 'keep' && score !== undefined) incumbent = score;
    const size = score === undefined ? undefined : Math.round(300 + jitter * 600);
    const description = n === 0 ? 'baseline' : `try variant ${n} <b>&amp; "quoted"</b>`;
    const metrics: Record<string, number> = {};
    if (score !== undefined) metrics.score = score;
    if (size !== undefined) metrics.size = size;
    const commit = (0x1000000 + n).toString(16).slice(-7);
    rows.push({ experiment: n, commit, metrics: { score, size }, status, description });
    records.push({
      experiment: n,
      commit,
      parent: 'abcdef0',
      timestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
      status,
      reason:
        n === 0 ? 'baseline' : status === 'keep' ? 'improved' : status === 'discard' ? 'not better' : status,
      description,
      metrics,
      samples: {},
      wall_time_s: 1,
      diff_lines: n === 0 ? 0 : 2,
      patch:
        n === 0
          ? ''
          : `--- a/params.txt\n+++ b/params.txt\n@@ -1 +1 @@\n-x=${n - 1}\n+x=${n} </script><!-- \n`,
      tokens: { input: 100, output: 20 },
      cost_usd: 0.001,
      proposer: 'command',
    });
  }
  return { rows, records };
}
