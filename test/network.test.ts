import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricSpec } from '../src/config/settings.js';
import { cleanEnvironment } from '../src/measure/environment.js';
import {
  currentIdentity,
  detectNetworkIsolation,
  findIsolationTools,
  isolatedInvocation,
  isolationCandidates,
  probeNetworkIsolation,
  type IsolationCandidate,
  type NetworkIsolation,
} from '../src/measure/network.js';
import { runCommand, type RunCommandOptions } from '../src/measure/run-command.js';
import { processesMarked } from './helpers/marked-processes.js';
import { isAlive } from './helpers/processes.js';

type Isolated = Extract<NetworkIsolation, { kind: 'unshare' }>;

const detection = await detectNetworkIsolation().then(
  (isolation) => ({ isolation, error: undefined }),
  (error: Error) => ({ isolation: undefined, error }),
);
const noIsolation = detection.isolation?.kind !== 'unshare';
if (noIsolation)
  console.warn(`network isolation tests skipped: no namespace can be made here: ${detection.error?.message}`);
const isolation = detection.isolation as Isolated;

const uid = currentIdentity().uid;
const tools = findIsolationTools();
const NOBODY = 65534;
/** A non-loopback IPv4 address of this machine, to check that it is unreachable too. */
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && !entry.internal && entry.family === 'IPv4')?.address;

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'autoexp-network-'));
  dirs.push(dir);
  return dir;
}

