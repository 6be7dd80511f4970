// What combine does with a file a replayed commit conflicts in: merge it at the level of what changed
// (keys and values of JSON, YAML and TOML; numeric literals of any other text file), or name what both
// sides changed differently. Pure: the three versions in, the merged text or the conflict out.
// Anything it cannot read (binary, too large, not valid in its format, a shape it does not merge) is
// the plain conflict, named by its path alone; no input makes it throw.
import { mergeJson } from './merge-json.js';
import { mergeNumbers } from './merge-numbers.js';
import { TABLES, mergeToml } from './merge-toml.js';
import { mergeYaml } from './merge-yaml.js';
import { describePath, type Segment } from './three-way.js';

/** Larger files are not merged: their conflict stands. */
export const MAX_MERGE_BYTES = 1024 * 1024;
/** At most this many conflicting keys are named in a reason. */
const MAX_NAMED = 8;

/** A file's three versions: undefined where that side has no such file. */
export interface ConflictingFile {
  path: string;
  base: string | undefined;
  ours: string | undefined;
  theirs: string | undefined;
}

/** The merged text, or the conflict as a reason names it: `params.json: beta, gamma` or `params.json`. */
export type FileMerge = { merged: string } | { conflict: string };

export function mergeConflictingFile(file: ConflictingFile): FileMerge {
  const { path, base, ours, theirs } = file;
  const plain = { conflict: path };
  if (base === undefined || ours === undefined || theirs === undefined) return plain;
  if (![base, ours, theirs].every(isMergeableText)) return plain;
  try {
    const name = path.toLowerCase();
    let result: { merged: string } | { conflicts: string[] } | undefined;
    if (name.endsWith('.json')) result = named(mergeJson(base, ours, theirs));
    else if (name.endsWith('.yaml') || name.endsWith('.yml')) result = named(mergeYaml(base, ours, theirs));
    else if (name.endsWith('.toml')) result = named(mergeToml(base, ours, theirs), { flat: true });
    else result = mergeNumbers(path, base, ours, theirs);
    if (result === undefined) return plain;
    if ('merged' in result) return result;
    return { conflict: `${path}: ${listKeys(result.conflicts)}` };
  } catch {
    // Not valid in its format, a shape not merged, nesting too deep for the stack: the plain conflict.
    return plain;
  }
}

function isMergeableText(text: string): boolean {
  // Bytes that are not UTF-8 came out of git as U+FFFD; rewriting them would corrupt the file.
  return text.length <= MAX_MERGE_BYTES && !text.includes('\0') && !text.includes('\uFFFD');
}

function named(
  result: { merged: string } | { conflicts: Segment[][] },
  options: { flat?: boolean } = {},
): { merged: string } | { conflicts: string[] } {
  if ('merged' in result) return result;
  // A TOML key is one segment that is already dotted (`server.port`).
  const name = (path: Segment[]): string => {
    if (path.length === 0) return '(the whole file)';
    if (!options.flat) return describePath(path);
    return path[0] === TABLES ? '(the table headers)' : String(path[0]);
  };
  return { conflicts: result.conflicts.map(name) };
}

function listKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, MAX_NAMED).join(', ');
  return keys.length > MAX_NAMED ? `${shown} and ${keys.length - MAX_NAMED} more` : shown;
}
