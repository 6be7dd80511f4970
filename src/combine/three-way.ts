// The three-way merge of structured values (JSON, YAML, TOML) that combine falls back on when a
// cherry-pick conflicts: base = the file before the replayed commit, ours = the combined branch,
// theirs = the replayed commit. Each format reads its files into a Tree; the merge says which of
// theirs' changes to make on ours (Edits) or which keys both sides changed differently (conflicts).
//
// The rules, per key:
// - changed on one side only (value, addition or deletion): that side wins;
// - changed on both sides to the same value: fine;
// - changed on both sides differently: a conflict, unless both are maps (then merged key by key) or
//   lists of the same length on all three sides (then merged index by index: nothing was inserted or
//   removed, so positions line up). Lists of different lengths are one value: a conflict.
// Key order does not count as a change; comments and layout are not in the Tree at all.

export type Segment = string | number;

export type Tree =
  | { kind: 'map'; entries: ReadonlyMap<string, Tree> }
  | { kind: 'list'; items: readonly Tree[] }
  /** A scalar; equal identities mean equal values (each format decides, e.g. `0.90` = `0.9`). */
  | { kind: 'leaf'; identity: string };

/** One of theirs' changes to make on ours, at a path that exists in theirs (and, but for `insert`, in ours). */
export type Edit =
  /** Ours' value at `path` becomes theirs'. */
  | { kind: 'replace'; path: Segment[] }
  /** Ours' map entry at `path` goes. */
  | { kind: 'remove'; path: Segment[] }
  /** Theirs' map entry at `path` is added to ours, after the nearest entry before it in theirs that ours has. */
  | { kind: 'insert'; path: Segment[] };

export type ThreeWayResult = { edits: Edit[] } | { conflicts: Segment[][] };

export function threeWay(base: Tree, ours: Tree, theirs: Tree): ThreeWayResult {
  const edits: Edit[] = [];
  const conflicts: Segment[][] = [];
  mergeAt([], base, ours, theirs, edits, conflicts);
  return conflicts.length > 0 ? { conflicts } : { edits };
}

function mergeAt(
  path: Segment[],
  base: Tree,
  ours: Tree,
  theirs: Tree,
  edits: Edit[],
  conflicts: Segment[][],
): void {
  if (sameTree(ours, theirs) || sameTree(base, theirs)) return;
  if (sameTree(base, ours)) {
    edits.push({ kind: 'replace', path });
    return;
  }
  if (base.kind === 'map' && ours.kind === 'map' && theirs.kind === 'map') {
    const keys = new Set([...base.entries.keys(), ...ours.entries.keys(), ...theirs.entries.keys()]);
    for (const key of keys) {
      const b = base.entries.get(key);
      const o = ours.entries.get(key);
      const t = theirs.entries.get(key);
      const at = [...path, key];
      if (b && o && t) mergeAt(at, b, o, t, edits, conflicts);
      else if (b && o) {
        // Theirs removed it: fine if ours left it as it was.
        if (sameTree(b, o)) edits.push({ kind: 'remove', path: at });
        else conflicts.push(at);
      } else if (b && t) {
        // Ours removed it: fine if theirs left it as it was.
        if (!sameTree(b, t)) conflicts.push(at);
      } else if (o && t) {
        // Both added it.
        if (!sameTree(o, t)) conflicts.push(at);
      } else if (t) {
        edits.push({ kind: 'insert', path: at });
      }
    }
    return;
  }
  if (
    base.kind === 'list' &&
    ours.kind === 'list' &&
    theirs.kind === 'list' &&
    base.items.length === ours.items.length &&
    base.items.length === theirs.items.length
  ) {
    for (let index = 0; index < base.items.length; index++)
      mergeAt(
        [...path, index],
        base.items[index]!,
        ours.items[index]!,
        theirs.items[index]!,
        edits,
        conflicts,
      );
    return;
  }
  conflicts.push(path);
}

/** Deep equality; map key order does not count. */
export function sameTree(a: Tree, b: Tree): boolean {
  if (a === b) return true;
  if (a.kind === 'leaf' || b.kind === 'leaf')
    return a.kind === 'leaf' && b.kind === 'leaf' && a.identity === b.identity;
  if (a.kind === 'list' || b.kind === 'list') {
    if (a.kind !== 'list' || b.kind !== 'list' || a.items.length !== b.items.length) return false;
    return a.items.every((item, index) => sameTree(item, b.items[index]!));
  }
  if (a.entries.size !== b.entries.size) return false;
  for (const [key, value] of a.entries) {
    const other = b.entries.get(key);
    if (other === undefined || !sameTree(value, other)) return false;
  }
  return true;
}

