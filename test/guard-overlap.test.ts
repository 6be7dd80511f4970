// The repository guard with runs that overlap (workers): one run's end puts back what it changed while
// another run begins. The refs a run begins with must be the ones the session holds the repository to,
// never a state the end has not yet put back.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Git } from '../src/git/git.js';
import { RepositoryGuard } from '../src/tree/guard.js';
import { createTestRepo, git } from './helpers/repo.js';

describe('the guard with overlapping runs', () => {
  it('a run that begins while the last one ends does not take the branch that run moved for the one to hold', async () => {
    const repo = createTestRepo({ 'a.txt': 'a\n' });
    const main = repo.git('rev-parse', 'main');
    repo.write('a.txt', 'planted\n');
    repo.commitAll('planted');
    const planted = repo.git('rev-parse', 'HEAD');
    repo.git('update-ref', 'refs/heads/main', main);
    const commonDir = join(repo.root, '.git');
    const guard = await RepositoryGuard.take(Git.at(repo.root), commonDir, () => false, tmpdir());

    // Worker 1's eval moves main and ends; worker 2's eval begins while that end is putting it back.
    await guard.begin();
    git(repo.root, 'update-ref', 'refs/heads/main', planted);
    const ended = guard.end();
    await guard.begin();
    expect(await ended).toEqual(['moved refs/heads/main']);
    await guard.end();
    await guard.check();

    expect(repo.git('rev-parse', 'main')).toBe(main);
  });
});
