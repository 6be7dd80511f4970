// git's index file, read only as far as autoexp needs it: each entry's path, flags and the seconds of its
// ctime and mtime (index format versions 2 to 4, SHA-1 or SHA-256 repositories).
import { createHash } from 'node:crypto';

interface Entry {
  /** Where the entry starts in the file. */
  offset: number;
  /** Where its name's bytes are (versions 2 and 3). */
  nameStart: number;
  nameEnd: number;
  /** Version 4 compresses names: the name itself, as a latin1 string. */
  name: string | undefined;
  ctime: number;
  mtime: number;
  /** Where its flags are, and its extended flags (versions 3 and 4), if any. */
  flagsAt: number;
  extendedAt: number | undefined;
}

/** An entry's path (git stores bytes; autoexp's paths are UTF-8). */
function pathOf(index: Buffer, entry: Entry): string {
  return entry.name === undefined
    ? index.toString('utf8', entry.nameStart, entry.nameEnd)
    : Buffer.from(entry.name, 'latin1').toString();
}

/** Flags that tell git not to look at a file: assume-unchanged, and skip-worktree (an extended flag). */
const ASSUME_UNCHANGED = 0x8000;
const SKIP_WORKTREE = 0x4000;

/** Offset of the size field in an entry (after ctime, mtime, dev, ino, mode, uid, gid). */
const SIZE_FIELD = 36;

/**
 * `index` as autoexp can put it back and trust git's view of the tree under it:
 * - without assume-unchanged and skip-worktree flags, which make git skip a file (autoexp sets none; with
 *   workers, another tree's eval may set one in this tree's index while autoexp is not looking);
 * - with the entries git would trust by their times though a same-size rewrite in the second git
 *   recorded could still match them smudged (size 0, as git marks a racily clean entry), so that git
 *   compares those files by content. These are the entries dated back (mtime older than `second`, the
 *   index file's) with a ctime as new as the index: a run that starts in that second can rewrite the file
 *   and put its mtime back, and git, whose racy rule looks at the mtime only, would see nothing. Paths
 *   for which `exempt` is true (files autoexp compares by content itself) are not smudged.
 * An index autoexp cannot read is returned as it is.
 */
export function sanitizeIndex(index: Buffer, second: number, exempt: (path: string) => boolean): Buffer {
  const read = readEntries(index);
  if (!read) return index;
  const smudged = read.entries.filter(
    (entry) => entry.mtime < second && entry.ctime >= second && !exempt(pathOf(index, entry)),
  );
  const flagged = read.entries.filter(
    (entry) =>
      (index.readUInt16BE(entry.flagsAt) & ASSUME_UNCHANGED) !== 0 ||
      (entry.extendedAt !== undefined && (index.readUInt16BE(entry.extendedAt) & SKIP_WORKTREE) !== 0),
  );
  if (smudged.length === 0 && flagged.length === 0) return index;
  const copy = Buffer.from(index);
  for (const entry of smudged) copy.writeUInt32BE(0, entry.offset + SIZE_FIELD);
  for (const entry of flagged) {
    copy.writeUInt16BE(copy.readUInt16BE(entry.flagsAt) & ~ASSUME_UNCHANGED, entry.flagsAt);
    if (entry.extendedAt !== undefined)
      copy.writeUInt16BE(copy.readUInt16BE(entry.extendedAt) & ~SKIP_WORKTREE, entry.extendedAt);
  }
  return withChecksum(copy, read.hashLength);
}

/**
 * `index` with the entries `select` picks smudged (size 0, as git marks a racily clean entry): git no
 * longer takes those files for up to date by their stat data, so `checkout-index --force` writes them.
 * An index autoexp cannot read is returned as it is.
 */
export function smudgeEntries(index: Buffer, select: (path: string) => boolean): Buffer {
  const read = readEntries(index);
  if (!read) return index;
  const copy = Buffer.from(index);
  for (const entry of read.entries)
    if (select(pathOf(index, entry))) copy.writeUInt32BE(0, entry.offset + SIZE_FIELD);
  return withChecksum(copy, read.hashLength);
}

/** `index` (changed in place) with its last `hashLength` bytes the hash of everything before them, as git's. */
function withChecksum(index: Buffer, hashLength: number): Buffer {
  const end = index.length - hashLength;
  createHash(hashLength === 20 ? 'sha1' : 'sha256')
    .update(index.subarray(0, end))
    .digest()
    .copy(index, end);
  return index;
}

/** An entry that differs between two indexes: its path, and its mode and object id in the second (if there). */
export interface IndexChange {
  path: string;
  /** Absent when the second index has no such path. */
  after?: { mode: number; object: string };
}

/** Offsets in an entry of its mode and its object id. */
const MODE_FIELD = 24;
const OBJECT_FIELD = 40;

/**
 * The paths whose entry differs (mode or object id) between two indexes, or that only one has; undefined
 * when either cannot be read. Both list their entries sorted by path, so one walk through both does.
 */
