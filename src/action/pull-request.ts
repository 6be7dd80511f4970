// The summary PR for a tag: title and body from the ledger, created or updated through GitHubRepo.
import * as core from '@actions/core';
import type { Settings } from '../config/settings.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';
import { renderReport, renderTitle } from '../report/markdown.js';
import { summarizeLedger } from '../report/summary.js';
import { branchName, type SessionResult } from '../session/session.js';
import type { Git } from '../git/git.js';
import { createGitHubClient, GitHubRepo, type UpsertSummaryResult } from './github.js';
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

export function gitHubRepo(context: GitHubContext): GitHubRepo {
  // GitHub asks for a second between writes (three between creates); tests against a local stand-in
  // shorten that with AUTOEXP_GITHUB_SPACING_MS.
  const spacing = Number(process.env.AUTOEXP_GITHUB_SPACING_MS);
  const timing =
    Number.isFinite(spacing) && spacing >= 0
      ? { writeSpacingMs: spacing, notificationSpacingMs: spacing, retryUnitMs: Math.max(spacing, 1) }
      : undefined;
  const client = createGitHubClient({
    token: context.token,
    apiUrl: context.apiUrl,
    log: (message) => core.info(`GitHub API: ${message}`),
    timing,
  });
  return GitHubRepo.fromSlug(context.repository, client);
}

/**
 * After a merged PR the next PR starts from base as merged: its baseline is the last kept experiment
 * that base now contains, and only later experiments are its news.
 */
export async function rowsSinceMerge(
  git: Git,
  rows: readonly LedgerRow[],
  baseRef: string,
): Promise<readonly LedgerRow[]> {
  for (let index = rows.length - 1; index > 0; index--) {
    const row = rows[index]!;
    if (row.status !== 'keep' || row.commit === '') continue;
    if (await git.isAncestor(row.commit, baseRef).catch(() => false)) return rows.slice(index);
  }
  return rows;
}

export async function publishPullRequest(input: {
  github: GitHubRepo;
  git: Git;
  settings: Settings;
  base: string;
  baseRef: string;
  rows: readonly LedgerRow[];
  records: readonly ExperimentRecord[];
  result: SessionResult;
  /** The HTML dashboard's artifact page, linked near the top of the body. */
  dashboardUrl?: string;
}): Promise<PullRequestOutcome> {
  const { settings, records, result } = input;
  const branch = branchName(settings.tag);
  const previous = await input.github.findSummaryPullRequest(branch, input.base).catch(() => undefined);
  const rows = previous?.merged ? await rowsSinceMerge(input.git, input.rows, input.baseRef) : input.rows;
  const summary = summarizeLedger(rows, settings.metrics);
  const body = renderReport({
    ...sessionReportInput({ settings, base: input.base, rows, records, result }),
    dashboardUrl: input.dashboardUrl,
  });
  try {
    return await input.github.upsertSummaryPullRequest({
      head: branch,
      base: input.base,
      title: renderTitle(settings.tag, summary.primary, summary),
      body,
      draft: settings.pr.draft,
      labels: settings.pr.labels,
      reopen: settings.pr.reopen,
    });
  } catch (error) {
    // The experiments are pushed; a PR that could not be made is a warning, not a failed night.
    core.warning(`autoexp: the summary PR could not be created or updated: ${(error as Error).message}`);
    return { operation: 'none', note: `the GitHub API failed: ${(error as Error).message}` };
  }
}
