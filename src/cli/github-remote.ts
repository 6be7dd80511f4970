// Where `autoexp pr` finds GitHub from a user's machine: the repository and API from the `origin` remote's
// URL, and a token from GITHUB_TOKEN or the GitHub CLI's login.
import { execFile } from 'node:child_process';

export interface GitHubRemote {
  /** github.com, or a GitHub Enterprise host. */
  host: string;
  owner: string;
  repo: string;
  /** The REST API's base URL for that host. */
  apiUrl: string;
}

/** Hosts that serve git but are not GitHub: their URLs are not taken for GitHub Enterprise. */
const NOT_GITHUB = /(^|\.)(gitlab\.com|bitbucket\.org|codeberg\.org|dev\.azure\.com|visualstudio\.com)$/i;

/** The REST API of a GitHub host: api.github.com, api.<name>.ghe.com, or https://HOST/api/v3 (Enterprise Server). */
export function apiUrlFor(host: string): string {
  const name = host.toLowerCase();
  if (name === 'github.com' || name === 'www.github.com') return 'https://api.github.com';
  if (name.endsWith('.ghe.com')) return `https://api.${name}`;
  return `https://${host}/api/v3`;
}

/**
 * The GitHub repository a remote URL names, in the forms git accepts: https://HOST/OWNER/REPO(.git),
 * ssh://git@HOST(:PORT)/OWNER/REPO(.git), git@HOST:OWNER/REPO(.git), git://HOST/OWNER/REPO. Undefined for a
 * local path, a file:// URL, or a URL that is not OWNER/REPO on a host.
 */
export function parseGitHubRemote(url: string): GitHubRemote | undefined {
  const text = url.trim();
  let host: string;
  let path: string;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(text);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol))
      return undefined;
    host = parsed.hostname;
    path = decodeURIComponent(parsed.pathname);
  } else if (scp && !/^[a-z]:\\/i.test(text)) {
    host = scp[1]!;
    path = scp[2]!;
  } else {
    return undefined;
  }
  // GitHub's ssh-over-443 host is github.com.
  if (host.toLowerCase() === 'ssh.github.com') host = 'github.com';
  if (host === '' || NOT_GITHUB.test(host)) return undefined;
  const parts = path
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .split('/');
  if (parts.length !== 2 || parts.some((part) => !/^[A-Za-z0-9_.-]+$/.test(part))) return undefined;
  const [owner, repo] = parts as [string, string];
  return { host, owner, repo, apiUrl: apiUrlFor(host) };
}

/**
 * The token for `host`: GITHUB_TOKEN, else what `gh auth token` says when the GitHub CLI is installed and
 * logged in; undefined when there is neither.
 */
export async function findGitHubToken(env: NodeJS.ProcessEnv, host: string): Promise<string | undefined> {
  const fromEnv = env.GITHUB_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  return new Promise((resolve) => {
    execFile(
      'gh',
      ['auth', 'token', '--hostname', host],
      { env, timeout: 15_000, encoding: 'utf8' },
      (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined),
    );
  });
}
