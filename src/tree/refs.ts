// Reading every ref of a repository straight from its files (packed-refs and the loose files under
// refs/), so that checking "did untrusted code move a ref?" costs no git process. Repositories that use
// the reftable format are read through git instead.
import type { Dirent } from 'node:fs';
import { lstat, readdir, readlink, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Git } from '../git/git.js';
import { readPlainFile } from './plain-file.js';

/** Whether the repository keeps its refs in the reftable format (read through git, not these files). */
async function isReftable(commonDir: string): Promise<boolean> {
  return (await readdir(join(commonDir, 'reftable')).catch(() => undefined)) !== undefined;
}

/**
 * The entries under `dir` (a path relative to the common dir), depth first, with their paths. A name
 * ending in .lock is git's lock of the ref it names (no ref name ends so), never a ref: a directory by
 * that name is not entered.
 */
async function* looseEntries(
  commonDir: string,
  dir: string,
): AsyncGenerator<{ name: string; entry: Dirent }> {
  for (const entry of await readdir(join(commonDir, dir), { withFileTypes: true }).catch(() => [])) {
    const name = `${dir}/${entry.name}`;
    yield { name, entry };
    if (entry.isDirectory() && !entry.name.endsWith('.lock')) yield* looseEntries(commonDir, name);
  }
}

async function readLooseRefs(commonDir: string, into: RefSnapshot): Promise<void> {
  for await (const { name, entry } of looseEntries(commonDir, 'refs')) {
    if (entry.name.endsWith('.lock')) continue;
    // git follows a symlinked ref; it counts as a value of its own so that it never looks unchanged.
    if (entry.isSymbolicLink())
      into.set(name, `symlink: ${await readlink(join(commonDir, name)).catch(() => '')}`);
    else if (entry.isFile()) {
      // As a plain file, in case a run swapped it for a FIFO since the listing (workers).
      const value = await readPlainFile(join(commonDir, name), 64 * 1024);
      if (value !== undefined) into.set(name, value.toString('utf8').trim());
    } else if (!entry.isDirectory()) into.strange.push(name);
  }
}

/**
 * The lock files git takes to write refs (`refs/…/<name>.lock`, `packed-refs.lock`), relative to the
 * common dir. One that no git process holds blocks every later write of that ref (or of packed-refs).
 * None for a repository in the reftable format.
 */
export async function refLocks(commonDir: string): Promise<string[]> {
  if (await isReftable(commonDir)) return [];
  const locks: string[] = [];
  if ((await lstat(join(commonDir, 'packed-refs.lock')).catch(() => undefined)) !== undefined)
    locks.push('packed-refs.lock');
  for await (const { name, entry } of looseEntries(commonDir, 'refs'))
    if (entry.name.endsWith('.lock')) locks.push(name);
  return locks.sort();
}

/**
 * The refs of a repository at one moment: the ones packed-refs lists, and over them the loose ref files
 * (and autoexp's own changes, see set and delete). The guard reads every ref after each run; a repository
 * with tens of thousands of tags lists them in a packed-refs file of megabytes that hardly ever changes,
 * so snapshots of the same packed-refs bytes share one table of them, and two such snapshots are compared
 * by their other refs alone.
 */
export class RefSnapshot {
  private readonly loose = new Map<string, string>();
  /** Packed refs that are gone (deleted as loose files can't say). */
  private readonly hidden = new Set<string>();
  /**
   * What is under refs/ that git never makes there (a FIFO, a socket, a device; relative to the common
   * dir): no ref, but every git process that lists the refs (a push, a fetch, gc's pack-refs) opens it,
   * and waits on a FIFO for a writer that never comes.
   */
  readonly strange: string[] = [];

  constructor(private readonly packed: ReadonlyMap<string, string>) {}

  /** The value of `name`: a sha, `ref: <target>`, or `symlink: <target>` for a symlinked loose ref. */
  get(name: string): string | undefined {
    return this.loose.get(name) ?? (this.hidden.has(name) ? undefined : this.packed.get(name));
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  set(name: string, value: string): void {
    this.loose.set(name, value);
    this.hidden.delete(name);
  }

  delete(name: string): void {
    this.loose.delete(name);
    if (this.packed.has(name)) this.hidden.add(name);
  }

  /** The refs whose value differs from `other`'s (added, removed or moved), sorted; `ignore`d ones aside. */
  changedSince(other: RefSnapshot, ignore: (ref: string) => boolean): string[] {
    const names = new Set([...this.loose.keys(), ...this.hidden, ...other.loose.keys(), ...other.hidden]);
    if (this.packed !== other.packed)
      for (const table of [this.packed, other.packed]) for (const name of table.keys()) names.add(name);
    return [...names].filter((name) => !ignore(name) && this.get(name) !== other.get(name)).sort();
  }
}

/** The packed-refs bytes last parsed and their table (see RefSnapshot). */
let lastPacked: { bytes: Buffer; table: ReadonlyMap<string, string> } | undefined;

/** The refs a packed-refs file lists, with their values. */
function packedTable(bytes: Buffer): ReadonlyMap<string, string> {
  if (lastPacked?.bytes.equals(bytes)) return lastPacked.table;
  const table = new Map<string, string>();
  for (const line of bytes.toString('utf8').split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('^')) continue;
    const space = line.indexOf(' ');
    if (space > 0) table.set(line.slice(space + 1), line.slice(0, space));
  }
  lastPacked = { bytes, table };
  return table;
}

/** Every ref under refs/ and its value (a sha, or `ref: <target>`); loose refs win over packed ones. */
export async function readRefs(commonDir: string, git: Git): Promise<RefSnapshot> {
  if (await isReftable(commonDir)) return new RefSnapshot(await git.refs());
  // Not through a link, and not from a FIFO (a run's, with workers: the read would wait for a writer).
  const packed = (await readPlainFile(join(commonDir, 'packed-refs'))) ?? Buffer.alloc(0);
  const refs = new RefSnapshot(packedTable(packed));
  await readLooseRefs(commonDir, refs);
  return refs;
}

/** Puts `names` back to their values in `before` (deleting those that did not exist). */
export async function restoreRefs(
  git: Git,
  commonDir: string,
  before: RefSnapshot,
  names: readonly string[],
): Promise<void> {
  for (const name of names) {
    // A loose ref that is not a plain file (a symlink, a directory) goes first: git would follow it.
    const loose = join(commonDir, name);
    const kind = await lstat(loose).catch(() => undefined);
    if (kind && !kind.isFile()) await rm(loose, { recursive: true, force: true });
    const value = before.get(name);
    if (value === undefined) await git.deleteRef(name);
    else if (value.startsWith('ref: ')) await git.setSymbolicRef(name, value.slice('ref: '.length));
    else await git.setRef(name, value);
  }
}
