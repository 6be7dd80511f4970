// What untrusted code (a proposal, an eval) may not change in the repository, checked and put back
// after every run of it:
// - the repository's config, hooks and info/ (exclude, attributes), and object alternates: a planted
//   core.fsmonitor, hook, filter or alternate would otherwise run or apply later, in autoexp's own git
//   calls or in the user's. They are put back to what they were when the session started.
// - every ref but the session's own (its branch, its refs/autoexp/<tag>/ refs and their remote-tracking
//   copies): main and every other branch stay where they were before the run.
//
// Checked from the files themselves (no git process), so the check is cheap enough to run after every
// proposal and every eval.
import type { Git, RefValues } from '../git/git.js';
import { restoreFiles, snapshotFiles, type FileSnapshot } from './files.js';
import { changedRefs, readRefs, restoreRefs } from './refs.js';

/** Relative to the git common dir. */
const PROTECTED_PATHS = [
  'config',
  'config.worktree',
  'hooks',
  'info',
  'objects/info/alternates',
  'objects/info/http-alternates',
];

export class RepositoryGuard {
  private openRuns = 0;
  private refsBefore: RefValues | undefined;

  private constructor(
    private readonly git: Git,
    readonly commonDir: string,
    private readonly files: FileSnapshot,
    private readonly ownRef: (ref: string) => boolean,
  ) {}

  /**
   * Takes the snapshot to hold the repository to. `ownRef`: the refs the session itself moves (its
   * branch, its refs/autoexp/<tag>/ refs, their remote-tracking copies); every other ref is protected.
   */
  static async take(git: Git, commonDir: string, ownRef: (ref: string) => boolean): Promise<RepositoryGuard> {
    return new RepositoryGuard(git, commonDir, await snapshotFiles(commonDir, PROTECTED_PATHS), ownRef);
  }

  /** Before untrusted code runs: remembers the refs. Runs may overlap (workers); each is ended once. */
  async begin(): Promise<void> {
    if (this.openRuns++ === 0 || !this.refsBefore) this.refsBefore = await readRefs(this.commonDir, this.git);
  }

  /**
   * After untrusted code ran: puts back whatever it changed and says what that was, in words for the
   * experiment's reason (e.g. "planted .git/hooks/post-commit", "moved refs/heads/main").
   */
  async end(): Promise<string[]> {
    this.openRuns = Math.max(0, this.openRuns - 1);
    return this.check();
  }

  /** Compares with the snapshots and puts back what differs; returns what it put back. */
  async check(): Promise<string[]> {
    const findings: string[] = [];
    for (const path of await restoreFiles(this.commonDir, PROTECTED_PATHS, this.files)) {
      findings.push(`${this.files.has(path) ? 'changed' : 'planted'} .git/${path}`);
    }
    if (this.refsBefore) {
      let now = await readRefs(this.commonDir, this.git);
      let moved = changedRefs(this.refsBefore, now, this.ownRef);
      if (moved.length > 0) {
        // packed-refs and the loose files are two reads: a `git pack-refs` (gc) between them looks like a
        // deleted ref. Only what a second read confirms counts.
        now = await readRefs(this.commonDir, this.git);
        const again = new Set(changedRefs(this.refsBefore, now, this.ownRef));
        moved = moved.filter((ref) => again.has(ref));
      }
      if (moved.length > 0) {
        await restoreRefs(this.git, this.refsBefore, moved);
        for (const ref of moved)
          findings.push(
            `${this.refsBefore.has(ref) ? (now.has(ref) ? 'moved' : 'deleted') : 'created'} ${ref}`,
          );
      }
    }
    return findings;
  }
}
