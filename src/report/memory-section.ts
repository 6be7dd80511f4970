// The program's state and memory in the PR body and the job summary: whether stop.target finished it or
// stop.plateau paused it, and the current lessons (lessons.md). Lessons are text proposers wrote: each
// line is an inline code span (src/text/markdown.ts), so nothing in it renders, mentions or links.
import { LESSONS_FILE, lessonsForPrompt, type Lessons } from '../memory/lessons.js';
import { markdownCode } from '../text/markdown.js';

/** What the PR body shows of the lessons at most, in UTF-8 bytes of their text. */
export const LESSONS_REPORT_BYTES = 4096;

/** `**Target reached**: …` or `**Paused**: …`; '' when the program runs. */
export function programLine(message: string | undefined): string {
  if (!message) return '';
  const [state, ...rest] = message.split(': ');
  const title = state === 'target reached' ? 'Target reached' : state === 'paused' ? 'Paused' : 'Stopped';
  return `> **${title}**: ${rest.join(': ') || message}.`;
}

/** The current lessons, bounded, one code span per line; '' when there are none. */
export function lessonsReportSection(lessons: Lessons | undefined): string {
  if (!lessons) return '';
  const text = lessonsForPrompt(lessons, LESSONS_REPORT_BYTES);
  if (text === '') return '';
  const lines = [`### Lessons (\`${LESSONS_FILE}\`)`, ''];
  for (const line of text.split('\n')) {
    if (line === '') lines.push('');
    else if (line.startsWith('- ')) lines.push(`- ${markdownCode(line.slice(2))}`);
    else lines.push(line);
  }
  return lines.join('\n');
}
