// src/text: untrusted text made plain (untrusted.ts), and kept from acting in markdown (markdown.ts), in
// commit messages (commit-message.ts) and in the runner's log (workflow-log.ts); the runner's files put
// back after an untrusted run (src/action/runner-files.ts).
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  appendFileSync,
  lstatSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotRunnerFiles } from '../src/action/runner-files.js';
import { cleanDescription } from '../src/ledger/tsv.js';
import type { ExperimentRecord } from '../src/ledger/types.js';
import { cleanEnvironment, secretValues, withoutGitHubSecrets } from '../src/measure/environment.js';
import { inertCommitText } from '../src/text/commit-message.js';
import { markdownCell, markdownCode } from '../src/text/markdown.js';
import { cleanRecordText } from '../src/text/record.js';
import { cleanBlock, cleanLine, TEXT_LIMITS } from '../src/text/untrusted.js';
import { annotationText, escapeRunnerLine, runnerText } from '../src/text/workflow-log.js';
import { HOSTILE, UNSAFE_CHARACTERS } from './helpers/hostile-text.js';
import { tableCells, textOutsideCode } from './helpers/markdown-code.js';
import { readLikeRunner } from './helpers/workflow-commands.js';

describe('cleanLine', () => {
  it('turns line breaks and tabs into spaces and removes every other control character', () => {
    expect(cleanLine(HOSTILE.workflowCommands, 200)).toBe(
      'ok ::error file=autoexp.yml,line=1::forged ::stop-commands::t1 ::add-mask::autoexp',
    );
    expect(cleanLine('a\tb\r\nc\u2028d\u2029e\u0085f\u000bg\u000ch', 200)).toBe('a b c d e f g h');
    expect(cleanLine('nul\u0000 del\u007f bel\u0007 c1\u0080\u009f', 200)).toBe('nul del bel c1');
  });

  it('removes terminal escape sequences whole: no title, no cleared screen, no clipboard, no colour', () => {
    const clean = cleanLine(HOSTILE.terminal, 200);
    expect(clean).toBe('ok BAD red  bell');
    expect(clean).not.toMatch(UNSAFE_CHARACTERS);
    // A broken sequence loses its ESC and is plain text.
    expect(cleanLine('a\u001b', 200)).toBe('a');
    expect(cleanLine('\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\', 200)).toBe('link');
    expect(cleanLine('\u001bP+q\u001b\\dcs \u001b_apc\u0007 \u001bc\u001b7reset', 200)).toBe('dcs  reset');
  });

  it('removes bidi overrides, isolates and marks, and the invisible characters that hide text', () => {
    expect(cleanLine(HOSTILE.bidi, 200)).toBe('fix evil and isolate ltr arabic mark');
    expect(cleanLine('a\u200Bb\u2060c\uFEFFd\u00ADe\u034Ff\u2062g', 200)).toBe('abcdefg');
    // Tag characters (invisible ASCII) and variation selectors piled on one character smuggle text.
    expect(cleanLine('ok\u{E0041}\u{E0042}\u{E0043}', 200)).toBe('ok');
    expect(cleanLine('a\uFE01\uFE02\uFE03\u{E0100}b', 200)).toBe('a\uFE01b');
  });

  it('keeps what visible text needs: emoji sequences, joiners in Persian and Indic words, one selector', () => {
    const family = '👨\u200D👩\u200D👧';
    const heartOnFire = '❤\uFE0F\u200D🔥';
    expect(cleanLine(`${family} ${heartOnFire} ✌🏽`, 200)).toBe(`${family} ${heartOnFire} ✌🏽`);
    const persian = 'می\u200Cخواهم';
    const devanagari = 'क्\u200Dष';
    expect(cleanLine(`${persian} ${devanagari}`, 200)).toBe(`${persian} ${devanagari}`);
    expect(cleanLine('Clo\u200Cses @\u200Duser', 200)).toBe('Closes @user');
  });

  it('cuts past the limit at a character boundary, with an ellipsis, within the limit', () => {
    const cut = cleanLine(`${'é'.repeat(150)}${'🙂'.repeat(100)}`, 200);
    expect(Array.from(cut)).toHaveLength(200);
    expect(cut.endsWith('🙂…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    // Never between a letter and its combining marks.
    const marks = cleanLine(`${'e\u0301'.repeat(150)}`, 200);
    expect(marks.endsWith('e\u0301…')).toBe(true);
    expect(Array.from(marks).length).toBeLessThanOrEqual(200);
    expect(cleanLine('short', 200)).toBe('short');
    expect(cleanLine('  padded \n', 200)).toBe('padded');
  });

  it('bounds a 200 kB description fast, and says it was cut even when what is left is short', () => {
    const started = performance.now();
    const long = cleanLine(`long ${'x'.repeat(200_000)}`, TEXT_LIMITS.description);
    expect(performance.now() - started).toBeLessThan(500);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('x…')).toBe(true);
    // Mostly invisible: the visible start survives, and the cut shows.
    const hidden = cleanLine(`visible${'\u200B'.repeat(300_000)}tail`, 200);
    expect(hidden).toBe('visible…');
  });

  it('makes lone surrogates the replacement character', () => {
    expect(cleanLine('a\uD800b\uDC00c', 200)).toBe('a\uFFFDb\uFFFDc');
  });

  it('gives what results.tsv keeps as it is (the ledger does not change a cleaned description)', () => {
    for (const text of [...Object.values(HOSTILE), `long ${'y'.repeat(5000)}`, ' a\tb ']) {
      const clean = cleanLine(text, TEXT_LIMITS.description);
      expect(cleanDescription(clean)).toBe(clean);
      expect(cleanLine(clean, TEXT_LIMITS.description)).toBe(clean);
    }
  });
});

describe('cleanBlock', () => {
  it('keeps newlines and tabs, turns CR and CRLF into newlines, removes the rest', () => {
    expect(cleanBlock('a\r\nb\rc\n\td\u001b[2Je\u202Ef\u0007', 1000)).toBe('a\nb\nc\n\tde' + 'f');
  });

  it('keeps the end of a log tail within the bytes given, cut on a line boundary, with a marker', () => {
    const log = Array.from({ length: 2000 }, (_, index) => `line ${index} ${'é'.repeat(20)}`).join('\n');
    const tail = cleanBlock(log, 4096, { keep: 'end' });
    expect(Buffer.byteLength(tail)).toBeLessThanOrEqual(4096);
    expect(tail.startsWith('[autoexp: earlier output cut] …\nline ')).toBe(true);
    expect(tail.endsWith(`line 1999 ${'é'.repeat(20)}`)).toBe(true);
    const head = cleanBlock(log, 4096);
    expect(Buffer.byteLength(head)).toBeLessThanOrEqual(4096);
    expect(head.startsWith('line 0 ')).toBe(true);
    expect(head.endsWith('\n… [autoexp: the rest is cut]')).toBe(true);
    expect(cleanBlock('short\n', 4096)).toBe('short\n');
  });

  it('never cuts inside a character, even in a line longer than the limit', () => {
    const tail = cleanBlock('🙂'.repeat(10_000), 1001, { keep: 'end' });
    expect(Buffer.byteLength(tail)).toBeLessThanOrEqual(1001);
    expect(tail).not.toContain('\uFFFD');
    expect(tail.endsWith('🙂')).toBe(true);
  });
});

describe('cleanRecordText', () => {
  it('cleans the description, the reason and every log tail of a record', () => {
    const record = {
      description: HOSTILE.terminal,
      reason: `out of scope: ${HOSTILE.workflowCommands}`,
      log_tail: `boom\r${HOSTILE.terminal}\n`,
      crash_repairs: [{ reason: 'exit code 1\u001b[2J', log_tail: 'x\u202Ey' }],
    } as ExperimentRecord;
    const clean = cleanRecordText(record);
    expect(JSON.stringify(clean)).not.toMatch(UNSAFE_CHARACTERS);
    expect(clean.reason.startsWith('out of scope: ok ::error')).toBe(true);
    expect(clean.log_tail).toBe('boom\nok\nBAD red  bell\n');
    expect(clean.crash_repairs).toEqual([{ reason: 'exit code 1', log_tail: 'xy' }]);
    expect(cleanRecordText({ description: 'd', reason: 'r' } as ExperimentRecord)).toEqual({
      description: 'd',
      reason: 'r',
    });
  });
});

describe('secrets in a record', () => {
  const KEY = 'wandb_0123456789abcdef';

  it('are redacted from every text field, longest first, also where a removed character split one', () => {
    const record = {
      description: `uses ${KEY}`,
      reason: `crashed with ${KEY}-extended and ${KEY}`,
      // A zero-width space inside the key: cleaning removes it, and the key is whole again.
      log_tail: `key=${KEY.slice(0, 5)}\u200b${KEY.slice(5)}\n`,
      output_tail: `${KEY}\n`,
      feedback: KEY,
      crash_repairs: [{ reason: KEY, log_tail: `a ${KEY} b` }],
    } as ExperimentRecord;
    const clean = cleanRecordText(record, [KEY, `${KEY}-extended`]);
    expect(JSON.stringify(clean)).not.toContain(KEY);
    expect(clean.description).toBe('uses [redacted]');
    expect(clean.reason).toBe('crashed with [redacted] and [redacted]');
    expect(clean.log_tail).toBe('key=[redacted]\n');
    expect(clean.output_tail).toBe('[redacted]');
    expect(clean.feedback).toBe('[redacted]');
    expect(clean.crash_repairs).toEqual([{ reason: '[redacted]', log_tail: 'a [redacted] b' }]);
  });

  it('leave no part of one where a long log tail is cut', () => {
    // Cut (the end kept, a marker line before it) so that the kept part starts inside the key.
    const tail = `${'y'.repeat(100)}${KEY}${'x'.repeat(TEXT_LIMITS.logTailBytes - 46)}\n`;
    const clean = cleanRecordText({ description: 'd', reason: 'r', log_tail: tail } as ExperimentRecord, [
      KEY,
    ]);
    expect(clean.log_tail).not.toContain(KEY.slice(-6));
  });

  it('are the values of the variables named as credentials, 8 characters or more', () => {
    const env = {
      WANDB_API_KEY: KEY,
      HF_TOKEN: 'hf_abcdefgh',
      DB_PASSWORD: 'short',
      SMTP_PASSWD: 'smtp-passwd-value',
      GOOGLE_APPLICATION_CREDENTIALS: '/home/runner/gcp.json',
      'INPUT_GITHUB-TOKEN': 'ghs_input_token',
      KEYBOARD_LAYOUT: 'us-international',
      HOME: '/home/runner/work',
    };
    expect(secretValues(env, ['sk-the-model-key']).sort()).toEqual(
      [
        'ghs_input_token',
        'hf_abcdefgh',
        'sk-the-model-key',
        KEY,
        'smtp-passwd-value',
        '/home/runner/gcp.json',
      ].sort(),
    );
  });
});

describe('markdown', () => {
  const everything = Object.values(HOSTILE);

  it('puts untrusted text in a code span, so nothing of it is markdown', () => {
    for (const text of everything) {
      const code = markdownCode(text);
      expect(textOutsideCode(code).trim()).toBe('');
      expect(code).not.toMatch(UNSAFE_CHARACTERS);
    }
    expect(markdownCode('@octocat')).toBe('`@octocat`');
    expect(markdownCode('')).toBe('');
  });

  it('makes the fence longer than any backtick run inside, and pads text that starts or ends with one', () => {
    expect(markdownCode('a ` b `` c')).toBe('```a ` b `` c```');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    const sneaky = 'x` @octocat ![i](http://evil.example/t.png) `y';
    expect(textOutsideCode(`before ${markdownCode(sneaky)} after`)).toBe('before   after');
  });

  it('keeps a table cell one cell, whatever pipes and backslashes are in the text', () => {
    const texts = [...everything, 'a | b', 'a \\| @octocat', 'ends with \\', '\\\\|| `|` \\`|'];
    for (const text of texts) {
      const row = `| 1 | ${markdownCell(text)} | tail |`;
      // Five cells (with the empty ones before the first pipe and after the last), no text outside code.
      expect(tableCells(row)).toHaveLength(5);
      expect(textOutsideCode(row).replace(/\s/g, '')).toBe('1tail');
    }
  });

  it('renders every attack from the PR body inert: no mention, reference, image, link or HTML outside code', () => {
    const body = everything
      .map((text) => `| ${markdownCell(text)} |\n\n- note: ${markdownCode(text)}`)
      .join('\n');
    const outside = textOutsideCode(body);
    for (const marker of ['@', '#', 'evil.example', 'Closes', '](', '<', '\u202E', '\u001b'])
      expect(outside).not.toContain(marker);
  });
});

describe('commit messages', () => {
  it('neither mentions, references nor closes, visibly and without invisible characters', () => {
    const message = inertCommitText(HOSTILE.markdown);
    expect(message).toBe(
      '＠octocat ＠octo/team Closes ＃1 octo/widgets＃2 ![x](http[:]//evil.example/t.png) ' +
        '[approved](http[:]//evil.example/ok) <https[:]//evil.example/auto> http[:]//evil.example/bare <img src=x> <!-- hide',
    );
    expect(message).not.toMatch(/@|#\d|:\/\//);
    expect(inertCommitText('fixes GH-12, see gh-3')).toBe('fixes GH－12, see gh－3');
    expect(inertCommitText(HOSTILE.bidi)).not.toMatch(UNSAFE_CHARACTERS);
  });

  it('leaves what GitHub does not read as a reference alone', () => {
    expect(inertCommitText('combine: a#1 set x=5')).toBe('combine: a#1 set x=5');
    expect(inertCommitText('use #pragma once; C# 12')).toBe('use #pragma once; C# 12');
    expect(inertCommitText('raise ttl for images to 600s')).toBe('raise ttl for images to 600s');
  });
});

describe("the runner's log", () => {
  it('no line of untrusted text reads as a workflow command, split as the runner splits', () => {
    for (const text of [
      ...Object.values(HOSTILE),
      '::error::x',
      '  ::warning::y',
      '\t::add-mask::z',
      '\u3000::debug::w',
    ]) {
      const printed = `${runnerText(text)}\n${runnerText(`#1 keep  ${text}`)}\n`;
      expect(readLikeRunner(printed).commands).toEqual([]);
      expect(printed).not.toMatch(UNSAFE_CHARACTERS);
    }
  });

  it('shows what it escaped', () => {
    expect(escapeRunnerLine('::error::x')).toBe('\\::error::x');
    expect(escapeRunnerLine(' ::error::x')).toBe('\\ ::error::x');
    expect(escapeRunnerLine('a ##[add-mask]b ###[x')).toBe('a ##\\[add-mask]b ###\\[x');
    expect(escapeRunnerLine('autoexp: ok')).toBe('autoexp: ok');
    expect(runnerText('a\r::error::b\n##[group]c')).toBe('a\n\\::error::b\n##\\[group]c');
  });

  it('the emulated runner does read forged commands (so the checks above mean something)', () => {
    const raw = readLikeRunner(`${HOSTILE.workflowCommands}\n${HOSTILE.legacyCommands}\n::warning::after\n`);
    expect(raw.commands.map((command) => [command.command, command.processed])).toEqual([
      ['error', true],
      ['stop-commands', true],
      ['add-mask', false],
      ['add-mask', false],
      ['warning', false],
    ]);
    expect(raw.stoppedAtEnd).toBe(true);
    expect(readLikeRunner('x ##[add-mask]autoexp\n').commands[0]).toMatchObject({
      command: 'add-mask',
      form: 'legacy',
    });
  });

  it('cleans annotation messages (core escapes their line breaks itself)', () => {
    expect(annotationText('eval.setup failed:\n\u001b[31mboom\r\u202Ex')).toBe('eval.setup failed:\nboom\nx');
  });
});

describe("the eval's environment", () => {
  const env = {
    PATH: '/bin',
    GITHUB_ENV: '/r/set_env',
    GITHUB_PATH: '/r/add_path',
    GITHUB_OUTPUT: '/r/set_output',
    GITHUB_STATE: '/r/save_state',
    GITHUB_STEP_SUMMARY: '/r/step_summary',
    ACTIONS_RUNTIME_TOKEN: 't',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'u',
    GITHUB_WORKSPACE: '/w',
  };

  it("has none of the runner's file commands, and no ACTIONS_ variable; nor has a command proposer's", () => {
    expect(cleanEnvironment(env, [])).toEqual({ PATH: '/bin', GITHUB_WORKSPACE: '/w' });
    expect(withoutGitHubSecrets(env)).toEqual({ PATH: '/bin', GITHUB_WORKSPACE: '/w' });
  });
});

describe("the runner's files", () => {
  function runnerDir() {
    const dir = mkdtempSync(join(tmpdir(), 'autoexp-runner-files-'));
    const commands = join(dir, '_runner_file_commands');
    mkdirSync(commands);
    const env: Record<string, string> = {
      GITHUB_ENV: join(commands, 'set_env_1'),
      GITHUB_PATH: join(commands, 'add_path_1'),
      GITHUB_OUTPUT: join(commands, 'set_output_1'),
      GITHUB_STATE: join(commands, 'save_state_1'),
      GITHUB_STEP_SUMMARY: join(commands, 'step_summary_1'),
    };
    for (const path of Object.values(env)) writeFileSync(path, '');
    writeFileSync(env.GITHUB_OUTPUT!, 'earlier=1\n');
    return { dir, env };
  }

  it('puts back what an untrusted run appended, replaced or removed, and says which', () => {
    const { dir, env } = runnerDir();
    const files = snapshotRunnerFiles(env);
    expect(files.restore()).toEqual({ restored: [], failed: [] });

    appendFileSync(env.GITHUB_ENV!, 'BASH_ENV=/tmp/evil\n');
    appendFileSync(env.GITHUB_PATH!, '/tmp/evil-bin\n');
    rmSync(env.GITHUB_OUTPUT!);
    writeFileSync(join(dir, 'elsewhere'), 'set-by-link=1\n');
    symlinkSync(join(dir, 'elsewhere'), env.GITHUB_OUTPUT!);
    rmSync(env.GITHUB_STATE!);
    mkdirSync(env.GITHUB_STATE!);
    rmSync(env.GITHUB_STEP_SUMMARY!);
    expect(files.restore()).toEqual({
      restored: ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'],
      failed: [],
    });
    expect(readFileSync(env.GITHUB_ENV!, 'utf8')).toBe('');
    expect(readFileSync(env.GITHUB_PATH!, 'utf8')).toBe('');
    expect(lstatSync(env.GITHUB_OUTPUT!).isFile()).toBe(true);
    expect(readFileSync(env.GITHUB_OUTPUT!, 'utf8')).toBe('earlier=1\n');
    // The link's target is not written through.
    expect(readFileSync(join(dir, 'elsewhere'), 'utf8')).toBe('set-by-link=1\n');
    expect(lstatSync(env.GITHUB_STATE!).isFile()).toBe(true);
    expect(readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8')).toBe('');
    expect(files.restore()).toEqual({ restored: [], failed: [] });
  });

  it('replaces a file that gained a second name, so that later writes cannot land elsewhere', () => {
    const { dir, env } = runnerDir();
    const files = snapshotRunnerFiles(env);
    linkSync(env.GITHUB_ENV!, join(dir, 'second-name'));
    expect(files.restore().restored).toEqual(['GITHUB_ENV']);
    appendFileSync(env.GITHUB_ENV!, 'LATER=1\n');
    expect(readFileSync(join(dir, 'second-name'), 'utf8')).toBe('');
  });

  it('removes a file that was not there before, and leaves variables that are not set alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'autoexp-runner-files-'));
    const env = { GITHUB_ENV: join(dir, 'set_env_2') };
    const files = snapshotRunnerFiles(env);
    writeFileSync(env.GITHUB_ENV, 'BASH_ENV=/tmp/evil\n');
    expect(files.restore().restored).toEqual(['GITHUB_ENV']);
    expect(lstatSync(env.GITHUB_ENV, { throwIfNoEntry: false })).toBeUndefined();
  });
});
