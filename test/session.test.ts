import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outsidePrivateDirs } from './helpers/processes.js';
import { describe, expect, it } from 'vitest';
import { parseJsonl } from '../src/ledger/jsonl.js';
import { runSession, type SessionOptions } from '../src/session/session.js';
import { createProject, projectConfig, projectSettings, planFile } from './helpers/project.js';
import { expectParkedTrees, GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';

async function session(repo: TestRepo, actions: string[], overrides: Partial<SessionOptions> = {}) {
  const settings = await projectSettings(repo);
  return runSession({
    settings,
    checkout: repo.root,
    baseRef: 'main',
    env: { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: planFile(actions), GITHUB_TOKEN: 'ghs_secret' },
    signal: new AbortController().signal,
    ...overrides,
  });
}

function tsv(repo: TestRepo): string[][] {
  return repo
    .git('show', 'autoexp/quad:.autoexp/quad/results.tsv')
    .split('\n')
    .map((line) => line.split('\t'));
}

describe('a session on a real repository', () => {
  it('tells the front end each phase, with every run of a repeated measurement', async () => {
    const repo = createProject({ config: projectConfig({ repeats: 3 }) });
    const phases: string[] = [];
    await session(repo, ['set 5'], {
      experiments: 1,
      events: {
        phase: (phase) =>
          phases.push(
            phase.kind === 'measuring' ? `measuring ${phase.run ?? '-'}/${phase.repeats}` : phase.kind,
          ),
      },
    });
    expect(phases).toEqual([
      'incumbent',
      'proposing',
      'measuring -/3',
      'measuring 1/3',
      'measuring 2/3',
      'measuring 3/3',
      'recording',
    ]);
  });

  it('undoes commits a proposer made itself and checks their changes like any other', async () => {
    const repo = createProject();
    const notices: string[] = [];
    await session(repo, ['commit-harness', 'commit 8', 'set 9'], {
      experiments: 3,
      events: { notice: (message) => notices.push(message) },
    });
    expect(
      tsv(repo)
        .slice(1)
        .map((row) => [row[0], row[4], row[2]]),
    ).toEqual([
      ['0', 'keep', '51'],
      ['1', 'invalid', ''],
      ['2', 'keep', '96'],
      ['3', 'keep', '99'],
    ]);
    const records = parseJsonl(repo.git('show', 'autoexp/quad:.autoexp/quad/experiments/0000.jsonl'), 'log');
    expect(records[1]!.reason).toBe('out of scope: evaluate.sh');
    expect(repo.git('show', 'autoexp/quad:evaluate.sh')).toBe(repo.read('evaluate.sh').trim());
    expect(repo.git('log', '--format=%s', 'autoexp/quad')).not.toContain("agent's own commit");
    expect(notices.filter((notice) => notice.includes('commits of its own'))).toHaveLength(2);
  });

  it('records every status and keeps only improvements', async () => {
    const repo = createProject();
    const plan = ['set 5', 'set 1', 'set 99', 'set 77', 'harness', 'nothing', 'fail', 'newfile', 'set 8'];
    const result = await session(repo, plan, { experiments: plan.length });

    const rows = tsv(repo);
    expect(rows[0]).toEqual(['experiment', 'commit', 'score', 'size', 'status', 'description']);
    expect(rows.slice(1).map((row) => [row[0], row[4]])).toEqual([
      ['0', 'keep'],
      ['1', 'keep'],
      ['2', 'discard'],
      ['3', 'crash'],
      ['4', 'timeout'],
      ['5', 'invalid'],
      ['6', 'invalid'],
      ['7', 'invalid'],
      ['8', 'invalid'],
      ['9', 'keep'],
    ]);
    expect(rows[1]?.slice(2, 4)).toEqual(['51', '30']);
    expect(rows[1]?.[5]).toBe('baseline');
    expect(rows[2]?.[5]).toBe('try x=5');

    // The branch holds the last keep; the harness was never changed there.
    expect(repo.git('show', 'autoexp/quad:params.txt')).toBe('x=8');
    expect(repo.git('show', 'autoexp/quad:evaluate.sh')).toBe(repo.read('evaluate.sh').trim());
    expect(repo.git('ls-tree', '--name-only', 'autoexp/quad')).not.toContain('extra.txt');

    // Kept commits carry the trailers; discarded candidates are not on the branch.
    const keptMessage = repo.git('log', '-1', '--format=%B', rows[10]![1]!);
    expect(keptMessage).toContain('try x=8');
    expect(keptMessage).toContain('Autoexp-Experiment: 9');
    expect(keptMessage).toContain('Autoexp-Metrics: score=96 size=80');
    const onBranch = repo.git('log', '--format=%h', 'autoexp/quad');
    expect(onBranch).toContain(rows[2]![1]!);
    expect(() => repo.git('merge-base', '--is-ancestor', rows[3]![1]!, 'autoexp/quad')).toThrow();

    const records = parseJsonl(repo.git('show', 'autoexp/quad:.autoexp/quad/experiments/0000.jsonl'), 'log');
    expect(records).toHaveLength(10);
    const byNumber = new Map(records.map((record) => [record.experiment, record]));
    expect(byNumber.get(2)?.reason).toMatch(/^not better/);
    expect(byNumber.get(3)?.reason).toBe('exit code 1');
    expect(byNumber.get(3)?.log_tail).toContain('boom: x=99 is not allowed');
    expect(byNumber.get(4)?.reason).toMatch(/timed out/);
    expect(byNumber.get(5)?.reason).toBe('out of scope: evaluate.sh');
    expect(byNumber.get(6)?.reason).toBe('no change');
    expect(byNumber.get(7)?.reason).toMatch(/exited with code 3/);
    expect(byNumber.get(8)?.reason).toBe('out of scope: extra.txt');
    expect(byNumber.get(1)?.patch).toContain('-x=3\n+x=5');
    expect(byNumber.get(1)?.diff_lines).toBe(2);
    expect(byNumber.get(9)?.incumbent?.metrics.score).toBe(75);

    expect(result.outcomes).toHaveLength(9);
    expect(result.stopReason).toBe('experiments');
  });

  it('leaves the user checkout exactly as it was, dirty files and all', async () => {
    const repo = createProject();
    repo.write('README.md', 'edited but not committed\n');
    repo.write('notes.txt', 'untracked\n');
    repo.git('add', 'README.md');
    repo.write('README.md', 'edited again after staging\n');
    const before = {
      head: repo.git('rev-parse', 'HEAD'),
      branch: repo.git('branch', '--show-current'),
      status: repo.git('status', '--porcelain'),
      staged: repo.git('diff', '--cached'),
    };
    await session(repo, ['set 5', 'set 4'], { experiments: 2 });
    expect(repo.git('rev-parse', 'HEAD')).toBe(before.head);
    expect(repo.git('branch', '--show-current')).toBe(before.branch);
    expect(repo.git('status', '--porcelain')).toBe(before.status);
    expect(repo.git('diff', '--cached')).toBe(before.staged);
    expect(repo.read('README.md')).toBe('edited again after staging\n');
    expect(repo.read('params.txt')).toBe('x=3\n');
    expect(expectParkedTrees(repo)).toHaveLength(1);
  });

  it('resumes: numbering continues, no second baseline, the incumbent is re-measured', async () => {
    const repo = createProject();
    await session(repo, ['set 5', 'set 1'], { experiments: 2 });
    const second = await session(repo, ['', '', 'set 9', 'set 20'], { experiments: 2 });
    expect(second.baseline).toBeUndefined();
    expect(second.outcomes.map((outcome) => outcome.row.experiment)).toEqual([3, 4]);
    const rows = tsv(repo).slice(1);
    expect(rows.map((row) => row[0])).toEqual(['0', '1', '2', '3', '4']);
    expect(rows.filter((row) => row[5] === 'baseline')).toHaveLength(1);
    const records = parseJsonl(repo.git('show', 'autoexp/quad:.autoexp/quad/experiments/0000.jsonl'), 'log');
    expect(records[3]?.incumbent?.metrics.score).toBe(75);
    expect(records[3]?.incumbent?.session).not.toBe(records[1]?.incumbent?.session);
    expect(repo.git('show', 'autoexp/quad:params.txt')).toBe('x=9');
  });

  it('logs the limits in force with every record, as they were when it was decided', async () => {
    const limited = (max: number) =>
      projectConfig().replace('goal: minimize', `goal: minimize\n    max: ${max}`);
    const repo = createProject({ config: limited(100) });
    await session(repo, ['set 5', 'set 12'], { experiments: 2 });
    repo.write('autoexp.yml', limited(150));
    repo.commitAll('raise the size limit');
    await session(repo, ['', '', 'set 12'], { experiments: 1 });
    const records = parseJsonl(repo.git('show', 'autoexp/quad:.autoexp/quad/experiments/0000.jsonl'), 'log');
    expect(records.map((record) => [record.status, record.reason, record.limits])).toEqual([
      ['keep', 'baseline', { size: { max: 100 } }],
      ['keep', 'improved', { size: { max: 100 } }],
      ['discard', 'constraint size>100', { size: { max: 100 } }],
      ['keep', 'improved', { size: { max: 150 } }],
    ]);
    const unlimited = createProject();
    await session(unlimited, ['set 5'], { experiments: 1 });
    const plain = parseJsonl(
      unlimited.git('show', 'autoexp/quad:.autoexp/quad/experiments/0000.jsonl'),
      'log',
    );
    expect(plain.map((record) => record.limits)).toEqual([{}, {}]);
  });

  it('stops after consecutive failures', async () => {
    const repo = createProject({
      config: projectConfig().replace('consecutive-crashes: 10', 'consecutive-crashes: 2'),
    });
    const result = await session(repo, ['fail', 'fail', 'fail', 'fail'], { experiments: 4 });
    expect(result.stopReason).toBe('consecutive-crashes');
    expect(result.outcomes).toHaveLength(2);
  });

  it('treats an eval that prints garbage as a crash with its reason', async () => {
    const repo = createProject();
    await session(repo, ['set 55'], { experiments: 1 });
    const records = parseJsonl(repo.git('show', 'autoexp/quad:.autoexp/quad/experiments/0000.jsonl'), 'log');
    expect(records[1]?.status).toBe('crash');
    expect(records[1]?.reason).toContain('score');
    expect(records[1]?.log_tail).toContain('garbage output');
  });

  it('never gives the eval the GitHub token', async () => {
    const repo = createProject({
      config: projectConfig().replace(
        'command: bash evaluate.sh',
        'command: env > "$AUTOEXP_CHECKOUT/../eval-env.txt"; bash evaluate.sh',
      ),
    });
    await session(repo, ['set 5'], { experiments: 1 });
    const seen = (await import('node:fs')).readFileSync(join(repo.root, '..', 'eval-env.txt'), 'utf8');
    expect(seen).toContain('AUTOEXP_EXPERIMENT=');
    expect(seen).not.toContain('ghs_secret');
    expect(seen).not.toContain('GITHUB_TOKEN');
  });

  it('fails clearly when the baseline cannot be measured, writing nothing', async () => {
    const repo = createProject();
    repo.write('params.txt', 'x=99\n');
    repo.commitAll('break the baseline');
    await expect(session(repo, ['set 5'])).rejects.toThrow(/measuring the baseline failed: exit code 1/);
    expect(() => repo.git('show', 'autoexp/quad:.autoexp/quad/results.tsv')).toThrow();
    expect(expectParkedTrees(repo)).toHaveLength(1);
    // The branch it created for nothing is gone too: a failed first run leaves no empty branch behind.
    expect(() => repo.git('rev-parse', '--verify', '--quiet', 'refs/heads/autoexp/quad')).toThrow();
  });

  it('names a scope.modify typo with a did-you-mean', async () => {
    const repo = createProject({
      config: projectConfig().replace('modify: [params.txt]', 'modify: [parms.txt]'),
    });
    const notices: string[] = [];
    await session(repo, [''], { experiments: 1, events: { notice: (message) => notices.push(message) } });
    expect(notices.join('\n')).toMatch(/"parms\.txt" is not a tracked file \(did you mean "params\.txt"\?\)/);
  });

  it('says so when the baseline already breaks a constraint, and when a session resumes', async () => {
    const repo = createProject({
      config: projectConfig().replace('goal: maximize', 'goal: maximize\n    min: 90'),
    });
    const notices: string[] = [];
    await session(repo, ['set 5'], {
      experiments: 1,
      events: { notice: (message) => notices.push(message) },
    });
    expect(notices.join('\n')).toMatch(
      /the baseline already breaks the constraint score<90: every candidate/,
    );
    notices.length = 0;
    await session(repo, ['', 'set 9'], {
      experiments: 1,
      events: { notice: (message) => notices.push(message) },
    });
    expect(notices[0]).toMatch(/^resuming autoexp\/quad at #2: re-measuring the incumbent \([0-9a-f]+\)/);
    expect(notices.join('\n')).toMatch(/the incumbent already breaks the constraint score<90/);
  });

  it('undoes deletes, mode changes and renames that reach outside scope', async () => {
    const repo = createProject();
    await session(repo, ['delete', 'chmod', 'rename'], { experiments: 3 });
    const records = parseJsonl(repo.git('show', 'autoexp/quad:.autoexp/quad/experiments/0000.jsonl'), 'log');
    expect(records.slice(1).map((record) => [record.status, record.reason])).toEqual([
      ['invalid', 'out of scope: README.md'],
      ['invalid', 'out of scope: README.md'],
      ['invalid', 'out of scope: params2.txt'],
    ]);
    expect(repo.git('ls-tree', '-r', 'autoexp/quad', '--', 'README.md', 'params.txt')).toMatch(
      /^100644 blob \w+\tREADME\.md\n100644 blob \w+\tparams\.txt$/,
    );
  });

  it('merges base when it moved, then experiments on the merged tree', async () => {
    const repo = createProject();
    await session(repo, ['set 5'], { experiments: 1 });
    repo.write('README.md', 'main moved on\n');
    repo.commitAll('docs on main');
    const result = await session(repo, ['', 'set 6'], { experiments: 1 });
    expect(result.mergedBase).toBe(true);
    expect(result.outcomes.map((outcome) => outcome.row.status)).toEqual(['keep']);
    expect(repo.git('show', 'autoexp/quad:README.md')).toBe('main moved on');
    expect(repo.git('log', '--merges', '--format=%s', 'autoexp/quad')).toBe(
      'autoexp: merge main into autoexp/quad',
    );
  });

  it('stops before any experiment when base conflicts, and leaves the branch as it was', async () => {
    const repo = createProject();
    // The user's own worktree: no session, even one where no untrusted code runs, takes it for a planted one.
    const own = join(mkdtempSync(join(tmpdir(), 'autoexp-own-')), 'feature');
    repo.git('worktree', 'add', '--quiet', '-b', 'feature', own);
    await session(repo, ['set 5'], { experiments: 1 });
    const before = repo.git('rev-parse', 'autoexp/quad');
    repo.write('params.txt', 'x=4\n');
    repo.commitAll('a human tuned x on main');
    const result = await session(repo, ['', 'set 6'], { experiments: 1 });
    expect(result.stopReason).toBe('merge-conflict');
    expect(result.conflicts).toEqual(['params.txt']);
    expect(result.outcomes).toEqual([]);
    expect(repo.git('rev-parse', 'autoexp/quad')).toBe(before);
    expect(existsSync(join(own, 'params.txt'))).toBe(true);
    expect(repo.git('worktree', 'list')).toContain(own);
  });

  it('starts over from base after the branch was merged and deleted, continuing the numbering', async () => {
    const repo = createProject();
    await session(repo, ['set 5', 'set 1'], { experiments: 2 });
    repo.git('merge', '--quiet', '--no-edit', 'autoexp/quad');
    repo.git('branch', '-D', 'autoexp/quad');
    const result = await session(repo, ['', '', 'set 9'], { experiments: 1 });
    expect(result.created).toBe(true);
    expect(result.baseline).toBeUndefined();
    expect(result.outcomes.map((outcome) => [outcome.row.experiment, outcome.row.status])).toEqual([
      [3, 'keep'],
    ]);
    expect(
      tsv(repo)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['0', '1', '2', '3']);
  });

  it('runs the eval without any network with eval.network: off', async () => {
    const server = createServer((_request, response) => response.end('hello'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    let requests = 0;
    server.on('request', () => requests++);
    // Not under /tmp: with eval.network: off the eval's /tmp is a private one, gone when it ends.
    const out = mkdtempSync(join(outsidePrivateDirs(), 'net-'));
    try {
      const probe = (file: string) =>
        `(exec 3<>/dev/tcp/127.0.0.1/${port}) 2>/dev/null && echo reached >> ${file} || echo blocked >> ${file}`;
      const config = (network: string) =>
        projectConfig({ evalLines: `  network: ${network}` }).replace(
          'command: bash evaluate.sh',
          `command: ${JSON.stringify(`${probe(join(out, `${network}.txt`))}; bash evaluate.sh`)}`,
        );
      const isolated = createProject({ config: config('off') });
      await session(isolated, ['set 5'], { experiments: 1 });
      expect(readFileSync(join(out, 'off.txt'), 'utf8')).toBe('blocked\nblocked\n');
      expect(requests).toBe(0);

      const open = createProject({ config: config('on') });
      await session(open, ['set 5'], { experiments: 1 });
      expect(readFileSync(join(out, 'on.txt'), 'utf8')).toBe('reached\nreached\n');
    } finally {
      server.close();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
