// The job summary: the same report as the PR body, then what this run did and why there is or is no PR.
// Text autoexp did not write (file names, reviewers' notes) is in code spans (src/text/markdown.ts).
import * as core from '@actions/core';
import { WRITE_ACCESS, type Settings } from '../config/settings.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';
import { STATUSES } from '../ledger/types.js';
import { formatSpend } from '../report/format.js';
import { renderReport } from '../report/markdown.js';
import { llmSpend } from '../report/summary.js';
import { describeStop } from '../session/budget.js';
import { branchName, type SessionResult } from '../session/session.js';
import type { Dashboard } from './artifact.js';
import type { FinalizeOutcome } from './finalize.js';
import type { IgnoredComment, ReviewerNote } from './github.js';
import type { PullRequestOutcome } from './pull-request.js';
import { sessionReportInput } from './report-input.js';
import { markdownCode } from '../text/markdown.js';
import { cleanBlock, cleanLine, TEXT_LIMITS } from '../text/untrusted.js';

/** GitHub refuses step summaries over 1 MiB; the report itself stays far below. */
const SUMMARY_LIMIT = 1024 * 1024 - 4096;

export function renderRunSection(
  settings: Settings,
  result: SessionResult,
  pullRequest: PullRequestOutcome,
  base: string,
  notes: readonly ReviewerNote[] = [],
  dashboard?: Dashboard,
  ignoredComments: readonly IgnoredComment[] = [],
  heldByBase = 0,
  final?: FinalizeOutcome,
): string {
  const counts = STATUSES.map(
    (status) => [status, result.outcomes.filter((o) => o.row.status === status).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  const stop =
    result.stopReason === 'merge-conflict'
      ? `merging ${markdownCode(base)} conflicts in ${result.conflicts.map((path) => markdownCode(path, TEXT_LIMITS.fileName)).join(', ')}; resolve it on \`${branchName(settings.tag)}\` and the next run continues`
      : describeStop(result.stopReason, {
          experiments: result.outcomes.length,
          timeMs: settings.budget.timeMs,
          consecutiveCrashes: settings.budget.consecutiveCrashes,
          costUsd: settings.budget.costUsd,
        });
  const lines = [
    '### This run',
    '',
    `- ${result.outcomes.length} experiment(s)${counts ? ` (${counts})` : ''}; ${stop}.`,
  ];
  const spend = llmSpend(result.outcomes.map((outcome) => outcome.record));
  if (spend.costUsd > 0 || spend.input > 0) lines.push(`- LLM spend this run: ${formatSpend(spend)}.`);
  if (heldByBase > 0)
    lines.push(
      `- ${markdownCode(base)} already holds experiments #0–#${heldByBase - 1} (an earlier summary PR was merged); the report below starts there.`,
    );
  if (result.mergedBase)
    lines.push(`- ${markdownCode(base)} had moved: merged into the branch, incumbent re-measured.`);
  if (pullRequest.operation === 'none')
    lines.push(`- No pull request: ${cleanLine(pullRequest.note ?? 'nothing to show yet', 2000)}.`);
  else lines.push(`- Pull request ${pullRequest.operation}: [#${pullRequest.number}](${pullRequest.url}).`);
  if (final) {
    const made = final.branch === undefined ? '' : `\`${final.branch}\` is on origin; `;
    lines.push(
      final.pullRequest.operation === 'none'
        ? `- Finalize: ${made}no pull request: ${cleanLine(final.pullRequest.note ?? 'nothing to finalize', 2000)}.`
        : `- Finalize: ${made}pull request ${final.pullRequest.operation}: [#${final.pullRequest.number}](${final.pullRequest.url}).`,
    );
  }
  if (dashboard) lines.push(`- Dashboard: [${dashboard.name}](${dashboard.url}) (HTML, download and open)`);
  if (notes.length > 0) {
    lines.push(`- Reviewer notes handed to the proposer (${notes.length}):`);
    // A note's first line, as a code span: a reviewer's words cannot mention, link or close from here.
    for (const note of notes) {
      const firstLine = cleanBlock(note.body, TEXT_LIMITS.noteBytes).trim().split('\n')[0] ?? '';
      lines.push(`  - [${markdownCode(note.author, 100)}](${note.url}): ${markdownCode(firstLine, 200)}`);
    }
  }
  if (ignoredComments.length > 0) lines.push(`- ${describeIgnored(ignoredComments, settings)}`);
  return lines.join('\n');
}

/** How many comments did not steer, and why; never their text (it may be anyone's). */
export function describeIgnored(ignored: readonly IgnoredComment[], settings: Settings): string {
  const count = ignored.length;
  const withoutWriteAccess = ignored.every(
    (comment) => !(WRITE_ACCESS as readonly string[]).includes(comment.association),
  );
  const who = withoutWriteAccess
    ? 'people without write access'
    : `people outside \`pr.steer-from\` (${settings.pr.steerFrom.join(', ') || 'nobody'})`;
  return `${count} ${count === 1 ? 'comment' : 'comments'} from ${who} ${count === 1 ? 'was' : 'were'} not shown to the proposer.`;
}

export async function writeJobSummary(input: {
  settings: Settings;
  rows: readonly LedgerRow[];
  records: readonly ExperimentRecord[];
  result: SessionResult;
  pullRequest: PullRequestOutcome;
  base: string;
  notes?: readonly ReviewerNote[];
  /** Comments from people outside pr.steer-from: only counted. */
  ignoredComments?: readonly IgnoredComment[];
  dashboard?: Dashboard;
  /** How many of the branch's first rows base holds (merged earlier); the rows given start after them. */
  heldByBase?: number;
  /** Input finalize: the final branch and its PR. */
  final?: FinalizeOutcome;
}): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const { settings, result } = input;
  const report =
    input.rows.length === 0
      ? `## autoexp: \`${settings.tag}\`\n\nNo experiments recorded yet.`
      : renderReport(sessionReportInput(input));
  const text = `${renderRunSection(settings, result, input.pullRequest, input.base, input.notes, input.dashboard, input.ignoredComments, input.heldByBase, input.final)}\n\n${report}`;
  await core.summary.addRaw(text.slice(0, SUMMARY_LIMIT), true).write();
}
