// Is this candidate better than the incumbent? Pure: the same observations and settings always give the
// same verdict. The order is fixed — constraints, then the rule's comparison, then tie-breaks — so later
// checks (guard, holdout, explore) slot in as further steps without touching the others. The noise test
// (`decide.noise`) is part of the rule's comparison: it is how each metric's "better" is established.
import type { MetricSpec } from '../config/settings.js';
import { describeConfidence } from './confidence.js';
import { firstViolation } from './constraints.js';
import { compareByRule, type RuleComparison } from './rules.js';
import { SEQUENTIAL_MIN_RUNS } from './sequential.js';
import type { DecisionInput, SequentialOutcome, Verdict } from './types.js';

export { isBetter, relativeChange } from './compare.js';
export { describeConfidence } from './confidence.js';
export { constraintViolation, firstViolation } from './constraints.js';

export function decide(input: DecisionInput): Verdict {
  const candidate = completeValues(input.candidate.metrics, input.metrics, 'candidate');
  const incumbent = completeValues(input.incumbent.metrics, input.metrics, 'incumbent');

  const byConstraints = checkConstraints(input.metrics, candidate, incumbent);
  if (byConstraints !== undefined) {
    if (input.settings.noise !== 'sequential') return byConstraints;
    const stopped = byConstraints.keep ? 'meets constraints' : 'constraint';
    return { ...byConstraints, sequential: sequentialOutcome(input, stopped) };
  }

  const comparison = compareByRule({
    candidate: { metrics: candidate, samples: input.candidate.samples },
    incumbent: { metrics: incumbent, samples: input.incumbent.samples },
    metrics: input.metrics,
    settings: input.settings,
  });
  const { keep, reason } = breakTies(comparison, input);
  const confidence = describeConfidence(comparison.stats, input.settings);
  const verdict: Verdict = { keep, reason, stats: comparison.stats, confidence };
  if (comparison.stats.sequential)
    verdict.sequential = sequentialOutcome(input, comparison.stats.sequential.stop);
  return verdict;
}

/**
 * noise sequential, after each of the candidate's runs: do the runs so far settle the verdict? False
 * before the minimum of runs; true once the candidate breaks a constraint, the rule stops, or
 * eval.repeats is reached.
 *
 * "Meets constraints" (the incumbent breaks one, the candidate's mean does not) has no noise test behind
 * it, so it never stops the runs early: against an incumbent just past a limit, the running mean of a
 * change that does nothing dips under it at some look nearly always. With all runs it is the one look a
 * fixed number of runs gets.
 */
export function sequentialSettled(input: DecisionInput): boolean {
  const runs = candidateRuns(input);
  const maxRuns = input.settings.maxRuns ?? 0;
  if (runs < SEQUENTIAL_MIN_RUNS) return runs >= maxRuns;
  const stopped = decide(input).sequential?.stopped;
  if (stopped === 'meets constraints') return runs >= maxRuns;
  return stopped !== 'continue';
}

function sequentialOutcome(input: DecisionInput, stopped: SequentialOutcome['stopped']): SequentialOutcome {
  return { runs: candidateRuns(input), max_runs: input.settings.maxRuns ?? 0, stopped };
}

/** Every metric comes from the same runs: the primary's samples count them. */
function candidateRuns(input: DecisionInput): number {
  return input.candidate.samples[input.metrics[0]!.name]?.length ?? 0;
}

/**
 * A candidate outside the constraints is out, whatever else it does. An incumbent outside them (a
 * baseline can be) loses to any candidate inside them, so a run can climb back into the allowed region.
 */
function checkConstraints(
  metrics: readonly MetricSpec[],
  candidate: Record<string, number>,
  incumbent: Record<string, number>,
): Verdict | undefined {
  const candidateViolation = firstViolation(metrics, candidate);
  if (candidateViolation !== undefined) return { keep: false, reason: `constraint ${candidateViolation}` };
  if (firstViolation(metrics, incumbent) !== undefined) return { keep: true, reason: 'meets constraints' };
  return undefined;
}

/** Better keeps; equal (within min-delta) keeps only a shorter candidate when simplicity is on. */
function breakTies(comparison: RuleComparison, input: DecisionInput): Pick<Verdict, 'keep' | 'reason'> {
  if (comparison.standing === 'better') return { keep: true, reason: 'improved' };
  if (comparison.standing === 'equal' && input.settings.simplicity && input.lineDelta < 0) {
    const fewer = -input.lineDelta;
    return { keep: true, reason: `simpler (${fewer} fewer line${fewer === 1 ? '' : 's'})` };
  }
  return { keep: false, reason: `not better (${comparison.detail})` };
}

/** The caller measures every metric before deciding; a gap here is a bug upstream, not a bad candidate. */
function completeValues(
  values: Readonly<Record<string, number>>,
  metrics: readonly MetricSpec[],
  which: 'candidate' | 'incumbent',
): Record<string, number> {
  const complete: Record<string, number> = {};
  for (const metric of metrics) {
    const value = values[metric.name];
    if (typeof value !== 'number' || Number.isNaN(value)) {
      throw new Error(`decide: the ${which} has no value for metric "${metric.name}"`);
    }
    complete[metric.name] = value;
  }
  return complete;
}
