// What combine does with a file a replayed commit conflicts in: merge it at the level of what changed
// (keys and values of JSON, YAML and TOML; numeric literals of any other text file), or name what both
// sides changed differently. Pure: the three versions in, the merged text or the conflict out.
// A config file its reader cannot read (JSON with comments, YAML with anchors) may still merge by its
// numbers. Anything else (binary, too large, not valid in its format and differing in more than
// numbers) is the plain conflict, named by its path alone; no input makes it throw.
import { mergeJson } from './merge-json.js';
import { mergeNumbers } from './merge-numbers.js';
import { TABLES, mergeToml } from './merge-toml.js';
import { mergeYaml } from './merge-yaml.js';
import { describePath, type Segment } from './three-way.js';

/** Larger files are not merged: their conflict stands. */
export const MAX_MERGE_BYTES = 1024 * 1024;
/** At most this many conflicting keys are named in a reason. */
const MAX_NAMED = 8;
/** A key named longer than this (a path hundreds of levels deep) is cut. */
const MAX_KEY_CHARS = 120;

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
  const result = structured(path, base, ours, theirs) ?? numbers(path, base, ours, theirs);
  if (result === undefined) return plain;
  if ('merged' in result) return result;
  return { conflict: `${path}: ${listKeys(result.conflicts)}` };
}

type Merge = { merged: string } | { conflicts: string[] };

/** By keys and values; undefined for a file of another kind, or one its reader cannot read. */
function structured(path: string, base: string, ours: string, theirs: string): Merge | undefined {
  const name = path.toLowerCase();
  try {
    if (name.endsWith('.json')) return named(mergeJson(base, ours, theirs));
    if (name.endsWith('.yaml') || name.endsWith('.yml')) return named(mergeYaml(base, ours, theirs));
    if (name.endsWith('.toml')) return named(mergeToml(base, ours, theirs), { flat: true });
  } catch {
    // Not valid in its format, a shape not merged, nesting too deep for the stack.
  }
  return undefined;
}

/**
 * By numbers (any text file, a config file its reader could not read too: JSON with comments, YAML
 * with anchors); undefined when the versions differ in more than their numbers.
 */
function numbers(path: string, base: string, ours: string, theirs: string): Merge | undefined {
  try {
    return mergeNumbers(path, base, ours, theirs);
  } catch {
    return undefined;
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
  const shown = keys
    .slice(0, MAX_NAMED)
    .map((key) => (key.length > MAX_KEY_CHARS ? `${key.slice(0, MAX_KEY_CHARS)}…` : key))
    .join(', ');
  return keys.length > MAX_NAMED ? `${shown} and ${keys.length - MAX_NAMED} more` : shown;
}
