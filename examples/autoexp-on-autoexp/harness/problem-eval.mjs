// The inner sessions' eval: `node problem-eval.mjs <problem>` reads the problem's config file and prints
// `value: <f>` (to minimise), with the problem's noise added. Exits 1 on a config it refuses.
import { readFileSync } from 'node:fs';
import { problemNamed, trueValue } from './problems.mjs';

const problem = problemNamed(process.argv[2]);
const value = trueValue(problem, readFileSync(problem.file, 'utf8'));
if (value === undefined) {
  console.error(`${problem.file}: a parameter is missing, not a number, or not an integer where it must be`);
  process.exit(1);
}
// Box–Muller: one normal deviate.
const normal = Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
console.log(`value: ${value + (problem.noise ?? 0) * normal}`);
