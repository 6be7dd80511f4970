// git's index file, read only as far as autoexp needs it: each entry's path, flags and the seconds of its
// ctime and mtime (index format versions 2 to 4, SHA-1 or SHA-256 repositories).
import { createHash } from 'node:crypto';

/**
 * The entries of an index, read in place: where each one starts and where its name's bytes are (versions 2
 * and 3), or the names themselves (version 4, whose names are compressed). Typed arrays rather than an
 * object per entry: a large index has tens of thousands, read several times per experiment.
 */
interface Entries {
  count: number;
  version: number;
  /** 20 (SHA-1) or 32 (SHA-256): the object format is not in the index, see readEntries. */
  hashLength: number;
  offsets: Uint32Array;
  /** Where each entry ends (its padding included): the next one's offset. */
  ends: Uint32Array;
  /** Where the last entry ends (the extensions begin). */
  end: number;
  nameStarts: Uint32Array;
  nameEnds: Uint32Array;
  /** Version 4 only: each name, as a latin1 string (one character per byte). */
  names: string[] | undefined;
}

/** Entry `n`'s path (git stores bytes; autoexp's paths are UTF-8). */
function pathOf(index: Buffer, entries: Entries, n: number): string {
  return entries.names
    ? Buffer.from(entries.names[n]!, 'latin1').toString()
    : index.toString('utf8', entries.nameStarts[n], entries.nameEnds[n]);
}

/** Where entry `n`'s flags are. */
function flagsAt(entries: Entries, n: number): number {
  return entries.offsets[n]! + 40 + entries.hashLength;
}

/** Where entry `n`'s extended flags are (versions 3 and 4), if it has any. */
function extendedAt(index: Buffer, entries: Entries, n: number): number | undefined {
  const at = flagsAt(entries, n);
  return entries.version >= 3 && (index.readUInt16BE(at) & 0x4000) !== 0 ? at + 2 : undefined;
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
  const entries = readEntries(index);
  if (!entries) return index;
  const smudged: number[] = [];
  const flagged: number[] = [];
  for (let n = 0; n < entries.count; n++) {
    // ctime seconds, then mtime seconds (each followed by its nanoseconds).
    const offset = entries.offsets[n]!;
    if (
      index.readUInt32BE(offset + 8) < second &&
      index.readUInt32BE(offset) >= second &&
      !exempt(pathOf(index, entries, n))
    )
      smudged.push(n);
    const extended = extendedAt(index, entries, n);
    if (
      (index.readUInt16BE(flagsAt(entries, n)) & ASSUME_UNCHANGED) !== 0 ||
      (extended !== undefined && (index.readUInt16BE(extended) & SKIP_WORKTREE) !== 0)
    )
      flagged.push(n);
  }
  if (smudged.length === 0 && flagged.length === 0) return index;
  const copy = Buffer.from(index);
  for (const n of smudged) copy.writeUInt32BE(0, entries.offsets[n]! + SIZE_FIELD);
  for (const n of flagged) {
    const at = flagsAt(entries, n);
    copy.writeUInt16BE(copy.readUInt16BE(at) & ~ASSUME_UNCHANGED, at);
    const extended = extendedAt(index, entries, n);
    if (extended !== undefined) copy.writeUInt16BE(copy.readUInt16BE(extended) & ~SKIP_WORKTREE, extended);
  }
  return withChecksum(copy, entries.hashLength);
}

/**
 * `index` with the entries `select` picks smudged (size 0, as git marks a racily clean entry): git no
 * longer takes those files for up to date by their stat data, so `checkout-index --force` writes them.
 * An index autoexp cannot read is returned as it is.
 */