export function changedEntries(before: Buffer, after: Buffer): IndexChange[] | undefined {
  const old = readEntries(before);
  const now = readEntries(after);
  if (!old || !now || old.hashLength !== now.hashLength) return undefined;
  const size = old.hashLength;
  const changes: IndexChange[] = [];
  const describe = (entry: Entry) => ({
    mode: after.readUInt32BE(entry.offset + MODE_FIELD),
    object: after.toString('hex', entry.offset + OBJECT_FIELD, entry.offset + OBJECT_FIELD + size),
  });
  let i = 0;
  let j = 0;
  while (i < old.entries.length || j < now.entries.length) {
    const a = old.entries[i];
    const b = now.entries[j];
    const order = !a ? 1 : !b ? -1 : compareNames(before, a, after, b);
    if (order < 0) {
      changes.push({ path: pathOf(before, a!) });
      i++;
    } else if (order > 0) {
      changes.push({ path: pathOf(after, b!), after: describe(b!) });
      j++;
    } else {
      const [from, to] = [a!.offset + OBJECT_FIELD, b!.offset + OBJECT_FIELD];
      const same =
        before.readUInt32BE(a!.offset + MODE_FIELD) === after.readUInt32BE(b!.offset + MODE_FIELD) &&
        compareRanges(before, from, from + size, after, to, to + size) === 0;
      if (!same) changes.push({ path: pathOf(after, b!), after: describe(b!) });
      i++;
      j++;
    }
  }
  return changes;
}

/** The byte order of two entries' names, as git sorts them: read in place where the format allows. */
function compareNames(first: Buffer, a: Entry, second: Buffer, b: Entry): number {
  if (a.name === undefined && b.name === undefined)
    return compareRanges(first, a.nameStart, a.nameEnd, second, b.nameStart, b.nameEnd);
  // latin1 strings: one character per byte, so string order is byte order.
  const x = a.name ?? first.toString('latin1', a.nameStart, a.nameEnd);
  const y = b.name ?? second.toString('latin1', b.nameStart, b.nameEnd);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The byte order of two ranges. A loop in JavaScript: tens of thousands of short ranges cost less so
 * than as many calls of Buffer.compare.
 */
function compareRanges(x: Buffer, xStart: number, xEnd: number, y: Buffer, yStart: number, yEnd: number) {
  const length = Math.min(xEnd - xStart, yEnd - yStart);
  for (let k = 0; k < length; k++) {
    const difference = x[xStart + k]! - y[yStart + k]!;
    if (difference !== 0) return difference;
  }
  return xEnd - xStart - (yEnd - yStart);
}

/** git's id for a blob holding `bytes` (hex), in a repository of the object format with ids that long. */
export function blobId(bytes: Buffer, hexLength: number): string {
  return createHash(hexLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}

function readEntries(index: Buffer): { entries: Entry[]; hashLength: number } | undefined {
  if (index.length < 12 || index.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = index.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  // The object format is not in the index: the one whose entries read consistently is.
  for (const hashLength of [20, 32]) {
    const entries = walk(index, version, hashLength);
    if (entries) return { entries, hashLength };
  }
  return undefined;
}

function walk(index: Buffer, version: number, hashLength: number): Entry[] | undefined {
  const count = index.readUInt32BE(8);
  const entries: Entry[] = [];
  let offset = 12;
  let previous = '';
  for (let n = 0; n < count; n++) {
    const flagsAt = offset + 40 + hashLength;
    if (flagsAt + 2 > index.length - hashLength) return undefined;
    const flags = index.readUInt16BE(flagsAt);
    const extended = version >= 3 && (flags & 0x4000) !== 0;
    const nameAt = flagsAt + 2 + (extended ? 2 : 0);
    let name: string | undefined;
    let length: number;
    let next: number;
    if (version === 4) {
      // The name is the previous one without its last `strip` bytes, then the bytes given here.
      const [strip, after] = varint(index, nameAt);
      const end = index.indexOf(0, after);
      if (end < 0 || strip > previous.length) return undefined;
      name = previous.slice(0, previous.length - strip) + index.toString('latin1', after, end);
      previous = name;
      length = name.length;
      next = end + 1;
    } else {
      // Names stay in the buffer (pathOf reads one when asked): a large index has tens of thousands.
      const stated = flags & 0xfff;
      const end = stated < 0xfff ? nameAt + stated : index.indexOf(0, nameAt + stated);
      if (end < nameAt || end >= index.length - hashLength || index[end] !== 0) return undefined;
      length = end - nameAt;
      // Entries are padded with NULs to a multiple of 8 bytes.
      next = offset + ((nameAt - offset + length + 8) & ~7);
    }
    // The flags hold the name's length (up to 0xfff): a wrong hash length shows there.
    if ((flags & 0xfff) !== Math.min(length, 0xfff)) return undefined;
    entries.push({
      offset,
      nameStart: nameAt,
      nameEnd: nameAt + length,
      name,
      ctime: index.readUInt32BE(offset),
      mtime: index.readUInt32BE(offset + 8),
      flagsAt,
      extendedAt: extended ? flagsAt + 2 : undefined,
    });
    offset = next;
  }
  return entries;
}

/** git's varint (index v4 names): the value and the offset after it. */
function varint(buffer: Buffer, at: number): [number, number] {
  let byte = buffer[at++] ?? 0;
  let value = byte & 127;
  while (byte & 128) {
    byte = buffer[at++] ?? 0;
    value = (value + 1) * 128 + (byte & 127);
  }
  return [value, at];
}
