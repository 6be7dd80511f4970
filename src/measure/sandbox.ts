// The namespaces the commands autoexp runs (eval, setup, guard, holdout, the `command` proposer) are put in.
//
// Containment, for every command: a PID namespace with its own /proc. The namespace's first process is a
// small bash helper that starts the command's shell as its only child and exits as soon as that shell
// exits; when a PID namespace's first process ends, the kernel kills every process left in it. So nothing
// a command starts outlives it: not `cmd &`, not a daemon that called setsid, forked twice, closed its
// stdio or cleared its environment — whether the shell exits, times out or is cancelled.
//
// The helper does not exec the command. A namespace's first process receives no signal it has no handler
// for (a script's own `kill $$` would do nothing) and adopts every orphan, so one level down the command
// keeps ordinary signal semantics. The price: a shell killed by a signal reaches us as exit code 128 + the
// signal's number, as under a container's init, since that signal cannot pass the first process.
//
// `eval.network: off` (network.ts) adds a network namespace with only loopback to the same arrangement.
//
// Three ways to make the namespaces, probed in order once per process and purpose: plain `unshare` when
// we are root (in a user namespace files of other users would show as unmapped and root would lose access
// to them); an unprivileged user namespace, mapped back to the invoking user's uid so the command does not
// see itself as root; `sudo -n unshare` (GitHub's Ubuntu 24.04 runners block unprivileged user namespaces
// through AppArmor but allow passwordless sudo), dropping back to the invoking user with setpriv. A command
// always runs as the user autoexp runs as.
//
// The environment does not travel through the process environment: sudo resets it and, being setuid,
// glibc strips TMPDIR, LD_* and others from it. It is written NUL-separated to the helper's stdin and
// handed to `env -i`, so the command sees exactly the environment it would see without a namespace.
import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** One way to make the namespaces: run `[...prefix, 'bash', '-c', command]` (see sandboxInvocation). */
export interface SandboxCandidate {
  /** How it is made, for messages: "unshare --pid (as root)", "sudo -n unshare --net", … */
  description: string;
  prefix: string[];
}

/** How the processes a command leaves behind are ended (see runCommand). */
export type Containment =
  | ({ kind: 'namespace' } & SandboxCandidate)
  /** No PID namespace: the process tree is read from /proc and killed (see process-tree.ts). */
  | { kind: 'process-tree'; reason: string };

/** What the namespaces are for: containment alone, or containment without the network. */
export type SandboxPurpose = 'contain' | 'network-off';

/** Who the command must run as: the user autoexp runs as. */
export interface Identity {
  uid: number;
  gid: number;
  groups: readonly number[];
  /** The file mode creation mask to give the command (sudo would impose its own); octal digits. */
  umask?: string;
}

/** Absolute paths of the programs the prefixes use; `undefined` when not installed. */
export interface IsolationTools {
  unshare?: string;
  setpriv?: string;
  sudo?: string;
  bash?: string;
  env?: string;
  /** Optional: without it the loopback of a network namespace stays down. */
  ip?: string;
}

/** What to spawn for one command in the namespaces. */
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
export const SYSTEM_DIRECTORIES = [
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
];

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

