// Files git ignores in an experiment tree (node_modules that eval.setup installed, a build directory,
// an eval's cache). They belong to setup and the eval; a proposal must not create or change them, since
// the eval may read them and the kept commit would not hold what made it win. A signature of each
// ignored entry (names, sizes, inode change times) is taken before a proposal and compared after it.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How many files one entry's signature looks at. Past this, only the entry's top level is compared: a
 * change deep inside a very large ignored directory (node_modules of a big project) goes unseen.
 */
export const SIGNED_FILES_PER_ENTRY = 20_000;

/** Ignored entry (as git status lists it; a directory ends in "/") → its signature. */
export type ArtifactSignatures = Map<string, string>;

/**
 * Adds `relative`'s entry to `hash`, and a directory's entries below it. Synchronous: a virtualenv or
 * node_modules that setup installed holds tens of thousands of files, signed before and after every
 * proposal, and a promise per file cost over a second per experiment where this costs tens of
 * milliseconds (the event loop waits meanwhile; commands in flight go on in their processes).
 */
function sign(
  root: string,
  relative: string,
  hash: ReturnType<typeof createHash>,
  budget: { left: number },
  depth: number,
): void {
  const path = join(root, relative);
  const info = readOr(() => lstatSync(path, { bigint: true, throwIfNoEntry: false }), undefined);
  if (!info) return;
  budget.left--;
  hash.update(`${relative}\0${info.mode}\0${info.size}\0${info.ino}\0${info.ctimeNs}\0${info.mtimeNs}\0`);
  if (info.isSymbolicLink()) hash.update(readOr(() => readlinkSync(path), ''));
  if (!info.isDirectory() || (budget.left <= 0 && depth > 0)) return;
  const names = readOr(() => readdirSync(path), [] as string[]).sort();
  for (const name of names) {
    if (budget.left <= 0) {
      hash.update(`…${names.length}`);
      return;
    }
    sign(root, join(relative, name), hash, budget, depth + 1);
  }
}

/** What `read` returns, or `fallback` when it throws (an entry removed or unreadable meanwhile). */
function readOr<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** Signatures of the ignored `entries` of the tree at `root`. */
export function signArtifacts(root: string, entries: readonly string[]): ArtifactSignatures {
  const signatures: ArtifactSignatures = new Map();
  for (const entry of entries) {
    const hash = createHash('sha1');
    sign(root, entry.replace(/\/$/, ''), hash, { left: SIGNED_FILES_PER_ENTRY }, 0);
    signatures.set(entry, hash.digest('hex'));
  }
  return signatures;
}

/** Entries that are new or whose signature changed since `before`. */
export function changedArtifacts(
  before: ArtifactSignatures,
  after: ArtifactSignatures,
): { created: string[]; changed: string[] } {
  const created: string[] = [];
  const changed: string[] = [];
  for (const [entry, signature] of after) {
    const was = before.get(entry);
    if (was === undefined) created.push(entry);
    else if (was !== signature) changed.push(entry);
  }
  // An entry that disappeared was removed: the eval may need it back (setup runs again).
  for (const entry of before.keys()) if (!after.has(entry)) changed.push(entry);
  return { created: created.sort(), changed: changed.sort() };
}
