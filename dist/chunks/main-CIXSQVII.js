#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  FinalizeError,
  buildFinalCommit,
  describeChange,
  pushFinalBranch,
  setLocalFinalBranch
} from "./chunk-W3HD27NY.js";
import {
  GitHubApiError,
  debug,
  error,
  gitHubContext,
  gitHubRepo,
  info,
  notice,
  publishPullRequest,
  pullRequestRows,
  sessionReportInput,
  setFailed,
  warning
} from "./chunk-CIE6CWGR.js";
import "./chunk-TXIX3HVT.js";
import {
  ConfigError,
  DEFAULT_API_KEY_ENV,
  Git,
  GitError,
  LedgerError,
  PROVIDERS,
  SetupError,
  WRITE_ACCESS,
  branchName,
  choosePrograms,
  chooseTrack,
  combineSettings,
  createReplayProposer,
  describeChoice,
  describeStop,
  durationProblem,
  expandConfigPattern,
  experimentsProblem,
  isConfigPattern,
  isHttpUrl,
  loadSettings,
  parseDuration,
  planCombine,
  readCommittedLedger,
  readCommittedLessons,
  runPushedSession,
  runSession,
  shellWords,
  startTrackBranch,
  trackNameProblem,
  withTrack
} from "./chunk-52OXQX7M.js";
import {
  getInput,
  setOutput,
  setSecret,
  summary
} from "./chunk-DITMHCEV.js";
import {
  RUNNER_FILE_VARIABLES
} from "./chunk-UA3XOMH2.js";
import "./chunk-KBKQDR6O.js";
import {
  renderHtmlReport
} from "./chunk-C4EONAWS.js";
import {
  STATUSES,
  TEXT_LIMITS,
  cleanBlock,
  cleanLine,
  formatMetric,
  formatSpend,
  llmSpend,
  markdownCell,
  markdownCode,
  renderReport,
  summarizeLedger
} from "./chunk-BN6DFJJ5.js";
import "./chunk-EWQXPLVQ.js";

// src/action/main.ts
import { dirname as dirname2, resolve } from "node:path";

// src/action/artifact.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var DASHBOARD_RETENTION_DAYS = 14;
function dashboardArtifactName(tag) {
  return `autoexp-${tag}-report`;
}
async function publishDashboard(report) {
  const name = dashboardArtifactName(report.tag);
  const run2 = runnerArtifactContext();
  if (typeof run2 === "string") {
    notice(`autoexp: the HTML dashboard is not uploaded: ${run2}.`);
    return void 0;
  }
  let folder;
  try {
    folder = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), "autoexp-dashboard-"));
    const file = join(folder, `${name}.html`);
    await writeFile(file, renderHtmlReport(report));
    const { DefaultArtifactClient } = await import("./artifact-O4RE3NNY.js");
    const { id } = await new DefaultArtifactClient().uploadArtifact(name, [file], folder, {
      retentionDays: retentionDays()
    });
    if (id === void 0) throw new Error("the artifact service returned no artifact id");
    return { name, url: `${run2.serverUrl}/${run2.repository}/actions/runs/${run2.runId}/artifacts/${id}` };
  } catch (error2) {
    const reason = (error2?.message ?? String(error2)).replace(/\s+/g, " ").trim();
    warning(`autoexp: the HTML dashboard could not be uploaded, so there is no link to it: ${reason}`);
    return void 0;
  } finally {
    if (folder) await rm(folder, { recursive: true, force: true }).catch(() => void 0);
  }
}
function retentionDays() {
  const limit = Number.parseInt(process.env.GITHUB_RETENTION_DAYS ?? "", 10);
  return limit > 0 ? Math.min(limit, DASHBOARD_RETENTION_DAYS) : DASHBOARD_RETENTION_DAYS;
}
function runnerArtifactContext() {
  const env = process.env;
  for (const name of ["ACTIONS_RUNTIME_TOKEN", "ACTIONS_RESULTS_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID"]) {
    if (!env[name]) return `${name} is not set (not running on a GitHub Actions runner?)`;
  }
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const host = URL.parse(serverUrl)?.hostname.toLowerCase() ?? serverUrl;
  if (host !== "github.com" && !host.endsWith(".ghe.com") && !host.endsWith(".localhost"))
    return `GitHub Enterprise Server (${host}) has no artifact service for it`;
  return { serverUrl, repository: env.GITHUB_REPOSITORY, runId: env.GITHUB_RUN_ID };
}

