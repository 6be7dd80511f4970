// Preparing one candidate in a slot: the proposer changes the tree, the tree is verified against what
// autoexp recorded (see src/tree/experiment-tree.ts), an in-scope change is committed and measured
// (crash repairs included). What is decided only in order — keep or not — is left to settle.ts.
import { readFile, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { sequentialSettled } from '../decide/decide.js';
import { mean } from '../decide/stats.js';
import type { ExperimentRecord } from '../ledger/types.js';
import { ProposalError, ProposerSetupError, type Proposal, type ProposerContext } from '../propose/types.js';
import type { ChangedPath } from '../git/git.js';
import { SessionError } from './errors.js';
import { recordedLessons } from './memory.js';
import { describeChanges, summarizeChanges, type FileChange } from './patch.js';
import { checkScope, describeOutOfScope, notPlainFiles } from './scope.js';
import { scopeHash } from './scope-hash.js';
import { writeScopeState, type Start } from './search-tree.js';
import type { SessionState } from './state.js';
import { inertCommitText } from '../text/commit-message.js';
import { cleanDescriptionText, cleanLogTail, cleanReason, outputTail } from '../text/record.js';
import type { Candidate, Incumbent, Measured, Prepared, Slot } from './types.js';

/** A candidate with a change, ready to be committed and measured. */
interface Proposed {
  kind: 'proposed';
  candidate: Candidate;
  context: ProposerContext;
  hasUntracked: boolean;
  /** What verify found changed (the proposal, and a start node's files): exactly what is committed. */
  changedPaths: string[];
}

/** What a proposal changed, once the tree is verified: in scope, or why not. */
type ProposalCheck = { ok: true; changed: ChangedPath[] } | { ok: false; reason: string };

/**
 * Runs the proposer in the slot's tree as untrusted code and checks what it did against the recorded
 * state: git state it moved (put back) and ignored files it made (removed) never count as its change;
 * anything outside the scope, and anything that is not a plain file, makes the experiment invalid.
 */
export async function propose(
  state: SessionState,
  slot: Slot,
  run: () => Promise<Proposal>,
): Promise<{ proposal: Proposal; check: ProposalCheck } | { error: unknown; check: ProposalCheck }> {
  const { tree } = slot;
  const { guard } = state;
  await tree.seal({ artifacts: true });
  await guard.begin();
  let outcome: { proposal: Proposal } | { error: unknown };
  try {
    outcome = { proposal: await run() };
  } catch (error) {
    outcome = { error };
  }
  const planted = await guard.end();
  if (await state.lock.reassert()) planted.push("changed autoexp's lock");
  const verified = await tree.verify();
  if (verified.setupNeeded) slot.setupNeeded = true;
  if (verified.removedArtifacts.length > 0) {
    state.options.events?.notice?.(
      `the proposer wrote files git ignores (${verified.removedArtifacts.slice(0, 3).join(', ')}); autoexp removed them before measuring`,
    );
  }
  // Commits of its own, a reset or a checkout (coding agents do that) are undone, and what the proposer
  // changed is checked against the recorded commit like any other change.
  if (verified.moved.length > 0) {
    state.options.events?.notice?.(
      `the proposer moved git state (${verified.moved.join('; ')}); autoexp put it back and checks its changes like any other`,
    );
  }
  let check: ProposalCheck;
  if (planted.length > 0) {
    check = {
      ok: false,
      reason: `out of scope: the proposer changed the repository (autoexp put it back): ${planted.join('; ')}`,
    };
  } else {
    const scope = checkScope(verified.changed, state.inScope, state.settings.results.dir);
    const odd = await notPlainFiles(tree.path, scope.inScope);
    const outside = [...scope.outOfScope, ...odd];
    check =
      outside.length > 0
        ? { ok: false, reason: describeOutOfScope(outside) }
        : { ok: true, changed: verified.changed };
  }
  return { ...outcome, check };
}

export async function prepare(
  state: SessionState,
  slot: Slot,
  experiment: number,
  costAllowance: number,
): Promise<Prepared> {
  const { settings, events = {}, signal } = state.options;
  const incumbent = state.incumbent!;
  const headContents = new Map(state.scopeContents);
  const branchHead = state.recordedHead;
  // search: tree: chosen now, before anything waits, so that choices are made in experiment order.
  const choice =
    state.search && experiment >= state.search.fromHeadUntil
      ? state.search.choose(experiment, () => state.ledger.records(), state.inScope, currentStageName(state))
      : undefined;
  const { tree } = slot;
  if (!slot.onBranch) {
    // Other workers' evals ran while this tree waited, and may have written into its index.
    await tree.putBack();
    await tree.resetTo(branchHead);
  }
  if (slot.setupNeeded) {
    slot.setupNeeded = false;
    await state.measurer.setup(tree);
  }
  const base = await topUpIncumbent(state, slot, incumbent);
  if (signal.aborted) return { kind: 'cancelled' };
  // The tree is at the head; a proposal from another node starts from that node's files.
  const start = choice && (await startFrom(state, await choice, incumbent, headContents));
  const baseContents = start?.contents ?? headContents;
  if (start?.contents) await writeScopeState(tree.path, headContents, start.contents);

  events.phase?.({ kind: 'proposing', experiment });
  // A proposer that proposes in moments waits for the slots before it, so it sees all of them in flight.
  const release = slot.proposer.oneAtATime ? await state.takeProposalTurn() : undefined;
  let proposed: Prepared | Proposed;
  try {
    proposed = await proposeInSlot(state, slot, experiment, costAllowance, {
      base,
      baseContents,
      headContents,
      start,
    });
  } finally {
    release?.();
  }
  if (proposed.kind !== 'proposed') return proposed;
  const { candidate, context } = proposed;
  const { record } = candidate;

  // A worker's tree can be written by other trees' evals between verify and this commit: only the paths
  // verify found changed are committed. The branch's own tree (one worker) runs nothing meanwhile.
  const concurrent = !slot.onBranch;
  candidate.commit = await tree.commitCandidate(inertCommitText(record.description), {
    hasUntracked: proposed.hasUntracked,
    ...(concurrent ? { paths: proposed.changedPaths } : {}),
  });
  record.commit = candidate.commit;

  // proposer.crash-retries: a crashed candidate gets that many chances to be fixed by its proposer.
  const repairsAllowed =
    slot.proposer.repair && settings.proposer.kind === 'llm' ? settings.proposer.crashRetries : 0;
  for (let repairs = 0; ; repairs++) {
    events.phase?.({ kind: 'measuring', experiment, repeats: settings.eval.repeats });
    candidate.measured = await measureCandidate(state, slot, experiment, base);
    const crash = candidate.measured.candidate;
    if (crash.outcome !== 'crash' || repairs >= repairsAllowed) break;
    events.phase?.({ kind: 'proposing', experiment });
    const repaired = await repairCrash(state, slot, record, context, costAllowance, {
      reason: crash.reason,
      logTail: crash.logTail,
    });
    if (repaired === 'cancelled' || !repaired.ok) break;
    const paths = new Set([...candidate.fileChanges.map((change) => change.path), ...repaired.paths]);
    candidate.fileChanges = await readChanges(tree.path, baseContents, [...paths].sort());
    describeCandidate(candidate, repaired.description ?? record.description);
    candidate.commit = record.commit = await tree.amendCandidate(
      inertCommitText(record.description),
      concurrent ? repaired.paths : undefined,
    );
  }
  const measurement = candidate.measured.candidate;
  if (measurement.outcome === 'aborted' || signal.aborted) {
    if (slot.onBranch) await tree.resetTo(branchHead);
    return { kind: 'cancelled' };
  }
  noteMeasurement(record, candidate.measured, base);
  if (measurement.outcome !== 'measured') {
    if (slot.onBranch) await tree.resetTo(branchHead);
    return {
      kind: 'recorded',
      record: {
        ...record,
        status: measurement.outcome,
        reason: record.crash_repairs
          ? `${measurement.reason} (after ${describeRepairs(record)})`
          : measurement.reason,
        log_tail: measurement.logTail,
      },
    };
  }
  return { kind: 'candidate', candidate };
}

/**
 * The proposal part of preparing a candidate: the proposer runs in the slot's tree and what it did is
 * checked. A candidate with a change is in flight from here until it is recorded.
 */
async function proposeInSlot(
  state: SessionState,
  slot: Slot,
  experiment: number,
  costAllowance: number,
  {
    base,
    baseContents,
    headContents,
    start,
  }: {
    base: Incumbent;
    baseContents: Map<string, string>;
    headContents: Map<string, string>;
    start: Start | undefined;
  },
): Promise<Prepared | Proposed> {
  const { settings, signal } = state.options;
  const events = state.options.events ?? {};
  const { tree } = slot;
  const stuck = state.discardsInARow >= settings.explore.stuckAfter;
  const context = await state.proposerContext(slot, experiment, stuck, costAllowance, start && baseContents);
  if (start) context.start = proposerStart(start, state);
  const newRecord = () => fromNode(state.baseRecord(experiment, 0, base), start);
  const proposed = await propose(state, slot, () => slot.proposer.propose(context));
  if ('error' in proposed) {
    await tree.resetTo();
    const { error } = proposed;
    if (signal.aborted) return { kind: 'cancelled' };
    if (error instanceof ProposerSetupError) throw new SessionError(error.message);
    const failure =
      error instanceof ProposalError
        ? error
        : new ProposalError(`proposer failed: ${(error as Error).message}`);
    if (failure.details.stop === 'cost') {
      state.budget.stopForCost();
      events.notice?.(failure.message);
      // Nothing was spent on this experiment: it did not happen, and its number stays free.
      if (!(failure.details.costUsd && failure.details.costUsd > 0)) return { kind: 'cost' };
    }
    const record = newRecord();
    Object.assign(record, {
      status: failure.details.status ?? 'invalid',
      reason:
        failure.details.stop === undefined && !proposed.check.ok
          ? `${failure.message}; ${proposed.check.reason}`
          : failure.message,
      description: failure.details.description ?? `proposal failed: ${failure.message}`,
      tokens: failure.details.tokens ?? record.tokens,
      cost_usd: failure.details.costUsd ?? 0,
      ...(failure.details.logTail ? { log_tail: failure.details.logTail } : {}),
    });
    return { kind: 'recorded', record };
  }
  const { proposal, check } = proposed;
  if (signal.aborted) {
    await tree.resetTo();
    return { kind: 'cancelled' };
  }

  const record = newRecord();
  if (stuck) record.stuck = true;
  record.tokens = proposal.tokens ?? record.tokens;
  record.cost_usd = proposal.costUsd ?? 0;
  if (proposal.details) record.proposal = proposal.details;
  if (!check.ok) {
    // Nothing of a proposal out of scope is kept, its lessons included.
    await tree.resetTo();
    record.description = cleanDescriptionText(proposal.description ?? '') || 'a change out of scope';
    // Built from the names of files the proposer made: cleaned before the ledger or a screen sees it.
    return { kind: 'recorded', record: { ...record, reason: cleanReason(check.reason) } };
  }
  const changed = check.changed;
  const lessons = recordedLessons(proposal.lessons);
  if (lessons) record.lessons = lessons;
  // From another node the tree differs from the head by that node's files too: the change is what
  // differs from the node (also for the files the proposer did not touch but the node had changed).
  const paths = new Set(changed.map((change) => change.path));
  if (start) for (const path of new Set([...headContents.keys(), ...baseContents.keys()])) paths.add(path);
  const read = await readChanges(tree.path, baseContents, [...paths].sort());
  const fileChanges = start ? read.filter((change) => change.before !== change.after) : read;
  const candidate: Candidate = {
    slot,
    record,
    base,
    baseContents,
    fileChanges,
    commit: '',
    measured: undefined!,
    ...(start ? { start } : {}),
  };
  describeCandidate(candidate, proposal.description);
  if (changed.length === 0 || fileChanges.length === 0) {
    if (start) await tree.resetTo();
    return { kind: 'recorded', record: { ...record, reason: 'no change' } };
  }
  state.inFlight.set(experiment, {
    experiment,
    description: record.description,
    patch: record.patch,
    scopeHash: record.scope_hash!,
    ...(record.proposal ? { proposal: record.proposal } : {}),
  });
  return {
    kind: 'proposed',
    candidate,
    context,
    hasUntracked: changed.some((change) => change.code === '??'),
    changedPaths: changed.map((change) => change.path),
  };
}

/**
 * search: tree: the chosen node's files. The head's are the session's own — unless a keep moved the head
 * while this experiment waited for its turn, and then the chosen node (the head of that moment) is read
 * like any other.
 */
async function startFrom(
  state: SessionState,
  start: Start,
  incumbent: Incumbent,
  headContents: Map<string, string>,
): Promise<Start> {
  if (start.contents || start.node.commit === incumbent.commit) return start;
  const contents = await state.search!.nodeContents(start.node, state.inScope, currentStageName(state));
  return { ...start, contents: contents ?? headContents };
}

/** stages: the name of the stage experiments run in now (undefined without stages). */
function currentStageName(state: SessionState): string | undefined {
  return state.settings.stages?.[state.stageIndex]?.name;
}

/** search: tree: a record says which node it was proposed from. */
function fromNode(record: ExperimentRecord, start: Start | undefined): ExperimentRecord {
  if (start) {
    record.parent = start.node.commit;
    record.parent_experiment = start.node.experiment;
  }
  return record;
}

/** What a proposer is told of the node it starts from. */
function proposerStart(start: Start, state: SessionState): NonNullable<ProposerContext['start']> {
  const primary = state.settings.metrics[0]!.name;
  const step = (node: Start['node']) => ({
    experiment: node.experiment,
    description: node.description,
    metrics: { [primary]: node.value },
  });
  return { ...step(start.node), lineage: start.lineage.map(step) };
}

/** The candidate's runs, and the incumbent measurement to compare them with (fresh when interleaved). */
export function measureCandidate(
  state: SessionState,
  slot: Slot,
  experiment: number,
  incumbent: Incumbent,
): Promise<Measured> {
  const { settings, events = {} } = state.options;
  const onRun =
    settings.eval.repeats >= 2 && events.phase
      ? (run: number) => events.phase!({ kind: 'measuring', experiment, repeats: settings.eval.repeats, run })
      : undefined;
  return (
    state.measurer
      .measureCandidate(
        slot.tree,
        experiment,
        incumbent,
        () => state.incumbentTree(incumbent.commit),
        onRun,
        settledAgainst(state, incumbent),
      )
      // The eval's output is untrusted text on its way to the ledger, a prompt and the screen.
      .then((measured) => ({
        ...measured,
        candidate: { ...measured.candidate, logTail: cleanLogTail(measured.candidate.logTail) },
      }))
  );
}

/**
 * decide.noise sequential: the incumbent's runs serve every candidate until the next keep, so an
 * incumbent with fewer than eval.repeats runs (a keep that stopped early) is run again up to that many,
 * once, before the first candidate that is compared with it — in the slot's tree, which is at the
 * incumbent now; other slots wait for the same runs. The kept runs stay: they were picked for looking
 * good, which sets later candidates' bar a little higher, not lower. A run that fails leaves the
 * incumbent with the runs it has. A stale candidate measured again on the keep (settle.ts) waits for the
 * same runs.
 */
export function topUpIncumbent(state: SessionState, slot: Slot, incumbent: Incumbent): Promise<Incumbent> {
  const { settings, events = {} } = state.options;
  const runs = incumbent.samples[settings.metrics[0]!.name]?.length ?? 0;
  const missing = settings.eval.repeats - runs;
  if (settings.decide.noise !== 'sequential' || missing <= 0) return Promise.resolve(incumbent);
  let done = state.incumbentTopUps.get(incumbent.commit);
  if (done === undefined) {
    done = (async () => {
      events.phase?.({ kind: 'incumbent', repeats: missing });
      const more = await state.measurer.measure(slot.tree, 'incumbent', undefined, { repeats: missing });
      if (more.outcome !== 'measured') {
        if (more.outcome !== 'aborted')
          events.notice?.(
            `running the incumbent ${incumbent.commit} again failed (${more.reason}); candidates are ` +
              `compared with its ${runs} runs`,
          );
        return incumbent;
      }
      const samples = Object.fromEntries(
        Object.entries(incumbent.samples).map(([name, values]) => [
          name,
          [...values, ...(more.samples[name] ?? [])],
        ]),
      );
      const metrics = Object.fromEntries(
        Object.entries(samples).map(([name, values]) => [name, mean(values)]),
      );
      const toppedUp = { commit: incumbent.commit, metrics, samples };
      // With workers a keep may have replaced it meanwhile; the slots that waited still compare with it.
      if (state.incumbent === incumbent) state.incumbent = toppedUp;
      return toppedUp;
    })();
    state.incumbentTopUps.set(incumbent.commit, done);
  }
  return done;
}

/** decide.noise sequential: after each run, whether the candidate's runs so far settle it. */
function settledAgainst(
  state: SessionState,
  incumbent: Incumbent,
): ((samples: Readonly<Record<string, readonly number[]>>) => boolean) | undefined {
  const { decide } = state.settings;
  if (decide.noise !== 'sequential') return undefined;
  return (samples) => {
    const copies = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, [...values]]));
    const means = Object.fromEntries(Object.entries(copies).map(([name, values]) => [name, mean(values)]));
    return sequentialSettled({
      candidate: { metrics: means, samples: copies },
      incumbent: { metrics: incumbent.metrics, samples: incumbent.samples },
      metrics: state.view.metrics,
      settings: decide,
      lineDelta: 0,
    });
  };
}

