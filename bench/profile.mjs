// Where a session's time goes: `node bench/run.mjs profile`.
//
// On a tiny repository and on a large one (the repo-size shape), with mutate and the bench eval: a first
// session makes the trees, then two later sessions on the parked trees, a short one and a long one, are
// profiled. Every git process autoexp starts reports its own command and run time through git's trace2
// (set in a global config of the bench's own, so nothing sits between autoexp and git); what git does not
// account for is autoexp's own time: node, starting processes, the eval. The long session minus the
// short one is what an experiment costs. Then the price of starting a process at all: `git --version`
// started 200 times from bash and from node.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Runs `experiments` experiments in a later session (trees reused), with every git process traced. */
function profiledSession(root, trees, experiments) {
  const dir = mkdtempSync(join(tmpdir(), 'autoexp-bench-trace-'));
  const events = join(dir, 'events');
  writeFileSync(events, '');
  // Only the events this needs: which command, and when it ended.
  writeFileSync(
    join(dir, 'gitconfig'),
    `[trace2]\n\teventTarget = ${events}\n\teventNesting = 0\n\teventBrief = true\n`,
  );
  const ms = timed(() => {
    const result = spawnSync(process.execPath, [CLI, 'run', '--experiments', String(experiments)], {
      cwd: root,
      env: { ...process.env, ...IDENTITY, AUTOEXP_TREES: trees, GIT_CONFIG_SYSTEM: join(dir, 'gitconfig') },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(result.stderr);
  }).ms;
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

export async function startCost(rounds = 200) {
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

/**
 * For each repository: a first session (it makes the trees), then later sessions of `short` and `long`
 * experiments; their difference is what an experiment costs, the short one what a session costs besides.
 */
export async function benchProfile({ short = 1, long = 11 } = {}) {
  const sessions = {};
  for (const [name, shape] of [
    ['tiny', { files: 0, fileBytes: 0 }],
    ['large', { files: 20000, fileBytes: 11800 }],
  ]) {
    const root = repoSizeProject(shape, long);
    const trees = mkdtempSync(join(tmpdir(), 'autoexp-bench-trees-'));
    profiledSession(root, trees, short);
    sessions[name] = { short: profiledSession(root, trees, short), long: profiledSession(root, trees, long) };
    rmSync(root, { recursive: true, force: true });
    rmSync(trees, { recursive: true, force: true });
  }
  return { short, long, sessions, start: await startCost() };
}

const sum = (processes) => processes.reduce((total, { ms }) => total + ms, 0);

/** The session length `repo-size` times. */
const REPO_SIZE_EXPERIMENTS = 5;

/**
 * The repo-size ratio these sessions imply, beside its floor: a later 5-experiment session on each
 * repository (the short session plus 5 - short experiments), and the tiny one's plus only the extra time
 * the large one's git processes run. That extra is the whole-tree passes the checks make (statuses,
 * commits, cleans); no build that keeps them gets below the floor, whatever it does in node.
 */
function repoSizeFloor(columns, short, extra) {
  const session = (column, pick) =>
    pick(column.s) + ((REPO_SIZE_EXPERIMENTS - short) * (pick(column.l) - pick(column.s))) / extra;
  const wall = (column) => session(column, (s) => s.ms);
  const git = (column) => session(column, (s) => sum(s.git));
  const tiny = wall(columns.tiny);
  const gitExtra = git(columns.large) - git(columns.tiny);
  const large = wall(columns.large);
  return [
    `a later ${REPO_SIZE_EXPERIMENTS}-experiment session: tiny ${tiny.toFixed(0)} ms, large ${large.toFixed(0)} ms (${(large / tiny).toFixed(2)}x);` +
      ` the large one's git runs ${gitExtra.toFixed(0)} ms longer, a floor of ${((tiny + gitExtra) / tiny).toFixed(2)}x;` +
      ` the rest of the gap, ${(large - tiny - gitExtra).toFixed(0)} ms, is autoexp's own (node, starting processes)`,
  ];
}

/**
 * The profile as a table, tiny beside large: per command, processes and ms of a short session (start-up,
 * tree reuse, baseline and `short` experiments) and per experiment (long minus short, divided).
 */
export function profileTable({ short, long, sessions, start }) {
  const extra = long - short;
  const columns = Object.fromEntries(
    Object.entries(sessions).map(([name, { short: s, long: l }]) => [
      name,
      { session: byCommand(s.git), long: byCommand(l.git), s, l },
    ]),
  );
  const names = [...new Set(Object.values(columns).flatMap((c) => [...c.long.keys(), ...c.session.keys()]))];
  const perExperiment = (column, name, key) =>
    ((column.long.get(name)?.[key] ?? 0) - (column.session.get(name)?.[key] ?? 0)) / extra;
  names.sort((a, b) => perExperiment(columns.large, b, 'ms') - perExperiment(columns.large, a, 'ms'));
  const cell = (value, digits) => value.toFixed(digits).padStart(9);
  const lines = [
    `per command: processes and ms in a ${short}-experiment session on parked trees, and per experiment`,
    `(a ${long}-experiment session minus the ${short}-experiment one, / ${extra})`,
    `${''.padEnd(16)}${'tiny: session'.padStart(18)}${'per experiment'.padStart(18)}${'large: session'.padStart(18)}${'per experiment'.padStart(18)}`,
  ];
  for (const name of names) {
    let line = name.padEnd(16);
    for (const column of [columns.tiny, columns.large]) {
      const session = column.session.get(name) ?? { count: 0, ms: 0 };
      line += cell(session.count, 0) + cell(session.ms, 1);
      line += cell(perExperiment(column, name, 'count'), 2) + cell(perExperiment(column, name, 'ms'), 1);
    }
    lines.push(line);
  }
  const totals = (label, pick) => {
    let line = label.padEnd(16);
    for (const column of [columns.tiny, columns.large])
      line +=
        ''.padStart(9) +
        cell(pick(column.s), 1) +
        ''.padStart(9) +
        cell((pick(column.l) - pick(column.s)) / extra, 1);
    return line;
  };
  lines.push(totals('git, all', (session) => sum(session.git)));
  lines.push(totals('everything else', (session) => session.ms - sum(session.git)));
  lines.push(totals('wall', (session) => session.ms));
  lines.push(...repoSizeFloor(columns, short, extra));
  lines.push(
    `starting git --version: ${start.from_bash_ms} ms from bash, ${start.from_node_ms} ms from node (${start.node_blocked_in_spawn_ms} ms of it with node blocked in spawn)`,
  );
  return lines.join('\n');
}
