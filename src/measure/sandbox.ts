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
// `eval.network: off` (network.ts) adds network, IPC and mount namespaces to the same arrangement: only
// loopback, a private /tmp, /var/tmp, /run, /dev/shm and /dev/mqueue, the machine's other Unix sockets
// covered, and a command without any capability (see privateSetupScript and sandboxCandidates).
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
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** One way to make the namespaces: run `[...prefix, 'bash', '-c', command]` (see sandboxInvocation). */
export interface SandboxCandidate {
  /** How it is made, for messages: "unshare --pid (as root)", "sudo -n unshare --net", … */
  description: string;
  prefix: string[];
  /**
   * The kernel ends the namespace when autoexp's process ends, even killed outright (SIGKILL, the OOM
   * killer): unshare runs with a parent-death signal (`setpriv --pdeathsig`) and gives one to the
   * namespace's first process (`--kill-child`). Never through sudo: a setuid program drops the signal,
   * and sudo itself outlives its caller.
   */
  diesWithAutoexp: boolean;
  /** The same way without the parent-death signals (util-linux before 2.33), tried when this one fails. */
  fallback?: SandboxCandidate;
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
  /** `network-off` makes its private directories with it (util-linux). */
  mount?: string;
  /** The `network-off` probe checks with it that /proc cannot be unmounted. */
  umount?: string;
  /** For the `network-off` setup when a private directory is a symbolic link; else looked up in PATH. */
  readlink?: string;
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
    mount: find('mount'),
    umount: find('umount'),
    readlink: find('readlink'),
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

/** What the helper of an `eval.network: off` namespace sets up before it starts the command. */
interface PrivateSetup {
  mount: string;
  readlink: string;
  /** `uid=…,gid=…` for the directories made for TMPDIR and the like, when the helper is not that user. */
  owner: string | undefined;
  /** The command runs as uid 0: the kernel's settings in /proc and /sys are made read-only. */
  root: boolean;
}

/**
 * The directories an `eval.network: off` command gets empty and of its own (a fresh tmpfs each), with
 * their modes: where Unix sockets, shared memory and message queues of the machine's services live.
 * One that is a symbolic link (/var/run → /run) is covered through its target.
 */
export const PRIVATE_DIRECTORIES: readonly (readonly [path: string, mode: string])[] = [
  ['/tmp', '1777'],
  ['/var/tmp', '1777'],
  ['/run', '755'],
  ['/var/run', '755'],
  ['/dev/shm', '1777'],
  ['/dev/mqueue', '1777'],
];

/** The source name of those tmpfs mounts, as /proc/self/mountinfo shows it (the probe looks for it). */
export const PRIVATE_MOUNT_SOURCE = 'autoexp-private';

/**
 * What uid 0 could change without any capability (the kernel checks the owner's bits): sysctls such as
 * kernel.core_pattern, which names a program the kernel runs as root outside every namespace, and the
 * sysrq trigger. Made read-only for a root command, like every mount under /sys.
 */
export const ROOT_READ_ONLY_PROC = ['/proc/sys', '/proc/sysrq-trigger', '/proc/irq', '/proc/bus', '/proc/fs'];

/** Variables naming a directory of the command's own: a fresh one where they point into a private one. */
const DIRECTORY_VARIABLES = ['TMPDIR', 'TMP', 'TEMP', 'XDG_RUNTIME_DIR'];

/** Prints why a setup step failed, in the form probeSandbox reads, and ends the helper. */
const NEEDS = 'autoexp sandbox: needs';

/**
 * The `eval.network: off` setup, run by the helper as root of the namespaces, in the fresh mount
 * namespace (private propagation: nothing reaches the machine's mounts).
 *
 * Every mount is made by one `mount --all` from a table the script writes (each exec of mount costs a
 * few milliseconds, and a root command has a dozen mounts under /sys alone): the table goes on a first
 * tmpfs over the first private directory, which the table's first line covers with the fresh one. Then
 * the script checks in /proc/self/mountinfo that each mount is there, and says which one is not.
 */
function privateSetupScript(setup: PrivateSetup): string[] {
  const mount = shellQuote(setup.mount);
  const owner = setup.owner === undefined ? '' : `,${setup.owner}`;
  const variables = DIRECTORY_VARIABLES.map((name) => `${name}=/*`).join('|');
  return [
    `needs() { printf '%s %s\\n' ${shellQuote(NEEDS)} "$1" >&2; exit 125; }`,
    // A path as fstab and mountinfo write it: space, tab, newline and backslash in octal.
    "esc() { local s=${1//\\\\/\\\\134}; s=${s// /\\\\040}; s=${s//$'\\t'/\\\\011}; e=${s//$'\\n'/\\\\012}; }",
    'umask 022',
    'builtin cd -P -- . || needs "its working directory"',
    'here=$PWD covered=() modes=() made=() hidden=() ro=() tree=',
    `for entry in ${PRIVATE_DIRECTORIES.map(([path, mode]) => `${path}:${mode}`).join(' ')}; do`,
    '  dir=${entry%:*}',
    `  if [ -L "$dir" ]; then dir=$(${shellQuote(setup.readlink)} -f -- "$dir") || continue; fi`,
    '  [ -d "$dir" ] || continue',
    '  for c in "${covered[@]}"; do [ "$c" = "$dir" ] && continue 2; done',
    '  [ "$here" != "$dir" ] || needs "a working directory other than $dir, which is made private"',
    '  covered+=("$dir") modes+=("${entry##*:}")',
    'done',
    '[ ${#covered[@]} -gt 0 ] || needs "a /tmp, /run or /dev/shm to make private"',
    'table=${covered[0]}/autoexp-mounts',
    `${mount} -n -t tmpfs -o mode=700 autoexp-table "\${covered[0]}" || needs "a mount namespace for a private \${covered[0]}"`,
    '{',
    '  for i in "${!covered[@]}"; do',
    `    esc "\${covered[i]}"; echo "${PRIVATE_MOUNT_SOURCE} $e tmpfs mode=\${modes[i]},nosuid,nodev 0 0"`,
    '  done',
    // TMPDIR and the like, when they point into a private directory: a fresh directory of the user's,
    // mounted first, so that an experiment tree inside one (below) is mounted back on top of it. Without
    // trailing slashes (mountinfo has none), and shorter first: one inside another (TMPDIR inside TMP) is
    // mounted after it, or the outer one's fresh tmpfs would hide it.
    '  for v in "${vars[@]}"; do',
    `    case $v in ${variables}) d=\${v#*=};; *) continue;; esac`,
    '    while [ "$d" != / ] && [ "${d%/}" != "$d" ]; do d=${d%/}; done',
    '    case $d/ in "$here"/*) continue;; esac',
    '    for m in "${made[@]}"; do [ "$m" != "$d" ] || continue 2; done',
    '    for c in "${covered[@]}"; do case $d in "$c"/*)',
    '      i=${#made[@]}; while [ $i -gt 0 ] && [ ${#made[i-1]} -gt ${#d} ]; do made[i]=${made[i-1]}; i=$((i - 1)); done',
    '      made[i]=$d; break;; esac; done',
    '  done',
    '  for d in "${made[@]}"; do',
    `    esc "$d"; echo "${PRIVATE_MOUNT_SOURCE} $e tmpfs mode=700${owner},nosuid,nodev,X-mount.mkdir 0 0"`,
    '  done',
    // An experiment tree inside one of them is mounted back in its place: the real one, reached through
    // the working directory, which still is the real tree (/proc/self/cwd, not canonicalized: -c).
    '  for c in "${covered[@]}"; do case $here/ in "$c"/*)',
    '    tree=$here; esc "$here"; echo "/proc/self/cwd $e none bind,X-mount.mkdir 0 0"; break;; esac; done',
    // Sockets of the machine bound elsewhere (the list autoexp read from /proc/net/unix): /dev/null over
    // each, so that connecting fails. Those in the working directory stay; those in a fresh directory are gone.
    '  for s in "${hide[@]}"; do',
    '    [ -S "$s" ] || continue; case $s in "$here"/*) continue;; esac',
    '    for d in "${made[@]}"; do case $s in "$d"/*) continue 2;; esac; done',
    '    hidden+=("$s"); esc "$s"; echo "/dev/null $e none bind 0 0"',
    '  done',
    ...(setup.root
      ? [
          `  for p in ${ROOT_READ_ONLY_PROC.join(' ')}; do [ -e "$p" ] && ro+=("$p") && echo "$p $p none bind,ro 0 0"; done`,
          '  while read -r _ _ _ _ m _; do case $m in /sys|/sys/*)',
          '    ro+=("$m"); echo "none $m none bind,remount,ro 0 0";; esac; done </proc/self/mountinfo',
        ]
      : []),
    '} >"$table" || needs "a mount namespace for a private ${covered[0]}"',
    // Failures are checked below, mount by mount.
    `${mount} -n -c -a --fstab "$table"`,
    'declare -A fs opt',
    'while read -r _ _ _ _ m o rest; do',
    '  rest=" $rest" && rest=${rest#* - } && src=${rest#* } && fs[$m]="${rest%% *} ${src%% *}" && opt[$m]=$o',
    'done </proc/self/mountinfo',
    'for c in "${covered[@]}"; do',
    `  esc "$c"; [ "\${fs[$e]}" = "tmpfs ${PRIVATE_MOUNT_SOURCE}" ] || needs "a mount namespace for a private $c"`,
    'done',
    '[ -z "$tree" ] || { esc "$tree"; [ -n "${fs[$e]}" ]; } || needs "its working directory $tree back in its place"',
    'for s in "${hidden[@]}"; do [ ! -S "$s" ] || needs "the Unix socket $s out of reach"; done',
    `for d in "\${made[@]}"; do esc "$d"; [ "\${fs[$e]}" = "tmpfs ${PRIVATE_MOUNT_SOURCE}" ] || needs "its own $d"; done`,
    'for p in "${ro[@]}"; do case ${opt[$p]} in ro|ro,*) ;; *) needs "a read-only $p";; esac; done',
    'builtin cd -- "$here" || needs "its working directory"',
  ];
}

/**
 * The bash script that is the namespace's first process, run as (namespace) root: loopback up (with a
 * network namespace), environment from stdin, the private directories (`network-off`), then `switchTo`
 * (which becomes the invoking user) runs `env -i <environment> "$@"` as its child. When that child
 * exits, so does the script, with its status.
 */
function namespaceHelper(
  tools: { bash: string; env: string; ip?: string | undefined },
  switchTo: string[],
  options: { loopback: boolean; umask: string | undefined; setup?: PrivateSetup },
): string[] {
  const run = [...switchTo, tools.env, '-i', '--'].map(shellQuote).join(' ');
  const script = [
    ...(options.loopback && tools.ip ? [`${shellQuote(tools.ip)} link set lo up 2>/dev/null`] : []),
    "mapfile -d '' vars || exit 125",
    ...(options.setup
      ? [
          // After the environment, an empty record and the paths of the sockets to cover (see below).
          'hide=()',
          'for i in "${!vars[@]}"; do if [ -z "${vars[i]}" ]; then',
          '  hide=("${vars[@]:i+1}"); vars=("${vars[@]:0:i}"); break',
          'fi; done',
        ]
      : []),
    // Pids in the namespace start at a random number, not at 2: commands running at once (workers), each
    // in a namespace of its own, would otherwise share pids, and with them pid-named temp and lock files.
    '{ max=$(</proc/sys/kernel/pid_max) && [ "$max" -gt 4000 ] &&',
    '  echo $(( ${SRANDOM:-$(( RANDOM << 15 | RANDOM ))} % (max - 2000) + 300 )) >/proc/sys/kernel/ns_last_pid',
    '} 2>/dev/null',
    ...(options.setup ? privateSetupScript(options.setup) : []),
    ...(options.umask === undefined ? [] : [`umask ${options.umask}`]),
    // bash's own notices about its child ("Killed", "Segmentation fault" and the line above) stay out of
    // the command's output: the command gets the saved stderr.
    'exec 3>&2 2>/dev/null',
    `${run} "\${vars[@]}" "$@" </dev/null 2>&3 3>&-`,
    // A last command after it: bash must not exec the command in its place.
    'exit $?',
  ].join('\n');
  // --norc: its stdin is a socket (node's pipes are socketpairs), and bash sources ~/.bashrc when it
  // thinks rshd started it.
  return [tools.bash, '--norc', '--noprofile', '-c', script, 'autoexp-namespace'];
}

/**
 * The ways to make the namespaces for this process's commands, best first.
 *
 * Containment alone changes nothing else: through sudo, a command keeps the sudo it would have had
 * (hosted runners allow it); in a user namespace setuid programs, sudo among them, do not work (the
 * kernel ignores their bit).
 *
 * `network-off` adds network, IPC and mount namespaces with private directories (see privateSetupScript),
 * and the command runs with no capability at all and no_new_privs: a non-root user through the uid
 * change, root by emptying its bounding and inheritable sets (an exec as uid 0 otherwise gets every
 * capability of the bounding set back). So it cannot unmount its /proc or private directories, mount,
 * enter another namespace (nsenter), or regain privilege through sudo or a setuid program.
 */
export function sandboxCandidates(
  identity: Identity,
  tools: IsolationTools,
  purpose: SandboxPurpose,
): SandboxCandidate[] {
  const { unshare, setpriv, bash, env, sudo, mount } = tools;
  const networkOff = purpose === 'network-off';
  if (!unshare || !bash || !env || (networkOff && (!setpriv || !mount))) return [];
  const known = { bash, env, ip: tools.ip };
  const { uid, gid } = identity;
  const root = uid === 0;
  const setup = (owner: string | undefined): PrivateSetup | undefined =>
    networkOff && mount
      ? {
          mount,
          readlink: tools.readlink ?? 'readlink',
          owner,
          root,
        }
      : undefined;
  const helper = (switchTo: string[], owner?: string): string[] =>
    namespaceHelper(known, switchTo, { loopback: networkOff, umask: identity.umask, setup: setup(owner) });
  const namespaces = [...(networkOff ? ['--net', '--ipc'] : []), '--pid', '--fork', '--mount-proc'];
  /**
   * A way autoexp starts unshare itself, made to die with autoexp (see diesWithAutoexp) when setpriv is
   * there; the plain one stays as its fallback.
   */
  const direct = (description: string, unshareArgs: string[]): SandboxCandidate => {
    const plain = { description, prefix: [unshare, ...unshareArgs], diesWithAutoexp: false };
    if (!setpriv) return plain;
    return {
      description,
      prefix: [setpriv, '--pdeathsig', 'KILL', '--', unshare, '--kill-child=KILL', ...unshareArgs],
      diesWithAutoexp: true,
      fallback: plain,
    };
  };
  const made = networkOff ? '--net' : '--pid';
  /** Every capability gone, for good: what the command runs under with `network-off`. */
  const noCapabilities = ['--no-new-privs', '--inh-caps=-all', '--bounding-set=-all'];
  /** As root: stay root, without capabilities. */
  const rootWithout = networkOff ? [setpriv as string, ...noCapabilities, '--'] : [];

  // Outer user namespace: we are root in it, can mount /proc and bring lo up; an inner one maps us back to
  // our own uid, so the command does not see itself as root (postgres, for one, refuses to run as root).
  // Root needs no inner one. --keep-caps: setpriv, exec'd as that uid, still may empty the bounding set.
  const userNamespace = direct(`unshare --user ${made} (unprivileged user namespace)`, [
    '--user',
    '--map-root-user',
    ...namespaces,
    '--',
    ...helper(
      root && networkOff
        ? rootWithout
        : [
            unshare,
            '--user',
            `--map-user=${uid}`,
            `--map-group=${gid}`,
            ...(networkOff ? ['--keep-caps', '--', setpriv as string, ...noCapabilities] : []),
            '--',
          ],
    ),
  ]);
  if (root)
    return [
      direct(`unshare ${made} (as root)`, [...namespaces, '--', ...helper(rootWithout)]),
      userNamespace,
    ];
  const candidates = [userNamespace];
  // From here on the namespaces are made as root and the command drops back to the user.
  if (!setpriv) return candidates;
  const dropToUser = [
    setpriv,
    `--reuid=${uid}`,
    `--regid=${gid}`,
    identity.groups.length > 0 ? `--groups=${identity.groups.join(',')}` : '--clear-groups',
    ...(networkOff ? noCapabilities : []),
    '--',
  ];
  const owner = `uid=${uid},gid=${gid}`;
  candidates.push(
    direct(`unshare ${made} (with CAP_SYS_ADMIN)`, [...namespaces, '--', ...helper(dropToUser, owner)]),
  );
  if (sudo)
    candidates.push({
      description: `sudo -n unshare ${made}`,
      prefix: [sudo, '-n', unshare, ...namespaces, '--', ...helper(dropToUser, owner)],
      diesWithAutoexp: false,
    });
  return candidates;
}

/**
 * The Unix sockets bound at a path on this machine (its network namespace), from /proc/net/unix, but
 * those in the private directories: what an `eval.network: off` helper covers. A path holding a newline
 * or not absolute (bound relative to some directory) cannot be told from the list and is left out.
 */
export function hostUnixSockets(): string[] {
  let table: string;
  try {
    table = readFileSync('/proc/net/unix', 'utf8');
  } catch {
    return [];
  }
  const found = new Set<string>();
  for (const line of table.split('\n').slice(1)) {
    // Num RefCount Protocol Flags Type St Inode Path: the path is the rest after seven fields.
    const path = /^(?:\S+\s+){7}(\/.*)$/.exec(line)?.[1];
    if (path && !PRIVATE_DIRECTORIES.some(([dir]) => path.startsWith(`${dir}/`))) found.add(path);
  }
  return [...found];
}

function environmentInput(env: Record<string, string>, hide: readonly string[]): Buffer {
  const records = Object.entries(env).map(([name, value]) => `${name}=${value}`);
  // An entry of the environment is never empty: an empty record ends it, the sockets to cover follow.
  if (hide.length > 0) records.push('', ...hide);
  return Buffer.from(records.map((record) => `${record}\0`).join(''));
}

/**
 * What to spawn so that `bash -c command` runs with exactly `env` inside the namespaces of `prefix`.
 * `hide`: Unix sockets an `eval.network: off` helper covers (hostUnixSockets); nothing for the others.
 */
export function sandboxInvocation(
  prefix: readonly string[],
  command: string,
  env: Record<string, string>,
  hide: readonly string[] = [],
): Invocation {
  const [file, ...rest] = prefix;
  if (file === undefined) throw new Error('a namespace without a command prefix');
  return {
    file,
    args: [...rest, 'bash', '-c', command],
    // The prefix runs with absolute paths; PATH only for what the user's tools may look up before env -i.
    env: { PATH: env.PATH ?? SYSTEM_DIRECTORIES.join(delimiter) },
    input: environmentInput(env, hide),
  };
}

export interface ProbeOutcome {
  ok: boolean;
  detail: string;
  /** What the way lacks, when it said ("a mount namespace for a private /tmp"). */
  needs?: string;
}

function readNamespace(kind: string): string {
  try {
    return readlinkSync(`/proc/self/ns/${kind}`);
  } catch {
    return '';
  }
}

/** The places the `network-off` probe runs in: a tree to write in, next to a file it must not see. */
interface ProbePlaces {
  base: string;
  tree: string;
  /** The tree lies in a private directory, so its neighbours must be out of sight. */
  inPrivate: boolean;
  /** The private directories this machine has (symbolic links resolved), as they must show inside. */
  privateDirectories: string[];
}

function probePlaces(): ProbePlaces {
  const base = mkdtempSync(join(tmpdir(), 'autoexp-probe-'));
  const tree = join(base, 'tree');
  mkdirSync(tree);
  // The command may run as another user than the one probing (sudo, or a test starting it as nobody).
  chmodSync(base, 0o755);
  chmodSync(tree, 0o777);
  writeFileSync(join(base, 'outside'), '');
  const privateDirectories = new Set<string>();
  for (const [path] of PRIVATE_DIRECTORIES)
    try {
      if (statSync(path).isDirectory()) privateDirectories.add(realpathSync(path));
    } catch {
      // not on this machine
    }
  const real = realpathSync(tree);
  const inPrivate = [...privateDirectories].some((dir) => real.startsWith(`${dir}/`));
  return { base, tree, inPrivate, privateDirectories: [...privateDirectories] };
}

/** The checks of the `network-off` probe beyond those of every probe (see probeSandbox). */
function networkOffChecks(places: ProbePlaces, expectedUid: number, umount: string | undefined): string[] {
  const quote = shellQuote;
  const host = (kind: string): string => quote(readNamespace(kind));
  const rootOnly = ROOT_READ_ONLY_PROC.filter((path) => existsSync(path));
  return [
    'mapfile -t ns < <(readlink /proc/self/ns/net /proc/self/ns/ipc /proc/self/ns/mnt)',
    `[ "\${ns[0]}" != ${host('net')} ] || needs "a network namespace" "it shares autoexp's"`,
    `[ "\${ns[1]}" != ${host('ipc')} ] || needs "an IPC namespace" "it shares autoexp's"`,
    `[ "\${ns[2]}" != ${host('mnt')} ] || needs "a mount namespace" "it shares autoexp's"`,
    // No capability, now or after an exec, and no way to gain one through setuid programs.
    "while IFS=$':\\t' read -r key value; do case $key in",
    '  Cap???) (( 16#$value == 0 )) || needs "a command without capabilities" "$key is $value";;',
    '  NoNewPrivs) [ "$value" = 1 ] || needs "no_new_privs" "no_new_privs is not set";;',
    'esac; done </proc/self/status',
    ...(umount
      ? [
          `${quote(umount)} -l /proc 2>/dev/null &&`,
          '  needs "a /proc that cannot be unmounted" "umount -l /proc succeeded"',
        ]
      : []),
    // What is mounted where, the last mount on a path winning.
    'declare -A fs opt',
    'while read -r _ _ _ _ m o rest; do',
    '  rest=" $rest" && rest=${rest#* - } && src=${rest#* } && fs[$m]="${rest%% *} ${src%% *}" && opt[$m]=$o',
    'done </proc/self/mountinfo',
    `for d in ${places.privateDirectories.map(quote).join(' ')}; do`,
    `  [ "\${fs[$d]}" = "tmpfs ${PRIVATE_MOUNT_SOURCE}" ] ||`,
    '    needs "a mount namespace for a private $d" "$d is not a fresh tmpfs (${fs[$d]:-not a mount of its own})"',
    'done',
    ...(expectedUid === 0
      ? [
          `for m in ${rootOnly.join(' ')} "\${!opt[@]}"; do case $m in ${rootOnly.join('|') || '/proc/sys'}|/sys|/sys/*)`,
          '  case ${opt[$m]} in ro|ro,*) ;; *) needs "a read-only $m" "$m is writable";; esac;;',
          'esac; done',
        ]
      : []),
    // The tree is the real one, in place, and writable; TMPDIR is made in the private /tmp.
    ': >probe-written || needs "a working directory it can write" "cannot write in $PWD"',
    ...(places.inPrivate
      ? ['[ ! -e ../outside ] || needs "a private /tmp" "what lies next to its working directory is visible"']
      : []),
    '[ -z "$TMPDIR" ] || { [ -d "$TMPDIR" ] && : >"$TMPDIR/probe"; } ||',
    '  needs "its TMPDIR" "TMPDIR=$TMPDIR is not a directory it can write"',
  ];
}

/**
 * Checks the whole chain, not just that unshare starts: the command must receive its environment, run as
 * the expected user, be the child of the namespace's first process and see no process outside the
 * namespace. With `network-off` also every property promised: only `lo`, network, IPC and mount
 * namespaces of its own, no capability and no_new_privs, a /proc it cannot unmount, the private
 * directories fresh tmpfs mounts, its working directory the real one and writable, TMPDIR made, and as
 * root the kernel's settings read-only.
 */
export async function probeSandbox(
  candidate: SandboxCandidate,
  expectedUid: number,
  purpose: SandboxPurpose,
  tools: IsolationTools = findIsolationTools(),
): Promise<ProbeOutcome> {
  const networkOff = purpose === 'network-off';
  let places: ProbePlaces | undefined;
  try {
    places = networkOff ? probePlaces() : undefined;
  } catch (error) {
    return { ok: false, detail: `cannot make a directory to probe in: ${(error as Error).message}` };
  }
  const check = [
    `needs() { echo "$2" >&2; printf '%s %s\\n' ${shellQuote(NEEDS)} "$1" >&2; exit 3; }`,
    '[ "$AUTOEXP_SANDBOX_PROBE" = yes ] || { echo "the environment did not pass through" >&2; exit 3; }',
    `[ "$EUID" = ${expectedUid} ] || { echo "ran as uid $EUID, not ${expectedUid}" >&2; exit 3; }`,
    ...(networkOff
      ? [
          '{ read -r; read -r; while IFS=: read -r name _; do name=${name// /}',
          '  [ "$name" = lo ] || needs "a network namespace" "network interface $name is visible"; done; } </proc/net/dev',
        ]
      : []),
    ...(places ? networkOffChecks(places, expectedUid, tools.umount) : []),
    `[ ! -e /proc/${process.pid} ] || [ ${process.pid} -le 10 ] || { echo "autoexp's process is visible" >&2; exit 3; }`,
    '[ "$PPID" = 1 ] || { echo "not in a PID namespace of its own" >&2; exit 3; }',
  ].join('\n');
  const tmp = places?.privateDirectories.includes('/tmp') ? `/tmp/autoexp-probe-${process.pid}` : undefined;
  const invocation = sandboxInvocation(candidate.prefix, check, {
    PATH: process.env.PATH ?? SYSTEM_DIRECTORIES.join(delimiter),
    AUTOEXP_SANDBOX_PROBE: 'yes',
    ...(tmp ? { TMPDIR: tmp } : {}),
  });
  try {
    const outcome = await runProbe(invocation, places?.tree);
    if (outcome.ok && places && !existsSync(join(places.tree, 'probe-written')))
      return {
        ok: false,
        detail: 'what it wrote in its working directory is not in the real one',
        needs: 'its working directory itself',
      };
    return outcome;
  } finally {
    if (places) rmSync(places.base, { recursive: true, force: true });
  }
}

/**
 * Probes a way, then its fallback when it fails: the way that works, without its fallback, or the
 * failure. When both fail for different reasons, both are given: the first may fail only for the
 * parent-death signals this util-linux lacks (`setpriv: unrecognized option '--pdeathsig'`), and the
 * fallback's reason is then the one that keeps the way from working at all.
 */
export async function probeWithFallback(
  candidate: SandboxCandidate,
  expectedUid: number,
  purpose: SandboxPurpose,
): Promise<{ way: SandboxCandidate } | { failed: ProbeOutcome }> {
  const { fallback, ...way } = candidate;
  const outcome = await probeSandbox(way, expectedUid, purpose);
  if (outcome.ok) return { way };
  if (!fallback) return { failed: outcome };
  const second = await probeSandbox(fallback, expectedUid, purpose);
  if (second.ok) return { way: fallback };
  if (second.detail === outcome.detail) return { failed: outcome };
  const needs = outcome.needs ?? second.needs;
  return {
    failed: {
      ok: false,
      detail: `${outcome.detail}; without the parent-death signals: ${second.detail}`,
      ...(needs === undefined ? {} : { needs }),
    },
  };
}

function runProbe(invocation: Invocation, cwd: string | undefined): Promise<ProbeOutcome> {
  return new Promise<ProbeOutcome>((resolve) => {
    let stderr = '';
    const child = spawn(invocation.file, invocation.args, {
      env: invocation.env,
      stdio: ['pipe', 'ignore', 'pipe'],
      ...(cwd ? { cwd } : {}),
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
      if (code === 0) return resolve({ ok: true, detail: '' });
      const lines = stderr.split('\n').map((line) => line.trim());
      const needs = lines.find((line) => line.startsWith(`${NEEDS} `))?.slice(NEEDS.length + 1);
      const said = lines.filter((line) => line && !line.startsWith(`${NEEDS} `)).join(' / ');
      const detail =
        said || (needs ? `needs ${needs}` : signal ? `killed by ${signal}` : `exit code ${code}`);
      resolve({ ok: false, detail, ...(needs ? { needs } : {}) });
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
    const found = await probeWithFallback(candidate, identity.uid, 'contain');
    if ('way' in found) return { kind: 'namespace', ...found.way };
    reasons.push(`${candidate.description}: ${found.failed.detail}`);
  }
  if (identity.uid !== 0 && !tools.sudo) reasons.push('sudo -n unshare --pid: sudo not found');
  if (identity.uid !== 0 && tools.sudo && !tools.setpriv) reasons.push('setpriv not found (util-linux)');
  return { kind: 'process-tree', reason: reasons.join('; ') || 'no way to try' };
}
