// Nothing a command starts outlives it: real processes that try every way to detach, ended by a normal
// exit, a timeout or a cancel, in a PID namespace and (forced) without one.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { MetricSpec, Settings } from '../src/config/settings.js';
import { runCommand, type RunCommandOptions } from '../src/measure/run-command.js';
import {
  containmentWarning,
  currentIdentity,
  detectContainment,
  findIsolationTools,
  probeSandbox,
  probeWithFallback,
  sandboxCandidates,
  sandboxInvocation,
  type Containment,
} from '../src/measure/sandbox.js';
import { commandsDieWithSession } from '../src/session/session.js';
import { killMarked, processesMarked, waitFor } from './helpers/marked-processes.js';

const detected = await detectContainment();
const namespaced = detected.kind === 'namespace';
if (!namespaced) console.warn(`PID namespace tests skipped: ${detected.reason}`);
const TREE: Containment = { kind: 'process-tree', reason: 'forced by the test' };
const uid = currentIdentity().uid;
const tools = findIsolationTools();
function findExecutable(name: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(join(dir, name)));
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'autoexp-contain-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs) killMarked(`${dir}/daemon-`);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const BASE_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
const score: MetricSpec = { name: 'score', goal: 'maximize', extract: { kind: 'line' } };

function run(command: string, extra: Partial<RunCommandOptions> = {}) {
  const cwd = extra.cwd ?? tempDir();
  return runCommand({
    command,
    cwd,
    env: BASE_ENV,
    timeoutMs: 20_000,
    logPath: join(cwd, 'eval.log'),
    metrics: [score],
    ...extra,
  });
}

/**
 * Sourced by the command: starts one process per way named in "$2…", each ending as `sleep 300` named
 * <dir>/daemon-<way> (so the host can find it whatever its pid), and returns once all have started.
 */
const DAEMONS = String.raw`
D=$1; shift
start='touch "$0.started"; exec -a "$0" sleep 300'
for way in "$@"; do
  case $way in
    background) bash -c "$start" "$D/daemon-$way" & ;;
    setsid) setsid -f bash -c "$start" "$D/daemon-$way" ;;
    nohup) nohup bash -c "$start" "$D/daemon-$way" <&- >&- 2>&- & ;;
    double-fork) ( bash -c "$start" "$D/daemon-$way" & ) ;;
    env-i) bash -c 'exec env -i setsid bash -c "$1" "$2"' _ "$start" "$D/daemon-$way" & ;;
    job) set -m; bash -c "$start" "$D/daemon-$way" & set +m ;;
    appender) setsid -f bash -c 'touch "$0.started"; while :; do echo x >> "$0.log"; sleep 0.05; done' "$D/daemon-$way" ;;
  esac
done
for way in "$@"; do until [ -e "$D/daemon-$way.started" ]; do sleep 0.02; done; done
touch "$D/ready"
`;

/** Every way a process can try to outlive the command that started it. */
const EVERY_WAY = ['background', 'setsid', 'nohup', 'double-fork', 'env-i', 'job'];
/** The ways that stay in the shell's process group or session: what the process-tree kill finds. */
const GROUP_OR_SESSION = ['background', 'nohup', 'double-fork', 'job'];

type Ending = 'exits' | 'times out' | 'is cancelled';

async function startDaemons(ways: readonly string[], ending: Ending, containment?: Containment) {
  const dir = tempDir();
  writeFileSync(join(dir, 'daemons.sh'), DAEMONS);
  const then = ending === 'exits' ? 'echo "score: 1"' : 'sleep 300';
  const controller = new AbortController();
  const pending = run(`source ./daemons.sh '${dir}' ${ways.join(' ')}; ${then}`, {
    cwd: dir,
    timeoutMs: ending === 'times out' ? 3000 : 20_000,
    signal: controller.signal,
    ...(containment ? { containment } : {}),
  });
  if (ending === 'is cancelled') {
    expect(await waitFor(() => existsSync(join(dir, 'ready')), 15_000)).toBe(true);
    controller.abort();
  }
  const result = await pending;
  return { dir, result };
}

/** The marked processes still there, by their command lines (one that ends while it is looked at is gone). */
function survivors(dir: string): string[] {
  return processesMarked(`${dir}/daemon-`).flatMap((pid) => {
    try {
      return [readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()];
    } catch {
      return [];
    }
  });
}

