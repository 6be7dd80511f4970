// Reads an `llm` reply (docs/llm.md): a `Hypothesis:` line, then per file a path line and a fenced block of
// SEARCH/REPLACE pairs (or, without markers, the whole new file). Models vary the details, so the markers
// accept 5-9 marker characters and trailing spaces, the path may be wrapped in backticks or bold, and
// fences may be ``` or ~~~ with a language.
import type { Edit, EditBlock, ParsedReply, WholeFile } from './types.js';

const SEARCH_MARKER = /^\s*<{5,9}\s*SEARCH\s*$/i;
const DIVIDER_MARKER = /^\s*={5,9}\s*$/;
const REPLACE_MARKER = /^\s*>{5,9}\s*REPLACE\s*$/i;
const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+#.-]*)\s*$/;
const HYPOTHESIS = /^\s*(?:[#>*_\s-]*)hypothesis\s*(?:[*_]+\s*)?[:：]\s*(?:[*_]+\s*)?(.*?)\s*$/i;

type Marker = 'search' | 'divider' | 'replace';

function markerOf(line: string): Marker | undefined {
  if (SEARCH_MARKER.test(line)) return 'search';
  if (DIVIDER_MARKER.test(line)) return 'divider';
  if (REPLACE_MARKER.test(line)) return 'replace';
  return undefined;
}

/** The path a line names, if it is a path line: `src/a.ts`, **src/a.ts**, `### src/a.ts:`, `File: src/a.ts`. */
export function pathOfLine(line: string): string | undefined {
  let text = line.trim();
  text = text.replace(/^#{1,6}\s+/, '').replace(/^(?:file(?:name)?|path)\s*:\s*/i, '');
  // Unwrap bold/italic and backticks in any order, then a trailing colon.
  for (let round = 0; round < 3; round++) {
    text = text
      .replace(/^(\*\*|__|\*|_)(.+)\1$/, '$2')
      .replace(/^`+([^`]+)`+$/, '$1')
      .replace(/:$/, '')
      .trim();
  }
  if (text === '' || /\s/.test(text)) return undefined;
  if (!/^[\w.\-/@+~[\]()]+$/.test(text)) return undefined;
  // A bare word is prose, not a path, unless it is a conventional extension-less file name.
  if (!/[./]/.test(text) && !/(?:file|^LICENSE|^README)$/i.test(text)) return undefined;
  if (/^\.+$/.test(text) || text.endsWith('.')) return undefined; // 'Done.' is prose
  return text.replace(/^\.\//, '');
}

interface Pair {
  path: string | undefined;
  search: string[];
  replace: string[];
}

interface Fence {
  char: string;
  length: number;
}

function closesFence(line: string, fence: Fence): boolean {
  const match = FENCE.exec(line);
  return match !== null && match[2] === '' && match[1]![0] === fence.char && match[1]!.length >= fence.length;
}

/** The kind of the next marker line at or after `from`, to tell a nested fence from a closing one. */
function nextMarker(lines: readonly string[], from: number): Marker | undefined {
  for (let index = from; index < lines.length; index++) {
    const marker = markerOf(lines[index]!);
    if (marker) return marker;
  }
  return undefined;
}

export function parseReply(text: string): ParsedReply {
  const lines = text.split(/\r?\n/);
  const reply: ParsedReply = { blocks: [], wholeFiles: [], problems: [] };
  let number = 0;
  let lastPath: string | undefined;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (reply.hypothesis === undefined) {
      const hypothesis = HYPOTHESIS.exec(line);
      if (hypothesis && hypothesis[1]) {
        reply.hypothesis = hypothesis[1];
        continue;
      }
    }
    const fenceMatch = FENCE.exec(line);
    const bareMarker = markerOf(line) === 'search';
    if (!fenceMatch && !bareMarker) {
      if (line.trim() !== '') lastPath = pathOfLine(line);
      continue;
    }
    // A fence (or, tolerated, SEARCH markers with no fence at all).
    const fence: Fence | undefined = fenceMatch
      ? { char: fenceMatch[1]![0]!, length: fenceMatch[1]!.length }
      : undefined;
    const path = lastPath;
    lastPath = undefined;
    const body: string[] = [];
    const pairs: Pair[] = [];
    let section: 'outside' | 'search' | 'replace' = 'outside';
    let current: Pair | undefined;
    // A path line inside the fence (the model put it there, or wrapped the whole reply in an outer fence)
    // names the file of the pairs after it when no path line precedes the fence.
    let innerPath: string | undefined;
    let cursor = fence ? index + 1 : index;
    let closed = false;
    for (; cursor < lines.length; cursor++) {
      const inner = lines[cursor]!;
      const marker = markerOf(inner);
      if (section === 'outside') {
        if (fence && closesFence(inner, fence)) {
          closed = true;
          break;
        }
        if (marker === 'search') {
          current = { path: path ?? innerPath, search: [], replace: [] };
          section = 'search';
          continue;
        }
        if (!fence && inner.trim() !== '') break; // a bare block ends at the first line after REPLACE
        if (inner.trim() !== '' && !FENCE.test(inner)) innerPath = pathOfLine(inner);
        body.push(inner);
        continue;
      }
      // Inside SEARCH or REPLACE: a fence line is content (a markdown file's own fence) when this section's
      // closing marker still follows; otherwise the model forgot the marker and the fence ends the block.
      const expected: Marker = section === 'search' ? 'divider' : 'replace';
      if (fence && closesFence(inner, fence) && nextMarker(lines, cursor + 1) !== expected) {
        reply.problems.push(
          `block ${number + 1}${path ? ` (${path})` : ''}: missing ${section === 'search' ? '=======' : '>>>>>>> REPLACE'} marker`,
        );
        current = undefined;
        closed = true;
        break;
      }
      if (section === 'search' && marker === 'divider') section = 'replace';
      else if (section === 'replace' && marker === 'replace') {
        pairs.push(current!);
        current = undefined;
        section = 'outside';
      } else if (section === 'search' && marker === 'search') {
        reply.problems.push(
          `block ${number + 1}${path ? ` (${path})` : ''}: SEARCH marker inside a SEARCH section`,
        );
      } else (section === 'search' ? current!.search : current!.replace).push(inner);
    }
    if (current)
      reply.problems.push(`block ${number + 1}${path ? ` (${path})` : ''}: unterminated SEARCH/REPLACE`);
    if (fence && !closed && pairs.length === 0 && body.length > 0 && path !== undefined) {
      reply.problems.push(`the fenced block for ${path} is not closed`);
    }
    index = fence && closed ? cursor : cursor - 1;

    if (pairs.length > 0) {
      for (const pair of pairs) {
        number++;
        if (pair.path === undefined) {
          reply.problems.push(`block ${number}: no file path on the line before its fence`);
          continue;
        }
        const search = pair.search.every((searchLine) => searchLine.trim() === '')
          ? ''
          : pair.search.join('\n');
        reply.blocks.push({
          kind: 'replace',
          number,
          path: pair.path,
          search,
          replace: pair.replace.join('\n'),
        });
      }
    } else if (path !== undefined && fence && closed) {
      number++;
      reply.wholeFiles.push({
        kind: 'whole',
        number,
        path,
        content: body.length ? body.join('\n') + '\n' : '',
      });
    }
    // A fence without a path and without markers is illustration, not an edit.
  }
  if (reply.blocks.length === 0 && reply.wholeFiles.length === 0 && reply.problems.length === 0) {
    reply.problems.push('no edit blocks found');
  }
  return reply;
}

/** All edits of a reply in reply order (blocks and whole files interleaved), as planEdits takes them. */
export function editsOf(reply: ParsedReply): Edit[] {
  const edits: (EditBlock | WholeFile)[] = [...reply.blocks, ...reply.wholeFiles];
  return edits.sort((a, b) => a.number - b.number);
}
