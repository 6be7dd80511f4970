// Finds the numeric literals mutate may change: values in YAML/JSON/TOML/INI files and constants in code.
// Deliberately conservative: a number that is part of an identifier, a string, a comment, a version,
// a hex/octal/underscored form or an index is left alone, because changing it would rarely be a
// meaningful experiment and could break the file.

export interface NumericLiteral {
  /** Offsets of the literal's text in the file (end exclusive); a leading `-` belongs to it. */
  start: number;
  end: number;
  text: string;
  value: number;
  /** 1-based line number. */
  line: number;
  /**
   * Names the literal within its file, stable while only literals change: the key path in a config
   * (`images.ttl_s`, `layers[2].size`), the nearest assigned identifier in code (`TTL_S`), or `line N`.
   * Unique within a file (`ttl (line 12)` when a name repeats).
   */
  key: string;
}

export type FileFormat = 'yaml' | 'json' | 'toml' | 'ini' | 'code';

const FORMAT_BY_EXTENSION: Record<string, FileFormat> = {
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  jsonc: 'json',
  json5: 'json',
  toml: 'toml',
  ini: 'ini',
  cfg: 'ini',
  conf: 'ini',
  properties: 'ini',
  env: 'ini',
};

/** Languages whose line comments start with `#` (and that have no `//` comments). */
// prettier-ignore
const HASH_COMMENT_LANGUAGES = new Set([
  'py', 'pyi', 'rb', 'sh', 'bash', 'zsh', 'pl', 'r', 'jl', 'nim', 'cr', 'ex', 'exs', 'mk', 'cmake', 'awk',
]);
// Languages with line (`//`) and block comments, where `#` is not a comment.
// prettier-ignore
const SLASH_COMMENT_LANGUAGES = new Set([
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'c', 'h', 'cc', 'cpp', 'cxx', 'hpp', 'hh', 'java', 'go', 'rs',
  'cs', 'swift', 'kt', 'kts', 'scala', 'dart', 'zig', 'glsl', 'wgsl', 'sol', 'groovy',
]);

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name === '.env' || name.startsWith('.env.')) return 'env';
  if (name === 'makefile') return 'mk';
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

export function formatOf(path: string): FileFormat {
  return FORMAT_BY_EXTENSION[extensionOf(path)] ?? 'code';
}

/** A whole config scalar that is a plain decimal number (no hex, no `1_000`, no leading zeros like `007`). */
const CONFIG_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function isPlainNumber(text: string): boolean {
  return CONFIG_NUMBER.test(text) && !/^[-+]?0\d/.test(text);
}

/** `version: 2`, `api_version = 3`, `"version": 1`, `__version__ = 1`: numbers there are not knobs. */
function isVersionLine(line: string): boolean {
  return /(^|[^a-z])version_*["']?\s*[:=]/i.test(line);
}

function isVersionKey(key: string): boolean {
  return /(^|[^a-z])version_*$/i.test(key);
}

interface Line {
  text: string;
  offset: number;
  number: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let number = 1;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, offset, number: number++ });
    offset += raw.length + 1;
  }
  return lines;
}

/** Where a line's comment starts: a marker outside quotes, at the start or after whitespace. */
function commentStart(line: string, markers: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (markers.includes(c) && (i === 0 || /\s/.test(line[i - 1]!))) {
      return i;
    }
  }
  return line.length;
}

