// Hostile proposers and evals against the trees kept between sessions (docs/trees.md, "Trees are kept
// between sessions") and the repository guard's exemption for the session's own tree paths. Each `it`
// plays one attack through real sessions (or between two of them, as a process that outlived its
// session would) and asserts that the next session still works and measures only the committed code.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config/load.js';
import { sessionPlace } from '../src/tree/places.js';
import { session, type Project } from './helpers/hostile-project.js';
import { createTestRepo, GIT_IDENTITY_ENV, otherWorktrees, type TestRepo } from './helpers/repo.js';

const BRANCH = 'autoexp/quad';
const LEDGER = '.autoexp/quad';

/** Scores 100 - (x - 10)^2 from params.txt and sources lib/*.sh (plug-ins, as a harness might). */
const EVALUATE = `#!/usr/bin/env bash
set -u
x=$(sed -n 's/^x=//p' params.txt)
for hook in lib/*.sh; do [ -f "$hook" ] && source "$hook"; done
echo "score: $((100 - (x - 10) * (x - 10)))"
if [ -n "\${HOSTILE_EVAL:-}" ]; then bash "$HOSTILE_EVAL" || true; fi
exit 0
`;

const PROPOSE = `set -eu
step="$HOSTILE_PLAN/$AUTOEXP_EXPERIMENT.sh"
if [ -f "$step" ]; then bash "$step"; fi
`;

function set(x: number): string {
  return `{ echo x=${x}; printf '%*s\\n' "$AUTOEXP_EXPERIMENT" '' | tr ' ' '#'; } > params.txt`;
}

function project(options: { top?: string; modify?: string; evalLines?: string } = {}): Project {
  const repo = createTestRepo({
    'params.txt': 'x=3\n',
    'evaluate.sh': EVALUATE,
    'propose.sh': PROPOSE,
    '.gitignore': 'build/\n',
    'lib/base.sh': ': base plug-in\n',
    'autoexp.yml': `tag: quad
${options.top ?? ''}
scope:
  modify: [${options.modify ?? 'params.txt'}]
eval:
  command: bash evaluate.sh
  timeout: 20s
${options.evalLines ?? ''}
metrics:
  - name: score
    goal: maximize
budget:
  experiments: 3
  consecutive-crashes: 10
proposer:
  kind: command
  run: bash propose.sh
`,
  });
  const scratch = mkdtempSync(join(tmpdir(), 'autoexp-hostile-parked-'));
  return {
    repo,
    scratch,
    base: repo.git('rev-parse', 'main'),
    pids: join(scratch, 'pids'),
    runs: join(scratch, 'runs'),
  };
}

async function placeOf(project: Project, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const settings = await loadSettings(join(project.repo.root, 'autoexp.yml'), project.repo.root);
  const commonDir = project.repo.git('rev-parse', '--path-format=absolute', '--git-common-dir');
  return sessionPlace(env, commonDir, settings.tag);
}

function outcomes(repo: TestRepo): string[] {
  return repo
    .git('show', `${BRANCH}:${LEDGER}/results.tsv`)
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split('\t'))
    .filter((cells) => cells[0] !== '0')
    .map((cells) => `${cells[0]} ${cells[3]} ${cells[2]}`);
}

function sh(cwd: string, script: string): string {
  return execFileSync('bash', ['-c', script], { cwd, env: { ...process.env, ...GIT_IDENTITY_ENV } })
    .toString()
    .trim();
}

