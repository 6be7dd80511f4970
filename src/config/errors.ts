// A bad autoexp.yml is reported once, with every problem found, each naming its key path
// (`eval.timeout`, `metrics[1].goal`) and, where known, the line so annotations can point at it.

export interface ConfigProblem {
  /** Dotted key path, list items as `[i]`; '' for problems with the file as a whole. */
  keyPath: string;
  /** What is wrong and, where it helps, what to write instead. No file name or key path. */
  message: string;
  /** 1-based position in the file, when the problem can be placed. */
  line?: number;
  column?: number;
}

/** `<file>: <key.path>: <problem>`, or `<file>: <problem>` for the file as a whole. */
export function formatProblem(file: string, problem: ConfigProblem): string {
  return problem.keyPath ? `${file}: ${problem.keyPath}: ${problem.message}` : `${file}: ${problem.message}`;
}

/**
 * `<file>:<line>: <key.path>: <problem>` as compilers print it (and as the Action's annotations place it),
 * so an editor or terminal can jump to the line; `<file>: …` when the problem has no line.
 */
export function formatProblemAt(file: string, problem: ConfigProblem): string {
  if (problem.line === undefined) return formatProblem(file, problem);
  // The line is in front now; a YAML syntax error need not say it again.
  const message = problem.message.replace(
    new RegExp(`^YAML syntax error at line ${problem.line}, column (\\d+): `),
    'YAML syntax error (column $1): ',
  );
  return formatProblem(`${file}:${problem.line}`, { ...problem, message });
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  /** Display name of the config file, e.g. `autoexp.yml` (relative to the repository root when inside it). */
  readonly file: string;
  /** Every problem found; the fields below repeat the first one. */
  readonly problems: readonly ConfigProblem[];
  readonly keyPath: string;
  readonly line?: number;
  readonly column?: number;

  constructor(file: string, problems: readonly ConfigProblem[]) {
    if (problems.length === 0) throw new Error('ConfigError needs at least one problem');
    super(problems.map((problem) => formatProblem(file, problem)).join('\n'));
    const [first] = problems as [ConfigProblem, ...ConfigProblem[]];
    this.file = file;
    this.problems = problems;
    this.keyPath = first.keyPath;
    if (first.line !== undefined) this.line = first.line;
    if (first.column !== undefined) this.column = first.column;
  }

  /** Every problem on a line of its own, each with its line number where known (see formatProblemAt). */
  located(): string[] {
    return this.problems.map((problem) => formatProblemAt(this.file, problem));
  }
}
