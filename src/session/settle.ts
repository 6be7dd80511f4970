// Settling a measured candidate, one at a time in experiment order: decide it against the incumbent of
// this moment, pass the gates (eval.guard, eval.holdout), keep or undo it, and record it.
//
// With workers > 1 a keep may have happened since the candidate was proposed: it is then rebased onto
// the new incumbent (its change applied on top, as a cherry-pick) and measured again, because its first
// numbers were against code that is no longer the incumbent. A candidate that no longer applies (a keep
// changed lines next to its change) is made again on the incumbent where its lines are untouched, or by
// its proposer when it can (mutate), and recorded as invalid otherwise.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decide } from '../decide/decide.js';
import type { ExperimentRecord, Status } from '../ledger/types.js';
import { holdoutRegression } from './gates.js';
import { mergeLines } from './line-merge.js';
import { summarizeChanges } from './patch.js';
import type { Proposal } from '../propose/types.js';
import { cleanDescriptionText, cleanReason, redactSecrets } from '../text/record.js';
import { firstViolation } from '../decide/constraints.js';
import { keepAsNode, MAX_NODES } from '../search/nodes.js';
import type { FileChange } from './patch.js';
import {
  contentsAfter,
  describeCandidate,
  measureCandidate,
  noteMeasurement,
  propose,
  readChanges,
  topUpIncumbent,
} from './prepare.js';
import { nodeScore } from '../search/ledger-tree.js';
import { writeScopeState } from './search-tree.js';
import { commitMessage, recordOutcome } from './recorder.js';
import type { SessionState } from './state.js';
import type { Candidate, ExperimentOutcome, Slot } from './types.js';

