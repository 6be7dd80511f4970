// Combine composes tracks that changed different keys of one file: when a replayed commit's
// cherry-pick conflicts, the file is merged key by key (or number by number), through real git; a
// conflict that stands names the keys. Real git, real processes, the CLI built from src/.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mergeConflictingFile } from '../src/combine/structured-merge.js';
import { Git } from '../src/git/git.js';
import { parseJsonl } from '../src/ledger/jsonl.js';
import { cliFromSource } from './helpers/hostile-project.js';
import { planFile as plan } from './helpers/project.js';
import { GIT_IDENTITY_ENV, createTestRepo, git, type TestRepo } from './helpers/repo.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const BASE = { alpha: 3, beta: 0.5, gamma: 2, seed: 7 };

/** Two branches off main, each one commit changing `files`; returns their tips. */
function twoSides(repo: TestRepo, ours: Record<string, string>, theirs: Record<string, string>) {
  const tips: string[] = [];
  for (const [name, files] of [
    ['ours', ours],
    ['theirs', theirs],
  ] as const) {
    repo.git('checkout', '--quiet', '-b', name, 'main');
    for (const [path, text] of Object.entries(files)) repo.write(path, text);
    repo.commitAll(name);
    tips.push(repo.git('rev-parse', 'HEAD'));
  }
  repo.git('checkout', '--quiet', 'ours');
  return { theirs: tips[1]! };
}

describe('Git.applyCommit with a three-way resolver', () => {
  it('settles a conflicting JSON file and a code file, keeping the file mode', async () => {
    const repo = createTestRepo(
      { 'params.json': json(BASE), 'train.sh': '#!/bin/sh\nLR=0.1\nDEPTH=4\necho done\n' },
      { executable: ['train.sh'] },
    );
    const { theirs } = twoSides(
      repo,
      {
        'params.json': json({ ...BASE, beta: 0.9 }),
        'train.sh': '#!/bin/sh\nLR=0.2\nDEPTH=4\necho done\n',
      },
      {
        'params.json': json({ ...BASE, gamma: 1 }),
        'train.sh': '#!/bin/sh\nLR=0.1\nDEPTH=6\necho done\n',
      },
    );
    const offered: string[] = [];
    const conflicts = await Git.at(repo.root).applyCommit(theirs, {
      resolve: (file) => {
        offered.push(file.path);
        return mergeConflictingFile(file);
      },
    });
    expect(conflicts).toEqual([]);
    expect(offered.sort()).toEqual(['params.json', 'train.sh']);
    expect(repo.read('params.json')).toBe(json({ ...BASE, beta: 0.9, gamma: 1 }));
    expect(repo.read('train.sh')).toBe('#!/bin/sh\nLR=0.2\nDEPTH=6\necho done\n');
    // Staged, not committed, nothing left in conflict; the mode is the file's own.
    expect(repo.git('status', '--porcelain')).toBe('M  params.json\nM  train.sh');
    expect(repo.git('ls-files', '-s', 'train.sh')).toMatch(/^100755 /);
    expect(repo.git('rev-parse', 'HEAD')).toBe(repo.git('rev-parse', 'ours'));
  });

  it('applies nothing when one file stays in conflict, and reports it as the resolver names it', async () => {
    const repo = createTestRepo({ 'params.json': json(BASE), 'b.json': json({ k: 1, j: 1 }) });
    const { theirs } = twoSides(
      repo,
      { 'params.json': json({ ...BASE, beta: 0.9 }), 'b.json': json({ k: 2, j: 1 }) },
      { 'params.json': json({ ...BASE, beta: 0.8, gamma: 1 }), 'b.json': json({ k: 1, j: 2 }) },
    );
    const conflicts = await Git.at(repo.root).applyCommit(theirs, { resolve: mergeConflictingFile });
    expect(conflicts).toEqual(['params.json: beta']);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.read('params.json')).toBe(json({ ...BASE, beta: 0.9 }));
  });

  it('gives the plain conflict for a file one side deleted and for binary files', async () => {
    const repo = createTestRepo({ 'params.json': json(BASE), 'blob.bin': 'a\0b\n1\n2\n' });
    repo.git('checkout', '--quiet', '-b', 'ours');
    repo.git('rm', '--quiet', 'params.json');
    repo.write('blob.bin', 'a\0b\n5\n2\n');
    repo.commitAll('ours');
    repo.git('checkout', '--quiet', '-b', 'theirs', 'main');
    repo.write('params.json', json({ ...BASE, gamma: 1 }));
    repo.write('blob.bin', 'a\0b\n1\n6\n');
    repo.commitAll('theirs');
    repo.git('checkout', '--quiet', 'ours');
    const conflicts = await Git.at(repo.root).applyCommit('theirs', { resolve: mergeConflictingFile });
    expect(conflicts.sort()).toEqual(['blob.bin', 'params.json']);
    expect(repo.git('status', '--porcelain')).toBe('');
  });
});

