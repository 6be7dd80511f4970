// A second round of hostile proposers and evals, against the rebuilt defences (src/tree/, the session's
// measuring and recording). Every attack here is new relative to test/hostile.test.ts; each `it` plays one
// attack with real git and real processes and asserts the promise it goes after, not wording:
// - main and every other ref stay where they were;
// - .git stays the user's, and nothing planted is ever run by autoexp's own git;
// - no faked keep: a kept commit, measured again from a clean clone, gives the score it was kept with;
// - nothing an untrusted command starts outlives it;
// - every branch commit has its ledger row, and the next session numbers on;
// - the tag lock holds, and recovery never adopts an unrecorded candidate.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processesWithEnvironment } from './helpers/marked-processes.js';
import {
  cliFromSource,
  expectLedgerWholeIn,
  ledgerRowsOf,
  scriptFile,
  session,
  sessionEnv,
  waitFor,
  type Project,
  type Row,
} from './helpers/hostile-project.js';
import { createTestRepo, git, type TestRepo } from './helpers/repo.js';

const BRANCH = 'autoexp/quad';
const LEDGER = '.autoexp/quad';

// --- the hostile project (as in test/hostile.test.ts) -------------------------------------------------

/**
 * The harness: scores 100 - (x - 10)^2 from params.txt, and loads plug-ins (build/ is gitignored).
 * HOSTILE_EVAL (a script outside the repository) is the candidate code's extra behaviour, run after the
 * honest score is printed; HOSTILE_WAIT makes the eval of x=77 wait for a release file.
 */
const EVALUATE = `#!/usr/bin/env bash
set -u
echo "$AUTOEXP_EXPERIMENT $$ $PWD" >> "\${HOSTILE_RUNS:-/dev/null}"
x=$(sed -n 's/^x=//p' params.txt)
if [ -n "\${HOSTILE_WAIT:-}" ] && [ "$x" = 77 ]; then
  touch "$HOSTILE_WAIT.started"
  for i in $(seq 1 600); do [ -e "$HOSTILE_WAIT.release" ] && break; sleep 0.05; done
fi
sleep "\${HOSTILE_EVAL_DELAY:-0}"
for hook in build/hook.sh local-hook.sh lib/*.sh; do [ -f "$hook" ] && source "$hook"; done
echo "score: $((100 - (x - 10) * (x - 10)))"
if [ -n "\${HOSTILE_EVAL:-}" ] && [ "$AUTOEXP_EXPERIMENT" != incumbent ]; then bash "$HOSTILE_EVAL" || true; fi
exit 0
`;

/** Experiment N runs $HOSTILE_PLAN/N.sh in the experiment tree; no such file: no change. */
const PROPOSE = `set -eu
step="$HOSTILE_PLAN/$AUTOEXP_EXPERIMENT.sh"
if [ -f "$step" ]; then bash "$step"; fi
`;

const FAKE_SCORE = `printf 'echo "score: 1000"; exit 0\\n'`;

/**
 * Writes x, plus a comment line as long as the experiment's number: consecutive proposals never write a
 * file of the same size, so that none of them is missed for the reason the same-second test shows.
 */
function set(x: number): string {
  return `{ echo x=${x}; printf '%*s\\n' "$AUTOEXP_EXPERIMENT" '' | tr ' ' '#'; } > params.txt`;
}

interface ConfigOptions {
  modify?: string[];
  evalLines?: string;
  top?: string;
  timeout?: string;
  experiments?: number;
}

function config(options: ConfigOptions = {}): string {
  return `tag: quad
${options.top ?? ''}
scope:
  modify: [${(options.modify ?? ['params.txt']).join(', ')}]
eval:
  command: bash evaluate.sh
  timeout: ${options.timeout ?? '20s'}
${options.evalLines ?? ''}
metrics:
  - name: score
    goal: maximize
budget:
  experiments: ${options.experiments ?? 3}
  consecutive-crashes: 10
proposer:
  kind: command
  run: bash propose.sh
`;
}

const scratchDirs: string[] = [];
const children: ChildProcess[] = [];

