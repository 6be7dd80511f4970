// Overhead per experiment: autoexp vs a bare bash loop doing the same git work with the same eval.
// Per-experiment cost = (time of a long session - time of a short one) / extra experiments, for both,
// so start-up costs (node, worktree, baseline) cancel out. Goal: ratio <= 1.3.
import { BENCH_EVALUATE, CLI, IDENTITY, benchConfig, gitCountingShim, makeRepo, sh, timed } from './lib.mjs';
import { spawnSync } from 'node:child_process';

export const BASH_LOOP = (n) => `
for i in $(seq 1 ${n}); do
  sed -i "s/^a: .*/a: $((10 + i))/" params.yaml
  git add -A && git commit -q -m "candidate $i"
  out=$(bash evaluate.sh)
  git reset -q --hard HEAD~1
  printf '%s\\t%s\\n' "$i" "$out" >> results.tsv
  git add results.tsv && git commit -q -m "record $i"
done
`;

function project(n) {
  return makeRepo({
    'params.yaml': 'a: 10\nb: 20\n',
    'evaluate.sh': BENCH_EVALUATE,
    'autoexp.yml': benchConfig(n, '  kind: mutate\n  seed: 3'),
  });
}

/** The bash loop's time for `n` experiments in the repository at `root` (on a branch of its own). */
export function timeBashLoop(root, n, env = {}) {
  sh(root, 'git checkout -q -b bench-loop');
  return timed(() => sh(root, BASH_LOOP(n), env)).ms;
}

function autoexpSession(n, env = {}) {
  const root = project(n);
  return timed(() => {
    const result = spawnSync(process.execPath, [CLI, 'run'], {
      cwd: root,
      env: { ...process.env, ...IDENTITY, ...env },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(result.stderr);
    return result.stdout;
  }).ms;
}

function bashLoop(n, env = {}) {
  return timeBashLoop(project(n), n, env);
}

export function benchOverhead({ short = 2, long = 42, rounds = 3 } = {}) {
  const extra = long - short;
  const perExperiment = (fn) => {
    const samples = [];
    for (let round = 0; round < rounds; round++) samples.push((fn(long) - fn(short)) / extra);
    return Math.min(...samples);
  };
  // Interleave the two so that machine noise hits both alike.
  const autoexpMs = perExperiment(autoexpSession);
  const bashMs = perExperiment(bashLoop);

  const shim = gitCountingShim();
  autoexpSession(short, shim.env);
  const autoexpShort = shim.count();
  shim.reset();
  autoexpSession(long, shim.env);
  const autoexpGitPerExperiment = (shim.count() - autoexpShort) / extra;
  shim.reset();
  bashLoop(short, shim.env);
  const bashShort = shim.count();
  shim.reset();
  bashLoop(long, shim.env);
  const bashGitPerExperiment = (shim.count() - bashShort) / extra;

  return {
    autoexp_ms_per_experiment: +autoexpMs.toFixed(1),
    bash_loop_ms_per_experiment: +bashMs.toFixed(1),
    ratio: +(autoexpMs / bashMs).toFixed(2),
    autoexp_git_processes_per_experiment: +autoexpGitPerExperiment.toFixed(2),
    bash_loop_git_processes_per_experiment: +bashGitPerExperiment.toFixed(2),
  };
}
