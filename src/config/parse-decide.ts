// `decide:` — how a candidate is judged against the incumbent (docs/format.md, decide).
import { isUnset, readBoolean, readChoice, readNumber, reportRequired } from './fields.js';
import { describeValue, type ConfigReader, type Field } from './reader.js';
import { SEQUENTIAL_MIN_RUNS } from '../decide/sequential.js';
import type { DecideSettings, EvalSettings, MetricSpec, MinDelta } from './settings.js';

export function readDecide(
  reader: ConfigReader,
  field: Field,
  metrics: readonly MetricSpec[],
  evalSettings: Pick<EvalSettings, 'repeats' | 'interleave'>,
): DecideSettings {
  const { repeats } = evalSettings;
  const child = reader.section(field, ['rule', 'weights', 'min-delta', 'noise', 'alpha', 'simplicity']);
  const rule = readChoice(
    reader,
    child('rule'),
    ['primary', 'pareto', 'weighted', 'lexicographic'],
    'primary',
  );
  const weights = readWeights(reader, child('weights'), metrics);
  if (rule === 'weighted' && isUnset(reader, child('weights'))) {
    reportRequired(reader, child('weights'), 'rule "weighted" needs {metric: weight}');
  } else if (rule !== 'weighted' && Object.keys(weights).length > 0) {
    reader.report(child('weights'), `only used by rule "weighted", but decide.rule is "${rule}"`);
  }
  const noiseField = child('noise');
  const noise = readChoice(reader, noiseField, ['none', 'stddev', 'welch', 'sequential'], 'none');
  if (noise === 'sequential') checkSequential(reader, noiseField, rule, evalSettings);
  else if (noise !== 'none' && repeats < 2) {
    reader.report(
      noiseField,
      `"${noise}" needs eval.repeats >= 2 (it compares samples), but eval.repeats is ${repeats}`,
    );
  }
  const alphaField = child('alpha');
  const alpha = readNumber(reader, alphaField, { fallback: 0.05 });
  if (alpha <= 0 || alpha >= 1)
    reader.report(alphaField, `expected a number between 0 and 1 (exclusive), got the number ${alpha}`);
  return {
    rule,
    weights,
    minDelta: readMinDelta(reader, child('min-delta')),
    noise,
    alpha,
    ...(noise === 'sequential' ? { maxRuns: repeats } : {}),
    simplicity: readBoolean(reader, child('simplicity'), true),
  };
}

/** The combinations `sequential` cannot work with, reported at decide.noise. */
function checkSequential(
  reader: ConfigReader,
  field: Field,
  rule: DecideSettings['rule'],
  { repeats, interleave }: Pick<EvalSettings, 'repeats' | 'interleave'>,
): void {
  const fewest = SEQUENTIAL_MIN_RUNS + 1;
  if (repeats < fewest) {
    reader.report(
      field,
      `"sequential" takes ${SEQUENTIAL_MIN_RUNS} runs at least and eval.repeats at most, so eval.repeats must be ` +
        `${fewest} or more (20 to 30 is usual), but it is ${repeats}`,
    );
  }
  if (rule === 'pareto' || rule === 'lexicographic') {
    reader.report(
      field,
      `"sequential" stops on one number, the primary metric or rule weighted's score; it cannot be used with rule "${rule}"`,
    );
  }
  if (interleave) {
    reader.report(
      field,
      '"sequential" reuses the incumbent\'s runs, and eval.interleave measures it again with every candidate; use one of them',
    );
  }
}

function readWeights(
  reader: ConfigReader,
  field: Field,
  metrics: readonly MetricSpec[],
): Record<string, number> {
  const entries = reader.mapping(field, undefined);
  const weights: Record<string, number> = {};
  const names = metrics.map((metric) => metric.name);
  for (const { key, field: weightField } of entries ?? []) {
    const weight = readNumber(reader, weightField, { fallback: Number.NaN });
    if (!names.includes(key)) {
      const suggestion = closestName(key, names);
      reader.report(
        reader.keyField(weightField),
        `"${key}" is not one of the metrics (${names.join(', ')})${suggestion}`,
      );
    } else if (!Number.isNaN(weight)) {
      weights[key] = weight;
    }
  }
  return weights;
}

function closestName(name: string, names: readonly string[]): string {
  const match = names.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}

const PERCENT = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*%\s*$/;

/** A number is absolute; "0.5%" is a fraction of the incumbent's value. */
function readMinDelta(reader: ConfigReader, field: Field): MinDelta {
  const value = reader.value(field);
  if (value.kind === 'absent' || value.kind === 'empty') return { kind: 'absolute', value: 0 };
  if (value.kind === 'scalar') {
    const raw = value.value;
    const number =
      typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
    if (Number.isFinite(number) && number >= 0) return { kind: 'absolute', value: number };
    const percent = typeof raw === 'string' ? PERCENT.exec(raw) : null;
    if (percent) return { kind: 'relative', fraction: Number(percent[1]) / 100 };
  }
  reader.report(field, `expected a number >= 0 or a percentage such as "0.5%", got ${describeValue(value)}`);
  return { kind: 'absolute', value: 0 };
}
