// Which files an experiment may change: scope.modify, and nothing else (docs/format.md, scope).
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
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

/**
 * Changes that are not plain files, whatever their path: a symlink (autoexp's own writes, and reading the
 * file for the log, would follow it out of the tree), a gitlink, or a nested repository (git lists one
 * as an untracked directory, "dir/"). Each gets what it is in its path, e.g. "link.yaml (a symlink)".
 */
export async function notPlainFiles(root: string, changes: readonly ChangedPath[]): Promise<ChangedPath[]> {
  const found: ChangedPath[] = [];
  for (const change of changes) {
    let kind: string | undefined;
    const name = change.path.split('/').pop();
    if (name === '.gitattributes' || name === '.gitmodules') kind = 'changes how git stores files';
    else if (change.mode === '120000') kind = 'a symlink';
    else if (change.mode === '160000') kind = 'a gitlink';
    else if (change.code === '??' && change.path.endsWith('/')) kind = 'a nested repository';
    else if ((await lstat(join(root, change.path)).catch(() => undefined))?.isSymbolicLink())
      kind = 'a symlink';
    if (kind) found.push({ ...change, path: `${change.path.replace(/\/$/, '')} (${kind})` });
  }
  return found;
}

/** "out of scope: Makefile, sim/evaluate.js (+2 more)" */
export function describeOutOfScope(paths: readonly ChangedPath[]): string {
  const names = paths.slice(0, 3).map((change) => change.path);
  const more = paths.length > 3 ? ` (+${paths.length - 3} more)` : '';
  return `out of scope: ${names.join(', ')}${more}`;
}
