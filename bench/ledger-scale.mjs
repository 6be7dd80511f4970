// Does an experiment cost more with 10,000 earlier ledger rows than with none? Goal: <= 1.1x.
// Per-experiment cost by difference of a long and a short session, as in overhead.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BENCH_EVALUATE, CLI, IDENTITY, benchConfig, makeRepo, sh, timed } from './lib.mjs';
import { timeBashLoop } from './overhead.mjs';

// A cheap, deterministic proposer, so that the ledger's size is the only difference between runs: the
// n-th candidate of a session proposes the same values whatever the experiment's number
// (BENCH_FIRST_CANDIDATE is the number the session's first candidate gets).
const PROPOSE = `n=$((AUTOEXP_EXPERIMENT - BENCH_FIRST_CANDIDATE + 1))
sed -i "s/^a: .*/a: $((n % 97))/; s/^b: .*/b: $((n % 89))/" params.yaml
`;

/** The baseline's score with params a: 10, b: 20 (BENCH_EVALUATE): the seeded ledger's incumbent too. */
const BASELINE_SCORE = -1069;

/**
 * Earlier row `n`: the incumbent is what a new ledger's baseline measures and every earlier candidate is
 * worse, so that the sessions of both arms keep and discard the same candidates.
 */
function seededRow(n) {
  return {
    status: n === 0 ? 'keep' : 'discard',
    description: n === 0 ? 'baseline' : `try a=${n % 97} b=${n % 89}`,
    score: n === 0 ? BASELINE_SCORE : BASELINE_SCORE - n,
  };
}

/** results.tsv with `rows` earlier rows. */
function tsvRows(rows) {
  const lines = ['experiment\tcommit\tscore\tstatus\tdescription'];
  for (let n = 0; n < rows; n++) {
    const { status, description, score } = seededRow(n);
    lines.push(`${n}\tabc1234\t${score}\t${status}\t${description}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Commits a ledger of `rows` experiments on autoexp/bench, as earlier sessions would have left it. */
function seedLedger(root, rows) {
  if (rows === 0) return;
  sh(root, 'git checkout -q -b autoexp/bench');
  const dir = join(root, '.autoexp', 'bench');
  mkdirSync(join(dir, 'experiments'), { recursive: true });
  const chunks = new Map();
  for (let n = 0; n < rows; n++) {
    const { status, description, score } = seededRow(n);
    const record = {
      experiment: n,
      commit: 'abc1234',
      parent: 'abc1234',
      timestamp: new Date(0).toISOString(),
      status,
      reason: n === 0 ? 'baseline' : 'not better',
      description,
      metrics: { score },
      samples: { score: [score] },
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
  writeFileSync(join(dir, 'results.tsv'), tsvRows(rows));
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
      // With no earlier rows the baseline is experiment 0 and the first candidate 1.
      env: { ...process.env, ...IDENTITY, BENCH_FIRST_CANDIDATE: String(rows === 0 ? 1 : rows) },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(result.stderr);
  }).ms;
}

/**
 * The floor git sets: the bare bash loop of overhead.mjs, its results.tsv holding `rows` rows first. Every
 * record commit stores the whole file again (hashed and compressed), whoever makes it.
 */
function bashLoop(rows, experiments) {
  const root = makeRepo({ 'params.yaml': 'a: 10\nb: 20\n', 'evaluate.sh': BENCH_EVALUATE });
  // The same rows, byte for byte, as the ledger seedLedger writes.
  if (rows > 0) {
    writeFileSync(join(root, 'results.tsv'), tsvRows(rows));
    sh(root, 'git add results.tsv && git commit -q -m "earlier rows"');
  }
  return timeBashLoop(root, experiments);
}

export function benchLedgerScale({ short = 2, long = 32, rounds = 3 } = {}) {
  const perExperiment = (run, rows) => {
    const samples = [];
    for (let round = 0; round < rounds; round++)
      samples.push((run(rows, long) - run(rows, short)) / (long - short));
    return Math.min(...samples);
  };
  const empty = perExperiment(session, 0);
  const full = perExperiment(session, 10_000);
  const loopEmpty = perExperiment(bashLoop, 0);
  const loopFull = perExperiment(bashLoop, 10_000);
  return {
    ms_per_experiment_empty_ledger: +empty.toFixed(1),
    ms_per_experiment_10000_rows: +full.toFixed(1),
    ratio: +(full / empty).toFixed(2),
    bash_loop_ms_per_experiment_empty: +loopEmpty.toFixed(1),
    bash_loop_ms_per_experiment_10000_rows: +loopFull.toFixed(1),
    bash_loop_extra_ms_at_10000_rows: +(loopFull - loopEmpty).toFixed(1),
    autoexp_extra_ms_at_10000_rows: +(full - empty).toFixed(1),
  };
}
