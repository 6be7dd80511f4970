// Plans a reply's edits as a dry run (all apply or none, docs/format.md `llm`), then writes the plan.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { locate } from './match.js';
import type { BlockFailure, Edit, EditPlan, PlanOptions } from './types.js';

const DEFAULT_WHOLE_FILE_MAX_LINES = 200;
const DEFAULT_WHOLE_FILE_MAX_BYTES = 8 * 1024;

interface WorkingFile {
  /** The content as the dry run has changed it so far, with the file's own line endings. */
  content: string;
  original: string | undefined;
  crlf: boolean;
}

/** A file is CRLF when most of its line breaks are; new content is re-emitted that way. */
function usesCrlf(content: string): boolean {
  const breaks = content.split('\n').length - 1;
  const crlfBreaks = content.split('\r\n').length - 1;
  return breaks > 0 && crlfBreaks * 2 >= breaks;
}

/** A repo-relative path without `./`, or undefined for a path that leaves the repository. */
function normalisePath(path: string): string | undefined {
  const cleaned = path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (cleaned === '' || isAbsolute(cleaned) || /^[a-z]:/i.test(cleaned)) return undefined;
  if (cleaned.split('/').some((segment) => segment === '..')) return undefined;
  return cleaned;
}

const splitLines = (text: string): string[] => (text === '' ? [] : text.split('\n'));

/**
 * The dry run: applies `edits` in order to the evolving contents (read through `files`, nothing written)
 * and returns the new content of every changed file, or why some edits fail and which would have applied.
 */
export function planEdits(
  files: (path: string) => string | undefined,
  edits: readonly Edit[],
  scope: (path: string) => boolean,
  options: PlanOptions = {},
): EditPlan {
  const maxLines = options.wholeFileMaxLines ?? DEFAULT_WHOLE_FILE_MAX_LINES;
  const maxBytes = options.wholeFileMaxBytes ?? DEFAULT_WHOLE_FILE_MAX_BYTES;
  const working = new Map<string, WorkingFile>();
  const failures: BlockFailure[] = [];
  const applied: number[] = [];

  const load = (path: string): WorkingFile => {
    let file = working.get(path);
    if (!file) {
      const original = files(path);
      file = { content: original ?? '', original, crlf: original !== undefined && usesCrlf(original) };
      working.set(path, file);
    }
    return file;
  };
  const exists = (file: WorkingFile): boolean => file.original !== undefined || file.content !== '';

  for (const edit of edits) {
    const fail = (reason: string, search?: string): void => {
      failures.push({
        block: edit.number,
        path: edit.path,
        reason,
        ...(search !== undefined ? { search } : {}),
      });
    };
    const path = normalisePath(edit.path);
    if (path === undefined || !scope(path)) {
      fail(`out of scope: ${edit.path}`);
      continue;
    }
    const file = load(path);
    const eol = file.crlf ? '\r\n' : '\n';

    if (edit.kind === 'whole') {
      const lineCount = splitLines(file.content).length;
      if (exists(file) && (lineCount > maxLines || Buffer.byteLength(file.content) > maxBytes)) {
        fail(
          `${path} has ${lineCount} lines, too big for a whole-file reply (limit ${maxLines} lines / ` +
            `${maxBytes} bytes): use SEARCH/REPLACE blocks`,
        );
        continue;
      }
      file.content = edit.content.replace(/\r?\n/g, eol);
      applied.push(edit.number);
      continue;
    }

    if (edit.search === '') {
      if (exists(file) && file.content.trim() !== '') {
        fail(
          `${path} already exists and is not empty: an empty SEARCH only creates files; quote the lines to replace`,
        );
        continue;
      }
      file.content = edit.replace === '' ? '' : (edit.replace + '\n').replace(/\r?\n/g, eol);
      applied.push(edit.number);
      continue;
    }
    if (!exists(file)) {
      fail(`no such file: ${path} (to create it, leave SEARCH empty)`);
      continue;
    }

    const lines = file.content.split('\n');
    const match = locate(lines, edit.search.split('\n'), splitLines(edit.replace));
    if (match.kind === 'none') {
      fail('SEARCH not found', edit.search);
      continue;
    }
    if (match.kind === 'ambiguous') {
      fail(
        `ambiguous (${match.count} places): add surrounding lines to SEARCH so it matches exactly one place`,
      );
      continue;
    }
    // Re-emit the file's line ending; the line after the file's last newline ('' in `lines`) never gets one.
    const atEnd = match.end === lines.length;
    const inserted = match.replacement.map((line, index) => {
      const bare = line.endsWith('\r') ? line.slice(0, -1) : line;
      const isLastOfFile = atEnd && index === match.replacement.length - 1;
      return file.crlf && !isLastOfFile ? bare + '\r' : bare;
    });
    lines.splice(match.start, match.end - match.start, ...inserted);
    file.content = lines.join('\n');
    applied.push(edit.number);
  }

  if (failures.length > 0) return { ok: false, failures, appliedInDryRun: applied };
  const changes = new Map<string, string>();
  for (const [path, file] of working) {
    if (file.content !== file.original) changes.set(path, file.content);
  }
  return { ok: true, changes };
}

/** Writes a plan's contents under `root`, creating directories: the only part of src/edit that touches disk. */
export async function applyChanges(root: string, changes: ReadonlyMap<string, string>): Promise<void> {
  const base = resolve(root);
  for (const [path, content] of changes) {
    const target = resolve(base, path);
    const inside = relative(base, target);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new Error(`refusing to write outside the working tree: ${path}`);
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
