// The CLI's commands. Each returns the process exit code; errors that users cause are thrown as
// CliError and printed as one `autoexp: …` message by main.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadSettings } from '../config/load.js';
import {
  choosePrograms,
  describeChoice,
  describeLastSession,
  expandConfigPattern,
  isConfigPattern,
} from '../config/programs.js';
import type { Settings } from '../config/settings.js';
import { chooseTrack } from '../config/track.js';
import { combineSettings, planCombine } from '../combine/plan.js';
import { createReplayProposer } from '../combine/replay-proposer.js';
import { startTrackBranch } from '../combine/track-branch.js';
import type { Proposer } from '../propose/types.js';
import { Git, GitError } from '../git/git.js';
import { STATUSES } from '../ledger/types.js';
import { renderReport } from '../report/markdown.js';
import { renderStatus, statusJson, type StatusJson } from '../report/status.js';
import { llmSpend, summarizeLedger } from '../report/summary.js';
import { runPushedSession } from '../session/pushed-session.js';
import { describeStop } from '../session/budget.js';
import { readCommittedLedger } from '../session/branch-ledger.js';
import { LESSONS_FILE } from '../memory/lessons.js';
import {
  parseProgramState,
  PROGRAM_FILE,
  programStatus as programStatusOf,
  sha256,
} from '../session/program-stop.js';
import { branchName, runSession, type SessionOptions, type SessionResult } from '../session/session.js';
import type { Command } from './args.js';
import { createProgressPrinter } from './progress.js';
import { formatMetric, formatPercent, formatSpend } from '../report/format.js';
import { cleanLine, TEXT_LIMITS } from '../text/untrusted.js';
import { runnerText } from '../text/workflow-log.js';

export class CliError extends Error {
  override name = 'CliError';
}

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  signal: AbortSignal;
}

interface Loaded {
  settings: Settings;
  topLevel: string;
  currentBranch?: string;
  repo: Git;
}

async function openRepository(io: CliIO) {
  const repo = Git.at(io.cwd);
  const description = await repo.describeRepository().catch(async (error: unknown) => {
    throw await whyNoRepository(repo, io.cwd, error);
  });
  return { repo, topLevel: description.topLevel, currentBranch: description.branch };
}

/** What stops describeRepository: no repository, or one with nothing committed yet (autoexp needs a commit). */
async function whyNoRepository(repo: Git, cwd: string, error: unknown): Promise<unknown> {
  const workTree = await repo.describeWorkTree();
  if (
    workTree === undefined &&
    error instanceof GitError &&
    /not inside a git repository/.test(error.stderr)
  ) {
    return new CliError(
      `${cwd} is not inside a git repository; autoexp keeps its state in git (run \`git init\`, then commit your files)`,
    );
  }
  if (workTree !== undefined && !workTree.hasCommits) {
    const branches = [...(await repo.refs()).keys()].filter((ref) => ref.startsWith('refs/heads/'));
    return new CliError(noCommitsYet(branches.length > 0 ? workTree.branch : undefined));
  }
  return error;
}

/**
 * The message for a HEAD without a commit: a new repository, or (`branch` given) a new branch in a
 * repository that has commits elsewhere.
 */
function noCommitsYet(branch?: string): string {
  const commit = "commit your files first (git add -A && git commit -m 'first')";
  return branch === undefined
    ? `this repository has no commits yet: ${commit}`
    : `the branch ${branch} has no commits yet: switch to one that has, or ${commit}`;
}

export async function loadProject(io: CliIO, configOption: string): Promise<Loaded> {
  if (isConfigPattern(configOption)) {
    throw new CliError(
      `--config "${configOption}" is a pattern, and this command works on one program; pass one file`,
    );
  }
  const { repo, topLevel, currentBranch } = await openRepository(io);
  const settings = await loadSettings(resolve(io.cwd, configOption), topLevel);
  return { settings, topLevel, currentBranch, repo };
}

/** Every program `pattern` matches, and the one a run takes (src/config/programs.ts). */
async function findPrograms(io: CliIO, pattern: string) {
  const { repo, topLevel, currentBranch } = await openRepository(io);
  const choice = await choosePrograms({
    pattern,
    paths: await expandConfigPattern(pattern, io.cwd, '--config'),
    repoRoot: topLevel,
    git: repo,
    // As `status` reads a ledger: the local branch, or origin's copy when there is no local one.
    refsFor: (tag) => [`refs/heads/${branchName(tag)}`, `refs/remotes/origin/${branchName(tag)}`],
  });
  return { repo, topLevel, currentBranch, choice };
}

