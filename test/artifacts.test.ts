// Signatures of what setup left in a tree (files git ignores): taken before a proposal and compared after
// it, so a change a proposal made to them, however deep and however small, is seen.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedArtifacts, signArtifacts } from '../src/tree/artifacts.js';

/** A tree holding a setup directory (`.venv/`, `files` files in nested directories) and an ignored file. */
function tree(files = 30) {
  const root = mkdtempSync(join(tmpdir(), 'autoexp-artifacts-'));
  for (let n = 0; n < files; n++) {
    const dir = join(root, '.venv', 'lib', String(n % 3));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `m${n}.py`), `x = ${n}\n`);
  }
  symlinkSync('lib/0/m0.py', join(root, '.venv', 'link'));
  writeFileSync(join(root, '.env'), 'A=1\n');
  return root;
}

const ENTRIES = ['.venv/', '.env'];

describe('signArtifacts', () => {
  it('is the same when nothing changed', () => {
    const root = tree();
    expect(signArtifacts(root, ENTRIES)).toEqual(signArtifacts(root, ENTRIES));
  });

  it.each([
    [
      'a file deep inside rewritten with the same size',
      (root: string) => writeFileSync(join(root, '.venv/lib/2/m5.py'), 'x = 9\n'),
    ],
    ['a file added', (root: string) => writeFileSync(join(root, '.venv/lib/1/new.py'), '')],
    ['a file removed', (root: string) => unlinkSync(join(root, '.venv/lib/1/m4.py'))],
    [
      'a symlink pointed elsewhere',
      (root: string) => {
        unlinkSync(join(root, '.venv/link'));
        symlinkSync('lib/1/m1.py', join(root, '.venv/link'));
      },
    ],
    ['a mode changed', (root: string) => chmodSync(join(root, '.venv/lib/0/m3.py'), 0o755)],
  ])('changes with %s, for that entry only', async (_name, change) => {
    const root = tree();
    const before = signArtifacts(root, ENTRIES);
    // A file's times move with the kernel's clock tick (a few ms): setup made these long before a
    // proposal changes them, not in the same tick.
    await new Promise((done) => setTimeout(done, 20));
    change(root);
    expect(changedArtifacts(before, signArtifacts(root, ENTRIES))).toEqual({
      created: [],
      changed: ['.venv/'],
    });
  });

  it('an entry gone or new is told apart', () => {
    const root = tree();
    const before = signArtifacts(root, ENTRIES);
    rmSync(join(root, '.env'));
    writeFileSync(join(root, 'cache.db'), '');
    expect(changedArtifacts(before, signArtifacts(root, ['.venv/', 'cache.db']))).toEqual({
      created: ['cache.db'],
      changed: ['.env'],
    });
  });

  it('an unreadable directory inside is signed as it is, without failing', () => {
    const root = tree();
    chmodSync(join(root, '.venv/lib/1'), 0o000);
    try {
      const first = signArtifacts(root, ENTRIES);
      expect(first.get('.venv/')).toMatch(/^[0-9a-f]{40}$/);
      expect(signArtifacts(root, ENTRIES)).toEqual(first);
    } finally {
      chmodSync(join(root, '.venv/lib/1'), 0o755);
    }
  });
});
