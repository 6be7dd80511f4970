// Hostile proposers and evals against git's stat checks: the ledger's open files, which autoexp dates
// two seconds back when it commits them and checks by content itself, and the index autoexp puts back
// with the time it was sealed with. git here compares file times in whole seconds: a same-size rewrite
// made in the second git recorded, with the mtime put back, looks unchanged to git unless the entry is
// "racily clean" (its mtime no older than the index file). Every attack here that needs its second
// retries until it finds it and asserts that it did.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../src/ledger/ledger.js';
import { sanitizeIndex } from '../src/tree/index-file.js';
import {
  expectLedgerWholeIn,
  ledgerRowsOf,
  session,
  type Project,
  type Row,
} from './helpers/hostile-project.js';
import { createTestRepo, git, type TestRepo } from './helpers/repo.js';

const BRANCH = 'autoexp/quad';
const LEDGER = '.autoexp/quad';

/** Scores 100 - (x - 10)^2 from params.txt; HOSTILE_EVAL runs after the score (the candidate's extra code). */
const EVALUATE = `#!/usr/bin/env bash
set -u
x=$(sed -n 's/^x=//p' params.txt)
echo "score: $((100 - (x - 10) * (x - 10)))"
if [ -n "\${HOSTILE_EVAL:-}" ]; then bash "$HOSTILE_EVAL" || true; fi
exit 0
`;

const PROPOSE = `set -eu
step="$HOSTILE_PLAN/$AUTOEXP_EXPERIMENT.sh"
if [ -f "$step" ]; then bash "$step"; fi
`;

interface ConfigOptions {
  workers?: number;
  modify?: string[];
  repeats?: number;
}

function config(options: ConfigOptions = {}): string {
  return `tag: quad
${options.workers ? `workers: ${options.workers}\n` : ''}scope:
  modify: [${(options.modify ?? ['params.txt']).join(', ')}]
eval:
  command: bash evaluate.sh
  timeout: 20s
  repeats: ${options.repeats ?? 1}
metrics:
  - name: score
    goal: maximize
budget:
  experiments: 3
  consecutive-crashes: 50
proposer:
  kind: command
  run: bash propose.sh
`;
}

