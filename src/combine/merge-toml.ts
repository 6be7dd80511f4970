// Three-way merge of a TOML file at the level of its `key = value` statements (three-way.ts): each
// statement is one value named by its table and key (`server.port`). A statement theirs changed gets
// theirs' value after ours' key; one theirs added goes after its neighbour in ours (in the same table);
// one theirs removed goes. Every other line of ours stays as it was.
//
// This is not a TOML parser: values are compared as written (white space outside strings aside), an
// inline table or array is one value, and the table headers must be the same in theirs as in base (a
// table added, removed or renamed by theirs is not merged). Lines that are not blank, a comment, a
// header or a statement mean the file is not merged (the caller reports the plain conflict).
import { applyEdits, sameTree, threeWay, type Edit, type Segment, type Tree } from './three-way.js';

export class TomlShapeError extends Error {}

interface Statement {
  /** Table and key, dotted: `server.port`, `servers[1].host`. */
  key: string;
  table: string;
  /** Offsets of its whole lines (the newline after the last one included). */
  start: number;
  end: number;
  /** Where its value starts. */
  valueStart: number;
}

interface TomlFile {
  statements: Map<string, Statement>;
  /** Table name → offset after its header line. */
  tables: Map<string, number>;
  /** Where the first header line starts (the end of the text when there is none). */
  firstHeader: number;
  tree: Tree;
}

/** The pseudo-key under which the table headers, in order, are one value. */
export const TABLES = '[tables]';
const BARE_KEY = /^[A-Za-z0-9_-]+$/;

export type TomlMergeResult = { merged: string } | { conflicts: Segment[][] };

/** Merges theirs' changes since base into ours. Throws TomlShapeError for a file it does not merge. */
export function mergeToml(base: string, ours: string, theirs: string): TomlMergeResult {
  const oursFile = readToml(ours);
  const theirsFile = readToml(theirs);
  const result = threeWay(readToml(base).tree, oursFile.tree, theirsFile.tree);
  if ('conflicts' in result) return result;
  const text = writeMerged(ours, oursFile, theirs, theirsFile, result.edits);
  if (!sameTree(readToml(text).tree, applyEdits(oursFile.tree, theirsFile.tree, result.edits)))
    throw new TomlShapeError('the merged text does not read back as the merged values');
  return { merged: text };
}

export function readToml(text: string): TomlFile {
  const statements = new Map<string, Statement>();
  const tables = new Map<string, number>([['', 0]]);
  const entries = new Map<string, Tree>();
  const arrayCounts = new Map<string, number>();
  let table = '';
  let offset = 0;
  let firstHeader = text.length;
  let open: Statement | undefined;
  let value = new ValueScanner();
  const finish = (statement: Statement, end: number): void => {
    if (statements.has(statement.key)) throw new TomlShapeError(`duplicate key ${statement.key}`);
    statement.end = end;
    statements.set(statement.key, statement);
    entries.set(statement.key, { kind: 'leaf', identity: value.identity });
  };
  for (const line of text.split(/(?<=\n)/)) {
    const lineStart = offset;
    offset += line.length;
    if (open) {
      value.feed(line);
      if (value.done) {
        finish(open, offset);
        open = undefined;
      }
      continue;
    }
    const content = line.replace(/\r?\n$/, '');
    if (/^\s*(#.*)?$/.test(content)) continue;
    const header = /^\s*(\[\[?)\s*(.+?)\s*(\]\]?)\s*(#.*)?$/.exec(content);
    if (header && header[1]!.length === header[3]!.length) {
      const name = normalizeKey(header[2]!);
      if (header[1] === '[[') {
        const index = arrayCounts.get(name) ?? 0;
        arrayCounts.set(name, index + 1);
        table = `${name}[${index}]`;
      } else {
        table = name;
      }
      if (tables.has(table)) throw new TomlShapeError(`table ${table} declared twice`);
      firstHeader = Math.min(firstHeader, lineStart);
      tables.set(table, offset);
      continue;
    }
    const equals = keyEnd(content);
    if (equals < 0) throw new TomlShapeError(`not a statement: ${content.slice(0, 80)}`);
    const key = normalizeKey(content.slice(0, equals));
    const statement: Statement = {
      key: table === '' ? key : `${table}.${key}`,
      table,
      start: lineStart,
      end: offset,
      valueStart: lineStart + equals + 1,
    };
    value = new ValueScanner();
    value.feed(line.slice(equals + 1));
    if (value.done) finish(statement, offset);
    else open = statement;
  }
  if (open) throw new TomlShapeError(`the value of ${open.key} does not end`);
  entries.set(TABLES, { kind: 'leaf', identity: JSON.stringify([...tables.keys()]) });
  return { statements, tables, firstHeader, tree: { kind: 'map', entries } };
}

/** Where the `=` after a key is (outside quotes), or -1. */
function keyEnd(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '=') return i;
    else if (c === '#') return -1;
  }
  return -1;
}

/** `a . "b" . 'c d'` → `a.b."c d"`: bare parts bare, the rest quoted one way. */
function normalizeKey(raw: string): string {
  const parts: string[] = [];
  let rest = raw.trim();
  for (;;) {
    const part = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*/.exec(rest);
    if (!part) throw new TomlShapeError(`not a key: ${raw.slice(0, 80)}`);
    const name = part[3] ?? part[2] ?? (JSON.parse(`"${part[1]}"`) as string);
    parts.push(BARE_KEY.test(name) ? name : JSON.stringify(name));
    rest = rest.slice(part[0].length);
    if (rest === '') return parts.join('.');
    if (!rest.startsWith('.')) throw new TomlShapeError(`not a key: ${raw.slice(0, 80)}`);
    rest = rest.slice(1).trimStart();
  }
}

/**
 * Reads a value line by line until it ends: strings (multi-line ones too), brackets and comments. Its
 * identity is the value as written without comments and without white space outside strings.
 */
class ValueScanner {
  identity = '';
  private depth = 0;
  private multiline: string | undefined;
  private started = false;

  get done(): boolean {
    return this.started && this.depth === 0 && this.multiline === undefined;
  }

  feed(line: string): void {
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (this.multiline) {
        if (line.startsWith(this.multiline, i)) {
          this.identity += this.multiline;
          i += this.multiline.length - 1;
          this.multiline = undefined;
        } else {
          if (c === '\\' && this.multiline === '"""') this.identity += line[i++] ?? '';
          this.identity += line[i] ?? '';
        }
        continue;
      }
      if (c === '#') return;
      if (/\s/.test(c)) continue;
      this.started = true;
      if (line.startsWith('"""', i) || line.startsWith("'''", i)) {
        this.multiline = line.slice(i, i + 3);
        this.identity += this.multiline;
        i += 2;
      } else if (c === '"' || c === "'") {
        let end = i + 1;
        while (end < line.length && line[end] !== c && line[end] !== '\n')
          end += c === '"' && line[end] === '\\' ? 2 : 1;
        if (line[end] !== c) throw new TomlShapeError('a string that does not end on its line');
        this.identity += line.slice(i, end + 1);
        i = end;
      } else {
        if (c === '[' || c === '{') this.depth++;
        if (c === ']' || c === '}') this.depth--;
        if (this.depth < 0) throw new TomlShapeError('unbalanced brackets');
        this.identity += c;
      }
    }
  }
}

