#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  wrap
} from "./chunk-TXIX3HVT.js";
import {
  branchName,
  inertCommitText,
  pushFailureReason,
  readCommittedLedger,
  scopeMatcher
} from "./chunk-52OXQX7M.js";
import {
  TEXT_LIMITS,
  bestPath,
  cleanLine,
  formatMetric,
  formatPercent,
  isTreeSearch,
  relativeChange,
  renderTitle,
  summarizeLedger
} from "./chunk-BN6DFJJ5.js";

// src/finalize/final-branch.ts
function finalBranchName(tag) {
  return `autoexp-final/${tag}`;
}
var FINAL_TRAILER = "Autoexp-Final";
var FinalizeError = class extends Error {
  name = "FinalizeError";
};
async function buildFinalCommit(input) {
  const { git, settings, baseName } = input;
  const branch = branchName(settings.tag);
  const ledger = await readCommittedLedger(
    git,
    input.branchRef,
    settings.results.dir,
    settings.metrics.map((metric) => metric.name)
  );
  if (!ledger) throw new FinalizeError(`no ledger on ${branch} yet; run \`autoexp run\` first`);
  const summary = summarizeLedger(ledger.rows, settings.metrics);
  const best = summary.best;
  if (best === void 0 || best.experiment === 0)
    return { kind: "nothing", reason: `no experiment on ${branch} has beaten the baseline yet` };
  const bestCommit = /^[0-9a-f]{4,64}$/i.test(best.commit) ? await git.resolve(best.commit) : void 0;
  if (bestCommit === void 0 || !await git.isAncestor(bestCommit, input.branchRef))
    throw new FinalizeError(
      `the best experiment, #${best.experiment}, names the commit ${cleanLine(best.commit, 40)}, which is not on ${branch}`
    );
  const baseCommit = await git.resolve(input.baseRef);
  if (baseCommit === void 0) throw new FinalizeError(`cannot find ${baseName} (${input.baseRef})`);
  const ancestor = await git.mergeBase(bestCommit, baseCommit);
  if (ancestor === void 0) throw new FinalizeError(`${branch} and ${baseName} share no history`);
  const inScope = scopeMatcher(settings.scope.modify);
  const ledgerPrefix = `${settings.results.dir.replace(/\/+$/, "")}/`;
  const scoped = async (ref) => new Map(
    (await git.listTree(ref)).filter((entry) => inScope(entry.path) && !entry.path.startsWith(ledgerPrefix)).map((entry) => [entry.path, entry])
  );
  const [before, after, onBase] = await Promise.all([
    scoped(ancestor),
    scoped(bestCommit),
    scoped(baseCommit)
  ]);
  const paths = [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys(), ...onBase.keys()])].sort();
  const changes = [];
  const conflicts = [];
  for (const path of paths) {
    const choice = chooseScopeFile(before.get(path), after.get(path), onBase.get(path));
    if (choice.kind === "base") continue;
    if (choice.kind === "take") {
      changes.push({ path, ...choice.entry ? { entry: choice.entry } : {} });
      continue;
    }
    if (choice.kind === "conflict") {
      conflicts.push(path);
      continue;
    }
    const [ours, common, theirs] = await Promise.all(
      [onBase.get(path), before.get(path), after.get(path)].map((entry) => git.readBlob(entry.object))
    );
    const binary = [ours, common, theirs].some((text) => /[\0\uFFFD]/.test(text));
    const merged = binary ? void 0 : await git.mergeTexts(ours, common, theirs);
    if (merged === void 0) conflicts.push(path);
    else changes.push({ path, entry: { mode: after.get(path).mode, object: await git.writeBlob(merged) } });
  }
  if (conflicts.length > 0) {
    const names = conflicts.map((path) => cleanLine(path, TEXT_LIMITS.fileName)).join(" ");
    throw new FinalizeError(
      `${baseName} changed ${names} since ${branch} last merged it, and so did the experiments, in the same lines. Take experiment #${best.experiment}'s version by hand (on ${baseName}: git checkout ${bestCommit.slice(0, 12)} -- ${names}), or finalize again once a keep made after a session merged ${baseName} into ${branch} is the best`
    );
  }
  if (changes.length === 0)
    return {
      kind: "nothing",
      reason: `${baseName} already holds the changes of experiment #${best.experiment}`
    };
  const tree = await git.treeWith(baseCommit, changes);
  const records = await ledger.records();
  const treeSearch = isTreeSearch(records);
  const heldByBase = treeSearch ? void 0 : await newestKeepOnBase(
    git,
    summary,
    { experiment: best.experiment, commit: bestCommit },
    scoped,
    onBase
  );
  const steps = treeSearch ? pathSteps(bestPath(records, summary.primary, best.experiment), ledger.rows) : finalSteps(summary, best.experiment, heldByBase);
  const title = finalTitle(settings.tag, summary);
  const files = changes.map((change) => change.path);
  const message = finalCommitMessage({
    tag: settings.tag,
    title,
    baseName,
    best,
    steps,
    ...heldByBase === void 0 ? {} : { heldByBase },
    files,
    metricName: summary.primary.name
  });
  const commit = await git.commitTree(tree, [baseCommit], message);
  return {
    kind: "commit",
    final: {
      tag: settings.tag,
      branch: finalBranchName(settings.tag),
      commit,
      tree,
      baseCommit,
      best: { ...best, commit: bestCommit },
      steps,
      ...heldByBase === void 0 ? {} : { heldByBase },
      files,
      title,
      summary
    }
  };
}
function chooseScopeFile(before, after, base) {
  const same = (a, b) => a?.object === b?.object && a?.mode === b?.mode;
  if (same(before, after) || same(after, base)) return { kind: "base" };
  if (same(before, base))
    return after ? { kind: "take", entry: { mode: after.mode, object: after.object } } : { kind: "take" };
  const regular = (entry) => entry !== void 0 && /^1006[0-7]{2}$/.test(entry.mode);
  return regular(before) && regular(after) && regular(base) ? { kind: "merge" } : { kind: "conflict" };
}
function finalTitle(tag, summary) {
  return renderTitle(tag, summary.primary, summary);
}
async function newestKeepOnBase(git, summary, best, scoped, onBase) {
  const earlier = summary.keptRows.filter((row) => row.experiment > 0 && row.experiment < best.experiment).filter((row) => /^[0-9a-f]{4,64}$/i.test(row.commit)).reverse();
  const paths = [...onBase.keys()];
  const candidates = paths.some((path) => path.includes("\n")) ? earlier : await (async () => {
    const ids = await git.objectIdsAt(
      earlier.flatMap((row) => paths.map((path) => `${row.commit}:${path}`))
    );
    return earlier.filter(
      (_, index) => paths.every((path, at) => ids[index * paths.length + at] === onBase.get(path).object)
    );
  })();
  for (const row of candidates) {
    const commit = await git.resolve(row.commit);
    if (commit === void 0 || commit === best.commit || !await git.isAncestor(commit, best.commit))
      continue;
    const trailer = new RegExp(`^Autoexp-Experiment: ${row.experiment}$`, "m");
    if (!trailer.test((await git.commitInfo(commit)).message)) continue;
    const files = await scoped(commit);
    const same = (a, b) => a?.object === b?.object && a?.mode === b?.mode;
    if (files.size === onBase.size && [...files].every(([path, entry]) => same(entry, onBase.get(path))))
      return row.experiment;
  }
  return void 0;
}
function finalSteps(summary, bestExperiment, heldByBase) {
  const metric = summary.primary.name;
  let incumbent = summary.baseline?.value;
  const steps = [];
  for (const row of summary.keptRows) {
    if (heldByBase !== void 0 && row.experiment <= heldByBase) {
      incumbent = row.metrics[metric] ?? incumbent;
      continue;
    }
    if (row.experiment === 0 || row.experiment > bestExperiment) continue;
    const value = row.metrics[metric];
    steps.push({
      experiment: row.experiment,
      status: row.status,
      from: incumbent,
      to: value,
      description: row.description
    });
    if (value !== void 0) incumbent = value;
  }
  return steps;
}
function pathSteps(path, rows) {
  const statuses = new Map(rows.map((row) => [row.experiment, row.status]));
  return path.slice(1).map((node, index) => ({
    experiment: node.experiment,
    status: statuses.get(node.experiment) ?? "keep",
    from: path[index].value,
    to: node.value,
    description: node.description
  }));
}
function describeChange(metric, from, to) {
  const name = metric === "" ? "" : `${metric} `;
  if (to === void 0) return `${name}\u2014`;
  if (from === void 0) return `${name}${formatMetric(to)}`;
  const change = from === 0 ? "" : ` (${formatPercent(relativeChange(from, to))})`;
  return `${name}${formatMetric(from)} \u2192 ${formatMetric(to)}${change}`;
}
var LISTED_STEPS = 50;
var LISTED_FILES = 20;
function finalCommitMessage(input) {
  const branch = branchName(input.tag);
  const files = input.files.slice(0, LISTED_FILES).map((path) => inertCommitText(path, TEXT_LIMITS.fileName));
  const moreFiles = input.files.length > LISTED_FILES ? ` (+${input.files.length - LISTED_FILES} more)` : "";
  const lines = [
    inertCommitText(input.title, 200),
    "",
    ...wrap(
      `The changes to ${files.join(", ")}${moreFiles} from experiment ${input.best.experiment} on ${branch}, as one commit on ${inertCommitText(input.baseName, 200)}. The ledger (results.tsv and the experiment log) stays on ${branch}.`,
      72
    ),
    "",
    input.heldByBase === void 0 ? "Kept experiments:" : `Kept experiments after experiment ${input.heldByBase}, which ${inertCommitText(input.baseName, 200)} holds already:`
  ];
  for (const step of input.steps.slice(0, LISTED_STEPS)) {
    const status = step.status === "keep" ? "" : ` (${step.status})`;
    lines.push(
      `- experiment ${step.experiment}${status}: ${describeChange(input.metricName, step.from, step.to)}, ` + inertCommitText(step.description)
    );
  }
  if (input.steps.length > LISTED_STEPS)
    lines.push(`- and ${input.steps.length - LISTED_STEPS} more (results.tsv on ${branch})`);
  lines.push("", `${FINAL_TRAILER}: ${input.tag}`, `Autoexp-Experiment: ${input.best.experiment}`, "");
  return lines.join("\n");
}
function isFinalCommit(info, tag) {
  const trailer = new RegExp(`^${FINAL_TRAILER}: ${tag.replace(/[.]/g, "\\.")}$`, "m");
  return info.parents.length === 1 && trailer.test(info.message);
}

