// `autoexp demo`: a bundled example (the cache simulator unless --example names another) in a fresh temp
// repository, a few experiments with the example's own proposer.
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Git } from '../git/git.js';
import { CliError, runCommand, type CliIO } from './commands.js';

export const DEMO_EXAMPLE = 'cache-demo';

/**
 * An example whose eval runs autoexp itself (autoexp-on-autoexp) reads the command that starts it from
 * this file (its one line that is not a comment); the demo writes the CLI it runs from there, so the inner
 * sessions run this very autoexp.
 */
export const AUTOEXP_COMMAND_FILE = join('harness', 'autoexp-command.txt');

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

/**
 * The examples that cannot run offline without a key, with the variable that shows they can and what to
 * tell the user when it is not set.
 */
const EXAMPLE_NEEDS: Readonly<Record<string, { variable: string; advice: string }>> = {
  'prompt-accuracy': {
    variable: 'EVAL_MODEL',
    advice:
      'its eval asks a model through an OpenAI-compatible endpoint: set EVAL_MODEL, and EVAL_BASE_URL and ' +
      'EVAL_API_KEY unless the defaults fit (examples/prompt-accuracy/README.md)',
  },
};

const shellQuoted = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/** How to start the running CLI from a shell: this node and the script it runs (dist/cli.js, the bin). */
export function runningCli(): string | undefined {
  const script = process.argv[1];
  return script ? `${shellQuoted(process.execPath)} ${shellQuoted(script)}` : undefined;
}

/**
 * Copies an example into a new temp git repository with one commit on main; returns its path.
 * `autoexpCommand`: the command written into AUTOEXP_COMMAND_FILE when the example has one.
 */
export async function createExampleRepository(
  name: string,
  options: { autoexpCommand?: string } = {},
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `autoexp-${name}-`));
  await cp(findExample(name), root, { recursive: true });
  const commandFile = join(root, AUTOEXP_COMMAND_FILE);
  if (options.autoexpCommand !== undefined && existsSync(commandFile)) {
    const comments = (await readFile(commandFile, 'utf8')).split('\n').filter((line) => line.startsWith('#'));
    await writeFile(commandFile, [...comments, options.autoexpCommand, ''].join('\n'));
  }
  const git = await Git.init(root, { name: 'autoexp demo', email: 'demo@autoexp.invalid' });
  await git.commitEverything(`the ${name} example`);
  return root;
}

export async function demoCommand(
  io: CliIO,
  options: { example?: string; experiments?: number },
): Promise<number> {
  const name = options.example ?? DEMO_EXAMPLE;
  findExample(name);
  const needs = EXAMPLE_NEEDS[name];
  if (needs && !io.env[needs.variable])
    throw new CliError(`the ${name} example needs a model: ${needs.advice}`);
  const root = await createExampleRepository(name, { autoexpCommand: runningCli() });
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
