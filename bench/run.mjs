// `npm run bench`: numbers for the closing notes, not pass/fail. The process benchmarks run against dist/
// (build first); `decisions` runs the TypeScript decide functions directly (bundled on the fly).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CLI, makeRepo, ROOT, runCli, sh } from './lib.mjs';
import { benchOverhead } from './overhead.mjs';
import { benchLedgerScale } from './ledger-scale.mjs';
import { ACTION, benchStartup } from './startup.mjs';
import { benchReport } from './report.mjs';
import { benchSpawn } from './spawn.mjs';
import { benchWorkers, workersTable } from './workers.mjs';
import { benchRepoSize } from './repo-size.mjs';
import { benchRefs } from './refs.mjs';
import { benchArtifacts, benchWideScope } from './shapes.mjs';
import { benchProfile, profileTable, startCost } from './profile.mjs';

const only = process.argv[2];
const wants = (name) => !only || only === name;
if (
  (wants('overhead') ||
    wants('ledger') ||
    wants('report') ||
    wants('workers') ||
    wants('repo-size') ||
    wants('refs') ||
    wants('artifacts') ||
    wants('scope') ||
    wants('profile')) &&
  !existsSync(CLI)
)
  throw new Error('dist/cli.js is missing: run `npm run build` first');
if (wants('startup') && !(existsSync(CLI) && existsSync(ACTION)))
  throw new Error('dist/ is missing: run `npm run build` first');

/**
 * Imports a TypeScript bench module: esbuild bundles it (and what it imports) into one ES module in a temp
 * file. The banner gives bundled CommonJS dependencies (the LLM SDKs' own) a `require` to call.
 */
async function importTypeScript(path) {
  const bundle = await build({
    entryPoints: [path],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
    banner: {
      js: "import { createRequire as __autoexpRequire } from 'node:module'; const require = __autoexpRequire(import.meta.url);",
    },
  });
  const file = join(mkdtempSync(join(tmpdir(), 'autoexp-bench-ts-')), 'bench.mjs');
  writeFileSync(file, bundle.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}

const results = {};
if (wants('overhead')) {
  // The eval as autoexp would start it here, and node's price of starting a process beyond bash's.
  const sandbox = await importTypeScript(join(ROOT, 'src', 'measure', 'sandbox.ts'));
  const containment = await sandbox.detectContainment();
  const evalInvocation =
    containment.kind === 'namespace'
      ? sandbox.sandboxInvocation(containment.prefix, 'bash evaluate.sh', {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
        })
      : undefined;
  const start = await startCost();
  results.overhead = benchOverhead({
    evalInvocation,
    spawnPremiumMs: start.from_node_ms - start.from_bash_ms,
  });
  console.log('overhead per experiment (goal ratio <= 1.3):', results.overhead);
}
if (wants('ledger')) {
  results.ledger = benchLedgerScale();
  console.log('10,000 earlier rows vs none (goal ratio <= 1.1):', results.ledger);
}
if (wants('repo-size')) {
  results.repoSize = benchRepoSize();
  console.log(
    'a large repository vs a tiny one, 5-experiment sessions: the first, the mean of the later ones (goal ratio_later <= 2):',
    JSON.stringify(results.repoSize, null, 1),
  );
}
if (wants('refs')) {
  results.refs = benchRefs();
  console.log('a later 5-experiment session, mean ms, in a repository with many refs:', results.refs);
}
if (wants('artifacts')) {
  results.artifacts = benchArtifacts();
  console.log('an experiment when eval.setup leaves a large ignored directory:', results.artifacts);
}
if (wants('scope')) {
  results.scope = benchWideScope();
  console.log('an experiment with a scope of thousands of files:', results.scope);
}
if (wants('profile')) {
  results.profile = await benchProfile();
  console.log('where the time goes (git processes timed by git itself):');
  console.log(profileTable(results.profile));
}
if (wants('decisions')) {
  const bench = await importTypeScript(join(ROOT, 'bench', 'decisions.ts'));
  results.decisions = bench.benchDecisions();
  console.log('decisions (goals: welch false keep <= 5 %, power >= 80 %)');
  console.log(bench.decisionTable(results.decisions));
  results.sequential = bench.benchSequential();
  console.log(
    'sequential vs fixed-n (goals: false keeps <= 5 %, power >= 80 %, <= 8 candidate runs per decision)',
  );
  console.log(bench.sequentialTable(results.sequential));
  results.nights = bench.benchNights();
  console.log(bench.nightsTable(results.nights));
}
if (wants('startup')) {
  results.startup = benchStartup();
  console.log('start-up: spawn → first proposal, median ms (goal <= 300), and dist sizes:', results.startup);
}
if (wants('edits')) {
  const { benchEdits } = await importTypeScript(join(ROOT, 'bench', 'edits.ts'));
  results.edits = benchEdits();
  console.log('SEARCH/REPLACE corpus (goals: 100 % of applicable cases, 0 at a wrong place):', results.edits);
}
if (wants('search')) {
  const { benchSearch, searchTable, sessionSanity } = await importTypeScript(
    join(ROOT, 'bench', 'search.ts'),
  );
  results.search = benchSearch();
  // The real sessions need dist/ (`npm run build`); without it the in-process table stands alone.
  if (existsSync(CLI))
    results.search.sessions = sessionSanity(
      { makeRepo, runCli, sh },
      join(ROOT, 'examples', 'autoexp-on-autoexp', 'harness', 'problem-eval.mjs'),
    );
  console.log(
    'search (goals: mutate below random and the (1+1)-ES on the standard problems; the tree below the hill-climb and explore.every on the two-hills problems, within 10 % of the hill-climb on the others)',
  );
  console.log(searchTable(results.search));
}
if (wants('workers')) {
  results.workers = benchWorkers();
  console.log('experiments per hour by workers (goal: >= 3.5x at 4 workers on the sleep eval):');
  console.dir(results.workers.throughput, { depth: 4 });
  console.log(workersTable(results.workers));
}
if (wants('prompts')) {
  const { benchPrompts } = await importTypeScript(join(ROOT, 'bench', 'prompts.ts'));
  results.prompts = await benchPrompts();
  console.log(
    'llm prompts over 10 experiments: byte-identical prefix of the previous prompt (goal >= 80 %):',
    results.prompts,
  );
}
if (wants('report')) {
  results.report = await benchReport();
  console.log('HTML report of 10,000 experiments (goal: drawn in Chromium <= 1000 ms):', results.report);
}
if (wants('spawn')) {
  results.spawn = await benchSpawn();
  console.log(
    'processes: PID namespace per command, execa vs child_process, 300 git calls, execa load (ms):',
  );
  console.dir(results.spawn, { depth: 3 });
}
