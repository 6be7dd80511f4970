// The credentials actions/checkout leaves behind, out of the eval's reach for the whole session. Since v6
// it no longer writes the token into .git/config: it writes `$RUNNER_TEMP/git-credentials-<uuid>.config`
// (an extraheader) and includes that file from .git/config with `includeIf.gitdir:` entries. The eval is
// told RUNNER_TEMP (it is no secret), so taking the include out of .git/config is not enough.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareRepository } from '../src/action/repository.js';
import { checkout, GITHUB_TOKEN } from './helpers/action-runner.js';
import { createTestRepo, git } from './helpers/repo.js';

const CHECKOUT_TOKEN = 'ghs_checkout_v6_secret';
const HEADER = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${CHECKOUT_TOKEN}`).toString('base64')}`;

/** What actions/checkout@v6 does with persist-credentials: the file in RUNNER_TEMP, two includes. */
function checkoutV6(origin: string): { workspace: string; runnerTemp: string; credentials: string } {
  const workspace = checkout(origin, { credentials: false });
  const runnerTemp = mkdtempSync(join(tmpdir(), 'autoexp-runner-temp-'));
  const credentials = join(runnerTemp, 'git-credentials-6f1c0d2e.config');
  writeFileSync(credentials, `[http "https://github.com/"]\n\textraheader = ${HEADER}\n`, { mode: 0o644 });
  const gitDir = join(workspace, '.git');
  git(workspace, 'config', '--local', `includeIf.gitdir:${gitDir}.path`, credentials);
  git(workspace, 'config', '--local', `includeIf.gitdir:${gitDir}/worktrees/*.path`, credentials);
  return { workspace, runnerTemp, credentials };
}

/** Every file under `dir` as text, as an eval that knows RUNNER_TEMP would read them. */
function everythingUnder(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
}

describe('checkout credentials kept in a file that .git/config includes (actions/checkout v6)', () => {
  it('are out of reach while the session runs (the file too), and back byte for byte afterwards', async () => {
    const repo = createTestRepo({ 'params.txt': 'x=3\n' });
    const { workspace, runnerTemp, credentials } = checkoutV6(repo.origin);
    const before = readFileSync(credentials);
    const mode = statSync(credentials).mode;
    const configBefore = git(workspace, 'config', '--local', '--list');

    const prepared = await prepareRepository({
      workspace,
      serverUrl: 'https://github.com',
      token: GITHUB_TOKEN,
      branch: 'autoexp/quad',
    });
    try {
      // What an eval can read: the repository's config with its includes, and anything in RUNNER_TEMP.
      const readable = [
        git(workspace, 'config', '--list', '--includes'),
        readFileSync(join(workspace, '.git', 'config'), 'utf8'),
        everythingUnder(runnerTemp),
      ].join('\n');
      expect(readable).not.toContain(HEADER);
      expect(readable).not.toMatch(/extraheader/i);
    } finally {
      await prepared.restoreCredentials();
    }
    // Later steps of the job push with them as before.
    expect(readFileSync(credentials)).toEqual(before);
    expect(statSync(credentials).mode).toBe(mode);
    expect(git(workspace, 'config', '--local', '--list')).toBe(configBefore);
    expect(git(workspace, 'config', '--includes', 'http.https://github.com/.extraheader')).toBe(HEADER);
  });
});
