import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges, planEdits } from '../src/edit/apply.js';
import { closestLines, describeFailures } from '../src/edit/feedback.js';
import { editsOf, parseReply, pathOfLine } from '../src/edit/parse.js';
import { benchEdits } from '../bench/edits.js';
import { editCorpus, runEditCase } from './fixtures/edit-corpus/index.js';

const fileSet =
  (files: Record<string, string>) =>
  (path: string): string | undefined =>
    Object.hasOwn(files, path) ? files[path] : undefined;
const everywhere = (): boolean => true;

describe('parseReply', () => {
  it('reads the hypothesis and a block in the documented form', () => {
    const reply = parseReply(
      'Hypothesis: a smaller learning rate converges better\n\nsrc/train.py\n```python\n<<<<<<< SEARCH\nlr = 0.1\n=======\nlr = 0.05\n>>>>>>> REPLACE\n```\n',
    );
    expect(reply.hypothesis).toBe('a smaller learning rate converges better');
    expect(reply.problems).toEqual([]);
    expect(reply.blocks).toEqual([
      { kind: 'replace', number: 1, path: 'src/train.py', search: 'lr = 0.1', replace: 'lr = 0.05' },
    ]);
  });

  it('numbers several pairs in one fence and whole files in reply order', () => {
    const reply = parseReply(
      '**Hypothesis:** two edits\n\na.txt\n~~~\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n<<<<<<< SEARCH\nc\n=======\n>>>>>>> REPLACE\n~~~\n\n`b.ini`\n```ini\nx = 1\n```\n',
    );
    expect(reply.hypothesis).toBe('two edits');
    expect(reply.blocks.map((block) => [block.number, block.path, block.search, block.replace])).toEqual([
      [1, 'a.txt', 'a', 'b'],
      [2, 'a.txt', 'c', ''],
    ]);
    expect(reply.wholeFiles).toEqual([{ kind: 'whole', number: 3, path: 'b.ini', content: 'x = 1\n' }]);
    expect(editsOf(reply).map((edit) => edit.number)).toEqual([1, 2, 3]);
  });

  it('treats a blank-only SEARCH as a create', () => {
    const reply = parseReply('new.txt\n```\n<<<<<<< SEARCH\n\n=======\nhello\n>>>>>>> REPLACE\n```\n');
    expect(reply.blocks[0]).toMatchObject({ path: 'new.txt', search: '', replace: 'hello' });
  });

  it('recognises path lines and rejects prose', () => {
    expect(pathOfLine('**src/a.ts**')).toBe('src/a.ts');
    expect(pathOfLine('`./src/a.ts`:')).toBe('src/a.ts');
    expect(pathOfLine('## Makefile')).toBe('Makefile');
    expect(pathOfLine('Here is the change:')).toBeUndefined();
    expect(pathOfLine('Done.')).toBeUndefined();
    expect(pathOfLine('Then')).toBeUndefined();
  });

  it('reports malformed blocks instead of guessing', () => {
    expect(parseReply('a.txt\n```\n<<<<<<< SEARCH\nold\n=======\nnew\n```\n').problems[0]).toMatch(
      /block 1 \(a\.txt\): missing >>>>>>> REPLACE/,
    );
    expect(parseReply('just words').problems).toEqual(['no edit blocks found']);
  });
});

