import { describe, expect, it } from 'vitest';
import { parseCommandLine, usageHint, UsageError } from '../src/cli/args.js';
import { COMMANDS, formatCommandHelp, globalHelp } from '../src/cli/help.js';

describe('command line', () => {
  it('parses run with every option', () => {
    expect(
      parseCommandLine([
        'run',
        '--config',
        'x.yml',
        '--experiments',
        '3',
        '--time',
        '1h30m',
        '--push',
        '--remote',
        'up',
        '--resume',
      ]),
    ).toEqual({
      name: 'run',
      config: 'x.yml',
      experiments: 3,
      timeMs: 5_400_000,
      push: true,
      remote: 'up',
      track: undefined,
      resume: true,
    });
    expect(parseCommandLine(['run'])).toMatchObject({ name: 'run', push: false, resume: false });
  });

  it('has defaults', () => {
    expect(parseCommandLine(['status'])).toEqual({ name: 'status', config: 'autoexp.yml', json: false });
    expect(parseCommandLine(['report'])).toEqual({
      name: 'report',
      config: 'autoexp.yml',
      format: 'md',
      out: undefined,
    });
    expect(parseCommandLine([])).toEqual({ name: 'help' });
    expect(parseCommandLine(['--version'])).toEqual({ name: 'version' });
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['run', '--experiments', '0'], /--experiments wants a whole number/],
    [['run', '--experiments', 'many'], /--experiments wants a whole number/],
    [['run', '--time', 'soon'], /--time wants a duration/],
    [
      ['run', '--time', '0s'],
      /^--time "0s" is zero, so no experiment would start; give a duration longer than 0/,
    ],
    [['run', '--time', '0.0001'], /^--time "0.0001" is zero/],
    [['run', '--bogus'], /^unknown option --bogus; run takes --config, --experiments, --time, --push/],
    [['report', '--format', 'pdf'], /--format wants md or html/],
    [['combine'], /combine needs --tracks/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('reads finalize and pr', () => {
    expect(parseCommandLine(['finalize'])).toEqual({ name: 'finalize', config: 'autoexp.yml', push: false });
    expect(parseCommandLine(['finalize', '--push', '--config', 'a.yml'])).toEqual({
      name: 'finalize',
      config: 'a.yml',
      push: true,
    });
    expect(parseCommandLine(['pr'])).toEqual({ name: 'pr', config: 'autoexp.yml' });
    expect(() => parseCommandLine(['pr', '--push'])).toThrow(
      'pr takes no --push (that is an option of run, combine, finalize)',
    );
    expect(() => parseCommandLine(['finalize', '--config', 'autoexp/*.yml'])).toThrow(
      'finalize is about one program; pass one file to --config, not the pattern "autoexp/*.yml"',
    );
  });

  it('reads demo --example', () => {
    expect(parseCommandLine(['demo', '--example', 'sql-speed', '--experiments', '2'])).toEqual({
      name: 'demo',
      example: 'sql-speed',
      experiments: 2,
    });
    expect(parseCommandLine(['demo'])).toEqual({ name: 'demo', experiments: undefined });
  });

  it.each([
    [['run', '--experiment', '3'], 'unknown option --experiment (did you mean --experiments?)'],
    [['run', '--experiment=3'], 'unknown option --experiment (did you mean --experiments?)'],
    [['report', '--formt', 'html'], 'unknown option --formt (did you mean --format?)'],
    [['status', '--experiments', '3'], 'status takes no --experiments (that is an option of run, demo)'],
    [['init', '--force'], 'init takes no options, got --force'],
    [['run', '--experiments'], '--experiments needs a value: --experiments N'],
    [['run', '--push=yes'], '--push takes no value'],
    [['run', 'now'], 'unexpected argument "now"; run takes only options'],
  ])('says what is wrong with %j in its own words', (argv, message) => {
    let error: unknown;
    try {
      parseCommandLine(argv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(message);
    expect((error as UsageError).command).toBe(argv[0]);
  });

  it('suggests the command meant', () => {
    expect(() => parseCommandLine(['rnu'])).toThrow(
      'unknown command "rnu" (did you mean "run"?); the commands are run, status, report, init, combine, finalize, pr, demo',
    );
    expect(() => parseCommandLine(['--experiments', '3'])).toThrow(
      'unknown command "--experiments" (options go after the command, e.g. autoexp run --experiments)',
    );
  });

  it('a usage error shows the one usage line of its command', () => {
    let error: UsageError | undefined;
    try {
      parseCommandLine(['combine', '--tracks', '']);
    } catch (caught) {
      error = caught as UsageError;
    }
    expect(error?.message).toBe('combine needs --tracks a,b,c');
    expect(usageHint(error?.command)).toBe(
      'usage: autoexp combine --tracks a,b,c [--config F] [--push]\nautoexp combine --help for more',
    );
    expect(usageHint(undefined)).toBe('usage: autoexp <command> [options]\nautoexp --help for more');
  });

  it("--help, -h and `help <command>` ask for the command's help, wherever they are", () => {
    for (const command of COMMANDS.map((item) => item.name)) {
      expect(parseCommandLine([command, '--help'])).toEqual({ name: 'help', command });
      expect(parseCommandLine(['help', command])).toEqual({ name: 'help', command });
    }
    // Even after a mistake: help is what was asked for.
    expect(parseCommandLine(['run', '--experiment', '3', '-h'])).toEqual({ name: 'help', command: 'run' });
    expect(parseCommandLine(['help'])).toEqual({ name: 'help' });
  });

  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    '%s --help lists every flag it takes, what it does, and an example',
    (name, command) => {
      const help = formatCommandHelp(name);
      expect(help).toContain(`Usage: ${command.usage}`);
      for (const flag of command.flags) {
        expect(command.usage).toContain(`--${flag.name}`);
        expect(help).toMatch(new RegExp(`^ {2}--${flag.name}${flag.value ? ` \\S+` : ''} +\\S`, 'm'));
        // The parser takes every flag the help lists.
        const args =
          flag.value === undefined ? [`--${flag.name}`] : [`--${flag.name}`, exampleValue(flag.name)];
        const extra = name === 'combine' && flag.name !== 'tracks' ? ['--tracks', 'a'] : [];
        expect(() => parseCommandLine([name, ...extra, ...args])).not.toThrow();
      }
      expect(help).toMatch(new RegExp(`^Examples:\\n {2}autoexp ${name}`, 'm'));
      expect(globalHelp()).toContain(`  ${name}`);
    },
  );
});

function exampleValue(flag: string): string {
  return { experiments: '3', time: '5m', format: 'html', tracks: 'a,b' }[flag] ?? 'x';
}
