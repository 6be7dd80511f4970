// The GitHub Action front end (docs/action.md): inputs → the same session engine the CLI uses → pushes
// after every experiment, one summary PR per tag, a job summary and outputs. The step fails only for
// setup and config errors; a session that kept nothing succeeds.
import * as core from '@actions/core';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../config/errors.js';
import { loadSettings } from '../config/load.js';
import { isConfigPattern } from '../config/programs.js';
import type { Settings } from '../config/settings.js';
import { chooseTrack, withTrack } from '../config/track.js';
import { combineSettings, planCombine } from '../combine/plan.js';
import { createReplayProposer } from '../combine/replay-proposer.js';
import { startTrackBranch } from '../combine/track-branch.js';
import type { Proposer } from '../propose/types.js';
import { Git, GitError } from '../git/git.js';
import { LedgerError } from '../ledger/errors.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';
import { summarizeLedger } from '../report/summary.js';
import { readCommittedLedger, readCommittedLessons } from '../session/branch-ledger.js';
import {
  branchName,
  runSession,
  type ExperimentOutcome,
  type SessionOptions,
  type SessionResult,
} from '../session/session.js';
import { SetupError } from '../session/errors.js';
import { publishDashboard, type Dashboard } from './artifact.js';
import { InputError, readInputs, inputProblems, withProposerInputs, type ActionInputs } from './inputs.js';
import { chooseProgramConfig } from './programs.js';
import { runPushedSession } from '../session/pushed-session.js';
import type { GitHubRepo, IgnoredComment, ReviewerNote, SummaryPullRequest } from './github.js';
import {
  gitHubContext,
  gitHubRepo,
  publishPullRequest,
  pullRequestRows,
  type PullRequestOutcome,
} from './pull-request.js';
import { BOT_NAME, prepareRepository, type PreparedRepository } from './repository.js';
import { writeJobSummary } from './summary.js';
import { finalizeInAction, type FinalizeOutcome } from './finalize.js';
import { sessionReportInput } from './report-input.js';
import * as log from './log.js';
import { snapshotRunnerFiles, type RunnerFiles } from './runner-files.js';
import { cleanLine, TEXT_LIMITS } from '../text/untrusted.js';
import type { Lessons } from '../memory/lessons.js';
import type { ResumeRequest } from '../session/program-stop.js';

