// The pure parts of the program's memory and stops: lessons.md, what the ledger shows, program.json's
// decisions, the feedback and lessons files as untrusted input, `stop:` in autoexp.yml, and which PR
// comments resume a paused program.
import { mkdtempSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitResumeRequests } from '../src/action/main.js';
import type { ReviewerNote } from '../src/action/github.js';
import { ConfigError } from '../src/config/errors.js';
import { parseSettings } from '../src/config/load.js';
import type { ExperimentRecord, LedgerRow } from '../src/ledger/types.js';
import { FEEDBACK_BYTES, readFeedback, withFeedbackFile } from '../src/measure/feedback-file.js';
import { ledgerFacts, numericChanges } from '../src/memory/ledger-facts.js';
import {
  addLessons,
  LESSONS_KEPT,
  lessonOfReply,
  lessonsForPrompt,
  parseLedgerFacts,
  parseLessons,
  renderLessons,
} from '../src/memory/lessons.js';
import { readAddedLessons } from '../src/memory/lessons-file.js';
import { lessonsReportSection } from '../src/report/memory-section.js';
import {
  plateauLength,
  programAfterRecord,
  programAtStart,
  programStatus,
  type PauseRecord,
  type ProgramState,
} from '../src/session/program-stop.js';

const CONFIG = `tag: demo
scope:
  modify: [params.json]
eval:
  command: node evaluate.js
metrics:
  - name: score
    goal: maximize
`;

function parse(extra: string) {
  return parseSettings(`${CONFIG}${extra}`, {
    fileName: 'autoexp.yml',
    configPath: '/repo/autoexp.yml',
    readProgram: () => undefined,
  });
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'autoexp-memory-'));
}

describe('lessons.md', () => {
  it('reads back what it wrote, cleaning every line again', () => {
    const text = renderLessons('autoexp/demo', {
      facts: ['3 tries raised x in a.yaml (to 4–6); none was kept (3 discarded)'],
      noted: [{ experiment: 2, text: 'x above 5 overshoots' }, { text: 'a person added this' }],
    });
    expect(parseLessons(text)).toEqual([
      { experiment: 2, text: 'x above 5 overshoots' },
      { text: 'a person added this' },
    ]);
    expect(parseLedgerFacts(text)).toEqual([
      '3 tries raised x in a.yaml (to 4–6); none was kept (3 discarded)',
    ]);
    const edited = text.replace('x above 5 overshoots', 'evil \u001b[2J\u202eline');
    expect(parseLessons(edited)[0]).toEqual({ experiment: 2, text: 'evil line' });
  });

  it('adds at most three new lessons per experiment, skips repeats, and keeps the newest sixty', () => {
    let noted = addLessons([], 1, ['Lesson: first', '- second', 'FIRST', '', 'third', 'fourth']);
    expect(noted.map((lesson) => lesson.text)).toEqual(['first', 'second', 'third']);
    for (let experiment = 2; experiment < 100; experiment++)
      noted = addLessons(noted, experiment, [`l${experiment}`]);
    expect(noted).toHaveLength(LESSONS_KEPT);
    expect(noted.at(-1)).toEqual({ experiment: 99, text: 'l99' });
    expect(noted[0]).toEqual({ experiment: 40, text: 'l40' });
  });

  it('shows the facts and the newest lessons that fit in a prompt, never above the size stated', () => {
    const noted = Array.from({ length: 60 }, (_, index) => ({
      experiment: index + 1,
      text: `${'w'.repeat(200)} ${index + 1}`,
    }));
    const shown = lessonsForPrompt({ facts: ['a fact'], noted });
    expect(Buffer.byteLength(shown)).toBeLessThanOrEqual(4096);
    expect(shown).toMatch(
      /^From the ledger:\n- a fact\n\nNoted by earlier proposers \(oldest first\):\n- \(\d+ older lessons not shown; all are in lessons\.md\)/,
    );
    expect(shown).toContain(`${'w'.repeat(200)} 60`);
    expect(shown).not.toContain(`${'w'.repeat(200)} 1\n`);
    expect(lessonsForPrompt({ facts: [], noted: [] })).toBe('');
    for (const max of [100, 300, 1000])
      expect(Buffer.byteLength(lessonsForPrompt({ facts: ['a fact'], noted }, max))).toBeLessThanOrEqual(max);
  });

  it('reads the Lesson line of an llm reply, not one inside an edit block', () => {
    const reply = [
      'Hypothesis: lower the rate',
      '',
      'notes.md',
      '```md',
      '<<<<<<< SEARCH',
      'Lesson: inside a file',
      '=======',
      'Lesson: still inside',
      '>>>>>>> REPLACE',
      '```',
      '**Lesson:** rates above 0.3 diverge',
    ].join('\n');
    expect(lessonOfReply(reply)).toBe('rates above 0.3 diverge');
    expect(lessonOfReply('Hypothesis: x')).toBeUndefined();
  });

  it('puts each lesson in the PR body as a code span', () => {
    const section = lessonsReportSection({
      facts: [],
      noted: [{ experiment: 3, text: '@octocat fixes #12 [x](http://e.x)' }],
    });
    expect(section).toContain('- `#3: @octocat fixes #12 [x](http://e.x)`');
  });
});