// src/action/inputs.ts
var InputError = class extends Error {
  name = "InputError";
};
function optional(name) {
  const value = getInput(name).trim();
  return value === "" || value.startsWith("${{") ? void 0 : value;
}
function flag(name, fallback) {
  const value = optional(name);
  if (value === void 0) return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new InputError(`input ${name}: "${value}" is not true or false`);
}
function readInputs() {
  const experimentsText = optional("experiments");
  let experiments;
  if (experimentsText !== void 0) {
    if (!/^[1-9][0-9]*$/.test(experimentsText)) {
      throw new InputError(`input experiments: "${experimentsText}" is not a whole number of 1 or more`);
    }
    experiments = Number(experimentsText);
    const tooMany = experimentsProblem(experiments);
    if (tooMany) throw new InputError(`input experiments: ${experimentsText} ${tooMany}`);
  }
  const timeText = optional("time-budget");
  let timeMs;
  if (timeText !== void 0) {
    timeMs = parseDuration(timeText);
    if (timeMs === void 0)
      throw new InputError(`input time-budget: "${timeText}" is not a duration (e.g. 90s, 5m, 1h30m)`);
    const tooLong = durationProblem(timeMs);
    if (tooLong) throw new InputError(`input time-budget: "${timeText}" ${tooLong}`);
  }
  const apiKey = optional("api-key");
  if (apiKey !== void 0) setSecret(apiKey);
  const githubToken = optional("github-token") ?? "";
  if (githubToken !== "") setSecret(githubToken);
  return {
    config: optional("config") ?? "autoexp.yml",
    experiments,
    timeMs,
    githubToken,
    apiKey,
    provider: optional("provider"),
    model: optional("model"),
    baseUrl: optional("base-url"),
    push: flag("push", true),
    createPr: flag("create-pr", true),
    track: optional("track"),
    combine: flag("combine", false),
    finalize: flag("finalize", false),
    tracks: [
      ...new Set(
        (optional("tracks") ?? "").split(/[\s,]+/).map((track) => track.trim()).filter(Boolean)
      )
    ]
  };
}
function inputProblems(inputs) {
  const problems = [];
  for (const [name, track] of [
    ...inputs.track === void 0 ? [] : [["track", inputs.track]],
    ...inputs.tracks.map((track2) => ["tracks", track2])
  ]) {
    const problem = trackNameProblem(track);
    if (problem) problems.push(`input ${name}: ${problem}`);
  }
  if (inputs.combine && inputs.tracks.length === 0)
    problems.push("input combine: true needs the tracks to combine, e.g. tracks: a,b,c");
  if (!inputs.combine && inputs.tracks.length > 0)
    problems.push("input tracks: is only read with combine: true");
  if (inputs.finalize && inputs.track !== void 0)
    problems.push(
      "inputs track and finalize: a track has no PR of its own; finalize in the job that combines the tracks"
    );
  if (inputs.finalize && !inputs.push)
    problems.push("input finalize: true pushes autoexp-final/<tag>, which push: false forbids");
  if (inputs.combine && inputs.track !== void 0)
    problems.push(
      "inputs track and combine: a run either explores one track or combines them; use two jobs (docs/workflows.md)"
    );
  return problems;
}
function withProposerInputs(settings, inputs) {
  const given = [
    ["provider", inputs.provider],
    ["model", inputs.model],
    ["base-url", inputs.baseUrl]
  ].filter(([, value]) => value !== void 0);
  if (given.length === 0) return settings;
  const proposer = settings.proposer;
  if (proposer.kind !== "llm") {
    throw new InputError(
      `input ${given[0][0]}: applies to proposer.kind llm, but ${settings.configPath} has kind ${proposer.kind}`
    );
  }
  const provider = inputs.provider ?? proposer.provider;
  if (!PROVIDERS.includes(provider)) {
    throw new InputError(`input provider: "${provider}" is not one of ${PROVIDERS.join(", ")}`);
  }
  if (inputs.baseUrl !== void 0 && !isHttpUrl(inputs.baseUrl)) {
    throw new InputError(`input base-url: "${inputs.baseUrl}" is not an http(s) URL`);
  }
  const typed = provider;
  const apiKeyEnv = proposer.apiKeyEnv === DEFAULT_API_KEY_ENV[proposer.provider] ? DEFAULT_API_KEY_ENV[typed] : proposer.apiKeyEnv;
  return {
    ...settings,
    proposer: {
      ...proposer,
      provider: typed,
      apiKeyEnv,
      model: inputs.model ?? proposer.model,
      ...inputs.baseUrl !== void 0 ? { baseUrl: inputs.baseUrl } : {}
    }
  };
}

// src/action/programs.ts
import { dirname } from "node:path";