/** What the session's pushes ran into. */
export async function run(): Promise<void> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    log.warning(`${name}: stopping the experiment in flight and saving what is finished`);
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
  // Before any proposer or eval runs: see runner-files.ts.
  const runnerFiles = snapshotRunnerFiles();
  const inputs = readInputs();
  const problems = inputProblems(inputs);
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  // A glob (`autoexp/*.yml`) names several programs: this run takes the one run least recently.
  const configPath = isConfigPattern(inputs.config)
    ? await chooseProgramConfig({
        workspace,
        pattern: inputs.config,
        serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
        token: inputs.githubToken,
      })
    : resolve(workspace, inputs.config);
  // actions/checkout may have cloned into a subfolder (`path:`): the repository is where the config is.
  const checkoutRoot = await Git.at(dirname(configPath))
    .describeRepository()
    .then((repository) => repository.topLevel)
    .catch(() => workspace);
  const loaded = withProposerInputs(await loadSettings(configPath, checkoutRoot), inputs);
  // Tracks: a track run works on autoexp/<tag>.<track>, a combine on autoexp/<tag>.
  const choice = inputs.combine ? { settings: loaded, tag: loaded.tag } : chooseTrack(loaded, inputs.track);
  const { track, tag } = choice;
  let settings = choice.settings;
  const branch = branchName(settings.tag);
  const tagBranch = branchName(tag);
  const trackBranches = inputs.tracks.map((name) => branchName(withTrack(loaded, name).tag));

  const repository = await prepareRepository({
    workspace: checkoutRoot,
    serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
    token: inputs.githubToken,
    branch,
    configuredBase: settings.base,
    alsoFetch: inputs.combine ? trackBranches : track !== undefined ? [tagBranch] : [],
  });
  try {
    let replay: { proposer: Proposer; experiments: number } | undefined;
    if (track !== undefined) {
      const startedFrom = await startTrackBranch(repository.git, {
        trackBranch: branch,
        trackRefs: [`refs/heads/${branch}`],
        tagRefs: [`refs/remotes/origin/${tagBranch}`],
      });
      if (startedFrom) log.info(`autoexp: new track ${branch} starts from ${tagBranch}`);
    }
    if (inputs.combine) {
      const plan = await planCombine({
        git: repository.git,
        settings,
        tracks: inputs.tracks,
        refsOf: (name) => [name === branch ? `refs/heads/${name}` : `refs/remotes/origin/${name}`],
      });
      for (const note of plan.notes) log.info(`autoexp: ${note}`);
      if (plan.queue.length === 0) {
        const earlier = plan.alreadyTried > 0 ? ` (${plan.alreadyTried} replayed by an earlier combine)` : '';
        await finishNothingToCombine(
          repository,
          settings,
          `nothing new to combine from ${inputs.tracks.join(', ')}${earlier}`,
        );
        return;
      }
      log.info(
        `autoexp: replaying ${plan.queue.length} kept commit(s) onto ${branch}: ` +
          plan.queue.map((item) => `${item.track}#${item.experiment}`).join(', '),
      );
      settings = combineSettings(settings, plan.queue.length);
      replay = { proposer: createReplayProposer(plan.queue), experiments: plan.queue.length };
    }
    const context = gitHubContext(inputs.githubToken);
    const github = typeof context === 'string' ? undefined : gitHubRepo(context);
    // A track has no PR of its own to read reviewers' notes from.
    const steering = track === undefined ? await readSteering(github, repository, settings) : { notes: [] };
    // Every phase change and every recorded experiment follows a run of untrusted code (a proposer, the
    // eval, eval.setup): the runner files are put back then, and once more when the session is over.
    const said = new Set<string>();
    const putBack = () => putBackRunnerFiles(runnerFiles, said);
    const run = (more: Partial<SessionOptions>): Promise<SessionResult> =>
      runSession({
        settings,
        checkout: repository.topLevel,
        baseRef: repository.baseRef,
        remoteBranchRef: `refs/remotes/origin/${branch}`,
        env: sessionEnvironment(inputs),
        signal,
        reviewerNotes: steering.notes,
        resumeRequests: steering.resumeRequests,
        proposer: replay?.proposer,
        events: {
          experiment: (outcome) => {
            putBack();
            log.info(describeOutcome(outcome, settings));
          },
          // One line: a file name's "\r" or newline in a notice must not start a line of its own.
          notice: (message) => log.info(`autoexp: ${cleanLine(message, Number.POSITIVE_INFINITY)}`),
          phase: (phase) => {
            putBack();
            log.debug(`phase: ${JSON.stringify(phase)}`);
          },
        },
        ...more,
      });
    const experiments = replay?.experiments ?? inputs.experiments;
    let outcome: { result: SessionResult; failure?: string };
    try {
      outcome = inputs.push
        ? await runPushedSession({
            run,
            settings,
            remote: repository.remote,
            remoteName: 'origin',
            commonDir: repository.commonDir,
            experiments,
            timeMs: inputs.timeMs,
            goOnAfterRace: replay === undefined,
            signal,
            warn: (message) => log.warning(message),
            info: (message) => log.info(`autoexp: ${cleanLine(message, Number.POSITIVE_INFINITY)}`),
          })
        : { result: await run({ experiments, timeMs: inputs.timeMs }) };
    } finally {
      putBack();
    }
    const { result } = outcome;
    const pushes = { failure: outcome.failure };
    const trackRun = track === undefined ? undefined : { tagBranch };
    await finish({ inputs, settings, repository, result, pushes, github, steering, trackRun });
  } finally {
    await repository.restoreCredentials();
  }
}

