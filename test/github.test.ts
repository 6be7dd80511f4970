// The GitHub side of the summary PR, through the real Octokit client over real HTTP to a local fake
// that checks every request and response against GitHub's OpenAPI description.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ACTIONS_PR_PERMISSION_HINT,
  createGitHubClient,
  GitHubApiError,
  GitHubRepo,
  NETWORK_RETRIES,
  networkFailure,
  type UpsertSummaryOptions,
} from '../src/action/github.js';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import {
  botUser,
  humanUser,
  startFakeGitHub,
  type FakeGitHub,
  type FakeUser,
} from './helpers/fake-github.js';

const HEAD = 'autoexp/cache-tuning';

let fake: FakeGitHub;
let logged: string[];

beforeEach(async () => {
  fake = await startFakeGitHub({ owner: 'octo-org', repo: 'widgets' });
  logged = [];
});

afterEach(async () => {
  await fake.close();
  fake.assertNoSchemaViolations();
});

function repoFor(token = 'test-token'): GitHubRepo {
  const client = createGitHubClient({
    token,
    apiUrl: fake.url,
    log: (message) => logged.push(message),
    timing: { retryUnitMs: 1, writeSpacingMs: 0, notificationSpacingMs: 0 },
  });
  return GitHubRepo.fromSlug('octo-org/widgets', client);
}

