// The experiment trees of one session: the branch's own, one per worker (workers > 1) and the
// incumbent's (eval.interleave). Every tree that measures gets eval.setup before its first eval. When the
// session ends, however it ends, they are parked (HEAD detached, files left) for the next session of the
// tag, which checks them against their commit instead of writing a new tree (see ExperimentTree.create).
import { join } from 'node:path';
import type { Git, LockHeldHandler } from '../git/git.js';
import { ExperimentTree } from '../tree/experiment-tree.js';
import type { Measurer } from './measuring.js';

export class SessionTrees {
  private readonly all: ExperimentTree[] = [];
  private incumbentTree: ExperimentTree | undefined;
  measurer: Measurer | undefined;

  constructor(
    private repo: Git,
    private readonly commonDir: string,
    /** This tag's directory (see src/tree/places.ts). */
    readonly place: string,
    /**
     * Nothing untrusted can outlive this session or have outlived the last one (commands contained in PID
     * namespaces, the last session not killed): parked trees are taken over and left with a park record
     * (see ExperimentTree.park).
     */
    readonly trustParked: boolean,
  ) {}

  /** Trees made from now on run git with `handler` for the locks it finds taken (Git.whenLockHeld). */
  whenLockHeld(handler: LockHeldHandler): void {
    this.repo = this.repo.whenLockHeld(handler);
  }

  /** The branch's tree, at <place>/tree, with the session's scratch files beside it. */
  async branch(branch: string): Promise<ExperimentTree> {
    return this.track(
      await ExperimentTree.create(this.repo, {
        path: join(this.place, 'tree'),
        scratchDir: this.place,
        commonDir: this.commonDir,
        trustParked: this.trustParked,
        branch,
      }),
    );
  }

  /** Worker `index`'s tree, detached at `commit`, set up. */
  async worker(index: number, commit: string): Promise<ExperimentTree> {
    const scratchDir = join(this.place, `worker-${index}`);
    const tree = this.track(
      await ExperimentTree.create(this.repo, {
        path: join(scratchDir, 'tree'),
        scratchDir,
        commonDir: this.commonDir,
        trustParked: this.trustParked,
        detached: commit,
      }),
    );
    await this.measurer!.setup(tree);
    return tree;
  }

  /** The interleave tree, detached at `commit` (created and set up on first use, moved after). */
  async incumbent(commit: string): Promise<ExperimentTree> {
    if (!this.incumbentTree) {
      const scratchDir = join(this.place, 'incumbent');
      this.incumbentTree = this.track(
        await ExperimentTree.create(this.repo, {
          path: join(scratchDir, 'tree'),
          scratchDir,
          commonDir: this.commonDir,
          trustParked: this.trustParked,
          detached: commit,
        }),
      );
      await this.measurer!.setup(this.incumbentTree);
    } else {
      // It waited while other trees' evals ran (workers), which may have written into its index.
      await this.incumbentTree.putBack();
      if (!commit.startsWith(this.incumbentTree.head) && !this.incumbentTree.head.startsWith(commit))
        await this.incumbentTree.resetTo(commit);
    }
    return this.incumbentTree;
  }

  private track(tree: ExperimentTree): ExperimentTree {
    this.all.push(tree);
    return tree;
  }

  /**
   * Parks every tree for the next session; none has the branch checked out after. Safe to call twice, and
   * never throws: a tree that cannot be parked is made anew by the next session, and the session's end
   * (the repository check, the lock) must not depend on it.
   */
  async parkAll(): Promise<void> {
    for (const tree of this.all.splice(0))
      await tree.park({ record: this.trustParked }).catch(() => undefined);
  }
}
