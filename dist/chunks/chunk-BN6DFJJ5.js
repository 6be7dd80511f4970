#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);

// src/ledger/types.ts
var STATUSES = ["keep", "discard", "crash", "timeout", "explore", "invalid"];

// src/text/untrusted.ts
var TEXT_LIMITS = {
  /** A description: what results.tsv holds (docs/format.md). */
  description: 200,
  /**
   * A reason ("out of scope: a, b, c (+2 more)", what a run changed that it may not): three file names
   * of the length below and the words around them.
   */
  reason: 800,
  /** One file name inside a message. */
  fileName: 200,
  /** A log tail, in UTF-8 bytes: what the ledger keeps of one (its 64 KiB). */
  logTailBytes: 64 * 1024,
  /** A reviewer's note, in UTF-8 bytes. */
  noteBytes: 16 * 1024
};
var ESCAPE_SEQUENCE = new RegExp(
  [
    "(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]",
    "(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[^\\u0000-\\u001f\\u007f-\\u009f]*(?:\\u0007|\\u001b\\\\|\\u009c)?",
    "\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]"
  ].join("|"),
  "g"
);
var LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
var BREAKS_AND_TABS = /[\t\n\r\u000b\u000c\u0085\u2028\u2029]+/g;
var CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
var CONTROLS_BUT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
var INVISIBLE = new RegExp("\\p{Default_Ignorable_Code_Point}", "u");
var EMOJI_BEFORE_JOINER = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
var PICTOGRAPHIC = new RegExp("^\\p{Extended_Pictographic}$", "u");
var JOINING_LETTER = new RegExp("^(?!\\p{ASCII})[\\p{L}\\p{M}]$", "u");
var VARIATION_SELECTOR = /^[\uFE00-\uFE0F]$/u;
var graphemes = new Intl.Segmenter(void 0, { granularity: "grapheme" });
function cleanLine(text, max) {
  const { text: bounded, cut } = boundInput(text, Number.isFinite(max) ? max * 8 + 256 : Infinity, "start");
  const clean = dropInvisible(
    bounded.toWellFormed().replace(ESCAPE_SEQUENCE, "").replace(BREAKS_AND_TABS, " ").replace(CONTROLS, "")
  ).trim();
  return cutToCodePoints(clean, max, cut);
}
function cleanBlock(text, maxBytes, options = {}) {
  const keep = options.keep ?? "start";
  const { text: bounded, cut } = boundInput(
    text,
    Number.isFinite(maxBytes) ? maxBytes * 4 + 1024 : Infinity,
    keep
  );
  const clean = dropInvisible(
    bounded.toWellFormed().replace(ESCAPE_SEQUENCE, "").replace(LINE_BREAKS, "\n").replace(CONTROLS_BUT_NEWLINE_AND_TAB, "")
  );
  return cutToBytes(clean, maxBytes, keep, cut);
}
function dropInvisible(text) {
  if (!INVISIBLE.test(text)) return text;
  const points = Array.from(text);
  let out = "";
  for (let index = 0; index < points.length; index++) {
    const point = points[index];
    if (!INVISIBLE.test(point)) {
      out += point;
      continue;
    }
    const before = points[index - 1];
    const after = points[index + 1];
    const keep = before !== void 0 && (point === "\u200D" && after !== void 0 && EMOJI_BEFORE_JOINER.test(before) && PICTOGRAPHIC.test(after) || (point === "\u200D" || point === "\u200C") && after !== void 0 && JOINING_LETTER.test(before) && JOINING_LETTER.test(after) || VARIATION_SELECTOR.test(point) && !INVISIBLE.test(before));
    if (keep) out += point;
  }
  return out;
}
function boundInput(text, units, keep) {
  if (text.length <= units) return { text, cut: false };
  if (keep === "start") {
    let end = units;
    if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
    return { text: text.slice(0, end), cut: true };
  }
  let start = text.length - units;
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  return { text: text.slice(start), cut: true };
}
function isHighSurrogate(code) {
  return code >= 55296 && code <= 56319;
}
function isLowSurrogate(code) {
  return code >= 56320 && code <= 57343;
}
function cutToCodePoints(text, max, inputCut) {
  if (!inputCut && text.length <= max) return text;
  const codePoints = Array.from(text);
  if (!inputCut && codePoints.length <= max) return text;
  if (max < 1) return "";
  if (codePoints.length < max) return `${text.trimEnd()}\u2026`;
  const budget = max - 1;
  let kept = "";
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = Array.from(segment).length;
    if (count + size > budget) break;
    kept += segment;
    count += size;
  }
  if (kept === "") kept = codePoints.slice(0, budget).join("");
  return `${kept.trimEnd()}\u2026`;
}
function cutToBytes(text, maxBytes, keep, inputCut) {
  if (!Number.isFinite(maxBytes)) return text;
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes && !inputCut) return text;
  const marker = keep === "start" ? "\u2026 [autoexp: the rest is cut]" : "[autoexp: earlier output cut] \u2026";
  const room = maxBytes - Buffer.byteLength(marker) - 1;
  if (room <= 0) return "";
  if (bytes.length <= room) return keep === "start" ? `${text}
${marker}` : `${marker}
${text}`;
  if (keep === "start") {
    let end = room;
    while (end > 0 && ((bytes[end] ?? 0) & 192) === 128) end--;
    const newline2 = bytes.lastIndexOf(10, end - 1);
    const cutAt2 = newline2 >= end / 2 ? newline2 : end;
    return `${bytes.subarray(0, cutAt2).toString("utf8")}
${marker}`;
  }
  let start = bytes.length - room;
  while (start < bytes.length && ((bytes[start] ?? 0) & 192) === 128) start++;
  const newline = bytes.indexOf(10, start);
  const cutAt = newline !== -1 && newline - start <= room / 2 ? newline + 1 : start;
  return `${marker}
${bytes.subarray(cutAt).toString("utf8")}`;
}

