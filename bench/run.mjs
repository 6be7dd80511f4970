// `npm run bench`: numbers for the closing notes, not pass/fail. Runs against dist/ (build first).
import { existsSync } from 'node:fs';
import { CLI } from './lib.mjs';
import { benchOverhead } from './overhead.mjs';
import { benchLedgerScale } from './ledger-scale.mjs';

if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
const only = process.argv[2];
const results = {};
if (!only || only === 'overhead') {
  results.overhead = benchOverhead();
  console.log('overhead per experiment (goal ratio <= 1.3):', results.overhead);
}
if (!only || only === 'ledger') {
  results.ledger = benchLedgerScale();
  console.log('10,000 earlier rows vs none (goal ratio <= 1.1):', results.ledger);
}
