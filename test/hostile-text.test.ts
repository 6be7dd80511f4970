// Hostile text end to end: a `command` proposer's descriptions, the name of a file it made and a crashing
// eval's output carry forged workflow commands, terminal escapes, mentions, references, links and bidi
// overrides, and one description is 200 kB. Run as the runner runs the Action (dist/index.js) and as a
// person runs the CLI (dist/cli.js); then the Action's stdout and stderr (split as the runner splits them),
// the CLI's output, the commit messages, the ledger, the PR body and the job summary are checked for any
// of it still acting. Also: what the eval writes into the runner's files is gone when the step ends.
// Build first (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonl } from '../src/ledger/jsonl.js';
import { ACTION, checkout, GITHUB_TOKEN, runAction } from './helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { HOSTILE, UNSAFE_CHARACTERS } from './helpers/hostile-text.js';
import { textOutsideCode } from './helpers/markdown-code.js';
import { createTestRepo, git, GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';
import { readLikeRunner } from './helpers/workflow-commands.js';

const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const BRANCH = 'autoexp/quad';
const LEDGER = '.autoexp/quad';

/** Words only the hostile texts contain: a line or a markdown text holding one came from them. */
const MARKERS = ['forged', 'pwned', 'evil.example', 'octocat', 'octo/team', 'approved', 'widgets#2'];

/** Experiment N's description file (the long one is 200 kB); N = 4 crashes, N = 5 leaves scope. */
const DESCRIPTIONS: Record<number, string> = {
  1: `${HOSTILE.workflowCommands}\n::warning::forged second line`,
  2: HOSTILE.terminal,
  3: HOSTILE.markdown,
  4: HOSTILE.bidi,
  5: HOSTILE.legacyCommands,
  6: `long ${'x'.repeat(200_000)}`,
  7: 'after the long one',
};
const PLAN = ['set 5', 'set 6', 'set 7', 'set 99', 'outside', 'set 8', 'set 9'];
/** A file name a proposer can make: no "/" and no NUL, anything else. */
const HOSTILE_FILE_NAME =
  '\u001b]0;pwned title\u0007@octocat Closes #1 ##[add-mask]autoexp\r::error::forged-name\n\u202Etxt.exe';
/** What the eval prints before it crashes on x=99. */
const CRASH_OUTPUT = [
  'crash\r::error file=autoexp.yml,line=1::forged from the log',
  '::stop-commands::t2',
  '##[warning]forged legacy',
  '\u001b]0;pwned log title\u0007\u001b[2J',
  '@octocat Closes #1 [approved](http://evil.example/ok)',
  '\u202Etxet desrever',
].join('\n');

const EVALUATE = `#!/usr/bin/env bash
set -u
x=$(sed -n 's/^x=//p' params.txt)
if [ -n "\${HOSTILE_ENV_DUMP:-}" ]; then env > "$HOSTILE_ENV_DUMP"; fi
# Guessing where the runner's files are, and writing a job-wide BASH_ENV into them.
for f in \${HOSTILE_GUESSES:-}; do f=\${f//@RUNNER_TEMP@/\${RUNNER_TEMP:-/nowhere}}; [ -e "$f" ] && printf 'BASH_ENV=/tmp/evil-bash-env\\npwned<<EOF\\nyes\\nEOF\\n' >> "$f"; done
if [ "$x" = 99 ]; then cat "$HOSTILE_DIR/crash.txt"; exit 1; fi
echo "score: $((100 - (x - 10) * (x - 10)))"
`;

const PROPOSE = `set -eu
n=$AUTOEXP_EXPERIMENT
action=$(sed -n "\${n}p" "$HOSTILE_DIR/plan.txt")
case "$action" in
  set\\ *) echo "x=\${action#set }" > params.txt ;;
  outside) echo "x=8" > params.txt; : > "$(cat "$HOSTILE_DIR/name.txt")" ;;
esac
if [ -f "$HOSTILE_DIR/desc-$n.txt" ]; then cp "$HOSTILE_DIR/desc-$n.txt" "$AUTOEXP_DESCRIPTION_FILE"; fi
`;

const CONFIG = `tag: quad
scope:
  modify: [params.txt]
eval:
  command: bash evaluate.sh
  timeout: 20s
metrics:
  - name: score
    goal: maximize
budget:
  experiments: 7
  consecutive-crashes: 10
proposer:
  kind: command
  run: bash propose.sh
`;

function hostileProject(): { repo: TestRepo; dir: string } {
  const repo = createTestRepo({
    'params.txt': 'x=3\n',
    'evaluate.sh': EVALUATE,
    'propose.sh': PROPOSE,
    'autoexp.yml': CONFIG,
    'README.md': 'a test project\n',
  });
  const dir = mkdtempSync(join(tmpdir(), 'autoexp-hostile-text-'));
  writeFileSync(join(dir, 'plan.txt'), `${PLAN.join('\n')}\n`);
  for (const [n, text] of Object.entries(DESCRIPTIONS)) writeFileSync(join(dir, `desc-${n}.txt`), text);
  writeFileSync(join(dir, 'name.txt'), HOSTILE_FILE_NAME);
  writeFileSync(join(dir, 'crash.txt'), CRASH_OUTPUT);
  return { repo, dir };
}

/**
 * No line that holds hostile text is a workflow command, and command processing is never switched off.
 * autoexp's own annotations may carry hostile text in their message (core escapes it): they are
 * `::error::autoexp: …` and the like, which a hostile text cannot start a line with.
 */
function expectInertForTheRunner(output: string): void {
  const reading = readLikeRunner(output);
  const autoexps = (command: { line: string; form: string }) =>
    command.form === 'v2' &&
    /^::(error|warning|notice|debug)( [^:]*)?::(autoexp: |phase: )/.test(command.line);
  const forged = reading.commands.filter(
    (command) => !autoexps(command) && MARKERS.some((marker) => command.line.includes(marker)),
  );
  expect(forged, 'lines with hostile text read as workflow commands').toEqual([]);
  expect(reading.commands.map((command) => command.command)).not.toContain('stop-commands');
  expect(reading.commands.every((command) => command.processed)).toBe(true);
  expect(reading.stoppedAtEnd).toBe(false);
  expect(output).not.toMatch(UNSAFE_CHARACTERS);
  expect(output).not.toContain('\r');
}

/** Every trace of the hostile texts in markdown sits in a code span. */
function expectInertMarkdown(markdown: string): void {
  const outside = textOutsideCode(markdown);
  for (const marker of [...MARKERS, '@', '<http', 'Closes', '\u202E'])
    expect(outside, `${JSON.stringify(marker)} outside code`).not.toContain(marker);
  expect(markdown).not.toMatch(UNSAFE_CHARACTERS);
}

/** The commit messages on the branch: none can mention, reference or close, none has a control character. */
function expectInertCommitMessages(gitDir: string): void {
  const messages = git(gitDir, 'log', '--format=%B', BRANCH);
  expect(messages).not.toMatch(UNSAFE_CHARACTERS);
  expect(messages).not.toMatch(/@|Closes #|widgets#2|:\/\/|\u202E/);
  // The change is visible, not hidden: the words are still there.
  expect(messages).toContain('＠octocat ＠octo/team Closes ＃1 octo/widgets＃2');
}

/** The ledger on the branch: cleaned descriptions, reasons and log tails; the long description cut. */
function expectCleanLedger(gitDir: string): void {
  const tsv = git(gitDir, 'show', `${BRANCH}:${LEDGER}/results.tsv`);
  const rows = tsv
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));
  expect(rows.map((row) => row[0])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
  expect(rows.map((row) => row[3])).toEqual([
    'keep',
    'keep',
    'keep',
    'keep',
    'crash',
    'invalid',
    'keep',
    'keep',
  ]);
  const long = rows[6]![4]!;
  expect(Array.from(long)).toHaveLength(200);
  expect(long.startsWith('long xxx')).toBe(true);
  expect(long.endsWith('x…')).toBe(true);
  // The session went on after it.
  expect(rows[7]![4]).toBe('after the long one');
  const records = parseJsonl(git(gitDir, 'show', `${BRANCH}:${LEDGER}/experiments/0000.jsonl`), 'log');
  expect(JSON.stringify(records)).not.toMatch(/\\u001b|\\u0007|\\r|\u202E|\u009b/);
  expect(records[4]!.log_tail).toContain('crash\n::error file=autoexp.yml,line=1::forged from the log');
  // The file name the proposer chose, its title escape, "\r", newline and override gone.
  expect(records[5]!.reason).toBe(
    'out of scope: @octocat Closes #1 ##[add-mask]autoexp ::error::forged-name txt.exe',
  );
  expect(records[6]!.description).toBe(long);
}

let github: FakeGitHub | undefined;

beforeAll(() => {
  for (const file of [ACTION, CLI])
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the tests`);
});

afterEach(async () => {
  github?.assertNoSchemaViolations();
  await github?.close();
  github = undefined;
});

describe('hostile text through the Action', () => {
  it("comes out inert in the runner's log, the commits, the ledger, the PR body and the job summary", async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const { repo, dir } = hostileProject();
    // The runner's file commands, where the runner puts them; the eval is not told, it guesses.
    const runnerFiles = join(dir, 'runner', '_runner_file_commands');
    mkdirSync(runnerFiles, { recursive: true });
    const files = {
      GITHUB_ENV: join(runnerFiles, 'set_env_0c1b'),
      GITHUB_PATH: join(runnerFiles, 'add_path_0c1b'),
      GITHUB_STATE: join(runnerFiles, 'save_state_0c1b'),
    };
    for (const path of Object.values(files)) writeFileSync(path, '');
    const envDump = join(dir, 'eval-env.txt');
    const run = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: github.url,
      inputs: { experiments: '7' },
      env: {
        HOSTILE_DIR: dir,
        HOSTILE_ENV_DUMP: envDump,
        // The helper's own GITHUB_OUTPUT and GITHUB_STEP_SUMMARY are these two under RUNNER_TEMP.
        HOSTILE_GUESSES: [...Object.values(files), '@RUNNER_TEMP@/output', '@RUNNER_TEMP@/summary.md'].join(
          ' ',
        ),
        ...files,
      },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.experiments).toBe('7');

    expectInertForTheRunner(run.stdout);
    expectInertForTheRunner(run.stderr);
    // The experiments are still reported, their text visible.
    expect(run.stdout).toContain('ok ::error file=autoexp.yml,line=1::forged ::stop-commands::t1');
    expect(run.stdout).toContain('x ##\\[add-mask]autoexp ##\\[error]forged');

    expectInertCommitMessages(repo.origin);
    expectCleanLedger(repo.origin);

    const pull = github.state.pulls[0];
    expect(pull?.body).toBeTruthy();
    expectInertMarkdown(pull!.body!);
    expect(pull!.body).toContain('`@octocat @octo/team Closes #1 octo/widgets#2');
    expectInertMarkdown(run.summary);
    expect(run.summary).toContain('### This run');

    // What the eval wrote into the runner's files is gone; autoexp's own outputs and summary are there.
    for (const path of Object.values(files)) expect(readFileSync(path, 'utf8')).toBe('');
    expect(run.outputs.pwned).toBeUndefined();
    expect(run.outputs.branch).toBe(BRANCH);
    expect(run.summary).not.toContain('BASH_ENV');
    expect(run.stdout).toMatch(
      /::warning::autoexp: the proposer or the eval wrote to the runner's GITHUB_ENV file/,
    );
    // And the eval was never told where they are.
    const evalEnv = readFileSync(envDump, 'utf8');
    for (const name of ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'])
      expect(evalEnv).not.toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it("an eval.setup that fails printing hostile text: the step's error says why, inert", async () => {
    github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
    const { repo, dir } = hostileProject();
    repo.write(
      'autoexp.yml',
      CONFIG.replace('  timeout: 20s', `  timeout: 20s\n  setup: cat "$HOSTILE_DIR/crash.txt"; exit 3`),
    );
    repo.commitAll('a setup that fails');
    repo.git('push', '--quiet', 'origin', 'main');
    const run = await runAction({
      workspace: checkout(repo.origin),
      apiUrl: github.url,
      inputs: { experiments: '1' },
      env: { HOSTILE_DIR: dir },
    });
    expect(run.code).toBe(1);
    expectInertForTheRunner(run.stdout);
    expectInertForTheRunner(run.stderr);
    const errors = readLikeRunner(run.stdout).commands.filter((command) => command.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.data).toMatch(/^autoexp: eval\.setup failed/);
    // The log is in the message, one annotation (core escapes its line breaks), cleaned.
    expect(errors[0]!.data).toContain('crash%0A::error file=autoexp.yml,line=1::forged from the log');
  });
});

describe('hostile text through the CLI', () => {
  function cli(cwd: string, args: string[], env: Record<string, string>) {
    const result = spawnSync(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, ...GIT_IDENTITY_ENV, ...env },
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('comes out inert on the terminal, in git log, in status and in the report', () => {
    const { repo, dir } = hostileProject();
    const run = cli(repo.root, ['run'], { HOSTILE_DIR: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    for (const output of [run.stdout, run.stderr]) expectInertForTheRunner(output);
    const lines = run.stdout.split('\n');
    expect(lines[1]).toMatch(
      /^#1 {2}keep +score=75 .* ok ::error file=autoexp\.yml,line=1::forged ::stop-commands::t1/,
    );
    expect(lines[2]).toMatch(/^#2 {2}keep +score=84 .* ok BAD red {2}bell$/);
    expect(lines[4]).toMatch(/^#4 {2}crash +exit code 1 .* fix evil and isolate ltr arabic mark$/);
    expect(lines[5]).toMatch(
      /^#5 {2}invalid +out of scope: @octocat Closes #1 ##\\\[add-mask\]autoexp ::error::forged-name txt\.exe/,
    );

    expectInertCommitMessages(repo.root);
    expectCleanLedger(repo.root);

    const status = cli(repo.root, ['status'], {});
    expect(status.code).toBe(0);
    expectInertForTheRunner(status.stdout);
    const json = cli(repo.root, ['status', '--json'], {});
    expect(json.stdout).not.toMatch(/\\u001b|\u202E/);

    const report = cli(repo.root, ['report'], {});
    expect(report.code).toBe(0);
    expectInertMarkdown(report.stdout);
    const html = cli(repo.root, ['report', '--format', 'html'], {});
    expect(html.stdout).not.toMatch(UNSAFE_CHARACTERS);
  });

  it('an eval.setup that fails printing hostile text: the error on stderr is inert', () => {
    const { repo, dir } = hostileProject();
    repo.write(
      'autoexp.yml',
      CONFIG.replace('  timeout: 20s', `  timeout: 20s\n  setup: cat "$HOSTILE_DIR/crash.txt"; exit 3`),
    );
    repo.commitAll('a setup that fails');
    const run = cli(repo.root, ['run'], { HOSTILE_DIR: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^autoexp: eval\.setup failed/);
    expect(run.stderr).toContain('crash\n\\::error file=autoexp.yml,line=1::forged from the log');
    for (const output of [run.stdout, run.stderr]) expectInertForTheRunner(output);
  });
});