describe('what the ledger shows', () => {
  const record = (
    experiment: number,
    status: ExperimentRecord['status'],
    from: number,
    to: number,
  ): ExperimentRecord =>
    ({
      experiment,
      status,
      patch: `diff --git a/params.yaml b/params.yaml\n--- a/params.yaml\n+++ b/params.yaml\n@@ -1,2 +1,2 @@\n-alpha: ${from}\n+alpha: ${to}\n beta: 1\n`,
    }) as ExperimentRecord;

  it('finds the one number a line changed, and its name, in YAML, JSON and code', () => {
    const patch = [
      '--- a/p.json',
      '+++ b/p.json',
      '@@ -1,3 +1,3 @@',
      '-  "rate": 0.25,',
      '+  "rate": 0.3,',
      '-const MAX_DEPTH = 4; // v2',
      '+const MAX_DEPTH = 6; // v2',
      '-a = 1, b = 2',
      '+a = 2, b = 3',
    ].join('\n');
    expect(numericChanges(patch)).toEqual([
      { file: 'p.json', name: 'rate', from: 0.25, to: 0.3 },
      { file: 'p.json', name: 'MAX_DEPTH', from: 4, to: 6 },
    ]);
  });

  it('says only what the records prove: how often a direction was tried, and how far a keep went', () => {
    const facts = ledgerFacts([
      { experiment: 0, status: 'keep', patch: '' } as ExperimentRecord,
      record(1, 'keep', 2.5, 2.7),
      record(2, 'discard', 2.7, 2.9),
      record(3, 'discard', 2.7, 3.2),
      record(4, 'crash', 2.7, 3.0),
      record(5, 'discard', 2.7, 2.1),
      record(6, 'discard', 2.7, 2.2),
      record(7, 'invalid', 2.7, 9),
    ]);
    expect(facts).toEqual([
      '1 of 4 tries that raised alpha in params.yaml (to 2.7–3.2) were kept (#1); none of the 3 that went above 2.7 was kept',
      '2 tries lowered alpha in params.yaml (to 2.1–2.2); none was kept (2 discarded)',
    ]);
  });
});

describe('stop.target and stop.plateau', () => {
  const settings = parse('stop:\n  target: 90\n  plateau: 2\n');
  const row = (experiment: number, status: LedgerRow['status'], score?: number): LedgerRow => ({
    experiment,
    commit: `c${experiment}`,
    metrics: { score },
    status,
    description: '',
  });
  const now = { configSha256: 'c', programSha256: 'p', base: 'b' };
  const pause: PauseRecord = {
    experiments: 5,
    timestamp: '2026-01-01T00:00:00Z',
    reason: '2 experiments in a row without a keep (stop.plateau: 2)',
    config_sha256: 'c',
    program_sha256: 'p',
    base: 'b',
  };

  it('finishes when a keep reaches the target in its goal direction, a discard does not count', () => {
    const rows = [row(0, 'keep', 50), row(1, 'discard', 95), row(2, 'keep', 90)];
    expect(programAtStart({ settings, rows: rows.slice(0, 2), state: {}, now }).halt).toBeUndefined();
    expect(programAtStart({ settings, rows, state: {}, now }).halt?.message).toMatch(
      /^target reached: score 90 ≥ 90/,
    );
    const minimize = parse('').metrics[0]!;
    minimize.goal = 'minimize';
    const low = { ...settings, metrics: [minimize], stop: { target: 10 } };
    expect(
      programAtStart({ settings: low, rows: [row(0, 'keep', 12)], state: {}, now }).halt,
    ).toBeUndefined();
    expect(programAtStart({ settings: low, rows: [row(0, 'keep', 9)], state: {}, now }).halt?.kind).toBe(
      'target-reached',
    );
  });

  it('counts experiments without a keep from the last keep or resume, and pauses at the limit', () => {
    const rows = [row(0, 'keep', 1), row(1, 'keep', 2), row(2, 'crash'), row(3, 'discard', 1)];
    expect(plateauLength(rows)).toBe(2);
    expect(plateauLength(rows, 3)).toBe(1);
    const halt = programAfterRecord({ settings, rows, state: {}, now, timestamp: 'T' });
    expect(halt).toMatchObject({ kind: 'paused', pause: { experiments: 4, base: 'b', timestamp: 'T' } });
    expect(
      programAfterRecord({
        settings,
        rows,
        state: { resumed: { experiments: 3, timestamp: 'T', why: 'x' } },
        now,
        timestamp: 'T',
      }),
    ).toBeUndefined();
  });

  it('stays paused until autoexp.yml, program.md or base change, or a resume request comes after the pause', () => {
    const rows = [row(0, 'keep', 1)];
    const at = (changes: Partial<typeof now>, requests = [] as { author: string; createdAt: string }[]) =>
      programAtStart({
        settings,
        rows,
        state: { paused: pause },
        now: { ...now, ...changes },
        resumeRequests: requests,
      });
    expect(at({}).halt?.kind).toBe('paused');
    expect(at({}).halt?.message).toContain('/autoexp resume');
    expect(at({ configSha256: 'd' }).resumed).toBe('autoexp.yml changed');
    expect(at({ programSha256: 'q' }).resumed).toBe('program.md changed');
    expect(at({ base: 'e' }).resumed).toBe('base moved');
    expect(at({}, [{ author: 'old', createdAt: '2025-12-31T00:00:00Z' }]).halt?.kind).toBe('paused');
    expect(at({}, [{ author: 'octocat', createdAt: '2026-01-02T00:00:00Z' }]).resumed).toBe(
      '/autoexp resume by octocat',
    );
  });

  it('tells status whether the program is finished, paused, or resumes at the next run', () => {
    const status = (state: ProgramState, rows = [row(0, 'keep', 1)], changes: Partial<typeof now> = {}) =>
      programStatus({ settings, rows, state, now: { configSha256: 'c', programSha256: 'p', ...changes } });
    expect(status({})).toBeUndefined();
    expect(status({}, [row(0, 'keep', 95)])).toMatchObject({
      state: 'finished',
      message: expect.stringMatching(/^target reached: score 95 ≥ 90/),
    });
    expect(status({ paused: pause })).toMatchObject({
      state: 'paused',
      message: expect.stringContaining('2 experiments in a row without a keep'),
    });
    expect(status({ paused: pause }, undefined, { configSha256: 'd' })).toEqual({
      state: 'resumes',
      message:
        'paused: 2 experiments in a row without a keep (stop.plateau: 2); the next run resumes it (autoexp.yml changed)',
    });
  });

  it('reads stop: from autoexp.yml, with errors that name the key and its line', () => {
    expect(parse('stop:\n  target: 0.95\n  plateau: 30\n').stop).toEqual({ target: 0.95, plateau: 30 });
    expect(parse('').stop).toBeUndefined();
    let error: ConfigError | undefined;
    try {
      parse('stop:\n  target: high\n  plateau: 0\n  platau: 3\n');
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((problem) => [problem.keyPath, problem.line, problem.message])).toEqual([
      ['stop.target', 10, 'expected a number, got "high"'],
      ['stop.plateau', 11, 'expected an integer >= 1, got the number 0'],
      ['stop.platau', 12, expect.stringContaining('did you mean "plateau"')],
    ]);
  });
});

