// Command-line parsing (README.md, CLI reference). Usage errors exit with code 2. The flags each command
// takes, and their help, are in help.ts.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseDuration } from '../config/duration.js';
import { durationProblem, experimentsProblem } from '../config/limits.js';
import { trackNameProblem } from '../config/track.js';
import { isConfigPattern } from '../config/programs.js';
import { closestMatch, didYouMean } from '../config/suggest.js';
import { COMMAND_NAMES, COMMANDS, commandHelp, type CommandName } from './help.js';

/** A mistake on the command line: main.ts prints it with the command's usage line and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    /** The command whose usage line goes with the message; undefined when there is no command yet. */
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

export type Command =
  | {
      name: 'run';
      config: string;
      experiments?: number;
      timeMs?: number;
      push: boolean;
      remote: string;
      track?: string;
      /** Lift a stop.plateau pause for this run (as a `/autoexp resume` comment does). */
      resume?: boolean;
    }
  | { name: 'status'; config: string; json: boolean }
  | { name: 'report'; config: string; format: 'md' | 'html'; out?: string }
  | { name: 'init' }
  | { name: 'combine'; config: string; tracks: string[]; push: boolean }
  | { name: 'finalize'; config: string; push: boolean }
  | { name: 'pr'; config: string }
  | { name: 'demo'; example?: string; experiments?: number }
  | { name: 'help'; command?: CommandName }
  | { name: 'version' };

/** Flags whose value has a default when the flag is absent. */
const DEFAULTS: Readonly<Record<string, string | boolean>> = {
  config: 'autoexp.yml',
  remote: 'origin',
  format: 'md',
  push: false,
  json: false,
  resume: false,
};

function positiveInteger(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(text))
    throw new UsageError(`${flag} wants a whole number of 1 or more, got "${text}"`);
  const tooMany = experimentsProblem(Number(text));
  if (tooMany) throw new UsageError(`${flag} ${text} ${tooMany}`);
  return Number(text);
}

function trackName(flag: string, name: string | undefined): string | undefined {
  const problem = name === undefined ? undefined : trackNameProblem(name);
  if (problem) throw new UsageError(`${flag}: ${problem}`);
  return name;
}

function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

/** Asks for help: `-h` or `--help` before a `--`, wherever it is among the other flags. */
function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/** The commands other than `except` that take `--flag`, for "an option of run, demo". */
function commandsWithFlag(flag: string, except: CommandName): CommandName[] {
  return COMMANDS.filter(
    (command) => command.name !== except && command.flags.some((known) => known.name === flag),
  ).map((command) => command.name);
}

