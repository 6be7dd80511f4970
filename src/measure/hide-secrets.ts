// Any process of the same user can read another's starting environment in /proc/<pid>/environ, and an
// eval is generated code running as that user. So autoexp starts itself over (execve, same pid) with an
// environment block that holds no secret, and puts the secrets back into process.env from a private file
// read and deleted at once. process.env then has everything autoexp's own code needs (the token for
// pushes, the LLM key), while /proc/<autoexp pid>/environ shows none of it. Which children get what is
// still decided by src/measure/environment.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isCredentialName, isGitHubSecret, isLlmKey } from './environment.js';

/** Where the started-over process finds the secrets (a path, not a secret). */
export const SECRETS_FILE_VARIABLE = 'AUTOEXP_SECRETS_FILE';

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** The variables that must not stay in the environment block: credentials, keys, the action's inputs. */
export function isSecretName(name: string): boolean {
  return isGitHubSecret(name) || isLlmKey(name) || isCredentialName(name);
}

/**
 * Call first thing in an entry point run as the main script, before anything reads process.env. Returns
 * only in the process that is to do the work: the first call starts the process over (when there is
 * something to hide and the platform can), the second restores the secrets.
 */
export function hideSecretsFromEnviron(): void {
  const file = process.env[SECRETS_FILE_VARIABLE];
  if (file !== undefined) {
    delete process.env[SECRETS_FILE_VARIABLE];
    let secrets: Record<string, string>;
    try {
      secrets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } finally {
      rmSync(dirname(file), { recursive: true, force: true });
    }
    // Values set now live in the process's own memory, not in the block /proc/<pid>/environ shows.
    for (const [name, value] of Object.entries(secrets)) process.env[name] = value;
    return;
  }
  if (process.platform !== 'linux' || typeof process.execve !== 'function') return;
  const names = Object.keys(process.env).filter(isSecretName);
  // Node honours HTTP(S)_PROXY for fetch (GitHub, the LLM APIs) only when told so at start: a proxy alone
  // is reason enough to start over, even with no secret to hide (`autoexp pr` takes its token from gh).
  const needsProxy =
    PROXY_VARIABLES.some((name) => process.env[name]) && process.env.NODE_USE_ENV_PROXY === undefined;
  if (names.length === 0 && !needsProxy) return;

  const secrets: Record<string, string> = {};
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (names.includes(name)) secrets[name] = value;
    else clean[name] = value;
  }
  const runnerTemp = process.env.RUNNER_TEMP;
  const dir = mkdtempSync(join(runnerTemp && existsSync(runnerTemp) ? runnerTemp : tmpdir(), 'autoexp-'));
  const path = join(dir, 'secrets.json');
  writeFileSync(path, JSON.stringify(secrets), { mode: 0o600 });
  clean[SECRETS_FILE_VARIABLE] = path;
  if (needsProxy) clean.NODE_USE_ENV_PROXY = '1';
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], clean);
}