function hostileProject(options: ConfigOptions & { files?: Record<string, string> } = {}): Project {
  const repo = createTestRepo({
    'params.txt': 'x=3\n',
    'evaluate.sh': EVALUATE,
    'propose.sh': PROPOSE,
    '.gitignore': 'build/\n',
    'README.md': 'a test project\n',
    'autoexp.yml': config(options),
    ...options.files,
  });
  const scratch = mkdtempSync(join(tmpdir(), 'autoexp-hostile2-'));
  scratchDirs.push(scratch);
  return {
    repo,
    scratch,
    base: repo.git('rev-parse', 'main'),
    pids: join(scratch, 'pids'),
    runs: join(scratch, 'runs'),
  };
}

/** A session that may fail: its error, or undefined. */
async function sessionOrError(...args: Parameters<typeof session>): Promise<Error | undefined> {
  return session(...args).then(
    () => undefined,
    (error: Error) => error,
  );
}

function ledgerRows(repo: TestRepo): Row[] {
  return ledgerRowsOf(repo, BRANCH, LEDGER);
}

const KEPT = ['keep', 'explore'];

function outcomes(repo: TestRepo): string[] {
  return ledgerRows(repo)
    .filter((entry) => entry.experiment > 0)
    .map((entry) => `${entry.experiment} ${entry.status} ${entry.score}`);
}

/** Every commit on the branch has its row (see expectLedgerWholeIn). */
function expectLedgerWhole(project: Project): void {
  expectLedgerWholeIn(project, ledgerRows(project.repo));
}

function resolveRef(repo: TestRepo, ref: string): string {
  try {
    return repo.git('rev-parse', '--verify', '--quiet', ref);
  } catch {
    return `(${ref} does not resolve)`;
  }
}

/** Every ref of the repository but the session's own, as `name sha` lines. */
function refsSnapshot(dir: string): string[] {
  return git(dir, 'for-each-ref', '--format=%(refname) %(objectname)')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith(`refs/heads/${BRANCH} `))
    .filter((line) => !line.startsWith('refs/autoexp/quad/'));
}

/**
 * The commit measured again from a clean clone of the repository, with no attack in the environment:
 * the score it prints, or why there is none.
 */
function rerunFromCleanClone(project: Project, commit: string): string {
  const dir = mkdtempSync(join(project.scratch, 'clone-'));
  execFileSync('git', ['clone', '--quiet', '--no-checkout', project.repo.root, dir], { stdio: 'ignore' });
  git(dir, 'checkout', '--quiet', '--detach', commit);
  const run = spawnSync('bash', ['evaluate.sh'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AUTOEXP_EXPERIMENT: 'rerun' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return /^score: (\S+)$/m.exec(run.stdout)?.[1] ?? `no score (${run.stderr.trim().slice(0, 200)})`;
}

/** Each kept row's score next to its commit's score from a clean clone. */
function expectKeepsReproduce(project: Project): void {
  const kept = ledgerRows(project.repo).filter(
    (entry) => entry.experiment > 0 && KEPT.includes(entry.status),
  );
  expect(kept.length, 'no experiment was kept').toBeGreaterThan(0);
  const measured = kept.map((entry) => `#${entry.experiment} ${entry.commit}: ${entry.score}`);
  const again = kept.map(
    (entry) => `#${entry.experiment} ${entry.commit}: ${rerunFromCleanClone(project, entry.commit)}`,
  );
  expect(again, 'kept scores measured again from a clean clone').toEqual(measured);
}

function ranMarkers(project: Project): string[] {
  return readdirSync(project.scratch).filter((name) => name.startsWith('ran-'));
}

function killQuietly(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

async function expectAllDead(project: Project): Promise<void> {
  const alive = () => processesWithEnvironment('HOSTILE_PIDS', project.pids);
  for (let waited = 0; alive().length > 0 && waited < 500; waited += 50)
    await new Promise((done) => setTimeout(done, 50));
  expect(alive(), 'still alive').toEqual([]);
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of scratchDirs.splice(0)) {
    for (const pid of processesWithEnvironment('HOSTILE_PIDS', join(dir, 'pids'))) killQuietly(pid);
  }
});

async function startCli(project: Project, args: string[], env: Record<string, string>) {
  const cli = await cliFromSource();
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: project.repo.root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exited, output: () => output };
}

