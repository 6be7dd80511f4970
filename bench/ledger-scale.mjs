// Does an experiment cost more with 10,000 earlier ledger rows than with none? Goal: <= 1.1x.
// Per-experiment cost by difference of a long and a short session, as in overhead.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BENCH_EVALUATE, CLI, IDENTITY, benchConfig, makeRepo, sh, timed } from './lib.mjs';

// A cheap, deterministic proposer, so that the ledger's size is the only difference between runs.
const PROPOSE = `sed -i "s/^a: .*/a: $((AUTOEXP_EXPERIMENT % 97))/; s/^b: .*/b: $((AUTOEXP_EXPERIMENT % 89))/" params.yaml
`;

/** Commits a ledger of `rows` experiments on autoexp/bench, as earlier sessions would have left it. */
function seedLedger(root, rows) {
  if (rows === 0) return;
  sh(root, 'git checkout -q -b autoexp/bench');
  const dir = join(root, '.autoexp', 'bench');
  mkdirSync(join(dir, 'experiments'), { recursive: true });
  const tsv = ['experiment\tcommit\tscore\tstatus\tdescription'];
  const chunks = new Map();
  for (let n = 0; n < rows; n++) {
    const status = n === 0 ? 'keep' : 'discard';
    const description = n === 0 ? 'baseline' : `try a=${n % 97} b=${n % 89}`;
    tsv.push(`${n}\tabc1234\t${-n}\t${status}\t${description}`);
    const record = {
      experiment: n,
      commit: 'abc1234',
      parent: 'abc1234',
      timestamp: new Date(0).toISOString(),
      status,
      reason: n === 0 ? 'baseline' : 'not better',
      description,
      metrics: { score: -n },
      samples: { score: [-n] },
      wall_time_s: 0.01,
      diff_lines: 2,
      patch: '--- a/params.yaml\n+++ b/params.yaml\n@@ -1 +1 @@\n-a: 1\n+a: 2\n',
      tokens: { input: 0, output: 0 },
      cost_usd: 0,
      proposer: 'command',
    };
    const chunk = String(Math.floor(n / 1000)).padStart(4, '0');
    if (!chunks.has(chunk)) chunks.set(chunk, []);
    chunks.get(chunk).push(JSON.stringify(record));
  }
  writeFileSync(join(dir, 'results.tsv'), `${tsv.join('\n')}\n`);
  for (const [chunk, lines] of chunks)
    writeFileSync(join(dir, 'experiments', `${chunk}.jsonl`), `${lines.join('\n')}\n`);
  sh(root, 'git add -A && git commit -q -m "earlier sessions" && git checkout -q main');
}

/** A project whose autoexp/bench branch already holds `rows` ledger rows. */
export function ledgerProject(rows) {
  const root = makeRepo({
    'params.yaml': 'a: 10\nb: 20\n',
    'evaluate.sh': BENCH_EVALUATE,
    'propose.sh': PROPOSE,
    'autoexp.yml': benchConfig(1000, '  kind: command\n  run: bash propose.sh'),
  });
  seedLedger(root, rows);
  return root;
}

function session(rows, experiments) {
  const root = ledgerProject(rows);
  return timed(() => {
    const result = spawnSync(process.execPath, [CLI, 'run', '--experiments', String(experiments)], {
      cwd: root,
      env: { ...process.env, ...IDENTITY },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(result.stderr);
  }).ms;
}

export function benchLedgerScale({ short = 2, long = 32, rounds = 3 } = {}) {
  const perExperiment = (rows) => {
    const samples = [];
    for (let round = 0; round < rounds; round++)
      samples.push((session(rows, long) - session(rows, short)) / (long - short));
    return Math.min(...samples);
  };
  const empty = perExperiment(0);
  const full = perExperiment(10_000);
  return {
    ms_per_experiment_empty_ledger: +empty.toFixed(1),
    ms_per_experiment_10000_rows: +full.toFixed(1),
    ratio: +(full / empty).toFixed(2),
  };
}
