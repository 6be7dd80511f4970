// One autoexp session per tag at a time, and what a killed session left behind.
//
// Two sessions on the same autoexp/<tag> (two CLI runs, or a CLI run beside a cron job on a self-hosted
// runner) would delete each other's worktree and leave commits nobody recorded. So a session first takes
// the file <dir>/<tag>.lock, created atomically ('wx' fails when the file exists). The file names the
// holding process (pid, host, the process's start time) and the branch commit the session last recorded
// (`head`), so the next session can tell a live holder from a dead one and, after a crash, which commits
// on the branch nobody recorded. A stale lock (its process gone, or its pid now another process's) is
// replaced in one rename, one taker at a time; a lock from another host is never judged from here.
//
// The pure parts (reading /proc/<pid>/stat, judging a holder, the message) are separate functions; the
// rest is a handful of file operations.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, lstat, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** What a lock file holds. */
export interface LockInfo {
  pid: number;
  /** os.hostname() of the holder. */
  host: string;
  /**
   * When the holding process started, in clock ticks since boot (field 22 of /proc/<pid>/stat), so a
   * pid the kernel has since given to another process is not taken for the holder. Undefined where
   * there is no /proc (macOS, Windows).
   */
  processStart?: number;
  /** When the session took the lock (ISO 8601). */
  startedAt: string;
  tag: string;
  /** The branch commit the session last recorded; undefined until it records one. */
  head?: string;
  /**
   * Set while the session commits a ledger row: the commit it commits it on. A child of it at the
   * branch's tip is that ledger commit, made before the session could record it as `head`.
   */
  recordingOn?: string;
}

/** Why a lock was taken over from its holder. */
export type StaleReason = 'dead' | 'pid-reused' | 'unreadable';

export type HolderVerdict =
  { held: true; otherHost: boolean } | { held: false; reason: Exclude<StaleReason, 'unreadable'> };

/** What is known of a pid on this host right now. */
export interface ProcessProbe {
  alive: boolean;
  /** Start time in clock ticks since boot, when /proc tells it. */
  start?: number;
}

export interface TagLock {
  /** The lock file. */
  readonly path: string;
  /** What the file holds now. */
  readonly info: LockInfo;
  /** The holder this lock was taken over from (a session that was killed or crashed), when readable. */
  readonly previous?: LockInfo;
  /** Set when a stale lock was taken over: why it counted as stale. */
  readonly staleReason?: StaleReason;
  /** Record the branch commit the session has recorded up to (rewrites the file atomically). */
  recordHead(sha: string): Promise<void>;
  /**
   * Note that a ledger commit is about to be made on `sha` (cleared by the next recordHead), so that a
   * session killed between that commit and recordHead does not lose the row it committed.
   */
  recordingOn(sha: string): Promise<void>;
  /** Remove the lock file if it is still this session's. Safe to call more than once. */
  release(): Promise<void>;
  /**
   * After untrusted code ran (it can write the lock dir like any file of the user's): writes this
   * session's lock back when the file was removed or changed. True when it had to.
   */
  reassert(): Promise<boolean>;
}

export interface AcquireOptions {
  /** A directory autoexp owns inside the git common dir; created when missing. See tagLockDir. */
  dir: string;
  tag: string;
  now?: Date;
  host?: string;
  pid?: number;
}

/** Another live session holds the tag (or a session on another host, which cannot be checked from here). */
export class LockHeldError extends Error {
  override name = 'LockHeldError';
  constructor(
    readonly tag: string,
    readonly holder: LockInfo,
    readonly path: string,
    readonly otherHost: boolean,
  ) {
    super(lockHeldMessage(tag, holder, { path, otherHost }));
  }
}

/** This session's lock file was removed or replaced by someone else while the session ran. */
export class LockLostError extends Error {
  override name = 'LockLostError';
  constructor(
    readonly tag: string,
    readonly path: string,
  ) {
    super(
      `autoexp/${tag}: this session's lock file ${path} was removed or replaced by another process; ` +
        `stopping so that two sessions do not work on the same branch`,
    );
  }
}

