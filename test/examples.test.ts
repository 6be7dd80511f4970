// The bundled examples, run end to end as a user would: each is copied into a fresh git repository (with
// a bare origin) and a real session runs on it with the example's own autoexp.yml and proposer.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config/load.js';
import { parseJsonl } from '../src/ledger/jsonl.js';
import type { ExperimentRecord } from '../src/ledger/types.js';
import { runSession } from '../src/session/session.js';
import { createTestRepo, GIT_IDENTITY_ENV, type TestRepo } from './helpers/repo.js';

const EXAMPLES = resolve(import.meta.dirname, '..', 'examples');
const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const NEW_EXAMPLES = ['js-speed', 'regex-f1', 'prompt-accuracy', 'sql-speed'];

function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = readFileSync(path, 'utf8');
  }
  return files;
}

/** The example, committed on main of a new repository, exactly as shipped. */
function exampleRepo(name: string): TestRepo {
  return createTestRepo(filesUnder(join(EXAMPLES, name)));
}

async function runExample(repo: TestRepo, env: Record<string, string> = {}, experiments?: number) {
  const settings = await loadSettings(join(repo.root, 'autoexp.yml'), repo.root);
  return runSession({
    settings,
    checkout: repo.root,
    baseRef: 'main',
    experiments,
    env: { ...process.env, ...GIT_IDENTITY_ENV, ...env },
    signal: new AbortController().signal,
  });
}

interface Ledger {
  /** [experiment, commit, ...metric cells, status, description] per row, header left out. */
  rows: string[][];
  records: ExperimentRecord[];
}

function ledger(repo: TestRepo, tag: string): Ledger {
  const dir = `autoexp/${tag}:.autoexp/${tag}`;
  const tsv = repo.git('show', `${dir}/results.tsv`).split('\n');
  return {
    rows: tsv.slice(1).map((line) => line.split('\t')),
    records: parseJsonl(repo.git('show', `${dir}/experiments/0000.jsonl`), 'log'),
  };
}

function statuses(rows: string[][]): string[] {
  return rows.map((row) => row.at(-2)!);
}

/** The git tree of harness/ on the experiment branch and on main: equal when no byte changed. */
function harnessTrees(repo: TestRepo, tag: string): { branch: string; main: string } {
  return {
    branch: repo.git('rev-parse', `autoexp/${tag}:harness`),
    main: repo.git('rev-parse', 'main:harness'),
  };
}

describe('the examples as shipped', () => {
  const names = readdirSync(EXAMPLES).filter((name) => existsSync(join(EXAMPLES, name, 'autoexp.yml')));

  it('are all there, next to the demo', () => {
    expect(names).toEqual(expect.arrayContaining(['cache-demo', ...NEW_EXAMPLES]));
  });

  it.each(names)(
    '%s: autoexp.yml loads with the real config loader and protects its harness',
    async (name) => {
      const dir = join(EXAMPLES, name);
      const settings = await loadSettings(join(dir, 'autoexp.yml'), dir);
      expect(settings.tag).toBe(name);
      expect(settings.program?.path).toBe('program.md');
      expect(settings.program?.text.trim().length).toBeGreaterThan(100);
      expect(existsSync(join(dir, 'README.md'))).toBe(true);
      for (const glob of settings.scope.modify) {
        expect(existsSync(join(dir, glob)), `${name}: scope.modify lists ${glob}, which does not exist`).toBe(
          true,
        );
        expect(glob).not.toMatch(/^(harness|sim|candidates)\//);
      }
    },
  );
});

/** A stand-in for an OpenAI-compatible endpoint: a "model" that sorts support messages the way the
 * prompt tells it to, and makes the mistakes a prompt can fix until the prompt fixes them. */
function standInModel(questions: { message: string; label: string }[]) {
  const labels = new Map(questions.map((question) => [question.message, question.label]));
  const seen: { authorization?: string; model: string }[] = [];
  const answer = (prompt: string, message: string): string => {
    let label = labels.get(message) ?? 'other';
    // Cancelling looks like money to a model, unless the prompt says otherwise.
    if (/cancel/i.test(message) && !/cancel/i.test(prompt)) label = 'billing';
    // A request phrased as a complaint reads like a bug report, unless the prompt says otherwise.
    if (/annoying|still no/i.test(message) && !/complaint/i.test(prompt)) label = 'bug';
    // Without an instruction about the format, the model chats.
    return /category name only/i.test(prompt) ? label : `This message is about ${label}.`;
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const json = JSON.parse(body) as { model: string; messages: { role: string; content: string }[] };
      seen.push({ authorization: request.headers.authorization, model: json.model });
      if (request.url !== '/v1/chat/completions' || request.headers.authorization !== 'Bearer eval-key') {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end('{"error": {"message": "invalid api key"}}');
        return;
      }
      const system = json.messages.find((message) => message.role === 'system')!.content;
      const user = json.messages.find((message) => message.role === 'user')!.content;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ choices: [{ message: { role: 'assistant', content: answer(system, user) } }] }),
      );
    });
  });
  return { server, seen };
}

