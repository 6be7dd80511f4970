// Reads autoexp.yml (and program.md) from disk and hands the text to the pure parser.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ConfigError } from './errors.js';
import { parseSettings } from './parse.js';
import type { Settings } from './settings.js';

export { parseSettings, type ParseOptions } from './parse.js';

/** `autoexp.yml` or `ci/autoexp.yml` inside the repository; the path as given outside it. */
export function configDisplayName(configPath: string, repoRoot: string): string {
  const fromRoot = relative(repoRoot, configPath);
  const inside = fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
  return inside ? fromRoot.split(sep).join('/') : configPath;
}

export async function loadSettings(configPath: string, repoRoot: string): Promise<Settings> {
  const absolutePath = resolve(configPath);
  const fileName = configDisplayName(absolutePath, resolve(repoRoot));
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? `not found at ${absolutePath}; run \`autoexp init\` to create one (or pass --config)`
        : `cannot be read (${(error as Error).message})`;
    throw new ConfigError(fileName, [{ keyPath: '', message: problem }]);
  }
  return parseSettings(text, {
    fileName,
    configPath: absolutePath,
    readProgram: (path) => readRepoFile(resolve(repoRoot), path),
  });
}

/** The text of a repository-relative file, or undefined when there is no such file. */
function readRepoFile(repoRoot: string, path: string): string | undefined {
  const absolute = join(repoRoot, path);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) return undefined;
  return readFileSync(absolute, 'utf8');
}
