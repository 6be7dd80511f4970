// eval.network: off, tried as an attacker would: real servers on this machine (HTTP over Unix sockets in
// /tmp, /run and elsewhere, over an abstract Unix socket and over TCP on 127.0.0.1, a UDP echo), and an
// eval that tries to reach each, to see the machine's processes, to leave its namespaces (umount /proc,
// nsenter, a user namespace of its own, mount) and to change the kernel's settings. As root, and as an
// ordinary user (nobody) by each way a non-root user is isolated; every attempt fails, and the eval is
// still measured.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsidePrivateDirs } from './helpers/processes.js';
import type { MetricSpec } from '../src/config/settings.js';
import {
  currentIdentity,
  detectNetworkIsolation,
  findIsolationTools,
  isolatedInvocation,
  isolationCandidates,
  probeNetworkIsolation,
  type NetworkIsolation,
} from '../src/measure/network.js';
import { runCommand } from '../src/measure/run-command.js';
import { hostUnixSockets, sandboxCandidates } from '../src/measure/sandbox.js';

type Isolated = Extract<NetworkIsolation, { kind: 'unshare' }>;

const detection = await detectNetworkIsolation().then(
  (isolation) => ({ isolation, error: undefined }),
  (error: Error) => ({ isolation: undefined, error }),
);
const noIsolation = detection.isolation?.kind !== 'unshare';
if (noIsolation) console.warn(`sandbox tests skipped: ${detection.error?.message}`);
const isolation = detection.isolation as Isolated;

const uid = currentIdentity().uid;
const tools = findIsolationTools();
const NOBODY = 65534;
const asNobody = [
  tools.setpriv ?? 'setpriv',
  `--reuid=${NOBODY}`,
  `--regid=${NOBODY}`,
  '--clear-groups',
  '--',
];
/** The client for HTTP over Unix sockets (bash has none): perl's core Socket module. */
const perl = spawnSync('perl', ['-MSocket', '-e', '1']).status === 0;
const tag = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

