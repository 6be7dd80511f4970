// A local stand-in for the GitHub REST API, for the few operations autoexp uses.
//
// Every request it receives and every response it sends is checked against that operation in
// GitHub's published OpenAPI description (@octokit/openapi, dereferenced). A mismatch is recorded,
// answered with 500, and thrown by assertNoSchemaViolations(), so a test can neither pass on a request
// GitHub would reject nor on a response GitHub would never send.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ---------------------------------------------------------------------------------------------------
// The OpenAPI description: loaded once per process, only the operations below are kept.

type JsonSchema = Record<string, unknown>;

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema: JsonSchema;
}

interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

interface OperationSpec {
  id: string;
  method: string;
  template: string;
  pattern: RegExp;
  pathParamNames: string[];
  parameters: OpenApiParameter[];
  bodySchema?: JsonSchema;
  bodyRequired: boolean;
  responseSchemas: Map<number, JsonSchema | undefined>;
}

const OPERATION_IDS = [
  'pulls/list',
  'pulls/create',
  'pulls/update',
  'issues/add-labels',
  'issues/list-comments',
  'issues/create-comment',
  'pulls/list-review-comments',
  'pulls/list-reviews',
] as const;
export type OperationId = (typeof OPERATION_IDS)[number];

interface LoadedSpec {
  operations: Map<OperationId, OperationSpec>;
  /** GitHub's error body, for statuses an operation does not document (401, 5xx). */
  basicErrorSchema: JsonSchema;
  stats: { file: string; bytes: number; loadMs: number };
}

let loaded: LoadedSpec | undefined;

function loadSpec(): LoadedSpec {
  if (loaded) return loaded;
  const started = performance.now();
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.deref.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  const operations = new Map<OperationId, OperationSpec>();
  for (const [template, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const id = operation.operationId as OperationId;
      if (!OPERATION_IDS.includes(id)) continue;
      const pathParamNames = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
      const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`);
      const responseSchemas = new Map<number, JsonSchema | undefined>();
      for (const [status, response] of Object.entries(operation.responses)) {
        responseSchemas.set(Number(status), response.content?.['application/json']?.schema);
      }
      operations.set(id, {
        id,
        method: method.toUpperCase(),
        template,
        pattern,
        pathParamNames,
        parameters: operation.parameters ?? [],
        bodySchema: operation.requestBody?.content['application/json']?.schema,
        bodyRequired: operation.requestBody?.required ?? false,
        responseSchemas,
      });
    }
  }
  const missing = OPERATION_IDS.filter((id) => !operations.has(id));
  if (missing.length > 0) throw new Error(`the OpenAPI description lacks ${missing.join(', ')}`);
  const basicErrorSchema = operations.get('pulls/create')?.responseSchemas.get(403);
  if (!basicErrorSchema) throw new Error('the OpenAPI description lacks the Basic Error schema');
  loaded = {
    operations,
    basicErrorSchema,
    stats: { file, bytes: statSync(file).size, loadMs: Math.round(performance.now() - started) },
  };
  return loaded;
}

/** Where the OpenAPI description came from and how long it took to load (once per process). */
export function openApiLoadStats(): LoadedSpec['stats'] {
  return loadSpec().stats;
}

// ajv-formats is CommonJS; depending on the loader its default export is the plugin or a namespace.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

// OpenAPI 3.0 schemas: `nullable` is understood by ajv; `example`, `x-github`… are ignored (strict: false).
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

function validatorFor(key: string, schema: JsonSchema): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map(
      (error) => `${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
    )
    .join('; ');
}

/** Path and query parameters as one object schema, so unknown parameters are caught too. */
function parametersSchema(spec: OperationSpec, where: 'path' | 'query'): JsonSchema {
  const parameters = spec.parameters.filter((parameter) => parameter.in === where);
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema])),
    required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    additionalProperties: false,
  };
}

