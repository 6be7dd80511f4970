// Untrusted text in a commit message (a candidate's description). GitHub reads commit messages: a
// `@user` in one is a mention, `#1` or `org/repo#2` a cross-reference on that issue, and `Closes #1`
// closes the issue when the commit reaches the default branch (a merged summary PR). Markdown's code
// spans do not protect a commit message, so the characters that start those change to their visible
// full-width twins: `@` → `＠`; `#` before a digit → `＃` where GitHub would read a reference (`Closes ＃1`,
// `org/repo＃2`; not in `a#1`, which is none, as in combine's `combine: a#1 …`); `GH-` before a digit →
// `GH－`; and a URL's `://` → `[:]//`, since an issue's URL after a closing keyword closes it too. Nothing
// invisible is added: what the message says stays readable.
import { cleanLine, TEXT_LIMITS } from './untrusted.js';

/** One line for a commit message: cleaned like a description, then unable to mention, reference or close. */
export function inertCommitText(text: string, max: number = TEXT_LIMITS.description): string {
  return cleanLine(text, max)
    .replace(/@/g, '＠')
    .replace(/(?:(?<![\w.-])|(?<=\/[\w.-]+))#(?=\d)/g, '＃')
    .replace(/\bGH-(?=\d)/gi, (match) => `${match.slice(0, 2)}－`)
    .replace(/:\/\//g, '[:]//');
}
