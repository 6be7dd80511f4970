// `npm run bench`: numbers for the closing notes, not pass/fail. The process benchmarks run against dist/
// (build first); `decisions` runs the TypeScript decide functions directly (bundled on the fly).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CLI, ROOT } from './lib.mjs';
import { benchOverhead } from './overhead.mjs';
import { benchLedgerScale } from './ledger-scale.mjs';
import { ACTION, benchStartup } from './startup.mjs';

const only = process.argv[2];
const wants = (name) => !only || only === name;
if ((wants('overhead') || wants('ledger')) && !existsSync(CLI))
  throw new Error('dist/cli.js is missing: run `npm run build` first');
if (wants('startup') && !(existsSync(CLI) && existsSync(ACTION)))
  throw new Error('dist/ is missing: run `npm run build` first');

/** Imports a TypeScript bench module: esbuild bundles it (and what it imports) into one ES module in memory. */
async function importTypeScript(path) {
  const bundle = await build({
    entryPoints: [path],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  return import(`data:text/javascript,${encodeURIComponent(bundle.outputFiles[0].text)}`);
}

const results = {};
if (wants('overhead')) {
  results.overhead = benchOverhead();
  console.log('overhead per experiment (goal ratio <= 1.3):', results.overhead);
}
if (wants('ledger')) {
  results.ledger = benchLedgerScale();
  console.log('10,000 earlier rows vs none (goal ratio <= 1.1):', results.ledger);
}
if (wants('decisions')) {
  const { benchDecisions, decisionTable } = await importTypeScript(join(ROOT, 'bench', 'decisions.ts'));
  results.decisions = benchDecisions();
  console.log('decisions (goals: welch false keep <= 5 %, power >= 80 %)');
  console.log(decisionTable(results.decisions));
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
