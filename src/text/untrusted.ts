// Text autoexp did not write — a proposer's description, a model's hypothesis, the names of files a
// proposer made, an eval's output — on its way into git, the ledger, terminals, the runner's log and
// markdown. This module makes it plain text: no control characters (so no terminal escape sequences and
// no carriage return that rewrites a line), no bidi controls that reorder what is displayed, no invisible
// characters that hide or smuggle text, and a bounded length. Pure functions, applied where such text
// enters autoexp (the proposer's description file, the model's reply, a log tail, a reason built from file
// names); each place it leaves autoexp adds its own escaping on top (markdown.ts, workflow-log.ts,
// commit-message.ts).

/** How long each kind of field may be; one-line fields count code points, an ellipsis included when cut. */
export const TEXT_LIMITS = {
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
  noteBytes: 16 * 1024,
} as const;

// Terminal escape sequences are removed whole, so that no "[2J" or "]0;title" is left behind: CSI (ESC [ or
// U+009B, parameters, intermediates, a final byte), OSC (ESC ] or U+009D, up to BEL, ST or the next
// control), DCS, SOS, PM and APC strings (ESC P/X/^/_ or U+0090/0098/009E/009F, up to ST or the next
// control), and two-byte escapes (ESC c, ESC 7, ESC ( B). What is left of a broken sequence is plain text
// once its ESC is gone.
const ESCAPE_SEQUENCE = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]',
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[^\\u0000-\\u001f\\u007f-\\u009f]*(?:\\u0007|\\u001b\\\\|\\u009c)?',
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]',
  ].join('|'),
  'g',
);
/** Everything that ends a line for some reader: LF, CR, VT, FF, NEL, and the Unicode separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
/** A run of line breaks and tabs: one space in a one-line field. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BREAKS_AND_TABS = /[\t\n\r\u000b\u000c\u0085\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS_BUT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/**
 * Default-ignorable code points render as nothing: zero-width spaces and joiners, bidi marks, embeddings,
 * overrides and isolates (U+200E/F, U+061C, U+202A–202E, U+2066–2069), invisible operators, variation
 * selectors, tag characters, the soft hyphen, Hangul fillers.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const EMOJI_BEFORE_JOINER = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
/** A letter or mark of a script that needs ZWJ/ZWNJ to spell words (Persian, the Indic scripts…), never ASCII. */
const JOINING_LETTER = /^(?!\p{ASCII})[\p{L}\p{M}]$/u;
const VARIATION_SELECTOR = /^[\uFE00-\uFE0F]$/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A one-line field (a description, a reason, a file name): escape sequences and control characters removed
 * (tabs and line breaks become a space), bidi controls and invisible characters removed, the ends trimmed,
 * and past `max` code points cut at a character boundary, ending with "…". `max` may be Infinity.
 */
export function cleanLine(text: string, max: number): string {
  const { text: bounded, cut } = boundInput(text, Number.isFinite(max) ? max * 8 + 256 : Infinity, 'start');
  const clean = dropInvisible(
    bounded.toWellFormed().replace(ESCAPE_SEQUENCE, '').replace(BREAKS_AND_TABS, ' ').replace(CONTROLS, ''),
  ).trim();
  return cutToCodePoints(clean, max, cut);
}

export interface BlockOptions {
  /** Which end to keep when the text is too long: the start (a note) or the end (a log tail). Default start. */
  keep?: 'start' | 'end';
}

/**
 * Multi-line text (a log tail, a reviewer's note): as cleanLine, but line breaks (CR, CRLF and the rest)
 * become "\n" and tabs stay; past `maxBytes` UTF-8 bytes it is cut on a line boundary when one is near,
 * with a marker line saying so. `maxBytes` may be Infinity.
 */
export function cleanBlock(text: string, maxBytes: number, options: BlockOptions = {}): string {
  const keep = options.keep ?? 'start';
  const { text: bounded, cut } = boundInput(
    text,
    Number.isFinite(maxBytes) ? maxBytes * 4 + 1024 : Infinity,
    keep,
  );
  const clean = dropInvisible(
    bounded
      .toWellFormed()
      .replace(ESCAPE_SEQUENCE, '')
      .replace(LINE_BREAKS, '\n')
      .replace(CONTROLS_BUT_NEWLINE_AND_TAB, ''),
  );
  return cutToBytes(clean, maxBytes, keep, cut);
}

