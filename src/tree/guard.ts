// What untrusted code (a proposal, an eval) may not change in the repository, checked and put back
// after every run of it:
// - the repository's config, hooks and info/ (exclude, attributes), and object alternates: a planted
//   core.fsmonitor, hook, filter or alternate would otherwise run or apply later, in autoexp's own git
//   calls or in the user's. They are put back to what they were when the session started.
// - every ref but the ones the session moves while runs go on (its branch and its remote-tracking copy):
//   main and every other branch stay where they were before the run. refs/autoexp/<tag>/best and
//   …/nodes/* are checked too; autoexp notes where it puts them (noteOwnRef).
//
// Checked from the files themselves (no git process), so the check is cheap enough to run after every
// proposal and every eval.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Stats } from 'node:fs';
import { lstat, mkdir, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Git, LockHeldHandler } from '../git/git.js';
import { restoreFiles, snapshotFiles, type FileSnapshot } from './files.js';
import { readPlainFile, writeNewPlainFile } from './plain-file.js';
import { readRefs, refLocks, restoreRefs, type RefSnapshot } from './refs.js';

/** Relative to the git common dir. */
const PROTECTED_PATHS = [
  'config',
  'config.worktree',
  'hooks',
  'info',
  'objects/info/alternates',
  'objects/info/http-alternates',
  // A planted shallow file cuts the history off: merges of base fail from then on.
  'shallow',
];

/**
 * Inside PROTECTED_PATHS, what is left alone: info/refs is the ref list for dumb-HTTP clients, which no
 * local git command reads; every repack (a background `git gc --auto`) rewrites it.
 */
const UNGUARDED: ReadonlySet<string> = new Set(['info/refs']);

/**
 * A worktree's record (its gitdir, HEAD) or the .git file a pointer names, as text ('' when it is not a
 * plain file): a run can leave a FIFO at any of them, or point a record at one, and a read that waited for
 * a writer would stop the check, and the session, for good. Not through a link either.
 */
async function readRecord(path: string): Promise<string> {
  return (await readPlainFile(path, 64 * 1024))?.toString('utf8') ?? '';
}

/**
 * Removes worktree git dirs that are symlinks (only the links): `git worktree prune` would empty the
 * directory one points to, and git never makes one. `.git/worktrees` itself made a symlink goes too
 * (reported as "worktrees"): everything that walks it (git's prune, this guard) would act on whatever
 * it points to.
 */
