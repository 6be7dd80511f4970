import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../src/cli/args.js';

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
      ]),
    ).toEqual({
      name: 'run',
      config: 'x.yml',
      experiments: 3,
      timeMs: 5_400_000,
      push: true,
      remote: 'up',
      track: undefined,
    });
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
    [['run', '--bogus'], /run: Unknown option '--bogus'/],
    [['report', '--format', 'pdf'], /--format wants md or html/],
    [['combine'], /combine needs --tracks/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('reads demo --example', () => {
    expect(parseCommandLine(['demo', '--example', 'sql-speed', '--experiments', '2'])).toEqual({
      name: 'demo',
      example: 'sql-speed',
      experiments: 2,
    });
    expect(parseCommandLine(['demo'])).toEqual({ name: 'demo', experiments: undefined });
  });
});