const cleanups: (() => void)[] = [];
function tempDir(parent = '/tmp'): string {
  const dir = mkdtempSync(join(parent, 'autoexp-sandbox-'));
  // The command may run as nobody.
  chmodSync(dir, 0o777);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// What the machine offers, and how often each was reached.
const reached: Record<string, number> = {};
const servers: Server[] = [];
async function httpServer(name: string, listen: (server: Server, done: () => void) => void): Promise<Server> {
  const server = createServer((_request, response) => {
    reached[name] = (reached[name] ?? 0) + 1;
    response.end('hello-from-host\n');
  });
  servers.push(server);
  await new Promise<void>((resolve) => listen(server, resolve));
  return server;
}
async function unixServer(name: string, path: string): Promise<string> {
  await httpServer(name, (server, done) => server.listen(path, done));
  chmodSync(path, 0o777);
  return path;
}

const targets = {
  tmpSocket: '',
  runSocket: '',
  elsewhereSocket: '',
  abstract: `autoexp-sandbox-${tag}`,
  tcpPort: 0,
  udpPort: 0,
  nameserver: '',
};
let udp: UdpSocket | undefined;
const hostProcesses: ChildProcess[] = [];
const secret = `s3cret-${tag}`;
const marker = `autoexp-marker-${tag}`;
/** What an eval writes in its /tmp: never on the machine. */
const leftover = `/tmp/autoexp-sandbox-leftover-${tag}`;

beforeAll(async () => {
  if (noIsolation || !perl) return;
  const tmpDir = tempDir();
  chmodSync(tmpDir, 0o755);
  targets.tmpSocket = await unixServer('unix-tmp', join(tmpDir, 'http.sock'));
  try {
    const runDir = `/run/autoexp-sandbox-${tag}`;
    mkdirSync(runDir, { mode: 0o755 });
    cleanups.push(() => rmSync(runDir, { recursive: true, force: true }));
    targets.runSocket = await unixServer('unix-run', join(runDir, 'http.sock'));
  } catch {
    // /run is not writable: no socket there
  }
  // Neither in /tmp nor in /run (wherever the repository is).
  const elsewhere = tempDir(outsidePrivateDirs());
  chmodSync(elsewhere, 0o755);
  targets.elsewhereSocket = await unixServer('unix-elsewhere', join(elsewhere, 'http.sock'));
  await httpServer('unix-abstract', (server, done) => server.listen(`\0${targets.abstract}`, done));
  const tcp = await httpServer('tcp', (server, done) => server.listen(0, '127.0.0.1', done));
  targets.tcpPort = (tcp.address() as AddressInfo).port;
  udp = createSocket('udp4');
  udp.on('message', (_message, from) => {
    reached.udp = (reached.udp ?? 0) + 1;
    udp?.send('pong\n', from.port, from.address);
  });
  await new Promise<void>((resolve) => udp?.bind(0, '127.0.0.1', resolve));
  targets.udpPort = udp.address().port;
  targets.nameserver =
    /^nameserver\s+(\S+)/m.exec(readFileSync('/etc/resolv.conf', 'utf8'))?.[1] ?? '127.0.0.53';
  // Processes of the machine, one per user, with a marked command line and a secret in their environment.
  for (const wrapper of [[], uid === 0 ? asNobody : []]) {
    const argv = [...wrapper, 'bash', '-c', 'exec -a "$0" sleep 300', marker];
    const child = spawn(argv[0] as string, argv.slice(1), {
      env: { PATH: process.env.PATH, AUTOEXP_SANDBOX_SECRET: secret },
      stdio: 'ignore',
    });
    hostProcesses.push(child);
  }
});

afterAll(async () => {
  for (const child of hostProcesses) child.kill('SIGKILL');
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  udp?.close();
  for (const cleanup of cleanups.reverse()) cleanup();
});

/** The eval's environment: where the targets are, as regular expressions where they must not match grep. */
function attackEnvironment(tmpdir: string): Record<string, string> {
  const hidden = (text: string) => `[${text.slice(0, 1)}]${text.slice(1)}`;
  return {
    PATH: `${process.env.PATH ?? ''}:/usr/sbin:/usr/bin:/sbin:/bin`,
    TMPDIR: tmpdir,
    T_TMP_SOCK: targets.tmpSocket,
    T_RUN_SOCK: targets.runSocket,
    T_ELSE_SOCK: targets.elsewhereSocket,
    T_ABSTRACT: targets.abstract,
    T_TCP_PORT: String(targets.tcpPort),
    T_UDP_PORT: String(targets.udpPort),
    T_NS: targets.nameserver,
    T_MARKER: hidden(marker),
    T_SECRET: hidden(secret),
    T_LEFTOVER: leftover,
  };
}

/** `reach <name> <command…>` prints "<name>: reached" or "<name>: blocked"; clients for each target. */
const FUNCTIONS = String.raw`
reach() { local name=$1; shift; if ( "$@" ) >/dev/null 2>&1; then echo "$name: reached"; else echo "$name: blocked"; fi; }
unix_get() { perl -MSocket -e '
  socket(my $s, PF_UNIX, SOCK_STREAM, 0) or die "socket: $!\n";
  my $path = $ARGV[0] eq "abstract" ? "\0$ARGV[1]" : $ARGV[0];
  connect($s, pack_sockaddr_un($path)) or die "connect: $!\n";
  syswrite $s, "GET / HTTP/1.0\r\n\r\n"; local $/; my $r = <$s>;
  exit((($r // "") =~ /hello-from-host/) ? 0 : 1)' "$@"; }
tcp_get() { exec 3<>/dev/tcp/127.0.0.1/$1 && printf 'GET / HTTP/1.0\r\n\r\n' >&3 && grep -q hello-from-host <&3; }
# bash reads a byte at a time, which takes (and cuts) a whole datagram: head reads it whole.
udp_ping() { exec 3<>/dev/udp/$1/$2 && printf ping >&3 && [ "$(timeout 1 head -c 4 <&3)" = pong ]; }
`;

/** Tries to reach what the machine offers: its servers, its processes. */
const REACH = String.raw`${FUNCTIONS}
reach unix-tmp unix_get "$T_TMP_SOCK"
[ -z "$T_RUN_SOCK" ] || reach unix-run unix_get "$T_RUN_SOCK"
reach unix-elsewhere unix_get "$T_ELSE_SOCK"
reach unix-abstract unix_get abstract "$T_ABSTRACT"
reach tcp tcp_get "$T_TCP_PORT"
reach udp udp_ping 127.0.0.1 "$T_UDP_PORT"
reach host-processes grep -qs -- "$T_MARKER" /proc/[0-9]*/cmdline
reach host-environment grep -qsa -- "$T_SECRET" /proc/[0-9]*/environ
`;

/** What only a sandbox gets tried on: DNS, leaving the namespaces, the kernel's settings; then writes. */
const ESCAPE = String.raw`
dns_query() {
  exec 3<>/dev/udp/$1/53 &&
  printf '\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03org\x00\x00\x01\x00\x01' >&3 &&
  read -r -t 1 -N 1 <&3
}
reach dns-getent getent hosts example.org
reach dns-nameserver dns_query "$T_NS"
reach dns-stub dns_query 127.0.0.53
reach umount-proc umount -l /proc
reach umount-tmp umount -l /tmp
reach after-umount-host-processes grep -qs -- "$T_MARKER" /proc/[0-9]*/cmdline
reach pid1-environ grep -qsa -- "$T_SECRET" /proc/1/environ
reach nsenter-net nsenter -t 1 -n -- bash -c "exec 3<>/dev/tcp/127.0.0.1/$T_TCP_PORT"
reach nsenter-mnt nsenter -t 1 -m -- test -S "$T_TMP_SOCK"
reach own-user-namespace unshare --user --mount -- bash -c 'umount -l /proc || umount -l /tmp'
reach own-root-user-namespace unshare --user --map-root-user --mount -- bash -c 'umount -l /proc || umount -l /tmp'
reach mount bash -c 'mkdir -p mnt && mount -t tmpfs autoexp-attempt mnt'
reach core-pattern bash -c 'v=$(</proc/sys/kernel/core_pattern) && printf "%s\n" "$v" >/proc/sys/kernel/core_pattern'
reach sysfs bash -c 'v=$(</sys/kernel/mm/transparent_hugepage/enabled) && : >>/sys/kernel/mm/transparent_hugepage/enabled'
reach tmp-neighbour test -e "../$(basename "$(dirname "$T_TMP_SOCK")")"
echo "written in the tree" >written.txt
mkdir -p "$T_LEFTOVER" && echo x >"$T_LEFTOVER/file" && echo "tmp: written"
echo x >"$TMPDIR/file" && echo "tmpdir: written"
echo "score: 1"
`;

const ATTACK = `${REACH}${ESCAPE}`;

function linesOf(output: string): Record<string, string> {
  return Object.fromEntries(
    output
      .split('\n')
      .map((line) => /^([\w-]+): (reached|blocked|written)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]]),
  );
}

