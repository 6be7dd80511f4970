// `autoexp combine --tracks a,b` and the action's `combine: true`: the tracks' kept
// commits are replayed onto autoexp/<tag>, best tracks first, re-measured, and kept only when they still
// improve. The project has two knobs in two files, so tracks can compose (each tunes its own file) or
// conflict (both tune the same line).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonl } from '../src/ledger/jsonl.js';
import { ACTION, GITHUB_TOKEN, checkout, runAction } from './helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { GIT_IDENTITY_ENV, createTestRepo, git, type TestRepo } from './helpers/repo.js';
import { planFile as plan } from './helpers/project.js';

const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');

beforeAll(() => {
  for (const file of [CLI, ACTION])
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the tests`);
});

let github: FakeGitHub | undefined;
afterEach(async () => {
  github?.assertNoSchemaViolations();
  await github?.close();
  github = undefined;
});

/** score = 200 - (x-10)² - (y-10)²: x in a.txt and y in b.txt improve independently. */
const INDEPENDENT = 'echo "score: $((200 - (x - 10) * (x - 10) - (y - 10) * (y - 10)))"';
/** score = 100 - (x + y - 14)²: raising x and raising y both help alone, and overshoot together. */
const INTERACTING = 'echo "score: $((100 - (x + y - 14) * (x + y - 14)))"';

/** Line N of $AUTOEXP_PLAN is experiment N: `a 5` sets x=5, `b 7` sets y=7. */
const PROPOSE_SH = `set -eu
action=$(sed -n "\${AUTOEXP_EXPERIMENT}p" "$AUTOEXP_PLAN")
case "$action" in
  a\\ *) echo "x=\${action#a }" > a.txt; echo "set x=\${action#a }" > "$AUTOEXP_DESCRIPTION_FILE" ;;
  b\\ *) echo "y=\${action#b }" > b.txt; echo "set y=\${action#b }" > "$AUTOEXP_DESCRIPTION_FILE" ;;
  *) exit 4 ;;
esac
`;

function twoKnobProject(score = INDEPENDENT): TestRepo {
  return createTestRepo({
    'a.txt': 'x=3\n',
    'b.txt': 'y=3\n',
    'evaluate.sh': `x=$(sed -n 's/^x=//p' a.txt)\ny=$(sed -n 's/^y=//p' b.txt)\n${score}\n`,
    'propose.sh': PROPOSE_SH,
    'autoexp.yml': `tag: knobs
scope:
  modify: [a.txt, b.txt]
eval:
  command: bash evaluate.sh
  timeout: 30s
metrics:
  - name: score
    goal: maximize
budget:
  experiments: 1
proposer:
  kind: command
  run: bash propose.sh
