// mutate's decisions, pure: from the scope files' text, the ledger's records and the seed, which literal
// changes to what. mutate.ts reads and writes the files; benchmarks drive this directly.
import type { MetricSpec } from '../../config/settings.js';
import type { ExperimentRecord } from '../../ledger/types.js';
import { scopeHash } from '../../session/scope-hash.js';
import { ProposalError, type InFlightCandidate } from '../types.js';
import { findNumericLiterals, type NumericLiteral } from './literals.js';
import { seededRandom, type Random } from './random.js';
import {
  INITIAL_SCALE,
  initialState,
  JUMP,
  literalId,
  mutationIn,
  mutationOf,
  replayHistory,
  steppedText,
  type Direction,
  type LiteralState,
  type Mutation,
} from './steps.js';

/** How often a proposal returns to a literal that improved before instead of rotating to the next. */
const EXPLOIT_PROBABILITY = 0.3;
/** Step multipliers tried, in order, when the preferred step gives a content already tried. */
const FALLBACK_MULTIPLIERS = [1, 0.5, 2, 0.25, 4, 8];
/**
 * Last resorts, once every literal's usual sizes were tried: steps far enough to reach values not tried
 * yet (a small integer whose step has shrunk rounds back to its neighbours).
 */
const FAR_MULTIPLIERS = [16, 32, 64];
/** Each attempt hashes the scope files; this bounds the work when nearly everything was tried. */
const MAX_ATTEMPTS = 400;

export interface ScopeFile {
  path: string;
  /** How the bytes were decoded; latin1 keeps a non-UTF-8 file byte-exact when written back. */
  encoding: 'utf8' | 'latin1';
  text: string;
}

export interface MutationInput {
  /** The scope files as the incumbent has them (unreadable and binary ones left out). */
  files: readonly ScopeFile[];
  /** Every earlier record, oldest first. */
  records: readonly ExperimentRecord[];
  /**
   * The records mutate learns its literals' steps from, when not all of them: with `search: tree`, the
   * hill-climb view of the lineage of the node the proposal starts from (src/search/history.ts).
   * Contents tried are still taken from `records`.
   */
  history?: readonly ExperimentRecord[];
  seed: number;
  experiment: number;
  /** The primary metric (which way is better); optional for hand-built contexts. */
  primary?: MetricSpec;
  /** Candidates of other slots not decided yet: never repeated, and their literals left to them. */
  inFlight?: readonly InFlightCandidate[];
  /** proposer.step: the relative step of a literal never tried; default 0.3. */
  step?: number;
  /** proposer.jump: a jump is this many times the literal's step; default 3. */
  jump?: number;
}

export interface PlannedMutation {
  file: ScopeFile;
  /** The file's new text. */
  text: string;
  mutation: Mutation;
  description: string;
}

interface Candidate {
  file: ScopeFile;
  literal: NumericLiteral;
  id: string;
  state: LiteralState;
}

interface Attempt {
  candidate: Candidate;
  direction: Direction;
  scale: number;
}

/**
 * How often the first attempt is a larger jump (proposer.jump times the literal's step) once the literal's
 * step has shrunk below half its first size: a way out of a local optimum the small steps circle around.
 */
const JUMP_PROBABILITY = 0.2;

/** The file's contents as the session reads them (utf8), which is what scope_hash is computed over. */
function asSessionReadsIt(file: ScopeFile, text: string): string {
  return file.encoding === 'utf8' ? text : Buffer.from(text, 'latin1').toString('utf8');
}

