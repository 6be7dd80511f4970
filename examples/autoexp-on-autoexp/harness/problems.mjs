// The problems an inner session can tune, which are also autoexp's search benchmark (bench/search.ts in
// the autoexp repository runs these very files). Each is a
// config file that problem-eval.mjs reads, and a function to minimise; a result is a normalised regret:
// (f(best found) - f*) / (f(start) - f*): 1 is no progress, 0 is the optimum.

const PI = Math.PI;

function branin({ x1, x2 }) {
  const b = 5.1 / (4 * PI * PI);
  const c = 5 / PI;
  const t = 1 / (8 * PI);
  return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
}

function rosenbrock(params) {
  const x = ['x1', 'x2', 'x3', 'x4'].map((key) => params[key]);
  let sum = 0;
  for (let i = 0; i < x.length - 1; i++) sum += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
  return sum;
}

// Hartmann functions: the constants of the standard definitions.
const HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2];
const HARTMANN6_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const HARTMANN6_P = [
  [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
  [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
  [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.665],
  [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
];
const HARTMANN3_A = [
  [3, 10, 30],
  [0.1, 10, 35],
  [3, 10, 30],
  [0.1, 10, 35],
];
const HARTMANN3_P = [
  [0.3689, 0.117, 0.2673],
  [0.4699, 0.4387, 0.747],
  [0.1091, 0.8732, 0.5547],
  [0.0381, 0.5743, 0.8828],
];

function hartmann(x, a, p) {
  let sum = 0;
  for (let i = 0; i < 4; i++) {
    let inner = 0;
    for (let j = 0; j < x.length; j++) inner += a[i][j] * (x[j] - p[i][j]) ** 2;
    sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
  }
  return -sum;
}

// A server's settings, all integers: the best is 12 workers, batches of 96, a 900 MB cache, 2 retries.
function serverCost({ workers, batch_size, cache_mb, retries }) {
  return (
    ((workers - 12) / 6) ** 2 +
    Math.log2(batch_size / 96) ** 2 +
    (Math.log2(cache_mb / 900) / 2) ** 2 +
    ((retries - 2) / 2) ** 2
  );
}

/**
 * Deceptive: two hills, the value minus their heights. From the start, raising the `local` parameters
 * climbs a near hill (height 1, at `nearTop`) quickly; raising the `far` ones climbs a hill of height 2 (at
 * `farTop`, the start's `local` values) slowly. The near hill is a bell, broad along `local` (σ 0.8) and
 * narrower along `far` (σ 1); the high one a cone, wide along `far` (radius 6) and narrow along `local`
 * (radius 1.5). So the first steps lead to the near hill, and from its top every change of one parameter
 * is worse: the high hill needs steps back down first, or a path followed from the start while it is
 * still lower than the near top.
 */
function twoHills(local, far, start, nearTop, farTop) {
  const square = (values, centre) => values.reduce((sum, value, i) => sum + (value - centre[i]) ** 2, 0);
  return (params) => {
    const a = local.map((key) => params[key]);
    const b = far.map((key) => params[key]);
    const near = Math.exp(-square(a, nearTop) / (2 * 0.8 ** 2) - square(b, start.far) / (2 * 1 ** 2));
    const distance = Math.sqrt(square(a, start.local) / 1.5 ** 2 + square(b, farTop) / 6 ** 2);
    const high = 2 * Math.max(0, 1 - distance);
    return -(near + high);
  };
}

const TWO_HILLS_2D = twoHills(['x'], ['y'], { local: [1], far: [1] }, [2.2], [5]);
const TWO_HILLS_6D = twoHills(
  ['a1', 'a2', 'a3'],
  ['b1', 'b2', 'b3'],
  { local: [1, 1, 1], far: [1, 1, 1] },
  [1.8, 1.8, 1.8],
  [3.5, 3.5, 3.5],
);

/**
 * name: the problem; file and start: the config file and its contents as the user committed them;
 * bounds: each parameter's domain (the eval clamps to it; the benchmark's random sampling and ES draw within it);
 * integer: parameters that must stay whole numbers (the eval refuses anything else); noise: the standard
 * deviation of the noise the eval adds to each measurement; optimum: f*.
 */
export const PROBLEMS = [
  {
    name: 'branin',
    file: 'params.json',
    start: '{\n  "x1": 2.5,\n  "x2": 7.5\n}\n',
    bounds: { x1: [-5, 10], x2: [0, 15] },
    objective: branin,
    optimum: 0.397887,
  },
  {
    name: 'rosenbrock-4d',
    file: 'rosenbrock.yaml',
    start: 'x1: 1.5\nx2: 0.5\nx3: 1.5\nx4: 0.5\n',
    bounds: { x1: [-2, 2], x2: [-2, 2], x3: [-2, 2], x4: [-2, 2] },
    objective: rosenbrock,
    optimum: 0,
  },
  {
    name: 'hartmann-6d',
    file: 'hartmann.toml',
    start: 'x1 = 0.5\nx2 = 0.5\nx3 = 0.5\nx4 = 0.5\nx5 = 0.5\nx6 = 0.5\n',
    bounds: Object.fromEntries(['x1', 'x2', 'x3', 'x4', 'x5', 'x6'].map((key) => [key, [0, 1]])),
    objective: (params) =>
      hartmann(
        ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'].map((key) => params[key]),
        HARTMANN6_A,
        HARTMANN6_P,
      ),
    optimum: -3.32237,
  },
  {
    name: 'server-integers',
    file: 'server.conf',
    start: '[server]\nworkers = 4\nbatch_size = 32\ncache_mb = 128\nretries = 3\n',
    bounds: { workers: [1, 64], batch_size: [1, 1024], cache_mb: [16, 4096], retries: [0, 10] },
    integer: ['workers', 'batch_size', 'cache_mb', 'retries'],
    objective: serverCost,
    optimum: 0,
  },
  {
    name: 'hartmann-3d-noisy',
    file: 'noisy.yaml',
    start: 'x1: 0.5\nx2: 0.5\nx3: 0.5\n',
    bounds: { x1: [0, 1], x2: [0, 1], x3: [0, 1] },
    objective: (params) =>
      hartmann(
        ['x1', 'x2', 'x3'].map((key) => params[key]),
        HARTMANN3_A,
        HARTMANN3_P,
      ),
    noise: 0.1,
    optimum: -3.86278,
  },
  {
    name: 'two-hills-2d',
    file: 'hills.yaml',
    start: 'x: 1.0\ny: 1.0\n',
    bounds: { x: [0, 6], y: [0, 8] },
    objective: TWO_HILLS_2D,
    // The high hill's top, where the near hill's tail adds about 1e-4.
    optimum: TWO_HILLS_2D({ x: 1, y: 5 }),
  },
  {
    name: 'two-hills-6d',
    file: 'hills.toml',
    start: 'a1 = 1.0\na2 = 1.0\na3 = 1.0\nb1 = 1.0\nb2 = 1.0\nb3 = 1.0\n',
    bounds: Object.fromEntries(['a1', 'a2', 'a3', 'b1', 'b2', 'b3'].map((key) => [key, [0, 8]])),
    objective: TWO_HILLS_6D,
    optimum: TWO_HILLS_6D({ a1: 1, a2: 1, a3: 1, b1: 3.5, b2: 3.5, b3: 3.5 }),
  },
];

export function problemNamed(name) {
  const problem = PROBLEMS.find((candidate) => candidate.name === name);
  if (!problem) throw new Error(`no search problem "${name}"`);
  return problem;
}

/** `key: 1.5`, `key = 1.5` and `"key": 1.5` lines: every format the problems use. */
export function readParameters(text) {
  const params = {};
  for (const match of text.matchAll(/^\s*"?([A-Za-z_]\w*)"?\s*[:=]\s*(-?[\d.]+(?:[eE][-+]?\d+)?)/gm))
    params[match[1]] = Number(match[2]);
  return params;
}

/**
 * The true (noise-free) value of a config's text, or undefined when the eval would refuse it (a parameter
 * missing, not a number, or a fraction where an integer belongs). Out-of-domain values are clamped.
 */
export function trueValue(problem, text) {
  const params = readParameters(text);
  const clamped = {};
  for (const [key, [low, high]] of Object.entries(problem.bounds)) {
    const value = params[key];
    if (value === undefined || !Number.isFinite(value)) return undefined;
    if (problem.integer?.includes(key) && !Number.isInteger(value)) return undefined;
    clamped[key] = Math.min(high, Math.max(low, value));
  }
  return problem.objective(clamped);
}

export function normalisedRegret(problem, value) {
  return (value - problem.optimum) / (trueValue(problem, problem.start) - problem.optimum);
}
