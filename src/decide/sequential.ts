// `decide.noise: sequential`: a candidate is measured one run at a time, and after each run this rule says
// whether the runs so far show clearly that it is better, clearly that it is not, or whether it needs
// another run. docs/decisions.md explains the method and its numbers; in short, it is Wald's sequential
// probability ratio test with an indifference zone, truncated at `eval.repeats` runs:
//
// - The two hypotheses: the candidate is no better than the incumbent beyond min-delta (improvement 0),
//   or it is better by the design improvement θ — the improvement a fixed test using all eval.repeats
//   runs would find four times in five at alpha. θ is in units of the eval's spread, which is estimated
//   from the runs (pooled over candidate and incumbent), so no effect size needs configuring.
// - After each run, the log likelihood ratio of the two. It crosses log(1/alpha): keep. Under "no
//   better" the likelihood ratio is a martingale with mean 1, so by Ville's inequality the chance that
//   it ever crosses 1/alpha is at most alpha, however many times it is looked at. It falls to
//   log(β / (1 - alpha)) with β = 0.2: discard (futility — a discard can never add a false keep).
// - Neither by eval.repeats runs: discard ("not clearly better").
//
// The spread is estimated, not known: the difference of the means is turned into a t statistic (pooled
// variance, Student's t) and then into the normal score with the same tail probability, so the few
// degrees of freedom of the first runs make the rule more careful rather than less. Everything here is
// pure: the same runs and settings always give the same look.
import { normalQuantile, studentTUpperTail } from './stats.js';

/** No look before this many candidate runs: one run says nothing about the spread. */
export const SEQUENTIAL_MIN_RUNS = 2;

/** The chance of finding the design improvement the rule is built for (1 - β). */
const DESIGN_POWER = 0.8;

/** Why the runs stopped: `continue` means they have not, and another run is needed. */
export type SequentialStop = 'clearly better' | 'clearly not better' | 'most runs' | 'continue';

export interface SequentialLook {
  stop: SequentialStop;
  /** Candidate runs so far, and the most it may take (eval.repeats). */
  runs: number;
  maxRuns: number;
  /** The log likelihood ratio of "better by the design improvement" against "no better". */
  logLikelihoodRatio: number;
  /** The log likelihood ratio at or above which the candidate is kept, at or below which it is discarded. */
  keepAt: number;
  discardAt: number;
  /** The design improvement, in pooled standard deviations of one run. */
  designEffect: number;
}

export interface SequentialLookInput {
  /** The candidate's runs so far and the incumbent's runs, of one metric (or rule weighted's score). */
  candidate: readonly number[];
  incumbent: readonly number[];
  /** How much the candidate's mean exceeds the incumbent's in the goal's direction, less min-delta. */
  improvement: number;
  alpha: number;
  maxRuns: number;
}

export function sequentialLook(input: SequentialLookInput): SequentialLook {
  const { candidate, incumbent, improvement, alpha, maxRuns } = input;
  const runs = candidate.length;
  const keepAt = Math.log(1 / alpha);
  const discardAt = Math.log((1 - DESIGN_POWER) / (1 - alpha));
  const information = (candidateRuns: number) => 1 / (1 / candidateRuns + 1 / incumbent.length);
  // The improvement a fixed one-sided test at alpha with all maxRuns runs finds with DESIGN_POWER.
  const designEffect =
    (normalQuantile(1 - alpha) + normalQuantile(DESIGN_POWER)) / Math.sqrt(information(maxRuns));
  const look = { runs, maxRuns, keepAt, discardAt, designEffect };
  if (runs < SEQUENTIAL_MIN_RUNS || incumbent.length < 1) {
    return { ...look, stop: runs >= maxRuns ? 'most runs' : 'continue', logLikelihoodRatio: 0 };
  }
  // For a normal score z with information I: log LR = θ · z · √I − θ² · I / 2 (an infinite z stays infinite).
  const z = normalScore(candidate, incumbent, improvement);
  const info = information(runs);
  const logLikelihoodRatio = Number.isFinite(z)
    ? designEffect * z * Math.sqrt(info) - (designEffect ** 2 * info) / 2
    : z;
  return { ...look, stop: stopFor(logLikelihoodRatio, keepAt, discardAt, runs, maxRuns), logLikelihoodRatio };
}

function stopFor(
  logLikelihoodRatio: number,
  keepAt: number,
  discardAt: number,
  runs: number,
  maxRuns: number,
): SequentialStop {
  if (logLikelihoodRatio >= keepAt) return 'clearly better';
  if (logLikelihoodRatio <= discardAt) return 'clearly not better';
  return runs >= maxRuns ? 'most runs' : 'continue';
}

/**
 * The improvement over its standard error, as the normal score with the same upper tail as Student's t
 * on the pooled degrees of freedom. When no run varies on either side the difference is all signal: a
 * positive improvement is certain (+Infinity), none at all or a negative one is certainly not better
 * (-Infinity).
 */
function normalScore(
  candidate: readonly number[],
  incumbent: readonly number[],
  improvement: number,
): number {
  const squares = sumOfSquares(candidate) + sumOfSquares(incumbent);
  const degreesOfFreedom = candidate.length + incumbent.length - 2;
  const variance = squares / degreesOfFreedom;
  const standardError = Math.sqrt(variance * (1 / candidate.length + 1 / incumbent.length));
  // Spread at the level of floating-point rounding is no spread (ten copies of 0.1 do not sum to 1).
  const scale = Math.max(...candidate.map(Math.abs), ...incumbent.map(Math.abs), Math.abs(improvement));
  if (!(standardError > 64 * Number.EPSILON * scale)) {
    return improvement > 8 * Number.EPSILON * scale ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }
  const upperTail = studentTUpperTail(improvement / standardError, degreesOfFreedom);
  return -normalQuantile(upperTail);
}

function sumOfSquares(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  const center = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - center) ** 2;
  return squares;
}
