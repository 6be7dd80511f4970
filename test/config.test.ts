import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../src/config/duration.js';
import { ConfigError, type ConfigProblem } from '../src/config/errors.js';
import { loadSettings, parseSettings, type ParseOptions } from '../src/config/load.js';
import { branchNameProblem } from '../src/config/parse.js';
import type { Settings } from '../src/config/settings.js';
import { closestMatch } from '../src/config/suggest.js';
import { NOT_SUPPORTED_YET } from '../src/config/unsupported.js';

const MINIMAL = {
  tag: 'tag: demo',
  scope: 'scope:\n  modify: [params.json]',
  eval: 'eval:\n  command: node evaluate.js',
  metrics: 'metrics:\n  - name: score\n    goal: maximize',
};

/** The minimal config with some top-level sections replaced (null drops one) and extra YAML appended. */
function yml(replace: Partial<Record<keyof typeof MINIMAL, string | null>> = {}, extra = ''): string {
  const sections = { ...MINIMAL, ...replace };
  return [...Object.values(sections).filter((section) => section !== null), extra].join('\n') + '\n';
}

type TestOptions = Partial<ParseOptions> & { files?: Record<string, string> };

function parse(text: string, options: TestOptions = {}): Settings {
  const files = options.files ?? {};
  return parseSettings(text, {
    fileName: 'autoexp.yml',
    configPath: '/repo/autoexp.yml',
    readProgram: (path) => files[path],
    ...options,
  });
}