/** Ours' text with the edits made, in one pass over ours. */
function writeMerged(
  ours: string,
  oursFile: TomlFile,
  theirs: string,
  theirsFile: TomlFile,
  edits: Edit[],
): string {
  const splices: { start: number; end: number; text: string }[] = [];
  const removed = new Set<string>();
  const inserted = new Set<string>();
  for (const edit of edits) {
    const key = edit.path[0];
    if (edit.path.length !== 1 || typeof key !== 'string' || key === TABLES)
      throw new TomlShapeError('a change of the tables');
    if (edit.kind === 'insert') inserted.add(key);
    if (edit.kind === 'remove') {
      removed.add(key);
      const statement = oursFile.statements.get(key)!;
      splices.push({ start: statement.start, end: statement.end, text: '' });
    }
    if (edit.kind === 'replace') {
      // Ours' key and the space after its `=`, then theirs' value (and comment).
      const statement = oursFile.statements.get(key)!;
      const replacement = theirsFile.statements.get(key)!;
      const space = /^[ \t]*/.exec(ours.slice(statement.valueStart))![0];
      let value = withNewline(theirs.slice(replacement.valueStart, replacement.end).trimStart());
      if (!ours.slice(statement.start, statement.end).endsWith('\n')) value = value.replace(/\r?\n$/, '');
      splices.push({ start: statement.valueStart, end: statement.end, text: space + value });
    }
  }
  // An added statement goes after the nearest statement before it in theirs that ours keeps in the
  // same table, else first in its table (a key of no table: before the first header).
  const anchors = new Map<string, string | undefined>();
  const added = new Map<number, string>();
  let rootStart = oursFile.firstHeader;
  for (const statement of oursFile.statements.values())
    if (statement.table === '') rootStart = Math.min(rootStart, statement.start);
  for (const [key, statement] of theirsFile.statements) {
    const mine = oursFile.statements.get(key);
    if (mine && !removed.has(key) && mine.table === statement.table) anchors.set(statement.table, key);
    if (!inserted.has(key)) continue;
    const anchor = anchors.get(statement.table);
    let at: number | undefined;
    if (anchor !== undefined) at = oursFile.statements.get(anchor)!.end;
    else if (statement.table !== '') at = oursFile.tables.get(statement.table);
    else at = rootStart;
    if (at === undefined) throw new TomlShapeError(`no table ${statement.table} in ours`);
    added.set(at, (added.get(at) ?? '') + withNewline(theirs.slice(statement.start, statement.end)));
  }
  for (const [at, text] of added) {
    const needsNewline = at > 0 && ours[at - 1] !== '\n';
    splices.push({ start: at, end: at, text: needsNewline ? `\n${text}` : text });
  }
  // In file order; an addition goes before a change that starts where it is added.
  splices.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  let text = '';
  let position = 0;
  for (const splice of splices) {
    if (splice.start < position) throw new TomlShapeError('overlapping changes');
    text += ours.slice(position, splice.start) + splice.text;
    position = splice.end;
  }
  return text + ours.slice(position);
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
