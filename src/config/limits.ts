// What the machine can honour, checked before any branch or tree is made: a number past these would be
// cut short, wrap around or never end.

/** Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer eval.timeout would fire at once. */
export const MAX_DURATION_MS = 2 ** 31 - 1;
/** Samples per measurement: each is a whole eval run. */
export const MAX_REPEATS = 1000;
/**
 * Parallel experiments: each has a worktree of the repository and an eval of its own. Past this, a typo
 * (`workers: 100000`) would fill the disk with trees before the first experiment.
 */
export const MAX_WORKERS = 64;
/** Experiments per session (numbering stays well inside what the ledger's chunks are named for). */
export const MAX_EXPERIMENTS = 1_000_000;

/** "24d20h31m23s": the duration limit as people read it. */
export const MAX_DURATION_TEXT = '24 days';

/** Why `ms` is not a duration autoexp can wait for, or undefined when it is. */
export function durationProblem(ms: number): string | undefined {
  // A time budget of 0 would record the baseline, start nothing and call the night a success.
  if (ms === 0)
    return 'is zero, so no experiment would start; give a duration longer than 0 (e.g. 90s, 5m, 1h30m)';
  return ms > MAX_DURATION_MS
    ? `is longer than the ${MAX_DURATION_TEXT} a timer can wait on this runtime; use a shorter duration`
    : undefined;
}

/** Why `count` is too many experiments for one session, or undefined. */
export function experimentsProblem(count: number): string | undefined {
  return count > MAX_EXPERIMENTS
    ? `is more than ${MAX_EXPERIMENTS.toLocaleString('en')} experiments in one session`
    : undefined;
}
