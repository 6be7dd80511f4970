// `autoexp demo`: a bundled example (the cache simulator unless --example names another) in a fresh temp
// repository, a few experiments with the example's own proposer.
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Git } from '../git/git.js';
import { CliError, runCommand, type CliIO } from './commands.js';

export const DEMO_EXAMPLE = 'cache-demo';

/** examples/ ships beside dist/ (and beside src/ in a clone): look upwards from this module. */
function examplesDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'examples');
    if (existsSync(join(candidate, DEMO_EXAMPLE, 'autoexp.yml'))) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

/** The names of the bundled examples. */
export function exampleNames(): string[] {
  const dir = examplesDir();
  if (!dir) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'autoexp.yml')))
    .map((entry) => entry.name)
    .sort();
}

export function findExample(name: string): string {
  const dir = examplesDir();
  if (!dir) throw new Error(`the bundled example "${name}" is missing from this installation`);
  if (!exampleNames().includes(name)) {
    throw new CliError(`no example "${name}"; the examples are: ${exampleNames().join(', ')}`);
  }
  return join(dir, name);
}

/** Copies an example into a new temp git repository with one commit on main; returns its path. */
export async function createExampleRepository(name: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `autoexp-${name}-`));
  await cp(findExample(name), root, { recursive: true });
  const git = await Git.init(root, { name: 'autoexp demo', email: 'demo@autoexp.invalid' });
  await git.commitEverything(`the ${name} example`);
  return root;
}

export async function demoCommand(
  io: CliIO,
  options: { example?: string; experiments?: number },
): Promise<number> {
  const name = options.example ?? DEMO_EXAMPLE;
  const root = await createExampleRepository(name);
  io.stdout.write(`autoexp demo: the ${name} example is in ${root}\n`);
  io.stdout.write(
    name === DEMO_EXAMPLE
      ? 'autoexp demo: mutate (offline, no API key) tunes cache_config.yaml; each line is one experiment\n\n'
      : `autoexp demo: its README.md says what it tunes and how; each line is one experiment\n\n`,
  );
  const { exitCode, result } = await runCommand(
    { ...io, cwd: root },
    { config: 'autoexp.yml', experiments: options.experiments, push: false, remote: 'origin' },
  );
  if (result) {
    io.stdout.write(
      [
        `Look around:`,
        `  cd ${root}`,
        `  node ${process.argv[1] ?? 'dist/cli.js'} status       # the ledger, summarized`,
        `  git log --oneline ${result.branch}        # kept experiments and ledger commits`,
        `  git show ${result.branch}:.autoexp/${result.tag}/results.tsv`,
        '',
      ].join('\n'),
    );
  }
  return exitCode;
}
