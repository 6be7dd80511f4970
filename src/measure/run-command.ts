// Runs one eval/setup/guard/holdout/proposer command as `bash -c` with a hard time limit. Output is
// streamed line by line into the log file and through the metric extractor, never held whole in memory;
// only the last lines are kept for the log tail.
//
// Nothing the command starts outlives it: it runs in a PID namespace of its own (sandbox.ts), which the
// kernel empties when the command's shell exits, and on timeout or abort the whole tree is killed at once.
// Where no namespace can be made, the tree is read from /proc and killed after every exit instead
// (process-tree.ts), which misses processes that left the shell's process group and session.
//
// Spawned through execa (detached, no buffering, no rejection, our own kill): the streaming, the time
// limit and the tree kill stay ours. The timer must fire on time whatever the command prints, so the work
// done per line of output is bounded (extract.ts) and the deadline is also checked as lines arrive.
import { once } from 'node:events';
import { constants } from 'node:fs';
import { lstat, open, rm, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { execa, type Options as ExecaOptions } from 'execa';
import { MetricExtractor, type OutputStream } from './extract.js';
import { BoundedTail, LineSplitter } from './lines.js';
import { killProcessTree, waitUntilGone } from './process-tree.js';
import { detectContainment, hostUnixSockets, sandboxInvocation, type Containment } from './sandbox.js';
import type { RunOptions, RunResult } from './types.js';

export const LOG_TAIL_LINES = 50;
/** Lines of the log tail are cut to this length: the tail goes into prompts and the ledger. */
const LOG_TAIL_LINE_CHARS = 2000;
/** After the shell exits, how long processes it left behind may keep our pipes open without writing. */
const STREAM_GRACE_MS = 500;

export interface RunCommandOptions extends RunOptions {
  /** `append` adds to an existing log (used between repeats); default `truncate`. */
  logMode?: 'truncate' | 'append';
  /** A line written to the log before the command's output. */
  logHeader?: string;
}

interface ShellExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

async function assertDirectory(cwd: string): Promise<void> {
  const info = await stat(cwd).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`cannot run a command in ${cwd}: no such directory`);
}

function cutForTail(line: string, cut: boolean): string {
  if (line.length <= LOG_TAIL_LINE_CHARS && !cut) return line;
  return `${line.slice(0, LOG_TAIL_LINE_CHARS)}… [line cut; more of it is in the log]`;
}

/** True when both pipes closed; false when it gave up on processes that keep them open. */
async function waitForOutputEnd(
  streamsClosed: Promise<unknown>,
  limits: { killed: boolean; idleMs: () => number; deadline: number },
): Promise<boolean> {
  const graceEnd = performance.now() + STREAM_GRACE_MS;
  let poll: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<false>((resolve) => {
    poll = setInterval(() => {
      const now = performance.now();
      const idle = limits.killed ? now >= graceEnd : limits.idleMs() >= STREAM_GRACE_MS;
      if (idle || now >= limits.deadline) resolve(false);
    }, 50);
  });
  try {
    return await Promise.race([streamsClosed.then(() => true as const), gaveUp]);
  } finally {
    clearInterval(poll);
  }
}

interface Namespaces {
  prefix: string[];
  /** For messages: "a PID namespace (unshare --pid (as root))". */
  what: string;
  /** `eval.network: off`: the machine's Unix sockets, read when the command starts, are covered. */
  networkOff: boolean;
}

/** The namespaces to run in: the network-off ones when given, else the containment one, or none. */
async function namespacesFor(options: RunCommandOptions): Promise<Namespaces | undefined> {
  if (options.network?.kind === 'unshare')
    return {
      prefix: options.network.prefix,
      what: `a network namespace (${options.network.description})`,
      networkOff: true,
    };
  const containment: Containment = options.containment ?? (await detectContainment());
  if (containment.kind !== 'namespace') return undefined;
  return {
    prefix: containment.prefix,
    what: `a PID namespace (${containment.description})`,
    networkOff: false,
  };
}

interface Shell {
  pid: number | undefined;
  stdout: Readable;
  stderr: Readable;
  /** Settles when the shell (or the namespace prefix running it) exits; rejects when it cannot start. */
  exited: Promise<ShellExit>;
}