/** The node at `path`, or undefined. */
export function treeAt(tree: Tree, path: readonly Segment[]): Tree | undefined {
  let node: Tree | undefined = tree;
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (node.kind === 'map' && typeof segment === 'string') node = node.entries.get(segment);
    else if (node.kind === 'list' && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
}

/** A path as one string, to index edits by. */
export function pathKey(path: readonly Segment[]): string {
  return JSON.stringify(path);
}

/** The edits indexed by where they are, so that a merged file is written in one pass over ours. */
export class EditPlan {
  /** Paths whose value becomes theirs'. */
  private readonly replaced = new Set<string>();
  /** Map path → keys removed from it / added to it. */
  private readonly removed = new Map<string, Set<string>>();
  private readonly inserted = new Map<string, Set<string>>();
  /** Every path above an edit: what lies elsewhere is ours as it was. */
  private readonly above = new Set<string>();

  constructor(edits: readonly Edit[]) {
    for (const edit of edits) {
      for (let depth = 0; depth < edit.path.length; depth++)
        this.above.add(pathKey(edit.path.slice(0, depth)));
      if (edit.kind === 'replace') {
        this.replaced.add(pathKey(edit.path));
        continue;
      }
      const parent = pathKey(edit.path.slice(0, -1));
      const byParent = edit.kind === 'remove' ? this.removed : this.inserted;
      const keys = byParent.get(parent) ?? new Set<string>();
      keys.add(edit.path.at(-1) as string);
      byParent.set(parent, keys);
    }
  }

  isReplaced(path: readonly Segment[]): boolean {
    return this.replaced.has(pathKey(path));
  }

  /** True when an edit lies strictly inside the value at `path`. */
  isAbove(path: readonly Segment[]): boolean {
    return this.above.has(pathKey(path));
  }

  /** True when keys are added to or removed from the map at `path`. */
  reshapes(path: readonly Segment[]): boolean {
    const key = pathKey(path);
    return this.removed.has(key) || this.inserted.has(key);
  }

  /**
   * The keys of the map at `path` once merged, in order: ours' keys that stay, and each key theirs
   * added right after the nearest key before it in theirs' order that ours has (first if none).
   */
  keysOf(path: readonly Segment[], oursKeys: Iterable<string>, theirsKeys: Iterable<string>): string[] {
    const removed = this.removed.get(pathKey(path)) ?? new Set<string>();
    const inserted = this.inserted.get(pathKey(path)) ?? new Set<string>();
    const kept = [...oursKeys].filter((key) => !removed.has(key));
    const keptSet = new Set(kept);
    const after = new Map<string | undefined, string[]>();
    let anchor: string | undefined;
    for (const key of theirsKeys) {
      if (keptSet.has(key)) anchor = key;
      else if (inserted.has(key)) {
        const group = after.get(anchor);
        if (group) group.push(key);
        else after.set(anchor, [key]);
      }
    }
    const order = [...(after.get(undefined) ?? [])];
    for (const key of kept) order.push(key, ...(after.get(key) ?? []));
    return order;
  }
}

/** What ours becomes once `edits` are made: what a format's rewritten file must read back as. */
export function applyEdits(ours: Tree, theirs: Tree, edits: readonly Edit[]): Tree {
  const plan = new EditPlan(edits);
  const build = (node: Tree, path: Segment[]): Tree => {
    if (plan.isReplaced(path)) return treeAt(theirs, path)!;
    if (!plan.isAbove(path) || node.kind === 'leaf') return node;
    if (node.kind === 'list')
      return { kind: 'list', items: node.items.map((item, index) => build(item, [...path, index])) };
    const theirsMap = treeAt(theirs, path);
    const theirsEntries = theirsMap?.kind === 'map' ? theirsMap.entries : new Map<string, Tree>();
    const entries = new Map<string, Tree>();
    for (const key of plan.keysOf(path, node.entries.keys(), theirsEntries.keys())) {
      const mine = node.entries.get(key);
      entries.set(key, mine === undefined ? theirsEntries.get(key)! : build(mine, [...path, key]));
    }
    return { kind: 'map', entries };
  };
  return build(ours, []);
}

/** `model.layers[2]`; keys that are not plain names are quoted (`"a.b"`). */
export function describePath(path: readonly Segment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else {
      const name = /^[A-Za-z0-9_-]+$/.test(segment) ? segment : JSON.stringify(segment);
      text += text === '' ? name : `.${name}`;
    }
  }
  return text;
}

/**
 * A number's identity from its spelling: integers exactly (`12345678901234567891` is not `…890`),
 * other numbers by value (`0.90` is `0.9`, `1e-3` is `0.001`), and an integer is never a float (`1` is
 * not `1.0`, which Python reads as a float).
 */
export function numberIdentity(raw: string): string {
  const text = raw.replace(/_/g, '');
  if (/^[-+]?\d+$/.test(text)) return `int:${BigInt(text)}`;
  return `float:${Number(text)}`;
}
