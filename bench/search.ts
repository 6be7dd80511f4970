// The search benchmark (docs/mutate.md): on each problem of search/problems.mjs, 50 experiments from the
// committed config, 20 runs (seed 1 to 20); the median normalised regret of mutate beside random sampling and a (1+1)
// evolution strategy with the 1/5th success rule, all in one keep-if-better harness. mutate runs
// in-process through planMutation, fed the records a session would write, so 3000 runs take seconds;
// one real session per problem (the CLI, in a temporary repository) checks that the in-process runs are
// what a session does.
import type { ExperimentRecord, Status } from '../src/ledger/types.js';
import { planMutation } from '../src/propose/mutate/plan.js';
import { mulberry32 } from '../src/propose/mutate/random.js';
import { ProposalError } from '../src/propose/types.js';
import { scopeHash } from '../src/session/scope-hash.js';
// @ts-expect-error: a plain ES module, shared with the eval the real sessions run
import { normalisedRegret, PROBLEMS, trueValue, withParameters } from './search/problems.mjs';

export const EXPERIMENTS = 50;
export const RUNS = 20;

interface Problem {
  name: string;
  file: string;
  start: string;
  bounds: Record<string, [number, number]>;
  integer?: string[];
  noise?: number;
  optimum: number;
}

/** Proposes the next config text from the incumbent's, or undefined when it has nothing to propose. */
type Method = (
  problem: Problem,
  seed: number,
) => {
  propose(experiment: number): string | undefined;
  /** The verdict on the last proposal. */
  told(kept: boolean, value: number | undefined, text: string): void;
};

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function realValues(problem: Problem, unit: Record<string, number>): Record<string, number> {
  const params: Record<string, number> = {};
  for (const [key, [low, high]] of Object.entries(problem.bounds)) {
    const value = low + unit[key]! * (high - low);
    params[key] = problem.integer?.includes(key) ? Math.round(value) : Number(value.toPrecision(6));
  }
  return params;
}

const random: Method = (problem, seed) => {
  const next = mulberry32(seed * 7919 + 1);
  return {
    propose: () =>
      withParameters(
        problem,
        realValues(problem, Object.fromEntries(Object.keys(problem.bounds).map((key) => [key, next()]))),
      ),
    told: () => {},
  };
};

/** (1+1)-ES in the unit cube, σ0 = 0.2, 1/5th rule as σ × e^(1/3) on success and × e^(-1/12) on failure. */
const evolutionStrategy: Method = (problem, seed) => {
  const next = mulberry32(seed * 104729 + 3);
  const keys = Object.keys(problem.bounds);
  const startParams = Object.fromEntries(
    keys.map((key) => {
      const [low, high] = problem.bounds[key]!;
      const match = new RegExp(`^\\s*"?${key}"?\\s*[:=]\\s*(-?[\\d.]+)`, 'm').exec(problem.start)!;
      return [key, (Number(match[1]) - low) / (high - low)];
    }),
  );
  let parent = startParams;
  let child = parent;
  let sigma = 0.2;
  return {
    propose: () => {
      child = Object.fromEntries(
        keys.map((key) => [key, Math.min(1, Math.max(0, parent[key]! + sigma * gaussian(next)))]),
      );
      return withParameters(problem, realValues(problem, child));
    },
    told: (kept) => {
      if (kept) parent = child;
      sigma *= Math.exp(kept ? 1 / 3 : -1 / 12);
    },
  };
};

/** mutate as a session runs it: planMutation on the incumbent's text, with the records a session writes. */
const mutate: Method = (problem, seed) => {
  let incumbent = { text: problem.start, value: Number.NaN };
  const records: ExperimentRecord[] = [];
  let pending: ExperimentRecord | undefined;
  const hashOf = (text: string) => scopeHash(new Map([[problem.file, text]]));
  const record = (
    experiment: number,
    status: Status,
    fields: Partial<ExperimentRecord>,
  ): ExperimentRecord => ({
    experiment,
    commit: '',
    parent: '',
    timestamp: '',
    status,
    reason: '',
    description: '',
    metrics: {},
    samples: {},
    wall_time_s: 0,
    diff_lines: 2,
    patch: '',
    tokens: { input: 0, output: 0 },
    cost_usd: 0,
    proposer: 'mutate',
    incumbent: { commit: '', session: '', metrics: { value: incumbent.value }, samples: {} },
    ...fields,
  });
  return {
    propose(experiment) {
      try {
        const planned = planMutation({
          files: [{ path: problem.file, encoding: 'utf8', text: incumbent.text }],
          records,
          seed,
          experiment,
          primary: { name: 'value', goal: 'minimize' } as never,
        });
        pending = record(experiment, 'discard', {
          proposal: { mutation: planned.mutation },
          scope_hash: hashOf(planned.text),
        });
        return planned.text;
      } catch (error) {
        if (!(error instanceof ProposalError)) throw error;
        records.push(record(experiment, 'invalid', {}));
        return undefined;
      }
    },
    told(kept, value, text) {
      if (records.length === 0) {
        incumbent.value = value!;
        records.push(
          record(0, 'keep', { proposer: 'none', metrics: { value: value! }, scope_hash: hashOf(text) }),
        );
        return;
      }
      if (!pending) return;
      const status: Status = value === undefined ? 'crash' : kept ? 'keep' : 'discard';
      records.push({ ...pending, status, metrics: value === undefined ? {} : { value } });
      pending = undefined;
      if (kept) incumbent = { text, value: value! };
    },
  };
};

