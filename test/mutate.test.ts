import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../src/config/settings.js';
import type { ExperimentRecord, Status } from '../src/ledger/types.js';
import { findNumericLiterals } from '../src/propose/mutate/literals.js';
import { createMutateProposer } from '../src/propose/mutate/mutate.js';
import {
  planMutation,
  redoMutation,
  type PlannedMutation,
  type ScopeFile,
} from '../src/propose/mutate/plan.js';
import { seededRandom } from '../src/propose/mutate/random.js';
import {
  GROW,
  INITIAL_SCALE,
  literalId,
  replayHistory,
  SHRINK,
  steppedText,
} from '../src/propose/mutate/steps.js';
import { ProposalError, type InFlightCandidate, type ProposerContext } from '../src/propose/types.js';
import { scopeHash } from '../src/session/scope-hash.js';

const SETTINGS = {
  metrics: [
    { name: 'score', goal: 'maximize', extract: { kind: 'line' } },
    { name: 'memory_mb', goal: 'minimize', max: 512, extract: { kind: 'line' } },
  ],
} as unknown as Settings;

function keysAndValues(path: string, text: string): [string, string][] {
  return findNumericLiterals(path, text).map((literal) => [literal.key, literal.text]);
}

function workdir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'autoexp-mutate-'));
  for (const [path, content] of Object.entries(files)) writeFileSync(join(root, path), content);
  return root;
}

function context(
  worktree: string,
  experiment: number,
  records: ExperimentRecord[],
  scopeFiles: string[],
): ProposerContext {
  return {
    worktree,
    experiment,
    settings: SETTINGS,
    scopeFiles,
    contextFiles: [],
    costLeftUsd: Infinity,
    rows: [],
    records,
    incumbent: { commit: 'abc1234', metrics: {} },
    resultsPath: join(worktree, 'results.tsv'),
    env: {},
    signal: new AbortController().signal,
  };
}

function record(
  fields: Partial<ExperimentRecord> & { experiment: number; status: Status },
): ExperimentRecord {
  return {
    commit: '',
    parent: '',
    timestamp: '2025-01-01T00:00:00.000Z',
    reason: '',
    description: '',
    metrics: {},
    samples: {},
    wall_time_s: 0,
    diff_lines: 2,
    patch: '',
    tokens: { input: 0, output: 0 },
    cost_usd: 0,
    proposer: 'mutate',
    ...fields,
  };
}

function hashOf(root: string, files: string[]): string {
  return scopeHash(new Map(files.map((path) => [path, readFileSync(join(root, path), 'utf8')])));
}