// src/decide/compare.ts
function relativeChange(from, to) {
  if (from === 0) return to === 0 ? 0 : Number.NaN;
  return (to - from) / Math.abs(from);
}
function improvement(goal, candidate, incumbent) {
  return goal === "maximize" ? candidate - incumbent : incumbent - candidate;
}
function gainOverIncumbent(record, primary) {
  const value = record.metrics[primary.name];
  const before = record.incumbent?.metrics[primary.name];
  if (value === void 0 || before === void 0) return void 0;
  const delta = improvement(primary.goal, value, before);
  return before === 0 ? delta : delta / Math.abs(before);
}
function isBetter(goal, a, b) {
  return improvement(goal, a, b) > 0;
}
function minDeltaThreshold(minDelta, incumbent) {
  return minDelta.kind === "absolute" ? Math.abs(minDelta.value) : Math.abs(minDelta.fraction * incumbent);
}
function standing(goal, candidate, incumbent, minDelta) {
  const delta = improvement(goal, candidate, incumbent);
  const threshold = minDeltaThreshold(minDelta, incumbent);
  const slack = 8 * Number.EPSILON * Math.max(Math.abs(candidate), Math.abs(incumbent), threshold);
  if (delta > threshold + slack) return "better";
  if (delta < -(threshold + slack)) return "worse";
  return "equal";
}
function shortNumber(value) {
  const rounded = Number(value.toPrecision(6));
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

// src/decide/constraints.ts
function constraintViolation(metric, value) {
  if (metric.max !== void 0 && value > metric.max) return `${metric.name}>${metric.max}`;
  if (metric.min !== void 0 && value < metric.min) return `${metric.name}<${metric.min}`;
  return void 0;
}
function firstViolation(metrics, values) {
  for (const metric of metrics) {
    const value = values[metric.name];
    if (value === void 0) continue;
    const violation = constraintViolation(metric, value);
    if (violation !== void 0) return violation;
  }
  return void 0;
}
function limitsInForce(metrics) {
  const limits = {};
  for (const metric of metrics) {
    if (metric.min === void 0 && metric.max === void 0) continue;
    limits[metric.name] = {
      ...metric.min === void 0 ? {} : { min: metric.min },
      ...metric.max === void 0 ? {} : { max: metric.max }
    };
  }
  return limits;
}

// src/report/summary.ts
function summarizeLedger(rows, metrics, options = {}) {
  const primary = metrics[0];
  if (primary === void 0) throw new Error("summarizeLedger needs at least one metric");
  const baseline = baselineRow(rows);
  const experiments = rows.filter((row) => row !== baseline);
  const summary = {
    total: experiments.length,
    counts: countByStatus(experiments),
    keptRows: rows.filter((row) => row.status === "keep" || row.status === "explore"),
    primary
  };
  if (options.sessionExperiments !== void 0) {
    const session = new Set(options.sessionExperiments);
    summary.sessionCounts = countByStatus(experiments.filter((row) => session.has(row.experiment)));
  }
  const baselineValue = baseline?.metrics[primary.name];
  if (baseline !== void 0 && baselineValue !== void 0) {
    summary.baseline = { experiment: baseline.experiment, value: baselineValue };
  }
  const best = bestRow(rows, metrics);
  if (best !== void 0) {
    summary.best = { experiment: best.experiment, commit: best.commit, value: best.metrics[primary.name] };
  }
  if (summary.baseline !== void 0 && summary.best !== void 0 && summary.baseline.value !== 0) {
    const { value: from } = summary.baseline;
    const to = summary.best.value;
    summary.improvement = (primary.goal === "maximize" ? to - from : from - to) / Math.abs(from);
  }
  return summary;
}
function bestCandidates(rows, metrics) {
  const primary = metrics[0];
  const kept = rows.filter((row) => row.status === "keep" && row.metrics[primary.name] !== void 0);
  const allowed = kept.filter((row) => firstViolation(metrics, row.metrics) === void 0);
  return allowed.length > 0 ? allowed : kept;
}
function bestRow(rows, metrics) {
  const primary = metrics[0];
  let best;
  for (const row of bestCandidates(rows, metrics)) {
    if (best === void 0 || isBetter(primary.goal, row.metrics[primary.name], best.metrics[primary.name]))
      best = row;
  }
  return best;
}
function baselineRow(rows) {
  return rows.find((row) => row.experiment === 0) ?? rows[0];
}
function countByStatus(rows) {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0]));
  for (const row of rows) counts[row.status] += 1;
  return counts;
}
function llmSpend(records) {
  const spend = { costUsd: 0, input: 0, output: 0, cacheRead: 0 };
  for (const record of records) {
    spend.costUsd += record.cost_usd ?? 0;
    spend.input += record.tokens?.input ?? 0;
    spend.output += record.tokens?.output ?? 0;
    spend.cacheRead += record.tokens?.cache_read ?? 0;
  }
  return spend;
}

