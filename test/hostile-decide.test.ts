// Attacks on the decision itself: how a metric is read from the eval's output, and which incumbent runs
// a candidate is compared with under decide.noise sequential. Each `it` runs real sessions (real git
// repositories, real evals) and asserts that no change is kept that did not win.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonl } from '../src/ledger/jsonl.js';
import type { ExperimentRecord } from '../src/ledger/types.js';
import { runSession } from '../src/session/session.js';
import { createProject, projectSettings } from './helpers/project.js';
import { GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'autoexp-hostile-decide-'));
}

async function session(repo: TestRepo, actions: string[]) {
  const plan = join(scratch(), 'plan.txt');
  writeFileSync(plan, `${actions.join('\n')}\n`);
  return runSession({
    settings: await projectSettings(repo),
    checkout: repo.root,
    baseRef: 'main',
    experiments: actions.length,
    env: { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: plan },
    signal: new AbortController().signal,
  });
}

function records(repo: TestRepo): ExperimentRecord[] {
  return parseJsonl(repo.git('show', 'autoexp/quad:.autoexp/quad/experiments/0000.jsonl'), 'log');
}

describe('metric lines an eval prints with digit groups', () => {
  it('a latency printed as "1,500" (a regression from 999) is not read as 1 and kept', async () => {
    // printf's %'d groups thousands in many locales; the eval here writes the groups itself.
    const evaluate = `x=$(sed -n 's/^x=//p' params.txt)
if [ "$x" = 3 ]; then echo "latency_ms: 999"; else echo "latency_ms: 1,500"; fi
`;
    const config = `tag: quad
scope:
  modify: [params.txt]
eval:
  command: bash evaluate.sh
  timeout: 10s
metrics:
  - name: latency_ms
    goal: minimize
budget:
  experiments: 5
proposer:
  kind: command
  run: bash propose.sh
`;
    const repo = createProject({ config, files: { 'evaluate.sh': evaluate } });
    await session(repo, ['set 4']);
    const [baseline, slower] = records(repo);
    expect(baseline?.metrics.latency_ms).toBe(999);
    expect(slower?.status).not.toBe('keep');
    expect(slower?.status).toBe('crash');
    expect(slower?.reason).toContain('1,500');
  });
});

describe('decide.noise sequential: the incumbent runs a candidate is compared with', () => {
  // score = 100 + 20 * (x >= 10) + noise (σ ≈ 4.3) from a fixed sequence read through a counter outside
  // the repository; y changes nothing. x and y sit far apart, so a change to one applies on top of the other.
  const NOISE = [3, -6, 4, -2, 7, 6, -3, 5, -1, 2, -5, 1, -4, 0, -7, 4, -6, 3, -2, 5, -4, 6, -5, 1, -3];
  const MEMORY_NOISE = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, -2, 1, 1, 1, 1];
  function project(counter: string, memory?: { max: number }): TestRepo {
    writeFileSync(counter, '0');
    // memory_mb = 512 + noise of its own: the incumbent's mean over its 20 runs (512.5) is just past a max
    // of 512, and no change moves it.
    const evaluate = `x=$(sed -n 's/^x=//p' params.txt)
n=$(cat ${counter}); echo $((n + 1)) > ${counter}
noise=(${NOISE.join(' ')})
bonus=0; if [ "$x" -ge 10 ]; then bonus=20; fi
echo "score: $((100 + bonus + noise[n % ${NOISE.length}]))"
memory=(${MEMORY_NOISE.join(' ')})
echo "memory_mb: $((512 + memory[n % ${MEMORY_NOISE.length}]))"
`;
    const memoryMetric = memory
      ? `  - name: memory_mb\n    goal: minimize\n    max: ${memory.max}\n`
      : '  - name: memory_mb\n    goal: minimize\n';
    const propose = `set -eu
action=$(sed -n "\${AUTOEXP_EXPERIMENT}p" "$AUTOEXP_PLAN")
name=\${action%% *}; value=\${action#* }
sed -i "s/^$name=.*/$name=$value/" params.txt
echo "try $name=$value" > "$AUTOEXP_DESCRIPTION_FILE"
`;
    const config = `tag: quad
scope:
  modify: [params.txt]
eval:
  command: bash evaluate.sh
  timeout: 10s
  repeats: 20
metrics:
  - name: score
    goal: maximize
${memoryMetric}decide:
  noise: sequential
workers: ${memory ? 1 : 2}
budget:
  experiments: 5
proposer:
  kind: command
  run: bash propose.sh
`;
    return createProject({
      config,
      files: {
        'evaluate.sh': evaluate,
        'propose.sh': propose,
        'params.txt': 'x=3\n#\n#\n#\n#\n#\n#\n#\ny=0\n',
      },
    });
  }

  it('a candidate made stale by a keep that stopped early is measured again against the keep run up to eval.repeats, not its picked runs', async () => {
    const repo = project(join(scratch(), 'counter'));
    await session(repo, ['x 12', 'y 1', 'y 2']);
    const [, winner, stale] = records(repo);
    expect(winner).toMatchObject({ status: 'keep', sequential: { runs: 2, stopped: 'clearly better' } });
    // Experiment 2 was measured against the baseline while 1 was; it applies on top of the keep and is
    // measured again there.
    expect(stale?.rebased).toBe(true);
    expect(stale?.incumbent?.commit).toBe(winner?.commit);
    expect(stale?.incumbent?.samples.score).toHaveLength(20);
    expect(stale?.incumbent?.samples.score?.slice(0, 2)).toEqual(winner?.samples.score);
    expect(stale?.decision?.samples?.incumbent).toHaveLength(20);
  });

  it('a change that does nothing is not kept for "meeting" a limit the incumbent is just past, by looking until its mean dips under', async () => {
    const repo = project(join(scratch(), 'counter'), { max: 512 });
    await session(repo, ['y 1']);
    const [baseline, nothing] = records(repo);
    expect(baseline?.metrics.memory_mb).toBeGreaterThan(512);
    // Its first 2 runs measure 510 and 513: a mean of 511.5, within the limit. Its next two bring the mean
    // back past it.
    expect(nothing?.status).toBe('discard');
    expect(nothing?.reason).toBe('constraint memory_mb>512');
  });
});
