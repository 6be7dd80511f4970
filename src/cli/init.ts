// `autoexp init`: the three files a project needs, at the top of its git repository, never overwriting one
// that exists. What init can tell from the repository goes in: the default branch as base, a lone config
// file as scope.modify, the repository's own bench and test commands as commented suggestions.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Git } from '../git/git.js';
import { CliError } from './commands.js';
import {
  configTemplate,
  DEFAULT_EVAL_COMMAND,
  DEFAULT_TAG,
  PROGRAM_TEMPLATE,
  workflowTemplate,
  type EvalSuggestion,
  type InitChoices,
} from './templates.js';

const CONFIG = 'autoexp.yml';
const PROGRAM = 'program.md';
const WORKFLOW = '.github/workflows/autoexp.yml';

const TAG = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export async function initCommand(cwd: string, out: NodeJS.WritableStream): Promise<number> {
  const repo = Git.at(cwd);
  const workTree = await repo.describeWorkTree();
  if (workTree === undefined) {
    throw new CliError(
      `${cwd} is not inside a git repository, and autoexp keeps its branch and ledger in git; ` +
        'run `git init` (and commit your files) first. Nothing was written',
    );
  }
  const root = workTree.topLevel;
  const base = defaultBranch(await repo.refs(), workTree.branch);
  const existing = readExistingTag(join(root, CONFIG));
  const choices: InitChoices = {
    tag: existing.tag ?? DEFAULT_TAG,
    ...(base ? { base } : {}),
    ...findScope(root),
    evalSuggestions: findEvalCommands(root),
  };

  const shown = (path: string) => relative(cwd, join(root, path)).split(sep).join('/') || '.';
  if (relative(cwd, root) !== '') out.write(`autoexp: writing at the top of the repository, ${root}\n`);
  const files: ReadonlyArray<[string, string]> = [
    [CONFIG, configTemplate(choices)],
    [PROGRAM, PROGRAM_TEMPLATE],
    [WORKFLOW, workflowTemplate(choices.tag)],
  ];
  const wrote = new Set<string>();
  for (const [path, content] of files) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    try {
      await writeFile(target, content, { flag: 'wx' });
      wrote.add(path);
      out.write(`autoexp: wrote ${shown(path)}\n`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      out.write(`autoexp: kept ${shown(path)} (it exists; nothing overwritten)\n`);
    }
  }
  if (existing.unreadable && wrote.has(WORKFLOW)) {
    out.write(
      `autoexp: the tag in the existing ${CONFIG} could not be read; in ${WORKFLOW} set concurrency.group ` +
        'to autoexp-<tag>\n',
    );
  }
  out.write(closingLines({ choices, base, workTree, shown, wrote }).join('\n') + '\n');
  return 0;
}

function closingLines(context: {
  choices: InitChoices;
  base: InitChoices['base'];
  workTree: { branch?: string; hasCommits: boolean };
  shown: (path: string) => string;
  wrote: ReadonlySet<string>;
}): string[] {
  const { choices, base, workTree, shown, wrote } = context;
  const lines: string[] = [];
  if (wrote.has(CONFIG)) {
    const edit = choices.scope
      ? `check scope.modify (${choices.scope}), then set eval.command and metrics`
      : 'set scope.modify, eval.command and metrics';
    lines.push(`autoexp: next, in ${shown(CONFIG)} ${edit}.`);
  }
  if (wrote.has(PROGRAM)) lines.push(`autoexp: describe your research strategy in ${shown(PROGRAM)}.`);
  lines.push('autoexp: `autoexp run` tries the setup here, on a branch of its own.');
  if (wrote.has(WORKFLOW)) {
    lines.push(
      `autoexp: in ${shown(WORKFLOW)}, replace the placeholder autoexp/autoexp@v0 with ` +
        '<owner>/<repo>@<tag or sha> of the repository that holds the action (README, Install).',
    );
  }
  if (!workTree.hasCommits) {
    lines.push('autoexp: this repository has no commits yet: commit your project files too (git add -A).');
  }
  const where = base?.branch ?? 'the default branch';
  const onOther =
    base && workTree.branch !== undefined && workTree.branch !== base.branch
      ? ` (you are on ${workTree.branch}: switch to ${base.branch} first, or merge it there)`
      : '';
  lines.push(
    `autoexp: the schedule runs only once the three files are committed on ${where}, the default branch, ` +
      `and pushed${onOther}:`,
    `  git add ${[CONFIG, PROGRAM, WORKFLOW].map(shown).join(' ')} && git commit -m "Set up autoexp (${choices.tag})"`,
  );
  return lines;
}

/** The repository's default branch: what origin/HEAD points at, else the current branch. */
export function defaultBranch(
  refs: ReadonlyMap<string, string>,
  currentBranch: string | undefined,
): InitChoices['base'] {
  const originHead = refs.get('refs/remotes/origin/HEAD');
  const target = originHead?.startsWith('ref: refs/remotes/origin/')
    ? originHead.slice('ref: refs/remotes/origin/'.length)
    : undefined;
  if (target) return { branch: target, from: "the default branch: origin's HEAD" };
  if (currentBranch) return { branch: currentBranch, from: 'the branch init ran on' };
  return undefined;
}

/** The tag of an autoexp.yml that is kept, so the workflow's concurrency group matches it. */
function readExistingTag(path: string): { tag?: string; unreadable?: boolean } {
  if (!existsSync(path)) return {};
  try {
    const tag = (parseYaml(readFileSync(path, 'utf8')) as { tag?: unknown } | null)?.tag;
    if (typeof tag === 'string' && TAG.test(tag)) return { tag };
  } catch {
    // Unreadable YAML: `autoexp run` will say what is wrong with it.
  }
  return { unreadable: true };
}

