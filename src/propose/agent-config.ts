// The coding agents' own config in HOME, kept as it was when the session started. The eval runs as the
// same user as the agent and may write anything HOME holds; a hook, MCP server or `.env` it writes into
// ~/.claude, ~/.codex, ~/.gemini or ~/.copilot would run (or be read) in the next agent run, outside any
// sandbox and with the model's key in its environment. So the config those CLIs read at start is read once
// before any untrusted code runs, and put back before every `command` proposer run (docs/agents.md).
import { lstat, mkdir, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** What was at a path: nothing, a file's bytes, a link's target, or a directory's entries. */
type Entry =
  | { kind: 'absent' }
  | { kind: 'file'; bytes: Buffer; mode: number }
  | { kind: 'link'; target: string }
  | { kind: 'dir'; mode: number; entries: Map<string, Entry> };

/**
 * An agent's config directory and the names in it that the CLI reads at start and that can run a command,
 * reach the network or steer the model: settings (hooks, MCP servers, env, a key helper), instructions,
 * extensions, plugins, skills. The rest (sessions, logs, caches) is the agent's own state and is left alone.
 */
interface Watched {
  dir: string;
  names: string[];
}

function watchedPaths(env: NodeJS.ProcessEnv): Watched[] {
  const home = env.HOME || homedir();
  const claude = env.CLAUDE_CONFIG_DIR || join(home, '.claude');
  return [
    // Gemini CLI reads ~/.env when no directory above the tree has one.
    { dir: home, names: ['.env'] },
    // ~/.claude.json holds the user's and each project's MCP servers (CLAUDE_CONFIG_DIR moves it there).
    { dir: env.CLAUDE_CONFIG_DIR || home, names: ['.claude.json'] },
    {
      dir: claude,
      names: [
        'settings.json',
        'settings.local.json',
        'CLAUDE.md',
        'agents',
        'commands',
        'skills',
        'hooks',
        'plugins',
      ],
    },
    {
      dir: env.CODEX_HOME || join(home, '.codex'),
      names: ['config.toml', 'AGENTS.md', 'AGENTS.override.md', 'prompts', 'skills', 'rules', 'hooks.json'],
    },
    {
      dir: join(env.GEMINI_CLI_HOME || home, '.gemini'),
      names: ['settings.json', '.env', 'GEMINI.md', 'extensions', 'commands', 'policies', 'skills'],
    },
    {
      dir: env.COPILOT_HOME || join(home, '.copilot'),
      names: ['config.json', 'mcp-config.json', 'agents', 'skills', 'hooks'],
    },
  ];
}

/** The entry at `path`, whole: a link is recorded as a link, never followed. */
async function readEntry(path: string): Promise<Entry> {
  let stat;
  try {
    stat = await lstat(path);
  } catch {
    return { kind: 'absent' };
  }
  if (stat.isSymbolicLink()) return { kind: 'link', target: await readlink(path) };
  if (stat.isFile()) return { kind: 'file', bytes: await readFile(path), mode: stat.mode & 0o7777 };
  if (!stat.isDirectory()) return { kind: 'absent' };
  const entries = new Map<string, Entry>();
  for (const name of await readdir(path)) entries.set(name, await readEntry(join(path, name)));
  return { kind: 'dir', mode: stat.mode & 0o7777, entries };
}

function sameEntry(a: Entry, b: Entry): boolean {
  if (a.kind === 'file' && b.kind === 'file') return a.mode === b.mode && a.bytes.equals(b.bytes);
  if (a.kind === 'link' && b.kind === 'link') return a.target === b.target;
  if (a.kind === 'dir' && b.kind === 'dir') {
    if (a.mode !== b.mode || a.entries.size !== b.entries.size) return false;
    return [...a.entries].every(([name, entry]) => {
      const other = b.entries.get(name);
      return other !== undefined && sameEntry(entry, other);
    });
  }
  return a.kind === 'absent' && b.kind === 'absent';
}

/** Writes `entry` at `path`, whatever is there now (removed first: a link itself, not what it leads to). */
async function writeEntry(path: string, entry: Entry): Promise<void> {
  await rm(path, { recursive: true, force: true });
  if (entry.kind === 'file') await writeFile(path, entry.bytes, { mode: entry.mode, flag: 'wx' });
  else if (entry.kind === 'link') await symlink(entry.target, path);
  else if (entry.kind === 'dir') {
    await mkdir(path, { mode: entry.mode });
    for (const [name, child] of entry.entries) await writeEntry(join(path, name), child);
  }
}

/**
 * What the agents read in the directories above the one they start in: Gemini CLI takes the first
 * `.gemini/.env` or `.env` it finds going up (a base URL there sends the key elsewhere), Claude Code every
 * CLAUDE.md. The tree's place (its parent, autoexp's own) is as writable by an eval as HOME.
 */
const ABOVE_THE_TREE = [
  '.env',
  '.gemini/.env',
  '.gemini/settings.json',
  '.claude/settings.json',
  '.claude/settings.local.json',
  'CLAUDE.md',
  'CLAUDE.local.md',
  'AGENTS.md',
  'GEMINI.md',
  '.codex/config.toml',
  '.mcp.json',
];

/** The directories above `tree`, up to the root (HOME too, when the tree is in it). */
function directoriesAbove(tree: string): string[] {
  const dirs: string[] = [];
  for (let dir = dirname(resolve(tree)); ; dir = dirname(dir)) {
    dirs.push(dir);
    if (dir === dirname(dir)) return dirs;
  }
}

interface Snapshot {
  dir: string;
  dirIsDirectory: boolean;
  paths: Map<string, Entry>;
}

async function readWatched({ dir, names }: Watched): Promise<Snapshot> {
  const paths = new Map<string, Entry>();
  for (const name of names) paths.set(join(dir, name), await readEntry(join(dir, name)));
  const stat = await lstat(dir).catch(() => undefined);
  return { dir, dirIsDirectory: stat?.isDirectory() === true, paths };
}

/**
 * Puts back what differs in one watched directory; returns the paths put back. What was there instead is
 * kept in `keptDir` (the last one per path), so that an edit of the user's own made meanwhile is not lost.
 */
async function restoreWatched(
  { dir, dirIsDirectory, paths }: Snapshot,
  above: boolean,
  keptDir: string,
): Promise<string[]> {
  const restored: string[] = [];
  // An agent's directory replaced by a link would take the paths below somewhere else: removed, and made
  // again only when something must be put back in it. (Not a directory above the tree: the tree is in it.)
  const now = await lstat(dir).catch(() => undefined);
  if (!above && now && !now.isDirectory()) {
    await rm(dir, { recursive: true, force: true });
    restored.push(dir);
  }
  for (const [path, entry] of paths) {
    const found = await readEntry(path);
    if (sameEntry(found, entry)) continue;
    if (found.kind !== 'absent') {
      await mkdir(keptDir, { recursive: true });
      await writeEntry(join(keptDir, path.split('/').join('%')), found);
    }
    if (entry.kind !== 'absent' && dirIsDirectory) await mkdir(dirname(path), { recursive: true });
    await writeEntry(path, entry);
    restored.push(path);
  }
  return restored;
}

export interface AgentConfig {
  /**
   * Puts back every watched path that differs from the snapshot, in HOME and above `tree` (the tree the
   * agent starts in); returns those paths.
   */
  restore(tree: string): Promise<string[]>;
  /**
   * After an agent run: what it left is the snapshot from now on. The agent holds its key already, so
   * nothing it writes for its own next run can take more; its own state (Claude Code rewrites
   * ~/.claude.json every run) is then not put back every time.
   */
  settle(tree: string): Promise<void>;
}

/**
 * Reads the agents' config now, in HOME and above `tree` (the branch's tree): call it before any untrusted
 * code runs in the session. `keptDir`: where what a restore replaced is kept (see restoreWatched).
 */
export async function snapshotAgentConfig(
  env: NodeJS.ProcessEnv,
  tree: string,
  keptDir: string,
): Promise<AgentConfig> {
  const watched = watchedPaths(env);
  let inHome = await Promise.all(watched.map(readWatched));
  const above = new Map<string, Snapshot>();
  const readAbove = async (agentTree: string) => {
    for (const dir of directoriesAbove(agentTree))
      above.set(dir, await readWatched({ dir, names: ABOVE_THE_TREE }));
  };
  await readAbove(tree);
  return {
    async settle(agentTree) {
      inHome = await Promise.all(watched.map(readWatched));
      await readAbove(agentTree);
    },
    async restore(agentTree) {
      const restored: string[] = [];
      for (const snapshot of inHome) restored.push(...(await restoreWatched(snapshot, false, keptDir)));
      for (const dir of directoriesAbove(agentTree)) {
        // A directory not read at the start is one autoexp made since (a worker's place): it held none.
        const snapshot = above.get(dir) ?? {
          dir,
          dirIsDirectory: true,
          paths: new Map(ABOVE_THE_TREE.map((name) => [join(dir, name), { kind: 'absent' } as const])),
        };
        restored.push(...(await restoreWatched(snapshot, true, keptDir)));
      }
      return restored;
    },
  };
}