// --- building blocks of the attacks (bash, run in an experiment tree) ---------------------------------

const WHERE = `admin=$(git rev-parse --path-format=absolute --git-dir)
common=$(git rev-parse --path-format=absolute --git-common-dir)`;

/**
 * A copy of the repository's common dir at $fake: every entry a symlink to the real one (objects, refs,
 * packed-refs…), except its own config and info/, which the attack then fills.
 */
const FAKE_COMMON_DIR = `${WHERE}
fake="$HOSTILE_DIR/fake-common-$AUTOEXP_EXPERIMENT"
mkdir -p "$fake/info"
for entry in "$common"/*; do
  name=$(basename "$entry")
  case "$name" in config|info) ;; *) ln -s "$entry" "$fake/$name" ;; esac
done
cp "$common/config" "$fake/config"`;

/** A harness that reports 1000, exactly as long as the real one (so that only its content differs). */
const SAME_SIZE_FAKE_HARNESS = `fake_harness='echo "score: 1000"; exit 0'
size=$(wc -c < evaluate.sh)
{ printf '%s\\n#' "$fake_harness"; head -c $((size - \${#fake_harness} - 3)) /dev/zero | tr '\\0' '#'; printf '\\n'; } > evaluate.sh.new
mv evaluate.sh.new evaluate.sh`;

// ======================================================================================================

describe('refs: main and every other ref stay where they were', () => {
  it('a packed main shadowed by a loose ref that is a symlink (git follows it, the ref check skips it)', async () => {
    const project = hostileProject();
    const { repo } = project;
    const before = refsSnapshot(repo.root);
    await session(project, [
      `${WHERE}
git pack-refs --all
planted=$(git commit-tree -p HEAD -m "never measured" "$(git rev-parse 'HEAD^{tree}')")
echo "$planted" > "$HOSTILE_DIR/main-ref"
ln -s "$HOSTILE_DIR/main-ref" "$common/refs/heads/main"
${set(5)}`,
      set(6),
    ]).catch(() => undefined);
    expect(resolveRef(repo, 'refs/heads/main')).toBe(project.base);
    expect(refsSnapshot(repo.root)).toEqual(before);
  });

  it('packed-refs reordered under its "sorted" header: the same refs to a file reader, main gone for git', async () => {
    const project = hostileProject();
    const { repo } = project;
    repo.git('branch', 'feature-a');
    repo.git('branch', 'feature-b');
    repo.git('tag', 'v1');
    const before = refsSnapshot(repo.root);
    await session(project, [set(5), set(1), set(6)], {
      evalAttack: `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
${WHERE}
git pack-refs --all
packed="$common/packed-refs"
{ head -n 1 "$packed"; grep ' refs/heads/main$' "$packed"; tail -n +2 "$packed" | grep -v ' refs/heads/main$'; } > "$packed.new"
mv "$packed.new" "$packed"`,
    }).catch(() => undefined);
    expect(resolveRef(repo, 'refs/heads/main')).toBe(project.base);
    expect(refsSnapshot(repo.root)).toEqual(before);
  });

  it("the tree's HEAD made a symlink to refs/heads/main (its file still reads as the branch): autoexp's own reset and commits move main", async () => {
    const project = hostileProject();
    const { repo } = project;
    const before = refsSnapshot(repo.root);
    await session(project, [
      `${WHERE}
mkdir -p "$admin/refs/heads"
printf 'ref: refs/heads/${BRANCH}\\n' > "$admin/refs/heads/main"
rm -f "$admin/HEAD"
ln -s refs/heads/main "$admin/HEAD"
${set(5)}`,
      set(1),
      set(6),
    ]).catch(() => undefined);
    // autoexp itself moves only autoexp/<tag> and refs/autoexp/<tag>/best; the user's checkout is untouched.
    expect.soft(resolveRef(repo, 'refs/heads/main'), 'main').toBe(project.base);
    expect.soft(refsSnapshot(repo.root), 'refs').toEqual(before);
    expect.soft(repo.git('status', '--porcelain'), "the user's checkout").toBe('');
    // The session's three experiments are recorded on its branch.
    expect(
      ledgerRows(repo).map((entry) => entry.experiment),
      'rows on the branch',
    ).toEqual([0, 1, 2, 3]);
    expectLedgerWhole(project);
  });

  it('refs/autoexp/<tag>/best set by an eval to a commit no keep row names stays (and is what gets pushed)', async () => {
    const project = hostileProject({ top: 'explore:\n  every: 10' });
    const { repo } = project;
    await session(project, [set(5), set(1), set(4)], {
      evalAttack: `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
${FAKE_SCORE} > evaluate.sh
git add evaluate.sh
planted=$(git commit-tree -p HEAD -m "never measured" "$(git write-tree)")
git reset -q --hard
git update-ref refs/autoexp/quad/best "$planted"`,
    });
    const rows = ledgerRows(repo);
    // The eval that moved the ref does not count (a crash), and the ref is put back.
    expect(outcomes(repo).map((line) => line.split(' ')[1])).toEqual(['keep', 'crash', 'discard']);
    const best = rows
      .filter((entry) => entry.status === 'keep')
      .sort((a, b) => Number(b.score) - Number(a.score))[0]!;
    expect(resolveRef(repo, 'refs/autoexp/quad/best')).toBe(repo.git('rev-parse', best.commit));
  });
});

