// Three-way merge of a YAML file by keys and values (three-way.ts). A scalar theirs changed is written
// by replacing its text in ours, so everything else in ours stays byte for byte (comments included);
// other changes (a key added or removed, a list or map replaced) go through the `yaml` package's
// document model, which keeps comments and most of the layout.
//
// Not merged (the caller reports the plain conflict): several documents in one file, duplicate keys,
// anchors and aliases (a change through an alias is not local), keys that are not scalars.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  Scalar,
} from 'yaml';
import { MAX_DEPTH } from './merge-json.js';
import {
  applyEdits,
  insertAfter,
  numberIdentity,
  sameTree,
  threeWay,
  treeAt,
  type Edit,
  type Segment,
  type Tree,
} from './three-way.js';

export class YamlShapeError extends Error {}

export type YamlMergeResult = { merged: string } | { conflicts: Segment[][] };

/** Merges theirs' changes since base into ours. Throws YamlShapeError for a file it does not merge. */
export function mergeYaml(base: string, ours: string, theirs: string): YamlMergeResult {
  const theirsDocument = read(theirs);
  const oursTree = toTree(read(ours).contents);
  const theirsTree = toTree(theirsDocument.contents);
  const result = threeWay(toTree(read(base).contents), oursTree, theirsTree);
  if ('conflicts' in result) return result;
  let text = ours;
  for (const edit of result.edits) text = applyYamlEdit(text, theirs, theirsDocument, theirsTree, edit);
  if (!sameTree(toTree(read(text).contents), applyEdits(oursTree, theirsTree, result.edits)))
    throw new YamlShapeError('the merged text does not read back as the merged values');
  return { merged: text };
}

function read(text: string): Document {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) throw new YamlShapeError(document.errors[0]!.message);
  return document;
}

function toTree(node: unknown, depth = 0): Tree {
  if (depth > MAX_DEPTH) throw new YamlShapeError('nesting too deep');
  if (node === null || node === undefined) return { kind: 'leaf', identity: 'null' };
  if (isAlias(node) || (node as Node).anchor) throw new YamlShapeError('anchors and aliases are not merged');
  if (isMap(node)) {
    const entries = new Map<string, Tree>();
    for (const pair of node.items) {
      const key = keyOf(pair);
      if (entries.has(key)) throw new YamlShapeError(`duplicate key ${key}`);
      entries.set(key, toTree(pair.value, depth + 1));
    }
    return { kind: 'map', entries };
  }
  if (isSeq(node)) return { kind: 'list', items: node.items.map((item) => toTree(item, depth + 1)) };
  if (isScalar(node)) return { kind: 'leaf', identity: scalarIdentity(node) };
  throw new YamlShapeError('a node that is not a map, list or scalar');
}

function keyOf(pair: Pair): string {
  if (!isScalar(pair.key) || pair.key.anchor) throw new YamlShapeError('a key that is not a plain scalar');
  const value = pair.key.value;
  if (value !== null && typeof value === 'object')
    throw new YamlShapeError('a key that is not a plain scalar');
  return String(value);
}

function scalarIdentity(node: Scalar): string {
  const tag = node.tag ? `${node.tag}:` : '';
  const value = node.value;
  if (typeof value === 'number') {
    const source = node.source?.trim() ?? '';
    return (
      tag +
      (/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(source)
        ? numberIdentity(source)
        : `number:${value}`)
    );
  }
  if (typeof value === 'string') return `${tag}string:${JSON.stringify(value)}`;
  if (value === null || typeof value === 'boolean') return `${tag}${String(value)}`;
  if (value instanceof Date) return `${tag}date:${value.toISOString()}`;
  return `${tag}${typeof value}:${String(value)}`;
}

function applyYamlEdit(
  text: string,
  theirs: string,
  theirsDocument: Document,
  theirsTree: Tree,
  edit: Edit,
): string {
  const path = edit.path;
  if (path.length === 0) return theirs;
  const document = read(text);
  const replacement = nodeAt(theirsDocument.contents, path);
  const current = edit.kind === 'insert' ? undefined : nodeAt(document.contents, path);
  if (edit.kind === 'replace' && isFlowScalar(current) && isFlowScalar(replacement)) {
    const [start, end] = current.range!;
    const [from, to] = replacement.range!;
    return text.slice(0, start) + theirs.slice(from, to) + text.slice(end);
  }
  const parent = nodeAt(document.contents, path.slice(0, -1));
  const last = path.at(-1)!;
  if (isSeq(parent) && typeof last === 'number') {
    parent.items[last] = cloneNode(replacement);
  } else if (isMap(parent) && typeof last === 'string') {
    const index = parent.items.findIndex((pair) => keyOf(pair) === last);
    if (edit.kind === 'replace') parent.items[index]!.value = cloneNode(replacement);
    else if (edit.kind === 'remove') parent.items.splice(index, 1);
    else {
      const theirsParent = nodeAt(theirsDocument.contents, path.slice(0, -1));
      const theirsMap = treeAt(theirsTree, path.slice(0, -1));
      if (!isMap(theirsParent) || theirsMap?.kind !== 'map')
        throw new YamlShapeError('no map to insert from');
      const pair = theirsParent.items.find((item) => keyOf(item) === last)!;
      const after = insertAfter(theirsMap.entries, new Set(parent.items.map(keyOf)), last);
      const at = after === undefined ? 0 : parent.items.findIndex((item) => keyOf(item) === after) + 1;
      parent.items.splice(at, 0, pair.clone());
    }
  } else {
    throw new YamlShapeError('an edit where the file has no such place');
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: /[[{] \S/.test(text) });
}

function nodeAt(root: unknown, path: readonly Segment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (isMap(node) && typeof segment === 'string')
      node = node.items.find((pair) => keyOf(pair) === segment)?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
}

function isFlowScalar(node: unknown): node is Scalar & { range: [number, number, number] } {
  return (
    isScalar(node) &&
    Array.isArray(node.range) &&
    node.type !== Scalar.BLOCK_LITERAL &&
    node.type !== Scalar.BLOCK_FOLDED
  );
}

function cloneNode(node: unknown): unknown {
  return node !== null && typeof node === 'object' && 'clone' in node ? (node as Node).clone() : node;
}
