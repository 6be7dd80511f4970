import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

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

/**
 * A directory for files a sandboxed eval must reach but that lie outside the directories network: off
 * makes private (/tmp, /var/tmp, /run, /dev/shm): the repository's test-artifacts/, or (when the
 * repository itself is in one of those, as a CI clone in /tmp is) a directory under the home directory.
 */
export function outsidePrivateDirs(): string {
  const inPrivate = /^\/(tmp|var\/tmp|run|var\/run|dev\/shm)(\/|$)/.test(process.cwd());
  const dir = inPrivate
    ? join(homedir(), '.cache', 'autoexp-test-artifacts')
    : join(process.cwd(), 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}