async function listen(server: ReturnType<typeof createServer>): Promise<string> {
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

// The sessions run side by side: each has its own repository, and their evals are short.
describe.concurrent('the examples, end to end', () => {
  describe('examples/js-speed', () => {
    it('times formatPrice with 3 runs a side and keeps only what a Welch test calls faster', async ({
      expect,
    }) => {
      const repo = exampleRepo('js-speed');
      const settings = await loadSettings(join(repo.root, 'autoexp.yml'), repo.root);
      expect(settings.eval.repeats).toBeGreaterThanOrEqual(3);
      expect(settings.decide.noise).toBe('welch');

      await runExample(repo, {}, 3);
      const { rows, records } = ledger(repo, 'js-speed');
      expect(rows.map((row) => row[0])).toEqual(['0', '1', '2', '3']);
      expect(rows[0]!.at(-1)).toBe('baseline');
      for (const record of records) {
        // mutate changes the cache size, which never breaks formatPrice: every run measures.
        expect(
          record.status,
          JSON.stringify(records.map((r) => [r.status, r.reason, r.description])),
        ).toMatch(/^(keep|discard)$/);
        expect(record.samples.ops_per_s).toHaveLength(3);
        expect(record.metrics.ops_per_s).toBeGreaterThan(1000);
      }
      for (const record of records.slice(1)) {
        expect(record.description).toMatch(/^format-prices\.mjs: FORMATTER_CACHE_SIZE \d+ → \d+$/);
        const decision = record.decision!;
        expect(decision.confidence).toMatch(/\(welch, 3 runs each\)$/);
        expect(decision.samples.candidate).toHaveLength(3);
        expect(decision.samples.incumbent).toHaveLength(3);
        if (record.status === 'keep') {
          expect(record.reason).toBe('improved');
          expect(decision.candidateMean).toBeGreaterThan(decision.incumbentMean);
          expect(decision.pValue).toBeLessThan(settings.decide.alpha);
        } else {
          // Slower, or faster but not beyond the noise; either way the reason says which.
          const faster = decision.candidateMean > decision.incumbentMean;
          expect(record.reason).toMatch(faster ? /^not better \(.*, within noise: p[=<]/ : /^not better \(/);
        }
      }
      const harness = harnessTrees(repo, 'js-speed');
      expect(harness.branch).toBe(harness.main);
    });
  });

  describe('examples/regex-f1', () => {
    it('raises F1 through `node dist/cli.js run`: keeps, a precision veto, a crash, a tie, and a refused cheat', async ({
      expect,
    }) => {
      const repo = exampleRepo('regex-f1');
      // A seventh candidate that "improves" the score by relabelling the corpus: outside scope.modify.
      const corpus = repo.read('harness/corpus.tsv');
      repo.write('candidates/7/harness/corpus.tsv', corpus.replaceAll('yes\t', 'no\t'));
      repo.write('candidates/7/description.txt', 'relabel the corpus\n');
      repo.commitAll('a cheating candidate');

      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
        const child = spawn(process.execPath, [CLI, 'run', '--experiments', '7'], {
          cwd: repo.root,
          env: { ...process.env, ...GIT_IDENTITY_ENV },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => done({ code, stdout, stderr }));
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('f1: baseline 0.25 → best 0.9474');

      const { rows, records } = ledger(repo, 'regex-f1');
      // experiment, f1, precision, recall, status
      expect(rows.map((row) => [row[0], row[2], row[3], row[4], row[5]])).toEqual([
        ['0', '0.25', '1', '0.1429', 'keep'],
        ['1', '0.6', '1', '0.4286', 'keep'],
        ['2', '0.6667', '0.625', '0.7143', 'discard'],
        ['3', '', '', '', 'crash'],
        ['4', '0.8333', '1', '0.7143', 'keep'],
        ['5', '0.8333', '1', '0.7143', 'discard'],
        ['6', '0.9474', '0.931', '0.9643', 'keep'],
        ['7', '', '', '', 'invalid'],
      ]);
      const reasons = records.map((record) => record.reason);
      expect(reasons[2]).toBe('constraint precision<0.9');
      expect(reasons[3]).toBe('exit code 1');
      expect(records[3]!.log_tail).toMatch(/patterns\.txt line 5: Invalid regular expression/);
      expect(reasons[5]).toMatch(/^not better \(f1 0\.8333 vs 0\.8333/);
      expect(reasons[7]).toBe('out of scope: harness/corpus.tsv');
      expect(records[1]!.description).toMatch(/^catch crashes by their headline/);

      expect(repo.git('show', 'autoexp/regex-f1:patterns.txt')).toBe(
        repo.read('candidates/6/patterns.txt').trim(),
      );
      const harness = harnessTrees(repo, 'regex-f1');
      expect(harness.branch).toBe(harness.main);
    });
  });

  describe('examples/prompt-accuracy', () => {
    const questions = readFileSync(join(EXAMPLES, 'prompt-accuracy', 'harness', 'questions.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { message: string; label: string });

    it('keeps the prompt edits that raise accuracy, asking a local stand-in model with EVAL_API_KEY', async ({
      expect,
    }) => {
      const { server, seen } = standInModel(questions);
      try {
        const baseUrl = await listen(server);
        const repo = exampleRepo('prompt-accuracy');
        await runExample(repo, {
          EVAL_BASE_URL: baseUrl,
          EVAL_MODEL: 'stand-in',
          EVAL_API_KEY: 'eval-key',
          // There as it would be for an llm proposer. autoexp keeps LLM keys from the eval, which
          // is why the eval has a key variable of its own.
          OPENAI_API_KEY: 'proposer-key',
        });
        const { rows, records } = ledger(repo, 'prompt-accuracy');
        expect(rows.map((row) => [row[0], row[2], row[3]])).toEqual([
          ['0', '0.6923', 'keep'],
          ['1', '0.6923', 'discard'],
          ['2', '0', 'discard'],
          ['3', '0.8462', 'keep'],
          ['4', '1', 'keep'],
        ]);
        expect(records[1]!.reason).toBe('not better (accuracy 0.6923 vs 0.6923)');
        expect(records[4]!.description).toMatch(/^say that a request for something new is feature/);
        expect(repo.git('show', 'autoexp/prompt-accuracy:prompt.md')).toBe(
          repo.read('candidates/4/prompt.md').trim(),
        );
        // Every question once per measurement (the baseline and 4 candidates), all with the eval's key.
        expect(seen).toHaveLength(questions.length * 5);
        expect(new Set(seen.map((request) => `${request.authorization} ${request.model}`))).toEqual(
          new Set(['Bearer eval-key stand-in']),
        );
        const harness = harnessTrees(repo, 'prompt-accuracy');
        expect(harness.branch).toBe(harness.main);
      } finally {
        server.close();
      }
    });

    it('exits 1 with the endpoint’s answer when a request fails, instead of scoring it as wrong', async ({
      expect,
    }) => {
      const { server } = standInModel(questions);
      try {
        const baseUrl = await listen(server);
        const evaluate = join(EXAMPLES, 'prompt-accuracy', 'harness', 'evaluate.mjs');
        const run = promisify(execFile)(process.execPath, [evaluate], {
          env: {
            PATH: process.env.PATH,
            EVAL_BASE_URL: baseUrl,
            EVAL_MODEL: 'stand-in',
            EVAL_API_KEY: 'wrong',
          },
        });
        await expect(run).rejects.toMatchObject({
          code: 1,
          stdout: '',
          stderr: expect.stringMatching(/answered 401: .*invalid api key/),
        });
      } finally {
        server.close();
      }
    });
  });

  describe('examples/sql-speed', () => {
    it('keeps the index that makes the query fast and never a query that returns the wrong rows', async ({
      expect,
    }) => {
      const repo = exampleRepo('sql-speed');
      await runExample(repo);
      const { rows, records } = ledger(repo, 'sql-speed');
      expect(rows.map((row) => row[0])).toEqual(['0', '1', '2', '3', '4']);
      const queryMs = rows.map((row) => Number(row[2]));

      // #1 adds an index on orders(customer_id): the correlated subqueries stop scanning all orders,
      // a speed-up of some 20x, far beyond the 10% min-delta and any timing noise.
      expect(statuses(rows).slice(0, 2)).toEqual(['keep', 'keep']);
      expect(queryMs[1]).toBeLessThan(queryMs[0]! / 5);

      // #2 rewrites the query as a join but forgets `status = 'paid'`: the harness rejects the answer.
      expect(statuses(rows)[2]).toBe('crash');
      expect(rows[2]![2]).toBe('');
      expect(records[2]!.log_tail).toMatch(/^wrong result: row 1 is \["Customer 0001",\d+,\d+\], expected/m);
      expect(records[2]!.log_tail).not.toContain('ExperimentalWarning');

      // #3 and #4 are correct rewrites; whether each beats the incumbent by 10% is the machine's business.
      for (const row of rows.slice(3)) {
        expect(row.at(-2)).toMatch(/^(keep|discard)$/);
        expect(Number(row[2])).toBeGreaterThan(0);
      }
      expect(repo.git('show', 'autoexp/sql-speed:query.sql')).not.toBe(
        repo.read('candidates/2/query.sql').trim(),
      );
      const harness = harnessTrees(repo, 'sql-speed');
      expect(harness.branch).toBe(harness.main);
    });
  });
});
