// What GitHub renders as markdown rather than as code, in the markdown autoexp writes: the text outside
// inline code spans, found as CommonMark finds them (a run of n backticks to the next run of exactly n;
// a backslash escapes the character after it outside code), with table rows split into cells first the way
// GitHub's tables do (a cell runs to a `|` that is not part of a backslash escape; `\|` in a cell is `|`).
// Fenced code blocks (``` lines) count as code. Enough to check that untrusted text only ever sits in code.

export function textOutsideCode(markdown: string): string {
  const outside: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^ {0,3}```/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const cells = line.trimStart().startsWith('|') ? tableCells(line) : [line];
    outside.push(cells.map(outsideCodeSpans).join(' '));
  }
  return outside.join('\n');
}

/** A table row's cells as GitHub splits them, `\\|` unescaped. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let index = 0; index < row.length; index++) {
    const char = row[index]!;
    if (char === '\\' && index + 1 < row.length && /[!-/:-@[-`{-~]/.test(row[index + 1]!)) {
      current += char + row[index + 1]!;
      index++;
    } else if (char === '|') {
      cells.push(current);
      current = '';
    } else current += char;
  }
  cells.push(current);
  return cells.map((cell) => cell.replace(/\\\|/g, '|'));
}

function outsideCodeSpans(text: string): string {
  let outside = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\\' && index + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[index + 1]!)) {
      outside += text[index + 1]!;
      index += 2;
      continue;
    }
    if (char !== '`') {
      outside += char;
      index++;
      continue;
    }
    let run = 0;
    while (text[index + run] === '`') run++;
    const close = findRun(text, index + run, run);
    if (close < 0) {
      outside += '`'.repeat(run);
      index += run;
    } else {
      outside += ' ';
      index = close + run;
    }
  }
  return outside;
}

/** Where the next run of exactly `length` backticks starts, from `from`; -1 when there is none. */
function findRun(text: string, from: number, length: number): number {
  let index = from;
  while (index < text.length) {
    if (text[index] !== '`') {
      index++;
      continue;
    }
    let run = 0;
    while (text[index + run] === '`') run++;
    if (run === length) return index;
    index += run;
  }
  return -1;
}