export const METHODS: Record<string, Method> = {
  random,
  '(1+1)-ES': evolutionStrategy,
  mutate,
};

/** One run: the normalised regret (of the true value) of the incumbent after EXPERIMENTS experiments. */
export function runOnce(problem: Problem, method: Method, seed: number): number {
  const noise = mulberry32(seed * 15485863 + 11);
  const measure = (text: string): number | undefined => {
    const value = trueValue(problem, text) as number | undefined;
    return value === undefined ? undefined : value + (problem.noise ?? 0) * gaussian(noise);
  };
  const search = method(problem, seed);
  let incumbent = { text: problem.start, observed: measure(problem.start)! };
  search.told(false, incumbent.observed, incumbent.text); // the baseline's measurement
  for (let experiment = 1; experiment <= EXPERIMENTS; experiment++) {
    const text = search.propose(experiment);
    if (text === undefined) continue;
    const observed = measure(text);
    const kept = observed !== undefined && observed < incumbent.observed;
    search.told(kept, observed, text);
    if (kept) incumbent = { text, observed };
  }
  return normalisedRegret(problem, trueValue(problem, incumbent.text));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface SearchResults {
  /** problem -> method -> median normalised regret over the runs */
  medians: Record<string, Record<string, number>>;
  /** mutate's regret with seed 1 in-process and in a real session, per problem */
  sessions?: Record<string, { inProcess: number; session: number }>;
}

export function benchSearch(): SearchResults {
  const medians: SearchResults['medians'] = {};
  for (const problem of PROBLEMS as Problem[]) {
    medians[problem.name] = {};
    for (const [name, method] of Object.entries(METHODS)) {
      const regrets = Array.from({ length: RUNS }, (_, index) => runOnce(problem, method, index + 1));
      medians[problem.name]![name] = median(regrets);
    }
  }
  return { medians };
}

/**
 * One real session per problem: the CLI runs 50 mutate experiments (seed 1) on the problem's config with
 * search/eval.mjs as the eval; the branch's config at the end gives its regret.
 */
export function sessionSanity(
  tools: {
    makeRepo: (files: Record<string, string>) => string;
    runCli: (cwd: string, args: string[]) => string;
    sh: (cwd: string, command: string) => string;
  },
  evalScript: string,
): NonNullable<SearchResults['sessions']> {
  const sessions: NonNullable<SearchResults['sessions']> = {};
  for (const problem of PROBLEMS as Problem[]) {
    const root = tools.makeRepo({
      [problem.file]: problem.start,
      'autoexp.yml': [
        'tag: search',
        'scope:',
        `  modify: [${problem.file}]`,
        'eval:',
        `  command: node ${JSON.stringify(evalScript)} ${problem.name}`,
        'metrics:',
        '  - name: value',
        '    goal: minimize',
        'decide:',
        '  min-delta: 0',
        'budget:',
        `  experiments: ${EXPERIMENTS}`,
        '  consecutive-crashes: 1000',
        'proposer:',
        '  kind: mutate',
        '  seed: 1',
        '',
      ].join('\n'),
    });
    tools.runCli(root, ['run']);
    const text = tools.sh(root, `git show autoexp/search:${problem.file}`);
    sessions[problem.name] = {
      inProcess: runOnce(problem, mutate, 1),
      session: normalisedRegret(problem, trueValue(problem, text)),
    };
  }
  return sessions;
}

export function searchTable(results: SearchResults): string {
  const methods = Object.keys(METHODS);
  const lines = [
    `median normalised regret after ${EXPERIMENTS} experiments, ${RUNS} runs with seed 1 to ${RUNS} (lower is better; 1 = no progress)`,
    ['problem'.padEnd(20), ...methods.map((name) => name.padStart(10)), '  mutate best?'].join(''),
  ];
  for (const [problem, byMethod] of Object.entries(results.medians)) {
    const others = methods.filter((name) => name !== 'mutate').map((name) => byMethod[name]!);
    const wins = byMethod['mutate']! < Math.min(...others);
    lines.push(
      [
        problem.padEnd(20),
        ...methods.map((name) => byMethod[name]!.toPrecision(3).padStart(10)),
        wins ? '  yes' : '  no',
      ].join(''),
    );
  }
  if (results.sessions) {
    lines.push('', 'real session (CLI, seed 1) vs the in-process run with the same seed:');
    for (const [problem, { inProcess, session }] of Object.entries(results.sessions))
      lines.push(
        `${problem.padEnd(20)} in-process ${inProcess.toPrecision(4)}  session ${session.toPrecision(4)}`,
      );
  }
  return lines.join('\n');
}
