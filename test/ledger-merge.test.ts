// What base holds of a branch's ledger after the summary PR was merged (a merge commit, a squash, a
// rebase), and merging base back into the branch: the pure rules, then real git repositories.
import { describe, expect, it } from 'vitest';
import { Git } from '../src/git/git.js';
import { countTsvRows, resolveLedgerConflict, rowsHeldByBase, rowsSinceMerge } from '../src/ledger/merged.js';
import type { LedgerRow, Status } from '../src/ledger/types.js';
import { mergeKeepingLedger } from '../src/tree/ledger-merge.js';
import { createTestRepo, type TestRepo } from './helpers/repo.js';

const METRICS = ['score'];
const DIR = '.autoexp/quad';
const LEDGER = { dir: DIR, metricNames: METRICS };

function row(experiment: number, status: Status, score: number, description = `#${experiment}`): LedgerRow {
  return { experiment, commit: `c${experiment}`, metrics: { score }, status, description };
}

function tsv(rows: readonly LedgerRow[]): string {
  const lines = rows.map(
    (r) => `${r.experiment}\t${r.commit}\t${r.metrics['score']}\t${r.status}\t${r.description}`,
  );
  return ['experiment\tcommit\tscore\tstatus\tdescription', ...lines].join('\n') + '\n';
}

