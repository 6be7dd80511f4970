#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  ConfigError,
  Git,
  GitError,
  LedgerError,
  ProgramsError,
  SetupError,
  branchName,
  choosePrograms,
  chooseTrack,
  combineSettings,
  createReplayProposer,
  describeChoice,
  describeLastSession,
  describeStop,
  durationProblem,
  expandConfigPattern,
  experimentsProblem,
  isConfigPattern,
  loadSettings,
  parseDuration,
  planCombine,
  readCommittedLedger,
  runPushedSession,
  runSession,
  startTrackBranch,
  trackNameProblem
} from "./chunk-OUZTXJDC.js";
import "./chunk-YLFIXOW4.js";
import "./chunk-KBKQDR6O.js";
import {
  STATUSES,
  formatMetric,
  formatPercent,
  formatSpend,
  formatUsd,
  goalArrow,
  llmSpend,
  renderReport,
  summarizeLedger
} from "./chunk-VAVKFHQE.js";
import "./chunk-EWQXPLVQ.js";

// src/cli/args.ts
import { parseArgs } from "node:util";
var UsageError = class extends Error {
  name = "UsageError";
};
var USAGE = `Usage: autoexp <command> [options]

Commands:
  run      one session of experiments on autoexp/<tag>
           [--config F] [--experiments N] [--time D] [--push] [--remote NAME] [--track NAME]
  status   what the ledger on the branch says          [--config F] [--json]
  report   the PR-body markdown, or an HTML page       [--config F] [--format md|html] [--out F]
  init     write autoexp.yml, program.md and a workflow (never overwrites)
  combine  replay the kept commits of tracks           --tracks a,b,c [--config F] [--push]
  demo     run a bundled example in a temp dir       [--example NAME] [--experiments N]

Options:
  --config F        the setup file (default autoexp.yml). run and status also take a glob of
                    several programs, e.g. 'autoexp/*.yml': run takes the one run least recently
  -h, --help        this help
  -v, --version     the version
`;
function positiveInteger(flag, text) {
  if (text === void 0) return void 0;
  if (!/^[1-9][0-9]*$/.test(text))
    throw new UsageError(`${flag} wants a whole number of 1 or more, got "${text}"`);
  const tooMany = experimentsProblem(Number(text));
  if (tooMany) throw new UsageError(`${flag} ${text} ${tooMany}`);
  return Number(text);
}
function trackName(flag, name) {
  const problem = name === void 0 ? void 0 : trackNameProblem(name);
  if (problem) throw new UsageError(`${flag}: ${problem}`);
  return name;
}
function parseCommandLine(argv) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "-h" || name === "--help" || name === "help") return { name: "help" };
  if (name === "-v" || name === "--version") return { name: "version" };
  const parse = (options) => {
    try {
      return parseArgs({
        args: [...rest],
        options: { ...options, help: { type: "boolean", short: "h" } },
        allowPositionals: false,
        strict: true
      }).values;
    } catch (error) {
      throw new UsageError(`${name}: ${error.message}`);
    }
  };
  const config = { config: { type: "string", default: "autoexp.yml" } };
  switch (name) {
    case "run": {
      const values = parse({
        ...config,
        experiments: { type: "string" },
        time: { type: "string" },
        push: { type: "boolean", default: false },
        remote: { type: "string", default: "origin" },
        track: { type: "string" }
      });
      if (values.help) return { name: "help" };
      let timeMs;
      if (typeof values.time === "string") {
        timeMs = parseDuration(values.time);
        if (timeMs === void 0)
          throw new UsageError(`--time wants a duration like 90s, 5m or 1h30m, got "${values.time}"`);
        const tooLong = durationProblem(timeMs);
        if (tooLong) throw new UsageError(`--time "${values.time}" ${tooLong}`);
      }
      return {
        name: "run",
        config: String(values.config),
        experiments: positiveInteger("--experiments", values.experiments),
        timeMs,
        push: Boolean(values.push),
        remote: String(values.remote),
        track: trackName("--track", values.track)
      };
    }
    case "status": {
      const values = parse({ ...config, json: { type: "boolean", default: false } });
      if (values.help) return { name: "help" };
      return { name: "status", config: String(values.config), json: Boolean(values.json) };
    }
    case "report": {
      const values = parse({ ...config, format: { type: "string", default: "md" }, out: { type: "string" } });
      if (values.help) return { name: "help" };
      if (isConfigPattern(String(values.config))) {
        throw new UsageError(
          `report is about one program; pass one file to --config, not the pattern "${String(values.config)}"`
        );
      }
      if (values.format !== "md" && values.format !== "html") {
        throw new UsageError(`--format wants md or html, got "${String(values.format)}"`);
      }
      return {
        name: "report",
        config: String(values.config),
        format: values.format,
        out: values.out
      };
    }
    case "init": {
      const values = parse({});
      if (values.help) return { name: "help" };
      return { name: "init" };
    }
    case "combine": {
      const values = parse({
        ...config,
        tracks: { type: "string" },
        push: { type: "boolean", default: false }
      });
      if (values.help) return { name: "help" };
      if (typeof values.tracks !== "string" || values.tracks.trim() === "")
        throw new UsageError("combine needs --tracks a,b,c");
      return {
        name: "combine",
        config: String(values.config),
        tracks: [
          ...new Set(
            values.tracks.split(",").map((track) => track.trim()).filter(Boolean).map((track) => trackName("--tracks", track))
          )
        ],
        push: Boolean(values.push)
      };
    }
    case "demo": {
      const values = parse({ experiments: { type: "string" }, example: { type: "string" } });
      if (values.help) return { name: "help" };
      return {
        name: "demo",
        ...typeof values.example === "string" ? { example: values.example } : {},
        experiments: positiveInteger("--experiments", values.experiments)
      };
    }
    default:
      throw new UsageError(`unknown command "${name}"; commands: run, status, report, init, combine, demo`);
  }
}

