// search: tree, the tree as the ledger records it (docs/search.md): pure, so that the session, the
// reports and the PR body all see the same nodes. Nodes: the baseline (the root), `keep` rows and
// `explore` rows; a record's `parent_experiment` names the node it was proposed from.
import type { MetricSpec } from '../config/settings.js';
import type { ExperimentRecord } from '../ledger/types.js';
import { lineage, type SearchNode } from './nodes.js';

/** A node with what the session needs besides its numbers. */
export interface TreeNode extends SearchNode {
  /** The commit its record names (short sha). */
  commit: string;
  description: string;
  /** The primary metric as recorded. */
  value: number;
}

export interface LedgerTree {
  nodes: TreeNode[];
  /** The node the branch's head holds: the last keep (the baseline before any). */
  head: number;
}

/** A minimized metric is negated: nodes.ts wants higher = better. */
export function nodeScore(value: number, primary: MetricSpec): number {
  return primary.goal === 'maximize' ? value : -value;
}

/**
 * The tree as the ledger records it. A record without `parent_experiment` (written by search: hill) was
 * proposed from the head of its time; an `explore` row without it (explore.every) became the head.
 * Expansions count every record proposed from a node, whatever its status.
 */
export function treeFromRecords(records: readonly ExperimentRecord[], primary: MetricSpec): LedgerTree {
  const nodes = new Map<number, TreeNode>();
  let head: number | undefined;
  for (const record of records) {
    const value = record.metrics[primary.name];
    if (head === undefined) {
      // The baseline (after a merge of base: the first row shown) is the root.
      if (value === undefined) continue;
      nodes.set(record.experiment, node(record, undefined, value, primary));
      head = record.experiment;
      continue;
    }
    const parent = record.parent_experiment ?? head;
    const from = nodes.get(parent);
    if (from) from.expansions++;
    const kept = record.status === 'keep' || record.status === 'explore';
    if (!kept || value === undefined) continue;
    nodes.set(record.experiment, node(record, from ? parent : undefined, value, primary));
    if (record.status === 'keep' || record.parent_experiment === undefined) head = record.experiment;
  }
  return { nodes: [...nodes.values()], head: head ?? 0 };
}

function node(
  record: ExperimentRecord,
  parent: number | undefined,
  value: number,
  primary: MetricSpec,
): TreeNode {
  return {
    experiment: record.experiment,
    ...(parent === undefined ? {} : { parent }),
    score: nodeScore(value, primary),
    expansions: 0,
    commit: record.commit,
    description: record.description,
    value,
  };
}

/** The best path: the nodes from the root to `experiment` (the head), root first. */
export function bestPath(
  records: readonly ExperimentRecord[],
  primary: MetricSpec,
  experiment: number,
): TreeNode[] {
  return lineage(treeFromRecords(records, primary).nodes, experiment) as TreeNode[];
}

/** Whether the records were written by search: tree (some record names the node it started from). */
export function isTreeSearch(records: readonly ExperimentRecord[]): boolean {
  return records.some((record) => record.parent_experiment !== undefined);
}
