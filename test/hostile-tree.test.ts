// search: tree against a hostile proposer and a hostile eval: only the files in scope change on the
// branch, main stays, the ledger keeps every row, and a node's files come from the commit its record
// names, whatever untrusted code (or a remote) does to the node refs.
//
// The project keeps nothing (decide.min-delta is out of reach): every candidate that beats the node it
// came from is an `explore` node, and the next proposal starts from the best of them. So proposals start
// from nodes off the head from experiment 2 on, with no need for the tree to stall first.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config/load.js';
import { parseJsonl } from '../src/ledger/jsonl.js';
import type { ExperimentRecord } from '../src/ledger/types.js';
import { Git } from '../src/git/git.js';
import { runPushedSession } from '../src/session/pushed-session.js';
import { runSession, type SessionOptions, type SessionResult } from '../src/session/session.js';
import { createTestRepo, GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';

const TAG = 'deep';
const BRANCH = `autoexp/${TAG}`;
const NODES = `refs/autoexp/${TAG}/nodes/`;
const LEDGER = `.autoexp/${TAG}/`;

const EVAL_JS = `const fs = require('fs');
const p = JSON.parse(fs.readFileSync('params.json', 'utf8'));
if (process.env.HOSTILE_SCRIPT && p.b === 7) require('child_process').execSync(process.env.HOSTILE_SCRIPT, { shell: '/bin/sh' });
console.log('score: ' + -Object.values(p).reduce((sum, value) => sum + Math.abs(value - 4), 0));
`;

/** Sets the params the plan's line names ("b=1 c=2"); a word "!cmd_with_spaces" runs a shell command. */
const PROPOSE_JS = `const fs = require('fs');
const experiment = Number(process.env.AUTOEXP_EXPERIMENT);
const line = fs.readFileSync(process.env.PLAN, 'utf8').split('\\n')[experiment - 1] || '';
for (const word of line.split(' ').filter(Boolean)) {
  if (word.startsWith('!')) { require('child_process').execSync(word.slice(1).replace(/_/g, ' '), { shell: '/bin/sh' }); continue; }
  const p = JSON.parse(fs.readFileSync('params.json', 'utf8'));
  const [key, value] = word.split('=');
  p[key] = Number(value);
  fs.writeFileSync('params.json', JSON.stringify(p) + '\\n');
}
fs.writeFileSync(process.env.AUTOEXP_DESCRIPTION_FILE, 'set ' + line);
`;

function project(): TestRepo {
  return createTestRepo({
    'params.json': '{"a":0,"b":0,"c":0,"d":0}\n',
    'eval.js': EVAL_JS,
    'propose.js': PROPOSE_JS,
    'autoexp.yml': `tag: ${TAG}
search: tree
scope:
  modify: [params.json]
eval:
  command: node eval.js
metrics:
  - name: score
    goal: maximize
decide:
  min-delta: 1000
proposer:
  kind: command
  run: node propose.js
`,
  });
}

async function session(
  repo: TestRepo,
  steps: readonly string[],
  experiments: number,
  more: Partial<SessionOptions> = {},
  env: Record<string, string> = {},
): Promise<SessionResult> {
  const path = join(mkdtempSync(join(tmpdir(), 'autoexp-hostile-tree-')), 'plan.txt');
  writeFileSync(path, `${steps.join('\n')}\n`);
  return runSession({
    settings: await loadSettings(join(repo.root, 'autoexp.yml'), repo.root),
    checkout: repo.root,
    baseRef: 'main',
    env: { ...process.env, ...GIT_IDENTITY_ENV, PLAN: path, ...env },
    signal: new AbortController().signal,
    experiments,
    ...more,
  });
}

/** autoexp run --push: the remote's node refs are fetched first and pushed with the branch. */
async function pushedSession(
  repo: TestRepo,
  steps: readonly string[],
  experiments: number,
): Promise<string[]> {
  const git = Git.at(repo.root);
  const warnings: string[] = [];
  await runPushedSession({
    run: (more) => session(repo, steps, experiments, more),
    settings: await loadSettings(join(repo.root, 'autoexp.yml'), repo.root),
    remote: git,
    remoteName: 'origin',
    commonDir: (await git.describeRepository()).commonDir,
    experiments,
    goOnAfterRace: true,
    signal: new AbortController().signal,
    warn: (message) => warnings.push(message),
    info: () => undefined,
  });
  return warnings;
}

function records(repo: TestRepo): ExperimentRecord[] {
  return parseJsonl(repo.git('show', `${BRANCH}:${LEDGER}experiments/0000.jsonl`), 'log');
}

function nodeRefs(repo: TestRepo): Map<number, string> {
  const out = repo.git('for-each-ref', '--format=%(refname) %(objectname)', NODES);
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

/** Files that differ between main and `commit`, outside the scope and the ledger. */
function outsideScope(repo: TestRepo, commit: string): string[] {
  return repo
    .git('diff', '--name-only', 'main', commit)
    .split('\n')
    .filter((path) => path !== '' && path !== 'params.json' && !path.startsWith(LEDGER));
}

/** The promises, checked against what git holds. */
function expectPromisesHold(repo: TestRepo, mainBefore: string, planted: number[] = []): ExperimentRecord[] {
  expect(repo.git('rev-parse', 'main')).toBe(mainBefore);
  const list = records(repo);
  expect(list.map((record) => record.experiment)).toEqual(list.map((_, index) => index));
  for (const commit of repo.git('rev-list', `main..${BRANCH}`).split('\n').filter(Boolean))
    expect(outsideScope(repo, commit), commit).toEqual([]);
  const refs = nodeRefs(repo);
  for (const [experiment, sha] of refs) {
    if (planted.includes(experiment)) continue;
    const record = list[experiment]!;
    expect(['keep', 'explore']).toContain(record.status);
    expect(sha.startsWith(record.commit)).toBe(true);
    expect(outsideScope(repo, sha), `node ${experiment}`).toEqual([]);
  }
  return list;
}

/**
 * A commit whose sha starts with `prefix` (a record's short sha), holding `tree`: found by trying
 * messages until one hashes right, as an attacker would.
 */
function commitWithPrefix(repo: TestRepo, tree: string, prefix: string): string {
  const head = `tree ${tree}\nauthor a <a@a> 0 +0000\ncommitter a <a@a> 0 +0000\n\n`;
  for (let nonce = 0; ; nonce++) {
    const body = `${head}${nonce}\n`;
    const sha = createHash('sha1')
      .update(`commit ${Buffer.byteLength(body)}\0${body}`)
      .digest('hex');
    if (!sha.startsWith(prefix)) continue;
    const written = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], {
      cwd: repo.root,
      input: body,
      encoding: 'utf8',
    }).trim();
    expect(written).toBe(sha);
    return sha;
  }
}

