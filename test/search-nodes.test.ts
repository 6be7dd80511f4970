import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../src/propose/mutate/random.js';
import {
  bestNode,
  chooseParent,
  EXPLORATION,
  keepAsNode,
  lineage,
  MAX_NODES,
  nodesToPrune,
  parentRandom,
  stalled,
  STALL_GAIN,
  STALL_WINDOW,
  type SearchNode,
} from '../src/search/nodes.js';

const node = (experiment: number, parent: number | undefined, score: number, expansions = 0): SearchNode =>
  parent === undefined ? { experiment, score, expansions } : { experiment, parent, score, expansions };

/** A Random that must not be used. */
const noDraws: Random = {
  next: () => {
    throw new Error('drew');
  },
  int: () => {
    throw new Error('drew');
  },
  shuffle: () => {
    throw new Error('drew');
  },
};

/**
 * A stalled tree: 36 experiments proposed, the best (2, score 10) made long before the last STALL_WINDOW;
 * 3 is a lower node never expanded.
 */
const stuck = (): SearchNode[] => [node(0, undefined, 0, 20), node(2, 0, 10, 16), node(3, 0, 5, 0)];

describe('stalled', () => {
  // the best (5) was made at experiment 5; the root scored 0
  const tree = (best: number) => [node(0, undefined, 0, 10), node(5, 0, 10, 10), node(25, 5, best, 5)];
  // proposing this one, the window reaches back to experiment 6: the best then was 5 (score 10)
  const at = 6 + STALL_WINDOW;

  it('not while the tree is younger than the window', () => {
    expect(STALL_WINDOW).toBe(24);
    expect(stalled([node(0, undefined, 0, 3)], STALL_WINDOW - 1)).toBe(false);
    expect(stalled([node(3, undefined, 0, 3)], 3 + STALL_WINDOW - 1)).toBe(false);
    expect(stalled([node(0, undefined, 0, 3)], STALL_WINDOW)).toBe(true);
  });

  it('when the best gained at most STALL_GAIN of the whole gain over the window', () => {
    expect(STALL_GAIN).toBe(0.0002);
    expect(stalled(tree(10), at)).toBe(true);
    expect(stalled(tree(10.002), at)).toBe(true); // gained 0.002 <= 0.0002 × 10.002
    expect(stalled(tree(10.0021), at)).toBe(false); // gained 0.0021 > 0.0002 × 10.0021
    expect(stalled(tree(12), at)).toBe(false);
    // one experiment earlier the window reaches back to 5 only just: the same
    expect(stalled(tree(12), at - 1)).toBe(false);
    // later, the improvement at 25 is no longer inside the window: stalled again
    expect(stalled(tree(12), 25 + STALL_WINDOW - 1)).toBe(false);
    expect(stalled(tree(12), 25 + STALL_WINDOW)).toBe(true);
  });

  it('minimised metrics too: scores below zero', () => {
    const negative = [node(0, undefined, -100, 10), node(5, 0, -50, 10), node(25, 5, -49.99, 5)];
    expect(stalled(negative, at)).toBe(true); // gained 0.01 <= 0.0002 × 50.01
    negative[2]!.score = -49.98;
    expect(stalled(negative, at)).toBe(false);
  });

  it("without the experiment: the tree's expansions plus one, or its latest node's plus one", () => {
    // 30 expansions: experiment 31 is proposed, the window reaches back to 7
    expect(stalled(tree(10).map((each) => ({ ...each, expansions: 10 })))).toBe(true);
    // 6 expansions, but node 25 exists: experiment 26, the window reaches back to 2, before node 5
    expect(stalled(tree(10).map((each) => ({ ...each, expansions: 2 })))).toBe(false);
    // 18 expansions: experiment 19, too young
    expect(stalled([node(0, undefined, 0, 10), node(5, 0, 10, 8)])).toBe(false);
  });
});

