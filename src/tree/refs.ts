// Reading every ref of a repository straight from its files (packed-refs and the loose files under
// refs/), so that checking "did untrusted code move a ref?" costs no git process. Repositories that use
// the reftable format are read through git instead.
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Git, RefValues } from '../git/git.js';

async function readOptional(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

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

async function readLooseRefs(commonDir: string, into: RefValues): Promise<void> {
  for await (const { name, entry } of looseEntries(commonDir, 'refs')) {
    if (entry.name.endsWith('.lock')) continue;
    // git follows a symlinked ref; it counts as a value of its own so that it never looks unchanged.
    if (entry.isSymbolicLink())
      into.set(name, `symlink: ${await readlink(join(commonDir, name)).catch(() => '')}`);
    else if (entry.isFile()) {
      const value = await readOptional(join(commonDir, name));
      if (value !== undefined) into.set(name, value.trim());
    }
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

/** Every ref under refs/ and its value (a sha, or `ref: <target>`); loose refs win over packed ones. */
export async function readRefs(commonDir: string, git: Git): Promise<RefValues> {
  if (await isReftable(commonDir)) return git.refs();
  const refs: RefValues = new Map();
  const packed = (await readOptional(join(commonDir, 'packed-refs'))) ?? '';
  for (const line of packed.split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('^')) continue;
    const space = line.indexOf(' ');
    if (space > 0) refs.set(line.slice(space + 1), line.slice(0, space));
  }
  await readLooseRefs(commonDir, refs);
  return refs;
}

/** The refs whose value differs between `before` and `after` (added, removed or moved). */
export function changedRefs(before: RefValues, after: RefValues, ignore: (ref: string) => boolean): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => !ignore(name) && before.get(name) !== after.get(name)).sort();
}

/** Puts `names` back to their values in `before` (deleting those that did not exist). */
export async function restoreRefs(
  git: Git,
  commonDir: string,
  before: RefValues,
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
