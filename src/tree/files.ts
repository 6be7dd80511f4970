// Byte-exact snapshots of a few files and directories, compared and put back later: how the session keeps
// the repository's config, hooks and info/ as they were before untrusted code ran.
import { lstat, mkdir, readdir, readFile, readlink, rm, symlink, writeFile, chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';

type Entry =
  { kind: 'file'; mode: number; bytes: Buffer } | { kind: 'link'; target: string } | { kind: 'dir' };

/** Path (relative to the root) → what was there. Paths that did not exist are absent. */
export type FileSnapshot = Map<string, Entry>;

async function readEntry(path: string): Promise<Entry | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return undefined;
  if (info.isSymbolicLink()) return { kind: 'link', target: await readlink(path) };
  if (info.isDirectory()) return { kind: 'dir' };
  if (info.isFile()) return { kind: 'file', mode: info.mode & 0o7777, bytes: await readFile(path) };
  return undefined;
}

async function collect(
  root: string,
  relative: string,
  into: FileSnapshot,
  skip: ReadonlySet<string>,
): Promise<void> {
  if (skip.has(relative)) return;
  const entry = await readEntry(join(root, relative));
  if (!entry) return;
  into.set(relative, entry);
  if (entry.kind !== 'dir') return;
  for (const name of await readdir(join(root, relative)).catch(() => [])) {
    await collect(root, `${relative}/${name}`, into, skip);
  }
}

/**
 * Reads `paths` (files or directories, relative to `root`; directories whole) as they are now, but for
 * the paths in `skip`.
 */
export async function snapshotFiles(
  root: string,
  paths: readonly string[],
  skip: ReadonlySet<string> = new Set(),
): Promise<FileSnapshot> {
  const snapshot: FileSnapshot = new Map();
  for (const path of paths) await collect(root, path, snapshot, skip);
  return snapshot;
}

function sameEntry(a: Entry | undefined, b: Entry | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'file' && b.kind === 'file') return a.mode === b.mode && a.bytes.equals(b.bytes);
  if (a.kind === 'link' && b.kind === 'link') return a.target === b.target;
  return true;
}

/**
 * Compares `paths` under `root` with `snapshot` and puts back whatever differs: files and links
 * rewritten, additions removed, deletions recreated. Returns the paths that differed.
 */
export async function restoreFiles(
  root: string,
  paths: readonly string[],
  snapshot: FileSnapshot,
  skip: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const now = await snapshotFiles(root, paths, skip);
  const differing = [...new Set([...snapshot.keys(), ...now.keys()])]
    .filter((path) => !sameEntry(snapshot.get(path), now.get(path)))
    .sort();
  if (differing.length === 0) return [];
  // Additions first (deepest first), then what must exist again (parents before children).
  for (const path of [...differing].reverse()) {
    const was = snapshot.get(path);
    const is = now.get(path);
    if (is && (!was || was.kind !== is.kind || was.kind !== 'dir'))
      await rm(join(root, path), { recursive: true, force: true });
  }
  for (const path of differing) {
    const was = snapshot.get(path);
    if (!was) continue;
    const target = join(root, path);
    if (was.kind === 'dir') await mkdir(target, { recursive: true });
    else {
      await mkdir(dirname(target), { recursive: true });
      await rm(target, { recursive: true, force: true });
      if (was.kind === 'link') await symlink(was.target, target);
      else {
        await writeFile(target, was.bytes);
        await chmod(target, was.mode);
      }
    }
  }
  // A path reported once is enough: a whole planted directory is one finding.
  return differing.filter((path) => !differing.some((other) => path.startsWith(`${other}/`)));
}