describe('chooseParent', () => {
  it('a tree of one node: that node, young or stalled', () => {
    const root = node(0, undefined, -3, 0);
    expect(chooseParent([root], noDraws)).toBe(root);
    const tired = node(0, undefined, -3, 40);
    expect(stalled([tired])).toBe(true);
    expect(chooseParent([tired], noDraws)).toBe(tired);
  });

  it('refuses an empty tree', () => {
    expect(() => chooseParent([], noDraws)).toThrow(/no nodes/);
  });

  it('the best node while it is still improving, without drawing', () => {
    const nodes = [node(0, undefined, 0, 30), node(1, 0, 4, 1), node(25, 1, 9, 5), node(26, 1, 8, 0)];
    expect(chooseParent(nodes, noDraws).experiment).toBe(25);
    expect(chooseParent(nodes, noDraws, 44).experiment).toBe(25);
  });

  it('the experiment given decides whether the tree has stalled', () => {
    // 6 experiments proposed: young by default, the best (2); at experiment 40 the best has not moved for
    // 20, and the bound picks 1: 0.8 + sqrt(ln 7 / 1) ≈ 2.19 against 1 + sqrt(ln 7 / 7) ≈ 1.53 for 2
    const nodes = [node(0, undefined, 0, 0), node(1, 0, 4, 0), node(2, 1, 5, 6)];
    expect(chooseParent(nodes, noDraws).experiment).toBe(2);
    expect(chooseParent(nodes, noDraws, 40).experiment).toBe(1);
  });

  it('once stalled, the highest bound (a lower node never expanded beats the tired best)', () => {
    // total expansions 36: bound(2) = 1 + EXPLORATION·sqrt(ln 37 / 17) ≈ 1.46, bound(3) = 0.5 + sqrt(ln 37) ≈ 2.40
    expect(EXPLORATION).toBe(1);
    expect(chooseParent(stuck(), noDraws).experiment).toBe(3);
  });

  it('once stalled, the score still counts: a lower node expanded often loses to the best', () => {
    // total 70: bound(2) ≈ 1 + sqrt(4.26 / 17) ≈ 1.50, bound(3) ≈ 0.5 + sqrt(4.26 / 35) ≈ 0.85, root ≈ 0.45
    const nodes = stuck().map((each) => (each.experiment === 3 ? { ...each, expansions: 34 } : each));
    expect(chooseParent(nodes, noDraws).experiment).toBe(2);
  });

  it('once stalled, at the boundary: 2 expansions of the lower node still beat the best, 3 do not', () => {
    // total 38: bound(3) = 0.5 + sqrt(ln 39 / 3) ≈ 1.605 > bound(2) ≈ 1.464;
    // total 39: bound(3) = 0.5 + sqrt(ln 40 / 4) ≈ 1.460 < bound(2) ≈ 1.466
    const expanded = (times: number) =>
      stuck().map((each) => (each.experiment === 3 ? { ...each, expansions: times } : each));
    expect(chooseParent(expanded(2), noDraws).experiment).toBe(3);
    expect(chooseParent(expanded(3), noDraws).experiment).toBe(2);
  });

  it('ties go to the lower experiment, for the best and for the bound', () => {
    const young = [node(4, 0, 7, 0), node(0, undefined, 1, 3), node(2, 0, 7, 0)];
    expect(chooseParent(young, noDraws).experiment).toBe(2);
    // all scores equal (stalled: no gain at all) and equally expanded: every bound is the same
    const flat = [node(3, 0, 1, 10), node(0, undefined, 1, 10), node(1, 0, 1, 10)];
    expect(stalled(flat)).toBe(true);
    expect(chooseParent(flat, noDraws).experiment).toBe(0);
  });

  it('is pure: the same tree gives the same node, and the tree is left as it was', () => {
    const nodes = Object.freeze(stuck().map((each) => Object.freeze(each)));
    for (let experiment = 1; experiment < 20; experiment++) {
      const first = chooseParent(nodes, parentRandom(3, experiment));
      expect(chooseParent(nodes, parentRandom(3, experiment))).toBe(first);
    }
    expect(nodes).toEqual(stuck());
  });

  it('a stalled tree: the same node whatever the seed and experiment (the rule draws nothing)', () => {
    for (let experiment = 1; experiment <= 200; experiment++)
      expect(chooseParent(stuck(), parentRandom(experiment % 7, experiment)).experiment).toBe(3);
    expect(chooseParent(stuck(), noDraws).experiment).toBe(3);
  });

  it("parentRandom: the session's stream (seed, 'parent', experiment), not the one mutate draws", () => {
    const draws = (random: Random) => Array.from({ length: 4 }, () => random.next());
    expect(draws(parentRandom(5, 9))).toEqual(draws(seededRandom(5, 'parent', 9)));
    expect(draws(parentRandom(5, 9))).not.toEqual(draws(parentRandom(5, 10)));
    expect(draws(parentRandom(5, 9))).not.toEqual(draws(parentRandom(6, 9)));
    expect(draws(parentRandom(5, 9))).not.toEqual(draws(seededRandom(5, 9)));
  });
});

describe('bestNode', () => {
  it('the highest score, ties to the lower experiment; an empty tree is an error', () => {
    expect(
      bestNode([node(0, undefined, -5), node(3, 0, -1), node(2, 0, -1), node(4, 2, -2)]).experiment,
    ).toBe(2);
    expect(() => bestNode([])).toThrow(/no nodes/);
  });
});