/**
 * Puts back the runner files a proposer or eval changed (runner-files.ts), with a warning the first time
 * for each; one that cannot be put back fails the step, so that the job's later steps do not run with it.
 */
function putBackRunnerFiles(files: RunnerFiles, said: Set<string>): void {
  const { restored, failed } = files.restore();
  for (const variable of restored) {
    if (said.has(variable)) continue;
    said.add(variable);
    log.warning(
      `autoexp: the proposer or the eval wrote to the runner's ${variable} file; autoexp put it back as it was ` +
        'before the session, so that nothing reaches the later steps of the job',
    );
  }
  for (const { variable, error } of failed) {
    if (said.has(`failed ${variable}`)) continue;
    said.add(`failed ${variable}`);
    log.setFailed(
      `autoexp: the proposer or the eval changed the runner's ${variable} file and autoexp could not put it ` +
        `back (${error}); the step fails so that the job's later steps do not run with it`,
    );
  }
}

/** Everything in the session's env reaches proposers; evals get a scrubbed copy (src/measure/environment.ts). */
function sessionEnvironment(inputs: ActionInputs): NodeJS.ProcessEnv {
  return inputs.apiKey === undefined ? process.env : { ...process.env, AUTOEXP_API_KEY: inputs.apiKey };
}

/** `#3 keep score=75  try x=5`; the reason and the description are cleaned again (log.info escapes them). */
function describeOutcome(outcome: ExperimentOutcome, settings: Settings): string {
  const values = settings.metrics
    .map((metric) => outcome.row.metrics[metric.name])
    .map((value, index) => (value === undefined ? '' : `${settings.metrics[index]!.name}=${value}`))
    .filter(Boolean)
    .join(' ');
  const reason = cleanLine(outcome.record.reason, TEXT_LIMITS.reason);
  const description = cleanLine(outcome.row.description, TEXT_LIMITS.description);
  return `#${outcome.row.experiment} ${outcome.row.status} ${values || reason}  ${description}`;
}

/** The open summary PR and what reviewers said on it since the last session. */
interface Steering {
  pullRequest?: SummaryPullRequest;
  notes: ReviewerNote[];
  /** Comments from people outside pr.steer-from: counted in the job summary, never shown to the proposer. */
  ignored?: IgnoredComment[];
  /** `/autoexp resume` comments by people in pr.steer-from: they lift a stop.plateau pause. */
  resumeRequests?: ResumeRequest[];
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
    const comments = await github.reviewerNotes(pullRequest.number, since, [BOT_NAME], settings.pr.steerFrom);
    const { ignored } = comments;
    // `/autoexp resume` is a command to autoexp, not advice for the proposer.
    const { notes, resumeRequests } = splitResumeRequests(comments.notes);
    if (notes.length > 0)
      log.info(`autoexp: ${notes.length} reviewer note(s) on #${pullRequest.number} go to the proposer`);
    if (ignored.length > 0)
      log.info(
        `autoexp: ${ignored.length} comment(s) on #${pullRequest.number} from people outside pr.steer-from ` +
          `(${settings.pr.steerFrom.join(', ') || 'nobody'}) are not shown to the proposer`,
      );
    return { pullRequest, notes, ignored, resumeRequests };
  } catch (error) {
    log.warning(`autoexp: could not read the reviewers' comments: ${(error as Error).message}`);
    return { notes: [] };
  }
}

/**
 * Separates `/autoexp resume` comments (the command alone on the first line) from reviewer notes. The
 * notes are already only those of people in pr.steer-from: only they can resume a paused program.
 */
export function splitResumeRequests(all: readonly ReviewerNote[]): {
  notes: ReviewerNote[];
  resumeRequests: ResumeRequest[];
} {
  const notes: ReviewerNote[] = [];
  const resumeRequests: ResumeRequest[] = [];
  for (const note of all) {
    if (note.kind === 'comment' && /^\s*\/autoexp\s+resume\s*(?:\n|$)/i.test(note.body))
      resumeRequests.push({ author: note.author, createdAt: note.createdAt });
    else notes.push(note);
  }
  return { notes, resumeRequests };
}

