// Where the final commit goes: the local branch autoexp-final/<tag>, and with a push the remote's. Both
// are replaced only when their head is finalize's own commit for the tag (nobody's work on top of it is
// lost), and the remote only with a lease on the head autoexp looked at: never a blind force, never base.
import type { Git } from '../git/git.js';
import { pushFailureReason } from '../session/push.js';
import { FinalizeError, isFinalCommit, type FinalCommit } from './final-branch.js';

export type FinalPush = 'created' | 'replaced' | 'unchanged';

/** A head that may be replaced: finalize's own, or one with the same content on the same base. */
async function checkReplaceable(
  git: Git,
  final: FinalCommit,
  head: string,
  where: string,
): Promise<'same' | 'replace'> {
  const info = await git.commitInfo(head);
  if (!isFinalCommit(info, final.tag)) {
    throw new FinalizeError(
      `${where} has commits autoexp did not make (its head is ${head.slice(0, 12)}), so it is left as it is: ` +
        `merge what you need from it and delete it (git branch -D / git push --delete), then finalize again`,
    );
  }
  return info.tree === final.tree && info.parents[0] === final.baseCommit ? 'same' : 'replace';
}

/**
 * Points the local branch autoexp-final/<tag> at the final commit (or keeps it where it is when it already
 * holds the same). Returns the commit the branch now has.
 */
export async function setLocalFinalBranch(git: Git, final: FinalCommit): Promise<string> {
  const ref = `refs/heads/${final.branch}`;
  const current = await git.resolve(ref);
  if (current !== undefined) {
    const checkedOut = await git.worktreeOf(final.branch);
    if (checkedOut !== undefined)
      throw new FinalizeError(
        `${final.branch} is checked out in ${checkedOut}; switch that checkout to another branch first`,
      );
    if ((await checkReplaceable(git, final, current, `the local branch ${final.branch}`)) === 'same')
      return current;
  }
  await git.setRef(ref, final.commit);
  return final.commit;
}

/**
 * Pushes `commit` (the local final branch's head) to `remoteName`'s autoexp-final/<tag>: creates it, leaves
 * it when it holds the same, or replaces finalize's own earlier commit. `remote` carries the credentials.
 */
export async function pushFinalBranch(
  remote: Git,
  remoteName: string,
  final: FinalCommit,
  commit: string,
): Promise<FinalPush> {
  const ref = `refs/heads/${final.branch}`;
  const seen = await remote.lsRemote(remoteName, [ref]);
  if (seen.exitCode !== 0)
    throw new FinalizeError(
      `cannot reach ${remoteName}: ${seen.stderr.trim() || `git ls-remote exited ${seen.exitCode}`}`,
    );
  const line = seen.stdout.split('\n').find((text) => text.endsWith(`\t${ref}`));
  const there = line?.split('\t')[0];
  if (there !== undefined) {
    if (there === commit) return 'unchanged';
    const fetched = await remote.fetch(remoteName, [`+${ref}:refs/remotes/${remoteName}/${final.branch}`]);
    if (fetched.exitCode !== 0)
      throw new FinalizeError(`cannot fetch ${final.branch} from ${remoteName}: ${fetched.stderr.trim()}`);
    if ((await checkReplaceable(remote, final, there, `${remoteName}'s ${final.branch}`)) === 'same') {
      // The same content on the same base: leave the remote (and any PR on it) alone, and take its commit.
      await remote.setRef(`refs/heads/${final.branch}`, there);
      return 'unchanged';
    }
  }
  const pushed = await remote.pushReplacing(remoteName, commit, ref, there ?? '');
  if (pushed.exitCode !== 0)
    throw new FinalizeError(
      `git push of ${final.branch} to ${remoteName} failed: ${pushFailureReason(pushed)}`,
    );
  return there === undefined ? 'created' : 'replaced';
}