/** A tree: `base`'s, with `files` written over it. */
function treeWith(repo: TestRepo, base: string, files: Record<string, string>): string {
  const index = join(mkdtempSync(join(tmpdir(), 'autoexp-hostile-tree-index-')), 'index');
  const env = { ...process.env, GIT_INDEX_FILE: index };
  const run = (args: string[], input?: string) =>
    execFileSync('git', args, { cwd: repo.root, env, encoding: 'utf8', ...(input ? { input } : {}) }).trim();
  run(['read-tree', base]);
  for (const [path, text] of Object.entries(files)) {
    const blob = run(['hash-object', '-w', '--stdin'], text);
    run(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`]);
  }
  return run(['write-tree']);
}

const globalConfigBefore = process.env.GIT_CONFIG_GLOBAL;
afterEach(() => {
  if (globalConfigBefore === undefined) delete process.env.GIT_CONFIG_GLOBAL;
  else process.env.GIT_CONFIG_GLOBAL = globalConfigBefore;
});

describe('search: tree against hostile code', () => {
  it('proposes from nodes off the head (the setup the other attacks rely on)', async () => {
    const repo = project();
    const mainBefore = repo.git('rev-parse', 'main');
    await session(repo, ['b=4', 'c=4', 'a=9'], 3);
    const list = expectPromisesHold(repo, mainBefore);
    expect(list.map((record) => record.status)).toEqual(['keep', 'explore', 'explore', 'discard']);
    expect(list.map((record) => record.parent_experiment)).toEqual([undefined, 0, 1, 2]);
  });

  it('gives a proposer that starts off the head nothing for committing, checking out nodes or editing outside the scope', async () => {
    const repo = project();
    const mainBefore = repo.git('rev-parse', 'main');
    const steps = [
      'b=4',
      // From node 1: a commit of its own, with a file out of scope.
      'c=4 !echo_evil_>_evil.txt !git_add_-A !git_commit_-qm_mine',
      // From node 1: a commit of its own, in scope (the commit is undone, the change counts).
      'c=3 !git_commit_-qam_mine',
      // From node 3: checks out the baseline's node (its files out of scope are the ledger of then).
      `!git_checkout_-q_${NODES}0 d=4`,
      // From node 3: a file out of scope, left in the tree.
      'd=2 !echo_x_>>_eval.js',
    ];
    await session(repo, steps, steps.length);
    const list = expectPromisesHold(repo, mainBefore);
    expect(list.map((record) => [record.status, record.parent_experiment])).toEqual([
      ['keep', undefined],
      ['explore', 0],
      ['invalid', 1],
      ['explore', 1],
      ['invalid', 3],
      ['invalid', 3],
    ]);
    expect(list[2]!.reason).toContain('evil.txt');
    expect(list[5]!.reason).toContain('eval.js');
    expect(repo.git('show', `${NODES}3:params.json`)).toBe('{"a":0,"b":4,"c":3,"d":0}');
    expect(repo.git('show', `${BRANCH}:params.json`)).toBe('{"a":0,"b":0,"c":0,"d":0}');
  });

  it('puts back node refs an eval rewrites in packed-refs or replaces with symlinks', async () => {
    const repo = project();
    const mainBefore = repo.git('rev-parse', 'main');
    const hostile = [
      'd=$(git rev-parse --path-format=absolute --git-common-dir)',
      'evil=$(git commit-tree -m evil "$(git rev-parse HEAD^{tree})")',
      'git pack-refs --all',
      `sed -i "s|^[0-9a-f]* ${NODES}1$|$evil ${NODES}1|" "$d/packed-refs"`,
      `mkdir -p "$d/${NODES}"`,
      `ln -s "$d/refs/heads/main" "$d/${NODES}5"`,
      `ln -sf "$d/refs/heads/main" "$d/${NODES}2"`,
    ].join('; ');
    await session(repo, ['b=4', 'c=4', 'b=7', 'd=4', 'd=3'], 5, {}, { HOSTILE_SCRIPT: hostile });
    const list = expectPromisesHold(repo, mainBefore);
    expect(list.map((record) => [record.status, record.parent_experiment])).toEqual([
      ['keep', undefined],
      ['explore', 0],
      ['explore', 1],
      ['crash', 2],
      ['explore', 2],
      ['discard', 4],
    ]);
    expect(list[3]!.reason).toMatch(/packed-refs|nodes\/1|nodes\/2|nodes\/5/);
    // Node 5 is the one experiment 5 would have been, had it been kept: no ref, and no symlink.
    expect([...nodeRefs(repo).keys()].sort()).toEqual([0, 1, 2, 4]);
    expect(repo.git('show', `${NODES}2:params.json`)).toBe('{"a":0,"b":4,"c":4,"d":0}');
  });

  it('never reads a node from a commit that only shares its short sha with the one its record names', async () => {
    // A repository configured for the shortest abbreviation git allows (autoexp reads ~/.gitconfig as it
    // was when the session started, so an eval can no longer ask for it there): records hold 4 characters.
    const repo = project();
    repo.git('config', 'core.abbrev', '4');
    const mainBefore = repo.git('rev-parse', 'main');
    await session(repo, ['b=4', 'b=1'], 2);
    const first = records(repo);
    expect(first.map((record) => record.status)).toEqual(['keep', 'explore', 'discard']);
    const short = first[1]!.commit;
    expect(short.length).toBeLessThanOrEqual(5);
    // The node's ref is pointed (by a remote's planted ref, or by another worker's eval while this one
    // chooses) at a commit with the same short sha, holding other files in scope and out of it.
    const evil = commitWithPrefix(
      repo,
      treeWith(repo, `${NODES}1`, { 'params.json': '{"a":4,"b":4,"c":4,"d":4}\n', 'evil.txt': 'evil\n' }),
      short,
    );
    repo.git('update-ref', `${NODES}1`, evil);
    await session(repo, ['', '', 'd=1'], 1);
    const second = records(repo)[3]!;
    // Node 1 is not where its record says: the next proposal starts from the head.
    expect(second.parent_experiment).toBe(0);
    expect(second.patch).not.toContain('"c":4');
    for (const [experiment, sha] of nodeRefs(repo))
      if (experiment !== 1) expect(repo.git('show', `${sha}:params.json`)).not.toContain('"c":4');
    expect(repo.git('show', `${BRANCH}:params.json`)).not.toContain('"c":4');
    expect(repo.git('rev-parse', 'main')).toBe(mainBefore);
  });

  it('takes nothing from node refs planted on the remote that --push fetches', async () => {
    const repo = project();
    const mainBefore = repo.git('rev-parse', 'main');
    const steps = ['b=4', 'b=1', 'c=4', 'd=4'];
    expect(await pushedSession(repo, steps.slice(0, 2), 2)).toEqual([]);
    const first = records(repo);
    expect(first.map((record) => record.status)).toEqual(['keep', 'explore', 'discard']);
    // Someone pushes node refs of their own: over node 1, for no experiment, and with odd names.
    const evil = repo.git(
      'commit-tree',
      '-m',
      'planted',
      treeWith(repo, `${NODES}1`, { 'params.json': '{"a":4,"b":4,"c":4,"d":4}\n', 'evil.txt': 'evil\n' }),
    );
    for (const name of ['1', '3', '9', 'x', '01', '4/x', `5/${'n'.repeat(200)}`])
      repo.git('push', '-q', '--force', 'origin', `${evil}:${NODES}${name}`);
    expect(await pushedSession(repo, steps, 2)).toEqual([]);
    const list = expectPromisesHold(repo, mainBefore, [1, 9]);
    expect(list.slice(3).map((record) => record.parent_experiment)).toEqual([0, 3]);
    expect(list.slice(3).map((record) => record.status)).toEqual(['explore', 'explore']);
    // The nodes this session made are its own commits (the planted 3 and 4 were replaced), with their files.
    for (const experiment of [3, 4]) {
      const sha = nodeRefs(repo).get(experiment)!;
      expect(sha).not.toBe(evil);
      expect(outsideScope(repo, sha)).toEqual([]);
      expect(repo.git('show', `${sha}:params.json`)).not.toContain('"b":4');
    }
    expect(repo.git('show', `origin/${BRANCH}:params.json`)).toBe('{"a":0,"b":0,"c":0,"d":0}');
    expect(outsideScope(repo, `origin/${BRANCH}`)).toEqual([]);
    // The remote holds this run's nodes; the refs that name no node are gone from both; node 1 and 9
    // (no node of this ledger) stay as planted, and are never proposed from.
    const remoteRefs = `${repo.git('ls-remote', 'origin', `${NODES}*`)}\n`;
    for (const [experiment, sha] of nodeRefs(repo))
      expect(remoteRefs).toContain(`${sha}\t${NODES}${experiment}\n`);
    expect(remoteRefs).not.toMatch(/nodes\/(x|01|4\/x|5\/n+)\n/);
    expect([...nodeRefs(repo).keys()].sort()).toEqual([0, 1, 3, 4, 9]);
  });
});
