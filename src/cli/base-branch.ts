// Which branch `finalize` and `pr` treat as base: autoexp.yml's `base`, else the branch checked out (as for
// `autoexp run`), never an experiment branch.
import type { Settings } from '../config/settings.js';
import { CliError } from './commands.js';

export function chooseBase(settings: Settings, currentBranch: string | undefined): string {
  if (settings.base !== undefined) return settings.base;
  if (currentBranch === undefined)
    throw new CliError(
      'HEAD is detached, so there is no current branch to use as base; set "base" in autoexp.yml',
    );
  if (/^autoexp(-final)?\//.test(currentBranch))
    throw new CliError(
      `the current branch ${currentBranch} is autoexp's, not a base: switch to the branch the experiments ` +
        'started from (git switch main), or set "base" in autoexp.yml',
    );
  return currentBranch;
}
