// Recording an experiment: its row and log record are appended to the ledger and committed on the
// branch, the lock notes the branch's new recorded head, and the front end is told (it may push).
// Experiment numbers are given here, in the order experiments are recorded, so they stay contiguous
// whatever stopped or skipped an experiment in flight (workers, a cost stop, a cancel).
import { join } from 'node:path';
import { limitsInForce } from '../decide/constraints.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';
import { inertCommitText } from '../text/commit-message.js';
import { cleanRecordText } from '../text/record.js';
import type { SessionState } from './state.js';
import type { ExperimentOutcome } from './types.js';

export function branchName(tag: string): string {
  return `autoexp/${tag}`;
}

export async function recordOutcome(
  state: SessionState,
  record: ExperimentRecord,
): Promise<ExperimentOutcome> {
  const { settings, events = {}, afterRecord } = state.options;
  const { ledger, branchTree } = state;
  record.experiment = ledger.nextExperiment();
  // Descriptions, reasons and log tails can come from the proposer and the eval: cleaned before the
  // ledger, with the values of the credentials in autoexp's environment redacted.
  Object.assign(record, cleanRecordText(record, state.secrets));
  // The limits this verdict was made under: autoexp.yml may change them later, and reports draw each
  // point against the limits of its day.
  record.limits = limitsInForce(state.view.metrics);
  await state.checkBranchTree();
  const row: LedgerRow = {
    experiment: record.experiment,
    commit: record.commit,
    metrics: Object.fromEntries(settings.metrics.map((metric) => [metric.name, record.metrics[metric.name]])),
    status: record.status,
    description: record.description,
  };
  const existedBefore = !ledger.isEmpty() && record.experiment % 1000 !== 0;
  const written = await ledger.append(row, record);
  if (record.status === 'discard') state.discardsInARow++;
  else if (record.status === 'keep' || record.status === 'explore') state.discardsInARow = 0;
  const paths = written.map((path) => join(settings.results.dir, path));
  // lessons.md and program.json go into the same commit as the ledger (memory.ts).
  const memory = await state.memory.record(branchTree.path, record, ledger.rows());
  // Killed between the commit and recordHead, the lock still names the head before it: this note lets
  // the next session tell the row committed here from a commit nobody recorded.
  await state.lock.recordingOn(branchTree.head);
  await branchTree.commitLedger([...paths, ...memory.paths], ledgerCommitMessage(settings.tag, record), {
    newPaths: !existedBefore || memory.newPaths,
    // Alone, with nothing untrusted outliving its run (the same promise that lets a session take over the
    // last one's parked trees), nothing else has written into the branch's tree since autoexp's last step.
    alone: !state.watchBranchTree && state.trees.trustParked,
    // With workers, other trees' evals run while autoexp records, and may write into the branch's tree:
    // the commit is checked to hold what autoexp wrote.
    ...(state.watchBranchTree
      ? {
          // What the commit must hold besides the ledger's open files: the chunk this row filled, the memory.
          written: new Map<string, string | Buffer>([
            ...[...ledger.justFilled()].map(
              ([name, bytes]) => [join(settings.results.dir, name), bytes] as const,
            ),
            ...memory.contents,
          ]),
        }
      : {}),
  });
  state.recordedHead = branchTree.head;
  await state.sealBranchTree();
  await state.lock.recordHead(state.recordedHead);
  const outcome: ExperimentOutcome = { row, record, incumbent: record.incumbent?.metrics ?? record.metrics };
  if (record.experiment > 0 || record.reason !== 'baseline') state.outcomes.push(outcome);
  events.experiment?.(outcome);
  // The front end pushes: on the repository as the session started, with no untrusted code running.
  if (afterRecord && (await state.guard.quiet(afterRecord)) === 'stop') state.stopRequested = true;
  return outcome;
}

function formatTrailerMetrics(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
}

/**
 * A kept candidate's message: the description, then the trailers (docs/format.md, git behaviour). The
 * description is one line that cannot mention, reference or close anything on GitHub (commit-message.ts).
 */
export function commitMessage(
  description: string,
  experiment: number,
  metrics: Record<string, number>,
): string {
  return `${inertCommitText(description)}\n\nAutoexp-Experiment: ${experiment}\nAutoexp-Metrics: ${formatTrailerMetrics(metrics)}\n`;
}

/**
 * `autoexp(tag): record experiment 3 keep score=75`. No "#3": GitHub would link every pushed ledger
 * commit to issue #3 of the repository.
 */
function ledgerCommitMessage(tag: string, record: ExperimentRecord): string {
  const metrics = formatTrailerMetrics(record.metrics);
  const what =
    record.experiment === 0 && record.reason === 'baseline'
      ? 'baseline'
      : `experiment ${record.experiment} ${record.status}`;
  return `autoexp(${tag}): record ${what}${metrics ? ` ${metrics}` : ''}`;
}