/** `run --config 'autoexp/*.yml'`: the program whose last session is the oldest, and a line saying so. */
async function loadChosenProgram(io: CliIO, pattern: string): Promise<Loaded> {
  const { repo, topLevel, currentBranch, choice } = await findPrograms(io, pattern);
  io.stdout.write(`autoexp: ${describeChoice(choice)}\n`);
  return { settings: choice.programs[choice.chosen]!.settings, topLevel, currentBranch, repo };
}

export type RunCommandOptions = Omit<Extract<Command, { name: 'run' }>, 'name'>;

export async function runCommand(
  io: CliIO,
  options: RunCommandOptions,
): Promise<{ exitCode: number; result?: SessionResult }> {
  const loaded = isConfigPattern(options.config)
    ? await loadChosenProgram(io, options.config)
    : await loadProject(io, options.config);
  const { settings, track, tag } = chooseTrack(loaded.settings, options.track);
  if (track !== undefined) {
    // Without --push the CLI works on local branches only, as for the branch itself (see runSession).
    const refs = (branch: string) => [
      `refs/heads/${branch}`,
      ...(options.push ? [`refs/remotes/${options.remote}/${branch}`] : []),
    ];
    const trackBranch = branchName(settings.tag);
    const startedFrom = await startTrackBranch(loaded.repo, {
      trackBranch,
      trackRefs: refs(trackBranch),
      tagRefs: refs(branchName(tag)),
    });
    if (startedFrom)
      io.stdout.write(`autoexp: new track ${trackBranch} starts from ${branchName(tag)} (${startedFrom})\n`);
  }
  return runLoadedSession(io, { ...loaded, settings }, options);
}

/** One session on a loaded program, printed as it goes; with --push the branch is pushed after every experiment. */
async function runLoadedSession(
  io: CliIO,
  { settings, topLevel, currentBranch, repo }: Loaded,
  options: RunCommandOptions & { proposer?: Proposer },
): Promise<{ exitCode: number; result?: SessionResult }> {
  const baseRef = settings.base ?? currentBranch;
  if (baseRef === undefined) {
    throw new CliError(
      'HEAD is detached, so there is no current branch to start from; set "base" in autoexp.yml',
    );
  }
  const branch = branchName(settings.tag);
  const printer = createProgressPrinter(
    io.stdout,
    settings.metrics,
    options.timeMs ?? settings.budget.timeMs,
  );
  const run = (more: Partial<SessionOptions>): Promise<SessionResult> =>
    runSession({
      settings,
      checkout: topLevel,
      baseRef,
      remoteBranchRef: options.push ? `refs/remotes/${options.remote}/${branch}` : undefined,
      env: io.env,
      signal: io.signal,
      events: printer,
      proposer: options.proposer,
      ...(options.resume
        ? {
            resumeRequests: [
              {
                author: 'autoexp run --resume',
                createdAt: new Date().toISOString(),
                why: 'autoexp run --resume',
              },
            ],
          }
        : {}),
      ...more,
    });
  let result: SessionResult;
  let failure: string | undefined;
  try {
    if (options.push) {
      ({ result, failure } = await runPushedSession({
        run,
        settings,
        remote: repo,
        remoteName: options.remote,
        commonDir: (await repo.describeRepository()).commonDir,
        experiments: options.experiments,
        timeMs: options.timeMs,
        goOnAfterRace: options.proposer === undefined,
        signal: io.signal,
        warn: (message) => printer.notice?.(message),
        info: (message) => printer.notice?.(message),
      }));
    } else {
      result = await run({ experiments: options.experiments, timeMs: options.timeMs });
    }
  } finally {
    printer.stop();
  }
  if (failure !== undefined) {
    io.stdout.write(formatSessionSummary(settings, result));
    throw new CliError(
      `git push to ${options.remote} failed, so the session stopped: ${failure}. ` +
        `Everything recorded is on the local branch ${branch}; fix the cause and run again (or push it yourself).`,
    );
  }
  io.stdout.write(formatSessionSummary(settings, result));
  return { exitCode: result.stopReason === 'cancelled' ? 130 : 0, result };
}

