// lessons.md (docs/format.md): what the program has learned, one line each, kept in results.dir next to
// the ledger and shown to the proposer in every prompt. Two sections: what the ledger shows (rewritten by
// autoexp from the experiments log after every experiment, see ledger-facts.ts) and what proposers noted
// (a `Lesson:` line of an llm reply, lines a command proposer appended to AUTOEXP_LESSONS_FILE). Only
// autoexp writes the file; a person may delete a line of it on the branch to drop a lesson.
//
// Everything that comes from a proposer, or from the file as the branch holds it, is untrusted text: each
// lesson is one cleaned line of bounded length, and the number kept is bounded too. Pure functions.
import { cleanLine } from '../text/untrusted.js';

export const LESSONS_FILE = 'lessons.md';
/** The longest lesson, in code points ("…" included when cut). */
export const LESSON_CHARS = 300;
/** Lessons a proposer may add per experiment (a command proposer may append several lines). */
export const LESSONS_PER_EXPERIMENT = 3;
/** Proposers' lessons the file keeps; past it the oldest are dropped. */
export const LESSONS_KEPT = 60;
/** What a prompt shows of the lessons: at most this many UTF-8 bytes, the oldest noted lessons left out first. */
export const LESSONS_PROMPT_BYTES = 4096;

const NOTED_HEADING = '## Noted by proposers';
const FACTS_HEADING = '## What the ledger shows';

export interface Lesson {
  /** The experiment whose proposer noted it; undefined for a line a person added. */
  experiment?: number;
  text: string;
}

export interface Lessons {
  /** Derived from the experiments log (ledger-facts.ts), newest understanding only. */
  facts: string[];
  /** Noted by proposers, oldest first. */
  noted: Lesson[];
}

/** One lesson as a proposer wrote it: one clean line, bounded; '' when nothing is left. */
export function cleanLesson(text: string): string {
  return cleanLine(text.replace(/^\s*(?:[-*]\s+|lesson\s*:\s*)/i, ''), LESSON_CHARS);
}