let requests = 0;
const servers: Server[] = [];
async function startServer(host: string): Promise<number> {
  const server = createServer((_request, response) => {
    requests++;
    response.end('hello-from-host\n');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}
let loopbackPort = 0;
beforeAll(async () => {
  loopbackPort = await startServer('127.0.0.1');
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** An HTTP GET with bash alone (no curl needed): prints the response, fails when it cannot connect. */
function httpGet(host: string, port: number): string {
  return `exec 3<>/dev/tcp/${host}/${port} && printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3 && cat <&3`;
}

const BASE_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
const score: MetricSpec = { name: 'score', goal: 'maximize', extract: { kind: 'line' } };

function run(command: string, extra: Partial<RunCommandOptions> = {}) {
  const cwd = extra.cwd ?? tempDir();
  return runCommand({
    command,
    cwd,
    env: BASE_ENV,
    timeoutMs: 10_000,
    logPath: join(cwd, 'eval.log'),
    metrics: [score],
    ...extra,
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/** Runs a candidate's prefix directly (optionally wrapped, e.g. to start it as another user). */
async function runPrefix(
  prefix: string[],
  command: string,
  env: Record<string, string>,
  wrapper: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const invocation = isolatedInvocation(
    { kind: 'unshare', description: 'test', prefix, diesWithAutoexp: false },
    command,
    env,
  );
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

describe.skipIf(noIsolation)('runCommand with network isolation', () => {
  it('detectNetworkIsolation finds a way on this machine, once per process', async () => {
    expect(isolation.kind).toBe('unshare');
    expect(isolation.prefix.length).toBeGreaterThan(0);
    expect(await detectNetworkIsolation()).toBe(isolation);
  });

  it('cannot reach a server on the host loopback, which it can without isolation', async () => {
    const before = requests;
    const open = await run(httpGet('127.0.0.1', loopbackPort));
    expect(open.exitCode).toBe(0);
    expect(open.logTail).toContain('hello-from-host');
    expect(requests).toBe(before + 1);

    const closed = await run(httpGet('127.0.0.1', loopbackPort), { network: isolation });
    expect(closed.exitCode).not.toBe(0);
    expect(closed.logTail).not.toContain('hello-from-host');
    expect(closed.logTail).toMatch(/refused|unreachable/i);
    expect(requests).toBe(before + 1);
  });

  it.skipIf(!externalAddress)('cannot reach the machine through its other addresses either', async () => {
    const port = await startServer(externalAddress as string);
    const before = requests;
    expect((await run(httpGet(externalAddress as string, port))).exitCode).toBe(0);
    const closed = await run(httpGet(externalAddress as string, port), { network: isolation });
    expect(closed.exitCode).not.toBe(0);
    expect(closed.logTail).toMatch(/unreachable|refused/i);
    expect(requests).toBe(before + 1);
  });

  it('sees only the loopback, which is up: a server the command starts itself is reachable', async () => {
    const interfaces = await run('tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d " "', {
      network: isolation,
    });
    expect(interfaces.logTail).toBe('lo');
    const script = `const s = require("node:http").createServer((q, r) => r.end("score: 42"));
      s.listen(0, "127.0.0.1", async () => {
        console.log(await (await fetch("http://127.0.0.1:" + s.address().port)).text()); s.close();
      });`;
    const own = await run(`node -e '${script}'`, { network: isolation });
    expect(own.logTail).toBe('score: 42');
    expect(own.exitCode).toBe(0);
    expect(own.metrics).toEqual({ score: 42 });
  });

  it('passes exactly the given environment, runs as the same user in the same directory', async () => {
    const env = cleanEnvironment(
      {
        ...BASE_ENV,
        AUTOEXP_MARKER: 'multi\nline value with spaces and = signs',
        // Variables sudo or a setuid binary would drop or rewrite.
        TMPDIR: '/tmp/autoexp-tmpdir',
        LD_LIBRARY_PATH: '/nonexistent/lib',
        HOME: '/nonexistent/home',
        GITHUB_TOKEN: 'ghs_secret',
      },
      [],
    );
    const cwd = tempDir();
    const show = 'echo "uid=$EUID cwd=$PWD"; env -0 | sort -z | tr "\\0" "\\036"; echo';
    const plain = await run(show, { env, cwd });
    const isolated = await run(show, { env, cwd, network: isolation });
    expect(isolated.exitCode).toBe(0);
    expect(isolated.logTail).toBe(plain.logTail);
    expect(isolated.logTail).toContain(`uid=${uid} cwd=${realpathSync(cwd)}`);
    expect(isolated.logTail).toContain('AUTOEXP_MARKER=multi\nline value with spaces and = signs');
    expect(isolated.logTail).toContain('TMPDIR=/tmp/autoexp-tmpdir');
    expect(isolated.logTail).toContain('LD_LIBRARY_PATH=/nonexistent/lib');
    expect(isolated.logTail).not.toContain('GITHUB_TOKEN');
  });

  it('streams output, reads metrics, writes the log and reports the exit code', async () => {
    const cwd = tempDir();
    const result = await run('echo "score: 7"; echo oops >&2; exit 4', { cwd, network: isolation });
    expect(result).toMatchObject({ exitCode: 4, timedOut: false, metrics: { score: 7 } });
    expect(readFileSync(join(cwd, 'eval.log'), 'utf8')).toBe('score: 7\noops\n');
  });

  it('kills the whole tree inside the namespace on timeout', async () => {
    const cwd = tempDir();
    // Pids inside the namespace are its own; the host finds the sleeps by their unusual durations.
    const command = 'sleep 301.25 & bash -c "setsid sleep 302.25 & wait" & wait';
    const running = () =>
      readdirSync('/proc')
        .filter((entry) => /^\d+$/.test(entry))
        .some((pid) => {
          try {
            return /30[12]\.25/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
          } catch {
            return false;
          }
        });
    const result = await run(command, { cwd, timeoutMs: 700, network: isolation });
    expect(result.timedOut).toBe(true);
    expect(result.wallTimeMs).toBeLessThan(5000);
    expect(await waitFor(() => !running())).toBe(true);
  });

  it('shows the command no process but its own', async () => {
    const cwd = tempDir();
    const result = await run(
      `ls /proc | grep -c '^[0-9]' > count.txt; [ -e /proc/${process.pid} ] && echo seen > seen.txt; true`,
      {
        cwd,
        network: isolation,
      },
    );
    expect(result.exitCode).toBe(0);
    expect(Number(readFileSync(join(cwd, 'count.txt'), 'utf8'))).toBeLessThan(10);
    expect(existsSync(join(cwd, 'seen.txt'))).toBe(false);
  });

  it('kills the tree on abort', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const result = await run('sleep 300', { signal: controller.signal, network: isolation });
    expect(result.aborted).toBe(true);
    expect(result.wallTimeMs).toBeLessThan(5000);
  });

  it('ends what the command left behind when it exits, a setsid daemon included', async () => {
    const cwd = tempDir();
    const daemon = `setsid -f bash -c 'touch "$0.started"; exec -a "$0" sleep 300' "${cwd}/daemon"`;
    const result = await run(`${daemon}; until [ -e daemon.started ]; do sleep 0.02; done`, {
      cwd,
      network: isolation,
    });
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(cwd, 'daemon.started'))).toBe(true);
    expect(processesMarked(`${cwd}/daemon`)).toEqual([]);
  });
});

// As root here, the paths a non-root user takes can be run for real by starting them as `nobody`.
describe.skipIf(noIsolation || uid !== 0 || !tools.setpriv)('the ways a non-root user is isolated', () => {
  const identity = { uid: NOBODY, gid: NOBODY, groups: [] };
  const asNobody = [
    tools.setpriv as string,
    `--reuid=${NOBODY}`,
    `--regid=${NOBODY}`,
    '--clear-groups',
    '--',
  ];
  const check = [
    'echo "uid=$EUID marker=$AUTOEXP_MARKER"',
    'grep -E "^(Uid|Gid|NoNewPrivs):" /proc/self/status | tr -s "\\t" " "',
    'tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d " "',
  ].join('; ');
  const expected = [
    `uid=${NOBODY} marker=here`,
    `Uid: ${NOBODY} ${NOBODY} ${NOBODY} ${NOBODY}`,
    `Gid: ${NOBODY} ${NOBODY} ${NOBODY} ${NOBODY}`,
    'NoNewPrivs: 1',
    'lo',
    '',
  ].join('\n');

  it('an unprivileged user namespace, started by a non-root user, runs as that user with no network', async () => {
    const candidate = isolationCandidates(identity, tools).find((c) => c.description.includes('--user'));
    const env = { ...BASE_ENV, AUTOEXP_MARKER: 'here' };
    const result = await runPrefix(candidate?.prefix ?? [], check, env, asNobody);
    expect(result).toEqual({ code: 0, stdout: expected, stderr: '' });
    const blocked = await runPrefix(
      candidate?.prefix ?? [],
      httpGet('127.0.0.1', loopbackPort),
      env,
      asNobody,
    );
    expect(blocked.code).not.toBe(0);
    expect(blocked.stdout).toBe('');
  });

  it('the privileged path (what sudo runs) drops to the invoking user with no_new_privs', async () => {
    const candidate = isolationCandidates(identity, tools).find((c) =>
      c.description.startsWith('unshare --net'),
    );
    expect(candidate?.prefix.join(' ')).toContain(`'--reuid=${NOBODY}'`);
    const result = await runPrefix(candidate?.prefix ?? [], check, { ...BASE_ENV, AUTOEXP_MARKER: 'here' });
    expect(result).toEqual({ code: 0, stdout: expected, stderr: '' });
    // The probe checks the same things for a candidate before it is used.
    expect(await probeNetworkIsolation([candidate as IsolationCandidate], NOBODY)).toMatchObject({
      kind: 'unshare',
    });
  });
});

describe('isolationCandidates', () => {
  const all = {
    unshare: '/u/unshare',
    setpriv: '/u/setpriv',
    sudo: '/u/sudo',
    bash: '/u/bash',
    env: '/u/env',
    mount: '/u/mount',
  };

  it('as root, plain unshare first, with no user switch; never sudo', () => {
    const candidates = isolationCandidates({ uid: 0, gid: 0, groups: [0] }, all);
    expect(candidates.map((c) => c.description)).toEqual([
      'unshare --net (as root)',
      'unshare --user --net (unprivileged user namespace)',
    ]);
    expect(candidates[0]?.prefix.join(' ')).not.toContain('--reuid');
  });

  it('as a user: user namespace, then unshare, then sudo -n, each dropping back to the user', () => {
    const candidates = isolationCandidates({ uid: 1001, gid: 118, groups: [118, 4] }, all);
    expect(candidates.map((c) => c.description)).toEqual([
      'unshare --user --net (unprivileged user namespace)',
      'unshare --net (with CAP_SYS_ADMIN)',
      'sudo -n unshare --net',
    ]);
    expect(candidates[2]?.prefix.slice(0, 9)).toEqual([
      '/u/sudo',
      '-n',
      '/u/unshare',
      '--net',
      '--ipc',
      '--pid',
      '--fork',
      '--mount-proc',
      '--',
    ]);
    expect(candidates[2]?.prefix.join(' ')).toContain("'--reuid=1001' '--regid=118' '--groups=118,4'");
    expect(candidates[0]?.prefix.join(' ')).toContain("'--map-user=1001' '--map-group=118'");
  });

  it('offers nothing without unshare, setpriv or mount', () => {
    expect(isolationCandidates({ uid: 0, gid: 0, groups: [] }, { ...all, unshare: undefined })).toEqual([]);
    expect(isolationCandidates({ uid: 5, gid: 5, groups: [] }, { ...all, setpriv: undefined })).toEqual([]);
    expect(isolationCandidates({ uid: 0, gid: 0, groups: [] }, { ...all, mount: undefined })).toEqual([]);
  });
});

describe('probeNetworkIsolation', () => {
  const bash = tools.bash ?? '/bin/bash';
  /** Passes the environment and runs the command, but in this namespace: not isolated at all. */
  const noNamespace = [
    bash,
    '--norc',
    '-c',
    'mapfile -d "" vars; exec env -i -- "${vars[@]}" "$@" </dev/null',
    'fake',
  ];

  it('says why each way failed and what to do', async () => {
    const failing: IsolationCandidate[] = [
      {
        description: 'unshare --net (as root)',
        prefix: [
          bash,
          '--norc',
          '-c',
          'echo "unshare: unshare failed: Operation not permitted" >&2; exit 1',
          'fake',
        ],
        diesWithAutoexp: true,
      },
      { description: 'sudo -n unshare --net', prefix: ['/nonexistent/sudo', '-n'], diesWithAutoexp: false },
    ];
    await expect(probeNetworkIsolation(failing, uid, ['also: something else'])).rejects.toThrow(
      'eval.network: off needs a network namespace, and none could be made: ' +
        'unshare --net (as root): unshare: unshare failed: Operation not permitted; ' +
        'sudo -n unshare --net: spawn /nonexistent/sudo ENOENT; also: something else. ' +
        'Run on Linux with unprivileged user namespaces, as root, or with passwordless sudo — ' +
        'or set eval.network: on',
    );
  });

  it.skipIf(!externalAddress)('rejects a way that leaves network interfaces visible', async () => {
    await expect(
      probeNetworkIsolation([{ description: 'leaky', prefix: noNamespace, diesWithAutoexp: false }], uid),
    ).rejects.toThrow(/leaky: network interface \S+ is visible/);
  });

  it.skipIf(noIsolation)('rejects a way that runs the command as another user', async () => {
    await expect(
      probeNetworkIsolation(
        [{ description: 'wrong user', prefix: isolation.prefix, diesWithAutoexp: false }],
        uid + 1,
      ),
    ).rejects.toThrow(`wrong user: ran as uid ${uid}, not ${uid + 1}`);
  });

  it.skipIf(noIsolation)('takes the first way that works', async () => {
    const fail = { description: 'broken', prefix: [bash, '-c', 'exit 1', 'fake'], diesWithAutoexp: false };
    const works = { description: 'real', prefix: isolation.prefix, diesWithAutoexp: true };
    expect(await probeNetworkIsolation([fail, works], uid)).toEqual({
      kind: 'unshare',
      description: 'real',
      prefix: isolation.prefix,
      diesWithAutoexp: true,
    });
  });
});

const passwordlessSudo = uid !== 0 && spawnSync('sudo', ['-n', 'true']).status === 0;
describe.skipIf(!passwordlessSudo)(
  'through sudo (non-root with passwordless sudo, as on hosted runners)',
  () => {
    it('runs as the invoking user with the exact environment and no network', async () => {
      const candidate = isolationCandidates(currentIdentity(), tools).find((c) =>
        c.description.startsWith('sudo'),
      );
      const sudoIsolation = await probeNetworkIsolation([candidate as IsolationCandidate], uid);
      const env = { ...BASE_ENV, TMPDIR: '/tmp/autoexp-tmpdir', AUTOEXP_MARKER: 'here' };
      const show = 'echo "uid=$EUID"; env -0 | sort -z | tr "\\0" "\\036"; echo';
      const cwd = tempDir();
      const plain = await run(show, { env, cwd });
      const isolated = await run(show, { env, cwd, network: sudoIsolation });
      expect(isolated.logTail).toBe(plain.logTail);
      expect(isolated.logTail).toContain(`uid=${uid}`);
      const blocked = await run(httpGet('127.0.0.1', loopbackPort), { network: sudoIsolation });
      expect(blocked.exitCode).not.toBe(0);
      const timedOut = await run('sleep 300 & echo $! > child.pid; wait', {
        cwd,
        timeoutMs: 700,
        network: sudoIsolation,
      });
      expect(timedOut.timedOut).toBe(true);
      const pid = Number(readFileSync(join(cwd, 'child.pid'), 'utf8'));
      expect(await waitFor(() => !isAlive(pid))).toBe(true);
    });
  },
);