export function smudgeEntries(index: Buffer, select: (path: string) => boolean): Buffer {
  const entries = readEntries(index);
  if (!entries) return index;
  const copy = Buffer.from(index);
  for (let n = 0; n < entries.count; n++)
    if (select(pathOf(index, entries, n))) copy.writeUInt32BE(0, entries.offsets[n]! + SIZE_FIELD);
  return withChecksum(copy, entries.hashLength);
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
  const describe = (n: number) => {
    const offset = now.offsets[n]!;
    return {
      mode: after.readUInt32BE(offset + MODE_FIELD),
      object: after.toString('hex', offset + OBJECT_FIELD, offset + OBJECT_FIELD + size),
    };
  };
  // Most moves change a few entries of many: the ones both indexes share byte for byte at their start,
  // and (names stored whole, versions 2 and 3) at their end, are the same entries and are not compared.
  const [first, tail] = sameEntries(before, old, after, now);
  let i = first;
  let j = first;
  const oldEnd = old.count - tail;
  const nowEnd = now.count - tail;
  while (i < oldEnd || j < nowEnd) {
    const order = i >= oldEnd ? 1 : j >= nowEnd ? -1 : compareNames(before, old, i, after, now, j);
    if (order < 0) {
      changes.push({ path: pathOf(before, old, i) });
      i++;
    } else if (order > 0) {
      changes.push({ path: pathOf(after, now, j), after: describe(j) });
      j++;
    } else {
      // The mode, then the object id right after it (uid, gid and size between them are stat data).
      const from = old.offsets[i]!;
      const to = now.offsets[j]!;
      const same =
        before.readUInt32BE(from + MODE_FIELD) === after.readUInt32BE(to + MODE_FIELD) &&
        compareRanges(
          before,
          from + OBJECT_FIELD,
          from + OBJECT_FIELD + size,
          after,
          to + OBJECT_FIELD,
          to + OBJECT_FIELD + size,
        ) === 0;
      if (!same) changes.push({ path: pathOf(after, now, j), after: describe(j) });
      i++;
      j++;
    }
  }
  return changes;
}

/**
 * How many entries at the start of two indexes, and how many at their end, are the same bytes in both
 * (at most all of the shorter one's). A run of identical bytes from the first entry on holds identical entries
 * at identical offsets. From the end, an entry whose bytes up to the last entry's end are the same in both
 * starts the same entries in both, as long as names are stored whole (version 4 compresses each name
 * against the one before it) and it starts an entry in both.
 */
function sameEntries(before: Buffer, old: Entries, after: Buffer, now: Entries): [number, number] {
  if (old.version !== now.version) return [0, 0];
  const shared = Math.min(old.count, now.count);
  const prefix = commonPrefix(before, after, Math.min(old.end, now.end));
  let first = 0;
  while (first < shared && old.offsets[first] === now.offsets[first] && old.ends[first]! <= prefix) first++;
  if (old.names || now.names) return [first, 0];
  const suffix = commonSuffix(before, old.end, after, now.end, Math.min(old.end, now.end) - HEADER_LENGTH);
  const shift = now.end - old.end;
  let tail = 0;
  while (tail < shared - first) {
    const n = old.count - 1 - tail;
    if (old.offsets[n]! < old.end - suffix || now.offsets[now.count - 1 - tail] !== old.offsets[n]! + shift)
      break;
    tail++;
  }
  return [first, tail];
}

/** Up to where (from the first entry on, to `limit`) `x` and `y` hold the same bytes. */
function commonPrefix(x: Buffer, y: Buffer, limit: number): number {
  let at = HEADER_LENGTH;
  while (at + CHUNK <= limit && x.compare(y, at, at + CHUNK, at, at + CHUNK) === 0) at += CHUNK;
  while (at < limit && x[at] === y[at]) at++;
  return at;
}

/** How many bytes before `xEnd` in `x` and `yEnd` in `y`, up to `limit`, are the same. */
function commonSuffix(x: Buffer, xEnd: number, y: Buffer, yEnd: number, limit: number): number {
  let length = 0;
  while (
    length + CHUNK <= limit &&
    x.compare(y, yEnd - length - CHUNK, yEnd - length, xEnd - length - CHUNK, xEnd - length) === 0
  )
    length += CHUNK;
  while (length < limit && x[xEnd - length - 1] === y[yEnd - length - 1]) length++;
  return length;
}