/** `bash -c command` in its own session and process group, inside the namespaces when there are any. */
function startShell(options: RunCommandOptions, namespaces: Namespaces | undefined): Shell {
  const common = {
    cwd: options.cwd,
    // Its own session and process group, so the group can be signalled as one.
    detached: true,
    extendEnv: false,
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    encoding: 'buffer',
    reject: false,
    cleanup: false,
  } as const satisfies ExecaOptions;
  const invocation =
    namespaces &&
    sandboxInvocation(
      namespaces.prefix,
      options.command,
      options.env,
      namespaces.networkOff ? hostUnixSockets() : [],
    );
  const child = invocation
    ? // The environment goes in on stdin. If the prefix fails before reading it, its stderr says why.
      execa(invocation.file, invocation.args, { ...common, env: invocation.env, input: invocation.input })
    : execa('bash', ['-c', options.command], { ...common, env: options.env, stdin: 'ignore' });
  const exited = new Promise<ShellExit>((resolve, reject) => {
    child.nodeChildProcess.once('exit', (code, signal) => resolve({ code, signal }));
    child.nodeChildProcess.once('error', reject);
  });
  // With reject: false execa's own promise settles with a result we do not need: the 'exit' event is.
  child.catch(() => undefined);
  const { stdout, stderr } = child;
  if (!stdout || !stderr) throw new Error('no output pipes');
  return { pid: child.pid, stdout, stderr, exited };
}

/**
 * How to open the log: a file of autoexp's own, which an earlier command (it runs as the same user) may
 * have replaced. A symlink or a hard link would have autoexp write the output into a file of the user's,
 * a directory or a FIFO would stop every later session: whatever is not a plain file with one link goes
 * (the link itself, not what it leads to), and the log is opened without following a link or waiting
 * for a reader. Appending keeps a plain file that is still autoexp's.
 */
async function openLogFlags(options: RunCommandOptions): Promise<number> {
  const found = await lstat(options.logPath).catch(() => undefined);
  const append = options.logMode === 'append' && found?.isFile() === true && found.nlink === 1;
  if (found && !append) await rm(options.logPath, { recursive: true, force: true });
  const { O_WRONLY, O_CREAT, O_NOFOLLOW, O_NONBLOCK, O_APPEND, O_EXCL } = constants;
  return O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | (append ? O_APPEND : O_EXCL);
}