// src/finalize/publish.ts
async function checkReplaceable(git, final, head, where) {
  const info = await git.commitInfo(head);
  if (!isFinalCommit(info, final.tag)) {
    throw new FinalizeError(
      `${where} has commits autoexp did not make (its head is ${head.slice(0, 12)}), so it is left as it is: merge what you need from it and delete it (git branch -D / git push --delete), then finalize again`
    );
  }
  return info.tree === final.tree && info.parents[0] === final.baseCommit ? "same" : "replace";
}
async function setLocalFinalBranch(git, final) {
  const ref = `refs/heads/${final.branch}`;
  const current = await git.resolve(ref);
  if (current !== void 0) {
    const checkedOut = await git.worktreeOf(final.branch);
    if (checkedOut !== void 0)
      throw new FinalizeError(
        `${final.branch} is checked out in ${checkedOut}; switch that checkout to another branch first`
      );
    if (await checkReplaceable(git, final, current, `the local branch ${final.branch}`) === "same")
      return current;
  }
  await git.setRef(ref, final.commit);
  return final.commit;
}
async function pushFinalBranch(remote, remoteName, final, commit) {
  const ref = `refs/heads/${final.branch}`;
  const seen = await remote.lsRemote(remoteName, [ref]);
  if (seen.exitCode !== 0)
    throw new FinalizeError(
      `cannot reach ${remoteName}: ${seen.stderr.trim() || `git ls-remote exited ${seen.exitCode}`}`
    );
  const line = seen.stdout.split("\n").find((text) => text.endsWith(`	${ref}`));
  const there = line?.split("	")[0];
  if (there !== void 0) {
    if (there === commit) return "unchanged";
    const fetched = await remote.fetch(remoteName, [`+${ref}:refs/remotes/${remoteName}/${final.branch}`]);
    if (fetched.exitCode !== 0)
      throw new FinalizeError(`cannot fetch ${final.branch} from ${remoteName}: ${fetched.stderr.trim()}`);
    if (await checkReplaceable(remote, final, there, `${remoteName}'s ${final.branch}`) === "same") {
      await remote.setRef(`refs/heads/${final.branch}`, there);
      return "unchanged";
    }
  }
  const pushed = await remote.pushReplacing(remoteName, commit, ref, there ?? "");
  if (pushed.exitCode !== 0)
    throw new FinalizeError(
      `git push of ${final.branch} to ${remoteName} failed: ${pushFailureReason(pushed)}`
    );
  return there === void 0 ? "created" : "replaced";
}

export {
  FinalizeError,
  buildFinalCommit,
  describeChange,
  setLocalFinalBranch,
  pushFinalBranch
};
