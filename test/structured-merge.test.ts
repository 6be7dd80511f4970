// The merge combine falls back on when a replayed commit conflicts: keys and values of JSON, YAML and
// TOML, numeric literals of other text files; a conflict names the keys; anything unreadable is the
// plain conflict and nothing throws.
import { describe, expect, it } from 'vitest';
import { mergeConflictingFile, MAX_MERGE_BYTES } from '../src/combine/structured-merge.js';
import { parseJson } from '../src/combine/merge-json.js';
import { readToml } from '../src/combine/merge-toml.js';
import { threeWay, type Tree } from '../src/combine/three-way.js';

function merge(path: string, base: string, ours: string, theirs: string) {
  return mergeConflictingFile({ path, base, ours, theirs });
}

/** Both orders (ours/theirs swapped) must agree on the values; returns the ours-first text. */
function merged(path: string, base: string, ours: string, theirs: string): string {
  const result = merge(path, base, ours, theirs);
  expect(result).toHaveProperty('merged');
  return (result as { merged: string }).merged;
}

const json = (value: unknown, indent: number | string = 2) => `${JSON.stringify(value, null, indent)}\n`;

describe('JSON', () => {
  const base = json({ alpha: 1, beta: 0.5, gamma: 2, delta: 'x' });

  it("takes each side's change of a different key (the adjacent lines git cannot merge)", () => {
    const ours = json({ alpha: 1, beta: 0.7, gamma: 2, delta: 'x' });
    const theirs = json({ alpha: 1, beta: 0.5, gamma: 1.5, delta: 'x' });
    expect(merged('params.json', base, ours, theirs)).toBe(
      json({ alpha: 1, beta: 0.7, gamma: 1.5, delta: 'x' }),
    );
    expect(merged('params.json', base, theirs, ours)).toBe(
      json({ alpha: 1, beta: 0.7, gamma: 1.5, delta: 'x' }),
    );
  });

  it('names every key both sides changed differently', () => {
    const ours = json({ alpha: 2, beta: 0.7, gamma: 2, delta: 'x' });
    const theirs = json({ alpha: 3, beta: 0.6, gamma: 2, delta: 'y' });
    expect(merge('params.json', base, ours, theirs)).toEqual({ conflict: 'params.json: alpha, beta' });
  });

  it('accepts the same change on both sides', () => {
    const both = json({ alpha: 1, beta: 0.9, gamma: 2, delta: 'x' });
    const theirs = json({ alpha: 1, beta: 0.9, gamma: 3, delta: 'x' });
    expect(merged('p.json', base, both, theirs)).toBe(json({ alpha: 1, beta: 0.9, gamma: 3, delta: 'x' }));
  });

  it('keeps the file as ours writes it: indentation, key order, number spellings, no trailing newline', () => {
    const b = '{\n    "b": 1.0,\n    "a": 1e-3,\n    "c": [1, 2]\n}';
    const o = '{\n    "b": 1.0,\n    "a": 2e-3,\n    "c": [1, 2]\n}';
    const t = '{\n  "b": 1.50,\n  "a": 1e-3,\n  "c": [1, 2]\n}\n'; // rewritten with another indentation
    expect(merged('p.json', b, o, t)).toBe('{\n    "b": 1.50,\n    "a": 2e-3,\n    "c": [1, 2]\n}');
  });

  it('reads 0.90 as 0.9 but 1 as other than 1.0, and big integers exactly', () => {
    const b = '{"a": 0.9, "b": 1, "c": 12345678901234567890}';
    // ours only respells a: not a change, theirs' change of a wins
    expect(
      merged(
        'p.json',
        b,
        '{"a": 0.90, "b": 1, "c": 12345678901234567890}',
        '{"a": 0.8, "b": 1, "c": 12345678901234567890}',
      ),
    ).toBe('{"a": 0.8, "b": 1, "c": 12345678901234567890}');
    // 1 -> 1.0 is a change (Python reads a float), so both changing b is a conflict
    expect(
      merge(
        'p.json',
        b,
        '{"a": 0.9, "b": 1.0, "c": 12345678901234567890}',
        '{"a": 0.9, "b": 2, "c": 12345678901234567890}',
      ),
    ).toEqual({
      conflict: 'p.json: b',
    });
    expect(
      merge(
        'p.json',
        b,
        '{"a": 0.9, "b": 1, "c": 12345678901234567891}',
        '{"a": 0.9, "b": 1, "c": 12345678901234567892}',
      ),
    ).toEqual({
      conflict: 'p.json: c',
    });
  });

  it('merges nested objects key by key and names nested conflicts by their path', () => {
    const b = json({ model: { depth: 4, width: 64, act: 'relu' }, train: { lr: 0.1 } });
    const o = json({ model: { depth: 6, width: 64, act: 'relu' }, train: { lr: 0.1 } });
    const t = json({ model: { depth: 4, width: 128, act: 'relu' }, train: { lr: 0.05 } });
    expect(JSON.parse(merged('p.json', b, o, t))).toEqual({
      model: { depth: 6, width: 128, act: 'relu' },
      train: { lr: 0.05 },
    });
    expect(merged('p.json', b, o, t)).toBe(
      json({ model: { depth: 6, width: 128, act: 'relu' }, train: { lr: 0.05 } }),
    );
    const t2 = json({ model: { depth: 5, width: 64, act: 'gelu' }, train: { lr: 0.1 } });
    expect(merge('p.json', b, o, t2)).toEqual({ conflict: 'p.json: model.depth' });
  });

  it('adds and removes keys, placing an added key after its neighbour', () => {
    const b = json({ a: 1, b: 2, c: 3 });
    const o = json({ a: 1, b: 20, c: 3 });
    const t = json({ a: 1, b: 2, new: { x: [1, 2] }, c: 3, last: true });
    expect(merged('p.json', b, o, t)).toBe(json({ a: 1, b: 20, new: { x: [1, 2] }, c: 3, last: true }));
    // theirs removes c; ours changed b
    expect(merged('p.json', b, o, json({ a: 1, b: 2 }))).toBe(json({ a: 1, b: 20 }));
    // theirs removes the first key and adds one first
    expect(merged('p.json', b, o, json({ z: 0, b: 2, c: 3 }))).toBe(json({ z: 0, b: 20, c: 3 }));
    // removing every key leaves an empty object
    expect(
      merged('p.json', json({ o: { a: 1 }, k: 1 }), json({ o: { a: 1 }, k: 2 }), json({ o: {}, k: 1 })),
    ).toBe(json({ o: {}, k: 2 }));
    // adding to an empty object
    expect(merged('p.json', json({ o: {}, k: 1 }), json({ o: {}, k: 2 }), json({ o: { a: 1 }, k: 1 }))).toBe(
      json({ o: { a: 1 }, k: 2 }),
    );
  });

  it('adds runs of keys in their order and removes others in the same object', () => {
    const b = json({ a: 1, b: 2, c: 3, d: 4 });
    const o = json({ a: 1, b: 2, c: 3, d: 40, mine: 0 });
    const t = json({ first: 0, a: 1, b: 2, x: 1, y: 2, d: 4, z: 3 });
    expect(merged('p.json', b, o, t)).toBe(json({ first: 0, a: 1, b: 2, x: 1, y: 2, d: 40, z: 3, mine: 0 }));
  });

  it('merges thousands of changes in one pass (a big file, every key changed by one side)', () => {
    const size = 5000;
    const values = (theirs: number, first: number) =>
      Object.fromEntries(Array.from({ length: size }, (_, i) => [`k${i}`, i === 0 ? first : theirs]));
    const expected = values(2, 5);
    expect(JSON.parse(merged('p.json', json(values(1, 1)), json(values(1, 5)), json(values(2, 1))))).toEqual(
      expected,
    );
    const yaml = (value: Record<string, number>) =>
      Object.entries(value)
        .map(([key, number]) => `${key}: ${number}`)
        .join('\n');
    expect(merged('p.yaml', yaml(values(1, 1)), yaml(values(1, 5)), yaml(values(2, 1)))).toBe(yaml(expected));
    const toml = (value: Record<string, number>) =>
      Object.entries(value)
        .map(([key, number]) => `${key} = ${number}\n`)
        .join('');
    expect(merged('p.toml', toml(values(1, 1)), toml(values(1, 5)), toml(values(2, 1)))).toBe(toml(expected));
  });

  it('keeps a one-line object one line when adding to it', () => {
    expect(merged('p.json', '{"a": 1, "b": 2}', '{"a": 5, "b": 2}', '{"a": 1, "b": 2, "c": 3}')).toBe(
      '{"a": 5, "b": 2, "c": 3}',
    );
  });

  it('is a conflict when a key one side changed was removed by the other, or both added it differently', () => {
    const b = json({ a: 1, b: 2 });
    expect(merge('p.json', b, json({ a: 1, b: 3 }), json({ a: 1 }))).toEqual({ conflict: 'p.json: b' });
    expect(merge('p.json', b, json({ a: 1 }), json({ a: 1, b: 3 }))).toEqual({ conflict: 'p.json: b' });
    expect(merge('p.json', b, json({ a: 1, b: 2, c: 1 }), json({ a: 1, b: 2, c: 2 }))).toEqual({
      conflict: 'p.json: c',
    });
    expect(merged('p.json', b, json({ a: 1, b: 2, c: 1 }), json({ a: 2, b: 2, c: 1 }))).toBe(
      json({ a: 2, b: 2, c: 1 }),
    );
  });

  it('merges lists of one length index by index; lists whose length changed are one value', () => {
    const b = json({ layers: [64, 64, 64], k: 1 });
    expect(
      merged('p.json', b, json({ layers: [128, 64, 64], k: 1 }), json({ layers: [64, 64, 32], k: 1 })),
    ).toBe(json({ layers: [128, 64, 32], k: 1 }));
    expect(
      merge('p.json', b, json({ layers: [128, 64, 64], k: 1 }), json({ layers: [64, 32, 64], k: 1 })),
    ).toEqual({ merged: json({ layers: [128, 32, 64], k: 1 }) });
    expect(
      merge('p.json', b, json({ layers: [64, 64, 64, 64], k: 1 }), json({ layers: [64, 64, 32], k: 1 })),
    ).toEqual({
      conflict: 'p.json: layers',
    });
    expect(
      merge('p.json', b, json({ layers: [1, 64, 64], k: 1 }), json({ layers: [2, 64, 64], k: 1 })),
    ).toEqual({
      conflict: 'p.json: layers[0]',
    });
    // a list grown by one side alone is that side's
    expect(
      merged('p.json', b, json({ layers: [64, 64, 64], k: 2 }), json({ layers: [64, 64, 64, 8], k: 1 })),
    ).toBe(json({ layers: [64, 64, 64, 8], k: 2 }));
  });

  it('names keys that are not plain names quoted, and a whole-file clash as such', () => {
    const b = json({ 'a.b': 1, 'x y': 2 });
    expect(merge('p.json', b, json({ 'a.b': 2, 'x y': 3 }), json({ 'a.b': 3, 'x y': 4 }))).toEqual({
      conflict: 'p.json: "a.b", "x y"',
    });
    expect(merge('p.json', '[1]', '[1, 2]', '[1, 3]')).toEqual({ conflict: 'p.json: (the whole file)' });
  });

  it('names at most eight keys', () => {
    const keys = (value: number) =>
      json(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, value])));
    expect(merge('p.json', keys(0), keys(1), keys(2))).toEqual({
      conflict: 'p.json: k0, k1, k2, k3, k4, k5, k6, k7 and 4 more',
    });
  });

  it('treats a value whose type changed as a value: one side changing it wins', () => {
    const b = json({ a: { x: 1 }, b: 1 });
    expect(merged('p.json', b, json({ a: { x: 1 }, b: 2 }), json({ a: [1, 2], b: 1 }))).toBe(
      json({ a: [1, 2], b: 2 }),
    );
  });

  it('keeps CRLF line ends of ours', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    expect(
      merged(
        'p.json',
        crlf(base),
        crlf(json({ alpha: 9, beta: 0.5, gamma: 2, delta: 'x' })),
        crlf(json({ alpha: 1, beta: 0.5, gamma: 7, delta: 'x' })),
      ),
    ).toBe(crlf(json({ alpha: 9, beta: 0.5, gamma: 7, delta: 'x' })));
  });

  it('gives the plain conflict for invalid JSON, duplicate keys, comments, huge files and binary', () => {
    const ours = json({ alpha: 1, beta: 0.7, gamma: 2, delta: 'x' });
    const plain = { conflict: 'params.json' };
    expect(merge('params.json', base, ours, '{"alpha": 1, "beta": 0.5, "gamma": 1.5,')).toEqual(plain);
    expect(
      merge('params.json', base, ours, '{"alpha": 1, "alpha": 2, "beta": 0.5, "gamma": 1.5, "delta": "x"}'),
    ).toEqual(plain);
    expect(
      merge('params.json', base, ours, '// c\n{"alpha": 1, "beta": 0.5, "gamma": 1.5, "delta": "x"}'),
    ).toEqual(plain);
    expect(
      merge('params.json', base, ours, '{"alpha": 1, "beta": 0.5, "gamma": 1.5, "delta": "x",}'),
    ).toEqual(plain);
    // Too deep to read as JSON: merged by its numbers instead, and a conflict's long name is cut.
    const deep = (x: number, y: number) => `${'['.repeat(100000)}${x}, ${y}${']'.repeat(100000)}`;
    expect(merge('params.json', deep(1, 1), deep(2, 1), deep(1, 3))).toEqual({ merged: deep(2, 3) });
    expect(merge('params.json', deep(1, 1), deep(2, 1), deep(3, 1))).toEqual({
      conflict: `params.json: ${'[0]'.repeat(40)}…`,
    });
    const nested = (leaf: number) => `${'{"a":'.repeat(150)}${leaf}${'}'.repeat(150)}`;
    expect(merge('params.json', nested(1), nested(2), nested(3))).toEqual({
      conflict: `params.json: ${Array(150).fill('a').join('.').slice(0, 120)}…`,
    });
    const huge = json({ pad: 'x'.repeat(MAX_MERGE_BYTES), beta: 1 });
    expect(merge('params.json', huge, huge.replace('"beta": 1', '"beta": 2'), huge)).toEqual(plain);
    expect(
      merge('params.json', base, ours, '{"alpha": 1, "beta": 0.5, "gamma": 1.5, "delta": "\uFFFD"}'),
    ).toEqual(plain);
    expect(merge('params.json', base, undefined as unknown as string, ours)).toEqual(plain);
    expect(mergeConflictingFile({ path: 'params.json', base: undefined, ours, theirs: ours })).toEqual(plain);
  });

  it('merges a .json file with comments by its numbers', () => {
    const b = '{\n  // learning rate\n  "lr": 0.1,\n  "depth": 4\n}\n';
    const o = b.replace('0.1', '0.2');
    expect(merged('tsconfig.json', b, o, b.replace('4', '6'))).toBe(o.replace('4', '6'));
    expect(merge('tsconfig.json', b, o, b.replace('0.1', '0.3'))).toEqual({ conflict: 'tsconfig.json: lr' });
  });

  it('a JSON tree reads keys like __proto__ as keys', () => {
    const tree = parseJson('{"__proto__": 1, "constructor": 2}') as Tree & { kind: 'map' };
    expect([...tree.entries.keys()]).toEqual(['__proto__', 'constructor']);
    expect(
      merged('p.json', '{"__proto__": 1, "b": 1}', '{"__proto__": 2, "b": 1}', '{"__proto__": 1, "b": 3}'),
    ).toBe('{"__proto__": 2, "b": 3}');
  });
});

