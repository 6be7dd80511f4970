// The CLI as users run it: `node dist/cli.js …` in a real repository (build first: npm run build).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProject, projectConfig, planFile } from './helpers/project.js';
import { loadSettings } from '../src/config/load.js';
import { createTestRepo, expectParkedTrees, git, GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';
import { processesWithEnvironment } from './helpers/marked-processes.js';

const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');

function cli(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, ...GIT_IDENTITY_ENV, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
});

describe('autoexp run', () => {
  it('prints one line per experiment and a summary, and exits 0', () => {
    const repo = createProject();
    const result = cli(repo.root, ['run', '--experiments', '3'], {
      AUTOEXP_PLAN: planFile(['set 5', 'set 1', 'set 99']),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^#0 {2}baseline +score=51 size=30 +\S+ +baseline$/);
    expect(lines[1]).toMatch(/^#1 {2}keep +score=75 \(\+47\.1%\) size=50 +\S+ +try x=5$/);
    expect(lines[2]).toMatch(/^#2 {2}discard +score=19 \(-74\.7%\) size=10 +\S+ +try x=1$/);
    expect(lines[3]).toMatch(/^#3 {2}crash +exit code 1 +\S+ +try x=99$/);
    expect(result.stdout).toContain(
      'autoexp: 3 experiments on autoexp/quad (1 keep, 1 discard, 1 crash); ran the budgeted 3 experiments',
    );
    expect(result.stdout).toContain('score: baseline 51 → best 75 (+47.1% better) at #1');
  });

  it('--push publishes the branch to the remote, and base is never pushed', () => {
    const repo = createProject({ config: projectConfig({ body: 'explore:\n  every: 2' }) });
    const mainBefore = repo.git('ls-remote', 'origin', 'refs/heads/main');
    const result = cli(repo.root, ['run', '--experiments', '2', '--push'], {
      AUTOEXP_PLAN: planFile(['set 5', 'set 1']),
    });
    expect(result.code).toBe(0);
    const remoteTip = repo.git('ls-remote', 'origin', 'refs/heads/autoexp/quad').split('\t')[0];
    expect(remoteTip).toBe(repo.git('rev-parse', 'autoexp/quad'));
    expect(repo.git('ls-remote', 'origin', 'refs/heads/main')).toBe(mainBefore);
    const remoteBest = repo.git('ls-remote', 'origin', 'refs/autoexp/quad/best').split('\t')[0];
    expect(remoteBest).toBe(repo.git('rev-parse', 'refs/autoexp/quad/best'));
  });

  it('reports a bad config with its file, line and key path, one line per problem, and exits 1', () => {
    const repo = createProject();
    // eval.timeout is on line 6 of the project's config, budget.experiments on line 15.
    const config = repo
      .read('autoexp.yml')
      .replace('timeout: 1s', 'timout: 5 minutes')
      .replace('experiments: 10', 'experiments: lots');
    repo.write('autoexp.yml', config);
    const result = cli(repo.root, ['run']);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'autoexp: autoexp.yml:6: eval.timout: unknown key (did you mean "timeout"?)',
      expect.stringMatching(/^autoexp: autoexp\.yml:15: budget\.experiments: /),
    ]);
    expect(result.stdout).toBe('');
  });

  it('places the problem of a config in a subdirectory on its line too', () => {
    const repo = createProject();
    repo.write('ci/autoexp.yml', repo.read('autoexp.yml').replace('tag: quad', 'tag: Quad'));
    const result = cli(repo.root, ['status', '--config', 'ci/autoexp.yml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^autoexp: ci\/autoexp\.yml:1: tag: "Quad" is not a valid tag/);
  });

  it("exits 2 on a usage error, with the command's usage line instead of the whole help", () => {
    const repo = createProject();
    const result = cli(repo.root, ['run', '--experiments', 'lots']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'autoexp: --experiments wants a whole number of 1 or more, got "lots"',
        'usage: autoexp run [--config F] [--experiments N] [--time D] [--push] [--remote NAME] [--track NAME] [--resume]',
        'autoexp run --help for more',
        '',
      ].join('\n'),
    );
  });

  it('suggests the flag meant for a misspelt one', () => {
    const repo = createProject();
    const result = cli(repo.root, ['run', '--experiment', '3']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'autoexp: unknown option --experiment (did you mean --experiments?)',
    );
    expect(result.stderr.split('\n')).toHaveLength(4); // three lines and the final newline
  });

  it('run --help explains every flag with an example, and exits 0', () => {
    const result = cli(tmpdir(), ['run', '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^autoexp run: /);
    expect(result.stdout).toContain(
      'Usage: autoexp run [--config F] [--experiments N] [--time D] [--push] [--remote NAME] [--track NAME]',
    );
    for (const flag of [
      '--config F',
      '--experiments N',
      '--time D',
      '--push',
      '--remote NAME',
      '--track NAME',
    ])
      expect(result.stdout).toMatch(new RegExp(`^  ${flag.replace(/[.*+?^$()|[\]\\]/g, '\\$&')} +\\S`, 'm'));
    expect(result.stdout).toContain('push autoexp/<tag> to the remote after every experiment');
    expect(result.stdout).toMatch(/^Examples:\n {2}autoexp run/m);
    expect(result.stdout).not.toContain('Commands:');
  });

  it('exits 1 outside a git repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'autoexp-nogit-'));
    const result = cli(dir, ['status']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^autoexp: .* is not inside a git repository/);
  });

  it('says a repository has no commits yet rather than that there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'autoexp-nocommit-'));
    git(dir, 'init', '--quiet', '--initial-branch=main');
    writeFileSync(join(dir, 'autoexp.yml'), projectConfig());
    for (const args of [['run'], ['status']]) {
      const result = cli(dir, args);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        "autoexp: this repository has no commits yet: commit your files first (git add -A && git commit -m 'first')\n",
      );
    }
  });

  it('refuses a corrupt ledger with its file and line, and overwrites nothing', () => {
    const repo = createProject();
    expect(cli(repo.root, ['run', '--experiments', '1'], { AUTOEXP_PLAN: planFile(['set 5']) }).code).toBe(0);
    repo.git('checkout', '-q', 'autoexp/quad');
    const broken = repo
      .read('.autoexp/quad/results.tsv')
      .replace('\tdiscard\t', '\tmaybe\t')
      .replace('\tkeep\ttry', '\tmaybe\ttry');
    repo.write('.autoexp/quad/results.tsv', broken);
    repo.commitAll('hand edit gone wrong');
    repo.git('checkout', '-q', 'main');
    const before = repo.git('rev-parse', 'autoexp/quad');

    const result = cli(repo.root, ['run', '--experiments', '1'], { AUTOEXP_PLAN: planFile(['set 6']) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^autoexp: .*results\.tsv:3: .*maybe/);
    expect(repo.git('rev-parse', 'autoexp/quad')).toBe(before);
    expect(repo.git('show', 'autoexp/quad:.autoexp/quad/results.tsv')).toBe(broken.trimEnd());
  });
});

describe('cancelling a session', () => {
  async function runUntilEvalStarts(repo: TestRepo, marker: string, pids: string) {
    const child = spawn(process.execPath, [CLI, 'run', '--experiments', '3'], {
      cwd: repo.root,
      env: {
        ...process.env,
        ...GIT_IDENTITY_ENV,
        AUTOEXP_PLAN: planFile(['set 5', 'set 77', 'set 6']),
        AUTOEXP_TEST_MARKER: marker,
        AUTOEXP_TEST_PIDS: pids,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    for (let waited = 0; !existsSync(marker); waited += 20) {
      if (waited > 20_000) throw new Error(`the slow eval never started:\n${stdout}\n${stderr}`);
      await new Promise((done) => setTimeout(done, 20));
    }
    return { child, exited, output: () => ({ stdout, stderr }) };
  }

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s mid-experiment kills the eval, undoes the candidate and keeps the ledger consistent',
    async (signal) => {
      const repo = createProject({ config: projectConfig({ timeout: '2m' }) });
      const scratch = mkdtempSync(join(tmpdir(), 'autoexp-cancel-'));
      const marker = join(scratch, 'eval-started');
      const pids = join(scratch, 'pids');
      const run = await runUntilEvalStarts(repo, marker, pids);

      const sentAt = Date.now();
      run.child.kill(signal);
      const code = await run.exited;
      const tookMs = Date.now() - sentAt;

      expect(code).toBe(130);
      expect(tookMs).toBeLessThan(5_000);
      expect(run.output().stderr).toContain(`${signal}: stopping the experiment in flight`);
      // Baseline and experiment 1 are recorded; experiment 2 (in flight) is gone without a trace.
      const rows = repo.git('show', 'autoexp/quad:.autoexp/quad/results.tsv').split('\n');
      expect(rows.map((row) => row.split('\t')[0])).toEqual(['experiment', '0', '1']);
      expect(repo.git('show', 'autoexp/quad:params.txt')).toBe('x=5');
      expect(repo.git('log', '-1', '--format=%s', 'autoexp/quad')).toMatch(/record experiment 1 keep/);
      expect(expectParkedTrees(repo)).toHaveLength(1);
      // The eval ran in a PID namespace of its own, so the pids it wrote are not the host's: its processes
      // are found by the marker in their environment instead.
      expect(readFileSync(pids, 'utf8').trim()).not.toBe('');
      expect(processesWithEnvironment('AUTOEXP_TEST_MARKER', marker)).toEqual([]);
      // The next session resumes cleanly with the next number.
      const next = cli(repo.root, ['run', '--experiments', '1'], { AUTOEXP_PLAN: planFile(['', 'set 6']) });
      expect(next.code).toBe(0);
      expect(next.stdout).toMatch(/^#2 {2}keep/m);
    },
  );
});

describe('status, report and init', () => {
  it('summarize the ledger on the branch', () => {
    const repo = createProject();
    cli(repo.root, ['run', '--experiments', '2'], { AUTOEXP_PLAN: planFile(['set 5', 'set 1']) });

    const status = cli(repo.root, ['status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('75');

    const json = JSON.parse(cli(repo.root, ['status', '--json']).stdout);
    expect(json.tag).toBe('quad');
    expect(json.branch).toBe('autoexp/quad');
    // The run said "2 experiments (1 keep, 1 discard)"; status counts the same (the baseline is not one).
    expect(json.counts).toMatchObject({ keep: 1, discard: 1 });
    expect(json.experiments).toBe(2);
    expect(json.baseline.value).toBe(51);
    expect(json.best.value).toBe(75);

    const report = cli(repo.root, ['report', '--format', 'md']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('<!-- autoexp:report tag=quad -->');
    expect(report.stdout).toContain('xychart-beta');
    expect(report.stdout).toContain('try x=5');

    const out = join(repo.root, '..', 'report.md');
    expect(cli(repo.root, ['report', '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(report.stdout);
  });

  it("status reads origin's copy of the branch when there is no local one", () => {
    const repo = createProject();
    cli(repo.root, ['run', '--experiments', '1', '--push'], { AUTOEXP_PLAN: planFile(['set 5']) });
    repo.git('branch', '-D', 'autoexp/quad');
    repo.git('fetch', '--quiet', 'origin');
    const json = JSON.parse(cli(repo.root, ['status', '--json']).stdout);
    expect(json.best.value).toBe(75);
  });

  it('status says there is nothing yet before the first run', () => {
    const repo = createProject();
    const status = cli(repo.root, ['status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('no experiments yet');
  });

  it('init writes the three files and never overwrites', () => {
    const repo = createProject();
    repo.git('rm', '-q', 'autoexp.yml');
    repo.write('program.md', 'mine\n');
    const result = cli(repo.root, ['init']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote autoexp.yml');
    expect(result.stdout).toContain('kept program.md');
    expect(repo.read('program.md')).toBe('mine\n');
    expect(repo.read('.github/workflows/autoexp.yml')).toContain('cron:');
    expect(repo.read('autoexp.yml')).toContain('tag: my-first-run');
  });

  it('init writes a config that loads', async () => {
    const repo = createProject();
    repo.git('rm', '-q', 'autoexp.yml');
    cli(repo.root, ['init']);
    const settings = await loadSettings(join(repo.root, 'autoexp.yml'), repo.root);
    expect(settings.tag).toBe('my-first-run');
    expect(settings.program?.path).toBe('program.md');
    expect(settings.base).toBe('main');
  });

  it("init names the workflow's concurrency group after the tag and ends with the commit to make", () => {
    const repo = createProject();
    repo.git('rm', '-q', 'autoexp.yml');
    const result = cli(repo.root, ['init']);
    expect(result.code).toBe(0);
    expect(repo.read('.github/workflows/autoexp.yml')).toMatch(/^ {2}group: autoexp-my-first-run +#/m);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.at(-2)).toBe(
      'autoexp: the schedule runs only once the three files are committed on main, the default branch, and pushed:',
    );
    expect(lines.at(-1)).toBe(
      '  git add autoexp.yml program.md .github/workflows/autoexp.yml && git commit -m "Set up autoexp (my-first-run)"',
    );
    // The command it prints works as printed.
    execFileSync('bash', ['-c', lines.at(-1)!], {
      cwd: repo.root,
      env: { ...process.env, ...GIT_IDENTITY_ENV },
    });
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('init keeps an existing autoexp.yml and takes the concurrency group from its tag', () => {
    const repo = createProject();
    const result = cli(repo.root, ['init']);
    expect(result.stdout).toContain('kept autoexp.yml');
    expect(repo.read('.github/workflows/autoexp.yml')).toMatch(/^ {2}group: autoexp-quad +#/m);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toContain('git commit -m "Set up autoexp (quad)"');
  });

  it("init takes base from origin's HEAD, the lone config file as scope and the repository's commands", () => {
    const repo = createTestRepo({
      'settings.json': '{ "workers": 4 }\n',
      'package.json': JSON.stringify({ scripts: { test: 'vitest run', bench: 'node bench.js' } }),
      'package-lock.json': '{}\n',
      'tsconfig.json': '{}\n',
      Makefile: 'test:\n\tnpm test\n',
      'bench.sh': 'echo "score: 1"\n',
      'tests/test_speed.py': 'def test_speed():\n    pass\n',
    });
    repo.git('remote', 'set-head', 'origin', 'main');
    repo.git('switch', '-q', '-c', 'feature');
    const result = cli(repo.root, ['init']);
    expect(result.code).toBe(0);
    const config = repo.read('autoexp.yml');
    expect(config).toMatch(
      /^base: main +# where autoexp\/<tag> starts \(the default branch: origin's HEAD\)$/m,
    );
    expect(config).toMatch(/^ {2}modify: \[settings\.json\] +#/m);
    expect(config).toMatch(/^ {2}# command: npm run bench +# from package\.json scripts\.bench$/m);
    expect(config).toMatch(/^ {2}# guard: npm test +# from package\.json scripts\.test$/m);
    expect(config).toMatch(/^ {2}# guard: make test +# from Makefile$/m);
    expect(config).toMatch(/^ {2}# command: bash bench\.sh +# from bench\.sh$/m);
    expect(config).toMatch(/^ {2}# guard: pytest -q +# from tests\/$/m);
    expect(result.stdout).toContain('(you are on feature: switch to main first, or merge it there)');
  });

  it('init outside a git repository refuses and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'autoexp-nogit-init-'));
    const result = cli(dir, ['init']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `autoexp: ${dir} is not inside a git repository, and autoexp keeps its branch and ledger in git; ` +
        'run `git init` (and commit your files) first. Nothing was written\n',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('init in a repository with no commits yet writes the files and says to commit the project too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'autoexp-nocommit-init-'));
    git(dir, 'init', '--quiet', '--initial-branch=trunk');
    const result = cli(dir, ['init']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('this repository has no commits yet: commit your project files too');
    expect(result.stdout).toContain('committed on trunk, the default branch');
    expect(readFileSync(join(dir, 'autoexp.yml'), 'utf8')).toMatch(/^base: trunk /m);
  });
});

describe('an old Node', () => {
  // The system's node, when it is older than 24 (Debian's is 20): the bundles must say so in one line.
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
    if (!existsSync(path)) return false;
    const major = Number(
      spawnSync(path, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout,
    );
    return major > 0 && major < 24;
  });

  it.skipIf(oldNode === undefined).each([
    ['dist/cli.js', 'autoexp: needs Node 24 or later (this is Node ', 'stderr'],
    ['dist/index.js', '::error::autoexp: needs Node 24 or later (this is Node ', 'stdout'],
  ] as const)('%s says it needs Node 24 and exits 1', (entry, message, stream) => {
    const version = spawnSync(oldNode!, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    const result = spawnSync(oldNode!, [resolve(import.meta.dirname, '..', entry), 'run'], {
      cwd: tmpdir(),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result[stream]).toBe(`${message}${version})\n`);
    expect(result[stream === 'stdout' ? 'stderr' : 'stdout']).toBe('');
  });
});

describe('autoexp demo', () => {
  it('runs the cache example offline and says where it is', () => {
    const result = cli(tmpdir(), ['demo', '--experiments', '3']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^autoexp demo: the cache-demo example is in \S+/m);
    expect(result.stdout).toMatch(/^#3 +\w+ +hit_rate=/m);
    expect(result.stdout).toContain('Look around:');
  });

  it('--example runs another bundled example with its own proposer', () => {
    const result = cli(tmpdir(), ['demo', '--example', 'regex-f1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'autoexp: 6 experiments on autoexp/regex-f1 (3 keep, 2 discard, 1 crash)',
    );
  });

  it('--example autoexp-on-autoexp: the inner sessions run the CLI the demo runs from', () => {
    // A tiny inner budget: one session of 3 experiments on Branin per measurement.
    const result = cli(tmpdir(), ['demo', '--example', 'autoexp-on-autoexp', '--experiments', '2'], {
      INNER_EVALS: '3',
      INNER_SEEDS: '1',
      INNER_PROBLEMS: 'branin',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const root = /^autoexp demo: the autoexp-on-autoexp example is in (\S+)$/m.exec(result.stdout)![1]!;
    const command = readFileSync(join(root, 'harness', 'autoexp-command.txt'), 'utf8');
    expect(command.trim().split('\n').at(-1)).toBe(`'${process.execPath}' '${CLI}'`);
    // Measured by inner sessions: the baseline, and experiment 2 (mutate with seed 1 first tries repeats: 0,
    // which the eval refuses).
    expect(result.stdout).toMatch(/^#0 {2}baseline regret=0\.\d+ /m);
    expect(result.stdout).toMatch(/^#2 +(keep|discard) +regret=0\.\d+ .* strategy\.yaml: /m);
    expect(result.stdout).toContain('autoexp: 2 experiments on autoexp/autoexp-on-autoexp');
  });

  it('--example prompt-accuracy without a model says what to set, before making anything', () => {
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('autoexp-prompt-accuracy-'));
    const result = cli(tmpdir(), ['demo', '--example', 'prompt-accuracy'], { EVAL_MODEL: '' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'autoexp: the prompt-accuracy example needs a model: its eval asks a model through an OpenAI-compatible ' +
        'endpoint: set EVAL_MODEL, and EVAL_BASE_URL and EVAL_API_KEY unless the defaults fit ' +
        '(examples/prompt-accuracy/README.md)',
    );
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('autoexp-prompt-accuracy-'))).toEqual(
      before,
    );
  });

  it('--example with an unknown name lists the examples', () => {
    const result = cli(tmpdir(), ['demo', '--example', 'nope']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'autoexp: no example "nope"; the examples are: autoexp-on-autoexp, cache-demo, js-speed, prompt-accuracy, regex-f1, sql-speed',
    );
  });
});

describe('a closed output pipe', () => {
  it('`autoexp run | head -1` stops cleanly: no EPIPE crash, the worktree parked, the ledger consistent', () => {
    const repo = createProject({ config: projectConfig({ experiments: 50 }) });
    const plan = planFile(Array.from({ length: 50 }, (_, index) => `set ${(index % 15) + 1}`));
    const result = spawnSync(
      'bash',
      ['-c', `node ${JSON.stringify(CLI)} run 2>stderr.txt | head -1; echo "autoexp exit \${PIPESTATUS[0]}"`],
      { cwd: repo.root, env: { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: plan }, encoding: 'utf8' },
    );
    const stderr = readFileSync(join(repo.root, 'stderr.txt'), 'utf8');
    expect(stderr).not.toMatch(/EPIPE|Unhandled|unexpected error/);
    expect(result.stdout).toMatch(/^#0 {2}baseline/);
    expect(result.stdout).toMatch(/autoexp exit (0|130)$/m);
    expect(expectParkedTrees(repo)).toHaveLength(1);
    const rows = repo.git('show', 'autoexp/quad:.autoexp/quad/results.tsv').split('\n').slice(1);
    expect(rows.map((row) => Number(row.split('\t')[0]))).toEqual(rows.map((_, index) => index));
  });
});
