// stages: (a pipeline of stages run in order): which stage a session works on, what it may change and decide on.
// Pure: the state comes from the experiments log, where every staged experiment carries its stage's name.
import type { MetricSpec, Settings, StageSettings } from '../config/settings.js';
import type { ExperimentRecord } from '../ledger/types.js';
import { scopeMatcher, type ScopeMatcher } from './scope.js';

export interface StageProgress {
  /** Experiments recorded in the stage, over all sessions. */
  experiments: number;
  /** Of those, the latest ones in a row that were not kept. */
  withoutKeep: number;
}

export function stageProgress(records: readonly ExperimentRecord[], name: string): StageProgress {
  let experiments = 0;
  let withoutKeep = 0;
  for (const record of records) {
    if (record.stage !== name) continue;
    experiments++;
    withoutKeep = record.status === 'keep' || record.status === 'explore' ? 0 : withoutKeep + 1;
  }
  return { experiments, withoutKeep };
}

/** Why the stage is over (its budget, with `inFlight` more started; or a plateau), or undefined. */
export function stageEnd(stage: StageSettings, progress: StageProgress, inFlight = 0): string | undefined {
  if (progress.experiments + inFlight >= stage.experiments)
    return `its ${stage.experiments} experiments are spent`;
  if (stage.plateau > 0 && progress.withoutKeep >= stage.plateau)
    return `no keep in its last ${stage.plateau} experiments`;
  return undefined;
}

/** The index of the first stage that is not over; stages.length when all are. */
export function currentStage(stages: readonly StageSettings[], records: readonly ExperimentRecord[]): number {
  const index = stages.findIndex(
    (stage) => stageEnd(stage, stageProgress(records, stage.name)) === undefined,
  );
  return index === -1 ? stages.length : index;
}

/** The stage's globs, minus every file an earlier stage may change: those are frozen now. */
export function stageScope(stages: readonly StageSettings[], index: number): ScopeMatcher {
  const own = scopeMatcher(stages[index]!.modify);
  const earlier = scopeMatcher(stages.slice(0, index).flatMap((stage) => stage.modify));
  return (path) => own(path) && !earlier(path);
}

/** The settings as the stage's proposer and decisions see them: its scope, its metrics (its first decides). */
export function stageView(settings: Settings, index: number): Settings {
  const stage = settings.stages![index]!;
  const metrics = stage.metrics
    .map((name) => settings.metrics.find((metric) => metric.name === name))
    .filter((metric): metric is MetricSpec => metric !== undefined);
  return { ...settings, scope: { ...settings.scope, modify: stage.modify }, metrics };
}
