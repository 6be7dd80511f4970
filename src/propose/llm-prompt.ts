// The llm proposer's prompt (docs/llm.md). Ordered for provider prompt caches: what never changes in
// a session first (instructions, reply format, program.md, context files: the system prompt), then what
// changes only on a keep (the files in scope), then what changes every experiment (history, incumbent).
// Within the changing part, sections go from the least to the most often changed (see statePrompt).
import type { MetricSpec, Settings } from '../config/settings.js';
import { gainOverIncumbent } from '../decide/compare.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';
import { estimateTokens } from '../llm/prices.js';
import { evalFeedbackSection, LESSON_REQUEST, lessonsSection } from './memory-prompt.js';
import {
  describeMetric,
  fenceFor,
  inFlightSection,
  reviewerNotesSection,
  startSection,
  WHEN_STUCK,
} from './prompt.js';
import type { ProposerContext } from './types.js';

/** Caps on what is pasted into a prompt, so that a session's cost stays predictable. */
export const PROMPT_LIMITS = {
  /** Total size of the files in scope.modify, shown in full. */
  scopeBytes: 256 * 1024,
  /** Total size of the scope.context files. */
  contextBytes: 256 * 1024,
  /** The ledger's rows, newest kept when over: about this many tokens. */
  historyTokens: 6_000,
  /** Rows are dropped from the front in steps this big, so the prompt's prefix stays the same longer. */
  historyDropStep: 100,
  /** Patches shown: the best keeps and the latest near-misses, each cut at patchChars. */
  bestKeeps: 3,
  nearMisses: 3,
  patchChars: 3_000,
  /** Crash and timeout log tails: the latest few, each cut to its last lines. */
  crashes: 2,
  crashTailLines: 20,
} as const;

export class PromptTooLargeError extends Error {
  override name = 'PromptTooLargeError';
}

export interface PromptFile {
  path: string;
  content: string;
}

export interface LlmPrompt {
  /** Byte-identical across the session's experiments: the system prompt. */
  system: string;
  /** Changes when a keep changes a file in scope. */
  files: string;
  /** Changes every experiment. */
  state: string;
}

function showFile(file: PromptFile): string {
  const fence = fenceFor(file.content);
  const body = file.content.endsWith('\n') ? file.content : `${file.content}\n`;
  return `${file.path}\n${fence}\n${body}${fence}`;
}

function totalBytes(files: readonly PromptFile[]): number {
  return files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
}

const REPLY_FORMAT = [
  '## How to reply',
  '',
  'First one line starting with `Hypothesis:` that says what your change tries and why. Then, for each file',
  'you change, its path alone on a line and a fenced block of one or more SEARCH/REPLACE pairs:',
  '',
  '````',
  'Hypothesis: raise the image TTL; images are re-fetched far more often than they change',
  '',
  'config/cache.yaml',
  '```yaml',
  '<<<<<<< SEARCH',
  '  ttl: 60',
  '=======',
  '  ttl: 600',
  '>>>>>>> REPLACE',
  '```',
  '````',
  '',
  '- SEARCH must copy the existing lines exactly, whitespace included, and match one place only:',
  '  include a line or two of context when a line occurs more than once.',
  '- An empty SEARCH creates a new file (only where the rules allow changes).',
  '- All blocks are applied or none. Keep blocks small; do not repeat unchanged code.',
];

