// The search benchmark (docs/mutate.md, docs/search.md): on each problem of search/problems.mjs, 50
// experiments from the committed config, 20 runs (seed 1 to 20); the median normalised regret of random
// sampling and a (1+1) evolution strategy with the 1/5th success rule (one keep-if-better harness), and of
// mutate searching three ways at the same budget: the hill-climb, the hill-climb with explore.every, and
// search: tree. mutate runs in-process through planMutation, fed the records a session would write, so
// the table takes seconds; one real session per problem (the CLI, in a temporary repository) checks that
// the in-process hill-climb is what a session does.
import type { ExperimentRecord, Status } from '../src/ledger/types.js';
import { planMutation } from '../src/propose/mutate/plan.js';
import { mulberry32 } from '../src/propose/mutate/random.js';
import { ProposalError } from '../src/propose/types.js';
import { scopeHash } from '../src/session/scope-hash.js';
import { lineageHistory } from '../src/search/history.js';
import { chooseParent, keepAsNode, parentRandom, type SearchNode } from '../src/search/nodes.js';
// The problems are the autoexp-on-autoexp example's (one copy, which that example ships); the real
// sessions' eval is its harness/problem-eval.mjs.
// @ts-expect-error: a plain ES module
import { normalisedRegret, PROBLEMS, trueValue } from '../examples/autoexp-on-autoexp/harness/problems.mjs';

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

/** The config's text with `params` written in place of the start values (for random sampling and the ES). */
function withParameters(problem: Problem, params: Record<string, number>): string {
  return problem.start.replace(
    /^(\s*"?([A-Za-z_]\w*)"?\s*[:=]\s*)(-?[\d.]+)/gm,
    (whole, prefix: string, key: string) => (key in params ? `${prefix}${params[key]}` : whole),
  );
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

/** How a mutate session searches: the hill-climb, with explore.every, or the tree (docs/search.md). */
export type Search = { kind: 'hill' } | { kind: 'explore'; every: number } | { kind: 'tree' };

/** explore.every for the benchmark: one experiment in 5 kept whatever its result (see docs/search.md). */
export const EXPLORE_EVERY = 5;

/** A kept experiment as the session has it: its (fake) commit, its config text, what was measured. */
interface Kept {
  experiment: number;
  commit: string;
  text: string;
  observed: number;
}

/**
 * The search tree a session rebuilds from its ledger: the baseline (the root), every `keep` and `explore`
 * row is a node; a row was proposed from the node its `parent_experiment` names (the head of its time
 * without one); a node's expansions count the rows proposed from it. The metric is minimised, so a
 * node's score is the negated value.
 */
export function nodesOf(records: readonly ExperimentRecord[]): SearchNode[] {
  const nodes = new Map<number, SearchNode>();
  let head = records[0]!.experiment;
  nodes.set(head, { experiment: head, score: -records[0]!.metrics['value']!, expansions: 0 });
  for (const record of records.slice(1)) {
    const parent = record.parent_experiment ?? head;
    nodes.get(parent)!.expansions++;
    if (record.status !== 'keep' && record.status !== 'explore') continue;
    nodes.set(record.experiment, {
      experiment: record.experiment,
      parent,
      score: -record.metrics['value']!,
      expansions: 0,
    });
    if (record.status === 'keep' || record.parent_experiment === undefined) head = record.experiment;
  }
  return [...nodes.values()];
}

/**
 * mutate as a session runs it, 50 experiments after the baseline: planMutation on the text of the
 * experiment it starts from (the incumbent, or in a tree the node chooseParent picks), fed the records a
 * session writes (status, `parent` = the commit proposed from, the incumbent it was compared with). A
 * candidate better than the incumbent is kept; otherwise explore.every keeps every Nth on the head
 * whatever its result, and a tree keeps it as a node off the head when keepAsNode says so. The result is
 * the normalised regret (of the true value) of the best kept experiment by what was measured: the
 * branch's head, or `refs/autoexp/<tag>/best` with explore.every.
 */
export function mutateSession(problem: Problem, seed: number, search: Search): number {
  const noise = mulberry32(seed * 15485863 + 11);
  const measure = (text: string): number | undefined => {
    const value = trueValue(problem, text) as number | undefined;
    return value === undefined ? undefined : value + (problem.noise ?? 0) * gaussian(noise);
  };
  const hashOf = (text: string) => scopeHash(new Map([[problem.file, text]]));
  const primary = { name: 'value', goal: 'minimize' } as never;
  const baseline: Kept = {
    experiment: 0,
    commit: 'c0',
    text: problem.start,
    observed: measure(problem.start)!,
  };
  const records: ExperimentRecord[] = [
    record(0, 'keep', {
      proposer: 'none',
      commit: baseline.commit,
      metrics: { value: baseline.observed },
      scope_hash: hashOf(baseline.text),
    }),
  ];
  const kept = new Map([[baseline.experiment, baseline]]);
  let head = baseline;
  let best = baseline;
  for (let experiment = 1; experiment <= EXPERIMENTS; experiment++) {
    let from = head;
    let nodes: SearchNode[] = [];
    let parentNode: SearchNode | undefined;
    if (search.kind === 'tree') {
      nodes = nodesOf(records);
      parentNode = chooseParent(nodes, parentRandom(seed, experiment));
      from = kept.get(parentNode.experiment)!;
    }
    const fields = {
      commit: `c${experiment}`,
      parent: from.commit,
      ...(search.kind === 'tree' ? { parent_experiment: from.experiment } : {}),
      incumbent: { commit: head.commit, session: '', metrics: { value: head.observed }, samples: {} },
    };
    let planned;
    try {
      planned = planMutation({
        files: [{ path: problem.file, encoding: 'utf8', text: from.text }],
        records,
        ...(search.kind === 'tree' ? { history: lineageHistory(records, from.experiment) } : {}),
        seed,
        experiment,
        primary,
      });
    } catch (error) {
      if (!(error instanceof ProposalError)) throw error;
      records.push(record(experiment, 'invalid', fields));
      continue;
    }
    const observed = measure(planned.text);
    const proposal = { proposal: { mutation: planned.mutation }, scope_hash: hashOf(planned.text) };
    if (observed === undefined) {
      records.push(record(experiment, 'crash', { ...fields, ...proposal }));
      continue;
    }
    let status: Status = 'discard';
    if (observed < head.observed) status = 'keep';
    else if (search.kind === 'explore' && experiment % search.every === 0) status = 'explore';
    else if (search.kind === 'tree' && keepAsNode(-observed, parentNode!, nodes)) status = 'explore';
    records.push(record(experiment, status, { ...fields, ...proposal, metrics: { value: observed } }));
    if (status === 'discard') continue;
    const node: Kept = { experiment, commit: fields.commit, text: planned.text, observed };
    kept.set(experiment, node);
    if (status === 'keep' || search.kind === 'explore') head = node;
    if (observed < best.observed) best = node;
  }
  return normalisedRegret(problem, trueValue(problem, best.text));
}

/** A record as a session writes it, with what the benchmark does not use left empty. */
function record(experiment: number, status: Status, fields: Partial<ExperimentRecord>): ExperimentRecord {
  return {
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
    ...fields,
  };
}

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
  /** problem -> method -> the normalised regret of each run (seed 1 first) */
  runs: Record<string, Record<string, number[]>>;
  /** mutate's regret with seed 1 in-process and in a real session, per problem */
  sessions?: Record<string, { inProcess: number; session: number }>;
}