/**
 * Asks the proposer to fix the crashed candidate in place (the slot's HEAD is the candidate). The crash
 * goes into the record either way; a repair that fails, changes nothing or leaves scope ends the
 * attempts, and the candidate is recorded as the crash it was.
 */
async function repairCrash(
  state: SessionState,
  slot: Slot,
  record: ExperimentRecord,
  context: ProposerContext,
  costAllowance: number,
  crash: { reason: string; logTail: string },
): Promise<{ ok: true; paths: string[]; description?: string } | { ok: false } | 'cancelled'> {
  const { signal, events = {} } = state.options;
  (record.crash_repairs ??= []).push({ reason: crash.reason, log_tail: crash.logTail });
  const spend = (proposal: { tokens?: ExperimentRecord['tokens']; costUsd?: number }) => {
    record.tokens = addTokens(record.tokens, proposal.tokens);
    record.cost_usd += proposal.costUsd ?? 0;
  };
  const failed = async (why: string) => {
    record.crash_repairs!.at(-1)!.reason += ` (repair failed: ${why})`;
    await slot.tree.resetTo();
    return { ok: false } as const;
  };
  const proposed = await propose(state, slot, () =>
    slot.proposer.repair!({ ...context, costLeftUsd: costAllowance - record.cost_usd }, crash),
  );
  if ('error' in proposed) {
    const { error } = proposed;
    if (signal.aborted) return 'cancelled';
    if (error instanceof ProposerSetupError) throw new SessionError(error.message);
    const failure = error instanceof ProposalError ? error : new ProposalError((error as Error).message);
    spend(failure.details);
    if (failure.details.stop === 'cost') {
      state.budget.stopForCost();
      events.notice?.(failure.message);
    }
    return failed(failure.message);
  }
  spend(proposed.proposal);
  if (signal.aborted) return 'cancelled';
  if (!proposed.check.ok) return failed(proposed.check.reason);
  if (proposed.check.changed.length === 0) return failed('no change');
  return {
    ok: true,
    paths: proposed.check.changed.map((change) => change.path),
    ...(proposed.proposal.description ? { description: proposed.proposal.description } : {}),
  };
}

