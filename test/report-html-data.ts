// Synthetic ledgers for the HTML report tests: every status, two metrics, patches on the kept rows.
import type { MetricSpec } from '../src/config/settings.js';
import type { ExperimentRecord, LedgerRow, Status } from '../src/ledger/types.js';
import type { ReportInput } from '../src/report/markdown.js';

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

/**
 * Two sessions of a cache-tuning program whose memory limit was raised from 400 to 512 between them:
 * #2 was discarded under the old limit at a value the new one allows. Long reasons and descriptions,
 * a metric name too long for a small chart's axis, an LLM proposer with costs, and a crash.
 */
export function twoSessionInput(): ReportInput {
  const metrics: MetricSpec[] = [
    { name: 'hit_rate', goal: 'maximize', extract: { kind: 'line' } },
    { name: 'memory_mb', goal: 'minimize', max: 512, extract: { kind: 'line' } },
    { name: 'p99_latency_ms_under_full_load', goal: 'minimize', extract: { kind: 'line' } },
  ];
  const first = '2025-03-04T21:10:00.000Z';
  const second = '2025-03-06T06:30:00.000Z';
  const plan: Array<
    [LedgerRow['status'], number | undefined, number | undefined, number | undefined, string, string]
  > = [
    ['keep', 0.7412, 310, 41.5, 'baseline', 'baseline'],
    ['keep', 0.753, 322, 40.2, 'improved', 'raise ttl for images to 600s'],
    ['discard', 0.781, 455, 38.9, 'constraint memory_mb>400', 'double the segment count and pin hot keys'],
    ['discard', 0.749, 300, 44.1, 'not better', 'switch eviction to lfu'],
    [
      'crash',
      undefined,
      undefined,
      undefined,
      'exit code 137: the eval was killed (out of memory?) while warming the cache with 4 million synthetic keys; its last lines are in the log tail of this experiment',
      'preload every key the trace mentions at start-up',
    ],
    [
      'keep',
      0.779,
      470,
      39.0,
      'improved',
      'double the segment count and pin hot keys (tried again under the raised limit)',
    ],
    [
      'discard',
      0.79,
      560,
      37.5,
      'constraint memory_mb>512',
      'grow the admission window to 25% of the cache, which keeps more one-hit wonders out of the main segments',
    ],
    [
      'discard',
      0.7795,
      468,
      39.4,
      'guard failed (npm test: 3 of 212 tests failed: cache/evict.test.js "evicts the least recently used entry first", cache/ttl.test.js "expires entries at their ttl", cache/stats.test.js "counts misses")',
      'evict in batches of 64 instead of one at a time',
    ],
    [
      'keep',
      0.8123,
      505,
      36.8,
      'improved',
      'raise the sketch width to 2^16 counters so frequency estimates collide less',
    ],
    ['explore', 0.801, 430, 38.1, 'explore: not better', 'try a segmented lru with three segments'],
  ];
  const rows: LedgerRow[] = [];
  const records: ExperimentRecord[] = [];
  plan.forEach(([status, hitRate, memory, latency, reason, description], n) => {
    const session = n <= 4 ? first : second;
    const commit = (0xa1b2c30 + n * 7919).toString(16).slice(0, 7);
    const values = { hit_rate: hitRate, memory_mb: memory, p99_latency_ms_under_full_load: latency };
    rows.push({ experiment: n, commit, metrics: values, status, description });
    const measured = Object.fromEntries(
      Object.entries(values).filter((entry): entry is [string, number] => entry[1] !== undefined),
    );
    records.push({
      experiment: n,
      commit,
      parent: 'abcdef0',
      timestamp: new Date(Date.parse(session) + n * 7 * 60_000).toISOString(),
      status,
      reason,
      description,
      metrics: measured,
      samples: {},
      wall_time_s: 42.5 + n,
      diff_lines: n === 0 ? 0 : 2,
      patch:
        status === 'keep' && n > 0
          ? `--- a/cache.yml\n+++ b/cache.yml\n@@ -1 +1 @@\n-setting: ${n - 1}\n+setting: ${n}\n`
          : '',
      tokens: { input: n === 0 ? 0 : 12_000, output: n === 0 ? 0 : 800 },
      cost_usd: n === 0 ? 0 : 0.0123,
      proposer: n === 0 ? 'none' : 'llm:openai/gpt-5-mini',
      session,
      limits: { memory_mb: { max: n <= 4 ? 400 : 512 } },
    });
  });
  return {
    tag: 'cache-tuning',
    branch: 'autoexp/cache-tuning',
    base: 'main',
    metrics,
    rows,
    records,
  };
}