function configError(text: string, options: TestOptions = {}): ConfigError {
  try {
    parse(text, options);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for:\n${text}`);
}

/** The one problem reported for `keyPath` (fails when there is none, or several). */
function problemAt(text: string, keyPath: string, options: TestOptions = {}): ConfigProblem {
  const error = configError(text, options);
  const found = error.problems.filter((problem) => problem.keyPath === keyPath);
  expect(found, `problems were:\n${error.message}`).toHaveLength(1);
  return found[0]!;
}

/** Checks for parts of the parser itself, with the "not supported yet" list switched off. */
const ALL_FEATURES: TestOptions = { notSupportedYet: [] };

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['2h5m10s', 7_510_000],
    ['1h 30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['45', 45_000],
    ['0.5', 500],
    [' 10M ', 600_000],
    [90, 90_000],
    [2.25, 2_250],
    [0, 0],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['5 minutes', '', 'm', '1d', '30m1h', '1h1h', '-5', '5x', 'abc', '1:30'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('rejects negative and non-finite numbers', () => {
    expect(parseDuration(-1)).toBeUndefined();
    expect(parseDuration(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseDuration(Number.NaN)).toBeUndefined();
  });

  it('formats durations back in the short form', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(1_500)).toBe('1.5s');
    expect(parseDuration(formatDuration(7_510_000))).toBe(7_510_000);
  });
});

describe('closestMatch', () => {
  it('suggests near spellings, swapped letters, other casings and prefixes', () => {
    const keys = ['command', 'timeout', 'repeats', 'stuck-after', 'min-delta'];
    expect(closestMatch('timout', keys)).toBe('timeout');
    expect(closestMatch('comamnd', keys)).toBe('command');
    expect(closestMatch('min_delta', keys)).toBe('min-delta');
    expect(closestMatch('stuckAfter', keys)).toBe('stuck-after');
    expect(closestMatch('repeat', keys)).toBe('repeats');
    expect(closestMatch('time', keys)).toBe('timeout');
    expect(closestMatch('colour', keys)).toBeUndefined();
  });
});

describe('parseSettings defaults', () => {
  it('fills every default for a minimal config', () => {
    const settings = parse(yml());
    expect(settings).toEqual({
      configPath: '/repo/autoexp.yml',
      tag: 'demo',
      scope: { modify: ['params.json'], context: [] },
      eval: { command: 'node evaluate.js', timeoutMs: 600_000, repeats: 1, interleave: false, network: 'on' },
      metrics: [{ name: 'score', goal: 'maximize', extract: { kind: 'line' } }],
      decide: {
        rule: 'primary',
        weights: {},
        minDelta: { kind: 'absolute', value: 0 },
        noise: 'none',
        alpha: 0.05,
        simplicity: true,
      },
      explore: { every: 0, stuckAfter: 5 },
      search: 'hill',
      budget: { experiments: 5, timeMs: 2_700_000, consecutiveCrashes: 3, costUsd: 1 },
      proposer: { kind: 'mutate', seed: 1, step: 0.3, jump: 3 },
      results: { dir: '.autoexp/demo' },
      pr: {
        enabled: true,
        draft: true,
        labels: ['autoexp'],
        reopen: false,
        steerFrom: ['OWNER', 'MEMBER', 'COLLABORATOR'],
      },
    } satisfies Settings);
  });

  it('accepts a single glob as a one-item list and strips ./', () => {
    const settings = parse(yml({ scope: 'scope:\n  modify: ./src/config.yaml\n  context: docs/**/*.md' }));
    expect(settings.scope).toEqual({ modify: ['src/config.yaml'], context: ['docs/**/*.md'] });
  });

  it('accepts version 1 and an empty proposer', () => {
    expect(parse(yml({}, 'version: 1\nproposer:')).proposer).toEqual({
      kind: 'mutate',
      seed: 1,
      step: 0.3,
      jump: 3,
    });
  });

  it('reads every section of a full config into camelCase settings', () => {
    const settings = parse(
      yml(
        {
          eval: `eval:
  command: node sim/evaluate.js
  timeout: 90
  repeats: 3
  setup: npm ci
  guard: npm test
  holdout: node sim/holdout.js
  interleave: true
  network: off`,
          metrics: `metrics:
  - name: hit_rate
    goal: maximize
    pattern: '^hit rate = ([0-9.]+)'
  - name: memory_mb
    goal: minimize
    min: 1
    max: 512
    json: stats.memory.mb
  - name: total
    goal: minimize
    stdout: true`,
        },
        `base: main
decide:
  rule: weighted
  weights: {hit_rate: 1, memory_mb: -0.01}
  min-delta: "0.5%"
  noise: welch
  alpha: 0.1
  simplicity: false
explore:
  every: 4
  stuck-after: 2
budget:
  experiments: 20
  time: 1h30m
  consecutive-crashes: 2
  cost-usd: 2.5
proposer:
  kind: llm
  provider: anthropic
  model: some-model
  base-url: https://llm.example.test/v1
  price: {input: 0.25, output: 2}
  crash-retries: 0
results:
  dir: out/results/
pr:
  enabled: false
  draft: false
  labels: [perf, bot]
  reopen: true
  steer-from: [owner, CONTRIBUTOR]`,
      ),
      ALL_FEATURES,
    );
    expect(settings.base).toBe('main');
    expect(settings.eval).toEqual({
      command: 'node sim/evaluate.js',
      timeoutMs: 90_000,
      repeats: 3,
      setup: 'npm ci',
      guard: 'npm test',
      holdout: 'node sim/holdout.js',
      interleave: true,
      network: 'off',
    });
    expect(settings.metrics).toEqual([
      { name: 'hit_rate', goal: 'maximize', extract: { kind: 'pattern', regex: '^hit rate = ([0-9.]+)' } },
      {
        name: 'memory_mb',
        goal: 'minimize',
        min: 1,
        max: 512,
        extract: { kind: 'json', path: 'stats.memory.mb' },
      },
      { name: 'total', goal: 'minimize', extract: { kind: 'stdout' } },
    ]);
    expect(settings.decide).toEqual({
      rule: 'weighted',
      weights: { hit_rate: 1, memory_mb: -0.01 },
      minDelta: { kind: 'relative', fraction: 0.005 },
      noise: 'welch',
      alpha: 0.1,
      simplicity: false,
    });
    expect(settings.explore).toEqual({ every: 4, stuckAfter: 2 });
    expect(settings.search).toBe('hill');
    expect(parse(yml({}, 'search: tree')).search).toBe('tree');
    expect(settings.budget).toEqual({
      experiments: 20,
      timeMs: 5_400_000,
      consecutiveCrashes: 2,
      costUsd: 2.5,
    });
    expect(settings.proposer).toEqual({
      kind: 'llm',
      provider: 'anthropic',
      model: 'some-model',
      baseUrl: 'https://llm.example.test/v1',
      apiKeyEnv: 'ANTHROPIC_API_KEY',
      price: { input: 0.25, output: 2 },
      crashRetries: 0,
    });
    expect(settings.results.dir).toBe('out/results');
    expect(settings.pr).toEqual({
      enabled: false,
      draft: false,
      labels: ['perf', 'bot'],
      reopen: true,
      steerFrom: ['OWNER', 'CONTRIBUTOR'],
    });
  });

  it('reads pr.steer-from: people with write access by default, an empty list for nobody', () => {
    expect(parse(yml()).pr.steerFrom).toEqual(['OWNER', 'MEMBER', 'COLLABORATOR']);
    expect(parse(yml({}, 'pr:\n  steer-from: []')).pr.steerFrom).toEqual([]);
    expect(parse(yml({}, 'pr:\n  steer-from: OWNER')).pr.steerFrom).toEqual(['OWNER']);
    expect(parse(yml({}, 'pr:\n  steer-from: [member, MEMBER, none]')).pr.steerFrom).toEqual([
      'MEMBER',
      'NONE',
    ]);
  });

  it('defaults the llm api key variable by provider and reads the command proposer', () => {
    const llm = parse(yml({}, 'proposer:\n  kind: llm\n  model: m'), ALL_FEATURES).proposer;
    expect(llm).toEqual({
      kind: 'llm',
      provider: 'openai',
      model: 'm',
      apiKeyEnv: 'OPENAI_API_KEY',
      crashRetries: 1,
    });
    const command = parse(yml({}, 'proposer:\n  kind: command\n  run: claude -p "$(cat x)"')).proposer;
    expect(command).toEqual({ kind: 'command', run: 'claude -p "$(cat x)"' });
    expect(parse(yml({}, 'proposer:\n  kind: mutate\n  seed: 7')).proposer).toEqual({
      kind: 'mutate',
      seed: 7,
      step: 0.3,
      jump: 3,
    });
  });

  it("reads mutate's step settings", () => {
    const proposer = parse(yml({}, 'proposer:\n  kind: mutate\n  step: 0.5\n  jump: 4')).proposer;
    expect(proposer).toEqual({ kind: 'mutate', seed: 1, step: 0.5, jump: 4 });
    const bounds = parse(yml({}, 'proposer:\n  kind: mutate\n  step: 0.01\n  jump: 1')).proposer;
    expect(bounds).toEqual({ kind: 'mutate', seed: 1, step: 0.01, jump: 1 });
  });

  it('maps network booleans (YAML 1.1 on/off) to on and off', () => {
    const network = (value: string): string =>
      parse(yml({ eval: `eval:\n  command: x\n  network: ${value}` }), ALL_FEATURES).eval.network;
    expect(network('on')).toBe('on');
    expect(network('true')).toBe('on');
    expect(network('off')).toBe('off');
    expect(network('false')).toBe('off');
  });

  it('reads min-delta as an absolute number or a percentage', () => {
    const minDelta = (value: string): Settings['decide']['minDelta'] =>
      parse(yml({}, `decide:\n  min-delta: ${value}`)).decide.minDelta;
    expect(minDelta('0.25')).toEqual({ kind: 'absolute', value: 0.25 });
    expect(minDelta('"2%"')).toEqual({ kind: 'relative', fraction: 0.02 });
    expect(minDelta('0.5%')).toEqual({ kind: 'relative', fraction: 0.005 });
  });

  it('reads every duration form in config values', () => {
    const timeout = (value: string): number =>
      parse(yml({ eval: `eval:\n  command: x\n  timeout: ${value}` })).eval.timeoutMs;
    expect(timeout('90s')).toBe(90_000);
    expect(timeout('5m')).toBe(300_000);
    expect(timeout('1h30m')).toBe(5_400_000);
    expect(timeout('120')).toBe(120_000);
    expect(timeout('"2.5"')).toBe(2_500);
  });
});

describe('parseSettings problems', () => {
  it('formats a problem as <file>: <key.path>: <problem>', () => {
    const error = configError(yml({ eval: 'eval:\n  command: x\n  timeout: 5 minutes' }));
    expect(error.message).toBe(
      'autoexp.yml: eval.timeout: "5 minutes" is not a duration (e.g. 90s, 5m, 1h30m)',
    );
    expect(error).toMatchObject({ file: 'autoexp.yml', keyPath: 'eval.timeout', line: 6, column: 12 });
  });

  it('places each problem on its line for the CLI: <file>:<line>: <key.path>: <problem>', () => {
    const error = configError(yml({ eval: 'eval:\n  command: x\n  timeout: 5 minutes\n  repeats: many' }));
    expect(error.located()).toEqual([
      'autoexp.yml:6: eval.timeout: "5 minutes" is not a duration (e.g. 90s, 5m, 1h30m)',
      expect.stringMatching(/^autoexp\.yml:7: eval\.repeats: /),
    ]);
  });

  it('suggests the key that was meant for an unknown key', () => {
    const error = configError(yml({ eval: 'eval:\n  command: x\n  timout: 5m' }));
    expect(error.message).toBe('autoexp.yml: eval.timout: unknown key (did you mean "timeout"?)');
    expect(error).toMatchObject({ line: 6, column: 3 });
  });

  it.each([
    ['a top-level key with a typo', yml({}, 'metric: []'), 'metric', 'unknown key (did you mean "metrics"?)'],
    ['a key nothing is close to', yml({}, 'colour: blue'), 'colour', 'unknown key'],
    [
      'a snake_case key',
      yml({}, 'budget:\n  consecutive_crashes: 2'),
      'budget.consecutive_crashes',
      'unknown key (did you mean "consecutive-crashes"?)',
    ],
    [
      'a metric key typo',
      yml({ metrics: 'metrics:\n  - name: a\n    goal: maximize\n    patern: x' }),
      'metrics[0].patern',
      'unknown key (did you mean "pattern"?)',
    ],
    [
      'a missing tag',
      yml({ tag: null }),
      'tag',
      'is required (a short name such as cache-tuning; the branch is autoexp/<tag>)',
    ],
    [
      'an eval command of blanks only',
      yml({ eval: 'eval:\n  command: "   "' }),
      'eval.command',
      'is empty, but required (the command that runs your eval and prints the metrics, run by bash in the repository root)',
    ],
    [
      'more workers than a machine runs',
      yml({}, 'workers: 100000'),
      'workers',
      'expected an integer from 1 to 64, got the number 100000',
    ],
    [
      'an empty tag',
      yml({ tag: 'tag:' }),
      'tag',
      'is empty, but required (a short name such as cache-tuning; the branch is autoexp/<tag>)',
    ],
    [
      'a tag with capitals and spaces',
      yml({ tag: 'tag: Cache Tuning' }),
      'tag',
      '"Cache Tuning" is not a valid tag: use up to 63 lowercase letters, digits, ".", "_" and "-", starting with a letter or digit',
    ],
    [
      'a tag ending in .lock',
      yml({ tag: 'tag: main.lock' }),
      'tag',
      '"main.lock" is not a valid tag: it ends with ".lock", which git does not allow in a branch name',
    ],
    [
      'a tag with ..',
      yml({ tag: 'tag: a..b' }),
      'tag',
      '"a..b" is not a valid tag: it contains "..", which git does not allow in a branch name',
    ],
    [
      'a tag ending in .',
      yml({ tag: 'tag: v1.' }),
      'tag',
      '"v1." is not a valid tag: it ends with ".", which git does not allow in a branch name',
    ],
    [
      'a tag that is a number',
      yml({ tag: 'tag: 2024' }),
      'tag',
      'expected a string, got the number 2024 (quote it to keep it as text: "2024")',
    ],
    [
      'a missing scope',
      yml({ scope: null }),
      'scope',
      'is required (scope.modify: the globs an experiment may change)',
    ],
    [
      'a scope that is a string',
      yml({ scope: 'scope: src/*.ts' }),
      'scope',
      'expected a mapping (key: value lines), got "src/*.ts"',
    ],
    [
      'a missing scope.modify',
      yml({ scope: 'scope:\n  context: [a]' }),
      'scope.modify',
      'is required (globs of the files an experiment may change, e.g. [config.yaml])',
    ],
    [
      'an empty scope.modify',
      yml({ scope: 'scope:\n  modify: []' }),
      'scope.modify',
      'is empty; list at least one glob an experiment may change',
    ],
    [
      'an absolute glob',
      yml({ scope: 'scope:\n  modify: [/etc/passwd]' }),
      'scope.modify[0]',
      '"/etc/passwd" is an absolute path; write it relative to the repository root',
    ],
    [
      'a glob leaving the repository',
      yml({ scope: 'scope:\n  modify: [a]\n  context: [../other/*.js]' }),
      'scope.context[0]',
      '"../other/*.js" leaves the repository (".." is not allowed)',
    ],
    [
      'a glob with backslashes',
      yml({ scope: 'scope:\n  modify: ["src\\\\a.ts"]' }),
      'scope.modify[0]',
      '"src\\\\a.ts": use forward slashes (a/b), not backslashes',
    ],
    [
      'a glob that is a number',
      yml({ scope: 'scope:\n  modify: [5]' }),
      'scope.modify[0]',
      'expected a string, got the number 5 (quote it to keep it as text: "5")',
    ],
    [
      'a missing eval.command',
      yml({ eval: 'eval:\n  timeout: 5m' }),
      'eval.command',
      'is required (the command that runs your eval and prints the metrics, run by bash in the repository root)',
    ],
    [
      'an eval that is a list',
      yml({ eval: 'eval: [x]' }),
      'eval',
      'expected a mapping (key: value lines), got a list',
    ],
    [
      'a zero timeout',
      yml({ eval: 'eval:\n  command: x\n  timeout: 0' }),
      'eval.timeout',
      'must be longer than 0 (e.g. 90s, 5m, 1h30m)',
    ],
    [
      'repeats as a word',
      yml({ eval: 'eval:\n  command: x\n  repeats: two' }),
      'eval.repeats',
      'expected an integer from 1 to 1000, got "two"',
    ],
    [
      'zero repeats',
      yml({ eval: 'eval:\n  command: x\n  repeats: 0' }),
      'eval.repeats',
      'expected an integer from 1 to 1000, got the number 0',
    ],
    [
      'fractional repeats',
      yml({ eval: 'eval:\n  command: x\n  repeats: 1.5' }),
      'eval.repeats',
      'expected an integer from 1 to 1000, got the number 1.5',
    ],
    [
      'interleave as a word',
      yml({ eval: 'eval:\n  command: x\n  interleave: sometimes' }),
      'eval.interleave',
      'expected true or false, got "sometimes"',
    ],
    [
      'a bad network value',
      yml({ eval: 'eval:\n  command: x\n  network: none' }),
      'eval.network',
      'expected one of on, off, got "none" (did you mean "on"?)',
    ],
    [
      'a missing metrics list',
      yml({ metrics: null }),
      'metrics',
      'is required (a list of at least one {name, goal}; the first is the primary metric)',
    ],
    [
      'an empty metrics list',
      yml({ metrics: 'metrics: []' }),
      'metrics',
      'is empty; list at least one metric ({name, goal}); the first is the primary metric',
    ],
    [
      'metrics as a mapping',
      yml({ metrics: 'metrics:\n  score: maximize' }),
      'metrics',
      'expected a list of metrics, got a mapping',
    ],
    [
      'a metric that is a string',
      yml({ metrics: 'metrics: [score]' }),
      'metrics[0]',
      'expected a mapping (key: value lines), got "score"',
    ],
    [
      'a misspelled goal',
      yml({ metrics: 'metrics:\n  - name: a\n    goal: maximise' }),
      'metrics[0].goal',
      'expected one of maximize, minimize, got "maximise" (did you mean "maximize"?)',
    ],
    [
      'a missing goal',
      yml({ metrics: 'metrics:\n  - name: a' }),
      'metrics[0].goal',
      'is required (maximize or minimize)',
    ],
    [
      'a missing metric name',
      yml({ metrics: 'metrics:\n  - goal: maximize' }),
      'metrics[0].name',
      'is required (the name the eval prints, e.g. score)',
    ],
    [
      'a bad metric name',
      yml({ metrics: 'metrics:\n  - name: 1st-score\n    goal: maximize' }),
      'metrics[0].name',
      '"1st-score" is not a valid metric name: use letters, digits, "_" and ".", not starting with a digit',
    ],
    [
      'a duplicate metric name',
      yml({
        metrics:
          'metrics:\n  - name: a\n    goal: maximize\n  - name: b\n    goal: maximize\n  - name: a\n    goal: minimize',
      }),
      'metrics[2].name',
      '"a" is already the name of metrics[0]',
    ],
    [
      'a regex that does not compile',
      yml({ metrics: "metrics:\n  - name: a\n    goal: maximize\n    pattern: 'score=([0-9]+'" }),
      'metrics[0].pattern',
      '"score=([0-9]+" is not a valid regular expression (Invalid regular expression: /score=([0-9]+/: Unterminated group)',
    ],
    [
      'a regex without a group',
      yml({ metrics: "metrics:\n  - name: a\n    goal: maximize\n    pattern: 'score=[0-9]+'" }),
      'metrics[0].pattern',
      '"score=[0-9]+" has 0 capture groups; it needs exactly one, around the number (use (?:…) for other groups)',
    ],
    [
      'a regex with two groups',
      yml({ metrics: "metrics:\n  - name: a\n    goal: maximize\n    pattern: '(a|b)=([0-9]+)'" }),
      'metrics[0].pattern',
      '"(a|b)=([0-9]+)" has 2 capture groups; it needs exactly one, around the number (use (?:…) for other groups)',
    ],
    [
      'two ways to read one metric',
      yml({ metrics: 'metrics:\n  - name: a\n    goal: maximize\n    json: a.b\n    stdout: true' }),
      'metrics[0]',
      'json and stdout are alternatives; give at most one of pattern, json and stdout',
    ],
    [
      'stdout: false',
      yml({ metrics: 'metrics:\n  - name: a\n    goal: maximize\n    stdout: false' }),
      'metrics[0].stdout',
      'can only be true (the whole trimmed stdout is the number); remove the key otherwise',
    ],
    [
      'a json path with spaces',
      yml({ metrics: 'metrics:\n  - name: a\n    goal: maximize\n    json: stats..x' }),
      'metrics[0].json',
      '"stats..x" is not a dotted path (e.g. stats.hit_rate)',
    ],
    [
      'min above max',
      yml({ metrics: 'metrics:\n  - name: a\n    goal: maximize\n    min: 10\n    max: 5' }),
      'metrics[0].min',
      '10 is above max 5; no value could satisfy both',
    ],
    [
      'a constraint that is a word',
      yml({ metrics: 'metrics:\n  - name: a\n    goal: maximize\n    max: lots' }),
      'metrics[0].max',
      'expected a number, got "lots"',
    ],
    [
      'a negative min-delta',
      yml({}, 'decide:\n  min-delta: -1'),
      'decide.min-delta',
      'expected a number >= 0 or a percentage such as "0.5%", got the number -1',
    ],
    [
      'a min-delta word',
      yml({}, 'decide:\n  min-delta: tiny%'),
      'decide.min-delta',
      'expected a number >= 0 or a percentage such as "0.5%", got "tiny%"',
    ],
    [
      'an alpha of 1.5',
      yml({}, 'decide:\n  alpha: 1.5'),
      'decide.alpha',
      'expected a number between 0 and 1 (exclusive), got the number 1.5',
    ],
    [
      'a bad rule',
      yml({}, 'decide:\n  rule: best'),
      'decide.rule',
      'expected one of primary, pareto, weighted, lexicographic, got "best"',
    ],
    [
      'simplicity as a word',
      yml({}, 'decide:\n  simplicity: yes'),
      'decide.simplicity',
      'expected true or false, got "yes"',
    ],
    [
      'weights for a rule that ignores them',
      yml({}, 'decide:\n  weights: {score: 1}'),
      'decide.weights',
      'only used by rule "weighted", but decide.rule is "primary"',
    ],
    [
      'a negative explore.every',
      yml({}, 'explore:\n  every: -1'),
      'explore.every',
      'expected an integer >= 0, got the number -1',
    ],
    ['an unknown search', yml({}, 'search: beam'), 'search', 'expected one of hill, tree, got "beam"'],
    [
      'search: tree with explore.every',
      yml({}, 'search: tree\nexplore:\n  every: 3'),
      'explore.every',
      'search: tree keeps worse experiments as nodes off the branch already; remove explore.every (or use search: hill)',
    ],
    [
      'zero stuck-after',
      yml({}, 'explore:\n  stuck-after: 0'),
      'explore.stuck-after',
      'expected an integer >= 1, got the number 0',
    ],
    [
      'zero experiments',
      yml({}, 'budget:\n  experiments: 0'),
      'budget.experiments',
      'expected an integer from 1 to 1000000, got the number 0',
    ],
    [
      'a budget time in words',
      yml({}, 'budget:\n  time: an hour'),
      'budget.time',
      '"an hour" is not a duration (e.g. 90s, 5m, 1h30m)',
    ],
    [
      'a negative cost cap',
      yml({}, 'budget:\n  cost-usd: -1'),
      'budget.cost-usd',
      'expected a number >= 0, got the number -1',
    ],
    [
      'a key of another proposer kind',
      yml({}, 'proposer:\n  kind: mutate\n  run: ./agent.sh'),
      'proposer.run',
      'belongs to kind "command", but proposer.kind is "mutate"',
    ],
    [
      'an llm key on a command proposer',
      yml({}, 'proposer:\n  kind: command\n  run: x\n  model: m'),
      'proposer.model',
      'belongs to kind "llm", but proposer.kind is "command"',
    ],
    [
      'a proposer without kind',
      yml({}, 'proposer:\n  seed: 3'),
      'proposer.kind',
      'is required (llm, command, mutate)',
    ],
    [
      'an unknown proposer kind',
      yml({}, 'proposer:\n  kind: agent'),
      'proposer.kind',
      'expected one of llm, command, mutate, got "agent"',
    ],
    [
      'a command proposer without run',
      yml({}, 'proposer:\n  kind: command'),
      'proposer.run',
      'is required (the command that edits the files, run by bash)',
    ],
    [
      'a proposer key typo',
      yml({}, 'proposer:\n  kind: mutate\n  sed: 2'),
      'proposer.sed',
      'unknown key (did you mean "seed"?)',
    ],
    [
      'a zero mutate step',
      yml({}, 'proposer:\n  kind: mutate\n  step: 0'),
      'proposer.step',
      'expected a number from 0.01 to 4, got the number 0',
    ],
    [
      'a mutate step in percent',
      yml({}, 'proposer:\n  kind: mutate\n  step: 30%'),
      'proposer.step',
      'expected a number from 0.01 to 4, got "30%"',
    ],
    [
      'a jump smaller than the step',
      yml({}, 'proposer:\n  kind: mutate\n  jump: 0.5'),
      'proposer.jump',
      'expected a number from 1 to 100, got the number 0.5',
    ],
    [
      'a mutate step on an llm proposer',
      yml({}, 'proposer:\n  kind: llm\n  model: m\n  step: 0.5'),
      'proposer.step',
      'belongs to kind "mutate", but proposer.kind is "llm"',
    ],
    [
      'a fractional seed',
      yml({}, 'proposer:\n  kind: mutate\n  seed: 1.5'),
      'proposer.seed',
      'expected an integer, got the number 1.5',
    ],
    [
      'an absolute results dir',
      yml({}, 'results:\n  dir: /var/autoexp'),
      'results.dir',
      '"/var/autoexp" is an absolute path; write it relative to the repository root',
    ],
    [
      'a results dir outside the repository',
      yml({}, 'results:\n  dir: a/../../b'),
      'results.dir',
      '"a/../../b" leaves the repository (".." is not allowed)',
    ],
    [
      'a results dir that is the root',
      yml({}, 'results:\n  dir: .'),
      'results.dir',
      '"." is the whole repository; name files or directories inside it',
    ],
    [
      'a results dir that is a pattern',
      yml({}, 'results:\n  dir: out/*'),
      'results.dir',
      '"out/*" is a pattern; write a plain directory path',
    ],
    [
      'a results dir inside .git',
      yml({}, 'results:\n  dir: .git/autoexp'),
      'results.dir',
      '".git/autoexp" is not a plain directory path (no ".git", ".", or empty parts)',
    ],
    [
      'a results dir with an empty part',
      yml({}, 'results:\n  dir: a//b'),
      'results.dir',
      '"a//b" is not a plain directory path (no ".git", ".", or empty parts)',
    ],
    [
      'an eval timeout past what a timer can wait',
      yml({ eval: 'eval:\n  command: node evaluate.js\n  timeout: 800h' }),
      'eval.timeout',
      '"800h" is longer than the 24 days a timer can wait on this runtime; use a shorter duration',
    ],
    [
      'a time budget past what a timer can wait',
      yml({}, 'budget:\n  time: 9999h'),
      'budget.time',
      '"9999h" is longer than the 24 days a timer can wait on this runtime; use a shorter duration',
    ],
    [
      'more repeats than a measurement can take',
      yml({ eval: 'eval:\n  command: node evaluate.js\n  repeats: 100000' }),
      'eval.repeats',
      'expected an integer from 1 to 1000, got the number 100000',
    ],
    [
      'more experiments than a session can number',
      yml({}, 'budget:\n  experiments: 1e12'),
      'budget.experiments',
      'expected an integer from 1 to 1000000, got the number 1000000000000',
    ],
    ['pr.draft as a word', yml({}, 'pr:\n  draft: maybe'), 'pr.draft', 'expected true or false, got "maybe"'],
    [
      'pr.labels as a mapping',
      yml({}, 'pr:\n  labels: {a: b}'),
      'pr.labels',
      'expected a list of labels, got a mapping',
    ],
    [
      'an unknown author association in pr.steer-from',
      yml({}, 'pr:\n  steer-from: [OWNER, COLABORATOR]'),
      'pr.steer-from[1]',
      'expected one of OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, FIRST_TIMER, MANNEQUIN, NONE, got "COLABORATOR" (did you mean "COLLABORATOR"?)',
    ],
    [
      'pr.steer-from as a mapping',
      yml({}, 'pr:\n  steer-from: {OWNER: true}'),
      'pr.steer-from',
      'expected a list of author associations, got a mapping',
    ],
    ['version 2', yml({}, 'version: 2'), 'version', 'only version 1 exists, got the number 2'],
  ])('reports %s', (_name, text, keyPath, message) => {
    expect(problemAt(text, keyPath).message).toBe(message);
  });

  it('requires a model for the llm proposer, and a real env var name and URL', () => {
    const text = yml(
      {},
      'proposer:\n  kind: llm\n  api-key-env: sk-123\n  base-url: ftp://x\n  price: {input: 1}',
    );
    const error = configError(text, ALL_FEATURES);
    expect(error.problems.map((problem) => `${problem.keyPath}: ${problem.message}`)).toEqual([
      'proposer.model: is required (the model name your provider serves, e.g. gpt-5-mini; autoexp picks none for you)',
      'proposer.api-key-env: "sk-123" is not an environment variable name (the key itself belongs in a secret)',
      'proposer.base-url: "ftp://x" is not an http(s) URL',
      'proposer.price.output: is required (USD per million tokens)',
    ]);
  });

  it('requires weights for the weighted rule and checks they name metrics', () => {
    expect(problemAt(yml({}, 'decide:\n  rule: weighted'), 'decide.weights', ALL_FEATURES).message).toBe(
      'is required (rule "weighted" needs {metric: weight})',
    );
    const text = yml({}, 'decide:\n  rule: weighted\n  weights: {Score: 1, speed: 2}');
    const error = configError(text, ALL_FEATURES);
    expect(error.problems.map((problem) => `${problem.keyPath}: ${problem.message}`)).toEqual([
      'decide.weights.Score: "Score" is not one of the metrics (score) (did you mean "score"?)',
      'decide.weights.speed: "speed" is not one of the metrics (score)',
    ]);
  });

  it('requires eval.repeats >= 2 for stddev and welch noise', () => {
    expect(problemAt(yml({}, 'decide:\n  noise: stddev'), 'decide.noise', ALL_FEATURES).message).toBe(
      '"stddev" needs eval.repeats >= 2 (it compares samples), but eval.repeats is 1',
    );
    const withRepeats = yml({ eval: 'eval:\n  command: x\n  repeats: 2' }, 'decide:\n  noise: stddev');
    expect(parse(withRepeats, ALL_FEATURES).decide.noise).toBe('stddev');
  });

  it('reads noise sequential with eval.repeats as the most runs a candidate may take', () => {
    const text = yml(
      { eval: 'eval:\n  command: x\n  repeats: 25' },
      'decide:\n  noise: sequential\n  alpha: 0.01',
    );
    expect(parse(text).decide).toMatchObject({ noise: 'sequential', alpha: 0.01, maxRuns: 25 });
    const weighted = yml(
      { eval: 'eval:\n  command: x\n  repeats: 3' },
      'decide:\n  rule: weighted\n  weights: {score: 1}\n  noise: sequential',
    );
    expect(parse(weighted).decide).toMatchObject({ rule: 'weighted', maxRuns: 3 });
    const welch = yml({ eval: 'eval:\n  command: x\n  repeats: 5' }, 'decide:\n  noise: welch');
    expect(parse(welch).decide).not.toHaveProperty('maxRuns');
  });

  it.each([
    [
      'eval.repeats below the minimum plus one',
      'eval:\n  command: x\n  repeats: 2',
      'decide:\n  noise: sequential',
      '"sequential" takes 2 runs at least and eval.repeats at most, so eval.repeats must be 3 or more (20 to 30 is usual), but it is 2',
    ],
    [
      'rule pareto',
      'eval:\n  command: x\n  repeats: 20',
      'decide:\n  rule: pareto\n  noise: sequential',
      '"sequential" stops on one number, the primary metric or rule weighted\'s score; it cannot be used with rule "pareto"',
    ],
    [
      'rule lexicographic',
      'eval:\n  command: x\n  repeats: 20',
      'decide:\n  rule: lexicographic\n  noise: sequential',
      '"sequential" stops on one number, the primary metric or rule weighted\'s score; it cannot be used with rule "lexicographic"',
    ],
    [
      'eval.interleave',
      'eval:\n  command: x\n  repeats: 20\n  interleave: true',
      'decide:\n  noise: sequential',
      '"sequential" reuses the incumbent\'s runs, and eval.interleave measures it again with every candidate; use one of them',
    ],
  ])('refuses noise sequential with %s, at the line of decide.noise', (_, evalSection, decide, message) => {
    const text = yml({ eval: evalSection }, decide);
    const problem = problemAt(text, 'decide.noise');
    expect(problem.message).toBe(message);
    const noiseLine = text.split('\n').findIndex((line) => line.includes('noise: sequential')) + 1;
    expect(problem.line).toBe(noiseLine);
  });

  it('says what to do with an empty file or one that is not a mapping', () => {
    expect(configError('').message).toBe(
      'autoexp.yml: is empty; it needs at least tag, scope.modify, eval.command and metrics (run `autoexp init` for a starting point)',
    );
    expect(configError('# only a comment\n').keyPath).toBe('');
    expect(configError('- a\n- b\n').message).toBe(
      'autoexp.yml: expected a mapping (key: value lines), got a list',
    );
  });

  it('reports YAML syntax errors with their line', () => {
    const error = configError('tag: demo\nscope:\n  modify: [a, b\neval: {}\n');
    expect(error.keyPath).toBe('');
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^autoexp\.yml: YAML syntax error at line 4, column 1: /);
    expect(error.located()[0]).toMatch(/^autoexp\.yml:4: YAML syntax error \(column 1\): /);
    expect(configError('tag: a\ntag: b\n').message).toMatch(
      /^autoexp\.yml: YAML syntax error at line 2, column 1: .*unique/,
    );
  });
});

describe('problem positions', () => {
  const text = [
    'tag: demo', //                       1
    'scope:', //                          2
    '  modify: [a.txt, /abs]', //         3
    'eval:', //                           4
    '  timeout: 5m', //                   5
    '  repeats: many', //                 6
    'metrics:', //                        7
    '  - name: score', //                 8
    '    goal: maximize', //              9
    '  - name: size', //                  10
    '    goal: up', //                    11
    '    bogus: 1', //                    12
    'budget:', //                         13
    '  experiments: 3', //                14
    'colour: red', //                     15
  ].join('\n');

  it('places each problem on the line of its value, key or enclosing mapping', () => {
    const error = configError(text);
    const where = Object.fromEntries(
      error.problems.map((problem) => [problem.keyPath, [problem.line, problem.column]]),
    );
    expect(where).toEqual({
      'scope.modify[1]': [3, 19], // the bad item
      'eval.command': [4, 1], // missing: the mapping that lacks it
      'eval.repeats': [6, 12], // the value
      'metrics[1].goal': [11, 11],
      'metrics[1].bogus': [12, 5], // unknown: the key
      colour: [15, 1],
    });
  });

  it('lists every problem in one error, in file order, one per line', () => {
    const error = configError(text);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(
      'autoexp.yml: scope.modify[1]: "/abs" is an absolute path; write it relative to the repository root',
    );
    expect(lines[5]).toBe('autoexp.yml: colour: unknown key');
    expect(lines.every((line) => line.startsWith('autoexp.yml: '))).toBe(true);
    expect(error).toMatchObject({ keyPath: 'scope.modify[1]', line: 3, column: 19 });
    const lineNumbers = error.problems.map((problem) => problem.line ?? 0);
    expect(lineNumbers).toEqual([...lineNumbers].sort((a, b) => a - b));
  });

  it('puts problems about missing top-level keys first, without a line', () => {
    const error = configError('tag: demo\nbudget:\n  experiments: 0\n');
    expect(error.problems.map((problem) => [problem.keyPath, problem.line])).toEqual([
      ['scope', undefined],
      ['eval', undefined],
      ['metrics', undefined],
      ['budget.experiments', 3],
    ]);
  });
});

describe('not supported yet', () => {
  it('rejects a key on the list with its note, and lets it through without the list', () => {
    const list = [{ keyPath: 'workers', isUsed: () => true, note: 'remove the key' }];
    const text = yml({}, 'workers: 2');
    expect(problemAt(text, 'workers', { notSupportedYet: list }).message).toBe(
      'not supported yet (remove the key)',
    );
    expect(() => parse(text, ALL_FEATURES)).not.toThrow();
  });

  it('reads stages: scope, metrics by name, budget and plateau', () => {
    const text = yml(
      {},
      [
        'stages:',
        '  - name: first',
        '    scope: {modify: [a.txt]}',
        '    metrics: [score]',
        '    budget: {experiments: 4}',
        '  - name: second',
        '    scope: [b.txt]',
        '    plateau: 3',
      ].join('\n'),
    );
    expect(parse(text).stages).toEqual([
      { name: 'first', modify: ['a.txt'], metrics: ['score'], experiments: 4, plateau: 0 },
      { name: 'second', modify: ['b.txt'], metrics: ['score'], experiments: Infinity, plateau: 3 },
    ]);
  });

  it.each([
    [
      'stages:\n  - name: s\n    scope: [a.txt]',
      'stages[0]',
      'a stage needs budget.experiments or plateau, or it never ends',
    ],
    ['stages:\n  - name: s\n    plateau: 2', 'stages[0].scope.modify', /^is required/],
    [
      'stages:\n  - name: s\n    scope: [a]\n    plateau: 2\n    metrics: [nope]',
      'stages[0].metrics[0]',
      /"nope" is not one of the metrics/,
    ],
    [
      'stages:\n  - name: s\n    scope: [a]\n    plateau: 2\n  - name: s\n    scope: [b]\n    plateau: 2',
      'stages[1].name',
      '"s" names two stages',
    ],
  ])('stage problems: %s', (extra, keyPath, message) => {
    const problem = problemAt(yml({}, extra), keyPath);
    if (typeof message === 'string') expect(problem.message).toBe(message);
    else expect(problem.message).toMatch(message);
  });

  it.each([
    ['rule: pareto', ''],
    ['rule: weighted\n  weights: {score: 1}', ''],
    ['rule: lexicographic', ''],
    ['noise: welch\n  alpha: 0.01', '\n  repeats: 5'],
    ['noise: stddev', '\n  repeats: 3\n  interleave: true'],
    ['simplicity: false', '\n  guard: npm test\n  holdout: node holdout.js'],
  ])('accepts the decision keys decide.%s (eval:%s)', (decideLines, evalLines) => {
    const text = yml(
      { eval: `eval:\n  command: x${evalLines}` },
      `decide:\n  ${decideLines}\nexplore:\n  every: 4`,
    );
    expect(() => parse(text)).not.toThrow();
  });

  it('lets default values of those keys through', () => {
    const text = yml(
      { eval: 'eval:\n  command: x\n  interleave: false\n  network: on' },
      'decide:\n  rule: primary\n  noise: none\nexplore:\n  every: 0',
    );
    expect(parse(text).eval.network).toBe('on');
  });

  it('is empty: every key the parser reads works', () => {
    expect(NOT_SUPPORTED_YET).toEqual([]);
  });

  it('still validates the later keys', () => {
    expect(problemAt(yml({}, 'workers: 0'), 'workers', ALL_FEATURES).message).toBe(
      'expected an integer from 1 to 64, got the number 0',
    );
    expect(problemAt(yml({}, 'track: "A B"'), 'track', ALL_FEATURES).message).toBe(
      '"A B" is not a valid track name: use up to 63 lowercase letters, digits, ".", "_" and "-", starting with a letter or digit',
    );
    expect(problemAt(yml({}, 'stages:\n  - nme: x'), 'stages[0].nme', ALL_FEATURES).message).toBe(
      'unknown key (did you mean "name"?)',
    );
  });
});

describe('program.md', () => {
  it('is read from the repository root when present and not configured', () => {
    const settings = parse(yml(), { files: { 'program.md': '# strategy\n' } });
    expect(settings.program).toEqual({ path: 'program.md', text: '# strategy\n' });
  });

  it('is left out when absent and not configured', () => {
    expect(parse(yml()).program).toBeUndefined();
  });

  it('is read from the configured path', () => {
    const settings = parse(yml({}, 'program: ./docs/research.md'), {
      files: { 'docs/research.md': 'try x' },
    });
    expect(settings.program).toEqual({ path: 'docs/research.md', text: 'try x' });
  });

  it('is an error when configured but missing', () => {
    const problem = problemAt(yml({}, 'program: docs/plan.md'), 'program', { files: { 'program.md': 'x' } });
    expect(problem.message).toBe(
      'file "docs/plan.md" not found (paths are relative to the repository root); create it or remove the key',
    );
  });

  it('must stay inside the repository', () => {
    expect(problemAt(yml({}, 'program: ../notes.md'), 'program').message).toBe(
      '"../notes.md" leaves the repository (".." is not allowed)',
    );
  });
});

describe('loadSettings', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });
  function tempRepo(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'autoexp-config-'));
    roots.push(root);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  it('loads autoexp.yml and program.md from disk with an absolute configPath', async () => {
    const root = tempRepo({ 'autoexp.yml': yml(), 'program.md': 'be bold' });
    const settings = await loadSettings(join(root, 'autoexp.yml'), root);
    expect(settings.configPath).toBe(join(root, 'autoexp.yml'));
    expect(settings.tag).toBe('demo');
    expect(settings.program).toEqual({ path: 'program.md', text: 'be bold' });
  });

  it('reads the configured program relative to the repository root, not the config file', async () => {
    const root = tempRepo({ 'ci/autoexp.yml': yml({}, 'program: docs/p.md'), 'docs/p.md': 'plan' });
    const settings = await loadSettings(join(root, 'ci', 'autoexp.yml'), root);
    expect(settings.program).toEqual({ path: 'docs/p.md', text: 'plan' });
  });

  it('says how to create a missing config', async () => {
    const root = tempRepo({});
    const error = await loadSettings(join(root, 'autoexp.yml'), root).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      `autoexp.yml: not found at ${join(root, 'autoexp.yml')}; run \`autoexp init\` to create one (or pass --config)`,
    );
  });

  it('names a config in a subdirectory by its repository path in messages', async () => {
    const root = tempRepo({ 'ci/autoexp.yml': yml({ tag: 'tag: Bad' }) });
    const error = await loadSettings(join(root, 'ci', 'autoexp.yml'), root).catch(
      (caught: unknown) => caught,
    );
    expect((error as ConfigError).file).toBe('ci/autoexp.yml');
    expect((error as ConfigError).message).toMatch(/^ci\/autoexp\.yml: tag: "Bad" is not a valid tag/);
    expect((error as ConfigError).line).toBe(1);
  });

  it('reports a configured program that does not exist on disk', async () => {
    const root = tempRepo({ 'autoexp.yml': yml({}, 'program: missing.md') });
    await expect(loadSettings(join(root, 'autoexp.yml'), root)).rejects.toThrow(
      'autoexp.yml: program: file "missing.md" not found',
    );
  });

  it('does not take a directory named program.md for the program', async () => {
    const root = tempRepo({ 'autoexp.yml': yml(), 'program.md/x': 'not a file' });
    expect((await loadSettings(join(root, 'autoexp.yml'), root)).program).toBeUndefined();
  });
});

