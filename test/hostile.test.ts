// A careless or hostile proposer and eval against what a session promises. The proposer is a `command`
// proposer (a bash line run in the experiment tree, standing in for a coding agent with a shell); the eval
// is candidate code. Each test plays one attack with real processes and real git, then checks the state
// autoexp leaves behind: refs, the user's checkout, .git, the ledger, processes, environment blocks.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config/load.js';
import { parseJsonl } from '../src/ledger/jsonl.js';
import type { ExperimentRecord } from '../src/ledger/types.js';
import { detectContainment } from '../src/measure/sandbox.js';
import { Git } from '../src/git/git.js';
import { runSession } from '../src/session/session.js';
import { processesWithEnvironment } from './helpers/marked-processes.js';
import {
  cliFromSource,
  expectLedgerWholeIn,
  ledgerRowsOf,
  session,
  sessionEnv,
  waitFor,
  type Project,
  type Row,
} from './helpers/hostile-project.js';
import { createTestRepo, GIT_IDENTITY_ENV, git, type TestRepo } from './helpers/repo.js';

const BRANCH = 'autoexp/quad';
const LEDGER = '.autoexp/quad';

/**
 * The harness: scores 100 - (x - 10)^2 from params.txt. It loads plug-ins and local overrides when they are
 * there (build/ is gitignored), which is what the hiding attacks aim at. HOSTILE_EVAL (a script outside the
 * repository) is the candidate code's extra behaviour, run after the honest score is printed.
 */
const EVALUATE = `#!/usr/bin/env bash
set -u
echo "$AUTOEXP_EXPERIMENT $$ $PWD $([ -f build/out.txt ] && echo built || echo unbuilt)" >> "\${HOSTILE_RUNS:-/dev/null}"
if [ -n "\${HOSTILE_NEEDS_BUILD:-}" ] && [ ! -f build/out.txt ]; then echo "build/out.txt is missing here" >&2; exit 1; fi
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

/** Prints a one-line script that reports a score it did not earn (for harness edits and planted hooks). */
const FAKE_SCORE = `printf 'echo "score: 1000"; exit 0\\n'`;
const HARNESS_EDIT = `${FAKE_SCORE} > evaluate.sh`;

function set(x: number): string {
  return `echo x=${x} > params.txt`;
}

interface ConfigOptions {
  modify?: string[];
  evalLines?: string;
  top?: string;
  timeout?: string;
  proposer?: string;
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
  experiments: 3
  consecutive-crashes: 10
proposer:
${options.proposer ?? '  kind: command\n  run: bash propose.sh'}
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
  const scratch = mkdtempSync(join(tmpdir(), 'autoexp-hostile-'));
  scratchDirs.push(scratch);
  return {
    repo,
    scratch,
    base: repo.git('rev-parse', 'main'),
    pids: join(scratch, 'pids'),
    runs: join(scratch, 'runs'),
  };
}

function ledgerRows(repo: TestRepo): Row[] {
  return ledgerRowsOf(repo, BRANCH, LEDGER);
}

function ledgerRecords(repo: TestRepo): ExperimentRecord[] {
  const names = repo
    .git('ls-tree', '--name-only', `${BRANCH}:${LEDGER}/experiments`)
    .split('\n')
    .filter((name) => /^\d+\.jsonl$/.test(name))
    .sort();
  return names.flatMap((name) =>
    parseJsonl(repo.git('show', `${BRANCH}:${LEDGER}/experiments/${name}`), name),
  );
}

function row(repo: TestRepo, experiment: number): Row | undefined {
  return ledgerRows(repo).find((candidate) => candidate.experiment === experiment);
}

const KEPT = ['keep', 'explore'];

/** "status score" of experiments 1..n, for comparing in one expect. */
function outcomes(repo: TestRepo): string[] {
  return ledgerRows(repo)
    .filter((entry) => entry.experiment > 0)
    .map((entry) => `${entry.experiment} ${entry.status} ${entry.score}`);
}

/** Every commit on the branch has its row (see expectLedgerWholeIn). */
function expectLedgerWhole(project: Project): void {
  expectLedgerWholeIn(project, ledgerRows(project.repo));
}

/** The branch's tree holds none of what the attacks add: no harness change, no links, no hidden files. */
function expectBranchClean(repo: TestRepo, params: string): void {
  expect(repo.git('show', `${BRANCH}:evaluate.sh`)).toBe(EVALUATE.trim());
  expect(repo.git('show', `${BRANCH}:params.txt`)).toBe(params);
  const entries = repo.git('ls-tree', '-r', BRANCH).split('\n');
  for (const entry of entries) {
    expect(entry, 'symlink or gitlink on the branch').not.toMatch(/^(120000|160000) /);
    expect(entry).not.toMatch(/\t(build\/|local-hook\.sh|lib\/|knobs\/)/);
  }
  const history = repo.git('log', '-p', BRANCH, '--', '.', `:(exclude)${LEDGER}`);
  expect(history).not.toContain('score: 1000');
}

/** The eval shells recorded in HOSTILE_RUNS: "<experiment> <pid> <cwd> <built>". */
function evalRuns(project: Project): string[] {
  return existsSync(project.runs) ? readFileSync(project.runs, 'utf8').trim().split('\n') : [];
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

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  // What a failed test left running, found by the environment only this project's commands carry: the
  // pids they write are their namespace's, not the host's.
  for (const dir of scratchDirs.splice(0))
    for (const [name, file] of [
      ['HOSTILE_PIDS', 'pids'],
      ['HOSTILE_RUNS', 'runs'],
    ] as const)
      for (const pid of processesWithEnvironment(name, join(dir, file))) killQuietly(pid);
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

// ---------------------------------------------------------------------------------------------------------

function refsSnapshot(dir: string): string[] {
  return git(dir, 'for-each-ref', '--format=%(refname) %(objectname)')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith(`refs/heads/${BRANCH} `))
    .filter((line) => !line.startsWith('refs/autoexp/quad/'));
}

describe('refs and the user checkout', () => {
  it('moves no ref but autoexp/<tag> and refs/autoexp/<tag>/* (not even the remote-tracking copy of autoexp/<tag>), here or on origin, whatever proposer and eval do with git', async () => {
    const project = hostileProject();
    const { repo } = project;
    repo.git('branch', 'feature');
    repo.git('tag', 'v1');
    repo.write('README.md', 'work the user stashed\n');
    repo.git('stash', '-q');
    const before = { refs: refsSnapshot(repo.root), origin: refsSnapshot(repo.origin) };
    expect(before.refs.some((line) => line.startsWith('refs/stash '))).toBe(true);

    const moveRefs = `git update-ref refs/heads/main HEAD
git branch -f feature HEAD
git branch -f side HEAD
git tag -f v1 HEAD
git update-ref refs/autoexp/other/best HEAD
git update-ref refs/remotes/origin/autoexp/quad HEAD
git push -q -f origin HEAD:refs/heads/main HEAD:refs/heads/planted >/dev/null 2>&1 || true`;
    await session(
      project,
      [
        // A careless agent pops "its" stash: the user's.
        `git stash pop -q >/dev/null 2>&1 || true\n${moveRefs}\n${set(5)}`,
        `${moveRefs}\n${set(1)}`,
      ],
      { evalAttack: moveRefs },
    );

    expect(refsSnapshot(repo.root)).toEqual(before.refs);
    // origin here is a directory on the same machine, which the eval can write like any other file; on
    // GitHub it has no credential to push with (see "no secret visible").
    expect(repo.git('symbolic-ref', 'HEAD')).toBe('refs/heads/main');
  });
});

function listFiles(root: string, dir = root): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(root, path));
    else files.push(relative(root, path));
  }
  return files.sort();
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Plants in the repository's .git, from the experiment tree: an fsmonitor hook, a clean/smudge filter for
 * every path (via info/attributes), an external diff, hooks (also under a core.hooksPath), an exclude
 * entry. Each planted program only touches $HOSTILE_DIR/ran-<name>; the attacker never runs one itself.
 */
function plant(who: string): string {
  return `common=$(git rev-parse --path-format=absolute --git-common-dir)