function summary(overrides: Partial<UpsertSummaryOptions> = {}): UpsertSummaryOptions {
  return {
    head: HEAD,
    base: 'main',
    title: 'autoexp(cache-tuning): hit_rate 0.61 → 0.66 (+8.2%)',
    body: '## Summary\n\nbaseline 0.61, best 0.66',
    draft: false,
    labels: [],
    reopen: false,
    ...overrides,
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const requestsTo = (operationId: string) =>
  fake.requests.filter((request) => request.operationId === operationId);

describe('upsertSummaryPullRequest', () => {
  it('creates the PR once, then updates that same PR', async () => {
    const repo = repoFor();
    const first = await repo.upsertSummaryPullRequest(summary());
    expect(first).toMatchObject({ operation: 'created', number: 1 });
    expect(first.url).toBe('https://github.com/octo-org/widgets/pull/1');

    const second = await repo.upsertSummaryPullRequest(summary({ title: 'new title', body: 'new body' }));
    expect(second).toEqual({ operation: 'updated', number: 1, url: first.url });
    expect(fake.state.pulls).toHaveLength(1);
    expect(fake.state.pulls[0]).toMatchObject({
      state: 'open',
      head: HEAD,
      base: 'main',
      title: 'new title',
      body: 'new body',
    });
    expect(requestsTo('pulls/create')).toHaveLength(1);
    expect(requestsTo('pulls/update')[0]?.body).toEqual({ title: 'new title', body: 'new body' });
    // The look-up is scoped to this repository's branch and base.
    expect(requestsTo('pulls/list')[0]?.query).toMatchObject({
      head: `octo-org:${HEAD}`,
      base: 'main',
      state: 'all',
    });
  });

  it('ignores PRs of other tags and bases', async () => {
    fake.state.seedPull({ head: 'autoexp/other', base: 'main' });
    fake.state.seedPull({ head: HEAD, base: 'release' });
    const result = await repoFor().upsertSummaryPullRequest(summary());
    expect(result).toMatchObject({ operation: 'created', number: 3 });
  });

  it('opens a new PR after the last one was merged', async () => {
    const merged = fake.state.seedPull({ head: HEAD, merged: true });
    const result = await repoFor().upsertSummaryPullRequest(summary());
    expect(result.operation).toBe('created');
    expect(result.number).not.toBe(merged.number);
    expect(fake.state.openPulls(HEAD, 'main').map((pull) => pull.number)).toEqual([result.number]);
  });

  it('opens no PR when a human closed the last one unmerged, unless pr.reopen', async () => {
    const closed = fake.state.seedPull({ head: HEAD, state: 'closed', user: humanUser('octocat') });
    const repo = repoFor();

    const refused = await repo.upsertSummaryPullRequest(summary());
    expect(refused.operation).toBe('none');
    expect(refused.number).toBeUndefined();
    expect(refused.note).toContain(`#${closed.number}`);
    expect(refused.note).toContain('pr.reopen: true');
    expect(requestsTo('pulls/create')).toHaveLength(0);

    const reopened = await repo.upsertSummaryPullRequest(summary({ reopen: true }));
    expect(reopened.operation).toBe('created');
    expect(fake.state.openPulls(HEAD, 'main')).toHaveLength(1);
  });

  it('judges by the newest closed PR: an older unmerged one does not block after a merge', async () => {
    fake.state.seedPull({ head: HEAD, state: 'closed' });
    fake.state.seedPull({ head: HEAD, merged: true });
    const result = await repoFor().upsertSummaryPullRequest(summary());
    expect(result.operation).toBe('created');
  });

  it('updates the PR another run opened between the look-up and the create (422 race)', async () => {
    let raced = 0;
    fake.beforeNext('pulls/create', () => {
      raced = fake.state.seedPull({ head: HEAD, title: 'from the other run' }).number;
    });
    const result = await repoFor().upsertSummaryPullRequest(summary({ title: 'ours' }));

    expect(result).toMatchObject({ operation: 'updated', number: raced });
    expect(requestsTo('pulls/create').map((request) => request.status)).toEqual([422]);
    expect(fake.state.openPulls(HEAD, 'main')).toHaveLength(1);
    expect(fake.state.pull(raced)?.title).toBe('ours');
  });

  it('explains how to let GitHub Actions create PRs when it is not allowed (403)', async () => {
    fake.failNext('pulls/create', {
      status: 403,
      body: {
        message: 'GitHub Actions is not permitted to create or approve pull requests.',
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
        status: '403',
      },
    });
    const result = await repoFor().upsertSummaryPullRequest(summary());
    expect(result).toEqual({ operation: 'none', note: ACTIONS_PR_PERMISSION_HINT });
    expect(result.note).toContain('Allow GitHub Actions to create and approve pull requests');
    expect(result.note).toContain('github-token');
    expect(fake.state.pulls).toHaveLength(0);
  });

  it('retries server errors: 500, 500, then created', async () => {
    fake.failNext('pulls/create', { status: 500, times: 2 });
    const result = await repoFor().upsertSummaryPullRequest(summary());
    expect(result.operation).toBe('created');
    expect(requestsTo('pulls/create').map((request) => request.status)).toEqual([500, 500, 201]);
    expect(fake.state.pulls).toHaveLength(1);
  });

  it('gives up on a server error that persists, with the status in the message', async () => {
    fake.failNext('pulls/list', { status: 502, times: 10 });
    const error = await repoFor()
      .upsertSummaryPullRequest(summary())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(502);
    expect((error as Error).message).toMatch(
      /list pull requests failed \(HTTP 502\): Server Error.*run again later/,
    );
    expect(requestsTo('pulls/list')).toHaveLength(4);
  });

  it('retries a secondary rate limit at most twice, reporting through the log callback', async () => {
    const secondary = {
      status: 403,
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        status: '403',
      },
      headers: { 'retry-after': '1' },
    };
    fake.failNext('pulls/create', { ...secondary, times: 2 });
    const repo = repoFor();
    expect((await repo.upsertSummaryPullRequest(summary())).operation).toBe('created');
    expect(requestsTo('pulls/create').map((request) => request.status)).toEqual([403, 403, 201]);
    expect(logged.filter((line) => line.includes('secondary rate limit'))).toHaveLength(2);

    fake.failNext('issues/create-comment', { ...secondary, times: 3 });
    await expect(repo.commentOnPullRequest(1, 'hello')).rejects.toThrow(
      /HTTP 403.*secondary rate limit.*run again later/,
    );
    expect(requestsTo('issues/create-comment')).toHaveLength(3);
  });

  it('fails with a clear message on a bad token (401)', async () => {
    const error = await repoFor('wrong-token')
      .upsertSummaryPullRequest(summary())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(401);
    expect((error as Error).message).toContain('Bad credentials');
    expect((error as Error).message).toContain(
      'the token (the github-token input; GITHUB_TOKEN or the gh login for autoexp pr) is missing, invalid or expired',
    );
    expect(requestsTo('pulls/list')).toHaveLength(1);
  });

  it('names the permissions a token lacks (403 Resource not accessible)', async () => {
    fake.state.seedPull({ head: HEAD });
    fake.failNext('pulls/update', { status: 403 });
    await expect(repoFor().upsertSummaryPullRequest(summary())).rejects.toThrow(
      /update pull request #1 failed \(HTTP 403\): Resource not accessible by integration.*contents: write and pull-requests: write/,
    );
  });

  it('adds the configured labels to a new PR, and none when there are none', async () => {
    const repo = repoFor();
    const created = await repo.upsertSummaryPullRequest(summary({ labels: ['autoexp', 'experiment'] }));
    expect(fake.state.pull(created.number ?? 0)?.labels).toEqual(['autoexp', 'experiment']);
    expect(requestsTo('issues/add-labels')[0]).toMatchObject({
      path: `/repos/octo-org/widgets/issues/${created.number}/labels`,
      body: { labels: ['autoexp', 'experiment'] },
    });

    fake.state.seedPull({ head: 'autoexp/merged-one', merged: true });
    await repo.upsertSummaryPullRequest(summary({ head: 'autoexp/plain' }));
    expect(requestsTo('issues/add-labels')).toHaveLength(1);
  });

  it('still reports a created PR when adding labels fails, with a note', async () => {
    fake.failNext('issues/add-labels', { status: 403 });
    const result = await repoFor().upsertSummaryPullRequest(summary({ labels: ['autoexp'] }));
    expect(result.operation).toBe('created');
    expect(result.note).toMatch(/Could not add the labels autoexp to #1: .*HTTP 403/);
  });

  it('honours draft', async () => {
    const repo = repoFor();
    const draft = await repo.upsertSummaryPullRequest(summary({ draft: true }));
    const ready = await repo.upsertSummaryPullRequest(summary({ head: 'autoexp/other', draft: false }));
    expect(fake.state.pull(draft.number ?? 0)?.draft).toBe(true);
    expect(fake.state.pull(ready.number ?? 0)?.draft).toBe(false);
    expect(requestsTo('pulls/create').map((request) => (request.body as { draft: boolean }).draft)).toEqual([
      true,
      false,
    ]);
  });

  it('opens a ready PR when the repository does not support drafts', async () => {
    fake.failNext('pulls/create', {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: 'Draft pull requests are not supported in this repository.',
          },
        ],
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      },
    });
    const result = await repoFor().upsertSummaryPullRequest(summary({ draft: true }));
    expect(result.operation).toBe('created');
    expect(result.note).toContain('does not support draft');
    expect(fake.state.pull(result.number ?? 0)?.draft).toBe(false);
  });
});

