// The fields of an experiment's record that carry untrusted text, cleaned once more where the record
// enters the ledger (src/session/recorder.ts): the description and reason as one-line fields, log tails
// as blocks that keep their end. The places that make this text clean it first (the proposers, prepare.ts);
// this catches the ones that do not (a guard's or holdout's log tail, a reason from another module).
import type { ExperimentRecord } from '../ledger/types.js';
import { cleanBlock, cleanLine, TEXT_LIMITS } from './untrusted.js';

export function cleanLogTail(logTail: string): string {
  return cleanBlock(logTail, TEXT_LIMITS.logTailBytes, { keep: 'end' });
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
): Pick<ExperimentRecord, 'description' | 'reason' | 'log_tail' | 'crash_repairs'> {
  return {
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
