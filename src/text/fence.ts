// Code fences around text autoexp did not write (a file, a note, an eval's output) in a prompt.

/** A code fence longer than any run of backticks in `content`, so nothing in it can close the fence. */
export function fenceFor(content: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
}
