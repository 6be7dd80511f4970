// stop.target and stop.plateau (docs/format.md): when the program as a whole is over, or waits for a
// person. Pure decisions over the ledger's rows and program.json, the small state file autoexp keeps in
// results.dir next to the ledger (committed with it, on the branch only):
//
//   {"paused": {"experiments": 42, "timestamp": "…", "reason": "…",
//               "config_sha256": "…", "program_sha256": "…", "base": "<sha>"},
//    "resumed": {"experiments": 42, "timestamp": "…", "why": "autoexp.yml changed"}}
//
// A target reached is read from the ledger alone: a keep whose primary metric meets stop.target (so
// raising the target in autoexp.yml lets the program go on). A plateau pauses: the session that records
// the stop.plateau-th experiment in a row without a keep writes `paused` with what the program was
// running on: the hashes of autoexp.yml and program.md and base's commit. A later session that finds any
// of them changed, or a `/autoexp resume` comment by someone in pr.steer-from made after the pause,
// resumes: it records `resumed`, and the plateau is counted afresh from there.
import { createHash } from 'node:crypto';
import type { MetricSpec, Settings } from '../config/settings.js';
import type { LedgerRow } from '../ledger/types.js';
import { formatMetric } from '../report/format.js';

export const PROGRAM_FILE = 'program.json';

export interface PauseRecord {
  /** The ledger's row count when the program paused. */
  experiments: number;
  timestamp: string;
  reason: string;
  config_sha256: string;
  program_sha256: string;
  /** Base's commit when the program paused. */
  base: string;
}

export interface ProgramState {
  paused?: PauseRecord;
  /** The last resume: the plateau is counted from `experiments` on. */
  resumed?: { experiments: number; timestamp: string; why: string };
}

/** What the program runs on now: a change to any of them lifts a pause. */
export interface ProgramInputs {
  configSha256: string;
  programSha256: string;
  base: string;
}

/** A `/autoexp resume` comment on the summary PR by someone in pr.steer-from, or `autoexp run --resume`. */
export interface ResumeRequest {
  author: string;
  createdAt: string;
  /** How the resume is recorded; default "/autoexp resume by <author>". */
  why?: string;
}

export type Halt =
  { kind: 'target-reached'; message: string } | { kind: 'paused'; message: string; pause: PauseRecord };

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** program.json as the branch holds it; a file that does not parse (a hand edit) counts as none. */
export function parseProgramState(text: string | undefined): ProgramState {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as ProgramState;
    if (typeof value !== 'object' || value === null) return {};
    const state: ProgramState = {};
    const paused = value.paused;
    if (
      paused &&
      Number.isSafeInteger(paused.experiments) &&
      typeof paused.timestamp === 'string' &&
      typeof paused.reason === 'string' &&
      typeof paused.config_sha256 === 'string' &&
      typeof paused.program_sha256 === 'string' &&
      typeof paused.base === 'string'
    )
      state.paused = paused;
    const resumed = value.resumed;
    if (resumed && Number.isSafeInteger(resumed.experiments) && typeof resumed.timestamp === 'string')
      state.resumed = {
        experiments: resumed.experiments,
        timestamp: resumed.timestamp,
        why: String(resumed.why),
      };
    return state;
  } catch {
    return {};
  }
}

