// The one place that talks to the GitHub REST API: the client (the Action's and `autoexp pr`'s), the
// summary pull request, its comments and the reviewers' notes. Everything else works with the plain
// results these methods return.
//
// Retries live in the client, not in the callers: 5xx answers are retried by @octokit/plugin-retry,
// rate limits (primary and secondary) by @octokit/plugin-throttling, at most twice. A request that never
// got an answer (no DNS, a refused or reset connection, no answer within a minute) is tried twice more
// within a few seconds and then reported as what it is, "cannot reach api.github.com: DNS lookup failed
// (ENOTFOUND)": @octokit/request would call it an HTTP 500, and the retry plugin would spend a minute and
// a half on it.
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { setTimeout as sleep } from 'node:timers/promises';
import { WRITE_ACCESS } from '../config/settings.js';

/** A request that got no answer: the host, what went wrong, and whether trying again may help. */
export class GitHubNetworkError extends Error {
  override readonly name = 'GitHubNetworkError';
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

/** What the codes Node and undici give a failed connection mean, said for people. */
const NETWORK_CODES: Readonly<Record<string, { text: string; transient: boolean }>> = {
  ENOTFOUND: { text: 'DNS lookup failed', transient: true },
  EAI_AGAIN: { text: 'DNS lookup failed', transient: true },
  EAI_FAIL: { text: 'DNS lookup failed', transient: true },
  ECONNREFUSED: { text: 'connection refused', transient: true },
  ECONNRESET: { text: 'connection reset', transient: true },
  EPIPE: { text: 'connection reset', transient: true },
  ETIMEDOUT: { text: 'connection timed out', transient: true },
  UND_ERR_CONNECT_TIMEOUT: { text: 'connection timed out', transient: true },
  UND_ERR_HEADERS_TIMEOUT: { text: 'no answer in time', transient: true },
  UND_ERR_SOCKET: { text: 'connection closed', transient: true },
  EHOSTUNREACH: { text: 'host unreachable', transient: true },
  ENETUNREACH: { text: 'network unreachable', transient: true },
  CERT_HAS_EXPIRED: { text: 'TLS certificate problem', transient: false },
  DEPTH_ZERO_SELF_SIGNED_CERT: { text: 'TLS certificate problem', transient: false },
  SELF_SIGNED_CERT_IN_CHAIN: { text: 'TLS certificate problem', transient: false },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { text: 'TLS certificate problem', transient: false },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { text: 'TLS certificate problem', transient: false },
  ERR_TLS_CERT_ALTNAME_INVALID: { text: 'TLS certificate problem', transient: false },
};

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  if ('errors' in error && Array.isArray(error.errors)) return errorCode(error.errors[0]);
  return undefined;
}

/**
 * The network failure behind a failed fetch (a TypeError "fetch failed" whose cause says what happened),
 * or undefined when `error` is something else (an abort, an HTTP answer).
 */
export function networkFailure(error: unknown, url: string): GitHubNetworkError | undefined {
  if (!(error instanceof Error) || error.name === 'AbortError') return undefined;
  if (!(error instanceof TypeError) || error.cause === undefined) return undefined;
  const cause = error.cause;
  const code = errorCode(cause);
  const known = code === undefined ? undefined : NETWORK_CODES[code];
  const text = known?.text ?? (cause instanceof Error ? cause.message : String(cause));
  const suffix = code === undefined || text.includes(code) ? '' : ` (${code})`;
  return new GitHubNetworkError(
    `cannot reach ${hostOf(url)}: ${text}${suffix}`,
    code,
    known?.transient ?? false,
  );
}

/** How often a request that got no answer is tried again, waiting 1 then 2 units. */
export const NETWORK_RETRIES = 2;

/**
 * How long one attempt waits for GitHub's answer. Without a limit, Node waits five minutes for the
 * headers of a stalled API; with the retries, a quarter of an hour per call, and the job's timeout may
 * cancel the step before it writes its job summary and outputs.
 */
export const REQUEST_TIMEOUT_MS = 60_000;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url; // not a URL: said as it is
  }
}

