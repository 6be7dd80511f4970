// AUTOEXP_LESSONS_FILE: a copy of lessons.md that a command proposer may append lessons to. It lies
// outside the experiment tree (in the proposer's scratch directory), so what the proposer does to it is
// never part of a candidate; autoexp reads back only the lines it added and writes lessons.md itself.
// The file is untrusted once the proposer ran: read without following a symbolic link, never from a FIFO
// or a device, and only so much of it.
import { readPlainFile, writeNewPlainFile } from '../tree/plain-file.js';
import { LESSONS_PER_EXPERIMENT } from './lessons.js';

/** Read at most this much beyond the copy autoexp wrote. */
const APPENDED_READ_BYTES = 64 * 1024;

/** Writes a fresh copy of lessons.md at `path` for the proposer (replacing whatever is there). */
export async function writeLessonsCopy(path: string, markdown: string): Promise<void> {
  await writeNewPlainFile(path, markdown, 0o600);
}

/**
 * The lines the proposer added to the copy at `path`: non-blank lines that were not in `original`, in
 * order, at most a few (a proposer that rewrote the whole file adds only what is new). Raw text: the
 * caller cleans each (cleanLesson). [] when the file is gone or not a plain file.
 */
export async function readAddedLessons(path: string, original: string): Promise<string[]> {
  const bytes = await readPlainFile(path, Buffer.byteLength(original) + APPENDED_READ_BYTES);
  if (!bytes) return [];
  const text = bytes.toString('utf8');
  const known = new Set(original.split('\n').map((line) => line.trim()));
  const added: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || known.has(trimmed) || trimmed.startsWith('#')) continue;
    known.add(trimmed);
    added.push(trimmed);
    // A few more than are kept: some may clean to nothing or repeat a lesson already noted.
    if (added.length >= LESSONS_PER_EXPERIMENT * 3) break;
  }
  return added;
}
