// A git call that carries a token reads only the repository's config: what untrusted code can plant in
// the user's global config (a URL rewrite, a credential helper) never sees the token or runs.
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Git } from '../src/git/git.js';
import { createTestRepo, git } from './helpers/repo.js';

const saved = { global: process.env.GIT_CONFIG_GLOBAL };
afterEach(() => {
  if (saved.global === undefined) delete process.env.GIT_CONFIG_GLOBAL;
  else process.env.GIT_CONFIG_GLOBAL = saved.global;
});

describe('git calls with credentials', () => {
  it('ignore a planted global config: its URL rewrite and credential helper are not used', async () => {
    const repo = createTestRepo({ 'a.txt': 'a\n' });
    const scratch = mkdtempSync(join(tmpdir(), 'autoexp-global-'));
    const trap = join(scratch, 'trap.git');
    git(scratch, 'init', '--quiet', '--bare', trap);
    const ran = join(scratch, 'helper-ran');
    const planted = join(scratch, 'gitconfig');
    writeFileSync(
      planted,
      `[url "${trap}"]\n\tinsteadOf = ${repo.origin}\n[credential]\n\thelper = "!touch ${ran}; true"\n`,
    );
    process.env.GIT_CONFIG_GLOBAL = planted;
    repo.git('branch', 'autoexp/x');

    const pushed = await Git.at(repo.root)
      .withCredentials({ GIT_CONFIG_COUNT: '0' })
      .push(repo.origin, ['refs/heads/autoexp/x:refs/heads/autoexp/x']);
    expect(pushed.exitCode, pushed.stderr).toBe(0);
    expect(git(repo.origin, 'rev-parse', 'autoexp/x')).toBe(repo.git('rev-parse', 'autoexp/x'));
    expect(() => git(trap, 'rev-parse', '--verify', '--quiet', 'autoexp/x')).toThrow();
    expect(existsSync(ran)).toBe(false);

    // Without credentials (a CLI user's push) the user's global config applies, as it does for their git.
    const plain = await Git.at(repo.root).push(repo.origin, ['refs/heads/autoexp/x:refs/heads/autoexp/y']);
    expect(plain.exitCode, plain.stderr).toBe(0);
    expect(git(trap, 'rev-parse', 'autoexp/y')).toBe(repo.git('rev-parse', 'autoexp/x'));
  });
});
