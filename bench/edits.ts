// `node bench/run.mjs edits`: the edit-application corpus (test/fixtures/edit-corpus) run through
// parseReply + planEdits. Goals: 100 % success on the cases that should apply, 0 edits at a wrong place.
import { editCorpus, runEditCase } from '../test/fixtures/edit-corpus/index.js';

export interface EditBench {
  cases: number;
  applicable: number;
  succeeded: number;
  wrongPlace: number;
  /** succeeded / applicable. */
  successRate: number;
}

export function benchEdits(): EditBench {
  const outcomes = editCorpus().map(runEditCase);
  const applicable = outcomes.filter((outcome) => outcome.applicable);
  const succeeded = applicable.filter((outcome) => outcome.asExpected).length;
  return {
    cases: outcomes.length,
    applicable: applicable.length,
    succeeded,
    wrongPlace: outcomes.filter((outcome) => outcome.wrongPlace).length,
    successRate: applicable.length === 0 ? 1 : succeeded / applicable.length,
  };
}