/**
 * `autoexp combine --tracks a,b`: a session on autoexp/<tag> whose experiments replay the
 * tracks' kept commits; each is re-measured and kept only when it still improves.
 */
export async function combineCommand(
  io: CliIO,
  options: { config: string; tracks: string[]; push: boolean },
): Promise<number> {
  const loaded = await loadProject(io, options.config);
  const { settings } = loaded;
  const remote = 'origin';
  const branch = branchName(settings.tag);
  const plan = await planCombine({
    git: loaded.repo,
    settings,
    tracks: options.tracks,
    // Tracks are read like `status` reads: the local branch, else origin's copy (the Action ran it there).
    // The tag's own branch as the session will use it: origin's copy only with --push.
    refsOf: (name) =>
      name === branch && !options.push
        ? [`refs/heads/${name}`]
        : [`refs/heads/${name}`, `refs/remotes/${remote}/${name}`],
  });
  for (const note of plan.notes) io.stdout.write(`${runnerText(`autoexp: ${note}`)}\n`);
  const earlier = plan.alreadyTried > 0 ? ` (${plan.alreadyTried} replayed by an earlier combine)` : '';
  if (plan.queue.length === 0) {
    io.stdout.write(`autoexp: nothing new to combine from ${options.tracks.join(', ')}${earlier}\n`);
    return 0;
  }
  const order = plan.queue.map((item) => `${item.track}#${item.experiment}`).join(', ');
  io.stdout.write(
    `autoexp: replaying ${plan.queue.length} kept commit(s) onto ${branch}: ${order}${earlier}\n`,
  );
  const { exitCode } = await runLoadedSession(
    io,
    { ...loaded, settings: combineSettings(settings, plan.queue.length) },
    {
      config: options.config,
      push: options.push,
      remote,
      experiments: plan.queue.length,
      proposer: createReplayProposer(plan.queue),
    },
  );
  return exitCode;
}

export function formatSessionSummary(settings: Settings, result: SessionResult): string {
  const primary = settings.metrics[0]!;
  const countText =
    STATUSES.map(
      (status) =>
        [status, result.outcomes.filter((outcome) => outcome.row.status === status).length] as const,
    )
      .filter(([, count]) => count > 0)
      .map(([status, count]) => `${count} ${status}`)
      .join(', ') || 'none';
  const lines: string[] = [];
  const stop = result.halt
    ? result.halt.message
    : result.stopReason === 'merge-conflict'
      ? `merging base conflicts in ${result.conflicts.map((path) => cleanLine(path, TEXT_LIMITS.fileName)).join(', ')}; resolve it on ${result.branch} and run again`
      : describeStop(result.stopReason, {
          experiments: result.outcomes.length,
          timeMs: settings.budget.timeMs,
          consecutiveCrashes: settings.budget.consecutiveCrashes,
          costUsd: settings.budget.costUsd,
        });
  lines.push(
    '',
    `autoexp: ${result.outcomes.length} experiment${result.outcomes.length === 1 ? '' : 's'} on ${result.branch} (${countText}); ${stop}`,
  );
  const summary = summarizeLedger(result.rows, settings.metrics, {
    sessionExperiments: result.outcomes.map((outcome) => outcome.row.experiment),
  });
  if (summary.baseline && summary.best) {
    const change = summary.improvement === undefined ? '' : ` (${formatPercent(summary.improvement)} better)`;
    lines.push(
      `${primary.name}: baseline ${formatMetric(summary.baseline.value)} → best ${formatMetric(summary.best.value)}${change} at #${summary.best.experiment} (${summary.best.commit})`,
    );
  }
  const spend = llmSpend(result.outcomes.map((outcome) => outcome.record));
  if (spend.costUsd > 0 || spend.input > 0) lines.push(`llm spend: ${formatSpend(spend)}`);
  lines.push(
    `ledger: ${settings.results.dir}/results.tsv on ${result.branch}  (autoexp status · git log ${result.branch})`,
    '',
  );
  return lines.join('\n');
}

/**
 * The ref `status` and `report` read: the local branch, or origin's copy when there is no local one (the
 * Action ran it: `git fetch` is enough to see its results).
 */
async function statusRef(repo: Git, branch: string): Promise<string> {
  const local = `refs/heads/${branch}`;
  return (await repo.resolve(local)) !== undefined ? local : `refs/remotes/origin/${branch}`;
}