describe('finding numeric literals', () => {
  it('reads YAML key paths and skips comments, strings, versions and non-numbers', () => {
    const yaml = [
      'version: 2',
      '# size: 99',
      'images:',
      '  ttl_s: 300   # five minutes',
      '  size_mb: 1.5e2',
      '  name: "v2 cache 42"',
      '  offset: -12',
      '  timeout: 5m',
      '  build: 1.2.3',
      '  mask: 0x1F',
      'layers:',
      '  - size: 64',
      '    rate: 0.25',
      '  - size: 128',
      'sizes: [1, 2.5, "3"]',
      'api_version: 7',
      'notes: |',
      '  limit: 10',
      'last: 9',
    ].join('\n');
    expect(keysAndValues('c.yaml', yaml)).toEqual([
      ['images.ttl_s', '300'],
      ['images.size_mb', '1.5e2'],
      ['images.offset', '-12'],
      ['layers[0].size', '64'],
      ['layers[0].rate', '0.25'],
      ['layers[1].size', '128'],
      ['sizes[0]', '1'],
      ['sizes[1]', '2.5'],
      ['last', '9'],
    ]);
  });

  it('reads JSON paths, including arrays and nested objects, and skips version keys', () => {
    const json =
      '{"version": 3, "cache": {"ttl": 60, "tiers": [{"mb": 8}, {"mb": -0.5}]}, "name": "x1", "n": 1e-3}';
    expect(keysAndValues('c.json', json)).toEqual([
      ['cache.ttl', '60'],
      ['cache.tiers[0].mb', '8'],
      ['cache.tiers[1].mb', '-0.5'],
      ['n', '1e-3'],
    ]);
  });

  it('reads TOML tables and inline arrays, and skips dates, hex and underscores', () => {
    const toml = [
      '[server]',
      'workers = 4 # per core',
      'ratio = 0.75',
      'started = 1979-05-27',
      'mask = 0xff',
      'big = 1_000',
      '[pool.db]',
      'sizes = [10, 20]',
      '"quoted key" = 3',
      'version = "1.2"',
    ].join('\n');
    expect(keysAndValues('c.toml', toml)).toEqual([
      ['server.workers', '4'],
      ['server.ratio', '0.75'],
      ['pool.db.sizes[0]', '10'],
      ['pool.db.sizes[1]', '20'],
      ['pool.db.quoted key', '3'],
    ]);
  });

  it('reads INI sections and skips ; and # comments', () => {
    const ini = [
      '; top',
      '[cache]',
      'ttl = 30 ; seconds',
      '# size = 4',
      'size: 8',
      'name = disk2',
      '[net]',
      'retries=3',
    ].join('\n');
    expect(keysAndValues('c.ini', ini)).toEqual([
      ['cache.ttl', '30'],
      ['cache.size', '8'],
      ['net.retries', '3'],
    ]);
  });

  it('finds constants in JavaScript, not in comments, strings, identifiers, hex, versions or indexes', () => {
    const js = [
      'const LEARNING_RATE = 0.003; // was 0.01',
      'let v2 = h264 + 1e-4;',
      '/* block 77 */ const mask = 0xff, big = 10n;',
      "const label = 'batch 32', tpl = `x ${5}`;",
      'const version = 3;',
      'const first = items[0];',
      'export const config = { ttl: 300, offset: -5, gap: a - 7 };',
      'const semver = "1.2.3"; const ip = 10.0.0.1;',
    ].join('\n');
    expect(keysAndValues('train.js', js)).toEqual([
      ['LEARNING_RATE', '0.003'],
      ['v2', '1e-4'],
      ['ttl', '300'],
      ['offset', '-5'],
      ['gap', '7'],
    ]);
  });

  it('finds Python constants, skipping # comments and docstrings, and names repeated keys by line', () => {
    const py = [
      '"""Trains with 12 layers."""',
      'BATCH = 64  # 128 did not fit',
      'def f(x, depth=3):',
      '    return x * 2.5',
      'depth = 4',
      "__version__ = '1.0'",
      'conv2d = 1',
    ].join('\n');
    expect(keysAndValues('train.py', py)).toEqual([
      ['BATCH', '64'],
      ['depth (line 3)', '3'],
      ['line 4', '2.5'],
      ['depth (line 5)', '4'],
      ['conv2d', '1'],
    ]);
  });

  it('reports offsets and 1-based lines that point at the literal', () => {
    const text = 'a: 1\r\nb:\r\n  c: 22.5\r\n';
    const [, literal] = findNumericLiterals('x.yml', text);
    expect(literal).toMatchObject({ key: 'b.c', line: 3, value: 22.5 });
    expect(text.slice(literal!.start, literal!.end)).toBe('22.5');
  });
});

describe('stepping a literal', () => {
  it('keeps integers integral and moves them by at least 1', () => {
    expect(steppedText('300', 1, 0.3)).toBe('390');
    expect(steppedText('300', -1, 0.3)).toBe('231');
    expect(steppedText('2', 1, 0.1)).toBe('3');
    expect(steppedText('2', -1, 0.1)).toBe('1');
  });

  it('keeps decimal places, adding one when the step is smaller than they show', () => {
    expect(steppedText('0.50', 1, 0.3)).toBe('0.65');
    expect(steppedText('0.5', 1, 0.3)).toBe('0.7');
    expect(steppedText('0.5', 1, 0.05)).toBe('0.53');
    expect(steppedText('2.0', -1, 0.01)).toBe('1.98');
    expect(steppedText('.5', 1, 0.3)).toBe('.7');
    expect(steppedText('1e-3', 1, 0.3)).toBe('1.3e-3');
  });

  it('never changes the sign, and moves zero up by an additive step', () => {
    expect(steppedText('1', -1, 0.3)).toBe('0');
    expect(steppedText('0', -1, 0.3)).toBeUndefined();
    expect(steppedText('0', 1, 0.3)).toBe('1');
    expect(steppedText('0.0', 1, 0.3)).toBe('0.1');
    expect(steppedText('-5', 1, 0.3)).toBe('-4');
    expect(steppedText('-5', -1, 0.3)).toBe('-7');
    expect(steppedText('-1', 1, 0.3)).toBeUndefined();
    for (let scale = 0.01; scale < 5; scale *= 1.7)
      expect(Number(steppedText('0.2', -1, scale))).toBeGreaterThan(0);
  });
});