/** URL values are strings; the schema says which are numbers or booleans. */
function coerceParameters(spec: OperationSpec, raw: Record<string, string>): Record<string, unknown> {
  const coerced: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const type = spec.parameters.find((parameter) => parameter.name === name)?.schema['type'];
    if (type === 'integer' && /^-?\d+$/.test(value)) coerced[name] = Number(value);
    else if (type === 'boolean' && (value === 'true' || value === 'false')) coerced[name] = value === 'true';
    else coerced[name] = value;
  }
  return coerced;
}

// ---------------------------------------------------------------------------------------------------
// In-memory repository state.

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
  /** The user's `author_association` with the repository on their comments; default COLLABORATOR for people. */
  association?: string;
}

let userIds = 5000;
/** A person; `association` as GitHub reports it on their comments (OWNER, MEMBER, NONE, …). */
export function humanUser(login: string, association?: string): FakeUser {
  return { login, id: userIds++, type: 'User', ...(association === undefined ? {} : { association }) };
}

/** What GitHub says of a comment author's relation to the repository. */
function associationOf(user: FakeUser): string {
  return user.association ?? (user.type === 'Bot' ? 'NONE' : 'COLLABORATOR');
}
export function botUser(login: string): FakeUser {
  return { login, id: userIds++, type: 'Bot' };
}
export const GITHUB_ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export interface FakePull {
  number: number;
  id: number;
  state: 'open' | 'closed';
  merged: boolean;
  draft: boolean;
  /** Branch names, without owner. */
  head: string;
  base: string;
  title: string;
  body: string | null;
  labels: string[];
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
}

export interface FakeIssueComment {
  id: number;
  issueNumber: number;
  user: FakeUser;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeReviewComment {
  id: number;
  pullNumber: number;
  reviewId: number | null;
  user: FakeUser;
  body: string;
  path: string;
  line: number;
  createdAt: string;
  updatedAt: string;
}

export interface FakeReview {
  id: number;
  pullNumber: number;
  user: FakeUser;
  body: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'PENDING' | 'DISMISSED';
  submittedAt: string | undefined;
}

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
}

/** GitHub's timestamps: ISO 8601 in UTC, whole seconds. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class FakeGitHubState {
  readonly pulls: FakePull[] = [];
  readonly issueComments: FakeIssueComment[] = [];
  readonly reviewComments: FakeReviewComment[] = [];
  readonly reviews: FakeReview[] = [];
  readonly labels = new Map<string, FakeLabel>();
  /** A clock that moves a second per event, so "newest" and `since` are deterministic. */
  private clockMs = Date.parse('2025-01-01T00:00:00Z');
  private nextId = 100_000;
  private nextNumber = 1;

  constructor(
    readonly owner: string,
    readonly repo: string,
  ) {}

  now(): string {
    this.clockMs += 1000;
    return isoSeconds(this.clockMs);
  }

  id(): number {
    return this.nextId++;
  }

  seedPull(input: {
    head: string;
    base?: string;
    state?: 'open' | 'closed';
    merged?: boolean;
    draft?: boolean;
    title?: string;
    body?: string | null;
    labels?: string[];
    user?: FakeUser;
  }): FakePull {
    const createdAt = this.now();
    const merged = input.merged ?? false;
    const state = merged ? 'closed' : (input.state ?? 'open');
    const closedAt = state === 'closed' ? this.now() : null;
    const pull: FakePull = {
      number: this.nextNumber++,
      id: this.id(),
      state,
      merged,
      draft: input.draft ?? false,
      head: input.head,
      base: input.base ?? 'main',
      title: input.title ?? `Changes from ${input.head}`,
      body: input.body ?? null,
      labels: [],
      user: input.user ?? GITHUB_ACTIONS_BOT,
      createdAt,
      updatedAt: closedAt ?? createdAt,
      closedAt,
      mergedAt: merged ? closedAt : null,
    };
    for (const name of input.labels ?? []) this.labelPull(pull, name);
    this.pulls.push(pull);
    return pull;
  }

  seedIssueComment(input: {
    issueNumber: number;
    body: string;
    user: FakeUser;
    createdAt?: string;
  }): FakeIssueComment {
    const createdAt = input.createdAt ?? this.now();
    const comment = {
      id: this.id(),
      issueNumber: input.issueNumber,
      user: input.user,
      body: input.body,
      createdAt,
    };
    this.issueComments.push({ ...comment, updatedAt: createdAt });
    return { ...comment, updatedAt: createdAt };
  }

  seedReviewComment(input: {
    pullNumber: number;
    body: string;
    user: FakeUser;
    path: string;
    line: number;
    createdAt?: string;
  }): FakeReviewComment {
    const createdAt = input.createdAt ?? this.now();
    const comment: FakeReviewComment = {
      id: this.id(),
      reviewId: null,
      updatedAt: createdAt,
      createdAt,
      ...input,
    };
    this.reviewComments.push(comment);
    return comment;
  }

  seedReview(input: {
    pullNumber: number;
    body: string;
    user: FakeUser;
    state?: FakeReview['state'];
    submittedAt?: string;
  }): FakeReview {
    const state = input.state ?? 'COMMENTED';
    const submittedAt = state === 'PENDING' ? undefined : (input.submittedAt ?? this.now());
    const review: FakeReview = { id: this.id(), ...input, state, submittedAt };
    this.reviews.push(review);
    return review;
  }

  pull(number: number): FakePull | undefined {
    return this.pulls.find((pull) => pull.number === number);
  }

  openPulls(head: string, base?: string): FakePull[] {
    return this.pulls.filter(
      (pull) => pull.state === 'open' && pull.head === head && (base === undefined || pull.base === base),
    );
  }

  labelPull(pull: FakePull, name: string): void {
    if (!this.labels.has(name)) this.labels.set(name, { id: this.id(), name, color: 'ededed' });
    if (!pull.labels.includes(name)) pull.labels.push(name);
  }

  newPullNumber(): number {
    return this.nextNumber++;
  }
}

