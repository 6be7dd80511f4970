// When scope.modify matches no tracked file, the likely reason is a typo or a file not committed yet.
// This says which, pattern by pattern, so the message names the actual mistake. Pure: the caller passes
// the tracked paths and, optionally, a way to tell whether a path exists in the checkout.
import picomatch from 'picomatch';
import { closestMatch } from './suggest.js';

const GLOB = /[*?[\]{}!]/;

export interface ScopeHintOptions {
  /** Whether a repository-relative path exists in the user's checkout (tracked or not). */
  exists?: (path: string) => boolean;
}

/** What is wrong with one pattern that matches no tracked file. */
export function unmatchedPatternHint(
  pattern: string,
  tracked: readonly string[],
  options: ScopeHintOptions = {},
): string {
  const shown = JSON.stringify(pattern);
  if (!GLOB.test(pattern)) {
    if (options.exists?.(pattern)) {
      return `${shown} is not committed yet (git add ${quoteForShell(pattern)} && git commit -m 'files to optimize')`;
    }
    const insideDirectory = tracked.find((path) => path.startsWith(`${pattern}/`));
    if (insideDirectory !== undefined) return `${shown} is a directory; write "${pattern}/**" for its files`;
    const close = closestMatch(pattern, tracked) ?? sameName(pattern, tracked);
    if (close !== undefined) return `${shown} is not a tracked file (did you mean "${close}"?)`;
    return `${shown} is not a tracked file`;
  }
  const ignoringCase = picomatch(pattern, { dot: true, nocase: true });
  const caseOnly = tracked.find((path) => ignoringCase(path));
  if (caseOnly !== undefined)
    return `${shown} matches no tracked file (did you mean "${caseOnly}"? mind the case)`;
  return `${shown} matches no tracked file`;
}

/**
 * The message for "scope.modify matches no tracked file": each pattern that matches nothing, with its
 * likely fix. For example:
 * `no tracked file matches scope.modify: "confg.yaml" is not a tracked file (did you mean "config.yaml"?)`
 */
export function unmatchedScopeMessage(
  patterns: readonly string[],
  tracked: readonly string[],
  options: ScopeHintOptions = {},
): string {
  const unmatched = patterns.filter((pattern) => {
    const matches = picomatch(pattern, { dot: true });
    return !tracked.some((path) => matches(path));
  });
  const hints = unmatched.map((pattern) => unmatchedPatternHint(pattern, tracked, options));
  if (hints.length === 0) return 'no tracked file matches scope.modify; commit the files to optimize first';
  return `no tracked file matches scope.modify: ${hints.join('; ')}`;
}

/** A tracked file with the same name in another directory, when there is exactly one. */
function sameName(pattern: string, tracked: readonly string[]): string | undefined {
  const name = pattern.slice(pattern.lastIndexOf('/') + 1);
  const found = tracked.filter((path) => path.slice(path.lastIndexOf('/') + 1) === name);
  return found.length === 1 ? found[0] : undefined;
}

function quoteForShell(path: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
