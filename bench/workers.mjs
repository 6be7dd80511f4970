// Workers 1, 2 and 4 (docs/scale.md), on a sleep-bound eval (1 s of waiting, no CPU: parallel runs do not
// compete) and a CPU-bound one (a fixed amount of work, about 1 s of one core, on this 2-core machine).
//
// Throughput: every candidate is a discard (the metric never moves), so no candidate goes stale and the
// numbers show the parallelism alone. Per-experiment time = (long session - short session) / extra
// experiments, so start-up and the baseline cancel out. Goal: >= 3.5x at 4 workers on the sleep eval.
//
// Search: mutate on five knobs in one file (adjacent lines, so a keep makes the other candidates in
// flight conflict), 12 experiments: wall time, wasted experiments (invalid, no change, or a content
// measured before) and the score gained per wall-clock minute.
import { makeRepo, runCli, sh, timed } from './lib.mjs';

const WORK = {
  sleep: 'sleep 1',
  // A fixed amount of work (about 1 s of one core here), not a fixed time: parallel runs share 2 cores.
  cpu: 'node -e "let x=0; for (let i=0;i<4e8;i++) x+=i%7; if (x<0) console.log(x)"',
};

function config(workers, experiments, evalCommand) {
  return `tag: bench\nworkers: ${workers}\nscope:\n  modify: [params.yaml]\neval:\n  command: ${evalCommand}\nmetrics:\n  - name: score\n    goal: maximize\nbudget:\n  experiments: ${experiments}\n  consecutive-crashes: 1000\nproposer:\n  kind: mutate\n  seed: 5\n`;
}

function throughputSession(kind, workers, experiments) {
  const root = makeRepo({
    'params.yaml': 'a: 10\nb: 20\n',
    'evaluate.sh': `if [ "$AUTOEXP_EXPERIMENT" != incumbent ]; then ${WORK[kind]}; fi; echo "score: 1"`,
    'autoexp.yml': config(workers, experiments, 'bash evaluate.sh'),
  });
  return timed(() => runCli(root, ['run'])).ms;
}

function throughput() {
  const results = {};
  for (const kind of Object.keys(WORK)) {
    const perHour = {};
    for (const workers of [1, 2, 4]) {
      const short = throughputSession(kind, workers, workers);
      const long = throughputSession(kind, workers, workers * 4);
      const msPerExperiment = (long - short) / (workers * 3);
      perHour[`workers ${workers}`] = Math.round(3_600_000 / msPerExperiment);
    }
    const one = perHour['workers 1'];
    results[kind] = {
      experimentsPerHour: perHour,
      speedup: Object.fromEntries(
        Object.entries(perHour).map(([key, value]) => [key, Math.round((value / one) * 100) / 100]),
      ),
    };
  }
  return results;
}

const SEARCH_EXPERIMENTS = 12;
const SEARCH_EVAL = `if [ "$AUTOEXP_EXPERIMENT" != incumbent ]; then WORK; fi
v() { sed -n "s/^$1: //p" params.yaml; }
echo "score: $(( 10000 - ($(v a) - 17) ** 2 - ($(v b) - 31) ** 2 - ($(v c) - 12) ** 2 - ($(v d) - 55) ** 2 - ($(v e) - 50) ** 2 ))"
`;

function searchSession(kind, workers) {
  const root = makeRepo({
    'params.yaml': 'a: 10\nb: 20\nc: 30\nd: 40\ne: 50\n',
    'evaluate.sh': SEARCH_EVAL.replace('WORK', WORK[kind]),
    'autoexp.yml': config(workers, SEARCH_EXPERIMENTS, 'bash evaluate.sh'),
  });
  const { ms } = timed(() => runCli(root, ['run']));
  const records = sh(root, 'git show autoexp/bench:.autoexp/bench/experiments/0000.jsonl')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const seen = new Set();
  let wasted = 0;
  for (const record of records) {
    const repeat = record.scope_hash !== undefined && seen.has(record.scope_hash);
    if (record.status === 'invalid' || record.reason === 'no change' || repeat) wasted++;
    if (record.scope_hash !== undefined) seen.add(record.scope_hash);
  }
  const baseline = records[0].metrics.score;
  const best = Math.max(...records.filter((record) => record.status === 'keep').map((r) => r.metrics.score));
  return {
    wallSeconds: Math.round(ms / 100) / 10,
    wasted,
    best,
    gainPerMinute: Math.round(((best - baseline) / (ms / 60_000)) * 10) / 10,
  };
}

function search() {
  const results = {};
  for (const kind of Object.keys(WORK)) {
    results[kind] = {};
    for (const workers of [1, 2, 4]) results[kind][`workers ${workers}`] = searchSession(kind, workers);
  }
  return results;
}

export function benchWorkers() {
  return { throughput: throughput(), search: search() };
}

/** The search half as a table: one row per eval and worker count. */
export function workersTable(results) {
  const lines = [
    `mutate, ${SEARCH_EXPERIMENTS} experiments, five knobs (baseline score 9281, best possible 10000):`,
    'eval   workers  wall s  wasted  best   score gained per minute',
  ];
  for (const [kind, byWorkers] of Object.entries(results.search)) {
    for (const [workers, row] of Object.entries(byWorkers)) {
      lines.push(
        `${kind.padEnd(7)}${workers.replace('workers ', '').padStart(7)}${String(row.wallSeconds).padStart(8)}` +
          `${String(row.wasted).padStart(8)}${String(row.best).padStart(7)}${String(row.gainPerMinute).padStart(9)}`,
      );
    }
  }
  return lines.join('\n');
}