// ======================================================================================================

describe('.git stays the user’s: nothing planted runs in autoexp’s own git', () => {
  it("a proposer that points its tree's commondir at a copy of .git with a clean filter: the harness edit is invisible, and a kept score does not reproduce", async () => {
    const project = hostileProject();
    await session(project, [
      `${FAKE_COMMON_DIR}
cp evaluate.sh "$HOSTILE_DIR/original-harness"
filter="$HOSTILE_DIR/clean-filter"
printf '#!/bin/sh\\ntouch "%s/ran-clean-filter"\\ncat >/dev/null\\ncat "%s/original-harness"\\n' "$HOSTILE_DIR" "$HOSTILE_DIR" > "$filter"
chmod +x "$filter"
git config -f "$fake/config" filter.evil.clean "$filter"
echo 'evaluate.sh filter=evil' > "$fake/info/attributes"
echo "$fake" > "$admin/commondir"
${SAME_SIZE_FAKE_HARNESS}
${set(5)}`,
      set(6),
      set(1),
    ]).catch(() => undefined);
    expect.soft(ranMarkers(project), 'planted programs autoexp ran').toEqual([]);
    expectKeepsReproduce(project);
  });

  it("an eval that points its tree's commondir at a copy of .git with a filter: autoexp's git runs it, and what it starts outlives the session", async () => {
    const project = hostileProject();
    await session(project, [set(5), set(1), set(6)], {
      evalAttack: `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
${FAKE_COMMON_DIR}
filter="$HOSTILE_DIR/filter"
cat > "$filter" <<EOF
#!/bin/sh
touch "$HOSTILE_DIR/ran-filter"
setsid -f sh -c 'exec env HOSTILE_PIDS="$HOSTILE_PIDS" sleep 300' >/dev/null 2>&1 </dev/null
exec cat
EOF
chmod +x "$filter"
git config -f "$fake/config" filter.evil.clean "$filter"
git config -f "$fake/config" filter.evil.smudge "$filter"
echo '* filter=evil' > "$fake/info/attributes"
echo "$fake" > "$admin/commondir"
touch params.txt evaluate.sh README.md`,
    }).catch(() => undefined);
    expect.soft(ranMarkers(project), 'planted programs autoexp ran').toEqual([]);
    await expectAllDead(project);
  });

  it('a .git/shallow file planted by an eval outlives the session, and the next session cannot number on', async () => {
    const project = hostileProject();
    const { repo } = project;
    await session(project, [set(5), set(1), set(6)], {
      evalAttack: `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
${WHERE}
git rev-parse HEAD~1 > "$common/shallow"`,
    });
    expect.soft(repo.git('rev-parse', '--is-shallow-repository'), 'the repository is shallow').toBe('false');
    const next = await sessionOrError(project, [undefined, undefined, undefined, set(7)], { experiments: 1 });
    expect(next?.message, 'the next session failed').toBeUndefined();
    expect(outcomes(repo)).toEqual(['1 keep 75', '2 crash ', '3 keep 84', '4 keep 91']);
  });
});