describe('YAML', () => {
  const base =
    '# knobs\nmodel:\n  beta: 0.5   # raised by track a\n  gamma: 2\n  layers: [64, 64]\nlr: 1e-3\n';

  it("takes each side's change of adjacent keys, keeping comments and layout byte for byte", () => {
    const ours = base.replace('beta: 0.5', 'beta: 0.7');
    const theirs =
      '# knobs\nmodel:\n  beta: 0.5 # raised by track a\n  gamma: 1.5\n  layers: [64, 64]\nlr: 1e-3\n';
    expect(merged('config.yaml', base, ours, theirs)).toBe(
      '# knobs\nmodel:\n  beta: 0.7   # raised by track a\n  gamma: 1.5\n  layers: [64, 64]\nlr: 1e-3\n',
    );
  });

  it('merges list items of equal-length lists and adds and removes keys', () => {
    const ours = base.replace('[64, 64]', '[128, 64]');
    const theirs = base.replace('[64, 64]', '[64, 32]').replace('lr: 1e-3\n', 'lr: 1e-3\nepochs: 3 # new\n');
    const result = merged('config.yml', base, ours, theirs);
    expect(result).toContain('layers: [128, 32]');
    expect(result).toContain('epochs: 3 # new');
    expect(result).toContain('# raised by track a');
    const removed = merged('config.yml', base, ours, base.replace('  gamma: 2\n', ''));
    expect(removed).not.toContain('gamma');
    expect(removed).toContain('layers: [128, 64]');
  });

  it('names the keys both sides changed, by path', () => {
    expect(
      merge('c.yaml', base, base.replace('gamma: 2', 'gamma: 3'), base.replace('gamma: 2', 'gamma: 4')),
    ).toEqual({
      conflict: 'c.yaml: model.gamma',
    });
  });

  it('merges a file with anchors by its numbers', () => {
    const b = 'defaults: &d\n  lr: 0.1\n  depth: 4\nrun:\n  <<: *d\n';
    expect(merged('c.yaml', b, b.replace('0.1', '0.2'), b.replace('4', '6'))).toBe(
      b.replace('0.1', '0.2').replace('4', '6'),
    );
  });

  it('gives the plain conflict for duplicate keys, several documents, anchors and invalid YAML', () => {
    const ours = base.replace('gamma: 2', 'gamma: 3');
    expect(merge('c.yaml', base, ours, `${base}lr: 2\n`)).toEqual({ conflict: 'c.yaml' });
    expect(merge('c.yaml', base, ours, `${base}---\nx: 1\n`)).toEqual({ conflict: 'c.yaml' });
    expect(merge('c.yaml', base, ours, 'a: &x 1\nb: *x\n')).toEqual({ conflict: 'c.yaml' });
    expect(merge('c.yaml', base, ours, 'model: [\n')).toEqual({ conflict: 'c.yaml' });
  });
});