describe('a GitHub API that cannot be reached', () => {
  function unreachable(apiUrl: string): GitHubRepo {
    const client = createGitHubClient({
      token: 'test-token',
      apiUrl,
      log: (message) => logged.push(message),
      timing: { retryUnitMs: 1, writeSpacingMs: 0, notificationSpacingMs: 0 },
    });
    return GitHubRepo.fromSlug('octo-org/widgets', client);
  }

  async function failure(repo: GitHubRepo): Promise<GitHubApiError> {
    const error = await repo.upsertSummaryPullRequest(summary()).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    return error as GitHubApiError;
  }

  it('says the connection was refused, after two quick retries, never an HTTP 500', async () => {
    const port = await closedPort();
    const error = await failure(unreachable(`http://127.0.0.1:${port}`));
    expect(error.message).toBe(
      `GitHub API: list pull requests failed: cannot reach 127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
    );
    expect(error.status).toBeUndefined();
    // Tried three times in all (the fetch's two retries; the retry plugin's 5xx retries stay out of it).
    expect(logged).toEqual([
      `cannot reach 127.0.0.1:${port}: connection refused (ECONNREFUSED); trying again in 1 ms`,
      `cannot reach 127.0.0.1:${port}: connection refused (ECONNREFUSED); trying again in 2 ms`,
    ]);
    expect(NETWORK_RETRIES).toBe(2);
  });

  it('gives up on a server that accepts the connection and never answers, saying so', async () => {
    const silent = createHttpServer(() => {}); // holds every request open, like a stalled API
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const client = createGitHubClient({
        token: 'test-token',
        apiUrl: `http://127.0.0.1:${port}`,
        log: (message) => logged.push(message),
        timing: { retryUnitMs: 1, writeSpacingMs: 0, notificationSpacingMs: 0, requestTimeoutMs: 200 },
      });
      const started = Date.now();
      const error = await failure(GitHubRepo.fromSlug('octo-org/widgets', client));
      expect(error.message).toBe(
        `GitHub API: list pull requests failed: cannot reach 127.0.0.1:${port}: no answer in 0.2 s`,
      );
      // Three attempts of 200 ms, not three of undici's five minutes each.
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(logged).toHaveLength(NETWORK_RETRIES);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('says the DNS lookup failed for a host that does not resolve', async () => {
    const error = await failure(unreachable('https://api.autoexp.invalid'));
    expect(error.message).toMatch(
      /^GitHub API: list pull requests failed: cannot reach api\.autoexp\.invalid: DNS lookup failed \((ENOTFOUND|EAI_AGAIN)\)$/,
    );
    expect(error.message).not.toMatch(/HTTP 500|server error/);
  });

  it('still answers a server that answers: a 500 is a server error, retried by the plugin', async () => {
    fake.failNext('pulls/list', 5, 500, { message: 'boom' });
    const error = await failure(repoFor());
    expect(error.status).toBe(500);
    expect(error.message).toContain('GitHub had a server error');
    expect(requestsTo('pulls/list')).toHaveLength(4);
  });
});

describe('networkFailure', () => {
  const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });
  const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

  it('names what went wrong and whether trying again may help', () => {
    const dns = networkFailure(
      fetchFailed(coded('ENOTFOUND', 'getaddrinfo ENOTFOUND api.github.com')),
      'https://api.github.com/repos/o/r/pulls',
    );
    expect(dns?.message).toBe('cannot reach api.github.com: DNS lookup failed (ENOTFOUND)');
    expect(dns?.transient).toBe(true);
    const tls = networkFailure(fetchFailed(coded('CERT_HAS_EXPIRED')), 'https://ghe.example.com/api/v3/x');
    expect(tls?.message).toBe('cannot reach ghe.example.com: TLS certificate problem (CERT_HAS_EXPIRED)');
    expect(tls?.transient).toBe(false);
    const several = networkFailure(
      fetchFailed(Object.assign(new AggregateError([coded('ECONNREFUSED')]), {})),
      'http://localhost:9/x',
    );
    expect(several?.message).toBe('cannot reach localhost:9: connection refused (ECONNREFUSED)');
    expect(networkFailure(fetchFailed(new Error('bad port')), 'http://h:1/')?.message).toBe(
      'cannot reach h:1: bad port',
    );
  });

  it('is undefined for what is not a failed connection', () => {
    expect(
      networkFailure(new DOMException('aborted', 'AbortError'), 'https://api.github.com'),
    ).toBeUndefined();
    expect(networkFailure(new Error('HTTP 500'), 'https://api.github.com')).toBeUndefined();
    expect(networkFailure(new TypeError('x is not a function'), 'https://api.github.com')).toBeUndefined();
  });
});

