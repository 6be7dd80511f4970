// search: tree end to end: real repositories with a bare origin, a real eval (node reading a JSON file),
// mutate or a scripted command proposer. The tree's nodes are the baseline, `keep` rows and `explore`
// rows; nodes off the head are pinned by refs/autoexp/<tag>/nodes/<n>.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config/load.js';
import type { Settings } from '../src/config/settings.js';
import { Git } from '../src/git/git.js';
import { parseJsonl } from '../src/ledger/jsonl.js';
import type { ExperimentRecord, LedgerRow } from '../src/ledger/types.js';
import { statePrompt } from '../src/propose/llm-prompt.js';
import type { ProposerContext } from '../src/propose/types.js';
import { chartPoints } from '../src/report/chart.js';
import { renderReport } from '../src/report/markdown.js';
import { bestRow } from '../src/report/summary.js';
import { bestPath, treeFromRecords } from '../src/search/ledger-tree.js';
import { pushBranch } from '../src/session/push.js';
import { runPushedSession } from '../src/session/pushed-session.js';
import { scopeHash } from '../src/session/scope-hash.js';
import { SearchTree } from '../src/session/search-tree.js';
import { runSession, type SessionOptions } from '../src/session/session.js';
import { RepositoryGuard } from '../src/tree/guard.js';
import { createTestRepo, GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';

const TAG = 'deep';
const BRANCH = `autoexp/${TAG}`;
const NODES = `refs/autoexp/${TAG}/nodes/`;

/**
 * Deceptive: every other parameter is worth most at 4; a is worth 5 a step up to 2, then less and less,
 * until at 6 it is worth 30. A hill-climb stops at a = 2 (unless a step of 4 at once finds 6).
 */
const EVAL_JS = `const fs = require('fs');
const p = JSON.parse(fs.readFileSync('params.json', 'utf8'));
if (process.env.HOSTILE_WHEN && p.b === Number(process.env.HOSTILE_WHEN)) {
  require('child_process').execSync(process.env.HOSTILE_SCRIPT, { shell: '/bin/sh' });
}
const trap = p.a <= 2 ? 5 * p.a : p.a < 6 ? 10 - 2 * p.a : 30;
const rest = Object.keys(p).filter((key) => key !== 'a').reduce((sum, key) => sum + Math.abs(p[key] - 4) * 3, 0);
console.log('score: ' + (trap - rest));
`;

/** A command proposer: copies its prompt, then sets the params PLAN's line names ("b=1 c=2"). */
const PROPOSE_JS = `const fs = require('fs');
const experiment = Number(process.env.AUTOEXP_EXPERIMENT);
if (process.env.CAPTURE) fs.copyFileSync(process.env.AUTOEXP_PROMPT_FILE, process.env.CAPTURE + '/prompt-' + experiment + '.md');
const line = fs.readFileSync(process.env.PLAN, 'utf8').split('\\n')[experiment - 1] || '';
const p = JSON.parse(fs.readFileSync('params.json', 'utf8'));
for (const word of line.split(' ').filter(Boolean)) {
  if (word.startsWith('!')) { require('child_process').execSync(word.slice(1).replace(/_/g, ' '), { shell: '/bin/sh' }); continue; }
  const [key, value] = word.split('=');
  p[key] = Number(value);
}
fs.writeFileSync('params.json', JSON.stringify(p) + '\\n');
fs.writeFileSync(process.env.AUTOEXP_DESCRIPTION_FILE, 'set ' + line);
`;

/**
 * With mutate (seed 3) the best stops improving at #14; the tree starts proposing from other nodes once
 * it has stalled (src/search/nodes.ts), and #40 is the first node kept off the head.
 */
const STALLED_AND_BRANCHED = 45;

function treeProject(options: { proposer?: string; top?: string; experiments?: number } = {}): TestRepo {
  return createTestRepo({
    'params.json': '{"a": 2, "b": 3, "c": 3, "d": 3, "e": 2}\n',
    'eval.js': EVAL_JS,
    'propose.js': PROPOSE_JS,
    'autoexp.yml': `tag: ${TAG}
search: tree
${options.top ?? ''}
scope:
  modify: [params.json]
eval:
  command: node eval.js
metrics:
  - name: score
    goal: maximize
budget:
  experiments: ${options.experiments ?? 12}
proposer:
${options.proposer ?? '  kind: mutate\n  seed: 3'}
`,
  });
}

const COMMAND_PROPOSER = '  kind: command\n  run: node propose.js';

async function settingsOf(repo: TestRepo): Promise<Settings> {
  return loadSettings(join(repo.root, 'autoexp.yml'), repo.root);
}

async function session(
  repo: TestRepo,
  overrides: Partial<SessionOptions> = {},
  env: Record<string, string> = {},
) {
  return runSession({
    settings: await settingsOf(repo),
    checkout: repo.root,
    baseRef: 'main',
    env: { ...process.env, ...GIT_IDENTITY_ENV, ...env },
    signal: new AbortController().signal,
    ...overrides,
  });
}

function records(repo: TestRepo): ExperimentRecord[] {
  return parseJsonl(repo.git('show', `${BRANCH}:.autoexp/${TAG}/experiments/0000.jsonl`), 'log');
}

function rowsOf(list: readonly ExperimentRecord[]): LedgerRow[] {
  return list.map((record) => ({
    experiment: record.experiment,
    commit: record.commit,
    metrics: { score: record.metrics.score },
    status: record.status,
    description: record.description,
  }));
}

/** refs/autoexp/deep/nodes/<n> → sha, in the repository at `gitDir` (default: the work repository's). */
function nodeRefs(repo: TestRepo, gitDir = join(repo.root, '.git')): Map<number, string> {
  const out = execFileSync(
    'git',
    ['--git-dir', gitDir, 'for-each-ref', '--format=%(refname) %(objectname)', NODES],
    {
      encoding: 'utf8',
    },
  );
  return new Map(
    out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, sha] = line.split(' ');
        return [Number(name!.slice(NODES.length)), sha!];
      }),
  );
}