describe('adaptive steps from the history', () => {
  const mutation = (key: string, from: number, to: number, scale: number) => ({
    mutation: { file: 'c.yaml', line: 1, key, from, to, step: to - from, scale },
  });

  it('grows after a keep, keeping the direction, and shrinks and flips after a discard', () => {
    const states = replayHistory([
      record({ experiment: 1, status: 'keep', proposal: mutation('a', 10, 13, INITIAL_SCALE) }),
      record({ experiment: 2, status: 'keep', proposal: mutation('a', 13, 19, INITIAL_SCALE * GROW) }),
      record({ experiment: 3, status: 'discard', proposal: mutation('b', 10, 8, INITIAL_SCALE) }),
      record({ experiment: 4, status: 'crash', proposal: mutation('c', 10, 13, INITIAL_SCALE) }),
      record({ experiment: 5, status: 'keep', proposal: mutation('d', 1, 2, 0.3), proposer: 'command' }),
    ]);
    expect(states.get(literalId('c.yaml', 'a'))).toMatchObject({
      direction: 1,
      tries: 2,
      successes: 2,
      lastTried: 2,
    });
    expect(states.get(literalId('c.yaml', 'a'))!.scale).toBeCloseTo(INITIAL_SCALE * GROW * GROW);
    expect(states.get(literalId('c.yaml', 'b'))).toMatchObject({ direction: 1, successes: 0 });
    expect(states.get(literalId('c.yaml', 'b'))!.scale).toBeCloseTo(INITIAL_SCALE * SHRINK);
    expect(states.get(literalId('c.yaml', 'c'))).toMatchObject({ direction: -1 });
    expect(states.has(literalId('c.yaml', 'd'))).toBe(false); // another proposer's record
  });

  it('polls every literal once, then continues the one that was just kept, with a grown step', async () => {
    const root = workdir({ 'c.yaml': 'a: 13\nb: 10\nc: 10\n' });
    const history = [
      record({ experiment: 1, status: 'discard', proposal: mutation('b', 10, 13, INITIAL_SCALE) }),
      record({ experiment: 2, status: 'keep', proposal: mutation('a', 10, 13, INITIAL_SCALE) }),
    ];
    const propose = (records: ExperimentRecord[]) =>
      createMutateProposer({ seed: 5 }).propose(context(root, records.length + 1, records, ['c.yaml']));
    // c was never tried: it comes first, whatever a keep did.
    expect(await propose(history)).toMatchObject({ details: { mutation: { key: 'c' } } });
    writeFileSync(join(root, 'c.yaml'), 'a: 17\nb: 10\nc: 10\n');
    history.push(record({ experiment: 3, status: 'discard', proposal: mutation('c', 10, 7, INITIAL_SCALE) }));
    history.push(
      record({ experiment: 4, status: 'keep', proposal: mutation('a', 13, 17, INITIAL_SCALE * GROW) }),
    );
    const proposal = await propose(history);
    expect(proposal.details).toEqual({
      mutation: { file: 'c.yaml', line: 1, key: 'a', from: 17, to: 26, step: 9, scale: 0.507 },
    });
    expect(proposal.description).toBe('c.yaml: a 17 → 26');
    expect(readFileSync(join(root, 'c.yaml'), 'utf8')).toBe('a: 26\nb: 10\nc: 10\n');
  });

  it('after a first step that made the metric worse, tries the same literal the other way, smaller', async () => {
    const root = workdir({ 'c.yaml': 'a: 100\nb: 10\nc: 10\n' });
    const history = [
      record({
        experiment: 1,
        status: 'discard',
        proposal: mutation('a', 100, 130, INITIAL_SCALE),
        metrics: { score: 1 },
        incumbent: { commit: 'x', session: 's', metrics: { score: 2 }, samples: {} },
      }),
    ];
    const proposal = await createMutateProposer({ seed: 5 }).propose(context(root, 2, history, ['c.yaml']));
    expect(proposal.details).toMatchObject({ mutation: { key: 'a', from: 100, to: 83, scale: 0.21 } });
  });
});

