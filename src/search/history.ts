// search: tree (docs/search.md). mutate learns its step sizes and which literal helps from the ledger as
// a hill-climb writes it: every row proposed from the incumbent, a keep being a step that helped. In a
// tree a proposal may start from a node off the head, where what was learned on the best path (often
// steps shrunk to almost nothing on a hill's top) does not fit; this gives mutate the ledger a
// hill-climb along that node's lineage would have written.
import type { ExperimentRecord } from '../ledger/types.js';

/**
 * The rows proposed from a node on the lineage of node `start` (an experiment), oldest first, as a
 * hill-climb would have recorded them: a row kept off the head (`explore`) beat the node it was proposed
 * from, so it is a `keep`; each row's incumbent is the node it was proposed from. A row's node is its
 * `parent_experiment`, or without one (search: hill) the head of its time, as the tree is read from the
 * ledger. The root is the first row with metrics. Parents that loop end the lineage.
 */
export function lineageHistory(records: readonly ExperimentRecord[], start: number): ExperimentRecord[] {
  const nodes = new Map<number, { record: ExperimentRecord; parent?: number }>();
  const proposedFrom = new Map<ExperimentRecord, number>();
  let head: number | undefined;
  for (const record of records) {
    if (head === undefined) {
      if (Object.keys(record.metrics).length === 0) continue;
      nodes.set(record.experiment, { record });
      head = record.experiment;
      continue;
    }
    const parent = record.parent_experiment ?? head;
    proposedFrom.set(record, parent);
    if (record.status !== 'keep' && record.status !== 'explore') continue;
    nodes.set(record.experiment, { record, parent });
    if (record.status === 'keep' || record.parent_experiment === undefined) head = record.experiment;
  }
  const path = new Set<number>();
  for (let at = start; nodes.has(at) && !path.has(at);) {
    path.add(at);
    const parent = nodes.get(at)!.parent;
    if (parent === undefined) break;
    at = parent;
  }
  const history: ExperimentRecord[] = [];
  for (const [record, parent] of proposedFrom) {
    if (!path.has(parent)) continue;
    const from = nodes.get(parent)!.record;
    history.push({
      ...record,
      status: record.status === 'explore' ? 'keep' : record.status,
      incumbent: {
        commit: from.commit,
        session: record.incumbent?.session ?? '',
        metrics: from.metrics,
        samples: from.samples,
      },
    });
  }
  return history;
}