// ======================================================================================================

describe('the ledger is whole: every branch commit has its row', () => {
  it('a proposer that leaves MERGE_HEAD in its tree’s git dir: its own commit (a harness edit) joins the branch', async () => {
    const project = hostileProject();
    await session(project, [
      `${WHERE}
blob=$(printf 'echo "score: 1000"\\n' | git hash-object -w --stdin)
export GIT_INDEX_FILE="$HOSTILE_DIR/agent-index"
git read-tree HEAD
git update-index --cacheinfo "100644,$blob,evaluate.sh"
planted=$(git commit-tree -p HEAD -m "the agent's own harness" "$(git write-tree)")
unset GIT_INDEX_FILE
echo "$planted" > "$admin/MERGE_HEAD"
${set(5)}`,
      set(1),
      set(6),
    ]).catch(() => undefined);
    const { repo } = project;
    expect
      .soft(repo.git('log', '-p', BRANCH, '--', 'evaluate.sh'), 'harness edits in the history')
      .not.toContain('score: 1000');
    expectLedgerWhole(project);
  });

  it("an eval that makes autoexp fail mid-experiment (its tree's index replaced by a directory): the next session adopts the unrecorded candidate", async () => {
    const project = hostileProject();
    const failed = await sessionOrError(project, [set(5), set(1)], {
      evalAttack: `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
${WHERE}
rm -f "$admin/index"
mkdir "$admin/index"`,
    });
    const { repo } = project;
    // Whatever fails, every commit on the branch has its row.
    expect.soft(failed?.message, 'the session failed').toBeUndefined();
    await session(project, [undefined, set(6), set(6)], { experiments: 1 });
    expect.soft(repo.git('log', '-p', BRANCH, '--', 'params.txt'), 'x=1 on the branch').not.toContain('+x=1');
    expectLedgerWhole(project);
  });

  it('a proposer that adds a worktree of its own on autoexp/<tag>: the next session cannot number on', async () => {
    const project = hostileProject();
    await session(project, [
      `git worktree add -q -f "$HOSTILE_DIR/agent-tree" ${BRANCH} >/dev/null 2>&1\n${set(5)}`,
      set(1),
    ]);
    const next = await sessionOrError(project, [undefined, undefined, set(6)], { experiments: 1 });
    expect(next?.message, 'the next session failed').toBeUndefined();
    expect(outcomes(project.repo).at(-1)).toBe('3 keep 84');
    expectLedgerWhole(project);
  });
});

// ======================================================================================================

