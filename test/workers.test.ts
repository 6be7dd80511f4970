// workers: N (docs/scale.md): candidates proposed and measured at once in worktrees of their own, decided
// in experiment order against the incumbent of that moment; stale candidates are rebased and re-measured.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config/load.js';
import { parseJsonl } from '../src/ledger/jsonl.js';
import { runSession } from '../src/session/session.js';
import { createTestRepo, expectParkedTrees, GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';
import { processesWithEnvironment } from './helpers/marked-processes.js';
import { planFile as plan } from './helpers/project.js';

const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');

/** Two knobs in two files; the eval waits `AUTOEXP_TEST_SLEEP` seconds so that runs overlap. */
const EVALUATE = `a=$(sed -n 's/^a=//p' a.txt); b=$(sed -n 's/^b=//p' b.txt)
echo "$$ $AUTOEXP_EXPERIMENT start $(date +%s%N)" >> "\${AUTOEXP_TEST_PIDS:-/dev/null}"
if [ -n "\${AUTOEXP_TEST_MARKER:-}" ]; then touch "$AUTOEXP_TEST_MARKER.$AUTOEXP_EXPERIMENT"; fi
if [ "$AUTOEXP_EXPERIMENT" != incumbent ]; then sleep "\${AUTOEXP_TEST_SLEEP:-0.3}"; fi
# AUTOEXP_TEST_HOLD=N: experiment N's eval waits until the proposer of N+1 has written its prompt.
if [ "$AUTOEXP_EXPERIMENT" = "\${AUTOEXP_TEST_HOLD:-}" ]; then
  while [ ! -e "$AUTOEXP_TEST_PROMPTS/$((AUTOEXP_EXPERIMENT + 1)).md" ]; do sleep 0.05; done
fi
echo "$$ $AUTOEXP_EXPERIMENT end $(date +%s%N)" >> "\${AUTOEXP_TEST_PIDS:-/dev/null}"
echo "score: $((100 - (a - 10) * (a - 10) - (b - 10) * (b - 10)))"
`;
/** Line N of the plan ("a 5") sets a knob for experiment N. */
const PROPOSE = `set -eu
if [ -n "\${AUTOEXP_TEST_PROMPTS:-}" ]; then cp "$AUTOEXP_PROMPT_FILE" "$AUTOEXP_TEST_PROMPTS/$AUTOEXP_EXPERIMENT.md"; fi
read -r knob value <<< "$(sed -n "\${AUTOEXP_EXPERIMENT}p" "$AUTOEXP_PLAN")"
echo "$knob=$value" > "$knob.txt"
echo "$knob to $value" > "$AUTOEXP_DESCRIPTION_FILE"
`;

function project(workers: number, experiments: number, metric = 'score'): TestRepo {
  return createTestRepo({
    'a.txt': 'a=3\n',
    'b.txt': 'b=3\n',
    'evaluate.sh': EVALUATE,
    'propose.sh': PROPOSE,
    'autoexp.yml': `tag: par
workers: ${workers}
scope:
  modify: [a.txt, b.txt]
eval:
  command: bash evaluate.sh${metric === 'score' ? '' : ` | sed 's/score/${metric}/'`}
  timeout: 1m
metrics:
  - name: ${metric}
    goal: maximize
budget:
  experiments: ${experiments}
proposer:
  kind: command
  run: bash propose.sh
`,
  });
}

async function run(
  repo: TestRepo,
  lines: string[],
  notices: string[] = [],
  env: Record<string, string> = {},
) {
  return runSession({
    settings: await loadSettings(join(repo.root, 'autoexp.yml'), repo.root),
    checkout: repo.root,
    baseRef: 'main',
    env: { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: plan(lines), ...env },
    signal: new AbortController().signal,
    events: { notice: (message) => notices.push(message) },
  });
}

function ledger(repo: TestRepo) {
  return parseJsonl(repo.git('show', 'autoexp/par:.autoexp/par/experiments/0000.jsonl'), 'log');
}

describe('workers', () => {
  it('measures candidates at once, decides them in order, and rebases the ones a keep made stale', async () => {
    const repo = project(2, 4);
    const result = await run(repo, ['a 5', 'b 8', 'a 9', 'b 9']);

    const records = ledger(repo);
    expect(
      records.map((record) => `${record.experiment} ${record.status} ${record.metrics.score ?? '-'}`),
      JSON.stringify(records.map((record) => record.reason)),
    ).toEqual(['0 keep 2', '1 keep 26', '2 keep 71', '3 keep 95', '4 keep 98']);
    // #2 was proposed on the baseline and measured beside #1; after #1 was kept it was re-applied on top of
    // it and measured again, so what is kept is both changes together.
    expect(records[1]!.rebased).toBeUndefined();
    expect(records[2]!.rebased).toBe(true);
    expect(records[2]!.parent).toBe(records[1]!.commit);
    expect(repo.git('show', 'autoexp/par:a.txt')).toBe('a=9');
    expect(repo.git('show', 'autoexp/par:b.txt')).toBe('b=9');
    expect(result.stopReason).toBe('experiments');
    // Every kept commit is on the branch with its trailer, in order.
    const kept = repo.git('log', '--format=%s', '--grep=Autoexp-Experiment', 'autoexp/par').split('\n');
    expect(kept).toEqual(['b to 9', 'a to 9', 'b to 8', 'a to 5']);
    // The worker trees are parked for the next session, detached: the branch is checked out nowhere.
    expectParkedTrees(repo, { some: ['worker-1', 'worker-2'] });
  });

  it('records a stale candidate that no longer applies as invalid', async () => {
    const repo = project(2, 2);
    await run(repo, ['a 5', 'a 8']);
    const records = ledger(repo);
    expect(records.map((record) => `${record.experiment} ${record.status}`)).toEqual([
      '0 keep',
      '1 keep',
      '2 invalid',
    ]);
    expect(records[2]!.reason).toMatch(
      /^no longer applies to the incumbent [0-9a-f]+ \(conflicts in a\.txt\)$/,
    );
    expect(repo.git('show', 'autoexp/par:a.txt')).toBe('a=5');
  });

  it('shows a command proposer the candidates other workers are measuring', async () => {
    const repo = project(2, 3);
    const prompts = mkdtempSync(join(tmpdir(), 'autoexp-prompts-'));
    // #2 is still being measured when #1 is recorded and #3 is proposed in its place.
    await run(repo, ['a 5', 'b 8', 'a 9'], [], { AUTOEXP_TEST_PROMPTS: prompts, AUTOEXP_TEST_HOLD: '2' });
    const third = readFileSync(join(prompts, '3.md'), 'utf8');
    const inFlight = third.slice(third.indexOf('## In flight'));
    expect(inFlight).toMatch(/^## In flight \(other workers are measuring these now\)\n/);
    expect(inFlight).toContain('#2: b to 8\n```diff\n');
    expect(inFlight).toContain('\n-b=3\n+b=8\n');
    // #1 is decided by then: it is in the history, not in flight.
    expect(inFlight).not.toContain('a to 5');
    expect(third).toMatch(/- #1 keep score=26 a to 5/);
    expect(ledger(repo).map((record) => record.status)).toEqual(['keep', 'keep', 'keep', 'keep']);
  });

  it('with mutate, four workers propose four different literals and waste no experiment', async () => {
    const repo = createTestRepo({
      // Adjacent lines: a keep of one literal makes the others' candidates conflict when rebased.
      'params.yaml': 'a: 10\nb: 20\nc: 30\nd: 40\ne: 50\n',
      'evaluate.sh': `if [ "$AUTOEXP_EXPERIMENT" != incumbent ]; then sleep 0.1; fi
v() { sed -n "s/^$1: //p" params.yaml; }
echo "score: $(( 10000 - ($(v a) - 17) ** 2 - ($(v b) - 31) ** 2 - ($(v c) - 12) ** 2 - ($(v d) - 55) ** 2 - ($(v e) - 50) ** 2 ))"
`,
      'autoexp.yml': `tag: par
workers: 4
scope:
  modify: [params.yaml]
eval:
  command: bash evaluate.sh
metrics:
  - name: score
    goal: maximize
budget:
  experiments: 12
proposer:
  kind: mutate
  seed: 3
`,
    });
    await run(repo, []);
    const records = ledger(repo).slice(1);
    expect(records).toHaveLength(12);
    const summary = JSON.stringify(
      records.map((record) => [record.status, record.reason, record.description]),
    );
    // No repeat of a content in flight, nothing that no longer applied, no empty change.
    expect(
      records.filter((record) => record.status === 'invalid' || record.reason === 'no change'),
      summary,
    ).toEqual([]);
    expect(new Set(records.map((record) => record.scope_hash)).size, summary).toBe(12);
    // The first four were proposed at once, on four different literals.
    const keys = records.slice(0, 4).map((record) => (record.proposal?.['mutation'] as { key: string }).key);
    expect(new Set(keys).size, summary).toBe(4);
    // Keeps made later candidates stale: they were made again on the new incumbent, not thrown away.
    expect(
      records.some((record) => record.rebased && record.status !== 'invalid'),
      summary,
    ).toBe(true);
    const score = (record: (typeof records)[number]) => record.metrics['score'] ?? -Infinity;
    expect(Math.max(...records.map(score))).toBeGreaterThan(ledger(repo)[0]!.metrics['score']!);
  });

  it('applies a stale change again when the keep before it changed the next line of the same file', async () => {
    const repo = createTestRepo({
      'knobs.txt': 'a=3\nb=3\n',
      'evaluate.sh': `a=$(sed -n 's/^a=//p' knobs.txt); b=$(sed -n 's/^b=//p' knobs.txt)
echo "score: $((100 - (a - 10) * (a - 10) - (b - 10) * (b - 10)))"
`,
      'propose.sh': `set -eu
read -r knob value <<< "$(sed -n "\${AUTOEXP_EXPERIMENT}p" "$AUTOEXP_PLAN")"
sed -i "s/^$knob=.*/$knob=$value/" knobs.txt
`,
      'autoexp.yml': `tag: par
workers: 2
scope:
  modify: [knobs.txt]
eval:
  command: bash evaluate.sh
metrics:
  - name: score
    goal: maximize
budget:
  experiments: 2
proposer:
  kind: command
  run: bash propose.sh
`,
    });
    await run(repo, ['a 5', 'b 8']);
    const records = ledger(repo);
    expect(records.map((record) => `${record.experiment} ${record.status} ${record.metrics.score}`)).toEqual([
      '0 keep 2',
      '1 keep 26',
      '2 keep 71',
    ]);
    expect(records[2]!.rebased).toBe(true);
    expect(records[2]!.patch).toContain('-b=3\n+b=8');
    expect(repo.git('show', 'autoexp/par:knobs.txt')).toBe('a=5\nb=8');
  });

  it('runs at most `workers` evals at a time and numbers experiments without gaps', async () => {
    const repo = project(3, 6);
    const pids = join(mkdtempSync(join(tmpdir(), 'autoexp-pids-')), 'pids');
    const settings = await loadSettings(join(repo.root, 'autoexp.yml'), repo.root);
    await runSession({
      settings,
      checkout: repo.root,
      baseRef: 'main',
      env: {
        ...process.env,
        ...GIT_IDENTITY_ENV,
        AUTOEXP_PLAN: plan(['a 4', 'b 4', 'a 11', 'b 12', 'a 2', 'b 2']),
        AUTOEXP_TEST_PIDS: pids,
      },
      signal: new AbortController().signal,
    });
    const numbers = ledger(repo).map((record) => record.experiment);
    expect(numbers).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // From the evals' own start and end stamps: how many ran at once, at most.
    const events = readFileSync(pids, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' '))
      .map(([, , kind, at]) => ({ delta: kind === 'start' ? 1 : -1, at: BigInt(at!) }))
      .sort((x, y) => (x.at === y.at ? x.delta - y.delta : x.at < y.at ? -1 : 1));
    let running = 0;
    let most = 0;
    for (const event of events) most = Math.max(most, (running += event.delta));
    expect(most).toBe(3);
  });

  it('warns that parallel runs disturb timing metrics', async () => {
    const repo = project(2, 1, 'latency_ms');
    const notices: string[] = [];
    await run(repo, ['a 5'], notices);
    expect(notices.join('\n')).toMatch(/workers: 2 with timing metrics \(latency_ms\)/);
  });

  it('SIGINT stops every worker, kills their evals and removes their worktrees', async () => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
    const repo = project(3, 6);
    const scratch = mkdtempSync(join(tmpdir(), 'autoexp-cancel-'));
    const marker = join(scratch, 'started');
    const pids = join(scratch, 'pids');
    const child = spawn(process.execPath, [CLI, 'run'], {
      cwd: repo.root,
      env: {
        ...process.env,
        ...GIT_IDENTITY_ENV,
        AUTOEXP_PLAN: plan(['a 4', 'b 4', 'a 11', 'b 12', 'a 2', 'b 2']),
        AUTOEXP_TEST_MARKER: marker,
        AUTOEXP_TEST_PIDS: pids,
        AUTOEXP_TEST_SLEEP: '30',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // The baseline sleeps too: wait until all three workers' evals run.
    const deadline = Date.now() + 20_000;
    while (![1, 2, 3].every((n) => existsSync(`${marker}.${n}`))) {
      if (Date.now() > deadline) throw new Error(`the workers never started:\n${output}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expectParkedTrees(repo);
    const evals = readFileSync(pids, 'utf8').trim().split('\n');
    expect(evals.filter((line) => / [123] start /.test(line))).toHaveLength(3);
    // Pids inside the evals' PID namespaces are not the host's: find their processes by the marker.
    expect(processesWithEnvironment('AUTOEXP_TEST_MARKER', marker)).toEqual([]);
    // Only the baseline is recorded: the three in flight left no trace, and the branch is consistent.
    expect(ledger(repo).map((record) => record.experiment)).toEqual([0]);
    expect(repo.git('status', '--porcelain')).toBe('');
  }, 90_000);
});
