// The runner's file commands — GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY —
// are files the runner reads when the step ends: a line `BASH_ENV=/tmp/x` appended to GITHUB_ENV makes
// every later `run:` step of the job source /tmp/x. No process autoexp starts is told where they are
// (src/measure/environment.ts), but they sit at guessable paths under $RUNNER_TEMP, and the proposer and
// the eval run as the runner's user. So the Action takes a copy of each before the session and, after each
// untrusted run and when the session ends, puts back any that changed. autoexp writes none of them during
// a session (its outputs and job summary come after), so any change then is not autoexp's.
import { lstatSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { RUNNER_FILE_VARIABLES } from '../measure/environment.js';

/** Bigger files (there are none at a step's start: the runner makes them empty) are only cut back to size. */
const COPY_LIMIT_BYTES = 16 * 1024 * 1024;

type Snapshot =
  | { variable: string; path: string; kind: 'absent' }
  | { variable: string; path: string; kind: 'content'; content: Buffer }
  | { variable: string; path: string; kind: 'size'; size: number };

export interface RunnerFilesCheck {
  /** The variables whose files had changed and were put back. */
  restored: string[];
  /** The variables whose files could not be put back, with why. */
  failed: { variable: string; error: string }[];
}

export interface RunnerFiles {
  /** Puts back every file that changed since the snapshot. Synchronous: it runs between two lines of output. */
  restore(): RunnerFilesCheck;
}

/** Copies the runner files named in `env` as they are now. */
export function snapshotRunnerFiles(env: NodeJS.ProcessEnv = process.env): RunnerFiles {
  const snapshots: Snapshot[] = [];
  for (const variable of RUNNER_FILE_VARIABLES) {
    const path = env[variable];
    if (!path) continue;
    const stats = lstatSync(path, { throwIfNoEntry: false });
    if (stats === undefined) snapshots.push({ variable, path, kind: 'absent' });
    else if (!stats.isFile())
      continue; // not what the runner makes: not ours to judge
    else if (stats.size > COPY_LIMIT_BYTES)
      snapshots.push({ variable, path, kind: 'size', size: stats.size });
    else snapshots.push({ variable, path, kind: 'content', content: readFileSync(path) });
  }
  return {
    restore() {
      const check: RunnerFilesCheck = { restored: [], failed: [] };
      for (const snapshot of snapshots) {
        try {
          if (putBack(snapshot)) check.restored.push(snapshot.variable);
        } catch (error) {
          check.failed.push({ variable: snapshot.variable, error: (error as Error).message });
        }
      }
      return check;
    },
  };
}

/** True when the file had changed. A changed file is replaced, never written through (a link goes elsewhere). */
function putBack(snapshot: Snapshot): boolean {
  const stats = lstatSync(snapshot.path, { throwIfNoEntry: false });
  if (snapshot.kind === 'absent') {
    if (stats === undefined) return false;
    rmSync(snapshot.path, { recursive: true, force: true });
    return true;
  }
  // A plain file with one name only: through a hard link, autoexp's own writes would land in another file.
  const plain = stats?.isFile() === true && stats.nlink === 1;
  let content: Buffer;
  if (snapshot.kind === 'size') {
    // Too big to copy: only what was appended can be taken away again (a rewrite of the same size is not seen).
    if (plain && stats.size === snapshot.size) return false;
    if (!plain || stats.size < snapshot.size) throw new Error('it was replaced, and it was too big to copy');
    content = readFileSync(snapshot.path).subarray(0, snapshot.size);
  } else {
    if (
      plain &&
      stats.size === snapshot.content.length &&
      readFileSync(snapshot.path).equals(snapshot.content)
    )
      return false;
    content = snapshot.content;
  }
  rmSync(snapshot.path, { recursive: true, force: true });
  writeFileSync(snapshot.path, content, { flag: 'wx', mode: 0o644 });
  return true;
}
