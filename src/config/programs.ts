// Several programs in one repository (issue #6): a `--config` / `config` that is a glob names every
// matching autoexp.yml, and each run takes the program whose last session is the oldest. The ledgers
// on the branches are the only memory needed: whatever ran last goes to the back of the queue, so
// one nightly workflow serves every program in turn, and a new program goes first.
import { glob } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Git } from '../git/git.js';
import { chunkIndexOfFileName } from '../ledger/jsonl.js';
import { ConfigError } from './errors.js';
import { configDisplayName, loadSettings } from './load.js';
import type { Settings } from './settings.js';

/** A config argument that cannot name a program, e.g. a pattern that matches no file. */
export class ProgramsError extends Error {
  override name = 'ProgramsError';
}

export interface Program {
  /** Absolute path of the config file. */
  path: string;
  /** The file as users name it: relative to the repository root, e.g. `autoexp/latency.yml`. */
  file: string;
  settings: Settings;
}

export interface ProgramChoice {
  pattern: string;
  /** Every matching program in file order, with the start of its last session (undefined: never run). */
  programs: Array<Program & { lastSession?: string }>;
  /** Index into `programs` of the one to run. */
  chosen: number;
}

/** A config argument with glob characters names several files; anything else is one file. */
export function isConfigPattern(config: string): boolean {
  return /[*?[\]{}]/.test(config);
}

/** The files `pattern` matches relative to `cwd`, as absolute paths in sorted order. */
export async function expandConfigPattern(pattern: string, cwd: string, option: string): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of glob(pattern, { cwd, withFileTypes: true })) {
    if (entry.isFile()) files.push(resolve(entry.parentPath, entry.name));
  }
  if (files.length === 0) throw new ProgramsError(`${option} "${pattern}" matches no file`);
  // Plain code-point order: the same on every machine, whatever the locale.
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Loads every file; two programs with one tag would share a branch and race, so that is an error. */
export async function loadPrograms(paths: readonly string[], repoRoot: string): Promise<Program[]> {
  const programs: Program[] = [];
  for (const path of paths) {
    const settings = await loadSettings(path, repoRoot);
    const file = configDisplayName(path, repoRoot);
    const twin = programs.find((program) => program.settings.tag === settings.tag);
    if (twin) {
      throw new ConfigError(file, [
        {
          keyPath: 'tag',
          message: `"${settings.tag}" is also the tag of ${twin.file}; each program needs its own tag (and so its own branch)`,
        },
      ]);
    }
    programs.push({ path, file, settings });
  }
  return programs;
}

/**
 * The program to run: one never run comes first, then the one whose last session started the
 * longest ago; ties go to the earlier file. `lastSessions` are ISO 8601 times (undefined: never run).
 */
export function pickProgram(lastSessions: readonly (string | undefined)[]): number {
  const age = (session: string | undefined) => {
    const time = session === undefined ? Number.NaN : Date.parse(session);
    // An unreadable time counts as never run: better run it again than starve it.
    return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
  };
  let chosen = 0;
  for (let index = 1; index < lastSessions.length; index++) {
    if (age(lastSessions[index]) < age(lastSessions[chosen])) chosen = index;
  }
  return chosen;
}

/** `2026-11-20T02:00Z`: minutes are enough to tell nightly sessions apart. */
export function formatSessionTime(session: string): string {
  const time = Date.parse(session);
  return Number.isNaN(time) ? session : `${new Date(time).toISOString().slice(0, 16)}Z`;
}

/** Why this program: `never run yet`, or `last session 2026-11-20T02:00Z, the oldest`. */
export function describeLastSession(choice: ProgramChoice, index: number): string {
  const session = choice.programs[index]?.lastSession;
  if (session === undefined) return 'never run yet';
  const oldest = index === choice.chosen && choice.programs.length > 1 ? ', the oldest' : '';
  return `last session ${formatSessionTime(session)}${oldest}`;
}

/** `3 programs match autoexp/*.yml; <verb> latency (last session 2026-11-20T02:00Z, the oldest)` */
export function describeChoice(choice: ProgramChoice, verb = 'running'): string {
  const count = choice.programs.length;
  const chosen = choice.programs[choice.chosen]!;
  const matches = count === 1 ? '1 program matches' : `${count} programs match`;
  return `${matches} ${choice.pattern}; ${verb} ${chosen.settings.tag} (${describeLastSession(choice, choice.chosen)})`;
}

/**
 * The start of the newest session in a program's ledger: the last record's `session` (its ISO start
 * time; `timestamp` for records older than that field), read from the first of `refs` that exists.
 * Undefined when none exists or the ledger is empty: never run.
 */
export async function readLastSession(
  git: Git,
  refs: readonly string[],
  resultsDir: string,
): Promise<string | undefined> {
  for (const ref of refs) {
    if (!(await git.resolve(ref))) continue;
    const listing = await git.listDirectory(ref, `${resultsDir}/experiments`);
    if (listing === undefined) return undefined;
    // Only the newest chunk matters: reading the whole log of a long-running program is wasted work.
    const chunks = listing.filter((name) => chunkIndexOfFileName(name) !== undefined);
    const newest = chunks.sort((a, b) => chunkIndexOfFileName(a)! - chunkIndexOfFileName(b)!).at(-1);
    if (newest === undefined) return undefined;
    const chunk = (await git.showFile(ref, `${resultsDir}/experiments/${newest}`)) ?? '';
    const lastLine = chunk.trimEnd().split('\n').at(-1) ?? '';
    try {
      const record = JSON.parse(lastLine) as { session?: unknown; timestamp?: unknown };
      const time = record.session ?? record.timestamp;
      return typeof time === 'string' ? time : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Loads the programs `pattern` matched (`paths`, from expandConfigPattern) and picks the one to run.
 * `refsFor` lists where the ledger of a tag's branch may be, in order of preference (e.g. the local
 * branch, then origin's copy).
 */
export async function choosePrograms(options: {
  pattern: string;
  paths: readonly string[];
  repoRoot: string;
  git: Git;
  refsFor(tag: string): string[];
}): Promise<ProgramChoice> {
  const programs = await loadPrograms(options.paths, options.repoRoot);
  const withSessions = await Promise.all(
    programs.map(async (program) => ({
      ...program,
      lastSession: await readLastSession(
        options.git,
        options.refsFor(program.settings.tag),
        program.settings.results.dir,
      ),
    })),
  );
  return {
    pattern: options.pattern,
    programs: withSessions,
    chosen: pickProgram(withSessions.map((program) => program.lastSession)),
  };
}