// src/action/repository.ts
import { lstat, readFile, rm as rm2, stat, writeFile as writeFile2 } from "node:fs/promises";
import { isAbsolute, join as join2 } from "node:path";
var BOT_NAME = "github-actions[bot]";
var BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com";
function authEnvironment(serverUrl, token) {
  if (token === "") return {};
  const server = serverUrl.replace(/\/+$/, "");
  const host = new URL(server).host;
  const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
  const entries = [
    [`http.${server}/.extraheader`, `AUTHORIZATION: basic ${basic}`],
    // Both ways git writes an ssh address of the server (a multi-valued key: each entry adds one).
    [`url.${server}/.insteadOf`, `git@${host}:`],
    [`url.${server}/.insteadOf`, `ssh://git@${host}/`]
  ];
  const environment = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], index) => {
    environment[`GIT_CONFIG_KEY_${index}`] = key;
    environment[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return environment;
}
function sshKeyFiles(command, env = process.env) {
  const words = shellWords(command);
  const files = [];
  words.forEach((word, index) => {
    if (word === "-i" && words[index + 1]) files.push(words[index + 1]);
    else if (word.startsWith("-i") && word.length > 2) files.push(word.slice(2));
    const option = /^(?:-o)?IdentityFile[= ](.+)$/i.exec(word);
    if (option) files.push(option[1]);
    else if (word === "-o" && /^IdentityFile[= ]/i.test(words[index + 1] ?? ""))
      files.push(words[index + 1].replace(/^IdentityFile[= ]/i, ""));
  });
  const expand = (path) => path.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, braced, bare) => env[braced ?? bare] ?? "");
  return [...new Set(files.map(expand))].filter((path) => isAbsolute(path));
}
async function credentialEntries(git, commonDir) {
  const { dev, ino } = await stat(commonDir);
  const hidden = { entries: [], files: [], gitDir: { path: commonDir, dev, ino } };
  const hideFile = async (path, content) => {
    if (!hidden.files.some((file) => file.path === path))
      hidden.files.push({ path, content, mode: (await stat(path)).mode & 4095 });
  };
  for (const { key, value } of await git.localConfig()) {
    if (/^http\..*\.extraheader$/i.test(key)) hidden.entries.push({ key, value });
    else if (/^include(if\..*)?\.path$/i.test(key)) {
      const path = isAbsolute(value) ? value : join2(commonDir, value);
      const included = await readFile(path).catch(() => void 0);
      if (included === void 0 || !/extraheader/i.test(included.toString("utf8"))) continue;
      hidden.entries.push({ key, value });
      await hideFile(path, included);
    } else if (/^core\.sshcommand$/i.test(key)) {
      hidden.entries.push({ key, value });
      for (const path of sshKeyFiles(value)) {
        const found = await lstat(path).catch(() => void 0);
        if (found?.isFile()) await hideFile(path, await readFile(path));
      }
    }
  }
  return hidden;
}
async function hideCredentials(git, commonDir) {
  const hidden = await credentialEntries(git, commonDir);
  const keys = new Set(hidden.entries.map((entry) => entry.key));
  for (const key of keys) await git.unsetLocalConfig(key);
  for (const file of hidden.files) await rm2(file.path, { force: true });
  return hidden;
}
async function putBackCredentials(git, hidden) {
  for (const file2 of hidden.files) {
    await rm2(file2.path, { recursive: true, force: true });
    await writeFile2(file2.path, file2.content, { flag: "wx", mode: file2.mode });
  }
  if (hidden.entries.length === 0) return;
  const config = join2(hidden.gitDir.path, "config");
  const dir = await lstat(hidden.gitDir.path).catch(() => void 0);
  const file = await lstat(config).catch(() => void 0);
  if (!dir?.isDirectory() || dir.dev !== hidden.gitDir.dev || dir.ino !== hidden.gitDir.ino || !file?.isFile())
    throw new Error(
      `${hidden.gitDir.path} was replaced while autoexp ran, so the credentials actions/checkout left in its config were not put back. Later steps of this job that push need a new actions/checkout`
    );
  for (const entry of hidden.entries) await git.addConfigTo(config, entry.key, entry.value);
}
async function fetchExperimentBranches(plan) {
  const git = Git.at(plan.workspace);
  const { commonDir } = await git.describeRepository();
  const hidden = await hideCredentials(git, commonDir);
  try {
    const remote = git.withCredentials(authEnvironment(plan.serverUrl, plan.token));
    const fetched = await remote.fetch("origin", [
      "--prune",
      "+refs/heads/autoexp/*:refs/remotes/origin/autoexp/*"
    ]);
    return fetched.exitCode === 0 ? void 0 : fetched.stderr.trim() || `git fetch exited ${fetched.exitCode}`;
  } finally {
    await putBackCredentials(git, hidden);
  }
}
function missingBaseMessage(base, defaultBranch) {
  const fallback = defaultBranch === void 0 ? "" : ` (${defaultBranch})`;
  return `base branch "${base}" does not exist on origin; set "base" in autoexp.yml to an existing branch, or remove it to use origin's default branch${fallback}`;
}
async function lookAtRemote(remote, branches) {
  const heads = branches.map((branch) => `refs/heads/${branch}`);
  const result = await remote.lsRemote("origin", ["HEAD", ...heads]);
  if (result.exitCode !== 0) {
    throw new Error(
      `cannot reach origin: ${result.stderr.trim() || `git ls-remote exited ${result.exitCode}`}`
    );
  }
  const symref = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(result.stdout);
  return {
    defaultBranch: symref?.[1],
    has: (branch) => result.stdout.includes(`	refs/heads/${branch}
`)
  };
}
async function prepareRepository(plan) {
  const git = Git.at(plan.workspace);
  const { topLevel, commonDir } = await git.describeRepository();
  if (!await git.hasIdentity()) {
    await git.setLocalConfig("user.name", BOT_NAME);
    await git.setLocalConfig("user.email", BOT_EMAIL);
  }
  const hidden = await hideCredentials(git, commonDir);
  let restored = false;
  const restoreCredentials = async () => {
    if (restored) return;
    restored = true;
    await putBackCredentials(git, hidden);
  };
  try {
    const remote = git.withCredentials(authEnvironment(plan.serverUrl, plan.token));
    const alsoFetch = plan.alsoFetch ?? [];
    const configured = plan.configuredBase === void 0 ? [] : [plan.configuredBase];
    const seen = await lookAtRemote(remote, [plan.branch, ...alsoFetch, ...configured]);
    const hasBranch = seen.has(plan.branch);
    const base = plan.configuredBase ?? seen.defaultBranch;
    if (base === void 0)
      throw new Error('cannot tell the default branch of origin; set "base" in autoexp.yml');
    if (plan.configuredBase !== void 0 && !seen.has(base))
      throw new Error(missingBaseMessage(base, seen.defaultBranch));
    const refspecs = [`+refs/heads/${base}:refs/remotes/origin/${base}`];
    for (const branch of [plan.branch, ...alsoFetch].filter(seen.has))
      refspecs.push(`+refs/heads/${branch}:refs/remotes/origin/${branch}`);
    const shallow = await git.isShallow();
    const fetched = await remote.fetch("origin", shallow ? ["--unshallow", ...refspecs] : refspecs);
    if (fetched.exitCode !== 0) throw new Error(`git fetch from origin failed: ${fetched.stderr.trim()}`);
    if (hasBranch) {
      await git.setRef(`refs/heads/${plan.branch}`, `refs/remotes/origin/${plan.branch}`);
    }
    return {
      git,
      remote,
      topLevel,
      commonDir,
      base,
      baseRef: `origin/${base}`,
      branchOnRemote: hasBranch,
      restoreCredentials
    };
  } catch (error2) {
    await restoreCredentials();
    throw error2;
  }
}