function plan(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'autoexp-tree-plan-')), 'plan.txt');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The head of the branch as of each record: the node every hill-climb would have proposed from. */
function headsBefore(list: readonly ExperimentRecord[]): Map<number, number> {
  const heads = new Map<number, number>();
  let head = 0;
  for (const record of list) {
    heads.set(record.experiment, head);
    if (record.status === 'keep') head = record.experiment;
  }
  return heads;
}

describe('search: tree', () => {
  it('keeps a candidate that beats its node but not the best as an explore row, pinned by its node ref', async () => {
    const repo = treeProject({ experiments: STALLED_AND_BRANCHED });
    await session(repo);
    const list = records(repo);
    const refs = nodeRefs(repo);
    const explores = list.filter((record) => record.status === 'explore');
    expect(explores.length).toBeGreaterThan(0);
    for (const record of explores) {
      const sha = refs.get(record.experiment)!;
      expect(sha.startsWith(record.commit)).toBe(true);
      // Its commit holds the candidate's files (the record's scope hash), and it is not on the branch.
      const files = new Map([['params.json', repo.git('show', `${sha}:params.json`) + '\n']]);
      expect(scopeHash(files)).toBe(record.scope_hash);
      expect(() => repo.git('merge-base', '--is-ancestor', sha, BRANCH)).toThrow();
      expect(record.parent_experiment).toBeDefined();
      expect(record.reason).toMatch(new RegExp(`^node: better than #${record.parent_experiment}`));
      // It beat the node it came from.
      const parent = list.find((other) => other.experiment === record.parent_experiment)!;
      expect(record.metrics.score!).toBeGreaterThan(parent.metrics.score!);
    }
    // Every node has its ref: the baseline, the keeps, the explores; nothing else does.
    const nodes = list.filter((record) => record.status === 'keep' || record.status === 'explore');
    expect([...refs.keys()].sort((a, b) => a - b)).toEqual(nodes.map((record) => record.experiment));
    // The head is the best node: bestRow names the last keep, whose files the branch holds.
    const best = bestRow(rowsOf(list), (await settingsOf(repo)).metrics)!;
    expect(best.experiment).toBe(list.filter((record) => record.status === 'keep').at(-1)!.experiment);
    expect(repo.git('show', `${refs.get(best.experiment)}:params.json`)).toBe(
      repo.git('show', `${BRANCH}:params.json`),
    );
    // The branch stays linear: every commit follows the one before (first parents only, no merges).
    expect(repo.git('rev-list', '--merges', BRANCH)).toBe('');
  });

  it('resumes with the same tree, proposes from nodes off the head, and the PR body names the best path', async () => {
    const repo = treeProject({ experiments: STALLED_AND_BRANCHED });
    await session(repo);
    const first = records(repo);
    const refsAfterFirst = nodeRefs(repo);
    const settings = await settingsOf(repo);
    const treeAfterFirst = treeFromRecords(first, settings.metrics[0]!);

    await session(repo, { experiments: 20 });
    const all = records(repo);
    expect(all.map((record) => record.experiment)).toEqual([...Array(STALLED_AND_BRANCHED + 21).keys()]);
    // The same nodes, with their refs where they were; expansions carried on.
    for (const [experiment, sha] of refsAfterFirst) expect(nodeRefs(repo).get(experiment)).toBe(sha);
    const treeAfterSecond = treeFromRecords(all, settings.metrics[0]!);
    for (const node of treeAfterFirst.nodes) {
      const again = treeAfterSecond.nodes.find((other) => other.experiment === node.experiment)!;
      expect({ ...again, expansions: 0 }).toEqual({ ...node, expansions: 0 });
      expect(again.expansions).toBeGreaterThanOrEqual(node.expansions);
    }
    // The second session proposed from nodes that were not the head, and started from their files.
    const heads = headsBefore(all);
    const offHead = all.filter(
      (record) =>
        record.experiment > STALLED_AND_BRANCHED &&
        record.parent_experiment !== undefined &&
        record.parent_experiment !== heads.get(record.experiment),
    );
    expect(offHead.length).toBeGreaterThan(0);
    for (const record of offHead) {
      const parent = repo.git('show', `${NODES}${record.parent_experiment}:params.json`);
      expect(record.patch).toContain(`-${parent}`);
      expect(record.parent).toBe(all[record.parent_experiment!]!.commit);
    }

    const body = renderReport({
      tag: TAG,
      branch: BRANCH,
      metrics: settings.metrics,
      rows: rowsOf(all),
      records: all,
    });
    const best = bestRow(rowsOf(all), settings.metrics)!;
    const path = bestPath(all, settings.metrics[0]!, best.experiment).map((node) => node.experiment);
    expect(path[0]).toBe(0);
    expect(path.at(-1)).toBe(best.experiment);
    const line = body.split('\n').find((text) => text.startsWith('Best path (search: tree): '))!;
    expect(line).toBeDefined();
    expect([...line.matchAll(/#(\d+)/g)].map((match) => Number(match[1]))).toEqual(path);
    // The head is the best: no "the head is an explore step" advice, no best ref to fetch.
    expect(body).not.toContain(`refs/autoexp/${TAG}/best`);
  });

  it('never proposes from a node whose ref is gone or no longer holds the commit its record names', async () => {
    const repo = treeProject({ experiments: STALLED_AND_BRANCHED });
    await session(repo);
    const first = records(repo);
    const head = first.filter((record) => record.status === 'keep').at(-1)!.experiment;
    const offHead = [...nodeRefs(repo).keys()].filter((experiment) => experiment !== head);
    expect(offHead.length).toBeGreaterThan(2);
    // One node let go; every other one but the head pointed at a commit whose files are something else.
    const [gone, ...moved] = offHead;
    repo.git('update-ref', '-d', `${NODES}${gone}`);
    const planted = repo.git('commit-tree', '-m', 'planted', repo.git('rev-parse', 'main^{tree}'));
    for (const experiment of moved) repo.git('update-ref', `${NODES}${experiment}`, planted);
    await session(repo, { experiments: 20 });
    const second = records(repo).slice(first.length);
    expect(second.length).toBe(20);
    for (const record of second) expect([gone, ...moved]).not.toContain(record.parent_experiment);
    // What is left to start from: the head, and the nodes the second session made.
    for (const record of second)
      expect(record.parent_experiment === head || record.parent_experiment! >= first.length).toBe(true);
  });

  it('tells a command proposer which node it starts from and how that node was reached', async () => {
    const repo = treeProject({ proposer: COMMAND_PROPOSER });
    const capture = mkdtempSync(join(tmpdir(), 'autoexp-tree-prompts-'));
    const steps = ['b=1', 'b=2', 'c=1', 'c=2', 'b=3', 'a=1', 'c=3', 'b=4', 'a=2', 'c=4', 'a=1', 'b=2'];
    await session(repo, {}, { PLAN: plan(steps), CAPTURE: capture });
    const list = records(repo);
    expect(readdirSync(capture)).toHaveLength(12);
    let deep = 0;
    for (const record of list.slice(1)) {
      const prompt = readFileSync(join(capture, `prompt-${record.experiment}.md`), 'utf8');
      const from = record.parent_experiment!;
      const node = list[from]!;
      const lineage = bestPath(
        list,
        { name: 'score', goal: 'maximize', extract: { kind: 'auto' } } as never,
        from,
      );
      const expected = lineage
        .map((step) => (step.experiment === 0 ? 'baseline' : `#${step.experiment} (${step.description})`))
        .join(' → ');
      expect(prompt).toContain(
        `This experiment starts from experiment #${from} (score=${node.metrics.score}), reached by: ${expected}.`,
      );
      if (lineage.length > 2) deep++;
    }
    expect(deep).toBeGreaterThan(0);
  });

  it('puts back node refs that a hostile eval or proposer deletes, moves or plants', async () => {
    const repo = treeProject({ proposer: COMMAND_PROPOSER });
    const elsewhere = repo.git('commit-tree', '-m', 'planted', `${repo.git('rev-parse', 'main^{tree}')}`);
    const hostile = `git update-ref -d ${NODES}0; git update-ref ${NODES}1 ${elsewhere}; git update-ref ${NODES}999 ${elsewhere}`;
    const steps = [
      'b=4',
      // A proposer that points a node at content of its choice, to be proposed from later.
      `b=5 !git_update-ref_${NODES}0_${elsewhere}`,
      // An eval (it runs when b is 7) that deletes, moves and plants node refs.
      'b=7',
      'c=4',
    ];
    const result = await session(
      repo,
      { experiments: 4 },
      { PLAN: plan(steps), HOSTILE_WHEN: '7', HOSTILE_SCRIPT: hostile },
    );
    const list = records(repo);
    expect(list.map((record) => record.status)).toEqual([
      'keep',
      'keep',
      'invalid',
      'crash',
      expect.any(String),
    ]);
    expect(list[2]!.reason).toContain(`moved ${NODES}0`);
    expect(list[3]!.reason).toMatch(new RegExp(`deleted ${NODES}0|moved ${NODES}1|created ${NODES}999`));
    const refs = nodeRefs(repo);
    expect(refs.has(999)).toBe(false);
    expect(refs.get(0)!.startsWith(list[0]!.commit)).toBe(true);
    expect(refs.get(1)!.startsWith(list[1]!.commit)).toBe(true);
    expect([...refs.values()]).not.toContain(elsewhere);
    expect(result.stopReason).toBe('experiments');
  });

  it('works with two workers', async () => {
    const repo = treeProject({ top: 'workers: 2', experiments: STALLED_AND_BRANCHED });
    await session(repo);
    const list = records(repo);
    expect(list.map((record) => record.experiment)).toEqual([...Array(STALLED_AND_BRANCHED + 1).keys()]);
    const refs = nodeRefs(repo);
    const nodes = list.filter((record) => record.status === 'keep' || record.status === 'explore');
    expect([...refs.keys()].sort((a, b) => a - b)).toEqual(nodes.map((record) => record.experiment));
    for (const record of nodes) expect(refs.get(record.experiment)!.startsWith(record.commit)).toBe(true);
    for (const record of list.slice(1)) {
      expect(record.parent_experiment).toBeLessThan(record.experiment);
      expect(record.rebased).toBeUndefined();
    }
    const heads = headsBefore(list);
    expect(
      list.some(
        (record) => record.experiment > 0 && record.parent_experiment !== heads.get(record.experiment),
      ),
    ).toBe(true);
    const best = bestRow(rowsOf(list), (await settingsOf(repo)).metrics)!;
    expect(repo.git('show', `${refs.get(best.experiment)}:params.json`)).toBe(
      repo.git('show', `${BRANCH}:params.json`),
    );
  });

  it('pushes its node refs with the branch, and deletes on the remote the nodes it lets go', async () => {
    const repo = treeProject({ experiments: STALLED_AND_BRANCHED });
    const settings = await settingsOf(repo);
    const git = Git.at(repo.root);
    const { commonDir } = await git.describeRepository();
    const warnings: string[] = [];
    await runPushedSession({
      run: (more) => session(repo, more),
      settings,
      remote: git,
      remoteName: 'origin',
      commonDir,
      experiments: STALLED_AND_BRANCHED,
      goOnAfterRace: true,
      signal: new AbortController().signal,
      warn: (message) => warnings.push(message),
      info: () => undefined,
    });
    expect(warnings).toEqual([]);
    const local = nodeRefs(repo);
    expect(nodeRefs(repo, repo.origin)).toEqual(local);
    expect(local.size).toBeGreaterThan(2);

    // Past a bound of 2 the weakest leaves go (never the best's path), here and with the next push on the remote.
    // (A session prunes after each new node; here the bound is made small by hand.)
    const guard = await RepositoryGuard.take(git, commonDir, () => false, tmpdir());
    const tree = new SearchTree(git, TAG, settings.metrics[0]!, 0, guard);
    const gone = await tree.prune(records(repo), 2);
    expect(gone.length).toBeGreaterThan(0);
    for (const experiment of gone) expect(nodeRefs(repo).has(experiment)).toBe(false);
    // The push after the experiment whose node made the tree too big.
    expect(await pushBranch(git, TAG, BRANCH, 'origin', { nodes: 'push-and-prune' })).toEqual({ ok: true });
    for (const experiment of gone) expect(nodeRefs(repo, repo.origin).has(experiment)).toBe(false);
    expect(nodeRefs(repo, repo.origin)).toEqual(nodeRefs(repo));
  });

  it('never calls an explore row the best, whatever its value', () => {
    const rows: LedgerRow[] = [
      { experiment: 0, commit: 'a', metrics: { score: 1 }, status: 'keep', description: 'baseline' },
      { experiment: 1, commit: 'b', metrics: { score: 5 }, status: 'keep', description: 'k' },
      { experiment: 2, commit: 'c', metrics: { score: 9 }, status: 'explore', description: 'e' },
    ];
    expect(
      bestRow(rows, [{ name: 'score', goal: 'maximize', extract: { kind: 'auto' } } as never])?.experiment,
    ).toBe(1);
  });

  it('rebuilds the tree from the records: hill-era records start from the head of their time', () => {
    const primary = { name: 'score', goal: 'minimize', extract: { kind: 'auto' } } as never;
    const at = (experiment: number, status: ExperimentRecord['status'], score?: number, from?: number) =>
      ({
        experiment,
        commit: `c${experiment}`,
        status,
        description: `d${experiment}`,
        metrics: score === undefined ? {} : { score },
        ...(from === undefined ? {} : { parent_experiment: from }),
      }) as unknown as ExperimentRecord;
    const tree = treeFromRecords(
      [
        at(0, 'keep', 10),
        at(1, 'explore', 12), // explore.every: it became the head
        at(2, 'discard', 13),
        at(3, 'keep', 8, 0),
        at(4, 'explore', 9, 0),
        at(5, 'crash', undefined, 4),
        at(6, 'keep', 7, 4),
      ],
      primary,
    );
    expect(tree.head).toBe(6);
    expect(tree.nodes.map((node) => [node.experiment, node.parent, node.score, node.expansions])).toEqual([
      [0, undefined, -10, 3],
      [1, 0, -12, 1],
      [3, 0, -8, 0],
      [4, 0, -9, 2],
      [6, 4, -7, 0],
    ]);
  });

  it('tells the llm which node it starts from', async () => {
    const repo = treeProject();
    const settings = await settingsOf(repo);
    const prompt = statePrompt({
      settings,
      records: [],
      rows: [],
      incumbent: { commit: 'c9', metrics: { score: 10 } },
      inFlight: [],
      start: {
        experiment: 7,
        description: 'deeper',
        metrics: { score: 4 },
        lineage: [
          { experiment: 0, description: 'baseline', metrics: { score: -24 } },
          { experiment: 3, description: 'wider', metrics: { score: 1 } },
          { experiment: 7, description: 'deeper', metrics: { score: 4 } },
        ],
      },
    } as unknown as ProposerContext);
    expect(prompt).toContain(
      'This experiment starts from experiment #7 (score=4), reached by: baseline → #3 (wider) → #7 (deeper).',
    );
  });

  it("draws a crash at the head's value, not at an explore node's, in the PR chart", () => {
    const rows: LedgerRow[] = [
      { experiment: 0, commit: 'a', metrics: { score: 1 }, status: 'keep', description: 'baseline' },
      { experiment: 1, commit: 'b', metrics: { score: 9 }, status: 'explore', description: 'e' },
      { experiment: 2, commit: '', metrics: {}, status: 'crash', description: 'c' },
    ];
    const primary = { name: 'score', goal: 'minimize', extract: { kind: 'auto' } } as never;
    expect(chartPoints(rows, primary, undefined, true).at(-1)?.value).toBe(1);
    expect(chartPoints(rows, primary).at(-1)?.value).toBe(9);
  });
});