/** Every target blocked, the writes done, and nothing reached the machine's servers. */
function expectSealed(output: string, before: Record<string, number>): void {
  const lines = linesOf(output);
  const attempts = Object.entries(lines).filter(([, what]) => what !== 'written');
  expect(attempts.length).toBeGreaterThanOrEqual(20);
  expect(attempts.filter(([, what]) => what !== 'blocked')).toEqual([]);
  expect(lines).toMatchObject({ tmp: 'written', tmpdir: 'written' });
  expect(output).toMatch(/^score: 1$/m);
  expect(reached).toEqual(before);
}

/** Runs a prefix directly (as runCommand would), started through `wrapper` (e.g. as nobody). */
async function runPrefix(
  prefix: string[],
  command: string,
  env: Record<string, string>,
  cwd: string,
  wrapper: string[] = [],
) {
  const invocation = isolatedInvocation(
    { kind: 'unshare', description: 'test', prefix, diesWithAutoexp: false },
    command,
    env,
  );
  const argv = [...wrapper, invocation.file, ...invocation.args];
  const child = spawn(argv[0] as string, argv.slice(1), { cwd, env: invocation.env });
  child.stdin.end(invocation.input);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, output };
}

/** The same script with no namespace at all, as the same user: what it reaches without the sandbox. */
async function unsandboxed(
  command: string,
  env: Record<string, string>,
  cwd: string,
  wrapper: string[] = [],
) {
  const argv = [...wrapper, 'bash', '-c', command];
  const child = spawn(argv[0] as string, argv.slice(1), { cwd, env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => child.once('close', resolve));
  return linesOf(output);
}

const score: MetricSpec = { name: 'score', goal: 'maximize', extract: { kind: 'line' } };

/** After a run: the tree holds what the eval wrote, the machine's /tmp and TMPDIR nothing. */
function expectWrites(cwd: string, tmpdir: string): void {
  expect(readFileSync(join(cwd, 'written.txt'), 'utf8')).toBe('written in the tree\n');
  expect(existsSync(tmpdir)).toBe(false);
  expect(existsSync(leftover)).toBe(false);
}

describe.skipIf(noIsolation || !perl)('eval.network: off, attacked', () => {
  it.skipIf(uid !== 0)('as root: the same script reaches everything without the sandbox', async () => {
    const cwd = tempDir();
    const before = { ...reached };
    const lines = await unsandboxed(REACH, attackEnvironment('/tmp'), cwd);
    expect(lines).toMatchObject({
      'unix-tmp': 'reached',
      'unix-elsewhere': 'reached',
      'unix-abstract': 'reached',
      tcp: 'reached',
      udp: 'reached',
      'host-processes': 'reached',
      'host-environment': 'reached',
      ...(targets.runSocket ? { 'unix-run': 'reached' } : {}),
    });
    expect(reached['unix-tmp']).toBe((before['unix-tmp'] ?? 0) + 1);
  });

  it('through runCommand: every attempt fails, and the eval is still measured', async () => {
    const cwd = tempDir();
    const tmpdir = `/tmp/autoexp-sandbox-tmpdir-${tag}-run`;
    const before = { ...reached };
    const result = await runCommand({
      command: ATTACK,
      cwd,
      env: attackEnvironment(tmpdir),
      timeoutMs: 30_000,
      logPath: join(cwd, 'eval.log'),
      metrics: [score],
      network: isolation,
    });
    const output = readFileSync(join(cwd, 'eval.log'), 'utf8');
    expect(result.exitCode, output).toBe(0);
    expect(result.metrics).toEqual({ score: 1 });
    expectSealed(output, before);
    expectWrites(cwd, tmpdir);
  });

  it.skipIf(uid !== 0)('as root through a user namespace of its own (the second way for root)', async () => {
    const candidate = isolationCandidates(currentIdentity(), tools).find((c) =>
      c.description.includes('--user'),
    );
    const usable = await probeNetworkIsolation([candidate!], 0).catch(() => undefined);
    if (!usable) return; // user namespaces are not allowed here: the way is not used either
    const cwd = tempDir();
    const tmpdir = `/tmp/autoexp-sandbox-tmpdir-${tag}-userns`;
    const before = { ...reached };
    const result = await runPrefix(candidate!.prefix, ATTACK, attackEnvironment(tmpdir), cwd);
    expect(result.code, result.output).toBe(0);
    expectSealed(result.output, before);
    expectWrites(cwd, tmpdir);
  });

  it('a socket in its own tree stays reachable: only the rest of the machine is covered', async () => {
    const cwd = tempDir();
    const socket = await unixServer('unix-tree', join(cwd, 'own.sock'));
    const before = reached['unix-tree'] ?? 0;
    const result = await runCommand({
      command: `${FUNCTIONS}\nreach unix-tree unix_get ${socket}`,
      cwd,
      env: attackEnvironment('/tmp'),
      timeoutMs: 30_000,
      logPath: join(cwd, 'eval.log'),
      metrics: [],
      network: isolation,
    });
    expect(result.logTail).toBe('unix-tree: reached');
    expect(reached['unix-tree']).toBe(before + 1);
  });

  it('an experiment tree inside TMPDIR (both under the private /tmp): the tree is there, TMPDIR fresh around it', async () => {
    const outer = tempDir();
    const cwd = join(outer, 'trees', 'tree');
    mkdirSync(cwd, { recursive: true });
    chmodSync(join(outer, 'trees'), 0o777);
    chmodSync(cwd, 0o777);
    writeFileSync(join(outer, 'host-file'), 'the host TMPDIR\n');
    const result = await runCommand({
      command:
        'echo written in the tree > written.txt && ls -A "$TMPDIR" && echo made > "$TMPDIR/made" && echo tmpdir ok',
      cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: outer },
      timeoutMs: 30_000,
      logPath: join(outer, 'eval.log'),
      metrics: [],
      network: isolation,
    });
    expect(result.exitCode, result.logTail).toBe(0);
    // Inside, TMPDIR holds only the way to the tree; the host's TMPDIR keeps its file and gets none.
    expect(result.logTail).toBe('trees\ntmpdir ok');
    expect(readFileSync(join(cwd, 'written.txt'), 'utf8')).toBe('written in the tree\n');
    expect(existsSync(join(outer, 'made'))).toBe(false);
    expect(readFileSync(join(outer, 'host-file'), 'utf8')).toBe('the host TMPDIR\n');
  });

  it('TMPDIR inside TMP (either order in the environment), TEMP with a trailing slash: each is there, writable', async () => {
    const cwd = tempDir();
    for (const order of ['inner first', 'outer first']) {
      const outer = tempDir();
      const inner = join(outer, 'inner');
      const dirs = order === 'inner first' ? { TMPDIR: inner, TMP: outer } : { TMP: outer, TMPDIR: inner };
      const result = await runCommand({
        command: 'for d in "$TMPDIR" "$TMP" "$TEMP"; do echo x > "$d/f" || exit 1; done; echo ok',
        cwd,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...dirs, TEMP: `${tempDir()}/` },
        timeoutMs: 30_000,
        logPath: join(cwd, 'eval.log'),
        metrics: [],
        network: isolation,
      });
      expect(result.exitCode, `${order}: ${result.logTail}`).toBe(0);
      expect(result.logTail, order).toBe('ok');
    }
  });

  it('passes exactly the given environment while sockets are covered; TMPDIR is made, the rest untouched', async () => {
    expect(hostUnixSockets()).toContain(targets.elsewhereSocket);
    const cwd = tempDir();
    const outside = outsidePrivateDirs();
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      MARKER: 'multi\nline = value',
      TMPDIR: `/tmp/autoexp-sandbox-tmpdir-${tag}-env`,
      XDG_RUNTIME_DIR: outside,
    };
    const show =
      'env -0 | sort -z | tr "\\0" "\\036"; echo; [ -d "$TMPDIR" ] && [ -O "$TMPDIR" ] && echo ok || echo none';
    const run = (network?: Isolated) =>
      runCommand({
        command: show,
        cwd,
        env,
        timeoutMs: 30_000,
        logPath: join(cwd, 'eval.log'),
        metrics: [],
        ...(network ? { network } : {}),
      });
    const isolated = await run(isolation);
    const plain = await run();
    expect(isolated.exitCode).toBe(0);
    // The same variables; TMPDIR exists, the user's, only inside (it points into the private /tmp).
    expect(isolated.logTail).toBe(plain.logTail.replace(/none$/, 'ok'));
    expect(plain.logTail).toContain(`XDG_RUNTIME_DIR=${outside}\u001e`);
    expect(plain.logTail).toMatch(/\nnone$/);
  });
});