describe('base', () => {
  const names = [
    'main',
    'release/1.2',
    'feature/x-y_z',
    'origin/main',
    'HEAD~1',
    'main^',
    'a..b',
    'feature branch',
    '-main',
    'a.lock',
    'x/a.lock/y',
    'HEAD',
    'a//b',
    'x/',
    '/x',
    '.hidden',
    'x/.hidden',
    'v1.',
    'a@{1}',
    'a:b',
    'a?',
    'a*',
    'a[1]',
    'a\\b',
    'tab\there',
    'del\u007f',
  ];

  it.each(names)('%j is a branch name exactly when git says so (git check-ref-format --branch)', (name) => {
    // Outside any repository: inside one, git reads @ and @{-1} as the branches they stand for.
    const git = spawnSync('git', ['check-ref-format', '--branch', name], { cwd: tmpdir(), encoding: 'utf8' });
    expect(branchNameProblem(name) === undefined).toBe(git.status === 0);
  });

  it('@ (git check-ref-format --branch reads it as the current branch) is HEAD, not a branch', () => {
    expect(branchNameProblem('@')).toBe("is not a branch but git's name for the current commit");
  });

  it('a base that is not a branch name is refused at load, saying what base is', () => {
    expect(problemAt(yml({}, 'base: HEAD~1'), 'base').message).toBe(
      '"HEAD~1" is not a branch name: it contains "~". base is the branch autoexp/<tag> starts from and the pull request targets, such as main',
    );
    expect(parse(yml({}, 'base: release/1.2')).base).toBe('release/1.2');
  });
});