export async function settle(
  state: SessionState,
  candidate: Candidate,
): Promise<ExperimentOutcome | 'cancelled'> {
  const { settings, events = {} } = state.options;
  const { slot, record } = candidate;
  const branchHead = state.recordedHead;
  record.experiment = state.ledger.nextExperiment();
  const experiment = record.experiment;
  const stale = candidate.base.commit !== state.incumbent!.commit;
  // search: tree: a candidate is a whole state, measured itself: never stale, only compared with the best now.
  if (stale && !candidate.start) {
    const rebased = await rebase(state, candidate);
    if (rebased === 'cancelled') return 'cancelled';
    if (rebased !== 'ok') return recordOutcome(state, rebased);
  }
  const { candidate: measurement } = candidate.measured;
  let comparedWith = candidate.measured.incumbent;
  if (stale && candidate.start) {
    comparedWith = state.incumbent!;
    record.incumbent = { ...comparedWith, session: state.sessionId };
  }
  if (measurement.outcome !== 'measured') throw new Error('settle: an unmeasured candidate');
  events.phase?.({ kind: 'recording', experiment });
  record.metrics = measurement.metrics;
  const contents = contentsAfter(candidate.baseContents, candidate.fileChanges);
  // Against the head it would replace (from another node the change from the head is not the patch).
  const fromHead = candidate.start ? changesBetween(state.scopeContents, contents) : candidate.fileChanges;
  if (candidate.start && fromHead.length === 0) {
    // search: tree: a keep since made the head what this candidate is.
    if (slot.onBranch) await slot.tree.resetTo(branchHead);
    return recordOutcome(state, { ...record, status: 'discard', reason: 'no change from the best' });
  }
  const verdict = decide({
    candidate: { metrics: measurement.metrics, samples: measurement.samples },
    incumbent: { metrics: comparedWith.metrics, samples: comparedWith.samples },
    metrics: state.view.metrics,
    settings: settings.decide,
    lineDelta: summarizeChanges(fromHead).lineDelta,
  });
  record.reason = verdict.reason;
  if (verdict.stats) record.decision = { ...verdict.stats, confidence: verdict.confidence };
  if (verdict.sequential) record.sequential = verdict.sequential;
  // explore.every: every Nth experiment is kept even when it is not better. search: tree: a candidate
  // that is not the new best may stay in the tree as a node, off the branch.
  const explore =
    !verdict.keep &&
    (candidate.start
      ? await keptAsNode(state, candidate, measurement.metrics)
      : settings.explore.every > 0 && experiment % settings.explore.every === 0);
  let status: Status = verdict.keep ? 'keep' : explore ? 'explore' : 'discard';
  if (explore)
    record.reason = candidate.start
      ? `node: better than #${candidate.start.node.experiment}, not than the best (${verdict.reason})`
      : `explore: ${verdict.reason}`;

  let holdout: Record<string, number> | undefined;
  if (status !== 'discard') {
    const gate = await passGates(state, slot, status, record);
    if (gate === 'cancelled') {
      if (slot.onBranch) await slot.tree.resetTo(branchHead);
      return 'cancelled';
    }
    if (gate.passed) holdout = gate.holdout;
    else status = 'discard';
  }
  if (status === 'discard') {
    // Back to the recorded head, never "one commit back": what the run did cannot choose where undo lands.
    // The eval's run was verified (and undone if it changed anything), so tracked files are all that move.
    if (slot.onBranch) await slot.tree.resetAfterVerify(branchHead);
    return recordOutcome(state, { ...record, status });
  }

  // The description is the proposer's: a key it quotes stays out of the branch (as out of the ledger).
  const message = commitMessage(
    redactSecrets(record.description, state.secrets),
    experiment,
    measurement.metrics,
  );
  if (candidate.start && status === 'explore') {
    // A node off the branch: its commit (head + its files) stays reachable by its ref; the head stays.
    const node = await slot.tree.rewordHead(message);
    await state.search!.addNode(experiment, node);
    if (slot.onBranch) await slot.tree.resetTo(branchHead);
    const outcome = await recordOutcome(state, { ...record, commit: node, status });
    await pruneNodes(state);
    return outcome;
  }
  let kept: string;
  if (slot.onBranch) kept = await slot.tree.rewordHead(message);
  else if (candidate.start) {
    // The head takes the candidate's files: a state, not its change (made on another node, or a head since replaced).
    await state.checkBranchTree();
    await writeScopeState(state.branchTree.path, state.scopeContents, contents);
    kept = await state.branchTree.commitCandidate(message, { hasUntracked: true });
    await state.sealBranchTree();
  } else {
    // The candidate is a commit in the worker's tree; the branch takes its change as a commit of its own.
    await state.checkBranchTree();
    const result = await state.branchTree.commitFrom(candidate.commit, message);
    if (Array.isArray(result)) {
      return recordOutcome(state, {
        ...record,
        status: 'invalid',
        reason: `no longer applies to the branch (conflicts in ${result.join(', ')})`,
      });
    }
    kept = result;
    await state.sealBranchTree();
  }
  record.commit = kept;
  state.incumbent = { commit: kept, metrics: measurement.metrics, samples: measurement.samples };
  if (holdout) state.incumbentHoldout = holdout;
  if (candidate.start) state.scopeContents = contents;
  else {
    for (const change of candidate.fileChanges) {
      if (change.after === undefined) state.scopeContents.delete(change.path);
      else state.scopeContents.set(change.path, change.after);
    }
  }
  await state.best?.offer(kept, measurement.metrics);
  if (!state.search) return recordOutcome(state, { ...record, status });
  await state.search.addNode(experiment, kept);
  const outcome = await recordOutcome(state, { ...record, status });
  await pruneNodes(state);
  return outcome;
}

/**
 * search: tree: whether a candidate that is not the new best stays as a node (keepAsNode), when it also
 * meets the constraints. (eval.guard is passed as for any keep.)
 */
async function keptAsNode(
  state: SessionState,
  candidate: Candidate,
  metrics: Record<string, number>,
): Promise<boolean> {
  const primary = state.view.metrics[0]!;
  const value = metrics[primary.name];
  if (value === undefined || firstViolation(state.view.metrics, metrics) !== undefined) return false;
  // The tree's numbers only: whether the node's ref is still there does not matter for this.
  const tree = state.search!.tree(await state.ledger.records());
  const parent = tree.nodes.find((node) => node.experiment === candidate.start!.node.experiment);
  return parent !== undefined && keepAsNode(nodeScore(value, primary), parent, tree.nodes);
}