function urlOf(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * `fetch`, trying a request that got no answer (within `timeoutMs`) twice more; then what went wrong
 * reaches Octokit as a GitHubNetworkError.
 */
function fetchRetryingNetworkFailures(
  unitMs: number,
  timeoutMs: number,
  log: (message: string) => void,
): typeof fetch {
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      try {
        return await fetch(input, { ...init, signal });
      } catch (error) {
        const failure =
          timeout.aborted && !init?.signal?.aborted
            ? new GitHubNetworkError(
                `cannot reach ${hostOf(urlOf(input))}: no answer in ${timeoutMs / 1000} s`,
                'TIMEOUT',
                true,
              )
            : networkFailure(error, urlOf(input));
        if (failure === undefined) throw error;
        if (!failure.transient || attempt >= NETWORK_RETRIES || init?.signal?.aborted) throw failure;
        const wait = unitMs * (attempt + 1);
        log(`${failure.message}; trying again in ${wait} ms`);
        await sleep(wait);
      }
    }
  };
}

/**
 * Turns the HTTP 500 that @octokit/request makes of a request without an answer back into the
 * GitHubNetworkError behind it. Registered before the retry plugin, which then does not retry it (the
 * fetch did).
 */
function networkFailures(octokit: Pick<Octokit, 'hook'>): void {
  octokit.hook.error('request', (error) => {
    // @octokit/request keeps what fetch threw as the cause of its "HTTP 500".
    throw 'cause' in error && error.cause instanceof GitHubNetworkError ? error.cause : error;
  });
}

const GitHubOctokit = Octokit.plugin(networkFailures, retry, throttling);
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** e.g. https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  apiUrl: string;
  userAgent?: string;
  /** Where retries and API warnings are reported (the action passes core.info / core.warning). */
  log?: (message: string) => void;
  /** Waits, in milliseconds; the defaults are GitHub's guidance. Tests make them tiny. */
  timing?: {
    /**
     * Multiplies the retry plugin's back-off (1, 4, 9 … units), the rate-limit `retry-after` seconds and
     * the waits before a request without an answer is tried again (1, 2 units).
     */
    retryUnitMs?: number;
    /** How long one attempt waits for an answer (default REQUEST_TIMEOUT_MS). */
    requestTimeoutMs?: number;
    /** Minimum spacing between two writes (GitHub: at least one second). */
    writeSpacingMs?: number;
    /** Minimum spacing between two writes that notify people (new PRs, comments). */
    notificationSpacingMs?: number;
  };
}

/** How many times a rate-limited request is tried again before the error reaches the caller. */
export const RATE_LIMIT_RETRIES = 2;
const SERVER_ERROR_RETRIES = 3;

/** The one way autoexp makes a GitHub client, for the Action and for `autoexp pr`. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const log = options.log ?? (() => {});
  const unit = options.timing?.retryUnitMs ?? 1000;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const again = retryCount < RATE_LIMIT_RETRIES;
      log(
        `GitHub ${kind} hit for ${request.method} ${request.url}` +
          (again
            ? `; retrying after ${retryAfter}s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`
            : '; giving up'),
      );
      return again;
    };
  return new GitHubOctokit({
    auth: options.token,
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'autoexp',
    // `error` is @octokit/rest's request log ("GET … - 404"): every failure reaches the caller anyway, in
    // words (describeFailure), and a request without an answer would show up there as a 500.
    log: { debug: () => {}, info: () => {}, warn: log, error: () => {} },
    request: {
      fetch: fetchRetryingNetworkFailures(unit, options.timing?.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, log),
    },
    retry: { retries: SERVER_ERROR_RETRIES, retryAfterBaseValue: unit },
    throttle: {
      retryAfterBaseValue: unit,
      // Own limiter groups: the plugin's shared ones hard-code one and three seconds between writes.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.timing?.writeSpacingMs ?? 1000 }),
      notifications: new Bottleneck.Group({
        maxConcurrent: 1,
        minTime: options.timing?.notificationSpacingMs ?? 3000,
      }),
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
  });
}

/** A failed API call, with what GitHub said and, when it is clear, what to do about it. */
export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly githubMessage: string,
  ) {
    super(message);
  }
}

export interface SummaryPullRequest {
  number: number;
  url: string;
  state: 'open' | 'closed';
  merged: boolean;
  draft: boolean;
  title: string;
  body: string;
}