describe('findSummaryPullRequest', () => {
  it('prefers the open PR, else the newest closed one, and reads merged from merged_at', async () => {
    const repo = repoFor();
    expect(await repo.findSummaryPullRequest(HEAD, 'main')).toBeUndefined();

    fake.state.seedPull({ head: HEAD, merged: true });
    const closed = fake.state.seedPull({ head: HEAD, state: 'closed' });
    expect(await repo.findSummaryPullRequest(HEAD, 'main')).toMatchObject({
      number: closed.number,
      state: 'closed',
      merged: false,
    });

    const open = fake.state.seedPull({ head: HEAD, draft: true, title: 'open one', body: 'text' });
    fake.state.seedPull({ head: HEAD, merged: true });
    expect(await repo.findSummaryPullRequest(HEAD, 'main')).toEqual({
      number: open.number,
      url: `https://github.com/octo-org/widgets/pull/${open.number}`,
      state: 'open',
      merged: false,
      draft: true,
      title: 'open one',
      body: 'text',
    });
  });
});

describe('commentOnPullRequest', () => {
  it('posts a comment on the PR conversation', async () => {
    const pull = fake.state.seedPull({ head: HEAD });
    const comment = await repoFor().commentOnPullRequest(
      pull.number,
      'Merging main hit a conflict in cache.yaml.',
    );
    expect(fake.state.issueComments).toEqual([
      expect.objectContaining({
        id: comment.id,
        issueNumber: pull.number,
        body: 'Merging main hit a conflict in cache.yaml.',
      }),
    ]);
    expect(comment.url).toBe(
      `https://github.com/octo-org/widgets/pull/${pull.number}#issuecomment-${comment.id}`,
    );
  });

  it('reports a missing PR as a 404 with what to check', async () => {
    await expect(repoFor().commentOnPullRequest(99, 'x')).rejects.toThrow(
      /comment on #99 failed \(HTTP 404\): Not Found/,
    );
  });
});

