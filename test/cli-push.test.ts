// `autoexp run --push`: the CLI pushes like the Action, through the same path: a race with another run
// is settled (rows after the other run's, superseded keeps measured again), and a push that cannot
// succeed stops the session with git's own reason and a non-zero exit.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError, runCommand, type CliIO } from '../src/cli/commands.js';
import { createProject, planFile } from './helpers/project.js';
import { GIT_IDENTITY_ENV, git, type TestRepo } from './helpers/repo.js';

function io(cwd: string, plan: string[]): CliIO & { output(): string } {
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

function run(cwd: string, plan: string[], experiments: number) {
  const cli = io(cwd, plan);
  const done = runCommand(cli, { config: 'autoexp.yml', experiments, push: true, remote: 'origin' });
  return { done, output: cli.output };
}

function originRows(repo: TestRepo): string[] {
  return git(repo.origin, 'show', 'autoexp/quad:.autoexp/quad/results.tsv')
    .split('\n')
    .slice(1)
    .map((line) => {
      const [experiment, , score, , status, description] = line.split('\t');
      return `${experiment} ${status} ${score} ${description}`;
    });
}

describe('autoexp run --push', () => {
  it("settles a race like the Action: its rows after the other run's, its keep measured again and kept", async () => {
    const repo = createProject();
    expect((await run(repo.root, ['set 5'], 1).done).exitCode).toBe(0);
    // Another clone (another machine, or the Action) goes on from origin and pushes x=6 (84).
    const other = join(mkdtempSync(join(tmpdir(), 'autoexp-other-')), 'clone');
    git(repo.origin, 'clone', '--quiet', '--branch', 'main', repo.origin, other);
    git(other, 'config', 'user.name', 'autoexp test');
    git(other, 'config', 'user.email', 'test@autoexp.invalid');
    git(other, 'fetch', '--quiet', 'origin', 'autoexp/quad:refs/remotes/origin/autoexp/quad');
    expect((await run(other, ['', 'set 6'], 1).done).exitCode).toBe(0);

    // This checkout is behind: its x=9 (99) keep is rejected, then measured again on x=6 and kept.
    const behind = run(repo.root, ['', 'note 9'], 1);
    expect((await behind.done).exitCode).toBe(0);
    expect(behind.output()).toMatch(/another run moved autoexp\/quad while this one worked/);
    expect(originRows(repo)).toEqual([
      '0 keep 51 baseline',
      '1 keep 75 try x=5',
      '2 keep 84 try x=6',
      '3 discard 99 try x=9',
      '4 keep 99 try x=9 (measured again after a push race)',
    ]);
    expect(git(repo.origin, 'show', 'autoexp/quad:params.txt')).toBe('x=9');
    // lessons.md goes on from the other run's, with what this run's proposer noted.
    const lessons = git(repo.origin, 'show', 'autoexp/quad:.autoexp/quad/lessons.md');
    expect(lessons).toContain('3 of 4 tries that raised x in params.txt (to 5–9) were kept (#1, #2, #4)');
    expect(lessons).toMatch(/x=9 is worth a try/);
  });

  it("stops with git's reason and a non-zero exit when the push cannot succeed", async () => {
    const repo = createProject();
    repo.git('remote', 'set-url', 'origin', join(tmpdir(), 'autoexp-no-such-remote', 'origin.git'));
    const attempt = run(repo.root, ['set 5', 'set 6'], 2);
    const error = await attempt.done.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(
      /^git push to origin failed, so the session stopped: .*(does not appear to be a git repository|not found)/,
    );
    // What was recorded stays on the local branch; the session stopped after the first failed push.
    expect(repo.git('show', 'autoexp/quad:.autoexp/quad/results.tsv').split('\n')).toHaveLength(2);
  });

  it('says in its summary line that the push failed, not that another run moved the branch', async () => {
    const repo = createProject();
    repo.git('remote', 'set-url', 'origin', join(tmpdir(), 'autoexp-no-such-remote', 'origin.git'));
    const attempt = run(repo.root, ['set 5'], 1);
    await attempt.done.catch(() => undefined);
    expect(attempt.output()).not.toContain('another run moved the branch');
    expect(attempt.output()).toContain(
      'autoexp: 0 experiments on autoexp/quad (none); pushing the branch failed, so this run stopped; ' +
        'what it recorded is committed on the local branch',
    );
  });
});
