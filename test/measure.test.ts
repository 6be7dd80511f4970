import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MetricSpec } from '../src/config/settings.js';
import {
  cleanEnvironment,
  isGitHubSecret,
  isLlmKey,
  withoutGitHubSecrets,
} from '../src/measure/environment.js';
import { formatDuration, measure } from '../src/measure/measure.js';
import { runCommand, type RunCommandOptions } from '../src/measure/run-command.js';
import { detectContainment, type Containment } from '../src/measure/sandbox.js';
import { killMarked, processesMarked, waitFor } from './helpers/marked-processes.js';

/** Commands run in a PID namespace here unless a test asks for the process-tree kill. */
const namespaced = (await detectContainment()).kind === 'namespace';
const TREE: Containment = { kind: 'process-tree', reason: 'forced by the test' };
/** Both ways a command can be contained (only the process-tree kill where no namespace can be made). */
const CONTAINMENTS = [
  ...(namespaced ? [{ name: 'in a PID namespace', containment: undefined }] : []),
  { name: 'with the process-tree kill', containment: TREE },
];

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) {
    killMarked(`${dir}/`);
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'autoexp-measure-'));
  dirs.push(dir);
  return dir;
}

const BASE_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
const score: MetricSpec = { name: 'score', goal: 'maximize', extract: { kind: 'line' } };

function run(command: string, extra: Partial<RunCommandOptions> = {}) {
  const cwd = extra.cwd ?? tempDir();
  return runCommand({
    command,
    cwd,
    env: BASE_ENV,
    timeoutMs: 10_000,
    logPath: join(cwd, 'eval.log'),
    metrics: [score],
    ...extra,
  });
}

/** `sleep 1000` named <cwd>/<name>: the host finds it by that name, whatever pid it has in a namespace. */
function markedSleep(name: string): string {
  return `bash -c 'exec -a "$0" sleep 1000' "$PWD/${name}"`;
}

