// Command-line parsing (README.md, CLI reference). Usage errors exit with code 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseDuration } from '../config/duration.js';
import { durationProblem, experimentsProblem } from '../config/limits.js';
import { trackNameProblem } from '../config/track.js';
import { isConfigPattern } from '../config/programs.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: autoexp <command> [options]

Commands:
  run      one session of experiments on autoexp/<tag>
           [--config F] [--experiments N] [--time D] [--push] [--remote NAME] [--track NAME]
  status   what the ledger on the branch says          [--config F] [--json]
  report   the PR-body markdown, or an HTML page       [--config F] [--format md|html] [--out F]
  init     write autoexp.yml, program.md and a workflow (never overwrites)
  combine  replay the kept commits of tracks           --tracks a,b,c [--config F] [--push]
  demo     run a bundled example in a temp dir       [--example NAME] [--experiments N]

Options:
  --config F        the setup file (default autoexp.yml). run and status also take a glob of
                    several programs, e.g. 'autoexp/*.yml': run takes the one run least recently
  -h, --help        this help
  -v, --version     the version
`;

export type Command =
  | {
      name: 'run';
      config: string;
      experiments?: number;
      timeMs?: number;
      push: boolean;
      remote: string;
      track?: string;
    }
  | { name: 'status'; config: string; json: boolean }
  | { name: 'report'; config: string; format: 'md' | 'html'; out?: string }
  | { name: 'init' }
  | { name: 'combine'; config: string; tracks: string[]; push: boolean }
  | { name: 'demo'; example?: string; experiments?: number }
  | { name: 'help' }
  | { name: 'version' };

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

export function parseCommandLine(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') return { name: 'help' };
  if (name === '-v' || name === '--version') return { name: 'version' };
  const parse = (options: NonNullable<ParseArgsConfig['options']>) => {
    try {
      return parseArgs({
        args: [...rest],
        options: { ...options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: false,
        strict: true,
      }).values as Record<string, string | boolean | undefined>;
    } catch (error) {
      throw new UsageError(`${name}: ${(error as Error).message}`);
    }
  };
  const config = { config: { type: 'string' as const, default: 'autoexp.yml' } };
  switch (name) {
    case 'run': {
      const values = parse({
        ...config,
        experiments: { type: 'string' },
        time: { type: 'string' },
        push: { type: 'boolean', default: false },
        remote: { type: 'string', default: 'origin' },
        track: { type: 'string' },
      });
      if (values.help) return { name: 'help' };
      let timeMs: number | undefined;
      if (typeof values.time === 'string') {
        timeMs = parseDuration(values.time);
        if (timeMs === undefined)
          throw new UsageError(`--time wants a duration like 90s, 5m or 1h30m, got "${values.time}"`);
        const tooLong = durationProblem(timeMs);
        if (tooLong) throw new UsageError(`--time "${values.time}" ${tooLong}`);
      }
      return {
        name: 'run',
        config: String(values.config),
        experiments: positiveInteger('--experiments', values.experiments as string | undefined),
        timeMs,
        push: Boolean(values.push),
        remote: String(values.remote),
        track: trackName('--track', values.track as string | undefined),
      };
    }
    case 'status': {
      const values = parse({ ...config, json: { type: 'boolean', default: false } });
      if (values.help) return { name: 'help' };
      return { name: 'status', config: String(values.config), json: Boolean(values.json) };
    }
    case 'report': {
      const values = parse({ ...config, format: { type: 'string', default: 'md' }, out: { type: 'string' } });
      if (values.help) return { name: 'help' };
      if (isConfigPattern(String(values.config))) {
        throw new UsageError(
          `report is about one program; pass one file to --config, not the pattern "${String(values.config)}"`,
        );
      }
      if (values.format !== 'md' && values.format !== 'html') {
        throw new UsageError(`--format wants md or html, got "${String(values.format)}"`);
      }
      return {
        name: 'report',
        config: String(values.config),
        format: values.format,
        out: values.out as string | undefined,
      };
    }
    case 'init': {
      const values = parse({});
      if (values.help) return { name: 'help' };
      return { name: 'init' };
    }
    case 'combine': {
      const values = parse({
        ...config,
        tracks: { type: 'string' },
        push: { type: 'boolean', default: false },
      });
      if (values.help) return { name: 'help' };
      if (typeof values.tracks !== 'string' || values.tracks.trim() === '')
        throw new UsageError('combine needs --tracks a,b,c');
      return {
        name: 'combine',
        config: String(values.config),
        tracks: [
          ...new Set(
            values.tracks
              .split(',')
              .map((track) => track.trim())
              .filter(Boolean)
              .map((track) => trackName('--tracks', track)!),
          ),
        ],
        push: Boolean(values.push),
      };
    }
    case 'demo': {
      const values = parse({ experiments: { type: 'string' }, example: { type: 'string' } });
      if (values.help) return { name: 'help' };
      return {
        name: 'demo',
        ...(typeof values.example === 'string' ? { example: values.example } : {}),
        experiments: positiveInteger('--experiments', values.experiments as string | undefined),
      };
    }
    default:
      throw new UsageError(`unknown command "${name}"; commands: run, status, report, init, combine, demo`);
  }
}