`,
  });
}

function cli(cwd: string, args: string[], actions: string[] = []) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: plan(actions) },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a track's next experiments (plan lines are that track's experiment numbers). */
function runTrack(repo: TestRepo, track: string, actions: string[], push = false) {
  const run = cli(
    repo.root,
    ['run', '--track', track, '--experiments', '1', ...(push ? ['--push'] : [])],
    actions,
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run;
}

/** The reasons in autoexp/knobs's log, for failure messages. */
function tagReasons(cwd: string): string {
  const log = git(cwd, 'show', 'autoexp/knobs:.autoexp/knobs/experiments/0000.jsonl');
  return log
    .split('\n')
    .map((line) => (JSON.parse(line) as { reason: string }).reason)
    .join(' | ');
}

/** [experiment, status, score, description] of autoexp/knobs's ledger. */
function tagLedger(cwd: string): string[][] {
  return git(cwd, 'show', 'autoexp/knobs:.autoexp/knobs/results.tsv')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map((cells) => [cells[0]!, cells[3]!, cells[2]!, cells[4]!]);
}

describe('autoexp combine', () => {
  it('keeps the keeps of tracks that compose, best track first, described by track and number', () => {
    const repo = twoKnobProject();
    runTrack(repo, 'a', ['a 5']); // 102 -> 126
    runTrack(repo, 'b', ['b 8']); // 102 -> 147: the bigger gain goes first
    const combine = cli(repo.root, ['combine', '--tracks', 'a,b']);
    expect(combine.stderr).toBe('');
    expect(combine.code).toBe(0);
    expect(combine.stdout).toContain('autoexp: replaying 2 kept commit(s) onto autoexp/knobs: b#1, a#1');
    expect(tagLedger(repo.root), tagReasons(repo.root)).toEqual([
      ['0', 'keep', '102', 'baseline'],
      ['1', 'keep', '147', 'combine: b#1 set y=8'],
      ['2', 'keep', '171', 'combine: a#1 set x=5'],
    ]);
    expect(repo.git('show', 'autoexp/knobs:a.txt')).toBe('x=5');
    expect(repo.git('show', 'autoexp/knobs:b.txt')).toBe('y=8');
    // Kept like any candidate: the description and autoexp's trailers, measured on the tag's branch.
    expect(repo.git('log', '-1', '--format=%B', 'autoexp/knobs~1')).toBe(
      'combine: a#1 set x=5\n\nAutoexp-Experiment: 2\nAutoexp-Metrics: score=171',
    );
    const records = parseJsonl(
      repo.git('show', 'autoexp/knobs:.autoexp/knobs/experiments/0000.jsonl'),
      'experiments',
    );
    expect(records[1]).toMatchObject({ proposer: 'combine', proposal: { track: 'b', experiment: 1 } });
  });

  it('skips a commit that conflicts with one kept before it, with its reason, and goes on', () => {
    const repo = twoKnobProject();
    runTrack(repo, 'a', ['a 5']); // 102 -> 126
    runTrack(repo, 'b', ['a 8']); // the same line: 102 -> 147
    runTrack(repo, 'c', ['b 6']); // 102 -> 135
    const combine = cli(repo.root, ['combine', '--tracks', 'a,b,c']);
    expect(combine.code).toBe(0);
    expect(tagLedger(repo.root), tagReasons(repo.root)).toEqual([
      ['0', 'keep', '102', 'baseline'],
      ['1', 'keep', '147', 'combine: b#1 set x=8'],
      ['2', 'keep', '180', 'combine: c#1 set y=6'],
      ['3', 'invalid', '', 'combine: a#1 set x=5'],
    ]);
    const records = parseJsonl(
      repo.git('show', 'autoexp/knobs:.autoexp/knobs/experiments/0000.jsonl'),
      'experiments',
    );
    expect(records[3]!.reason).toBe('conflict: a.txt: x');
    // Nothing of the conflict is left: the branch holds the first keep's line, the tree is clean.
    expect(repo.git('show', 'autoexp/knobs:a.txt')).toBe('x=8');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('discards a replay that no longer improves on what was combined before it', () => {
    const repo = twoKnobProject(INTERACTING);
    runTrack(repo, 'a', ['a 9']); // 36 -> 96
    runTrack(repo, 'b', ['b 8']); // 36 -> 91; on top of x=9: 91 < 96
    const combine = cli(repo.root, ['combine', '--tracks', 'a,b']);
    expect(combine.code).toBe(0);
    expect(tagLedger(repo.root), tagReasons(repo.root)).toEqual([
      ['0', 'keep', '36', 'baseline'],
      ['1', 'keep', '96', 'combine: a#1 set x=9'],
      ['2', 'discard', '91', 'combine: b#1 set y=8'],
    ]);
    expect(repo.git('show', 'autoexp/knobs:b.txt')).toBe('y=3');
  });

  it("replays a track's keeps in the order they were made, even when a later one gained more", () => {
    const repo = twoKnobProject();
    runTrack(repo, 'a', ['a 4']); // 102 -> 115 (+13%)
    runTrack(repo, 'a', ['', 'a 9']); // 115 -> 150 (+30%), a change of the line a#1 changed
    const combine = cli(repo.root, ['combine', '--tracks', 'a']);
    expect(combine.code).toBe(0);
    expect(
      tagLedger(repo.root).map((row) => row.slice(1)),
      tagReasons(repo.root),
    ).toEqual([
      ['keep', '102', 'baseline'],
      ['keep', '115', 'combine: a#1 set x=4'],
      ['keep', '150', 'combine: a#2 set x=9'],
    ]);
  });

  it('does not replay what an earlier combine tried; new keeps of a track come next time', () => {
    const repo = twoKnobProject();
    runTrack(repo, 'a', ['a 5']);
    runTrack(repo, 'b', ['a 8']); // kept first; then a#1 conflicts with it
    expect(cli(repo.root, ['combine', '--tracks', 'a,b']).code).toBe(0);
    expect(tagLedger(repo.root), tagReasons(repo.root)).toHaveLength(3);

    const nothing = cli(repo.root, ['combine', '--tracks', 'a,b']);
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toBe(
      'autoexp: nothing new to combine from a, b (2 replayed by an earlier combine)\n',
    );
    expect(tagLedger(repo.root), tagReasons(repo.root)).toHaveLength(3);

    const goesOn = runTrack(repo, 'b', ['', 'b 7']); // track b goes on: y=7
    expect(goesOn.stdout, 'the second run of track b').toMatch(/^#2 +keep /m);
    const next = cli(repo.root, ['combine', '--tracks', 'a,b,c']);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('autoexp: track c: no ledger on autoexp/knobs.c');
    expect(next.stdout).toContain(
      'replaying 1 kept commit(s) onto autoexp/knobs: b#2 (2 replayed by an earlier combine)',
    );
    expect(tagLedger(repo.root).slice(3), tagReasons(repo.root)).toEqual([
      ['3', 'keep', '187', 'combine: b#2 set y=7'],
    ]);
  });
});

describe('the action with combine: true', () => {
  it('fetches the tracks, replays them onto autoexp/<tag> and opens the tag’s PR', async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = twoKnobProject();
    runTrack(repo, 'a', ['a 5'], true);
    runTrack(repo, 'b', ['b 8'], true);
    const run = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: github.url,
      inputs: { combine: 'true', tracks: 'a, b' },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      branch: 'autoexp/knobs',
      experiments: '2',
      kept: '2',
      baseline: '102',
      best: '171',
      'pull-request-operation': 'created',
    });
    expect(tagLedger(repo.origin).map((row) => row[3])).toEqual([
      'baseline',
      'combine: b#1 set y=8',
      'combine: a#1 set x=5',
    ]);
    expect(github.state.pulls).toHaveLength(1);
    expect(github.state.pulls[0]).toMatchObject({ head: 'autoexp/knobs', base: 'main' });
    expect(github.state.pulls[0]!.title).toBe('autoexp(knobs): score 102 → 171 (+67.6%)');

    // The next combine finds nothing new: no session, no eval, and the outputs say so.
    const again = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: github.url,
      inputs: { combine: 'true', tracks: 'a,b' },
    });
    expect(again.code).toBe(0);
    expect(again.outputs).toMatchObject({ experiments: '0', best: '171', 'pull-request-operation': 'none' });
    expect(again.summary).toContain('nothing new to combine from a, b (2 replayed by an earlier combine)');
    expect(tagLedger(repo.origin)).toHaveLength(3);
  });
});