describe.skipIf(!namespaced)('in a PID namespace of its own', () => {
  for (const ending of ['exits', 'times out', 'is cancelled'] as const) {
    it(`nothing the command started outlives it when it ${ending}`, async () => {
      const { dir, result } = await startDaemons(EVERY_WAY, ending);
      expect(result).toMatchObject({
        timedOut: ending === 'times out',
        aborted: ending === 'is cancelled',
        ...(ending === 'exits' ? { exitCode: 0, metrics: { score: 1 } } : {}),
      });
      for (const way of EVERY_WAY) expect(existsSync(join(dir, `daemon-${way}.started`)), way).toBe(true);
      // At once: the kernel empties the namespace before its first process is reaped.
      expect(survivors(dir)).toEqual([]);
    });
  }

  it('a daemon that keeps appending to a file stops when the command returns', async () => {
    const { dir, result } = await startDaemons(['appender'], 'exits');
    expect(result.exitCode).toBe(0);
    const file = join(dir, 'daemon-appender.log');
    expect(existsSync(file)).toBe(true);
    const size = statSync(file).size;
    await new Promise((resolve) => setTimeout(resolve, 300)); // it appended every 50 ms
    expect(statSync(file).size).toBe(size);
    expect(survivors(dir)).toEqual([]);
  });

  it('runs as the same user, in the same directory, with exactly the environment given', async () => {
    const cwd = tempDir();
    const env = { ...BASE_ENV, MARKER: 'multi\nline = value', TMPDIR: '/tmp/x', LD_LIBRARY_PATH: '/nope' };
    const show = 'echo "uid=$EUID cwd=$PWD umask=$(umask)"; env -0 | sort -z | tr "\\0" "\\036"; echo';
    const plain = await run(show, { cwd, env, containment: TREE });
    const contained = await run(show, { cwd, env });
    expect(contained.exitCode).toBe(0);
    expect(contained.logTail).toBe(plain.logTail);
    expect(contained.logTail).toContain(`uid=${uid} `);
  });

  it('sees no process but its own, and keeps ordinary signals: `kill $$` ends the shell', async () => {
    const cwd = tempDir();
    const own = await run(
      `ls /proc | grep -c '^[0-9]' > count.txt; [ -e /proc/${process.pid} ] && echo seen > seen.txt; true`,
      { cwd },
    );
    expect(own.exitCode).toBe(0);
    expect(Number(readFileSync(join(cwd, 'count.txt'), 'utf8'))).toBeLessThan(10);
    expect(existsSync(join(cwd, 'seen.txt'))).toBe(false);
    // The shell is not the namespace's first process, which would ignore the signal and go on.
    const killed = await run('kill -TERM $$; echo "score: 2"');
    expect(killed).toMatchObject({ exitCode: 128 + 15, signal: null, metrics: {} });
  });

  it('gives commands that run at once different pids, so pid-named files do not clash', async () => {
    const [a, b] = await Promise.all([run('echo $$'), run('echo $$')]);
    expect(a?.logTail).toMatch(/^\d+$/);
    expect(a?.logTail).not.toBe(b?.logTail);
  });

  it('is probed once per process', async () => {
    expect(await detectContainment()).toBe(detected);
    expect(detected.kind === 'namespace' && detected.description).toMatch(/unshare/);
  });
});

/**
 * A parent of its own (a node process) starts the namespace `prefix` as runCommand does, with a command
 * that starts a daemon every way there is (and one appending to a file), and is killed outright.
 */