describe('AUTOEXP_FEEDBACK_FILE as untrusted input', () => {
  it('keeps the start, cleaned, within 8 KiB, and removes its directory', async () => {
    const dir = scratch();
    const { result, feedback } = await withFeedbackFile(dir, async (path) => {
      writeFileSync(path, `case 1 failed\u001b[31m\r\n${'z'.repeat(100_000)}`);
      return 'ran';
    });
    expect(result).toBe('ran');
    expect(feedback.startsWith('case 1 failed\nzzz')).toBe(true);
    expect(Buffer.byteLength(feedback)).toBeLessThanOrEqual(FEEDBACK_BYTES);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads nothing through a symbolic link, from a FIFO or from a directory', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'secret'), 'TOP SECRET');
    symlinkSync(join(dir, 'secret'), join(dir, 'link'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    mkdirSync(join(dir, 'sub'));
    for (const name of ['link', 'fifo', 'sub', 'missing'])
      expect(await readFeedback(join(dir, name))).toBe('');
  });
});

describe('AUTOEXP_LESSONS_FILE as untrusted input', () => {
  it('takes only the lines a proposer added, also when it rewrote the file', async () => {
    const dir = scratch();
    const original = '# Lessons\n\n- #1: old one\n';
    writeFileSync(join(dir, 'l.md'), `- #1: old one\n# a heading\n\nnew one\n- another\n`);
    expect(await readAddedLessons(join(dir, 'l.md'), original)).toEqual(['new one', '- another']);
    symlinkSync(join(dir, 'l.md'), join(dir, 'link.md'));
    expect(await readAddedLessons(join(dir, 'link.md'), original)).toEqual([]);
  });
});

describe('/autoexp resume on the summary PR', () => {
  const note = (body: string, kind: ReviewerNote['kind'] = 'comment'): ReviewerNote => ({
    author: 'octocat',
    association: 'OWNER',
    body,
    createdAt: '2026-01-01T00:00:00Z',
    url: 'https://github.com/o/r/pull/1#c',
    kind,
  });

  it('is the command alone on the first line of a conversation comment; other notes stay notes', () => {
    const { notes, resumeRequests } = splitResumeRequests([
      note('/autoexp resume'),
      note('  /AUTOEXP Resume  \nthanks'),
      note('please /autoexp resume'),
      note('/autoexp resumed'),
      note('/autoexp resume', 'review-comment'),
    ]);
    expect(resumeRequests).toHaveLength(2);
    expect(notes.map((item) => item.body)).toEqual([
      'please /autoexp resume',
      '/autoexp resumed',
      '/autoexp resume',
    ]);
  });
});
