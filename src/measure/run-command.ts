// Runs one eval/setup/guard/proposer command as `bash -c` with a hard time limit. Output is streamed
// line by line into the log file and through the metric extractor, never held whole in memory; only
// the last lines are kept for the log tail. On timeout or abort the whole process tree is killed.
// node:child_process directly (not execa): this is on the per-experiment hot path and needs nothing
// execa adds on top of streaming, detached process groups and our own tree kill.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { MetricExtractor, type OutputStream } from './extract.js';
import { BoundedTail, LineSplitter } from './lines.js';
import { isolatedInvocation } from './network.js';
import { killProcessTree } from './process-tree.js';
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

type Shell = ChildProcessByStdio<Writable | null, Readable, Readable>;

/** `bash -c command`, or with `network` the same inside a fresh network namespace (see network.ts). */
function startShell(options: RunCommandOptions): { child: Shell; program: string } {
  // Its own session and process group, so the group can be killed as one.
  const common = { cwd: options.cwd, detached: true } as const;
  if (options.network?.kind !== 'unshare') {
    const child = spawn('bash', ['-c', options.command], {
      ...common,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { child, program: 'bash' };
  }
  const invocation = isolatedInvocation(options.network, options.command, options.env);
  const child = spawn(invocation.file, invocation.args, {
    ...common,
    env: invocation.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // The environment goes in on stdin. If the prefix fails before reading it, its stderr says why.
  child.stdin.on('error', () => undefined);
  child.stdin.end(invocation.input);
  return { child, program: `bash in a network namespace (${options.network.description})` };
}

export async function runCommand(options: RunCommandOptions): Promise<RunResult> {
  const started = performance.now();
  await assertDirectory(options.cwd);
  const log = createWriteStream(options.logPath, { flags: options.logMode === 'append' ? 'a' : 'w' });
  await once(log, 'open');
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

  const { child, program } = startShell(options);
  const streams: Record<OutputStream, Readable> = { stdout: child.stdout, stderr: child.stderr };

  const extractor = new MetricExtractor(options.metrics);
  // Subarrays of the chunks read: at most LOG_TAIL_LINES chunks stay alive through it.
  const tail = new BoundedTail<{ line: Buffer; cut: boolean }>(LOG_TAIL_LINES);
  const splitterFor = (stream: OutputStream): LineSplitter =>
    new LineSplitter((line, cut) => {
      extractor.feedBytes(line, stream, cut);
      tail.push({ line, cut });
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

  let timedOut = false;
  let aborted = false;
  let shellExited = false;
  const killTree = (): void => {
    if (!shellExited && child.pid !== undefined) killProcessTree(child.pid);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    killTree();
  }, options.timeoutMs);
  const onAbort = (): void => {
    aborted = true;
    killTree();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });

  let exit: ShellExit;
  try {
    exit = await new Promise<ShellExit>((resolve, reject) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
      child.once('error', reject);
    });
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

  // Processes the shell left behind may hold the pipes open. After a kill they get a short grace; after
  // a normal exit output may still be draining (the log can be slow), so wait until it is idle.
  const closedInTime = await waitForOutputEnd(streamsClosed, {
    killed: timedOut || aborted,
    idleMs: () => (paused ? 0 : performance.now() - lastDataAt),
    deadline: Math.max(started + options.timeoutMs, performance.now() + STREAM_GRACE_MS),
  });
  if (!closedInTime) {
    if (child.pid !== undefined) killProcessTree(child.pid, false);
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