describe('planEdits', () => {
  it('is a dry run that reports failures and the blocks that would apply', () => {
    const files = { 'a.txt': 'one\ntwo\n' };
    const reply = parseReply(
      'a.txt\n```\n<<<<<<< SEARCH\none\n=======\nONE\n>>>>>>> REPLACE\n<<<<<<< SEARCH\nthree\n=======\nTHREE\n>>>>>>> REPLACE\n```\n',
    );
    const plan = planEdits(fileSet(files), editsOf(reply), everywhere);
    expect(plan).toEqual({
      ok: false,
      failures: [{ block: 2, path: 'a.txt', reason: 'SEARCH not found', search: 'three' }],
      appliedInDryRun: [1],
    });
    expect(files['a.txt']).toBe('one\ntwo\n');
  });

  it('keeps CRLF line endings and re-indents under a uniform offset', () => {
    const reply = parseReply(
      'a.py\n```\n<<<<<<< SEARCH\nreturn 1\n=======\nx = 2\nreturn x\n>>>>>>> REPLACE\n```\n',
    );
    const plan = planEdits(fileSet({ 'a.py': 'def f():\r\n    return 1\r\n' }), editsOf(reply), everywhere);
    expect(plan).toEqual({
      ok: true,
      changes: new Map([['a.py', 'def f():\r\n    x = 2\r\n    return x\r\n']]),
    });
  });

  it('checks scope with the given matcher and refuses whole files over the size limit', () => {
    const reply = parseReply('a.txt\n```\nnew content\n```\n');
    const outside = planEdits(fileSet({ 'a.txt': 'old\n' }), editsOf(reply), () => false);
    expect(outside.ok || outside.failures[0]!.reason).toBe('out of scope: a.txt');
    const tooBig = planEdits(fileSet({ 'a.txt': 'a\nb\nc\n' }), editsOf(reply), everywhere, {
      wholeFileMaxLines: 2,
    });
    expect(tooBig.ok || tooBig.failures[0]!.reason).toMatch(
      /too big for a whole-file reply.*SEARCH\/REPLACE/,
    );
  });
});

describe('describeFailures', () => {
  const file = [
    'def f(x):',
    '    total = 0',
    '    for i in range(x):',
    '        total += i',
    '    return total',
    '',
  ].join('\n');

  it('shows the closest actual lines with line numbers, what matched, and the format', () => {
    const text = describeFailures(
      [{ block: 2, path: 'm.py', reason: 'SEARCH not found', search: 'for i in range(n):\n    total += i' }],
      fileSet({ 'm.py': file }),
      [1, 3],
    );
    expect(text).toContain('Block 2 (m.py): SEARCH not found');
    expect(text).toContain('3 |     for i in range(x):\n4 |         total += i');
    expect(text).toContain('Blocks 1, 3 matched and would apply.');
    expect(text).toContain('<<<<<<< SEARCH');
    expect(text).toContain('nothing was changed');
  });

  it('reports other failures as they are, and no matches', () => {
    const text = describeFailures([{ block: 1, path: 'x.txt', reason: 'out of scope: x.txt' }], fileSet({}));
    expect(text).toContain('Block 1 (x.txt): out of scope: x.txt');
    expect(text).toContain('No block matched.');
  });

  it('closestLines picks the most similar window', () => {
    const closest = closestLines(['alpha', 'beta', 'gamma', 'delta'], ['gamma!', 'delta']);
    expect(closest).toMatchObject({ start: 2, lines: ['gamma', 'delta'] });
  });
});

describe('applyChanges', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('writes planned contents, creating directories, and refuses paths outside the root', async () => {
    root = await mkdtemp(join(tmpdir(), 'autoexp-edit-'));
    await applyChanges(root, new Map([['deep/dir/a.txt', 'hello\r\n']]));
    expect(await readFile(join(root, 'deep/dir/a.txt'), 'utf8')).toBe('hello\r\n');
    await expect(applyChanges(root, new Map([['../escape.txt', 'x']]))).rejects.toThrow(
      /outside the working tree/,
    );
  });
});

describe('edit corpus', () => {
  const corpus = editCorpus();

  it('has at least 100 cases with unique names', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    expect(new Set(corpus.map((testCase) => testCase.name)).size).toBe(corpus.length);
  });

  it.each(corpus.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const outcome = runEditCase(testCase);
    expect(outcome.wrongPlace, outcome.detail).toBe(false);
    expect(outcome.asExpected, outcome.detail).toBe(true);
  });

  it('applies every applicable case and nothing at a wrong place', () => {
    const result = benchEdits();
    console.log(
      `edit corpus: ${result.cases} cases, ${result.succeeded}/${result.applicable} applicable succeeded ` +
        `(${(result.successRate * 100).toFixed(1)} %), ${result.wrongPlace} wrong-place`,
    );
    expect(result.wrongPlace).toBe(0);
    expect(result.successRate).toBe(1);
    expect(result.applicable).toBeGreaterThan(50);
  });
});
