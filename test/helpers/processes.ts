import { readFileSync } from 'node:fs';

/** Whether a process still runs. A killed child nobody reaped yet (a zombie) counts as dead: a
 * container's init may not reap orphans. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