describe('worktrees planted at the session’s own tree paths', () => {
  it('a proposer that adds worker-7/tree on autoexp/<tag>: the branch is free after the session, the next session starts', async () => {
    const p = project();
    await session(p, [
      `git worktree add -q -f "$(dirname "$PWD")/worker-7/tree" ${BRANCH} >/dev/null 2>&1\n${set(5)}`,
      set(9),
    ]);
    expect(otherWorktrees(p.repo).every((tree) => tree.detached)).toBe(true);
    await session(p, [undefined, undefined, set(10)], { experiments: 1 });
    expect(outcomes(p.repo).at(-1)).toBe('3 keep 100');
  });

  it('a detached worktree added at worker-7/tree "rebasing" autoexp/<tag>: the branch is free after the session', async () => {
    const p = project();
    await session(p, [
      `tree="$(dirname "$PWD")/worker-7/tree"
git worktree add -q --detach "$tree" HEAD >/dev/null 2>&1
admin="$(git -C "$tree" rev-parse --path-format=absolute --git-dir)"
mkdir -p "$admin/rebase-merge" && echo refs/heads/${BRANCH} > "$admin/rebase-merge/head-name"
git rev-parse HEAD > "$admin/rebase-merge/onto"
${set(5)}`,
      set(9),
    ]);
    const mine = join(mkdtempSync(join(tmpdir(), 'autoexp-mine-')), 'wt');
    p.repo.git('worktree', 'add', '-q', mine, BRANCH);
    p.repo.git('worktree', 'remove', mine);
    await session(p, [undefined, undefined, set(10)], { experiments: 1 });
    expect(outcomes(p.repo).at(-1)).toBe('3 keep 100');
  });

  it('a detached worktree added at worker-7/tree, put on main by a later run: main stays free', async () => {
    const p = project();
    await session(p, [
      `git worktree add -q --detach "$(dirname "$PWD")/worker-7/tree" HEAD >/dev/null 2>&1\n${set(5)}`,
      `git -C "$(dirname "$PWD")/worker-7/tree" checkout -q --ignore-other-worktrees main >/dev/null 2>&1\n${set(9)}`,
      `git -C "$(dirname "$PWD")/worker-7/tree" checkout -q -f ${BRANCH} >/dev/null 2>&1\n${set(8)}`,
    ]);
    expect(otherWorktrees(p.repo)).toEqual(
      otherWorktrees(p.repo).map((tree) => ({ ...tree, detached: true })),
    );
    // The user can check main out in a worktree of their own, and the branch too.
    const mine = join(mkdtempSync(join(tmpdir(), 'autoexp-mine-')), 'wt');
    p.repo.git('checkout', '-q', '--detach');
    p.repo.git('worktree', 'add', '-q', mine, BRANCH);
    p.repo.git('checkout', '-q', 'main');
  });
});

/** The score `commit` gives measured in a fresh clone, with no attack around. */
function cleanScore(p: Project, commit: string): string {
  const dir = mkdtempSync(join(p.scratch, 'clone-'));
  execFileSync('git', ['clone', '--quiet', '--no-checkout', p.repo.root, dir], { stdio: 'ignore' });
  sh(dir, `git checkout -q --detach ${commit}`);
  return /^score: (\S+)$/m.exec(sh(dir, 'bash evaluate.sh'))?.[1] ?? 'none';
}

function keptScores(p: Project): { commit: string; score: string }[] {
  return p.repo
    .git('show', `${BRANCH}:${LEDGER}/results.tsv`)
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cells) => cells[3] === 'keep')
    .map((cells) => ({ commit: cells[1]!, score: cells[2]! }));
}

describe('leftovers of one candidate’s eval reaching the next candidate', () => {
  it('an eval that leaves an empty directory the next candidate’s code looks for fakes no keep', async () => {
    const p = project({ modify: 'params.txt, lib/*.sh' });
    await session(
      p,
      [
        // A worse candidate (discarded) whose eval leaves an empty directory: git status does not show one.
        set(1),
        // The next candidate's code scores 1000 when the marker is there, honestly otherwise.
        `printf '[ -d marker.d ] && { echo "score: 1000"; exit 0; }\\n' > lib/fast.sh\n${set(4)}`,
      ],
      { evalAttack: '[ "$AUTOEXP_EXPERIMENT" = 1 ] && mkdir -p marker.d/empty' },
    );
    const kept = keptScores(p);
    expect(kept.length).toBeGreaterThan(0);
    for (const { commit, score } of kept)
      expect(`${commit} ${cleanScore(p, commit)}`).toBe(`${commit} ${score}`);
  });

  it('an eval of a KEPT candidate that leaves an empty directory the next candidate looks for fakes no keep', async () => {
    const p = project({ modify: 'params.txt, lib/*.sh' });
    await session(
      p,
      [set(5), `printf '[ -d marker.d ] && { echo "score: 1000"; exit 0; }\\n' > lib/fast.sh\n${set(4)}`],
      { evalAttack: '[ "$AUTOEXP_EXPERIMENT" = 1 ] && mkdir -p marker.d/empty' },
    );
    const kept = keptScores(p);
    expect(kept.length).toBeGreaterThan(0);
    for (const { commit, score } of kept)
      expect(`${commit} ${cleanScore(p, commit)}`).toBe(`${commit} ${score}`);
  });
  it('a proposal that makes an empty directory its own code looks for fakes no keep', async () => {
    const p = project({ modify: 'params.txt, lib/*.sh' });
    await session(p, [
      `mkdir -p marker.d/empty\nprintf '[ -d marker.d ] && { echo "score: 1000"; exit 0; }\\n' > lib/fast.sh\n${set(4)}`,
    ]);
    const kept = keptScores(p);
    expect(kept.length).toBeGreaterThan(0);
    for (const { commit, score } of kept)
      expect(`${commit} ${cleanScore(p, commit)}`).toBe(`${commit} ${score}`);
  });
});

