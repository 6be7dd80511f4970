// Overhead per experiment: autoexp vs a bare bash loop doing the same git work with the same eval.
// Per-experiment cost = (time of a long session - time of a short one) / extra experiments, for both,
// so start-up costs (node, worktree, baseline) cancel out. Goal: ratio <= 1.3.
// Beside them, the floor: the bare loop plus every process autoexp's checks start, still from bash, and
// node's price of starting that many processes (see benchOverhead).
import { BENCH_EVALUATE, CLI, IDENTITY, benchConfig, gitCountingShim, makeRepo, sh, timed } from './lib.mjs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/**
 * The bare loop with the processes autoexp's checks add, each as autoexp starts it: a status after the
 * proposal (ignored files included), the candidate committed with `commit -a`, a clean, the eval as
 * `evaluate` runs it (in the namespace autoexp would use), a status after it, a discard's
 * `reset --keep`, and the record committed with `--include`.
 */
export const CHECKED_LOOP = (n, evaluate) => `
status() { git status --porcelain=v2 --branch -z --untracked-files=all --no-renames --ignored=matching >/dev/null; }
for i in $(seq 1 ${n}); do
  sed -i "s/^a: .*/a: $((10 + i))/" params.yaml
  status
  git commit -q -a --no-verify -m "candidate $i"
  git clean -ffdq
  out=$(${evaluate})
  status
  git reset -q --keep HEAD~1
  printf '%s\\t%s\\n' "$i" "$out" >> results.tsv
  git commit -q --no-verify -m "record $i" --include -- results.tsv
done
`;

/** A word for bash: `value` in single quotes. */
const quoted = (value) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * The shell words that run `bash evaluate.sh` as autoexp runs an eval: through `invocation` (the
 * namespace's prefix and the environment on stdin, from src/measure/sandbox.ts), or plainly without one.
 */
function evalCommand(invocation) {
  if (!invocation) return 'bash evaluate.sh';
  const input = join(mkdtempSync(join(tmpdir(), 'autoexp-bench-env-')), 'environment');
  writeFileSync(input, invocation.input);
  return `${[invocation.file, ...invocation.args].map(quoted).join(' ')} < ${quoted(input)}`;
}

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

function checkedLoop(n, evaluate) {
  const root = project(n);
  sh(
    root,
    'git checkout -q -b bench-loop && touch results.tsv && git add results.tsv && git commit -q -m start',
  );
  return timed(() => sh(root, CHECKED_LOOP(n, evaluate))).ms;
}

/**
 * autoexp's experiment against the bare loop, and the floor under their ratio: the checked loop (from
 * bash) plus node's extra price of starting as many processes as autoexp starts per experiment
 * (`spawnPremiumMs` each, measured by the caller; the eval's namespace is one process started from node).
 * `evalInvocation`: how autoexp would start `bash evaluate.sh` here.
 */
export function benchOverhead({ short = 2, long = 42, rounds = 3, evalInvocation, spawnPremiumMs } = {}) {
  const extra = long - short;
  const perExperiment = (fn) => {
    const samples = [];
    for (let round = 0; round < rounds; round++) samples.push((fn(long) - fn(short)) / extra);
    return Math.min(...samples);
  };
  // Interleave the two so that machine noise hits both alike.
  const autoexpMs = perExperiment(autoexpSession);
  const bashMs = perExperiment(bashLoop);
  const evaluate = evalCommand(evalInvocation);
  const checkedMs = perExperiment((n) => checkedLoop(n, evaluate));

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

  const floorMs =
    spawnPremiumMs === undefined ? undefined : checkedMs + (autoexpGitPerExperiment + 1) * spawnPremiumMs;
  return {
    autoexp_ms_per_experiment: +autoexpMs.toFixed(1),
    bash_loop_ms_per_experiment: +bashMs.toFixed(1),
    ratio: +(autoexpMs / bashMs).toFixed(2),
    autoexp_git_processes_per_experiment: +autoexpGitPerExperiment.toFixed(2),
    bash_loop_git_processes_per_experiment: +bashGitPerExperiment.toFixed(2),
    checked_loop_ms_per_experiment: +checkedMs.toFixed(1),
    eval_in: evalInvocation ? 'the namespace autoexp uses here' : 'no namespace (none can be made here)',
    ...(floorMs === undefined
      ? {}
      : {
          node_extra_ms_per_process: +spawnPremiumMs.toFixed(2),
          floor_ms_per_experiment: +floorMs.toFixed(1),
          floor_ratio: +(floorMs / bashMs).toFixed(2),
        }),
  };
}
