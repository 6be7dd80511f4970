// stages: (the pipeline variant, docs/scale.md): stages run in order, each with its own scope,
// metrics and budget; a stage ends when its budget is spent or it plateaus; earlier stages' files freeze.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config/load.js';
import type { StageSettings } from '../src/config/settings.js';
import { parseJsonl } from '../src/ledger/jsonl.js';
import type { ExperimentRecord } from '../src/ledger/types.js';
import { runSession } from '../src/session/session.js';
import { currentStage, stageEnd, stageProgress, stageScope } from '../src/session/stages.js';
import { createTestRepo, GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';
import { planFile as plan } from './helpers/project.js';

const EVALUATE = `a=$(sed -n 's/^a=//p' a.txt); b=$(sed -n 's/^b=//p' b.txt)
echo "qa: $((-(a - 10) * (a - 10)))"
echo "qb: $((-(b - 10) * (b - 10)))"
echo "total: $((200 - (a - 10) * (a - 10) - (b - 10) * (b - 10)))"
`;
const PROPOSE = `set -eu
read -r knob value <<< "$(sed -n "\${AUTOEXP_EXPERIMENT}p" "$AUTOEXP_PLAN")"
echo "$knob=$value" > "$knob.txt"
echo "$knob to $value" > "$AUTOEXP_DESCRIPTION_FILE"
`;
const CONFIG = `tag: pipe
scope:
  modify: [a.txt, b.txt]
eval:
  command: bash evaluate.sh
metrics:
  - name: total
    goal: maximize
  - name: qa
    goal: maximize
  - name: qb
    goal: maximize
budget:
  experiments: 20
  consecutive-crashes: 5
proposer:
  kind: command
  run: bash propose.sh
stages:
  - name: first
    scope: [a.txt]
    metrics: [qa]
    plateau: 2
  - name: second
    scope: [a.txt, b.txt]
    metrics: [qb]
    budget: {experiments: 3}
`;

async function session(repo: TestRepo, planPath: string, experiments: number, notices: string[] = []) {
  return runSession({
    settings: await loadSettings(join(repo.root, 'autoexp.yml'), repo.root),
    checkout: repo.root,
    baseRef: 'main',
    env: { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: planPath },
    signal: new AbortController().signal,
    experiments,
    events: { notice: (message) => notices.push(message) },
  });
}

function records(repo: TestRepo): ExperimentRecord[] {
  return parseJsonl(repo.git('show', 'autoexp/pipe:.autoexp/pipe/experiments/0000.jsonl'), 'log');
}

describe('stages', () => {
  it('run in order across sessions: a plateau ends the first, a budget the second, earlier files freeze', async () => {
    const repo = createTestRepo({
      'a.txt': 'a=3\n',
      'b.txt': 'b=3\n',
      'evaluate.sh': EVALUATE,
      'propose.sh': PROPOSE,
      'autoexp.yml': CONFIG,
    });
    const steps = plan(['a 5', 'a 12', 'a 20', 'a 1', 'a 9', 'b 8', 'b 9', 'b 10']);
    const notices: string[] = [];
    const first = await session(repo, steps, 3, notices);
    expect(first.stopReason).toBe('experiments');
    const second = await session(repo, steps, 10, notices);
    expect(second.stopReason).toBe('stages-done');

    expect(
      records(repo).map((record) => `${record.experiment} ${record.stage ?? '-'} ${record.status}`),
    ).toEqual([
      '0 - keep',
      '1 first keep',
      '2 first keep',
      '3 first discard',
      '4 first discard',
      // a.txt belongs to the first stage: frozen now, though the second stage's globs match it.
      '5 second invalid',
      '6 second keep',
      '7 second keep',
    ]);
    const log = records(repo);
    expect(log[2]!.reason).toMatch(/^improved/);
    expect(log[3]!.reason).toMatch(/^not better/);
    expect(log[5]!.reason).toBe('out of scope: a.txt');
    expect(repo.git('show', 'autoexp/pipe:a.txt')).toBe('a=12');
    expect(repo.git('show', 'autoexp/pipe:b.txt')).toBe('b=9');
    expect(notices).toContain(
      'stage "first" is over (no keep in its last 2 experiments); stage "second" begins, and the files of earlier stages are frozen',
    );
    expect(notices).toContain('stage "second" is over (its 3 experiments are spent)');

    // Once every stage is over, a session runs nothing.
    const third = await session(repo, steps, 5);
    expect(third.stopReason).toBe('stages-done');
    expect(third.outcomes).toEqual([]);
  });

  it('decides on the stage metrics: a candidate better on the stage metric is kept though the total falls', async () => {
    const repo = createTestRepo({
      'a.txt': 'a=3\n',
      'b.txt': 'b=10\n',
      'evaluate.sh': EVALUATE.replace(/^echo "total.*$/m, 'echo "total: $((500 - a * 10))"'),
      'propose.sh': PROPOSE,
      'autoexp.yml': CONFIG,
    });
    await session(repo, plan(['a 6']), 1);
    const [, one] = records(repo);
    expect(one!.status).toBe('keep');
    expect(one!.metrics.qa).toBe(-16);
    expect(one!.metrics.total).toBeLessThan(one!.incumbent!.metrics.total!);
  });
});

describe('stage state (pure)', () => {
  const stages: StageSettings[] = [
    { name: 'a', modify: ['a.txt', 'shared/*'], metrics: ['x'], experiments: Infinity, plateau: 2 },
    { name: 'b', modify: ['b.txt', 'shared/*'], metrics: ['x'], experiments: 2, plateau: 0 },
  ];
  const record = (stage: string, status: ExperimentRecord['status']) =>
    ({ stage, status }) as ExperimentRecord;

  it('counts a stage from its records and ends it on a plateau or its budget', () => {
    expect(currentStage(stages, [])).toBe(0);
    const plateaued = [record('a', 'keep'), record('a', 'discard'), record('a', 'crash')];
    expect(stageProgress(plateaued, 'a')).toEqual({ experiments: 3, withoutKeep: 2 });
    expect(stageEnd(stages[0]!, stageProgress(plateaued, 'a'))).toBe('no keep in its last 2 experiments');
    expect(currentStage(stages, plateaued)).toBe(1);
    expect(stageEnd(stages[1]!, { experiments: 1, withoutKeep: 0 })).toBeUndefined();
    expect(stageEnd(stages[1]!, { experiments: 1, withoutKeep: 0 }, 1)).toBe('its 2 experiments are spent');
    expect(currentStage(stages, [...plateaued, record('b', 'keep'), record('b', 'keep')])).toBe(2);
  });

  it("freezes an earlier stage's files in later stages", () => {
    const second = stageScope(stages, 1);
    expect(second('b.txt')).toBe(true);
    expect(second('shared/x.yaml')).toBe(false);
    expect(stageScope(stages, 0)('shared/x.yaml')).toBe(true);
  });
});