evil="$HOSTILE_DIR/evil-${who}"
mkdir -p "$evil/hooks" "$common/hooks" "$common/info"
mk() { printf '#!/bin/sh\\ntouch "%s/ran-%s"\\n%s\\nexit 0\\n' "$HOSTILE_DIR" "$1" "$2" > "$evil/$1"; chmod +x "$evil/$1"; }
mk fsmonitor-${who} ''
mk filter-${who} 'cat'
mk diff-${who} ''
git config core.fsmonitor "$evil/fsmonitor-${who}"
git config filter.evil.clean "$evil/filter-${who}"
git config filter.evil.smudge "$evil/filter-${who}"
git config diff.external "$evil/diff-${who}"
git config core.hooksPath "$evil/hooks"
echo '* filter=evil' >> "$common/info/attributes"
echo 'planted-by-${who}' >> "$common/info/exclude"
for hook in pre-commit prepare-commit-msg commit-msg post-commit post-checkout post-merge post-rewrite reference-transaction post-index-change pre-auto-gc; do
  mk "hook-$hook-${who}" ''
  cp "$evil/hook-$hook-${who}" "$common/hooks/$hook"
  cp "$evil/hook-$hook-${who}" "$evil/hooks/$hook"
done`;
}

/** .git/config, hooks/ and info/ as bytes, by path. */
function gitDirSnapshot(repo: TestRepo): Record<string, string> {
  const gitDir = join(repo.root, '.git');
  const snapshot: Record<string, string> = { config: readFileSync(join(gitDir, 'config'), 'utf8') };
  for (const dir of ['hooks', 'info']) {
    if (!existsSync(join(gitDir, dir))) continue;
    for (const path of listFiles(gitDir, join(gitDir, dir))) {
      const mode = lstatSync(join(gitDir, path)).mode.toString(8);
      snapshot[path] = `${mode}\n${readFileSync(join(gitDir, path), 'utf8')}`;
    }
  }
  return snapshot;
}

async function plantingSession(
  who: 'proposer' | 'eval',
): Promise<{ project: Project; before: Record<string, string> }> {
  const project = hostileProject();
  const before = gitDirSnapshot(project.repo);
  if (who === 'proposer') {
    await session(project, [`${plant('proposer')}\n${set(5)}`, set(1), set(6)]).catch(() => undefined);
  } else {
    await session(project, [set(5), set(1), set(6)], { evalAttack: plant('eval') }).catch(() => undefined);
  }
  return { project, before };
}

/** Markers of planted programs that ran. Read before the test itself runs any git in the repository. */
function ranMarkers(project: Project): string[] {
  return readdirSync(project.scratch).filter((name) => name.startsWith('ran-'));
}

describe('.git stays the user’s', () => {
  it.each(['proposer', 'eval'] as const)(
    'autoexp runs nothing the %s planted in .git (fsmonitor, filters, external diff, hooks)',
    async (who) => {
      const { project } = await plantingSession(who);
      expect(ranMarkers(project)).toEqual([]);
    },
  );

  it.each(['proposer', 'eval'] as const)(
    '.git/config, hooks/ and info/ are as they were after a session where the %s planted there',
    async (who) => {
      const { project, before } = await plantingSession(who);
      expect(gitDirSnapshot(project.repo)).toEqual(before);
    },
  );
});

// ---------------------------------------------------------------------------------------------------------

interface HidingAttack {
  name: string;
  /** Experiment 1; experiments 2 and 3 are honest: x=6 (84, a keep) and x=1 (19, a discard). */
  step: string;
  modify?: string[];
  prepare?(project: Project): void;
  /**
   * What the attack hides lives only in git's index, which autoexp puts back: the in-scope part of the
   * change may be kept, but the kept commit must not hold the hidden part.
   */
  hiddenInIndex?: (repo: TestRepo, kept: string) => void;
}

const HIDING_ATTACKS: HidingAttack[] = [
  {
    name: 'a file in a gitignored directory that the eval loads',
    step: `mkdir -p build\n${FAKE_SCORE} > build/hook.sh\n${set(1)}`,
  },
  {
    name: 'git update-index --skip-worktree on the harness, then an edit of it',
    step: `git update-index --skip-worktree evaluate.sh\n${HARNESS_EDIT}\n${set(1)}`,
  },
  {
    name: 'git update-index --assume-unchanged on the harness, then an edit of it',
    step: `git update-index --assume-unchanged evaluate.sh\n${HARNESS_EDIT}\n${set(1)}`,
  },
  {
    name: 'an untracked override hidden by an entry in .git/info/exclude',
    step: `echo local-hook.sh >> "$(git rev-parse --git-path info/exclude)"\n${FAKE_SCORE} > local-hook.sh\n${set(1)}`,
  },
  {
    name: 'its own commit of a harness edit, then a detached checkout of the parent',
    step: `${HARNESS_EDIT}\n${set(1)}\ngit commit -qam "agent's own commit"\ngit checkout -q --detach HEAD~1`,
  },
  {
    name: 'its own commit of a harness edit, then an amend',
    step: `${HARNESS_EDIT}\ngit commit -qam "agent's own commit"\n${set(1)}\ngit commit -q --amend -a --no-edit`,
  },
  {
    name: 'git checkout -b other, and its own commit of a harness edit there',
    step: `git checkout -q -b other\n${HARNESS_EDIT}\n${set(1)}\ngit commit -qam "agent's own commit"`,
  },
  {
    name: 'git checkout --detach, and its own commit of a harness edit there',
    step: `git checkout -q --detach\n${HARNESS_EDIT}\n${set(1)}\ngit commit -qam "agent's own commit"`,
  },
  {
    name: 'a harness edit, with scope.modify naming the harness itself',
    modify: ['params.txt', 'evaluate.sh'],
    step: `${HARNESS_EDIT}\n${set(1)}`,
  },
  {
    name: 'an edit of autoexp.yml (the rules), with scope.modify matching every file',
    modify: ['"**"'],
    // With a better x, so that only the rules' edit can keep it from being kept.
    step: `sed -i 's/^  experiments: 3$/  experiments: 99/' autoexp.yml\n${set(5)}`,
  },
  {
    name: 'a symlink in scope pointing at the harness',
    modify: ['params.txt', 'knobs/**'],
    step: `mkdir -p knobs\nln -s ../evaluate.sh knobs/link\n${set(5)}`,
  },
  {
    name: 'a scope file turned into a symlink to a file outside the repository',
    prepare: (project) => writeFileSync(join(project.scratch, 'outside-params.txt'), 'x=10\n'),
    step: `ln -sf "$HOSTILE_DIR/outside-params.txt" params.txt`,
  },
  {
    name: 'a nested repository in scope carrying a plug-in the eval loads',
    modify: ['params.txt', 'lib/**'],
    step: `git init -q lib\n${FAKE_SCORE} > lib/boost.sh\ngit -C lib add boost.sh\ngit -C lib commit -qm plugin\n${set(1)}`,
  },
  {
    name: 'a gitlink in scope (git update-index --cacheinfo 160000)',
    modify: ['params.txt', 'lib/**'],
    step: `git update-index --add --cacheinfo "160000,$(git rev-parse HEAD),lib/mod"\n${set(5)}`,
    hiddenInIndex: (repo, kept) => expect(repo.git('ls-tree', '-r', kept)).not.toMatch(/^160000/m),
  },
];

describe('no faked keep', () => {
  it.each(HIDING_ATTACKS.map((attack) => [attack.name, attack] as const))(
    '%s: not kept, the branch holds none of it, and later experiments run normally',
    async (_name, attack) => {
      const project = hostileProject({ modify: attack.modify });
      attack.prepare?.(project);
      await session(project, [attack.step, set(6), set(1)]);
      const { repo } = project;

      expect(
        ledgerRows(repo).map((entry) => entry.experiment),
        'rows on the branch',
      ).toEqual([0, 1, 2, 3]);
      const first = row(repo, 1);
      if (attack.hiddenInIndex) attack.hiddenInIndex(repo, first!.commit || BRANCH);
      else expect(KEPT, `experiment 1 was ${first!.status} (${first!.score})`).not.toContain(first!.status);
      expect(first!.score).not.toBe('1000');
      expect(outcomes(repo).slice(1)).toEqual(['2 keep 84', '3 discard 19']);
      expectBranchClean(repo, 'x=6');
      expectLedgerWhole(project);
    },
  );
});

// ---------------------------------------------------------------------------------------------------------

/** Each attack runs in experiment 2's eval (a candidate that is worse: x=1), after the honest score. */
const EVAL_ATTACKS: [string, string, 'crash' | 'discard'][] = [
  ['edits the harness and the scope file', `${HARNESS_EDIT}\necho x=10 > params.txt`, 'crash'],
  ['commits a harness edit (git commit -am)', `${HARNESS_EDIT}\ngit commit -qam "eval was here"`, 'crash'],
  ['moves HEAD back one commit (git update-ref HEAD HEAD~1)', 'git update-ref HEAD HEAD~1', 'crash'],
  ['moves the branch to main (git update-ref)', `git update-ref refs/heads/${BRANCH} main`, 'crash'],
  ['resets hard to HEAD~1', 'git reset -q --hard HEAD~1', 'crash'],
  [
    'checks out another branch and commits a harness edit there',
    `git checkout -q -b evil\n${HARNESS_EDIT}\ngit commit -qam "eval was here"`,
    'crash',
  ],
  [
    'detaches HEAD and commits a harness edit there',
    `git checkout -q --detach\n${HARNESS_EDIT}\ngit commit -qam "eval was here"`,
    'crash',
  ],
  // Not tampering with git: the file is removed after the eval, so the next eval does not load it.
  [
    'leaves a file in a gitignored directory that the next eval loads',
    `mkdir -p build\n${FAKE_SCORE} > build/hook.sh`,
    'discard',
  ],
];

describe('the eval cannot change what is kept', () => {
  it.each(EVAL_ATTACKS)(
    'an eval that %s: its run does not count, the kept commits are exactly the candidates, and the undo returns to the recorded parent',
    async (_name, attack, verdict) => {
      const project = hostileProject();
      await session(project, [set(5), set(1), set(6)], {
        evalAttack: `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0\n${attack}`,
      });
      const { repo } = project;

      expect(
        ledgerRows(repo).map((entry) => entry.experiment),
        'rows on the branch',
      ).toEqual([0, 1, 2, 3]);
      expect(outcomes(repo)).toEqual([
        '1 keep 75',
        verdict === 'crash' ? '2 crash ' : '2 discard 19',
        '3 keep 84',
      ]);
      if (verdict === 'crash') expect(ledgerRecords(repo)[2]!.reason).toMatch(/changed what it may not/);
      expectBranchClean(repo, 'x=6');
      expect(repo.git('log', '--format=%s', BRANCH)).not.toContain('eval was here');

      const rows = ledgerRows(repo);
      const kept1 = rows[1]!.commit;
      const tried2 = rows[2]!.commit;
      const kept3 = rows[3]!.commit;
      // The kept commits hold exactly the candidates.
      expect(repo.git('show', `${kept1}:params.txt`)).toBe('x=5');
      expect(repo.git('show', `${kept1}:evaluate.sh`)).toBe(EVALUATE.trim());
      expect(repo.git('show', `${kept3}:params.txt`)).toBe('x=6');
      expect(repo.git('show', `${kept3}:evaluate.sh`)).toBe(EVALUATE.trim());
      // The tried candidate was undone to its recorded parent, which the next candidate was built on.
      const records = ledgerRecords(repo);
      expect(records[2]!.parent).toBe(kept1);
      expect(records[3]!.parent).toBe(kept1);
      expect(repo.git('show', `${kept3}^:params.txt`)).toBe('x=5');
      expect(repo.git('show', `${kept3}^:evaluate.sh`)).toBe(EVALUATE.trim());
      expect(() => repo.git('merge-base', '--is-ancestor', tried2, BRANCH)).toThrow();
      repo.git('merge-base', '--is-ancestor', kept1, BRANCH);
      expectLedgerWhole(project);
    },
  );
});

// ---------------------------------------------------------------------------------------------------------

describe('an eval reaching into the other trees of the repository', () => {
  it('with workers: 2, an eval that writes into every other worktree forges no ledger row and fakes no score', async () => {
    const project = hostileProject({ top: 'workers: 2' });
    // Every tree git knows of: the branch's own (with the ledger), the other worker's (its candidate in flight).
    const reach = `git worktree list --porcelain | sed -n 's/^worktree //p' | while read -r tree; do
  [ "$tree" = "$PWD" ] && continue
  if [ -f "$tree/${LEDGER}/results.tsv" ]; then printf '99\\tdeadbeef\\t1000\\tkeep\\tforged row\\n' >> "$tree/${LEDGER}/results.tsv"; fi
  mkdir -p "$tree/build" && ${FAKE_SCORE} > "$tree/build/hook.sh"
