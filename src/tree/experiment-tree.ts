// One experiment tree: a git worktree autoexp proposes and measures in, with one lifecycle for every
// kind (the branch's own tree, a worker's tree, the incumbent tree of eval.interleave):
//
//   create → (setup) → seal → proposer runs → verify → commit or undo → seal → eval runs → verify → … → remove
//
// `seal` records the state the tree must be in when untrusted code is done with it: which commit HEAD
// is at (and on which branch), the index as autoexp left it, and the ignored files. `verify` checks
// the tree against that record — never against what git or the proposer chooses to show — puts back
// what was moved (HEAD, the branch, the index, index flags such as skip-worktree) and reports what differs.
import { createHash } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import {
  chmod,
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  realpath,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Git, GitError, type ChangedPath } from '../git/git.js';
import { removeLinkedLogs, renewedLately, unlinkSymlinkedGitDirs } from './guard.js';
import { changedArtifacts, signArtifacts, type ArtifactSignatures } from './artifacts.js';
import { mergeKeepingLedger, type LedgerPlace } from './ledger-merge.js';
import { blobId, changedEntries, sanitizeIndex, smudgeEntries } from './index-file.js';
import { readPlainFile } from './plain-file.js';

export interface Verification {
  /** What differs from the sealed commit: tracked changes and untracked files (not ignored ones). */
  changed: ChangedPath[];
  /**
   * Git state that was moved and has been put back, in words ("HEAD was moved to refs/heads/x",
   * "the branch was moved (commits of its own)"). Anything here makes the run's change untrusted.
   */
  moved: string[];
  /** Ignored entries the run created or changed; they have been removed. */
  removedArtifacts: string[];
  /** An ignored entry that existed before (setup's or the eval's) was changed or removed: run setup again. */
  setupNeeded: boolean;
}

/** Files in a worktree's git dir that point git at the repository and at the tree. */
const POINTER_FILES = ['commondir', 'gitdir'];
/** State of half-done operations in a git dir; autoexp never leaves any between its own steps. */
const STATE_FILES = [
  'MERGE_HEAD',
  'MERGE_MSG',
  'MERGE_MODE',
  'AUTO_MERGE',
  'CHERRY_PICK_HEAD',
  'REVERT_HEAD',
  'BISECT_LOG',
  'BISECT_START',
  'sequencer',
  'rebase-merge',
  'rebase-apply',
  'config.worktree',
];
/**
 * Files of a git dir that autoexp's own git writes (commit, reset, merge) in place or through a symref,
 * and never reads: see putBackGitState.
 */
const WRITTEN_IN_PLACE = ['COMMIT_EDITMSG', 'ORIG_HEAD'];

/**
 * How far back autoexp's own files are dated when it commits them: older, by git's clock of whole
 * seconds, than any index written after them.
 */