// src/cli/commands.ts
import { writeFile } from "node:fs/promises";
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
    last: lastRows(input).map((row) => ({
      experiment: row.experiment,
      commit: row.commit,
      status: row.status,
      metrics: Object.fromEntries(
        input.metrics.map((metric) => [metric.name, row.metrics[metric.name] ?? null])
      ),
      description: row.description
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
    lines.push(`best:        ${label} ${formatMetric(best.value)} (#${best.experiment}, ${best.commit})`);
  if (summary.improvement !== void 0)
    lines.push(`improvement: ${formatPercent(summary.improvement)} (in the goal's direction)`);
  if (input.spend && (input.spend.costUsd > 0 || input.spend.input > 0))
    lines.push(`llm spend:   ${formatSpend(input.spend)}`);
  const shown = lastRows(input);
  if (shown.length > 0) {
    lines.push("", `last ${shown.length}:`);
    const table = shown.map((row) => [
      `#${row.experiment}`,
      row.status,
      row.commit,
      metrics.map((metric) => {
        const value = row.metrics[metric.name];
        return `${metric.name}=${value === void 0 ? "-" : formatMetric(value)}`;
      }).join(" "),
      row.description
    ]);
    lines.push(...alignColumns(table).map((line) => `  ${line}`));
  }
  return `${lines.join("\n")}
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
  const { row, record } = outcome;
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
  return `${number} ${label.padEnd(8)} ${result}${why}  ${formatSeconds(record.wall_time_s)}${cost}  ${row.description}`;
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
      if ((outcome.row.status === "keep" || outcome.row.status === "explore") && value !== void 0) {
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
      stream.write(`autoexp: ${message}
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
  const description = await repo.describeRepository().catch(() => {
    throw new CliError(
      `${io.cwd} is not inside a git repository; autoexp keeps its state in git (run \`git init\` first)`
    );
  });
  return { repo, topLevel: description.topLevel, currentBranch: description.branch };
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
  for (const note of plan.notes) io.stdout.write(`autoexp: ${note}
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
  const stop = result.stopReason === "merge-conflict" ? `merging base conflicts in ${result.conflicts.join(", ")}; resolve it on ${result.branch} and run again` : describeStop(result.stopReason, {
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
async function readBranchLedger(repo, branch, dir, metricNames) {
  const local = await readCommittedLedger(repo, `refs/heads/${branch}`, dir, metricNames);
  if (local || await repo.resolve(`refs/heads/${branch}`)) return local;
  return readCommittedLedger(repo, `refs/remotes/origin/${branch}`, dir, metricNames);
}
async function programStatus(repo, settings) {
  const branch = branchName(settings.tag);
  const names = settings.metrics.map((metric) => metric.name);
  const ledger = await readBranchLedger(repo, branch, settings.results.dir, names);
  const rows = ledger?.rows ?? [];
  const summary = summarizeLedger(rows, settings.metrics);
  const spend = llmSpend(ledger ? await ledger.records() : []);
  const input = { tag: settings.tag, branch, summary, rows, metrics: settings.metrics, spend };
  const text = ledger ? renderStatus(input) : `autoexp: no experiments yet for "${settings.tag}" (no ${settings.results.dir}/results.tsv on ${branch}); run \`autoexp run\`
`;
  return { json: statusJson(input), text };
}
async function statusCommand(io, options) {
  if (isConfigPattern(options.config)) return statusOfPrograms(io, options);
  const { settings, repo } = await loadProject(io, options.config);
  const status = await programStatus(repo, settings);
  io.stdout.write(options.json ? `${JSON.stringify(status.json, null, 2)}
` : status.text);
  return 0;
}
async function statusOfPrograms(io, options) {
  const { repo, choice } = await findPrograms(io, options.config);
  const statuses = await Promise.all(choice.programs.map((program) => programStatus(repo, program.settings)));
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
  const report = options.format === "html" ? (await import("./html-33MGZKDR.js")).renderHtmlReport(input) : renderReport(input);
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

// src/cli/demo.ts
import { existsSync, readdirSync } from "node:fs";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var DEMO_EXAMPLE = "cache-demo";
function examplesDir() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, "examples");
    if (existsSync(join(candidate, DEMO_EXAMPLE, "autoexp.yml"))) return candidate;
    dir = dirname(dir);
  }
  return void 0;
}
function exampleNames() {
  const dir = examplesDir();
  if (!dir) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "autoexp.yml"))).map((entry) => entry.name).sort();
}
function findExample(name) {
  const dir = examplesDir();
  if (!dir) throw new Error(`the bundled example "${name}" is missing from this installation`);
  if (!exampleNames().includes(name)) {
    throw new CliError(`no example "${name}"; the examples are: ${exampleNames().join(", ")}`);
  }
  return join(dir, name);
}
async function createExampleRepository(name) {
  const root = await mkdtemp(join(tmpdir(), `autoexp-${name}-`));
  await cp(findExample(name), root, { recursive: true });
  const git = await Git.init(root, { name: "autoexp demo", email: "demo@autoexp.invalid" });
  await git.commitEverything(`the ${name} example`);
  return root;
}
async function demoCommand(io, options) {
  const name = options.example ?? DEMO_EXAMPLE;
  const root = await createExampleRepository(name);
  io.stdout.write(`autoexp demo: the ${name} example is in ${root}
`);
  io.stdout.write(
    name === DEMO_EXAMPLE ? "autoexp demo: mutate (offline, no API key) tunes cache_config.yaml; each line is one experiment\n\n" : `autoexp demo: its README.md says what it tunes and how; each line is one experiment

`
  );
  const { exitCode, result } = await runCommand(
    { ...io, cwd: root },
    { config: "autoexp.yml", experiments: options.experiments, push: false, remote: "origin" }
  );
  if (result) {
    io.stdout.write(
      [
        `Look around:`,
        `  cd ${root}`,
        `  node ${process.argv[1] ?? "dist/cli.js"} status       # the ledger, summarized`,
        `  git log --oneline ${result.branch}        # kept experiments and ledger commits`,
        `  git show ${result.branch}:.autoexp/${result.tag}/results.tsv`,
        ""
      ].join("\n")
    );
  }
  return exitCode;
}