export interface UpsertSummaryOptions {
  /** The branch name, e.g. autoexp/cache-tuning (without owner). */
  head: string;
  base: string;
  title: string;
  body: string;
  draft: boolean;
  labels: readonly string[];
  /** pr.reopen: open a new PR even though a human closed the last one unmerged. */
  reopen: boolean;
  /** Open no new PR, for this reason (an open one is still updated): nothing new since the last merge. */
  createNote?: string;
}

export interface UpsertSummaryResult {
  operation: 'created' | 'updated' | 'none';
  number?: number;
  url?: string;
  /** Why nothing was done, or what went only partly right; shown to the user as a notice. */
  note?: string;
}

export interface ReviewerNote {
  author: string;
  /** GitHub's `author_association` of the author with the repository (OWNER, MEMBER, NONE, …). */
  association: string;
  body: string;
  /** ISO 8601. */
  createdAt: string;
  url: string;
  kind: 'comment' | 'review-comment' | 'review';
  /** For review comments: the file and line they are attached to. */
  path?: string;
  line?: number;
}

/** A comment from someone outside pr.steer-from: counted, its text never kept. */
export type IgnoredComment = Pick<ReviewerNote, 'kind' | 'author' | 'association' | 'createdAt' | 'url'>;

export interface ReviewerComments {
  /** From people in pr.steer-from: they go to the proposer. */
  notes: ReviewerNote[];
  /** From everyone else (bots are left out of both). */
  ignored: IgnoredComment[];
}

export const ACTIONS_PR_PERMISSION_HINT =
  'GitHub Actions is not allowed to create pull requests in this repository. Enable it under Settings → Actions → ' +
  'General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests" (for an ' +
  'organization, also in its settings), or pass a personal access token or a GitHub App token as `github-token`.';

const ACTIONS_NOT_PERMITTED = /GitHub Actions is not permitted to create or approve pull requests/i;
const PULL_REQUEST_EXISTS = /A pull request already exists/i;
const NO_COMMITS = /No commits between/i;
const DRAFTS_UNSUPPORTED = /Draft pull requests are not supported/i;

export class GitHubRepo {
  constructor(
    readonly owner: string,
    readonly repo: string,
    private readonly client: GitHubClient,
  ) {}

  /** `owner/name`, as in GITHUB_REPOSITORY. */
  static fromSlug(slug: string, client: GitHubClient): GitHubRepo {
    const [owner, repo, ...rest] = slug.split('/');
    if (!owner || !repo || rest.length > 0) throw new Error(`not a repository "owner/name": "${slug}"`);
    return new GitHubRepo(owner, repo, client);
  }

  /** The open PR for head → base if there is one, else the most recently created closed one. */
  async findSummaryPullRequest(head: string, base: string): Promise<SummaryPullRequest | undefined> {
    const { data } = await this.call('list pull requests', () =>
      this.client.rest.pulls.list({
        owner: this.owner,
        repo: this.repo,
        head: `${this.owner}:${head}`,
        base,
        state: 'all',
        sort: 'created',
        direction: 'desc',
        per_page: 100,
      }),
    );
    const pulls = data.map((pull): SummaryPullRequest => ({
      number: pull.number,
      url: pull.html_url,
      state: pull.state === 'open' ? 'open' : 'closed',
      // The list endpoint has no `merged`; a merged PR is one with a merge time.
      merged: pull.merged_at !== null,
      draft: pull.draft ?? false,
      title: pull.title,
      body: pull.body ?? '',
    }));
    return pulls.find((pull) => pull.state === 'open') ?? pulls[0];
  }

  /** Keeps exactly one open summary PR for the head branch: updates it, or opens it when allowed. */
  async upsertSummaryPullRequest(options: UpsertSummaryOptions): Promise<UpsertSummaryResult> {
    const existing = await this.findSummaryPullRequest(options.head, options.base);
    if (existing?.state === 'open') return this.updateSummary(existing, options);
    if (options.createNote !== undefined) return { operation: 'none', note: options.createNote };
    if (existing && !existing.merged && !options.reopen) {
      return {
        operation: 'none',
        note:
          `A human closed #${existing.number} (${existing.url}) without merging it, so autoexp opens no new ` +
          `pull request for ${options.head}. Set \`pr.reopen: true\` in autoexp.yml (or use a new tag) to get one.`,
      };
    }
    return this.createSummary(options);
  }

