// Experiments per hour with workers 1, 2 and 4 (docs/scale.md), on a sleep-bound eval (1 s of waiting, no
// CPU: parallel runs do not compete) and a CPU-bound one (a fixed amount of work, about 1 s of one core,
// on this 2-core machine). Every candidate is a discard (the metric never moves), so no candidate goes stale and the
// numbers show the parallelism alone. Per-experiment time = (long session - short session) / extra
// experiments, so start-up and the baseline cancel out. Goal: >= 3.5x at 4 workers on the sleep eval.
import { makeRepo, runCli, timed } from './lib.mjs';

const EVALS = {
  sleep: 'if [ "$AUTOEXP_EXPERIMENT" != incumbent ]; then sleep 1; fi; echo "score: 1"',
  // A fixed amount of work (about 1 s of one core here), not a fixed time: parallel runs share 2 cores.
  cpu: 'if [ "$AUTOEXP_EXPERIMENT" != incumbent ]; then node -e "let x=0; for (let i=0;i<4e8;i++) x+=i%7; if (x<0) console.log(x)"; fi; echo "score: 1"',
};

function session(kind, workers, experiments) {
  const root = makeRepo({
    'params.yaml': 'a: 10\nb: 20\n',
    'evaluate.sh': EVALS[kind],
    'autoexp.yml': `tag: bench\nworkers: ${workers}\nscope:\n  modify: [params.yaml]\neval:\n  command: bash evaluate.sh\nmetrics:\n  - name: score\n    goal: maximize\nbudget:\n  experiments: ${experiments}\n  consecutive-crashes: 1000\nproposer:\n  kind: mutate\n  seed: 5\n`,
  });
  return timed(() => runCli(root, ['run'])).ms;
}

export function benchWorkers() {
  const results = {};
  for (const kind of Object.keys(EVALS)) {
    const perHour = {};
    for (const workers of [1, 2, 4]) {
      const short = session(kind, workers, workers);
      const long = session(kind, workers, workers * 4);
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