// src/action/programs.ts
async function chooseProgramConfig(options) {
  const paths = await expandConfigPattern(options.pattern, options.workspace, "the config input");
  const repoRoot = await Git.at(dirname(paths[0])).describeRepository().then((repository) => repository.topLevel).catch(() => options.workspace);
  const failure = await fetchExperimentBranches({ ...options, workspace: repoRoot });
  if (failure !== void 0)
    warning(
      `autoexp: could not fetch the autoexp/* branches, so the choice of program may be off: ${failure}`
    );
  const choice = await choosePrograms({
    pattern: options.pattern,
    paths,
    repoRoot,
    git: Git.at(repoRoot),
    // Origin holds what earlier runs pushed; a local branch only matters when the fetch failed.
    refsFor: (tag) => [`refs/remotes/origin/${branchName(tag)}`, `refs/heads/${branchName(tag)}`]
  });
  info(`autoexp: ${describeChoice(choice)}`);
  return choice.programs[choice.chosen].path;
}

// src/action/summary.ts
var SUMMARY_LIMIT = 1024 * 1024 - 4096;
function renderRunSection(settings, result, pullRequest, base, notes = [], dashboard, ignoredComments = [], heldByBase = 0, final) {
  const counts = STATUSES.map(
    (status) => [status, result.outcomes.filter((o) => o.row.status === status).length]
  ).filter(([, count]) => count > 0).map(([status, count]) => `${count} ${status}`).join(", ");
  const stop = result.halt ? markdownCode(result.halt.message) : result.stopReason === "merge-conflict" ? `merging ${markdownCode(base)} conflicts in ${result.conflicts.map((path) => markdownCode(path, TEXT_LIMITS.fileName)).join(", ")}; resolve it on \`${branchName(settings.tag)}\` and the next run continues` : describeStop(result.stopReason, {
    experiments: result.outcomes.length,
    timeMs: settings.budget.timeMs,
    consecutiveCrashes: settings.budget.consecutiveCrashes,
    costUsd: settings.budget.costUsd
  });
  const lines = [
    "### This run",
    "",
    `- ${result.outcomes.length} experiment(s)${counts ? ` (${counts})` : ""}; ${stop}.`
  ];
  const spend = llmSpend(result.outcomes.map((outcome) => outcome.record));
  if (spend.costUsd > 0 || spend.input > 0) lines.push(`- LLM spend this run: ${formatSpend(spend)}.`);
  if (heldByBase > 0)
    lines.push(
      `- ${markdownCode(base)} already holds experiments #0\u2013#${heldByBase - 1} (an earlier summary PR was merged); the report below starts there.`
    );
  if (result.mergedBase)
    lines.push(`- ${markdownCode(base)} had moved: merged into the branch, incumbent re-measured.`);
  if (pullRequest.operation === "none")
    lines.push(`- No pull request: ${cleanLine(pullRequest.note ?? "nothing to show yet", 2e3)}.`);
  else lines.push(`- Pull request ${pullRequest.operation}: [#${pullRequest.number}](${pullRequest.url}).`);
  if (final) {
    const made = final.branch === void 0 ? "" : `\`${final.branch}\` is on origin; `;
    lines.push(
      final.pullRequest.operation === "none" ? `- Finalize: ${made}no pull request: ${cleanLine(final.pullRequest.note ?? "nothing to finalize", 2e3)}.` : `- Finalize: ${made}pull request ${final.pullRequest.operation}: [#${final.pullRequest.number}](${final.pullRequest.url}).`
    );
  }
  if (dashboard) lines.push(`- Dashboard: [${dashboard.name}](${dashboard.url}) (HTML, download and open)`);
  if (notes.length > 0) {
    lines.push(`- Reviewer notes handed to the proposer (${notes.length}):`);
    for (const note of notes) {
      const firstLine = cleanBlock(note.body, TEXT_LIMITS.noteBytes).trim().split("\n")[0] ?? "";
      lines.push(`  - [${markdownCode(note.author, 100)}](${note.url}): ${markdownCode(firstLine, 200)}`);
    }
  }
  if (ignoredComments.length > 0) lines.push(`- ${describeIgnored(ignoredComments, settings)}`);
  return lines.join("\n");
}
function describeIgnored(ignored, settings) {
  const count = ignored.length;
  const withoutWriteAccess = ignored.every(
    (comment) => !WRITE_ACCESS.includes(comment.association)
  );
  const who = withoutWriteAccess ? "people without write access" : `people outside \`pr.steer-from\` (${settings.pr.steerFrom.join(", ") || "nobody"})`;
  return `${count} ${count === 1 ? "comment" : "comments"} from ${who} ${count === 1 ? "was" : "were"} not shown to the proposer.`;
}
async function writeJobSummary(input) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const { settings, result } = input;
  const report = input.rows.length === 0 ? `## autoexp: \`${settings.tag}\`

No experiments recorded yet.` : renderReport(sessionReportInput(input));
  const text = `${renderRunSection(settings, result, input.pullRequest, input.base, input.notes, input.dashboard, input.ignoredComments, input.heldByBase, input.final)}

${report}`;
  await summary.addRaw(text.slice(0, SUMMARY_LIMIT), true).write();
}

