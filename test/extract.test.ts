import { describe, expect, it } from 'vitest';
import type { MetricExtraction, MetricSpec } from '../src/config/settings.js';
import {
  MATCH_WINDOW,
  MAX_NUMERAL_LENGTH,
  MetricExtractor,
  parseMetricNumber,
  type Extraction,
  type OutputStream,
} from '../src/measure/extract.js';

function metric(name: string, extract: MetricExtraction = { kind: 'line' }): MetricSpec {
  return { name, goal: 'maximize', extract };
}

/** Feeds `stdout` then `stderr` text line by line, or an explicit interleaving. */
function extract(
  metrics: MetricSpec[],
  output: string | Array<[OutputStream, string]>,
  stderr = '',
): Extraction {
  const extractor = new MetricExtractor(metrics);
  const lines: Array<[OutputStream, string]> =
    typeof output === 'string'
      ? [
          ...output.split('\n').map((line): [OutputStream, string] => ['stdout', line]),
          ...(stderr ? stderr.split('\n').map((line): [OutputStream, string] => ['stderr', line]) : []),
        ]
      : output;
  for (const [stream, line] of lines) extractor.feed(line, stream);
  return extractor.result();
}

describe('parseMetricNumber', () => {
  it('reads decimal and scientific numbers and rejects the rest', () => {
    expect(parseMetricNumber('1')).toBe(1);
    expect(parseMetricNumber(' -2.5 ')).toBe(-2.5);
    expect(parseMetricNumber('1e-3')).toBe(0.001);
    expect(parseMetricNumber('.5')).toBe(0.5);
    expect(parseMetricNumber('+3.')).toBe(3);
    for (const text of ['NaN', 'inf', '-Infinity', '1e999', '0x10', '1,5', '', 'abc', '1 2']) {
      expect(parseMetricNumber(text), text).toBeUndefined();
    }
  });
});

describe('line extraction (default)', () => {
  it('takes the last line "<name>: <number>"', () => {
    const result = extract([metric('hit_rate')], 'hit_rate: 0.5\nprogress\nhit_rate:0.75\nhit_rate_v2: 9');
    expect(result).toEqual({ metrics: { hit_rate: 0.75 }, problems: {} });
  });

  it('reads negative and scientific values, from stderr too', () => {
    expect(extract([metric('loss')], 'noise', 'loss: -2.5e-3').metrics).toEqual({ loss: -0.0025 });
    expect(extract([metric('x')], 'x: .5 (higher is better)').metrics).toEqual({ x: 0.5 });
  });

  it('escapes the metric name', () => {
    const result = extract([metric('a.b')], 'aXb: 3\na.b: 4');
    expect(result.metrics).toEqual({ 'a.b': 4 });
    expect(extract([metric('a.b')], 'aXb: 3').problems['a.b']).toBe('no line "a.b: <number>" in the output');
  });

  it('needs the name at the start of the line', () => {
    const result = extract([metric('score')], 'final score: 3\n  score: 4');
    expect(result).toEqual({ metrics: {}, problems: { score: 'no line "score: <number>" in the output' } });
  });

  it('rejects NaN and infinity when they are the last value printed', () => {
    const result = extract([metric('score')], 'score: 3\nscore: NaN');
    expect(result.metrics).toEqual({});
    expect(result.problems.score).toContain('not a finite number');
    expect(extract([metric('score')], 'score: inf').problems.score).toContain('not a finite number');
  });

  it('reports a number written in digit groups instead of reading its first group', () => {
    const written = ['1,500', "1'500", '1\u00a0500', '1\u202f500', '1,5', '-12,345.6', '0.93,0.91', '1,500x'];
    for (const grouped of written) {
      const result = extract([metric('ms')], `ms: 5\nms: ${grouped} (median)`);
      expect(result.metrics, grouped).toEqual({});
      expect(result.problems.ms, grouped).toContain('digit groups');
    }
    expect(extract([metric('ms')], 'ms: 0.5, p95: 0.9').metrics).toEqual({ ms: 0.5 });
    expect(extract([metric('ms')], 'ms: 7 (n=3)').metrics).toEqual({ ms: 7 });
  });

  it('says which metric is missing in garbage output', () => {
    const result = extract([metric('score'), metric('size')], '\u0000\u00ff garbage\nsize: 10\nscore: abc');
    expect(result.metrics).toEqual({ size: 10 });
    expect(result.problems).toEqual({ score: 'no line "score: <number>" in the output' });
  });
});