// ---------------------------------------------------------------------------------------------------
// Response bodies shaped like GitHub's.

interface Urls {
  api: string;
  web: string;
  owner: string;
  repo: string;
}

function userJson(urls: Urls, user: FakeUser): Record<string, unknown> {
  const api = `${urls.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: `U_kgDO${user.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${encodeURIComponent(user.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

function repoJson(urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/repos/${urls.owner}/${urls.repo}`;
  const html = `${urls.web}/${urls.owner}/${urls.repo}`;
  const owner: FakeUser = { login: urls.owner, id: 1, type: 'User' };
  const stamp = '2024-06-01T00:00:00Z';
  return {
    id: 123456,
    node_id: 'R_kgDOAAeJQA',
    name: urls.repo,
    full_name: `${urls.owner}/${urls.repo}`,
    private: false,
    owner: userJson(urls, owner),
    html_url: html,
    description: '',
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://github.com/${urls.owner}/${urls.repo}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@github.com:${urls.owner}/${urls.repo}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: html,
    homepage: null,
    language: 'JavaScript',
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 42,
    default_branch: 'main',
    open_issues_count: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    visibility: 'public',
    pushed_at: stamp,
    created_at: stamp,
    updated_at: stamp,
    allow_forking: true,
    license: null,
    forks: 0,
    open_issues: 0,
    watchers: 0,
  };
}

function labelJson(urls: Urls, label: FakeLabel): Record<string, unknown> {
  return {
    id: label.id,
    node_id: `LA_kwDO${label.id}`,
    url: `${urls.api}/repos/${urls.owner}/${urls.repo}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: '',
    color: label.color,
    default: false,
  };
}

/** A fake commit id that is stable per branch. */
function shaFor(text: string): string {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash.toString(16).padStart(8, '0').repeat(5);
}

function branchJson(urls: Urls, ref: string): Record<string, unknown> {
  return {
    label: `${urls.owner}:${ref}`,
    ref,
    sha: shaFor(ref),
    user: userJson(urls, { login: urls.owner, id: 1, type: 'User' }),
    repo: repoJson(urls),
  };
}

/** `pull-request-simple` (lists) or the full `pull-request` (create, get, update). */
function pullJson(
  urls: Urls,
  state: FakeGitHubState,
  pull: FakePull,
  full: boolean,
): Record<string, unknown> {
  const api = `${urls.api}/repos/${urls.owner}/${urls.repo}`;
  const html = `${urls.web}/${urls.owner}/${urls.repo}/pull/${pull.number}`;
  const simple: Record<string, unknown> = {
    url: `${api}/pulls/${pull.number}`,
    id: pull.id,
    node_id: `PR_kwDO${pull.id}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userJson(urls, pull.user),
    body: pull.body,
    labels: pull.labels.map((name) => {
      const label = state.labels.get(name);
      if (!label) throw new Error(`label ${name} is not in the repository`);
      return labelJson(urls, label);
    }),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.merged ? shaFor(`merge-${pull.number}`) : null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${shaFor(pull.head)}`,
    head: branchJson(urls, pull.head),
    base: branchJson(urls, pull.base),
    _links: {
      self: { href: `${api}/pulls/${pull.number}` },
      html: { href: html },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${api}/pulls/${pull.number}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${pull.number}/commits` },
      statuses: { href: `${api}/statuses/${shaFor(pull.head)}` },
    },
    author_association: pull.user.type === 'Bot' ? 'NONE' : 'OWNER',
    auto_merge: null,
    draft: pull.draft,
  };
  if (!full) return simple;
  return {
    ...simple,
    merged: pull.merged,
    mergeable: pull.state === 'open' ? true : null,
    rebaseable: pull.state === 'open' ? true : null,
    mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
    merged_by: pull.merged ? userJson(urls, { login: urls.owner, id: 1, type: 'User' }) : null,
    comments: state.issueComments.filter((comment) => comment.issueNumber === pull.number).length,
    review_comments: state.reviewComments.filter((comment) => comment.pullNumber === pull.number).length,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 1,
    changed_files: 1,
  };
}

function issueCommentJson(urls: Urls, comment: FakeIssueComment): Record<string, unknown> {
  const api = `${urls.api}/repos/${urls.owner}/${urls.repo}`;
  return {
    id: comment.id,
    node_id: `IC_kwDO${comment.id}`,
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${urls.web}/${urls.owner}/${urls.repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userJson(urls, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    author_association: associationOf(comment.user),
    performed_via_github_app: null,
  };
}

function reviewCommentJson(urls: Urls, comment: FakeReviewComment): Record<string, unknown> {
  const api = `${urls.api}/repos/${urls.owner}/${urls.repo}`;
  const html = `${urls.web}/${urls.owner}/${urls.repo}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
  const sha = shaFor(`pull-${comment.pullNumber}`);
  return {
    url: `${api}/pulls/comments/${comment.id}`,
    pull_request_review_id: comment.reviewId,
    id: comment.id,
    node_id: `PRRC_kwDO${comment.id}`,
    diff_hunk: `@@ -1,3 +1,3 @@\n context\n-old\n+new`,
    path: comment.path,
    commit_id: sha,
    original_commit_id: sha,
    user: userJson(urls, comment.user),
    body: comment.body,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: html,
    pull_request_url: `${api}/pulls/${comment.pullNumber}`,
    author_association: associationOf(comment.user),
    _links: {
      self: { href: `${api}/pulls/comments/${comment.id}` },
      html: { href: html },
      pull_request: { href: `${api}/pulls/${comment.pullNumber}` },
    },
    start_line: null,
    original_start_line: null,
    line: comment.line,
    original_line: comment.line,
    side: 'RIGHT',
    subject_type: 'line',
  };
}

function reviewJson(urls: Urls, review: FakeReview): Record<string, unknown> {
  const api = `${urls.api}/repos/${urls.owner}/${urls.repo}`;
  const html = `${urls.web}/${urls.owner}/${urls.repo}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: `PRR_kwDO${review.id}`,
    user: userJson(urls, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: `${api}/pulls/${review.pullNumber}`,
    _links: { html: { href: html }, pull_request: { href: `${api}/pulls/${review.pullNumber}` } },
    ...(review.submittedAt === undefined ? {} : { submitted_at: review.submittedAt }),
    commit_id: shaFor(`pull-${review.pullNumber}`),
    author_association: associationOf(review.user),
  };
}

function errorJson(
  status: number,
  message: string,
  docs = 'https://docs.github.com/rest',
): Record<string, unknown> {
  return { message, documentation_url: docs, status: String(status) };
}

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  500: 'Internal Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

// ---------------------------------------------------------------------------------------------------
// The operations.

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface HandlerContext {
  state: FakeGitHubState;
  urls: Urls;
  actor: FakeUser;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  /** The request URL, for pagination links. */
  url: URL;
}

type Handler = (context: HandlerContext) => Reply;

const notFound = (): Reply => ({ status: 404, body: errorJson(404, 'Not Found') });

/** GitHub's page/per_page pagination with a Link header (rel="next"/"last"/"first"/"prev"). */
function page<T>(context: HandlerContext, items: T[], toJson: (item: T) => unknown): Reply {
  const perPage = Math.min(Number(context.query['per_page'] ?? 30), 100);
  const current = Number(context.query['page'] ?? 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (target: number, rel: string): string => {
    const url = new URL(context.url.pathname + context.url.search, context.urls.api);
    url.searchParams.set('page', String(target));
    url.searchParams.set('per_page', String(perPage));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links = [
    ...(current > 1 ? [link(current - 1, 'prev'), link(1, 'first')] : []),
    ...(current < last ? [link(current + 1, 'next'), link(last, 'last')] : []),
  ];
  return {
    status: 200,
    body: items.slice((current - 1) * perPage, current * perPage).map(toJson),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

/** GitHub's `since`: things updated at or after the time. */
function updatedSince(context: HandlerContext): (item: { updatedAt: string }) => boolean {
  const since = context.query['since'];
  if (typeof since !== 'string') return () => true;
  return (item) => Date.parse(item.updatedAt) >= Date.parse(since);
}

function newest(a: { createdAt: string; id: number }, b: { createdAt: string; id: number }): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id;
}

const handlers: Record<OperationId, Handler> = {
  'pulls/list': (context) => {
    const { state, query } = context;
    const wanted = (query['state'] as string | undefined) ?? 'open';
    // GitHub only honours `head` in the form owner:branch; a bare branch name is ignored.
    const head = typeof query['head'] === 'string' && query['head'].includes(':') ? query['head'] : undefined;
    const [headOwner, headRef] = head
      ? [head.slice(0, head.indexOf(':')), head.slice(head.indexOf(':') + 1)]
      : [];
    const pulls = state.pulls
      .filter((pull) => wanted === 'all' || pull.state === wanted)
      .filter(
        (pull) => !head || (headOwner?.toLowerCase() === state.owner.toLowerCase() && pull.head === headRef),
      )
      .filter((pull) => query['base'] === undefined || pull.base === query['base'])
      .sort(newest);
    const ascending =
      query['direction'] === 'asc' || (query['sort'] !== undefined && query['sort'] !== 'created');
    if (ascending && query['direction'] !== 'desc') pulls.reverse();
    return page(context, pulls, (pull) => pullJson(context.urls, state, pull, false));
  },

  'pulls/create': ({ state, urls, actor, body }) => {
    const head = String(body['head']).replace(new RegExp(`^${state.owner}:`, 'i'), '');
    const base = String(body['base']);
    if (typeof body['title'] !== 'string') {
      return {
        status: 422,
        body: {
          ...errorJson(422, 'Validation Failed'),
          errors: [{ resource: 'PullRequest', code: 'missing_field', field: 'title' }],
        },
      };
    }
    if (state.openPulls(head, base).length > 0) {
      const message = `A pull request already exists for ${state.owner}:${head}.`;
      return {
        status: 422,
        body: {
          ...errorJson(
            422,
            'Validation Failed',
            'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
          ),
          errors: [{ resource: 'PullRequest', code: 'custom', message }],
        },
      };
    }
    const now = state.now();
    const pull: FakePull = {
      number: state.newPullNumber(),
      id: state.id(),
      state: 'open',
      merged: false,
      draft: body['draft'] === true,
      head,
      base,
      title: body['title'],
      body: typeof body['body'] === 'string' ? body['body'] : null,
      labels: [],
      user: actor,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      mergedAt: null,
    };
    state.pulls.push(pull);
    const json = pullJson(urls, state, pull, true);
    return { status: 201, body: json, headers: { location: String(json['url']) } };
  },

  'pulls/update': ({ state, urls, params, body }) => {
    const pull = state.pull(Number(params['pull_number']));
    if (!pull) return notFound();
    if (body['state'] === 'open' && pull.merged) {
      return { status: 422, body: errorJson(422, 'Cannot reopen a merged pull request') };
    }
    if (typeof body['title'] === 'string') pull.title = body['title'];
    if (typeof body['body'] === 'string') pull.body = body['body'];
    if (typeof body['base'] === 'string') pull.base = body['base'];
    if (body['state'] === 'open' || body['state'] === 'closed') pull.state = body['state'];
    pull.updatedAt = state.now();
    return { status: 200, body: pullJson(urls, state, pull, true) };
  },

  'issues/add-labels': ({ state, urls, params, body }) => {
    const pull = state.pull(Number(params['issue_number']));
    if (!pull) return notFound();
    const requested = Array.isArray(body['labels']) ? (body['labels'] as unknown[]) : [];
    for (const label of requested) {
      const name = typeof label === 'string' ? label : (label as { name: string }).name;
      state.labelPull(pull, name);
    }
    const labels = pull.labels.map((name) => state.labels.get(name)).filter((label) => label !== undefined);
    return { status: 200, body: labels.map((label) => labelJson(urls, label)) };
  },

  'issues/list-comments': (context) => {
    const { state, params, urls } = context;
    const number = Number(params['issue_number']);
    if (!state.pull(number)) return notFound();
    const comments = state.issueComments
      .filter((comment) => comment.issueNumber === number)
      .filter(updatedSince(context))
      .sort((a, b) => a.id - b.id);
    return page(context, comments, (comment) => issueCommentJson(urls, comment));
  },

  'issues/create-comment': ({ state, urls, actor, params, body }) => {
    const number = Number(params['issue_number']);
    if (!state.pull(number)) return notFound();
    const comment = state.seedIssueComment({ issueNumber: number, body: String(body['body']), user: actor });
    const json = issueCommentJson(urls, comment);
    return { status: 201, body: json, headers: { location: String(json['url']) } };
  },

  'pulls/list-review-comments': (context) => {
    const { state, params, query, urls } = context;
    const number = Number(params['pull_number']);
    const key = query['sort'] === 'updated' ? 'updatedAt' : 'createdAt';
    const comments = state.reviewComments
      .filter((comment) => comment.pullNumber === number)
      .filter(updatedSince(context))
      .sort((a, b) => Date.parse(a[key]) - Date.parse(b[key]) || a.id - b.id);
    if (query['sort'] !== undefined && query['direction'] === 'desc') comments.reverse();
    return page(context, comments, (comment) => reviewCommentJson(urls, comment));
  },

  'pulls/list-reviews': (context) => {
    const number = Number(context.params['pull_number']);
    const reviews = context.state.reviews
      .filter((review) => review.pullNumber === number)
      .sort((a, b) => a.id - b.id);
    return page(context, reviews, (review) => reviewJson(context.urls, review));
  },
};

// ---------------------------------------------------------------------------------------------------
// The server.

/** The request body as the test wants to see it: parsed JSON, or the raw text when it is not JSON. */
function bodyForLog(rawBody: string): unknown {
  if (rawBody === '') return undefined;
  try {
    return JSON.parse(rawBody);
  } catch {
    return rawBody;
  }
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** The token requests must carry; anything else gets 401 Bad credentials. */
  token?: string;
  /** Who the token belongs to: the author of PRs and comments it creates. */
  actor?: FakeUser;
  webUrl?: string;
}

export interface InjectedFailure {
  status: number;
  /** Default: GitHub's error body with a stock message for the status. */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many consecutive requests fail. Default 1. */
  times?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  operationId: OperationId | undefined;
  status: number;
}

export interface FakeGitHub {
  url: string;
  state: FakeGitHubState;
  requests: LoggedRequest[];
  /** The next `failure.times` requests to the operation are answered with this failure instead. */
  failNext(operationId: OperationId, failure: InjectedFailure): void;
  failNext(operationId: OperationId, times: number, status: number, body?: unknown): void;
  /** Runs `action` just before the next request to the operation is handled (to stage races). */
  beforeNext(operationId: OperationId, action: () => void): void;
  schemaViolations: string[];
  assertNoSchemaViolations(): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const spec = loadSpec();
  const state = new FakeGitHubState(options.owner ?? 'octo-org', options.repo ?? 'widgets');
  const token = options.token ?? 'test-token';
  const actor = options.actor ?? GITHUB_ACTIONS_BOT;
  const failures = new Map<OperationId, InjectedFailure[]>();
  const beforeActions = new Map<OperationId, Array<() => void>>();
  const requests: LoggedRequest[] = [];
  const schemaViolations: string[] = [];
  const urls: Urls = {
    api: '',
    web: options.webUrl ?? 'https://github.com',
    owner: state.owner,
    repo: state.repo,
  };

  function violation(message: string): void {
    schemaViolations.push(message);
  }

  function validateResponse(operation: OperationSpec, reply: Reply): string | undefined {
    const documented = operation.responseSchemas.has(reply.status);
    const schema = documented ? operation.responseSchemas.get(reply.status) : spec.basicErrorSchema;
    if (!documented && reply.status < 400) {
      return `${operation.id}: status ${reply.status} is not a documented response`;
    }
    if (!schema)
      return reply.body === undefined
        ? undefined
        : `${operation.id}: ${reply.status} has no body in the spec`;
    const validate = validatorFor(`${operation.id} response ${documented ? reply.status : 'error'}`, schema);
    return validate(reply.body)
      ? undefined
      : `${operation.id} response ${reply.status}: ${describeErrors(validate.errors)}`;
  }

  /** Checks the request against the operation; returns the problem, or the parsed parameters. */
  function validateRequest(
    operation: OperationSpec,
    match: RegExpExecArray,
    url: URL,
    rawBody: string,
  ):
    | string
    | { params: Record<string, unknown>; query: Record<string, unknown>; body: Record<string, unknown> } {
    const rawParams = Object.fromEntries(
      operation.pathParamNames.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]),
    );
    const params = coerceParameters(operation, rawParams);
    const query = coerceParameters(operation, Object.fromEntries(url.searchParams));
    const problems: string[] = [];
    const pathValidator = validatorFor(`${operation.id} path`, parametersSchema(operation, 'path'));
    if (!pathValidator(params)) problems.push(`path parameters: ${describeErrors(pathValidator.errors)}`);
    const queryValidator = validatorFor(`${operation.id} query`, parametersSchema(operation, 'query'));
    if (!queryValidator(query)) problems.push(`query parameters: ${describeErrors(queryValidator.errors)}`);
    let body: unknown = undefined;
    if (rawBody.trim() !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        problems.push('the body is not JSON');
      }
    }
    if (operation.bodySchema) {
      if (body === undefined) {
        if (operation.bodyRequired) problems.push('the request body is required');
      } else {
        const bodyValidator = validatorFor(`${operation.id} body`, operation.bodySchema);
        if (!bodyValidator(body)) problems.push(`body: ${describeErrors(bodyValidator.errors)}`);
      }
    } else if (body !== undefined) {
      problems.push('the operation takes no request body');
    }
    if (problems.length > 0)
      return `${operation.id} request ${url.pathname}${url.search}: ${problems.join('; ')}`;
    return { params, query, body: (body ?? {}) as Record<string, unknown> };
  }

  function respond(response: ServerResponse, reply: Reply): void {
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    response.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      ...reply.headers,
    });
    response.end(text);
  }

  function handle(request: IncomingMessage, rawBody: string): { reply: Reply; operationId?: OperationId } {
    const url = new URL(request.url ?? '/', 'http://fake.invalid');
    const method = request.method ?? 'GET';
    let operation: OperationSpec | undefined;
    let match: RegExpExecArray | null = null;
    for (const candidate of spec.operations.values()) {
      if (candidate.method !== method) continue;
      match = candidate.pattern.exec(url.pathname);
      if (match) {
        operation = candidate;
        break;
      }
    }
    if (!operation || !match) {
      violation(`no operation in the fake for ${method} ${url.pathname}`);
      return { reply: notFound() };
    }
    const operationId = operation.id as OperationId;
    const parsed = validateRequest(operation, match, url, rawBody);
    if (typeof parsed === 'string') {
      violation(parsed);
      return { reply: { status: 500, body: errorJson(500, `schema violation: ${parsed}`) }, operationId };
    }
    const reply = answer(request, operationId, parsed, url);
    const problem = validateResponse(operation, reply);
    if (problem) {
      violation(problem);
      return { reply: { status: 500, body: errorJson(500, `schema violation: ${problem}`) }, operationId };
    }
    return { reply, operationId };
  }

  /** What GitHub would answer to a well-formed request: 401, 404, an injected failure, or the result. */
  function answer(
    request: IncomingMessage,
    operationId: OperationId,
    parsed: {
      params: Record<string, unknown>;
      query: Record<string, unknown>;
      body: Record<string, unknown>;
    },
    url: URL,
  ): Reply {
    const authorization = request.headers.authorization ?? '';
    if (authorization !== `token ${token}` && authorization !== `Bearer ${token}`) {
      return { status: 401, body: errorJson(401, 'Bad credentials') };
    }
    if (parsed.params['owner'] !== state.owner || parsed.params['repo'] !== state.repo) return notFound();
    beforeActions.get(operationId)?.shift()?.();
    const queued = failures.get(operationId);
    const failure = queued?.[0];
    if (failure && queued) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) queued.shift();
      return {
        status: failure.status,
        body: failure.body ?? errorJson(failure.status, DEFAULT_MESSAGES[failure.status] ?? 'Error'),
        ...(failure.headers ? { headers: failure.headers } : {}),
      };
    }
    return handlers[operationId]({ state, urls, actor, ...parsed, url });
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let result: { reply: Reply; operationId?: OperationId };
      try {
        result = handle(request, rawBody);
      } catch (error) {
        // A bug in the fake itself: loud, and never mistaken for GitHub's answer.
        violation(
          `the fake crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        result = { reply: { status: 500, body: errorJson(500, 'fake crashed') } };
      }
      const url = new URL(request.url ?? '/', 'http://fake.invalid');
      requests.push({
        method: request.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: bodyForLog(rawBody),
        operationId: result.operationId,
        status: result.reply.status,
      });
      respond(response, result.reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  urls.api = `http://127.0.0.1:${port}`;

  return {
    url: urls.api,
    state,
    requests,
    schemaViolations,
    failNext(operationId: OperationId, failure: InjectedFailure | number, status?: number, body?: unknown) {
      const queue = failures.get(operationId) ?? [];
      queue.push(
        typeof failure === 'number'
          ? { times: failure, status: status ?? 500, ...(body === undefined ? {} : { body }) }
          : { ...failure },
      );
      failures.set(operationId, queue);
    },
    beforeNext(operationId, action) {
      const queue = beforeActions.get(operationId) ?? [];
      queue.push(action);
      beforeActions.set(operationId, queue);
    },
    assertNoSchemaViolations() {
      if (schemaViolations.length > 0) {
        throw new Error(
          `the fake GitHub saw ${schemaViolations.length} schema violation(s):\n${schemaViolations.join('\n')}`,
        );
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