export async function unlinkSymlinkedGitDirs(commonDir: string): Promise<string[]> {
  const dir = join(commonDir, 'worktrees');
  const stat = await lstat(dir).catch(() => undefined);
  if (stat?.isSymbolicLink()) {
    await rm(dir, { force: true });
    return ['worktrees'];
  }
  if (!stat?.isDirectory()) return [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const links = entries.filter((entry) => entry.isSymbolicLink()).map((entry) => entry.name);
  for (const name of links) await rm(join(dir, name), { force: true });
  return links;
}

/**
 * Removes what a reflog directory (`logs`, under a git dir) holds that git never makes there: symlinks,
 * anything but directories and files, the directory itself when it is not one; and files with other
 * names (hard links) among the reflogs `appendedTo` names (relative to `logs`). git appends a line to a
 * ref's reflog at every move of the ref, through a link too: one planted to a file of yours (your index,
 * a script) would have autoexp's own commits and resets append to it. The user's own reflogs may be hard
 * links (a `cp -al` backup), so only the ones autoexp appends to are judged by that. Says what it removed.
 */
export async function removeLinkedLogs(
  logs: string,
  appendedTo: (name: string) => boolean = () => true,
): Promise<string[]> {
  const removed: string[] = [];
  // Each directory is read with its entries' types: one call however many reflogs it holds (a clone with
  // thousands of remote branches has one for each). Only a reflog autoexp appends to gets a look of its
  // own, for its link count.
  const visit = async (path: string, name: string, kind: Pick<Stats, 'isDirectory' | 'isFile'>) => {
    if (kind.isDirectory()) {
      for (const entry of await readdir(path, { withFileTypes: true }).catch(() => [])) {
        const entryName = name ? `${name}/${entry.name}` : entry.name;
        // The common case, a reflog autoexp never appends to, without a path made for it.
        if (entry.isFile() && !appendedTo(entryName)) continue;
        await visit(join(path, entry.name), entryName, entry);
      }
      return;
    }
    if (kind.isFile()) {
      if (!appendedTo(name)) return;
      const found = await lstat(path).catch(() => undefined);
      if (!found || (found.isFile() && found.nlink === 1)) return;
    }
    await rm(path, { recursive: true, force: true });
    removed.push(name || '.');
  };
  const found = await lstat(logs).catch(() => undefined);
  if (found) await visit(logs, '', found);
  return removed;
}

/**
 * How long a ref lock that appeared during a run may stay after it before the guard takes it for one no
 * git process holds (git holds one for the moment of a write, and waits at most a second for a lock
 * itself): then it goes, or every later write of that ref fails.
 */
const STALE_LOCK_MS = 2000;

/**
 * Whether a lock file (`found`: its lstat) was taken or touched within STALE_LOCK_MS: by its change time,
 * which the kernel sets on every write and utime and nothing can set back.
 */
export function renewedLately(found: Stats): boolean {
  return Date.now() - found.ctimeMs < STALE_LOCK_MS;
}

/**
 * How long a lock that fails one of autoexp's own git steps may go on being renewed while no untrusted
 * code runs before autoexp gives up on it (the step fails as it would have): only a process that
 * outlived its run could renew it then.
 */
const HELD_LOCK_WAIT_MS = 10_000;

/** A worktree's half-done operations that make git count their branch as checked out in it. */
const BRANCH_HOLDING_STATE = ['rebase-merge', 'rebase-apply', 'BISECT_START'];

export class RepositoryGuard {
  private openRuns = 0;
  private refsBefore: RefSnapshot | undefined;
  /** packed-refs as it was: git looks refs up in it by binary search, so its order matters too. */
  private packedBefore: Buffer | undefined;
  /** The worktrees git knows of (names under worktrees/). */
  private worktreesBefore: string[] = [];
  /**
   * The worktrees that were the user's when the session started (names under worktrees/), with their
   * pointer (gitdir) then: theirs for the whole session, whatever their pointer names later. A run can
   * write it: pointed at one of the session's tree paths, the check would detach the user's HEAD there and
   * remove their rebase in progress, and a lock of theirs would count as the session's (isOwnLock).
   */
  private readonly usersWorktrees = new Map<string, string>();
  /** The ref locks there were (see refLocks): ones that were there before a run are not its doing. */
  private locksBefore: ReadonlySet<string> | undefined;
  /**
   * Where autoexp put its own protected refs (undefined: deleted it): laid over every snapshot, so that a
   * snapshot read while autoexp moved one (workers) does not hold the old value.
   */
  private readonly ownValues = new Map<string, string | undefined>();

  private constructor(
    private readonly git: Git,
    readonly commonDir: string,
    private readonly files: FileSnapshot,
    private readonly ownRef: (ref: string) => boolean,
    /** Directories where the session adds and parks trees of its own; other new worktrees are removed. */
    private readonly treePlaces: readonly string[],
  ) {}

  /**
   * Takes the snapshot to hold the repository to. `ownRef`: the refs the session itself moves (its
   * branch, its refs/autoexp/<tag>/ refs, their remote-tracking copies); every other ref is protected.
   * `treePlace`: the directory the session's own trees live in.
   */
  static async take(
    git: Git,
    commonDir: string,
    ownRef: (ref: string) => boolean,
    treePlace: string,
  ): Promise<RepositoryGuard> {
    const guard = new RepositoryGuard(
      git,
      commonDir,
      await snapshotFiles(commonDir, PROTECTED_PATHS, UNGUARDED),
      ownRef,
      [treePlace, await realpath(treePlace).catch(() => treePlace)].map((place) => `${place}/`),
    );
    // The user's own worktrees are never "added by a run", whether or not untrusted code ever runs.
    guard.worktreesBefore = await guard.worktrees();
    for (const name of guard.worktreesBefore)
      if (!(await guard.isSessionTree(name)))
        guard.usersWorktrees.set(name, await readRecord(join(commonDir, 'worktrees', name, 'gitdir')));
    return guard;
  }

  /**
   * Where a worktree at one of the session's own tree paths (src/session/trees.ts names them) may stand:
   * the branch's tree (`tree`) detached or on one of the session's own refs, a worker's or the incumbent
   * tree detached (autoexp never puts them on a branch). Undefined when `pointer` is no such path.
   */
  private ownTreeRule(pointer: string): ((head: string) => boolean) | undefined {
    for (const place of this.treePlaces) {
      if (!pointer.startsWith(place)) continue;
      const rest = pointer.slice(place.length);
      const detached = (head: string) => !head.startsWith('ref: ');
      if (rest === 'tree/.git') return (head) => detached(head) || this.ownRef(head.slice('ref: '.length));
      if (/^(incumbent|worker-\d+)\/tree\/\.git$/.test(rest)) return detached;
    }
    return undefined;
  }

  /**
   * Whether the worktree git knows as `name` is one of the session's own trees (parked by an earlier
   * session, at the start): its pointer names one of the session's tree paths, and the .git file there
   * points back to it. Untrusted code can write any worktree's pointer; a worktree of yours pointed at a
   * tree of the session's is not pointed at from there.
   */
  private async isSessionTree(name: string): Promise<boolean> {
    const admin = join(this.commonDir, 'worktrees', name);
    const pointer = (await readRecord(join(admin, 'gitdir'))).trim();
    return (
      pointer !== '' && this.ownTreeRule(pointer) !== undefined && (await this.pointsBack(pointer, admin))
    );
  }

  /** Whether the .git file at `pointer` (a worktree's gitdir) names the worktree git dir `admin`. */
  private async pointsBack(pointer: string, admin: string): Promise<boolean> {
    if (!pointer) return false;
    const back = /^gitdir: (.+)$/.exec((await readRecord(pointer)).trim())?.[1];
    if (!back) return false;
    const real = join(
      await realpath(this.commonDir).catch(() => this.commonDir),
      'worktrees',
      basename(admin),
    );
    return back === admin || back === real;
  }

  private async worktrees(): Promise<string[]> {
    return readdir(join(this.commonDir, 'worktrees')).catch(() => []);
  }

  /**
   * While set, autoexp is using the repository for something untrusted code must not steer (a push or
   * fetch, which reads .git/config and carries credentials): no run begins until it settles.
   */
  private quietUntil: Promise<void> | undefined;
  /** Set inside quiet()'s work: a quiet() called from there runs at once (it is quiet already). */
  private readonly insideQuiet = new AsyncLocalStorage<true>();
  /** Called when the last open run ends (quiet() waits for it). */
  private onIdle: (() => void) | undefined;

  /** How many runs of untrusted code are in flight (with workers, others may be while one is checked). */
  get runsInFlight(): number {
    return this.openRuns;
  }

  /** Before untrusted code runs: remembers the refs. Runs may overlap (workers); each is ended once. */
  async begin(): Promise<void> {
    while (this.quietUntil) await this.quietUntil;
    if (this.openRuns++ === 0 || !this.refsBefore) {
      this.packedBefore = await readPlainFile(join(this.commonDir, 'packed-refs'));
      const refs = await readRefs(this.commonDir, this.git);
      for (const [ref, value] of this.ownValues) {
        if (value === undefined) refs.delete(ref);
        else refs.set(ref, value);
      }
      this.refsBefore = refs;
      this.worktreesBefore = await this.worktrees();
      this.locksBefore = new Set(await refLocks(this.commonDir));
    }
  }

  /**
   * autoexp moved one of its own protected refs (refs/autoexp/<tag>/best, …/nodes/<n>): the new value is
   * the expected one (undefined: autoexp deletes it).
   */
  noteOwnRef(ref: string, value: string | undefined): void {
    this.ownValues.set(ref, value);
    if (value === undefined) this.refsBefore?.delete(ref);
    else this.refsBefore?.set(ref, value);
  }

  /**
   * After untrusted code ran: puts back whatever it changed and says what that was, in words for the
   * experiment's reason (e.g. "planted .git/hooks/post-commit", "moved refs/heads/main").
   */
  async end(): Promise<string[]> {
    // The run counts as open until what it changed is put back: a run that begins meanwhile (workers)
    // would otherwise take the refs as they are mid-check (a branch it moved, not yet put back) for the
    // ones to hold the repository to, and neither check would put them back; and quiet() would run its
    // work beside this check.
    try {
      return await this.check();
    } finally {
      this.openRuns = Math.max(0, this.openRuns - 1);
      if (this.openRuns === 0) this.onIdle?.();
    }
  }

  /**
   * Runs `work` while no untrusted code runs, on the repository as the session started. With workers,
   * other trees' proposers and evals run while autoexp pushes; the guard puts the config back when a run
   * ends, but one still running could write it again between that and the push, and git reads it then: a
   * planted `remote.origin.pushurl = ext::…` would run a command of its choosing outside any sandbox,
   * with the push's credentials in its environment, and a planted proxy or URL rewrite would send them
   * elsewhere. So `work` waits for the runs in flight to end, and no run begins before it is done.
   */
  async quiet<T>(work: () => Promise<T>): Promise<T> {
    if (this.insideQuiet.getStore()) return work();
    while (this.quietUntil) await this.quietUntil;
    let settle!: () => void;
    this.quietUntil = new Promise((resolve) => (settle = resolve));
    try {
      if (this.openRuns > 0) await new Promise<void>((resolve) => (this.onIdle = resolve));
      this.onIdle = undefined;
      // What a run changed is put back when it ends; this also covers what changed since.
      await this.check();
      const result = await this.insideQuiet.run(true, work);
      // What `work` moved (a push moves the branch's remote-tracking ref, a pruning push may rewrite
      // packed-refs) is autoexp's: the next run's snapshot is taken afresh, not compared with this one.
      this.refsBefore = undefined;
      this.packedBefore = undefined;
      this.locksBefore = undefined;
      return result;
    } finally {
      this.quietUntil = undefined;
      settle();
    }
  }

  /**
   * For the session's own git (Git.whenLockHeld): a step of autoexp's that failed on a lock in one of the
   * session's places is run again once no untrusted code runs, with that lock cleared (clearHeldLock).
   * With workers, an eval in one tree reaches every other tree (same user): it can take a tree's
   * index.lock or HEAD.lock, or the branch's ref lock, while autoexp works there, and keep taking them
   * until it ends; removing the lock while it runs would not help.
   */
  readonly onLockHeld: LockHeldHandler = (lockPath, retry) =>
    this.quiet(async () => ((await this.clearHeldLock(lockPath)) ? retry() : undefined));

  /**
   * Removes `lockPath` once it is stale (no one has renewed it for STALE_LOCK_MS: autoexp's own git and
   * the user's hold one for a moment), when it is a lock of the session's own: in a git dir of one of its
   * trees, on one of its refs, or packed-refs.lock; reached through no symlink. Whether it is gone.
   * Called while no untrusted code runs (see onLockHeld).
   */
  async clearHeldLock(lockPath: string): Promise<boolean> {
    if (!(await this.isOwnLock(lockPath))) return false;
    const deadline = Date.now() + HELD_LOCK_WAIT_MS;
    for (;;) {
      const found = await lstat(lockPath).catch(() => undefined);
      if (!found) return true;
      if (!renewedLately(found)) break;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await rm(lockPath, { recursive: true, force: true });
    return true;
  }

  private async isOwnLock(lockPath: string): Promise<boolean> {
    if (!lockPath.endsWith('.lock') || resolve(lockPath) !== lockPath) return false;
    for (const root of new Set([
      this.commonDir,
      await realpath(this.commonDir).catch(() => this.commonDir),
    ])) {
      const name = relative(root, lockPath);
      if (name === '' || name.startsWith(`..${sep}`) || isAbsolute(name)) continue;
      // Every directory from the common dir down is a directory, not a symlink to elsewhere.
      for (let dir = dirname(lockPath); dir.length > root.length; dir = dirname(dir))
        if (!(await lstat(dir).catch(() => undefined))?.isDirectory()) return false;
      const parts = name.split(sep);
      if (name === 'packed-refs.lock') return true;
      if (parts[0] === 'refs') {
        const ref = name.slice(0, -'.lock'.length);
        return this.ownRef(ref) || this.ownValues.has(ref);
      }
      if (parts[0] !== 'worktrees' || parts.length !== 3 || this.usersWorktrees.has(parts[1]!)) return false;
      const pointer = (await readRecord(join(root, 'worktrees', parts[1]!, 'gitdir'))).trim();
      return pointer !== '' && this.ownTreeRule(pointer) !== undefined;
    }
    return false;
  }

  /**
   * A git dir of a worktree of yours that a run renamed (.git/worktrees/<yours> moved to another name):
   * under its new name it looks added by the run, and the check below would remove it, your index and
   * HEAD with it. Found by its pointer, and given its name back.
   */
  private async renameUsersWorktreesBack(): Promise<string[]> {
    const found: string[] = [];
    const now = await this.worktrees();
    for (const [name, pointer] of this.usersWorktrees) {
      if (now.includes(name) || !pointer.trim()) continue;
      for (const other of now) {
        if (this.worktreesBefore.includes(other)) continue;
        const admin = join(this.commonDir, 'worktrees', other);
        if ((await readRecord(join(admin, 'gitdir'))).trim() !== pointer.trim()) continue;
        await rename(admin, join(this.commonDir, 'worktrees', name));
        found.push(`renamed the git dir of a worktree of yours (${name})`);
        break;
      }
    }
    return found;
  }

  /** Compares with the snapshots and puts back what differs; returns what it put back. */
  async check(): Promise<string[]> {
    const findings: string[] = [];
    for (const path of await restoreFiles(this.commonDir, PROTECTED_PATHS, this.files, UNGUARDED)) {
      findings.push(`${this.files.has(path) ? 'changed' : 'planted'} .git/${path}`);
    }
    if (this.packedBefore !== undefined || this.refsBefore) {
      // Read and written as a plain file: a run may have put a link to a file of yours there (written
      // through, your file would get the refs), or a FIFO (a read or a write would wait for the other end).
      const packedPath = join(this.commonDir, 'packed-refs');
      const packed = await readPlainFile(packedPath);
      if (this.packedBefore && !packed?.equals(this.packedBefore)) {
        await writeNewPlainFile(packedPath, this.packedBefore);
        findings.push('rewrote .git/packed-refs');
      } else if (!this.packedBefore && (await lstat(packedPath).catch(() => undefined))) {
        await rm(packedPath, { recursive: true, force: true });
        findings.push('planted .git/packed-refs');
      }
    }
    // gc reads gc.pid (who runs one) before it runs: a FIFO there would stop the session's closing
    // `git maintenance` for good. git writes it as a plain file (and removes it when done).
    const gcPid = join(this.commonDir, 'gc.pid');
    const gcPidFound = await lstat(gcPid).catch(() => undefined);
    if (gcPidFound && !gcPidFound.isFile()) {
      await rm(gcPid, { recursive: true, force: true });
      findings.push('planted .git/gc.pid (no plain file)');
    }
    for (const name of await unlinkSymlinkedGitDirs(this.commonDir))
      findings.push(
        name === 'worktrees'
          ? 'replaced .git/worktrees with a symlink'
          : `replaced a worktree's git dir with a symlink (${name})`,
      );
    findings.push(...(await this.renameUsersWorktreesBack()));
    for (const name of await this.worktrees()) {
      const added = !this.worktreesBefore.includes(name);
      const admin = join(this.commonDir, 'worktrees', name);
      const pointer = (await readRecord(join(admin, 'gitdir'))).trim();
      const theirs = this.usersWorktrees.get(name);
      const repointed =
        theirs !== undefined &&
        pointer !== theirs.trim() &&
        (this.ownTreeRule(pointer) !== undefined || !(await this.pointsBack(pointer, admin)));
      if (repointed) {
        // Pointed where no worktree points back (nowhere): the next `git worktree prune` (autoexp runs
        // one before it adds a tree) would remove the git dir of yours, with your index and HEAD. Pointed
        // at one of the session's tree paths (that tree's .git file pointed at it too): the next session
        // would take it for its own, and reuse it there. A pointer `git worktree move` wrote stays.
        await rm(join(admin, 'gitdir'), { recursive: true, force: true });
        await writeFile(join(admin, 'gitdir'), theirs);
        findings.push(`changed the pointer of a worktree of yours (${name})`);
      }
      const rule = pointer && theirs === undefined ? this.ownTreeRule(pointer) : undefined;
      // The user's own worktrees (there before the run, elsewhere) are not the guard's to judge.
      if (!added && !rule) continue;
      // git counts a branch being rebased or bisected as checked out there, HEAD detached or not.
      for (const state of BRANCH_HOLDING_STATE) {
        if (!rule || !(await lstat(join(admin, state)).catch(() => undefined))) continue;
        await rm(join(admin, state), { recursive: true, force: true });
        findings.push(`left ${state} in a worktree (${name})`);
      }
      const head = (await readRecord(join(admin, 'HEAD'))).trim();
      if (rule?.(head)) continue;
      if (!added && head.startsWith('ref: ')) {
        // One of the session's tree paths put on a branch by a run (a worker's tree, or one a run added
        // detached earlier): detached where it was, so that the branch stays free to check out elsewhere
        // after the session (the tree's own check puts its HEAD back before autoexp uses it).
        const ref = head.slice('ref: '.length);
        const commit = this.refsBefore?.get(ref) ?? (await this.git.resolve(ref));
        if (commit && /^[0-9a-f]{40,64}$/.test(commit)) {
          await rm(join(admin, 'HEAD'), { recursive: true, force: true });
          await writeFile(join(admin, 'HEAD'), `${commit}\n`);
          findings.push(`checked out ${ref} in a worktree (${name})`);
          continue;
        }
      }
      // A worktree added by untrusted code (it would hold the branch, or check out another): git forgets
      // it. Its files stay where they are: its pointer names any directory the run chose, the user's too.
      await rm(admin, { recursive: true, force: true });
      findings.push(`${added ? 'added' : 'changed'} a worktree (${name})`);
    }
    const ownLog = (name: string) => this.ownRef(name) || this.ownValues.has(name);
    for (const name of await removeLinkedLogs(join(this.commonDir, 'logs'), ownLog))
      findings.push(`linked .git/logs/${name} elsewhere`);
    // .git/refs made a symlink (or removed, or a file): the walks below (a left lock is removed) and git
    // itself would act on whatever it points to, the user's files outside the repository too. A directory
    // again, with the refs put back below.
    const refsDir = join(this.commonDir, 'refs');
    if (!(await lstat(refsDir).catch(() => undefined))?.isDirectory()) {
      await rm(refsDir, { recursive: true, force: true });
      await mkdir(refsDir);
      findings.push('replaced .git/refs');
    }
    // Before the refs are put back: a lock left on one would fail that too.
    findings.push(...(await this.removeLeftLocks()));
    let now = await readRefs(this.commonDir, this.git);
    // A FIFO among the loose refs would stop autoexp's next push or fetch (git lists every ref) for good.
    for (const name of now.strange) {
      await rm(join(this.commonDir, name), { force: true });
      findings.push(`planted .git/${name} (no ref)`);
    }
    if (this.refsBefore) {
      let moved = now.changedSince(this.refsBefore, this.ownRef);
      if (moved.length > 0) {
        // packed-refs and the loose files are two reads: a `git pack-refs` (gc) between them looks like a
        // deleted ref. Only what a second read confirms counts.
        now = await readRefs(this.commonDir, this.git);
        const again = new Set(now.changedSince(this.refsBefore, this.ownRef));
        moved = moved.filter((ref) => again.has(ref));
      }
      if (moved.length > 0) {
        await restoreRefs(this.git, this.commonDir, this.refsBefore, moved);
        for (const ref of moved)
          findings.push(
            `${this.refsBefore.has(ref) ? (now.has(ref) ? 'moved' : 'deleted') : 'created'} ${ref}`,
          );
      }
    }
    return findings;
  }

  /**
   * Ref locks that appeared since the run began and are still there STALE_LOCK_MS after it (a git process
   * of autoexp's or the user's holds one for a moment): a run's processes are gone when it ends, so no one
   * will remove them, and each would fail every later write of its ref — the next undo or record included.
   * While other runs are open (workers), a lock renewed meanwhile is one of theirs: it is left to the
   * check at their end, and this run is not blamed for it.
   */
  private async removeLeftLocks(): Promise<string[]> {
    if (!this.locksBefore) return [];
    const before = this.locksBefore;
    const isNew = (lock: string) => !before.has(lock);
    let left = (await refLocks(this.commonDir)).filter(isNew);
    const deadline = Date.now() + STALE_LOCK_MS;
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = new Set(await refLocks(this.commonDir));
      left = left.filter((lock) => now.has(lock));
    }
    if (this.openRuns > 1) {
      const stale: string[] = [];
      for (const lock of left) {
        const found = await lstat(join(this.commonDir, lock)).catch(() => undefined);
        if (found && !renewedLately(found)) stale.push(lock);
      }
      left = stale;
    }
    for (const lock of left) await rm(join(this.commonDir, lock), { recursive: true, force: true });
    return left.map((lock) => `left .git/${lock}`);
  }
}