/** The umask from /proc (process.umask() without an argument is deprecated: it has to set it to read it). */
function currentUmask(): string | undefined {
  try {
    return /^Umask:\s*([0-7]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

export function currentIdentity(): Identity {
  if (!process.getuid || !process.getgid || !process.getgroups) throw new Error('not a POSIX system');
  const umask = currentUmask();
  return {
    uid: process.getuid(),
    gid: process.getgid(),
    groups: process.getgroups(),
    ...(umask === undefined ? {} : { umask }),
  };
}

/**
 * The bash script that is the namespace's first process, run as (namespace) root: loopback up (with a
 * network namespace), environment from stdin, then `switchTo` (which becomes the invoking user) runs
 * `env -i <environment> "$@"` as its child. When that child exits, so does the script, with its status.
 */
function namespaceHelper(
  tools: { bash: string; env: string; ip?: string | undefined },
  switchTo: string[],
  options: { loopback: boolean; umask: string | undefined },
): string[] {
  const run = [...switchTo, tools.env, '-i', '--'].map(shellQuote).join(' ');
  const script = [
    ...(options.loopback && tools.ip ? [`${shellQuote(tools.ip)} link set lo up 2>/dev/null`] : []),
    "mapfile -d '' vars || exit 125",
    ...(options.umask === undefined ? [] : [`umask ${options.umask}`]),
    // bash's own notices about its child ("Killed", "Segmentation fault" and the line above) stay out of
    // the command's output: the command gets the saved stderr.
    'exec 3>&2 2>/dev/null',
    // Pids in the namespace start at a random number, not at 2: commands running at once (workers), each
    // in a namespace of its own, would otherwise share pids, and with them pid-named temp and lock files.
    'max=$(</proc/sys/kernel/pid_max) && [ "$max" -gt 4000 ] &&',
    '  echo $(( ${SRANDOM:-$(( RANDOM << 15 | RANDOM ))} % (max - 2000) + 300 )) >/proc/sys/kernel/ns_last_pid',
    `${run} "\${vars[@]}" "$@" </dev/null 2>&3 3>&-`,
    // A last command after it: bash must not exec the command in its place.
    'exit $?',
  ].join('\n');
  // --norc: its stdin is a socket (node's pipes are socketpairs), and bash sources ~/.bashrc when it
  // thinks rshd started it.
  return [tools.bash, '--norc', '--noprofile', '-c', script, 'autoexp-namespace'];
}

/**
 * The ways to make the namespaces for this process's commands, best first. For `network-off`, commands
 * never run with more privilege than autoexp has, and (unless autoexp is root) with no_new_privs, so sudo
 * or setuid programs cannot give them the root needed to leave the network namespace. Containment alone
 * changes nothing else: through sudo, a command keeps the sudo it would have had (hosted runners allow
 * it); in a user namespace setuid programs, sudo among them, do not work (the kernel ignores their bit).
 */
export function sandboxCandidates(
  identity: Identity,
  tools: IsolationTools,
  purpose: SandboxPurpose,
): SandboxCandidate[] {
  const { unshare, setpriv, bash, env, sudo } = tools;
  const networkOff = purpose === 'network-off';
  if (!unshare || !bash || !env || (networkOff && !setpriv)) return [];
  const known = { bash, env, ip: tools.ip };
  const helper = (switchTo: string[]): string[] =>
    namespaceHelper(known, switchTo, { loopback: networkOff, umask: identity.umask });
  const namespaces = [...(networkOff ? ['--net'] : []), '--pid', '--fork', '--mount-proc'];
  const made = networkOff ? '--net' : '--pid';
  const { uid, gid } = identity;
  const root = uid === 0;

  // Outer user namespace: we are root in it, can mount /proc and bring lo up; an inner one maps us back to
  // our own uid, so the command does not see itself as root (postgres, for one, refuses to run as root).
  const userNamespace: SandboxCandidate = {
    description: `unshare --user ${made} (unprivileged user namespace)`,
    prefix: [
      unshare,
      '--user',
      '--map-root-user',
      ...namespaces,
      '--',
      ...helper([
        unshare,
        '--user',
        `--map-user=${uid}`,
        `--map-group=${gid}`,
        '--',
        ...(networkOff ? [setpriv as string, '--no-new-privs', '--'] : []),
      ]),
    ],
  };
  if (root) {
    const plain = {
      description: `unshare ${made} (as root)`,
      prefix: [unshare, ...namespaces, '--', ...helper([])],
    };
    return [plain, userNamespace];
  }
  const candidates = [userNamespace];
  // From here on the namespaces are made as root and the command drops back to the user.
  if (!setpriv) return candidates;
  const dropToUser = [
    setpriv,
    `--reuid=${uid}`,
    `--regid=${gid}`,
    identity.groups.length > 0 ? `--groups=${identity.groups.join(',')}` : '--clear-groups',
    ...(networkOff ? ['--no-new-privs'] : []),
    '--',
  ];
  candidates.push({
    description: `unshare ${made} (with CAP_SYS_ADMIN)`,
    prefix: [unshare, ...namespaces, '--', ...helper(dropToUser)],
  });
  if (sudo)
    candidates.push({
      description: `sudo -n unshare ${made}`,
      prefix: [sudo, '-n', unshare, ...namespaces, '--', ...helper(dropToUser)],
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

/** What to spawn so that `bash -c command` runs with exactly `env` inside the namespaces of `prefix`. */
export function sandboxInvocation(
  prefix: readonly string[],
  command: string,
  env: Record<string, string>,
): Invocation {
  const [file, ...rest] = prefix;
  if (file === undefined) throw new Error('a namespace without a command prefix');
  return {
    file,
    args: [...rest, 'bash', '-c', command],
    // The prefix runs with absolute paths; PATH only for what the user's tools may look up before env -i.
    env: { PATH: env.PATH ?? SYSTEM_DIRECTORIES.join(delimiter) },
    input: environmentInput(env),
  };
}

export interface ProbeOutcome {
  ok: boolean;
  detail: string;
}

/**
 * Checks the whole chain, not just that unshare starts: the command must receive its environment, run as
 * the expected user (and with `network-off` see only `lo`), be the child of the namespace's first process
 * and see no process outside the namespace.
 */
export async function probeSandbox(
  candidate: SandboxCandidate,
  expectedUid: number,
  purpose: SandboxPurpose,
): Promise<ProbeOutcome> {
  const check = [
    '[ "$AUTOEXP_SANDBOX_PROBE" = yes ] || { echo "the environment did not pass through" >&2; exit 3; }',
    `[ "$EUID" = ${expectedUid} ] || { echo "ran as uid $EUID, not ${expectedUid}" >&2; exit 3; }`,
    ...(purpose === 'network-off'
      ? [
          '{ read -r; read -r; while IFS=: read -r name _; do name=${name// /}',
          '  [ "$name" = lo ] || { echo "network interface $name is visible" >&2; exit 3; }; done; } </proc/net/dev',
        ]
      : []),
    `[ ! -e /proc/${process.pid} ] || [ ${process.pid} -le 10 ] || { echo "autoexp's process is visible" >&2; exit 3; }`,
    '[ "$PPID" = 1 ] || { echo "not in a PID namespace of its own" >&2; exit 3; }',
  ].join('\n');
  const invocation = sandboxInvocation(candidate.prefix, check, {
    PATH: process.env.PATH ?? SYSTEM_DIRECTORIES.join(delimiter),
    AUTOEXP_SANDBOX_PROBE: 'yes',
  });
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

/** The `code` of the process warning given once when commands run without a PID namespace. */
export const CONTAINMENT_WARNING_CODE = 'AUTOEXP_CONTAINMENT';

/** The sentence of that warning. */
export function containmentWarning(reason: string): string {
  return (
    `no PID namespace can be made here (${reason}), so processes that detach from a command ` +
    '(setsid, a double fork) may outlive it on this machine; autoexp still kills what it finds in the ' +
    "command's process group and session"
  );
}

let containment: Promise<Containment> | undefined;

/**
 * How this process's commands are contained, probed once per process: a PID namespace, or (macOS, no
 * user namespaces and no sudo) the process-tree kill, announced once by a process warning.
 */
export function detectContainment(): Promise<Containment> {
  containment ??= detectContainmentUncached().then((found) => {
    if (found.kind === 'process-tree')
      process.emitWarning(containmentWarning(found.reason), { code: CONTAINMENT_WARNING_CODE });
    return found;
  });
  return containment;
}

async function detectContainmentUncached(): Promise<Containment> {
  if (process.platform !== 'linux')
    return {
      kind: 'process-tree',
      reason: `PID namespaces exist only on Linux (this is ${process.platform})`,
    };
  const tools = findIsolationTools();
  const missing = (['unshare', 'bash', 'env'] as const).filter((name) => !tools[name]);
  if (missing.length > 0)
    return { kind: 'process-tree', reason: `${missing.join(', ')} not found (unshare is in util-linux)` };
  const identity = currentIdentity();
  const reasons: string[] = [];
  for (const candidate of sandboxCandidates(identity, tools, 'contain')) {
    const outcome = await probeSandbox(candidate, identity.uid, 'contain');
    if (outcome.ok) return { kind: 'namespace', ...candidate };
    reasons.push(`${candidate.description}: ${outcome.detail}`);
  }
  if (identity.uid !== 0 && !tools.sudo) reasons.push('sudo -n unshare --pid: sudo not found');
  if (identity.uid !== 0 && tools.sudo && !tools.setpriv) reasons.push('setpriv not found (util-linux)');
  return { kind: 'process-tree', reason: reasons.join('; ') || 'no way to try' };
}