describe('the tag lock: the holder is named, and recovery adopts nothing unrecorded', () => {
  const LOCK = `"$(git rev-parse --path-format=absolute --git-common-dir)/autoexp/.locks/quad.lock"`;

  it('a proposer that deletes the lock, then the session is SIGKILLed mid-eval: the next session does not adopt the candidate in flight', async () => {
    const project = hostileProject({ timeout: '1m' });
    const wait = join(project.scratch, 'wait');
    const killed = await startCli(project, ['run', '--experiments', '2'], {
      // The proposal that deletes the lock is invalid and the lock is written back; x=77 is measured next.
      ...sessionEnv(project, [`rm -f ${LOCK}\n${set(5)}`, 'echo x=77 > params.txt']),
      HOSTILE_WAIT: wait,
    });
    await waitFor('the eval of x=77', () => existsSync(`${wait}.started`) || killed.child.exitCode !== null);
    expect(killed.child.exitCode, killed.output()).toBe(null);
    killed.child.kill('SIGKILL');
    await killed.exited;
    writeFileSync(`${wait}.release`, '');
    await new Promise((done) => setTimeout(done, 500));

    await session(project, [undefined, set(6), set(6), set(6)], { experiments: 1 });
    const { repo } = project;
    expect
      .soft(repo.git('log', '-p', BRANCH, '--', 'params.txt'), 'x=77 on the branch')
      .not.toContain('+x=77');
    expectLedgerWhole(project);
  });

  it('a proposer that writes a lock of a dead holder: a second session started meanwhile still fails naming the first', async () => {
    const project = hostileProject({ timeout: '1m' });
    const wait = join(project.scratch, 'wait');
    const fakeHolder = `printf '{"pid":2147483647,"host":"%s","startedAt":"2020-01-01T00:00:00.000Z","tag":"quad"}\\n' "$(uname -n)" > ${LOCK}`;
    const first = await startCli(project, ['run', '--experiments', '2'], {
      // The proposal that fakes the holder is invalid and the lock is written back; x=77 is measured next.
      ...sessionEnv(project, [`${fakeHolder}\n${set(5)}`, 'echo x=77 > params.txt']),
      HOSTILE_WAIT: wait,
    });
    await waitFor(
      'the first session to be mid-eval',
      () => existsSync(`${wait}.started`) || first.child.exitCode !== null,
    );
    expect(first.child.exitCode, first.output()).toBe(null);
    const second = await sessionOrError(project, [undefined, set(6), set(6)], { experiments: 1 });
    writeFileSync(`${wait}.release`, '');
    await first.exited;
    expect(second, 'the second session ran beside the first').toBeInstanceOf(Error);
    expect(second!.message).toContain(String(first.child.pid));
  });
});

// ======================================================================================================

describe('no faked keep: a kept commit gives its score again from a clean clone', () => {
  it('an in-scope .gitattributes (eol=crlf): the tree measured is not what a checkout of the kept commit holds', async () => {
    const project = hostileProject({
      modify: ['knobs/**'],
      files: {
        'knobs/params.txt': 'x=3\n',
        'evaluate.sh': `x=$(sed -n 's/^x=//p' knobs/params.txt)\necho "score: $((100 - (x - 10) * (x - 10)))"\n`,
      },
    });
    await session(project, [
      `printf 'params.txt text eol=crlf\\n' > knobs/.gitattributes\necho x=10 > knobs/params.txt`,
    ]);
    // A .gitattributes change is out of scope whatever the globs say: git would store the file otherwise
    // than it was measured.
    expect(outcomes(project.repo)).toEqual(['1 invalid ']);
    expect(project.repo.git('show', `${BRANCH}:knobs/params.txt`)).toBe('x=3');
  });

  it('a same-size harness edit made in the second git last wrote the harness, the proposal ending in the next second: unseen, and measured', async () => {
    const project = hostileProject({ experiments: 8 });
    // git compares the seconds of a file's times with its index entry; an entry as new as the index file is
    // checked by content ("racily clean"). autoexp writes the sealed index back after the proposal, so the
    // index file is newer than the entry, and an edit in place of the same size in the same second as the
    // harness was last written (the tree's checkout, or autoexp undoing an invalid proposal) goes unseen.
    const attempt = `if [ -e "$HOSTILE_DIR/won" ]; then echo "x=$((4 + AUTOEXP_EXPERIMENT))" > params.txt; exit 0; fi
now=$(date +%s)
if [ "$(stat -c %Z evaluate.sh)" = "$now" ]; then
  size=$(wc -c < evaluate.sh)
  fake='echo "score: 1000"; exit 0'
  { printf '%s\\n#' "$fake"; head -c $((size - \${#fake} - 3)) /dev/zero | tr '\\0' '#'; printf '\\n'; } > "$HOSTILE_DIR/fake.sh"
  cat "$HOSTILE_DIR/fake.sh" > evaluate.sh
  touch "$HOSTILE_DIR/won"
  while [ "$(date +%s)" = "$now" ]; do sleep 0.01; done
else
  echo '# touched' >> evaluate.sh
fi`;
    await session(
      project,
      Array.from({ length: 8 }, () => attempt),
    );
    expect(existsSync(join(project.scratch, 'won')), 'the attack found its second').toBe(true);
    expectKeepsReproduce(project);
  });
});

// ======================================================================================================

