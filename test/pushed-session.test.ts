// Counting what the pushes after each record carried: a push takes the branch as it is, so the one after
// a failed push carries that one's record too, and a later push race must not record it again.
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../src/config/settings.js';
import { Git } from '../src/git/git.js';
import { pushAfterExperiment, type PushState } from '../src/session/pushed-session.js';
import { createTestRepo } from './helpers/repo.js';

describe('pushAfterExperiment', () => {
  it('counts the records a push carried, a failed push’s record included', async () => {
    const repo = createTestRepo({ 'a.txt': '1\n' });
    repo.git('checkout', '--quiet', '-b', 'autoexp/t');
    // The remote refuses pushes while the marker is there (a hook that fails, as a server that is down).
    const down = join(repo.origin, 'down');
    const hook = join(repo.origin, 'hooks', 'pre-receive');
    writeFileSync(hook, `#!/bin/sh\nif [ -e '${down}' ]; then echo 'down for maintenance' >&2; exit 1; fi\n`);
    chmodSync(hook, 0o755);
    const options = { settings: { tag: 't' } as Settings, remote: Git.at(repo.root), remoteName: 'origin' };
    const pushes: PushState = { nodes: undefined, recordsMade: 0, pushedRecords: 0, race: false };
    const record = async (n: number) => {
      repo.write('a.txt', `${n + 10}\n`);
      repo.commitAll(`record ${n}`);
      return pushAfterExperiment(options, pushes);
    };

    writeFileSync(down, '');
    expect(await record(1)).toBe('stop');
    expect(pushes.failure).toMatch(/down for maintenance/);
    expect(pushes.pushedRecords).toBe(0);

    rmSync(down);
    expect(await record(2)).toBeUndefined();
    expect(repo.git('--git-dir', repo.origin, 'log', '--format=%s', '-2', 'autoexp/t')).toBe(
      'record 2\nrecord 1',
    );
    expect(pushes.pushedRecords, 'the push carried both records').toBe(2);
  });
});