describe('TOML', () => {
  const base = `# run
title = "x"
[train]
lr = 0.1   # step
epochs = 3
layers = [
  64,
  64,
]
[data]
batch = 32
`;

  it("takes each side's statements, and keeps ours' key spelling and other lines", () => {
    const ours = base.replace('lr = 0.1', 'lr = 0.2');
    const theirs = base.replace('epochs = 3', 'epochs = 5').replace('batch = 32', 'batch = 64 # more');
    expect(merged('p.toml', base, ours, theirs)).toBe(
      base
        .replace('lr = 0.1', 'lr = 0.2')
        .replace('epochs = 3', 'epochs = 5')
        .replace('batch = 32', 'batch = 64 # more'),
    );
  });

  it('takes a multi-line value one side changed, and adds and removes statements in their table', () => {
    const ours = base.replace('lr = 0.1', 'lr = 0.2');
    const theirs = base
      .replace('  64,\n]', '  32,\n]')
      .replace('epochs = 3\n', 'epochs = 3\nwarmup = 100\n')
      .replace('batch = 32\n', '')
      .replace('title = "x"\n', 'title = "x"\nseed = 1\n');
    expect(merged('p.toml', base, ours, theirs)).toBe(
      base
        .replace('lr = 0.1', 'lr = 0.2')
        .replace('  64,\n]', '  32,\n]')
        .replace('epochs = 3\n', 'epochs = 3\nwarmup = 100\n')
        .replace('batch = 32\n', '')
        .replace('title = "x"\n', 'title = "x"\nseed = 1\n'),
    );
  });

  it('compares values as written, white space aside, and names conflicts by table and key', () => {
    expect(
      merge(
        'p.toml',
        base,
        base.replace('lr = 0.1', 'lr=0.1').replace('batch = 32', 'batch = 16'),
        base.replace('lr = 0.1', 'lr = 0.3'),
      ),
    ).toEqual({
      merged: base.replace('lr = 0.1', 'lr=0.3').replace('batch = 32', 'batch = 16'),
    });
    expect(
      merge(
        'p.toml',
        base,
        base.replace('epochs = 3', 'epochs = 4'),
        base.replace('epochs = 3', 'epochs = 6'),
      ),
    ).toEqual({
      conflict: 'p.toml: train.epochs',
    });
  });

  it('adds a statement first in its table when ours has none of its neighbours there', () => {
    const ours = base.replace('lr = 0.1', 'lr = 0.2');
    const theirs = base.replace('[data]\nbatch = 32\n', '[data]\nshuffle = true\nbatch = 32\n');
    expect(merged('p.toml', base, ours, theirs)).toBe(
      ours.replace('[data]\nbatch = 32\n', '[data]\nshuffle = true\nbatch = 32\n'),
    );
    const noTrailingNewline = base.trimEnd();
    expect(
      merged(
        'p.toml',
        noTrailingNewline,
        noTrailingNewline.replace('lr = 0.1', 'lr = 0.2'),
        `${noTrailingNewline}\nworkers = 4\n`,
      ),
    ).toBe(`${noTrailingNewline.replace('lr = 0.1', 'lr = 0.2')}\nworkers = 4\n`);
  });

  it('reads dotted and quoted keys, array tables and multi-line strings', () => {
    const file = readToml(`a.b = 1\n"c.d" = 2\n'e' = """x\ny = 3"""\n[[srv]]\nport = 1\n[[srv]]\nport = 2\n`);
    expect([...file.statements.keys()]).toEqual(['a.b', '"c.d"', 'e', 'srv[0].port', 'srv[1].port']);
  });

  it('gives the plain conflict when theirs changes the tables or the file is not TOML it reads', () => {
    const ours = base.replace('lr = 0.1', 'lr = 0.2');
    expect(merge('p.toml', base, ours, `${base}[extra]\nk = 1\n`)).toEqual({ conflict: 'p.toml' });
    expect(merge('p.toml', base, ours, `${base}just words\n`)).toEqual({ conflict: 'p.toml' });
    expect(merge('p.toml', base, ours, `${base}batch = 1\n`)).toEqual({ conflict: 'p.toml' });
    expect(merge('p.toml', base, ours, base.replace('epochs = 3', 'epochs = "3'))).toEqual({
      conflict: 'p.toml',
    });
  });
});

