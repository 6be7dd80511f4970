// autoexp's own files that untrusted code could reach (it runs as the same user): prompts, copies of
// lessons.md, the feedback file, the ledger's files in a tree. A command may have put a link, a FIFO or a
// directory in their place, so they are read and written without following a link or waiting on a pipe.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { open, rm, writeFile } from 'node:fs/promises';

/**
 * The first `maxBytes` of the plain file at `path` (all of it without), opened without following a link
 * and without waiting for a writer, and checked as opened; undefined when it is missing or not a plain
 * file.
 */
export async function readPlainFile(path: string, maxBytes?: number): Promise<Buffer | undefined> {
  const file = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(
    () => undefined,
  );
  if (!file) return undefined;
  try {
    if (!(await file.stat()).isFile()) return undefined;
    if (maxBytes === undefined) return await file.readFile();
    const buffer = Buffer.alloc(maxBytes);
    const { bytesRead } = await file.read(buffer, 0, maxBytes, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    return undefined;
  } finally {
    await file.close();
  }
}

/**
 * The plain file at `path`, whole, read synchronously (scope files: thousands of them at every proposal)
 * the same way: no link followed, no wait for a writer (a FIFO read synchronously would stop the whole
 * process, its signal handlers and the other workers too). Undefined when it is missing or not a plain file.
 */
export function readPlainFileSync(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Rewrites the plain file at `path` in place, its mode kept (a scope file mutate changes): opened without
 * following a link and without waiting for a reader, so that a link or a FIFO another worker's eval put
 * there since it was read is not written through or waited on. Throws when there is no plain file.
 */
export async function rewritePlainFile(path: string, bytes: Buffer): Promise<void> {
  const file = await open(path, constants.O_WRONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!(await file.stat()).isFile()) throw new Error(`${path} is not a plain file`);
    await file.truncate(0);
    await file.write(bytes, 0, bytes.length, 0);
  } finally {
    await file.close();
  }
}

/**
 * Writes a file of autoexp's own where untrusted code could have been (a prompt or a copy of lessons.md
 * among its scratch files, .git/packed-refs put back). Whatever is there goes first (a link itself, never
 * what it leads to), and the file is created new, so no write can follow a link into a file of the user's.
 */
export async function writeNewPlainFile(path: string, text: string | Buffer, mode = 0o644): Promise<void> {
  await rm(path, { recursive: true, force: true });
  await writeFile(path, text, { flag: 'wx', mode });
}