describe('pattern extraction', () => {
  const hitRate = metric('hit_rate', { kind: 'pattern', regex: 'hit rate = ([0-9.eE+-]+)' });

  it('takes the capture group of the last match, within a line too', () => {
    const result = extract([hitRate], 'hit rate = 0.1\nx hit rate = 0.2 then hit rate = 0.3\nend');
    expect(result).toEqual({ metrics: { hit_rate: 0.3 }, problems: {} });
  });

  it('applies ^ and $ to each line', () => {
    const anchored = metric('n', { kind: 'pattern', regex: '^n=(\\d+)$' });
    expect(extract([anchored], 'n=1\nxn=2\nn=3\nn=4x').metrics).toEqual({ n: 3 });
  });

  it('reports a pattern that matched nothing, or captured no number', () => {
    expect(extract([hitRate], 'nothing here').problems.hit_rate).toBe(
      "pattern 'hit rate = ([0-9.eE+-]+)' matched nothing",
    );
    const word = metric('w', { kind: 'pattern', regex: 'w=(\\w+)' });
    expect(extract([word], 'w=3\nw=abc').problems.w).toBe(
      `pattern 'w=(\\w+)' captured "abc", which is not a number`,
    );
  });

  it('reports an invalid regular expression', () => {
    expect(extract([metric('x', { kind: 'pattern', regex: '(' })], 'x').problems.x).toMatch(
      /not a valid regular expression/,
    );
  });
});

describe('json extraction', () => {
  const hitRate = metric('hit_rate', { kind: 'json', path: 'stats.hit_rate' });

  it('reads a dotted path from the last JSON object on stdout or stderr', () => {
    const output: Array<[OutputStream, string]> = [
      ['stdout', '{"stats": {"hit_rate": 0.1}}'],
      ['stdout', 'not json {'],
      ['stderr', '  {"stats": {"hit_rate": 0.2}, "ok": true}  '],
      ['stdout', 'done'],
    ];
    expect(extract([hitRate], output)).toEqual({ metrics: { hit_rate: 0.2 }, problems: {} });
  });

  it('follows array indexes', () => {
    const runs = metric('score', { kind: 'json', path: 'runs.1.score' });
    expect(extract([runs], '{"runs": [{"score": 1}, {"score": -2e2}]}').metrics).toEqual({ score: -200 });
    const bracketed = metric('score', { kind: 'json', path: 'runs[0].score' });
    expect(extract([bracketed], '{"runs": [{"score": 1}]}').metrics).toEqual({ score: 1 });
  });

  it('reads a pretty-printed object at the very end of stdout', () => {
    const pretty = JSON.stringify({ stats: { hit_rate: 0.9, runs: [{ a: 1 }, { a: 2 }] } }, null, 2);
    const stdout = `{"stats": {"hit_rate": 0.1}}\nsome log line\n${pretty}\n\n`;
    const runs = metric('a', { kind: 'json', path: 'stats.runs.1.a' });
    expect(extract([hitRate, runs], stdout)).toEqual({ metrics: { hit_rate: 0.9, a: 2 }, problems: {} });
  });

  it('prefers a single-line object printed after the pretty one', () => {
    const pretty = JSON.stringify({ stats: { hit_rate: 0.9 } }, null, 2);
    expect(extract([hitRate], pretty, '{"stats": {"hit_rate": 0.4}}').metrics).toEqual({ hit_rate: 0.4 });
  });

  it('says when the path or any object is missing, or the value is not a number', () => {
    expect(extract([hitRate], '{"stats": {}}').problems.hit_rate).toBe(
      'json path stats.hit_rate not found in the last JSON object',
    );
    // The last object decides, even if an earlier one had the path.
    expect(extract([hitRate], '{"stats": {"hit_rate": 1}}\n{"other": 2}').problems.hit_rate).toBe(
      'json path stats.hit_rate not found in the last JSON object',
    );
    expect(extract([hitRate], 'plain text').problems.hit_rate).toMatch(/^no JSON object in the output/);
    expect(extract([hitRate], '{"stats": {"hit_rate": "fast"}}').problems.hit_rate).toMatch(
      /is "\\"fast\\"", not a number/,
    );
    expect(extract([hitRate], '{"stats": {"hit_rate": "0.5"}}').metrics).toEqual({ hit_rate: 0.5 });
  });
});

