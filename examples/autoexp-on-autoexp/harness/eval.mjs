// The outer eval: runs whole inner autoexp sessions with the strategy in strategy.yaml and prints the mean
// normalised regret they reach, `regret: <r>` (0 is every optimum found, 1 no progress at all).
//
// For each problem and seed in inner.json: a new git repository in a temp dir with the problem's config
// file, this harness's problem-eval.mjs and an autoexp.yml built from the strategy; `autoexp run` (offline:
// mutate, no remote, no PR); then the best experiment in its results.tsv, scored by the problem's true,
// noise-free value. Runs go two at a time (or as many as there are cores, if fewer).
//
// How autoexp is started: the AUTOEXP_CLI variable when it is set, else the line in autoexp-command.txt
// (`autoexp demo` writes the CLI it runs from there), e.g. `node /path/to/autoexp/dist/cli.js`.
// INNER_EVALS, INNER_SEEDS and INNER_PROBLEMS (comma-separated) override inner.json, for a quick try.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalisedRegret, PROBLEMS, problemNamed, trueValue } from './problems.mjs';

const HARNESS = dirname(fileURLToPath(import.meta.url));
const INNER_TAG = 'inner';

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** strategy.yaml: `key: number` lines, every key required, each in its range. */
function readStrategy(path) {
  const text = readFileSync(path, 'utf8');
  const values = {};
  for (const match of text.matchAll(/^([a-z_]+):\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*(?:#.*)?$/gm))
    values[match[1]] = Number(match[2]);
  const read = (key, { min, max, integer }) => {
    const value = values[key];
    if (value === undefined || !Number.isFinite(value)) fail(`${path}: ${key} is missing or not a number`);
    if (integer && !Number.isInteger(value)) fail(`${path}: ${key} must be a whole number, not ${value}`);
    if (value < min || value > max) fail(`${path}: ${key} must be from ${min} to ${max}, not ${value}`);
    return value;
  };
  return {
    tree: read('tree', { min: 0, max: Infinity }) >= 0.5,
    exploreEvery: read('explore_every', { min: 0, max: 1000, integer: true }),
    repeats: read('repeats', { min: 1, max: 10, integer: true }),
    step: read('step', { min: 0.01, max: 4 }),
    jump: read('jump', { min: 1, max: 100 }),
  };
}

function readBudget() {
  const budget = JSON.parse(readFileSync(join(HARNESS, 'inner.json'), 'utf8'));
  const list = (variable, fallback, convert) =>
    process.env[variable]?.trim()
      ? process.env[variable].split(',').map((item) => convert(item.trim()))
      : fallback;
  const evals = list('INNER_EVALS', [budget.evals], Number)[0];
  const seeds = list('INNER_SEEDS', budget.seeds, Number);
  const problems = list('INNER_PROBLEMS', budget.problems, String);
  if (!(Number.isInteger(evals) && evals >= 1))
    fail(`the inner budget of eval runs must be a whole number ≥ 1, not ${evals}`);
  const badSeed = seeds.find((seed) => !Number.isInteger(seed));
  if (badSeed !== undefined) fail(`an inner seed must be a whole number, not ${badSeed}`);
  const names = PROBLEMS.map((problem) => problem.name);
  const unknown = problems.find((name) => !names.includes(name));
  if (unknown !== undefined) fail(`no problem "${unknown}"; the problems are ${names.join(', ')}`);
  return { evals, seeds, problems: problems.map(problemNamed) };
}

function autoexpCommand() {
  const fromEnv = process.env.AUTOEXP_CLI?.trim();
  if (fromEnv) return fromEnv;
  const line = readFileSync(join(HARNESS, 'autoexp-command.txt'), 'utf8')
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text !== '' && !text.startsWith('#'));
  if (!line) fail('harness/autoexp-command.txt names no command; set AUTOEXP_CLI to how you start autoexp');
  return line;
}

/** The inner session's autoexp.yml: the strategy, on one problem, with a budget of `evals` eval runs. */
function innerConfig(strategy, problem, seed, evals) {
  return [
    `tag: ${INNER_TAG}`,
    'scope:',
    `  modify: [${problem.file}]`,
    'eval:',
    `  command: node eval/problem-eval.mjs ${problem.name}`,
    '  timeout: 30s',
    `  repeats: ${strategy.repeats}`,
    'metrics:',
    '  - name: value',
    '    goal: minimize',
    `search: ${strategy.tree ? 'tree' : 'hill'}`,
    // search: tree keeps worse experiments as nodes already, and refuses explore.every.
    ...(strategy.tree ? [] : ['explore:', `  every: ${strategy.exploreEvery}`]),
    'budget:',
    `  experiments: ${Math.max(1, Math.floor(evals / strategy.repeats))}`,
    'proposer:',
    '  kind: mutate',
    `  seed: ${seed}`,
    `  step: ${strategy.step}`,
    `  jump: ${strategy.jump}`,
    'pr:',
    '  enabled: false',
    '',
  ].join('\n');
}

/** Git and autoexp in the inner repository: no identity, config or hooks from the machine, own trees. */
function innerEnvironment(root) {
  const env = {};
  for (const [name, value] of Object.entries(process.env))
    if (!name.startsWith('GIT_') && !name.startsWith('AUTOEXP_')) env[name] = value;
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'autoexp inner',
    GIT_AUTHOR_EMAIL: 'inner@autoexp.invalid',
    GIT_COMMITTER_NAME: 'autoexp inner',
    GIT_COMMITTER_EMAIL: 'inner@autoexp.invalid',
    AUTOEXP_TREES: join(root, 'trees'),
  };
}

function run(file, args, options) {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

/** One inner session; its best experiment's regret, and a line about it. */
async function innerSession(command, strategy, problem, seed, evals) {
  const root = mkdtempSync(join(tmpdir(), 'autoexp-inner-'));
  try {
    const repo = join(root, 'repo');
    mkdirSync(join(repo, 'eval'), { recursive: true });
    for (const file of ['problems.mjs', 'problem-eval.mjs'])
      cpSync(join(HARNESS, file), join(repo, 'eval', file));
    writeFileSync(join(repo, problem.file), problem.start);
    writeFileSync(join(repo, 'autoexp.yml'), innerConfig(strategy, problem, seed, evals));
    const env = innerEnvironment(root);
    const git = (...args) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', `${problem.name}, seed ${seed}`);

    const session = await run('bash', ['-c', `${command} run`], { cwd: repo, env });
    if (session.code !== 0) {
      throw new Error(`\`${command} run\` exited ${session.code}:\n${session.output.slice(-3000)}`);
    }
    const results = git('show', `autoexp/${INNER_TAG}:.autoexp/${INNER_TAG}/results.tsv`);
    const rows = results
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    // experiment, commit, value, status, description: the best measured among what was kept.
    const kept = rows.filter((row) => row[3] === 'keep' || row[3] === 'explore');
    const best = kept.reduce((a, b) => (Number(b[2]) < Number(a[2]) ? b : a));
    const value = trueValue(problem, git('show', `${best[1]}:${problem.file}`));
    const regret = normalisedRegret(problem, value);
    const statuses = rows.slice(1).map((row) => row[3]);
    const tally = ['keep', 'explore', 'discard', 'crash', 'timeout', 'invalid']
      .map((status) => [status, statuses.filter((found) => found === status).length])
      .filter(([, count]) => count > 0)
      .map(([status, count]) => `${count} ${status}`)
      .join(', ');
    return {
      regret,
      line: `${problem.name} seed ${seed}: ${rows.length - 1} experiments (${tally}); best #${best[0]}, value ${value.toPrecision(6)}, regret ${regret.toPrecision(4)}`,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const strategy = readStrategy('strategy.yaml');
const budget = readBudget();
const command = autoexpCommand();
const jobs = budget.problems.flatMap((problem) => budget.seeds.map((seed) => ({ problem, seed })));
console.log(
  `strategy: search ${strategy.tree ? 'tree' : 'hill'}, explore every ${strategy.exploreEvery}, ` +
    `repeats ${strategy.repeats}, step ${strategy.step}, jump ${strategy.jump}; ` +
    `${jobs.length} inner sessions of ${budget.evals} eval runs`,
);

const results = new Array(jobs.length);
let next = 0;
const worker = async () => {
  while (next < jobs.length) {
    const index = next++;
    const { problem, seed } = jobs[index];
    results[index] = await innerSession(command, strategy, problem, seed, budget.evals).catch((error) => ({
      error: `${problem.name} seed ${seed}: ${error.message}`,
    }));
  }
};
await Promise.all(Array.from({ length: Math.min(2, availableParallelism(), jobs.length) }, worker));
const failed = results.find((result) => result.error);
if (failed) fail(failed.error);
for (const result of results) console.log(result.line);
// What each inner session reached, kept with the experiment's record and shown to the next proposals.
if (process.env.AUTOEXP_FEEDBACK_FILE) {
  writeFileSync(process.env.AUTOEXP_FEEDBACK_FILE, results.map((result) => `${result.line}\n`).join(''));
}
console.log(`regret: ${results.reduce((sum, result) => sum + result.regret, 0) / results.length}`);
