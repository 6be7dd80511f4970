#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  chooseBase
} from "./chunk-G2FXP6YK.js";
import {
  CliError,
  loadProject
} from "./chunk-TU6LWZVU.js";
import {
  GitHubApiError,
  gitHubRepo,
  summaryPullRequest
} from "./chunk-CIE6CWGR.js";
import {
  branchName,
  readCommittedLedger,
  readCommittedLessons,
  runnerText
} from "./chunk-52OXQX7M.js";
import "./chunk-DITMHCEV.js";
import "./chunk-UA3XOMH2.js";
import "./chunk-KBKQDR6O.js";
import "./chunk-BN6DFJJ5.js";
import "./chunk-EWQXPLVQ.js";

// src/cli/github-remote.ts
import { execFile } from "node:child_process";
var NOT_GITHUB = /(^|\.)(gitlab\.com|bitbucket\.org|codeberg\.org|dev\.azure\.com|visualstudio\.com)$/i;
function apiUrlFor(host) {
  const name = host.toLowerCase();
  if (name === "github.com" || name === "www.github.com") return "https://api.github.com";
  if (name.endsWith(".ghe.com")) return `https://api.${name}`;
  return `https://${host}/api/v3`;
}
function parseGitHubRemote(url) {
  const text = url.trim();
  let host;
  let path;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(text);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let parsed;
    try {
      parsed = new URL(text);
    } catch {
      return void 0;
    }
    if (!["https:", "http:", "ssh:", "git:", "git+ssh:", "ssh+git:"].includes(parsed.protocol))
      return void 0;
    host = parsed.hostname;
    path = decodeURIComponent(parsed.pathname);
  } else if (scp && !/^[a-z]:\\/i.test(text)) {
    host = scp[1];
    path = scp[2];
  } else {
    return void 0;
  }
  if (host.toLowerCase() === "ssh.github.com") host = "github.com";
  if (host === "" || NOT_GITHUB.test(host)) return void 0;
  const parts = path.replace(/^\/+|\/+$/g, "").replace(/\.git$/, "").split("/");
  if (parts.length !== 2 || parts.some((part) => !/^[A-Za-z0-9_.-]+$/.test(part))) return void 0;
  const [owner, repo] = parts;
  return { host, owner, repo, apiUrl: apiUrlFor(host) };
}
async function findGitHubToken(env, host) {
  const fromEnv = env.GITHUB_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  return new Promise((resolve) => {
    execFile(
      "gh",
      ["auth", "token", "--hostname", host],
      { env, timeout: 15e3, encoding: "utf8" },
      (error, stdout) => resolve(error ? void 0 : stdout.trim() || void 0)
    );
  });
}

// src/cli/pull-request.ts
var REMOTE = "origin";
async function originUrl(repo) {
  const entries = await repo.localConfig();
  return entries.findLast((entry) => entry.key === `remote.${REMOTE}.url`)?.value;
}
async function prCommand(io, options) {
  const { settings, repo, currentBranch } = await loadProject(io, options.config);
  const url = await originUrl(repo);
  if (url === void 0)
    throw new CliError(
      'this repository has no remote "origin": autoexp pr opens the PR on the GitHub repository origin names (git remote add origin https://github.com/OWNER/REPO.git)'
    );
  const github = parseGitHubRemote(url);
  if (github === void 0)
    throw new CliError(
      `origin is ${url}, which is not a GitHub repository URL (https://HOST/OWNER/REPO or git@HOST:OWNER/REPO); autoexp pr works with GitHub and GitHub Enterprise`
    );
  const apiUrl = io.env.GITHUB_API_URL?.trim() || github.apiUrl;
  const token = await findGitHubToken(io.env, github.host);
  if (token === void 0)
    throw new CliError(
      `no GitHub token for ${github.host}: set GITHUB_TOKEN (a token with contents: read and pull-requests: write), or log in with the GitHub CLI (gh auth login)`
    );
  const base = chooseBase(settings, currentBranch);
  const branch = branchName(settings.tag);
  const seen = await repo.lsRemote(REMOTE, [`refs/heads/${branch}`, `refs/heads/${base}`]);
  if (seen.exitCode !== 0)
    throw new CliError(
      `cannot reach origin: ${seen.stderr.trim() || `git ls-remote exited ${seen.exitCode}`}`
    );
  const has = (name) => seen.stdout.includes(`	refs/heads/${name}
`);
  if (!has(branch))
    throw new CliError(
      `${branch} is not on origin, and a PR needs it there: push it first (autoexp run --push, or git push origin ${branch})`
    );
  if (!has(base))
    throw new CliError(`the base ${base} is not on origin; push it, or set "base" in autoexp.yml`);
  const fetched = await repo.fetch(REMOTE, [
    `+refs/heads/${branch}:refs/remotes/${REMOTE}/${branch}`,
    `+refs/heads/${base}:refs/remotes/${REMOTE}/${base}`
  ]);
  if (fetched.exitCode !== 0) throw new CliError(`git fetch from origin failed: ${fetched.stderr.trim()}`);
  const remoteRef = `refs/remotes/${REMOTE}/${branch}`;
  const local = await repo.resolve(`refs/heads/${branch}`);
  if (local !== void 0 && local !== await repo.resolve(remoteRef) && !await repo.isAncestor(local, remoteRef))
    io.stdout.write(
      `autoexp: your ${branch} has commits origin does not; the PR shows origin's (git push origin ${branch} first to include them)
`
    );
  const ledger = await readCommittedLedger(
    repo,
    remoteRef,
    settings.results.dir,
    settings.metrics.map((metric) => metric.name)
  );
  if (!ledger) throw new CliError(`no ledger on origin's ${branch}; run \`autoexp run --push\` first`);
  if (!ledger.rows.some((row) => row.experiment > 0 && (row.status === "keep" || row.status === "explore"))) {
    io.stdout.write(
      `autoexp: no experiment on ${branch} has been kept yet, so there is nothing to propose: no PR
`
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
    lessons: await readCommittedLessons(repo, remoteRef, settings.results.dir),
    info: (message) => io.stdout.write(`${runnerText(message)}
`)
  });
  const client = gitHubRepo(
    { token, apiUrl, repository: `${github.owner}/${github.repo}` },
    (message) => io.stderr.write(`${runnerText(`autoexp: GitHub API: ${message}`)}
`)
  );
  try {
    const result = await client.upsertSummaryPullRequest(pull);
    if (result.operation === "none")
      io.stdout.write(`${runnerText(`autoexp: no PR: ${result.note ?? ""}`)}
`);
    else {
      io.stdout.write(`autoexp: ${result.operation} #${result.number}: ${result.url}
`);
      if (result.note) io.stdout.write(`${runnerText(`autoexp: ${result.note}`)}
`);
    }
    return 0;
  } catch (error) {
    if (error instanceof GitHubApiError) throw new CliError(error.message);
    throw error;
  }
}
export {
  prCommand
};
