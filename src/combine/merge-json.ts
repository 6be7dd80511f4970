// Three-way merge of a JSON file by keys and values (three-way.ts), written as edits of ours' text:
// every byte of ours that no change of theirs touches stays as it was (indentation, key order, number
// spellings, the trailing newline). A value theirs changed is copied from theirs' text, re-indented to
// ours' indentation at that place.
//
// Strict JSON only: a file with duplicate keys, comments, trailing commas or nesting deeper than
// MAX_DEPTH is not merged (the caller reports the plain conflict).
import {
  applyEdits,
  EditPlan,
  numberIdentity,
  sameTree,
  threeWay,
  treeAt,
  type Segment,
} from './three-way.js';

export const MAX_DEPTH = 200;

interface Span {
  start: number;
  end: number;
}

type JsonNode =
  | (Span & { kind: 'map'; entries: Map<string, JsonNode>; members: Map<string, Member> })
  | (Span & { kind: 'list'; items: JsonNode[] })
  | (Span & { kind: 'leaf'; identity: string });

/** An object member: from its key's opening quote to its value's end. */
type Member = Span;

export class JsonSyntaxError extends Error {}

const WHITESPACE = /[ \t\n\r]*/y;
// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const WORD = /true|false|null/y;

/** Parses strict JSON into nodes that know where they are in `text`. Throws JsonSyntaxError. */
export function parseJson(text: string): JsonNode {
  let position = text.startsWith('\uFEFF') ? 1 : 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at offset ${position}`);
  };
  const skip = (): void => {
    WHITESPACE.lastIndex = position;
    WHITESPACE.exec(text);
    position = WHITESPACE.lastIndex;
  };
  const token = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) return undefined;
    position = pattern.lastIndex;
    return match[0];
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skip();
    const start = position;
    const c = text[position];
    if (c === '{') {
      position++;
      const entries = new Map<string, JsonNode>();
      const members = new Map<string, Member>();
      skip();
      if (text[position] === '}') {
        position++;
        return { kind: 'map', entries, members, start, end: position };
      }
      for (;;) {
        skip();
        const keyStart = position;
        const raw = token(STRING) ?? fail('expected a key');
        const key = JSON.parse(raw) as string;
        if (entries.has(key)) fail(`duplicate key ${raw}`);
        skip();
        if (text[position++] !== ':') fail('expected ":"');
        const node = value(depth + 1);
        entries.set(key, node);
        members.set(key, { start: keyStart, end: node.end });
        skip();
        const next = text[position++];
        if (next === '}') return { kind: 'map', entries, members, start, end: position };
        if (next !== ',') fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      position++;
      const items: JsonNode[] = [];
      skip();
      if (text[position] === ']') {
        position++;
        return { kind: 'list', items, start, end: position };
      }
      for (;;) {
        items.push(value(depth + 1));
        skip();
        const next = text[position++];
        if (next === ']') return { kind: 'list', items, start, end: position };
        if (next !== ',') fail('expected "," or "]"');
      }
    }
    const string = token(STRING);
    if (string !== undefined)
      return { kind: 'leaf', identity: `string:${JSON.stringify(JSON.parse(string))}`, start, end: position };
    const number = token(NUMBER);
    if (number !== undefined) return { kind: 'leaf', identity: numberIdentity(number), start, end: position };
    const word = token(WORD);
    if (word !== undefined) return { kind: 'leaf', identity: word, start, end: position };
    return fail('expected a value');
  };
  const root = value(0);
  skip();
  if (position !== text.length) fail('unexpected text after the value');
  return root;
}

export type JsonMergeResult = { merged: string } | { conflicts: Segment[][] };

/** Merges theirs' changes since base into ours. Throws JsonSyntaxError when a version is not JSON. */
export function mergeJson(base: string, ours: string, theirs: string): JsonMergeResult {
  const oursTree = parseJson(ours);
  const theirsTree = parseJson(theirs);
  const result = threeWay(parseJson(base), oursTree, theirsTree);
  if ('conflicts' in result) return result;
  const text = writeMerged(ours, oursTree, theirs, theirsTree, new EditPlan(result.edits));
  // The rewrite must read back as exactly the merged values.
  if (!sameTree(parseJson(text), applyEdits(oursTree, theirsTree, result.edits)))
    throw new JsonSyntaxError('the merged text does not read back as the merged values');
  return { merged: text };
}

/**
 * Ours' text with the plan's edits made, in one pass: a value outside every edit is copied from ours;
 * a replaced value is copied from theirs; an object that gains or loses keys is written member by
 * member, with ours' separator and white space.
 */
function writeMerged(ours: string, oursRoot: JsonNode, theirs: string, theirsRoot: JsonNode, plan: EditPlan) {
  /** The text of `node` in ours with its parts' spans replaced by the texts given (in order). */
  const spliced = (node: Span, parts: { span: Span; text: string }[]): string => {
    let text = '';
    let position = node.start;
    for (const part of parts) {
      text += ours.slice(position, part.span.start) + part.text;
      position = part.span.end;
    }
    return text + ours.slice(position, node.end);
  };
  const write = (node: JsonNode, path: Segment[]): string => {
    if (plan.isReplaced(path)) {
      const replacement = treeAt(theirsRoot, path) as JsonNode;
      return reindent(theirs, replacement, lineIndent(ours, node.start));
    }
    if (!plan.isAbove(path) || node.kind === 'leaf') return ours.slice(node.start, node.end);
    if (node.kind === 'list') {
      return spliced(
        node,
        node.items.map((item, index) => ({ span: item, text: write(item, [...path, index]) })),
      );
    }
    const values = [...node.entries].map(([key, value]) => ({ key, value }));
    if (!plan.reshapes(path))
      return spliced(
        node,
        values.map(({ key, value }) => ({ span: value, text: write(value, [...path, key]) })),
      );
    // Keys added or removed: the members one by one.
    const theirsMap = treeAt(theirsRoot, path) as JsonNode & { kind: 'map' };
    const members = [...node.members.values()];
    const keys = plan.keysOf(path, node.entries.keys(), theirsMap.entries.keys());
    const outer = lineIndent(ours, node.start);
    const inner = members.length > 0 ? lineIndent(ours, members[0]!.start) : outer + indentUnit(ours);
    const texts = keys.map((key) => {
      const value = node.entries.get(key);
      if (value === undefined) return reindent(theirs, theirsMap.members.get(key)!, inner);
      const member = node.members.get(key)!;
      return ours.slice(member.start, value.start) + write(value, [...path, key]);
    });
    if (texts.length === 0) return '{}';
    if (members.length === 0) return `{\n${inner}${texts.join(`,\n${inner}`)}\n${outer}}`;
    // The separator ours uses between members: what follows the first comma, or else what precedes the first.
    const separator =
      members.length >= 2
        ? ours.slice(members[0]!.end, members[1]!.start).replace(/^\s*,/, '')
        : ours.slice(node.start + 1, members[0]!.start);
    const opening = ours.slice(node.start, members[0]!.start);
    const closing = ours.slice(members.at(-1)!.end, node.end);
    return opening + texts.join(`,${separator}`) + closing;
  };
  const root = write(oursRoot, []);
  return ours.slice(0, oursRoot.start) + root + ours.slice(oursRoot.end);
}

/** The white space that starts the line `offset` is on. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** One level of indentation as the file writes it (two spaces if it shows none). */
function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

/** `span` of `source`, its later lines moved from the indentation of its first line to `indent`. */
function reindent(source: string, span: Span, indent: string): string {
  const from = lineIndent(source, span.start);
  const lines = source.slice(span.start, span.end).split('\n');
  return lines
    .map((line, index) => (index > 0 && line.startsWith(from) ? indent + line.slice(from.length) : line))
    .join('\n');
}
