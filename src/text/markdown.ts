// Untrusted text in markdown that GitHub renders (the PR body, the job summary, `autoexp report`): as an
// inline code span, nothing in it is markdown or HTML, and GitHub's mention, issue-reference, closing-keyword
// and URL autolinking all skip code. So `@user`, `@org/team`, `org/repo#2`, `Closes #1`, `![x](http://…)`,
// `[approved](…)`, `<https://…>` and bare URLs show as the text they are and do nothing. Escaping the
// characters instead would not do: GitHub finds mentions and references in the rendered text, after
// backslash escapes are gone.
import { cleanLine } from './untrusted.js';

/**
 * `text` as one inline code span, cleaned as a one-line field of at most `max` code points; '' for
 * nothing. The backtick fence is longer than any run of backticks inside, and padded with a space (which
 * the renderer strips) when the text starts or ends with a backtick.
 */
export function markdownCode(text: string, max = Number.POSITIVE_INFINITY): string {
  return codeSpan(cleanLine(text, max));
}

/**
 * As markdownCode, for a cell of a markdown table. A `|` would end the cell — and the code span with it,
 * leaving the rest as markdown — so it is escaped as `\|`, which GitHub turns back into `|` inside the
 * span. A backslash right before a `|` would pair with the escape's own, so it gets a space after it.
 */
export function markdownCell(text: string, max = Number.POSITIVE_INFINITY): string {
  return codeSpan(cleanLine(text, max).replace(/\\(?=\|)/g, '\\ ')).replace(/\|/g, '\\|');
}

function codeSpan(text: string): string {
  if (text === '') return '';
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
