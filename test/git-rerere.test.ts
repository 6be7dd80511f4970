// Resolutions recorded by git's rerere (.git/rr-cache) are never autoexp's: a run can plant one, and a
// directory by that name turns rerere on where the config does not say otherwise.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git } from '../src/git/git.js';
import { createTestRepo } from './helpers/repo.js';

describe('a resolution planted in .git/rr-cache', () => {
  it('does not decide autoexp’s merge: the conflict is reported as git found it', async () => {
    const repo = createTestRepo({ 'f.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'theirs');
    repo.write('f.txt', 'b\n');
    repo.commitAll('theirs');
    repo.git('checkout', '-q', 'main');
    repo.write('f.txt', 'c\n');
    repo.commitAll('ours');
    // The run's doing: rerere on (by its directory), and a resolution of exactly this conflict recorded.
    mkdirSync(join(repo.root, '.git', 'rr-cache'));
    try {
      repo.git('merge', '-q', 'theirs');
    } catch {
      // the conflict
    }
    repo.write('f.txt', 'planted\n');
    repo.git('add', 'f.txt');
    repo.git('commit', '-q', '--no-edit');
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    // Yours: take recorded resolutions into the index.
    repo.git('config', 'rerere.autoupdate', 'true');
    const conflicts = await Git.at(repo.root).merge('theirs', 'merge theirs');
    expect(conflicts).toEqual(['f.txt']);
    expect(readFileSync(join(repo.root, 'f.txt'), 'utf8')).toBe('c\n');
  });
});
