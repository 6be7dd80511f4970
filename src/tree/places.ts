// Where experiment trees live: outside the repository's .git, because coding agents treat every path
// under .git as protected and refuse to edit there in their safe modes.
// - AUTOEXP_TREES, when set;
// - in GitHub Actions, the runner's temp dir ($RUNNER_TEMP/autoexp), emptied after every job;
// - otherwise the user's cache dir ($XDG_CACHE_HOME/autoexp/trees, ~/.cache/autoexp/trees).
// One directory per repository (its name and a hash of its git dir, so two clones never share one) and
// per tag.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export function treesRoot(env: NodeJS.ProcessEnv): string {
  if (env.AUTOEXP_TREES) return env.AUTOEXP_TREES;
  if (env.GITHUB_ACTIONS === 'true' && env.RUNNER_TEMP) return join(env.RUNNER_TEMP, 'autoexp');
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'autoexp', 'trees');
}

/** The directory of one tag's trees and scratch files (logs, prompts). */
export function sessionPlace(env: NodeJS.ProcessEnv, commonDir: string, tag: string): string {
  const hash = createHash('sha256').update(commonDir).digest('hex').slice(0, 10);
  const name = basename(dirname(commonDir)).replace(/[^A-Za-z0-9._-]/g, '_') || 'repo';
  return join(treesRoot(env), `${name}-${hash}`, tag);
}