/**
 * Removes default-ignorable code points except where a visible text needs them: a ZWJ inside an emoji
 * sequence, a ZWJ or ZWNJ between two letters of a script that spells with them, one variation selector
 * right after a visible character. A run of selectors after a character (a way to smuggle bytes) keeps one.
 */
function dropInvisible(text: string): string {
  if (!INVISIBLE.test(text)) return text;
  const points = Array.from(text);
  let out = '';
  for (let index = 0; index < points.length; index++) {
    const point = points[index]!;
    if (!INVISIBLE.test(point)) {
      out += point;
      continue;
    }
    const before = points[index - 1];
    const after = points[index + 1];
    const keep =
      before !== undefined &&
      ((point === '\u200d' &&
        after !== undefined &&
        EMOJI_BEFORE_JOINER.test(before) &&
        PICTOGRAPHIC.test(after)) ||
        ((point === '\u200d' || point === '\u200c') &&
          after !== undefined &&
          JOINING_LETTER.test(before) &&
          JOINING_LETTER.test(after)) ||
        (VARIATION_SELECTOR.test(point) && !INVISIBLE.test(before)));
    if (keep) out += point;
  }
  return out;
}

/**
 * Huge input (a 200 kB description, a megabyte of one log line) is first cut to `units` UTF-16 units, never
 * inside a surrogate pair, so that cleaning costs no more than the output is worth.
 */
function boundInput(text: string, units: number, keep: 'start' | 'end'): { text: string; cut: boolean } {
  if (text.length <= units) return { text, cut: false };
  if (keep === 'start') {
    let end = units;
    if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
    return { text: text.slice(0, end), cut: true };
  }
  let start = text.length - units;
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  return { text: text.slice(start), cut: true };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * At most `max` code points, "…" included when cut: cut at a grapheme boundary (never inside a surrogate
 * pair, never between a letter and its combining marks), as results.tsv cuts descriptions. `inputCut`: the
 * text is already the start of something longer, so it ends with "…" whatever its length.
 */
export function cutToCodePoints(text: string, max: number, inputCut: boolean): string {
  // UTF-16 length is never below the code point count, so this skips the common short case cheaply.
  if (!inputCut && text.length <= max) return text;
  const codePoints = Array.from(text);
  if (!inputCut && codePoints.length <= max) return text;
  if (max < 1) return '';
  if (codePoints.length < max) return `${text.trimEnd()}…`;
  const budget = max - 1; // room for the ellipsis
  let kept = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = Array.from(segment).length;
    if (count + size > budget) break;
    kept += segment;
    count += size;
  }
  // A single grapheme longer than the budget (a pile of combining marks): cut on code points instead.
  if (kept === '') kept = codePoints.slice(0, budget).join('');
  return `${kept.trimEnd()}…`;
}

/**
 * At most `maxBytes` UTF-8 bytes, marker line included, cut on a line boundary when one is near. `inputCut`:
 * the text is already part of something longer, so the marker is there whatever its length.
 */
function cutToBytes(text: string, maxBytes: number, keep: 'start' | 'end', inputCut: boolean): string {
  if (!Number.isFinite(maxBytes)) return text;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes && !inputCut) return text;
  const marker = keep === 'start' ? '… [autoexp: the rest is cut]' : '[autoexp: earlier output cut] …';
  const room = maxBytes - Buffer.byteLength(marker) - 1;
  if (room <= 0) return '';
  if (bytes.length <= room) return keep === 'start' ? `${text}\n${marker}` : `${marker}\n${text}`;
  if (keep === 'start') {
    let end = room;
    while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--; // back to the start of a UTF-8 sequence
    const newline = bytes.lastIndexOf(0x0a, end - 1);
    const cutAt = newline >= end / 2 ? newline : end;
    return `${bytes.subarray(0, cutAt).toString('utf8')}\n${marker}`;
  }
  let start = bytes.length - room;
  while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++;
  const newline = bytes.indexOf(0x0a, start);
  const cutAt = newline !== -1 && newline - start <= room / 2 ? newline + 1 : start;
  return `${marker}\n${bytes.subarray(cutAt).toString('utf8')}`;
}
