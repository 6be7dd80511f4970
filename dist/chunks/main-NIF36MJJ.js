#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  CliError,
  combineCommand,
  reportCommand,
  runCommand,
  statusCommand
} from "./chunk-TU6LWZVU.js";
import {
  wrap
} from "./chunk-TXIX3HVT.js";
import {
  ConfigError,
  Git,
  GitError,
  LedgerError,
  ProgramsError,
  SetupError,
  closestMatch,
  didYouMean,
  durationProblem,
  experimentsProblem,
  isConfigPattern,
  parseDuration,
  require_dist,
  runnerText,
  trackNameProblem
} from "./chunk-52OXQX7M.js";
import "./chunk-UA3XOMH2.js";
import "./chunk-KBKQDR6O.js";
import "./chunk-BN6DFJJ5.js";
import {
  __toESM
} from "./chunk-EWQXPLVQ.js";

// src/cli/args.ts
import { parseArgs } from "node:util";

// src/cli/help.ts
var CONFIG_ONE = {
  name: "config",
  value: "F",
  text: "the setup file (default autoexp.yml)"
};
var COMMANDS = [
  {
    name: "run",
    summary: "one session of experiments on autoexp/<tag>",
    usage: "autoexp run [--config F] [--experiments N] [--time D] [--push] [--remote NAME] [--track NAME] [--resume]",
    about: "Proposes a change to the files scope.modify names, commits it on autoexp/<tag>, runs eval.command, keeps the commit when the metric got better (otherwise undoes it) and logs a row in the ledger (results.tsv on the branch); then the next experiment, until the budget is spent. It works in a worktree of its own: your checkout, its branch and its files are not touched.",
    flags: [
      {
        ...CONFIG_ONE,
        text: "the setup file (default autoexp.yml). A quoted glob such as 'autoexp/*.yml' names several programs; run takes the one whose last session is the oldest"
      },
      { name: "experiments", value: "N", text: "experiments this session (default: budget.experiments)" },
      {
        name: "time",
        value: "D",
        text: "start no new experiment after D, e.g. 90s, 30m, 1h30m (default: budget.time); the one in flight still finishes"
      },
      {
        name: "push",
        text: "push autoexp/<tag> to the remote after every experiment (never forced; nothing else is pushed), so the Action or another machine can carry on from it. A branch that exists only as <remote>/autoexp/<tag> (git fetch first) is continued rather than started again. Without --push everything stays in this repository"
      },
      {
        name: "remote",
        value: "NAME",
        text: "the remote --push pushes to and continues from (default origin)"
      },
      {
        name: "track",
        value: "NAME",
        text: "run as the track NAME: on autoexp/<tag>.NAME with a ledger of its own, started from autoexp/<tag>. Several tracks search in parallel; `autoexp combine` replays what they kept"
      },
      {
        name: "resume",
        text: 'go on with a program paused by stop.plateau (as a "/autoexp resume" comment on the summary PR does); the plateau is counted afresh from here'
      }
    ],
    examples: [
      "autoexp run                                # budget.experiments experiments within budget.time",
      "autoexp run --experiments 3 --time 20m",
      "autoexp run --push                         # and publish autoexp/<tag> to origin after each one",
      "autoexp run --config 'autoexp/*.yml'       # the program whose last session is the oldest"
    ]
  },
  {
    name: "status",
    summary: "what the ledger on autoexp/<tag> says",
    usage: "autoexp status [--config F] [--json]",
    about: "Reads the ledger on the local autoexp/<tag>, or on origin's copy when there is no local branch (after the Action ran, `git fetch` is enough): the baseline, the best, the counts by status, whether the program is finished or paused (stop:), how many lessons it noted, and the last experiments.",
    flags: [
      {
        ...CONFIG_ONE,
        text: "the setup file (default autoexp.yml); a quoted glob lists every program it matches and which one the next run takes"
      },
      { name: "json", text: "the same as one JSON object (an array for a glob)" }
    ],
    examples: ["autoexp status", "autoexp status --json", "autoexp status --config 'autoexp/*.yml'"]
  },
  {
    name: "report",
    summary: "the summary PR's markdown, or one offline HTML page",
    usage: "autoexp report [--config F] [--format md|html] [--out F]",
    about: `The report of the ledger on autoexp/<tag> (the local branch, else origin's copy): "md" is the body of the summary PR, with a Mermaid chart; "html" is one self-contained page with charts, the kept experiments with their diffs and every experiment, that needs no network.`,
    flags: [
      { ...CONFIG_ONE, text: "the setup file (default autoexp.yml; one file, not a glob)" },
      { name: "format", value: "md|html", text: "md (the default) or html" },
      { name: "out", value: "F", text: "write the report to F instead of printing it" }
    ],
    examples: ["autoexp report > report.md", "autoexp report --format html --out report.html"]
  },
  {
    name: "init",
    summary: "write autoexp.yml, program.md and a workflow (never overwrites)",
    usage: "autoexp init",
    about: "Writes a starting point at the top of this git repository: autoexp.yml (the setup), program.md (the research strategy, in prose) and .github/workflows/autoexp.yml (a nightly run of the Action). It fills in what it can tell from the repository: base is the repository's default branch, scope.modify a lone JSON, YAML or TOML file at the top, and an existing npm test, pytest, make test or bench script is suggested for eval.command. A file that exists is never overwritten. Then edit the files and commit the three of them on the default branch.",
    flags: [],
    examples: ["autoexp init"]
  },
  {
    name: "combine",
    summary: "replay the kept commits of tracks onto autoexp/<tag>",
    usage: "autoexp combine --tracks a,b,c [--config F] [--push]",
    about: "A session on autoexp/<tag> whose experiments replay the kept commits of each track (autoexp/<tag>.<track>: the local branch, else origin's copy), the track with the most gain first. Each one is measured again and kept only when it still improves.",
    flags: [
      { name: "tracks", value: "a,b,c", text: "the tracks to combine (required)" },
      CONFIG_ONE,
      { name: "push", text: "push autoexp/<tag> to origin after every experiment" }
    ],
    examples: ["autoexp combine --tracks a,b,c", "autoexp combine --tracks fast,safe --push"]
  },
  {
    name: "finalize",
    summary: "the best experiment as one commit on base, on autoexp-final/<tag>",
    usage: "autoexp finalize [--config F] [--push]",
    about: "Makes the branch autoexp-final/<tag> from base with only the changes of the best experiment to the files in scope.modify, as one commit whose message lists the kept experiments and what each gained. The ledger stays on autoexp/<tag>, so merging this branch brings only the winning files into base. Base is autoexp.yml's base, else the branch you are on. An earlier autoexp-final/<tag> is replaced only while its head is still the commit finalize made; commits on top of it are never lost.",
    flags: [
      { ...CONFIG_ONE, text: "the setup file (default autoexp.yml; one file, not a glob)" },
      {
        name: "push",
        text: "build it on origin's base and push autoexp-final/<tag> to origin (replacing only finalize's own earlier commit, with a lease; base is never pushed)"
      }
    ],
    examples: [
      "autoexp finalize                           # then: git switch main && git merge autoexp-final/<tag>",
      "autoexp finalize --push                    # and open a PR from autoexp-final/<tag>"
    ]
  },
  {
    name: "pr",
    summary: "open or update the summary PR from this machine",
    usage: "autoexp pr [--config F]",
    about: "Opens the summary pull request of autoexp/<tag> into base on GitHub, or updates the one that is open, with the same title and body the Action writes. It works from origin's copy of the branch (push it first: autoexp run --push). The repository is the one the origin remote names (github.com or GitHub Enterprise; GITHUB_API_URL overrides the API address); the token comes from GITHUB_TOKEN, else from the GitHub CLI (gh auth token).",
    flags: [{ ...CONFIG_ONE, text: "the setup file (default autoexp.yml; one file, not a glob)" }],
    examples: [
      "autoexp pr                                 # after autoexp run --push",
      "autoexp pr --config autoexp/speed.yml      # token: GITHUB_TOKEN, else gh auth token"
    ]
  },
  {
    name: "demo",
    summary: "run a bundled example in a temp repository (offline, no API key, but prompt-accuracy)",
    usage: "autoexp demo [--example NAME] [--experiments N]",
    about: "Copies one of autoexp's examples into a new temp git repository and runs a session there, so you can watch the loop and look at the branch and ledger it leaves. Nothing of yours is touched.",
    flags: [
      {
        name: "example",
        value: "NAME",
        text: "which example (default cache-demo; an unknown name lists them)"
      },
      { name: "experiments", value: "N", text: "experiments to run (default: the example's budget)" }
    ],
    examples: ["autoexp demo", "autoexp demo --example regex-f1"]
  }
];
var COMMAND_NAMES = COMMANDS.map((command) => command.name);
function commandHelp(name) {
  return COMMANDS.find((command) => command.name === name);
}
var GLOBAL_USAGE = "autoexp <command> [options]";
function globalHelp() {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `Usage: ${GLOBAL_USAGE}`,
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "Options:",
    "  -h, --help     this help; `autoexp <command> --help` for what a command takes, with examples",
    "  -v, --version  the version",
    "",
    "New here? `autoexp demo` shows the loop on an example; `autoexp init` sets up your repository.",
    ""
  ].join("\n");
}
var HELP_FLAG = { name: "help", text: "this help" };
function formatCommandHelp(name) {
  const command = commandHelp(name);
  const flags = [...command.flags, HELP_FLAG].map((flag) => ({
    left: `${flag.name === "help" ? "-h, " : ""}--${flag.name}${flag.value ? ` ${flag.value}` : ""}`,
    text: flag.text
  }));
  const width = Math.max(...flags.map((flag) => flag.left.length)) + 2;
  const lines = [
    `autoexp ${command.name}: ${command.summary}`,
    "",
    `Usage: ${command.usage}`,
    "",
    ...wrap(command.about, 100),
    "",
    "Options:"
  ];
  for (const flag of flags) {
    const [first = "", ...rest] = wrap(flag.text, 100 - width - 2);
    lines.push(
      `  ${flag.left.padEnd(width)}${first}`,
      ...rest.map((line) => `  ${" ".repeat(width)}${line}`)
    );
  }
  lines.push("", "Examples:", ...command.examples.map((example) => `  ${example}`), "");
  return lines.join("\n");
}

