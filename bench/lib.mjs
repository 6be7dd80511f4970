// Shared pieces of the benchmarks: temp repositories, a git shim that counts processes, timing.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// AUTOEXP_BENCH_CLI runs another build (e.g. the one before a change, built into a temp dir), so that a
// before/after comparison can alternate the two under the same machine load.
export const CLI = process.env.AUTOEXP_BENCH_CLI ?? join(ROOT, 'dist', 'cli.js');

export const IDENTITY = {
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@autoexp.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@autoexp.invalid',
};

export function sh(cwd, command, env = {}) {
  return execFileSync('bash', ['-c', command], {
    cwd,
    env: { ...process.env, ...IDENTITY, ...env },
    encoding: 'utf8',
  });
}

/** A repository with `files` committed on main. */
export function makeRepo(files) {
  const root = mkdtempSync(join(tmpdir(), 'autoexp-bench-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  sh(root, 'git init -q -b main && git add -A && git commit -q -m initial');
  return root;
}

/** A directory holding a `git` that counts its invocations into `<dir>/count` and runs the real git. */
export function gitCountingShim() {
  const dir = mkdtempSync(join(tmpdir(), 'autoexp-gitshim-'));
  const realGit = execFileSync('bash', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(join(dir, 'git'), `#!/bin/sh\necho "$1 $2 $3" >> "${dir}/count"\nexec ${realGit} "$@"\n`);
  chmodSync(join(dir, 'git'), 0o755);
  writeFileSync(join(dir, 'count'), '');
  return {
    env: { PATH: `${dir}:${process.env.PATH}` },
    reset: () => writeFileSync(join(dir, 'count'), ''),
    count: () => readFileSync(join(dir, 'count'), 'utf8').split('\n').filter(Boolean).length,
    lines: () => readFileSync(join(dir, 'count'), 'utf8').split('\n').filter(Boolean),
  };
}

export function timed(fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export function runCli(cwd, args, env = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, ...IDENTITY, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`autoexp ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The eval both benchmarks use: two numbers read with sed, a score computed by bash (a few ms). */
export const BENCH_EVALUATE = `#!/usr/bin/env bash
a=$(sed -n 's/^a: //p' params.yaml); b=$(sed -n 's/^b: //p' params.yaml)
echo "score: $(( -(a - 40) * (a - 40) - (b - 7) * (b - 7) ))"
`;

/** autoexp.yml for the benchmark project, with `proposer` as YAML lines. */
export function benchConfig(experiments, proposer) {
  return `tag: bench
scope:
  modify: [params.yaml]
eval:
  command: bash evaluate.sh
metrics:
  - name: score
    goal: maximize
budget:
  experiments: ${experiments}
  consecutive-crashes: 1000
proposer:
${proposer}
`;
}