function joinKey(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

function unquote(key: string): string {
  const trimmed = key.trim();
  return /^(".*"|'.*')$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

type Found = Omit<NumericLiteral, 'text' | 'value' | 'line'>;

/**
 * Inline collections (`[1, 2.5]`, `{a: 1}`, TOML `{a = 1}`), possibly spanning lines: feed it the
 * comment-free part of each line until `done`.
 */
class FlowScanner {
  private readonly stack: { kind: 'seq' | 'map'; path: string; index: number }[] = [];
  constructor(
    private readonly path: string,
    private readonly separator: ':' | '=',
    private readonly found: Found[],
  ) {}

  get done(): boolean {
    return this.stack.length === 0;
  }

  feed(text: string, offset: number): void {
    let tokenStart = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const close = text.indexOf(c, i + 1);
        i = close < 0 ? text.length - 1 : close;
        continue;
      }
      if (c !== undefined && !'[]{},'.includes(c)) continue;
      const token = text.slice(tokenStart, i);
      const top = this.stack.at(-1);
      let valueStart = tokenStart;
      let childPath = this.path;
      if (top?.kind === 'map') {
        const sep = token.indexOf(this.separator);
        if (sep >= 0) {
          childPath = joinKey(top.path, unquote(token.slice(0, sep)));
          valueStart = tokenStart + sep + 1;
        }
      } else if (top) {
        childPath = `${top.path}[${top.index}]`;
      }
      if (c === '[' || c === '{') {
        this.stack.push({ kind: c === '[' ? 'seq' : 'map', path: childPath, index: 0 });
      } else if (top) {
        const value = text.slice(valueStart, i);
        const trimmed = value.trim();
        if (trimmed !== '' && isPlainNumber(trimmed) && !isVersionKey(childPath)) {
          const start = offset + valueStart + value.indexOf(trimmed);
          this.found.push({ start, end: start + trimmed.length, key: childPath });
        }
        if (c === ',') top.index++;
        if (c === ']' || c === '}') this.stack.pop();
      }
      tokenStart = i + 1;
      if (this.stack.length === 0 && c !== undefined) return;
    }
  }
}

function scalarOrFlow(
  value: string,
  offset: number,
  path: string,
  separator: ':' | '=',
  found: Found[],
): FlowScanner | undefined {
  const trimmed = value.trimEnd();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const flow = new FlowScanner(path, separator, found);
    flow.feed(trimmed, offset);
    return flow.done ? undefined : flow;
  }
  if (isPlainNumber(trimmed) && !isVersionKey(path))
    found.push({ start: offset, end: offset + trimmed.length, key: path });
  return undefined;
}

function yamlLiterals(text: string): Found[] {
  const found: Found[] = [];
  const stack: { indent: number; path: string }[] = [];
  const itemCounts = new Map<string, number>();
  let blockScalarIndent: number | undefined;
  let flow: FlowScanner | undefined;
  for (const line of splitLines(text)) {
    const code = line.text.slice(0, commentStart(line.text, '#'));
    if (code.trim() === '') continue;
    const indent = code.length - code.trimStart().length;
    if (blockScalarIndent !== undefined) {
      if (indent > blockScalarIndent) continue;
      blockScalarIndent = undefined;
    }
    if (flow) {
      flow.feed(code, line.offset);
      if (flow.done) flow = undefined;
      continue;
    }
    if (/^(---|\.\.\.)(\s|$)/.test(code)) {
      stack.length = 0;
      continue;
    }
    if (isVersionLine(code)) continue;
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    let parent = stack.at(-1)?.path ?? '';
    let pos = indent;
    while (code.startsWith('- ', pos) || code.slice(pos) === '-') {
      const index = itemCounts.get(parent) ?? 0;
      itemCounts.set(parent, index + 1);
      parent = `${parent}[${index}]`;
      stack.push({ indent: pos, path: parent });
      pos += 1;
      while (code[pos] === ' ') pos++;
    }
    const rest = code.slice(pos);
    const keyMatch = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'[\]{}#,][^:#]*?)\s*:(?=\s|$)\s*/.exec(rest);
    let path = parent;
    let valueStart = pos;
    if (keyMatch) {
      path = joinKey(parent, unquote(keyMatch[1]!));
      valueStart = pos + keyMatch[0].length;
      const value = code.slice(valueStart).trim();
      if (value === '') {
        stack.push({ indent: pos, path });
        continue;
      }
      if (/^[|>]/.test(value)) {
        blockScalarIndent = pos;
        continue;
      }
    } else if (pos === indent) {
      continue; // a continuation of a multi-line plain scalar, not a value of its own
    }
    flow = scalarOrFlow(code.slice(valueStart), line.offset + valueStart, path, ':', found);
  }
  return found;
}

const NUMBER_AT = /-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?/y;