// src/report/format.ts
function formatMetric(value) {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(6));
  return Object.is(rounded, -0) ? "0" : String(rounded);
}
function formatPlainNumber(value) {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a plain number`);
  const rounded = Number(value.toPrecision(6));
  if (rounded === 0) return "0";
  const text = String(rounded);
  if (!text.includes("e")) return text;
  if (Math.abs(rounded) >= 1) return BigInt(Math.round(rounded)).toString();
  const decimals = Math.min(100, 5 - Math.floor(Math.log10(Math.abs(rounded))));
  return rounded.toFixed(decimals).replace(/\.?0+$/, "");
}
function formatPercent(fraction) {
  if (Number.isNaN(fraction)) return "n/a";
  if (!Number.isFinite(fraction)) return fraction > 0 ? "+\u221E%" : "-\u221E%";
  const text = (fraction * 100).toFixed(1);
  if (/^-0\.0$/.test(text)) return "+0.0%";
  return text.startsWith("-") ? `${text}%` : `+${text}%`;
}
function shortDuration(ms) {
  if (!Number.isFinite(ms) || ms < 0) return "?";
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  const seconds = ms / 1e3;
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  if (Math.round(seconds) < 60) return `${Math.round(seconds)}s`;
  const totalSeconds = Math.round(seconds);
  if (totalSeconds < 3600) {
    return `${Math.floor(totalSeconds / 60)}m${String(totalSeconds % 60).padStart(2, "0")}s`;
  }
  const totalMinutes = Math.round(totalSeconds / 60);
  return `${Math.floor(totalMinutes / 60)}h${String(totalMinutes % 60).padStart(2, "0")}m`;
}
function goalArrow(goal) {
  return goal === "maximize" ? "\u2191" : "\u2193";
}
function shortCount(count) {
  if (count < 1e3) return String(Math.round(count));
  if (count < 1e6) return `${Number((count / 1e3).toPrecision(3))}k`;
  return `${Number((count / 1e6).toPrecision(3))}M`;
}
function formatUsd(usd) {
  return `$${usd < 1 ? usd.toFixed(4) : usd.toFixed(2)}`;
}
function formatSpend(spend) {
  const cached = spend.cacheRead > 0 ? `, ${shortCount(spend.cacheRead)} of them cached` : "";
  return `${formatUsd(spend.costUsd)} (${shortCount(spend.input)} tokens in${cached}; ${shortCount(spend.output)} out)`;
}

// src/propose/mutate/random.ts
function hashString(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function seededRandom(...parts) {
  const next = mulberry32(hashString(parts.join(":")));
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    }
  };
}

// src/search/nodes.ts
var STALL_WINDOW = 24;
var STALL_GAIN = 2e-4;
var EXPLORATION = 1;
var MAX_NODES = 64;
function parentRandom(seed, experiment) {
  return seededRandom(seed, "parent", experiment);
}
function bestNode(nodes) {
  if (nodes.length === 0) throw new Error("bestNode: no nodes");
  return nodes.reduce(
    (best, node2) => node2.score > best.score || node2.score === best.score && node2.experiment < best.experiment ? node2 : best
  );
}
function stalled(nodes, experiment) {
  const best = bestNode(nodes);
  const root = nodes.reduce((first, node2) => node2.experiment < first.experiment ? node2 : first);
  const now = experiment ?? Math.max(
    ...nodes.map((node2) => node2.experiment),
    nodes.reduce((sum, node2) => sum + node2.expansions, 0)
  ) + 1;
  const earlier = nodes.filter((node2) => node2.experiment <= now - STALL_WINDOW);
  if (earlier.length === 0) return false;
  const then = Math.max(...earlier.map((node2) => node2.score));
  return best.score - then <= STALL_GAIN * (best.score - root.score);
}
function chooseParent(nodes, _random, experiment) {
  const best = bestNode(nodes);
  if (!stalled(nodes, experiment)) return best;
  const low = Math.min(...nodes.map((node2) => node2.score));
  const span = best.score - low;
  const total = nodes.reduce((sum, node2) => sum + node2.expansions, 0);
  let chosen = nodes[0];
  let chosenBound = -Infinity;
  for (const node2 of nodes) {
    const normalised = span > 0 ? (node2.score - low) / span : 1;
    const bound = normalised + EXPLORATION * Math.sqrt(Math.log(total + 1) / (node2.expansions + 1));
    if (bound > chosenBound || bound === chosenBound && node2.experiment < chosen.experiment) {
      chosen = node2;
      chosenBound = bound;
    }
  }
  return chosen;
}
function keepAsNode(candidateScore, parent, _nodes) {
  return candidateScore > parent.score;
}
function nodesToPrune(nodes, keep, max = MAX_NODES) {
  const protectedNodes = new Set(lineage(nodes, keep).map((node2) => node2.experiment));
  const remaining = new Map(nodes.map((node2) => [node2.experiment, node2]));
  const pruned = [];
  while (remaining.size > max) {
    const parents = new Set([...remaining.values()].map((node2) => node2.parent));
    const leaves = [...remaining.values()].filter(
      (node2) => node2.parent !== void 0 && !parents.has(node2.experiment) && !protectedNodes.has(node2.experiment)
    );
    if (leaves.length === 0) break;
    leaves.sort((a, b) => a.score - b.score || a.experiment - b.experiment);
    pruned.push(leaves[0]);
    remaining.delete(leaves[0].experiment);
  }
  return pruned;
}
function lineage(nodes, experiment) {
  const byExperiment = new Map(nodes.map((node2) => [node2.experiment, node2]));
  const path = [];
  const seen = /* @__PURE__ */ new Set();
  for (let at = byExperiment.get(experiment); at && !seen.has(at.experiment); ) {
    seen.add(at.experiment);
    path.unshift(at);
    at = at.parent === void 0 ? void 0 : byExperiment.get(at.parent);
  }
  return path;
}

// src/search/ledger-tree.ts
function nodeScore(value, primary) {
  return primary.goal === "maximize" ? value : -value;
}
function treeFromRecords(records, primary) {
  const nodes = /* @__PURE__ */ new Map();
  let head;
  for (const record of records) {
    const value = record.metrics[primary.name];
    if (head === void 0) {
      if (value === void 0) continue;
      nodes.set(record.experiment, node(record, void 0, value, primary));
      head = record.experiment;
      continue;
    }
    const parent = record.parent_experiment ?? head;
    const from = nodes.get(parent);
    if (from) from.expansions++;
    const kept = record.status === "keep" || record.status === "explore";
    if (!kept || value === void 0) continue;
    nodes.set(record.experiment, node(record, from ? parent : void 0, value, primary));
    if (record.status === "keep" || record.parent_experiment === void 0) head = record.experiment;
  }
  return { nodes: [...nodes.values()], head: head ?? 0 };
}
function node(record, parent, value, primary) {
  return {
    experiment: record.experiment,
    ...parent === void 0 ? {} : { parent },
    score: nodeScore(value, primary),
    expansions: 0,
    commit: record.commit,
    description: record.description,
    value,
    ...record.scope_hash === void 0 ? {} : { scopeHash: record.scope_hash },
    ...record.stage === void 0 ? {} : { stage: record.stage }
  };
}
function bestPath(records, primary, experiment) {
  return lineage(treeFromRecords(records, primary).nodes, experiment);
}
function isTreeSearch(records) {
  return records.some((record) => record.parent_experiment !== void 0);
}

// src/memory/lessons.ts
var LESSONS_FILE = "lessons.md";
var LESSON_CHARS = 300;
var LESSONS_PER_EXPERIMENT = 3;
var LESSONS_KEPT = 60;
var LESSONS_PROMPT_BYTES = 4096;
var NOTED_HEADING = "## Noted by proposers";
var FACTS_HEADING = "## What the ledger shows";
function cleanLesson(text) {
  return cleanLine(text.replace(/^\s*(?:[-*]\s+|lesson\s*:\s*)/i, ""), LESSON_CHARS);
}
var LESSON_LINE = /^\s*(?:[#>*_\s-]*)lesson\s*(?:[*_]+\s*)?[:：]\s*(?:[*_]+\s*)?(.*?)\s*$/i;
var FENCE_LINE = /^\s*(`{3,}|~{3,})/;
function lessonOfReply(reply) {
  let fence;
  for (const line of reply.split(/\r?\n/)) {
    const marker = FENCE_LINE.exec(line)?.[1];
    if (marker) {
      if (fence === void 0) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = void 0;
      continue;
    }
    if (fence !== void 0) continue;
    const text = LESSON_LINE.exec(line)?.[1];
    if (text) return text;
  }
  return void 0;
}
function sectionItems(text, heading) {
  const items = [];
  let inside = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("## ")) {
      inside = line.trim() === heading;
      continue;
    }
    if (inside && /^\s*[-*]\s/.test(line)) items.push(line.replace(/^\s*[-*]\s+/, ""));
  }
  return items;
}
function parseLessons(text) {
  if (!text) return [];
  const noted = [];
  for (const item of sectionItems(text, NOTED_HEADING)) {
    const match = /^#(\d+):\s*(.*)$/.exec(item);
    const clean = cleanLesson(match ? match[2] : item);
    if (clean === "") continue;
    noted.push(match ? { experiment: Number(match[1]), text: clean } : { text: clean });
  }
  return noted.slice(-LESSONS_KEPT);
}
function parseLedgerFacts(text) {
  if (!text) return [];
  return sectionItems(text, FACTS_HEADING).map((item) => cleanLine(item, 2 * LESSON_CHARS)).filter((item) => item !== "").slice(0, 20);
}
function addLessons(noted, experiment, texts) {
  const known = new Set(noted.map((lesson) => lesson.text.toLowerCase()));
  const added = [];
  for (const text of texts) {
    const clean = cleanLesson(text);
    if (clean === "" || known.has(clean.toLowerCase())) continue;
    known.add(clean.toLowerCase());
    added.push({ experiment, text: clean });
    if (added.length === LESSONS_PER_EXPERIMENT) break;
  }
  return [...noted, ...added].slice(-LESSONS_KEPT);
}
function formatLesson(lesson) {
  return `- ${lesson.experiment === void 0 ? "" : `#${lesson.experiment}: `}${lesson.text}`;
}
function renderLessons(branch, lessons) {
  const lines = [
    `# What autoexp has learned on ${branch}`,
    "",
    "Shown to the proposer in every prompt. autoexp rewrites the first section from the experiments log",
    `after every experiment; the second keeps the newest ${LESSONS_KEPT} lessons proposers noted, one line each.`,
    "Delete a line on the branch to drop a lesson.",
    "",
    FACTS_HEADING,
    "",
    ...lessons.facts.length > 0 ? lessons.facts.map((fact) => `- ${fact}`) : ["(nothing yet)"],
    "",
    NOTED_HEADING,
    "",
    ...lessons.noted.length > 0 ? lessons.noted.map(formatLesson) : ["(nothing yet)"],
    ""
  ];
  return lines.join("\n");
}
function lessonsForPrompt(lessons, maxBytes = LESSONS_PROMPT_BYTES) {
  if (lessons.facts.length === 0 && lessons.noted.length === 0) return "";
  const size = (line) => Buffer.byteLength(line) + 1;
  const lines = [];
  let used = 0;
  const take = (line) => {
    if (used + size(line) > maxBytes) return false;
    lines.push(line);
    used += size(line);
    return true;
  };
  if (lessons.facts.length > 0) {
    take("From the ledger:");
    for (const fact of lessons.facts) if (!take(`- ${fact}`)) break;
  }
  if (lessons.noted.length === 0) return lines.join("\n");
  const omittedLine = (count) => `- (${count} older lessons not shown; all are in ${LESSONS_FILE})`;
  const heading = "Noted by earlier proposers (oldest first):";
  let room = maxBytes - used - 1 - size(heading) - size(omittedLine(lessons.noted.length));
  const shown = [];
  for (let index = lessons.noted.length - 1; index >= 0; index--) {
    const line = formatLesson(lessons.noted[index]);
    if (size(line) > room) break;
    shown.unshift(line);
    room -= size(line);
  }
  if (shown.length === 0) return lines.join("\n");
  if (lines.length > 0) lines.push("");
  lines.push(heading);
  const omitted = lessons.noted.length - shown.length;
  if (omitted > 0) lines.push(omittedLine(omitted));
  lines.push(...shown);
  return lines.join("\n");
}

