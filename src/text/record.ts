// The fields of an experiment's record that carry untrusted text, cleaned once more where the record
// enters the ledger (src/session/recorder.ts): the description and reason as one-line fields, log tails
// as blocks that keep their end. The places that make this text clean it first (the proposers, prepare.ts);
// this catches the ones that do not (a guard's or holdout's log tail, a reason from another module).
import type { ExperimentRecord } from '../ledger/types.js';
import { cleanBlock, cleanLine, TEXT_LIMITS } from './untrusted.js';

export function cleanLogTail(logTail: string): string {
  return cleanBlock(logTail, TEXT_LIMITS.logTailBytes, { keep: 'end' });
}

/** What an eval or guard wrote to AUTOEXP_FEEDBACK_FILE: its start, at most 8 KiB. */
export const FEEDBACK_RECORD_BYTES = 8 * 1024;
/** The short tail of a measured candidate's output (output_tail): its end, at most 2 KiB. */
export const OUTPUT_TAIL_BYTES = 2 * 1024;
export const OUTPUT_TAIL_LINES = 10;

/** The last OUTPUT_TAIL_LINES lines of `logTail`, cleaned, within OUTPUT_TAIL_BYTES. */
export function outputTail(logTail: string): string {
  const lines = logTail.trimEnd().split('\n').slice(-OUTPUT_TAIL_LINES).join('\n');
  return cleanBlock(lines, OUTPUT_TAIL_BYTES, { keep: 'end' });
}

export function cleanReason(reason: string): string {
  return cleanLine(reason, TEXT_LIMITS.reason);
}

export function cleanDescriptionText(description: string): string {
  return cleanLine(description, TEXT_LIMITS.description);
}

/** The record's description, reason and log tails, cleaned (the fields that are there, and only those). */
export function cleanRecordText(
  record: ExperimentRecord,
): Pick<
  ExperimentRecord,
  'description' | 'reason' | 'log_tail' | 'crash_repairs' | 'feedback' | 'guard_feedback' | 'output_tail'
> {
  return {
    ...(record.feedback === undefined
      ? {}
      : { feedback: cleanBlock(record.feedback, FEEDBACK_RECORD_BYTES) }),
    ...(record.guard_feedback === undefined
      ? {}
      : { guard_feedback: cleanBlock(record.guard_feedback, FEEDBACK_RECORD_BYTES) }),
    ...(record.output_tail === undefined ? {} : { output_tail: outputTail(record.output_tail) }),
    description: cleanDescriptionText(record.description),
    reason: cleanReason(record.reason),
    ...(record.log_tail === undefined ? {} : { log_tail: cleanLogTail(record.log_tail) }),
    ...(record.crash_repairs === undefined
      ? {}
      : {
          crash_repairs: record.crash_repairs.map((repair) => ({
            reason: cleanReason(repair.reason),
            log_tail: cleanLogTail(repair.log_tail),
          })),
        }),
  };
}
