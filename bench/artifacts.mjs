// An experiment's cost when eval.setup leaves a large directory git ignores in the tree (a virtualenv,
// node_modules): autoexp signs what setup left before and after every proposal (names, sizes, times of
// each file), so that a proposal cannot change it unseen. Per experiment as a 12-experiment session minus
// a 2-experiment one, with a setup that makes 20,000 files under .venv/ and with no setup at all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_EVALUATE, CLI, IDENTITY, makeRepo, timed } from './lib.mjs';

const config = (experiments, setup) => `tag: bench
scope:
  modify: [params.yaml]
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

/** 100 directories of `files / 100` empty files each. */
const SETUP = (files) =>
  `mkdir -p .venv && cd .venv && for d in $(seq 0 99); do mkdir -p $d; (cd $d && touch $(seq -f "f%g" 1 ${files / 100})); done\n`;

function session(experiments, files) {
  const root = makeRepo({
    'params.yaml': 'a: 10\nb: 20\n',
    'evaluate.sh': BENCH_EVALUATE,
    'setup.sh': SETUP(files),
    '.gitignore': '.venv/\n',
    'autoexp.yml': config(experiments, files > 0),
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
}

export function benchArtifacts({ short = 2, long = 12, files = 20000 } = {}) {
  const perExperiment = (count) => (session(long, count) - session(short, count)) / (long - short);
  return {
    ms_per_experiment_no_setup: +perExperiment(0).toFixed(1),
    [`ms_per_experiment_setup_dir_of_${files}_files`]: +perExperiment(files).toFixed(1),
  };
}