// src/cli/args.ts
var UsageError = class extends Error {
  constructor(message, command) {
    super(message);
    this.command = command;
  }
  command;
  name = "UsageError";
};
var DEFAULTS = {
  config: "autoexp.yml",
  remote: "origin",
  format: "md",
  push: false,
  json: false,
  resume: false
};
function positiveInteger(flag, text) {
  if (text === void 0) return void 0;
  if (!/^[1-9][0-9]*$/.test(text))
    throw new UsageError(`${flag} wants a whole number of 1 or more, got "${text}"`);
  const tooMany = experimentsProblem(Number(text));
  if (tooMany) throw new UsageError(`${flag} ${text} ${tooMany}`);
  return Number(text);
}
function trackName(flag, name) {
  const problem = name === void 0 ? void 0 : trackNameProblem(name);
  if (problem) throw new UsageError(`${flag}: ${problem}`);
  return name;
}
function isCommandName(name) {
  return COMMAND_NAMES.includes(name);
}
function asksForHelp(args) {
  for (const arg of args) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}
function commandsWithFlag(flag, except) {
  return COMMANDS.filter(
    (command) => command.name !== except && command.flags.some((known) => known.name === flag)
  ).map((command) => command.name);
}
function describeParseError(command, error) {
  const flags = commandHelp(command).flags.map((flag) => flag.name);
  const message = error.message.split("\n")[0];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const given = /Unknown option '([^']+)'/.exec(message)?.[1] ?? message;
    const bare = given.replace(/^-+/, "");
    const close = given.startsWith("--") ? closestMatch(bare, [...flags, "help"]) : void 0;
    if (close !== void 0) return `unknown option ${given} (did you mean --${close}?)`;
    const elsewhere = commandsWithFlag(bare, command);
    if (elsewhere.length > 0)
      return `${command} takes no ${given} (that is an option of ${elsewhere.join(", ")})`;
    return flags.length === 0 ? `${command} takes no options, got ${given}` : `unknown option ${given}; ${command} takes ${flags.map((flag) => `--${flag}`).join(", ")}`;
  }
  if (error.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const given = /Unexpected argument '([^']*)'/.exec(message)?.[1] ?? "";
    return `unexpected argument "${given}"; ${command} takes only options`;
  }
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const flag = /Option '(-[^ ']+)/.exec(message)?.[1] ?? "";
    const spec = commandHelp(command).flags.find((known) => `--${known.name}` === flag);
    if (/does not take an argument/.test(message)) return `${flag} takes no value`;
    if (spec?.value) return `${flag} needs a value: ${flag} ${spec.value}`;
  }
  return message.replace(/^./, (first) => first.toLowerCase());
}
function parseFlags(command, args) {
  const options = {};
  for (const flag of commandHelp(command).flags) {
    const type = flag.value === void 0 ? "boolean" : "string";
    const fallback = DEFAULTS[flag.name];
    options[flag.name] = fallback === void 0 ? { type } : type === "boolean" ? { type, default: Boolean(fallback) } : { type, default: String(fallback) };
  }
  try {
    return parseArgs({ args: [...args], options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError(describeParseError(command, error), command);
  }
}
function parseCommandLine(argv) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "-h" || name === "--help") return { name: "help" };
  if (name === "help") {
    const about = rest[0];
    if (about === void 0) return { name: "help" };
    if (!isCommandName(about)) throw unknownCommand(about);
    return { name: "help", command: about };
  }
  if (name === "-v" || name === "--version") return { name: "version" };
  if (!isCommandName(name)) throw unknownCommand(name);
  if (asksForHelp(rest)) return { name: "help", command: name };
  try {
    return parseCommand(name, parseFlags(name, rest));
  } catch (error) {
    if (error instanceof UsageError && error.command === void 0) throw new UsageError(error.message, name);
    throw error;
  }
}
function unknownCommand(name) {
  const hint = name.startsWith("-") ? ` (options go after the command, e.g. autoexp run ${name})` : didYouMean(name, COMMAND_NAMES);
  return new UsageError(`unknown command "${name}"${hint}; the commands are ${COMMAND_NAMES.join(", ")}`);
}
function parseCommand(name, values) {
  const text = (flag) => typeof values[flag] === "string" ? values[flag] : void 0;
  switch (name) {
    case "run": {
      let timeMs;
      const time = text("time");
      if (time !== void 0) {
        timeMs = parseDuration(time);
        if (timeMs === void 0)
          throw new UsageError(`--time wants a duration like 90s, 5m or 1h30m, got "${time}"`);
        const tooLong = durationProblem(timeMs);
        if (tooLong) throw new UsageError(`--time "${time}" ${tooLong}`);
      }
      return {
        name: "run",
        config: String(values.config),
        experiments: positiveInteger("--experiments", text("experiments")),
        timeMs,
        push: Boolean(values.push),
        remote: String(values.remote),
        track: trackName("--track", text("track")),
        resume: Boolean(values.resume)
      };
    }
    case "status":
      return { name: "status", config: String(values.config), json: Boolean(values.json) };
    case "report": {
      if (isConfigPattern(String(values.config))) {
        throw new UsageError(
          `report is about one program; pass one file to --config, not the pattern "${String(values.config)}"`
        );
      }
      if (values.format !== "md" && values.format !== "html") {
        throw new UsageError(`--format wants md or html, got "${String(values.format)}"`);
      }
      return { name: "report", config: String(values.config), format: values.format, out: text("out") };
    }
    case "init":
      return { name: "init" };
    case "combine": {
      const tracks = text("tracks");
      if (tracks === void 0 || tracks.trim() === "") throw new UsageError("combine needs --tracks a,b,c");
      return {
        name: "combine",
        config: String(values.config),
        tracks: [
          ...new Set(
            tracks.split(",").map((track) => track.trim()).filter(Boolean).map((track) => trackName("--tracks", track))
          )
        ],
        push: Boolean(values.push)
      };
    }
    case "finalize":
    case "pr": {
      if (isConfigPattern(String(values.config))) {
        throw new UsageError(
          `${name} is about one program; pass one file to --config, not the pattern "${String(values.config)}"`
        );
      }
      return name === "pr" ? { name, config: String(values.config) } : { name, config: String(values.config), push: Boolean(values.push) };
    }
    case "demo": {
      const example = text("example");
      return {
        name: "demo",
        ...example === void 0 ? {} : { example },
        experiments: positiveInteger("--experiments", text("experiments"))
      };
    }
  }
}
function usageHint(command) {
  return command === void 0 ? `usage: autoexp <command> [options]
autoexp --help for more` : `usage: ${commandHelp(command).usage}
autoexp ${command} --help for more`;
}