/** The part of the prompt that stays the same for the whole session. */
export function systemPrompt(settings: Settings, contextFiles: readonly PromptFile[]): string {
  const primary = settings.metrics[0]!;
  const lines = [
    `You are the proposer in an automated experiment loop for "${settings.tag}". Each turn you make ONE`,
    `focused change to the files in scope that you expect to improve the primary metric, ${describeMetric(primary)}.`,
    'autoexp applies your change, commits it, runs the eval, keeps the change if it is better and reverts',
    'it otherwise. You see every earlier experiment; learn from them and do not repeat what was tried.',
    '',
    '## Rules',
    `- Change only files matching: ${settings.scope.modify.join(', ')}. A change anywhere else is rejected.`,
    `- The eval (\`${settings.eval.command}\`) is fixed; changes that game how it measures are not improvements.`,
    '- Small, reviewable changes. Simplicity counts: an equal result with less code is a win, and a tiny gain',
    '  that adds a lot of complexity is not worth it.',
    '',
    '## Metrics (the first is the one to improve)',
    ...settings.metrics.map((metric) => `- ${describeMetric(metric)}`),
    '',
    ...REPLY_FORMAT,
    '',
    ...LESSON_REQUEST,
  ];
  if (settings.program) {
    lines.push('', `## Research strategy (${settings.program.path})`, '', settings.program.text.trim());
  }
  if (contextFiles.length > 0) {
    if (totalBytes(contextFiles) > PROMPT_LIMITS.contextBytes) {
      throw new PromptTooLargeError(
        `the scope.context files total ${kib(totalBytes(contextFiles))}, over the llm prompt's limit of ` +
          `${kib(PROMPT_LIMITS.contextBytes)}: narrow scope.context (${settings.scope.context.join(', ')})`,
      );
    }
    lines.push('', '## Read-only context (do not change these files)', '');
    for (const file of contextFiles) lines.push(showFile(file), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The files in scope, in full. */
export function filesPrompt(settings: Settings, scopeFiles: readonly PromptFile[]): string {
  if (totalBytes(scopeFiles) > PROMPT_LIMITS.scopeBytes) {
    throw new PromptTooLargeError(
      `the files in scope.modify total ${kib(totalBytes(scopeFiles))}, over the llm prompt's limit of ` +
        `${kib(PROMPT_LIMITS.scopeBytes)}: narrow scope.modify (${settings.scope.modify.join(', ')}) ` +
        'or use a command proposer (a coding agent reads files itself)',
    );
  }
  const lines = ['## The files you may change, as they are now', ''];
  if (scopeFiles.length === 0) lines.push('(none yet: create files with an empty SEARCH)', '');
  for (const file of scopeFiles) lines.push(showFile(file), '');
  return `${lines.join('\n').trimEnd()}\n\n`;
}

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KiB`;
}

function formatRow(row: LedgerRow, metrics: readonly MetricSpec[]): string {
  const values = metrics.map((metric) => `${metric.name}=${row.metrics[metric.name] ?? '-'}`).join(' ');
  return `#${row.experiment} ${row.status} ${values} ${row.description}`;
}

/** Rows from the oldest one kept: dropped from the front in steps, newest always shown. */
function historyRows(rows: readonly LedgerRow[], metrics: readonly MetricSpec[]): string[] {
  const formatted = rows.map((row) => formatRow(row, metrics));
  let tokens = formatted.reduce((sum, line) => sum + estimateTokens(line) + 1, 0);
  let start = 0;
  while (tokens > PROMPT_LIMITS.historyTokens && start < formatted.length - 1) {
    const end = Math.min(start + PROMPT_LIMITS.historyDropStep, formatted.length - 1);
    for (let index = start; index < end; index++) tokens -= estimateTokens(formatted[index]!) + 1;
    start = end;
  }
  const shown = formatted.slice(start).map((line) => `- ${line}`);
  if (start > 0) shown.unshift(`- (${start} older experiments not shown; all of them are in results.tsv)`);
  return shown;
}

/**
 * A record's reason as the proposer may read it: a holdout discard's reason carries the holdout's numbers
 * (src/session/gates.ts), and nothing of the holdout may reach the proposer.
 */
export function reasonForProposer(reason: string): string {
  return /^holdout regressed\b/.test(reason) ? 'discarded by a check you do not see' : reason;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n... (cut)\n`;
}

function patchSection(title: string, records: readonly ExperimentRecord[]): string[] {
  if (records.length === 0) return [];
  const lines = ['', title, ''];
  for (const record of records) {
    const patch = cut(record.patch, PROMPT_LIMITS.patchChars);
    const fence = fenceFor(patch);
    lines.push(
      `#${record.experiment} (${reasonForProposer(record.reason)}): ${record.description}`,
      `${fence}diff`,
    );
    lines.push(patch.trimEnd(), fence, '');
  }
  return lines;
}

