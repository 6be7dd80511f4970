// Which files an experiment may change (CONTRACT §1 scope.modify; §6: everything else is protected).
import picomatch from 'picomatch';
import type { ChangedPath } from '../git/git.js';

export type ScopeMatcher = (path: string) => boolean;

/** A matcher for repo-relative paths against scope globs (dotfiles included: `.env*` must be nameable). */
export function scopeMatcher(globs: readonly string[]): ScopeMatcher {
  if (globs.length === 0) return () => false;
  return picomatch([...globs], { dot: true });
}

export interface ScopeCheck {
  /** Changed paths inside scope.modify. */
  inScope: ChangedPath[];
  /** Changed paths outside it (new, deleted, renamed or mode-changed files count as changed). */
  outOfScope: ChangedPath[];
}

export function checkScope(
  changed: readonly ChangedPath[],
  inScope: ScopeMatcher,
  ledgerDir: string,
): ScopeCheck {
  const result: ScopeCheck = { inScope: [], outOfScope: [] };
  const ledgerPrefix = ledgerDir.replace(/\/+$/, '') + '/';
  for (const change of changed) {
    // The ledger is autoexp's own; a proposal that writes into it is out of scope even if a glob matches.
    const allowed = inScope(change.path) && !change.path.startsWith(ledgerPrefix);
    (allowed ? result.inScope : result.outOfScope).push(change);
  }
  return result;
}

/** "out of scope: Makefile, sim/evaluate.js (+2 more)" */
export function describeOutOfScope(paths: readonly ChangedPath[]): string {
  const names = paths.slice(0, 3).map((change) => change.path);
  const more = paths.length > 3 ? ` (+${paths.length - 3} more)` : '';
  return `out of scope: ${names.join(', ')}${more}`;
}