describe('numeric literals of other text files', () => {
  const base = 'import torch\nLR = 0.01\nDEPTH = 4\nWIDTH = 64 # units\nprint("v1.2", LR)\n';

  it('takes each number changed by exactly one side', () => {
    const ours = base.replace('LR = 0.01', 'LR = 0.02');
    const theirs = base.replace('DEPTH = 4', 'DEPTH = 6');
    expect(merged('train.py', base, ours, theirs)).toBe(
      base.replace('LR = 0.01', 'LR = 0.02').replace('DEPTH = 4', 'DEPTH = 6'),
    );
  });

  it('names a number both sides changed as mutate names it', () => {
    expect(
      merge('train.py', base, base.replace('DEPTH = 4', 'DEPTH = 5'), base.replace('DEPTH = 4', 'DEPTH = 8')),
    ).toEqual({
      conflict: 'train.py: DEPTH',
    });
  });

  it('gives the plain conflict when anything but the numbers differs', () => {
    const ours = base.replace('LR = 0.01', 'LR = 0.02');
    expect(merge('train.py', base, ours, base.replace('import torch', 'import jax'))).toEqual({
      conflict: 'train.py',
    });
    expect(merge('train.py', base, ours, base.replace('# units', '# 128 units'))).toEqual({
      conflict: 'train.py',
    });
  });

  it('merges the numbers of .jsonc and .ini files too', () => {
    const ini = '[a]\nx = 1\ny = 2\n';
    expect(merged('s.ini', ini, ini.replace('x = 1', 'x = 3'), ini.replace('y = 2', 'y = 4'))).toBe(
      '[a]\nx = 3\ny = 4\n',
    );
  });
});

describe('threeWay', () => {
  const leaf = (identity: string): Tree => ({ kind: 'leaf', identity });
  const map = (entries: Record<string, Tree>): Tree => ({
    kind: 'map',
    entries: new Map(Object.entries(entries)),
  });

  it('does not count key order as a change', () => {
    const b = map({ a: leaf('1'), b: leaf('2') });
    expect(threeWay(b, map({ b: leaf('2'), a: leaf('5') }), map({ a: leaf('1'), b: leaf('3') }))).toEqual({
      edits: [{ kind: 'replace', path: ['b'] }],
    });
    // ours only reordered: theirs is the merge
    expect(threeWay(b, map({ b: leaf('2'), a: leaf('1') }), map({ a: leaf('1'), b: leaf('3') }))).toEqual({
      edits: [{ kind: 'replace', path: [] }],
    });
  });

  it('leaves a key both sides removed removed', () => {
    const b = map({ a: leaf('1'), b: leaf('2') });
    expect(threeWay(b, map({ a: leaf('1') }), map({ a: leaf('1') }))).toEqual({ edits: [] });
  });
});
