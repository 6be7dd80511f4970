// What starting processes costs: `node bench/run.mjs spawn` (or `node bench/spawn.mjs`).
//
// - runCommand per command: in a PID namespace (the default where one can be made) vs the process-tree
//   kill (no namespace), and under eval.network: off (network, IPC, mount and PID namespaces, the private
//   directories, the capabilities dropped; as root also the way a non-root user gets it through sudo),
//   the same trivial command, interleaved so all see the same machine; and the one-off probe of
//   eval.network: off.
// - execa vs node:child_process for the same spawn: `bash -c true` with piped output, as runCommand does.
// - 300 sequential `git rev-parse HEAD` through execFile (promisified) vs execa, as a git wrapper would.
// - The load time of execa when bundled (dist/ bundles it): a fresh node importing a bundle of execa vs a
//   bundle of node:child_process alone.
// Medians over rounds; the first round of each is a warm-up and not counted.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { execa } from 'execa';
import { ROOT, makeRepo, median } from './lib.mjs';

const execFileAsync = promisify(execFile);

/** Bundles `source` (an ES module importing from src/) into a temp file and returns its path. */
async function bundle(source, name) {
  const out = join(mkdtempSync(join(tmpdir(), 'autoexp-bench-spawn-')), `${name}.mjs`);
  await build({
    stdin: { contents: source, resolveDir: ROOT, sourcefile: `${name}-entry.mjs` },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    logLevel: 'silent',
  });
  return out;
}

/** Milliseconds per call of `fn` over `count` sequential calls. */
async function perCall(fn, count) {
  const start = performance.now();
  for (let i = 0; i < count; i++) await fn(i);
  return (performance.now() - start) / count;
}

/** Runs each variant `rounds` times, interleaved; returns the median of each (first round dropped). */
async function interleaved(variants, rounds) {
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = 0; round <= rounds; round++)
    for (const [name, fn] of Object.entries(variants)) {
      const value = await fn();
      if (round > 0) samples[name].push(value);
    }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, round2(median(values))]));
}

const round2 = (value) => Math.round(value * 100) / 100;

function nodeSpawn(file, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.once('error', reject);
    child.once('close', resolve);
  });
}

function execaSpawn(file, args, env) {
  return execa(file, args, {
    env,
    extendEnv: false,
    detached: true,
    stdin: 'ignore',
    buffer: false,
    encoding: 'buffer',
    reject: false,
    cleanup: false,
  }).then((result) => result.exitCode);
}

async function benchRunCommand() {
  const module = await bundle(
    `export { runCommand } from './src/measure/run-command.ts';
     export { detectContainment } from './src/measure/sandbox.ts';
     export { detectNetworkIsolation, isolationCandidates, findIsolationTools } from './src/measure/network.ts';`,
    'run-command',
  );
  const { runCommand, detectContainment, detectNetworkIsolation, isolationCandidates, findIsolationTools } =
    await import(pathToFileURL(module).href);
  const containment = await detectContainment();
  const probeStart = performance.now();
  const network = await detectNetworkIsolation().catch((error) => ({ kind: 'none', error }));
  const networkProbeMs = round2(performance.now() - probeStart);
  // As root: the way a user with sudo gets it (namespaces made as root, the command dropped to nobody).
  const asUser =
    network.kind === 'unshare' && process.getuid?.() === 0
      ? isolationCandidates({ uid: 65534, gid: 65534, groups: [] }, findIsolationTools()).find((candidate) =>
          candidate.description.includes('CAP_SYS_ADMIN'),
        )
      : undefined;
  const cwd = mkdtempSync(join(tmpdir(), 'autoexp-bench-run-'));
  const options = {
    command: 'echo "score: 1"',
    cwd,
    env: { PATH: process.env.PATH },
    timeoutMs: 60_000,
    logPath: join(cwd, 'eval.log'),
    metrics: [{ name: 'score', goal: 'maximize', extract: { kind: 'line' } }],
  };
  const tree = { kind: 'process-tree', reason: 'bench' };
  const perCommand = 30;
  const variants = {
    processTreeMs: () => perCall(() => runCommand({ ...options, containment: tree }), perCommand),
  };
  if (containment.kind === 'namespace')
    variants.namespaceMs = () => perCall(() => runCommand(options), perCommand);
  if (network.kind === 'unshare')
    variants.networkOffMs = () => perCall(() => runCommand({ ...options, network }), perCommand);
  if (asUser)
    variants.networkOffAsUserMs = () =>
      perCall(() => runCommand({ ...options, network: { kind: 'unshare', ...asUser } }), perCommand);
  const result = await interleaved(variants, 5);
  return {
    containment: containment.kind === 'namespace' ? containment.description : `none: ${containment.reason}`,
    network: network.kind === 'unshare' ? network.description : `none: ${network.error?.message}`,
    networkProbeMs,
    ...result,
    ...(result.namespaceMs === undefined
      ? {}
      : { overheadMs: round2(result.namespaceMs - result.processTreeMs) }),
    ...(result.networkOffMs === undefined || result.namespaceMs === undefined
      ? {}
      : { networkOffOverPidNamespaceMs: round2(result.networkOffMs - result.namespaceMs) }),
  };
}

async function benchSpawners() {
  const env = { PATH: process.env.PATH };
  return interleaved(
    {
      childProcessMs: () => perCall(() => nodeSpawn('bash', ['-c', 'true'], env), 50),
      execaMs: () => perCall(() => execaSpawn('bash', ['-c', 'true'], env), 50),
    },
    5,
  );
}

async function benchGit() {
  const repo = makeRepo({ 'a.txt': 'a\n' });
  const env = { ...process.env };
  const count = 300;
  const totals = await interleaved(
    {
      execFileMs: () => perCall(() => execFileAsync('git', ['rev-parse', 'HEAD'], { cwd: repo, env }), count),
      execaMs: () => perCall(() => execa('git', ['rev-parse', 'HEAD'], { cwd: repo, env }), count),
    },
    3,
  );
  return {
    perCallExecFileMs: totals.execFileMs,
    perCallExecaMs: totals.execaMs,
    [`${count}CallsExecFileMs`]: Math.round(totals.execFileMs * count),
    [`${count}CallsExecaMs`]: Math.round(totals.execaMs * count),
  };
}

/** A fresh node loading a bundle; milliseconds from spawn to exit. */
function loadTime(file) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [file], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('close', () => resolve(performance.now() - start));
  });
}

async function benchImport() {
  const withExeca = await bundle(
    `import { execa } from 'execa'; if (typeof execa !== 'function') throw 1;`,
    'execa',
  );
  const without = await bundle(
    `import { spawn } from 'node:child_process'; if (typeof spawn !== 'function') throw 1;`,
    'child-process',
  );
  const times = await interleaved(
    { childProcessMs: () => loadTime(without), execaMs: () => loadTime(withExeca) },
    10,
  );
  return { ...times, execaLoadMs: round2(times.execaMs - times.childProcessMs) };
}

export async function benchSpawn() {
  return {
    runCommand: await benchRunCommand(),
    spawn: await benchSpawners(),
    git: await benchGit(),
    import: await benchImport(),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  console.dir(await benchSpawn(), { depth: 3 });