// src/finalize/final-report.ts
function finalMarker(tag) {
  return `<!-- autoexp:final tag=${tag} -->`;
}
var LISTED_STEPS = 200;
function renderFinalBody(final, baseName) {
  const branch = branchName(final.tag);
  const metric = final.summary.primary.name;
  const files = final.files.slice(0, 50).map((path) => markdownCode(path, TEXT_LIMITS.fileName));
  const moreFiles = final.files.length > 50 ? ` and ${final.files.length - 50} more` : "";
  const lines = [
    finalMarker(final.tag),
    `## autoexp: \`${final.tag}\`, the winner`,
    "",
    `One commit on ${markdownCode(baseName)} with the changes of experiment ${final.best.experiment} on \`${branch}\` to the files in \`scope.modify\`: ${files.join(", ")}${moreFiles}. Nothing else: the ledger (results.tsv and the experiment log) stays on \`${branch}\`, whose summary PR shows every experiment.`,
    "",
    `**${markdownCode(metric)}**: ${describeChange("", final.summary.baseline?.value, final.best.value)} (baseline \u2192 this commit).`,
    "",
    "### Kept experiments in this commit",
    "",
    ...final.heldByBase === void 0 ? [] : [
      `${markdownCode(baseName)} holds the changes of experiment ${final.heldByBase} and the keeps before it already (its files in \`scope.modify\` are experiment ${final.heldByBase}'s, as after a merged final commit): this commit brings the keeps after it.`,
      ""
    ],
    `| experiment | status | ${markdownCell(metric)} | change | description |`,
    "|---:|---|---:|---|---|"
  ];
  for (const step of final.steps.slice(0, LISTED_STEPS)) {
    const value = step.to === void 0 ? "\u2014" : formatMetric(step.to);
    const change = describeChange("", step.from, step.to);
    lines.push(
      `| ${step.experiment} | ${step.status} | ${value} | ${change} | ${markdownCell(step.description, TEXT_LIMITS.description)} |`
    );
  }
  if (final.steps.length > LISTED_STEPS)
    lines.push("", `\u2026 and ${final.steps.length - LISTED_STEPS} more (results.tsv on \`${branch}\`).`);
  lines.push(
    "",
    `Made by \`autoexp finalize\`; the next run replaces this branch with the best experiment of the day while its head is still autoexp's own commit (commits pushed on top are never overwritten).`,
    ""
  );
  return lines.join("\n");
}

// src/action/finalize.ts
async function finalizeInAction(input) {
  const { repository, settings } = input;
  try {
    const outcome = await buildFinalCommit({
      git: repository.git,
      settings,
      branchRef: `refs/heads/${branchName(settings.tag)}`,
      baseRef: repository.baseRef,
      baseName: repository.base
    });
    if (outcome.kind === "nothing") return { pullRequest: { operation: "none", note: outcome.reason } };
    const { final } = outcome;
    const commit = await setLocalFinalBranch(repository.git, final);
    const pushed = await pushFinalBranch(repository.remote, "origin", final, commit);
    input.info(
      `autoexp: ${final.branch} ${pushed === "unchanged" ? "is unchanged" : pushed} on origin: ${final.title}`
    );
    if (!input.createPr)
      return { branch: final.branch, pullRequest: { operation: "none", note: "creating PRs is turned off" } };
    if (!input.github)
      return {
        branch: final.branch,
        pullRequest: { operation: "none", note: "no GitHub token or repository" }
      };
    const pullRequest = await input.github.upsertSummaryPullRequest({
      head: final.branch,
      base: repository.base,
      title: final.title,
      body: renderFinalBody(final, repository.base),
      draft: settings.pr.draft,
      labels: settings.pr.labels,
      reopen: settings.pr.reopen
    });
    return { branch: final.branch, pullRequest };
  } catch (error2) {
    if (!(error2 instanceof FinalizeError || error2 instanceof GitHubApiError)) throw error2;
    input.warn(`autoexp: finalize: ${error2.message}`);
    return { pullRequest: { operation: "none", note: error2.message } };
  }
}

// src/action/runner-files.ts
import { lstatSync, readFileSync, rmSync, writeFileSync } from "node:fs";
var COPY_LIMIT_BYTES = 16 * 1024 * 1024;
function snapshotRunnerFiles(env = process.env) {
  const snapshots = [];
  for (const variable of RUNNER_FILE_VARIABLES) {
    const path = env[variable];
    if (!path) continue;
    const stats = lstatSync(path, { throwIfNoEntry: false });
    if (stats === void 0) snapshots.push({ variable, path, kind: "absent" });
    else if (!stats.isFile())
      continue;
    else if (stats.size > COPY_LIMIT_BYTES)
      snapshots.push({ variable, path, kind: "size", size: stats.size });
    else snapshots.push({ variable, path, kind: "content", content: readFileSync(path) });
  }
  return {
    restore() {
      const check = { restored: [], failed: [] };
      for (const snapshot of snapshots) {
        try {
          if (putBack(snapshot)) check.restored.push(snapshot.variable);
        } catch (error2) {
          check.failed.push({ variable: snapshot.variable, error: error2.message });
        }
      }
      return check;
    }
  };
}
function putBack(snapshot) {
  const stats = lstatSync(snapshot.path, { throwIfNoEntry: false });
  if (snapshot.kind === "absent") {
    if (stats === void 0) return false;
    rmSync(snapshot.path, { recursive: true, force: true });
    return true;
  }
  const plain = stats?.isFile() === true && stats.nlink === 1;
  let content;
  if (snapshot.kind === "size") {
    if (plain && stats.size === snapshot.size) return false;
    if (!plain || stats.size < snapshot.size) throw new Error("it was replaced, and it was too big to copy");
    content = readFileSync(snapshot.path).subarray(0, snapshot.size);
  } else {
    if (plain && stats.size === snapshot.content.length && readFileSync(snapshot.path).equals(snapshot.content))
      return false;
    content = snapshot.content;
  }
  rmSync(snapshot.path, { recursive: true, force: true });
  writeFileSync(snapshot.path, content, { flag: "wx", mode: 420 });
  return true;
}

