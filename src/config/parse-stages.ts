// `stages:` (the pipeline variant, docs/scale.md): stages run in order, each with its own scope,
// metrics and budget; a stage ends when its budget is spent or it plateaus; earlier stages' files are frozen.
//
//   stages:
//     - name: preprocess
//       scope: {modify: [prep.yaml]}
//       metrics: [data_quality]      # names of top-level metrics; the first decides (default: all of them)
//       budget: {experiments: 20}    # over all sessions
//       plateau: 5                   # or: ends after 5 experiments in a row without a keep
import { readInteger, readString, readStringList, reportRequired } from './fields.js';
import { normalizeRepoPath, repoPathProblem } from './paths.js';
import type { ConfigReader, Field } from './reader.js';
import type { MetricSpec, StageSettings } from './settings.js';

export function parseStages(
  reader: ConfigReader,
  field: Field,
  metrics: readonly MetricSpec[],
): StageSettings[] | undefined {
  const items = reader.listItems(field, 'stages');
  if (!items) return undefined;
  const names = new Set<string>();
  const stages: StageSettings[] = [];
  for (const item of items) {
    const child = reader.section(item, ['name', 'scope', 'metrics', 'budget', 'plateau']);
    const nameField = child('name');
    const name = readString(reader, nameField, { hint: 'each stage needs a name' }) ?? '';
    if (name !== '' && names.has(name)) reader.report(nameField, `"${name}" names two stages`);
    names.add(name);

    const scopeField = child('scope');
    const scopeValue = reader.value(scopeField);
    // `scope: [a.yaml]` is short for `scope: {modify: [a.yaml]}`.
    const modifyField =
      scopeValue.kind === 'list' || scopeValue.kind === 'scalar'
        ? scopeField
        : reader.section(scopeField, ['modify'])('modify');
    const modify = readStringList(reader, modifyField, 'globs', repoPathProblem)?.map(normalizeRepoPath);
    if (modify === undefined || modify.length === 0)
      reportRequired(reader, modifyField, 'the globs this stage may change, e.g. [prep.yaml]');

    const metricsField = child('metrics');
    const known = metrics.map((metric) => metric.name);
    const stageMetrics =
      readStringList(reader, metricsField, 'metric names', (metricName) =>
        known.includes(metricName)
          ? undefined
          : `"${metricName}" is not one of the metrics (${known.join(', ')})`,
      ) ?? known;

    const budgetField = child('budget');
    const experimentsField = reader.section(budgetField, ['experiments'])('experiments');
    const experiments =
      reader.value(experimentsField).kind === 'absent'
        ? Infinity
        : readInteger(reader, experimentsField, { fallback: 1, min: 1 });
    const plateauField = child('plateau');
    const plateau =
      reader.value(plateauField).kind === 'absent'
        ? 0
        : readInteger(reader, plateauField, { fallback: 1, min: 1 });
    if (experiments === Infinity && plateau === 0) {
      reader.report(item, 'a stage needs budget.experiments or plateau, or it never ends');
    }
    stages.push({ name, modify: modify ?? [], metrics: stageMetrics, experiments, plateau });
  }
  return stages;
}
