// The GitHub Action front end (CONTRACT §5): inputs → the same session engine the CLI uses → pushes
// after every experiment, one summary PR per tag, a job summary and outputs. The step fails only for
// setup and config errors; a session that kept nothing succeeds.
import * as core from '@actions/core';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../config/errors.js';
import { loadSettings } from '../config/load.js';
import type { Settings } from '../config/settings.js';
import { Git, GitError } from '../git/git.js';
import { LedgerError } from '../ledger/errors.js';
import { summarizeLedger } from '../report/summary.js';
import { readCommittedLedger } from '../session/branch-ledger.js';
import { branchName, runSession, type ExperimentOutcome, type SessionResult } from '../session/session.js';
import { SetupError } from '../session/workspace.js';
import { InputError, readInputs, unsupportedInputs, type ActionInputs } from './inputs.js';
import { pushBranch, recordAfterRemote } from './publish.js';
import type { GitHubRepo, ReviewerNote, SummaryPullRequest } from './github.js';
import { gitHubContext, gitHubRepo, publishPullRequest, type PullRequestOutcome } from './pull-request.js';
import { BOT_NAME, prepareRepository, type PreparedRepository } from './repository.js';
import { writeJobSummary } from './summary.js';

/** What the session's pushes ran into. */
interface PushState {
  /** Ledger records pushed so far this session (the baseline row counts as one). */
  pushedRecords: number;
  race: boolean;
  failure?: string;
}

