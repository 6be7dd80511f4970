// Splitting a ledger file into numbered lines. Shared by the tsv and jsonl readers so that both report
// the same (1-based, physical) line numbers a text editor shows.

export interface NumberedLine {
  /** 1-based physical line number. */
  line: number;
  /** The line without its terminator (a trailing CR from a CRLF hand edit is dropped too). */
  text: string;
}

/**
 * The non-blank lines of `text`; blank lines (e.g. an extra newline added by an editor) carry no data.
 * Only empty or space-only lines count as blank: a line of tabs is a (broken) tsv row, not nothing.
 */
export function nonBlankLines(text: string): NumberedLine[] {
  const result: NumberedLine[] = [];
  const parts = text.split('\n');
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i] ?? '';
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!/^ *$/.test(line)) result.push({ line: i + 1, text: line });
  }
  return result;
}