  /** Posts a comment on the PR's conversation (also how a base-merge conflict is reported). */
  async commentOnPullRequest(number: number, body: string): Promise<{ id: number; url: string }> {
    const { data } = await this.call(`comment on #${number}`, () =>
      this.client.rest.issues.createComment({
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        body,
      }),
    );
    return { id: data.id, url: data.html_url };
  }

  /**
   * What people said on the PR since `since` (ISO 8601; everything when undefined): conversation
   * comments, review comments (with file and line) and review bodies, oldest first, bots left out.
   * Only people whose `author_association` is in `steerFrom` (pr.steer-from) steer: on a public
   * repository anyone may comment, and a note ends up in the prompt of an agent with a shell. Comments
   * by everyone else are only counted, never returned with their text.
   */
  async reviewerNotes(
    number: number,
    since: string | undefined,
    botLogins: readonly string[],
    steerFrom: readonly string[] = WRITE_ACCESS,
  ): Promise<ReviewerComments> {
    const bots = new Set(botLogins.map((login) => login.toLowerCase()));
    const isHuman = (user: { login: string; type: string } | null): user is { login: string; type: string } =>
      user !== null &&
      user.type !== 'Bot' &&
      !user.login.endsWith('[bot]') &&
      !bots.has(user.login.toLowerCase());
    const steers = new Set(steerFrom);
    const sinceParam = since === undefined ? {} : { since };
    const base = { owner: this.owner, repo: this.repo, per_page: 100 };

    const [comments, reviewComments, reviews] = await Promise.all([
      this.call(`list comments on #${number}`, () =>
        this.client.paginate(this.client.rest.issues.listComments, {
          ...base,
          issue_number: number,
          ...sinceParam,
        }),
      ),
      this.call(`list review comments on #${number}`, () =>
        this.client.paginate(this.client.rest.pulls.listReviewComments, {
          ...base,
          pull_number: number,
          sort: 'created',
          direction: 'asc',
          ...sinceParam,
        }),
      ),
      // Reviews have no `since` parameter: filtered here by when they were submitted.
      this.call(`list reviews on #${number}`, () =>
        this.client.paginate(this.client.rest.pulls.listReviews, { ...base, pull_number: number }),
      ),
    ]);

    const result: ReviewerComments = { notes: [], ignored: [] };
    const take = (note: ReviewerNote) => {
      if (steers.has(note.association)) result.notes.push(note);
      else
        result.ignored.push({
          kind: note.kind,
          author: note.author,
          association: note.association,
          createdAt: note.createdAt,
          url: note.url,
        });
    };
    for (const comment of comments) {
      if (!isHuman(comment.user) || !comment.body?.trim()) continue;
      take({
        kind: 'comment',
        author: comment.user.login,
        association: comment.author_association,
        body: comment.body,
        createdAt: comment.created_at,
        url: comment.html_url,
      });
    }
    for (const comment of reviewComments) {
      if (!isHuman(comment.user) || !comment.body.trim()) continue;
      // `line` is null once the commented code changed; the original line is still the best pointer.
      const line = comment.line ?? comment.original_line ?? undefined;
      take({
        kind: 'review-comment',
        author: comment.user.login,
        association: comment.author_association,
        body: comment.body,
        createdAt: comment.created_at,
        url: comment.html_url,
        path: comment.path,
        ...(line === undefined ? {} : { line }),
      });
    }
    for (const review of reviews) {
      // Pending reviews have no submission time; approvals without text say nothing to the proposer.
      if (!isHuman(review.user) || !review.submitted_at || !review.body.trim()) continue;
      if (since !== undefined && Date.parse(review.submitted_at) < Date.parse(since)) continue;
      take({
        kind: 'review',
        author: review.user.login,
        association: review.author_association,
        body: review.body,
        createdAt: review.submitted_at,
        url: review.html_url,
      });
    }
    const byTime = (a: { createdAt: string }, b: { createdAt: string }) =>
      Date.parse(a.createdAt) - Date.parse(b.createdAt);
    result.notes.sort(byTime);
    result.ignored.sort(byTime);
    return result;
  }

  private async updateSummary(
    pull: SummaryPullRequest,
    options: UpsertSummaryOptions,
  ): Promise<UpsertSummaryResult> {
    const { data } = await this.call(`update pull request #${pull.number}`, () =>
      this.client.rest.pulls.update({
        owner: this.owner,
        repo: this.repo,
        pull_number: pull.number,
        title: options.title,
        body: options.body,
      }),
    );
    return { operation: 'updated', number: data.number, url: data.html_url };
  }