/**
 * Where the locks of a repository live. A tag starts with a letter or digit, so ".locks" can never be
 * the scratch directory of a tag (<commonDir>/autoexp/<tag>).
 */
export function tagLockDir(commonDir: string): string {
  return join(commonDir, 'autoexp', '.locks');
}

/**
 * A file whose content cannot be parsed may be one another session created a moment ago and is still
 * writing; it counts as the leftover of a crash once it is this old (or has not changed for this long).
 */
const UNREADABLE_GRACE_MS = 2_000;
/**
 * Taking over a stale lock holds <tag>.lock.takeover for a few milliseconds; one this old was left by a
 * process killed in those milliseconds.
 */
const TAKEOVER_STALE_MS = 10_000;
const POLL_MS = 20;
/** Each round either returns, throws, or saw the file change under it; this many means something is wrong. */
const MAX_ROUNDS = 1_000;

// ---------------------------------------------------------------------------------------------------
// Pure parts

/** State (field 3) and start time (field 22) from the text of /proc/<pid>/stat. */
export function parseProcStat(text: string): { state: string; start: number } | undefined {
  // Field 2 is the command name in parentheses and may itself hold spaces and parentheses: count the
  // fields from the last ')'.
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const state = fields[0];
  const start = Number(fields[22 - 3]);
  if (!state || !Number.isSafeInteger(start) || start < 0) return undefined;
  return { state, start };
}

/** The lock file's content, or undefined when it is not a lock (a half-written file, or not JSON). */
export function parseLockInfo(text: string): LockInfo | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.pid !== 'number' || !Number.isSafeInteger(v.pid) || v.pid <= 0) return undefined;
  if (typeof v.host !== 'string' || v.host === '') return undefined;
  const info: LockInfo = {
    pid: v.pid,
    host: v.host,
    startedAt: typeof v.startedAt === 'string' ? v.startedAt : '',
    tag: typeof v.tag === 'string' ? v.tag : '',
  };
  if (typeof v.processStart === 'number' && Number.isSafeInteger(v.processStart)) {
    info.processStart = v.processStart;
  }
  if (typeof v.head === 'string' && v.head !== '') info.head = v.head;
  if (typeof v.recordingOn === 'string' && v.recordingOn !== '') info.recordingOn = v.recordingOn;
  return info;
}

/** Whether the holder of a lock still holds it, seen from `here` with what is known of its pid. */
export function judgeHolder(holder: LockInfo, here: { host: string }, probe: ProcessProbe): HolderVerdict {
  // A pid means nothing on another machine: only that machine could tell whether the session is gone.
  if (holder.host !== here.host) return { held: true, otherHost: true };
  if (!probe.alive) return { held: false, reason: 'dead' };
  if (holder.processStart !== undefined && probe.start !== undefined && holder.processStart !== probe.start) {
    return { held: false, reason: 'pid-reused' };
  }
  return { held: true, otherHost: false };
}