async function readBranchLedger(repo: Git, branch: string, dir: string, metricNames: string[]) {
  return readCommittedLedger(repo, await statusRef(repo, branch), dir, metricNames);
}

/** What `status` says about one program: the `--json` object and the text. */
async function programStatus(repo: Git, settings: Settings): Promise<{ json: StatusJson; text: string }> {
  const branch = branchName(settings.tag);
  const names = settings.metrics.map((metric) => metric.name);
  const ref = await statusRef(repo, branch);
  const dir = settings.results.dir;
  const ledger = await readCommittedLedger(repo, ref, dir, names);
  const rows = ledger?.rows ?? [];
  const summary = summarizeLedger(rows, settings.metrics);
  const spend = llmSpend(ledger ? await ledger.records() : []);
  const program = programStatusOf({
    settings,
    rows,
    state: parseProgramState(await repo.showFile(ref, `${dir}/${PROGRAM_FILE}`)),
    now: {
      configSha256: sha256(await readFile(settings.configPath, 'utf8').catch(() => '')),
      programSha256: sha256(settings.program?.text ?? ''),
    },
  });
  const lessonsText = await repo.showFile(ref, `${dir}/${LESSONS_FILE}`);
  const lessons = lessonsText
    ? {
        path: `${dir}/${LESSONS_FILE}`,
        lines: lessonsText.split('\n').filter((line) => line.trim() !== '').length,
      }
    : undefined;
  const input = {
    tag: settings.tag,
    branch,
    summary,
    rows,
    metrics: settings.metrics,
    spend,
    ...(program ? { program } : {}),
    ...(lessons ? { lessons } : {}),
  };
  const text = ledger
    ? renderStatus(input)
    : `autoexp: no experiments yet for "${settings.tag}" (no ${settings.results.dir}/results.tsv on ${branch}); run \`autoexp run\`\n`;
  return { json: statusJson(input), text };
}

export async function statusCommand(io: CliIO, options: { config: string; json: boolean }): Promise<number> {
  if (isConfigPattern(options.config)) return statusOfPrograms(io, options);
  const { settings, repo } = await loadProject(io, options.config);
  const status = await programStatus(repo, settings);
  io.stdout.write(options.json ? `${JSON.stringify(status.json, null, 2)}\n` : status.text);
  return 0;
}

/** `status --config 'autoexp/*.yml'`: one block per program (a JSON array), and which one runs next. */
async function statusOfPrograms(io: CliIO, options: { config: string; json: boolean }): Promise<number> {
  const { repo, choice } = await findPrograms(io, options.config);
  const statuses = await Promise.all(choice.programs.map((program) => programStatus(repo, program.settings)));
  if (options.json) {
    const list = choice.programs.map((program, index) => ({
      config: program.file,
      last_session: program.lastSession ?? null,
      next: index === choice.chosen,
      ...statuses[index]!.json,
    }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const blocks = choice.programs.map(
    (program, index) => `${program.file}: ${describeLastSession(choice, index)}\n${statuses[index]!.text}`,
  );
  io.stdout.write(`autoexp: ${describeChoice(choice, 'the next run takes')}\n\n${blocks.join('\n')}`);
  return 0;
}

export async function reportCommand(
  io: CliIO,
  options: { config: string; format: 'md' | 'html'; out?: string },
): Promise<number> {
  const { settings, repo } = await loadProject(io, options.config);
  const branch = branchName(settings.tag);
  const ledger = await readBranchLedger(
    repo,
    branch,
    settings.results.dir,
    settings.metrics.map((metric) => metric.name),
  );
  if (!ledger) throw new CliError(`no ledger on ${branch} yet; run \`autoexp run\` first`);
  const records = await ledger.records();
  const input = {
    tag: settings.tag,
    branch,
    base: settings.base,
    metrics: settings.metrics,
    rows: ledger.rows,
    records,
    costUsd: records.reduce((sum, record) => sum + (record.cost_usd ?? 0), 0),
  };
  // The HTML page carries uPlot (~50 KB): loaded only when asked for, not on every start of the CLI.
  const report =
    options.format === 'html'
      ? (await import('../report/html.js')).renderHtmlReport(input)
      : renderReport(input);
  if (options.out) {
    await writeFile(resolve(io.cwd, options.out), report);
    io.stdout.write(`autoexp: wrote ${options.out}\n`);
  } else {
    io.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
  }
  return 0;
}
