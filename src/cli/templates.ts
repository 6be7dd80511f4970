// What `autoexp init` writes. Comments teach; values are a working starting point, filled in from what
// init could tell about the repository (see init.ts).

/** What init found out about the repository. */
export interface InitChoices {
  tag: string;
  /** The default branch, and how init knows it ("origin/HEAD", "the current branch"). */
  base?: { branch: string; from: string };
  /** A lone config file at the top of the repository: the likely thing to tune. */
  scope?: string;
  /** Several such files: listed in a comment, none chosen. */
  scopeCandidates: readonly string[];
  /** Commands the repository already has that could measure (eval.command) or check (eval.guard). */
  evalSuggestions: readonly EvalSuggestion[];
}

export interface EvalSuggestion {
  key: 'command' | 'guard';
  command: string;
  /** Where it was found: "package.json scripts.bench", "Makefile", … */
  from: string;
}

export const DEFAULT_TAG = 'my-first-run';
/** The eval.command the template writes; a script of that name needs no suggestion. */
export const DEFAULT_EVAL_COMMAND = './evaluate.sh';

/** A YAML scalar: plain when that reads back as the same string, else double-quoted. */
function scalar(text: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(text) && !/^(true|false|yes|no|on|off|null|~)$/i.test(text)
    ? text
    : JSON.stringify(text);
}

/** Two columns: a YAML line and its comment, the comments aligned as in the rest of the file. */
function commented(line: string, comment: string): string {
  return `${line.padEnd(30)} # ${comment}`;
}

export function configTemplate(choices: InitChoices): string {
  const lines = [
    '# autoexp setup — see the README for every key.',
    '# The branch is autoexp/<tag> and the results go to .autoexp/<tag>/. The workflow names its',
    '# concurrency group after the tag (autoexp-<tag>): change the two together.',
    `tag: ${scalar(choices.tag)}`,
  ];
  if (choices.base) {
    lines.push(
      commented(`base: ${scalar(choices.base.branch)}`, `where autoexp/<tag> starts (${choices.base.from})`),
    );
  }
  lines.push('scope:');
  if (choices.scope) {
    lines.push(
      commented(
        `  modify: [${scalar(choices.scope)}]`,
        'the ONLY files an experiment may change (the one config file at the top)',
      ),
    );
  } else {
    lines.push(commented('  modify: [config.yaml]', 'the ONLY files an experiment may change'));
    if (choices.scopeCandidates.length > 0) {
      lines.push(`  # config files at the top of this repository: ${choices.scopeCandidates.join(', ')}`);
    }
  }
  lines.push(
    commented('  context: []', 'read-only files worth showing to the proposer'),
    'eval:',
    commented(`  command: ${DEFAULT_EVAL_COMMAND}`, 'immutable; prints e.g. "score: 0.731"'),
  );
  const commands = choices.evalSuggestions.filter((suggestion) => suggestion.key === 'command');
  const guards = choices.evalSuggestions.filter((suggestion) => suggestion.key === 'guard');
  if (commands.length > 0) {
    lines.push(
      '  # Found in this repository; one of them fits if it prints the metric as "score: <number>":',
    );
    for (const suggestion of commands)
      lines.push(commented(`  # command: ${suggestion.command}`, `from ${suggestion.from}`));
  }
  if (guards.length > 0) {
    lines.push('  # Tests make a good guard: a candidate is kept only when the guard passes.');
    for (const suggestion of guards)
      lines.push(commented(`  # guard: ${suggestion.command}`, `from ${suggestion.from}`));
  }
  lines.push(
    '  timeout: 5m',
    '  repeats: 1',
    'metrics:',
    '  - name: score',
    '    goal: maximize',
    'budget:',
    commented('  experiments: 5', 'per session (one workflow run)'),
    '  time: 45m',
    '# stop:',
    commented('#   target: 0.95', 'the program ends once score reaches it'),
    commented('#   plateau: 30', 'pause after this many experiments in a row without a keep'),
    'proposer:',
    commented('  kind: mutate', 'offline numeric search; or: command (a coding agent), llm'),
    '  seed: 1',
    '',
  );
  return lines.join('\n');
}

export const PROGRAM_TEMPLATE = `# Research strategy

What we are optimizing and why. What to try first, what not to try, and what a good change looks like.

- Goal: raise \`score\` (printed by ./evaluate.sh) without breaking anything.
- Ideas worth trying: …
- Do not: …
`;

export function workflowTemplate(tag: string): string {
  return `# autoexp: a few experiments every night; the results arrive as one pull request.
# It runs on schedule only once it is on the default branch. More examples: docs/workflows.md in the
# autoexp repository; every input and output: docs/action.md.
name: autoexp
on:
  schedule:
    - cron: '17 3 * * *'       # off the hour: scheduled runs on the hour are delayed most
  workflow_dispatch:
    inputs:
      experiments:
        description: experiments to run (empty = budget.experiments)
        required: false
      time-budget:
        description: start no new experiment after this long, e.g. 30m (empty = budget.time)
        required: false
permissions:
  contents: write              # push autoexp/<tag>
  pull-requests: write         # open and update the summary PR
concurrency:
  group: autoexp-${tag}${' '.repeat(Math.max(1, 20 - tag.length))}# autoexp-<tag>, the tag in autoexp.yml: change the two together
  cancel-in-progress: false    # let a running session finish; the next one waits
jobs:
  autoexp:
    runs-on: ubuntu-latest
    timeout-minutes: 60        # budget.time (45m) + one more experiment (eval.timeout) + setup
    steps:
      - uses: actions/checkout@v5
      # autoexp/autoexp@v0 is a placeholder: autoexp is not published yet. Write <owner>/<repo>@<tag or
      # commit sha> of the GitHub repository that holds the action, e.g. your fork of autoexp.
      - uses: autoexp/autoexp@v0
        with:
          experiments: \${{ inputs.experiments }}
          time-budget: \${{ inputs.time-budget }}
          # api-key: \${{ secrets.ANTHROPIC_API_KEY }}   # a command proposer gets it as AUTOEXP_API_KEY
`;
}