/** The columns of the table: the keep-if-better baselines, then mutate searching each way. */
export const COLUMNS: Record<string, (problem: Problem, seed: number) => number> = {
  random: (problem, seed) => runOnce(problem, random, seed),
  '(1+1)-ES': (problem, seed) => runOnce(problem, evolutionStrategy, seed),
  'mutate hill': (problem, seed) => mutateSession(problem, seed, { kind: 'hill' }),
  [`explore/${EXPLORE_EVERY}`]: (problem, seed) =>
    mutateSession(problem, seed, { kind: 'explore', every: EXPLORE_EVERY }),
  'mutate tree': (problem, seed) => mutateSession(problem, seed, { kind: 'tree' }),
};

export function benchSearch(): SearchResults {
  const medians: SearchResults['medians'] = {};
  const runs: SearchResults['runs'] = {};
  for (const problem of PROBLEMS as Problem[]) {
    medians[problem.name] = {};
    runs[problem.name] = {};
    for (const [name, run] of Object.entries(COLUMNS)) {
      const regrets = Array.from({ length: RUNS }, (_, index) => run(problem, index + 1));
      runs[problem.name]![name] = regrets;
      medians[problem.name]![name] = median(regrets);
    }
  }
  return { medians, runs };
}

/**
 * One real session per problem: the CLI runs 50 mutate experiments (seed 1) on the problem's config with
 * the example's harness/problem-eval.mjs as the eval; the branch's config at the end gives its regret.
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
      inProcess: mutateSession(problem, 1, { kind: 'hill' }),
      session: normalisedRegret(problem, trueValue(problem, text)),
    };
  }
  return sessions;
}

/** Which of mutate's ways of searching did best on a problem (ties: the first). */
function bestSearch(byMethod: Record<string, number>): string {
  const searches = Object.keys(COLUMNS).filter((name) => name !== 'random' && name !== '(1+1)-ES');
  return searches.reduce((best, name) => (byMethod[name]! < byMethod[best]! ? name : best));
}

export function searchTable(results: SearchResults): string {
  const methods = Object.keys(COLUMNS);
  const lines = [
    `median normalised regret after ${EXPERIMENTS} experiments, ${RUNS} runs with seed 1 to ${RUNS} (lower is better; 1 = no progress)`,
    [
      'problem'.padEnd(20),
      ...methods.map((name) => name.padStart(12)),
      '  tree/hill  runs tree better/worse  best search',
    ].join(''),
  ];
  for (const [problem, byMethod] of Object.entries(results.medians)) {
    const ratio = byMethod['mutate tree']! / byMethod['mutate hill']!;
    const hill = results.runs[problem]!['mutate hill']!;
    const tree = results.runs[problem]!['mutate tree']!;
    const better = tree.filter((regret, run) => regret < hill[run]!).length;
    const worse = tree.filter((regret, run) => regret > hill[run]!).length;
    lines.push(
      [
        problem.padEnd(20),
        ...methods.map((name) => byMethod[name]!.toPrecision(3).padStart(12)),
        ratio.toFixed(2).padStart(11),
        `${better}/${worse}`.padStart(22),
        `  ${bestSearch(byMethod)}`,
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
