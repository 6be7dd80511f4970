// An experiment's cost in projects shaped unlike the tiny benchmark project, against that project; per
// experiment as a 12-experiment session minus a 2-experiment one, mutate proposing.
// - artifacts: eval.setup leaves a large directory git ignores in the tree (a virtualenv, node_modules);
//   autoexp signs what setup left before and after every proposal (names, sizes, times of each file), so
//   that a proposal cannot change it unseen.
// - scope: the scope is a directory of thousands of small config files, or one file of 100,000 numbers;
//   mutate reads every scope file at every proposal, and each record holds the candidate's patch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_EVALUATE, CLI, IDENTITY, makeRepo, timed } from './lib.mjs';

const config = (experiments, { setup = false, scope = ['params.yaml'] } = {}) => `tag: bench
scope:
  modify: [${scope.map((glob) => JSON.stringify(glob)).join(', ')}]
eval:
  command: bash evaluate.sh
${setup ? '  setup: bash setup.sh\n' : ''}metrics:
  - name: score
    goal: maximize
budget:
  experiments: ${experiments}
proposer:
  kind: mutate
  seed: 3
`;

/** `files` more files (path -> content) in the benchmark project, and its config's options. */
function perExperiment({ files = {}, options = {} } = {}, { short = 2, long = 12 } = {}) {
  const session = (experiments) => {
    const root = makeRepo({
      'params.yaml': 'a: 10\nb: 20\n',
      'evaluate.sh': BENCH_EVALUATE,
      ...files,
      'autoexp.yml': config(experiments, options),
    });
    const trees = mkdtempSync(join(tmpdir(), 'autoexp-bench-trees-'));
    const { ms } = timed(() => {
      const result = spawnSync(process.execPath, [CLI, 'run'], {
        cwd: root,
        env: { ...process.env, ...IDENTITY, AUTOEXP_TREES: trees },
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(result.stderr);
    });
    rmSync(root, { recursive: true, force: true });
    rmSync(trees, { recursive: true, force: true });
    return ms;
  };
  return +((session(long) - session(short)) / (long - short)).toFixed(1);
}

/** 100 directories of `files / 100` empty files each under .venv/, made by eval.setup. */
const setupDirectory = (files) => ({
  files: {
    '.gitignore': '.venv/\n',
    'setup.sh': `mkdir -p .venv && cd .venv && for d in $(seq 0 99); do mkdir -p $d; (cd $d && touch $(seq -f "f%g" 1 ${files / 100})); done\n`,
  },
  options: { setup: true },
});

/** `files` small YAML files in 50 directories under conf/, all in scope beside params.yaml. */
function wideScope(files) {
  const configs = {};
  for (let n = 0; n < files; n++) configs[`conf/${n % 50}/c${n}.yaml`] = `k: ${n}\nname: x${n}\n`;
  return { files: configs, options: { scope: ['params.yaml', 'conf/**/*.yaml'] } };
}

export function benchArtifacts({ files = 20000 } = {}) {
  return {
    ms_per_experiment_no_setup: perExperiment(),
    [`ms_per_experiment_setup_dir_of_${files}_files`]: perExperiment(setupDirectory(files)),
  };
}

/** A scope file of `lines` lines, a number on each (a table of settings, say), beside params.yaml. */
function longScopeFile(lines) {
  const text = Array.from({ length: lines }, (_, n) => `k${n}: ${n * 3 + 1}\n`).join('');
  return { files: { 'table.yaml': text }, options: { scope: ['params.yaml', 'table.yaml'] } };
}

export function benchWideScope({ files = 2000, lines = 100_000 } = {}) {
  return {
    ms_per_experiment_one_scope_file: perExperiment(),
    [`ms_per_experiment_${files + 1}_scope_files`]: perExperiment(wideScope(files)),
    [`ms_per_experiment_a_scope_file_of_${lines}_numbers`]: perExperiment(longScopeFile(lines)),
  };
}