// src/text/markdown.ts
function markdownCode(text, max = Number.POSITIVE_INFINITY) {
  return codeSpan(cleanLine(text, max));
}
function markdownCell(text, max = Number.POSITIVE_INFINITY) {
  return codeSpan(cleanLine(text, max).replace(/\\(?=\|)/g, "\\ ")).replace(/\|/g, "\\|");
}
function codeSpan(text) {
  if (text === "") return "";
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

// src/report/memory-section.ts
var LESSONS_REPORT_BYTES = 4096;
function programLine(message) {
  if (!message) return "";
  const [state, ...rest] = message.split(": ");
  const title = state === "target reached" ? "Target reached" : state === "paused" ? "Paused" : "Stopped";
  return `> **${title}**: ${rest.join(": ") || message}.`;
}
function lessonsReportSection(lessons) {
  if (!lessons) return "";
  const text = lessonsForPrompt(lessons, LESSONS_REPORT_BYTES);
  if (text === "") return "";
  const lines = [`### Lessons (\`${LESSONS_FILE}\`)`, ""];
  for (const line of text.split("\n")) {
    if (line === "") lines.push("");
    else if (line.startsWith("- ")) lines.push(`- ${markdownCode(line.slice(2))}`);
    else lines.push(line);
  }
  return lines.join("\n");
}

// src/report/chart.ts
var MAX_CHART_POINTS = 100;
function chartPoints(rows, primary, metrics, treeSearch = false) {
  const movesHead = (row) => row.status === "keep" || row.status === "explore" && !treeSearch;
  const eligible = new Set(bestCandidates(rows, metrics ?? [primary]));
  const points = [];
  let incumbent;
  let best;
  for (const row of rows) {
    const raw = row.metrics[primary.name];
    const measured = raw !== void 0 && Number.isFinite(raw) ? raw : void 0;
    if (measured !== void 0 && movesHead(row)) incumbent = measured;
    if (measured !== void 0 && eligible.has(row) && (best === void 0 || isBetter(primary.goal, measured, best))) {
      best = measured;
    }
    const value = measured ?? incumbent;
    if (value === void 0) continue;
    points.push({ experiment: row.experiment, value, best: best ?? incumbent ?? value });
  }
  return points;
}
function downsample(points, max = MAX_CHART_POINTS) {
  if (points.length <= max) return [...points];
  const last = points.length - 1;
  const mustKeep = [0];
  for (let i = 1; i < points.length; i++) if (points[i].best !== points[i - 1].best) mustKeep.push(i);
  if (mustKeep[mustKeep.length - 1] !== last) mustKeep.push(last);
  let chosen;
  if (mustKeep.length >= max) {
    chosen = new Set(evenlySpaced(mustKeep, max));
  } else {
    chosen = new Set(mustKeep);
    const others = [];
    for (let i = 0; i < points.length; i++) if (!chosen.has(i)) others.push(i);
    for (const index of evenlySpaced(others, max - chosen.size)) chosen.add(index);
  }
  return [...chosen].sort((a, b) => a - b).map((index) => points[index]);
}
function evenlySpaced(items, count) {
  if (count <= 0) return [];
  if (count >= items.length) return [...items];
  if (count === 1) return [items[items.length - 1]];
  const picked = [];
  for (let k = 0; k < count; k++) picked.push(items[Math.round(k * (items.length - 1) / (count - 1))]);
  return picked;
}
function mermaidChart(rows, primary, options = {}) {
  const points = downsample(
    chartPoints(rows, primary, options.metrics, options.treeSearch),
    options.maxPoints ?? MAX_CHART_POINTS
  );
  if (points.length === 0) return "";
  const label = `${primary.name} ${goalArrow(primary.goal)}`;
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${label} per experiment (line 1: measured, line 2: best so far)"`,
    `  x-axis "experiment" [${points.map((point) => `"${point.experiment}"`).join(", ")}]`,
    `  y-axis "${label}"`,
    `  line [${points.map((point) => formatPlainNumber(point.value)).join(", ")}]`,
    `  line [${points.map((point) => formatPlainNumber(point.best)).join(", ")}]`,
    "```"
  ].join("\n");
}