describe('reviewerNotes', () => {
  it('collects human comments, review comments and reviews since a time, oldest first, without bots', async () => {
    const { state } = fake;
    const pull = state.seedPull({ head: HEAD });
    const alice = humanUser('alice');
    const bob = humanUser('bob');
    const number = pull.number;

    state.seedIssueComment({ issueNumber: number, user: alice, body: 'old remark' });
    state.seedReview({ pullNumber: number, user: bob, body: 'old review' });
    const since = state.now();
    state.seedIssueComment({ issueNumber: number, user: alice, body: 'try a larger cache' });
    state.seedIssueComment({
      issueNumber: number,
      user: botUser('github-actions[bot]'),
      body: 'summary updated',
    });
    state.seedIssueComment({
      issueNumber: number,
      user: humanUser('autoexp-runner'),
      body: 'machine account',
    });
    state.seedReviewComment({
      pullNumber: number,
      user: bob,
      body: 'this TTL is too short',
      path: 'cache.yaml',
      line: 7,
    });
    state.seedReviewComment({
      pullNumber: number,
      user: botUser('linter[bot]'),
      body: 'lint',
      path: 'a.js',
      line: 1,
    });
    state.seedReview({
      pullNumber: number,
      user: bob,
      body: 'Looks promising, but check memory.',
      state: 'CHANGES_REQUESTED',
    });
    state.seedReview({ pullNumber: number, user: alice, body: '', state: 'APPROVED' });
    state.seedReview({ pullNumber: number, user: alice, body: 'draft thoughts', state: 'PENDING' });
    state.seedIssueComment({ issueNumber: 99, user: alice, body: 'another PR' });

    const { notes, ignored } = await repoFor().reviewerNotes(number, since, [
      'github-actions[bot]',
      'autoexp-runner',
    ]);
    expect(ignored).toEqual([]);
    expect(notes.map((note) => [note.kind, note.author, note.body])).toEqual([
      ['comment', 'alice', 'try a larger cache'],
      ['review-comment', 'bob', 'this TTL is too short'],
      ['review', 'bob', 'Looks promising, but check memory.'],
    ]);
    expect(notes[1]).toMatchObject({ path: 'cache.yaml', line: 7 });
    expect(notes[0]?.path).toBeUndefined();
    expect(notes[0]?.url).toMatch(/#issuecomment-\d+$/);
    expect(notes.map((note) => note.createdAt)).toEqual([...notes.map((note) => note.createdAt)].sort());
    expect(requestsTo('issues/list-comments')[0]?.query).toMatchObject({ since });
    expect(requestsTo('pulls/list-review-comments')[0]?.query).toMatchObject({ since });

    const everything = await repoFor().reviewerNotes(number, undefined, []);
    expect(everything.notes.map((note) => note.body)).toEqual([
      'old remark',
      'old review',
      'try a larger cache',
      'machine account',
      'this TTL is too short',
      'Looks promising, but check memory.',
    ]);
  });

  it('reads every page when there are more than 100 comments', async () => {
    const { state } = fake;
    const pull = state.seedPull({ head: HEAD });
    const carol = humanUser('carol');
    for (let index = 0; index < 130; index++) {
      state.seedIssueComment({ issueNumber: pull.number, user: carol, body: `comment ${index}` });
    }
    for (let index = 0; index < 105; index++) {
      state.seedReviewComment({
        pullNumber: pull.number,
        user: carol,
        body: `line ${index}`,
        path: 'x.js',
        line: index + 1,
      });
    }
    const { notes } = await repoFor().reviewerNotes(pull.number, undefined, []);
    expect(notes).toHaveLength(235);
    expect(notes.filter((note) => note.kind === 'comment').at(-1)?.body).toBe('comment 129');
    expect(notes.filter((note) => note.kind === 'review-comment').at(-1)).toMatchObject({
      body: 'line 104',
      line: 105,
    });
    expect(requestsTo('issues/list-comments').map((request) => request.query['page'] ?? '1')).toEqual([
      '1',
      '2',
    ]);
    expect(requestsTo('pulls/list-review-comments')).toHaveLength(2);
  });
});

describe('reviewerNotes: who steers', () => {
  /** One comment, one review comment and one review by each of these people, in this order. */
  function seedEveryKind(number: number, people: FakeUser[]) {
    for (const user of people) {
      fake.state.seedIssueComment({ issueNumber: number, user, body: `comment by ${user.login}` });
      fake.state.seedReviewComment({
        pullNumber: number,
        user,
        body: `line note by ${user.login}`,
        path: 'params.txt',
        line: 1,
      });
      fake.state.seedReview({ pullNumber: number, user, body: `review by ${user.login}` });
    }
  }

  it('hands over only OWNER, MEMBER and COLLABORATOR comments by default; the others are counted, without text', async () => {
    const pull = fake.state.seedPull({ head: HEAD });
    const people = [
      humanUser('owner', 'OWNER'),
      humanUser('member', 'MEMBER'),
      humanUser('collaborator', 'COLLABORATOR'),
      humanUser('stranger', 'NONE'),
      humanUser('contributor', 'CONTRIBUTOR'),
      humanUser('newcomer', 'FIRST_TIME_CONTRIBUTOR'),
    ];
    seedEveryKind(pull.number, people);
    const { notes, ignored } = await repoFor().reviewerNotes(pull.number, undefined, []);
    expect(new Set(notes.map((note) => note.author))).toEqual(new Set(['owner', 'member', 'collaborator']));
    expect(notes).toHaveLength(9);
    expect(notes.find((note) => note.author === 'owner')?.association).toBe('OWNER');
    expect(ignored).toHaveLength(9);
    expect(new Set(ignored.map((comment) => `${comment.author} ${comment.association}`))).toEqual(
      new Set(['stranger NONE', 'contributor CONTRIBUTOR', 'newcomer FIRST_TIME_CONTRIBUTOR']),
    );
    expect(JSON.stringify(ignored)).not.toMatch(/comment by|line note by|review by/);
  });

  it('pr.steer-from widens and narrows who steers; an empty list lets nobody', async () => {
    const pull = fake.state.seedPull({ head: HEAD });
    seedEveryKind(pull.number, [
      humanUser('owner', 'OWNER'),
      humanUser('collaborator', 'COLLABORATOR'),
      humanUser('contributor', 'CONTRIBUTOR'),
    ]);
    const authors = async (steerFrom: string[]) => {
      const { notes, ignored } = await repoFor().reviewerNotes(pull.number, undefined, [], steerFrom);
      return { notes: [...new Set(notes.map((note) => note.author))], ignored: ignored.length };
    };
    expect(await authors(['OWNER'])).toEqual({ notes: ['owner'], ignored: 6 });
    expect(await authors(['OWNER', 'COLLABORATOR', 'CONTRIBUTOR'])).toEqual({
      notes: ['owner', 'collaborator', 'contributor'],
      ignored: 0,
    });
    expect(await authors([])).toEqual({ notes: [], ignored: 9 });
  });
});

describe('the fake GitHub', () => {
  it('catches requests GitHub would reject', async () => {
    const client = createGitHubClient({
      token: 'test-token',
      apiUrl: fake.url,
      log: () => {},
      timing: { retryUnitMs: 1, writeSpacingMs: 0, notificationSpacingMs: 0 },
    });
    // Untyped routes, so the invalid values get past TypeScript: `head` must be a string, `state` an enum value.
    await expect(
      client.request('POST /repos/octo-org/widgets/pulls', { head: 1, base: 'main' }),
    ).rejects.toThrow(/schema violation/);
    await expect(client.request('GET /repos/octo-org/widgets/pulls', { state: 'merged' })).rejects.toThrow(
      /schema violation/,
    );
    expect(() => fake.assertNoSchemaViolations()).toThrow(/pulls\/create request.*head.*must be string/s);
    fake.schemaViolations.length = 0;
  });

  it('catches responses GitHub would never send', async () => {
    const pull = fake.state.seedPull({ head: HEAD });
    pull.title = 42 as unknown as string;
    await expect(repoFor().findSummaryPullRequest(HEAD, 'main')).rejects.toThrow(/title must be string/);
    expect(() => fake.assertNoSchemaViolations()).toThrow(
      /pulls\/list response 200: \/0\/title must be string/,
    );
    fake.schemaViolations.length = 0;
  });
});
