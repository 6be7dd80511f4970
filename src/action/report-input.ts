// What the Action's three views of the ledger (job summary, PR body, HTML dashboard) are rendered from:
// the branch's rows and records, with this run's experiments marked as "this run".
import type { Settings } from '../config/settings.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';
import type { ReportInput } from '../report/markdown.js';
import { branchName, type SessionResult } from '../session/session.js';

export function sessionReportInput(input: {
  settings: Settings;
  base: string;
  rows: readonly LedgerRow[];
  records: readonly ExperimentRecord[];
  /** This run's session; without it, the latest session in the records is "this run". */
  result?: SessionResult;
}): ReportInput {
  const { settings, result } = input;
  return {
    tag: settings.tag,
    branch: branchName(settings.tag),
    base: input.base,
    metrics: settings.metrics,
    rows: input.rows,
    records: input.records,
    ...(result
      ? {
          session: {
            experiments: result.outcomes.map((outcome) => outcome.row.experiment),
            startedAt: result.startedAt,
          },
        }
      : {}),
  };
}