async function finish(context: {
  inputs: ActionInputs;
  settings: Settings;
  repository: PreparedRepository;
  result: SessionResult;
  pushes: { failure?: string };
  github: GitHubRepo | undefined;
  steering: Steering;
  /** A track run: its keeps reach a PR through the combine onto autoexp/<tag>. */
  trackRun?: { tagBranch: string };
}): Promise<void> {
  const { inputs, settings, repository, result, pushes, github, steering, trackRun } = context;
  const branch = branchName(settings.tag);
  const ledger = await committedLedger(repository, settings);
  const rows = ledger?.rows ?? [];
  const records = ledger ? await ledger.records() : [];
  const lessons = await committedLessons(repository, settings);
  const sessionExperiments = result.outcomes.map((outcome) => outcome.row.experiment);
  const summary = summarizeLedger(rows, settings.metrics, { sessionExperiments });
  const dashboard = await uploadDashboard(settings, repository.base, rows, records, result);

  // The PR and the job summary show the same rows: after a merge of an earlier summary PR, what base lacks.
  const shown = inputs.push
    ? await pullRequestRows({
        git: repository.git,
        settings,
        rows,
        baseRef: repository.baseRef,
        info: (message) => log.info(message),
      })
    : { rows, held: 0 };

  let pullRequest: PullRequestOutcome = { operation: 'none', note: 'creating the PR is turned off' };
  const everKept = rows.some(
    (row) => row.experiment > 0 && (row.status === 'keep' || row.status === 'explore'),
  );
  if (pushes.failure !== undefined) {
    pullRequest = { operation: 'none', note: 'the branch could not be pushed' };
  } else if (trackRun) {
    pullRequest = {
      operation: 'none',
      note: `a track run opens none; a combine job (combine: true) replays its keeps onto \`${trackRun.tagBranch}\` and opens or updates that PR`,
    };
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
          shown,
          records,
          result,
          dashboardUrl: dashboard?.url,
          lessons,
        })
      : { operation: 'none', note: String(gitHubContext(inputs.githubToken)) };
  }
  const final = await finalizeAfterSession(
    context,
    pushes.failure !== undefined
      ? 'the branch could not be pushed'
      : everKept
        ? undefined
        : 'nothing is kept on the branch yet',
  );
  if (result.conflicts.length > 0) {
    log.warning(
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
        .catch((error: Error) => log.warning(`autoexp: could not comment on the PR: ${error.message}`));
    }
  }

  const shownExperiments = new Set(shown.rows.map((row) => row.experiment));
  await writeJobSummary({
    settings,
    rows: shown.rows,
    records: records.filter((record) => shownExperiments.has(record.experiment)),
    heldByBase: shown.held,
    result,
    pullRequest,
    base: repository.base,
    notes: steering.notes,
    ignoredComments: steering.ignored,
    dashboard,
    lessons,
    final,
  });
  if (result.halt) {
    log.notice(`autoexp: ${result.halt.message}`, {
      title: result.halt.kind === 'target-reached' ? 'autoexp: target reached' : 'autoexp: paused',
    });
  }

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
  core.setOutput('stopped', result.halt?.kind ?? '');
  core.setOutput('final-branch', final?.branch ?? '');
  core.setOutput(
    'final-pull-request-number',
    final?.pullRequest.number === undefined ? '' : String(final.pullRequest.number),
  );
  core.setOutput('final-pull-request-url', final?.pullRequest.url ?? '');

  if (pushes.failure !== undefined) {
    log.setFailed(
      `autoexp: pushing ${branch} to origin failed: ${pushes.failure}. The github-token needs "contents: write" ` +
        `(permissions in the workflow), and no branch protection rule or ruleset may cover ${branch}. ` +
        `The experiments up to the failure are committed on the local branch.`,
    );
  }
}

