// A reflog directory as an eval may leave it: git appends to a ref's reflog at every move of the ref,
// through a link too, so what git never makes there (symlinks, other kinds of file, hard links among the
// reflogs autoexp appends to) goes before autoexp's own git moves a ref. The user's own files stay.
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { removeLinkedLogs } from '../src/tree/guard.js';

const LINE = `${'0'.repeat(40)} ${'1'.repeat(40)} x <x@example.com> 1700000000 +0000\tfetch: storing head\n`;

/** A git dir's `logs` with the reflogs named, and a directory of the user's files beside it. */
function reflogs(names: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'autoexp-logs-'));
  const logs = join(root, 'logs');
  for (const name of names) {
    mkdirSync(join(logs, name, '..'), { recursive: true });
    writeFileSync(join(logs, name), LINE);
  }
  const users = join(root, 'users');
  mkdirSync(users);
  writeFileSync(join(users, 'notes.txt'), 'mine\n');
  return { logs, users };
}

const appendsTo = (own: string[]) => (name: string) => own.includes(name);

describe('removeLinkedLogs', () => {
  it('leaves plain reflogs alone, however many', async () => {
    const names = ['HEAD', 'refs/heads/main', 'refs/heads/autoexp/t'];
    for (let n = 0; n < 300; n++) names.push(`refs/remotes/origin/b${n}`);
    const { logs } = reflogs(names);
    expect(await removeLinkedLogs(logs, appendsTo(['refs/heads/autoexp/t']))).toEqual([]);
    for (const name of names) expect(readFileSync(join(logs, name), 'utf8')).toBe(LINE);
  });

  it('removes a symlink at any depth, and a symlinked directory without entering it', async () => {
    const { logs, users } = reflogs(['HEAD', 'refs/heads/main', 'refs/remotes/origin/a/b']);
    symlinkSync(join(users, 'notes.txt'), join(logs, 'refs/remotes/origin/a/c'));
    symlinkSync(users, join(logs, 'refs/tags'));
    expect((await removeLinkedLogs(logs, appendsTo([]))).sort()).toEqual([
      'refs/remotes/origin/a/c',
      'refs/tags',
    ]);
    expect(existsSync(join(logs, 'refs/tags'))).toBe(false);
    expect(readFileSync(join(users, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(logs, 'refs/remotes/origin/a/b'), 'utf8')).toBe(LINE);
  });

  it('removes what is neither a file nor a directory (a FIFO)', async () => {
    const { logs } = reflogs(['refs/heads/main']);
    execFileSync('mkfifo', [join(logs, 'refs/heads/pipe')]);
    expect(await removeLinkedLogs(logs, appendsTo([]))).toEqual(['refs/heads/pipe']);
  });

  it('removes a hard link among the reflogs autoexp appends to, not among the others', async () => {
    const { logs, users } = reflogs(['refs/heads/main']);
    mkdirSync(join(logs, 'refs/heads/autoexp'));
    linkSync(join(users, 'notes.txt'), join(logs, 'refs/heads/autoexp/t'));
    // The user's own backup of a reflog (`cp -al`): a hard link they made.
    linkSync(join(logs, 'refs/heads/main'), join(users, 'main.backup'));
    expect(
      (await removeLinkedLogs(logs, appendsTo(['refs/heads/autoexp/t', 'refs/heads/main']))).sort(),
    ).toEqual(['refs/heads/autoexp/t', 'refs/heads/main']);
    expect(readFileSync(join(users, 'notes.txt'), 'utf8')).toBe('mine\n');
    const { logs: other, users: theirs } = reflogs(['refs/heads/main']);
    linkSync(join(other, 'refs/heads/main'), join(theirs, 'main.backup'));
    expect(await removeLinkedLogs(other, appendsTo(['refs/heads/autoexp/t']))).toEqual([]);
    expect(lstatSync(join(other, 'refs/heads/main')).nlink).toBe(2);
  });

  it('given one reflog (a branch’s): a plain file stays, a linked one or a symlink goes', async () => {
    const { logs, users } = reflogs(['refs/heads/autoexp/t', 'refs/heads/autoexp/u']);
    expect(await removeLinkedLogs(join(logs, 'refs/heads/autoexp/t'))).toEqual([]);
    expect(readFileSync(join(logs, 'refs/heads/autoexp/t'), 'utf8')).toBe(LINE);
    linkSync(join(logs, 'refs/heads/autoexp/t'), join(users, 't.link'));
    expect(await removeLinkedLogs(join(logs, 'refs/heads/autoexp/t'))).toEqual(['.']);
    symlinkSync(join(users, 'notes.txt'), join(logs, 'refs/heads/autoexp/v'));
    expect(await removeLinkedLogs(join(logs, 'refs/heads/autoexp/v'))).toEqual(['.']);
    expect(readFileSync(join(users, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(await removeLinkedLogs(join(logs, 'refs/heads/autoexp/none'))).toEqual([]);
  });

  it('a logs directory that is a symlink goes itself, and nothing it points to', async () => {
    const { logs, users } = reflogs([]);
    symlinkSync(users, logs);
    expect(await removeLinkedLogs(logs, appendsTo([]))).toEqual(['.']);
    expect(existsSync(logs)).toBe(false);
    expect(readFileSync(join(users, 'notes.txt'), 'utf8')).toBe('mine\n');
  });
});
