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

/**
 * `text` with every occurrence of each of `secrets` replaced by "[redacted]", longest first (one secret
 * may hold another). An eval that prints its environment when it crashes would otherwise put a key it
 * was given into the ledger, which is pushed and shown in the PR: GitHub masks secrets in the job's log,
 * not in a repository. Only accidents are caught: code that means to leak a value can encode it.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length))
    if (secret !== '' && redacted.includes(secret)) redacted = redacted.split(secret).join('[redacted]');
  return redacted;
}

type RecordText = Pick<
  ExperimentRecord,
  'description' | 'reason' | 'log_tail' | 'crash_repairs' | 'feedback' | 'guard_feedback' | 'output_tail'
>;

/** The text fields a record (or one of its crash repairs) may have, and how each is cleaned. */
const CLEANERS = {
  feedback: (text: string) => cleanBlock(text, FEEDBACK_RECORD_BYTES),
  guard_feedback: (text: string) => cleanBlock(text, FEEDBACK_RECORD_BYTES),
  output_tail: outputTail,
  description: cleanDescriptionText,
  reason: cleanReason,
  log_tail: cleanLogTail,
} as const;
type TextField = keyof typeof CLEANERS;

/**
 * The record's description, reason and log tails, cleaned (the fields that are there, and only those),
 * with `secrets` redacted: before cleaning, so that no cut leaves a part of one, and after, so that no
 * invisible character removed from the middle of one makes it whole.
 */
export function cleanRecordText(record: ExperimentRecord, secrets: readonly string[] = []): RecordText {
  const redact = (text: string) => (secrets.length === 0 ? text : redactSecrets(text, secrets));
  return eachText(record, (text, field) => redact(CLEANERS[field](redact(text))));
}

/** The text fields of `record` (those that are there), each passed through `change` once. */
function eachText(record: RecordText, change: (text: string, field: TextField) => string): RecordText {
  const changed: Partial<Record<TextField, string>> = {};
  for (const field of Object.keys(CLEANERS) as TextField[]) {
    const text = record[field];
    if (text !== undefined) changed[field] = change(text, field);
  }
  return {
    ...changed,
    // Every record has these two.
    description: changed.description!,
    reason: changed.reason!,
    ...(record.crash_repairs === undefined
      ? {}
      : {
          crash_repairs: record.crash_repairs.map((repair) => ({
            reason: change(repair.reason, 'reason'),
            log_tail: change(repair.log_tail, 'log_tail'),
          })),
        }),
  };
}
