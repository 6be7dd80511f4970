// The `autoexp` command (README.md, CLI reference). Exit codes: 0 the command ran, 1 a config or setup error
// (the message starts with "autoexp:"), 2 a usage error, 130 cancelled.
import { ConfigError } from '../config/errors.js';
import { ProgramsError } from '../config/programs.js';
import { GitError } from '../git/git.js';
import { LedgerError } from '../ledger/errors.js';
import { SetupError } from '../session/errors.js';
import { parseCommandLine, usageHint, UsageError } from './args.js';
import {
  CliError,
  combineCommand,
  reportCommand,
  runCommand,
  statusCommand,
  type CliIO,
} from './commands.js';
import { demoCommand } from './demo.js';
import { formatCommandHelp, globalHelp } from './help.js';
import { initCommand } from './init.js';
import { VERSION } from './version.js';
import { runnerText } from '../text/workflow-log.js';

async function dispatch(io: CliIO, argv: readonly string[]): Promise<number> {
  const command = parseCommandLine(argv);
  switch (command.name) {
    case 'help':
      io.stdout.write(command.command === undefined ? globalHelp() : formatCommandHelp(command.command));
      return 0;
    case 'version':
      io.stdout.write(`${VERSION}\n`);
      return 0;
    case 'run':
      return (await runCommand(io, command)).exitCode;
    case 'status':
      return statusCommand(io, command);
    case 'report':
      return reportCommand(io, command);
    case 'init':
      return initCommand(io.cwd, io.stdout);
    case 'combine':
      return combineCommand(io, command);
    case 'finalize':
      return (await import('./finalize.js')).finalizeCommand(io, command);
    case 'pr':
      // The GitHub client is loaded only for this command, not on every start of the CLI.
      return (await import('./pull-request.js')).prCommand(io, command);
    case 'demo':
      return demoCommand(io, command);
  }
}

/** Known failures become one clear line; anything else is a bug and shows its stack. */
function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UsageError)
    return { message: `autoexp: ${error.message}\n${usageHint(error.command)}`, exitCode: 2 };
  if (error instanceof ConfigError) {
    // `autoexp: autoexp.yml:6: eval.timeout: …`, one line per problem, as the Action's annotations place them.
    return {
      message: error
        .located()
        .map((line) => `autoexp: ${line}`)
        .join('\n'),
      exitCode: 1,
    };
  }
  if (
    error instanceof LedgerError ||
    error instanceof CliError ||
    error instanceof ProgramsError ||
    error instanceof SetupError
  ) {
    return { message: `autoexp: ${error.message}`, exitCode: 1 };
  }
  if (error instanceof GitError) {
    const hint = /Author identity unknown|Please tell me who you are/.test(error.stderr)
      ? ' (set an identity: git config user.name "…" && git config user.email "…")'
      : '';
    return { message: `autoexp: ${error.message}${hint}`, exitCode: 1 };
  }
  return { message: `autoexp: unexpected error: ${(error as Error)?.stack ?? String(error)}`, exitCode: 1 };
}

export async function main(argv: readonly string[]): Promise<number> {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (name: NodeJS.Signals) => {
    signals++;
    if (signals > 1) process.exit(130);
    process.stderr.write(`\nautoexp: ${name}: stopping the experiment in flight and saving the ledger…\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // `autoexp run | head`: when the reader goes away, stop as a SIGPIPE would, but cleanly (the experiment in
  // flight undone, the ledger saved) rather than with an unhandled EPIPE.
  const onStdoutError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    if (!controller.signal.aborted) {
      process.stderr.write(
        'autoexp: the output pipe closed: stopping the experiment in flight and saving the ledger…\n',
      );
      controller.abort();
    }
  };
  process.stdout.on('error', onStdoutError);
  const io: CliIO = {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    signal: controller.signal,
  };
  try {
    return await dispatch(io, argv);
  } catch (error) {
    const failure = describeFailure(error);
    // An error can carry an eval's output (eval.setup failed: …) or a proposer's file names: cleaned.
    process.stderr.write(`${runnerText(failure.message)}\n`);
    return controller.signal.aborted ? 130 : failure.exitCode;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // Writes still queued may fail after the reader left; they are not worth a crash.
    process.stdout.off('error', onStdoutError);
    process.stdout.on('error', () => undefined);
  }
}
