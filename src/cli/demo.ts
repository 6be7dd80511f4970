// `autoexp demo`: the bundled cache example in a fresh temp repository, a few offline experiments.
import { existsSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Git } from '../git/git.js';
import { runCommand, type CliIO } from './commands.js';

export const DEMO_EXAMPLE = 'cache-demo';

/** examples/ ships beside dist/ (and beside src/ in a clone): look upwards from this module. */
export function findExample(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'examples', name);
    if (existsSync(join(candidate, 'autoexp.yml'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`the bundled example "${name}" is missing from this installation`);
}

/** Copies an example into a new temp git repository with one commit on main; returns its path. */
export async function createExampleRepository(name: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `autoexp-${name}-`));
  await cp(findExample(name), root, { recursive: true });
  const git = Git.at(root);
  await git.run(['init', '--quiet', '--initial-branch=main']);
  await git.run(['config', 'user.name', 'autoexp demo']);
  await git.run(['config', 'user.email', 'demo@autoexp.invalid']);
  await git.run(['add', '-A']);
  await git.run(['commit', '--quiet', '-m', `the ${name} example`]);
  return root;
}

export async function demoCommand(io: CliIO, options: { experiments?: number }): Promise<number> {
  const root = await createExampleRepository(DEMO_EXAMPLE);
  io.stdout.write(`autoexp demo: the ${DEMO_EXAMPLE} example is in ${root}\n`);
  io.stdout.write(
    'autoexp demo: mutate (offline, no API key) tunes cache_config.yaml; each line is one experiment\n\n',
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
