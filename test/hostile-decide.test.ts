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