// src/cli/demo.ts
import { existsSync, readdirSync } from "node:fs";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var DEMO_EXAMPLE = "cache-demo";
var AUTOEXP_COMMAND_FILE = join("harness", "autoexp-command.txt");
function examplesDir() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, "examples");
    if (existsSync(join(candidate, DEMO_EXAMPLE, "autoexp.yml"))) return candidate;
    dir = dirname(dir);
  }
  return void 0;
}
function exampleNames() {
  const dir = examplesDir();
  if (!dir) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "autoexp.yml"))).map((entry) => entry.name).sort();
}
function findExample(name) {
  const dir = examplesDir();
  if (!dir) throw new Error(`the bundled example "${name}" is missing from this installation`);
  if (!exampleNames().includes(name)) {
    throw new CliError(`no example "${name}"; the examples are: ${exampleNames().join(", ")}`);
  }
  return join(dir, name);
}
var EXAMPLE_NEEDS = {
  "prompt-accuracy": {
    variable: "EVAL_MODEL",
    advice: "its eval asks a model through an OpenAI-compatible endpoint: set EVAL_MODEL, and EVAL_BASE_URL and EVAL_API_KEY unless the defaults fit (examples/prompt-accuracy/README.md)"
  }
};
var shellQuoted = (text) => `'${text.replaceAll("'", `'\\''`)}'`;
function runningCli() {
  const script = process.argv[1];
  return script ? `${shellQuoted(process.execPath)} ${shellQuoted(script)}` : void 0;
}
async function createExampleRepository(name, options = {}) {
  const root = await mkdtemp(join(tmpdir(), `autoexp-${name}-`));
  await cp(findExample(name), root, { recursive: true });
  const commandFile = join(root, AUTOEXP_COMMAND_FILE);
  if (options.autoexpCommand !== void 0 && existsSync(commandFile)) {
    const comments = (await readFile(commandFile, "utf8")).split("\n").filter((line) => line.startsWith("#"));
    await writeFile(commandFile, [...comments, options.autoexpCommand, ""].join("\n"));
  }
  const git = await Git.init(root, { name: "autoexp demo", email: "demo@autoexp.invalid" });
  await git.commitEverything(`the ${name} example`);
  return root;
}
async function demoCommand(io, options) {
  const name = options.example ?? DEMO_EXAMPLE;
  findExample(name);
  const needs = EXAMPLE_NEEDS[name];
  if (needs && !io.env[needs.variable])
    throw new CliError(`the ${name} example needs a model: ${needs.advice}`);
  const root = await createExampleRepository(name, { autoexpCommand: runningCli() });
  io.stdout.write(`autoexp demo: the ${name} example is in ${root}