async function killParentMidCommand(prefix: string[], first = ''): Promise<string> {
  const dir = tempDir();
  writeFileSync(join(dir, 'daemons.sh'), DAEMONS);
  const ways = [...EVERY_WAY, 'appender'].join(' ');
  const command = `${first}source ./daemons.sh '${dir}' ${ways}; exec -a '${dir}/daemon-command' sleep 300`;
  const invocation = sandboxInvocation(prefix, command, BASE_ENV);
  const parentScript = [
    "const { spawn } = require('node:child_process');",
    'const [file, args, env, input] = JSON.parse(process.argv[1]);',
    "const child = spawn(file, args, { env, detached: true, stdio: ['pipe', 'ignore', 'ignore'] });",
    "child.stdin.end(Buffer.from(input, 'base64'));",
    'setInterval(() => undefined, 1000);',
  ].join('\n');
  const parent = spawn(
    process.execPath,
    [
      '-e',
      parentScript,
      JSON.stringify([invocation.file, invocation.args, invocation.env, invocation.input.toString('base64')]),
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => parent.once('exit', resolve));
  expect(await waitFor(() => existsSync(join(dir, 'ready')), 15_000)).toBe(true);
  parent.kill('SIGKILL');
  await exited;
  return dir;
}

const bound = detected.kind === 'namespace' && detected.diesWithAutoexp;
describe.skipIf(!bound)('when autoexp itself is killed outright (SIGKILL)', () => {
  it('the namespace ends with it: nothing the command started goes on', async () => {
    const dir = await killParentMidCommand((detected as { prefix: string[] }).prefix);
    expect(await waitFor(() => survivors(dir).length === 0, 5000), survivors(dir).join('\n')).toBe(true);
    const file = join(dir, 'daemon-appender.log');
    const size = statSync(file).size;
    await new Promise((resolve) => setTimeout(resolve, 300)); // it appended every 50 ms
    expect(statSync(file).size).toBe(size);
  });

  it('a way whose parent-death signals this util-linux lacks falls back to the way without them', async () => {
    const fallback = sandboxCandidates(currentIdentity(), tools, 'contain')[0]!.fallback!;
    const broken = (detail: string) => ['bash', '--norc', '-c', `echo "${detail}" >&2; exit 1`, 'fake'];
    const old = {
      description: 'old',
      prefix: broken("setpriv: unrecognized option '--pdeathsig'"),
      diesWithAutoexp: true,
    };
    expect(await probeWithFallback({ ...old, fallback }, uid, 'contain')).toEqual({ way: fallback });
    // Both fail: both reasons are given (the first only says that util-linux is old; the second why the
    // way cannot work at all), once when they are the same.
    expect(
      await probeWithFallback({ ...old, fallback: { ...fallback, prefix: broken('no') } }, uid, 'contain'),
    ).toEqual({
      failed: {
        ok: false,
        detail: "setpriv: unrecognized option '--pdeathsig'; without the parent-death signals: no",
      },
    });
    const same = { ...fallback, prefix: broken("setpriv: unrecognized option '--pdeathsig'") };
    expect(await probeWithFallback({ ...old, fallback: same }, uid, 'contain')).toEqual({
      failed: { ok: false, detail: "setpriv: unrecognized option '--pdeathsig'" },
    });
  });

  it('without the parent-death signals (the fallback for old util-linux), the command would go on', async () => {
    const fallback = sandboxCandidates(currentIdentity(), tools, 'contain')[0]?.fallback;
    expect(fallback?.diesWithAutoexp).toBe(false);
    const dir = await killParentMidCommand(fallback!.prefix);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(survivors(dir)).toContain(`${dir}/daemon-command 300`);
    expect(survivors(dir)).toContain(`${dir}/daemon-setsid 300`);
  });
});

// A root command keeps every capability (containment alone takes nothing away): it can ptrace the
// namespace's first process and take its parent-death signal away (or start processes outside every
// namespace: kernel.core_pattern, systemd-run). So a root session never believes a park record.
describe.skipIf(!bound || uid !== 0 || !findExecutable('gdb'))('a root command against the signals', () => {
  it('can take the first process its parent-death signal away, so a root session trusts no park record', async () => {
    const untie = "gdb -p 1 -batch -ex 'call (int)prctl(1, 0, 0, 0, 0)' >/dev/null 2>&1; ";
    const dir = await killParentMidCommand((detected as { prefix: string[] }).prefix, untie);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(survivors(dir)).toContain(`${dir}/daemon-command 300`);
    expect(await commandsDieWithSession({ eval: { network: 'on' } } as Settings)).toBe(false);
    expect(await commandsDieWithSession({ eval: { network: 'off' } } as Settings)).toBe(false);
  });
});

describe('without a PID namespace (the process-tree kill)', () => {
  for (const ending of ['exits', 'times out', 'is cancelled'] as const) {
    it(`what stayed in the shell's group or session does not outlive a command that ${ending}`, async () => {
      const { dir, result } = await startDaemons(GROUP_OR_SESSION, ending, TREE);
      expect(result).toMatchObject({ timedOut: ending === 'times out', aborted: ending === 'is cancelled' });
      for (const way of GROUP_OR_SESSION)
        expect(existsSync(join(dir, `daemon-${way}.started`)), way).toBe(true);
      expect(survivors(dir)).toEqual([]);
    });
  }

  it('a shell killed by a signal is reported with that signal', async () => {
    expect(await run('kill -SEGV $$', { containment: TREE })).toMatchObject({
      exitCode: null,
      signal: 'SIGSEGV',
    });
  });

  it('says once why, and what may escape', () => {
    expect(containmentWarning('PID namespaces exist only on Linux (this is darwin)')).toBe(
      'no PID namespace can be made here (PID namespaces exist only on Linux (this is darwin)), so ' +
        'processes that detach from a command (setsid, a double fork) may outlive it on this machine; ' +
        "autoexp still kills what it finds in the command's process group and session",
    );
  });
});

/** Runs a candidate's prefix directly, started as another user through `wrapper`. */
async function runPrefix(prefix: string[], command: string, wrapper: string[]) {
  const invocation = sandboxInvocation(prefix, command, { ...BASE_ENV, MARKER: 'here' });
  const argv = [...wrapper, invocation.file, ...invocation.args];
  const child = spawn(argv[0] as string, argv.slice(1), { cwd: '/', env: invocation.env });
  child.stdin.end(invocation.input);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, stdout, stderr };
}

