// Hostile proposers and evals against git's stat checks: the ledger's open files, which autoexp dates
// two seconds back when it commits them and checks by content itself, and the index autoexp puts back
// with the time it was sealed with. git here compares file times in whole seconds: a same-size rewrite
// made in the second git recorded, with the mtime put back, looks unchanged to git unless the entry is
// "racily clean" (its mtime no older than the index file). Every attack here that needs its second
// retries until it finds it and asserts that it did.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectLedgerWholeIn, session, type Project } from './helpers/hostile-project.js';
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

function config(options: { workers?: number; modify?: string[] } = {}): string {
  return `tag: quad
${options.workers ? `workers: ${options.workers}\n` : ''}scope:
  modify: [${(options.modify ?? ['params.txt']).join(', ')}]
eval:
  command: bash evaluate.sh
  timeout: 20s
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

function hostileProject(options: { workers?: number; modify?: string[] } = {}): Project {
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

interface Row {
  experiment: number;
  commit: string;
  score: string;
  status: string;
  description: string;
}

function ledgerRows(repo: TestRepo): Row[] {
  const [, ...lines] = repo.git('show', `${BRANCH}:${LEDGER}/results.tsv`).split('\n');
  return lines
    .filter((line) => line !== '')
    .map((line) => {
      const [experiment, commit, score, status, description] = line.split('\t');
      return {
        experiment: Number(experiment),
        commit: commit!,
        score: score!,
        status: status!,
        description: description!,
      };
    });
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
  expect(repo.git('log', '-p', BRANCH, '--', LEDGER), 'the ledger history').not.toContain(forged);
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
