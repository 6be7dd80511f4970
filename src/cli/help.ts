// What `autoexp --help` and `autoexp <command> --help` print, and the one usage line a usage error shows.
// The flags listed here are the flags args.ts accepts: it builds its parser options from this table.
import { wrap } from '../text/wrap.js';

export type CommandName = 'run' | 'status' | 'report' | 'init' | 'combine' | 'finalize' | 'pr' | 'demo';

export interface FlagHelp {
  /** Without the dashes: `experiments`. */
  name: string;
  /** The value's placeholder (`N`, `F`); absent for a switch. */
  value?: string;
  /** What it does, including its default. */
  text: string;
}

export interface CommandHelp {
  name: CommandName;
  /** One line for the list of commands. */
  summary: string;
  /** `autoexp run [--config F] …`. */
  usage: string;
  /** A paragraph on what the command does. */
  about: string;
  flags: readonly FlagHelp[];
  /** Command lines, each with an optional `# comment`. */
  examples: readonly string[];
}

const CONFIG_ONE: FlagHelp = {
  name: 'config',
  value: 'F',
  text: 'the setup file (default autoexp.yml)',
};

export const COMMANDS: readonly CommandHelp[] = [
  {
    name: 'run',
    summary: 'one session of experiments on autoexp/<tag>',
    usage:
      'autoexp run [--config F] [--experiments N] [--time D] [--push] [--remote NAME] [--track NAME] [--resume]',
    about:
      'Proposes a change to the files scope.modify names, commits it on autoexp/<tag>, runs eval.command, ' +
      'keeps the commit when the metric got better (otherwise undoes it) and logs a row in the ledger ' +
      '(results.tsv on the branch); then the next experiment, until the budget is spent. It works in a ' +
      'worktree of its own: your checkout, its branch and its files are not touched.',
    flags: [
      {
        ...CONFIG_ONE,
        text:
          'the setup file (default autoexp.yml). A quoted glob such as ' +
          "'autoexp/*.yml' names several programs; run takes the one whose last session is the oldest",
      },
      { name: 'experiments', value: 'N', text: 'experiments this session (default: budget.experiments)' },
      {
        name: 'time',
        value: 'D',
        text:
          'start no new experiment after D, e.g. 90s, 30m, 1h30m (default: budget.time); the one in ' +
          'flight still finishes',
      },
      {
        name: 'push',
        text:
          'push autoexp/<tag> to the remote after every experiment (never forced; nothing else is pushed), ' +
          'so the Action or another machine can carry on from it. A branch that exists only as ' +
          '<remote>/autoexp/<tag> (git fetch first) is continued rather than started again. Without ' +
          '--push everything stays in this repository',
      },
      {
        name: 'remote',
        value: 'NAME',
        text: 'the remote --push pushes to and continues from (default origin)',
      },
      {
        name: 'track',
        value: 'NAME',
        text:
          'run as the track NAME: on autoexp/<tag>.NAME with a ledger of its own, started from ' +
          'autoexp/<tag>. Several tracks search in parallel; `autoexp combine` replays what they kept',
      },
      {
        name: 'resume',
        text:
          'go on with a program paused by stop.plateau (as a "/autoexp resume" comment on the summary PR ' +
          'does); the plateau is counted afresh from here',
      },
    ],
    examples: [
      'autoexp run                                # budget.experiments experiments within budget.time',
      'autoexp run --experiments 3 --time 20m',
      'autoexp run --push                         # and publish autoexp/<tag> to origin after each one',
      "autoexp run --config 'autoexp/*.yml'       # the program whose last session is the oldest",
    ],
  },
  {
    name: 'status',
    summary: 'what the ledger on autoexp/<tag> says',
    usage: 'autoexp status [--config F] [--json]',
    about:
      "Reads the ledger on the local autoexp/<tag>, or on origin's copy when there is no local branch " +
      '(after the Action ran, `git fetch` is enough): the baseline, the best, the counts by status, ' +
      'whether the program is finished or paused (stop:), how many lessons it noted, and the last experiments.',
    flags: [
      {
        ...CONFIG_ONE,
        text:
          'the setup file (default autoexp.yml); a quoted glob lists every program it matches and which ' +
          'one the next run takes',
      },
      { name: 'json', text: 'the same as one JSON object (an array for a glob)' },
    ],
    examples: ['autoexp status', 'autoexp status --json', "autoexp status --config 'autoexp/*.yml'"],
  },
  {
    name: 'report',
    summary: "the summary PR's markdown, or one offline HTML page",
    usage: 'autoexp report [--config F] [--format md|html] [--out F]',
    about:
      'The report of the ledger on autoexp/<tag> (the local branch, else origin\'s copy): "md" is the ' +
      'body of the summary PR, with a Mermaid chart; "html" is one self-contained page with charts, the ' +
      'kept experiments with their diffs and every experiment, that needs no network.',
    flags: [
      { ...CONFIG_ONE, text: 'the setup file (default autoexp.yml; one file, not a glob)' },
      { name: 'format', value: 'md|html', text: 'md (the default) or html' },
      { name: 'out', value: 'F', text: 'write the report to F instead of printing it' },
    ],
    examples: ['autoexp report > report.md', 'autoexp report --format html --out report.html'],
  },
  {
    name: 'init',
    summary: 'write autoexp.yml, program.md and a workflow (never overwrites)',
    usage: 'autoexp init',
    about:
      'Writes a starting point at the top of this git repository: autoexp.yml (the setup), program.md ' +
      '(the research strategy, in prose) and .github/workflows/autoexp.yml (a nightly run of the ' +
      "Action). It fills in what it can tell from the repository: base is the repository's default " +
      'branch, scope.modify a lone JSON, YAML or TOML file at the top, and an existing npm test, ' +
      'pytest, make test or bench script is suggested for eval.command. A file that exists is never ' +
      'overwritten. Then edit the files and commit the three of them on the default branch.',
    flags: [],
    examples: ['autoexp init'],
  },
  {
    name: 'combine',
    summary: 'replay the kept commits of tracks onto autoexp/<tag>',
    usage: 'autoexp combine --tracks a,b,c [--config F] [--push]',
    about:
      'A session on autoexp/<tag> whose experiments replay the kept commits of each track ' +
      "(autoexp/<tag>.<track>: the local branch, else origin's copy), the track with the most gain " +
      'first. Each one is measured again and kept only when it still improves.',
    flags: [
      { name: 'tracks', value: 'a,b,c', text: 'the tracks to combine (required)' },
      CONFIG_ONE,
      { name: 'push', text: 'push autoexp/<tag> to origin after every experiment' },
    ],
    examples: ['autoexp combine --tracks a,b,c', 'autoexp combine --tracks fast,safe --push'],
  },
  {
    name: 'finalize',
    summary: 'the best experiment as one commit on base, on autoexp-final/<tag>',
    usage: 'autoexp finalize [--config F] [--push]',
    about:
      'Makes the branch autoexp-final/<tag> from base with only the changes of the best experiment to the ' +
      'files in scope.modify, as one commit whose message lists the kept experiments and what each gained. ' +
      'The ledger stays on autoexp/<tag>, so merging this branch brings only the winning files into base. ' +
      "Base is autoexp.yml's base, else the branch you are on. An earlier autoexp-final/<tag> is replaced " +
      'only while its head is still the commit finalize made; commits on top of it are never lost.',
    flags: [
      { ...CONFIG_ONE, text: 'the setup file (default autoexp.yml; one file, not a glob)' },
      {
        name: 'push',
        text:
          "build it on origin's base and push autoexp-final/<tag> to origin (replacing only finalize's own " +
          'earlier commit, with a lease; base is never pushed)',
      },
    ],
    examples: [
      'autoexp finalize                           # then: git switch main && git merge autoexp-final/<tag>',
      'autoexp finalize --push                    # and open a PR from autoexp-final/<tag>',
    ],
  },
  {
    name: 'pr',
    summary: 'open or update the summary PR from this machine',
    usage: 'autoexp pr [--config F]',
    about:
      'Opens the summary pull request of autoexp/<tag> into base on GitHub, or updates the one that is ' +
      "open, with the same title and body the Action writes. It works from origin's copy of the branch " +
      '(push it first: autoexp run --push). The repository is the one the origin remote names ' +
      '(github.com or GitHub Enterprise; GITHUB_API_URL overrides the API address); the token comes from ' +
      'GITHUB_TOKEN, else from the GitHub CLI (gh auth token).',
    flags: [{ ...CONFIG_ONE, text: 'the setup file (default autoexp.yml; one file, not a glob)' }],
    examples: [
      'autoexp pr                                 # after autoexp run --push',
      'autoexp pr --config autoexp/speed.yml      # token: GITHUB_TOKEN, else gh auth token',
    ],
  },
  {
    name: 'demo',
    summary: 'run a bundled example in a temp repository (offline, no API key, but prompt-accuracy)',
    usage: 'autoexp demo [--example NAME] [--experiments N]',
    about:
      "Copies one of autoexp's examples into a new temp git repository and runs a session there, so " +
      'you can watch the loop and look at the branch and ledger it leaves. Nothing of yours is touched.',
    flags: [
      {
        name: 'example',
        value: 'NAME',
        text: 'which example (default cache-demo; an unknown name lists them)',
      },
      { name: 'experiments', value: 'N', text: "experiments to run (default: the example's budget)" },
    ],
    examples: ['autoexp demo', 'autoexp demo --example regex-f1'],
  },
];