describe('trees that cannot be parked', () => {
  it('a proposer that deletes the incumbent tree’s git dir: the session still ends cleanly and releases its lock', async () => {
    const p = project({ evalLines: '  repeats: 2\n  interleave: true' });
    await session(p, [
      set(5),
      'common="$(git rev-parse --path-format=absolute --git-common-dir)"\nfor d in "$common"/worktrees/*; do grep -q incumbent "$d/gitdir" && rm -rf "$d"; done; true',
    ]);
    await session(p, [undefined, undefined, set(6)], { experiments: 1 });
    expect(outcomes(p.repo).at(-1)).toBe('3 keep 84');
  });
});

describe('a tree’s git dir swapped for a symlink during a session', () => {
  it('by a proposal: the proposal is invalid, the session goes on, and what the link pointed to keeps its files', async () => {
    const p = project();
    const victim = mkdtempSync(join(p.scratch, 'victim-'));
    writeFileSync(join(victim, 'precious.txt'), 'keep me\n');
    await session(p, [
      `admin="$(git rev-parse --path-format=absolute --git-dir)"
cp -r "$admin/." "${victim}/" && rm -rf "$admin" && ln -s "${victim}" "$admin"
${set(5)}`,
      set(9),
    ]);
    expect(readFileSync(join(victim, 'precious.txt'), 'utf8')).toBe('keep me\n');
    await session(p, [undefined, undefined, set(10)], { experiments: 1 });
    expect(outcomes(p.repo)).toEqual(['1 invalid ', '2 keep 99', '3 keep 100']);
  });
});

describe('worktree records that point the guard at the user’s files', () => {
  it('a worktree added with its gitdir pointing into a directory of the user’s: git forgets it, the directory stays', async () => {
    const p = project();
    const victim = mkdtempSync(join(p.scratch, 'victim-'));
    writeFileSync(join(victim, 'precious.txt'), 'keep me\n');
    await session(p, [
      `common="$(git rev-parse --path-format=absolute --git-common-dir)"
mkdir -p "$common/worktrees/planted"
echo "${victim}/.git" > "$common/worktrees/planted/gitdir"
echo "ref: refs/heads/main" > "$common/worktrees/planted/HEAD"
echo ../.. > "$common/worktrees/planted/commondir"
${set(5)}`,
      set(9),
    ]);
    expect(readFileSync(join(victim, 'precious.txt'), 'utf8')).toBe('keep me\n');
    expect(existsSync(join(p.repo.root, '.git', 'worktrees', 'planted'))).toBe(false);
    expect(outcomes(p.repo)).toEqual(['1 invalid ', '2 keep 99']);
  });

  it('.git/worktrees replaced by a symlink to a directory of the user’s: nothing in it is touched', async () => {
    const p = project();
    const victim = mkdtempSync(join(p.scratch, 'victim-'));
    for (const name of ['a', 'b']) {
      mkdirSync(join(victim, name));
      writeFileSync(join(victim, name, 'gitdir'), `${victim}/${name}/.git\n`);
      writeFileSync(join(victim, name, 'precious.txt'), 'keep me\n');
    }
    symlinkSync(join(victim, 'a'), join(victim, 'link'));
    await session(p, [
      `common="$(git rev-parse --path-format=absolute --git-common-dir)"
mv "$common/worktrees" "$common/worktrees.moved" && ln -s "${victim}" "$common/worktrees"
${set(5)}`,
    ]).catch(() => undefined);
    for (const name of ['a', 'b'])
      expect(readFileSync(join(victim, name, 'precious.txt'), 'utf8')).toBe('keep me\n');
    expect(lstatSync(join(victim, 'link')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(p.repo.root, '.git', 'worktrees')).isSymbolicLink()).toBe(false);
    // The session could not go on without its tree's records; the next one works on the branch as recorded.
    await session(p, [undefined, set(10)], { experiments: 1 });
    expect(outcomes(p.repo)).toEqual(['1 invalid ', '2 keep 100']);
  });
});

