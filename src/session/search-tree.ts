// search: tree, the session's side (docs/search.md). The pure rules (which node a proposal starts from,
// which candidate stays a node, which nodes go) are in src/search/nodes.ts; this file keeps the tree in
// the repository:
// - the tree is rebuilt from the ledger's records at every proposal (nodes: the baseline, `keep` rows and
//   `explore` rows; each record's `parent_experiment` says which node it was proposed from), so a
//   resumed session carries on with the same tree;
// - every node is pinned by refs/autoexp/<tag>/nodes/<experiment>, a ref autoexp alone moves (the
//   repository guard puts back what untrusted code does to it). A node whose ref is gone (pruned) or does
//   not hold the commit its record names is not chosen; the head is always there;
// - a node's scope files are read from the commit its record names, never from a tree, and are checked
//   against the record's scope_hash (a record names its commit by a short sha: another commit may share it).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { MetricSpec } from '../config/settings.js';
import type { Git } from '../git/git.js';
import type { ExperimentRecord } from '../ledger/types.js';
import { chooseParent, lineage, MAX_NODES, nodesToPrune, parentRandom } from '../search/nodes.js';
import { treeFromRecords, type LedgerTree, type TreeNode } from '../search/ledger-tree.js';
import type { RepositoryGuard } from '../tree/guard.js';
import type { ScopeMatcher } from './scope.js';
import { scopeHash } from './scope-hash.js';

export function nodeRefPrefix(tag: string): string {
  return `refs/autoexp/${tag}/nodes/`;
}

/** Whether `name` (what follows the prefix) is a node's: its experiment's number as autoexp writes it. */
export function isNodeRefNumber(name: string): boolean {
  return /^(0|[1-9]\d{0,8})$/.test(name);
}

export function nodeRefName(tag: string, experiment: number): string {
  return `${nodeRefPrefix(tag)}${experiment}`;
}

/** Where a proposal starts: the node, its path from the root, and its scope files. */
export interface Start {
  node: TreeNode;
  /** Root first, the node last. */
  lineage: TreeNode[];
  /** The node's scope files, read from its commit; undefined for the head (its files are the session's own). */
  contents?: Map<string, string>;
}