describe('runCommand', () => {
  it('writes its log only into a plain file of its own: a link, a directory or a FIFO an earlier command left there goes', async () => {
    const outside = join(tempDir(), 'yours.txt');
    for (const [plant, logMode] of [
      [`ln -s ${outside} eval.log`, 'truncate'],
      [`ln -s ${outside} eval.log`, 'append'],
      [`ln ${outside} eval.log`, 'truncate'],
      [`ln ${outside} eval.log`, 'append'],
      ['mkdir -p eval.log/inside', 'truncate'],
      ['mkfifo eval.log', 'append'],
    ] as const) {
      writeFileSync(outside, 'keep me\n');
      const cwd = tempDir();
      execFileSync('bash', ['-c', plant], { cwd });
      const result = await run('echo "score: 7"', { cwd, logMode });
      expect(result.metrics, plant).toEqual({ score: 7 });
      expect(readFileSync(outside, 'utf8'), plant).toBe('keep me\n');
      const log = lstatSync(join(cwd, 'eval.log'));
      expect(log.isFile() && log.nlink === 1, plant).toBe(true);
      expect(readFileSync(join(cwd, 'eval.log'), 'utf8'), plant).toContain('score: 7');
    }
  });

  it('reports exit codes and signals of the shell', async () => {
    expect(await run('echo "score: 1"; exit 3')).toMatchObject({
      exitCode: 3,
      signal: null,
      metrics: { score: 1 },
    });
    expect(await run('true')).toMatchObject({ exitCode: 0, timedOut: false, aborted: false });
    expect(await run('kill -SEGV $$', { containment: TREE })).toMatchObject({
      exitCode: null,
      signal: 'SIGSEGV',
    });
    // A signal cannot pass a PID namespace's first process: it arrives as 128 + its number.
    if (namespaced) expect(await run('kill -SEGV $$')).toMatchObject({ exitCode: 128 + 11, signal: null });
  });

  it('gives the child exactly the environment passed, and runs it in cwd', async () => {
    const cwd = tempDir();
    const env = cleanEnvironment(
      {
        ...BASE_ENV,
        KEEP_ME: 'kept',
        GITHUB_TOKEN: 'ghp_secret',
        'INPUT_GITHUB-TOKEN': 'ghp_input',
        MY_LLM_KEY: 'sk-x',
      },
      ['MY_LLM_KEY'],
    );
    const result = await run('env; echo "cwd=$(pwd)"', { cwd, env, metrics: [] });
    const lines = readFileSync(join(cwd, 'eval.log'), 'utf8').trim().split('\n');
    const names = lines
      .filter((line) => !line.startsWith('cwd='))
      .map((line) => line.slice(0, line.indexOf('=')));
    // bash itself exports PWD, SHLVL and _; everything else comes from `env`.
    expect(names.filter((name) => !['PWD', 'SHLVL', '_', 'OLDPWD'].includes(name)).sort()).toEqual([
      'KEEP_ME',
      'PATH',
    ]);
    expect(lines).toContain(`cwd=${realpathSync(cwd)}`);
    expect(result.logTail).not.toMatch(/ghp_|sk-x/);
  });

  it('streams output to the log as whole lines, never mixing stdout and stderr mid-line', async () => {
    const cwd = tempDir();
    // Every line is written in three pieces, by two writers at once.
    const result = await run(
      `for i in $(seq 300); do printf 'out-%s-' $i; printf 'aaaa'; printf 'aaaa\\n'; done &
       for i in $(seq 300); do printf 'err-%s-' $i >&2; printf 'bbbb' >&2; printf 'bbbb\\n' >&2; done; wait`,
      { cwd, metrics: [] },
    );
    const lines = readFileSync(join(cwd, 'eval.log'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(600);
    for (const line of lines) expect(line).toMatch(/^(out-\d+-aaaaaaaa|err-\d+-bbbbbbbb)$/);
    expect(result.logTail.split('\n')).toHaveLength(50);
  });

  it('keeps the last 50 lines as the tail and reads metrics split across writes', async () => {
    const result = await run(
      `for i in $(seq 100); do echo "line $i"; done; printf 'sco'; sleep 0.05; printf 're: 5'`,
    );
    const tail = result.logTail.split('\n');
    expect(tail[0]).toBe('line 52');
    expect(tail.at(-1)).toBe('score: 5');
    expect(result.metrics).toEqual({ score: 5 });
  });

  it('reads the last match across stdout and stderr', async () => {
    const result = await run('echo "score: 1"; echo "score: 2" >&2; echo "other"');
    expect(result).toMatchObject({ metrics: { score: 2 }, metricProblems: {} });
    const missing = await run('echo nothing');
    expect(missing.metricProblems).toEqual({ score: 'no line "score: <number>" in the output' });
  });

  it('reads every kind of metric from a real process', async () => {
    const result = await run(
      `echo 'noise'; echo 'hit rate = 0.25' >&2; printf 'score: 4\\r\\n'
       echo '{"stats": {"hit_rate": 0.5}}'; echo 'done'; printf '{\\n  "runs": [\\n    {"ms": 12}\\n  ]\\n}\\n'`,
      {
        metrics: [
          score,
          { name: 'rate', goal: 'maximize', extract: { kind: 'pattern', regex: '^hit rate = (\\S+)$' } },
          { name: 'ms', goal: 'minimize', extract: { kind: 'json', path: 'runs.0.ms' } },
        ],
      },
    );
    expect(result).toMatchObject({ metrics: { score: 4, rate: 0.25, ms: 12 }, metricProblems: {} });
    const plain = await run(`echo '   -7.5e1  '; echo 'warning' >&2`, {
      metrics: [{ name: 'value', goal: 'minimize', extract: { kind: 'stdout' } }],
    });
    expect(plain.metrics).toEqual({ value: -75 });
  });

  for (const { name, containment } of CONTAINMENTS) {
    describe(name, () => {
      it('ends a background process the shell did not wait for, with what it would have printed', async () => {
        const result = await run('(sleep 0.3; echo "score: 9") & echo "score: 1"', { containment });
        expect(result.metrics).toEqual({ score: 1 });
      });

      it('kills the whole process tree on timeout, grandchildren that left the group included', async () => {
        const cwd = tempDir();
        const started = Date.now();
        const result = await run(
          `${markedSleep('child')} &
           setsid ${markedSleep('setsid')} &
           setsid bash -c '${markedSleep('deep').replaceAll("'", '"')} & wait' &
           while [ "$(ls | wc -l)" -lt 4 ]; do sleep 0.01; done; wait`,
          { cwd, timeoutMs: 1500, metrics: [], containment },
        );
        expect(result).toMatchObject({ timedOut: true, aborted: false });
        expect(Date.now() - started).toBeLessThan(6500);
        expect(processesMarked(`${cwd}/`)).toEqual([]);
      });

      it('kills at once when aborted', async () => {
        const cwd = tempDir();
        const controller = new AbortController();
        const pending = run(`${markedSleep('child')} & touch started; wait`, {
          cwd,
          signal: controller.signal,
          metrics: [],
          containment,
        });
        expect(
          await waitFor(() => existsSync(join(cwd, 'started')) && processesMarked(`${cwd}/`).length > 0),
        ).toBe(true);
        const abortedAt = Date.now();
        controller.abort();
        const result = await pending;
        expect(Date.now() - abortedAt).toBeLessThan(1000);
        expect(result).toMatchObject({ aborted: true, timedOut: false });
        expect(processesMarked(`${cwd}/`)).toEqual([]);
        const early = await run('echo "score: 1"', { signal: AbortSignal.abort(), containment });
        expect(early).toMatchObject({ aborted: true, exitCode: null, metrics: {} });
      });

      it('does not wait for background processes that keep the output open after the shell exits', async () => {
        const cwd = tempDir();
        const started = Date.now();
        const result = await run(`${markedSleep('child')} & echo "score: 7"`, { cwd, containment });
        expect(Date.now() - started).toBeLessThan(2000);
        expect(result).toMatchObject({ exitCode: 0, timedOut: false, metrics: { score: 7 } });
        expect(processesMarked(`${cwd}/`)).toEqual([]);
      });
    });
  }

  it('times out on time whatever the command prints: lines of 60,000 digits do not hold the timer', async () => {
    // Each line used to cost the number patterns (ours and this user pattern) seconds of backtracking on
    // the event loop, where the timer could not fire.
    const flood = `printf 'score: %060000dx\\n' 1; printf '%060000d.x\\n' 1`;
    const result = await run(`while :; do ${flood}; done`, {
      timeoutMs: 3000,
      metrics: [
        score,
        { name: 'p', goal: 'maximize', extract: { kind: 'pattern', regex: '^score: (\\d+\\.?\\d*)$' } },
        { name: 'all', goal: 'maximize', extract: { kind: 'stdout' } },
      ],
    });
    expect(result.timedOut).toBe(true);
    expect(result.wallTimeMs).toBeLessThan(3000 + 5000);
  }, 120_000);

  it('says clearly when the directory does not exist', async () => {
    await expect(
      run('true', { cwd: '/nonexistent/autoexp', logPath: join(tempDir(), 'x.log') }),
    ).rejects.toThrow(/no such directory/);
  });

  it('streams 1 GB of output in bounded memory and still finds the metric', async () => {
    const cwd = tempDir();
    const logPath = join(cwd, 'eval.log');
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    try {
      const result = await run(
        `yes "$(printf '%0999d' 0)" | head -c 1000000000; echo; echo "score: 3"; printf '%0200000d\\n' 1`,
        { cwd, logPath, timeoutMs: 30_000 },
      );
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(result).toMatchObject({ exitCode: 0, metrics: { score: 3 } });
      expect(peak - before).toBeLessThan(100 * 1024 * 1024);
      expect(statSync(logPath).size).toBeGreaterThan(1_000_000_000);
      // The 200 kB last line was cut in the log and in the tail.
      expect(result.logTail.split('\n').at(-1)).toMatch(/^0{100}.*line cut/);
    } finally {
      clearInterval(sampler);
      rmSync(logPath, { force: true });
    }
  }, 30_000);
});

describe('measure', () => {
  /** An eval that prints score = how many times it ran; `crashAt` makes that run exit 1. */
  function countingEval(cwd: string, crashAt = 0): string {
    writeFileSync(join(cwd, 'count'), '0');
    return `n=$(( $(cat count) + 1 )); echo $n > count; echo "run $n"
      if [ $n = ${crashAt} ]; then echo "boom" >&2; exit 1; fi
      echo "score: $n"; echo "size: $(( n * 10 ))"`;
  }
  const metrics: MetricSpec[] = [score, { name: 'size', goal: 'minimize', extract: { kind: 'line' } }];

  function options(cwd: string, command: string, extra: Partial<Parameters<typeof measure>[0]> = {}) {
    return {
      command,
      cwd,
      env: BASE_ENV,
      timeoutMs: 10_000,
      repeats: 1,
      metrics,
      logPath: join(cwd, 'eval.log'),
      ...extra,
    };
  }

  it('averages the metrics over the repeats and keeps every run in the log', async () => {
    const cwd = tempDir();
    const result = await measure(options(cwd, countingEval(cwd), { repeats: 3 }));
    expect(result).toMatchObject({
      outcome: 'measured',
      metrics: { score: 2, size: 20 },
      samples: { score: [1, 2, 3], size: [10, 20, 30] },
    });
    expect(result.logTail).toBe('run 3\nscore: 3\nsize: 30');
    const log = readFileSync(join(cwd, 'eval.log'), 'utf8');
    expect(log).toMatch(/^--- autoexp: run 1 of 3 ---\nrun 1\n/);
    expect(log).toContain('--- autoexp: run 3 of 3 ---\nrun 3\n');
  });

  it('stops early once `enough` says the samples so far are enough, asking after every run', async () => {
    const cwd = tempDir();
    const seen: number[][] = [];
    const result = await measure(
      options(cwd, countingEval(cwd), {
        repeats: 10,
        enough: (samples) => {
          seen.push([...samples.score!]);
          return samples.score!.length >= 3;
        },
      }),
    );
    expect(result).toMatchObject({ outcome: 'measured', samples: { score: [1, 2, 3], size: [10, 20, 30] } });
    expect(seen).toEqual([[1], [1, 2], [1, 2, 3]]);
    expect(readFileSync(join(cwd, 'count'), 'utf8').trim()).toBe('3');
  });

  it('stops at the first failing repeat and keeps the samples before it', async () => {
    const cwd = tempDir();
    const result = await measure(options(cwd, countingEval(cwd, 2), { repeats: 3 }));
    expect(result).toMatchObject({
      outcome: 'crash',
      reason: 'exit code 1 (run 2 of 3)',
      samples: { score: [1], size: [10] },
    });
    expect(result.logTail).toBe('run 2\nboom');
    expect(readFileSync(join(cwd, 'count'), 'utf8').trim()).toBe('2');
  });

  it('calls a missing metric or a signal a crash', async () => {
    const cwd = tempDir();
    expect(await measure(options(cwd, 'echo "score: 1"'))).toMatchObject({
      outcome: 'crash',
      reason: 'no line "size: <number>" in the output',
    });
    expect(await measure(options(cwd, 'kill -SEGV $$'))).toMatchObject({
      outcome: 'crash',
      reason: namespaced ? 'exit code 139 (128 + SIGSEGV)' : 'killed by SIGSEGV',
    });
    expect(await measure(options(cwd, 'true', { metrics: [] }))).toMatchObject({
      outcome: 'measured',
      metrics: {},
    });
  });

  it('reports a timeout with a readable duration', async () => {
    const cwd = tempDir();
    const result = await measure(options(cwd, 'echo started; sleep 30', { timeoutMs: 300 }));
    expect(result).toMatchObject({ outcome: 'timeout', reason: 'timed out after 300ms', logTail: 'started' });
    expect(result.wallTimeMs).toBeGreaterThanOrEqual(300);
    expect(result.wallTimeMs).toBeLessThan(3000);
  });

  it('reports an abort', async () => {
    const cwd = tempDir();
    const result = await measure(options(cwd, 'sleep 30', { signal: AbortSignal.timeout(100) }));
    expect(result.outcome).toBe('aborted');
  });
});

describe('formatDuration', () => {
  it('writes durations the way autoexp.yml does', () => {
    expect(formatDuration(300_000)).toBe('5m');
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(3_661_000)).toBe('1h1m1s');
    expect(formatDuration(2_500)).toBe('2.5s');
    expect(formatDuration(3_000)).toBe('3s');
    expect(formatDuration(250)).toBe('250ms');
  });
});

describe('environment', () => {
  const env: NodeJS.ProcessEnv = {
    PATH: '/bin',
    HOME: '/home/u',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_TOKEN: 't',
    GH_TOKEN: 't',
    GITHUB_PAT: 't',
    'INPUT_GITHUB-TOKEN': 't',
    'INPUT_API-KEY': 'k',
    INPUT_CONFIG: 'autoexp.yml',
    ACTIONS_RUNTIME_TOKEN: 't',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'u',
    ACTIONS_CACHE_URL: 'u',
    ACTIONS_RESULTS_URL: 'u',
    OPENAI_API_KEY: 'k',
    ANTHROPIC_API_KEY: 'k',
    MY_PROVIDER_KEY: 'k',
    UNSET: undefined,
  };

  it('removes GitHub secrets, inputs, runner tokens and every LLM key for the eval', () => {
    expect(cleanEnvironment(env, ['MY_PROVIDER_KEY'])).toEqual({
      PATH: '/bin',
      HOME: '/home/u',
      GITHUB_REPOSITORY: 'o/r',
    });
  });

  it('keeps the LLM key for a command proposer, never the GitHub token', () => {
    const proposerEnv = withoutGitHubSecrets(env);
    expect(Object.keys(proposerEnv).sort()).toEqual(
      ['ANTHROPIC_API_KEY', 'GITHUB_REPOSITORY', 'HOME', 'MY_PROVIDER_KEY', 'OPENAI_API_KEY', 'PATH'].sort(),
    );
  });

  it('exposes the predicates', () => {
    expect(isGitHubSecret('GITHUB_TOKEN')).toBe(true);
    expect(isGitHubSecret('ACTIONS_STEP_DEBUG')).toBe(true);
    expect(isGitHubSecret('GITHUB_SHA')).toBe(false);
    expect(isLlmKey('OPENAI_API_KEY')).toBe(true);
    expect(isLlmKey('MY_PROVIDER_KEY', ['MY_PROVIDER_KEY'])).toBe(true);
    expect(isLlmKey('MY_PROVIDER_KEY')).toBe(false);
  });
});
