// Where a session's time goes: `node bench/run.mjs profile`.
//
// Runs the same 10-experiment session (mutate, the bench eval) on a tiny repository and on a large one
// (the repo-size shape), twice each as two nights would, and profiles the second session: every git
// process autoexp starts reports its own command and run time through git's trace2 (set in a global
// config of the bench's own, so nothing sits between autoexp and git). What git does not account for is
// autoexp's own time: node, starting processes, the eval. Then the price of starting a process at all:
// `git --version` started 200 times from bash and from node.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLI, IDENTITY, timed } from './lib.mjs';
import { repoSizeProject } from './repo-size.mjs';

/** The git processes of one session, from trace2 events: [{ name, ms }]. */
function gitProcesses(eventFile) {
  const bySession = new Map();
  for (const line of readFileSync(eventFile, 'utf8').split('\n')) {
    if (!line) continue;
    const event = JSON.parse(line);
    const entry = bySession.get(event.sid) ?? { name: '?', ms: 0 };
    if (event.event === 'cmd_name') entry.name = event.name;
    if (event.event === 'atexit') entry.ms = event.t_abs * 1000;
    bySession.set(event.sid, entry);
  }
  return [...bySession.values()];
}

function profiledSession(root, trees, experiments) {
  const dir = mkdtempSync(join(tmpdir(), 'autoexp-bench-trace-'));
  const events = join(dir, 'events');
  writeFileSync(events, '');
  // Only the events this needs: which command, and when it ended.
  writeFileSync(
    join(dir, 'gitconfig'),
    `[trace2]\n\teventTarget = ${events}\n\teventNesting = 0\n\teventBrief = true\n`,
  );
  const run = (env) =>
    timed(() => {
      const result = spawnSync(process.execPath, [CLI, 'run', '--experiments', String(experiments)], {
        cwd: root,
        env: { ...process.env, ...IDENTITY, AUTOEXP_TREES: trees, ...env },
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(result.stderr);
    }).ms;
  run({});
  const ms = run({ GIT_CONFIG_GLOBAL: join(dir, 'gitconfig') });
  return { ms, git: gitProcesses(events) };
}

function byCommand(processes) {
  const table = new Map();
  for (const { name, ms } of processes) {
    const row = table.get(name) ?? { count: 0, ms: 0 };
    row.count++;
    row.ms += ms;
    table.set(name, row);
  }
  return table;
}

async function startCost(rounds = 200) {
  const bash = spawnSync(
    'bash',
    ['-c', `time (for i in $(seq ${rounds}); do git --version >/dev/null; done)`],
    {
      encoding: 'utf8',
    },
  );
  const real = /real\s+(\d+)m([\d.]+)s/.exec(bash.stderr);
  const bashMs = real ? ((Number(real[1]) * 60 + Number(real[2])) * 1000) / rounds : NaN;
  let blocked = 0;
  const start = performance.now();
  for (let index = 0; index < rounds; index++) {
    await new Promise((resolve) => {
      const before = performance.now();
      execFile('git', ['--version'], () => resolve());
      blocked += performance.now() - before;
    });
  }
  return {
    from_bash_ms: +bashMs.toFixed(2),
    from_node_ms: +((performance.now() - start) / rounds).toFixed(2),
    node_blocked_in_spawn_ms: +(blocked / rounds).toFixed(2),
  };
}

export async function benchProfile({ experiments = 10 } = {}) {
  const sessions = {};
  for (const [name, shape] of [
    ['tiny', { files: 0, fileBytes: 0 }],
    ['large', { files: 20000, fileBytes: 11800 }],
  ]) {
    const root = repoSizeProject(shape, experiments);
    sessions[name] = profiledSession(root, mkdtempSync(join(tmpdir(), 'autoexp-bench-trees-')), experiments);
  }
  return { experiments, sessions, start: await startCost() };
}

/** The profile as a table: per command, processes and ms per experiment, tiny beside large. */
export function profileTable({ experiments, sessions, start }) {
  const tiny = byCommand(sessions.tiny.git);
  const large = byCommand(sessions.large.git);
  const names = [...new Set([...tiny.keys(), ...large.keys()])].sort(
    (a, b) => (large.get(b)?.ms ?? 0) - (large.get(a)?.ms ?? 0),
  );
  const per = (row, key) => (row ? (row[key] / experiments).toFixed(key === 'count' ? 2 : 1) : '-');
  const lines = [
    `second session of ${experiments} experiments; per experiment (session totals / ${experiments}):`,
    `${'git command'.padEnd(16)}${'tiny: procs'.padStart(12)}${'ms'.padStart(8)}${'large: procs'.padStart(14)}${'ms'.padStart(8)}`,
  ];
  for (const name of names) {
    const t = tiny.get(name);
    const l = large.get(name);
    lines.push(
      `${name.padEnd(16)}${per(t, 'count').padStart(12)}${per(t, 'ms').padStart(8)}${per(l, 'count').padStart(14)}${per(l, 'ms').padStart(8)}`,
    );
  }
  const total = (session) => session.git.reduce((sum, { ms }) => sum + ms, 0);
  const row = (label, t, l) =>
    `${label.padEnd(16)}${''.padStart(12)}${(t / experiments).toFixed(1).padStart(8)}${''.padStart(14)}${(l / experiments).toFixed(1).padStart(8)}`;
  lines.push(row('git, all', total(sessions.tiny), total(sessions.large)));
  lines.push(
    row(
      'everything else',
      sessions.tiny.ms - total(sessions.tiny),
      sessions.large.ms - total(sessions.large),
    ),
  );
  lines.push(row('session', sessions.tiny.ms, sessions.large.ms));
  lines.push(
    `starting git --version: ${start.from_bash_ms} ms from bash, ${start.from_node_ms} ms from node (${start.node_blocked_in_spawn_ms} ms of it with node blocked in spawn)`,
  );
  return lines.join('\n');
}
