// The files no experiment may change, whatever scope.modify says: autoexp.yml (the rules the experiments
// are judged by) and the eval harness as far as autoexp can tell what it is: the tracked scripts the eval's
// commands run (eval.command, setup, guard, holdout: `bash evaluate.sh`, `python bench/run.py config.yaml`
// runs bench/run.py; config.yaml is its input, which may well be the file under study). What those scripts
// import or read is not known here: docs/format.md asks to keep it out of scope.modify.
import { basename, isAbsolute, relative, sep } from 'node:path';
import type { Settings } from '../config/settings.js';
import { shellWords } from '../text/shell-words.js';

/** Programs whose first argument that is not an option is the script they run. */
const INTERPRETERS =
  /^(?:bash|sh|dash|zsh|ksh|python[\d.]*|pypy[\d.]*|node|deno|bun|tsx|ts-node|ruby|perl|php|Rscript|julia|lua|pwsh)$/;
/** Words that run the command after them (`time bash x.sh`, `uv run python x.py`, `npx tsx x.ts`). */
const WRAPPERS = new Set([
  'time',
  'nice',
  'env',
  'exec',
  'command',
  'npx',
  'bunx',
  'run',
  'uv',
  'poetry',
  'pipenv',
]);

/** The words of each simple command in `command` (split at ; & | && || ( ) and newlines), quotes removed. */
function simpleCommands(command: string): string[][] {
  return command.split(/[;&|()\n]+/).map(shellWords);
}

/** The scripts a shell command runs: each simple command's program, or an interpreter's script. */
export function scriptsRun(command: string): string[] {
  const scripts: string[] = [];
  for (const words of simpleCommands(command)) {
    let index = 0;
    // Variable assignments and wrappers before the program.
    while (index < words.length && (/^\w+=/.test(words[index]!) || WRAPPERS.has(words[index]!))) index++;
    const program = words[index];
    if (program === undefined) continue;
    if (!INTERPRETERS.test(basename(program))) {
      scripts.push(program);
      continue;
    }
    const script = words.slice(index + 1).find((word) => !word.startsWith('-'));
    // `python -m module`, `bash -c '…'`: no script file of their own.
    if (script && !words.slice(index + 1).some((word) => word === '-m' || word === '-c' || word === '-e'))
      scripts.push(script);
  }
  return scripts.map((script) => script.replace(/^(\.\/)+/, ''));
}

/** The repository paths of the config file (when it is in `checkout`) and of the tracked scripts the eval runs. */
export function harnessFiles(settings: Settings, checkout: string, tracked: readonly string[]): Set<string> {
  const harness = new Set<string>();
  const config = relative(checkout, settings.configPath);
  if (config !== '' && !config.startsWith('..') && !isAbsolute(config))
    harness.add(config.split(sep).join('/'));
  const known = new Set(tracked);
  const { command, setup, guard, holdout } = settings.eval;
  for (const line of [command, setup, guard, holdout])
    for (const script of line === undefined ? [] : scriptsRun(line))
      if (known.has(script)) harness.add(script);
  return harness;
}
