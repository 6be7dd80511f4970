// The program's memory and its stops through real sessions: real git, real eval and proposer processes.
// lessons.md survives sessions and reaches the next prompt; what a hostile command proposer does to
// AUTOEXP_LESSONS_FILE is cleaned, bounded or dropped; stop.target ends the program and stop.plateau pauses
// it (neither later run starts an eval); AUTOEXP_FEEDBACK_FILE reaches the next prompt, with the network
// off too.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonl } from '../src/ledger/jsonl.js';
import { runSession, type SessionOptions } from '../src/session/session.js';
import { EVALUATE_SH, createProject, projectConfig, projectSettings, planFile } from './helpers/project.js';
import { outsidePrivateDirs } from './helpers/processes.js';
import { GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';

/**
 * A command proposer driven by a plan: line N is `X [lesson…]` (set x=X, append the lesson to
 * AUTOEXP_LESSONS_FILE) or one of the hostile actions below. It copies every prompt to $AUTOEXP_CAPTURE.
 */
const PROPOSE_SH = `#!/usr/bin/env bash
set -eu
cp "$AUTOEXP_PROMPT_FILE" "$AUTOEXP_CAPTURE/prompt-$AUTOEXP_EXPERIMENT.md"
action=$(sed -n "\${AUTOEXP_EXPERIMENT}p" "$AUTOEXP_PLAN")
case "$action" in
  escape)
    echo "x=6" > params.txt
    printf 'colour \\033[31mred\\033[0m \\033]0;pwned\\007title \\342\\200\\256reversed\\r\\n' >> "$AUTOEXP_LESSONS_FILE" ;;
  huge)
    echo "x=7" > params.txt
    head -c 1048576 /dev/zero | tr '\\0' 'a' >> "$AUTOEXP_LESSONS_FILE"
    printf '\\nafter the megabyte\\n' >> "$AUTOEXP_LESSONS_FILE" ;;
  many)
    echo "x=4" > params.txt
    for i in 1 2 3 4 5 6; do echo "lesson number $i" >> "$AUTOEXP_LESSONS_FILE"; done ;;
  outside)
    echo "x=9" > params.txt
    echo "a lesson from a proposal out of scope" >> "$AUTOEXP_LESSONS_FILE"
    echo "- #1: planted in the tree" >> .autoexp/quad/lessons.md ;;
  symlink)
    echo "x=2" > params.txt
    rm -f "$AUTOEXP_LESSONS_FILE"; ln -s "$AUTOEXP_SECRET_FILE" "$AUTOEXP_LESSONS_FILE" ;;
  *)
    x=\${action%% *}
    echo "x=$x" > params.txt
    echo "try x=$x" > "$AUTOEXP_DESCRIPTION_FILE"
    if [ "$x" != "$action" ]; then echo "\${action#* }" >> "$AUTOEXP_LESSONS_FILE"; fi ;;
esac
`;

function project(options: { config?: string; evaluate?: string } = {}): TestRepo {
  return createProject({
    config: options.config ?? projectConfig(),
    files: { 'propose.sh': PROPOSE_SH, ...(options.evaluate ? { 'evaluate.sh': options.evaluate } : {}) },
  });
}

async function session(
  repo: TestRepo,
  actions: string[],
  capture: string,
  overrides: Partial<SessionOptions> & { env?: Record<string, string> } = {},
) {
  const settings = await projectSettings(repo);
  const { env, ...rest } = overrides;
  return runSession({
    settings,
    checkout: repo.root,
    baseRef: 'main',
    env: {
      ...process.env,
      ...GIT_IDENTITY_ENV,
      AUTOEXP_PLAN: planFile(actions),
      AUTOEXP_CAPTURE: capture,
      ...env,
    },
    signal: new AbortController().signal,
    ...rest,
  });
}

function captureDir(): string {
  return mkdtempSync(join(tmpdir(), 'autoexp-capture-'));
}

function onBranch(repo: TestRepo, file: string): string {
  return repo.git('show', `autoexp/quad:.autoexp/quad/${file}`);
}

function records(repo: TestRepo) {
  return parseJsonl(onBranch(repo, 'experiments/0000.jsonl'), 'log');
}

describe('lessons.md', () => {
  it('keeps what proposers noted and what the ledger shows, committed with the ledger, and shows it in the next session', async () => {
    const repo = project();
    const capture = captureDir();
    const first = await session(repo, ['5 small x pays', '12 x above 10 overshoots', '14', '15'], capture, {
      experiments: 4,
    });
    expect(first.outcomes.map((outcome) => outcome.row.status)).toEqual([
      'keep',
      'keep',
      'discard',
      'discard',
    ]);
    // Every ledger commit holds lessons.md: the one that recorded #2 has #2's lesson.
    const lessons = onBranch(repo, 'lessons.md');
    expect(lessons).toContain('## Noted by proposers\n\n- #1: small x pays\n- #2: x above 10 overshoots');
    expect(lessons).toContain(
      '- 2 of 4 tries that raised x in params.txt (to 5–15) were kept (#1, #2); none of the 2 that went above 12 was kept',
    );
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(records(repo)[1]?.lessons).toEqual(['small x pays']);
    // Within the session: #3's prompt already shows the lessons of #1 and #2.
    const third = readFileSync(join(capture, 'prompt-3.md'), 'utf8');
    expect(third).toContain('## Lessons so far (lessons.md)');
    expect(third).toContain('- #2: x above 10 overshoots');
    expect(third).toMatch(/append one line to \/.*lessons\.md/);

    const second = captureDir();
    await session(repo, ['', '', '', '', '11'], second, { experiments: 1 });
    const prompt = readFileSync(join(second, 'prompt-5.md'), 'utf8');
    expect(prompt).toContain('- #1: small x pays\n- #2: x above 10 overshoots');
    expect(prompt).toContain('- 2 of 4 tries that raised x in params.txt (to 5–15) were kept (#1, #2)');
  });

  it('cleans and bounds what a hostile proposer appends, reads nothing through a symbolic link, and drops the lessons of a proposal out of scope', async () => {
    const repo = project();
    const capture = captureDir();
    const secret = join(mkdtempSync(join(tmpdir(), 'autoexp-secret-')), 'secret.txt');
    writeFileSync(secret, 'TOP SECRET CONTENT\n');
    const result = await session(repo, ['escape', 'huge', 'many', 'outside', 'symlink'], capture, {
      experiments: 5,
      env: { AUTOEXP_SECRET_FILE: secret },
    });
    expect(result.outcomes.map((outcome) => outcome.row.status)).toEqual([
      'keep',
      'keep',
      'discard',
      'invalid',
      'discard',
    ]);
    expect(result.outcomes[3]?.record.reason).toContain('.autoexp/quad/lessons.md');
    const lessons = onBranch(repo, 'lessons.md');
    const noted = lessons.slice(lessons.indexOf('## Noted by proposers'));
    // No escape sequence, no carriage return, no bidi control survives.
    expect(noted).toContain('- #1: colour red title reversed');
    for (const character of ['\u001b', '\u0007', '\r', '\u202e']) expect(lessons).not.toContain(character);
    // A megabyte line is read only in part and cut to one bounded lesson.
    const huge = noted.split('\n').find((line) => line.startsWith('- #2: aaa'))!;
    expect(Array.from(huge.slice('- #2: '.length)).length).toBeLessThanOrEqual(300);
    // At most three lessons per experiment.
    expect(noted).toContain('- #3: lesson number 3');
    expect(noted).not.toContain('lesson number 4');
    // The invalid proposal's lesson and planted line are gone; the symbolic link was not followed.
    expect(lessons).not.toContain('out of scope');
    expect(lessons).not.toContain('planted in the tree');
    expect(lessons).not.toContain('TOP SECRET');
    expect(records(repo)[5]?.lessons).toBeUndefined();
    expect(Buffer.byteLength(lessons)).toBeLessThan(8 * 1024);
  });
});

describe('stop.target', () => {
  it('ends the program once reached: the next run starts no eval, creates no tree and says why', async () => {
    const marker = mkdtempSync(join(tmpdir(), 'autoexp-ran-'));
    const config = projectConfig({ body: 'stop:\n  target: 96\n' }).replace(
      'command: bash evaluate.sh',
      `command: touch ${marker}/ran-$RANDOM$RANDOM; bash evaluate.sh`,
    );
    const repo = project({ config });
    const first = await session(repo, ['8', '9', '10'], captureDir(), { experiments: 3 });
    expect(first.stopReason).toBe('target-reached');
    expect(first.outcomes.map((outcome) => outcome.row.status)).toEqual(['keep']);
    expect(first.halt?.message).toMatch(/^target reached: score 96 ≥ 96 \(stop\.target\) at #1/);
    const evalsBefore = readdirSync(marker).length;
    const head = repo.git('rev-parse', 'autoexp/quad');

    const trees = process.env.AUTOEXP_TREES!;
    const treesBefore = readdirSync(trees, { recursive: true }).length;
    const second = await session(repo, ['', '9'], captureDir());
    expect(second.stopReason).toBe('target-reached');
    expect(second.outcomes).toEqual([]);
    expect(second.halt?.kind).toBe('target-reached');
    expect(readdirSync(marker)).toHaveLength(evalsBefore);
    expect(readdirSync(trees, { recursive: true }).length).toBeLessThanOrEqual(treesBefore);
    expect(repo.git('rev-parse', 'autoexp/quad')).toBe(head);
    rmSync(marker, { recursive: true, force: true });
  });
});

describe('stop.plateau', () => {
  it('pauses after that many experiments without a keep, across sessions, until program.md changes or a resume request comes', async () => {
    const marker = mkdtempSync(join(tmpdir(), 'autoexp-ran-'));
    const config = projectConfig({ body: 'stop:\n  plateau: 3\n' }).replace(
      'command: bash evaluate.sh',
      `command: touch ${marker}/ran-$RANDOM$RANDOM; bash evaluate.sh`,
    );
    const repo = project({ config });
    const plan = ['5', '1', '2', '0', '1', '8', '9', '2', '1', '0'];
    // Two discards in the first session, the third in the second: the plateau spans sessions.
    const first = await session(repo, plan, captureDir(), { experiments: 3 });
    expect(first.outcomes.map((outcome) => outcome.row.status)).toEqual(['keep', 'discard', 'discard']);
    const second = await session(repo, plan, captureDir(), { experiments: 3 });
    expect(second.stopReason).toBe('paused');
    expect(second.outcomes.map((outcome) => outcome.row.experiment)).toEqual([4]);
    expect(second.halt?.message).toMatch(
      /^paused: 3 experiments in a row without a keep \(stop\.plateau: 3\)/,
    );
    const state = JSON.parse(onBranch(repo, 'program.json')) as {
      paused: { experiments: number; base: string };
    };
    expect(state.paused.experiments).toBe(5);
    expect(state.paused.base).toBe(repo.git('rev-parse', 'main'));

    // Paused: no eval, nothing recorded, however often it is started.
    const evals = readdirSync(marker).length;
    const paused = await session(repo, plan, captureDir(), { experiments: 3 });
    expect(paused.stopReason).toBe('paused');
    expect(readdirSync(marker)).toHaveLength(evals);
    // A resume request made before the pause does not count; one made after it does.
    const before = await session(repo, plan, captureDir(), {
      resumeRequests: [{ author: 'octocat', createdAt: '2001-01-01T00:00:00Z' }],
    });
    expect(before.stopReason).toBe('paused');
    const resumedByRequest = await session(repo, plan, captureDir(), {
      experiments: 1,
      resumeRequests: [{ author: 'octocat', createdAt: new Date(Date.now() + 1000).toISOString() }],
    });
    expect(resumedByRequest.stopReason).toBe('experiments');
    expect(resumedByRequest.outcomes.map((outcome) => outcome.row.experiment)).toEqual([5]);
    expect(JSON.parse(onBranch(repo, 'program.json'))).toMatchObject({
      resumed: { experiments: 5, why: '/autoexp resume by octocat' },
    });
    // Counted afresh since the resume: keeps reset it, three discards in a row pause it again.
    const again = await session(repo, plan, captureDir(), { experiments: 9 });
    expect(again.outcomes.map((outcome) => outcome.row.status)).toEqual([
      'keep',
      'keep',
      'discard',
      'discard',
      'discard',
    ]);
    expect(again.stopReason).toBe('paused');

    // A new program.md on base lifts the pause.
    repo.write('program.md', 'Try x near 10.\n');
    repo.commitAll('strategy');
    const resumed = await session(repo, [...plan, '10'], captureDir(), { experiments: 1 });
    expect(resumed.stopReason).toBe('experiments');
    expect(resumed.outcomes).toHaveLength(1);
    expect(JSON.parse(onBranch(repo, 'program.json'))).toMatchObject({
      resumed: { why: 'program.md changed' },
    });
    rmSync(marker, { recursive: true, force: true });
  });
});

describe('AUTOEXP_FEEDBACK_FILE', () => {
  const FEEDBACK_EVAL = EVALUATE_SH.replace(
    'echo "score:',
    [
      'printf "failing case: x=%s\\033[2J\\n" "$x" >> "$AUTOEXP_FEEDBACK_FILE"',
      'head -c 20000 /dev/zero | tr "\\0" "b" >> "$AUTOEXP_FEEDBACK_FILE"',
      'echo "score:',
    ].join('\n'),
  );

  for (const network of ['on', 'off'] as const) {
    it(`reaches the next prompt beside its experiment, cleaned and bounded, with the output tail of a discard (network: ${network})`, async () => {
      // With the network off, /tmp is private to the eval; the feedback file must still be reachable.
      const capture = mkdtempSync(join(network === 'off' ? outsidePrivateDirs() : tmpdir(), 'capture-'));
      const repo = project({
        config: projectConfig({ evalLines: `  network: ${network}` }),
        evaluate: FEEDBACK_EVAL,
      });
      await session(repo, ['5', '1', '8'], capture, { experiments: 3 });
      const log = records(repo);
      // The baseline's own feedback is kept too (x=3, the unchanged code).
      expect(log[0]?.feedback).toMatch(/^failing case: x=3\n/);
      expect(log[2]?.status).toBe('discard');
      expect(log[2]?.feedback).toMatch(/^failing case: x=1\nbbbb/);
      expect(log[2]?.feedback).not.toContain('\u001b');
      expect(Buffer.byteLength(log[2]!.feedback!)).toBeLessThanOrEqual(8 * 1024);
      expect(log[2]?.output_tail).toContain('score: 19');
      const prompt = readFileSync(join(capture, 'prompt-3.md'), 'utf8');
      expect(prompt).toContain('## What recent evals said');
      expect(prompt).toContain('#2 discard');
      expect(prompt).toContain('failing case: x=1');
      expect(prompt).toContain('Its last output lines:');
      // Nothing of the feedback directory is left in the tree or on the branch.
      expect(repo.git('ls-tree', '-r', '--name-only', 'autoexp/quad')).not.toContain('.autoexp-feedback');
      rmSync(capture, { recursive: true, force: true });
    });
  }
});