export function renderProgramState(state: ProgramState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

function meets(metric: MetricSpec, value: number, target: number): boolean {
  return metric.goal === 'maximize' ? value >= target : value <= target;
}

/** stop.target: the first keep (the baseline included) whose primary metric meets it, or undefined. */
export function targetRow(rows: readonly LedgerRow[], settings: Settings): LedgerRow | undefined {
  const target = settings.stop?.target;
  const primary = settings.metrics[0];
  if (target === undefined || !primary) return undefined;
  return rows.find((row) => {
    const value = row.metrics[primary.name];
    return (
      // search: tree's explore rows are nodes off the head, not the program's result.
      (row.status === 'keep' || (row.status === 'explore' && settings.search !== 'tree')) &&
      value !== undefined &&
      meets(primary, value, target)
    );
  });
}

function targetHalt(row: LedgerRow, settings: Settings): Halt {
  const primary = settings.metrics[0]!;
  const sign = primary.goal === 'maximize' ? '≥' : '≤';
  const at = row.experiment === 0 ? 'the baseline' : `#${row.experiment}`;
  return {
    kind: 'target-reached',
    message:
      `target reached: ${primary.name} ${formatMetric(row.metrics[primary.name]!)} ${sign} ${settings.stop!.target} ` +
      `(stop.target) at ${at}; the program is finished. Change stop.target in autoexp.yml to go on`,
  };
}

/** Experiments in a row without a keep at the end of the ledger, counted from `since` (a resume) on. */
export function plateauLength(rows: readonly LedgerRow[], since = 0): number {
  let count = 0;
  for (let index = rows.length - 1; index >= 0; index--) {
    const row = rows[index]!;
    if (row.experiment < since || row.experiment === 0) break;
    if (row.status === 'keep' || row.status === 'explore') break;
    count++;
  }
  return count;
}

function pausedMessage(pause: PauseRecord): string {
  return (
    `paused: ${pause.reason}. It resumes when autoexp.yml, program.md or base change, or when someone ` +
    'with write access comments "/autoexp resume" on the summary pull request (from a terminal: ' +
    '`autoexp run --resume`)'
  );
}

/** Why a pause is over, or undefined while it holds. */
export function whyResume(
  pause: PauseRecord,
  now: ProgramInputs,
  requests: readonly ResumeRequest[] = [],
): string | undefined {
  if (now.configSha256 !== pause.config_sha256) return 'autoexp.yml changed';
  if (now.programSha256 !== pause.program_sha256) return 'program.md changed';
  if (now.base !== pause.base) return 'base moved';
  const request = requests.find((item) => Date.parse(item.createdAt) > Date.parse(pause.timestamp));
  return request ? (request.why ?? `/autoexp resume by ${request.author}`) : undefined;
}

/**
 * Before a session does anything costly: is the program finished or paused? `resumed` says why a pause
 * is over (the session records it with its first experiment).
 */
export function programAtStart(input: {
  settings: Settings;
  rows: readonly LedgerRow[];
  state: ProgramState;
  now: ProgramInputs;
  resumeRequests?: readonly ResumeRequest[];
}): { halt?: Halt; resumed?: string } {
  const { settings, rows, state } = input;
  const reached = targetRow(rows, settings);
  if (reached) return { halt: targetHalt(reached, settings) };
  if (!state.paused) return {};
  const why = whyResume(state.paused, input.now, input.resumeRequests);
  if (why) return { resumed: why };
  if (settings.stop?.plateau === undefined) return { resumed: 'stop.plateau is not set' };
  return { halt: { kind: 'paused', message: pausedMessage(state.paused), pause: state.paused } };
}

/** What `autoexp status` says of the program: finished, paused, or paused until the next run resumes it. */
export interface ProgramStatus {
  state: 'finished' | 'paused' | 'resumes';
  message: string;
}

/**
 * The program's state as the branch records it, for `autoexp status`. `now` is what status can know of
 * the inputs (it has no base to compare with, so a moved base is not seen here).
 */
export function programStatus(input: {
  settings: Settings;
  rows: readonly LedgerRow[];
  state: ProgramState;
  now: Omit<ProgramInputs, 'base'>;
}): ProgramStatus | undefined {
  const { state } = input;
  const start = programAtStart({ ...input, now: { ...input.now, base: state.paused?.base ?? '' } });
  if (start.halt?.kind === 'target-reached') return { state: 'finished', message: start.halt.message };
  if (start.halt) return { state: 'paused', message: start.halt.message };
  if (state.paused && start.resumed)
    return {
      state: 'resumes',
      message: `paused: ${state.paused.reason}; the next run resumes it (${start.resumed})`,
    };
  return undefined;
}

/** After an experiment is recorded: did it reach the target, or make a plateau? */
export function programAfterRecord(input: {
  settings: Settings;
  rows: readonly LedgerRow[];
  state: ProgramState;
  now: ProgramInputs;
  timestamp: string;
}): Halt | undefined {
  const { settings, rows, state } = input;
  const last = rows.at(-1);
  if (last && targetRow([last], settings)) return targetHalt(last, settings);
  const plateau = settings.stop?.plateau;
  if (plateau === undefined) return undefined;
  const length = plateauLength(rows, state.resumed?.experiments ?? 0);
  if (length < plateau) return undefined;
  const pause: PauseRecord = {
    experiments: rows.length,
    timestamp: input.timestamp,
    reason: `${length} experiments in a row without a keep (stop.plateau: ${plateau})`,
    config_sha256: input.now.configSha256,
    program_sha256: input.now.programSha256,
    base: input.now.base,
  };
  return { kind: 'paused', message: pausedMessage(pause), pause };
}
