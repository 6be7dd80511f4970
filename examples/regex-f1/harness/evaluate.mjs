// The regex-f1 harness: flags each line of a labelled log corpus with the patterns in patterns.txt and
// prints how well the flags match the labels: `f1`, `precision` and `recall`. Plain Node, no
// dependencies, deterministic. Experiments must not change this file or the corpus.
//
// patterns.txt: one JavaScript regular expression per line, compiled with `new RegExp(line)` (no flags,
// so case matters); blank lines and lines starting with # are ignored. A log line is flagged when any
// pattern matches somewhere in it. A pattern that does not compile exits 1 (autoexp records a crash).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HARNESS = dirname(fileURLToPath(import.meta.url));
const PATTERNS_FILE = join(HARNESS, '..', 'patterns.txt');
const CORPUS_FILE = process.argv[2] ?? join(HARNESS, 'corpus.tsv');

function readPatterns() {
  const patterns = [];
  readFileSync(PATTERNS_FILE, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const source = text.trim();
      if (source === '' || source.startsWith('#')) return;
      try {
        patterns.push(new RegExp(source));
      } catch (error) {
        console.error(`patterns.txt line ${index + 1}: ${error.message}`);
        process.exit(1);
      }
    });
  return patterns;
}

/** [{ positive, line }] from `label<TAB>line` rows under a header; label is yes or no. */
function readCorpus() {
  const rows = readFileSync(CORPUS_FILE, 'utf8').split('\n').slice(1).filter(Boolean);
  return rows.map((row) => {
    const tab = row.indexOf('\t');
    return { positive: row.slice(0, tab) === 'yes', line: row.slice(tab + 1) };
  });
}

const patterns = readPatterns();
let truePositives = 0;
let falsePositives = 0;
let falseNegatives = 0;
for (const { positive, line } of readCorpus()) {
  const flagged = patterns.some((pattern) => pattern.test(line));
  if (flagged && positive) truePositives++;
  if (flagged && !positive) {
    falsePositives++;
    console.log(`false alarm: ${line}`);
  }
  if (!flagged && positive) {
    falseNegatives++;
    console.log(`missed:      ${line}`);
  }
}
const precision = truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives);
const recall = truePositives + falseNegatives === 0 ? 0 : truePositives / (truePositives + falseNegatives);
const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
const round = (value) => Math.round(value * 10000) / 10000;
console.log(`precision: ${round(precision)}`);
console.log(`recall: ${round(recall)}`);
console.log(`f1: ${round(f1)}`);
