#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  Git,
  GitError,
  PROGRAM_FILE,
  branchName,
  choosePrograms,
  chooseTrack,
  combineSettings,
  createReplayProposer,
  describeChoice,
  describeLastSession,
  describeStop,
  escapeRunnerLine,
  expandConfigPattern,
  isConfigPattern,
  loadSettings,
  parseProgramState,
  planCombine,
  programStatus,
  readCommittedLedger,
  runPushedSession,
  runSession,
  runnerText,
  sha256,
  startTrackBranch
} from "./chunk-52OXQX7M.js";
import {
  LESSONS_FILE,
  STATUSES,
  TEXT_LIMITS,
  cleanLine,
  formatMetric,
  formatPercent,
  formatSpend,
  formatUsd,
  goalArrow,
  llmSpend,
  renderReport,
  summarizeLedger
} from "./chunk-BN6DFJJ5.js";

// src/cli/commands.ts
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";

// src/report/status.ts
var DEFAULT_LAST_ROWS = 10;
function statusJson(input) {
  const { summary } = input;
  return {
    tag: input.tag,
    branch: input.branch,
    experiments: summary.total,
    counts: { ...summary.counts },
    baseline: summary.baseline === void 0 ? null : { ...summary.baseline },
    best: summary.best === void 0 ? null : { ...summary.best },
    improvement: summary.improvement ?? null,
    spend: {
      cost_usd: input.spend?.costUsd ?? 0,
      tokens: {
        input: input.spend?.input ?? 0,
        output: input.spend?.output ?? 0,
        cache_read: input.spend?.cacheRead ?? 0
      }
    },
    program: input.program ? { state: input.program.state, message: input.program.message } : null,
    last: lastRows(input).map((row) => ({
      experiment: row.experiment,
      commit: row.commit,
      status: row.status,
      metrics: Object.fromEntries(
        input.metrics.map((metric) => [metric.name, row.metrics[metric.name] ?? null])
      ),
      description: cleanLine(row.description, TEXT_LIMITS.description)
    }))
  };
}
function renderStatus(input) {
  const { summary, metrics } = input;
  const { primary, baseline, best } = summary;
  const counted = STATUSES.filter((status) => summary.counts[status] > 0).map((status) => `${summary.counts[status]} ${status}`).join(", ");
  const lines = [
    `autoexp status: ${input.tag} on ${input.branch}`,
    `experiments: ${summary.total}${counted === "" ? "" : ` (${counted})`}`
  ];
  const label = `${primary.name} ${goalArrow(primary.goal)}`;
  lines.push(
    `baseline:    ${baseline === void 0 ? "none yet" : `${label} ${formatMetric(baseline.value)} (#${baseline.experiment})`}`
  );
  if (best !== void 0)
    lines.push(
      `best:        ${label} ${formatMetric(best.value)} (#${best.experiment}, ${cleanLine(best.commit, 40)})`
    );
  if (summary.improvement !== void 0)
    lines.push(`improvement: ${formatPercent(summary.improvement)} (in the goal's direction)`);
  if (input.spend && (input.spend.costUsd > 0 || input.spend.input > 0))
    lines.push(`llm spend:   ${formatSpend(input.spend)}`);
  if (input.program) lines.push(`program:     ${cleanLine(input.program.message, 400)}`);
  if (input.lessons && input.lessons.lines > 0)
    lines.push(`lessons:     ${input.lessons.lines} lines in ${cleanLine(input.lessons.path, 200)}`);
  const shown = lastRows(input);
  if (shown.length > 0) {
    lines.push("", `last ${shown.length}:`);
    const table = shown.map((row) => [
      `#${row.experiment}`,
      row.status,
      cleanLine(row.commit, 40),
      metrics.map((metric) => {
        const value = row.metrics[metric.name];
        return `${metric.name}=${value === void 0 ? "-" : formatMetric(value)}`;
      }).join(" "),
      cleanLine(row.description, TEXT_LIMITS.description)
    ]);
    lines.push(...alignColumns(table).map((line) => `  ${line}`));
  }
  return `${lines.map(escapeRunnerLine).join("\n")}
`;
}
function lastRows(input) {
  const count = Math.max(0, input.lastN ?? DEFAULT_LAST_ROWS);
  return count === 0 ? [] : input.rows.slice(-count);
}
function alignColumns(table) {
  const widths = [];
  for (const cells of table)
    cells.forEach((cell, index) => widths[index] = Math.max(widths[index] ?? 0, cell.length));
  return table.map(
    (cells) => cells.map((cell, index) => index === cells.length - 1 ? cell : cell.padEnd(widths[index])).join("  ").trimEnd()
  );
}

// src/cli/progress.ts
function formatSeconds(seconds) {
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`;
}
function clock(ms) {
  const total = Math.floor(ms / 1e3);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor(total % 3600 / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(hours > 0 ? 2 : 1, "0");
  return `${hours > 0 ? `${hours}:` : ""}${mm}:${String(seconds).padStart(2, "0")}`;
}
function formatExperimentLine(outcome, metrics) {
  const { row } = outcome;
  const reason = cleanLine(outcome.record.reason, TEXT_LIMITS.reason);
  const record = { ...outcome.record, reason };
  const primary = metrics[0];
  const label = row.experiment === 0 && record.reason === "baseline" ? "baseline" : row.status;
  let result;
  const value = row.metrics[primary.name];
  if (value !== void 0) {
    const before = outcome.incumbent[primary.name];
    const change = before !== void 0 && before !== 0 && label !== "baseline" ? ` (${formatPercent((value - before) / Math.abs(before))})` : "";
    const others = metrics.slice(1).map(
      (metric) => row.metrics[metric.name] === void 0 ? "" : ` ${metric.name}=${formatMetric(row.metrics[metric.name])}`
    ).join("");
    result = `${primary.name}=${formatMetric(value)}${change}${others}`;
  } else {
    result = record.reason;
  }
  const unusual = !/^(improved|not better|baseline)/.test(record.reason);
  const why = value !== void 0 && unusual ? ` [${record.reason}]` : "";
  const number = `#${row.experiment}`.padEnd(3);
  const cost = record.cost_usd > 0 ? `  ${formatUsd(record.cost_usd)}` : "";
  const description = cleanLine(row.description, TEXT_LIMITS.description);
  return escapeRunnerLine(
    `${number} ${label.padEnd(8)} ${result}${why}  ${formatSeconds(record.wall_time_s)}${cost}  ${description}`
  );
}
function describePhase(phase) {
  switch (phase.kind) {
    case "setup":
      return "running eval.setup";
    case "incumbent":
      return "measuring the incumbent";
    case "proposing":
      return `#${phase.experiment} proposing`;
    case "measuring":
      if (phase.repeats <= 1) return `#${phase.experiment} measuring`;
      return phase.run === void 0 ? `#${phase.experiment} measuring (${phase.repeats} runs)` : `#${phase.experiment} measuring ${phase.run} of ${phase.repeats}`;
    case "recording":
      return `#${phase.experiment} deciding`;
  }
}
function createProgressPrinter(stream, metrics, budgetMs) {
  const live = stream.isTTY === true;
  const started = Date.now();
  const primary = metrics[0];
  let phase = "starting";
  let best;
  let timer;
  const liveLine = () => `\u2026 ${phase} \xB7 ${clock(Date.now() - started)} / ${clock(budgetMs)}${best === void 0 ? "" : ` \xB7 best ${primary.name}=${formatMetric(best)}`}`;
  const draw = () => {
    if (live) stream.write(`\r\x1B[2K${liveLine().slice(0, (stream.columns || 100) - 1)}`);
  };
  const clear = () => {
    if (live) stream.write("\r\x1B[2K");
  };
  if (live) {
    timer = setInterval(draw, 500);
    timer.unref();
  }
  return {
    phase(next) {
      phase = describePhase(next);
      draw();
    },
    experiment(outcome) {
      const value = outcome.row.metrics[primary.name];
      if (outcome.row.status === "keep" && value !== void 0) {
        const better = best === void 0 || (primary.goal === "maximize" ? value > best : value < best);
        if (better) best = value;
      }
      clear();
      stream.write(`${formatExperimentLine(outcome, metrics)}
`);
      draw();
    },
    notice(message) {
      clear();
      stream.write(`${escapeRunnerLine(`autoexp: ${cleanLine(message, Number.POSITIVE_INFINITY)}`)}
`);
      draw();
    },
    stop() {
      if (timer) clearInterval(timer);
      clear();
    }
  };
}

// src/cli/commands.ts
var CliError = class extends Error {
  name = "CliError";
};
async function openRepository(io) {
  const repo = Git.at(io.cwd);
  const description = await repo.describeRepository().catch(async (error) => {
    throw await whyNoRepository(repo, io.cwd, error);
  });
  return { repo, topLevel: description.topLevel, currentBranch: description.branch };
}
async function whyNoRepository(repo, cwd, error) {
  const workTree = await repo.describeWorkTree();
  if (workTree === void 0 && error instanceof GitError && /not inside a git repository/.test(error.stderr)) {
    return new CliError(
      `${cwd} is not inside a git repository; autoexp keeps its state in git (run \`git init\`, then commit your files)`
    );
  }
  if (workTree !== void 0 && !workTree.hasCommits) {
    const branches = [...(await repo.refs()).keys()].filter((ref) => ref.startsWith("refs/heads/"));
    return new CliError(noCommitsYet(branches.length > 0 ? workTree.branch : void 0));
  }
  return error;
}
function noCommitsYet(branch) {
  const commit = "commit your files first (git add -A && git commit -m 'first')";
  return branch === void 0 ? `this repository has no commits yet: ${commit}` : `the branch ${branch} has no commits yet: switch to one that has, or ${commit}`;
}
async function loadProject(io, configOption) {
  if (isConfigPattern(configOption)) {
    throw new CliError(
      `--config "${configOption}" is a pattern, and this command works on one program; pass one file`
    );
  }
  const { repo, topLevel, currentBranch } = await openRepository(io);
  const settings = await loadSettings(resolve(io.cwd, configOption), topLevel);
  return { settings, topLevel, currentBranch, repo };
}
async function findPrograms(io, pattern) {
  const { repo, topLevel, currentBranch } = await openRepository(io);
  const choice = await choosePrograms({
    pattern,
    paths: await expandConfigPattern(pattern, io.cwd, "--config"),
    repoRoot: topLevel,
    git: repo,
    // As `status` reads a ledger: the local branch, or origin's copy when there is no local one.
    refsFor: (tag) => [`refs/heads/${branchName(tag)}`, `refs/remotes/origin/${branchName(tag)}`]
  });
  return { repo, topLevel, currentBranch, choice };
}
async function loadChosenProgram(io, pattern) {
  const { repo, topLevel, currentBranch, choice } = await findPrograms(io, pattern);
  io.stdout.write(`autoexp: ${describeChoice(choice)}
`);
  return { settings: choice.programs[choice.chosen].settings, topLevel, currentBranch, repo };
}
async function runCommand(io, options) {
  const loaded = isConfigPattern(options.config) ? await loadChosenProgram(io, options.config) : await loadProject(io, options.config);
  const { settings, track, tag } = chooseTrack(loaded.settings, options.track);
  if (track !== void 0) {
    const refs = (branch) => [
      `refs/heads/${branch}`,
      ...options.push ? [`refs/remotes/${options.remote}/${branch}`] : []
    ];
    const trackBranch = branchName(settings.tag);
    const startedFrom = await startTrackBranch(loaded.repo, {
      trackBranch,
      trackRefs: refs(trackBranch),
      tagRefs: refs(branchName(tag))
    });
    if (startedFrom)
      io.stdout.write(`autoexp: new track ${trackBranch} starts from ${branchName(tag)} (${startedFrom})
`);
  }
  return runLoadedSession(io, { ...loaded, settings }, options);
}
async function runLoadedSession(io, { settings, topLevel, currentBranch, repo }, options) {
  const baseRef = settings.base ?? currentBranch;
  if (baseRef === void 0) {
    throw new CliError(
      'HEAD is detached, so there is no current branch to start from; set "base" in autoexp.yml'
    );
  }
  const branch = branchName(settings.tag);
  const printer = createProgressPrinter(
    io.stdout,
    settings.metrics,
    options.timeMs ?? settings.budget.timeMs
  );
  const run = (more) => runSession({
    settings,
    checkout: topLevel,
    baseRef,
    remoteBranchRef: options.push ? `refs/remotes/${options.remote}/${branch}` : void 0,
    env: io.env,
    signal: io.signal,
    events: printer,
    proposer: options.proposer,
    ...options.resume ? {
      resumeRequests: [
        {
          author: "autoexp run --resume",
          createdAt: (/* @__PURE__ */ new Date()).toISOString(),
          why: "autoexp run --resume"
        }
      ]
    } : {},
    ...more
  });
  let result;
  let failure;
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
        goOnAfterRace: options.proposer === void 0,
        signal: io.signal,
        warn: (message) => printer.notice?.(message),
        info: (message) => printer.notice?.(message)
      }));
    } else {
      result = await run({ experiments: options.experiments, timeMs: options.timeMs });
    }
  } finally {
    printer.stop();
  }
  if (failure !== void 0) {
    io.stdout.write(formatSessionSummary(settings, result));
    throw new CliError(
      `git push to ${options.remote} failed, so the session stopped: ${failure}. Everything recorded is on the local branch ${branch}; fix the cause and run again (or push it yourself).`
    );
  }
  io.stdout.write(formatSessionSummary(settings, result));
  return { exitCode: result.stopReason === "cancelled" ? 130 : 0, result };
}
async function combineCommand(io, options) {
  const loaded = await loadProject(io, options.config);
  const { settings } = loaded;
  const remote = "origin";
  const branch = branchName(settings.tag);
  const plan = await planCombine({
    git: loaded.repo,
    settings,
    tracks: options.tracks,
    // Tracks are read like `status` reads: the local branch, else origin's copy (the Action ran it there).
    // The tag's own branch as the session will use it: origin's copy only with --push.
    refsOf: (name) => name === branch && !options.push ? [`refs/heads/${name}`] : [`refs/heads/${name}`, `refs/remotes/${remote}/${name}`]
  });
  for (const note of plan.notes) io.stdout.write(`${runnerText(`autoexp: ${note}`)}
`);
  const earlier = plan.alreadyTried > 0 ? ` (${plan.alreadyTried} replayed by an earlier combine)` : "";
  if (plan.queue.length === 0) {
    io.stdout.write(`autoexp: nothing new to combine from ${options.tracks.join(", ")}${earlier}
`);
    return 0;
  }
  const order = plan.queue.map((item) => `${item.track}#${item.experiment}`).join(", ");
  io.stdout.write(
    `autoexp: replaying ${plan.queue.length} kept commit(s) onto ${branch}: ${order}${earlier}
`
  );
  const { exitCode } = await runLoadedSession(
    io,
    { ...loaded, settings: combineSettings(settings, plan.queue.length) },
    {
      config: options.config,
      push: options.push,
      remote,
      experiments: plan.queue.length,
      proposer: createReplayProposer(plan.queue)
    }
  );
  return exitCode;
}
function formatSessionSummary(settings, result) {
  const primary = settings.metrics[0];
  const countText = STATUSES.map(
    (status) => [status, result.outcomes.filter((outcome) => outcome.row.status === status).length]
  ).filter(([, count]) => count > 0).map(([status, count]) => `${count} ${status}`).join(", ") || "none";
  const lines = [];
  const stop = result.halt ? result.halt.message : result.stopReason === "merge-conflict" ? `merging base conflicts in ${result.conflicts.map((path) => cleanLine(path, TEXT_LIMITS.fileName)).join(", ")}; resolve it on ${result.branch} and run again` : describeStop(result.stopReason, {
    experiments: result.outcomes.length,
    timeMs: settings.budget.timeMs,
    consecutiveCrashes: settings.budget.consecutiveCrashes,
    costUsd: settings.budget.costUsd
  });
  lines.push(
    "",
    `autoexp: ${result.outcomes.length} experiment${result.outcomes.length === 1 ? "" : "s"} on ${result.branch} (${countText}); ${stop}`
  );
  const summary = summarizeLedger(result.rows, settings.metrics, {
    sessionExperiments: result.outcomes.map((outcome) => outcome.row.experiment)
  });
  if (summary.baseline && summary.best) {
    const change = summary.improvement === void 0 ? "" : ` (${formatPercent(summary.improvement)} better)`;
    lines.push(
      `${primary.name}: baseline ${formatMetric(summary.baseline.value)} \u2192 best ${formatMetric(summary.best.value)}${change} at #${summary.best.experiment} (${summary.best.commit})`
    );
  }
  const spend = llmSpend(result.outcomes.map((outcome) => outcome.record));
  if (spend.costUsd > 0 || spend.input > 0) lines.push(`llm spend: ${formatSpend(spend)}`);
  lines.push(
    `ledger: ${settings.results.dir}/results.tsv on ${result.branch}  (autoexp status \xB7 git log ${result.branch})`,
    ""
  );
  return lines.join("\n");
}
async function statusRef(repo, branch) {
  const local = `refs/heads/${branch}`;
  return await repo.resolve(local) !== void 0 ? local : `refs/remotes/origin/${branch}`;
}
async function readBranchLedger(repo, branch, dir, metricNames) {
  return readCommittedLedger(repo, await statusRef(repo, branch), dir, metricNames);
}
async function programStatus2(repo, settings) {
  const branch = branchName(settings.tag);
  const names = settings.metrics.map((metric) => metric.name);
  const ref = await statusRef(repo, branch);
  const dir = settings.results.dir;
  const ledger = await readCommittedLedger(repo, ref, dir, names);
  const rows = ledger?.rows ?? [];
  const summary = summarizeLedger(rows, settings.metrics);
  const spend = llmSpend(ledger ? await ledger.records() : []);
  const program = programStatus({
    settings,
    rows,
    state: parseProgramState(await repo.showFile(ref, `${dir}/${PROGRAM_FILE}`)),
    now: {
      configSha256: sha256(await readFile(settings.configPath, "utf8").catch(() => "")),
      programSha256: sha256(settings.program?.text ?? "")
    }
  });
  const lessonsText = await repo.showFile(ref, `${dir}/${LESSONS_FILE}`);
  const lessons = lessonsText ? {
    path: `${dir}/${LESSONS_FILE}`,
    lines: lessonsText.split("\n").filter((line) => line.trim() !== "").length
  } : void 0;
  const input = {
    tag: settings.tag,
    branch,
    summary,
    rows,
    metrics: settings.metrics,
    spend,
    ...program ? { program } : {},
    ...lessons ? { lessons } : {}
  };
  const text = ledger ? renderStatus(input) : `autoexp: no experiments yet for "${settings.tag}" (no ${settings.results.dir}/results.tsv on ${branch}); run \`autoexp run\`
`;
  return { json: statusJson(input), text };
}
async function statusCommand(io, options) {
  if (isConfigPattern(options.config)) return statusOfPrograms(io, options);
  const { settings, repo } = await loadProject(io, options.config);
  const status = await programStatus2(repo, settings);
  io.stdout.write(options.json ? `${JSON.stringify(status.json, null, 2)}
` : status.text);
  return 0;
}
async function statusOfPrograms(io, options) {
  const { repo, choice } = await findPrograms(io, options.config);
  const statuses = await Promise.all(choice.programs.map((program) => programStatus2(repo, program.settings)));
  if (options.json) {
    const list = choice.programs.map((program, index) => ({
      config: program.file,
      last_session: program.lastSession ?? null,
      next: index === choice.chosen,
      ...statuses[index].json
    }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}
`);
    return 0;
  }
  const blocks = choice.programs.map(
    (program, index) => `${program.file}: ${describeLastSession(choice, index)}
${statuses[index].text}`
  );
  io.stdout.write(`autoexp: ${describeChoice(choice, "the next run takes")}

${blocks.join("\n")}`);
  return 0;
}
async function reportCommand(io, options) {
  const { settings, repo } = await loadProject(io, options.config);
  const branch = branchName(settings.tag);
  const ledger = await readBranchLedger(
    repo,
    branch,
    settings.results.dir,
    settings.metrics.map((metric) => metric.name)
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
    costUsd: records.reduce((sum, record) => sum + (record.cost_usd ?? 0), 0)
  };
  const report = options.format === "html" ? (await import("./html-SZRH6N2P.js")).renderHtmlReport(input) : renderReport(input);
  if (options.out) {
    await writeFile(resolve(io.cwd, options.out), report);
    io.stdout.write(`autoexp: wrote ${options.out}
`);
  } else {
    io.stdout.write(report.endsWith("\n") ? report : `${report}
`);
  }
  return 0;
}

export {
  CliError,
  loadProject,
  runCommand,
  combineCommand,
  statusCommand,
  reportCommand
};