done`;
    await session(project, [set(5), set(6), set(1), set(7)], {
      evalAttack: reach,
      env: { HOSTILE_EVAL_DELAY: '0.2' },
    });
    const { repo } = project;
    expect(repo.git('log', '-p', BRANCH)).not.toContain('forged row');
    expect(ledgerRows(repo).map((entry) => entry.score)).not.toContain('1000');
    expectLedgerWhole(project);
  });
});

// ---------------------------------------------------------------------------------------------------------

/**
 * The eval and the proposer run in PID namespaces of their own, so the pids they write are not the host's:
 * their processes are found by HOSTILE_PIDS in their environment, which only this project's runs carry.
 */
async function expectAllDead(project: Project): Promise<void> {
  const alive = () => processesWithEnvironment('HOSTILE_PIDS', project.pids);
  // SIGKILL is delivered asynchronously; give it a moment, not a second chance.
  for (let waited = 0; alive().length > 0 && waited < 500; waited += 50)
    await new Promise((done) => setTimeout(done, 50));
  expect(alive(), 'still alive').toEqual([]);
}

describe('nothing the eval starts outlives it', () => {
  it.each([
    ['sleep 300 & (holding the output pipes)', 'sleep 300 &\necho $! >> "$HOSTILE_PIDS"'],
    [
      'sleep 300 & with its output closed',
      'sleep 300 >/dev/null 2>&1 </dev/null &\necho $! >> "$HOSTILE_PIDS"',
    ],
    [
      'a setsid -f daemon',
      `setsid -f bash -c 'echo $$ >> "$HOSTILE_PIDS"; exec sleep 300' >/dev/null 2>&1 </dev/null`,
    ],
    [
      'a double-forked daemon in a new session',
      `( setsid bash -c '( echo $BASHPID >> "$HOSTILE_PIDS"; exec sleep 300 ) &' & ) >/dev/null 2>&1 </dev/null`,
    ],
  ])('%s is not alive after the session', async (_name, attack) => {
    const project = hostileProject();
    await session(project, [set(5), set(1)], { evalAttack: attack });
    await expectAllDead(project);
  });

  it('a daemon appending junk to results.tsv and to files in and out of scope: dead after the session, and none of it committed', async () => {
    const project = hostileProject();
    const daemon = `setsid -f bash -c 'echo $$ >> "$HOSTILE_PIDS"; for i in $(seq 1 200); do echo junk >> ${LEDGER}/results.tsv; echo junk >> params.txt; echo junk >> README.md; sleep 0.02; done' >/dev/null 2>&1 </dev/null`;
    const crashed = await session(project, [set(5), set(1), set(6)], {
      evalAttack: daemon,
      env: { HOSTILE_EVAL_DELAY: '0.2' },
    }).then(
      () => undefined,
      (error: Error) => error,
    );
    const { repo } = project;
    // Each matters on its own: whether the session survived, what got committed, whether the daemon is gone.
    expect.soft(crashed, 'the session crashed').toBeUndefined();
    expect.soft(repo.git('log', '-p', BRANCH), 'junk committed').not.toContain('junk');
    await expectAllDead(project);
    // A run whose daemon wrote into tracked files before it was killed is a crash; otherwise it counts.
    const honest = ['1 keep 75', '2 discard 19', '3 keep 84'];
    outcomes(repo).forEach((outcome, index) =>
      expect([honest[index], `${index + 1} crash `]).toContain(outcome),
    );
    expectLedgerWhole(project);
  });

  it("a git the eval puts in a directory on autoexp's PATH (~/.local/bin comes before /usr/bin on GitHub's runners) never runs in autoexp's git calls", async () => {
    const project = hostileProject();
    const bin = join(project.scratch, 'bin');
    mkdirSync(bin);
    const marker = join(project.scratch, 'planted-git-ran');
    // Outside the eval's namespace it could start anything, a process that stages a change before the
    // ledger commit included.
    const attack = `[ -e ${bin}/git ] || { printf '#!/bin/sh\\ntouch %s\\nexec %s "$@"\\n' ${marker} "$(command -v git)" > ${bin}/git && chmod +x ${bin}/git; }`;
    const path = process.env.PATH;
    process.env.PATH = `${bin}${delimiter}${path ?? ''}`;
    try {
      await session(project, [set(5), set(1)], { evalAttack: attack });
    } finally {
      process.env.PATH = path;
    }
    expect(existsSync(join(bin, 'git')), 'the attack ran').toBe(true);
    expect(existsSync(marker), "the planted git ran in autoexp's git calls").toBe(false);
  });

  it('a process the proposer leaves behind cannot rewrite what the eval loads while it is measured', async () => {
    const project = hostileProject();
    // Starts writing a fake-score override once autoexp has checked and committed the proposal.
    const sneak = `setsid -f bash -c 'echo $$ >> "$HOSTILE_PIDS"; sleep 0.25; for i in $(seq 1 120); do ${FAKE_SCORE.replace(/'/g, `'"'"'`)} > local-hook.sh 2>/dev/null; sleep 0.02; done' >/dev/null 2>&1 </dev/null`;
    await session(project, [`${sneak}\n${set(1)}`, set(6), set(1)], { env: { HOSTILE_EVAL_DELAY: '0.6' } });
    const { repo } = project;
    const first = row(repo, 1)!;
    expect(KEPT).not.toContain(first.status);
    expect(first.score).not.toBe('1000');
    expect(outcomes(repo).slice(1)).toEqual(['2 keep 84', '3 discard 19']);
    expectBranchClean(repo, 'x=6');
    await expectAllDead(project);
  });
});

