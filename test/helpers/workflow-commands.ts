// Reads a step's output the way the GitHub Actions runner does (actions/runner, ActionCommandManager and
// ActionCommand): a line ends at "\n", "\r" or "\r\n"; a line is a command when, after leading white space,
// it starts with `::name…::` (name registered), or when it holds `##[name…]` anywhere (the older form);
// `stop-commands` turns processing off until a line that is the token as a command.

/** The commands the runner knows (its command extensions, and stop-commands). */
export const REGISTERED_COMMANDS = [
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'save-state',
  'set-output',
  'set-env',
  'add-path',
  'stop-commands',
];

export interface RunnerCommand {
  /** The line it was read from. */
  line: string;
  command: string;
  data: string;
  form: 'v2' | 'legacy';
  /** False when command processing was stopped (stop-commands) and it was ignored. */
  processed: boolean;
}

export interface RunnerReading {
  lines: string[];
  commands: RunnerCommand[];
  /** Whether command processing was still stopped after the last line. */
  stoppedAtEnd: boolean;
}

// .NET's String.TrimStart() trims char.IsWhiteSpace: these, not JavaScript's set (which adds U+FEFF).
const DOTNET_LEADING_WHITE_SPACE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /^[\t\n\u000b\u000c\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

export function splitLikeRunner(output: string): string[] {
  return output.split(/\r\n|\r|\n/);
}

function parse(
  line: string,
  registered: ReadonlySet<string>,
): Omit<RunnerCommand, 'processed' | 'line'> | undefined {
  const message = line.replace(DOTNET_LEADING_WHITE_SPACE, '');
  if (message.startsWith('::')) {
    const end = message.indexOf('::', 2);
    if (end >= 0) {
      const info = message.slice(2, end);
      const space = info.indexOf(' ');
      const command = space < 0 ? info : info.slice(0, space);
      if (registered.has(command.toLowerCase())) return { command, data: message.slice(end + 2), form: 'v2' };
    }
  }
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const bracket = line.indexOf(']', prefix);
  if (bracket < 0) return undefined;
  const info = line.slice(prefix + 3, bracket);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  return { command, data: line.slice(bracket + 1), form: 'legacy' };
}

export function readLikeRunner(output: string): RunnerReading {
  const lines = splitLikeRunner(output);
  const registered = new Set(REGISTERED_COMMANDS);
  const commands: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of lines) {
    if (line === '') continue;
    const parsed = parse(line, registered);
    if (!parsed) continue;
    const name = parsed.command.toLowerCase();
    if (stopToken !== undefined) {
      const resumes = name === stopToken.toLowerCase();
      commands.push({ ...parsed, line, processed: resumes });
      if (resumes) {
        registered.delete(stopToken.toLowerCase());
        stopToken = undefined;
      }
      continue;
    }
    commands.push({ ...parsed, line, processed: true });
    if (name === 'stop-commands') {
      stopToken = parsed.data;
      registered.add(stopToken.toLowerCase());
    }
  }
  return { lines, commands, stoppedAtEnd: stopToken !== undefined };
}
