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
  type YAMLMap,
  Scalar,
} from 'yaml';
import { MAX_DEPTH } from './merge-json.js';
import {
  applyEdits,
  EditPlan,
  pathKey,
  numberIdentity,
  sameTree,
  threeWay,
  type Segment,
  type Tree,
} from './three-way.js';

export class YamlShapeError extends Error {}

export type YamlMergeResult = { merged: string } | { conflicts: Segment[][] };

/** Merges theirs' changes since base into ours. Throws YamlShapeError for a file it does not merge. */
export function mergeYaml(base: string, ours: string, theirs: string): YamlMergeResult {
  const oursDocument = read(ours);
  const theirsDocument = read(theirs);
  const oursTree = toTree(oursDocument.contents);
  const theirsTree = toTree(theirsDocument.contents);
  const result = threeWay(toTree(read(base).contents), oursTree, theirsTree);
  if ('conflicts' in result) return result;
  // First every scalar replaced by a scalar, in ours' text; then the rest through the document model.
  const swaps: Swap[] = [];
  findSwaps(oursDocument.contents, theirsDocument.contents, [], new EditPlan(result.edits), swaps);
  let text = spliceSwaps(ours, theirs, swaps);
  const swapped = new Set(swaps.map((swap) => pathKey(swap.path)));
  const rest = result.edits.filter((edit) => !swapped.has(pathKey(edit.path)));
  if (rest.length > 0) {
    const document = read(text);
    document.contents = rebuilt(document.contents, theirsDocument.contents, [], new EditPlan(rest)) as never;
    text = document.toString({ lineWidth: 0, flowCollectionPadding: /[[{] \S/.test(text) });
  }
  if (!sameTree(toTree(read(text).contents), applyEdits(oursTree, theirsTree, result.edits)))
    throw new YamlShapeError('the merged text does not read back as the merged values');
  return { merged: text };
}

interface Swap {
  path: Segment[];
  ours: [number, number];
  theirs: [number, number];
}

/** The replaced values that are a flow scalar in ours and in theirs (ours and theirs walked together). */
function findSwaps(ours: unknown, theirs: unknown, path: Segment[], plan: EditPlan, swaps: Swap[]): void {
  if (plan.isReplaced(path)) {
    if (isFlowScalar(ours) && isFlowScalar(theirs))
      swaps.push({ path, ours: [ours.range[0], ours.range[1]], theirs: [theirs.range[0], theirs.range[1]] });
    return;
  }
  if (!plan.isAbove(path)) return;
  if (isSeq(ours) && isSeq(theirs))
    ours.items.forEach((item, index) => findSwaps(item, theirs.items[index], [...path, index], plan, swaps));
  if (isMap(ours) && isMap(theirs)) {
    const theirsPairs = pairsByKey(theirs);
    for (const pair of ours.items) {
      const key = keyOf(pair);
      findSwaps(pair.value, theirsPairs.get(key)?.value, [...path, key], plan, swaps);
    }
  }
}

function spliceSwaps(ours: string, theirs: string, swaps: Swap[]): string {
  swaps.sort((a, b) => a.ours[0] - b.ours[0]);
  let text = '';
  let position = 0;
  for (const swap of swaps) {
    if (swap.ours[0] < position) throw new YamlShapeError('overlapping changes');
    text += ours.slice(position, swap.ours[0]) + theirs.slice(swap.theirs[0], swap.theirs[1]);
    position = swap.ours[1];
  }
  return text + ours.slice(position);
}

/** Ours' node with the plan's edits made (nodes copied from theirs where it replaces or adds). */
function rebuilt(ours: unknown, theirs: unknown, path: Segment[], plan: EditPlan): unknown {
  if (plan.isReplaced(path)) return cloneNode(theirs);
  if (!plan.isAbove(path)) return ours;
  if (isSeq(ours) && isSeq(theirs)) {
    ours.items = ours.items.map((item, index) => rebuilt(item, theirs.items[index], [...path, index], plan));
    return ours;
  }
  if (!isMap(ours) || !isMap(theirs)) throw new YamlShapeError('an edit where the file has no such place');
  const oursPairs = pairsByKey(ours);
  const theirsPairs = pairsByKey(theirs);
  ours.items = plan.keysOf(path, oursPairs.keys(), theirsPairs.keys()).map((key) => {
    const pair = oursPairs.get(key);
    if (pair === undefined) return theirsPairs.get(key)!.clone();
    pair.value = rebuilt(pair.value, theirsPairs.get(key)?.value, [...path, key], plan);
    return pair;
  });
  return ours;
}

function pairsByKey(map: YAMLMap): Map<string, Pair> {
  return new Map(map.items.map((pair: Pair) => [keyOf(pair), pair]));
}

function read(text: string): Document {
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
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
