// Git's own housekeeping beside autoexp's guard: the session's maintenance really repacks (experiment
// commits skip git's automatic gc), and what a repack writes into .git/info is not taken for tampering.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git } from '../src/git/git.js';
import { RepositoryGuard } from '../src/tree/guard.js';
import { createTestRepo, git } from './helpers/repo.js';

function looseObjects(root: string): number {
  return Number(/^count: (\d+)$/m.exec(git(root, 'count-objects', '-v'))![1]);
}

describe('repository housekeeping', () => {
  it("the session's maintenance packs loose objects past git's default threshold, in the foreground", async () => {
    const repo = createTestRepo({ 'a.txt': 'a\n' });
    // git estimates loose objects from one of its 256 object directories: 14,000 are well past 6,700.
    // Reachable, so that a repack keeps them in a pack rather than pruning them.
    mkdirSync(join(repo.root, 'many'));
    for (let index = 0; index < 14_000; index++)
      writeFileSync(join(repo.root, 'many', `${index}`), `object ${index}\n`);
    git(repo.root, 'add', 'many');
    git(repo.root, '-c', 'gc.auto=0', 'commit', '-qm', 'many');
    expect(looseObjects(repo.root)).toBeGreaterThan(14_000);
    await Git.at(repo.root).maintenance();
    // Returned only once the repack was done: nothing runs on in the background.
    expect(looseObjects(repo.root)).toBeLessThan(100);
  });

  it('a repack rewriting .git/info/refs during an untrusted run is not tampering; other info/ files are', async () => {
    const repo = createTestRepo({ 'a.txt': 'a\n' });
    const commonDir = join(repo.root, '.git');
    const guard = await RepositoryGuard.take(Git.at(repo.root), commonDir, () => false, tmpdir());
    await guard.begin();
    git(repo.root, 'update-server-info');
    writeFileSync(join(commonDir, 'info', 'attributes'), '* filter=evil\n');
    expect(await guard.end()).toEqual(['planted .git/info/attributes']);
    expect(readFileSync(join(commonDir, 'info', 'refs'), 'utf8')).toContain('refs/heads/main');
  });
});
