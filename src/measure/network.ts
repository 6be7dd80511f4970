// `eval.network: off` (CONTRACT §6): the eval, guard and holdout run in a fresh Linux network namespace,
// so generated code cannot reach anything outside the machine or on it. Three ways to make one, probed
// in order: an unprivileged user namespace, plain `unshare --net` when we are root, and `sudo -n` (GitHub's
// Ubuntu 24.04 runners block unprivileged user namespaces through AppArmor but allow passwordless sudo).
// When none works the caller gets an error that says why; a run never silently keeps the network.
//
// Inside the namespace a small bash helper brings the loopback up (an eval may start a server or database
// of its own on localhost), then execs the command as the invoking user. The environment does not travel
// through the process environment: sudo resets it and, being setuid, glibc strips TMPDIR, LD_* and
// others from it. It is written NUL-separated to the helper's stdin and handed to `env -i`, so the command
// sees exactly the environment it would see without isolation.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export type NetworkIsolation =
  | { kind: 'none' }
  | {
      kind: 'unshare';
      /** How it was made, for logs: "unshare --net (root)", "sudo -n unshare --net", … */
      description: string;
      /**
       * Run `[...prefix, 'bash', '-c', command]` with the environment NUL-separated on stdin
       * (see isolatedInvocation); the command then runs in a fresh network namespace with only `lo`.
       */
      prefix: string[];
    };

/** One way to make a namespace, tried by probeNetworkIsolation. */
export interface IsolationCandidate {
  description: string;
  prefix: string[];
}

/** Who the command must run as: the user autoexp runs as. */
export interface Identity {
  uid: number;
  gid: number;
  groups: readonly number[];
}

/** Absolute paths of the programs the prefixes use; `undefined` when not installed. */
export interface IsolationTools {
  unshare?: string;
  setpriv?: string;
  sudo?: string;
  bash?: string;
  env?: string;
  /** Optional: without it the loopback stays down. */
  ip?: string;
}

/** What to spawn for one isolated command. */
export interface Invocation {
  file: string;
  args: string[];
  /** The environment of the spawned prefix itself (not of the command). */
  env: Record<string, string>;
  /** Written to the prefix's stdin: the command's environment. */
  input: Buffer;
}

const PROBE_TIMEOUT_MS = 15_000;
/** Where system tools live even when PATH (e.g. a non-root user's) lacks the sbin directories. */
const SYSTEM_DIRECTORIES = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const ADVICE =
  'Run on Linux with unprivileged user namespaces, as root, or with passwordless sudo — or set eval.network: on';

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

