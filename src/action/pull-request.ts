// The summary PR for a tag: title and body from the ledger, created or updated through GitHubRepo.
import * as log from './log.js';
import type { Settings } from '../config/settings.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';
import type { Lessons } from '../memory/lessons.js';
import { renderReport, renderTitle } from '../report/markdown.js';
import { rowsHeldByBase, rowsSinceMerge } from '../ledger/merged.js';
import { summarizeLedger } from '../report/summary.js';
import { readCommittedLedger } from '../session/branch-ledger.js';
import { branchName, type SessionResult } from '../session/session.js';
import type { Git } from '../git/git.js';
import {
  createGitHubClient,
  GitHubRepo,
  type UpsertSummaryOptions,
  type UpsertSummaryResult,
} from './github.js';
import { sessionReportInput } from './report-input.js';

export type PullRequestOutcome = UpsertSummaryResult;

export interface GitHubContext {
  token: string;
  apiUrl: string;
  /** owner/name */
  repository: string;
}

/** The GitHub side of the runner's environment, or why there is none. */
export function gitHubContext(token: string): GitHubContext | string {
  const repository = process.env.GITHUB_REPOSITORY;
  if (!repository) return 'GITHUB_REPOSITORY is not set (not running in GitHub Actions?)';
  if (token === '') return 'no github-token';
  return { token, repository, apiUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com' };
}

export function gitHubRepo(
  context: GitHubContext,
  /** Where retries and API warnings go; the Action's log by default. */
  report: (message: string) => void = (message) => log.info(`GitHub API: ${message}`),
): GitHubRepo {
  // GitHub asks for a second between writes (three between creates); tests against a local stand-in
  // shorten that with AUTOEXP_GITHUB_SPACING_MS.
  const spacing = Number(process.env.AUTOEXP_GITHUB_SPACING_MS);
  const timing =
    process.env.AUTOEXP_GITHUB_SPACING_MS !== undefined && Number.isFinite(spacing) && spacing >= 0
      ? { writeSpacingMs: spacing, notificationSpacingMs: spacing, retryUnitMs: Math.max(spacing, 1) }
      : undefined;
  const client = createGitHubClient({ token: context.token, apiUrl: context.apiUrl, log: report, timing });
  return GitHubRepo.fromSlug(context.repository, client);
}

/**
 * What the summary PR covers: after a merge of an earlier one (a merge commit, a squash or a rebase
 * merge alike), what base holds is its starting point. Base's copy of the ledger says how far that is:
 * its rows are the branch's first ones. The baseline is then the incumbent base holds, and only the
 * rows base lacks are news. Read from git every time, so every later update shows the same baseline.
 */
export async function pullRequestRows(input: {
  git: Git;
  settings: Settings;
  rows: readonly LedgerRow[];
  /** origin/<base>, as fetched for this run. */
  baseRef: string;
  info: (message: string) => void;
}): Promise<{ rows: readonly LedgerRow[]; held: number }> {
  const { settings } = input;
  const base = await readCommittedLedger(
    input.git,
    input.baseRef,
    settings.results.dir,
    settings.metrics.map((metric) => metric.name),
  ).catch((error: Error) => {
    // A results.tsv on base that does not parse (edited by hand): the whole branch is the news.
    input.info(
      `autoexp: cannot read the ledger on ${input.baseRef} (${error.message}); the PR shows all rows`,
    );
    return undefined;
  });
  const held = base ? rowsHeldByBase(base.rows, input.rows) : 0;
  return { rows: rowsSinceMerge(input.rows, held), held };
}

export interface SummaryPullRequestInput {
  git: Git;
  settings: Settings;
  base: string;
  baseRef: string;
  rows: readonly LedgerRow[];
  /** The rows since the last merge (pullRequestRows), when the caller has read them already. */
  shown?: { rows: readonly LedgerRow[]; held: number };
  records: readonly ExperimentRecord[];
  result?: SessionResult;
  /** The HTML dashboard's artifact page, linked near the top of the body. */
  dashboardUrl?: string;
  /** The branch's lessons.md, parsed. */
  lessons?: Lessons;
  info: (message: string) => void;
}

/**
 * The summary PR as the Action and `autoexp pr` both keep it: head, base, title, body and the settings
 * that say how it is opened. `result` marks this run's experiments in the body (the Action's session);
 * without it the latest session in the records is "this run".
 */
export async function summaryPullRequest(input: SummaryPullRequestInput): Promise<UpsertSummaryOptions> {
  const { settings, records } = input;
  const { rows, held } = input.shown ?? (await pullRequestRows(input));
  // After a merge, a new PR waits for something base does not hold yet: a keep since.
  const keptSinceMerge = rows.slice(1).some((row) => row.status === 'keep' || row.status === 'explore');
  const shown = new Set(rows.map((row) => row.experiment));
  const summary = summarizeLedger(rows, settings.metrics);
  const body = renderReport({
    ...sessionReportInput({
      settings,
      base: input.base,
      rows,
      records: records.filter((record) => shown.has(record.experiment)),
      result: input.result,
      ...(input.lessons ? { lessons: input.lessons } : {}),
    }),
    dashboardUrl: input.dashboardUrl,
  });
  return {
    head: branchName(settings.tag),
    base: input.base,
    title: renderTitle(settings.tag, summary.primary, summary),
    body,
    draft: settings.pr.draft,
    labels: settings.pr.labels,
    reopen: settings.pr.reopen,
    ...(held > 0 && !keptSinceMerge
      ? { createNote: `${input.base} holds experiments #0–#${held - 1}, and nothing has been kept since` }
      : {}),
  };
}

export async function publishPullRequest(
  input: Omit<SummaryPullRequestInput, 'info'> & { github: GitHubRepo; result: SessionResult },
): Promise<PullRequestOutcome> {
  const options = await summaryPullRequest({ ...input, info: (message) => log.info(message) });
  try {
    return await input.github.upsertSummaryPullRequest(options);
  } catch (error) {
    // The experiments are pushed; a PR that could not be made is a warning, not a failed night.
    log.warning(`autoexp: the summary PR could not be created or updated: ${(error as Error).message}`);
    return { operation: 'none', note: `the GitHub API failed: ${(error as Error).message}` };
  }
}