/**
 * The scope files' changes in `root` against `baseContents` (the incumbent's, in memory: no git needed).
 * Only plain files are read (a symlink never reaches this: it is out of scope).
 */
export async function readChanges(
  root: string,
  baseContents: ReadonlyMap<string, string>,
  paths: readonly string[],
): Promise<FileChange[]> {
  return Promise.all(
    paths.map(async (path) => {
      const file = join(root, path);
      const plain = (await lstat(file).catch(() => undefined))?.isFile();
      return {
        path,
        before: baseContents.get(path),
        after: plain ? await readFile(file, 'utf8') : undefined,
      };
    }),
  );
}

export function contentsAfter(
  baseContents: ReadonlyMap<string, string>,
  changes: readonly FileChange[],
): Map<string, string> {
  const after = new Map(baseContents);
  for (const change of changes) {
    if (change.after === undefined) after.delete(change.path);
    else after.set(change.path, change.after);
  }
  return after;
}

/** The record's patch, size, description and scope hash, from the candidate's file changes. */
export function describeCandidate(candidate: Candidate, description: string | undefined): void {
  const { record, fileChanges } = candidate;
  const summary = summarizeChanges(fileChanges);
  record.patch = summary.patch;
  record.diff_lines = summary.added + summary.removed;
  // The proposer's description, or one made of file names (which the proposer chose): cleaned either way.
  record.description =
    cleanDescriptionText(description ?? '') ||
    (fileChanges.length > 0 ? cleanDescriptionText(describeChanges(fileChanges, summary)) : 'no change');
  record.scope_hash = scopeHash(contentsAfter(candidate.baseContents, fileChanges));
}