/** score = 2000 - 1000·((beta - 0.9)² + (gamma - 1)²), read from params.json. */
const EVALUATE = `import { readFileSync } from 'node:fs';
const { beta, gamma } = JSON.parse(readFileSync('params.json', 'utf8'));
console.log('score: ' + Math.round(2000 - 1000 * ((beta - 0.9) ** 2 + (gamma - 1) ** 2)));
`;

/** Line N of $AUTOEXP_PLAN is experiment N: `beta 0.9` sets beta, rewriting the whole file as JSON writers do. */
const PROPOSE = `import { readFileSync, writeFileSync } from 'node:fs';
const line = readFileSync(process.env.AUTOEXP_PLAN, 'utf8').split('\\n')[Number(process.env.AUTOEXP_EXPERIMENT) - 1];
const params = JSON.parse(readFileSync('params.json', 'utf8'));
const changes = line.split(',').map((change) => change.trim().split(' '));
for (const [key, value] of changes) params[key] = Number(value);
writeFileSync('params.json', JSON.stringify(params, null, 2) + '\\n');
writeFileSync(process.env.AUTOEXP_DESCRIPTION_FILE, 'set ' + line);
`;

function paramsProject(): TestRepo {
  const node = JSON.stringify(process.execPath);
  return createTestRepo({
    'params.json': json(BASE),
    'evaluate.mjs': EVALUATE,
    'propose.mjs': PROPOSE,
    'autoexp.yml': `tag: params
scope:
  modify: [params.json]
eval:
  command: '${node} evaluate.mjs'
  timeout: 30s
metrics:
  - name: score
    goal: maximize
budget:
  experiments: 1
proposer:
  kind: command
  run: '${node} propose.mjs'
`,
  });
}

async function cli(cwd: string, args: string[], actions: string[] = []) {
  const result = spawnSync(process.execPath, [await cliFromSource(), ...args], {
    cwd,
    env: { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: plan(actions) },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function runTrack(repo: TestRepo, track: string, actions: string[]) {
  const run = await cli(repo.root, ['run', '--track', track, '--experiments', '1'], actions);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^#1 +keep /m);
}

function tagRecords(repo: TestRepo) {
  return parseJsonl(repo.git('show', 'autoexp/params:.autoexp/params/experiments/0000.jsonl'), 'experiments');
}

describe('autoexp combine of tracks that changed one JSON file', () => {
  it('composes two tracks that changed adjacent keys of params.json into both changes, both kept', async () => {
    const repo = paramsProject();
    await runTrack(repo, 'a', ['beta 0.9']); // 840 -> 1000
    await runTrack(repo, 'b', ['gamma 1']); // 840 -> 1840: replayed first
    // git alone cannot apply the second: the changed lines are adjacent.
    const [a, b] = ['a', 'b'].map((track) => repo.git('rev-parse', `autoexp/params.${track}~1`));
    repo.git('checkout', '--quiet', '--detach', b!);
    const plainPick = spawnSync('git', ['cherry-pick', '--no-commit', a!], {
      cwd: repo.root,
      encoding: 'utf8',
    });
    expect(plainPick.status, plainPick.stdout).not.toBe(0);
    expect(plainPick.stdout).toContain('Merge conflict in params.json');
    repo.git('reset', '--hard', '--quiet');
    repo.git('checkout', '--quiet', 'main');

    const combine = await cli(repo.root, ['combine', '--tracks', 'a,b']);
    expect(combine.stderr).toBe('');
    expect(combine.code).toBe(0);
    const records = tagRecords(repo);
    expect(
      records.map((record) => [record.experiment, record.status, record.metrics?.score, record.description]),
      JSON.stringify(records.map((record) => record.reason)),
    ).toEqual([
      [0, 'keep', 840, 'baseline'],
      [1, 'keep', 1840, 'combine: b#1 set gamma 1'],
      [2, 'keep', 2000, 'combine: a#1 set beta 0.9'],
    ]);
    expect(records[2]!.proposal).toMatchObject({ track: 'a', experiment: 1, merged: ['params.json'] });
    expect(repo.git('show', 'autoexp/params:params.json')).toBe(
      json({ ...BASE, beta: 0.9, gamma: 1 }).trimEnd(),
    );
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('records a key both tracks changed as the conflict, naming it, and keeps the branch as it was', async () => {
    const repo = paramsProject();
    await runTrack(repo, 'a', ['beta 0.9']); // 840 -> 1000
    await runTrack(repo, 'b', ['beta 0.8, gamma 1']); // 840 -> 1990: replayed first
    const combine = await cli(repo.root, ['combine', '--tracks', 'a,b']);
    expect(combine.code).toBe(0);
    const records = tagRecords(repo);
    expect(records.map((record) => [record.status, record.description])).toEqual([
      ['keep', 'baseline'],
      ['keep', 'combine: b#1 set beta 0.8, gamma 1'],
      ['invalid', 'combine: a#1 set beta 0.9'],
    ]);
    expect(records[2]!.reason).toBe('conflict: params.json: beta');
    expect(repo.git('show', 'autoexp/params:params.json')).toBe(
      json({ ...BASE, beta: 0.8, gamma: 1 }).trimEnd(),
    );
    expect(git(repo.root, 'status', '--porcelain')).toBe('');
  });
});
