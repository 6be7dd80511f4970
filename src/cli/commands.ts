// The CLI's commands. Each returns the process exit code; errors that users cause are thrown as
// CliError and printed as one `autoexp: …` message by main.ts.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadSettings } from '../config/load.js';
import type { Settings } from '../config/settings.js';
import { Git } from '../git/git.js';
import { STATUSES } from '../ledger/types.js';
import { renderReport } from '../report/markdown.js';
import { renderStatus, statusJson } from '../report/status.js';
import { summarizeLedger } from '../report/summary.js';
import { bestRefName } from '../session/best.js';
import { describeStop } from '../session/budget.js';
import { readCommittedLedger } from '../session/branch-ledger.js';
import { branchName, runSession, type SessionResult } from '../session/session.js';
import type { Command } from './args.js';
import { createProgressPrinter } from './progress.js';
import { formatMetric, formatPercent } from '../report/format.js';

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

export async function loadProject(io: CliIO, configOption: string): Promise<Loaded> {
  const repo = Git.at(io.cwd);
  const description = await repo.describeRepository().catch(() => {
    throw new CliError(
      `${io.cwd} is not inside a git repository; autoexp keeps its state in git (run \`git init\` first)`,
    );
  });
  const settings = await loadSettings(resolve(io.cwd, configOption), description.topLevel);
  return { settings, topLevel: description.topLevel, currentBranch: description.branch, repo };
}

export type RunCommandOptions = Omit<Extract<Command, { name: 'run' }>, 'name'>;

export async function runCommand(
  io: CliIO,
  options: RunCommandOptions,
): Promise<{ exitCode: number; result?: SessionResult }> {
  if (options.track !== undefined) throw new CliError('--track is not supported yet');
  const { settings, topLevel, currentBranch } = await loadProject(io, options.config);
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
  const push = async (git: Git) => {
    const best = bestRefName(settings.tag);
    // The best pointer moves back when an explore step is followed by a better keep: force it.
    const refspecs = [`refs/heads/${branch}:refs/heads/${branch}`];
    if (await git.resolve(best)) refspecs.push(`+${best}:${best}`);
    const pushed = await git.push(options.remote, refspecs);
    if (pushed.exitCode !== 0)
      printer.notice?.(`push to ${options.remote} failed: ${pushed.stderr.trim().split('\n').pop()}`);
  };
  let result: SessionResult;
  try {
    result = await runSession({
      settings,
      checkout: topLevel,
      baseRef,
      remoteBranchRef: options.push ? `refs/remotes/${options.remote}/${branch}` : undefined,
      experiments: options.experiments,
      timeMs: options.timeMs,
      env: io.env,
      signal: io.signal,
      events: printer,
      afterRecord: options.push ? push : undefined,
    });
  } finally {
    printer.stop();
  }
  io.stdout.write(formatSessionSummary(settings, result));
  return { exitCode: result.stopReason === 'cancelled' ? 130 : 0, result };
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
  const stop =
    result.stopReason === 'merge-conflict'
      ? `merging base conflicts in ${result.conflicts.join(', ')}; resolve it on ${result.branch} and run again`
      : describeStop(result.stopReason, {
          experiments: result.outcomes.length,
          timeMs: settings.budget.timeMs,
          consecutiveCrashes: settings.budget.consecutiveCrashes,
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
  lines.push(
    `ledger: ${settings.results.dir}/results.tsv on ${result.branch}  (autoexp status · git log ${result.branch})`,
    '',
  );
  return lines.join('\n');
}

/**
 * The ledger on the local branch, or on origin's copy when there is no local one (the Action ran it:
 * `git fetch` is enough to see its results).
 */
async function readBranchLedger(repo: Git, branch: string, dir: string, metricNames: string[]) {
  const local = await readCommittedLedger(repo, `refs/heads/${branch}`, dir, metricNames);
  if (local || (await repo.resolve(`refs/heads/${branch}`))) return local;
  return readCommittedLedger(repo, `refs/remotes/origin/${branch}`, dir, metricNames);
}

export async function statusCommand(io: CliIO, options: { config: string; json: boolean }): Promise<number> {
  const { settings, repo } = await loadProject(io, options.config);
  const branch = branchName(settings.tag);
  const names = settings.metrics.map((metric) => metric.name);
  const ledger = await readBranchLedger(repo, branch, settings.results.dir, names);
  const rows = ledger?.rows ?? [];
  const summary = summarizeLedger(rows, settings.metrics);
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify(statusJson({ tag: settings.tag, branch, summary, rows, metrics: settings.metrics }), null, 2)}\n`,
    );
  } else if (!ledger) {
    io.stdout.write(
      `autoexp: no experiments yet for "${settings.tag}" (no ${settings.results.dir}/results.tsv on ${branch}); run \`autoexp run\`\n`,
    );
  } else {
    io.stdout.write(renderStatus({ tag: settings.tag, branch, summary, rows, metrics: settings.metrics }));
  }
  return 0;
}

export async function reportCommand(
  io: CliIO,
  options: { config: string; format: 'md' | 'html'; out?: string },
): Promise<number> {
  if (options.format === 'html')
    throw new CliError('report --format html is not supported yet; use --format md');
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
  const markdown = renderReport({
    tag: settings.tag,
    branch,
    base: settings.base,
    metrics: settings.metrics,
    rows: ledger.rows,
    records,
    costUsd: records.reduce((sum, record) => sum + (record.cost_usd ?? 0), 0),
  });
  if (options.out) {
    await writeFile(resolve(io.cwd, options.out), markdown);
    io.stdout.write(`autoexp: wrote ${options.out}\n`);
  } else {
    io.stdout.write(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  }
  return 0;
}
