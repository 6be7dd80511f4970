// search: tree (docs/search.md). Every experiment kept as a node (the baseline, keeps, and `explore`
// rows: nodes kept off the branch's head) can be proposed from; this file decides, purely, which node the
// next proposal starts from, whether a measured candidate is kept as a node, and which nodes a bounded
// tree lets go. The session owns the commits and refs; this file sees numbers only.
import type { Random } from '../propose/mutate/random.js';

/** One node of the search tree. */
export interface SearchNode {
  /** The experiment that made it (0: the baseline, the root). */
  experiment: number;
  /** The experiment it was proposed from; undefined for the root. */
  parent?: number;
  /** The primary metric, turned so that higher is better (minimized metrics are negated). */
  score: number;
  /** Experiments proposed from it so far, those in flight included. */
  expansions: number;
}

/** How often a node is chosen at random instead of by its bound (keeps every node reachable). */
export const RANDOM_PARENT = 0.1;
/** Weight of the exploration term against the normalised score. */
export const EXPLORATION = 0.5;
/** Nodes kept at most (their refs); past it the weakest leaves go. */
export const MAX_NODES = 64;

/**
 * The node the next proposal starts from: with probability RANDOM_PARENT any node, otherwise the node
 * with the highest upper confidence bound, its score normalised over the tree plus
 * EXPLORATION × sqrt(ln(total expansions + 1) / (its expansions + 1)). Ties go to the lower experiment.
 */
export function chooseParent(nodes: readonly SearchNode[], random: Random): SearchNode {
  if (nodes.length === 0) throw new Error('chooseParent: no nodes');
  if (random.next() < RANDOM_PARENT) return nodes[random.int(nodes.length)]!;
  const scores = nodes.map((node) => node.score);
  const low = Math.min(...scores);
  const span = Math.max(...scores) - low;
  const total = nodes.reduce((sum, node) => sum + node.expansions, 0);
  let best = nodes[0]!;
  let bestBound = -Infinity;
  for (const node of nodes) {
    const normalised = span > 0 ? (node.score - low) / span : 1;
    const bound = normalised + EXPLORATION * Math.sqrt(Math.log(total + 1) / (node.expansions + 1));
    if (bound > bestBound || (bound === bestBound && node.experiment < best.experiment)) {
      best = node;
      bestBound = bound;
    }
  }
  return best;
}

/**
 * Whether a measured candidate that is not the new best stays in the tree as a node (status `explore`):
 * when it scores better than the node it was proposed from.
 */
export function keepAsNode(
  candidateScore: number,
  parent: SearchNode,
  _nodes: readonly SearchNode[],
): boolean {
  return candidateScore > parent.score;
}

/**
 * The nodes to let go so that at most `max` remain: the lowest-scoring leaves first, never the root or
 * `keep` (the best node, and so every node on its path is kept too).
 */
export function nodesToPrune(nodes: readonly SearchNode[], keep: number, max = MAX_NODES): SearchNode[] {
  const byExperiment = new Map(nodes.map((node) => [node.experiment, node]));
  const protectedNodes = new Set<number>();
  for (let at: SearchNode | undefined = byExperiment.get(keep); at;) {
    protectedNodes.add(at.experiment);
    at = at.parent === undefined ? undefined : byExperiment.get(at.parent);
  }
  const remaining = new Map(byExperiment);
  const pruned: SearchNode[] = [];
  while (remaining.size > max) {
    const parents = new Set([...remaining.values()].map((node) => node.parent));
    const leaves = [...remaining.values()].filter(
      (node) =>
        node.parent !== undefined && !parents.has(node.experiment) && !protectedNodes.has(node.experiment),
    );
    if (leaves.length === 0) break;
    leaves.sort((a, b) => a.score - b.score || a.experiment - b.experiment);
    pruned.push(leaves[0]!);
    remaining.delete(leaves[0]!.experiment);
  }
  return pruned;
}

/** The path from the root to `experiment`, root first. */
export function lineage(nodes: readonly SearchNode[], experiment: number): SearchNode[] {
  const byExperiment = new Map(nodes.map((node) => [node.experiment, node]));
  const path: SearchNode[] = [];
  const seen = new Set<number>();
  for (let at = byExperiment.get(experiment); at && !seen.has(at.experiment);) {
    seen.add(at.experiment);
    path.unshift(at);
    at = at.parent === undefined ? undefined : byExperiment.get(at.parent);
  }
  return path;
}