describe('stdout extraction', () => {
  const value = metric('value', { kind: 'stdout' });

  it('reads the whole trimmed stdout and ignores stderr noise', () => {
    expect(extract([value], '\n  -1.25e2  \n', 'warning: something\n42')).toEqual({
      metrics: { value: -125 },
      problems: {},
    });
  });

  it('quotes what stdout held instead of a number, cut to about 60 characters', () => {
    const problem = extract([value], `abc ${'x'.repeat(200)}`).problems.value ?? '';
    expect(problem.startsWith('stdout is not a number: "abc xxx')).toBe(true);
    expect(problem.endsWith('…"')).toBe(true);
    expect(problem.length).toBeLessThan(100);
    expect(extract([value], '1\n2').problems.value).toBe('stdout is not a number: "1 2"');
    expect(extract([value], '', '5').problems.value).toBe('stdout is empty; expected one number');
  });

  it('does not take the end of a long stdout for the whole of it', () => {
    const lines: Array<[OutputStream, string]> = [];
    for (let i = 0; i < 2000; i++) lines.push(['stdout', 'y'.repeat(100)]);
    lines.push(['stdout', '7']);
    expect(extract([value], lines).problems.value).toMatch(/^stdout is not a number/);
  });
});

describe('bounded work per line, whatever the output', () => {
  const digits = '1'.repeat(40_000);
  /** Lines on which the number patterns used to backtrack quadratically (seconds each). */
  const floods = [
    `score: ${digits}x`,
    `score: ${digits}.5.5`,
    `${digits}x`,
    `p=${digits}`,
    `{"v": ${digits}1x}`,
  ];

  it('reads every kind of metric over lines of 40,000 digits at once', () => {
    const extractor = new MetricExtractor([
      metric('score'),
      metric('p', { kind: 'pattern', regex: 'p=(\\d+)' }),
      metric('v', { kind: 'json', path: 'v' }),
      metric('all', { kind: 'stdout' }),
    ]);
    const started = performance.now();
    for (let round = 0; round < 10; round++) for (const line of floods) extractor.feed(line, 'stdout');
    extractor.feed('score: 5', 'stderr');
    const result = extractor.result();
    // Before the bound this took minutes; a generous limit keeps the test steady on a slow machine.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.metrics).toEqual({ score: 5 });
    expect(result.problems.p).toMatch(/may be cut/);
    expect(result.problems.all).toMatch(/^stdout is not a number/);
  });

  it('rejects absurdly long numerals and numbers that run past what is read of a line', () => {
    expect(parseMetricNumber(`${'0'.repeat(MAX_NUMERAL_LENGTH - 1)}7`)).toBe(7);
    expect(parseMetricNumber(`0.${'5'.repeat(MAX_NUMERAL_LENGTH)}`)).toBeUndefined();
    const long = extract([metric('score')], `score: 0.${'1'.repeat(MATCH_WINDOW)}`);
    expect(long.problems.score).toBe(
      `the number in the last line "score: …" goes past the ${MATCH_WINDOW} characters read of a line`,
    );
    const absurd = extract([metric('score')], `score: 0.${'1'.repeat(2000)}`);
    expect(absurd.problems.score).toBe(`the last line "score: 0.${'1'.repeat(58)}…" is not a finite number`);
  });

  it('reads a short metric at the start of a long line, and nothing past the window', () => {
    const tail = 'x'.repeat(MATCH_WINDOW * 2);
    expect(extract([metric('score')], `score: 7 ${tail}`).metrics).toEqual({ score: 7 });
    const pattern = metric('n', { kind: 'pattern', regex: 'n=(\\d+)' });
    expect(extract([pattern], `n=1\n${tail} n=2`).metrics).toEqual({ n: 1 });
  });
});

describe('the streaming entry (feedBytes)', () => {
  it('finds what feeding the decoded lines finds, lines that only begin like a metric included', () => {
    const lines = [
      'scor',
      'score',
      'score:',
      'score: 5',
      'xscore: 6',
      'Score: 9',
      'size: 3',
      'score:7',
      ' score: 8',
      '',
    ];
    const metrics = [metric('score'), metric('size')];
    for (let first = 0; first < lines.length; first++) {
      const order = [...lines.slice(first), ...lines.slice(0, first)];
      const bytes = new MetricExtractor(metrics);
      const text = new MetricExtractor(metrics);
      for (const line of order) {
        bytes.feedBytes(Buffer.from(line), 'stdout');
        text.feed(line, 'stdout');
      }
      expect(bytes.result()).toEqual(text.result());
    }
  });
});
