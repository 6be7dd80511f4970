// The credentials actions/checkout leaves behind, out of the eval's reach for the whole session. Since v6
// it no longer writes the token into .git/config: it writes `$RUNNER_TEMP/git-credentials-<uuid>.config`
// (an extraheader) and includes that file from .git/config with `includeIf.gitdir:` entries. The eval is
// told RUNNER_TEMP (it is no secret), so taking the include out of .git/config is not enough.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authEnvironment, prepareRepository, sshKeyFiles } from '../src/action/repository.js';
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

/** What actions/checkout does with `ssh-key` and persist-credentials: the key in RUNNER_TEMP, core.sshCommand. */
function checkoutWithSshKey(origin: string): { workspace: string; runnerTemp: string; key: string } {
  const workspace = checkout(origin, { credentials: false });
  const runnerTemp = mkdtempSync(join(tmpdir(), 'autoexp-runner-temp-'));
  const key = join(runnerTemp, '0c9f5a1e-77b2-4c1d-9d55-3f2a8e6b1c44');
  writeFileSync(key, `${SSH_KEY}\n`, { mode: 0o600 });
  writeFileSync(
    `${key}_known_hosts`,
    'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n',
  );
  const base = '0c9f5a1e-77b2-4c1d-9d55-3f2a8e6b1c44';
  git(
    workspace,
    'config',
    '--local',
    'core.sshCommand',
    `"/usr/bin/ssh" -i "$RUNNER_TEMP/${base}" -o StrictHostKeyChecking=yes -o CheckHostIP=no -o "UserKnownHostsFile=$RUNNER_TEMP/${base}_known_hosts"`,
  );
  return { workspace, runnerTemp, key };
}

const SSH_KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');

describe('an ssh key actions/checkout left (ssh-key with persist-credentials)', () => {
  it('is out of reach while the session runs, and back byte for byte afterwards', async () => {
    const repo = createTestRepo({ 'params.txt': 'x=3\n' });
    const { workspace, runnerTemp, key } = checkoutWithSshKey(repo.origin);
    const configBefore = git(workspace, 'config', '--local', '--list');
    const previousTemp = process.env.RUNNER_TEMP;
    process.env.RUNNER_TEMP = runnerTemp;
    try {
      const prepared = await prepareRepository({
        workspace,
        serverUrl: 'https://github.com',
        token: GITHUB_TOKEN,
        branch: 'autoexp/quad',
      });
      try {
        expect(everythingUnder(runnerTemp)).not.toContain('PRIVATE KEY');
        expect(readFileSync(join(workspace, '.git', 'config'), 'utf8')).not.toMatch(/sshcommand/i);
      } finally {
        await prepared.restoreCredentials();
      }
    } finally {
      process.env.RUNNER_TEMP = previousTemp;
    }
    expect(readFileSync(key, 'utf8')).toBe(`${SSH_KEY}\n`);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(git(workspace, 'config', '--local', '--list')).toBe(configBefore);
  });
});

describe('sshKeyFiles', () => {
  it('finds the key files an ssh command names, with the environment read', () => {
    const env = { RUNNER_TEMP: '/home/runner/work/_temp', HOME: '/home/runner' };
    expect(
      sshKeyFiles(
        '"/usr/bin/ssh" -i "$RUNNER_TEMP/0c9f" -o StrictHostKeyChecking=yes -o "UserKnownHostsFile=$RUNNER_TEMP/0c9f_known_hosts"',
        env,
      ),
    ).toEqual(['/home/runner/work/_temp/0c9f']);
    expect(
      sshKeyFiles("ssh -i${HOME}/.ssh/deploy -o 'IdentityFile=/keys/a' -o IdentityFile=/keys/b", env),
    ).toEqual(['/home/runner/.ssh/deploy', '/keys/a', '/keys/b']);
    // A quoted path right after -i, as a shell reads it.
    expect(sshKeyFiles('ssh -i"$RUNNER_TEMP/key" -o BatchMode=yes', env)).toEqual([
      '/home/runner/work/_temp/key',
    ]);
    // A relative path is the ssh process's business (its cwd): not one autoexp can name.
    expect(sshKeyFiles('ssh -i id_rsa', env)).toEqual([]);
  });
});

describe('authEnvironment', () => {
  it('reaches an origin checked out over ssh through https, where the token authenticates', () => {
    const repo = createTestRepo({ 'a.txt': '1\n' });
    const urlOf = (remote: string, serverUrl: string) => {
      repo.git('remote', 'set-url', 'origin', remote);
      return execFileSync('git', ['ls-remote', '--get-url', 'origin'], {
        cwd: repo.root,
        env: { ...process.env, ...authEnvironment(serverUrl, 'ghs_x') },
        encoding: 'utf8',
      }).trim();
    };
    expect(urlOf('git@github.com:octo/quad.git', 'https://github.com')).toBe(
      'https://github.com/octo/quad.git',
    );
    expect(urlOf('ssh://git@github.com/octo/quad.git', 'https://github.com/')).toBe(
      'https://github.com/octo/quad.git',
    );
    expect(urlOf('git@ghe.example.com:octo/quad.git', 'https://ghe.example.com')).toBe(
      'https://ghe.example.com/octo/quad.git',
    );
    // Another host's address is not the server's to answer for.
    expect(urlOf('git@gitlab.com:octo/quad.git', 'https://github.com')).toBe('git@gitlab.com:octo/quad.git');
  });
});

describe('checkout credentials put back at the end', () => {
  it('go only into the config they came from: a .git replaced meanwhile by a gitfile to another repository gets none', async () => {
    const repo = createTestRepo({ 'params.txt': 'x=3\n' });
    const workspace = checkout(repo.origin);
    const prepared = await prepareRepository({
      workspace,
      serverUrl: 'https://github.com',
      token: GITHUB_TOKEN,
      branch: 'autoexp/quad',
    });
    // What an eval could do: move the checkout's .git aside and point .git at a repository of its own.
    const elsewhere = mkdtempSync(join(tmpdir(), 'autoexp-elsewhere-'));
    git(elsewhere, 'init', '--quiet');
    renameSync(join(workspace, '.git'), join(workspace, '.git-moved'));
    writeFileSync(join(workspace, '.git'), `gitdir: ${join(elsewhere, '.git')}\n`);

    await expect(prepared.restoreCredentials()).rejects.toThrow(/was replaced while autoexp ran/);

    expect(readFileSync(join(elsewhere, '.git', 'config'), 'utf8')).not.toMatch(/extraheader/i);
  });

  it('go back into the checkout’s config when it is the one they came from', async () => {
    const repo = createTestRepo({ 'params.txt': 'x=3\n' });
    const workspace = checkout(repo.origin);
    const before = git(workspace, 'config', '--local', 'http.https://github.com/.extraheader');
    const prepared = await prepareRepository({
      workspace,
      serverUrl: 'https://github.com',
      token: GITHUB_TOKEN,
      branch: 'autoexp/quad',
    });
    expect(readFileSync(join(workspace, '.git', 'config'), 'utf8')).not.toMatch(/extraheader/i);
    await prepared.restoreCredentials();
    expect(git(workspace, 'config', '--local', 'http.https://github.com/.extraheader')).toBe(before);
  });
});