/** search: tree: past the bound the weakest nodes' refs go (their rows stay). */
async function pruneNodes(state: SessionState): Promise<void> {
  const gone = await state.search!.prune(await state.ledger.records());
  if (gone.length > 0)
    state.options.events?.notice?.(
      `search: tree keeps ${MAX_NODES} nodes at most: let go of ${gone.map((experiment) => `#${experiment}`).join(', ')}`,
    );
}

/** The changes that turn the scope files `from` into `to`. */
function changesBetween(from: ReadonlyMap<string, string>, to: ReadonlyMap<string, string>): FileChange[] {
  const paths = [...new Set([...from.keys(), ...to.keys()])].sort();
  return paths
    .filter((path) => from.get(path) !== to.get(path))
    .map((path) => ({ path, before: from.get(path), after: to.get(path) }));
}

/** Re-applies a stale candidate on the branch head in its worker's tree and measures it again. */
async function rebase(
  state: SessionState,
  candidate: Candidate,
): Promise<'ok' | 'cancelled' | ExperimentRecord> {
  const { settings, events = {}, signal } = state.options;
  const { slot, record } = candidate;
  const { tree } = slot;
  await tree.resetTo(state.recordedHead);
  // decide.noise sequential: a keep that stopped early has a few runs, picked for looking good (or, for
  // a simpler tie stopped for futility, bad); like any later candidate this one is compared with the keep
  // run up to eval.repeats. The tree is at the keep now, where those runs are made.
  const incumbent = await topUpIncumbent(state, slot, state.incumbent!);
  if (signal.aborted) return 'cancelled';
  const conflicts = await tree.apply(candidate.commit);
  let remade = false;
  if (conflicts.length > 0) {
    await tree.resetTo();
    const remaking = await remakeOnIncumbent(state, candidate);
    if (remaking !== 'ok') {
      if (remaking === 'cancelled') return 'cancelled';
      return {
        ...record,
        status: 'invalid',
        // The proposer's message and the paths it touched: cleaned before the ledger or a screen sees them.
        reason: cleanReason(
          `no longer applies to the incumbent ${incumbent.commit} (conflicts in ${conflicts.join(', ')}${remaking ? `; ${remaking}` : ''})`,
        ),
      };
    }
    remade = true;
  }
  candidate.base = incumbent;
  candidate.baseContents = new Map(state.scopeContents);
  candidate.fileChanges = await readChanges(
    tree.path,
    candidate.baseContents,
    candidate.fileChanges.map((change) => change.path),
  );
  describeCandidate(candidate, record.description);
  record.parent = incumbent.commit;
  record.incumbent = {
    commit: incumbent.commit,
    session: state.sessionId,
    metrics: incumbent.metrics,
    samples: incumbent.samples,
  };
  record.rebased = true;
  if (candidate.fileChanges.every((change) => change.before === change.after)) {
    await tree.resetTo();
    return { ...record, reason: 'no change left after rebasing onto the incumbent' };
  }
  candidate.commit = record.commit = remade
    ? await tree.commitCandidate(record.description, { hasUntracked: false })
    : await tree.commitApplied(record.description);
  events.phase?.({ kind: 'measuring', experiment: record.experiment, repeats: settings.eval.repeats });
  candidate.measured = await measureCandidate(state, slot, record.experiment, incumbent);
  const measurement = candidate.measured.candidate;
  if (measurement.outcome === 'aborted' || signal.aborted) return 'cancelled';
  noteMeasurement(record, candidate.measured, incumbent);
  if (measurement.outcome !== 'measured') {
    return {
      ...record,
      status: measurement.outcome,
      reason: measurement.reason,
      log_tail: measurement.logTail,
    };
  }
  return 'ok';
}

