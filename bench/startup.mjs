// Start-up: process start → the first experiment starting (no setup command). Goal: <= 300 ms.
//
// The proposer of experiment 1 writes `date +%s%N` the moment it starts; the bench takes the wall clock
// just before spawn(). The incumbent's baseline measurement necessarily comes first, so the eval also
// stamps each start: the report gives spawn → baseline eval starts → first proposal starts → exit, and
// from separate runs with a stamping git shim, spawn → first git process (≈ the bundle has loaded) and
// the git processes before each. The eval and the proposer are as cheap as a shell can make them.
// Measured for the CLI (`autoexp run` in a repository) and the action (dist/index.js in a shallow
// checkout of a bare origin, pushing there, create-pr false, so no API is needed). Also: dist sizes.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CLI, IDENTITY, ROOT, makeRepo, median, sh } from './lib.mjs';

export const ACTION = join(ROOT, 'dist', 'index.js');
export const GOAL_MS = 300;

/** Wall-clock milliseconds with sub-millisecond precision, comparable with `date +%s%N`. */
const wallClockMs = () => performance.timeOrigin + performance.now();

/** The `date +%s%N` lines of a stamp file, in milliseconds. */
function stampsMs(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => Number(BigInt(line) / 1000n) / 1000);
}

/**
 * A `git` first on PATH that stamps each start into `<dir>/git`, then runs the real git: when the bundle
 * has loaded and the first git process starts, and how many git processes come before each milestone.
 */
function gitStampShim(dir) {
  const realGit = sh(ROOT, 'command -v git').trim();
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'git'), `#!/bin/sh\ndate +%s%N >> "${dir}/git"\nexec ${realGit} "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return bin;
}

/** A project whose eval and proposer stamp their starts into `stamps`. */
function startupProject(stamps) {
  return makeRepo({
    'score.txt': 'score: 1\n',
    'autoexp.yml': `tag: startup
scope:
  modify: [score.txt]
eval:
  command: ${JSON.stringify(`date +%s%N >> ${stamps}/eval; cat score.txt`)}
metrics:
  - name: score
    goal: maximize
budget:
  experiments: 1
proposer:
  kind: command
  run: ${JSON.stringify(`date +%s%N > ${stamps}/propose; echo 'score: 2' > score.txt`)}
`,
  });
}

/**
 * One start: spawns `args` in `cwd`, waits for the exit, reads the stamps. With `bin` (the git shim
 * first on PATH) it also counts git processes; the shim costs a shell and a `date` per git process, so
 * the timings come from runs without it.
 */
function measureOnce({ cwd, args, env, stamps, bin }) {
  const path = bin ? `${bin}:${env.PATH}` : env.PATH;
  const start = wallClockMs();
  const result = spawnSync(process.execPath, args, { cwd, env: { ...env, PATH: path }, encoding: 'utf8' });
  const exit = wallClockMs();
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  const [baselineEval] = stampsMs(join(stamps, 'eval'));
  const [firstProposal] = stampsMs(join(stamps, 'propose'));
  if (bin) {
    const git = stampsMs(join(stamps, 'git'));
    return {
      firstGitMs: git[0] - start,
      gitBeforeBaseline: git.filter((at) => at < baselineEval).length,
      gitBeforeFirstProposal: git.filter((at) => at < firstProposal).length,
      gitTotal: git.length,
    };
  }
  return {
    baselineEvalMs: baselineEval - start,
    firstProposalMs: firstProposal - start,
    exitMs: exit - start,
  };
}

/** A fresh scratch directory for one run's stamps, and the git shim when counting. */
function scratch(countGit) {
  const stamps = mkdtempSync(join(tmpdir(), 'autoexp-startup-'));
  return { stamps, bin: countGit ? gitStampShim(stamps) : undefined };
}

function cliRun(countGit) {
  const { stamps, bin } = scratch(countGit);
  const cwd = startupProject(stamps);
  return measureOnce({ cwd, args: [CLI, 'run'], env: { ...process.env, ...IDENTITY }, stamps, bin });
}

function actionRun(countGit) {
  const { stamps, bin } = scratch(countGit);
  const project = startupProject(stamps);
  const origin = `${project}.git`;
  sh(project, `git clone -q --bare . ${origin}`);
  const runner = mkdtempSync(join(tmpdir(), 'autoexp-startup-runner-'));
  const workspace = join(runner, 'work');
  sh(runner, `git clone -q --depth 1 --branch main file://${origin} ${workspace}`);
  mkdirSync(join(runner, 'home'));
  writeFileSync(join(runner, 'output'), '');
  return measureOnce({
    cwd: workspace,
    args: [ACTION],
    // As the runner starts it, without a git identity (the action sets its own) and without
    // GITHUB_REPOSITORY (no API client at all). It pushes to the bare origin after every record.
    env: {
      PATH: process.env.PATH,
      HOME: join(runner, 'home'),
      GIT_CONFIG_NOSYSTEM: '1',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_OUTPUT: join(runner, 'output'),
      RUNNER_TEMP: runner,
      'INPUT_CREATE-PR': 'false',
    },
    stamps,
    bin,
  });
}

/** `node -e 0`: what any Node program pays before its first line. */
function bareNode() {
  const start = wallClockMs();
  spawnSync(process.execPath, ['-e', '0']);
  return { exitMs: wallClockMs() - start };
}

function medians(samples) {
  const keys = Object.keys(samples[0]);
  return Object.fromEntries(keys.map((key) => [key, +median(samples.map((s) => s[key])).toFixed(1)]));
}

/** Medians of `runs` timed starts and of `runs` counted ones, after one start that warms the file cache. */
function sample(fn, runs) {
  fn(false);
  const timed = medians(Array.from({ length: runs }, () => fn(false)));
  const counted = medians(Array.from({ length: runs }, () => fn(true)));
  return { ...timed, ...counted, within_goal: timed.firstProposalMs <= GOAL_MS };
}

function distSize(file) {
  const bytes = readFileSync(file);
  return { bytes: statSync(file).size, gzip_bytes: gzipSync(bytes, { level: 9 }).length };
}

export function benchStartup({ runs = 7 } = {}) {
  const cli = sample(cliRun, runs);
  const action = sample(actionRun, runs);
  return {
    goal_ms: GOAL_MS,
    runs,
    node_bare_ms: medians(Array.from({ length: runs }, bareNode)).exitMs,
    cli,
    action,
    dist: { 'dist/cli.js': distSize(CLI), 'dist/index.js': distSize(ACTION) },
  };
}
