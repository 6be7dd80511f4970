// The Node check both entry points run first. It must load on an old Node too: this module imports
// nothing, and the entries import everything else only after it passed (with import(), so that no module
// using what only Node 24 has is even linked before). An old Node then gets one clear line, not a
// SyntaxError from deep inside a chunk.

export const MINIMUM_NODE_MAJOR = 24;

/** Why this Node cannot run autoexp (`needs Node 24 or later (this is Node 20.19.5)`), or undefined. */
export function nodeVersionProblem(version: string = process.versions.node): string | undefined {
  const major = Number(version.split('.')[0]);
  if (major >= MINIMUM_NODE_MAJOR) return undefined;
  return `needs Node ${MINIMUM_NODE_MAJOR} or later (this is Node ${version})`;
}

/**
 * True when this Node can run autoexp. Otherwise prints the problem (for the Action as an error
 * annotation), sets exit code 1 and returns false: the entry then loads nothing more.
 */
export function checkNodeVersion(entry: 'cli' | 'action'): boolean {
  const problem = nodeVersionProblem();
  if (problem === undefined) return true;
  if (entry === 'action') process.stdout.write(`::error::autoexp: ${problem}\n`);
  else process.stderr.write(`autoexp: ${problem}\n`);
  process.exitCode = 1;
  return false;
}
