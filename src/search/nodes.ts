// search: tree (docs/search.md). Every experiment kept as a node (the baseline, keeps, and `explore`
// rows: nodes kept off the branch's head) can be proposed from; this file decides, purely, which node the
// next proposal starts from, whether a measured candidate is kept as a node, and which nodes a bounded
// tree lets go. The session owns the commits and refs; this file sees numbers only.
import { seededRandom, type Random } from '../propose/mutate/random.js';

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

/** How many experiments back the search looks to tell whether the best is still improving. */
export const STALL_WINDOW = 24;
/**
 * The best has stalled when, over the last STALL_WINDOW experiments, it improved by at most this share
 * of what the whole search gained (the best's score minus the root's).
 */
export const STALL_GAIN = 0.0002;
/** Weight of the exploration term against the normalised score in the bound. */
export const EXPLORATION = 1;
/** Nodes kept at most (their refs); past it the weakest leaves go. */
export const MAX_NODES = 64;

/**
 * The random draws of chooseParent for an experiment: the same seed and experiment always draw the same,
 * and not what mutate draws for that experiment (seededRandom(seed, experiment)).
 */
export function parentRandom(seed: number, experiment: number): Random {
  return seededRandom(seed, 'parent', experiment);
}

/** The best node: the highest score, ties to the lower experiment. */
export function bestNode(nodes: readonly SearchNode[]): SearchNode {
  if (nodes.length === 0) throw new Error('bestNode: no nodes');
  return nodes.reduce((best, node) =>
    node.score > best.score || (node.score === best.score && node.experiment < best.experiment) ? node : best,
  );
}

/**
 * Whether the best node has stalled: STALL_WINDOW experiments ago the tree already had a node within
 * STALL_GAIN × (best − root) of the best's score. `experiment` is the one being proposed; by default
 * the tree's count of experiments proposed so far, plus one (what a tree that lost no node records).
 * Never while the tree is younger than the window.
 */
export function stalled(nodes: readonly SearchNode[], experiment?: number): boolean {
  const best = bestNode(nodes);
  const root = nodes.reduce((first, node) => (node.experiment < first.experiment ? node : first));
  const now =
    experiment ??
    Math.max(
      ...nodes.map((node) => node.experiment),
      nodes.reduce((sum, node) => sum + node.expansions, 0),
    ) + 1;
  const earlier = nodes.filter((node) => node.experiment <= now - STALL_WINDOW);
  if (earlier.length === 0) return false;
  const then = Math.max(...earlier.map((node) => node.score));
  return best.score - then <= STALL_GAIN * (best.score - root.score);
}

/**
 * The node the next proposal starts from:
 * - the best node while it is still improving (see stalled): the hill-climb;
 * - once it has stalled, the node with the highest upper confidence bound: its score normalised over the
 *   tree (the worst 0, the best 1) plus EXPLORATION × sqrt(ln(total expansions + 1) / (its expansions +
 *   1)). Ties go to the lower experiment.
 * `experiment`: the experiment being proposed (see stalled). The rule draws nothing (the exploration
 * term already reaches every node in time; a random node 10 % of the time once stalled lost the
 * benchmark's deceptive problem): `random` (parentRandom) is there for a rule that draws, so that the
 * session's call stays the same when one is measured.
 */
export function chooseParent(nodes: readonly SearchNode[], _random: Random, experiment?: number): SearchNode {
  const best = bestNode(nodes);
  if (!stalled(nodes, experiment)) return best;
  const low = Math.min(...nodes.map((node) => node.score));
  const span = best.score - low;
  const total = nodes.reduce((sum, node) => sum + node.expansions, 0);
  let chosen = nodes[0]!;
  let chosenBound = -Infinity;
  for (const node of nodes) {
    const normalised = span > 0 ? (node.score - low) / span : 1;
    const bound = normalised + EXPLORATION * Math.sqrt(Math.log(total + 1) / (node.expansions + 1));
    if (bound > chosenBound || (bound === chosenBound && node.experiment < chosen.experiment)) {
      chosen = node;
      chosenBound = bound;
    }
  }
  return chosen;
}

/**
 * Whether a measured candidate that is not the new best stays in the tree as a node (status `explore`):
 * when it scores strictly better than the node it was proposed from.
 */
export function keepAsNode(
  candidateScore: number,
  parent: SearchNode,
  _nodes: readonly SearchNode[],
): boolean {
  return candidateScore > parent.score;
}

/**
 * The nodes to let go so that at most `max` remain: the lowest-scoring leaves first (a node whose children
 * all went is a leaf then), never a root or `keep` (the best node) or any node on its path. Fewer go when
 * only protected nodes are left.
 */
export function nodesToPrune(nodes: readonly SearchNode[], keep: number, max = MAX_NODES): SearchNode[] {
  const protectedNodes = new Set(lineage(nodes, keep).map((node) => node.experiment));
  const remaining = new Map(nodes.map((node) => [node.experiment, node]));
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

/**
 * The path from the root to `experiment`, root first: as far back as parents are known, each node once
 * (parents that loop stop the walk). Empty when `experiment` is not a node.
 */
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