/**
 * The part that changes every experiment: what was tried, what worked, where things stand. Ordered by how
 * often each section changes, so that most of the previous prompt stays a prefix of this one: reviewer
 * notes (fixed for a session), the best keeps (change on a keep), the history (only appended to), then
 * near-misses, crashes and the incumbent, which change more often.
 */
export function statePrompt(context: ProposerContext): string {
  const { settings, records } = context;
  const primary = settings.metrics[0]!;
  const lines: string[] = [];
  if (context.reviewerNotes && context.reviewerNotes.length > 0) {
    lines.push(...reviewerNotesSection(context.reviewerNotes), '');
  }

  const withGain = records
    .filter((record) => record.experiment > 0 && record.patch !== '')
    .map((record) => ({ record, gain: gainOverIncumbent(record, primary) }))
    .filter((entry): entry is { record: ExperimentRecord; gain: number } => entry.gain !== undefined);
  const byExperiment = (a: ExperimentRecord, b: ExperimentRecord) => a.experiment - b.experiment;
  const bestKeeps = withGain
    .filter((entry) => entry.record.status === 'keep')
    .sort((a, b) => b.gain - a.gain)
    .slice(0, PROMPT_LIMITS.bestKeeps)
    .map((entry) => entry.record)
    .sort(byExperiment);
  const nearMisses = withGain
    .filter((entry) => entry.record.status === 'discard')
    .slice(-20)
    .sort((a, b) => b.gain - a.gain)
    .slice(0, PROMPT_LIMITS.nearMisses)
    .map((entry) => entry.record)
    .sort(byExperiment);
  lines.push(...patchSection('## The changes that helped most', bestKeeps));
  lines.push('', '## Experiments so far (oldest first)', '');
  lines.push(...historyRows(context.rows, settings.metrics));
  // Lessons change with most experiments, near-misses and feedback with every one: after the history.
  const lessons = lessonsSection(context.lessons?.forPrompt);
  if (lessons.length > 0) lines.push('', ...lessons);
  lines.push(...patchSection('## Recent near-misses (discarded, but close)', nearMisses));

  const crashes = records
    .filter((record) => (record.status === 'crash' || record.status === 'timeout') && record.log_tail)
    .slice(-PROMPT_LIMITS.crashes);
  if (crashes.length > 0) {
    lines.push('', '## Recent crashes', '');
    for (const record of crashes) {
      const tail = record.log_tail!.trimEnd().split('\n').slice(-PROMPT_LIMITS.crashTailLines).join('\n');
      const fence = fenceFor(tail);
      lines.push(
        `#${record.experiment} ${record.status} (${reasonForProposer(record.reason)}): ${record.description}`,
      );
      lines.push(fence, tail, fence, '');
    }
  }
  const feedback = evalFeedbackSection(records);
  if (feedback.length > 0) lines.push('', ...feedback);
  lines.push('', ...inFlightSection(context.inFlight));
  lines.push('', '## Where things stand', '');
  lines.push(
    `Incumbent (commit ${context.incumbent.commit}): ` +
      settings.metrics
        .map((metric) => `${metric.name}=${context.incumbent.metrics[metric.name] ?? '-'}`)
        .join(' '),
  );
  const start = startSection(context);
  if (start.length > 0) lines.push('', ...start);
  if (context.stuck) lines.push('', ...WHEN_STUCK);
  lines.push('', `This is experiment #${context.experiment}. Reply in the format above.`, '');
  return lines
    .join('\n')
    .replace(/^\n+/, '')
    .replace(/\n{3,}/g, '\n\n');
}
