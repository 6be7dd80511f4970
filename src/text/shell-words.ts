// The words of a shell command line as a reader takes them: a quoted part is one word without its quotes,
// and redirections (< >) part words. Not a shell (no expansion, no escapes): enough to find the files a
// command names (the eval's scripts, an ssh command's key files).
export function shellWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|([^\s<>"']+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}