`);
  io.stdout.write(
    name === DEMO_EXAMPLE ? "autoexp demo: mutate (offline, no API key) tunes cache_config.yaml; each line is one experiment\n\n" : `autoexp demo: its README.md says what it tunes and how; each line is one experiment

`
  );
  const { exitCode, result } = await runCommand(
    { ...io, cwd: root },
    { config: "autoexp.yml", experiments: options.experiments, push: false, remote: "origin" }
  );
  if (result) {
    io.stdout.write(
      [
        `Look around:`,
        `  cd ${root}`,
        `  node ${process.argv[1] ?? "dist/cli.js"} status       # the ledger, summarized`,
        `  git log --oneline ${result.branch}        # kept experiments and ledger commits`,
        `  git show ${result.branch}:.autoexp/${result.tag}/results.tsv`,
        ""
      ].join("\n")
    );
  }
  return exitCode;
}

// src/cli/init.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync as existsSync2, readdirSync as readdirSync2, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname2, join as join2, relative, sep } from "node:path";

// src/cli/templates.ts
var DEFAULT_TAG = "my-first-run";
var DEFAULT_EVAL_COMMAND = "./evaluate.sh";
function scalar(text) {
  return /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(text) && !/^(true|false|yes|no|on|off|null|~)$/i.test(text) ? text : JSON.stringify(text);
}
function commented(line, comment) {
  return `${line.padEnd(30)} # ${comment}`;
}
function configTemplate(choices) {
  const lines = [
    "# autoexp setup \u2014 see the README for every key.",
    "# The branch is autoexp/<tag> and the results go to .autoexp/<tag>/. The workflow names its",
    "# concurrency group after the tag (autoexp-<tag>): change the two together.",
    `tag: ${scalar(choices.tag)}`
  ];
  if (choices.base) {
    lines.push(
      commented(`base: ${scalar(choices.base.branch)}`, `where autoexp/<tag> starts (${choices.base.from})`)
    );
  }
  lines.push("scope:");
  if (choices.scope) {
    lines.push(
      commented(
        `  modify: [${scalar(choices.scope)}]`,
        "the ONLY files an experiment may change (the one config file at the top)"
      )
    );
  } else {
    lines.push(commented("  modify: [config.yaml]", "the ONLY files an experiment may change"));
    if (choices.scopeCandidates.length > 0) {
      lines.push(`  # config files at the top of this repository: ${choices.scopeCandidates.join(", ")}`);
    }
  }
  lines.push(
    commented("  context: []", "read-only files worth showing to the proposer"),
    "eval:",
    commented(`  command: ${DEFAULT_EVAL_COMMAND}`, 'immutable; prints e.g. "score: 0.731"')
  );
  const commands = choices.evalSuggestions.filter((suggestion) => suggestion.key === "command");
  const guards = choices.evalSuggestions.filter((suggestion) => suggestion.key === "guard");
  if (commands.length > 0) {
    lines.push(
      '  # Found in this repository; one of them fits if it prints the metric as "score: <number>":'
    );
    for (const suggestion of commands)
      lines.push(commented(`  # command: ${suggestion.command}`, `from ${suggestion.from}`));
  }
  if (guards.length > 0) {
    lines.push("  # Tests make a good guard: a candidate is kept only when the guard passes.");
    for (const suggestion of guards)
      lines.push(commented(`  # guard: ${suggestion.command}`, `from ${suggestion.from}`));
  }
  lines.push(
    "  timeout: 5m",
    "  repeats: 1",
    "metrics:",
    "  - name: score",
    "    goal: maximize",
    "budget:",
    commented("  experiments: 5", "per session (one workflow run)"),
    "  time: 45m",
    "# stop:",
    commented("#   target: 0.95", "the program ends once score reaches it"),
    commented("#   plateau: 30", "pause after this many experiments in a row without a keep"),
    "proposer:",
    commented("  kind: mutate", "offline numeric search; or: command (a coding agent), llm"),
    "  seed: 1",
    ""
  );
  return lines.join("\n");
}
var PROGRAM_TEMPLATE = `# Research strategy

What we are optimizing and why. What to try first, what not to try, and what a good change looks like.

- Goal: raise \`score\` (printed by ./evaluate.sh) without breaking anything.
- Ideas worth trying: \u2026
- Do not: \u2026
`;
function workflowTemplate(tag) {
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
  group: autoexp-${tag}${" ".repeat(Math.max(1, 20 - tag.length))}# autoexp-<tag>, the tag in autoexp.yml: change the two together
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

// src/cli/init.ts
var CONFIG = "autoexp.yml";
var PROGRAM = "program.md";
var WORKFLOW = ".github/workflows/autoexp.yml";
var TAG = /^[a-z0-9][a-z0-9._-]{0,62}$/;
async function initCommand(cwd, out) {
  const repo = Git.at(cwd);
  const workTree = await repo.describeWorkTree();
  if (workTree === void 0) {
    throw new CliError(
      `${cwd} is not inside a git repository, and autoexp keeps its branch and ledger in git; run \`git init\` (and commit your files) first. Nothing was written`
    );
  }
  const root = workTree.topLevel;
  const base = defaultBranch(await repo.refs(), workTree.branch);
  const existing = readExistingTag(join2(root, CONFIG));
  const choices = {
    tag: existing.tag ?? DEFAULT_TAG,
    ...base ? { base } : {},
    ...findScope(root),
    evalSuggestions: findEvalCommands(root)
  };
  const shown = (path) => relative(cwd, join2(root, path)).split(sep).join("/") || ".";
  if (relative(cwd, root) !== "") out.write(`autoexp: writing at the top of the repository, ${root}
`);
  const files = [
    [CONFIG, configTemplate(choices)],
    [PROGRAM, PROGRAM_TEMPLATE],
    [WORKFLOW, workflowTemplate(choices.tag)]
  ];
  const wrote = /* @__PURE__ */ new Set();
  for (const [path, content] of files) {
    const target = join2(root, path);
    await mkdir(dirname2(target), { recursive: true });
    try {
      await writeFile2(target, content, { flag: "wx" });
      wrote.add(path);
      out.write(`autoexp: wrote ${shown(path)}
`);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      out.write(`autoexp: kept ${shown(path)} (it exists; nothing overwritten)
`);
    }
  }
  if (existing.unreadable && wrote.has(WORKFLOW)) {
    out.write(
      `autoexp: the tag in the existing ${CONFIG} could not be read; in ${WORKFLOW} set concurrency.group to autoexp-<tag>
`
    );
  }
  out.write(closingLines({ choices, base, workTree, shown, wrote }).join("\n") + "\n");
  return 0;
}
function closingLines(context) {
  const { choices, base, workTree, shown, wrote } = context;
  const lines = [];
  if (wrote.has(CONFIG)) {
    const edit = choices.scope ? `check scope.modify (${choices.scope}), then set eval.command and metrics` : "set scope.modify, eval.command and metrics";
    lines.push(`autoexp: next, in ${shown(CONFIG)} ${edit}.`);
  }
  if (wrote.has(PROGRAM)) lines.push(`autoexp: describe your research strategy in ${shown(PROGRAM)}.`);
  lines.push("autoexp: `autoexp run` tries the setup here, on a branch of its own.");
  if (wrote.has(WORKFLOW)) {
    lines.push(
      `autoexp: in ${shown(WORKFLOW)}, replace the placeholder autoexp/autoexp@v0 with <owner>/<repo>@<tag or sha> of the repository that holds the action (README, Install).`
    );
  }
  if (!workTree.hasCommits) {
    lines.push("autoexp: this repository has no commits yet: commit your project files too (git add -A).");
  }
  const where = base?.branch ?? "the default branch";
  const onOther = base && workTree.branch !== void 0 && workTree.branch !== base.branch ? ` (you are on ${workTree.branch}: switch to ${base.branch} first, or merge it there)` : "";
  lines.push(
    `autoexp: the schedule runs only once the three files are committed on ${where}, the default branch, and pushed${onOther}:`,
    `  git add ${[CONFIG, PROGRAM, WORKFLOW].map(shown).join(" ")} && git commit -m "Set up autoexp (${choices.tag})"`
  );
  return lines;
}
function defaultBranch(refs, currentBranch) {
  const originHead = refs.get("refs/remotes/origin/HEAD");
  const target = originHead?.startsWith("ref: refs/remotes/origin/") ? originHead.slice("ref: refs/remotes/origin/".length) : void 0;
  if (target) return { branch: target, from: "the default branch: origin's HEAD" };
  if (currentBranch) return { branch: currentBranch, from: "the branch init ran on" };
  return void 0;
}
function readExistingTag(path) {
  if (!existsSync2(path)) return {};
  try {
    const tag = (0, import_yaml.parse)(readFileSync(path, "utf8"))?.tag;
    if (typeof tag === "string" && TAG.test(tag)) return { tag };
  } catch {
  }
  return { unreadable: true };
}
var NOT_SETTINGS = /* @__PURE__ */ new Set([
  "action.yml",
  "action.yaml",
  "angular.json",
  "app.json",
  "appveyor.yml",
  "azure-pipelines.yml",
  "babel.config.json",
  "biome.json",
  "buildspec.yml",
  "cargo.toml",
  "chart.yaml",
  "cloudbuild.yaml",
  "codecov.yml",
  "compose.yaml",
  "compose.yml",
  "composer.json",
  "deno.json",
  "docker-compose.yaml",
  "docker-compose.yml",
  "environment.yml",
  "firebase.json",
  "fly.toml",
  "jsconfig.json",
  "lerna.json",
  "mkdocs.yml",
  "netlify.toml",
  "npm-shrinkwrap.json",
  "nx.json",
  "package-lock.json",
  "package.json",
  "pixi.toml",
  "pnpm-lock.yaml",
  "pnpm-workspace.yaml",
  "pyproject.toml",
  "renovate.json",
  "ruff.toml",
  "rust-toolchain.toml",
  "rustfmt.toml",
  "serverless.yml",
  "skaffold.yaml",
  "tox.toml",
  "turbo.json",
  "typos.toml",
  "vercel.json",
  "wrangler.toml",
  "_config.yml",
  CONFIG
]);
function isSettingsFile(name) {
  const lower = name.toLowerCase();
  return /\.(json|ya?ml|toml)$/.test(lower) && !lower.startsWith(".") && !lower.startsWith("tsconfig") && !NOT_SETTINGS.has(lower);
}
function topLevelFiles(root) {
  try {
    return readdirSync2(root, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
}
function findScope(root) {
  const candidates = topLevelFiles(root).filter(isSettingsFile);
  if (candidates.length === 1) return { scope: candidates[0], scopeCandidates: [] };
  return { scopeCandidates: candidates.slice(0, 6) };
}
function readText(path) {
  try {
    return statSync(path).isFile() ? readFileSync(path, "utf8") : void 0;
  } catch {
    return void 0;
  }
}
function isExecutable(path) {
  try {
    return (statSync(path).mode & 73) !== 0;
  } catch {
    return false;
  }
}
var NO_TEST_SPECIFIED = /no test specified/;
function findEvalCommands(root) {
  const found = [];
  const files = topLevelFiles(root);
  for (const name of files) {
    const match = /^(bench|benchmark|evaluate|eval)\.(sh|py|js|mjs)$/.exec(name);
    if (!match) continue;
    const shell = isExecutable(join2(root, name)) ? `./${name}` : `bash ${name}`;
    const run = { sh: shell, py: `python3 ${name}`, js: `node ${name}`, mjs: `node ${name}` }[match[2]];
    if (run !== DEFAULT_EVAL_COMMAND) found.push({ key: "command", command: run, from: name });
  }
  const manifest = readText(join2(root, "package.json"));
  if (manifest !== void 0) {
    let scripts = {};
    try {
      scripts = JSON.parse(manifest).scripts ?? {};
    } catch {
    }
    for (const name of ["bench", "benchmark"]) {
      if (typeof scripts[name] === "string")
        found.push({ key: "command", command: `npm run ${name}`, from: `package.json scripts.${name}` });
    }
    if (typeof scripts.test === "string" && !NO_TEST_SPECIFIED.test(scripts.test))
      found.push({ key: "guard", command: "npm test", from: "package.json scripts.test" });
  }
  const makefile = ["GNUmakefile", "makefile", "Makefile"].find((name) => files.includes(name));
  const make = makefile === void 0 ? void 0 : readText(join2(root, makefile));
  if (makefile !== void 0 && make !== void 0) {
    for (const target of ["bench", "benchmark"]) {
      if (new RegExp(`^${target}\\s*:`, "m").test(make))
        found.push({ key: "command", command: `make ${target}`, from: makefile });
    }
    if (/^test\s*:/m.test(make)) found.push({ key: "guard", command: "make test", from: makefile });
  }
  const pytest = pytestConfig(root, files);
  if (pytest) found.push({ key: "guard", command: "pytest -q", from: pytest });
  return found;
}
function pytestConfig(root, files) {
  if (files.includes("pytest.ini")) return "pytest.ini";
  if (files.includes("conftest.py")) return "conftest.py";
  if (/^\[tool\.pytest/m.test(readText(join2(root, "pyproject.toml")) ?? "")) return "pyproject.toml";
  if (/^\[tool:pytest\]/m.test(readText(join2(root, "setup.cfg")) ?? "")) return "setup.cfg";
  if (/^\[pytest\]/m.test(readText(join2(root, "tox.ini")) ?? "")) return "tox.ini";
  for (const dir of ["tests", "test"]) {
    const tests = topLevelFiles(join2(root, dir));
    if (tests.some((name) => /^test_.*\.py$|_test\.py$/.test(name))) return `${dir}/`;
  }
  return void 0;
}

// src/cli/version.ts
var VERSION = "0.1.0";

// src/cli/main.ts
async function dispatch(io, argv) {
  const command = parseCommandLine(argv);
  switch (command.name) {
    case "help":
      io.stdout.write(command.command === void 0 ? globalHelp() : formatCommandHelp(command.command));
      return 0;
    case "version":
      io.stdout.write(`${VERSION}
`);
      return 0;
    case "run":
      return (await runCommand(io, command)).exitCode;
    case "status":
      return statusCommand(io, command);
    case "report":
      return reportCommand(io, command);
    case "init":
      return initCommand(io.cwd, io.stdout);
    case "combine":
      return combineCommand(io, command);
    case "finalize":
      return (await import("./finalize-5XQTZXYR.js")).finalizeCommand(io, command);
    case "pr":
      return (await import("./pull-request-KVC2O5H2.js")).prCommand(io, command);
    case "demo":
      return demoCommand(io, command);
  }
}
function describeFailure(error) {
  if (error instanceof UsageError)
    return { message: `autoexp: ${error.message}
${usageHint(error.command)}`, exitCode: 2 };
  if (error instanceof ConfigError) {
    return {
      message: error.located().map((line) => `autoexp: ${line}`).join("\n"),
      exitCode: 1
    };
  }
  if (error instanceof LedgerError || error instanceof CliError || error instanceof ProgramsError || error instanceof SetupError) {
    return { message: `autoexp: ${error.message}`, exitCode: 1 };
  }
  if (error instanceof GitError) {
    const hint = /Author identity unknown|Please tell me who you are/.test(error.stderr) ? ' (set an identity: git config user.name "\u2026" && git config user.email "\u2026")' : "";
    return { message: `autoexp: ${error.message}${hint}`, exitCode: 1 };
  }
  return { message: `autoexp: unexpected error: ${error?.stack ?? String(error)}`, exitCode: 1 };
}
async function main(argv) {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (name) => {
    signals++;
    if (signals > 1) process.exit(130);
    process.stderr.write(`
autoexp: ${name}: stopping the experiment in flight and saving the ledger\u2026
`);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const onStdoutError = (error) => {
    if (error.code !== "EPIPE") throw error;
    if (!controller.signal.aborted) {
      process.stderr.write(
        "autoexp: the output pipe closed: stopping the experiment in flight and saving the ledger\u2026\n"
      );
      controller.abort();
    }
  };
  process.stdout.on("error", onStdoutError);
  const io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    signal: controller.signal
  };
  try {
    return await dispatch(io, argv);
  } catch (error) {
    const failure = describeFailure(error);
    process.stderr.write(`${runnerText(failure.message)}
`);
    return controller.signal.aborted ? 130 : failure.exitCode;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.stdout.off("error", onStdoutError);
    process.stdout.on("error", () => void 0);
  }
}
export {
  main
};