/** "2026-12-02 05:01:00 UTC" from an ISO time; the text as it is when it is not a time. */
export function formatStartedAt(iso: string): string {
  const time = new Date(iso);
  if (iso === '' || Number.isNaN(time.getTime())) return iso || 'at an unknown time';
  return `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function lockHeldMessage(
  tag: string,
  holder: LockInfo,
  where: { path: string; otherHost: boolean },
): string {
  const who = `pid ${holder.pid} on host ${holder.host}, started ${formatStartedAt(holder.startedAt)}`;
  if (where.otherHost) {
    return (
      `autoexp/${tag} is in use by an autoexp session on another host (${who}); wait for it to finish, ` +
      `or stop it there. If host ${holder.host} is gone, delete ${where.path} and run again`
    );
  }
  const base = `autoexp/${tag} is in use by another autoexp session (${who}); wait for it to finish, or stop it`;
  // Without a recorded start time a pid reused by an unrelated process looks like the holder.
  return holder.processStart === undefined
    ? `${base}. If pid ${holder.pid} is not an autoexp process, delete ${where.path} and run again`
    : base;
}

// ---------------------------------------------------------------------------------------------------
// The process table

/** Whether `pid` runs on this host, and since when. A zombie (killed, not yet reaped) counts as dead. */
export async function probeProcess(pid: number): Promise<ProcessProbe> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return { alive: errorCode(error) === 'EPERM' };
  }
  const stat = await readProcStat(pid);
  if (stat === 'gone') return { alive: false };
  if (stat === undefined) return { alive: true };
  return stat.state === 'Z' ? { alive: false } : { alive: true, start: stat.start };
}

async function readProcStat(pid: number): Promise<{ state: string; start: number } | 'gone' | undefined> {
  try {
    return parseProcStat(await readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch (error) {
    // The process exited between the signal and the read, on a system that has /proc.
    if (errorCode(error) === 'ENOENT' && (await hasProc())) return 'gone';
    return undefined;
  }
}

async function hasProc(): Promise<boolean> {
  try {
    await stat('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------
// The lock file

export async function acquireTagLock(options: AcquireOptions): Promise<TagLock> {
  const { dir, tag } = options;
  if (tag === '' || tag === '.' || tag === '..' || /[/\\]/.test(tag)) {
    throw new Error(`"${tag}" cannot name a lock file`);
  }
  const pid = options.pid ?? process.pid;
  const host = options.host ?? hostname();
  const path = join(dir, `${tag}.lock`);
  await mkdir(dir, { recursive: true });

  const ownStat = await readProcStat(pid);
  const info: LockInfo = {
    pid,
    host,
    ...(typeof ownStat === 'object' ? { processStart: ownStat.start } : {}),
    startedAt: (options.now ?? new Date()).toISOString(),
    tag,
  };

  const text = serialise(info);
  // The unreadable content being watched, and since when.
  let watching: { text: string; since: number } | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (await createExclusive(path, text)) return new HeldLock(path, info, text, undefined, undefined);
    const found = await readLockFile(path);
    if (found === undefined) continue; // removed meanwhile: try again
    const holder = parseLockInfo(found.text);
    let reason: StaleReason;
    if (holder === undefined) {
      const now = Date.now();
      if (watching?.text !== found.text) watching = { text: found.text, since: now };
      if (now - found.mtimeMs < UNREADABLE_GRACE_MS && now - watching.since < UNREADABLE_GRACE_MS) {
        await sleep(POLL_MS);
        continue;
      }
      reason = 'unreadable';
    } else {
      const verdict = judgeHolder(
        holder,
        { host },
        holder.host === host ? await probeProcess(holder.pid) : { alive: true },
      );
      if (verdict.held) throw new LockHeldError(tag, holder, path, verdict.otherHost);
      reason = verdict.reason;
    }
    const outcome = await takeOver(path, found.text, text);
    if (outcome === 'taken') return new HeldLock(path, info, text, holder, reason);
    // 'changed': look again at whoever holds it now; 'busy': another session is taking it over.
    if (outcome === 'busy') await sleep(POLL_MS);
  }
  throw new Error(`could not take ${path}: it kept changing while autoexp looked at it`);
}

class HeldLock implements TagLock {
  private released = false;
  /** Queue of file writes, so that recordHead and release never interleave. */
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private current: LockInfo,
    /** The exact text this session last wrote: the file is ours while it still holds it. */
    private written: string,
    readonly previous: LockInfo | undefined,
    readonly staleReason: StaleReason | undefined,
  ) {}

  get info(): LockInfo {
    return { ...this.current };
  }

  recordHead(sha: string): Promise<void> {
    const { recordingOn: _done, ...rest } = this.current;
    return this.rewrite({ ...rest, head: sha });
  }

  recordingOn(sha: string): Promise<void> {
    return this.rewrite({ ...this.current, recordingOn: sha });
  }

  private rewrite(next: LockInfo): Promise<void> {
    return this.enqueue(async () => {
      if (this.released) throw new Error(`autoexp/${this.current.tag}: the lock was already released`);
      if ((await readLockFile(this.path))?.text !== this.written) {
        throw new LockLostError(this.current.tag, this.path);
      }
      const text = serialise(next);
      await replaceFile(this.path, text);
      this.current = next;
      this.written = text;
    });
  }

  reassert(): Promise<boolean> {
    let rewritten = false;
    return this.enqueue(async () => {
      if (this.released || (await readLockFile(this.path))?.text === this.written) return;
      await replaceFile(this.path, this.written);
      rewritten = true;
    }).then(() => rewritten);
  }

  release(): Promise<void> {
    return this.enqueue(async () => {
      if (this.released) return;
      this.released = true;
      // Another session's lock (ours was taken over, or replaced by hand) stays where it is.
      if ((await readLockFile(this.path))?.text !== this.written) return;
      await unlink(this.path).catch(ignoreMissing);
    });
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.pending.then(step, step);
    this.pending = run.catch(() => undefined);
    return run;
  }
}

function serialise(info: LockInfo): string {
  return `${JSON.stringify(info, null, 2)}\n`;
}

/** Create `path` holding `text`, or false when it already exists. */
async function createExclusive(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
    await handle.close();
  } catch (error) {
    // An empty or half-written lock (disk full) would block the tag for the grace period: remove it.
    await handle.close().catch(() => undefined);
    await unlink(path).catch(ignoreMissing);
    throw error;
  }
  return true;
}

/**
 * The lock file's text and write time. Untrusted code (it runs as the same user) can replace the file
 * with a FIFO, whose read would wait for a writer (reassert reads it after every run: the session would
 * stop there), or with a link: neither is followed nor waited on, and anything but a plain file reads as
 * no text (an unreadable lock, replaced by a rename, never written through).
 */
async function readLockFile(path: string): Promise<{ text: string; mtimeMs: number } | undefined> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    if (errorCode(error) !== 'ELOOP') throw error;
    const link = await lstat(path).catch(() => undefined);
    return link && { text: '', mtimeMs: link.mtimeMs };
  }
  try {
    const info = await handle.stat();
    return { text: info.isFile() ? await handle.readFile('utf8') : '', mtimeMs: info.mtimeMs };
  } finally {
    await handle.close();
  }
}

/**
 * Replace the stale lock at `path` with `text` if it still holds `stale`. The lock file never goes
 * missing on the way (it is replaced by a rename, not deleted and created again), so a session starting
 * at that moment cannot slip in and take the tag without learning about the killed session. Takers are
 * kept one at a time by <tag>.lock.takeover, so two of them cannot both replace the same stale lock.
 */
async function takeOver(path: string, stale: string, text: string): Promise<'taken' | 'changed' | 'busy'> {
  const guard = `${path}.takeover`;
  const guardText = `${JSON.stringify({ pid: process.pid, token: randomBytes(8).toString('hex') })}\n`;
  if (!(await createExclusive(guard, guardText))) {
    const found = await readLockFile(guard);
    if (found !== undefined && Date.now() - found.mtimeMs >= TAKEOVER_STALE_MS) {
      await removeIfUnchanged(guard, found.text);
    }
    return 'busy';
  }
  try {
    if ((await readLockFile(path))?.text !== stale) return 'changed';
    await replaceFile(path, text);
    return 'taken';
  } finally {
    if ((await readLockFile(guard))?.text === guardText) await unlink(guard).catch(ignoreMissing);
  }
}

/**
 * Remove the file at `path` only if it still holds `expected`. It is first renamed aside (one atomic
 * step, so two processes cannot both remove it, nor remove a file the other has just created) and put
 * back if it turns out to have changed.
 */
async function removeIfUnchanged(path: string, expected: string): Promise<void> {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  const moved = (await readLockFile(aside))?.text;
  if (moved === expected) {
    await unlink(aside).catch(ignoreMissing);
    return;
  }
  // It was replaced between our read and the rename: put the new file back. link does not replace a
  // file created at `path` meanwhile; where it fails, rename does the job.
  try {
    await link(aside, path);
    await unlink(aside);
  } catch {
    await rename(aside, path);
  }
}

/** Replace `path` with `text` in one step: a temporary file in the same directory, renamed over it. */
async function replaceFile(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text);
      // The recorded head must survive a power cut, not only a killed process.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(ignoreMissing);
    throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function ignoreMissing(error: unknown): void {
  if (errorCode(error) !== 'ENOENT') throw error;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