// src/action/main.ts
async function run() {
  const controller = new AbortController();
  const onSignal = (name) => {
    if (controller.signal.aborted) return;
    warning(`${name}: stopping the experiment in flight and saving what is finished`);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    await runAction(controller.signal);
  } catch (error2) {
    reportFailure(error2);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
async function runAction(signal) {
  const runnerFiles = snapshotRunnerFiles();
  const inputs = readInputs();
  const problems = inputProblems(inputs);
  if (problems.length > 0) throw new InputError(problems.join("\n"));
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const configPath = isConfigPattern(inputs.config) ? await chooseProgramConfig({
    workspace,
    pattern: inputs.config,
    serverUrl: process.env.GITHUB_SERVER_URL ?? "https://github.com",
    token: inputs.githubToken
  }) : resolve(workspace, inputs.config);
  const checkoutRoot = await Git.at(dirname2(configPath)).describeRepository().then((repository2) => repository2.topLevel).catch(() => workspace);
  const loaded = withProposerInputs(await loadSettings(configPath, checkoutRoot), inputs);
  const choice = inputs.combine ? { settings: loaded, tag: loaded.tag } : chooseTrack(loaded, inputs.track);
  const { track, tag } = choice;
  let settings = choice.settings;
  const branch = branchName(settings.tag);
  const tagBranch = branchName(tag);
  const trackBranches = inputs.tracks.map((name) => branchName(withTrack(loaded, name).tag));
  const repository = await prepareRepository({
    workspace: checkoutRoot,
    serverUrl: process.env.GITHUB_SERVER_URL ?? "https://github.com",
    token: inputs.githubToken,
    branch,
    configuredBase: settings.base,
    alsoFetch: inputs.combine ? trackBranches : track !== void 0 ? [tagBranch] : []
  });
  try {
    let replay;
    if (track !== void 0) {
      const startedFrom = await startTrackBranch(repository.git, {
        trackBranch: branch,
        trackRefs: [`refs/heads/${branch}`],
        tagRefs: [`refs/remotes/origin/${tagBranch}`]
      });
      if (startedFrom) info(`autoexp: new track ${branch} starts from ${tagBranch}`);
    }
    if (inputs.combine) {
      const plan = await planCombine({
        git: repository.git,
        settings,
        tracks: inputs.tracks,
        refsOf: (name) => [name === branch ? `refs/heads/${name}` : `refs/remotes/origin/${name}`]
      });
      for (const note of plan.notes) info(`autoexp: ${note}`);
      if (plan.queue.length === 0) {
        const earlier = plan.alreadyTried > 0 ? ` (${plan.alreadyTried} replayed by an earlier combine)` : "";
        await finishNothingToCombine(
          repository,
          settings,
          `nothing new to combine from ${inputs.tracks.join(", ")}${earlier}`
        );
        return;
      }
      info(
        `autoexp: replaying ${plan.queue.length} kept commit(s) onto ${branch}: ` + plan.queue.map((item) => `${item.track}#${item.experiment}`).join(", ")
      );
      settings = combineSettings(settings, plan.queue.length);
      replay = { proposer: createReplayProposer(plan.queue), experiments: plan.queue.length };
    }
    const context = gitHubContext(inputs.githubToken);
    const github = typeof context === "string" ? void 0 : gitHubRepo(context);
    const steering = track === void 0 ? await readSteering(github, repository, settings) : { notes: [] };
    const said = /* @__PURE__ */ new Set();
    const putBack2 = () => putBackRunnerFiles(runnerFiles, said);
    const run2 = (more) => runSession({
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
        experiment: (outcome2) => {
          putBack2();
          info(describeOutcome(outcome2, settings));
        },
        // One line: a file name's "\r" or newline in a notice must not start a line of its own.
        notice: (message) => info(`autoexp: ${cleanLine(message, Number.POSITIVE_INFINITY)}`),
        phase: (phase) => {
          putBack2();
          debug(`phase: ${JSON.stringify(phase)}`);
        }
      },
      ...more
    });
    const experiments = replay?.experiments ?? inputs.experiments;
    let outcome;
    try {
      outcome = inputs.push ? await runPushedSession({
        run: run2,
        settings,
        remote: repository.remote,
        remoteName: "origin",
        commonDir: repository.commonDir,
        experiments,
        timeMs: inputs.timeMs,
        goOnAfterRace: replay === void 0,
        signal,
        warn: (message) => warning(message),
        info: (message) => info(`autoexp: ${cleanLine(message, Number.POSITIVE_INFINITY)}`)
      }) : { result: await run2({ experiments, timeMs: inputs.timeMs }) };
    } finally {
      putBack2();
    }
    const { result } = outcome;
    const pushes = { failure: outcome.failure };
    const trackRun = track === void 0 ? void 0 : { tagBranch };
    await finish({ inputs, settings, repository, result, pushes, github, steering, trackRun });
  } finally {
    await repository.restoreCredentials();
  }
}
function putBackRunnerFiles(files, said) {
  const { restored, failed } = files.restore();
  for (const variable of restored) {
    if (said.has(variable)) continue;
    said.add(variable);
    warning(
      `autoexp: the proposer or the eval wrote to the runner's ${variable} file; autoexp put it back as it was before the session, so that nothing reaches the later steps of the job`
    );
  }
  for (const { variable, error: error2 } of failed) {
    if (said.has(`failed ${variable}`)) continue;
    said.add(`failed ${variable}`);
    setFailed(
      `autoexp: the proposer or the eval changed the runner's ${variable} file and autoexp could not put it back (${error2}); the step fails so that the job's later steps do not run with it`
    );
  }
}
function sessionEnvironment(inputs) {
  return inputs.apiKey === void 0 ? process.env : { ...process.env, AUTOEXP_API_KEY: inputs.apiKey };
}
function describeOutcome(outcome, settings) {
  const values = settings.metrics.map((metric) => outcome.row.metrics[metric.name]).map((value, index) => value === void 0 ? "" : `${settings.metrics[index].name}=${value}`).filter(Boolean).join(" ");
  const reason = cleanLine(outcome.record.reason, TEXT_LIMITS.reason);
  const description = cleanLine(outcome.row.description, TEXT_LIMITS.description);
  return `#${outcome.row.experiment} ${outcome.row.status} ${values || reason}  ${description}`;
}
async function readSteering(github, repository, settings) {
  if (!github) return { notes: [] };
  const branch = branchName(settings.tag);
  try {
    const pullRequest = await github.findSummaryPullRequest(branch, repository.base);
    if (pullRequest?.state !== "open") return { pullRequest, notes: [] };
    const ledger = repository.branchOnRemote ? await readCommittedLedger(
      repository.git,
      `refs/remotes/origin/${branch}`,
      settings.results.dir,
      settings.metrics.map((metric) => metric.name)
    ) : void 0;
    const since = (await ledger?.records())?.at(-1)?.timestamp;
    const comments = await github.reviewerNotes(pullRequest.number, since, [BOT_NAME], settings.pr.steerFrom);
    const { ignored } = comments;
    const { notes, resumeRequests } = splitResumeRequests(comments.notes);
    if (notes.length > 0)
      info(`autoexp: ${notes.length} reviewer note(s) on #${pullRequest.number} go to the proposer`);
    if (ignored.length > 0)
      info(
        `autoexp: ${ignored.length} comment(s) on #${pullRequest.number} from people outside pr.steer-from (${settings.pr.steerFrom.join(", ") || "nobody"}) are not shown to the proposer`
      );
    return { pullRequest, notes, ignored, resumeRequests };
  } catch (error2) {
    warning(`autoexp: could not read the reviewers' comments: ${error2.message}`);
    return { notes: [] };
  }
}
function splitResumeRequests(all) {
  const notes = [];
  const resumeRequests = [];
  for (const note of all) {
    if (note.kind === "comment" && /^\s*\/autoexp\s+resume\s*(?:\n|$)/i.test(note.body))
      resumeRequests.push({ author: note.author, createdAt: note.createdAt });
    else notes.push(note);
  }
  return { notes, resumeRequests };
}
async function finish(context) {
  const { inputs, settings, repository, result, pushes, github, steering, trackRun } = context;
  const branch = branchName(settings.tag);
  const ledger = await committedLedger(repository, settings);
  const rows = ledger?.rows ?? [];
  const records = ledger ? await ledger.records() : [];
  const lessons = await committedLessons(repository, settings);
  const sessionExperiments = result.outcomes.map((outcome) => outcome.row.experiment);
  const summary2 = summarizeLedger(rows, settings.metrics, { sessionExperiments });
  const dashboard = await uploadDashboard(settings, repository.base, rows, records, result);
  const shown = inputs.push ? await pullRequestRows({
    git: repository.git,
    settings,
    rows,
    baseRef: repository.baseRef,
    info: (message) => info(message)
  }) : { rows, held: 0 };
  let pullRequest = { operation: "none", note: "creating the PR is turned off" };
  const everKept = rows.some(
    (row) => row.experiment > 0 && (row.status === "keep" || row.status === "explore")
  );
  if (pushes.failure !== void 0) {
    pullRequest = { operation: "none", note: "the branch could not be pushed" };
  } else if (trackRun) {
    pullRequest = {
      operation: "none",
      note: `a track run opens none; a combine job (combine: true) replays its keeps onto \`${trackRun.tagBranch}\` and opens or updates that PR`
    };
  } else if (!inputs.push) {
    pullRequest = { operation: "none", note: "pushing is turned off (input push: false)" };
  } else if (!everKept) {
    pullRequest = { operation: "none", note: "no experiment has been kept yet" };
  } else if (inputs.createPr && settings.pr.enabled) {
    pullRequest = github ? await publishPullRequest({
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
      lessons
    }) : { operation: "none", note: String(gitHubContext(inputs.githubToken)) };
  }
  const final = await finalizeAfterSession(
    context,
    pushes.failure !== void 0 ? "the branch could not be pushed" : everKept ? void 0 : "nothing is kept on the branch yet"
  );
  if (result.conflicts.length > 0) {
    warning(
      `merging ${repository.base} into ${branch} conflicts in ${result.conflicts.join(", ")}; no experiments ran. Merge ${repository.base} into ${branch} by hand (or delete the branch to start over).`,
      { title: "autoexp: base conflicts" }
    );
    if (github && steering.pullRequest?.state === "open") {
      const files = result.conflicts.map((path) => `\`${path}\``).join(", ");
      await github.commentOnPullRequest(
        steering.pullRequest.number,
        `autoexp could not merge \`${repository.base}\` into \`${branch}\` (${files} conflict), so no experiments ran. Merge \`${repository.base}\` into \`${branch}\` by hand and the next run continues.`
      ).catch((error2) => warning(`autoexp: could not comment on the PR: ${error2.message}`));
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
    final
  });
  if (result.halt) {
    notice(`autoexp: ${result.halt.message}`, {
      title: result.halt.kind === "target-reached" ? "autoexp: target reached" : "autoexp: paused"
    });
  }
  const kept = result.outcomes.filter((outcome) => outcome.row.status === "keep").length;
  setOutput("branch", branch);
  setOutput("experiments", String(result.outcomes.length));
  setOutput("kept", String(kept));
  setOutput("baseline", summary2.baseline === void 0 ? "" : String(summary2.baseline.value));
  setOutput("best", summary2.best === void 0 ? "" : String(summary2.best.value));
  setOutput(
    "improvement",
    summary2.improvement === void 0 ? "" : String(Number(summary2.improvement.toFixed(6)))
  );
  setOutput("pull-request-number", pullRequest.number === void 0 ? "" : String(pullRequest.number));
  setOutput("pull-request-url", pullRequest.url ?? "");
  setOutput("pull-request-operation", pullRequest.operation);
  setOutput("stopped", result.halt?.kind ?? "");
  setOutput("final-branch", final?.branch ?? "");
  setOutput(
    "final-pull-request-number",
    final?.pullRequest.number === void 0 ? "" : String(final.pullRequest.number)
  );
  setOutput("final-pull-request-url", final?.pullRequest.url ?? "");
  if (pushes.failure !== void 0) {
    setFailed(
      `autoexp: pushing ${branch} to origin failed: ${pushes.failure}. The github-token needs "contents: write" (permissions in the workflow), and no branch protection rule or ruleset may cover ${branch}. The experiments up to the failure are committed on the local branch.`
    );
  }
}
async function finalizeAfterSession(context, notReady) {
  const { inputs, settings, repository, github, trackRun } = context;
  if (!inputs.finalize || trackRun) return void 0;
  if (notReady !== void 0) return { pullRequest: { operation: "none", note: notReady } };
  return finalizeInAction({
    repository,
    settings,
    github,
    createPr: inputs.createPr && settings.pr.enabled,
    warn: (message) => warning(message),
    info: (message) => info(message)
  });
}
async function finishNothingToCombine(repository, settings, message) {
  info(`autoexp: ${message}`);
  const branch = branchName(settings.tag);
  const ledger = await committedLedger(repository, settings);
  const summary2 = summarizeLedger(ledger?.rows ?? [], settings.metrics);
  const outputs = {
    branch,
    experiments: "0",
    kept: "0",
    baseline: summary2.baseline === void 0 ? "" : String(summary2.baseline.value),
    best: summary2.best === void 0 ? "" : String(summary2.best.value),
    improvement: summary2.improvement === void 0 ? "" : String(Number(summary2.improvement.toFixed(6))),
    "pull-request-number": "",
    "pull-request-url": "",
    "pull-request-operation": "none"
  };
  outputs.stopped = "";
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
  if (process.env.GITHUB_STEP_SUMMARY)
    await summary.addRaw(`## autoexp: combine onto \`${branch}\`

${message}.
`, true).write();
}
async function uploadDashboard(settings, base, rows, records, result) {
  if (rows.length === 0 || result.stopReason === "cancelled") return void 0;
  if (result.halt && result.outcomes.length === 0) return void 0;
  return publishDashboard(sessionReportInput({ settings, base, rows, records, result }));
}
function reportFailure(error2) {
  if (error2 instanceof ConfigError) {
    for (const problem of error2.problems) {
      error(`${problem.keyPath ? `${problem.keyPath}: ` : ""}${problem.message}`, {
        title: "autoexp config",
        file: error2.file,
        startLine: problem.line,
        startColumn: problem.column
      });
    }
    setFailed(`autoexp: ${error2.message}`);
    return;
  }
  if (error2 instanceof InputError || error2 instanceof LedgerError || error2 instanceof SetupError || error2 instanceof GitError) {
    setFailed(`autoexp: ${error2.message}`);
    return;
  }
  setFailed(`autoexp: ${error2?.message ?? String(error2)}`);
  if (error2 instanceof Error && error2.stack) debug(error2.stack);
}
function committedLessons(repository, settings) {
  return readCommittedLessons(
    repository.git,
    `refs/heads/${branchName(settings.tag)}`,
    settings.results.dir
  ).catch(() => void 0);
}
function committedLedger(repository, settings) {
  return readCommittedLedger(
    repository.git,
    `refs/heads/${branchName(settings.tag)}`,
    settings.results.dir,
    settings.metrics.map((metric) => metric.name)
  );
}
export {
  run,
  splitResumeRequests
};
