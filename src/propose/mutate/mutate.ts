// proposer.kind: mutate — offline, deterministic numeric search. Each proposal changes one
// numeric literal in the scope files by an adaptive step; the same seed, history and files give the
// same proposal, and a content already tried (by any proposer) is never proposed again. The decisions
// are in plan.ts; this file reads and writes the files.
import { join } from 'node:path';
import { readPlainFileSync, rewritePlainFile } from '../../tree/plain-file.js';
import {
  ProposalError,
  type ChangedFile,
  type Proposal,
  type Proposer,
  type ProposerContext,
} from '../types.js';
import { lineageHistory } from '../../search/history.js';
import { planMutation, redoMutation, type PlannedMutation, type ScopeFile } from './plan.js';
import { mutationIn } from './steps.js';

/** seed, and proposer.step and proposer.jump (docs/mutate.md); without them, the default steps. */
export interface MutateSettings {
  seed: number;
  step?: number;
  jump?: number;
}

export function createMutateProposer(settings: MutateSettings): Proposer {
  return {
    name: 'mutate',
    oneAtATime: true,
    propose: (context) => proposeMutation(context, settings),
    redo,
  };
}

/**
 * A scope file as mutate reads it. Synchronous: every proposal reads every scope file, and with a scope of
 * thousands of files (a directory of configs) a promise per file cost several times the reading.
 */
function readScopeFile(worktree: string, path: string): ScopeFile | undefined {
  // Another worker's eval may have put a FIFO, a link or a directory there.
  const bytes = readPlainFileSync(join(worktree, path));
  if (!bytes || bytes.includes(0)) return undefined; // gone, not a plain file, or binary: nothing to mutate
  const text = bytes.toString('utf8');
  if (Buffer.from(text, 'utf8').equals(bytes)) return { path, encoding: 'utf8', text };
  return { path, encoding: 'latin1', text: bytes.toString('latin1') };
}

async function proposeMutation(context: ProposerContext, settings: MutateSettings): Promise<Proposal> {
  const files: ScopeFile[] = [];
  for (const path of context.scopeFiles) {
    const file = readScopeFile(context.worktree, path);
    if (file) files.push(file);
  }
  const planned = planMutation({
    files,
    records: context.records,
    seed: settings.seed,
    step: settings.step,
    jump: settings.jump,
    experiment: context.experiment,
    // Optional chaining: a context built by hand (tests, scripts) may carry no metric settings.
    primary: context.settings?.metrics?.[0],
    inFlight: context.inFlight,
    // search: tree: steps learned along the lineage of the node this proposal starts from.
    ...(context.start ? { history: lineageHistory(context.records, context.start.experiment) } : {}),
  });
  return write(context, planned);
}

async function write(context: ProposerContext, planned: PlannedMutation): Promise<Proposal> {
  // In place and as a plain file: with workers, another tree's eval may have swapped it since it was read.
  await rewritePlainFile(
    join(context.worktree, planned.file.path),
    Buffer.from(planned.text, planned.file.encoding),
  ).catch((error: Error) => {
    throw new ProposalError(`cannot write ${planned.file.path}: ${error.message}`);
  });
  return { description: planned.description, details: { mutation: planned.mutation } };
}

/** A mutation that no longer applies after a keep: the same literal to the same value, on the incumbent. */
async function redo(
  context: ProposerContext,
  proposal: Proposal,
  changes: readonly ChangedFile[],
): Promise<Proposal> {
  const mutation = mutationIn(proposal.details);
  const after = mutation && changes.find((change) => change.path === mutation.file)?.after;
  if (!mutation || after === undefined) throw new ProposalError('not a mutation mutate can make again');
  const file = readScopeFile(context.worktree, mutation.file);
  if (!file) throw new ProposalError(`${mutation.file} is gone from the incumbent`);
  return write(context, redoMutation(file, mutation, after));
}