export class SearchTree {
  /** Proposals in flight, by experiment: the node each started from (they count as its expansions). */
  readonly inFlight = new Map<number, number>();
  /**
   * Experiments before this one start from the head: commits applied again after a push race replay a
   * change made on the head (SessionOptions.reapplyFirst).
   */
  fromHeadUntil = 0;
  /** Choices are made one at a time, in the order experiments start, so that each sees the ones before. */
  private choosing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly git: Git,
    private readonly tag: string,
    private readonly primary: MetricSpec,
    private readonly seed: number,
    private readonly guard: RepositoryGuard,
  ) {}

  /** The tree as the ledger records it, with the proposals in flight counted as expansions. */
  tree(records: readonly ExperimentRecord[]): LedgerTree {
    const tree = treeFromRecords(records, this.primary);
    for (const parent of this.inFlight.values()) {
      const node = tree.nodes.find((candidate) => candidate.experiment === parent);
      if (node) node.expansions++;
    }
    return tree;
  }

  /**
   * The nodes that can be proposed from: the head, and every other node whose ref holds the commit its
   * record names (by full sha).
   */
  async liveNodes(
    records: readonly ExperimentRecord[],
  ): Promise<{ tree: LedgerTree; live: TreeNode[]; commits: Map<number, string> }> {
    const tree = this.tree(records);
    const refs = await this.nodeRefs();
    const commits = new Map<number, string>();
    const live = tree.nodes.filter((node) => {
      if (node.experiment === tree.head) return true;
      const sha = refs.get(node.experiment);
      if (!refHoldsRecord(node, sha)) return false;
      commits.set(node.experiment, sha);
      return true;
    });
    return { tree, live, commits };
  }

  /**
   * The node experiment `experiment` starts from, chosen by chooseParent with parentRandom (the configured
   * seed and the experiment number: the same ledger gives the same choice). Counted as in flight until
   * `settled`.
   */
  choose(
    experiment: number,
    records: () => Promise<readonly ExperimentRecord[]>,
    inScope: ScopeMatcher,
    stage?: string,
  ): Promise<Start> {
    const chosen = this.choosing.then(async () => {
      const { tree, live, commits } = await this.liveNodes(await records());
      for (let candidates = live; ;) {
        if (candidates.length === 0) throw new Error('search: tree: the ledger has no node to start from');
        const node = chooseParent(candidates, parentRandom(this.seed, experiment), experiment) as TreeNode;
        const commit = commits.get(node.experiment);
        const contents = commit === undefined ? undefined : await this.scopeContentsAt(commit, inScope);
        // A commit that only shares the record's short sha (planted by untrusted code, or fetched from
        // a remote) is not the node: its files are not the ones the record names.
        if (contents && !holdsRecordedFiles(node, contents, stage)) {
          candidates = candidates.filter((other) => other !== node);
          continue;
        }
        this.inFlight.set(experiment, node.experiment);
        const start: Start = { node, lineage: lineage(tree.nodes, node.experiment) as TreeNode[] };
        if (contents) start.contents = contents;
        return start;
      }
    });
    this.choosing = chosen.catch(() => undefined);
    return chosen;
  }

  /** The experiment was recorded (or will not be): it no longer counts as in flight. */
  settled(experiment: number): void {
    this.inFlight.delete(experiment);
  }

  /**
   * The scope files of `node` read through its ref, when the ref holds the commit its record names and
   * the files are the ones it recorded; undefined otherwise.
   */
  async nodeContents(
    node: TreeNode,
    inScope: ScopeMatcher,
    stage?: string,
  ): Promise<Map<string, string> | undefined> {
    const sha = (await this.nodeRefs()).get(node.experiment);
    if (!refHoldsRecord(node, sha)) return undefined;
    const contents = await this.scopeContentsAt(sha, inScope);
    return holdsRecordedFiles(node, contents, stage) ? contents : undefined;
  }

  /** The scope files of `commit` (full sha), as git stores them. */
  async scopeContentsAt(commit: string, inScope: ScopeMatcher): Promise<Map<string, string>> {
    const contents = new Map<string, string>();
    for (const entry of await this.git.listTree(commit)) {
      // Plain files only (a symlink or a gitlink is never in scope).
      if (!inScope(entry.path) || !entry.mode.startsWith('100')) continue;
      contents.set(entry.path, await this.git.readBlob(entry.object));
    }
    return contents;
  }

  /** Pins experiment `experiment`'s commit as a node (told to the guard first, so no check undoes it). */
  async addNode(experiment: number, commit: string): Promise<void> {
    const ref = nodeRefName(this.tag, experiment);
    const sha = (await this.git.resolve(commit)) ?? commit;
    this.guard.noteOwnRef(ref, sha);
    await this.git.setRef(ref, sha);
  }

  /** Lets the weakest nodes go past the bound (their refs are deleted; the records stay). */
  async prune(records: readonly ExperimentRecord[], max = MAX_NODES): Promise<number[]> {
    // Within the bound (nodes are never fewer than the live ones) there is nothing to read the refs for.
    if (this.tree(records).nodes.length <= max) return [];
    const { tree, live } = await this.liveNodes(records);
    const gone = nodesToPrune(live, tree.head, max).map((node) => node.experiment);
    for (const experiment of gone) {
      const ref = nodeRefName(this.tag, experiment);
      this.guard.noteOwnRef(ref, undefined);
      await this.git.deleteRef(ref);
    }
    return gone;
  }

  private async nodeRefs(): Promise<Map<number, string>> {
    const prefix = nodeRefPrefix(this.tag);
    const refs = new Map<number, string>();
    for (const [name, value] of await this.git.refs()) {
      if (!name.startsWith(prefix)) continue;
      const number = name.slice(prefix.length);
      if (isNodeRefNumber(number) && /^[0-9a-f]{40,64}$/.test(value)) refs.set(Number(number), value);
    }
    return refs;
  }
}

/**
 * Whether a node's ref holds the commit its record names. One that does not was changed, and not by
 * autoexp; a record's short sha is checked further by holdsRecordedFiles.
 */
function refHoldsRecord(node: TreeNode, sha: string | undefined): sha is string {
  return sha !== undefined && node.commit.length >= 4 && sha.startsWith(node.commit);
}

/**
 * Whether `contents`, read from a node's commit, are the files its record names (its scope_hash). A node
 * from another stage (`stage`: the current one) recorded other files in scope: it is taken as it is.
 */
function holdsRecordedFiles(node: TreeNode, contents: ReadonlyMap<string, string>, stage?: string): boolean {
  return node.scopeHash === undefined || node.stage !== stage || scopeHash(contents) === node.scopeHash;
}

/**
 * Writes `contents` (a node's scope files) into a tree whose scope files are `current`: changed files are
 * rewritten, files the node does not have are removed.
 */
export async function writeScopeState(
  root: string,
  current: ReadonlyMap<string, string>,
  contents: ReadonlyMap<string, string>,
): Promise<void> {
  for (const path of current.keys()) if (!contents.has(path)) await rm(join(root, path), { force: true });
  for (const [path, text] of contents) {
    if (current.get(path) === text) continue;
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}