describe('keepAsNode', () => {
  const parent = node(1, 0, 10, 4);
  const tree = [node(0, undefined, 0), parent, node(7, 1, 11), node(8, 1, 12), node(9, 0, 20)];
  it('only a candidate strictly better than the node it came from, however many children it has', () => {
    expect(keepAsNode(10.000001, parent, tree)).toBe(true);
    expect(keepAsNode(19, parent, tree)).toBe(true);
    expect(keepAsNode(10, parent, tree)).toBe(false);
    expect(keepAsNode(9.99, parent, tree)).toBe(false);
    expect(keepAsNode(Number.NaN, parent, tree)).toBe(false);
  });

  it('a minimised metric: scores are negated values, so a lower value is better', () => {
    const from = node(3, 0, -0.5);
    expect(keepAsNode(-0.4, from, [from])).toBe(true);
    expect(keepAsNode(-0.6, from, [from])).toBe(false);
  });
});

describe('nodesToPrune', () => {
  // 0 ─ 1 ─ 2 ─ 3 (best)        the best path
  //  ├─ 4 (score 1) ─ 6 (score 0.5)
  //  └─ 5 (score 3)
  const tree = (): SearchNode[] => [
    node(0, undefined, 0),
    node(1, 0, 5),
    node(2, 1, 6),
    node(3, 2, 9),
    node(4, 0, 1),
    node(5, 0, 3),
    node(6, 4, 0.5),
  ];
  const experiments = (nodes: SearchNode[]) => nodes.map((each) => each.experiment);

  it('nothing while the tree is within the bound', () => {
    expect(nodesToPrune(tree(), 3, 7)).toEqual([]);
    expect(nodesToPrune(tree(), 3)).toEqual([]);
    expect(MAX_NODES).toBeGreaterThanOrEqual(7);
  });

  it('the weakest leaves first, a node whose children went becoming a leaf', () => {
    expect(experiments(nodesToPrune(tree(), 3, 6))).toEqual([6]);
    expect(experiments(nodesToPrune(tree(), 3, 5))).toEqual([6, 4]);
    expect(experiments(nodesToPrune(tree(), 3, 4))).toEqual([6, 4, 5]);
  });

  it('never the root or the best path, even when the bound cannot be met', () => {
    const pruned = experiments(nodesToPrune(tree(), 3, 1));
    expect(pruned).toEqual([6, 4, 5]);
    for (const kept of [0, 1, 2, 3]) expect(pruned).not.toContain(kept);
  });

  it('the best path is whatever `keep` says, even a weak one', () => {
    // keep 6: its path 0-4-6 stays; 3 and then 2 and 1 go, weakest leaf first
    expect(experiments(nodesToPrune(tree(), 6, 3))).toEqual([5, 3, 2, 1]);
  });

  it('equal scores: the lower experiment goes first', () => {
    const nodes = [node(0, undefined, 0), node(1, 0, 2), node(2, 0, 2), node(3, 0, 9)];
    expect(experiments(nodesToPrune(nodes, 3, 3))).toEqual([1]);
  });

  it('parents that loop neither hang nor go', () => {
    const nodes = [node(0, undefined, 0), node(1, 2, 5), node(2, 1, 5), node(3, 0, 9), node(4, 0, 1)];
    expect(experiments(nodesToPrune(nodes, 3, 1))).toEqual([4]);
    expect(experiments(nodesToPrune(nodes, 1, 1))).toEqual([4, 3]);
  });
});

describe('lineage', () => {
  const nodes = [node(0, undefined, 0), node(1, 0, 1), node(4, 1, 2), node(7, 4, 3), node(9, 0, 1)];
  const path = (of: number, from = nodes) => lineage(from, of).map((each) => each.experiment);

  it('root first, down to the node', () => {
    expect(path(7)).toEqual([0, 1, 4, 7]);
    expect(path(9)).toEqual([0, 9]);
    expect(path(0)).toEqual([0]);
  });

  it('empty for a node not in the tree', () => {
    expect(path(5)).toEqual([]);
  });

  it('a missing parent ends the path where it is known', () => {
    const pruned = nodes.filter((each) => each.experiment !== 1);
    expect(path(7, pruned)).toEqual([4, 7]);
  });

  it('parents that loop: each node once, the walk stops', () => {
    const looping = [node(1, 3, 1), node(2, 1, 2), node(3, 2, 3)];
    expect(path(3, looping)).toEqual([1, 2, 3]);
    expect(path(1, [node(1, 1, 0)])).toEqual([1]);
  });
});
