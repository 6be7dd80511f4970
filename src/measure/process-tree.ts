// Killing everything a command started, by reading the process tree from /proc (Linux; elsewhere only the
// shell's process group is signalled). The shell runs in its own session and process group, but a child
// may leave the group (setsid, daemons), and orphans are re-parented away from the shell, so while the
// shell lives its descendants are found through their parents. On timeout or abort this kills a
// command's tree, in a PID namespace or not. Without a namespace it also runs after every exit, when only
// what stayed in the shell's group or session can still be found: a daemon that left both escapes.
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  ppid: number;
  group: number;
  session: number;
}

function readProcessTable(): ProcessEntry[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const entries: ProcessEntry[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // The command name is in parentheses and may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    entries.push({
      pid: Number(name),
      ppid: Number(fields[1]),
      group: Number(fields[2]),
      session: Number(fields[3]),
    });
  }
  return entries;
}

/**
 * The shell and every process descended from it or still in its group or session: children that
 * called setsid are found through their parent, orphans of the shell through the group and session.
 * Once the shell has been reaped its pid may belong to someone else, so only its group and session
 * (whose ids the kernel does not reuse while they have members) are followed then.
 */
export function listProcessTree(rootPid: number, shellAlive = true): number[] {
  const table = readProcessTable();
  const children = new Map<number, number[]>();
  for (const entry of table) {
    const siblings = children.get(entry.ppid);
    if (siblings) siblings.push(entry.pid);
    else children.set(entry.ppid, [entry.pid]);
  }
  const found = new Set<number>(shellAlive ? [rootPid] : []);
  for (const entry of table) if (entry.group === rootPid || entry.session === rootPid) found.add(entry.pid);
  const queue = [...found];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    for (const child of children.get(pid) ?? []) {
      if (!found.has(child)) {
        found.add(child);
        queue.push(child);
      }
    }
  }
  found.delete(process.pid);
  found.delete(1);
  return [...found];
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** SIGKILLs the process group led by `rootPid` (the shell started with `detached: true`). */
export function killProcessGroup(rootPid: number): void {
  sendSignal(-rootPid, 'SIGKILL');
}

/**
 * Kills the shell's whole tree. Everything found is stopped first (a stopped process cannot fork),
 * and the tree is read again until nothing new appears, so no late child escapes the SIGKILL.
 * `shellAlive: false` after the shell exited: kills what it left behind in its group and session.
 */
export function killProcessTree(rootPid: number, shellAlive = true): number[] {
  sendSignal(-rootPid, 'SIGSTOP');
  const stopped = new Set<number>();
  for (let round = 0; round < 20; round++) {
    const fresh = listProcessTree(rootPid, shellAlive).filter((pid) => !stopped.has(pid));
    if (fresh.length === 0) break;
    for (const pid of fresh) {
      sendSignal(pid, 'SIGSTOP');
      stopped.add(pid);
    }
  }
  killProcessGroup(rootPid);
  for (const pid of stopped) sendSignal(pid, 'SIGKILL');
  return [...stopped];
}

/** Whether `pid` is gone or a zombie (a killed process its parent has not reaped yet). */
function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] === 'Z';
  } catch {
    return true;
  }
}

/**
 * Waits (up to `timeoutMs`) until the processes killed are gone: SIGKILL is delivered when the process
 * next runs, and a write it is in the middle of still completes.
 */
export async function waitUntilGone(pids: readonly number[], timeoutMs = 1000): Promise<void> {
  if (process.platform !== 'linux') return;
  const deadline = performance.now() + timeoutMs;
  let left = pids.filter((pid) => !isGone(pid));
  while (left.length > 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    left = left.filter((pid) => !isGone(pid));
  }
}
