// Pushing autoexp/<tag> (the CLI's --push and the Action share this).
import type { Git } from '../git/git.js';
import { bestRefName } from './best.js';

export type PushResult = { ok: true } | { ok: false; rejected: boolean; message: string };

/** git's words for "the remote branch moved meanwhile" (as opposed to "you may not push"). */
const REJECTED =
  /\[rejected\]|\(fetch first\)|non-fast-forward|cannot lock ref|failed to update ref|stale info/;

/**
 * Pushes the branch and, when there is one, its best pointer, in one atomic push that is never forced:
 * both move or neither does, and nothing the remote has is overwritten.
 */
export async function pushBranch(
  remote: Git,
  tag: string,
  branch: string,
  remoteName = 'origin',
): Promise<PushResult> {
  const refspecs = [`refs/heads/${branch}:refs/heads/${branch}`];
  const best = bestRefName(tag);
  if (await remote.resolve(best)) refspecs.push(`${best}:${best}`);
  const result = await remote.push(remoteName, refspecs);
  if (result.exitCode === 0) return { ok: true };
  const output = `${result.stdout}\n${result.stderr}`;
  const message =
    result.stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ') ||
    `git push exited ${result.exitCode}`;
  return { ok: false, rejected: REJECTED.test(output), message };
}
