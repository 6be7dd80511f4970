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
  FinalizeError,
  buildFinalCommit,
  pushFinalBranch,
  setLocalFinalBranch
} from "./chunk-W3HD27NY.js";
import "./chunk-TXIX3HVT.js";
import {
  branchName,
  runnerText
} from "./chunk-52OXQX7M.js";
import "./chunk-UA3XOMH2.js";
import "./chunk-KBKQDR6O.js";
import {
  TEXT_LIMITS,
  cleanLine
} from "./chunk-BN6DFJJ5.js";
import "./chunk-EWQXPLVQ.js";

// src/cli/finalize.ts
async function finalizeCommand(io, options) {
  const { settings, repo, currentBranch } = await loadProject(io, options.config);
  const remote = "origin";
  const baseName = chooseBase(settings, currentBranch);
  const branch = branchName(settings.tag);
  const branchRef = await repo.resolve(`refs/heads/${branch}`) ? `refs/heads/${branch}` : `refs/remotes/${remote}/${branch}`;
  if (!await repo.resolve(branchRef))
    throw new CliError(
      `there is no ${branch} here (nor ${remote}/${branch}); run \`autoexp run\` first, or git fetch`
    );
  let baseRef = `refs/heads/${baseName}`;
  if (options.push) {
    baseRef = `refs/remotes/${remote}/${baseName}`;
    const fetched = await repo.fetch(remote, [`+refs/heads/${baseName}:${baseRef}`]);
    if (fetched.exitCode !== 0)
      throw new CliError(`cannot fetch ${baseName} from ${remote}: ${fetched.stderr.trim()}`);
  }
  try {
    const outcome = await buildFinalCommit({ git: repo, settings, branchRef, baseRef, baseName });
    if (outcome.kind === "nothing") {
      io.stdout.write(`autoexp: nothing to finalize: ${outcome.reason}
`);
      return 0;
    }
    const { final } = outcome;
    const commit = await setLocalFinalBranch(repo, final);
    const files = final.files.map((path) => cleanLine(path, TEXT_LIMITS.fileName)).join(", ");
    io.stdout.write(
      runnerText(
        `autoexp: ${final.branch} (${commit.slice(0, 7)}) is ${baseName} plus experiment #${final.best.experiment}'s changes to ${files}, as one commit
  ${final.title}
  ${final.steps.length} kept experiment(s) in it; the ledger stays on ${branch}
`
      )
    );
    if (!options.push) {
      io.stdout.write(
        `autoexp: merge it (git switch ${baseName} && git merge ${final.branch}), or publish it: autoexp finalize --push
`
      );
      return 0;
    }
    const pushed = await pushFinalBranch(repo, remote, final, commit);
    const said = {
      created: "pushed to",
      replaced: "replaced autoexp's earlier commit on",
      unchanged: "already on"
    }[pushed];
    io.stdout.write(
      `autoexp: ${said} ${remote}/${final.branch}; open a pull request from it into ${baseName}
`
    );
    return 0;
  } catch (error) {
    if (error instanceof FinalizeError) throw new CliError(error.message);
    throw error;
  }
}
export {
  finalizeCommand
};