export async function runCommand(options: RunCommandOptions): Promise<RunResult> {
  // Probed once per process; not part of the command's time.
  const namespaces = await namespacesFor(options);
  const started = performance.now();
  await assertDirectory(options.cwd);
  const log = (await open(options.logPath, await openLogFlags(options))).createWriteStream();
  let logError: Error | undefined;
  log.on('error', (error) => (logError ??= error));
  if (options.logHeader !== undefined) log.write(`${options.logHeader}\n`);

  const finishLog = async (): Promise<void> => {
    if (!logError) {
      log.end();
      await once(log, 'close').catch(() => undefined);
    }
    if (logError) throw new Error(`cannot write the log ${options.logPath}: ${logError.message}`);
  };

  if (options.signal?.aborted) {
    await finishLog();
    return {
      exitCode: null,
      signal: null,
      timedOut: false,
      aborted: true,
      wallTimeMs: Math.round(performance.now() - started),
      logTail: '',
      metrics: {},
      metricProblems: {},
    };
  }

  const program = namespaces ? `bash in ${namespaces.what}` : 'bash';
  let shell: Shell;
  try {
    shell = startShell(options, namespaces);
  } catch (error) {
    await finishLog().catch(() => undefined);
    throw new Error(`cannot start ${program}: ${(error as Error).message}`, { cause: error });
  }
  const streams: Record<OutputStream, Readable> = { stdout: shell.stdout, stderr: shell.stderr };

  let timedOut = false;
  let aborted = false;
  let shellExited = false;
  let killed: number[] = [];
  const killTree = (): void => {
    if (!shellExited && shell.pid !== undefined) killed = killProcessTree(shell.pid);
  };
  const deadline = performance.now() + options.timeoutMs;
  const onTimeout = (): void => {
    if (timedOut || shellExited) return;
    timedOut = true;
    killTree();
  };

  const extractor = new MetricExtractor(options.metrics);
  // Subarrays of the chunks read: at most LOG_TAIL_LINES chunks stay alive through it.
  const tail = new BoundedTail<{ line: Buffer; cut: boolean }>(LOG_TAIL_LINES);
  const splitterFor = (stream: OutputStream): LineSplitter =>
    new LineSplitter((line, cut) => {
      tail.push({ line, cut });
      if (timedOut) return; // the metrics of a run that timed out are not read
      // A flood of output is read in one go, with no turn of the event loop for the timer between lines.
      if (!shellExited && performance.now() >= deadline) onTimeout();
      else extractor.feedBytes(line, stream, cut);
    });
  const splitters: Record<OutputStream, LineSplitter> = {
    stdout: splitterFor('stdout'),
    stderr: splitterFor('stderr'),
  };

  // Writing waits for the disk: while the log is behind, stop reading, so the pipes (not our memory) fill up.
  let paused = false;
  let lastDataAt = performance.now();
  const resume = (): void => {
    paused = false;
    streams.stdout.resume();
    streams.stderr.resume();
  };
  const writeLog = (pieces: Buffer[]): void => {
    if (pieces.length === 0 || logError) return;
    const bytes = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces);
    if (!log.write(bytes) && !paused) {
      paused = true;
      streams.stdout.pause();
      streams.stderr.pause();
      log.once('drain', resume);
    }
  };
  log.on('error', resume);

  const ended = new Set<OutputStream>();
  const endStream = (stream: OutputStream): void => {
    if (ended.has(stream)) return;
    ended.add(stream);
    writeLog(splitters[stream].end());
  };
  const streamsClosed = Promise.all(
    (['stdout', 'stderr'] as const).map((name) => {
      const stream = streams[name];
      stream.on('data', (chunk: Buffer) => {
        lastDataAt = performance.now();
        writeLog(splitters[name].write(chunk));
      });
      stream.on('end', () => endStream(name));
      return new Promise<void>((resolve) => stream.once('close', resolve));
    }),
  );

  const timer = setTimeout(onTimeout, options.timeoutMs);
  const onAbort = (): void => {
    aborted = true;
    killTree();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  let exit: ShellExit;
  try {
    exit = await shell.exited;
  } catch (error) {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    await finishLog().catch(() => undefined);
    throw new Error(`cannot start ${program}: ${(error as Error).message}`, { cause: error });
  } finally {
    shellExited = true;
  }
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', onAbort);
  // In a PID namespace the kernel has ended everything the shell left behind. Without one, kill what can
  // still be found: what stayed in the shell's process group or session, and their descendants.
  if (!namespaces && shell.pid !== undefined) killed.push(...killProcessTree(shell.pid, false));
  await waitUntilGone(killed);

  // Processes the shell left behind may hold the pipes open. After a kill they get a short grace; after
  // a normal exit output may still be draining (the log can be slow), so wait until it is idle.
  const closedInTime = await waitForOutputEnd(streamsClosed, {
    killed: timedOut || aborted,
    idleMs: () => (paused ? 0 : performance.now() - lastDataAt),
    deadline: Math.max(started + options.timeoutMs, performance.now() + STREAM_GRACE_MS),
  });
  if (!closedInTime) {
    if (shell.pid !== undefined) killProcessTree(shell.pid, false);
    streams.stdout.destroy();
    streams.stderr.destroy();
  }
  endStream('stdout');
  endStream('stderr');
  await finishLog();

  const extraction = extractor.result();
  return {
    exitCode: exit.code,
    signal: exit.signal,
    timedOut,
    aborted,
    wallTimeMs: Math.round(performance.now() - started),
    logTail: tail
      .toArray()
      .map(({ line, cut }) => cutForTail(line.toString('utf8').replace(/\r$/, ''), cut))
      .join('\n'),
    metrics: extraction.metrics,
    metricProblems: extraction.problems,
  };
}