/** The next mutation, or a ProposalError saying why there is none. Same input, same answer. */
export function planMutation(input: MutationInput): PlannedMutation {
  const { files, records } = input;
  const history = input.history ?? records;
  const steps = { first: input.step ?? INITIAL_SCALE, jump: input.jump ?? JUMP };
  const states = replayHistory(history, input.primary, steps.first);
  const candidates: Candidate[] = files.flatMap((file) =>
    findNumericLiterals(file.path, file.text).map((literal) => {
      const id = literalId(file.path, literal.key);
      return { file, literal, id, state: states.get(id) ?? initialState(steps.first) };
    }),
  );
  if (candidates.length === 0) {
    throw new ProposalError(
      `mutate found no numeric literal to change in ${files.map((file) => file.path).join(', ') || 'scope.modify (no files)'}; ` +
        'mutate only tunes numbers — use proposer.kind: command or llm for other changes',
    );
  }

  const incumbent = new Map(files.map((file) => [file.path, asSessionReadsIt(file, file.text)]));
  const tried = new Set(records.map((record) => record.scope_hash).filter((hash) => hash !== undefined));
  tried.add(scopeHash(incumbent));
  // In flight: their contents, and the values their literals are going to (the same content once a keep
  // has moved the incumbent and they are rebased onto it).
  const inFlight = input.inFlight ?? [];
  for (const other of inFlight) tried.add(other.scopeHash);
  const claimed = new Set<string>();
  const busy = new Set<string>();
  for (const other of inFlight) {
    const mutation = mutationIn(other.proposal);
    if (!mutation) continue;
    busy.add(literalId(mutation.file, mutation.key));
    claimed.add(`${literalId(mutation.file, mutation.key)}\0${mutation.to}`);
  }

  const random = seededRandom(input.seed, input.experiment);
  let attempts = 0;
  for (const attempt of planAttempts(candidates, history, input.primary, random, busy, steps)) {
    if (++attempts > MAX_ATTEMPTS) break;
    const { candidate, direction, scale } = attempt;
    const { file, literal } = candidate;
    const replacement = steppedText(literal.text, direction, scale);
    if (replacement === undefined || replacement === literal.text) continue;
    if (claimed.has(`${candidate.id}\0${Number(replacement)}`)) continue;
    const text = file.text.slice(0, literal.start) + replacement + file.text.slice(literal.end);
    const after = new Map(incumbent).set(file.path, asSessionReadsIt(file, text));
    if (tried.has(scopeHash(after))) continue;
    const to = Number(replacement);
    return {
      file,
      text,
      mutation: {
        file: file.path,
        line: literal.line,
        key: literal.key,
        from: literal.value,
        to,
        step: Number((to - literal.value).toPrecision(12)),
        scale: Number(scale.toPrecision(6)),
        ...(scale === candidate.state.scale ? {} : { base: Number(candidate.state.scale.toPrecision(6)) }),
      },
      description: `${file.path}: ${literal.key} ${literal.text} → ${replacement}`,
    };
  }
  throw new ProposalError(
    `mutate found no untried change: every nearby value of the ${candidates.length} numeric literal(s) in ` +
      `${files.map((file) => file.path).join(', ')} has been tried; widen scope.modify or use proposer.kind: command or llm`,
  );
}

/**
 * The same mutation again on a new incumbent (its file as `file`): the literal named `mutation.key` gets
 * the text it had in `after` (the candidate's version of the file). For a candidate that no longer
 * applies because a keep changed a nearby line.
 */
export function redoMutation(file: ScopeFile, mutation: Mutation, after: string): PlannedMutation {
  const wanted = findNumericLiterals(file.path, after).find((literal) => literal.key === mutation.key);
  const literal = findNumericLiterals(file.path, file.text).find((found) => found.key === mutation.key);
  if (!wanted || !literal) throw new ProposalError(`${mutation.key} is no longer in ${file.path}`);
  if (literal.text === wanted.text) {
    throw new ProposalError(`${file.path}: ${mutation.key} is already ${literal.text} on the incumbent`);
  }
  return {
    file,
    text: file.text.slice(0, literal.start) + wanted.text + file.text.slice(literal.end),
    mutation: {
      ...mutation,
      line: literal.line,
      from: literal.value,
      step: Number((wanted.value - literal.value).toPrecision(12)),
    },
    description: `${file.path}: ${literal.key} ${literal.text} → ${wanted.text}`,
  };
}

/** Whether an experiment's primary metric came out worse than the incumbent it was compared with. */
function madeWorse(record: ExperimentRecord, primary: MetricSpec | undefined): boolean {
  if (!primary) return false;
  const value = record.metrics[primary.name];
  const incumbent = record.incumbent?.metrics[primary.name];
  if (value === undefined || incumbent === undefined) return false;
  return primary.goal === 'maximize' ? value < incumbent : value > incumbent;
}

/**
 * The literal to change first:
 * - after a first step that made the primary metric worse, the same literal the other way (the metric
 *   moved, so the opposite direction is likely to help: a poll in both directions, as in pattern search);
 * - a literal never tried: every literal is polled before any is pursued, so the search follows the
 *   literal that helps most rather than the one it happened to try first;
 * - the literal whose last try gained most (after a keep that is usually the same one, further on);
 * - otherwise sometimes a literal weighted by all its keeps gained, else the next one in rotation.
 */
