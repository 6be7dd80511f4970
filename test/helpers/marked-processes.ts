// Finding the processes a test's command started, from outside any PID namespace: inside one, the pids a
// command sees ($$, $!) are not the host's. So the processes carry a marker (a path unique to the test)
// in their command line, and the host's /proc is searched for it.
import { readdirSync, readFileSync } from 'node:fs';

/** Host pids of the live processes (zombies do not count) whose command line contains `marker`. */
export function processesMarked(marker: string): number[] {
  return processesWhere('cmdline', (text) => text.includes(marker));
}

/**
 * Host pids of the live processes whose starting environment holds `name=value` (readable for processes
 * of the same user): finds a command's processes by a variable only its environment has.
 */
export function processesWithEnvironment(name: string, value: string): number[] {
  const entry = `${name}=${value}`;
  return processesWhere('environ', (text) => text.split('\0').includes(entry));
}

function processesWhere(file: 'cmdline' | 'environ', matches: (text: string) => boolean): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (!matches(readFileSync(`/proc/${name}/${file}`, 'utf8'))) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (stat[stat.lastIndexOf(')') + 2] !== 'Z') found.push(Number(name));
    } catch {
      // exited while we looked
    }
  }
  return found;
}

/** Kills what a failed test left running. */
export function killMarked(marker: string): void {
  for (const pid of processesMarked(marker)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/** Polls until `condition` holds; false when it still does not after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
