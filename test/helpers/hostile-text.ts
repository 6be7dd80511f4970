// The hostile texts of the reproduced attacks: each is a proposer's description, a file name or a line an
// eval printed, and each must come out of autoexp inert.

export const HOSTILE = {
  /** Forged workflow commands: the runner ends lines at "\r" too. */
  workflowCommands: 'ok\r::error file=autoexp.yml,line=1::forged\r::stop-commands::t1\r::add-mask::autoexp',
  /** The older command form, which the runner finds anywhere in a line. */
  legacyCommands: 'x ##[add-mask]autoexp ##[error]forged ##[set-output name=best]1e9',
  /** Terminal title, clear screen, clipboard write (OSC 52), a "\r" that rewrites the line, colour, C1 CSI/OSC, BEL. */
  terminal:
    '\u001b]0;pwned title\u0007\u001b[2J\u001b[H\u001b]52;c;cHduZWQ=\u0007ok\rBAD \u001b[31mred\u001b[0m \u009b2J\u009d0;c1\u009c \u0007bell',
  /** Mentions, a cross-reference, a closing keyword, a tracking image, a fake badge, autolinks, HTML. */
  markdown:
    '@octocat @octo/team Closes #1 octo/widgets#2 ![x](http://evil.example/t.png) [approved](http://evil.example/ok) <https://evil.example/auto> http://evil.example/bare <img src=x> <!-- hide',
  /** Bidi overrides, isolates and marks. */
  bidi: 'fix \u202Eevil\u202C and \u2066isolate\u2069 \u200Eltr\u200F \u061Carabic mark',
};

/** Control characters, escapes, bidi controls and zero-width spaces: none may leave autoexp in untrusted text. */
export const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