function hostileProject(options: ConfigOptions = {}): Project {
  const repo = createTestRepo({
    'params.txt': 'x=3\n',
    'evaluate.sh': EVALUATE,
    'propose.sh': PROPOSE,
    '.gitignore': 'build/\n',
    'autoexp.yml': config(options),
  });
  const scratch = mkdtempSync(join(tmpdir(), 'autoexp-hostile-ledger-'));
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

/** The commit measured again from a clean clone, with no attack in the environment: its score. */
function rerunFromCleanClone(project: Project, commit: string): string {
  const dir = mkdtempSync(join(project.scratch, 'clone-'));
  execFileSync('git', ['clone', '--quiet', '--no-checkout', project.repo.root, dir], { stdio: 'ignore' });
  git(dir, 'checkout', '--quiet', '--detach', commit);
  const run = spawnSync('bash', ['evaluate.sh'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return /^score: (\S+)$/m.exec(run.stdout)?.[1] ?? `no score (${run.stderr.trim().slice(0, 200)})`;
}

/** Each kept row's score next to its commit's score from a clean clone. */
function expectKeepsReproduce(project: Project): void {
  const kept = ledgerRows(project.repo).filter((row) => row.experiment > 0 && row.status === 'keep');
  expect(kept.length, 'no experiment was kept').toBeGreaterThan(0);
  const measured = kept.map((row) => `#${row.experiment} ${row.commit}: ${row.score}`);
  const again = kept.map(
    (row) => `#${row.experiment} ${row.commit}: ${rerunFromCleanClone(project, row.commit)}`,
  );
  expect(again, 'kept scores measured again from a clean clone').toEqual(measured);
}

/** Nothing but autoexp's own rows in the ledger's history, and every branch commit has its row. */
function expectLedgerHonest(project: Project, forged: string): void {
  const { repo } = project;
  expect(repo.git('log', '--oneline', '-S', forged, BRANCH), 'commits with the forged text').toBe('');
  expectLedgerWholeIn(project, ledgerRows(repo));
}

/**
 * Bash: rewrites `$file` in place (same inode, same size) with `$from` replaced by `$to` (same length) and
 * puts its mtime back; touches $HOSTILE_DIR/won when the rewrite stayed in the second of the ctime git
 * recorded (`$recorded`), the one case git cannot see.
 */
const FORGE_IN_PLACE = `mtime=$(stat -c %Y "$file")
sed "s/$from/$to/" "$file" > "$HOSTILE_DIR/forged"
cat "$HOSTILE_DIR/forged" > "$file"
touch -m -d "@$mtime" "$file"
if [ "$(stat -c %Z "$file")" = "$recorded" ] && grep -q "$to" "$file"; then touch "$HOSTILE_DIR/won"; fi`;

// ======================================================================================================

describe("the ledger's open files (dated back, checked by content)", () => {
  it('a proposer that rewrites results.tsv (same size, mtime put back) in the second autoexp committed it: invalid, and the forged row never reaches the branch', async () => {
    const project = hostileProject();
    // The row of the previous experiment: "discard" becomes "KEEP!!!" (same length).
    const attempt = `if [ -e "$HOSTILE_DIR/won" ]; then echo x=$((4 + AUTOEXP_EXPERIMENT % 3)) > params.txt; exit 0; fi
file=${LEDGER}/results.tsv from=discard to='KEEP!!!'
recorded=$(stat -c %Z "$file")
if [ "$recorded" = "$(date +%s)" ] && grep -q discard "$file"; then
${FORGE_IN_PLACE}
fi
echo "x=$((1 + AUTOEXP_EXPERIMENT % 2))" > params.txt`;
    await session(
      project,
      Array.from({ length: 12 }, () => attempt),
    );
    expect(existsSync(join(project.scratch, 'won')), 'the attack found its second').toBe(true);
    expectLedgerHonest(project, 'KEEP!!!');
    expectKeepsReproduce(project);
  });
});

/** The branch's files at its tip, in the trees autoexp parked at it, are the files committed. */
function expectParkedTreesHoldTheBranch(project: Project, paths: readonly string[]): void {
  const { repo } = project;
  const tip = repo.git('rev-parse', BRANCH);
  const trees = repo
    .git('worktree', 'list', '--porcelain')
    .split('\n\n')
    .filter((entry) => entry.includes(`HEAD ${tip}`) && !entry.startsWith(`worktree ${repo.root}\n`))
    .map((entry) => entry.split('\n')[0]!.slice('worktree '.length));
  expect(trees.length, 'the parked branch tree').toBeGreaterThan(0);
  for (const tree of trees)
    for (const path of paths) {
      const committed = execFileSync('git', ['show', `${BRANCH}:${path}`], { cwd: repo.root });
      expect(readFileSync(join(tree, path)).equals(committed), `${path} in ${tree}`).toBe(true);
    }
}

/**
 * A proposal that forges every ledger file written in its second (same size, mtime put back): a
 * discard or invalid becomes "KEEP!!!". Each success is a line "<experiment> <file>" in $HOSTILE_DIR/won.
 */
const FORGE_LEDGER = `for file in ${LEDGER}/results.tsv $(ls -r ${LEDGER}/experiments/*.jsonl); do
  recorded=$(stat -c %Z "$file")
  if [ "$recorded" = "$(date +%s)" ] && grep -qE '(discard|invalid)' "$file"; then
    from='\\(discard\\|invalid\\)' to='KEEP!!!'
    ${FORGE_IN_PLACE.replace(/touch "\$HOSTILE_DIR\/won"/, 'echo "$AUTOEXP_EXPERIMENT $(basename "$file")" >> "$HOSTILE_DIR/won"')}
  fi
done
echo "x=$((1 + AUTOEXP_EXPERIMENT % 2))" > params.txt`;

describe('a ledger whose files lack their final newline', () => {
  it('results.tsv and the chunk committed without it: rows go on, and forgeries in their second never reach the branch', async () => {
    const project = hostileProject();
    const { repo } = project;
    await session(project, ['echo x=1 > params.txt'], { experiments: 1 });
    const tree = mkdtempSync(join(project.scratch, 'strip-'));
    repo.git('worktree', 'add', '--quiet', tree, BRANCH);
    execFileSync('bash', ['-c', `truncate -s -1 ${LEDGER}/results.tsv ${LEDGER}/experiments/0000.jsonl`], {
      cwd: tree,
    });
    git(tree, 'commit', '--quiet', '-am', 'no final newlines');
    repo.git('worktree', 'remove', '--force', tree);
    // Odd experiments forge, even ones only propose (and must stay valid).
    const attempt = `if [ $((AUTOEXP_EXPERIMENT % 2)) = 0 ]; then echo x=2 > params.txt; exit 0; fi\n${FORGE_LEDGER}`;
    await session(project, [undefined, ...Array.from({ length: 12 }, () => attempt)], { experiments: 12 });
    const won = existsSync(join(project.scratch, 'won'))
      ? readFileSync(join(project.scratch, 'won'), 'utf8')
      : '';
    expect(won, 'results.tsv forged in its second').toMatch(/^\d+ results\.tsv$/m);
    expect(won, 'the chunk forged in its second').toMatch(/^\d+ 0000\.jsonl$/m);
    expect(repo.git('log', '--oneline', '-S', 'KEEP!!!', BRANCH), 'commits with the forged text').toBe('');
    expect(ledgerRows(repo).map((row) => row.experiment)).toEqual(Array.from({ length: 14 }, (_, n) => n));
    // autoexp's own appends do not look forged to it: the proposals that forge nothing stay valid.
    const honest = ledgerRows(repo).filter((row) => row.experiment > 1 && row.experiment % 2 === 0);
    expect(honest.map((row) => row.status)).toEqual(Array(6).fill('discard'));
    expectParkedTreesHoldTheBranch(project, [`${LEDGER}/results.tsv`, `${LEDGER}/experiments/0000.jsonl`]);
  });
});

/**
 * Pads the branch's ledger with discard rows (copies of the last record) until it has `rows` rows, in
 * one commit, as if those experiments had run.
 */
async function padLedger(project: Project, rows: number): Promise<void> {
  const { repo } = project;
  const tree = mkdtempSync(join(project.scratch, 'pad-'));
  repo.git('worktree', 'add', '--quiet', tree, BRANCH);
  const ledger = await Ledger.open(join(tree, LEDGER), ['score']);
  const last = (await ledger.records()).at(-1)!;
  for (let experiment = ledger.nextExperiment(); experiment < rows; experiment++) {
    const row = {
      experiment,
      commit: last.commit,
      metrics: { score: 19 },
      status: 'discard' as const,
      description: `padding ${experiment}`,
    };
    await ledger.append(row, { ...last, ...row, metrics: { score: 19 }, reason: 'not better' });
  }
  git(tree, 'add', '-A');
  git(tree, 'commit', '--quiet', '-m', `padding to ${rows} rows`);
  repo.git('worktree', 'remove', '--force', tree);
}

describe('the full-chunk boundary (experiment 999 fills experiments/0000.jsonl)', () => {
  it('a proposer that rewrites a chunk (same size, mtime put back) in the second it was written, across 998-1007: the forgery never reaches the branch nor stays in the tree', async () => {
    // Each proposal forges the chunks written in its second, newest first: 0000 while open (998, 999),
    // 0000 full (1000, right after 999 filled it) and 0001 (new and open from 1001 on). A discard or
    // invalid record becomes "KEEP!!!". The experiment that counts most, 1000, has one chance per
    // project: up to three projects are tried.
    const attempt = `for file in $(ls -r ${LEDGER}/experiments/*.jsonl); do
  recorded=$(stat -c %Z "$file")
  if [ "$recorded" = "$(date +%s)" ] && grep -qE '"(discard|invalid)"' "$file"; then
    from='"\\(discard\\|invalid\\)"' to='"KEEP!!!"'
    ${FORGE_IN_PLACE.replace(/touch "\$HOSTILE_DIR\/won"/, 'echo "$AUTOEXP_EXPERIMENT $(basename "$file")" >> "$HOSTILE_DIR/won"')}
  fi
done
echo "x=$((1 + AUTOEXP_EXPERIMENT % 2))" > params.txt`;
    let won = '';
    let project: Project | undefined;
    for (let tries = 0; tries < 3 && !/^1000 0000\.jsonl$/m.test(won); tries++) {
      project = hostileProject();
      await session(project, [undefined], { experiments: 1 });
      await padLedger(project, 998);
      const steps = [
        ...Array.from({ length: 997 }, () => undefined),
        ...Array.from({ length: 10 }, () => attempt),
      ];
      await session(project, steps, { experiments: 10 });
      won = existsSync(join(project.scratch, 'won'))
        ? readFileSync(join(project.scratch, 'won'), 'utf8')
        : '';
    }
    expect(won, 'the full chunk forged in its second').toMatch(/^1000 0000\.jsonl$/m);
    expect(won, 'the new chunk forged in its second').toMatch(/^\d+ 0001\.jsonl$/m);
    const { repo } = project!;
    expect(repo.git('log', '--oneline', '-S', 'KEEP!!!', BRANCH), 'commits with the forged text').toBe('');
    expect(
      ledgerRows(repo)
        .map((row) => row.experiment)
        .slice(-3),
    ).toEqual([1005, 1006, 1007]);
    // The parked branch tree holds the chunks as committed (what Ledger.records() reads next time).
    expectParkedTreesHoldTheBranch(
      project!,
      ['0000', '0001'].map((chunk) => `${LEDGER}/experiments/${chunk}.jsonl`),
    );
  });
});

// ======================================================================================================

describe('files a run dates back itself', () => {
  it('a proposer dates the harness back (content unchanged); its eval, in the second autoexp committed the candidate, rewrites the harness with the same size and mtime: the entry comes back smudged, git compares it by content, and no keep is faked', async () => {
    const project = hostileProject();
    // The proposal leaves evaluate.sh as it is but for its mtime; autoexp's git records that mtime with
    // a ctime of now when it commits the candidate, and the entry is older than the index: not racy.
    const propose = `if [ -e "$HOSTILE_DIR/won" ]; then echo x=$((4 + AUTOEXP_EXPERIMENT % 3)) > params.txt; exit 0; fi
until n=$(date +%N) && [ $((10#\${n:0:2})) -ge 2 ] && [ $((10#\${n:0:2})) -lt 20 ]; do sleep 0.01; done
touch -m -d @1000000 evaluate.sh
echo "x=$((1 + AUTOEXP_EXPERIMENT % 2))" > params.txt`;
    const fake = 'echo \\"score: 1000\\"; exit 0';
    const evalAttack = `[ -e "$HOSTILE_DIR/won" ] && exit 0
file=evaluate.sh recorded=$(stat -c %Z evaluate.sh)
[ "$recorded" = "$(date +%s)" ] && [ "$(stat -c %Y evaluate.sh)" = 1000000 ] || exit 0
size=$(wc -c < evaluate.sh) fake="${fake}"
{ printf '%s\\n#' "$fake"; head -c $((size - \${#fake} - 3)) /dev/zero | tr '\\0' '#'; printf '\\n'; } > "$HOSTILE_DIR/fake"
cat "$HOSTILE_DIR/fake" > evaluate.sh
touch -m -d @1000000 evaluate.sh
[ "$(stat -c %Z evaluate.sh)" = "$recorded" ] && touch "$HOSTILE_DIR/won"`;
    await session(
      project,
      Array.from({ length: 12 }, () => propose),
      { evalAttack },
    );
    expect(existsSync(join(project.scratch, 'won')), 'the attack found its second').toBe(true);
    expectKeepsReproduce(project);
  });
});

describe('the index autoexp puts back', () => {
  it.each([
    ['2', 'sha1'],
    ['3', 'sha1'],
    ['4', 'sha1'],
    ['4', 'sha256'],
    ['3', 'sha256'],
  ])(
    'index version %s, %s: an entry dated back in the index second is smudged (git compares it by content), and skip flags are cleared',
    (version, format) => {
      const dir = mkdtempSync(join(tmpdir(), 'autoexp-index-'));
      const sh = (command: string) =>
        execFileSync('bash', ['-c', command], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, GIT_INDEX_VERSION: version },
        });
      sh(`git init -q --object-format=${format} && git config user.name t && git config user.email t@t
mkdir -p deep/er && echo one > deep/er/dated.txt && echo two > deep/er/fresh.txt && echo three > own.txt
git add -A && git commit -qm one
${version === '3' ? 'echo later > new.txt && git add -N new.txt' : ''}`);
      const index = join(dir, '.git', 'index');
      let second = 0;
      for (let attempt = 0; attempt < 20 && second === 0; attempt++) {
        sh('touch -m -d @1000000 deep/er/dated.txt own.txt && git update-index -q --refresh');
        const recorded = Math.floor(statSync(join(dir, 'deep/er/dated.txt')).ctimeMs / 1000);
        if (recorded === Math.floor(statSync(index).mtimeMs / 1000)) second = recorded;
      }
      expect(second, 'the entry was recorded in the index second').not.toBe(0);
      expect(readFileSync(index).readUInt32BE(4)).toBe(Number(version));
      writeFileSync(
        index,
        sanitizeIndex(readFileSync(index), second, (path) => path === 'own.txt'),
      );
      const sizes = sh('git ls-files --debug')
        .split(/\n(?=\S)/)
        .map((entry) => `${entry.split('\n')[0]} ${/size: (\d+)/.exec(entry)?.[1]}`);
      expect(sizes).toEqual([
        'deep/er/dated.txt 0',
        'deep/er/fresh.txt 4',
        ...(version === '3' ? ['new.txt 0'] : []),
        'own.txt 6',
      ]);
      // A valid index (its checksum), and the smudged file compared by content: unchanged.
      expect(sh('git status --porcelain')).toBe(version === '3' ? ' A new.txt\n' : '');
      // Flags that make git skip a file are gone.
      sh('git update-index --assume-unchanged deep/er/fresh.txt && git update-index --skip-worktree own.txt');
      expect(sh('git ls-files -v deep/er/fresh.txt own.txt')).toBe('h deep/er/fresh.txt\nS own.txt\n');
      writeFileSync(
        index,
        sanitizeIndex(readFileSync(index), 0, () => false),
      );
      expect(sh('git ls-files -v deep/er/fresh.txt own.txt')).toBe('H deep/er/fresh.txt\nH own.txt\n');
      expect(sh('git status --porcelain')).toBe(version === '3' ? ' A new.txt\n' : '');
    },
  );
});

// ======================================================================================================

describe("parked trees taken over on their index (the next session trusts git's stat data)", () => {
  it('an eval that forges the ledger in its commit second (same size, mtime put back), then turns ../eval.log into a directory (which stopped autoexp before it checked the run): the run is checked, and no session takes the forgery over', async () => {
    const project = hostileProject({ repeats: 2 });
    const honest = `echo "honest try $AUTOEXP_EXPERIMENT" > "$AUTOEXP_DESCRIPTION_FILE"
echo "x=$((1 + AUTOEXP_EXPERIMENT % 2))" > params.txt`;
    // In its first run, when results.tsv was committed in this second: "honest" becomes "FORGED" in
    // results.tsv and the chunk alike (a ledger that still reads), and ../eval.log (the branch tree's
    // log, beside it) becomes a directory, which made the second run's log fail to open. (The session
    // that stopped mid-run, its ledger files forged, is test/experiment-tree.test.ts's.)
    const evalAttack = `[ -e "$HOSTILE_DIR/won" ] && exit 0
file=${LEDGER}/results.tsv recorded=$(stat -c %Z "$file")
[ "$recorded" = "$(date +%s)" ] && grep -q honest "$file" || exit 0
for file in ${LEDGER}/results.tsv ${LEDGER}/experiments/0000.jsonl; do
  mtime=$(stat -c %Y "$file")
  sed 's/honest/FORGED/g' "$file" > "$HOSTILE_DIR/forged"
  cat "$HOSTILE_DIR/forged" > "$file"
  touch -m -d "@$mtime" "$file"
done
[ "$(stat -c %Z ${LEDGER}/results.tsv)" = "$recorded" ] || exit 0
touch "$HOSTILE_DIR/won"
rm -f ../eval.log && mkdir ../eval.log`;
    await session(
      project,
      Array.from({ length: 12 }, () => honest),
      { evalAttack },
    );
    expect(existsSync(join(project.scratch, 'won')), 'the attack found its second').toBe(true);
    // The next session takes the parked tree over (on its index).
    await session(
      project,
      Array.from({ length: 16 }, () => honest),
      { experiments: 2 },
    );
    expect(project.repo.git('log', '--oneline', '-S', 'FORGED', BRANCH), 'commits with the forged text').toBe(
      '',
    );
    expectParkedTreesHoldTheBranch(project, [`${LEDGER}/results.tsv`, `${LEDGER}/experiments/0000.jsonl`]);
  });
});

// ======================================================================================================

describe('workers: an eval that writes into the other worker’s tree', () => {
  it('sets assume-unchanged on the harness there and fakes it (idle, or between its verify and its commit): no faked keep, in this session or the next', async () => {
    const project = hostileProject({ workers: 2 });
    const honest = `echo "x=$((1 + AUTOEXP_EXPERIMENT % 2))" > params.txt`;
    const fake = 'echo \\"score: 1000\\"; exit 0';
    // Every other worker tree (not the branch's): the index flag hides the harness from git, in whatever
    // index autoexp seals next in that tree.
    const evalAttack = `own=$(git rev-parse --show-toplevel)
git worktree list --porcelain | sed -n 's/^worktree //p' | grep '/worker-[0-9]*/tree$' | while read -r tree; do
  [ "$tree" = "$own" ] && continue
  git -C "$tree" update-index --assume-unchanged evaluate.sh 2>/dev/null || continue
  printf '%s\\n' "${fake}" > "$tree/evaluate.sh"
  echo "$AUTOEXP_EXPERIMENT $tree" >> "$HOSTILE_DIR/planted"
done`;
    // Its git may hold that tree's index.lock just as autoexp commits there: the session may stop.
    await session(
      project,
      Array.from({ length: 16 }, () => honest),
      { evalAttack },
    ).catch(() => undefined);
    expect(existsSync(join(project.scratch, 'planted')), 'the attack planted the fake').toBe(true);
    // The next session takes the parked trees over (on their index, when it may trust it): nothing left.
    const next = ledgerRows(project.repo).length;
    await session(
      project,
      Array.from({ length: next + 4 }, () => honest),
      { experiments: 4 },
    );
    // Every proposal is worse than the baseline: any keep was measured with the fake harness.
    const kept = ledgerRows(project.repo).filter((row) => row.experiment > 0 && row.status === 'keep');
    expect(kept.map((row) => `${row.experiment} ${row.score}`)).toEqual([]);
    expect(project.repo.git('log', '--oneline', '-S', 'score: 1000', BRANCH, '--', 'evaluate.sh')).toBe('');
  });
});

// ======================================================================================================

describe('links to the ledger', () => {
  it.each([
    [
      'a proposer that swaps the results directory for a symlink to a forged copy',
      `if [ "$AUTOEXP_EXPERIMENT" = 2 ]; then
  cp -r ${LEDGER} "$HOSTILE_DIR/copy" && sed -i 's/discard/FORGED!/' "$HOSTILE_DIR/copy/results.tsv"
  rm -rf ${LEDGER} && ln -s "$HOSTILE_DIR/copy" ${LEDGER} && touch "$HOSTILE_DIR/won"
fi`,
      undefined,
    ],
    [
      'a proposer that hardlinks results.tsv from outside the tree, and a later eval that forges it through the link in its commit second',
      `[ "$AUTOEXP_EXPERIMENT" = 1 ] && ln ${LEDGER}/results.tsv "$HOSTILE_DIR/link"`,
      `link="$HOSTILE_DIR/link" recorded=$(stat -c %Z "$link")
[ -e "$HOSTILE_DIR/won" ] || [ "$recorded" != "$(date +%s)" ] || ! grep -q discard "$link" && exit 0
mtime=$(stat -c %Y "$link")
sed 's/discard/FORGED!/' "$link" > "$HOSTILE_DIR/forged" && cat "$HOSTILE_DIR/forged" > "$link"
touch -m -d "@$mtime" "$link"
[ "$(stat -c %Z "$link")" = "$recorded" ] && touch "$HOSTILE_DIR/won"`,
    ],
  ])('%s: never reaches the branch', async (_name, attack, evalAttack) => {
    const project = hostileProject();
    const step = `${attack}\necho "x=$((1 + AUTOEXP_EXPERIMENT % 2))" > params.txt`;
    await session(
      project,
      Array.from({ length: 24 }, () => step),
      evalAttack ? { evalAttack } : {},
    );
    expect(existsSync(join(project.scratch, 'won')), 'the attack found its moment').toBe(true);
    expectLedgerHonest(project, 'FORGED!');
    expectParkedTreesHoldTheBranch(project, [`${LEDGER}/results.tsv`, `${LEDGER}/experiments/0000.jsonl`]);
  });
});

describe('workers: an eval that writes into the branch’s tree while autoexp records', () => {
  it.each(['results.tsv', 'lessons.md'])(
    'forges %s there again and again (same size, mtime put back), as autoexp commits it: the forgery never reaches the branch',
    async (name) => {
      const project = hostileProject({ workers: 2 });
      // Each proposal notes a lesson, so that lessons.md is committed with every row.
      const honest = `echo "x=$((1 + AUTOEXP_EXPERIMENT % 2))" > params.txt
echo "- lesson $AUTOEXP_EXPERIMENT: discard the low x" >> "$AUTOEXP_LESSONS_FILE"`;
      // Odd experiments' evals, for a second and a half, every few milliseconds: whatever the file holds,
      // "discard" → "FORGED!". Even ones take 1.8 s, so that autoexp records each while an odd one forges.
      const evalAttack = `[ $((AUTOEXP_EXPERIMENT % 2)) = 0 ] && { sleep 1.8; exit 0; }
tree=$(git worktree list --porcelain | sed -n 's/^worktree //p' | grep '/quad/tree$')
end=$(($(date +%s%N) + 1500000000))
while [ "$(date +%s%N)" -lt "$end" ]; do
  file="$tree/${LEDGER}/${name}"
  mtime=$(stat -c %Y "$file") && sed 's/discard/FORGED!/' "$file" > "$HOSTILE_DIR/forged-$$" &&
    cat "$HOSTILE_DIR/forged-$$" > "$file" && touch -m -d "@$mtime" "$file" && echo "$AUTOEXP_EXPERIMENT" >> "$HOSTILE_DIR/won"
done`;
      // autoexp may stop: the commit did not hold what autoexp wrote, or git could not write or read a
      // file the eval was writing (git dies of SIGBUS when a file it maps is truncated). Its branch is as
      // last recorded either way.
      await session(
        project,
        Array.from({ length: 6 }, () => honest),
        { evalAttack },
      ).catch(() => undefined);
      expect(existsSync(join(project.scratch, 'won')), 'the attack wrote the forgery').toBe(true);
      expectLedgerHonest(project, 'FORGED!');
    },
  );
});

describe('workers: the record that fills a chunk', () => {
  it('an eval that forges experiments/0000.jsonl in the branch’s tree while autoexp records experiment 999: the forgery never reaches the branch', async () => {
    const project = hostileProject({ workers: 2 });
    await session(project, [undefined], { experiments: 1 });
    await padLedger(project, 998);
    const honest = `echo "x=$((1 + AUTOEXP_EXPERIMENT % 2))" > params.txt`;
    // Even experiments' evals forge the chunk for a second and a half; odd ones take 1.8 s, so that
    // autoexp records 999 (the chunk's last record) while 1000's eval forges.
    const evalAttack = `[ $((AUTOEXP_EXPERIMENT % 2)) = 1 ] && { sleep 1.8; exit 0; }
tree=$(git worktree list --porcelain | sed -n 's/^worktree //p' | grep '/quad/tree$')
file="$tree/${LEDGER}/experiments/0000.jsonl"
end=$(($(date +%s%N) + 1500000000))
while [ "$(date +%s%N)" -lt "$end" ]; do
  mtime=$(stat -c %Y "$file") && sed 's/"discard"/"FORGED!"/' "$file" > "$HOSTILE_DIR/forged-$$" &&
    cat "$HOSTILE_DIR/forged-$$" > "$file" && touch -m -d "@$mtime" "$file" && echo "$AUTOEXP_EXPERIMENT" >> "$HOSTILE_DIR/won"
done`;
    const steps = [
      ...Array.from({ length: 997 }, () => undefined),
      ...Array.from({ length: 4 }, () => honest),
    ];
    // autoexp may stop: the commit did not hold what autoexp wrote, or git died reading a file the eval
    // was truncating (SIGBUS). Its branch is as last recorded either way.
    await session(project, steps, { experiments: 4, evalAttack }).catch(() => undefined);
    expect(existsSync(join(project.scratch, 'won')), 'the attack wrote the forgery').toBe(true);
    expect(
      project.repo.git('log', '--oneline', '-S', 'FORGED!', BRANCH),
      'commits with the forged text',
    ).toBe('');
  });
});