/** node:util's parse errors, said in autoexp's words and with a did-you-mean for a misspelt flag. */
function describeParseError(command: CommandName, error: Error & { code?: string }): string {
  const flags = commandHelp(command).flags.map((flag) => flag.name);
  const message = error.message.split('\n')[0]!;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /Unknown option '([^']+)'/.exec(message)?.[1] ?? message;
    const bare = given.replace(/^-+/, '');
    const close = given.startsWith('--') ? closestMatch(bare, [...flags, 'help']) : undefined;
    if (close !== undefined) return `unknown option ${given} (did you mean --${close}?)`;
    const elsewhere = commandsWithFlag(bare, command);
    if (elsewhere.length > 0)
      return `${command} takes no ${given} (that is an option of ${elsewhere.join(', ')})`;
    return flags.length === 0
      ? `${command} takes no options, got ${given}`
      : `unknown option ${given}; ${command} takes ${flags.map((flag) => `--${flag}`).join(', ')}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const given = /Unexpected argument '([^']*)'/.exec(message)?.[1] ?? '';
    return `unexpected argument "${given}"; ${command} takes only options`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /Option '(-[^ ']+)/.exec(message)?.[1] ?? '';
    const spec = commandHelp(command).flags.find((known) => `--${known.name}` === flag);
    if (/does not take an argument/.test(message)) return `${flag} takes no value`;
    if (spec?.value) return `${flag} needs a value: ${flag} ${spec.value}`;
  }
  return message.replace(/^./, (first) => first.toLowerCase());
}

/** The flags of `command` as parsed, with defaults filled in. */
function parseFlags(
  command: CommandName,
  args: readonly string[],
): Record<string, string | boolean | undefined> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const flag of commandHelp(command).flags) {
    const type = flag.value === undefined ? 'boolean' : 'string';
    const fallback = DEFAULTS[flag.name];
    options[flag.name] =
      fallback === undefined
        ? { type }
        : type === 'boolean'
          ? { type, default: Boolean(fallback) }
          : { type, default: String(fallback) };
  }
  try {
    return parseArgs({ args: [...args], options, allowPositionals: false, strict: true }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (error) {
    throw new UsageError(describeParseError(command, error as Error & { code?: string }), command);
  }
}

export function parseCommandLine(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help') return { name: 'help' };
  if (name === 'help') {
    const about = rest[0];
    if (about === undefined) return { name: 'help' };
    if (!isCommandName(about)) throw unknownCommand(about);
    return { name: 'help', command: about };
  }
  if (name === '-v' || name === '--version') return { name: 'version' };
  if (!isCommandName(name)) throw unknownCommand(name);
  if (asksForHelp(rest)) return { name: 'help', command: name };
  try {
    return parseCommand(name, parseFlags(name, rest));
  } catch (error) {
    // Every problem with a command's flags is shown with that command's usage line.
    if (error instanceof UsageError && error.command === undefined) throw new UsageError(error.message, name);
    throw error;
  }
}

function unknownCommand(name: string): UsageError {
  const hint = name.startsWith('-')
    ? ` (options go after the command, e.g. autoexp run ${name})`
    : didYouMean(name, COMMAND_NAMES);
  return new UsageError(`unknown command "${name}"${hint}; the commands are ${COMMAND_NAMES.join(', ')}`);
}

function parseCommand(name: CommandName, values: Record<string, string | boolean | undefined>): Command {
  const text = (flag: string) => (typeof values[flag] === 'string' ? values[flag] : undefined);
  switch (name) {
    case 'run': {
      let timeMs: number | undefined;
      const time = text('time');
      if (time !== undefined) {
        timeMs = parseDuration(time);
        if (timeMs === undefined)
          throw new UsageError(`--time wants a duration like 90s, 5m or 1h30m, got "${time}"`);
        const tooLong = durationProblem(timeMs);
        if (tooLong) throw new UsageError(`--time "${time}" ${tooLong}`);
      }
      return {
        name: 'run',
        config: String(values.config),
        experiments: positiveInteger('--experiments', text('experiments')),
        timeMs,
        push: Boolean(values.push),
        remote: String(values.remote),
        track: trackName('--track', text('track')),
        resume: Boolean(values.resume),
      };
    }
    case 'status':
      return { name: 'status', config: String(values.config), json: Boolean(values.json) };
    case 'report': {
      if (isConfigPattern(String(values.config))) {
        throw new UsageError(
          `report is about one program; pass one file to --config, not the pattern "${String(values.config)}"`,
        );
      }
      if (values.format !== 'md' && values.format !== 'html') {
        throw new UsageError(`--format wants md or html, got "${String(values.format)}"`);
      }
      return { name: 'report', config: String(values.config), format: values.format, out: text('out') };
    }
    case 'init':
      return { name: 'init' };
    case 'combine': {
      const tracks = text('tracks');
      if (tracks === undefined || tracks.trim() === '') throw new UsageError('combine needs --tracks a,b,c');
      return {
        name: 'combine',
        config: String(values.config),
        tracks: [
          ...new Set(
            tracks
              .split(',')
              .map((track) => track.trim())
              .filter(Boolean)
              .map((track) => trackName('--tracks', track)!),
          ),
        ],
        push: Boolean(values.push),
      };
    }
    case 'finalize':
    case 'pr': {
      if (isConfigPattern(String(values.config))) {
        throw new UsageError(
          `${name} is about one program; pass one file to --config, not the pattern "${String(values.config)}"`,
        );
      }
      return name === 'pr'
        ? { name, config: String(values.config) }
        : { name, config: String(values.config), push: Boolean(values.push) };
    }
    case 'demo': {
      const example = text('example');
      return {
        name: 'demo',
        ...(example === undefined ? {} : { example }),
        experiments: positiveInteger('--experiments', text('experiments')),
      };
    }
  }
}

/** What a usage error prints after its message: the command's usage line and where to read more. */
export function usageHint(command: CommandName | undefined): string {
  return command === undefined
    ? `usage: autoexp <command> [options]\nautoexp --help for more`
    : `usage: ${commandHelp(command).usage}\nautoexp ${command} --help for more`;
}
