// The HTML dashboard as a workflow artifact: written to a temp folder, uploaded with @actions/artifact,
// linked from the job summary and the PR body. The experiments are pushed before this runs, so a missing
// artifact service or a failed upload only costs the link: a notice or a warning, never a failed step.
import * as log from './log.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHtmlReport } from '../report/html.js';
import type { ReportInput } from '../report/markdown.js';

/** Each run uploads a fresh dashboard and the PR links the newest, so old ones need not live long. */
export const DASHBOARD_RETENTION_DAYS = 14;

export interface Dashboard {
  /** The artifact's name, e.g. `autoexp-quad-report`. */
  name: string;
  /** Its page on GitHub (download as a zip). */
  url: string;
}

/** Unique per run as long as one job runs one tag (tags only use characters artifact names allow). */
export function dashboardArtifactName(tag: string): string {
  return `autoexp-${tag}-report`;
}

/** Uploads the dashboard; undefined (after saying why) when there is no artifact service or it failed. */
export async function publishDashboard(report: ReportInput): Promise<Dashboard | undefined> {
  const name = dashboardArtifactName(report.tag);
  const run = runnerArtifactContext();
  if (typeof run === 'string') {
    log.notice(`autoexp: the HTML dashboard is not uploaded: ${run}.`);
    return undefined;
  }
  let folder: string | undefined;
  try {
    folder = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'autoexp-dashboard-'));
    const file = join(folder, `${name}.html`);
    await writeFile(file, renderHtmlReport(report));
    // Imported here only, so that the artifact client and its Azure SDK (most of dist/) sit in a chunk
    // of their own that is read when a dashboard is uploaded, not at every start.
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const { id } = await new DefaultArtifactClient().uploadArtifact(name, [file], folder, {
      retentionDays: retentionDays(),
    });
    if (id === undefined) throw new Error('the artifact service returned no artifact id');
    return { name, url: `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}/artifacts/${id}` };
  } catch (error) {
    const reason = ((error as Error)?.message ?? String(error)).replace(/\s+/g, ' ').trim();
    log.warning(`autoexp: the HTML dashboard could not be uploaded, so there is no link to it: ${reason}`);
    return undefined;
  } finally {
    if (folder) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Ours, or the repository's limit when that is shorter (asking for more makes the client warn). */
function retentionDays(): number {
  const limit = Number.parseInt(process.env.GITHUB_RETENTION_DAYS ?? '', 10);
  return limit > 0 ? Math.min(limit, DASHBOARD_RETENTION_DAYS) : DASHBOARD_RETENTION_DAYS;
}

interface RunnerArtifactContext {
  serverUrl: string;
  repository: string;
  runId: string;
}

/** What the link needs and the artifact client reads, or why this is not a runner that has them. */
function runnerArtifactContext(): RunnerArtifactContext | string {
  const env = process.env;
  for (const name of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_REPOSITORY', 'GITHUB_RUN_ID']) {
    if (!env[name]) return `${name} is not set (not running on a GitHub Actions runner?)`;
  }
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  // The artifact service of @actions/artifact v2 and later exists on github.com and GHE.com only.
  const host = URL.parse(serverUrl)?.hostname.toLowerCase() ?? serverUrl;
  if (host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost'))
    return `GitHub Enterprise Server (${host}) has no artifact service for it`;
  return { serverUrl, repository: env.GITHUB_REPOSITORY!, runId: env.GITHUB_RUN_ID! };
}