/**
 * Files at the top that are some tool's own, not settings of the project: lock files, manifests, CI and
 * editor configuration. What is left of the JSON, YAML and TOML files is what a project tunes.
 */
const NOT_SETTINGS = new Set([
  'action.yml',
  'action.yaml',
  'angular.json',
  'app.json',
  'appveyor.yml',
  'azure-pipelines.yml',
  'babel.config.json',
  'biome.json',
  'buildspec.yml',
  'cargo.toml',
  'chart.yaml',
  'cloudbuild.yaml',
  'codecov.yml',
  'compose.yaml',
  'compose.yml',
  'composer.json',
  'deno.json',
  'docker-compose.yaml',
  'docker-compose.yml',
  'environment.yml',
  'firebase.json',
  'fly.toml',
  'jsconfig.json',
  'lerna.json',
  'mkdocs.yml',
  'netlify.toml',
  'npm-shrinkwrap.json',
  'nx.json',
  'package-lock.json',
  'package.json',
  'pixi.toml',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'pyproject.toml',
  'renovate.json',
  'ruff.toml',
  'rust-toolchain.toml',
  'rustfmt.toml',
  'serverless.yml',
  'skaffold.yaml',
  'tox.toml',
  'turbo.json',
  'typos.toml',
  'vercel.json',
  'wrangler.toml',
  '_config.yml',
  CONFIG,
]);

function isSettingsFile(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    /\.(json|ya?ml|toml)$/.test(lower) &&
    !lower.startsWith('.') &&
    !lower.startsWith('tsconfig') &&
    !NOT_SETTINGS.has(lower)
  );
}

function topLevelFiles(root: string): string[] {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** A lone config file at the top becomes scope.modify; several are only listed. */
export function findScope(root: string): Pick<InitChoices, 'scope' | 'scopeCandidates'> {
  const candidates = topLevelFiles(root).filter(isSettingsFile);
  if (candidates.length === 1) return { scope: candidates[0]!, scopeCandidates: [] };
  return { scopeCandidates: candidates.slice(0, 6) };
}

function readText(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function isExecutable(path: string): boolean {
  try {
    return (statSync(path).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** npm's placeholder for a package without tests. */
const NO_TEST_SPECIFIED = /no test specified/;

/** Commands the repository already has: benchmarks as eval.command, tests as eval.guard. */
export function findEvalCommands(root: string): EvalSuggestion[] {
  const found: EvalSuggestion[] = [];
  const files = topLevelFiles(root);

  for (const name of files) {
    const match = /^(bench|benchmark|evaluate|eval)\.(sh|py|js|mjs)$/.exec(name);
    if (!match) continue;
    const shell = isExecutable(join(root, name)) ? `./${name}` : `bash ${name}`;
    const run = { sh: shell, py: `python3 ${name}`, js: `node ${name}`, mjs: `node ${name}` }[match[2]!]!;
    if (run !== DEFAULT_EVAL_COMMAND) found.push({ key: 'command', command: run, from: name });
  }

  const manifest = readText(join(root, 'package.json'));
  if (manifest !== undefined) {
    let scripts: Record<string, unknown> = {};
    try {
      scripts = ((JSON.parse(manifest) as { scripts?: Record<string, unknown> }).scripts ?? {}) as Record<
        string,
        unknown
      >;
    } catch {
      // A package.json that does not parse suggests nothing.
    }
    for (const name of ['bench', 'benchmark']) {
      if (typeof scripts[name] === 'string')
        found.push({ key: 'command', command: `npm run ${name}`, from: `package.json scripts.${name}` });
    }
    if (typeof scripts.test === 'string' && !NO_TEST_SPECIFIED.test(scripts.test))
      found.push({ key: 'guard', command: 'npm test', from: 'package.json scripts.test' });
  }

  const makefile = ['GNUmakefile', 'makefile', 'Makefile'].find((name) => files.includes(name));
  const make = makefile === undefined ? undefined : readText(join(root, makefile));
  if (makefile !== undefined && make !== undefined) {
    for (const target of ['bench', 'benchmark']) {
      if (new RegExp(`^${target}\\s*:`, 'm').test(make))
        found.push({ key: 'command', command: `make ${target}`, from: makefile });
    }
    if (/^test\s*:/m.test(make)) found.push({ key: 'guard', command: 'make test', from: makefile });
  }

  const pytest = pytestConfig(root, files);
  if (pytest) found.push({ key: 'guard', command: 'pytest -q', from: pytest });
  return found;
}

/** Where a repository shows it uses pytest, or undefined. */
function pytestConfig(root: string, files: readonly string[]): string | undefined {
  if (files.includes('pytest.ini')) return 'pytest.ini';
  if (files.includes('conftest.py')) return 'conftest.py';
  if (/^\[tool\.pytest/m.test(readText(join(root, 'pyproject.toml')) ?? '')) return 'pyproject.toml';
  if (/^\[tool:pytest\]/m.test(readText(join(root, 'setup.cfg')) ?? '')) return 'setup.cfg';
  if (/^\[pytest\]/m.test(readText(join(root, 'tox.ini')) ?? '')) return 'tox.ini';
  for (const dir of ['tests', 'test']) {
    const tests = topLevelFiles(join(root, dir));
    if (tests.some((name) => /^test_.*\.py$|_test\.py$/.test(name))) return `${dir}/`;
  }
  return undefined;
}