describe('between sessions: what a process that outlived its session leaves in the parked trees', () => {
  it('untracked plug-ins, ignored files, nested repositories and git-dir leftovers do not reach the next session', async () => {
    const p = project();
    await session(p, [set(1)], { experiments: 1 });
    const tree = join(await placeOf(p), 'tree');
    sh(
      tree,
      `printf 'echo "score: 1000"; exit 0\\n' > lib/evil.sh
mkdir -p build deep/er && echo 'echo "score: 1000"; exit 0' > build/hook.sh && echo ignored > deep/er/x.sh
mkdir -p sub && git -C sub init -q && printf 'echo "score: 1000"; exit 0\\n' > sub/a.sh
mkdir -p lib/nested/.git && echo x > lib/nested/.git/HEAD
chmod +x params.txt
dir="$(git rev-parse --git-dir)"
touch "$dir/index.lock"
printf '[core]\\n\\tsparseCheckout = true\\n' > "$dir/config.worktree"
mkdir -p "$dir/info" && echo '/params.txt' > "$dir/info/sparse-checkout"`,
    );
    await session(p, [undefined, set(6)], { experiments: 1 });
    expect(outcomes(p.repo)).toEqual(['1 discard 19', '2 keep 84']);
    expect(existsSync(join(tree, 'lib/evil.sh'))).toBe(false);
    expect(existsSync(join(tree, 'sub'))).toBe(false);
  });

  it('a session whose trees place moved (AUTOEXP_TREES changed) or was deleted by hand still runs', async () => {
    const p = project();
    await session(p, [set(1)], { experiments: 1 });
    const moved = mkdtempSync(join(tmpdir(), 'autoexp-trees-moved-'));
    await session(p, [undefined, set(5)], { experiments: 1, env: { AUTOEXP_TREES: moved } });
    expect(otherWorktrees(p.repo).filter((tree) => tree.path.startsWith(moved))).toHaveLength(1);
    // Both places deleted by hand: git still lists their trees until pruned.
    rmSync(moved, { recursive: true });
    rmSync(join(await placeOf(p)), { recursive: true });
    await session(p, [undefined, undefined, set(6)], { experiments: 1 });
    await session(p, [undefined, undefined, undefined, set(9)], {
      experiments: 1,
      env: { AUTOEXP_TREES: moved },
    });
    expect(outcomes(p.repo)).toEqual(['1 discard 19', '2 keep 75', '3 keep 84', '4 keep 99']);
    expect(otherWorktrees(p.repo).every((tree) => tree.detached)).toBe(true);
  });

  it('a parked branch tree whose branch the user checked out meanwhile: the session says where, and loses nothing', async () => {
    const p = project();
    await session(p, [set(5)], { experiments: 1 });
    p.repo.git('checkout', '-q', BRANCH);
    const tip = p.repo.git('rev-parse', BRANCH);
    await expect(session(p, [undefined, set(6)], { experiments: 1 })).rejects.toThrow(p.repo.root);
    expect(p.repo.git('rev-parse', BRANCH)).toBe(tip);
    p.repo.git('checkout', '-q', 'main');
    await session(p, [undefined, set(6)], { experiments: 1 });
    expect(outcomes(p.repo)).toEqual(['1 keep 75', '2 keep 84']);
  });
});
