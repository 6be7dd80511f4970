// AUTOEXP_FEEDBACK_FILE (docs/format.md): a file the eval, eval.guard and eval.holdout may write text to
// (failing cases, a profile, a trace) for the proposer to read next time. One fresh, empty file per
// measurement, in a hidden directory inside the working directory the command runs in: the one place
// every command sees, with `eval.network: off` too (its sandbox gives it a private /tmp and shows nothing
// next to the working directory when that lies in one). The directory is made after the tree was sealed
// and removed before it is verified, so it never counts as something the run left behind.
//
// What was written is untrusted: read without following a symbolic link, never from a FIFO or a device,
// at most READ_BYTES of it, then cleaned (control characters, escape sequences, bidi controls) and cut to
// FEEDBACK_BYTES.
import { chmod, lstat, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanBlock } from '../text/untrusted.js';
import { readPlainFile } from '../tree/plain-file.js';

/** What is kept of the feedback, in UTF-8 bytes (its start, with a marker when cut). */
export const FEEDBACK_BYTES = 8 * 1024;
/** Read at most this much of the file: cleaning can only shrink it, so this bounds the work. */
const READ_BYTES = 4 * FEEDBACK_BYTES;
export const FEEDBACK_DIR_PREFIX = '.autoexp-feedback-';
export const FEEDBACK_FILE_NAME = 'feedback.txt';

/**
 * Runs `run` with a fresh, empty feedback file inside `cwd` (its path is the argument) and returns what
 * was written to it, cleaned and bounded ('' for nothing), after removing its directory whatever happened.
 */
export async function withFeedbackFile<T>(
  cwd: string,
  run: (path: string) => Promise<T>,
): Promise<{ result: T; feedback: string }> {
  const dir = await mkdtemp(join(cwd, FEEDBACK_DIR_PREFIX));
  const path = join(dir, FEEDBACK_FILE_NAME);
  try {
    await writeFile(path, '');
    const result = await run(path);
    return { result, feedback: await readFeedback(path) };
  } finally {
    // A symbolic link put in the directory's place is removed, not followed; a directory made read-only
    // (its own, or the one it is in) is made writable first.
    await rm(dir, { recursive: true, force: true }).catch(async () => {
      for (const path of [cwd, dir]) {
        const found = await lstat(path).catch(() => undefined);
        if (found?.isDirectory()) await chmod(path, (found.mode & 0o7777) | 0o700).catch(() => undefined);
      }
      await rm(dir, { recursive: true, force: true });
    });
  }
}

/** The start of the file at `path`, cleaned, within FEEDBACK_BYTES; '' when it is not a plain file. */
export async function readFeedback(path: string): Promise<string> {
  const bytes = await readPlainFile(path, READ_BYTES);
  return bytes ? cleanBlock(bytes.toString('utf8'), FEEDBACK_BYTES).trim() : '';
}