// ---------------------------------------------------------------------------------------------------------

/** Reads /proc/<pid>/environ of every process in a loop until `stop` exists; records which held a marker. */
const SCANNER = `const fs = require('node:fs');
const [markersFile, outFile, stopFile, readyFile, ...excluded] = process.argv.slice(2);
const needles = JSON.parse(fs.readFileSync(markersFile, 'utf8')).map((m) => ({ name: m.name, value: Buffer.from(m.value) }));
const skip = new Set([process.pid, ...excluded.map(Number)]);
const proposerMark = Buffer.from('AUTOEXP_PROMPT_FILE=');
const found = new Map();
let scans = 0;
fs.writeFileSync(readyFile, '');
while (!fs.existsSync(stopFile)) {
  scans++;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(name)) continue;
    const pid = Number(name);
    if (skip.has(pid)) continue;
    let environ;
    try { environ = fs.readFileSync('/proc/' + name + '/environ'); } catch { continue; }
    for (const needle of needles) {
      const key = pid + ' ' + needle.name;
      // Latest look wins: a child between fork and exec shows its parent's block (the test's own, which
      // holds every marker) until its program starts with the environment it was given.
      if (!environ.includes(needle.value)) {
        found.delete(key);
        continue;
      }
      let cmd = '';
      try { cmd = fs.readFileSync('/proc/' + name + '/cmdline', 'utf8').split('\\0').join(' ').trim(); } catch {}
      found.set(key, { pid, marker: needle.name, cmd, proposer: environ.includes(proposerMark) });
    }
  }
}
fs.writeFileSync(outFile, JSON.stringify({ scans, found: [...found.values()] }));
`;

interface Sighting {
  pid: number;
  marker: string;
  cmd: string;
  proposer: boolean;
}

describe('no secret visible', () => {
  it('no process but the test and autoexp holds a token or key in its environment block during a session', async () => {
    const project = hostileProject();
    const dir = mkdtempSync(join(tmpdir(), 'autoexp-scan-'));
    const unique = `${process.pid}-${Date.now()}`;
    const secrets: Record<string, string> = {
      GITHUB_TOKEN: `ghs_hostile_github_token_${unique}`,
      'INPUT_GITHUB-TOKEN': `ghs_hostile_input_token_${unique}`,
      ANTHROPIC_API_KEY: `sk-ant-hostile-key-${unique}`,
    };
    const control = `control-marker-${unique}`;
    writeFileSync(
      join(dir, 'markers.json'),
      JSON.stringify([
        ...Object.entries(secrets).map(([name, value]) => ({ name, value })),
        { name: 'CONTROL', value: control },
      ]),
    );
    writeFileSync(join(dir, 'scanner.cjs'), SCANNER);
    const out = join(dir, 'found.json');
    const stop = join(dir, 'stop');
    const ready = join(dir, 'ready');
    // Started before the secrets enter process.env: the scanner's own block holds none.
    const scanner = spawn(
      process.execPath,
      [join(dir, 'scanner.cjs'), join(dir, 'markers.json'), out, stop, ready, String(process.pid)],
      { stdio: 'ignore' },
    );
    children.push(scanner);
    const scannerDone = new Promise((done) => scanner.on('exit', done));
    await waitFor('the scanner', () => existsSync(ready));

    // A positive control: a process that does hold a marker must be seen.
    const controlProcess = spawn('sleep', ['1.5'], {
      env: { ...process.env, CONTROL: control },
      stdio: 'ignore',
    });
    children.push(controlProcess);

    const saved = Object.fromEntries(Object.keys(secrets).map((name) => [name, process.env[name]]));
    Object.assign(process.env, secrets);
    try {
      await session(project, [set(5), set(1), set(6), set(7)], {
        env: secrets,
        evalAttack: 'git status --short >/dev/null; git log -1 >/dev/null',
      });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await waitFor('the control process', () => controlProcess.exitCode !== null, 5_000);
      writeFileSync(stop, '');
      await scannerDone;
    }
    const result = JSON.parse(readFileSync(out, 'utf8')) as { scans: number; found: Sighting[] };
    expect(result.scans).toBeGreaterThan(10);
    expect(result.found.some((sighting) => sighting.marker === 'CONTROL')).toBe(true);
    const leaks = result.found.filter(
      (sighting) =>
        sighting.marker !== 'CONTROL' &&
        // A command proposer is an agent that needs its model's key; nothing else may hold one.
        !(sighting.marker === 'ANTHROPIC_API_KEY' && sighting.proposer),
    );
    expect(leaks.map((leak) => `${leak.marker} in ${leak.pid}: ${leak.cmd}`)).toEqual([]);
  });
});

describe('no secret in the ledger', () => {
  it('a key the proposer quoted (a kept commit’s description) and the eval printed (its output, a crash log) is redacted from every record and message; the branch holds it nowhere', async () => {
    const project = hostileProject();
    // Not a GitHub or model key: the eval is given it (a training script's tracking key, say).
    const key = `wandb-local-${process.pid}-${Date.now()}`;
    // Experiment 1's proposer quotes the key in its description (a kept commit's message).
    await session(
      project,
      [`${set(5)}; echo "tuned with $WANDB_API_KEY" > "$AUTOEXP_DESCRIPTION_FILE"`, set(6)],
      {
        env: { WANDB_API_KEY: key },
        evalAttack:
          'echo "tracking with $WANDB_API_KEY"; if [ "$AUTOEXP_EXPERIMENT" = 2 ]; then kill -KILL $PPID; fi',
      },
    );
    const records = ledgerRecords(project.repo);
    const first = records.find((record) => record.experiment === 1);
    const second = records.find((record) => record.experiment === 2);
    expect(first?.status).toBe('keep');
    expect(first?.description).toBe('tuned with [redacted]');
    expect(first?.output_tail).toContain('tracking with [redacted]');
    expect(second?.status).toBe('crash');
    expect(second?.log_tail).toContain('tracking with [redacted]');
    expect(project.repo.git('log', '-p', BRANCH)).not.toContain(key);
  });
});

