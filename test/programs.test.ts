// Several programs in one repository (issue #6): `--config 'autoexp/*.yml'` and the action's `config`
// input take a glob; each run takes the program whose last session is the oldest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/errors.js';
import {
  describeChoice,
  expandConfigPattern,
  formatSessionTime,
  isConfigPattern,
  loadPrograms,
  pickProgram,
  ProgramsError,
  readLastSession,
  type ProgramChoice,
} from '../src/config/programs.js';
import { Git } from '../src/git/git.js';
import { ACTION, GITHUB_TOKEN, checkout, runAction } from './helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { createProject, projectConfig, planFile } from './helpers/project.js';
import { GIT_IDENTITY_ENV, createTestRepo, git, type TestRepo } from './helpers/repo.js';

const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');

beforeAll(() => {
  for (const file of [CLI, ACTION])
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the tests`);
});

describe('pickProgram', () => {
  it('takes a program never run before any that has run', () => {
    expect(pickProgram(['2026-11-20T02:00:00.000Z', undefined, '2026-11-19T02:00:00.000Z'])).toBe(1);
  });

  it('otherwise takes the one whose last session started the longest ago', () => {
    expect(
      pickProgram(['2026-11-20T02:00:00.000Z', '2026-11-18T02:00:00.000Z', '2026-11-19T02:00:00.000Z']),
    ).toBe(1);
    // Times are compared as times, not as text.
    expect(pickProgram(['2026-11-20T03:00:00+02:00', '2026-11-20T02:00:00Z'])).toBe(0);
  });

  it('breaks ties by file order', () => {
    expect(pickProgram([undefined, undefined])).toBe(0);
    expect(pickProgram(['2026-11-20T02:00:00.000Z', '2026-11-20T02:00:00.000Z'])).toBe(0);
    expect(pickProgram(['2026-11-21T02:00:00.000Z', undefined, undefined])).toBe(1);
  });

  it('treats an unreadable time as never run rather than starving the program', () => {
    expect(pickProgram(['2026-11-18T02:00:00.000Z', 'yesterday'])).toBe(1);
  });
});

describe('describeChoice', () => {
  const choice = (sessions: (string | undefined)[], chosen: number): ProgramChoice => ({
    pattern: 'autoexp/*.yml',
    chosen,
    programs: sessions.map((lastSession, index) => ({
      path: `/repo/autoexp/${index}.yml`,
      file: `autoexp/${index}.yml`,
      settings: { tag: ['cache', 'latency', 'size'][index] } as never,
      lastSession,
    })),
  });

  it('names the program and why', () => {
    expect(
      describeChoice(
        choice(['2026-11-21T02:00:00.000Z', '2026-11-20T02:00:07.123Z', '2026-11-22T02:00:00.000Z'], 1),
      ),
    ).toBe('3 programs match autoexp/*.yml; running latency (last session 2026-11-20T02:00Z, the oldest)');
    expect(describeChoice(choice(['2026-11-21T02:00:00.000Z', undefined], 1))).toBe(
      '2 programs match autoexp/*.yml; running latency (never run yet)',
    );
    expect(describeChoice(choice(['2026-11-21T02:00:00.000Z'], 0))).toBe(
      '1 program matches autoexp/*.yml; running cache (last session 2026-11-21T02:00Z)',
    );
  });

  it('formats session times to the minute, in UTC', () => {
    expect(formatSessionTime('2026-11-20T04:05:59.999+02:00')).toBe('2026-11-20T02:05Z');
    expect(formatSessionTime('not a time')).toBe('not a time');
  });
});

describe('expanding a config pattern', () => {
  it('tells patterns from file names', () => {
    for (const pattern of ['autoexp/*.yml', 'autoexp/**/x.yml', 'a?.yml', 'autoexp/{a,b}.yml', '[ab].yml'])
      expect(isConfigPattern(pattern)).toBe(true);
    for (const file of ['autoexp.yml', 'ci/autoexp.yml', 'my-config.v2.yaml'])
      expect(isConfigPattern(file)).toBe(false);
  });

  it('lists matching files only, sorted, as absolute paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'autoexp-programs-'));
    mkdirSync(join(dir, 'autoexp', 'folder.yml'), { recursive: true });
    for (const name of ['zeta.yml', 'alpha.yml', 'Beta.yml', 'notes.md'])
      writeFileSync(join(dir, 'autoexp', name), '');
    expect(await expandConfigPattern('autoexp/*.yml', dir, '--config')).toEqual(
      ['Beta.yml', 'alpha.yml', 'zeta.yml'].map((name) => join(dir, 'autoexp', name)),
    );
  });

  it('is a clear error when nothing matches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'autoexp-programs-'));
    const expansion = expandConfigPattern('autoexp/*.yml', dir, '--config');
    await expect(expansion).rejects.toThrow(ProgramsError);
    await expect(expansion).rejects.toThrow('--config "autoexp/*.yml" matches no file');
  });
});

describe('loading programs', () => {
  it('rejects two files with the same tag, naming both', async () => {
    const repo = createTestRepo({
      'autoexp/a.yml': projectConfig().replace('tag: quad', 'tag: same'),
      'autoexp/b.yml': projectConfig().replace('tag: quad', 'tag: other'),
      'autoexp/c.yml': projectConfig().replace('tag: quad', 'tag: same'),
    });
    const paths = ['a', 'b', 'c'].map((name) => join(repo.root, 'autoexp', `${name}.yml`));
    const loading = loadPrograms(paths, repo.root);
    await expect(loading).rejects.toThrow(ConfigError);
    await expect(loading).rejects.toThrow(
      'autoexp/c.yml: tag: "same" is also the tag of autoexp/a.yml; each program needs its own tag',
    );
    const distinct = await loadPrograms(paths.slice(0, 2), repo.root);
    expect(distinct.map((program) => [program.file, program.settings.tag])).toEqual([
      ['autoexp/a.yml', 'same'],
      ['autoexp/b.yml', 'other'],
    ]);
  });
});

describe('readLastSession', () => {
  /** Commits a ledger with these experiments/ chunks on `branch` (no checkout needed). */
  function commitLedger(repo: TestRepo, branch: string, chunks: Record<string, object[]>): void {
    repo.git('checkout', '--quiet', '-b', branch, 'main');
    for (const [name, records] of Object.entries(chunks)) {
      repo.write(
        `.autoexp/t/experiments/${name}`,
        records.map((record) => `${JSON.stringify(record)}\n`).join(''),
      );
    }
    repo.write('.autoexp/t/results.tsv', 'experiment\tcommit\tscore\tstatus\tdescription\n');
    repo.commitAll('ledger');
    repo.git('checkout', '--quiet', 'main');
  }

  it("reads the newest record's session from the newest chunk, and falls back to its timestamp", async () => {
    const repo = createTestRepo({ 'README.md': 'x\n' });
    const old = { session: '2026-01-01T00:00:00.000Z', timestamp: '2026-01-01T00:05:00.000Z' };
    commitLedger(repo, 'autoexp/chunked', {
      // 0010 sorts before 0002 as text; the chunk index decides.
      '0002.jsonl': [old, { ...old, session: '2026-03-03T00:00:00.000Z' }],
      '0010.jsonl': [old, { ...old, session: '2026-05-05T00:00:00.000Z' }],
      'notes.txt': [{ session: '2030-01-01T00:00:00.000Z' }],
    });
    commitLedger(repo, 'autoexp/older', { '0000.jsonl': [{ timestamp: '2025-12-24T18:00:00.000Z' }] });
    const gitAt = Git.at(repo.root);
    expect(await readLastSession(gitAt, ['refs/heads/autoexp/chunked'], '.autoexp/t')).toBe(
      '2026-05-05T00:00:00.000Z',
    );
    expect(await readLastSession(gitAt, ['refs/heads/autoexp/older'], '.autoexp/t')).toBe(
      '2025-12-24T18:00:00.000Z',
    );
    expect(await readLastSession(gitAt, ['refs/heads/autoexp/none'], '.autoexp/t')).toBeUndefined();
    expect(await readLastSession(gitAt, ['refs/heads/main'], '.autoexp/t')).toBeUndefined();
    // The first ref that exists is the one read, even when a later one has a ledger.
    expect(
      await readLastSession(
        gitAt,
        ['refs/heads/autoexp/missing', 'refs/heads/main', 'refs/heads/autoexp/older'],
        '.autoexp/t',
      ),
    ).toBeUndefined();
    expect(
      await readLastSession(gitAt, ['refs/heads/autoexp/missing', 'refs/heads/autoexp/older'], '.autoexp/t'),
    ).toBe('2025-12-24T18:00:00.000Z');
  });
});

// ---------------------------------------------------------------------------------------------------
// End to end

function cli(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, ...GIT_IDENTITY_ENV, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The quad project with two programs, alpha and beta, in autoexp/ (and its usual autoexp.yml). */
function twoPrograms(): TestRepo {
  return createProject({
    files: {
      'autoexp/alpha.yml': projectConfig().replace('tag: quad', 'tag: alpha'),
      'autoexp/beta.yml': projectConfig().replace('tag: quad', 'tag: beta'),
    },
  });
}

/** The `session` of the last record on a branch (the start time of its last session). */
function lastSessionOn(cwd: string, branch: string, tag: string): string {
  const log = git(cwd, 'show', `${branch}:.autoexp/${tag}/experiments/0000.jsonl`);
  return (JSON.parse(log.split('\n').at(-1)!) as { session: string }).session;
}

describe('autoexp run and status with --config <glob>', () => {
  it('takes the program never run, then the other, then the first again; status lists both', () => {
    const repo = twoPrograms();
    const run = () =>
      cli(repo.root, ['run', '--config', 'autoexp/*.yml', '--experiments', '1'], {
        AUTOEXP_PLAN: planFile(['set 5', 'set 8']),
      });

    const first = run();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n')[0]).toBe(
      'autoexp: 2 programs match autoexp/*.yml; running alpha (never run yet)',
    );
    expect(first.stdout).toContain('autoexp: 1 experiment on autoexp/alpha');

    const second = run();
    expect(second.code).toBe(0);
    expect(second.stdout.split('\n')[0]).toBe(
      'autoexp: 2 programs match autoexp/*.yml; running beta (never run yet)',
    );
    expect(second.stdout).toContain('autoexp: 1 experiment on autoexp/beta');

    const alphaSession = lastSessionOn(repo.root, 'autoexp/alpha', 'alpha');
    const third = run();
    expect(third.code).toBe(0);
    expect(third.stdout.split('\n')[0]).toBe(
      `autoexp: 2 programs match autoexp/*.yml; running alpha (last session ${formatSessionTime(alphaSession)}, the oldest)`,
    );
    // alpha's second session continued its own ledger: experiment 2, plan line 2.
    expect(git(repo.root, 'show', 'autoexp/alpha:.autoexp/alpha/results.tsv').split('\n')).toHaveLength(4);
    expect(git(repo.root, 'show', 'autoexp/beta:.autoexp/beta/results.tsv').split('\n')).toHaveLength(3);
    // autoexp.yml (tag quad) is not among them.
    expect(git(repo.root, 'branch', '--list', '--format=%(refname:short)', 'autoexp/*')).toBe(
      'autoexp/alpha\nautoexp/beta',
    );

    const status = cli(repo.root, ['status', '--config', 'autoexp/*.yml']);
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    const betaSession = lastSessionOn(repo.root, 'autoexp/beta', 'beta');
    expect(status.stdout.split('\n')[0]).toBe(
      `autoexp: 2 programs match autoexp/*.yml; the next run takes beta (last session ${formatSessionTime(betaSession)}, the oldest)`,
    );
    expect(status.stdout).toContain('autoexp/alpha.yml: last session');
    expect(status.stdout).toContain('autoexp status: alpha on autoexp/alpha\nexperiments: 2 (');
    expect(status.stdout).toContain('autoexp status: beta on autoexp/beta\nexperiments: 1 (');

    const json = cli(repo.root, ['status', '--config', 'autoexp/*.yml', '--json']);
    expect(json.code).toBe(0);
    const list = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(list.map(({ config, tag, next, experiments }) => ({ config, tag, next, experiments }))).toEqual([
      { config: 'autoexp/alpha.yml', tag: 'alpha', next: false, experiments: 2 },
      { config: 'autoexp/beta.yml', tag: 'beta', next: true, experiments: 1 },
    ]);
    expect(list[1]?.last_session).toBe(betaSession);
  });

  it('lists a program never run in status, and says which run is next', () => {
    const repo = twoPrograms();
    const status = cli(repo.root, ['status', '--config', 'autoexp/*.yml']);
    expect(status.code).toBe(0);
    expect(status.stdout).toBe(
      [
        'autoexp: 2 programs match autoexp/*.yml; the next run takes alpha (never run yet)',
        '',
        'autoexp/alpha.yml: never run yet',
        'autoexp: no experiments yet for "alpha" (no .autoexp/alpha/results.tsv on autoexp/alpha); run `autoexp run`',
        '',
        'autoexp/beta.yml: never run yet',
        'autoexp: no experiments yet for "beta" (no .autoexp/beta/results.tsv on autoexp/beta); run `autoexp run`',
        '',
      ].join('\n'),
    );
  });

  it('says so clearly when the pattern matches nothing, when tags clash, and when report gets a pattern', () => {
    const repo = twoPrograms();
    const none = cli(repo.root, ['run', '--config', 'autoexp/*.yaml']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('autoexp: --config "autoexp/*.yaml" matches no file\n');
    expect(none.stdout).toBe('');

    repo.write('autoexp/gamma.yml', projectConfig().replace('tag: quad', 'tag: beta'));
    const clash = cli(repo.root, ['status', '--config', 'autoexp/*.yml']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toBe(
      'autoexp: autoexp/gamma.yml: tag: "beta" is also the tag of autoexp/beta.yml; each program needs its own tag (and so its own branch)\n',
    );

    const report = cli(repo.root, ['report', '--config', 'autoexp/*.yml']);
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(
      /^autoexp: report is about one program; pass one file to --config, not the pattern "autoexp\/\*\.yml"\n/,
    );
  });
});

describe('the action with config: autoexp/*.yml', () => {
  let github: FakeGitHub | undefined;
  afterEach(async () => {
    github?.assertNoSchemaViolations();
    await github?.close();
  });

  it("runs the program never run, opens that program's PR, and fetches the other branches to know", async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const repo = twoPrograms();
    const night = () =>
      runAction({
        // A fresh shallow checkout of main each night: alpha's ledger is only on origin.
        workspace: checkout(repo.origin),
        apiUrl: github!.url,
        inputs: { config: 'autoexp/*.yml', experiments: '1' },
        env: { AUTOEXP_PLAN: planFile(['set 5']) },
      });

    const first = await night();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('autoexp: 2 programs match autoexp/*.yml; running alpha (never run yet)');
    expect(first.outputs).toMatchObject({ branch: 'autoexp/alpha', 'pull-request-operation': 'created' });
    const alphaTip = git(repo.origin, 'rev-parse', 'autoexp/alpha');

    const second = await night();
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('autoexp: 2 programs match autoexp/*.yml; running beta (never run yet)');
    expect(second.outputs).toMatchObject({
      branch: 'autoexp/beta',
      experiments: '1',
      kept: '1',
      'pull-request-operation': 'created',
    });
    expect(github.state.pulls.map((pull) => [pull.head, pull.title])).toEqual([
      ['autoexp/alpha', 'autoexp(alpha): score 51 → 75 (+47.1%)'],
      ['autoexp/beta', 'autoexp(beta): score 51 → 75 (+47.1%)'],
    ]);
    expect(second.summary).toContain('autoexp/beta');
    expect(git(repo.origin, 'show', 'autoexp/beta:.autoexp/beta/results.tsv').split('\n')).toHaveLength(3);
    // beta's run left alpha's branch where alpha's run put it.
    expect(git(repo.origin, 'rev-parse', 'autoexp/alpha')).toBe(alphaTip);
  });
});