/**
 * A candidate whose change no longer applies (a keep changed lines next to it) is made again on the
 * incumbent: its changed lines are applied where they are still untouched (see line-merge.ts), or else
 * its proposer makes the same change again when it can (mutate). Either is checked like any proposal.
 * 'ok' leaves the change in the tree, uncommitted; otherwise why not ('' when nothing could be tried).
 */
async function remakeOnIncumbent(
  state: SessionState,
  candidate: Candidate,
): Promise<'ok' | 'cancelled' | string> {
  const { slot, record } = candidate;
  const { proposer, tree } = slot;
  const previous: Proposal = {
    description: record.description,
    ...(record.proposal ? { details: record.proposal } : {}),
  };
  const merged = mergedOnIncumbent(candidate, state.scopeContents);
  let run: () => Promise<Proposal>;
  if (merged) {
    run = async () => {
      for (const [path, text] of merged) await writeFile(join(tree.path, path), text);
      return previous;
    };
  } else if (proposer.redo) {
    const context = await state.proposerContext(slot, record.experiment, false, 0);
    run = () => proposer.redo!(context, previous, candidate.fileChanges);
  } else return '';
  const remade = await propose(state, slot, run);
  if (state.options.signal.aborted) return 'cancelled';
  const why =
    'error' in remade
      ? (remade.error as Error).message
      : !remade.check.ok
        ? remade.check.reason
        : remade.check.changed.length === 0
          ? 'no change'
          : undefined;
  if (why !== undefined) {
    await tree.resetTo();
    return `could not make it again: ${why}`;
  }
  const { proposal } = remade as { proposal: Proposal };
  if (proposal.details) record.proposal = proposal.details;
  if (proposal.description) record.description = cleanDescriptionText(proposal.description);
  return 'ok';
}

/** The candidate's files with its changed lines applied to the incumbent's, or undefined when they overlap. */
function mergedOnIncumbent(
  candidate: Candidate,
  incumbent: ReadonlyMap<string, string>,
): Map<string, string> | undefined {
  const merged = new Map<string, string>();
  for (const change of candidate.fileChanges) {
    const theirs = incumbent.get(change.path);
    const texts = [change.before, change.after, theirs];
    // New or deleted files, and files that are not UTF-8 (read with replacement characters), are left alone.
    if (texts.some((text) => text === undefined || text.includes('\uFFFD'))) return undefined;
    const text = mergeLines(change.before!, change.after!, theirs!);
    if (text === undefined) return undefined;
    merged.set(change.path, text);
  }
  return merged;
}

/**
 * A would-be keep (or explore) must pass eval.guard; a keep must also not regress on eval.holdout.
 * On failure the reason and log tail go into the record.
 */
async function passGates(
  state: SessionState,
  slot: Slot,
  status: Status,
  record: ExperimentRecord,
): Promise<{ passed: true; holdout?: Record<string, number> } | { passed: false } | 'cancelled'> {
  const { settings } = state.options;
  const guard = await state.measurer.guard(slot.tree, record.experiment);
  if (guard === 'cancelled') return 'cancelled';
  if (!guard.passed) {
    Object.assign(record, { reason: guard.reason, log_tail: guard.logTail });
    if (guard.feedback) record.guard_feedback = guard.feedback;
    return { passed: false };
  }
  if (!settings.eval.holdout || status !== 'keep') return { passed: true };
  const holdout = await state.measurer.holdout(slot.tree, record.experiment);
  if (holdout.outcome === 'aborted') return 'cancelled';
  if (holdout.outcome !== 'measured') {
    Object.assign(record, { reason: `holdout failed (${holdout.reason})`, log_tail: holdout.logTail });
    return { passed: false };
  }
  record.holdout = { candidate: holdout.metrics, incumbent: state.incumbentHoldout ?? {} };
  const regression = holdoutRegression(
    holdout.metrics,
    state.incumbentHoldout ?? {},
    settings.metrics,
    settings.decide,
  );
  if (regression) {
    record.reason = regression;
    return { passed: false };
  }
  return { passed: true, holdout: holdout.metrics };
}