describe('held: what the defences already stop', () => {
  /** Starts after the command's shell would have been checked, and writes a fake-score override into the tree. */
  const SNEAK = `echo ran >> "$HOSTILE_DIR/sneak-ran"; setsid -f bash -c 'echo $$ >> "$HOSTILE_PIDS"; sleep 0.3; for i in $(seq 1 150); do printf "echo \\"score: 1000\\"; exit 0\\n" > local-hook.sh 2>/dev/null; sleep 0.02; done' >/dev/null 2>&1 </dev/null`;

  it.each([
    ['eval.setup', { evalLines: `  setup: 'bash "$HOSTILE_SNEAK"'` }, undefined],
    ['eval.guard', { evalLines: `  guard: 'bash "$HOSTILE_SNEAK"'` }, undefined],
    ['eval.holdout', { evalLines: `  holdout: 'bash "$HOSTILE_SNEAK"; echo "score: 1"'` }, undefined],
    ['an incumbent run of eval.interleave', { evalLines: '  interleave: true\n  repeats: 2' }, SNEAK],
  ] as const)(
    'a process that %s leaves behind is dead before it can write an override the next eval loads',
    async (_name, options, evalAttack) => {
      const project = hostileProject(options);
      await session(project, [set(5), set(1), set(6)], {
        ...(evalAttack ? { evalAttack } : {}),
        env: { HOSTILE_EVAL_DELAY: '0.4', HOSTILE_SNEAK: scriptFile(project.scratch, 'sneak.sh', SNEAK) },
      });
      expect(existsSync(join(project.scratch, 'sneak-ran')), 'the attack ran').toBe(true);
      expect(ledgerRows(project.repo).map((entry) => entry.score)).not.toContain('1000');
      await expectAllDead(project);
    },
  );

  const HARNESS_EDIT = `${FAKE_SCORE} > evaluate.sh`;
  it.each([
    ['replaces the index with garbage', `${HARNESS_EDIT}\nhead -c 300 /dev/urandom > "$admin/index"`],
    ['deletes the index', `${HARNESS_EDIT}\nrm -f "$admin/index"`],
    [
      'stages the harness edit, then splits the index (core.splitIndex)',
      `${HARNESS_EDIT}\ngit add evaluate.sh\ngit config core.splitIndex true\ngit update-index --split-index`,
    ],
    [
      'turns on a sparse checkout for its tree (config.worktree) that leaves the harness out',
      `git config extensions.worktreeConfig true
git config --worktree core.sparseCheckout true
mkdir -p "$admin/info"
printf '/params.txt\\n/propose.sh\\n/.gitignore\\n/README.md\\n/autoexp.yml\\n/.autoexp/\\n' > "$admin/info/sparse-checkout"
git read-tree -mu HEAD
${HARNESS_EDIT}`,
    ],
  ])('a proposer that %s and edits the harness: not kept', async (_name, attack) => {
    const project = hostileProject();
    await session(project, [`${WHERE}\n${attack}\n${set(1)}`, set(6), set(1)]);
    const { repo } = project;
    const rows = outcomes(repo);
    expect(rows[0]).not.toMatch(/keep|explore|1000/);
    expect(repo.git('show', `${BRANCH}:evaluate.sh`)).toBe(EVALUATE.trim());
    expectLedgerWhole(project);
  });

  it('with scope "**", a proposer writing a forged row into the ledger is invalid, and an eval truncating results.tsv is a crash; the ledger stays whole', async () => {
    const project = hostileProject({ modify: ['"**"'] });
    await session(
      project,
      [
        `printf '99\\tdeadbeef\\t1000\\tkeep\\tforged row\\n' >> ${LEDGER}/results.tsv\n${set(5)}`,
        set(1),
        set(6),
      ],
      { evalAttack: `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0\n: > ${LEDGER}/results.tsv` },
    );
    const { repo } = project;
    expect(outcomes(repo)).toEqual(['1 invalid ', '2 crash ', '3 keep 84']);
    expect(repo.git('log', '-p', BRANCH)).not.toContain('forged row');
    expectLedgerWhole(project);
  });
});