export const COMMAND_NAMES: readonly CommandName[] = COMMANDS.map((command) => command.name);

export function commandHelp(name: CommandName): CommandHelp {
  return COMMANDS.find((command) => command.name === name)!;
}

export const GLOBAL_USAGE = 'autoexp <command> [options]';

/** `autoexp --help`. */
export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `Usage: ${GLOBAL_USAGE}`,
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  -h, --help     this help; `autoexp <command> --help` for what a command takes, with examples',
    '  -v, --version  the version',
    '',
    'New here? `autoexp demo` shows the loop on an example; `autoexp init` sets up your repository.',
    '',
  ].join('\n');
}

const HELP_FLAG: FlagHelp = { name: 'help', text: 'this help' };

/** `autoexp run --help`. */
export function formatCommandHelp(name: CommandName): string {
  const command = commandHelp(name);
  const flags = [...command.flags, HELP_FLAG].map((flag) => ({
    left: `${flag.name === 'help' ? '-h, ' : ''}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`,
    text: flag.text,
  }));
  const width = Math.max(...flags.map((flag) => flag.left.length)) + 2;
  const lines = [
    `autoexp ${command.name}: ${command.summary}`,
    '',
    `Usage: ${command.usage}`,
    '',
    ...wrap(command.about, 100),
    '',
    'Options:',
  ];
  for (const flag of flags) {
    const [first = '', ...rest] = wrap(flag.text, 100 - width - 2);
    lines.push(
      `  ${flag.left.padEnd(width)}${first}`,
      ...rest.map((line) => `  ${' '.repeat(width)}${line}`),
    );
  }
  lines.push('', 'Examples:', ...command.examples.map((example) => `  ${example}`), '');
  return lines.join('\n');
}