function jsonLiterals(text: string): Found[] {
  const found: Found[] = [];
  const stack: { kind: 'object' | 'array'; path: string; index: number; key?: string }[] = [];
  const childPath = (): string => {
    const top = stack.at(-1);
    if (!top) return '';
    return top.kind === 'array' ? `${top.path}[${top.index}]` : joinKey(top.path, top.key ?? '');
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.key === undefined)
        top.key = JSON.parse(text.slice(i, end + 1)) as string;
      i = end;
    } else if (c === '{' || c === '[') {
      stack.push({ kind: c === '{' ? 'object' : 'array', path: childPath(), index: 0 });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'array') top.index++;
      else if (top) delete top.key;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER_AT.lastIndex = i;
      const match = NUMBER_AT.exec(text);
      if (!match) continue;
      const path = childPath();
      if (isPlainNumber(match[0]) && !isVersionKey(path))
        found.push({ start: i, end: i + match[0].length, key: path });
      i += match[0].length - 1;
    }
  }
  return found;
}

function tomlLiterals(text: string): Found[] {
  const found: Found[] = [];
  const arrayTableCounts = new Map<string, number>();
  let prefix = '';
  let flow: FlowScanner | undefined;
  for (const line of splitLines(text)) {
    const code = line.text.slice(0, commentStart(line.text, '#'));
    if (flow) {
      flow.feed(code, line.offset);
      if (flow.done) flow = undefined;
      continue;
    }
    const arrayTable = /^\s*\[\[\s*(.+?)\s*\]\]\s*$/.exec(code);
    const table = /^\s*\[\s*(.+?)\s*\]\s*$/.exec(code);
    if (arrayTable) {
      const index = arrayTableCounts.get(arrayTable[1]!) ?? 0;
      arrayTableCounts.set(arrayTable[1]!, index + 1);
      prefix = `${arrayTable[1]}[${index}]`;
      continue;
    }
    if (table) {
      prefix = table[1]!;
      continue;
    }
    const pair = /^(\s*)((?:"[^"]*"|'[^']*'|[A-Za-z0-9_.\- ])+?)\s*=\s*/.exec(code);
    if (!pair || isVersionLine(code)) continue;
    const key = pair[2]!
      .split('.')
      .map((part) => unquote(part))
      .join('.');
    flow = scalarOrFlow(
      code.slice(pair[0].length),
      line.offset + pair[0].length,
      joinKey(prefix, key),
      '=',
      found,
    );
  }
  return found;
}

function iniLiterals(text: string): Found[] {
  const found: Found[] = [];
  let section = '';
  for (const line of splitLines(text)) {
    const trimmed = line.text.trim();
    if (trimmed === '' || trimmed.startsWith(';') || trimmed.startsWith('#')) continue;
    const header = /^\[\s*(.+?)\s*\]$/.exec(trimmed);
    if (header) {
      section = header[1]!;
      continue;
    }
    const code = line.text.slice(0, commentStart(line.text, ';#'));
    const pair = /^\s*(?:export\s+)?([^=:\s][^=:]*?)\s*[=:]\s*/.exec(code);
    if (!pair || isVersionLine(code)) continue;
    const value = code.slice(pair[0].length).trimEnd();
    const path = joinKey(section, pair[1]!);
    if (isPlainNumber(value) && !isVersionKey(path)) {
      const start = line.offset + pair[0].length;
      found.push({ start, end: start + value.length, key: path });
    }
  }
  return found;
}

const IDENTIFIER_CHAR = /[\w$]/;
/** Characters after which a `-` directly before a number is a sign, not a subtraction. */
const BEFORE_UNARY_MINUS = '=(,[{:?!&|<>+*/%^~;';
/** `name = `, `name: type = `, `name: `, `"name": `, `name += ` — the identifier a literal is assigned to. */
const ASSIGNED_NAME = /["']?([A-Za-z_$][\w$]*)["']?\s*(?::[^=:,;(){}]*?)?(?:=(?![=>])|[-+*/]=|:(?!:))/g;

function nameBefore(prefix: string): string {
  let name = '';
  for (const match of prefix.matchAll(ASSIGNED_NAME)) name = match[1]!;
  return name;
}

function codeLiterals(text: string, extension: string): Found[] {
  const found: Found[] = [];
  const hashComments = !SLASH_COMMENT_LANGUAGES.has(extension);
  const slashComments = !HASH_COMMENT_LANGUAGES.has(extension);
  const lineStarts = splitLines(text).map((line) => line.offset);
  let lineIndex = 0;
  const lineStartOf = (offset: number): number => {
    while (lineIndex + 1 < lineStarts.length && lineStarts[lineIndex + 1]! <= offset) lineIndex++;
    return lineStarts[lineIndex]!;
  };
  const skipTo = (from: number, marker: string): number => {
    const end = text.indexOf(marker, from);
    return end < 0 ? text.length : end + marker.length - 1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (slashComments && c === '/' && text[i + 1] === '/') i = skipTo(i, '\n');
    else if (slashComments && c === '/' && text[i + 1] === '*') i = skipTo(i + 2, '*/');
    else if (hashComments && c === '#') i = skipTo(i, '\n');
    else if ((c === '"' || c === "'") && text.startsWith(c.repeat(3), i)) i = skipTo(i + 3, c.repeat(3));
    else if (c === '"' || c === "'" || c === '`') {
      // Quotes other than backticks end at the line's end: a stray apostrophe (Rust lifetimes, prose in
      // unknown formats) must not hide the rest of the file.
      let end = i + 1;
      while (end < text.length && text[end] !== c && (c === '`' || text[end] !== '\n'))
        end += text[end] === '\\' ? 2 : 1;
      i = end;
    } else if (/[\d.]/.test(c) && !(i > 0 && /[\w$.]/.test(text[i - 1]!))) {
      NUMBER_AT.lastIndex = i;
      const match = NUMBER_AT.exec(text);
      if (!match) continue;
      const end = i + match[0].length;
      i = end - 1;
      const next = text[end];
      if (next !== undefined && (IDENTIFIER_CHAR.test(next) || next === '.')) continue; // 1.2.3, 10px, 5n, 1_000
      if (/^0\d/.test(match[0])) continue; // octal or zero-padded: an id, not a quantity
      const lineStart = lineStartOf(i);
      const lineEnd = text.indexOf('\n', i);
      const lineText = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
      if (isVersionLine(lineText)) continue;
      let start = i - match[0].length + 1;
      const before = text.slice(lineStart, start).trimEnd();
      if (before.endsWith('[') && /[\w$\])]$/.test(before.slice(0, -1).trimEnd())) continue; // an index: a[0]
      if (text[start - 1] === '-') {
        const beforeMinus = text.slice(lineStart, start - 1).trimEnd();
        const last = beforeMinus.at(-1);
        if (
          last === undefined ||
          BEFORE_UNARY_MINUS.includes(last) ||
          /\b(return|in|yield)$/.test(beforeMinus)
        )
          start--;
      }
      found.push({ start, end, key: nameBefore(text.slice(lineStart, start)) });
    }
  }
  return found;
}