/** The signature, version and entry count before the first entry. */
const HEADER_LENGTH = 12;

/** Bytes compared at a time (natively) where two indexes are the same. */
const CHUNK = 4096;

/** The byte order of two entries' names, as git sorts them: read in place where the format allows. */
function compareNames(first: Buffer, a: Entries, i: number, second: Buffer, b: Entries, j: number): number {
  if (!a.names && !b.names)
    return compareRanges(first, a.nameStarts[i]!, a.nameEnds[i]!, second, b.nameStarts[j]!, b.nameEnds[j]!);
  // latin1 strings: one character per byte, so string order is byte order.
  const x = a.names ? a.names[i]! : first.toString('latin1', a.nameStarts[i], a.nameEnds[i]);
  const y = b.names ? b.names[j]! : second.toString('latin1', b.nameStarts[j], b.nameEnds[j]);
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

function readEntries(index: Buffer): Entries | undefined {
  if (index.length < HEADER_LENGTH || index.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = index.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  // The object format is not in the index: the one whose entries read consistently is.
  for (const hashLength of [20, 32]) {
    const entries = walk(index, version, hashLength);
    if (entries) return entries;
  }
  return undefined;
}

function walk(index: Buffer, version: number, hashLength: number): Entries | undefined {
  const count = index.readUInt32BE(8);
  // Each entry takes at least 62 bytes: a count larger than the file allows is not this format's.
  if (count > index.length / 62) return undefined;
  const offsets = new Uint32Array(count);
  const ends = new Uint32Array(count);
  const nameStarts = new Uint32Array(count);
  const nameEnds = new Uint32Array(count);
  const names: string[] | undefined = version === 4 ? [] : undefined;
  const limit = index.length - hashLength;
  let offset = HEADER_LENGTH;
  let previous = '';
  for (let n = 0; n < count; n++) {
    const flagsAt = offset + 40 + hashLength;
    if (flagsAt + 2 > limit) return undefined;
    const flags = (index[flagsAt]! << 8) | index[flagsAt + 1]!;
    const nameAt = flagsAt + 2 + (version >= 3 && (flags & 0x4000) !== 0 ? 2 : 0);
    let length: number;
    let next: number;
    if (names) {
      // The name is the previous one without its last `strip` bytes, then the bytes given here.
      const [strip, after] = varint(index, nameAt);
      const end = index.indexOf(0, after);
      if (end < 0 || strip > previous.length) return undefined;
      previous = previous.slice(0, previous.length - strip) + index.toString('latin1', after, end);
      names.push(previous);
      length = previous.length;
      next = end + 1;
    } else {
      // Names stay in the buffer (pathOf reads one when asked).
      const stated = flags & 0xfff;
      const end = stated < 0xfff ? nameAt + stated : index.indexOf(0, nameAt + stated);
      if (end < nameAt || end >= limit || index[end] !== 0) return undefined;
      length = end - nameAt;
      // Entries are padded with NULs to a multiple of 8 bytes.
      next = offset + ((nameAt - offset + length + 8) & ~7);
    }
    // The flags hold the name's length (up to 0xfff): a wrong hash length shows there.
    if ((flags & 0xfff) !== Math.min(length, 0xfff)) return undefined;
    offsets[n] = offset;
    ends[n] = next;
    nameStarts[n] = nameAt;
    nameEnds[n] = nameAt + length;
    offset = next;
  }
  if (isSplit(index, offset, limit)) return undefined;
  return { count, version, hashLength, offsets, ends, end: offset, nameStarts, nameEnds, names };
}

/**
 * Whether the extensions (from `at` to `limit`) include a split index's link to its shared index: its
 * entries are then only the ones changed since, a changed one without its name.
 */
function isSplit(index: Buffer, at: number, limit: number): boolean {
  while (at + 8 <= limit) {
    if (index.toString('latin1', at, at + 4) === 'link') return true;
    at += 8 + index.readUInt32BE(at + 4);
  }
  return false;
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