// src/cli/init.ts
import { mkdir, writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname2, join as join2 } from "node:path";

// src/cli/templates.ts
var CONFIG_TEMPLATE = `# autoexp setup \u2014 see the README for every key.
tag: my-first-run              # branch autoexp/<tag>; results in .autoexp/<tag>/
scope:
  modify: [config.yaml]        # the ONLY files an experiment may change
  context: []                  # read-only files worth showing to the proposer
eval:
  command: ./evaluate.sh       # immutable; prints e.g. "score: 0.731"
  timeout: 5m
  repeats: 1
metrics:
  - name: score
    goal: maximize
budget:
  experiments: 5               # per session (one workflow run)
  time: 45m
proposer:
  kind: mutate                 # offline numeric search; or: command (a coding agent), llm
  seed: 1
`;
var PROGRAM_TEMPLATE = `# Research strategy

What we are optimizing and why. What to try first, what not to try, and what a good change looks like.

- Goal: raise \`score\` (printed by ./evaluate.sh) without breaking anything.
- Ideas worth trying: \u2026
- Do not: \u2026
`;
var WORKFLOW_TEMPLATE = `# autoexp: a few experiments every night; the results arrive as one pull request.
# More examples: docs/workflows.md in the autoexp repository; every input and output: docs/action.md.
name: autoexp
on:
  schedule:
    - cron: '17 3 * * *'       # off the hour: scheduled runs on the hour are delayed most
  workflow_dispatch:
    inputs:
      experiments:
        description: experiments to run (empty = budget.experiments)
        required: false
      time-budget:
        description: start no new experiment after this long, e.g. 30m (empty = budget.time)
        required: false
permissions:
  contents: write              # push autoexp/<tag>
  pull-requests: write         # open and update the summary PR
concurrency:
  group: autoexp-my-first-run  # autoexp-<tag>: one session per tag at a time (runs on one tag race to push)
  cancel-in-progress: false    # let a running session finish; the next one waits
jobs:
  autoexp:
    runs-on: ubuntu-latest
    timeout-minutes: 60        # budget.time (45m) + one more experiment (eval.timeout) + setup
    steps:
      - uses: actions/checkout@v5
      - uses: autoexp/autoexp@v0   # replace with where autoexp is published; pin a tag or a commit sha
        with:
          experiments: \${{ inputs.experiments }}
          time-budget: \${{ inputs.time-budget }}
          # api-key: \${{ secrets.ANTHROPIC_API_KEY }}   # a command proposer gets it as AUTOEXP_API_KEY
`;