export async function run(): Promise<void> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    core.warning(`${name}: stopping the experiment in flight and saving what is finished`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runAction(controller.signal);
  } catch (error) {
    reportFailure(error);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function runAction(signal: AbortSignal): Promise<void> {
  const inputs = readInputs();
  const unsupported = unsupportedInputs(inputs);
  if (unsupported.length > 0) throw new InputError(unsupported.join('\n'));
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const configPath = resolve(workspace, inputs.config);
  // actions/checkout may have cloned into a subfolder (`path:`): the repository is where the config is.
  const checkoutRoot = await Git.at(dirname(configPath))
    .describeRepository()
    .then((repository) => repository.topLevel)
    .catch(() => workspace);
  const settings = await loadSettings(configPath, checkoutRoot);
  const branch = branchName(settings.tag);

  const repository = await prepareRepository({
    workspace: checkoutRoot,
    serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
    token: inputs.githubToken,
    branch,
    configuredBase: settings.base,
  });
  try {
    const context = gitHubContext(inputs.githubToken);
    const github = typeof context === 'string' ? undefined : gitHubRepo(context);
    const steering = await readSteering(github, repository, settings);
    const pushes: PushState = { pushedRecords: 0, race: false };
    const result = await runSession({
      settings,
      checkout: repository.topLevel,
      baseRef: repository.baseRef,
      remoteBranchRef: `refs/remotes/origin/${branch}`,
      experiments: inputs.experiments,
      timeMs: inputs.timeMs,
      env: sessionEnvironment(inputs),
      signal,
      reviewerNotes: steering.notes,
      events: {
        experiment: (outcome) => core.info(describeOutcome(outcome, settings)),
        notice: (message) => core.info(`autoexp: ${message}`),
        phase: (phase) => core.debug(`phase: ${JSON.stringify(phase)}`),
      },
      afterRecord: inputs.push ? async () => pushAfterExperiment(repository, settings, pushes) : undefined,
    });
    const recorded = [...(result.baseline ? [result.baseline] : []), ...result.outcomes];
    const unpushed = recorded.slice(pushes.pushedRecords);
    if (pushes.race && unpushed.length > 0) {
      const numbers = await recordAfterRemote({
        remote: repository.remote,
        commonDir: repository.commonDir,
        settings,
        branch,
        outcomes: unpushed,
      });
      core.warning(
        `another run moved ${branch} while this one worked: this run's last ${numbers.length} experiment(s) ` +
          `are recorded after it as #${numbers[0]}–#${numbers.at(-1)} (keeps among them as "superseded"). ` +
          'Use a concurrency group so that runs on one tag do not overlap.',
      );
    }
    await finish({ inputs, settings, repository, result, pushes, github, steering });
  } finally {
    await repository.restoreCredentials();
  }
}

/** Everything in the session's env reaches proposers; evals get a scrubbed copy (src/measure/environment.ts). */
function sessionEnvironment(inputs: ActionInputs): NodeJS.ProcessEnv {
  return inputs.apiKey === undefined ? process.env : { ...process.env, AUTOEXP_API_KEY: inputs.apiKey };
}

async function pushAfterExperiment(
  repository: PreparedRepository,
  settings: Settings,
  pushes: PushState,
): Promise<void | 'stop'> {
  const pushed = await pushBranch(repository.remote, settings.tag, branchName(settings.tag));
  if (pushed.ok) {
    pushes.pushedRecords++;
    return;
  }
  if (pushed.rejected) {
    pushes.race = true;
    return 'stop';
  }
  pushes.failure = pushed.message;
  return 'stop';
}

function describeOutcome(outcome: ExperimentOutcome, settings: Settings): string {
  const values = settings.metrics
    .map((metric) => outcome.row.metrics[metric.name])
    .map((value, index) => (value === undefined ? '' : `${settings.metrics[index]!.name}=${value}`))
    .filter(Boolean)
    .join(' ');
  return `#${outcome.row.experiment} ${outcome.row.status} ${values || outcome.record.reason}  ${outcome.row.description}`;
}

/** The open summary PR and what reviewers said on it since the last session. */
interface Steering {
  pullRequest?: SummaryPullRequest;
  notes: ReviewerNote[];
}

async function readSteering(
  github: GitHubRepo | undefined,
  repository: PreparedRepository,
  settings: Settings,
): Promise<Steering> {
  if (!github) return { notes: [] };
  const branch = branchName(settings.tag);
  try {
    const pullRequest = await github.findSummaryPullRequest(branch, repository.base);
    if (pullRequest?.state !== 'open') return { pullRequest, notes: [] };
    const ledger = repository.branchOnRemote
      ? await readCommittedLedger(
          repository.git,
          `refs/remotes/origin/${branch}`,
          settings.results.dir,
          settings.metrics.map((metric) => metric.name),
        )
      : undefined;
    const since = (await ledger?.records())?.at(-1)?.timestamp;
    const notes = await github.reviewerNotes(pullRequest.number, since, [BOT_NAME]);
    if (notes.length > 0)
      core.info(`autoexp: ${notes.length} reviewer note(s) on #${pullRequest.number} go to the proposer`);
    return { pullRequest, notes };
  } catch (error) {
    core.warning(`autoexp: could not read the reviewers' comments: ${(error as Error).message}`);
    return { notes: [] };
  }
}

async function finish(context: {
  inputs: ActionInputs;
  settings: Settings;
  repository: PreparedRepository;
  result: SessionResult;
  pushes: PushState;
  github: GitHubRepo | undefined;
  steering: Steering;
}): Promise<void> {
  const { inputs, settings, repository, result, pushes, github, steering } = context;
  const branch = branchName(settings.tag);
  const ledger = await readCommittedLedger(
    repository.git,
    `refs/heads/${branch}`,
    settings.results.dir,
    settings.metrics.map((metric) => metric.name),
  );
  const rows = ledger?.rows ?? [];
  const records = ledger ? await ledger.records() : [];
  const sessionExperiments = result.outcomes.map((outcome) => outcome.row.experiment);
  const summary = summarizeLedger(rows, settings.metrics, { sessionExperiments });

  let pullRequest: PullRequestOutcome = { operation: 'none', note: 'creating the PR is turned off' };
  const everKept = rows.some(
    (row) => row.experiment > 0 && (row.status === 'keep' || row.status === 'explore'),
  );
  if (pushes.failure !== undefined) {
    pullRequest = { operation: 'none', note: 'the branch could not be pushed' };
  } else if (!inputs.push) {
    pullRequest = { operation: 'none', note: 'pushing is turned off (input push: false)' };
  } else if (!everKept) {
    pullRequest = { operation: 'none', note: 'no experiment has been kept yet' };
  } else if (inputs.createPr && settings.pr.enabled) {
    pullRequest = github
      ? await publishPullRequest({
          github,
          git: repository.git,
          settings,
          base: repository.base,
          baseRef: repository.baseRef,
          rows,
          records,
          result,
        })
      : { operation: 'none', note: String(gitHubContext(inputs.githubToken)) };
  }
  if (result.conflicts.length > 0) {
    core.warning(
      `merging ${repository.base} into ${branch} conflicts in ${result.conflicts.join(', ')}; no experiments ran. ` +
        `Merge ${repository.base} into ${branch} by hand (or delete the branch to start over).`,
      { title: 'autoexp: base conflicts' },
    );
    if (github && steering.pullRequest?.state === 'open') {
      const files = result.conflicts.map((path) => `\`${path}\``).join(', ');
      await github
        .commentOnPullRequest(
          steering.pullRequest.number,
          `autoexp could not merge \`${repository.base}\` into \`${branch}\` (${files} conflict), so no ` +
            `experiments ran. Merge \`${repository.base}\` into \`${branch}\` by hand and the next run continues.`,
        )
        .catch((error: Error) => core.warning(`autoexp: could not comment on the PR: ${error.message}`));
    }
  }

  await writeJobSummary({
    settings,
    rows,
    records,
    result,
    pullRequest,
    base: repository.base,
    notes: steering.notes,
  });

  const kept = result.outcomes.filter((outcome) => outcome.row.status === 'keep').length;
  core.setOutput('branch', branch);
  core.setOutput('experiments', String(result.outcomes.length));
  core.setOutput('kept', String(kept));
  core.setOutput('baseline', summary.baseline === undefined ? '' : String(summary.baseline.value));
  core.setOutput('best', summary.best === undefined ? '' : String(summary.best.value));
  core.setOutput(
    'improvement',
    summary.improvement === undefined ? '' : String(Number(summary.improvement.toFixed(6))),
  );
  core.setOutput('pull-request-number', pullRequest.number === undefined ? '' : String(pullRequest.number));
  core.setOutput('pull-request-url', pullRequest.url ?? '');
  core.setOutput('pull-request-operation', pullRequest.operation);

  if (pushes.failure !== undefined) {
    core.setFailed(
      `autoexp: pushing ${branch} to origin failed: ${pushes.failure}. The github-token needs "contents: write" ` +
        `(permissions in the workflow). The experiments up to the failure are committed on the local branch.`,
    );
  }
}

/** Config errors become annotations on the autoexp.yml line; everything known is one clear message. */
function reportFailure(error: unknown): void {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) {
      core.error(`${problem.keyPath ? `${problem.keyPath}: ` : ''}${problem.message}`, {
        title: 'autoexp config',
        file: error.file,
        startLine: problem.line,
        startColumn: problem.column,
      });
    }
    core.setFailed(`autoexp: ${error.message}`);
    return;
  }
  if (
    error instanceof InputError ||
    error instanceof LedgerError ||
    error instanceof SetupError ||
    error instanceof GitError
  ) {
    core.setFailed(`autoexp: ${error.message}`);
    return;
  }
  core.setFailed(`autoexp: ${(error as Error)?.message ?? String(error)}`);
  if (error instanceof Error && error.stack) core.debug(error.stack);
}