/**
 * Input finalize: autoexp-final/<tag> and its PR, once the session's branch is pushed (not for a track).
 * `notReady`: why there is nothing to finalize yet (the summary says it as it is).
 */
async function finalizeAfterSession(
  context: Parameters<typeof finish>[0],
  notReady: string | undefined,
): Promise<FinalizeOutcome | undefined> {
  const { inputs, settings, repository, github, trackRun } = context;
  if (!inputs.finalize || trackRun) return undefined;
  if (notReady !== undefined) return { pullRequest: { operation: 'none', note: notReady } };
  return finalizeInAction({
    repository,
    settings,
    github,
    createPr: inputs.createPr && settings.pr.enabled,
    warn: (message) => log.warning(message),
    info: (message) => log.info(message),
  });
}

/** A combine with nothing new to replay: no session and no eval; the outputs and job summary say so. */
async function finishNothingToCombine(
  repository: PreparedRepository,
  settings: Settings,
  message: string,
): Promise<void> {
  log.info(`autoexp: ${message}`);
  const branch = branchName(settings.tag);
  const ledger = await committedLedger(repository, settings);
  const summary = summarizeLedger(ledger?.rows ?? [], settings.metrics);
  const outputs: Record<string, string> = {
    branch,
    experiments: '0',
    kept: '0',
    baseline: summary.baseline === undefined ? '' : String(summary.baseline.value),
    best: summary.best === undefined ? '' : String(summary.best.value),
    improvement: summary.improvement === undefined ? '' : String(Number(summary.improvement.toFixed(6))),
    'pull-request-number': '',
    'pull-request-url': '',
    'pull-request-operation': 'none',
  };
  outputs.stopped = '';
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  if (process.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(`## autoexp: combine onto \`${branch}\`\n\n${message}.\n`, true).write();
}

/** The HTML dashboard of the whole branch, unless there is nothing to show or the job is being cancelled. */
async function uploadDashboard(
  settings: Settings,
  base: string,
  rows: readonly LedgerRow[],
  records: readonly ExperimentRecord[],
  result: SessionResult,
): Promise<Dashboard | undefined> {
  if (rows.length === 0 || result.stopReason === 'cancelled') return undefined;
  // A finished or paused program's run changed nothing: the last dashboard still holds.
  if (result.halt && result.outcomes.length === 0) return undefined;
  return publishDashboard(sessionReportInput({ settings, base, rows, records, result }));
}

/** Config errors become annotations on the autoexp.yml line; everything known is one clear message. */
function reportFailure(error: unknown): void {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) {
      log.error(`${problem.keyPath ? `${problem.keyPath}: ` : ''}${problem.message}`, {
        title: 'autoexp config',
        file: error.file,
        startLine: problem.line,
        startColumn: problem.column,
      });
    }
    log.setFailed(`autoexp: ${error.message}`);
    return;
  }
  if (
    error instanceof InputError ||
    error instanceof LedgerError ||
    error instanceof SetupError ||
    error instanceof GitError
  ) {
    log.setFailed(`autoexp: ${error.message}`);
    return;
  }
  log.setFailed(`autoexp: ${(error as Error)?.message ?? String(error)}`);
  if (error instanceof Error && error.stack) log.debug(error.stack);
}

/** lessons.md as committed on the tag's branch, parsed (its lines are cleaned), or undefined. */
function committedLessons(repository: PreparedRepository, settings: Settings): Promise<Lessons | undefined> {
  return readCommittedLessons(
    repository.git,
    `refs/heads/${branchName(settings.tag)}`,
    settings.results.dir,
  ).catch(() => undefined);
}

/** The ledger as committed on the tag's branch (or the track's), after the session. */
function committedLedger(repository: PreparedRepository, settings: Settings) {
  return readCommittedLedger(
    repository.git,
    `refs/heads/${branchName(settings.tag)}`,
    settings.results.dir,
    settings.metrics.map((metric) => metric.name),
  );
}