function jsonl(rows: readonly LedgerRow[]): string {
  return rows
    .map((r) =>
      JSON.stringify({
        experiment: r.experiment,
        commit: r.commit,
        status: r.status,
        description: r.description,
        metrics: r.metrics,
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

const ROWS = [row(0, 'keep', 51), row(1, 'keep', 75), row(2, 'discard', 60), row(3, 'keep', 96)];

describe('what base holds', () => {
  it("counts base's rows when they are the branch's first ones, else none", () => {
    expect(rowsHeldByBase(ROWS.slice(0, 2), ROWS)).toBe(2);
    expect(rowsHeldByBase(ROWS, ROWS)).toBe(4);
    expect(rowsHeldByBase([], ROWS)).toBe(0);
    // A reworded description is the same experiment.
    expect(rowsHeldByBase([row(0, 'keep', 51, 'the baseline, reworded')], ROWS)).toBe(1);
    // Another commit or status at the same number: a ledger that went another way.
    expect(rowsHeldByBase([row(0, 'keep', 51), { ...row(1, 'keep', 75), commit: 'other' }], ROWS)).toBe(0);
    expect(rowsHeldByBase([row(0, 'keep', 51), row(1, 'discard', 75)], ROWS)).toBe(0);
    // Base ahead of the branch is not "holding the branch's rows".
    expect(rowsHeldByBase([...ROWS, row(4, 'keep', 99)], ROWS)).toBe(0);
  });

  it('starts a report at the incumbent base holds, then the rows base lacks', () => {
    const rows = [...ROWS, row(4, 'discard', 90), row(5, 'keep', 99)];
    const experiments = (held: number) => rowsSinceMerge(rows, held).map((r) => r.experiment);
    expect(experiments(0)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(experiments(2)).toEqual([1, 2, 3, 4, 5]);
    // Base holds #2, a discard: its code is #1's, and #2 was in the earlier PR.
    expect(experiments(3)).toEqual([1, 3, 4, 5]);
    expect(experiments(5)).toEqual([3, 5]);
    expect(experiments(6)).toEqual([5]);
    const explored = [row(0, 'keep', 51), row(1, 'explore', 40), row(2, 'keep', 80)];
    expect(rowsSinceMerge(explored, 2).map((r) => r.experiment)).toEqual([1, 2]);
  });

  it('counts the rows of a results.tsv text without parsing them', () => {
    expect(countTsvRows(tsv(ROWS))).toBe(4);
    expect(countTsvRows('experiment\tcommit\tscore\tstatus\tdescription\n')).toBe(0);
    expect(countTsvRows('')).toBe(0);
  });
});

describe('resolveLedgerConflict', () => {
  const conflict = (file: string, branchText: string | undefined, baseText: string | undefined) =>
    resolveLedgerConflict({ file, branchText, baseText, metricNames: METRICS });

  it("takes the branch's file when base's rows or records are its first ones", () => {
    expect(conflict('results.tsv', tsv(ROWS), tsv(ROWS.slice(0, 2)))).toBe(tsv(ROWS));
    expect(conflict('experiments/0000.jsonl', jsonl(ROWS), jsonl(ROWS.slice(0, 2)))).toBe(jsonl(ROWS));
    // Base reworded a description it holds: the branch's file still wins, the ledger being append-only.
    const reworded = [row(0, 'keep', 51), row(1, 'keep', 75, 'x=5, reworded on main')];
    expect(conflict('results.tsv', tsv(ROWS), tsv(reworded))).toBe(tsv(ROWS));
  });

  it('leaves every other conflict to a person', () => {
    const diverged = [row(0, 'keep', 51), { ...row(1, 'keep', 70), commit: 'elsewhere' }];
    expect(conflict('results.tsv', tsv(ROWS), tsv(diverged))).toBeUndefined();
    expect(conflict('results.tsv', tsv(ROWS.slice(0, 2)), tsv(ROWS))).toBeUndefined();
    expect(conflict('results.tsv', tsv(ROWS), undefined)).toBeUndefined();
    expect(conflict('results.tsv', tsv(ROWS), 'not a ledger\n')).toBeUndefined();
    expect(conflict('experiments/0000.jsonl', jsonl(ROWS), '{broken\n')).toBeUndefined();
    expect(conflict('notes.md', tsv(ROWS), tsv(ROWS.slice(0, 2)))).toBeUndefined();
    expect(conflict('experiments/1.jsonl', jsonl(ROWS), jsonl(ROWS.slice(0, 2)))).toBeUndefined();
  });
});

/**
 * A repository whose branch autoexp/quad recorded #0 (x=3) and #1 (x=5, kept), like a session does: a
 * candidate commit, then a ledger commit per row. Returns the commit that recorded #1.
 */
function branchWithTwoRows(): { repo: TestRepo; recorded: string } {
  const repo = createTestRepo({ 'params.txt': 'x=3\n', 'README.md': 'a project\n' });
  repo.git('checkout', '--quiet', '-b', 'autoexp/quad');
  record(repo, ROWS.slice(0, 1));
  repo.write('params.txt', 'x=5\n');
  repo.commitAll('try x=5');
  record(repo, ROWS.slice(0, 2));
  return { repo, recorded: repo.git('rev-parse', 'HEAD') };
}

function record(repo: TestRepo, rows: readonly LedgerRow[]): void {
  repo.write(`${DIR}/results.tsv`, tsv(rows));
  repo.write(`${DIR}/experiments/0000.jsonl`, jsonl(rows));
  repo.commitAll(`autoexp(quad): record experiment ${rows.length - 1}`);
}

/** The branch goes on: #2 discard (ledger only), #3 keep x=8. */
function moreExperiments(repo: TestRepo): void {
  repo.git('checkout', '--quiet', 'autoexp/quad');
  record(repo, ROWS.slice(0, 3));
  repo.write('params.txt', 'x=8\n');
  repo.commitAll('try x=8');
  record(repo, ROWS);
}

/** On main: the PR as GitHub merges it, up to `head`. */
function mergeOnMain(repo: TestRepo, how: 'merge' | 'squash' | 'rebase', head: string): void {
  repo.git('checkout', '--quiet', 'main');
  if (how === 'merge') repo.git('merge', '--quiet', '--no-ff', '--no-edit', head);
  if (how === 'squash') {
    repo.git('merge', '--quiet', '--squash', head);
    repo.git('commit', '--quiet', '-m', 'the summary PR (#1)');
  }
  // -x: new commits, as GitHub's rebase merge makes (it sets a committer of its own).
  if (how === 'rebase') repo.git('cherry-pick', '-x', `main..${head}`);
}

function mergeBase(repo: TestRepo): Promise<string[]> {
  repo.git('checkout', '--quiet', 'autoexp/quad');
  return mergeKeepingLedger(Git.at(repo.root), 'main', 'autoexp: merge main into autoexp/quad', LEDGER);
}

describe('merging base into the branch after the PR was merged', () => {
  it.each(['squash', 'rebase'] as const)(
    'after a %s of an older head, merges without conflicts and keeps both sides',
    async (how) => {
      const { repo, recorded } = branchWithTwoRows();
      mergeOnMain(repo, how, recorded);
      // Someone else's change on main after the merge comes along too.
      repo.write('README.md', 'a project, documented\n');
      repo.commitAll('docs');
      moreExperiments(repo);
      // Plain git sees the experiments twice and conflicts.
      expect(() => repo.git('merge', '--no-edit', 'main')).toThrow();
      repo.git('merge', '--abort');

      expect(await mergeBase(repo)).toEqual([]);
      expect(repo.read('params.txt')).toBe('x=8\n');
      expect(repo.read('README.md')).toBe('a project, documented\n');
      expect(repo.read(`${DIR}/results.tsv`)).toBe(tsv(ROWS));
      expect(repo.read(`${DIR}/experiments/0000.jsonl`)).toBe(jsonl(ROWS));
      expect(repo.git('status', '--porcelain')).toBe('');
      repo.git('merge-base', '--is-ancestor', 'main', 'autoexp/quad');
      expect(repo.git('log', '-1', '--format=%s', 'autoexp/quad')).toBe(
        'autoexp: merge main into autoexp/quad',
      );
      // The bridge: main's tree, with main and the commit that recorded #1 as its parents.
      const bridge = repo.git('rev-parse', 'autoexp/quad^2');
      expect(repo.git('rev-parse', `${bridge}^1`, `${bridge}^2`).split('\n')).toEqual([
        repo.git('rev-parse', 'main'),
        recorded,
      ]);
      expect(repo.git('rev-parse', `${bridge}^{tree}`)).toBe(repo.git('rev-parse', 'main^{tree}'));
    },
  );

  it('after a merge commit, merges as git does, with no bridge', async () => {
    const { repo, recorded } = branchWithTwoRows();
    mergeOnMain(repo, 'merge', recorded);
    moreExperiments(repo);
    expect(await mergeBase(repo)).toEqual([]);
    expect(repo.git('rev-parse', 'autoexp/quad^2')).toBe(repo.git('rev-parse', 'main'));
    expect(repo.read(`${DIR}/results.tsv`)).toBe(tsv(ROWS));
  });

  it("settles a conflict in the ledger by the ledger's rule: base reworded a row it holds", async () => {
    const { repo, recorded } = branchWithTwoRows();
    mergeOnMain(repo, 'merge', recorded);
    const reworded = [row(0, 'keep', 51), row(1, 'keep', 75, 'x=5, reworded on main')];
    repo.write(`${DIR}/results.tsv`, tsv(reworded));
    repo.commitAll('reword #1');
    moreExperiments(repo);
    expect(await mergeBase(repo)).toEqual([]);
    expect(repo.read(`${DIR}/results.tsv`)).toBe(tsv(ROWS));
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.git('show', '--no-patch', '--format=%P', 'autoexp/quad').split(' ')).toHaveLength(2);
  });

  it('still reports a real conflict, and leaves the branch as it was', async () => {
    const { repo, recorded } = branchWithTwoRows();
    mergeOnMain(repo, 'squash', recorded);
    repo.write('params.txt', 'x=4\n');
    repo.commitAll('a person tuned x on main');
    moreExperiments(repo);
    const head = repo.git('rev-parse', 'autoexp/quad');
    expect(await mergeBase(repo)).toEqual(['params.txt']);
    expect(repo.git('rev-parse', 'autoexp/quad')).toBe(head);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('does not touch a ledger that went another way on base', async () => {
    const { repo } = branchWithTwoRows();
    repo.git('checkout', '--quiet', 'main');
    const other = [row(0, 'keep', 51), { ...row(1, 'keep', 70), commit: 'elsewhere' }];
    repo.write(`${DIR}/results.tsv`, tsv(other));
    repo.write(`${DIR}/experiments/0000.jsonl`, jsonl(other));
    repo.commitAll('another ledger');
    moreExperiments(repo);
    const conflicts = await mergeBase(repo);
    expect(conflicts).toEqual(
      expect.arrayContaining([`${DIR}/results.tsv`, `${DIR}/experiments/0000.jsonl`]),
    );
  });
});