// src/cli/init.ts
var FILES = [
  ["autoexp.yml", CONFIG_TEMPLATE],
  ["program.md", PROGRAM_TEMPLATE],
  [".github/workflows/autoexp.yml", WORKFLOW_TEMPLATE]
];
async function initCommand(root, out) {
  for (const [path, content] of FILES) {
    const target = join2(root, path);
    await mkdir(dirname2(target), { recursive: true });
    try {
      await writeFile2(target, content, { flag: "wx" });
      out.write(`autoexp: wrote ${path}
`);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      out.write(`autoexp: kept ${path} (it exists; nothing overwritten)
`);
    }
  }
  out.write(
    "autoexp: next, edit autoexp.yml (scope, eval, metrics) and program.md, then run `autoexp run`\n"
  );
  return 0;
}

// src/cli/version.ts
var VERSION = "0.1.0";

// src/cli/main.ts
async function dispatch(io, argv) {
  const command = parseCommandLine(argv);
  switch (command.name) {
    case "help":
      io.stdout.write(USAGE);
      return 0;
    case "version":
      io.stdout.write(`${VERSION}
`);
      return 0;
    case "run":
      return (await runCommand(io, command)).exitCode;
    case "status":
      return statusCommand(io, command);
    case "report":
      return reportCommand(io, command);
    case "init":
      return initCommand(io.cwd, io.stdout);
    case "combine":
      return combineCommand(io, command);
    case "demo":
      return demoCommand(io, command);
  }
}
function describeFailure(error) {
  if (error instanceof UsageError) return { message: `autoexp: ${error.message}

${USAGE}`, exitCode: 2 };
  if (error instanceof ConfigError || error instanceof LedgerError || error instanceof CliError || error instanceof ProgramsError || error instanceof SetupError) {
    return { message: `autoexp: ${error.message}`, exitCode: 1 };
  }
  if (error instanceof GitError) {
    const hint = /Author identity unknown|Please tell me who you are/.test(error.stderr) ? ' (set an identity: git config user.name "\u2026" && git config user.email "\u2026")' : "";
    return { message: `autoexp: ${error.message}${hint}`, exitCode: 1 };
  }
  return { message: `autoexp: unexpected error: ${error?.stack ?? String(error)}`, exitCode: 1 };
}
async function main(argv) {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (name) => {
    signals++;
    if (signals > 1) process.exit(130);
    process.stderr.write(`
autoexp: ${name}: stopping the experiment in flight and saving the ledger\u2026
`);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const onStdoutError = (error) => {
    if (error.code !== "EPIPE") throw error;
    if (!controller.signal.aborted) {
      process.stderr.write(
        "autoexp: the output pipe closed: stopping the experiment in flight and saving the ledger\u2026\n"
      );
      controller.abort();
    }
  };
  process.stdout.on("error", onStdoutError);
  const io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    signal: controller.signal
  };
  try {
    return await dispatch(io, argv);
  } catch (error) {
    const failure = describeFailure(error);
    process.stderr.write(`${failure.message}
`);
    return controller.signal.aborted ? 130 : failure.exitCode;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.stdout.off("error", onStdoutError);
    process.stdout.on("error", () => void 0);
  }
}
export {
  main
};
