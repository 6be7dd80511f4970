// Paths and globs in autoexp.yml are relative to the repository root and written with forward slashes,
// so the same config means the same files on every machine and can never reach outside the repository.

/** `./src/x.ts` -> `src/x.ts`, `out/` -> `out`. */
export function normalizeRepoPath(path: string): string {
  let normalized = path.trim();
  while (normalized.startsWith('./')) normalized = normalized.slice(2);
  while (normalized.length > 1 && normalized.endsWith('/')) normalized = normalized.slice(0, -1);
  return normalized;
}

/** Why `path` is not a usable repository-relative path or glob, or undefined when it is. */
export function repoPathProblem(path: string): string | undefined {
  const shown = JSON.stringify(path);
  if (path.includes('\\')) return `${shown}: use forward slashes (a/b), not backslashes`;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.startsWith('~')) {
    return `${shown} is an absolute path; write it relative to the repository root`;
  }
  const normalized = normalizeRepoPath(path);
  if (normalized.split('/').includes('..')) return `${shown} leaves the repository (".." is not allowed)`;
  if (normalized === '' || normalized === '.')
    return `${shown} is the whole repository; name files or directories inside it`;
  return undefined;
}

/** Why `path` is not a plain directory path inside the repository (results.dir), or undefined. */
export function directoryPathProblem(path: string): string | undefined {
  const problem = repoPathProblem(path);
  if (problem) return problem;
  const shown = JSON.stringify(path);
  if (/[*?[\]{}!]/.test(path)) return `${shown} is a pattern; write a plain directory path`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return `${shown} has control characters`;
  if (
    normalizeRepoPath(path)
      .split('/')
      .some((part) => part === '.git' || part === '.' || part === '')
  )
    return `${shown} is not a plain directory path (no ".git", ".", or empty parts)`;
  return undefined;
}