// src/report/markdown.ts
var MAX_REPORT_LENGTH = 65536;
var LAST_EXPERIMENTS = 30;
function reportMarker(tag) {
  return `<!-- autoexp:report tag=${tag} -->`;
}
function renderTitle(tag, primary, summary) {
  const { baseline, best } = summary;
  if (baseline === void 0 || best === void 0)
    return `autoexp(${tag}): ${primary.name}, no baseline yet`;
  const change = baseline.value === 0 ? "" : ` (${formatPercent(relativeChange(baseline.value, best.value))})`;
  return `autoexp(${tag}): ${primary.name} ${formatMetric(baseline.value)} \u2192 ${formatMetric(best.value)}${change}`;
}
function renderReport(input) {
  const maxLength = input.maxLength ?? MAX_REPORT_LENGTH;
  const session = input.session ?? latestSession(input.records);
  const summary = summarizeLedger(input.rows, input.metrics, { sessionExperiments: session?.experiments });
  const records = recordsByExperiment(input.records);
  const costUsd = input.costUsd ?? (input.records ?? []).reduce((sum, record) => sum + (record.cost_usd ?? 0), 0);
  const head = renderHead(input, summary, session, costUsd);
  const chart = mermaidChart(input.rows, summary.primary, {
    metrics: input.metrics,
    treeSearch: input.records !== void 0 && isTreeSearch(input.records)
  });
  const withConfidence = [...records.values()].some((record) => record.decision?.confidence !== void 0);
  const keptLines = summary.keptRows.map(
    (row) => keptRowLine(row, input.metrics, withConfidence ? records.get(row.experiment) : void 0, withConfidence)
  );
  const bestIndex = summary.keptRows.findIndex((row) => row.experiment === summary.best?.experiment);
  const keptPriority = [...keptLines.keys()].reverse().filter((index) => index !== bestIndex);
  if (bestIndex >= 0) keptPriority.unshift(bestIndex);
  const lastRows = input.rows.slice(-LAST_EXPERIMENTS);
  const lastLines = lastRows.map((row) => lastRowLine(row, input.metrics, records));
  const assemble = (keptCount2, lastCount2, withChart = true) => {
    const keptChosen = keptPriority.slice(0, keptCount2).sort((a, b) => a - b);
    return joinSections([
      head,
      programLine(input.program),
      renderKeptSection(
        input.metrics,
        keptChosen.map((index) => keptLines[index]),
        keptLines.length,
        withConfidence
      ),
      withChart && chart !== "" ? `### ${summary.primary.name} per experiment

${chart}` : "",
      renderLastSection(
        input.metrics,
        lastLines.slice(lastLines.length - lastCount2),
        lastLines.length,
        records.size > 0
      ),
      lessonsReportSection(input.lessons)
    ]);
  };
  const full = assemble(keptLines.length, lastLines.length);
  if (full.length <= maxLength) return full;
  const lastCount = largestFitting(
    lastLines.length,
    (n) => assemble(keptLines.length, n).length <= maxLength
  );
  if (lastCount >= 0) return assemble(keptLines.length, lastCount);
  const keptCount = largestFitting(keptLines.length, (n) => assemble(n, 0).length <= maxLength);
  if (keptCount >= 0) return assemble(keptCount, 0);
  const withoutChart = assemble(0, 0, false);
  if (withoutChart.length <= maxLength) return withoutChart;
  return withoutChart.slice(0, maxLength);
}
function renderHead(input, summary, session, costUsd) {
  const { primary, baseline, best } = summary;
  const lines = [reportMarker(input.tag), `## autoexp: \`${input.tag}\``, ""];
  lines.push(
    `Experiments on \`${input.branch}\`${input.base === void 0 ? "" : ` (base \`${input.base}\`)`}; the full history is in results.tsv on that branch.`,
    ""
  );
  if (input.dashboardUrl !== void 0)
    lines.push(`Dashboard: [HTML report](${input.dashboardUrl}) (download and open)`, "");
  const metricLabel = `${primary.name} ${goalArrow(primary.goal)}`;
  if (baseline === void 0) {
    lines.push(`**${metricLabel}**: no baseline measured yet.`);
  } else if (best === void 0 || best.experiment === baseline.experiment) {
    lines.push(`**${metricLabel}**: baseline **${formatMetric(baseline.value)}**; no improvement kept yet.`);
  } else {
    const change = baseline.value === 0 ? "" : ` (**${formatPercent(relativeChange(baseline.value, best.value))}**)`;
    lines.push(
      `**${metricLabel}**: baseline **${formatMetric(baseline.value)}** (#${baseline.experiment}) \u2192 best **${formatMetric(best.value)}** (#${best.experiment}, \`${best.commit}\`)${change}`
    );
  }
  const path = bestPathLine(input.records, primary, best?.experiment);
  if (path !== void 0) lines.push("", path);
  const comparison = lastSameRunnerComparison(input.records, primary);
  if (comparison !== void 0) lines.push("", comparison);
  const holdout = holdoutBeforeAfter(input.records, primary);
  if (holdout !== void 0) lines.push("", holdout);
  const tree = input.records !== void 0 && isTreeSearch(input.records);
  const head = tree ? void 0 : lastKeptOrExplored(input.rows);
  if (head?.status === "explore" && best !== void 0 && best.experiment !== head.experiment) {
    lines.push(
      "",
      `The branch head (#${head.experiment}) is an explore step; the best kept commit is #${best.experiment} (\`${best.commit}\`, also \`refs/autoexp/${input.tag}/best\`). To review or merge the best rather than the head, open a PR from it:`,
      "",
      "```sh",
      `git fetch origin refs/autoexp/${input.tag}/best && git push origin FETCH_HEAD:refs/heads/autoexp-best/${input.tag}`,
      "```"
    );
  }
  lines.push("", countsTable(summary, session));
  if (costUsd > 0) {
    const spend = llmSpend(input.records ?? []);
    lines.push(
      "",
      `LLM spend so far: ${spend.costUsd === costUsd ? formatSpend(spend) : formatUsd(costUsd)}`
    );
  }
  return lines.join("\n");
}
function countsTable(summary, session) {
  const header = `| | total | ${STATUSES.join(" | ")} |`;
  const rule = `|---|${STATUSES.map(() => "---:").join("|")}|---:|`;
  const line = (label, counts) => `| ${label} | ${STATUSES.reduce((sum, status) => sum + counts[status], 0)} | ${STATUSES.map((status) => counts[status]).join(" | ")} |`;
  const lines = [header, rule, line("all time", summary.counts)];
  if (session !== void 0 && summary.sessionCounts !== void 0) {
    const label = session.startedAt === void 0 ? "this run" : `this run (${escapeCell(session.startedAt)})`;
    lines.push(line(label, summary.sessionCounts));
  }
  return lines.join("\n");
}
function lastSameRunnerComparison(records, primary) {
  if (records === void 0) return void 0;
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    const incumbent = record.incumbent?.metrics[primary.name];
    const measured = record.metrics[primary.name];
    if (record.status !== "keep" || incumbent === void 0 || measured === void 0) continue;
    const change = incumbent === 0 ? "" : ` (${formatPercent(relativeChange(incumbent, measured))})`;
    return `Last same-runner comparison: #${record.experiment} measured ${primary.name} ${formatMetric(measured)} against the incumbent's ${formatMetric(incumbent)}${change}, in the same session.`;
  }
  return void 0;
}
function bestPathLine(records, primary, best) {
  if (records === void 0 || best === void 0 || !isTreeSearch(records)) return void 0;
  const path = bestPath(records, primary, best);
  if (path.length === 0) return void 0;
  const steps = path.map(
    (node2) => node2.experiment === 0 ? "baseline (#0)" : `#${node2.experiment} ${markdownCell(node2.description, 60)} (${formatMetric(node2.value)})`
  );
  return `Best path (search: tree): ${steps.join(" \u2192 ")}`;
}
function lastKeptOrExplored(rows) {
  return [...rows].reverse().find((row) => row.status === "keep" || row.status === "explore");
}
function holdoutBeforeAfter(records, primary) {
  const checked = (records ?? []).filter((record) => record.holdout !== void 0);
  const before = checked[0]?.holdout?.incumbent[primary.name];
  const lastKept = [...checked].reverse().find((record) => record.status === "keep");
  const after = lastKept?.holdout?.candidate[primary.name] ?? before;
  if (before === void 0 || after === void 0) return void 0;
  const change = before === 0 ? "" : ` (${formatPercent(relativeChange(before, after))})`;
  return `Holdout (never shown to the proposer): ${primary.name} ${formatMetric(before)} \u2192 ${formatMetric(after)}${change}.`;
}
function renderKeptSection(metrics, lines, total, withConfidence) {
  const heading = `### Kept experiments (${total})`;
  if (total === 0) return `${heading}

None yet.`;
  const confidence = withConfidence ? " confidence |" : "";
  const header = `| # | commit | status | ${metrics.map(metricHeader).join(" | ")} |${confidence} description |`;
  const rule = `|---:|---|---|${metrics.map(() => "---:").join("|")}|${withConfidence ? "---|" : ""}---|`;
  const blocks = [heading];
  if (lines.length > 0) blocks.push([header, rule, ...lines].join("\n"));
  if (lines.length < total) blocks.push(moreRows(total - lines.length));
  return blocks.join("\n\n");
}
function renderLastSection(metrics, lines, total, withReason) {
  if (total === 0) return "";
  const header = `| # | commit | status | ${metrics.map(metricHeader).join(" | ")} |${withReason ? " reason |" : ""} description |`;
  const rule = `|---:|---|---|${metrics.map(() => "---:").join("|")}|${withReason ? "---|" : ""}---|`;
  const blocks = [`<details><summary>Last ${total} experiments</summary>`];
  if (lines.length > 0) blocks.push([header, rule, ...lines].join("\n"));
  if (lines.length < total) blocks.push(moreRows(total - lines.length));
  blocks.push("</details>");
  return blocks.join("\n\n");
}
function keptRowLine(row, metrics, record, withConfidence) {
  const confidence = withConfidence ? ` ${escapeCell(record?.decision?.confidence ?? "\u2014")} |` : "";
  return `| ${row.experiment} | ${commitCell(row.commit)} | ${row.status} | ${metricCells(row, metrics)} |${confidence} ${descriptionCell(row.description)} |`;
}
function lastRowLine(row, metrics, records) {
  const reason = records.size > 0 ? ` ${markdownCell(records.get(row.experiment)?.reason ?? "", TEXT_LIMITS.reason)} |` : "";
  return `| ${row.experiment} | ${commitCell(row.commit)} | ${row.status} | ${metricCells(row, metrics)} |${reason} ${descriptionCell(row.description)} |`;
}
function metricHeader(metric) {
  return `${metric.name} ${goalArrow(metric.goal)}`;
}
function metricCells(row, metrics) {
  return metrics.map((metric) => {
    const value = row.metrics[metric.name];
    return value === void 0 ? "\u2014" : formatMetric(value);
  }).join(" | ");
}
function commitCell(commit) {
  return /^[0-9a-f]{4,40}$/i.test(commit) ? `\`${commit}\`` : markdownCell(commit, 40);
}
function descriptionCell(description) {
  return markdownCell(description, TEXT_LIMITS.description);
}
function moreRows(count) {
  return `\u2026 ${count} more row${count === 1 ? "" : "s"} in results.tsv`;
}
function escapeCell(text) {
  return text.replace(/[\r\n]+/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|");
}
function joinSections(sections) {
  return `${sections.filter((section) => section !== "").join("\n\n")}
`;
}
function largestFitting(max, fits) {
  if (!fits(0)) return -1;
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
function recordsByExperiment(records) {
  return new Map((records ?? []).map((record) => [record.experiment, record]));
}
function latestSession(records) {
  const last = records?.[records.length - 1];
  if (records === void 0 || last?.session === void 0) return void 0;
  const experiments = records.filter((record) => record.session === last.session).map((record) => record.experiment);
  return { experiments, startedAt: last.session };
}

export {
  STATUSES,
  TEXT_LIMITS,
  cleanLine,
  cleanBlock,
  cutToCodePoints,
  relativeChange,
  improvement,
  gainOverIncumbent,
  isBetter,
  minDeltaThreshold,
  standing,
  shortNumber,
  LESSONS_FILE,
  LESSON_CHARS,
  LESSONS_PER_EXPERIMENT,
  cleanLesson,
  lessonOfReply,
  parseLessons,
  parseLedgerFacts,
  addLessons,
  renderLessons,
  lessonsForPrompt,
  firstViolation,
  limitsInForce,
  seededRandom,
  summarizeLedger,
  bestCandidates,
  bestRow,
  baselineRow,
  llmSpend,
  formatMetric,
  formatPercent,
  shortDuration,
  goalArrow,
  formatUsd,
  formatSpend,
  MAX_NODES,
  parentRandom,
  chooseParent,
  keepAsNode,
  nodesToPrune,
  lineage,
  nodeScore,
  treeFromRecords,
  bestPath,
  isTreeSearch,
  markdownCode,
  markdownCell,
  renderTitle,
  renderReport
};