// As root here, the ways an ordinary user is isolated can be run for real by starting them as nobody.
describe.skipIf(noIsolation || !perl || uid !== 0 || !tools.setpriv)(
  'eval.network: off as an ordinary user, attacked',
  () => {
    const identity = { uid: NOBODY, gid: NOBODY, groups: [] };
    const candidates = isolationCandidates(identity, tools);

    it('as nobody, the same script reaches the machine without the sandbox', async () => {
      const cwd = tempDir();
      const lines = await unsandboxed(REACH, attackEnvironment('/tmp'), cwd, asNobody);
      const elsewhere = spawnSync(asNobody[0] as string, [
        ...asNobody.slice(1),
        'test',
        '-w',
        targets.elsewhereSocket,
      ]);
      expect(lines).toMatchObject({
        'unix-tmp': 'reached',
        'unix-abstract': 'reached',
        tcp: 'reached',
        udp: 'reached',
        'host-processes': 'reached',
        'host-environment': 'reached',
        ...(targets.runSocket ? { 'unix-run': 'reached' } : {}),
        'unix-elsewhere': elsewhere.status === 0 ? 'reached' : 'blocked',
      });
    });

    for (const [how, pick, wrapper] of [
      ['an unprivileged user namespace, started by nobody', 'unshare --user', asNobody],
      ['the privileged way (what sudo runs), started by root', 'unshare --net (with', []],
    ] as const) {
      it(`${how}: every attempt fails, and the eval still prints its metric`, async () => {
        const candidate = candidates.find((c) => c.description.startsWith(pick));
        expect(candidate?.description).toBeDefined();
        const cwd = tempDir();
        const tmpdir = `/tmp/autoexp-sandbox-tmpdir-${tag}-${pick.length}`;
        const before = { ...reached };
        const result = await runPrefix(
          candidate!.prefix,
          `echo "uid=$EUID"; ${ATTACK}`,
          attackEnvironment(tmpdir),
          cwd,
          [...wrapper],
        );
        expect(result.code, result.output).toBe(0);
        expect(result.output).toMatch(new RegExp(`^uid=${NOBODY}$`, 'm'));
        expectSealed(result.output, before);
        expectWrites(cwd, tmpdir);
      });
    }
  },
);

