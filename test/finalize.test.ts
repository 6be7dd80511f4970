// `autoexp finalize`: the best experiment's scope changes as one commit on base (autoexp-final/<tag>), in
// real repositories with a local bare origin; and the pure parts (which version of a scope file wins, the
// commit message with a proposer's hostile words in it).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError, runCommand, type CliIO } from '../src/cli/commands.js';
import { finalizeCommand } from '../src/cli/finalize.js';
import {
  buildFinalCommit,
  chooseScopeFile,
  finalCommitMessage,
  isFinalCommit,
  pathSteps,
  type FinalCommit,
} from '../src/finalize/final-branch.js';
import { renderFinalBody } from '../src/finalize/final-report.js';
import { Git } from '../src/git/git.js';
import { summarizeLedger } from '../src/report/summary.js';
import { createProject, planFile, projectSettings } from './helpers/project.js';
import { HOSTILE, UNSAFE_CHARACTERS } from './helpers/hostile-text.js';
import { createTestRepo, git, GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';

function io(cwd: string, plan: string[] = []): CliIO & { output(): string } {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return {
    cwd,
    env: { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: planFile(plan) },
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new PassThrough() as unknown as NodeJS.WriteStream,
    signal: new AbortController().signal,
    output: () => text,
  };
}

async function session(repo: TestRepo, plan: string[], push = false): Promise<void> {
  const result = await runCommand(io(repo.root, plan), {
    config: 'autoexp.yml',
    experiments: plan.filter(Boolean).length,
    push,
    remote: 'origin',
  });
  expect(result.exitCode).toBe(0);
}

async function finalize(repo: TestRepo, push = false): Promise<string> {
  const cli = io(repo.root);
  expect(await finalizeCommand(cli, { config: 'autoexp.yml', push })).toBe(0);
  return cli.output();
}

async function finalizeFails(repo: TestRepo, push = false): Promise<string> {
  const error = await finalizeCommand(io(repo.root), { config: 'autoexp.yml', push }).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(CliError);
  return (error as Error).message;
}

const FINAL = 'autoexp-final/quad';

describe('autoexp finalize', () => {
  it('makes one commit on base with only the best experiment’s scope changes, listing the keeps', async () => {
    const repo = createProject();
    // x=5 (75) kept, x=1 discarded, x=9 (99) kept: the best is experiment 3.
    await session(repo, ['set 5', 'set 1', 'set 9']);
    const output = await finalize(repo);
    expect(output).toContain(`${FINAL} (`);
    expect(output).toContain("main plus experiment #3's changes to params.txt");

    // One commit, on main, that changes params.txt and nothing else (no ledger, no autoexp.yml).
    expect(repo.git('rev-list', '--count', `main..${FINAL}`)).toBe('1');
    expect(repo.git('rev-parse', `${FINAL}^`)).toBe(repo.git('rev-parse', 'main'));
    expect(repo.git('diff', '--name-only', 'main', FINAL)).toBe('params.txt');
    expect(repo.git('show', `${FINAL}:params.txt`)).toBe('x=9');
    // The experiment branch still differs from main in more than that: the ledger stays there.
    expect(repo.git('diff', '--name-only', 'main', 'autoexp/quad').split('\n')).toContain(
      '.autoexp/quad/results.tsv',
    );

    const message = repo.git('log', '-1', '--format=%B', FINAL);
    expect(message.split('\n')[0]).toBe('autoexp(quad): score 51 → 99 (+94.1%)');
    expect(message).toContain('- experiment 1: score 51 → 75 (+47.1%), try x=5');
    expect(message).toContain('- experiment 3: score 75 → 99 (+32.0%), try x=9');
    expect(message).not.toContain('experiment 2:');
    expect(message).toMatch(/^Autoexp-Final: quad$/m);
    expect(message).toMatch(/^Autoexp-Experiment: 3$/m);
    // Nothing was pushed without --push, and the user's checkout is where it was.
    expect(git(repo.origin, 'branch', '--list', 'autoexp-final/*')).toBe('');
    expect(repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('--push creates the branch on origin, leaves it when nothing changed, replaces its own commit, never touches main', async () => {
    const repo = createProject();
    await session(repo, ['set 5'], true);
    const mainOnOrigin = git(repo.origin, 'rev-parse', 'main');

    expect(await finalize(repo, true)).toContain(`pushed to origin/${FINAL}`);
    const first = git(repo.origin, 'rev-parse', FINAL);
    expect(first).toBe(repo.git('rev-parse', FINAL));
    expect(git(repo.origin, 'show', `${FINAL}:params.txt`)).toBe('x=5');

    // Again with nothing new: the same commit stays (a PR on it is not disturbed).
    expect(await finalize(repo, true)).toContain(`already on origin/${FINAL}`);
    expect(git(repo.origin, 'rev-parse', FINAL)).toBe(first);

    // Base moves (outside scope) and a better keep arrives: the branch is rebuilt on the new base.
    repo.write('README.md', 'a test project, now documented\n');
    repo.commitAll('docs');
    repo.git('push', '--quiet', 'origin', 'main');
    await session(repo, ['', 'set 9'], true);
    expect(await finalize(repo, true)).toContain(`replaced autoexp's earlier commit on origin/${FINAL}`);
    expect(git(repo.origin, 'rev-parse', `${FINAL}^`)).toBe(repo.git('rev-parse', 'main'));
    expect(git(repo.origin, 'diff', '--name-only', 'main', FINAL)).toBe('params.txt');
    expect(git(repo.origin, 'show', `${FINAL}:params.txt`)).toBe('x=9');
    expect(git(repo.origin, 'rev-parse', 'main')).not.toBe(mainOnOrigin);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(repo.git('rev-parse', 'main'));
  });

  it('never replaces a final branch someone pushed commits onto, locally or on origin', async () => {
    const repo = createProject();
    await session(repo, ['set 5'], true);
    await finalize(repo, true);
    // A reviewer adds a commit to the final branch on origin.
    repo.git('switch', '--quiet', FINAL);
    repo.write('params.txt', 'x=6\n');
    repo.commitAll('reviewer: x=6 reads better');
    repo.git('push', '--quiet', 'origin', FINAL);
    const reviewed = repo.git('rev-parse', 'HEAD');
    repo.git('switch', '--quiet', 'main');

    await session(repo, ['', 'set 9'], true);
    expect(await finalizeFails(repo, true)).toMatch(
      /^the local branch autoexp-final\/quad has commits autoexp did not make/,
    );
    repo.git('branch', '-D', FINAL);
    expect(await finalizeFails(repo, true)).toMatch(
      /^origin's autoexp-final\/quad has commits autoexp did not make/,
    );
    expect(git(repo.origin, 'rev-parse', FINAL)).toBe(reviewed);
  });

  it('says so when nothing beat the baseline, or base already holds the winner', async () => {
    const repo = createProject();
    await session(repo, ['set 1']);
    expect(await finalize(repo)).toBe(
      'autoexp: nothing to finalize: no experiment on autoexp/quad has beaten the baseline yet\n',
    );
    await session(repo, ['', 'set 5']);
    await finalize(repo);
    repo.git('merge', '--quiet', '--ff-only', FINAL);
    expect(await finalize(repo)).toBe(
      'autoexp: nothing to finalize: main already holds the changes of experiment #2\n',
    );
  });

  it('after a final commit was merged, lists only the keeps base does not hold yet', async () => {
    const repo = createProject();
    // x=5 (75) and x=7 (91) kept; their final commit is merged into main.
    await session(repo, ['set 5', 'set 7']);
    await finalize(repo);
    repo.git('merge', '--quiet', '--ff-only', FINAL);
    // The next session merges main in, then x=9 (99) is kept.
    await session(repo, ['', '', 'set 9']);
    await finalize(repo);
    expect(repo.git('diff', 'main', FINAL, '--', 'params.txt')).toContain('+x=9');
    const message = repo.git('log', '-1', '--format=%B', FINAL);
    expect(message).toContain('Kept experiments after experiment 2, which main holds already:');
    expect(message).toContain('- experiment 3: score 91 → 99 (+8.8%), try x=9');
    expect(message).not.toMatch(/experiment [12]:/);
    // The final PR says the same.
    const outcome = await buildFinalCommit({
      git: Git.at(repo.root),
      settings: await projectSettings(repo),
      branchRef: 'refs/heads/autoexp/quad',
      baseRef: 'refs/heads/main',
      baseName: 'main',
    });
    const final = (outcome as { final: FinalCommit }).final;
    expect(final.heldByBase).toBe(2);
    const body = renderFinalBody(final, 'main');
    expect(body).toContain('`main` holds the changes of experiment 2 and the keeps before it already');
    expect(body).toContain('| 3 | keep | 99 | 91 → 99 (+8.8%) |');
    expect(body).not.toMatch(/^\| [12] \|/m);
  });

  it('counts as held by base only a keep whose commit is on the branch before the best', async () => {
    const repo = createProject();
    // x=5 (75) and x=7 (91) kept; main holds neither.
    await session(repo, ['set 5', 'set 7']);
    // A ledger whose first keep names main's own commit (base holds its scope files, trivially).
    const ledgerPath = '.autoexp/quad/results.tsv';
    const mainCommit = repo.git('rev-parse', '--short=12', 'main');
    repo.git('checkout', '--quiet', 'autoexp/quad');
    const rows = repo.git('show', `HEAD:${ledgerPath}`).split('\n');
    const first = rows.findIndex((row) => row.split('\t')[0] === '1');
    const cells = rows[first]!.split('\t');
    const commitColumn = cells.findIndex((cell) => /^[0-9a-f]{7,}$/.test(cell));
    cells[commitColumn] = mainCommit;
    rows[first] = cells.join('\t');
    writeFileSync(join(repo.root, ledgerPath), `${rows.join('\n')}\n`);
    repo.git('commit', '--quiet', '-am', 'a forged ledger row');
    repo.git('checkout', '--quiet', 'main');
    await finalize(repo);
    const message = repo.git('log', '-1', '--format=%B', FINAL);
    expect(message).not.toContain('which main holds already');
    expect(message).toMatch(/experiment 2:/);
  });

  it('refuses, naming the file, when base changed the same lines as the experiments', async () => {
    const repo = createProject();
    await session(repo, ['set 5']);
    repo.write('params.txt', 'x=4\n');
    repo.commitAll('tune by hand');
    expect(await finalizeFails(repo)).toMatch(
      /^main changed params.txt since autoexp\/quad last merged it, and so did the experiments/,
    );
    expect(repo.git('branch', '--list', FINAL)).toBe('');
  });

  it('refuses to run from an experiment branch without a configured base', async () => {
    const repo = createProject();
    await session(repo, ['set 5']);
    repo.git('switch', '--quiet', 'autoexp/quad');
    expect(await finalizeFails(repo)).toMatch(/current branch autoexp\/quad is autoexp's, not a base/);
  });
});

describe('buildFinalCommit', () => {
  /** A branch with a hand-written ledger: experiment 1 changed the last line of a three-line config. */
  function handmade(): { repo: TestRepo; git: Git } {
    const repo = createTestRepo({
      'autoexp.yml':
        'tag: t\nscope:\n  modify: [conf/*.ini]\neval:\n  command: "true"\nmetrics:\n  - name: m\n    goal: maximize\nproposer:\n  kind: mutate\n',
      'conf/a.ini': 'alpha=1\nbeta=2\ngamma=3\n',
      'other.txt': 'outside scope\n',
    });
    repo.git('switch', '--quiet', '-c', 'autoexp/t');
    repo.write('conf/a.ini', 'alpha=1\nbeta=2\ngamma=30\n');
    repo.write('other.txt', 'the branch changed this too\n');
    repo.write('conf/new.ini', 'delta=4\n');
    repo.commitAll('experiment 1');
    const kept = repo.git('rev-parse', '--short', 'HEAD');
    repo.write(
      '.autoexp/t/results.tsv',
      `experiment\tcommit\tm\tstatus\tdescription\n0\t${kept}\t1\tkeep\tbaseline\n1\t${kept}\t2\tkeep\traise gamma\n`,
    );
    repo.commitAll('ledger');
    repo.git('switch', '--quiet', 'main');
    // Base changes the first line of the same file meanwhile.
    repo.write('conf/a.ini', 'alpha=10\nbeta=2\ngamma=3\n');
    repo.commitAll('base moves');
    return { repo, git: Git.at(repo.root) };
  }

  it('merges base’s and the experiments’ edits of one file, and takes new scope files but nothing else', async () => {
    const { repo, git: gitAt } = handmade();
    const settings = await projectSettings(repo);
    const outcome = await buildFinalCommit({
      git: gitAt,
      settings,
      branchRef: 'refs/heads/autoexp/t',
      baseRef: 'refs/heads/main',
      baseName: 'main',
    });
    expect(outcome.kind).toBe('commit');
    const final = (outcome as { final: FinalCommit }).final;
    expect(final.files).toEqual(['conf/a.ini', 'conf/new.ini']);
    expect(repo.git('show', `${final.commit}:conf/a.ini`)).toBe('alpha=10\nbeta=2\ngamma=30');
    expect(repo.git('show', `${final.commit}:other.txt`)).toBe('outside scope');
    expect(repo.git('diff', '--name-only', 'main', final.commit).split('\n')).toEqual([
      'conf/a.ini',
      'conf/new.ini',
    ]);
    // Nothing moved: building the commit touches no branch.
    expect(repo.git('branch', '--list', 'autoexp-final/*')).toBe('');
  });

  it('finds the keep base holds among many in a few git processes, not a few per keep', async () => {
    const repo = createTestRepo({
      'autoexp.yml':
        'tag: t\nscope:\n  modify: [conf/*.ini]\neval:\n  command: "true"\nmetrics:\n  - name: m\n    goal: maximize\nproposer:\n  kind: mutate\n',
      'conf/a.ini': 'alpha=0\n',
    });
    repo.git('tag', 'start');
    repo.git('switch', '--quiet', '-c', 'autoexp/t');
    const rows = [`0\t${repo.git('rev-parse', '--short', 'HEAD')}\t0\tkeep\tbaseline`];
    const keep = (experiment: number) => {
      repo.write('conf/a.ini', `alpha=${experiment}\n`);
      repo.commitAll(`try alpha=${experiment}\n\nAutoexp-Experiment: ${experiment}`);
      rows.push(
        `${experiment}\t${repo.git('rev-parse', '--short', 'HEAD')}\t${experiment}\tkeep\ttry ${experiment}`,
      );
    };
    for (let experiment = 1; experiment <= 25; experiment++) keep(experiment);
    // Experiment 25's final commit is merged into main, and the next session merges main in.
    repo.git('switch', '--quiet', 'main');
    repo.write('conf/a.ini', 'alpha=25\n');
    repo.commitAll('the final commit of experiment 25');
    repo.git('switch', '--quiet', 'autoexp/t');
    repo.git('merge', '--quiet', '--no-edit', 'main');
    for (let experiment = 26; experiment <= 40; experiment++) keep(experiment);
    repo.write('.autoexp/t/results.tsv', `experiment\tcommit\tm\tstatus\tdescription\n${rows.join('\n')}\n`);
    repo.commitAll('ledger');
    repo.git('switch', '--quiet', 'main');
    const build = async (baseRef: string) => {
      const started = Git.processesStarted;
      const outcome = await buildFinalCommit({
        git: Git.at(repo.root),
        settings: await projectSettings(repo),
        branchRef: 'refs/heads/autoexp/t',
        baseRef,
        baseName: 'main',
      });
      return { final: (outcome as { final: FinalCommit }).final, processes: Git.processesStarted - started };
    };
    // A base that holds no keep: every keep is listed.
    const none = await build('refs/tags/start');
    expect(none.final.heldByBase).toBeUndefined();
    expect(none.final.steps).toHaveLength(40);
    // main holds experiment 25: the 15 after it are listed, the first from 25's value.
    const held = await build('refs/heads/main');
    expect(held.final.heldByBase).toBe(25);
    expect(held.final.steps.map((step) => step.experiment)).toEqual(
      Array.from({ length: 15 }, (_, index) => 26 + index),
    );
    expect(held.final.steps[0]).toMatchObject({ from: 25, to: 26 });
    // Looking for it is one process for all 40 keeps, then the checks of the one that matches.
    expect(none.processes).toBeLessThan(20);
    expect(held.processes - none.processes).toBeLessThan(6);
  });
});

describe('chooseScopeFile', () => {
  const entry = (object: string, mode = '100644') => ({ mode, object, path: 'f' });
  it('keeps base’s version unless only the experiments changed the file', () => {
    expect(chooseScopeFile(entry('a'), entry('a'), entry('b'))).toEqual({ kind: 'base' });
    expect(chooseScopeFile(entry('a'), entry('b'), entry('b'))).toEqual({ kind: 'base' });
    expect(chooseScopeFile(entry('a'), entry('b'), entry('a'))).toEqual({
      kind: 'take',
      entry: { mode: '100644', object: 'b' },
    });
    expect(chooseScopeFile(undefined, entry('b'), undefined)).toEqual({
      kind: 'take',
      entry: { mode: '100644', object: 'b' },
    });
    // Deleted by the experiments, untouched on base: deleted.
    expect(chooseScopeFile(entry('a'), undefined, entry('a'))).toEqual({ kind: 'take' });
    // Deleted by base, untouched by the experiments: stays deleted.
    expect(chooseScopeFile(entry('a'), entry('a'), undefined)).toEqual({ kind: 'base' });
  });

  it('merges two edits of a regular file; anything else changed on both sides is a conflict', () => {
    expect(chooseScopeFile(entry('a'), entry('b'), entry('c'))).toEqual({ kind: 'merge' });
    expect(chooseScopeFile(entry('a'), undefined, entry('c'))).toEqual({ kind: 'conflict' });
    expect(chooseScopeFile(undefined, entry('b'), entry('c'))).toEqual({ kind: 'conflict' });
    expect(chooseScopeFile(entry('a'), entry('b', '120000'), entry('c'))).toEqual({ kind: 'conflict' });
    // Only a mode change on one side is a change too.
    expect(chooseScopeFile(entry('a'), entry('a', '100755'), entry('a'))).toEqual({
      kind: 'take',
      entry: { mode: '100755', object: 'a' },
    });
  });
});

describe('the final commit message and PR body', () => {
  const hostile = `${HOSTILE.markdown} ${HOSTILE.terminal} ${HOSTILE.bidi}`;

  it('lists every step, and a proposer’s words cannot mention, reference, close or escape', () => {
    const message = finalCommitMessage({
      tag: 'quad',
      title: 'autoexp(quad): score 51 → 75 (+47.1%)',
      baseName: 'main',
      best: { experiment: 2 },
      steps: [
        { experiment: 1, status: 'explore', from: 51, to: 40, description: hostile },
        { experiment: 2, status: 'keep', from: 40, to: 75, description: 'Fixes #12, thanks @octocat' },
      ],
      files: ['params.txt', `evil\n@octocat #3.txt`],
      metricName: 'score',
    });
    expect(message).toContain('- experiment 1 (explore): score 51 → 40 (-21.6%), ');
    expect(message).toContain('- experiment 2: score 40 → 75 (+87.5%), Fixes ＃12, thanks ＠octocat');
    expect(message).not.toMatch(/@|#\d|:\/\//);
    expect(message).not.toMatch(UNSAFE_CHARACTERS);
    // Only the trailers and the blank lines around the list break lines.
    expect(message.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(2);
    expect(isFinalCommit({ parents: ['abc'], message }, 'quad')).toBe(true);
    expect(isFinalCommit({ parents: ['abc'], message }, 'quad2')).toBe(false);
    expect(isFinalCommit({ parents: ['abc', 'def'], message }, 'quad')).toBe(false);
    expect(isFinalCommit({ parents: ['abc'], message: 'fix\n\nAutoexp-Final: quad.x' }, 'quad')).toBe(false);
  });

  it('puts descriptions and file names in the PR body as code', async () => {
    const rows = [
      {
        experiment: 0,
        commit: 'a1',
        metrics: { score: 51 },
        status: 'keep' as const,
        description: 'baseline',
      },
      { experiment: 1, commit: 'b2', metrics: { score: 75 }, status: 'keep' as const, description: hostile },
    ];
    const summary = summarizeLedger(rows, [{ name: 'score', goal: 'maximize' } as never]);
    const body = renderFinalBody(
      {
        tag: 'quad',
        branch: FINAL,
        commit: 'c3',
        tree: 't',
        baseCommit: 'b',
        best: { experiment: 1, commit: 'b2', value: 75 },
        steps: [{ experiment: 1, status: 'keep', from: 51, to: 75, description: hostile }],
        files: ['@octocat.txt'],
        title: 'autoexp(quad): score 51 → 75 (+47.1%)',
        summary,
      },
      'main',
    );
    expect(body).toContain('<!-- autoexp:final tag=quad -->');
    expect(body).toContain('| 1 | keep | 75 | 51 → 75 (+47.1%) | `@octocat @octo/team Closes #1');
    expect(body).toContain('`@octocat.txt`');
    expect(body).not.toMatch(UNSAFE_CHARACTERS);
    // Outside code spans nothing of the description is left.
    expect(body.replace(/`[^`]*`/g, '')).not.toMatch(/@octocat|evil\.example|Closes/);
  });
});

describe('the final commit of a search tree', () => {
  it("lists the best's path through the tree, each step from its parent node's value", () => {
    const node = (experiment: number, value: number, parent?: number) => ({
      experiment,
      ...(parent === undefined ? {} : { parent }),
      score: value,
      expansions: 1,
      commit: `c${experiment}`,
      description: `step ${experiment}`,
      value,
    });
    const rows = [
      {
        experiment: 0,
        commit: 'c0',
        metrics: { score: 10 },
        status: 'keep' as const,
        description: 'baseline',
      },
      {
        experiment: 3,
        commit: 'c3',
        metrics: { score: 9 },
        status: 'explore' as const,
        description: 'step 3',
      },
      { experiment: 7, commit: 'c7', metrics: { score: 15 }, status: 'keep' as const, description: 'step 7' },
    ];
    expect(pathSteps([node(0, 10), node(3, 9, 0), node(7, 15, 3)], rows)).toEqual([
      { experiment: 3, status: 'explore', from: 10, to: 9, description: 'step 3' },
      { experiment: 7, status: 'keep', from: 9, to: 15, description: 'step 7' },
    ]);
  });
});