const LESSON_LINE = /^\s*(?:[#>*_\s-]*)lesson\s*(?:[*_]+\s*)?[:：]\s*(?:[*_]+\s*)?(.*?)\s*$/i;
const FENCE_LINE = /^\s*(`{3,}|~{3,})/;

/**
 * The `Lesson:` line of an llm reply (the first one outside code fences: a file in a SEARCH block may hold
 * such a line), or undefined.
 */
export function lessonOfReply(reply: string): string | undefined {
  let fence: string | undefined;
  for (const line of reply.split(/\r?\n/)) {
    const marker = FENCE_LINE.exec(line)?.[1];
    if (marker) {
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const text = LESSON_LINE.exec(line)?.[1];
    if (text) return text;
  }
  return undefined;
}

/** The `- ` lines of one section of a lessons.md (the file is on a branch anyone with push access can edit). */
function sectionItems(text: string, heading: string): string[] {
  const items: string[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) {
      inside = line.trim() === heading;
      continue;
    }
    if (inside && /^\s*[-*]\s/.test(line)) items.push(line.replace(/^\s*[-*]\s+/, ''));
  }
  return items;
}

/** The noted lessons of a lessons.md as the branch holds it, each cleaned again. */
export function parseLessons(text: string | undefined): Lesson[] {
  if (!text) return [];
  const noted: Lesson[] = [];
  for (const item of sectionItems(text, NOTED_HEADING)) {
    const match = /^#(\d+):\s*(.*)$/.exec(item);
    const clean = cleanLesson(match ? match[2]! : item);
    if (clean === '') continue;
    noted.push(match ? { experiment: Number(match[1]), text: clean } : { text: clean });
  }
  return noted.slice(-LESSONS_KEPT);
}

/** The "What the ledger shows" lines of a lessons.md (for reports; sessions derive them afresh). */
export function parseLedgerFacts(text: string | undefined): string[] {
  if (!text) return [];
  return sectionItems(text, FACTS_HEADING)
    .map((item) => cleanLine(item, 2 * LESSON_CHARS))
    .filter((item) => item !== '')
    .slice(0, 20);
}

/**
 * `noted` with what experiment `experiment`'s proposer noted added: cleaned, at most
 * LESSONS_PER_EXPERIMENT, none that is already there, the oldest dropped past LESSONS_KEPT.
 */
export function addLessons(noted: readonly Lesson[], experiment: number, texts: readonly string[]): Lesson[] {
  const known = new Set(noted.map((lesson) => lesson.text.toLowerCase()));
  const added: Lesson[] = [];
  for (const text of texts) {
    const clean = cleanLesson(text);
    if (clean === '' || known.has(clean.toLowerCase())) continue;
    known.add(clean.toLowerCase());
    added.push({ experiment, text: clean });
    if (added.length === LESSONS_PER_EXPERIMENT) break;
  }
  return [...noted, ...added].slice(-LESSONS_KEPT);
}

function formatLesson(lesson: Lesson): string {
  return `- ${lesson.experiment === undefined ? '' : `#${lesson.experiment}: `}${lesson.text}`;
}

/** The whole lessons.md. */
export function renderLessons(branch: string, lessons: Lessons): string {
  const lines = [
    `# What autoexp has learned on ${branch}`,
    '',
    'Shown to the proposer in every prompt. autoexp rewrites the first section from the experiments log',
    `after every experiment; the second keeps the newest ${LESSONS_KEPT} lessons proposers noted, one line each.`,
    'Delete a line on the branch to drop a lesson.',
    '',
    FACTS_HEADING,
    '',
    ...(lessons.facts.length > 0 ? lessons.facts.map((fact) => `- ${fact}`) : ['(nothing yet)']),
    '',
    NOTED_HEADING,
    '',
    ...(lessons.noted.length > 0 ? lessons.noted.map(formatLesson) : ['(nothing yet)']),
    '',
  ];
  return lines.join('\n');
}

/**
 * The lessons as a prompt shows them, within `maxBytes`: what the ledger shows first (it is short and
 * always true), then the newest noted lessons that fit, the oldest left out first with a line saying how
 * many. '' when there is nothing to show.
 */
export function lessonsForPrompt(lessons: Lessons, maxBytes = LESSONS_PROMPT_BYTES): string {
  if (lessons.facts.length === 0 && lessons.noted.length === 0) return '';
  const size = (line: string) => Buffer.byteLength(line) + 1;
  const lines: string[] = [];
  let used = 0;
  const take = (line: string): boolean => {
    if (used + size(line) > maxBytes) return false;
    lines.push(line);
    used += size(line);
    return true;
  };
  if (lessons.facts.length > 0) {
    take('From the ledger:');
    for (const fact of lessons.facts) if (!take(`- ${fact}`)) break;
  }
  if (lessons.noted.length === 0) return lines.join('\n');
  const omittedLine = (count: number) => `- (${count} older lessons not shown; all are in ${LESSONS_FILE})`;
  const heading = 'Noted by earlier proposers (oldest first):';
  // Room for the heading and a line about what is left out; then the newest lessons that fit.
  let room = maxBytes - used - 1 - size(heading) - size(omittedLine(lessons.noted.length));
  const shown: string[] = [];
  for (let index = lessons.noted.length - 1; index >= 0; index--) {
    const line = formatLesson(lessons.noted[index]!);
    if (size(line) > room) break;
    shown.unshift(line);
    room -= size(line);
  }
  if (shown.length === 0) return lines.join('\n');
  if (lines.length > 0) lines.push('');
  lines.push(heading);
  const omitted = lessons.noted.length - shown.length;
  if (omitted > 0) lines.push(omittedLine(omitted));
  lines.push(...shown);
  return lines.join('\n');
}