const OWN_FILE_AGE_MS = 2000;

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The park record in `gitDir`, when there is one as park writes it. */
async function readParkRecord(gitDir: string): Promise<ParkRecord | undefined> {
  const path = join(gitDir, PARK_RECORD);
  if (!(await lstat(path).catch(() => undefined))?.isFile()) return undefined;
  try {
    const found = JSON.parse(await readFile(path, 'utf8')) as Partial<ParkRecord>;
    const { commit, index, indexWrittenMs } = found;
    if (typeof commit !== 'string' || !/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
    if (typeof index !== 'string' || typeof indexWrittenMs !== 'number') return undefined;
    return { commit, index, indexWrittenMs };
  } catch {
    return undefined;
  }
}

/**
 * Whether the index file is the one the record describes: the same bytes, written at the same time (git
 * decides which entries it must compare by content from that time, so a later one would hide some).
 */
async function indexMatches(path: string, record: ParkRecord): Promise<boolean> {
  const found = await lstat(path).catch(() => undefined);
  if (!found?.isFile() || found.mtimeMs !== record.indexWrittenMs) return false;
  const bytes = await readFile(path).catch(() => undefined);
  return bytes !== undefined && sha256(bytes) === record.index;
}

/** Whether `path` is a plain file holding exactly `bytes` (a link, a FIFO or a device is never followed). */
async function holds(path: string, bytes: Buffer): Promise<boolean> {
  // One byte more than expected: a longer file is not cut to look equal.
  return (await readPlainFile(path, bytes.length + 1))?.equals(bytes) === true;
}

/** Writes `text` to `path` when the path is not a plain file holding it; true when it had to. */
async function putBack(path: string, text: string): Promise<boolean> {
  const info = await lstat(path).catch(() => undefined);
  if (info?.isFile() && (await readFile(path, 'utf8').catch(() => undefined)) === text) return false;
  await rm(path, { recursive: true, force: true });
  await writeFile(path, text);
  return true;
}

type TreeOptions = {
  path: string;
  scratchDir: string;
  commonDir: string;
  /**
   * Whether a park record (see park) may be believed: only when nothing untrusted can have run since the
   * last session parked the tree, that is when commands are contained in PID namespaces (none outlives
   * its session) and the last session ended rather than was killed. Otherwise every file is compared.
   */
  trustParked?: boolean;
} & ({ branch: string } | { detached: string });

/**
 * In a tree's git dir: what the session that parked the tree left in its index (a SHA-256 of the bytes
 * and the time it was written) and the commit HEAD was at. Read once and deleted by the next session.
 */
const PARK_RECORD = 'autoexp-parked.json';

interface ParkRecord {
  commit: string;
  index: string;
  indexWrittenMs: number;
}

/** An index file's bytes and the time it was written (ms). */
/**
 * Gives every directory under `root` (the tree's `.git` link aside; symlinks not followed) that its owner
 * cannot write, list or enter those rights back, where this process owns it. Whether it changed any.
 */
async function makeDirectoriesWritable(root: string): Promise<boolean> {
  const uid = process.getuid?.();
  let changed = false;
  const visit = async (dir: string): Promise<void> => {
    const found = await lstat(dir).catch(() => undefined);
    if (!found?.isDirectory()) return;
    if ((found.mode & 0o700) !== 0o700 && (uid === undefined || found.uid === uid)) {
      await chmod(dir, (found.mode & 0o7777) | 0o700);
      changed = true;
    }
    for (const name of await readdir(dir).catch(() => [] as string[]))
      if (dir !== root || name !== '.git') await visit(join(dir, name));
  };
  await visit(root);
  return changed;
}

/**
 * Whether the loose ref `name` (relative to the common dir) is a plain file holding a commit id, or is
 * only packed. A run can make autoexp's branch a symbolic ref (`ref: refs/heads/main`) or a link to
 * another ref's file while both are at one commit: HEAD is then where autoexp recorded it, and autoexp's
 * next commit or reset on the branch would move what it points to, your main.
 */
async function isPlainRef(commonDir: string, name: string): Promise<boolean> {
  const path = join(commonDir, name);
  const found = await lstat(path).catch(() => undefined);
  return !found || (found.isFile() && (await holdsObjectId(path)));
}

/** Whether the plain file at `path` holds an object id alone (as git writes a ref), not `ref: …`. */
async function holdsObjectId(path: string): Promise<boolean> {
  return /^[0-9a-f]{40,64}\n?$/.test((await readPlainFile(path, 80))?.toString('latin1') ?? '');
}

/** Whether a tree's git dir pointer names a worktree git dir of this repository (.git/worktrees/<name>). */
async function leadsIntoWorktrees(pointer: string, commonDir: string): Promise<boolean> {
  return dirname(pointer) === join(await realpath(commonDir), 'worktrees');
}

/** A regular file's modes in git's index (as numbers): the only entries git add converts. */
const REGULAR_FILE_MODES = new Set([0o100644, 0o100755]);

interface IndexCopy {
  index: Buffer | undefined;
  /** When the index file was last written (ms), for putting it back with its racy-git semantics. */
  indexWrittenMs: number;
}

interface Seal extends IndexCopy {
  head: string;
  artifacts?: ArtifactSignatures;
}

export class ExperimentTree {
  private sealed: Seal | undefined;
  /**
   * The index as autoexp's last own step in this tree left it: what putBack writes back before a tree
   * that waited (while other trees' evals ran, which may write into it) is used again.
   */
  private ownIndex: IndexCopy | undefined;
  /** Sealed, and not verified since: untrusted code may have run, and the index is not autoexp's. */
  private awaitingVerify = false;
  /**
   * autoexp staged a change it has not committed yet (apply, or a merge or replay that conflicted): the
   * index is not HEAD's tree. Every other step of its own ends with a commit, a reset or a checkout.
   */
  private staged = false;
  /** The ignored entries eval.setup left (none without setup): the only ones an eval's leftovers may join. */
  private setupArtifacts = new Set<string>();
  /**
   * The ignored entries as of autoexp's last look (a fresh tree has none). Only setup and untrusted runs
   * make ignored files, and each is followed by a look, so sealing needs no git process of its own.
   */
  private knownIgnored: readonly string[] = [];
  /** autoexp's own files in this tree, by absolute path, with what they must hold (see watchOwnFiles). */
  private ownFiles: () => ReadonlyMap<string, Buffer> = () => new Map();

  private constructor(
    private readonly git: Git,
    readonly path: string,
    /** Files of autoexp's own for this tree (logs, prompts), outside it. */
    readonly scratchDir: string,
    /** The tree's own git dir (<common dir>/worktrees/<name>): HEAD and index live there. */
    private readonly gitDir: string,
    private readonly commonDir: string,
    /** The content of the tree's .git file, which points git at gitDir. */
    private readonly link: string,
    /** gitDir's own pointers (commondir: where the repository is; gitdir: where the tree is), as created. */
    private readonly pointers: ReadonlyMap<string, string>,
    /** The branch the tree is on; undefined for a detached tree. */
    readonly branch: string | undefined,
    /** The commit the tree is at, as autoexp last put it there (full sha). */
    private recorded: string,
    /** Where `path` leads (symlinks above it resolved) as git made the tree, and that directory itself. */
    private readonly made: { realPath: string; dev: number; ino: number },
  ) {}

  /**
   * The tree at `path`, on `branch` or detached at `commit`: the one an earlier session parked there,
   * checked and made as good as new (see reuse), or else a new worktree (whatever was there removed).
   */
  static async create(repo: Git, options: TreeOptions): Promise<ExperimentTree> {
    if ('branch' in options && !(await isPlainRef(options.commonDir, `refs/heads/${options.branch}`))) {
      const ref = `refs/heads/${options.branch}`;
      throw new Error(
        `${ref} is a symbolic ref or a link, not a commit of its own (an eval or a proposal of an earlier ` +
          'session may have made it one): autoexp will not commit on it, since its commits would move what it ' +
          `points to. Its own reflog (.git/logs/${ref}) ends with its last commit; put it back with ` +
          `\`git update-ref --no-deref ${ref} <commit>\`, then run autoexp again`,
      );
    }
    const kept = await ExperimentTree.reuse(repo, options).catch(() => undefined);
    if (kept) return kept;
    // Whatever is there goes, then git forgets it (a tree whose .git file no longer points back cannot be
    // removed by git, only pruned once its directory is gone).
    await rm(options.path, { recursive: true, force: true });
    await unlinkSymlinkedGitDirs(options.commonDir);
    await repo.removeWorktree(options.path);
    await repo.addWorktree(options.path, 'branch' in options ? { branch: options.branch } : options);
    return ExperimentTree.opened(repo, options);
  }

  /** Where `path` leads, and the directory there (see `made`). */
  private static async identify(path: string): Promise<{ realPath: string; dev: number; ino: number }> {
    const { dev, ino } = await stat(path);
    return { realPath: await realpath(path), dev, ino };
  }

  /** The tree git has just made or checked out at `options.path`, with its pointers as they are now. */
  private static async opened(repo: Git, options: TreeOptions): Promise<ExperimentTree> {
    const link = await readFile(join(options.path, '.git'), 'utf8');
    const pointer = link.trim().replace(/^gitdir: /, '');
    const gitDir = isAbsolute(pointer) ? pointer : resolve(options.path, pointer);
    // git made it a moment ago; with workers, an eval in another tree could have rewritten it since.
    if (!(await leadsIntoWorktrees(gitDir, options.commonDir)))
      throw new Error(
        `the tree at ${options.path} does not point into the repository's worktrees (${gitDir})`,
      );
    const git = repo.withCwd(options.path).pinnedTo({ gitDir, commonDir: options.commonDir });
    const pointers = new Map<string, string>();
    for (const name of POINTER_FILES) pointers.set(name, await readFile(join(gitDir, name), 'utf8'));
    const tree = new ExperimentTree(
      git,
      options.path,
      options.scratchDir,
      gitDir,
      options.commonDir,
      link,
      pointers,
      'branch' in options ? options.branch : undefined,
      '',
      await ExperimentTree.identify(options.path),
    );
    tree.recorded = await tree.readHead();
    return tree;
  }

  /**
   * The tree an earlier session of this tag parked at `options.path`, made as good as new without
   * writing every file again: HEAD, the index and the state files are replaced, every file is compared
   * with the commit by content, and whatever is untracked or ignored is removed (setup runs again).
   * Undefined when there is no such tree or it does not look exactly as git made it: then the caller
   * removes whatever is there and adds a new one.
   */
  private static async reuse(repo: Git, options: TreeOptions): Promise<ExperimentTree | undefined> {
    // A symlink in the tree's place could lead to any worktree of the repository (one of the user's, with
    // work not committed yet): only a directory that is really there is taken over.
    if (!(await lstat(options.path).catch(() => undefined))?.isDirectory()) return undefined;
    const link = join(options.path, '.git');
    if (!(await lstat(link).catch(() => undefined))?.isFile()) return undefined;
    const pointer = /^gitdir: (\/[^\n]+)\n$/.exec(await readFile(link, 'utf8'))?.[1];
    if (!pointer || !(await leadsIntoWorktrees(pointer, options.commonDir))) return undefined;
    if (!(await lstat(pointer).catch(() => undefined))?.isDirectory()) return undefined;
    const expected = new Map([
      ['gitdir', `${await realpath(options.path)}/.git\n`],
      ['commondir', '../..\n'],
    ]);
    for (const [name, text] of expected)
      if ((await readFile(join(pointer, name), 'utf8').catch(() => undefined)) !== text) return undefined;
    const commit =
      'branch' in options ? await repo.resolve(`refs/heads/${options.branch}`) : options.detached;
    if (!commit) return undefined;
    // A record is good for one takeover, and only if it describes the index that is there now.
    const parked = options.trustParked ? await readParkRecord(pointer) : undefined;
    await rm(join(pointer, PARK_RECORD), { recursive: true, force: true });
    const indexTrusted = parked !== undefined && (await indexMatches(join(pointer, 'index'), parked));
    for (const name of [...STATE_FILES, 'HEAD', ...(indexTrusted ? [] : ['index'])])
      await rm(join(pointer, name), { recursive: true, force: true });
    await writeFile(join(pointer, 'HEAD'), `${indexTrusted ? parked.commit : commit}\n`);
    const git = repo.withCwd(options.path).pinnedTo({ gitDir: pointer, commonDir: options.commonDir });
    const target = 'branch' in options ? { branch: options.branch } : {};
    if (!indexTrusted) {
      await git.checkOutVerified(commit, target);
      return ExperimentTree.opened(repo, options);
    }
    // git compares the files with the index by their stat data: one whose blob stayed is not written
    // again, though a .gitattributes that came or went since the park would check it out otherwise.
    const parkedIndex = await readFile(join(pointer, 'index'));
    await git.checkOutTrusted(commit, target);
    const tree = await ExperimentTree.opened(repo, options);
    await tree.noteOwnIndex();
    await tree.writeAsCheckedOut({ index: parkedIndex, indexWrittenMs: 0 }, { committed: false });
    return tree;
  }

  /**
   * Leaves the tree for the next session of this tag: HEAD detached, so the branch is free elsewhere.
   * With `record` (this session's commands were contained: nothing it started is still running), the
   * index is autoexp's own again (the sealed one, when a run may have touched it since) and a park record
   * describes it, so that the next session can trust its stat data instead of hashing every file.
   */
  async park(options: { record: boolean }): Promise<void> {
    // A git dir a run deleted or replaced (a symlink leads anywhere): nothing to park; the next session
    // makes a new tree.
    if (!(await lstat(this.gitDir).catch(() => undefined))?.isDirectory()) return;
    const recordPath = join(this.gitDir, PARK_RECORD);
    await rm(recordPath, { recursive: true, force: true });
    const head = join(this.gitDir, 'HEAD');
    await rm(head, { recursive: true, force: true });
    await writeFile(head, `${this.recorded}\n`);
    if (!options.record) return;
    // The index autoexp left, not one a run (or, with workers, another tree's eval) wrote; its own files
    // smudged too when a run may have touched them since they were compared with what autoexp wrote.
    if (this.awaitingVerify && this.sealed) await this.restoreIndex(this.sealed, { ownFilesChecked: false });
    else if (this.ownIndex) await this.restoreIndex(this.ownIndex);
    const indexPath = join(this.gitDir, 'index');
    const index = await readFile(indexPath).catch(() => undefined);
    const written = await lstat(indexPath).catch(() => undefined);
    if (!index || !written?.isFile()) return;
    const record: ParkRecord = {
      commit: this.recorded,
      index: sha256(index),
      indexWrittenMs: written.mtimeMs,
    };
    await writeFile(recordPath, `${JSON.stringify(record)}\n`, { flag: 'wx' });
  }

  /** The full sha HEAD is at, read from the ref files (no git process); through git when packed. */
  private async readHead(): Promise<string> {
    const head = (await readFile(join(this.gitDir, 'HEAD'), 'utf8')).trim();
    if (!head.startsWith('ref: ')) return head;
    const loose = await readFile(join(this.commonDir, head.slice(5)), 'utf8').catch(() => undefined);
    return loose?.trim() || ((await this.git.resolve('HEAD')) ?? '');
  }

  /** The commit the tree is at, as autoexp put it there. */
  get head(): string {
    return this.recorded;
  }

  /** Reading the tree's repository (refs, files at a commit); nothing that moves the tree. */
  get reader(): Pick<Git, 'resolve' | 'shortSha' | 'trackedFiles' | 'showFile' | 'listDirectory'> {
    return this.git;
  }

  // --- before and after untrusted code --------------------------------------------------------

  /**
   * Files autoexp appends to and commits itself (the ledger's open files), with what they must hold.
   * verify compares them by content after every run, so git need not: commitLedger dates them
   * OWN_FILE_AGE_MS back, and git then trusts their stat data instead of hashing them again at every
   * command. Without it a ledger file written in the second of the index is "racily clean" for git,
   * re-hashed by every status, commit and reset (a 10,000-row ledger made each experiment half as
   * expensive again). Backdating alone would let an edit of the same size in that second go unseen.
   */
  watchOwnFiles(files: () => ReadonlyMap<string, Buffer>): void {
    this.ownFiles = files;
  }

  /**
   * Records the state to verify against after the next untrusted run. With `artifacts`, the ignored
   * files are signed too (before a proposal; an eval may change its own artifacts).
   */
  async seal(options: { artifacts?: boolean } = {}): Promise<void> {
    // The index autoexp's last step left, not whatever is there now: with workers, another tree's eval
    // may have written into this one since.
    const { index, indexWrittenMs } = this.ownIndex ?? (await this.readIndex());
    const artifacts = options.artifacts ? this.signIgnored() : undefined;
    this.sealed = { head: this.recorded, index, indexWrittenMs, ...(artifacts ? { artifacts } : {}) };
    this.awaitingVerify = true;
  }

  private async readIndex(): Promise<IndexCopy> {
    const indexPath = join(this.gitDir, 'index');
    const index = await readFile(indexPath).catch(() => undefined);
    const indexWrittenMs = (await stat(indexPath).catch(() => undefined))?.mtimeMs ?? 0;
    return { index, indexWrittenMs };
  }

  /** Notes the index autoexp's own step just left (see ownIndex). */
  private async noteOwnIndex(): Promise<void> {
    this.ownIndex = await this.readIndex();
  }

  /**
   * Before autoexp uses a tree that waited while other trees' evals ran (workers): writes back its git
   * state (see putBackGitState) and the index as autoexp's last own step left them. An eval may have
   * written into them meanwhile: a .git file pointed at the repository's own git dir would have the next
   * run's git work on your main checkout, a HEAD put on a branch would take the next commit, and an index
   * flag (assume-unchanged) or stat data it planted would hide its edit of a file from every reset and
   * check after; with autoexp's index back, git compares that file with the commit again. The caller
   * resets.
   */
  async putBack(): Promise<void> {
    await this.putBackGitState();
    if (this.ownIndex) await this.restoreIndex(this.ownIndex);
  }

  /** After eval.setup: what it built (ignored files) stays from now on. */
  async noteSetupArtifacts(): Promise<void> {
    this.knownIgnored = (await this.git.status({ ignored: true })).ignored;
    this.setupArtifacts = new Set(this.knownIgnored);
  }

  /**
   * The tree's git state as autoexp left it: its git dir, the .git file and the git dir's pointers,
   * HEAD (on the branch, or detached at the recorded commit), and no half-done operations or lock files.
   * Says what it put back. No git process of autoexp's works in this tree meanwhile.
   */
  private async putBackGitState(options: { othersRunning?: boolean } = {}): Promise<string[]> {
    const moved: string[] = [];
    // The tree's directory itself, swapped for a symlink (to your main checkout, say): the .git file put
    // back below would be written there, your .git directory removed first, and autoexp's git would work
    // on your files (GIT_WORK_TREE names this path). An empty directory again instead: the status after
    // this finds every file gone, and the reset after it writes them back.
    if (!(await lstat(this.path).catch(() => undefined))?.isDirectory()) {
      // Only in the tree's own place: with a directory above it swapped for a link, what is there by the
      // tree's name is somebody else's (checked below for a tree that is still a directory).
      const place = await realpath(dirname(this.path)).catch(() => '');
      if (place !== dirname(this.made.realPath))
        throw new Error(
          `the tree at ${this.path} leads to ${place} now, not to ${dirname(this.made.realPath)}`,
        );
      await rm(this.path, { recursive: true, force: true });
      await mkdir(this.path);
      moved.push("the tree's directory was replaced");
    }
    // The .git file is put back in the directory opened here, named through /proc/self/fd: with workers,
    // another tree's eval could swap the path for a symlink between the look above and the write.
    const treeDir = await open(this.path, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
    try {
      const opened = existsSync(`/proc/self/fd/${treeDir.fd}`) ? `/proc/self/fd/${treeDir.fd}` : this.path;
      // A directory above it swapped (the worker's directory made a link to one holding another tree):
      // neither the tree's directory nor its place, and nothing here can tell what is safe to write there.
      // The tree's own directory reached another way (its parent moved, a link left in its place) is fine.
      const leadsTo = await realpath(opened);
      const found = await treeDir.stat();
      const same = found.dev === this.made.dev && found.ino === this.made.ino;
      if (leadsTo !== this.made.realPath && !same)
        throw new Error(`the tree at ${this.path} leads to ${leadsTo} now, not to ${this.made.realPath}`);
      if (await putBack(join(opened, '.git'), this.link)) moved.push("the tree's .git file was replaced");
    } finally {
      await treeDir.close();
    }
    // The tree's git dir itself, deleted or swapped for a symlink (the guard removes such a link): made
    // again, then filled in below (pointers, HEAD, the index).
    if (!(await lstat(this.gitDir).catch(() => undefined))?.isDirectory()) {
      await rm(this.gitDir, { recursive: true, force: true });
      await mkdir(this.gitDir, { recursive: true });
      moved.push("the tree's git dir was replaced");
    }
    // What tells git where the repository and the tree are: autoexp's own git is told them (Git.pinnedTo),
    // but the next run's git, and a session after this one, read them.
    for (const [name, text] of this.pointers)
      if (await putBack(join(this.gitDir, name), text)) moved.push(`the tree's ${name} was changed`);
    // The reflogs autoexp's next step appends to (the tree's HEAD, the branch's), linked to a file of yours.
    for (const name of await removeLinkedLogs(join(this.gitDir, 'logs')))
      moved.push(`linked the tree's logs/${name} elsewhere`);
    if (this.branch)
      for (const name of await removeLinkedLogs(join(this.commonDir, 'logs', 'refs', 'heads', this.branch)))
        moved.push(`linked the branch's reflog elsewhere${name === '.' ? '' : ` (${name})`}`);
    // Half-done merges, cherry-picks and rebases: a MERGE_HEAD would become a parent of the next commit.
    for (const name of STATE_FILES) {
      const path = join(this.gitDir, name);
      if (await lstat(path).catch(() => undefined)) {
        await rm(path, { recursive: true, force: true });
        moved.push(`left ${name}`);
      }
    }
    // Files git writes at autoexp's own steps, which a run can plant first: `git commit` writes
    // COMMIT_EDITMSG in place (through a link: a file of yours would get the commit message; a FIFO would
    // stop the commit), `git reset` and `git merge` write ORIG_HEAD through a symref or a symlinked one
    // (`ref: refs/heads/main`: your branch would move to the commit the tree left). autoexp reads neither:
    // they go. Only what git itself leaves there (a plain file of one link; for ORIG_HEAD, an object id)
    // is not the run's doing.
    for (const name of WRITTEN_IN_PLACE) {
      const path = join(this.gitDir, name);
      const found = await lstat(path).catch(() => undefined);
      if (!found) continue;
      const plain =
        found.isFile() && found.nlink === 1 && (name !== 'ORIG_HEAD' || (await holdsObjectId(path)));
      await rm(path, { recursive: true, force: true });
      if (!plain) moved.push(`planted the tree's ${name} (a link, a symref or no plain file)`);
    }
    // Lock files (index.lock, HEAD.lock, …): git creates them with O_EXCL and refuses to go on while one
    // is there, so one a run left would fail the undo and every git command after it.
    // With `othersRunning` (workers), one renewed a moment ago is another tree's eval's, still running (this
    // run's processes are gone): it goes all the same, but this run is not blamed for it.
    for (const name of await readdir(this.gitDir).catch(() => [] as string[])) {
      if (!name.endsWith('.lock')) continue;
      const found = await lstat(join(this.gitDir, name)).catch(() => undefined);
      await rm(join(this.gitDir, name), { recursive: true, force: true });
      if (!options.othersRunning || !found || !renewedLately(found)) moved.push(`left ${name}`);
    }
    // HEAD: on the branch (or detached at the commit), whatever the run did to it. A symlink counts as
    // moved whatever it reads as: git follows it.
    const expectedHead = this.branch ? `ref: refs/heads/${this.branch}` : this.recorded;
    const headPath = join(this.gitDir, 'HEAD');
    const headIsFile = (await lstat(headPath).catch(() => undefined))?.isFile() === true;
    const head = headIsFile ? (await readFile(headPath, 'utf8').catch(() => '')).trim() : '';
    if (head !== expectedHead) {
      moved.push(
        head.startsWith('ref: ') ? `HEAD was moved to ${head.slice(5)}` : 'HEAD was detached or replaced',
      );
      await rm(headPath, { recursive: true, force: true });
      await writeFile(headPath, `${expectedHead}\n`);
    }
    return moved;
  }

  /**
   * Checks the tree against the seal and puts back HEAD, the branch and the index (see Verification).
   * With `dropNewArtifacts` (after an eval), ignored entries that setup did not make are removed too: a
   * candidate's eval must not leave files that a later candidate's eval loads. What an eval writes inside
   * setup's directories (a cache) stays.
   */
  async verify(options: { dropNewArtifacts?: boolean; othersRunning?: boolean } = {}): Promise<Verification> {
    const sealed = this.sealed;
    if (!sealed) throw new Error('ExperimentTree.verify without seal');
    // From the index put back below on, the index is autoexp's again.
    this.awaitingVerify = false;
    const moved = await this.putBackGitState(options);
    if (await this.putBranchBack(sealed.head))
      moved.push(`made the branch ${this.branch} a symbolic ref or a link`);
    // The index as autoexp left it: flags (skip-worktree, assume-unchanged) and staged changes are gone,
    // so the working tree is compared with the recorded commit as it really is.
    await this.restoreIndex(sealed);
    const ignored = sealed.artifacts !== undefined || options.dropNewArtifacts === true;
    let status = await this.git.status({ ignored });
    if (status.head !== sealed.head) {
      moved.push(`${this.branch ?? 'HEAD'} was moved (commits of its own, or a reset)`);
      if (this.branch) await this.git.setRef(`refs/heads/${this.branch}`, sealed.head);
      else await writeFile(join(this.gitDir, 'HEAD'), `${sealed.head}\n`);
      await this.restoreIndex(sealed);
      status = await this.git.status({ ignored });
    }
    const changed = [...status.changed, ...(await this.checkOwnFiles(status.changed))];
    await this.keepOwnPlacesWritable();
    let removedArtifacts: string[] = [];
    let setupNeeded = false;
    if (sealed.artifacts) {
      const { created, changed } = changedArtifacts(sealed.artifacts, this.signIgnored(status.ignored));
      removedArtifacts = [...created, ...changed].sort();
      for (const entry of removedArtifacts) await this.removeEntry(entry);
      setupNeeded = changed.length > 0;
      this.knownIgnored = status.ignored.filter((entry) => !removedArtifacts.includes(entry));
    } else if (options.dropNewArtifacts) {
      removedArtifacts = await this.removeArtifacts(status.ignored);
    }
    // The index autoexp trusts from here on is the one it put back (not one read from the disk, where, with
    // workers, another tree's eval may have written one meanwhile); a caller that finds changes resets.
    this.ownIndex = sealed;
    return { changed, moved, removedArtifacts, setupNeeded };
  }

  /**
   * What autoexp writes in the tree after a run (the ledger's files and their directories) writable by
   * their owner again: git sees no write bit, so a run that took one away (`chmod 555 .autoexp/<tag>`,
   * `chmod 444 results.tsv`) would otherwise stop the session at its next record. Other directories are
   * made writable when an undo needs them (withWritableDirectories).
   */
  private async keepOwnPlacesWritable(): Promise<void> {
    const uid = process.getuid?.();
    const directories = new Set<string>();
    for (const path of this.ownFiles().keys())
      for (let dir = dirname(path); dir.startsWith(`${this.path}/`); dir = dirname(dir)) directories.add(dir);
    const files = [...this.ownFiles().keys()];
    for (const dir of directories)
      for (const name of await readdir(dir).catch(() => [] as string[])) files.push(join(dir, name));
    const ensure = async (path: string, bits: number) => {
      const found = await lstat(path).catch(() => undefined);
      if (!found || found.isSymbolicLink() || (uid !== undefined && found.uid !== uid)) return;
      if ((found.mode & bits) !== bits) await chmod(path, (found.mode & 0o7777) | bits);
    };
    for (const dir of directories) await ensure(dir, 0o700);
    for (const file of files) await ensure(file, 0o600);
  }

  /**
   * autoexp's own files that no longer hold what it wrote, and that git did not report already: each is
   * dropped from the index, so that the undo that follows (a reset) writes it again from the commit.
   */
  private async checkOwnFiles(reported: readonly ChangedPath[]): Promise<ChangedPath[]> {
    const found: ChangedPath[] = [];
    for (const [path, bytes] of this.ownFiles()) {
      const name = relative(this.path, path);
      // What git reported (a symlink on the way there included) is undone by the caller already.
      if (reported.some((change) => change.path === name)) continue;
      if (await holds(path, bytes)) continue;
      await this.git.forgetPaths([name]);
      found.push({ code: ' M', path: name });
    }
    return found;
  }

  /**
   * Writes the sealed index back, with the time the sealed one was written (to the millisecond below).
   * git trusts an entry's recorded stat data (size, times) only when the entry is older than the index
   * file itself, by whole seconds: under a freshly written index, a file rewritten with the same size in
   * the same second as it was recorded would look unchanged. With the sealed time, every entry from that
   * second is compared by content, as git would have compared it; an edit in a later second changes the
   * file's ctime, which nothing but the clock sets. git's rule looks at the mtime, which a run can set:
   * entries dated back but recorded in the index's second come back smudged, so git compares those by
   * content too; autoexp's own files only when nothing will (`ownFilesChecked: false`). Flags that make
   * git skip a file (assume-unchanged, skip-worktree) never come back (src/tree/index-file.ts).
   */
  private async restoreIndex(sealed: IndexCopy, { ownFilesChecked = true } = {}): Promise<void> {
    if (!sealed.index) return;
    const indexPath = join(this.gitDir, 'index');
    const own = ownFilesChecked ? [...this.ownFiles().keys()].map((path) => relative(this.path, path)) : [];
    const second = Math.floor(sealed.indexWrittenMs / 1000);
    const index = sanitizeIndex(sealed.index, second, (path) => own.includes(path));
    // Whatever is there now (a directory, a symlink) goes first.
    await rm(indexPath, { recursive: true, force: true });
    await writeFile(indexPath, index);
    const written = new Date(Math.floor(sealed.indexWrittenMs));
    await utimes(indexPath, written, written);
  }

  /**
   * Removes the ignored entries setup did not make (`entries`: the ignored entries now, when known).
   * Returns what it removed.
   */
  async removeArtifacts(entries?: readonly string[]): Promise<string[]> {
    const ignored = entries ?? (await this.git.status({ ignored: true })).ignored;
    const extra = ignored.filter((entry) => !this.setupArtifacts.has(entry));
    for (const entry of extra) await this.removeEntry(entry);
    this.knownIgnored = ignored.filter((entry) => this.setupArtifacts.has(entry));
    return extra;
  }

  /** Removes an entry of the tree; should that fail, once more after its directories are writable. */
  private async removeEntry(entry: string): Promise<void> {
    const path = join(this.path, entry);
    try {
      await rm(path, { recursive: true, force: true });
    } catch (error) {
      if (!(await makeDirectoriesWritable(this.path))) throw error;
      await rm(path, { recursive: true, force: true });
    }
  }

  private signIgnored(entries: readonly string[] = this.knownIgnored): ArtifactSignatures {
    return signArtifacts(this.path, entries);
  }

  // --- autoexp's own changes ------------------------------------------------------------------

  /** After one of autoexp's own commits: the tree is at the new commit. Returns its short sha. */
  private async moved(shortSha: string): Promise<string> {
    this.staged = false;
    this.recorded = await this.readHead();
    await this.noteOwnIndex();
    return shortSha;
  }

  /**
   * Commits the proposal (every change in the tree) as the candidate; HEAD moves to it. What git does
   * not commit goes: empty directories (git tracks none, and git status shows none), left by the
   * proposal or an earlier eval, would be seen by the candidate's eval but by no one measuring the commit.
   */
  async commitCandidate(
    message: string,
    options: { hasUntracked: boolean; paths?: readonly string[] },
  ): Promise<string> {
    const before = await this.beforeMove();
    const sha = await this.moved(
      options.paths
        ? await this.commitVerified(options.paths, message, { newPaths: options.hasUntracked })
        : await this.git.commitAll(message, options),
    );
    await this.git.removeUntracked();
    await this.writeAsCheckedOut(before, { committed: true });
    return sha;
  }

  /**
   * Folds the tree's changes (a crash repair; with `paths`, only those) into the candidate commit (empty
   * directories go, as above).
   */
  async amendCandidate(message: string, paths?: readonly string[]): Promise<string> {
    const before = await this.beforeMove();
    const sha = await this.moved(
      paths ? await this.commitVerified(paths, message, { amend: true }) : await this.git.amendAll(message),
    );
    await this.git.removeUntracked();
    await this.writeAsCheckedOut(before, { committed: true });
    return sha;
  }

  /**
   * Before one of autoexp's own moves: the branch checked (assertBranchPlain), and the index autoexp's
   * last step left, to compare the move's with (read once at the start).
   */
  private async beforeMove(): Promise<IndexCopy> {
    await this.assertBranchPlain();
    return this.ownIndex ?? (await this.readIndex());
  }

  /**
   * The branch's ref as autoexp keeps it again (see isPlainRef), at `commit`, when it is not; says whether
   * it was not.
   */
  private async putBranchBack(commit: string): Promise<boolean> {
    if (!this.branch || (await isPlainRef(this.commonDir, `refs/heads/${this.branch}`))) return false;
    await rm(join(this.commonDir, 'refs', 'heads', this.branch), { recursive: true, force: true });
    await this.git.setRef(`refs/heads/${this.branch}`, commit);
    return true;
  }

  /**
   * Before an own move on a branch that is no plain ref any more: verify puts it back after a run in this
   * tree, but with workers another tree's eval can make it one at any time. It goes back to where autoexp
   * left it (nothing else moves it: a run's move of it is put back too).
   */
  private async assertBranchPlain(): Promise<void> {
    await this.putBranchBack(this.recorded);
  }

  /**
   * After one of autoexp's own moves (`before`: the index autoexp trusted before it): writes again the
   * files a checkout of the commit would write otherwise than they are. git add stores a file through the
   * conversions its attributes name (eol, working-tree-encoding, ident), so the bytes a proposal wrote may
   * differ from what its commit checks out as (`committed`: each file committed whose bytes are not its
   * blob is written again); and no reset or checkout rewrites a file whose blob stayed the same, whatever
   * `.gitattributes` came or went with the move (then every file is). Read from the two indexes and the
   * committed files themselves: in the usual case, where nothing converts, no git process runs.
   */
  private async writeAsCheckedOut(before: IndexCopy | undefined, { committed }: { committed: boolean }) {
    const after = this.ownIndex?.index;
    if (!before?.index || !after) return;
    const changes = changedEntries(before.index, after);
    if (!changes || changes.length === 0) return;
    const all = changes.some(({ path }) => path === '.gitattributes' || path.endsWith('/.gitattributes'));
    const rewrite = new Set<string>();
    if (!all && committed)
      for (const { path, after: entry } of changes) {
        if (!entry || !REGULAR_FILE_MODES.has(entry.mode)) continue;
        const file = join(this.path, path);
        const found = await lstat(file).catch(() => undefined);
        const bytes = found?.isFile() ? await readFile(file).catch(() => undefined) : undefined;
        if (!bytes || blobId(bytes, entry.object.length) !== entry.object) rewrite.add(path);
      }
    if (!all && rewrite.size === 0) return;
    const indexPath = join(this.gitDir, 'index');
    await rm(indexPath, { recursive: true, force: true });
    await writeFile(
      indexPath,
      smudgeEntries(after, (path) => all || rewrite.has(path)),
    );
    await this.git.checkOutIndex(all ? 'all' : [...rewrite]);
    await this.noteOwnIndex();
  }

  /**
   * Commits the paths verify found changed, on the index verify left: with workers, another tree's eval
   * may write into this tree between verify and the commit, and neither a file it changed nor an index
   * flag it set (which would hide that file from the eval's check) may join the candidate.
   */
  private async commitVerified(
    paths: readonly string[],
    message: string,
    options: { amend?: boolean; newPaths?: boolean } = {},
  ) {
    await this.putBack();
    return this.git.commitOnly(paths, message, options);
  }

  /** Gives the candidate commit its final message (a keep's trailers). */
  async rewordHead(message: string): Promise<string> {
    await this.assertBranchPlain();
    return this.moved(await this.git.rewordHead(this.recorded, message, this.branch));
  }

  /** Applies another tree's commit here and commits it with `message` (a worker's keep reaching the branch). */
  async commitFrom(commit: string, message: string): Promise<string | string[]> {
    const before = await this.beforeMove();
    this.staged = true;
    const conflicts = await this.git.applyCommit(commit);
    if (conflicts.length > 0) return conflicts;
    const sha = await this.moved(await this.git.commitStaged(message));
    await this.writeAsCheckedOut(before, { committed: false });
    return sha;
  }

  /** Applies `commit`'s change without committing; the conflicting paths, or [] when it applied. */
  async apply(commit: string): Promise<string[]> {
    this.staged = true;
    return this.git.applyCommit(commit);
  }

  /** Commits what `apply` staged (a rebased candidate). */
  async commitApplied(message: string): Promise<string> {
    const before = await this.beforeMove();
    const sha = await this.moved(await this.git.commitStaged(message));
    await this.writeAsCheckedOut(before, { committed: false });
    return sha;
  }

  /**
   * Commits the ledger files; the ones verify checks by content are dated back first (watchOwnFiles).
   * With `written` (workers: another tree's eval may rewrite a file after the check, before git reads it),
   * the commit must hold the ledger's open files as the ledger wrote them and the other files of `paths`
   * as `written` says (lessons.md, a chunk just filled); otherwise this throws (the session stops, and the
   * branch goes back to its last recorded experiment).
   * With `alone` (the caller knows nothing but autoexp has written into this tree since its last step: one
   * worker, and nothing untrusted outlives its run), the index is the one that step left, HEAD's tree
   * unless autoexp staged something itself: the files are committed on it, which spares git the second
   * index `--only` builds from HEAD (a whole-tree pass, a third of an experiment's git on a large tree).
   */
  async commitLedger(
    paths: string[],
    message: string,
    options: { newPaths: boolean; alone?: boolean; written?: ReadonlyMap<string, string | Buffer> },
  ): Promise<string> {
    const own = this.ownFiles();
    const before = new Date(Date.now() - OWN_FILE_AGE_MS);
    const expected = new Map<string, Buffer>();
    for (const [path, text] of options.written ?? []) expected.set(path, Buffer.from(text));
    for (const path of paths) {
      const bytes = own.get(join(this.path, path));
      if (!bytes) continue;
      if (options.written) expected.set(path, bytes);
      await utimes(join(this.path, path), before, before);
    }
    const onIndex = options.alone === true && !options.written && !this.staged;
    await this.assertBranchPlain();
    const sha = await this.moved(
      await this.git.commitPaths(paths, message, { newPaths: options.newPaths, onIndex }),
    );
    // What the commit holds (git reads a file once for the commit and once more for the index).
    const committed = expected.size > 0 ? await this.git.blobIds('HEAD', [...expected.keys()]) : new Map();
    for (const [path, bytes] of expected) {
      const found = committed.get(path) ?? '';
      if (found && blobId(bytes, found.length) === found) continue;
      // A filter or an eol conversion in .gitattributes stores other bytes than the file's, as git would.
      if ((await this.git.blobIdAt(path, bytes.toString())) !== found)
        throw new Error(`${path} changed while autoexp committed it`);
    }
    return sha;
  }

  /**
   * Merges `ref` (base) into the branch; the conflicting paths, or [] when merged. With `ledger`, a
   * squash or rebase merge of the branch into base is recognised and ledger conflicts are settled by the
   * ledger's rule (src/tree/ledger-merge.ts).
   */
  async merge(ref: string, message: string, ledger?: LedgerPlace): Promise<string[]> {
    const before = await this.beforeMove();
    const conflicts = ledger
      ? await mergeKeepingLedger(this.git, ref, message, ledger)
      : await this.git.merge(ref, message);
    if (conflicts.length === 0) this.recorded = await this.readHead();
    else this.staged = true;
    await this.noteOwnIndex();
    if (conflicts.length === 0) await this.writeAsCheckedOut(before, { committed: false });
    return conflicts;
  }

  async isAncestor(ancestor: string, descendant = this.recorded): Promise<boolean> {
    return this.git.isAncestor(ancestor, descendant);
  }

  /**
   * Back to `commit` (default: where autoexp last put the tree), with nothing untracked left: tracked
   * files reset, untracked files and nested repositories removed. Ignored files stay (setup's).
   */
  async resetTo(commit: string = this.recorded): Promise<void> {
    const before = await this.beforeMove();
    await this.withWritableDirectories(async () => {
      if (this.branch) await this.git.resetHard(commit);
      else await this.git.checkoutDetached(commit);
      // Always, even when git status showed nothing: it shows no empty directories.
      await this.git.removeUntracked();
    });
    this.staged = false;
    this.recorded = commit === this.recorded ? commit : await this.readHead();
    await this.noteOwnIndex();
    await this.writeAsCheckedOut(before, { committed: false });
  }

  /**
   * Back to `commit` after a run that `verify` found clean or that was undone (resetTo): only tracked
   * files differ, and only those between the two commits, so one git process rewrites just those without
   * looking at the others (on a 20,000-file tree, half the time of a hard reset); a hard reset should one
   * of them differ from HEAD after all. An empty
   * directory the run made (git status shows none) stays until the next candidate is committed:
   * commitCandidate removes it before any eval.
   */
  async resetAfterVerify(commit: string): Promise<void> {
    const before = await this.beforeMove();
    await this.withWritableDirectories(async () => {
      if (!this.branch) await this.git.checkoutDetached(commit);
      else if (!(await this.git.resetKeep(commit))) await this.git.resetHard(commit);
    });
    this.staged = false;
    this.recorded = commit === this.recorded ? commit : await this.readHead();
    await this.noteOwnIndex();
    await this.writeAsCheckedOut(before, { committed: false });
  }

  /**
   * Runs an undo; should git fail, once more after every directory of the tree is writable by its owner
   * again. git status sees no directory's mode: a run that made one read-only (`chmod 555`) would
   * otherwise fail every undo that writes in it, and stop the session.
   */
  private async withWritableDirectories(undo: () => Promise<void>): Promise<void> {
    try {
      await undo();
    } catch (error) {
      if (!(error instanceof GitError) || !(await makeDirectoriesWritable(this.path))) throw error;
      await undo();
    }
  }

  /** What differs from HEAD (tracked changes and untracked files). */
  async changes(): Promise<ChangedPath[]> {
    return (await this.git.status()).changed;
  }

  /** Only when something differs: a clean tree costs one git process (status) instead of two. */
  async cleanUp(): Promise<void> {
    const { changed } = await this.git.status();
    if (changed.length > 0) await this.resetTo();
  }
}
