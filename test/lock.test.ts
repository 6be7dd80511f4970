import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireTagLock,
  formatStartedAt,
  judgeHolder,
  LockHeldError,
  LockLostError,
  lockHeldMessage,
  parseLockInfo,
  parseProcStat,
  probeProcess,
  tagLockDir,
  type LockInfo,
} from '../src/tree/lock.js';

const linux = process.platform === 'linux';
const HOST = hostname();
const STARTED = new Date('2026-12-02T05:01:00Z');

function holder(overrides: Partial<LockInfo> = {}): LockInfo {
  return {
    pid: 1234,
    host: 'x',
    processStart: 500,
    startedAt: STARTED.toISOString(),
    tag: 't',
    ...overrides,
  };
}

/** A stat line as the kernel writes it: pid (comm) state, then fields 4..52; field 22 is the start time. */
function statLine(comm: string, state: string, start: number): string {
  const rest = Array.from({ length: 52 - 3 }, (_, i) => (i === 22 - 4 ? String(start) : String(i)));
  return `4242 (${comm}) ${state} ${rest.join(' ')}\n`;
}

/** The pid of a process that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

async function ownStart(): Promise<number | undefined> {
  return (await probeProcess(process.pid)).start;
}

describe('parseProcStat', () => {
  it('reads the state and the start time (field 22)', () => {
    expect(parseProcStat(statLine('node', 'S', 987654))).toEqual({ state: 'S', start: 987654 });
  });

  it('counts fields from the last ")" so a command name with spaces and parentheses does not shift them', () => {
    expect(parseProcStat(statLine('a) b (c d)', 'R', 77))).toEqual({ state: 'R', start: 77 });
  });

  it('reads a zombie state', () => {
    expect(parseProcStat(statLine('sleep', 'Z', 5))?.state).toBe('Z');
  });

  it('gives undefined for text that is not a stat line', () => {
    expect(parseProcStat('')).toBeUndefined();
    expect(parseProcStat('4242 (node) S 1 2 3')).toBeUndefined();
    expect(parseProcStat('no parenthesis here')).toBeUndefined();
  });

  it.runIf(linux)('agrees with the kernel for this process', async () => {
    const text = await readFile('/proc/self/stat', 'utf8');
    expect(parseProcStat(text)?.state).toMatch(/^[RS]$/);
    expect(parseProcStat(text)?.start).toBeGreaterThan(0);
  });
});

describe('parseLockInfo', () => {
  it('reads what a lock holds', () => {
    const info = holder({ head: 'abc123' });
    expect(parseLockInfo(JSON.stringify(info))).toEqual(info);
  });

  it('leaves out a start time and a head that are not there', () => {
    expect(parseLockInfo('{"pid":7,"host":"h","startedAt":"s","tag":"t"}')).toEqual({
      pid: 7,
      host: 'h',
      startedAt: 's',
      tag: 't',
    });
  });

  it.each([
    ['an empty file', ''],
    ['a half-written file', '{"pid": 12'],
    ['not an object', '[1,2]'],
    ['null', 'null'],
    ['no pid', '{"host":"h"}'],
    ['a pid that is not a positive integer', '{"pid":-3,"host":"h"}'],
    ['a fractional pid', '{"pid":1.5,"host":"h"}'],
    ['a pid as text', '{"pid":"12","host":"h"}'],
    ['no host', '{"pid":12}'],
    ['an empty host', '{"pid":12,"host":""}'],
  ])('gives undefined for %s', (_, text) => {
    expect(parseLockInfo(text)).toBeUndefined();
  });

  it('ignores fields of the wrong type rather than failing the whole lock', () => {
    expect(parseLockInfo('{"pid":12,"host":"h","processStart":"x","head":5,"startedAt":1}')).toEqual({
      pid: 12,
      host: 'h',
      startedAt: '',
      tag: '',
    });
  });
});

describe('judgeHolder', () => {
  const here = { host: 'x' };

  it('a live process with the recorded start time holds the lock', () => {
    expect(judgeHolder(holder(), here, { alive: true, start: 500 })).toEqual({
      held: true,
      otherHost: false,
    });
  });

  it('a dead process does not', () => {
    expect(judgeHolder(holder(), here, { alive: false })).toEqual({ held: false, reason: 'dead' });
  });

  it('a live pid that started at another time is another process that got the pid', () => {
    expect(judgeHolder(holder(), here, { alive: true, start: 501 })).toEqual({
      held: false,
      reason: 'pid-reused',
    });
  });

  it('holds when either start time is unknown (no /proc), since reuse cannot be told', () => {
    expect(judgeHolder(holder(), here, { alive: true })).toEqual({ held: true, otherHost: false });
    expect(judgeHolder(holder({ processStart: undefined }), here, { alive: true, start: 9 })).toEqual({
      held: true,
      otherHost: false,
    });
  });

  it('a lock from another host is held whatever the pid looks like here', () => {
    for (const probe of [{ alive: false }, { alive: true, start: 1 }, { alive: true, start: 500 }]) {
      expect(judgeHolder(holder({ host: 'other' }), here, probe)).toEqual({ held: true, otherHost: true });
    }
  });
});

describe('messages', () => {
  it('formats the start as a UTC time a person reads', () => {
    expect(formatStartedAt('2026-12-02T05:01:00.123Z')).toBe('2026-12-02 05:01:00 UTC');
    expect(formatStartedAt('2026-12-02T06:01:00+01:00')).toBe('2026-12-02 05:01:00 UTC');
    expect(formatStartedAt('yesterday-ish')).toBe('yesterday-ish');
    expect(formatStartedAt('')).toBe('at an unknown time');
  });

  it('names the holder and what to do', () => {
    expect(lockHeldMessage('t', holder(), { path: '/r/.git/autoexp/.locks/t.lock', otherHost: false })).toBe(
      'autoexp/t is in use by another autoexp session (pid 1234 on host x, started 2026-12-02 05:01:00 UTC); ' +
        'wait for it to finish, or stop it',
    );
  });

  it('says the lock is from another host and that deleting the file is the fix if that host is gone', () => {
    const message = lockHeldMessage('t', holder({ host: 'ci-7' }), { path: '/r/t.lock', otherHost: true });
    expect(message).toContain('autoexp/t is in use by an autoexp session on another host');
    expect(message).toContain('pid 1234 on host ci-7, started 2026-12-02 05:01:00 UTC');
    expect(message).toContain('If host ci-7 is gone, delete /r/t.lock and run again');
  });

  it('without a start time, says what to do if the pid is not autoexp', () => {
    const message = lockHeldMessage('t', holder({ processStart: undefined }), {
      path: '/r/t.lock',
      otherHost: false,
    });
    expect(message).toContain('If pid 1234 is not an autoexp process, delete /r/t.lock and run again');
  });
});

describe('probeProcess', () => {
  it('sees this process alive, and a reaped child dead', async () => {
    expect((await probeProcess(process.pid)).alive).toBe(true);
    expect(await probeProcess(await deadPid())).toEqual({ alive: false });
  });

  it.runIf(linux)('sees a process that ended but was never reaped (a zombie) as dead', async () => {
    // The shell starts a child that exits shortly, after the shell has become `sleep`, which never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 30'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const [chunk] = (await once(parent.stdout, 'data')) as [Buffer];
      const pid = Number(String(chunk).trim());
      let state: string | undefined;
      for (let i = 0; i < 100 && state !== 'Z'; i++) {
        state = parseProcStat(await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => ''))?.state;
        if (state !== 'Z') await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(state).toBe('Z');
      expect(await probeProcess(pid)).toEqual({ alive: false });
    } finally {
      parent.kill();
    }
  });

  it.runIf(linux)('gives the start time on Linux', async () => {
    const start = parseProcStat(await readFile('/proc/self/stat', 'utf8'))?.start;
    expect(await probeProcess(process.pid)).toEqual({ alive: true, start });
  });
});

describe('acquireTagLock', () => {
  let root: string;
  let dir: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'autoexp-lock-'));
    dir = tagLockDir(join(root, '.git'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const lockPath = () => join(dir, 't.lock');
  const readLock = async () => JSON.parse(await readFile(lockPath(), 'utf8')) as LockInfo;
  /** Put a lock file in place as another session (or a crash) would have left it. */
  const put = async (text: string) => {
    await mkdir(dir, { recursive: true });
    await writeFile(lockPath(), text);
  };
  const writeLock = (info: Partial<LockInfo> & { pid: number }) =>
    put(JSON.stringify({ host: HOST, startedAt: STARTED.toISOString(), tag: 't', ...info }));
  const heldError = async (promise: Promise<unknown>): Promise<LockHeldError> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LockHeldError);
    return error as LockHeldError;
  };

  it('creates the directory and a lock naming this process', async () => {
    const lock = await acquireTagLock({ dir, tag: 't', now: STARTED });
    expect(lock.path).toBe(lockPath());
    expect(lock.previous).toBeUndefined();
    expect(lock.staleReason).toBeUndefined();
    const info = await readLock();
    expect(info).toEqual({
      pid: process.pid,
      host: HOST,
      ...(linux ? { processStart: await ownStart() } : {}),
      startedAt: '2026-12-02T05:01:00.000Z',
      tag: 't',
    });
    expect(lock.info).toEqual(info);
  });

  it('keeps the locks of different tags apart', async () => {
    await acquireTagLock({ dir, tag: 't' });
    const other = await acquireTagLock({ dir, tag: 'u', pid: process.ppid });
    expect(other.path).toBe(join(dir, 'u.lock'));
  });

  it('refuses a tag that is not a file name', async () => {
    await expect(acquireTagLock({ dir, tag: '../t' })).rejects.toThrow('cannot name a lock file');
    await expect(acquireTagLock({ dir, tag: '' })).rejects.toThrow('cannot name a lock file');
  });

  it('a second session while the first runs gets LockHeldError naming pid, host and start', async () => {
    await acquireTagLock({ dir, tag: 't', pid: process.ppid, now: STARTED });
    const error = await heldError(acquireTagLock({ dir, tag: 't' }));
    expect(error.message).toBe(
      `autoexp/t is in use by another autoexp session (pid ${process.ppid} on host ${HOST}, ` +
        `started 2026-12-02 05:01:00 UTC); wait for it to finish, or stop it`,
    );
    expect(error.holder).toMatchObject({ pid: process.ppid, host: HOST, startedAt: STARTED.toISOString() });
    expect(error.otherHost).toBe(false);
    expect(error.path).toBe(lockPath());
    // The holder's lock is untouched.
    expect((await readLock()).pid).toBe(process.ppid);
  });

  it('a live holder that is a sleeping child process holds the lock', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.on('spawn', resolve));
      await acquireTagLock({ dir, tag: 't', pid: child.pid!, now: STARTED });
      const error = await heldError(acquireTagLock({ dir, tag: 't' }));
      expect(error.holder.pid).toBe(child.pid);
    } finally {
      child.kill();
    }
  });

  it('takes over the lock of a session whose process is gone, and tells its recorded head', async () => {
    const pid = await deadPid();
    await writeLock({ pid, processStart: 1, head: 'c0ffee' });
    const lock = await acquireTagLock({ dir, tag: 't' });
    expect(lock.staleReason).toBe('dead');
    expect(lock.previous).toMatchObject({ pid, head: 'c0ffee', host: HOST });
    expect((await readLock()).pid).toBe(process.pid);
  });

  it.runIf(linux)(
    'takes over when the pid is alive but belongs to a process that started later',
    async () => {
      const start = (await ownStart())!;
      await writeLock({ pid: process.pid, processStart: start - 1, head: 'abc' });
      const lock = await acquireTagLock({ dir, tag: 't', pid: process.ppid });
      expect(lock.staleReason).toBe('pid-reused');
      expect(lock.previous).toMatchObject({ pid: process.pid, head: 'abc' });
      expect((await readLock()).pid).toBe(process.ppid);
    },
  );

  it('treats a lock from another host as held, even with a pid that is dead here', async () => {
    await writeLock({ pid: await deadPid(), host: 'ci-runner-7' });
    const error = await heldError(acquireTagLock({ dir, tag: 't' }));
    expect(error.otherHost).toBe(true);
    expect(error.message).toContain('on another host');
    expect(error.message).toContain(`If host ci-runner-7 is gone, delete ${lockPath()}`);
    expect((await readLock()).host).toBe('ci-runner-7');
  });

  it('takes over a lock whose content cannot be read (a half-written file from a crash)', async () => {
    await put('{"pid": 12');
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath(), old, old);
    const lock = await acquireTagLock({ dir, tag: 't' });
    expect(lock.staleReason).toBe('unreadable');
    expect(lock.previous).toBeUndefined();
    expect((await readLock()).pid).toBe(process.pid);
  });

  it('waits for a lock another session is writing this instant instead of taking it over', async () => {
    await put('');
    const filled = new Promise<void>((resolve) =>
      setTimeout(() => void writeLock({ pid: process.ppid }).then(resolve), 60),
    );
    const error = await heldError(acquireTagLock({ dir, tag: 't' }));
    await filled;
    expect(error.holder.pid).toBe(process.ppid);
  });

  it('a takeover left half done by a killed process does not block the tag for good', async () => {
    await writeLock({ pid: await deadPid(), head: 'old' });
    await writeFile(`${lockPath()}.takeover`, '{"pid":1}');
    const old = new Date(Date.now() - 60_000);
    await utimes(`${lockPath()}.takeover`, old, old);
    const lock = await acquireTagLock({ dir, tag: 't' });
    expect(lock.previous?.head).toBe('old');
    expect(await readdir(dir)).toEqual(['t.lock']);
  });

  it('records the head atomically, keeping pid, host and start; the next session reads it back', async () => {
    const pid = await deadPid();
    const first = await acquireTagLock({ dir, tag: 't', pid, now: STARTED });
    const before = await readLock();
    await first.recordHead('aaa111');
    await first.recordHead('bbb222');
    expect(await readLock()).toEqual({ ...before, head: 'bbb222' });
    expect(first.info.head).toBe('bbb222');
    expect((await readdir(dir)).sort()).toEqual(['t.lock']); // no temporary file left behind

    // The "session" is gone (its pid is dead): the next one recovers from it.
    const second = await acquireTagLock({ dir, tag: 't' });
    expect(second.previous).toEqual({ ...before, head: 'bbb222' });
    expect(second.staleReason).toBe('dead');
  });

  it('notes the commit a ledger commit goes on until the next head; a killed session leaves the note', async () => {
    const pid = await deadPid();
    const first = await acquireTagLock({ dir, tag: 't', pid, now: STARTED });
    const before = await readLock();
    await first.recordHead('aaa111');
    await first.recordingOn('aaa111');
    expect(await readLock()).toEqual({ ...before, head: 'aaa111', recordingOn: 'aaa111' });
    await first.recordHead('bbb222');
    expect(await readLock()).toEqual({ ...before, head: 'bbb222' });
    await first.recordingOn('ccc333');

    const second = await acquireTagLock({ dir, tag: 't' });
    expect(second.previous).toEqual({ ...before, head: 'bbb222', recordingOn: 'ccc333' });
  });

  it('records heads in the order they were asked for', async () => {
    const lock = await acquireTagLock({ dir, tag: 't' });
    await Promise.all(['1', '2', '3', '4'].map((sha) => lock.recordHead(sha)));
    expect((await readLock()).head).toBe('4');
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('release removes the lock, and a second release is harmless', async () => {
    const lock = await acquireTagLock({ dir, tag: 't' });
    await lock.release();
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
    await expect(lock.recordHead('abc')).rejects.toThrow('already released');
    // The tag is free again.
    await (await acquireTagLock({ dir, tag: 't' })).release();
  });

  it("release does not remove another session's lock, and recordHead then says the lock was lost", async () => {
    const lock = await acquireTagLock({ dir, tag: 't' });
    await writeLock({ pid: process.ppid, head: 'theirs' });
    const error = await lock.recordHead('mine').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockLostError);
    expect((error as Error).message).toContain(lockPath());
    await lock.release();
    expect(await readLock()).toMatchObject({ pid: process.ppid, head: 'theirs' });
  });

  it('release after the lock file was deleted by hand is harmless', async () => {
    const lock = await acquireTagLock({ dir, tag: 't' });
    await rm(lockPath());
    await lock.release();
    await expect(lock.recordHead('x')).rejects.toThrow();
  });

  it('of three sessions taking over the same stale lock at once, one wins and the others name it', async () => {
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await once(sleeper, 'spawn');
      const pids = [process.pid, process.ppid, sleeper.pid!];
      for (let i = 0; i < 10; i++) {
        await writeLock({ pid: await deadPid(), head: 'old' });
        const results = await Promise.allSettled(pids.map((pid) => acquireTagLock({ dir, tag: 't', pid })));
        const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
        expect(won).toHaveLength(1);
        const winner = won[0]!;
        for (const error of lost) {
          expect(error).toBeInstanceOf(LockHeldError);
          expect((error as LockHeldError).holder.pid).toBe(winner.info.pid);
        }
        // Whoever won learnt about the killed session.
        expect(winner.previous?.head).toBe('old');
        expect((await readLock()).pid).toBe(winner.info.pid);
        await winner.release();
        expect(await readdir(dir)).toEqual([]);
      }
    } finally {
      sleeper.kill();
    }
  });

  // A run (same user) can replace the lock file with anything; reassert reads it after every run.
  it('reassert puts back a lock a run replaced with a FIFO, without waiting for a writer', async () => {
    const lock = await acquireTagLock({ dir, tag: 't', now: STARTED });
    const written = await readFile(lockPath(), 'utf8');
    await rm(lockPath());
    execFileSync('mkfifo', [lockPath()]);
    // A writer 3 s later releases a read that waits (the test fails instead of hanging).
    const writer = spawn('sh', ['-c', `sleep 3; [ -p '${lockPath()}' ] && echo x > '${lockPath()}'`], {
      stdio: 'ignore',
    });
    try {
      const started = Date.now();
      expect(await lock.reassert()).toBe(true);
      expect(Date.now() - started).toBeLessThan(2000);
      expect((await lstat(lockPath())).isFile()).toBe(true);
      expect(await readFile(lockPath(), 'utf8')).toBe(written);
    } finally {
      writer.kill();
    }
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('reassert puts back a lock a run replaced with a link to a file of yours, which stays as it was', async () => {
    const lock = await acquireTagLock({ dir, tag: 't', now: STARTED });
    const written = await readFile(lockPath(), 'utf8');
    const yours = join(root, 'notes.txt');
    await writeFile(yours, written);
    await rm(lockPath());
    await symlink(yours, lockPath());
    expect(await lock.reassert()).toBe(true);
    expect((await lstat(lockPath())).isFile()).toBe(true);
    await lock.release();
    expect(await readFile(yours, 'utf8')).toBe(written);
  });
});