describe.skipIf(noIsolation)('what the probe refuses', () => {
  const bash = tools.bash ?? '/bin/bash';
  const unshare = tools.unshare ?? 'unshare';
  const namespaces = [unshare, '--net', '--ipc', '--pid', '--fork', '--mount-proc', '--'];
  const passEnvironment = 'mapfile -d "" vars; ip link set lo up 2>/dev/null';

  it.skipIf(uid !== 0)('namespaces whose command keeps its capabilities', async () => {
    const prefix = [
      ...namespaces,
      bash,
      '--norc',
      '-c',
      `${passEnvironment}; env -i -- "\${vars[@]}" "$@" </dev/null`,
      'fake',
    ];
    await expect(
      probeNetworkIsolation([{ description: 'fake', prefix, diesWithAutoexp: false }], uid),
    ).rejects.toThrow(
      /^eval\.network: off needs a command without capabilities, and none could be made: fake: Cap\w+ is [0-9a-f]+\./,
    );
  });

  it.skipIf(uid !== 0 || !tools.setpriv)('namespaces without a private /tmp', async () => {
    const drop = `${tools.setpriv} --no-new-privs --inh-caps=-all --bounding-set=-all --`;
    const prefix = [
      ...namespaces,
      bash,
      '--norc',
      '-c',
      `${passEnvironment}; ${drop} env -i -- "\${vars[@]}" "$@" </dev/null`,
      'fake',
    ];
    await expect(
      probeNetworkIsolation([{ description: 'fake', prefix, diesWithAutoexp: false }], uid),
    ).rejects.toThrow(
      'eval.network: off needs a mount namespace for a private /tmp, and none could be made: fake: /tmp is not a fresh tmpfs',
    );
  });

  it('lists the sockets to cover: those bound outside the private directories', () => {
    if (!targets.elsewhereSocket) return;
    const sockets = hostUnixSockets();
    expect(sockets).toContain(targets.elsewhereSocket);
    expect(sockets).not.toContain(targets.tmpSocket);
    expect(sockets.every((path) => !/^\/(tmp|run|var\/run|dev\/shm)\//.test(path))).toBe(true);
  });

  it('containment alone is unchanged: no network, IPC or private directories, capabilities kept', () => {
    for (const candidate of sandboxCandidates(currentIdentity(), tools, 'contain')) {
      const words = candidate.prefix.join(' ');
      expect(words).not.toMatch(/--net|--ipc|no-new-privs|bounding-set|autoexp-private/);
    }
  });
});
