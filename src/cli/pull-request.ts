// `autoexp pr`: the summary PR, opened or updated from a user's machine, with the same title and body the
// Action gives it (summaryPullRequest) and through the same client (src/action/github.ts). The PR shows
// what origin has: autoexp/<tag> must be pushed.
import { GitHubApiError } from '../action/github.js';
import { gitHubRepo, summaryPullRequest } from '../action/pull-request.js';
import type { Git } from '../git/git.js';
import { readCommittedLedger } from '../session/branch-ledger.js';
import { branchName } from '../session/recorder.js';
import { runnerText } from '../text/workflow-log.js';
import { chooseBase } from './base-branch.js';
import { CliError, loadProject, type CliIO } from './commands.js';
import { findGitHubToken, parseGitHubRemote } from './github-remote.js';

const REMOTE = 'origin';

/** origin's URL as configured (not as `url.*.insteadOf` rewrites it: that is where git goes, not GitHub). */
async function originUrl(repo: Git): Promise<string | undefined> {
  const entries = await repo.localConfig();
  return entries.findLast((entry) => entry.key === `remote.${REMOTE}.url`)?.value;
}

export async function prCommand(io: CliIO, options: { config: string }): Promise<number> {
  const { settings, repo, currentBranch } = await loadProject(io, options.config);
  const url = await originUrl(repo);
  if (url === undefined)
    throw new CliError(
      'this repository has no remote "origin": autoexp pr opens the PR on the GitHub repository origin names ' +
        '(git remote add origin https://github.com/OWNER/REPO.git)',
    );
  const github = parseGitHubRemote(url);
  if (github === undefined)
    throw new CliError(
      `origin is ${url}, which is not a GitHub repository URL (https://HOST/OWNER/REPO or git@HOST:OWNER/REPO); ` +
        'autoexp pr works with GitHub and GitHub Enterprise',
    );
  const apiUrl = io.env.GITHUB_API_URL?.trim() || github.apiUrl;
  const token = await findGitHubToken(io.env, github.host);
  if (token === undefined)
    throw new CliError(
      `no GitHub token for ${github.host}: set GITHUB_TOKEN (a token with contents: read and ` +
        'pull-requests: write), or log in with the GitHub CLI (gh auth login)',
    );
  const base = chooseBase(settings, currentBranch);
  const branch = branchName(settings.tag);

  // The PR shows origin's copy of the branch, against origin's base.
  const seen = await repo.lsRemote(REMOTE, [`refs/heads/${branch}`, `refs/heads/${base}`]);
  if (seen.exitCode !== 0)
    throw new CliError(
      `cannot reach origin: ${seen.stderr.trim() || `git ls-remote exited ${seen.exitCode}`}`,
    );
  const has = (name: string) => seen.stdout.includes(`\trefs/heads/${name}\n`);
  if (!has(branch))
    throw new CliError(
      `${branch} is not on origin, and a PR needs it there: push it first (autoexp run --push, or ` +
        `git push origin ${branch})`,
    );
  if (!has(base))
    throw new CliError(`the base ${base} is not on origin; push it, or set "base" in autoexp.yml`);
  const fetched = await repo.fetch(REMOTE, [
    `+refs/heads/${branch}:refs/remotes/${REMOTE}/${branch}`,
    `+refs/heads/${base}:refs/remotes/${REMOTE}/${base}`,
  ]);
  if (fetched.exitCode !== 0) throw new CliError(`git fetch from origin failed: ${fetched.stderr.trim()}`);
  const remoteRef = `refs/remotes/${REMOTE}/${branch}`;
  const local = await repo.resolve(`refs/heads/${branch}`);
  if (
    local !== undefined &&
    local !== (await repo.resolve(remoteRef)) &&
    !(await repo.isAncestor(local, remoteRef))
  )
    io.stdout.write(
      `autoexp: your ${branch} has commits origin does not; the PR shows origin's (git push origin ${branch} first to include them)\n`,
    );

  const ledger = await readCommittedLedger(
    repo,
    remoteRef,
    settings.results.dir,
    settings.metrics.map((metric) => metric.name),
  );
  if (!ledger) throw new CliError(`no ledger on origin's ${branch}; run \`autoexp run --push\` first`);
  if (!ledger.rows.some((row) => row.experiment > 0 && (row.status === 'keep' || row.status === 'explore'))) {
    io.stdout.write(
      `autoexp: no experiment on ${branch} has been kept yet, so there is nothing to propose: no PR\n`,
    );
    return 0;
  }
  const pull = await summaryPullRequest({
    git: repo,
    settings,
    base,
    baseRef: `refs/remotes/${REMOTE}/${base}`,
    rows: ledger.rows,
    records: await ledger.records(),
    info: (message) => io.stdout.write(`${runnerText(message)}\n`),
  });
  const client = gitHubRepo({ token, apiUrl, repository: `${github.owner}/${github.repo}` }, (message) =>
    io.stderr.write(`${runnerText(`autoexp: GitHub API: ${message}`)}\n`),
  );
  try {
    const result = await client.upsertSummaryPullRequest(pull);
    if (result.operation === 'none')
      io.stdout.write(`${runnerText(`autoexp: no PR: ${result.note ?? ''}`)}\n`);
    else {
      io.stdout.write(`autoexp: ${result.operation} #${result.number}: ${result.url}\n`);
      if (result.note) io.stdout.write(`${runnerText(`autoexp: ${result.note}`)}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof GitHubApiError) throw new CliError(error.message);
    throw error;
  }
}