function chooseFirst(
  candidates: Candidate[],
  records: readonly ExperimentRecord[],
  primary: MetricSpec | undefined,
  random: Random,
): Candidate {
  const mutateRecords = records.filter((record) => mutationOf(record) !== undefined);
  const lastRecord = mutateRecords.at(-1);
  const last = lastRecord && mutationOf(lastRecord);
  const lastCandidate =
    last && candidates.find((candidate) => candidate.id === literalId(last.file, last.key));
  if (lastRecord?.status === 'discard' && last && lastCandidate) {
    const before = mutateRecords.at(-2);
    const beforeMutation = before && mutationOf(before);
    // Not after an overshoot at the end of a run of keeps, and never back and forth twice.
    const firstTry =
      !beforeMutation || literalId(beforeMutation.file, beforeMutation.key) !== lastCandidate.id;
    if (firstTry && madeWorse(lastRecord, primary)) return lastCandidate;
  }
  const untried = candidates.filter((candidate) => candidate.state.tries === 0);
  if (untried.length > 0) return rotation(untried, random)[0]!;
  const promising = candidates
    .filter((candidate) => candidate.state.promise > 0)
    .sort(
      (a, b) =>
        b.state.promise - a.state.promise || Number(b === lastCandidate) - Number(a === lastCandidate),
    );
  if (promising.length > 0) return promising[0]!;
  // Literals whose keeps gained more are picked more often.
  const improvedBefore = candidates.filter((candidate) => candidate.state.credit > 0);
  if (improvedBefore.length > 0 && random.next() < EXPLOIT_PROBABILITY) {
    const total = improvedBefore.reduce((sum, candidate) => sum + candidate.state.credit, 0);
    let pick = random.next() * total;
    for (const candidate of improvedBefore) {
      pick -= candidate.state.credit;
      if (pick < 0) return candidate;
    }
  }
  return rotation(candidates, random)[0]!;
}

/** Least-tried first, then least recently tried, ties in a seeded random order. */
function rotation(candidates: Candidate[], random: Random): Candidate[] {
  return random
    .shuffle(candidates)
    .sort((a, b) => a.state.tries - b.state.tries || a.state.lastTried - b.state.lastTried);
}

/**
 * Every attempt worth making, best first: the chosen literal in its preferred direction (other step
 * sizes if that content was tried), then the other literals' usual steps, then anything nearby.
 * Literals that candidates in flight change (`busy`) come last, so that slots spread over literals.
 */
function* planAttempts(
  candidates: Candidate[],
  records: readonly ExperimentRecord[],
  primary: MetricSpec | undefined,
  random: Random,
  busy: ReadonlySet<string>,
  steps: { first: number; jump: number },
): Generator<Attempt> {
  const free = candidates.filter((candidate) => !busy.has(candidate.id));
  const taken = candidates.filter((candidate) => busy.has(candidate.id));
  const first = chooseFirst(free.length > 0 ? free : candidates, records, primary, random);
  const order = [
    first,
    ...rotation(free, random).filter((candidate) => candidate !== first),
    ...rotation(taken, random).filter((candidate) => candidate !== first),
  ];
  const directions = new Map(
    order.map(
      (candidate) => [candidate, candidate.state.direction ?? (random.next() < 0.5 ? 1 : -1)] as const,
    ),
  );
  const attempt = (candidate: Candidate, multiplier: number, flip: boolean): Attempt => {
    const preferred = directions.get(candidate)!;
    return {
      candidate,
      direction: flip ? (-preferred as Direction) : preferred,
      scale: candidate.state.scale * multiplier,
    };
  };
  if (random.next() < JUMP_PROBABILITY && first.state.scale < steps.first / 2)
    yield attempt(first, steps.jump, false);
  for (const multiplier of FALLBACK_MULTIPLIERS) yield attempt(first, multiplier, false);
  for (const candidate of order.slice(1)) {
    yield attempt(candidate, 1, false);
    yield attempt(candidate, 1, true);
  }
  for (const multiplier of [...FALLBACK_MULTIPLIERS, ...FAR_MULTIPLIERS]) {
    for (const candidate of order) {
      yield attempt(candidate, multiplier, false);
      yield attempt(candidate, multiplier, true);
    }
  }
}
