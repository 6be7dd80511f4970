// What autoexp prints in GitHub Actions. The runner reads a step's stdout and stderr line by line — a
// line ends at "\n", at "\r" and at "\r\n" — and acts on two forms of workflow command:
//   - `::name props::data` when the line, after leading white space, starts with "::";
//   - the older `##[name props]data` anywhere in the line.
// A line of untrusted text read that way could add annotations, mask words (`add-mask`), set outputs, or
// switch command processing off (`stop-commands`) and so silence autoexp's own warnings.
//
// Every line autoexp prints through core.info goes through runnerText: cleaned (no "\r", no other control
// character, no escape sequence; see untrusted.ts), then escaped so no line is a command: a line that
// starts with "::" gets a leading "\", and every "##[" becomes "##\[". The other way the runner offers —
// `::stop-commands::<random token>` before untrusted output and `::<token>::` after — was not chosen:
// it is state in the runner, not in the text. Anything autoexp prints while it is on (a warning from
// another worker's experiment, an error on the way out) is swallowed, and a process that dies before
// printing the token again leaves the rest of the step's commands off. Escaping each line is checked
// line by line, holds whatever prints next, and leaves autoexp's own commands working.
//
// Annotations (core.warning, error, notice, setFailed) are commands themselves: @actions/core escapes
// "\r", "\n" and "%" in their message, so untrusted text cannot end their line; annotationText only
// cleans what would show (escape sequences, bidi controls).
import { cleanBlock } from './untrusted.js';

/** An annotation's message is cut to this many UTF-8 bytes (GitHub shows much less). */
const ANNOTATION_BYTES = 64 * 1024;

/** Text for core.info (or any line the runner reads): cleaned, and no line of it a workflow command. */
export function runnerText(text: string): string {
  return cleanBlock(text, Number.POSITIVE_INFINITY).split('\n').map(escapeRunnerLine).join('\n');
}

/** A cleaned line the runner cannot read as a workflow command; also for lines of the CLI's output. */
export function escapeRunnerLine(line: string): string {
  const escaped = line.replace(/##\[/g, '##\\[');
  return escaped.trimStart().startsWith('::') ? `\\${escaped}` : escaped;
}

/** The message of an annotation (core.warning, error, notice, setFailed). */
export function annotationText(text: string): string {
  return cleanBlock(text, ANNOTATION_BYTES);
}