// As root here, the ways a non-root user is contained can be run for real by starting them as `nobody`.
const NOBODY = 65534;
describe.skipIf(!namespaced || uid !== 0 || !tools.setpriv)('the ways a non-root user is contained', () => {
  const identity = { uid: NOBODY, gid: NOBODY, groups: [] };
  const candidates = sandboxCandidates(identity, tools, 'contain');
  const asNobody = [
    tools.setpriv as string,
    `--reuid=${NOBODY}`,
    `--regid=${NOBODY}`,
    '--clear-groups',
    '--',
  ];
  const check = [
    'echo "uid=$EUID marker=$MARKER ppid=$PPID"',
    'grep -E "^(Uid|NoNewPrivs):" /proc/self/status | tr -s "\\t" " "',
    // A daemon left behind: the namespace must end it.
    'setsid -f bash -c "exec -a \\"\\$0\\" sleep 300" "$MARKER_DIR/daemon-nobody"',
  ].join('; ');

  it('lists the user namespace first, then unshare and sudo dropping back to the user', () => {
    expect(candidates.map((candidate) => candidate.description)).toEqual([
      'unshare --user --pid (unprivileged user namespace)',
      'unshare --pid (with CAP_SYS_ADMIN)',
      ...(tools.sudo ? ['sudo -n unshare --pid'] : []),
    ]);
    // No --net, and containment alone takes nothing away: no no_new_privs (sudo keeps working).
    for (const candidate of candidates) expect(candidate.prefix.join(' ')).not.toMatch(/--net|no-new-privs/);
  });

  it('makes each way autoexp starts unshare itself die with autoexp; sudo cannot, setuid drops the signal', () => {
    expect(candidates.map((candidate) => candidate.diesWithAutoexp)).toEqual([
      true,
      true,
      ...(tools.sudo ? [false] : []),
    ]);
    for (const candidate of candidates.filter((way) => way.diesWithAutoexp)) {
      const rest = candidate.prefix.slice(6);
      expect(candidate.prefix.slice(0, 6)).toEqual([
        tools.setpriv,
        '--pdeathsig',
        'KILL',
        '--',
        tools.unshare,
        '--kill-child=KILL',
      ]);
      expect(candidate.fallback).toEqual({
        description: candidate.description,
        prefix: [tools.unshare, ...rest],
        diesWithAutoexp: false,
      });
    }
    if (tools.sudo) {
      const sudo = candidates.at(-1);
      expect(sudo?.prefix.slice(0, 3)).toEqual([tools.sudo, '-n', tools.unshare]);
      expect(sudo).not.toHaveProperty('fallback');
    }
    // Without setpriv there is nothing to give unshare its signal with: no way claims it.
    const withoutSetpriv = sandboxCandidates(identity, { ...tools, setpriv: undefined }, 'contain');
    expect(
      withoutSetpriv.map(({ description, diesWithAutoexp, fallback }) => ({
        description,
        diesWithAutoexp,
        fallback,
      })),
    ).toEqual([
      {
        description: 'unshare --user --pid (unprivileged user namespace)',
        diesWithAutoexp: false,
        fallback: undefined,
      },
    ]);
  });

  for (const [index, how] of [
    [0, 'an unprivileged user namespace'],
    [1, 'the privileged way (what sudo runs)'],
  ] as const) {
    it(`${how}: runs as that user, and what it leaves behind ends with it`, async () => {
      const dir = tempDir();
      const candidate = candidates[index]!;
      const command = check.replaceAll('$MARKER_DIR', dir);
      // The privileged way starts as root, like sudo; the user namespace as the user.
      const result = await runPrefix(candidate.prefix, command, index === 0 ? asNobody : []);
      expect(result).toEqual({
        code: 0,
        stdout: `uid=${NOBODY} marker=here ppid=1\nUid: ${NOBODY} ${NOBODY} ${NOBODY} ${NOBODY}\nNoNewPrivs: 0\n`,
        stderr: '',
      });
      expect(survivors(dir)).toEqual([]);
      expect(await probeSandbox(candidate, NOBODY, 'contain')).toEqual({ ok: true, detail: '' });
    });
  }
});