function findExecutable(name: string, searchPath: string | undefined): string | undefined {
  const directories = [...(searchPath ?? '').split(delimiter).filter(Boolean), ...SYSTEM_DIRECTORIES];
  for (const directory of directories) {
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function findIsolationTools(searchPath = process.env.PATH): IsolationTools {
  const find = (name: string): string | undefined => findExecutable(name, searchPath);
  return {
    unshare: find('unshare'),
    setpriv: find('setpriv'),
    sudo: find('sudo'),
    bash: find('bash'),
    env: find('env'),
    ip: find('ip'),
  };
}

export function currentIdentity(): Identity {
  if (!process.getuid || !process.getgid || !process.getgroups) throw new Error('not a POSIX system');
  return { uid: process.getuid(), gid: process.getgid(), groups: process.getgroups() };
}

/**
 * The bash script that runs as (namespace) root inside the new namespace: loopback up, environment from
 * stdin, then `switchTo` (which becomes the invoking user) runs `env -i <environment> "$@"`.
 */
function namespaceHelper(
  tools: { bash: string; env: string; ip?: string | undefined },
  switchTo: string[],
): string[] {
  const loopbackUp = tools.ip ? `${shellQuote(tools.ip)} link set lo up 2>/dev/null; ` : '';
  const exec = [...switchTo, tools.env, '-i', '--'].map(shellQuote).join(' ');
  const script = `${loopbackUp}mapfile -d '' vars && exec ${exec} "\${vars[@]}" "$@" </dev/null`;
  // --norc: its stdin is a socket (node's pipes are socketpairs), and bash sources ~/.bashrc when it
  // thinks rshd started it.
  return [tools.bash, '--norc', '--noprofile', '-c', script, 'autoexp-netns'];
}

/**
 * A network namespace, and a PID namespace with its own /proc: the command sees no process but its own,
 * so it cannot read another's environment (a coding agent's key, say) through /proc/<pid>/environ, and
 * when the command's first process ends, the kernel ends every process it left behind.
 */
const NAMESPACES = ['--net', '--pid', '--fork', '--mount-proc'];

/**
 * The ways to isolate this process's commands, best first. As root, plain `unshare --net` comes first:
 * in a user namespace files of other users would show as unmapped and root would lose access to them.
 * Commands never run with more privilege than autoexp has, and (unless autoexp is root) with
 * no_new_privs, so sudo or setuid programs cannot give them the root needed to leave the namespace.
 */
export function isolationCandidates(identity: Identity, tools: IsolationTools): IsolationCandidate[] {
  const { unshare, setpriv, bash, env, sudo } = tools;
  if (!unshare || !setpriv || !bash || !env) return [];
  const known = { unshare, setpriv, bash, env, ip: tools.ip };
  const { uid, gid } = identity;
  const root = uid === 0;

  // Outer user namespace: we are root in it, can bring lo up; an inner one maps us back to our own uid,
  // so the command does not see itself as root (postgres, for one, refuses to run as root).
  const userNamespace: IsolationCandidate = {
    description: 'unshare --user --net (unprivileged user namespace)',
    prefix: [
      unshare,
      '--user',
      '--map-root-user',
      ...NAMESPACES,
      '--',
      ...namespaceHelper(known, [
        unshare,
        '--user',
        `--map-user=${uid}`,
        `--map-group=${gid}`,
        '--',
        setpriv,
        '--no-new-privs',
        '--',
      ]),
    ],
  };
  const dropToUser = root
    ? []
    : [
        setpriv,
        `--reuid=${uid}`,
        `--regid=${gid}`,
        identity.groups.length > 0 ? `--groups=${identity.groups.join(',')}` : '--clear-groups',
        '--no-new-privs',
        '--',
      ];
  const plain: IsolationCandidate = {
    description: root ? 'unshare --net (as root)' : 'unshare --net (with CAP_SYS_ADMIN)',
    prefix: [unshare, ...NAMESPACES, '--', ...namespaceHelper(known, dropToUser)],
  };
  if (root) return [plain, userNamespace];
  const candidates = [userNamespace, plain];
  if (sudo)
    candidates.push({
      description: 'sudo -n unshare --net',
      prefix: [sudo, '-n', unshare, ...NAMESPACES, '--', ...namespaceHelper(known, dropToUser)],
    });
  return candidates;
}

function environmentInput(env: Record<string, string>): Buffer {
  return Buffer.from(
    Object.entries(env)
      .map(([name, value]) => `${name}=${value}\0`)
      .join(''),
  );
}

/** What to spawn so that `bash -c command` runs with exactly `env` inside the namespace. */
export function isolatedInvocation(
  isolation: Extract<NetworkIsolation, { kind: 'unshare' }>,
  command: string,
  env: Record<string, string>,
): Invocation {
  const [file, ...rest] = isolation.prefix;
  if (file === undefined) throw new Error('network isolation without a command prefix');
  return {
    file,
    args: [...rest, 'bash', '-c', command],
    // The prefix runs with absolute paths; PATH only for what the user's tools may look up before env -i.
    env: { PATH: env.PATH ?? SYSTEM_DIRECTORIES.join(delimiter) },
    input: environmentInput(env),
  };
}

interface ProbeOutcome {
  ok: boolean;
  detail: string;
}

/**
 * Checks the whole chain, not just that unshare starts: the command must see only `lo`, run as the
 * expected user and receive its environment.
 */
async function probe(candidate: IsolationCandidate, expectedUid: number): Promise<ProbeOutcome> {
  const check = [
    '[ "$AUTOEXP_NETNS_PROBE" = yes ] || { echo "the environment did not pass through" >&2; exit 3; }',
    `[ "$EUID" = ${expectedUid} ] || { echo "ran as uid $EUID, not ${expectedUid}" >&2; exit 3; }`,
    '{ read -r; read -r; while IFS=: read -r name _; do name=${name// /}',
    '  [ "$name" = lo ] || { echo "network interface $name is visible" >&2; exit 3; }; done; } </proc/net/dev',
    `[ ! -e /proc/${process.pid} ] || [ ${process.pid} -le 10 ] || { echo "autoexp's process is visible" >&2; exit 3; }`,
  ].join('\n');
  const invocation = isolatedInvocation(
    { kind: 'unshare', description: candidate.description, prefix: candidate.prefix },
    check,
    {
      PATH: process.env.PATH ?? SYSTEM_DIRECTORIES.join(delimiter),
      AUTOEXP_NETNS_PROBE: 'yes',
    },
  );
  return await new Promise<ProbeOutcome>((resolve) => {
    let stderr = '';
    const child = spawn(invocation.file, invocation.args, {
      env: invocation.env,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), PROBE_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    child.stdin.on('error', () => undefined); // it may fail before reading; its stderr says why
    child.stdin.end(invocation.input);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, detail: error.message });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const said = stderr.trim().replace(/\s*\n\s*/g, ' / ');
      if (code === 0) resolve({ ok: true, detail: '' });
      else resolve({ ok: false, detail: said || (signal ? `killed by ${signal}` : `exit code ${code}`) });
    });
  });
}

function failure(reasons: string[]): Error {
  return new Error(
    `eval.network: off needs a network namespace and none could be made: ${reasons.join('; ')}. ${ADVICE}`,
  );
}

/** Tries the candidates in order and returns the first that works; throws saying why each failed. */
export async function probeNetworkIsolation(
  candidates: readonly IsolationCandidate[],
  expectedUid: number,
  notTried: readonly string[] = [],
): Promise<NetworkIsolation> {
  const reasons: string[] = [];
  for (const candidate of candidates) {
    const outcome = await probe(candidate, expectedUid);
    if (outcome.ok) return { kind: 'unshare', description: candidate.description, prefix: candidate.prefix };
    reasons.push(`${candidate.description}: ${outcome.detail}`);
  }
  reasons.push(...notTried);
  if (reasons.length === 0) reasons.push('no way to try');
  throw failure(reasons);
}

let detected: Promise<NetworkIsolation> | undefined;

/** The way to isolate commands on this machine, probed once per process. Throws when there is none. */
export function detectNetworkIsolation(): Promise<NetworkIsolation> {
  detected ??= detectUncached();
  return detected;
}

async function detectUncached(): Promise<NetworkIsolation> {
  if (process.platform !== 'linux')
    throw failure([`network namespaces exist only on Linux (this is ${process.platform})`]);
  const tools = findIsolationTools();
  const missing = (['unshare', 'setpriv', 'bash', 'env'] as const).filter((name) => !tools[name]);
  if (missing.length > 0)
    throw failure([`${missing.join(', ')} not found (unshare and setpriv are in util-linux)`]);
  const identity = currentIdentity();
  const notTried = identity.uid !== 0 && !tools.sudo ? ['sudo -n unshare --net: sudo not found'] : [];
  return await probeNetworkIsolation(isolationCandidates(identity, tools), identity.uid, notTried);
}
