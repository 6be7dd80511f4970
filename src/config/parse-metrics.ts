// `metrics:` — what the eval prints and which way is better (docs/format.md, metrics).
import { readChoice, readOptionalNumber, readString, reportRequired } from './fields.js';
import type { ConfigReader, Field } from './reader.js';
import type { Goal, MetricExtraction, MetricSpec } from './settings.js';

const METRIC_KEYS = ['name', 'goal', 'min', 'max', 'pattern', 'json', 'stdout'] as const;
const EXTRACTION_KEYS = ['pattern', 'json', 'stdout'] as const;
const GOALS: readonly Goal[] = ['maximize', 'minimize'];
const METRIC_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const JSON_PATH = /^[^.\s]+(\.[^.\s]+)*$/;

export function parseMetrics(reader: ConfigReader, field: Field): MetricSpec[] {
  const kind = reader.value(field).kind;
  if (kind === 'absent' || kind === 'empty') {
    reportRequired(reader, field, 'a list of at least one {name, goal}; the first is the primary metric');
    return [];
  }
  const items = reader.listItems(field, 'metrics');
  if (items === undefined) return [];
  if (items.length === 0) {
    reader.report(
      field,
      'is empty; list at least one metric ({name, goal}); the first is the primary metric',
    );
    return [];
  }
  const metrics: MetricSpec[] = [];
  const firstPathOfName = new Map<string, string>();
  for (const item of items) {
    const { name, metric } = parseMetric(reader, item);
    if (name === undefined) continue;
    const earlier = firstPathOfName.get(name);
    if (earlier !== undefined) {
      reader.report(reader.locate(`${item.path}.name`), `"${name}" is already the name of ${earlier}`);
      continue;
    }
    firstPathOfName.set(name, item.path);
    if (metric) metrics.push(metric);
  }
  return metrics;
}

/** The metric's name (for the duplicate check) even when another of its keys is wrong. */
function parseMetric(reader: ConfigReader, item: Field): { name?: string; metric?: MetricSpec } {
  const value = reader.value(item);
  if (value.kind === 'empty') {
    reader.report(item, 'is empty; each metric needs a name and a goal');
    return {};
  }
  const entries = reader.mapping(item, METRIC_KEYS);
  if (!entries) return {};
  const field = (key: string): Field => reader.child(item, entries, key);

  const nameField = field('name');
  const name = readString(reader, nameField, { hint: 'the name the eval prints, e.g. score' });
  if (name !== undefined && !METRIC_NAME.test(name)) {
    reader.report(
      nameField,
      `"${name}" is not a valid metric name: use letters, digits, "_" and ".", not starting with a digit`,
    );
  }
  const goalField = field('goal');
  const goalGiven = ['scalar', 'list', 'mapping'].includes(reader.value(goalField).kind);
  if (!goalGiven) reportRequired(reader, goalField, 'maximize or minimize');
  const goal = goalGiven ? readChoice(reader, goalField, GOALS, 'maximize') : 'maximize';

  const min = readOptionalNumber(reader, field('min'));
  const max = readOptionalNumber(reader, field('max'));
  if (min !== undefined && max !== undefined && min > max) {
    reader.report(field('min'), `${min} is above max ${max}; no value could satisfy both`);
  }
  const extract = parseExtraction(
    reader,
    item,
    entries.map((entry) => entry.key),
    field,
  );
  if (name === undefined || !METRIC_NAME.test(name)) return {};
  if (extract === undefined) return { name };
  const bounds = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  return { name, metric: { name, goal, ...bounds, extract } };
}

function parseExtraction(
  reader: ConfigReader,
  item: Field,
  keys: readonly string[],
  field: (key: string) => Field,
): MetricExtraction | undefined {
  const chosen = EXTRACTION_KEYS.filter((key) => keys.includes(key));
  if (chosen.length > 1) {
    reader.report(
      item,
      `${chosen.join(' and ')} are alternatives; give at most one of pattern, json and stdout`,
    );
    return undefined;
  }
  switch (chosen[0]) {
    case undefined:
      return { kind: 'line' };
    case 'pattern': {
      const patternField = field('pattern');
      const regex = readString(reader, patternField, { hint: 'a regular expression with one capture group' });
      if (regex === undefined) return undefined;
      const problem = regexProblem(regex);
      if (problem) {
        reader.report(patternField, problem);
        return undefined;
      }
      return { kind: 'pattern', regex };
    }
    case 'json': {
      const jsonField = field('json');
      const path = readString(reader, jsonField, { hint: 'a dotted path such as stats.hit_rate' });
      if (path === undefined) return undefined;
      if (!JSON_PATH.test(path)) {
        reader.report(jsonField, `"${path}" is not a dotted path (e.g. stats.hit_rate)`);
        return undefined;
      }
      return { kind: 'json', path };
    }
    case 'stdout': {
      const stdoutField = field('stdout');
      const value = reader.value(stdoutField);
      if (value.kind !== 'scalar' || value.value !== true) {
        reader.report(
          stdoutField,
          'can only be true (the whole trimmed stdout is the number); remove the key otherwise',
        );
        return undefined;
      }
      return { kind: 'stdout' };
    }
  }
}

/** The regex must compile and capture exactly the number: one group. */
export function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source);
  } catch (error) {
    return `${JSON.stringify(source)} is not a valid regular expression (${(error as Error).message})`;
  }
  // Matching the empty alternative makes exec() succeed, and its result has one slot per group.
  const groups = new RegExp(`${source}|`).exec('')!.length - 1;
  if (groups !== 1) {
    return `${JSON.stringify(source)} has ${groups} capture groups; it needs exactly one, around the number (use (?:…) for other groups)`;
  }
  return undefined;
}