describe('the mutate proposer', () => {
  it('rewrites only the literal, byte for byte', async () => {
    const original = '# tuned by hand\r\nimages:\r\n  ttl_s: 300   # 5 min\r\n\r\n  note: "keep 300"\r\n';
    const root = workdir({ 'cache.yaml': original });
    const proposal = await createMutateProposer({ seed: 3 }).propose(context(root, 1, [], ['cache.yaml']));
    const after = readFileSync(join(root, 'cache.yaml'), 'utf8');
    const { from, to } = (proposal.details as { mutation: { from: number; to: number } }).mutation;
    expect(from).toBe(300);
    expect(after).toBe(original.replace('ttl_s: 300', `ttl_s: ${to}`));
    expect(proposal.description).toBe(`cache.yaml: images.ttl_s 300 → ${to}`);
  });

  it('passes over a scope file another worker made a FIFO or a link, without waiting for a writer', async () => {
    const root = workdir({ 'a.yaml': 'ttl: 300\n' });
    const users = workdir({ 'numbers.yaml': 'size: 7\n' });
    execFileSync('mkfifo', [join(root, 'b.yaml')]);
    symlinkSync(join(users, 'numbers.yaml'), join(root, 'c.yaml'));
    // A writer that comes 3 s later: a read that waits for one stops the whole process until then.
    const writer = spawn('sh', ['-c', 'sleep 3; echo "size: 5" > b.yaml'], { cwd: root, stdio: 'ignore' });
    try {
      const started = Date.now();
      for (let experiment = 1; experiment <= 3; experiment++)
        await createMutateProposer({ seed: experiment }).propose(
          context(root, experiment, [], ['a.yaml', 'b.yaml', 'c.yaml']),
        );
      // Not a speed check: a read that waits is released by the writer only after 3 s.
      expect(Date.now() - started).toBeLessThan(2000);
      expect(readFileSync(join(root, 'a.yaml'), 'utf8')).not.toBe('ttl: 300\n');
      expect(readFileSync(join(users, 'numbers.yaml'), 'utf8')).toBe('size: 7\n');
    } finally {
      writer.kill();
    }
  }, 15_000);

  it('keeps a non-UTF-8 file byte-exact', async () => {
    const root = workdir({});
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nrate = 4\n')]);
    writeFileSync(join(root, 'old.ini'), bytes);
    await createMutateProposer({ seed: 1 }).propose(context(root, 1, [], ['old.ini']));
    const after = readFileSync(join(root, 'old.ini'));
    expect(after.subarray(0, 6)).toEqual(bytes.subarray(0, 6));
    expect(after.toString('latin1')).toMatch(/^# café\nrate = \d+\n$/);
  });

  it('is deterministic for a seed and history, and the seed matters', async () => {
    const files = { 'a.yaml': 'x: 10\ny: 2.5\nz: 300\n', 'b.json': '{"w": 7, "v": 0.1}' };
    const run = async (seed: number, experiment: number) => {
      const root = workdir(files);
      const proposal = await createMutateProposer({ seed }).propose(
        context(root, experiment, [], ['a.yaml', 'b.json']),
      );
      return { proposal, hash: hashOf(root, ['a.yaml', 'b.json']) };
    };
    expect(await run(4, 1)).toEqual(await run(4, 1));
    const descriptions = new Set<string | undefined>();
    for (let seed = 1; seed <= 8; seed++) descriptions.add((await run(seed, 1)).proposal.description);
    expect(descriptions.size).toBeGreaterThan(2);
  });

  it('never proposes a content already tried, and says so when everything nearby was tried', async () => {
    const root = workdir({ 'tiny.yaml': 'a: 3\nb: 0.5\n' });
    const proposer = createMutateProposer({ seed: 9 });
    const records: ExperimentRecord[] = [
      record({ experiment: 0, status: 'keep', proposer: 'none', scope_hash: hashOf(root, ['tiny.yaml']) }),
    ];
    const random = seededRandom('statuses');
    for (let experiment = 1; experiment <= 50; experiment++) {
      const before = readFileSync(join(root, 'tiny.yaml'), 'utf8');
      const proposal = await proposer.propose(context(root, experiment, records, ['tiny.yaml']));
      const status: Status = random.next() < 0.3 ? 'keep' : 'discard';
      records.push(
        record({ experiment, status, proposal: proposal.details, scope_hash: hashOf(root, ['tiny.yaml']) }),
      );
      if (status !== 'keep') writeFileSync(join(root, 'tiny.yaml'), before);
    }
    const hashes = records.map((item) => item.scope_hash);
    expect(new Set(hashes).size).toBe(hashes.length);

    // `a: 1` can only become 0, 2, 3, 6, 11 or 20 with the steps mutate tries; all are taken.
    const small = workdir({ 's.yaml': 'a: 1\n' });
    const values = [0, 2, 3, 6, 11, 20, 1];
    const taken = values
      .map((value) => `a: ${value}\n`)
      .map((text, experiment) =>
        record({ experiment, status: 'discard', scope_hash: scopeHash(new Map([['s.yaml', text]])) }),
      );
    const attempt = createMutateProposer({ seed: 1 }).propose(context(small, 7, taken, ['s.yaml']));
    await expect(attempt).rejects.toThrow(ProposalError);
    await expect(attempt).rejects.toThrow(/mutate found no untried change/);
    expect(readFileSync(join(small, 's.yaml'), 'utf8')).toBe('a: 1\n');
  });

  it('fails with advice when the scope has no numeric literal', async () => {
    const root = workdir({ 'prompt.md': '# Prompt\nBe concise.\n', 'names.yaml': 'name: cache-v2\n' });
    const attempt = createMutateProposer({ seed: 1 }).propose(
      context(root, 1, [], ['names.yaml', 'prompt.md']),
    );
    await expect(attempt).rejects.toThrow(ProposalError);
    await expect(attempt).rejects.toThrow(/no numeric literal.*proposer\.kind: command or llm/);
  });

  it('improves a simple objective in a keep-if-better loop of 15 experiments', async () => {
    const root = workdir({ 'params.yaml': 'x: 10\ny: 0.5\nz: 200\n' });
    const objective = (text: string): number => {
      const value = (key: string) => Number(new RegExp(`^${key}: (.*)$`, 'm').exec(text)![1]);
      return -(((value('x') - 37) / 10) ** 2) - (value('y') - 1.7) ** 2 - ((value('z') - 120) / 50) ** 2;
    };
    const read = () => readFileSync(join(root, 'params.yaml'), 'utf8');
    const baseline = objective(read());
    let incumbent = baseline;
    const records = [
      record({ experiment: 0, status: 'keep', proposer: 'none', scope_hash: hashOf(root, ['params.yaml']) }),
    ];
    const proposer = createMutateProposer({ seed: 1 });
    for (let experiment = 1; experiment <= 15; experiment++) {
      const before = read();
      const proposal = await proposer.propose(context(root, experiment, records, ['params.yaml']));
      const score = objective(read());
      const status: Status = score > incumbent ? 'keep' : 'discard';
      records.push(
        record({
          experiment,
          status,
          proposal: proposal.details,
          scope_hash: hashOf(root, ['params.yaml']),
          metrics: { score },
          incumbent: { commit: '', session: 's', metrics: { score: incumbent }, samples: {} },
        }),
      );
      if (status === 'keep') incumbent = score;
      else writeFileSync(join(root, 'params.yaml'), before);
    }
    // Baseline is about -12.6; the optimum is 0.
    expect(incumbent).toBeGreaterThan(baseline / 2);
    expect(records.filter((item) => item.status === 'keep').length).toBeGreaterThanOrEqual(4);
  });
});

describe('the cache demo', () => {
  const demo = join(import.meta.dirname, '..', 'examples', 'cache-demo');
  const evaluate = (root: string) => {
    const output = execFileSync(process.execPath, ['sim/evaluate.js'], { cwd: root, encoding: 'utf8' });
    const metric = (name: string) => Number(new RegExp(`^${name}: ([0-9.]+)$`, 'm').exec(output)![1]);
    return { hit_rate: metric('hit_rate'), memory_mb: metric('memory_mb') };
  };

  it('gets a visible gain from its budget of 20 mutate experiments with seed 1, within the memory limit', async () => {
    const root = mkdtempSync(join(tmpdir(), 'autoexp-cache-demo-'));
    cpSync(demo, root, { recursive: true });
    const scope = ['cache_config.yaml'];
    const baseline = evaluate(root);
    expect(evaluate(root)).toEqual(baseline); // deterministic
    expect(
      findNumericLiterals('cache_config.yaml', readFileSync(join(root, scope[0]!), 'utf8')),
    ).toHaveLength(12);
    let incumbent = baseline;
    const records = [
      record({
        experiment: 0,
        status: 'keep',
        proposer: 'none',
        scope_hash: hashOf(root, scope),
        metrics: baseline,
      }),
    ];
    const settings = {
      metrics: [
        { name: 'hit_rate', goal: 'maximize', extract: { kind: 'line' } },
        { name: 'memory_mb', goal: 'minimize', max: 512, extract: { kind: 'line' } },
      ],
    } as unknown as Settings;
    const proposer = createMutateProposer({ seed: 1 });
    for (let experiment = 1; experiment <= 20; experiment++) {
      const before = readFileSync(join(root, scope[0]!), 'utf8');
      const proposal = await proposer.propose({ ...context(root, experiment, records, scope), settings });
      const measured = evaluate(root);
      const status: Status =
        measured.hit_rate > incumbent.hit_rate && measured.memory_mb <= 512 ? 'keep' : 'discard';
      records.push(
        record({
          experiment,
          status,
          proposal: proposal.details,
          scope_hash: hashOf(root, scope),
          metrics: measured,
          incumbent: { commit: '', session: 's', metrics: incumbent, samples: {} },
        }),
      );
      if (status === 'keep') incumbent = measured;
      else writeFileSync(join(root, scope[0]!), before);
    }
    expect(incumbent.hit_rate).toBeGreaterThan(baseline.hit_rate * 1.15);
    expect(incumbent.memory_mb).toBeLessThanOrEqual(512);
  });
});

describe('mutate with candidates in flight (workers)', () => {
  const file = (text: string): ScopeFile => ({ path: 'c.yaml', encoding: 'utf8', text });
  const TEXT = 'a: 10\nb: 20\nc: 30\nd: 40\ne: 0.5\n';
  const inFlightOf = (planned: PlannedMutation, experiment: number): InFlightCandidate => ({
    experiment,
    description: planned.description,
    patch: '',
    scopeHash: scopeHash(new Map([['c.yaml', planned.text]])),
    proposal: { mutation: planned.mutation },
  });
  /** What `slots` slots propose at once for experiments `first`…, each seeing the ones before in flight. */
  const proposeAtOnce = (records: ExperimentRecord[], first: number, slots: number, seed = 7) => {
    const planned: PlannedMutation[] = [];
    for (let index = 0; index < slots; index++) {
      planned.push(
        planMutation({
          files: [file(TEXT)],
          records,
          seed,
          experiment: first + index,
          primary: SETTINGS.metrics[0],
          inFlight: planned.map((item, at) => inFlightOf(item, first + at)),
        }),
      );
    }
    return planned;
  };

  it('spreads slots over different literals, and is deterministic for a seed', () => {
    const planned = proposeAtOnce([], 1, 4);
    expect(new Set(planned.map((item) => item.mutation.key)).size).toBe(4);
    expect(proposeAtOnce([], 1, 4)).toEqual(planned);
    expect(proposeAtOnce([], 1, 4, 8).map((item) => item.text)).not.toEqual(planned.map((item) => item.text));
  });

  it('never proposes a content in flight, even when every literal is busy', () => {
    // Six slots on five literals: the sixth has to share a literal, and takes another value of it.
    const planned = proposeAtOnce([], 1, 6);
    expect(new Set(planned.map((item) => item.text)).size).toBe(6);
    const values = planned.map((item) => `${item.mutation.key}=${item.mutation.to}`);
    expect(new Set(values).size).toBe(6);
  });

  it('does not take a literal to the value a candidate in flight takes it to, after a keep moved the file', () => {
    // In flight: a 10 → 13, proposed before another file's change was kept; its content on the new
    // incumbent is in no hash, but the literal's target is known.
    const busy: InFlightCandidate = {
      experiment: 1,
      description: 'c.yaml: a 10 → 13',
      patch: '',
      scopeHash: 'its content on the incumbent it was proposed on',
      proposal: { mutation: { file: 'c.yaml', line: 1, key: 'a', from: 10, to: 13, scale: 0.3 } },
    };
    const targets = new Set<number>();
    for (let seed = 1; seed <= 20; seed++) {
      const planned = planMutation({
        files: [file('a: 10\n')],
        records: [],
        seed,
        experiment: 2,
        inFlight: [busy],
      });
      targets.add(planned.mutation.to);
    }
    expect(targets.has(13)).toBe(false);
    expect(targets.has(8)).toBe(true); // the other way
  });

  it('keeps integers whole and never below zero over a long run', () => {
    const text = 'workers = 1\nretries = 0\nbatch = 7\n';
    const records: ExperimentRecord[] = [];
    let current = text;
    for (let experiment = 1; experiment <= 40; experiment++) {
      const planned = planMutation({
        files: [{ path: 'server.conf', encoding: 'utf8', text: current }],
        records,
        seed: 2,
        experiment,
      });
      expect(Number.isInteger(planned.mutation.to) && planned.mutation.to >= 0, planned.description).toBe(
        true,
      );
      expect(planned.text).toMatch(/^workers = \d+\nretries = \d+\nbatch = \d+\n$/);
      const status: Status = experiment % 3 === 0 ? 'keep' : 'discard';
      records.push(record({ experiment, status, proposal: { mutation: planned.mutation } }));
      if (status === 'keep') current = planned.text;
    }
  });

  it('makes a larger jump from a shrunk step, and a jump that fails does not shrink the step', () => {
    const id = literalId('c.yaml', 'a');
    const shrinking = [1, 2, 3].map((experiment) =>
      record({
        experiment,
        status: 'discard',
        proposal: {
          mutation: {
            file: 'c.yaml',
            line: 1,
            key: 'a',
            from: 100,
            to: experiment % 2 ? 120 : 80,
            scale: 0.3 * SHRINK ** (experiment - 1),
          },
        },
      }),
    );
    const shrunk = replayHistory(shrinking).get(id)!.scale;
    expect(shrunk).toBeCloseTo(0.3 * SHRINK ** 3);
    const jumps = Array.from(
      { length: 60 },
      (_, seed) =>
        planMutation({ files: [file('a: 100\n')], records: shrinking, seed, experiment: 4 }).mutation,
    ).filter((mutation) => mutation.base !== undefined);
    expect(jumps.length).toBeGreaterThan(0);
    expect(jumps.length).toBeLessThan(30);
    expect(jumps[0]!.scale).toBeCloseTo(shrunk * 3, 4);
    const failed = [
      ...shrinking,
      record({ experiment: 4, status: 'discard', proposal: { mutation: jumps[0]! } }),
    ];
    expect(replayHistory(failed).get(id)!.scale).toBeCloseTo(shrunk * SHRINK);
  });

  it('takes its first step from proposer.step, and the default is 0.3', async () => {
    const first = (step?: number) =>
      planMutation({ files: [file('a: 100\n')], records: [], seed: 1, experiment: 1, step }).mutation;
    expect(first()).toMatchObject({ scale: 0.3 });
    expect([130, 77]).toContain(first().to);
    expect(first(0.3)).toEqual(first());
    expect(first(0.5)).toMatchObject({ scale: 0.5 });
    expect([150, 67]).toContain(first(0.5).to);
    // Through the proposer, as a session creates it from autoexp.yml.
    const root = workdir({ 'c.yaml': 'a: 100\n' });
    const proposal = await createMutateProposer({ seed: 1, step: 1, jump: 3 }).propose(
      context(root, 1, [], ['c.yaml']),
    );
    expect(proposal.details).toMatchObject({ mutation: { key: 'a', scale: 1 } });
    expect([200, 50]).toContain((proposal.details as { mutation: { to: number } }).mutation.to);
  });

  it('shrinks from the step a literal was tried with, and starts a literal never tried at proposer.step', () => {
    const discard = record({
      experiment: 1,
      status: 'discard',
      proposal: { mutation: { file: 'c.yaml', line: 1, key: 'a', from: 100, to: 150, step: 50, scale: 0.5 } },
    });
    const states = replayHistory([discard], undefined, 0.5);
    expect(states.get(literalId('c.yaml', 'a'))!.scale).toBeCloseTo(0.35);
    const next = planMutation({
      files: [file('a: 100\nb: 40\n')],
      records: [discard],
      seed: 3,
      experiment: 2,
      step: 0.5,
    }).mutation;
    expect(next).toMatchObject({ key: 'b', scale: 0.5 }); // b was never tried: it comes first
    const again = planMutation({
      files: [file('a: 100\n')],
      records: [discard],
      seed: 3,
      experiment: 2,
      step: 0.5,
    }).mutation;
    expect(again).toMatchObject({ key: 'a', from: 100, to: 74, scale: 0.35 }); // the other way, ×0.7
  });

  it('jumps proposer.jump times the step, once the step is below half of proposer.step', () => {
    // a's step has shrunk to 0.07 after a discard at 0.1.
    const history = [
      record({
        experiment: 1,
        status: 'discard',
        proposal: { mutation: { file: 'c.yaml', line: 1, key: 'a', from: 100, to: 110, scale: 0.1 } },
      }),
    ];
    const plans = (settings: { step?: number; jump?: number }) =>
      Array.from(
        { length: 60 },
        (_, seed) =>
          planMutation({ files: [file('a: 100\n')], records: history, seed, experiment: 2, ...settings })
            .mutation,
      );
    const jumps = plans({ jump: 5 }).filter((mutation) => mutation.base !== undefined);
    expect(jumps.length).toBeGreaterThan(0);
    for (const jump of jumps) expect(jump).toMatchObject({ scale: 0.35, base: 0.07 });
    // With a first step of 0.1, a step of 0.07 has not shrunk below half of it: no jump.
    expect(plans({ step: 0.1, jump: 5 }).filter((mutation) => mutation.base !== undefined)).toEqual([]);
    // jump: 1 is no jump at all: the usual step.
    for (const mutation of plans({ jump: 1 })) expect(mutation.scale).toBeCloseTo(0.07);
  });

  it('makes a stale mutation again on a new incumbent: the same literal to the same text', () => {
    const mutation = { file: 'c.yaml', line: 2, key: 'b', from: 20, to: 26, step: 6, scale: 0.3 };
    const redone = redoMutation(file('a: 13\nb: 20\n'), mutation, 'a: 10\nb: 26\n');
    expect(redone.text).toBe('a: 13\nb: 26\n');
    expect(redone.description).toBe('c.yaml: b 20 → 26');
    expect(() => redoMutation(file('a: 13\nb: 26\n'), mutation, 'a: 10\nb: 26\n')).toThrow(ProposalError);
    expect(() => redoMutation(file('a: 13\n'), mutation, 'a: 10\nb: 26\n')).toThrow(
      /b is no longer in c\.yaml/,
    );
  });
});
