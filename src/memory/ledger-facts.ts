// What the experiments log proves, as short lines for lessons.md: for each numeric setting that
// experiments changed (one number on a line, as mutate does and as agents often do), which way it was
// moved, how often, to which values, and how many of those tries were kept. Only what the records say:
// "3 tries raised alpha in params.yaml (to 2.8–3.4); none was kept (2 discarded, 1 crashed)". Pure.
import type { ExperimentRecord, Status } from '../ledger/types.js';
import { cleanLine } from '../text/untrusted.js';

/** Facts shown at most; the settings tried most often first. */
export const MAX_LEDGER_FACTS = 8;
/** A direction needs this many tries before it says anything. */
const MIN_TRIES = 2;
const RUN: ReadonlySet<Status> = new Set(['keep', 'explore', 'discard', 'crash', 'timeout']);
const NUMBER = /(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.])/g;

/** One numeric literal that one experiment changed. */
export interface NumericChange {
  file: string;
  /** The name the line gives it (`alpha` in `alpha: 2.5`, `"alpha": 2.5`, `ALPHA = 2.5`). */
  name: string;
  from: number;
  to: number;
}

/**
 * The numeric literals a unified diff changes: in each hunk, a removed line and the added line at the
 * same position of the run that follows it, alike but for one number. Lines without a name are skipped.
 */
export function numericChanges(patch: string): NumericChange[] {
  const changes: NumericChange[] = [];
  let file = '';
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let index = 0; index < pairs; index++) {
      const change = changedNumber(removed[index]!, added[index]!);
      if (change) changes.push({ file, ...change });
    }
    removed = [];
    added = [];
  };
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++ ')) {
      flush();
      file = line.slice(4).replace(/^b\//, '').trim();
    } else if (line.startsWith('--- ')) flush();
    else if (line.startsWith('-')) {
      if (added.length > 0) flush();
      removed.push(line.slice(1));
    } else if (line.startsWith('+')) added.push(line.slice(1));
    else flush();
  }
  flush();
  return changes;
}

function changedNumber(before: string, after: string): Omit<NumericChange, 'file'> | undefined {
  const a = [...before.matchAll(NUMBER)];
  const b = [...after.matchAll(NUMBER)];
  if (a.length === 0 || a.length !== b.length) return undefined;
  if (before.replace(NUMBER, '#') !== after.replace(NUMBER, '#')) return undefined;
  const differing = a.map((match, index) => index).filter((index) => a[index]![0] !== b[index]![0]);
  if (differing.length !== 1) return undefined;
  const index = differing[0]!;
  const from = Number(a[index]![0]);
  const to = Number(b[index]![0]);
  if (!Number.isFinite(from) || !Number.isFinite(to) || from === to) return undefined;
  const name = /([A-Za-z_][A-Za-z0-9_.-]*)[^A-Za-z0-9_]*$/.exec(before.slice(0, a[index]!.index))?.[1];
  return name ? { name: name.replace(/[.-]+$/, ''), from, to } : undefined;
}

interface Direction {
  file: string;
  name: string;
  raised: boolean;
  values: number[];
  /** The experiments kept, and the values they went to. */
  kept: number[];
  keptValues: number[];
  statuses: Map<Status, number>;
}

/**
 * The facts the log proves about numeric settings, kept up to date one record at a time (a session adds
 * each experiment as it is recorded; the history is read once).
 */
export class LedgerFacts {
  private readonly directions = new Map<string, Direction>();

  constructor(records: readonly ExperimentRecord[] = []) {
    for (const record of records) this.add(record);
  }

  add(record: ExperimentRecord): void {
    if (record.experiment === 0 || !RUN.has(record.status) || !record.patch) return;
    const changes = numericChanges(record.patch);
    // One setting changed: the result says something about it. Several at once say little about each.
    if (changes.length !== 1) return;
    const change = changes[0]!;
    const raised = change.to > change.from;
    const key = `${change.file}\0${change.name}\0${raised}`;
    let direction = this.directions.get(key);
    if (!direction) {
      direction = {
        file: change.file,
        name: change.name,
        raised,
        values: [],
        kept: [],
        keptValues: [],
        statuses: new Map(),
      };
      this.directions.set(key, direction);
    }
    direction.values.push(change.to);
    if (record.status === 'keep' || record.status === 'explore') {
      direction.kept.push(record.experiment);
      direction.keptValues.push(change.to);
    }
    direction.statuses.set(record.status, (direction.statuses.get(record.status) ?? 0) + 1);
  }

  /** Most-tried first, at most MAX_LEDGER_FACTS, each one clean line (file names are the proposer's). */
  lines(): string[] {
    return [...this.directions.values()]
      .filter((direction) => direction.values.length >= MIN_TRIES)
      .sort((a, b) => b.values.length - a.values.length)
      .slice(0, MAX_LEDGER_FACTS)
      .map((direction) => cleanLine(describeDirection(direction), 400));
  }
}

/** The facts `records` prove (see LedgerFacts). */
export function ledgerFacts(records: readonly ExperimentRecord[]): string[] {
  return new LedgerFacts(records).lines();
}

function describeDirection(direction: Direction): string {
  const tries = direction.values.length;
  const low = Math.min(...direction.values);
  const high = Math.max(...direction.values);
  const range = low === high ? `${low}` : `${low}–${high}`;
  const what = `${direction.raised ? 'raised' : 'lowered'} ${direction.name} in ${direction.file}`;
  if (direction.kept.length === 0) {
    const how = [...direction.statuses]
      .map(
        ([status, count]) =>
          `${count} ${status === 'discard' ? 'discarded' : status === 'crash' ? 'crashed' : 'timed out'}`,
      )
      .join(', ');
    return `${tries} tries ${what} (to ${range}); none was kept (${how})`;
  }
  const kept = direction.kept.map((experiment) => `#${experiment}`).join(', ');
  // How far a keep went: every try beyond it was not kept ("the 2 that went above 12").
  const keptValues = direction.keptValues;
  const edge = direction.raised ? Math.max(...keptValues) : Math.min(...keptValues);
  const beyond = direction.values.filter((value) => (direction.raised ? value > edge : value < edge)).length;
  const side = `${direction.raised ? 'above' : 'below'} ${edge}`;
  const past =
    beyond === 0
      ? ''
      : beyond === 1
        ? `; the one that went ${side} was not`
        : `; none of the ${beyond} that went ${side} was`;
  return `${direction.kept.length} of ${tries} tries that ${what} (to ${range}) were kept (${kept})${past && `${past} kept`}`;
}