describe("autoexp's pushes and the evals running beside them (workers)", () => {
  it("an eval that plants a push URL of its own in .git/config while another worker's experiment is pushed: autoexp's push never reads it", async () => {
    const project = hostileProject({ top: 'workers: 2' });
    const ran = join(project.scratch, 'ext-ran');
    // Experiment 2's eval plants an ext:: push URL (a command git runs, with the push's environment: in
    // the Action, the token), over and over, while experiment 1's eval ends and is recorded and pushed.
    const attack = `case "$AUTOEXP_EXPERIMENT" in
  1) sleep 1 ;;
  2) config="$(git rev-parse --path-format=absolute --git-common-dir)/config"
     cp "$config" "$config.clean"
     printf '[protocol "ext"]\\n\\tallow = always\\n[remote "origin"]\\n\\tpushurl = ext::sh -c touch%% ${ran}\\n' >> "$config.clean"
     # Again and again: autoexp puts the config back whenever a run ends.
     for i in $(seq 1 400); do cp "$config.clean" "$config.new"; mv "$config.new" "$config"; sleep 0.01; done ;;
esac`;
    const { exited, output } = await startCli(project, ['run', '--push', '--experiments', '3'], {
      ...sessionEnv(project, [set(5), set(6), set(7)], { evalAttack: attack }),
    });
    const code = await exited;
    expect(existsSync(ran), 'autoexp ran the command the eval planted').toBe(false);
    expect(code, output()).toBe(0);
    // Every experiment reached origin, and nothing of the attack stayed in the config.
    expect(git(project.repo.origin, 'rev-parse', BRANCH)).toBe(project.repo.git('rev-parse', BRANCH));
    expect(project.repo.git('config', '--list')).not.toContain('ext::');
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('the ledger is whole', () => {
  it('after agents and evals that commit on their own, every commit on the branch has its row, and a second session numbers on', async () => {
    const project = hostileProject();
    await session(
      project,
      [
        `${set(5)}\ngit commit -qam "agent's own commit"`,
        set(1),
        `${set(6)}\ngit commit -qam "agent's own commit"`,
      ],
      {
        evalAttack:
          '[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0\ngit commit -q --allow-empty -m "eval was here" >/dev/null 2>&1',
      },
    );
    expectLedgerWhole(project);
    // An eval that commits does not count (crash); the proposers' own commits were undone and checked.
    expect(outcomes(project.repo)).toEqual(['1 keep 75', '2 crash ', '3 keep 84']);

    const second = await session(project, [undefined, undefined, undefined, set(7)], { experiments: 1 });
    expect(second.baseline).toBeUndefined();
    expect(second.outcomes.map((outcome) => outcome.row.experiment)).toEqual([4]);
    expect(outcomes(project.repo)).toEqual(['1 keep 75', '2 crash ', '3 keep 84', '4 keep 91']);
    expectLedgerWhole(project);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('symlinks', () => {
  it("a kept symlink in scope does not lead autoexp's own writes (mutate proposer) outside the tree", async () => {
    const outside = mkdtempSync(join(tmpdir(), 'autoexp-victim-'));
    const victim = join(outside, 'knob.txt');
    writeFileSync(victim, 'k=5\n');
    const repo = createTestRepo({
      'evaluate.sh': `k=$(sed -n 's/^k=//p' knob.txt)\necho "score: $((100 - (k - 10) * (k - 10)))"\n`,
      'autoexp.yml': `tag: quad
scope:
  modify: [knob.txt]
eval:
  command: bash evaluate.sh
  timeout: 20s
metrics:
  - name: score
    goal: maximize
budget:
  experiments: 3
proposer:
  kind: mutate
  seed: 1
`,
    });
    // The symlink as a session would have kept it.
    symlinkSync(victim, join(repo.root, 'knob.txt'));
    repo.commitAll('knob.txt: a link');
    const settings = await loadSettings(join(repo.root, 'autoexp.yml'), repo.root);
    await runSession({
      settings,
      checkout: repo.root,
      baseRef: 'main',
      env: { ...process.env, ...GIT_IDENTITY_ENV },
      signal: new AbortController().signal,
    }).catch(() => undefined);
    expect(lstatSync(victim).isFile()).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('k=5\n');
  });

  it("links planted among autoexp's own files beside the tree (the prompt, the lessons copy, eval.log) lead none of its writes into the user's files", async () => {
    const project = hostileProject();
    const victims = ['prompt', 'lessons', 'log-symlink', 'log-hardlink'].map((name) => {
      const path = join(project.scratch, `victim-${name}.txt`);
      writeFileSync(path, `yours: ${name}\n`);
      return path;
    });
    const plant = `scratch=$(dirname "$AUTOEXP_PROMPT_FILE")
ln -sf "$HOSTILE_DIR/victim-prompt.txt" "$AUTOEXP_PROMPT_FILE"
ln -sf "$HOSTILE_DIR/victim-lessons.txt" "$AUTOEXP_LESSONS_FILE"
ln -sf "$HOSTILE_DIR/victim-log-symlink.txt" "$scratch/eval.log"
echo x=6 > params.txt`;
    const hardlink = `ln -f "$HOSTILE_DIR/victim-log-hardlink.txt" "$(dirname "$AUTOEXP_PROMPT_FILE")/eval.log"
echo x=7 > params.txt`;
    await session(project, [plant, hardlink, set(8)]);
    for (const victim of victims) expect(readFileSync(victim, 'utf8'), victim).toMatch(/^yours: [a-z-]+\n$/);
    expect(ledgerRows(project.repo).map((row) => row.status)).toEqual(['keep', 'keep', 'keep', 'keep']);
  });

  it("a symlink to a file outside the repository puts none of that file's content in the committed log", async () => {
    const project = hostileProject();
    const secret = `outside-secret-${process.pid}-${Date.now()}`;
    writeFileSync(join(project.scratch, 'private.txt'), `x=5\n${secret}\n`);
    await session(project, [`ln -sf "$HOSTILE_DIR/private.txt" params.txt`, set(6)]).catch(() => undefined);
    const { repo } = project;
    expect(repo.git('log', '-p', '--all')).not.toContain(secret);
    const ledgerText = repo.git('log', '-p', BRANCH, '--', LEDGER);
    expect(ledgerText).not.toContain(secret);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('nested repositories', () => {
  it.each([
    ['index.lock', 'git_dir=$(git rev-parse --git-dir); touch "$git_dir/index.lock"'],
    ['HEAD.lock', 'git_dir=$(git rev-parse --git-dir); touch "$git_dir/HEAD.lock"'],
  ])('an eval that leaves %s in the tree’s git dir blocks no later experiment', async (_name, lock) => {
    const project = hostileProject();
    await session(project, [set(5), set(1), set(6)], {
      evalAttack: `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0\n${lock}`,
    });
    expect(outcomes(project.repo).slice(1)).toEqual(['2 crash ', '3 keep 84']);
    expectLedgerWhole(project);
  });

  // A lock in the repository's own git dir (shared by every tree) failed the undo's ref update and the
  // session stopped (experiment 2's row was lost). It may be a live one of another git process (autoexp's
  // in another tree, the user's), so the guard removes it only when it outlasts the run by two seconds.
  it.each([
    ['a lock of the branch', `touch "$(git rev-parse --git-common-dir)/refs/heads/${BRANCH}.lock"`],
    ['packed-refs.lock', 'touch "$(git rev-parse --git-common-dir)/packed-refs.lock"'],
  ])('an eval that leaves %s in the repository blocks no later experiment', async (_name, lock) => {
    const project = hostileProject();
    await session(project, [set(5), set(1), set(6)], {
      evalAttack: `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0\n${lock}`,
    });
    // Experiment 2's eval changed the repository: a crash, its lock gone, the session on.
    expect(outcomes(project.repo)).toEqual(['1 keep 75', '2 crash ', '3 keep 84']);
    expect(ledgerRecords(project.repo)[2]!.reason).toMatch(
      /left \.git\/(refs\/heads\/autoexp\/quad|packed-refs)\.lock/,
    );
    expect(project.repo.git('rev-parse', '--git-common-dir')).toBe('.git');
    expect(readdirSync(join(project.repo.root, '.git')).filter((name) => name.endsWith('.lock'))).toEqual([]);
    expectLedgerWhole(project);
  });

  // With workers, one tree's eval reaches every other tree (same user) while autoexp works there: a lock
  // it holds meanwhile (a tree's index.lock or HEAD.lock, the branch's ref lock) fails autoexp's next git
  // command in that tree (the ledger commit, a reset --hard of a keep, a worker's checkout) with "Unable
  // to create …lock: File exists". Removing the lock while the eval runs would not help (it takes it
  // again): autoexp's step waits until no untrusted code runs, clears the lock and runs again.
  it('with workers: 2, an eval that holds the locks of the branch’s tree and ref loses no row', async () => {
    const project = hostileProject({ top: 'workers: 2' });
    const hold = `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
common=$(git rev-parse --git-common-dir)
for i in $(seq 1 60); do
  git worktree list --porcelain | sed -n 's/^worktree //p' | while read -r tree; do
    [ -f "$tree/${LEDGER}/results.tsv" ] || continue
    dir=$(cd "$tree" && cd "$(git rev-parse --git-dir)" && pwd -P)
    touch "$dir/index.lock" "$dir/HEAD.lock"
  done
  touch "$common/refs/heads/${BRANCH}.lock"
  sleep 0.02
done`;
    await session(project, [set(5), set(6), set(1), set(7), set(2)], {
      evalAttack: hold,
      env: { HOSTILE_EVAL_DELAY: '0.2' },
    });
    // Experiment 1 measures beside the attack, in the branch's tree, whose locks it takes too: the tree's
    // check after that eval cannot tell whose they were (a crash, or a keep when the attack came later).
    expect(outcomes(project.repo).slice(1)).toEqual(['2 crash ', '3 discard 19', '4 keep 91', '5 invalid ']);
    expect(ledgerRecords(project.repo)[2]!.reason).toMatch(/left \.git\/refs\/heads\/autoexp\/\w+\.lock/);
    const locks = execFileSync('find', [join(project.repo.root, '.git'), '-name', '*.lock'], {
      encoding: 'utf8',
    });
    expect(locks).toBe('');
    expectLedgerWhole(project);
  });

  it('with workers: 2, an eval that holds the other worker tree’s locks while it runs: the experiment measured there is not blamed for them', async () => {
    const project = hostileProject({ top: 'workers: 2' });
    const hold = `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
me=$(pwd -P)
for i in $(seq 1 100); do
  git worktree list --porcelain | sed -n 's/^worktree //p' | while read -r tree; do
    case "$tree" in "$me") continue ;; */worker-*/tree) ;; *) continue ;; esac
    dir=$(cd "$tree" && cd "$(git rev-parse --git-dir)" && pwd -P)
    touch "$dir/index.lock" "$dir/HEAD.lock"
  done
  sleep 0.02
done`;
    await session(project, [set(5), set(6), set(1), set(7), set(2)], {
      evalAttack: hold,
      env: { HOSTILE_EVAL_DELAY: '0.5' },
    });
    const records = ledgerRecords(project.repo);
    for (const record of records.filter((entry) => entry.experiment !== 2))
      expect(record.reason ?? '', `experiment ${record.experiment}`).not.toMatch(/\.lock/);
    expectLedgerWhole(project);
  });

  it('with workers: 2, an eval that points the other trees’ .git files at the repository leaves your checkout alone', async () => {
    const project = hostileProject({ top: 'workers: 2' });
    // Work of yours in progress in the main checkout: a staged file.
    project.repo.write('notes.txt', 'mine\n');
    project.repo.git('add', 'notes.txt');
    const repoint = `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
common=$(cd "$(git rev-parse --git-common-dir)" && pwd -P)
me=$(pwd -P)
trees=$(git worktree list --porcelain | sed -n 's/^worktree //p')
for i in $(seq 1 50); do
  for tree in $trees; do
    [ "$tree" = "$me" ] || [ ! -f "$tree/.git" ] || printf 'gitdir: %s\n' "$common" > "$tree/.git"
  done
  sleep 0.02
done`;
    await session(project, [set(5), set(6), set(1), set(7), set(2)], { evalAttack: repoint });
    expect(project.repo.git('symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(project.repo.git('status', '--porcelain')).toBe('A  notes.txt');
    expect(project.repo.git('rev-parse', 'main')).toBe(project.base);
    expectLedgerWhole(project);
  });

  it('an eval that swaps its tree for a symlink to your checkout leaves your .git, index and files alone', async () => {
    const project = hostileProject();
    // Work of yours in progress in the main checkout: a staged file and an untracked one.
    project.repo.write('notes.txt', 'mine\n');
    project.repo.git('add', 'notes.txt');
    project.repo.write('draft.txt', 'draft\n');
    const swap = `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
main=$(git worktree list --porcelain | sed -n '1s/^worktree //p')
me=$(pwd -P)
mv "$me" "$me.moved" && ln -s "$main" "$me"`;
    await session(project, [set(5), set(1), set(6)], { evalAttack: swap });
    const { repo } = project;
    expect(lstatSync(join(repo.root, '.git')).isDirectory()).toBe(true);
    expect(repo.git('symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(repo.git('rev-parse', 'main')).toBe(project.base);
    expect(repo.git('status', '--porcelain')).toBe('A  notes.txt\n?? draft.txt');
    expect(outcomes(repo)).toEqual(['1 keep 75', '2 crash ', '3 keep 84']);
    expect(ledgerRecords(repo)[2]!.reason).toMatch(/the tree's directory was replaced/);
    expectLedgerWhole(project);
  });

  it('an eval that moves the session’s directory aside and leaves a link to it in its place stops nothing', async () => {
    const project = hostileProject();
    const move = `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
me=$(pwd -P)
place=$(dirname "$me")
mv "$place" "$place.moved" && ln -s "$place.moved" "$place"`;
    await session(project, [set(5), set(1), set(6)], { evalAttack: move });
    expect(outcomes(project.repo)).toEqual(['1 keep 75', '2 discard 19', '3 keep 84']);
    expectLedgerWhole(project);
  });

  it('an eval that links the reflogs autoexp appends to (its tree’s HEAD, the branch’s) to your files writes nothing into them', async () => {
    const project = hostileProject();
    project.repo.write('notes.txt', 'mine\n');
    project.repo.git('add', 'notes.txt');
    const victim = join(project.scratch, 'victim.txt');
    writeFileSync(victim, 'the user’s\n');
    const link = `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
common=$(cd "$(git rev-parse --git-common-dir)" && pwd -P)
dir=$(cd "$(git rev-parse --git-dir)" && pwd -P)
mkdir -p "$dir/logs" && rm -f "$dir/logs/HEAD" && ln -s "$common/index" "$dir/logs/HEAD"
mkdir -p "$common/logs/refs/heads/autoexp" && rm -f "$common/logs/refs/heads/${BRANCH}"
ln "$HOSTILE_DIR/victim.txt" "$common/logs/refs/heads/${BRANCH}"`;
    await session(project, [set(5), set(1), set(6)], { evalAttack: link });
    expect(project.repo.git('status', '--porcelain')).toBe('A  notes.txt');
    expect(readFileSync(victim, 'utf8')).toBe('the user’s\n');
    expect(outcomes(project.repo)).toEqual(['1 keep 75', '2 crash ', '3 keep 84']);
    expect(ledgerRecords(project.repo)[2]!.reason).toMatch(/linked \.git\/logs\/refs\/heads\/autoexp\/quad/);
    expect(ledgerRecords(project.repo)[2]!.reason).toMatch(/linked the tree's logs\/HEAD/);
    expectLedgerWhole(project);
  });

  it('an eval that links .git/FETCH_HEAD to your file: autoexp’s fetches after it (a push race, finalize) leave the file alone', async () => {
    const project = hostileProject();
    const victim = join(project.scratch, 'victim.txt');
    writeFileSync(victim, 'the user’s\n');
    const link = `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
common=$(cd "$(git rev-parse --git-common-dir)" && pwd -P)
ln -sf "$HOSTILE_DIR/victim.txt" "$common/FETCH_HEAD"`;
    await session(project, [set(5), set(1), set(6)], { evalAttack: link });
    // What `autoexp finalize --push` and a session's push race fetch.
    await Git.at(project.repo.root).fetch('origin', ['+refs/heads/main:refs/remotes/origin/main']);
    expect(readFileSync(victim, 'utf8')).toBe('the user’s\n');
    expectLedgerWhole(project);
  });

  it('an eval that points the git dir of a worktree of yours at its own tree gets the guard to touch neither its HEAD nor its rebase in progress', async () => {
    const project = hostileProject();
    const yours = join(project.scratch, 'yours');
    project.repo.git('worktree', 'add', '-q', '-b', 'feature', yours);
    const admin = join(project.repo.root, '.git', 'worktrees', 'yours');
    // A rebase of yours stopped halfway (git counts its branch as checked out there).
    mkdirSync(join(admin, 'rebase-merge'));
    writeFileSync(join(admin, 'rebase-merge', 'head-name'), 'refs/heads/feature\n');
    const repoint = `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
common=$(cd "$(git rev-parse --git-common-dir)" && pwd -P)
echo "$(pwd -P)/.git" > "$common/worktrees/yours/gitdir"`;
    await session(project, [set(5), set(1), set(6)], { evalAttack: repoint });
    expect(git(yours, 'symbolic-ref', 'HEAD')).toBe('refs/heads/feature');
    expect(existsSync(join(admin, 'rebase-merge', 'head-name'))).toBe(true);
    expectLedgerWhole(project);
  });

  it('an eval that points the git dir of a worktree of yours nowhere: the `git worktree prune` of autoexp’s next tree forgets nothing of yours', async () => {
    const project = hostileProject();
    const yours = join(project.scratch, 'yours');
    project.repo.git('worktree', 'add', '-q', '-b', 'feature', yours);
    writeFileSync(join(yours, 'notes.txt'), 'mine\n');
    git(yours, 'add', 'notes.txt');
    const repoint = `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
common=$(cd "$(git rev-parse --git-common-dir)" && pwd -P)
echo "/nonexistent/.git" > "$common/worktrees/yours/gitdir"`;
    await session(project, [set(5), set(1), set(6)], { evalAttack: repoint });
    // What autoexp runs before it adds a tree (Git.removeWorktree): the next session's, an incumbent tree's.
    project.repo.git('worktree', 'prune');
    expect(git(yours, 'status', '--porcelain')).toBe('A  notes.txt');
    expect(git(yours, 'symbolic-ref', 'HEAD')).toBe('refs/heads/feature');
    expectLedgerWhole(project);
  });

  it('with workers: 2, an eval that swaps a waiting tree’s git dir for a worktree of yours (both pointers): the next session takes nothing of yours over', async () => {
    const project = hostileProject({ top: 'workers: 2' });
    const yours = join(project.scratch, 'yours');
    project.repo.git('worktree', 'add', '-q', '-b', 'feature', yours);
    writeFileSync(join(yours, 'notes.txt'), 'mine\n');
    git(yours, 'add', 'notes.txt');
    // The last experiment's eval, once the other worker's tree waits for good.
    const swap = `[ "$AUTOEXP_EXPERIMENT" = 3 ] || exit 0
sleep 1
common=$(cd "$(git rev-parse --git-common-dir)" && pwd -P)
me=$(pwd -P)
for tree in $(git worktree list --porcelain | sed -n 's/^worktree //p'); do
  case "$tree" in */worker-*/tree) [ "$tree" = "$me" ] && continue ;; *) continue ;; esac
  printf 'gitdir: %s\n' "$common/worktrees/yours" > "$tree/.git"
  echo "$tree/.git" > "$common/worktrees/yours/gitdir"
done`;
    await session(project, [set(5), set(6), set(1)], { evalAttack: swap });
    await session(project, [undefined, undefined, undefined, set(7), set(2)], { experiments: 2 });
    expect(git(yours, 'symbolic-ref', 'HEAD')).toBe('refs/heads/feature');
    expect(git(yours, 'status', '--porcelain')).toBe('A  notes.txt');
    expectLedgerWhole(project);
  });

  it('an eval that renames the git dir of a worktree of yours gets the guard to remove none of it', async () => {
    const project = hostileProject();
    const yours = join(project.scratch, 'yours');
    project.repo.git('worktree', 'add', '-q', '-b', 'feature', yours);
    writeFileSync(join(yours, 'notes.txt'), 'mine\n');
    git(yours, 'add', 'notes.txt');
    const rename = `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
common=$(cd "$(git rev-parse --git-common-dir)" && pwd -P)
mv "$common/worktrees/yours" "$common/worktrees/renamed"`;
    await session(project, [set(5), set(1), set(6)], { evalAttack: rename });
    expect(git(yours, 'symbolic-ref', 'HEAD')).toBe('refs/heads/feature');
    expect(git(yours, 'status', '--porcelain')).toBe('A  notes.txt');
    expectLedgerWhole(project);
  });

  it('an eval that makes .git/refs a symlink to a directory of the user’s removes none of its files', async () => {
    const project = hostileProject();
    mkdirSync(join(project.scratch, 'user', 'project'), { recursive: true });
    writeFileSync(join(project.scratch, 'user', 'project', 'Cargo.lock'), 'the user’s\n');
    await session(project, [set(5), set(1), set(6)], {
      evalAttack: `[ "$AUTOEXP_EXPERIMENT" = 2 ] || exit 0
common=$(git rev-parse --git-common-dir); mv "$common/refs" "$common/refs-moved"; ln -s "$HOSTILE_DIR/user" "$common/refs"`,
    });
    expect(outcomes(project.repo)).toEqual(['1 keep 75', '2 crash ', '3 keep 84']);
    expect(existsSync(join(project.scratch, 'user', 'project', 'Cargo.lock'))).toBe(true);
    expect(ledgerRecords(project.repo)[2]!.reason).toMatch(/replaced \.git\/refs/);
    expectLedgerWhole(project);
  });

  it('a .git directory created in scope blocks no later experiment and does not crash the next session', async () => {
    const project = hostileProject({ modify: ['params.txt', 'lib/**'] });
    await session(project, ['mkdir -p lib/sub && git init -q lib/sub', set(6), set(1)]);
    expect(outcomes(project.repo).slice(1)).toEqual(['2 keep 84', '3 discard 19']);

    const next = await session(project, [undefined, undefined, undefined, set(7)], { experiments: 1 });
    expect(next.outcomes.map((outcome) => `${outcome.row.experiment} ${outcome.row.status}`)).toEqual([
      '4 keep',
    ]);
    expectBranchClean(project.repo, 'x=7');
    expectLedgerWhole(project);
  });
});

// ---------------------------------------------------------------------------------------------------------

// As root here, an ordinary user's session can be run for real: the CLI built from src, started as
// nobody (whose mode bits root's own processes would ignore), on a project nobody owns.
const NOBODY = 65534;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));
/**
 * Runs a session for real as nobody: the CLI built from src, in directories of nobody's own, on the
 * project (made nobody's for the run, and this process's user's again after it).
 */
async function runAsNobody(
  project: Project,
  steps: readonly (string | undefined)[],
  options: { evalAttack?: string } = {},
) {
  const own = mkdtempSync(join(tmpdir(), 'autoexp-nobody-'));
  const node = join(own, 'node');
  copyFileSync(process.execPath, node);
  const cli = join(own, 'cli.mjs');
  copyFileSync(await cliFromSource(), cli);
  mkdirSync(join(own, 'home'));
  mkdirSync(join(own, 'trees'));
  chmodSync(own, 0o755);
  // The plan and the attack go into the scratch dir first: nobody gets them with the rest.
  const env = {
    ...sessionEnv(project, steps, options),
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: join(own, 'home'),
    AUTOEXP_TREES: join(own, 'trees'),
    TMPDIR: own,
  };
  const dirs = [project.repo.root, project.repo.origin, project.scratch];
  for (const dir of [own, ...dirs]) {
    execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
    // Temp dirs are made for their owner only: nobody must reach these through their parents.
    for (let up = dirname(dir); up !== tmpdir() && up !== dirname(up); up = dirname(up)) chmodSync(up, 0o755);
  }
  const args = ['--', node, cli, 'run', '--experiments', String(steps.length)];
  const result = spawnSync(setpriv!, [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...args], {
    cwd: project.repo.root,
    env,
    encoding: 'utf8',
  });
  // Back to this process's user, whose git refuses a repository someone else owns.
  for (const dir of dirs) execFileSync('chown', ['-R', `${process.getuid!()}:${process.getgid!()}`, dir]);
  rmSync(own, { recursive: true, force: true });
  return result;
}

/** The park records in the project's tree git dirs (one per tree a session parked trusting its commands). */
function parkRecords(project: Project): string[] {
  const worktrees = join(project.repo.root, '.git', 'worktrees');
  return (existsSync(worktrees) ? readdirSync(worktrees) : []).filter((name) =>
    existsSync(join(worktrees, name, 'autoexp-parked.json')),
  );
}

describe.skipIf(process.getuid?.() !== 0 || !setpriv)("an ordinary user's session", () => {
  it('an eval that makes the tree and the ledger read-only (chmod 555, 444) blocks no undo and no record', async () => {
    const project = hostileProject({
      modify: ['params.txt', 'conf/extra.txt'],
      files: { 'conf/extra.txt': 'one\n' },
    });
    const result = await runAsNobody(project, [`${set(1)}\necho two > conf/extra.txt`, set(5)], {
      evalAttack: `chmod 555 . conf ${LEDGER} ${LEDGER}/experiments; chmod 444 ${LEDGER}/*.tsv ${LEDGER}/experiments/*`,
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    // x=1 was worse (discarded: its undo rewrote conf/extra.txt in a read-only directory), x=5 kept.
    expect(outcomes(project.repo)).toEqual(['1 discard 19', '2 keep 75']);
    expectLedgerWhole(project);
  });

  it('alone, where the ledger is committed on the index autoexp left: proposals and evals that stage files get none of them into a ledger commit', async () => {
    const project = hostileProject();
    const result = await runAsNobody(
      project,
      [
        `${set(5)}\necho sneak > sneak.txt\ngit add sneak.txt params.txt`,
        `${set(3)}\ngit add params.txt`,
        `${set(9)}\ngit add params.txt\ngit update-index --assume-unchanged params.txt`,
      ],
      {
        evalAttack:
          'echo planted > planted.txt; git add -f planted.txt; git update-index --chmod=+x evaluate.sh',
      },
    );
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(parkRecords(project)).toHaveLength(1);
    const records = project.repo
      .git('log', '--format=%H %s', BRANCH)
      .split('\n')
      .filter((line) => / autoexp\(quad\): record /.test(line));
    expect(records.length).toBeGreaterThanOrEqual(3);
    for (const line of records) {
      const changed = project.repo.git(
        'diff-tree',
        '--no-commit-id',
        '--name-only',
        '-r',
        line.split(' ')[0]!,
      );
      for (const path of changed.split('\n')) expect(path, line).toMatch(new RegExp(`^${LEDGER}/`));
    }
    expectLedgerWhole(project);
  });

  it("parks its tree with a record the next session may trust; a root session's commands could outlive it, so it leaves none", async () => {
    const asUser = hostileProject();
    const result = await runAsNobody(asUser, [set(5)]);
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(parkRecords(asUser)).toHaveLength(1);
    const asRoot = hostileProject();
    await session(asRoot, [set(5)]);
    expect(outcomes(asRoot.repo)).toEqual(['1 keep 75']);
    expect(parkRecords(asRoot)).toEqual([]);
  });
});

describe('sessions that overlap or die', () => {
  it('a second session on the same tag fails naming the first (its pid), and neither loses rows', async () => {
    const project = hostileProject({ timeout: '1m' });
    const wait = join(project.scratch, 'wait');
    const first = await startCli(project, ['run', '--experiments', '2'], {
      ...sessionEnv(project, [set(5), 'echo x=77 > params.txt']),
      HOSTILE_WAIT: wait,
    });
    await waitFor(
      'the first session to be mid-eval',
      () => existsSync(`${wait}.started`) || first.child.exitCode !== null,
    );
    expect(first.child.exitCode, first.output()).toBe(null);

    const second = await session(project, [undefined, set(6), set(6), set(6)], { experiments: 1 }).then(
      () => undefined,
      (error: Error) => error,
    );
    writeFileSync(`${wait}.release`, '');
    const code = await first.exited;

    expect(second, 'the second session ran').toBeInstanceOf(Error);
    expect(second!.message).toContain(String(first.child.pid));
    expect(code, first.output()).toBe(0);
    expect(ledgerRows(project.repo).map((entry) => entry.experiment)).toEqual([0, 1, 2]);
    expect(outcomes(project.repo)[0]).toBe('1 keep 75');
    expectLedgerWhole(project);
  });

  it('after SIGKILL mid-eval, the next session does not adopt the candidate in flight', async () => {
    const project = hostileProject({ timeout: '1m' });
    const wait = join(project.scratch, 'wait');
    const killed = await startCli(project, ['run', '--experiments', '2'], {
      ...sessionEnv(project, [set(5), 'echo x=77 > params.txt']),
      HOSTILE_WAIT: wait,
    });
    await waitFor('the eval of x=77', () => existsSync(`${wait}.started`) || killed.child.exitCode !== null);
    expect(killed.child.exitCode, killed.output()).toBe(null);
    expect(processesWithEnvironment('HOSTILE_WAIT', wait)).not.toEqual([]);
    killed.child.kill('SIGKILL');
    await killed.exited;
    const containment = await detectContainment();
    if (containment.kind === 'namespace' && containment.diesWithAutoexp) {
      // The eval in flight ended with the session: nothing of it runs into the next one.
      await waitFor(
        'the eval to end',
        () => processesWithEnvironment('HOSTILE_WAIT', wait).length === 0,
        5000,
      );
    } else {
      // Without parent-death signals the orphaned eval runs on; it is the killed session's business.
      for (const pid of processesWithEnvironment('HOSTILE_WAIT', wait)) killQuietly(pid);
    }
    writeFileSync(`${wait}.release`, '');

    await session(project, [undefined, set(6), set(6), set(6)], { experiments: 1 });
    const { repo } = project;
    expect(repo.git('log', '-p', BRANCH, '--', 'params.txt')).not.toContain('+x=77');
    for (const entry of ledgerRows(repo).filter((candidate) => KEPT.includes(candidate.status)))
      expect(repo.git('show', `${entry.commit}:params.txt`), `row ${entry.experiment}`).not.toBe('x=77');
    expect(repo.git('show', `${BRANCH}:params.txt`)).toBe('x=6');
    expect(ledgerRows(repo).at(-1)).toMatchObject({ status: 'keep', score: '84' });
    expectLedgerWhole(project);
  });

  it.each([
    [
      'amends the last ledger commit with a harness edit',
      `${HARNESS_EDIT}\ngit add evaluate.sh\ngit commit -q --amend --no-edit`,
    ],
    ['moves the branch back two commits', 'git reset -q --hard HEAD~2'],
    ['deletes the branch', `git update-ref -d refs/heads/${BRANCH}`],
  ])(
    'after SIGKILL while a proposer that %s runs, the next session goes on from the last recorded experiment',
    async (_name, attack) => {
      const project = hostileProject({ timeout: '1m' });
      const proposed = join(project.scratch, 'proposed');
      const killed = await startCli(project, ['run', '--experiments', '2'], {
        ...sessionEnv(project, [set(5), `${attack}\ntouch ${proposed}\nsleep 60`]),
      });
      await waitFor('the second proposal', () => existsSync(proposed) || killed.child.exitCode !== null);
      expect(killed.child.exitCode, killed.output()).toBe(null);
      killed.child.kill('SIGKILL');
      await killed.exited;
      for (const pid of processesWithEnvironment('HOSTILE_PIDS', project.pids)) killQuietly(pid);

      await session(project, [undefined, set(6)], { experiments: 1 });
      expect(outcomes(project.repo)).toEqual(['1 keep 75', '2 keep 84']);
      expectBranchClean(project.repo, 'x=6');
      expectLedgerWhole(project);
    },
  );

  // A session killed after git made its ledger commit and before the lock said so: the lock it leaves
  // names the head before that commit, and that it was recording on top of the branch's tip's parent.
  it.each([
    ['a discard', [set(5), set(4)], 1, '2 discard 64'],
    ['a keep (its candidate commit and its row)', [set(5), set(8)], 2, '2 keep 96'],
  ])(
    'killed right after it committed the row of %s, the next session keeps that row',
    async (_name, steps, candidateCommits, finished) => {
      const project = hostileProject();
      await session(project, steps);
      const { repo } = project;
      expect(outcomes(repo)).toEqual(['1 keep 75', finished]);
      const dead = spawnSync('true').pid!;
      const lockFile = join(repo.root, '.git', 'autoexp', '.locks', 'quad.lock');
      mkdirSync(dirname(lockFile), { recursive: true });
      const killedLock = {
        pid: dead,
        host: hostname(),
        startedAt: new Date().toISOString(),
        tag: 'quad',
        head: repo.git('rev-parse', `${BRANCH}~${candidateCommits}`),
        recordingOn: repo.git('rev-parse', `${BRANCH}~1`),
      };
      writeFileSync(lockFile, `${JSON.stringify(killedLock, null, 2)}\n`);

      await session(project, [undefined, undefined, set(9)], { experiments: 1 });
      expect(outcomes(repo)).toEqual(['1 keep 75', finished, '3 keep 99']);
      expectLedgerWhole(project);
    },
  );
});

// ---------------------------------------------------------------------------------------------------------

describe('eval.setup reaches every tree a candidate or incumbent is measured in', () => {
  const setup = `  setup: mkdir -p build && echo ready > build/out.txt`;
  it.each([
    ['workers: 2', { top: 'workers: 2', evalLines: setup }],
    ['eval.interleave', { evalLines: `${setup}\n  interleave: true\n  repeats: 2` }],
  ])('%s: no measurement crashes for lack of what setup builds', async (_name, options) => {
    const project = hostileProject(options);
    await session(project, [set(5), set(6), set(1)], { env: { HOSTILE_NEEDS_BUILD: '1' } });
    const runs = evalRuns(project);
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.filter((line) => line.endsWith(' unbuilt'))).toEqual([]);
    const statuses = ledgerRows(project.repo).map((entry) => entry.status);
    expect(statuses).not.toContain('crash');
  });
});