/**
 * The literals last found in each file. mutate looks at every scope file at every proposal, and most of
 * them are as they were: a config file of 100,000 numbers took over 100 ms to read again each time.
 */
const lastFound = new Map<string, { text: string; literals: readonly Readonly<NumericLiteral>[] }>();

/** Every numeric literal mutate may change in a file, in file order, each with a unique key. */
export function findNumericLiterals(path: string, text: string): readonly Readonly<NumericLiteral>[] {
  const last = lastFound.get(path);
  if (last?.text === text) return last.literals;
  const literals = literalsOf(path, text);
  lastFound.set(path, { text, literals });
  return literals;
}

function literalsOf(path: string, text: string): NumericLiteral[] {
  const format = formatOf(path);
  const found =
    format === 'yaml'
      ? yamlLiterals(text)
      : format === 'json'
        ? jsonLiterals(text)
        : format === 'toml'
          ? tomlLiterals(text)
          : format === 'ini'
            ? iniLiterals(text)
            : codeLiterals(text, extensionOf(path));
  const lineStarts = splitLines(text).map((line) => line.offset);
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const literals = found
    .map((item) => {
      const literalText = text.slice(item.start, item.end);
      return { ...item, text: literalText, value: Number(literalText), line: lineOf(item.start) };
    })
    .filter((literal) => Number.isFinite(literal.value));
  const keyCounts = new Map<string, number>();
  for (const literal of literals) keyCounts.set(literal.key, (keyCounts.get(literal.key) ?? 0) + 1);
  for (const literal of literals) {
    if (literal.key === '') literal.key = `line ${literal.line}`;
    else if (keyCounts.get(literal.key)! > 1) literal.key = `${literal.key} (line ${literal.line})`;
  }
  return literals;
}