/** The candidate's wall time and samples, and the incumbent numbers it is compared with when fresh ones. */
export function noteMeasurement(record: ExperimentRecord, measured: Measured, base: Incumbent): void {
  const { candidate: measurement, incumbent: comparedWith } = measured;
  record.wall_time_s = Math.round(measurement.wallTimeMs / 10) / 100;
  record.samples = measurement.samples;
  noteEvalFeedback(record, measurement);
  if (comparedWith !== base)
    record.incumbent = { ...record.incumbent!, metrics: comparedWith.metrics, samples: comparedWith.samples };
}

/**
 * What the eval said beyond its numbers, for the next prompts: what it wrote to AUTOEXP_FEEDBACK_FILE, and
 * for a measured candidate the last lines of its output (a crash keeps its longer log_tail instead).
 */
function noteEvalFeedback(record: ExperimentRecord, measurement: Measured['candidate']): void {
  if (measurement.feedback) record.feedback = measurement.feedback;
  else delete record.feedback;
  if (measurement.outcome === 'measured' && measurement.logTail.trim() !== '')
    record.output_tail = outputTail(measurement.logTail);
}

function addTokens(
  a: ExperimentRecord['tokens'],
  b: ExperimentRecord['tokens'] | undefined,
): ExperimentRecord['tokens'] {
  if (!b) return a;
  const sum = (x?: number, y?: number) => (x ?? 0) + (y ?? 0);
  const cacheRead = sum(a.cache_read, b.cache_read);
  const cacheWrite = sum(a.cache_write, b.cache_write);
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    ...(cacheRead > 0 ? { cache_read: cacheRead } : {}),
    ...(cacheWrite > 0 ? { cache_write: cacheWrite } : {}),
  };
}

function describeRepairs(record: ExperimentRecord): string {
  const count = record.crash_repairs?.length ?? 0;
  return `${count} repair attempt${count === 1 ? '' : 's'}`;
}
