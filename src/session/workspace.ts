// The experiment branch and the private worktree autoexp works in (CONTRACT §3).
//
// autoexp never checks anything out in the user's checkout: it adds a git worktree for autoexp/<tag>
// under .git/autoexp/<tag>/, so the user's branch, index, working tree and untracked files are left
// exactly as they were, dirty or not.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Git } from '../git/git.js';

export class SetupError extends Error {
  override name = 'SetupError';
}

export interface WorkspacePlan {
  /** Wrapper over the user's checkout. */
  repo: Git;
  /** Git's common dir (absolute): where autoexp keeps its worktree and scratch files. */
  commonDir: string;
  branch: string;
  /** The ref new branches start from and that is merged in when it moved. */
  baseRef: string;
  /** Where an existing branch may be found when it is not local yet (e.g. refs/remotes/origin/autoexp/x). */
  remoteBranchRef?: string;
}

export interface OpenedWorkspace {
  workspace: Workspace;
  /** The branch did not exist and was created from base. */
  created: boolean;
  /** Base had moved and was merged in (a merge commit on the branch). */
  mergedBase: boolean;
  /** Files that conflicted when merging base; when non-empty no experiment may run. */
  conflicts: string[];
}

export class Workspace {
  private constructor(
    readonly git: Git,
    readonly path: string,
    readonly scratchDir: string,
    private readonly repo: Git,
  ) {}

  static scratchDirFor(commonDir: string, branch: string): string {
    return join(commonDir, 'autoexp', branch.replace(/^autoexp\//, '').replace(/\//g, '_'));
  }

  static async open(plan: WorkspacePlan): Promise<OpenedWorkspace> {
    const { repo, branch, baseRef } = plan;
    const scratchDir = Workspace.scratchDirFor(plan.commonDir, branch);
    const path = join(scratchDir, 'worktree');
    await mkdir(scratchDir, { recursive: true });

    const checkedOutAt = await repo.worktreeOf(branch);
    if (checkedOutAt !== undefined && checkedOutAt !== path) {
      throw new SetupError(
        `${branch} is checked out in ${checkedOutAt}; autoexp works on it in a worktree of its own. ` +
          `Switch that checkout to another branch and run again.`,
      );
    }
    // A worktree left behind by a session that was killed: start from a fresh one.
    await repo.removeWorktree(path);

    let created = false;
    if ((await repo.resolve(`refs/heads/${branch}`)) === undefined) {
      const remoteTip = plan.remoteBranchRef ? await repo.resolve(plan.remoteBranchRef) : undefined;
      const start = remoteTip ?? (await repo.resolve(baseRef));
      if (start === undefined) {
        throw new SetupError(
          `base branch "${baseRef}" does not exist; set "base" in autoexp.yml to an existing branch`,
        );
      }
      await repo.createBranch(branch, start);
      created = remoteTip === undefined;
    }
    await repo.addWorktree(path, branch);
    const workspace = new Workspace(repo.withCwd(path), path, scratchDir, repo);

    let mergedBase = false;
    let conflicts: string[] = [];
    if (!created && !(await workspace.git.isAncestor(baseRef, 'HEAD'))) {
      conflicts = await workspace.git.merge(baseRef, `autoexp: merge ${baseRef} into ${branch}`);
      mergedBase = conflicts.length === 0;
    }
    return { workspace, created, mergedBase, conflicts };
  }

  private incumbentPath: string | undefined;
  private incumbentCommit: string | undefined;

  /**
   * A second, detached worktree holding `commit`, for measuring the incumbent beside the candidate
   * (eval.interleave). Created on first use, moved when the incumbent changes.
   */
  async incumbentTree(commit: string): Promise<string> {
    if (this.incumbentPath === undefined) {
      const path = join(this.scratchDir, 'incumbent');
      await this.repo.removeWorktree(path);
      await this.repo.run(['worktree', 'add', '--quiet', '--detach', path, commit]);
      this.incumbentPath = path;
    } else if (this.incumbentCommit !== commit) {
      await this.repo.withCwd(this.incumbentPath).run(['checkout', '--quiet', '--detach', '--force', commit]);
    }
    this.incumbentCommit = commit;
    return this.incumbentPath;
  }

  private readonly workerPaths = new Map<number, string>();

  /**
   * Worker `index`'s detached worktree (workers > 1), reset to `commit` with nothing untracked left: each
   * worker proposes and measures its candidate there, beside the branch's own worktree.
   */
  async workerTree(index: number, commit: string): Promise<{ git: Git; path: string; scratchDir: string }> {
    const scratchDir = join(this.scratchDir, `worker-${index}`);
    const path = join(scratchDir, 'tree');
    const git = this.repo.withCwd(path);
    if (!this.workerPaths.has(index)) {
      await mkdir(scratchDir, { recursive: true });
      await this.repo.removeWorktree(path);
      await this.repo.run(['worktree', 'add', '--quiet', '--detach', path, commit]);
      this.workerPaths.set(index, path);
    } else {
      await git.run(['checkout', '--quiet', '--detach', '--force', commit]);
      await git.removeUntracked();
    }
    return { git, path, scratchDir };
  }

  /** Removes the worktrees (the branch and its commits stay). Safe to call twice. */
  async close(): Promise<void> {
    await this.repo.removeWorktree(this.path);
    if (this.incumbentPath !== undefined) await this.repo.removeWorktree(this.incumbentPath);
    for (const path of this.workerPaths.values()) await this.repo.removeWorktree(path);
    this.workerPaths.clear();
  }
}