  private async createSummary(options: UpsertSummaryOptions): Promise<UpsertSummaryResult> {
    const notes: string[] = [];
    let draft = options.draft;
    for (;;) {
      try {
        const { data } = await this.client.rest.pulls.create({
          owner: this.owner,
          repo: this.repo,
          head: options.head,
          base: options.base,
          title: options.title,
          body: options.body,
          draft,
        });
        const labelProblem = await this.addLabels(data.number, options.labels);
        if (labelProblem) notes.push(labelProblem);
        return {
          operation: 'created',
          number: data.number,
          url: data.html_url,
          ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
        };
      } catch (error) {
        const status = statusOf(error);
        const text = githubTexts(error).join(' ');
        if (status === 403 && ACTIONS_NOT_PERMITTED.test(text)) {
          return { operation: 'none', note: ACTIONS_PR_PERMISSION_HINT };
        }
        if (status === 422 && PULL_REQUEST_EXISTS.test(text)) {
          // Another run opened it between our look-up and our create: update that one instead.
          const open = await this.findSummaryPullRequest(options.head, options.base);
          if (open?.state === 'open') return this.updateSummary(open, options);
        }
        if (status === 422 && NO_COMMITS.test(text)) {
          return {
            operation: 'none',
            note: `${options.head} has no commits that ${options.base} lacks: no PR.`,
          };
        }
        if (status === 422 && draft && DRAFTS_UNSUPPORTED.test(text)) {
          notes.push(
            'This repository does not support draft pull requests; the PR was opened ready for review.',
          );
          draft = false;
          continue;
        }
        throw describeFailure('create pull request', error);
      }
    }
  }

  /** Labels are a nicety: a failure to add them is reported, not fatal, since the PR already exists. */
  private async addLabels(number: number, labels: readonly string[]): Promise<string | undefined> {
    if (labels.length === 0) return undefined;
    try {
      await this.client.rest.issues.addLabels({
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        labels: [...labels],
      });
      return undefined;
    } catch (error) {
      return `Could not add the labels ${labels.join(', ')} to #${number}: ${describeFailure('add labels', error).message}`;
    }
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw describeFailure(what, error);
    }
  }
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  return typeof error.status === 'number' ? error.status : undefined;
}

/** GitHub's own words: the response's `message` and any `errors[].message`. */
function githubTexts(error: unknown): string[] {
  const data: unknown =
    typeof error === 'object' && error !== null && 'response' in error && isRecord(error.response)
      ? error.response['data']
      : undefined;
  const texts: string[] = [];
  if (isRecord(data)) {
    if (typeof data['message'] === 'string') texts.push(data['message']);
    if (Array.isArray(data['errors'])) {
      for (const item of data['errors'] as unknown[]) {
        if (isRecord(item) && typeof item['message'] === 'string') texts.push(item['message']);
      }
    }
  }
  if (texts.length === 0 && error instanceof Error) texts.push(error.message);
  return texts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hintFor(status: number | undefined, text: string): string | undefined {
  if (status === undefined) return 'check that the API URL is reachable from the runner';
  if (status === 401)
    return 'the token (the github-token input; GITHUB_TOKEN or the gh login for autoexp pr) is missing, invalid or expired';
  if (status === 403 && /rate limit/i.test(text)) return 'the API rate limit is exhausted; run again later';
  if (status === 403 || status === 404) {
    return (
      'the token needs contents: write and pull-requests: write (set `permissions:` in the workflow), ' +
      'or pass a personal access token / GitHub App token as `github-token`'
    );
  }
  if (status >= 500) return 'GitHub had a server error and retries did not help; run again later';
  return undefined;
}

function describeFailure(what: string, error: unknown): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  if (error instanceof GitHubNetworkError)
    return new GitHubApiError(`GitHub API: ${what} failed: ${error.message}`, undefined, error.message);
  const status = statusOf(error);
  const said = githubTexts(error).join('; ') || String(error);
  const hint = hintFor(status, said);
  const message =
    `GitHub API: ${what} failed` +
    (status === undefined ? '' : ` (HTTP ${status})`) +
    `: ${said}` +
    (hint ? ` — ${hint}.` : '');
  return new GitHubApiError(message, status, said);
}
