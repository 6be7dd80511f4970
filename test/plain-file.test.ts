// autoexp's reads and writes of files untrusted code can reach: never through a link, never waiting on a
// FIFO, a plain file only.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlainFile, rewritePlainFile } from '../src/tree/plain-file.js';

function place() {
  const root = mkdtempSync(join(tmpdir(), 'autoexp-plain-'));
  writeFileSync(join(root, 'yours.txt'), 'mine\n');
  return root;
}

describe('rewritePlainFile', () => {
  it('rewrites a plain file in place, its mode kept', async () => {
    const root = place();
    writeFileSync(join(root, 'run.sh'), 'echo a long first version\n');
    chmodSync(join(root, 'run.sh'), 0o755);
    await rewritePlainFile(join(root, 'run.sh'), Buffer.from('echo b\n'));
    expect(readFileSync(join(root, 'run.sh'), 'utf8')).toBe('echo b\n');
    expect(statSync(join(root, 'run.sh')).mode & 0o777).toBe(0o755);
  });

  it('writes nothing through a link', async () => {
    const root = place();
    symlinkSync(join(root, 'yours.txt'), join(root, 'params.yaml'));
    await expect(rewritePlainFile(join(root, 'params.yaml'), Buffer.from('a: 1\n'))).rejects.toThrow();
    expect(readFileSync(join(root, 'yours.txt'), 'utf8')).toBe('mine\n');
  });

  it('does not wait on a FIFO, and refuses a directory', async () => {
    const root = place();
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    await expect(rewritePlainFile(join(root, 'pipe.yaml'), Buffer.from('a: 1\n'))).rejects.toThrow();
    await expect(rewritePlainFile(root, Buffer.from('a: 1\n'))).rejects.toThrow();
  });
});

describe('readPlainFile', () => {
  it('reads a plain file whole or its start, and nothing through a link', async () => {
    const root = place();
    expect((await readPlainFile(join(root, 'yours.txt')))?.toString()).toBe('mine\n');
    expect((await readPlainFile(join(root, 'yours.txt'), 2))?.toString()).toBe('mi');
    symlinkSync(join(root, 'yours.txt'), join(root, 'link.txt'));
    expect(await readPlainFile(join(root, 'link.txt'))).toBeUndefined();
  });
});
