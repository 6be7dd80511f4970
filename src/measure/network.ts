// `eval.network: off`: the eval, guard and holdout run in a sandbox with no way out: a fresh network
// namespace with only loopback (brought up: an eval may start a server or database of its own on
// localhost), an IPC namespace, and a mount namespace in which /tmp, /var/tmp, /run, /dev/shm are fresh
// and empty and the machine's other Unix sockets are covered; the command has no capability at all, so
// it cannot unmount any of it, mount, or enter another namespace. It comes with the PID namespace every
// command gets (sandbox.ts): the same helper, the same ways to make it, probed in the same order, and the
// probe checks every one of these properties. When no way works the caller gets an error that says what
// is missing; a run never silently gets less.
import {
  currentIdentity,
  findIsolationTools,
  probeWithFallback,
  sandboxCandidates,
  sandboxInvocation,
  type Identity,
  type Invocation,
  type IsolationTools,
  type SandboxCandidate,
  hostUnixSockets,
} from './sandbox.js';

export { currentIdentity, findIsolationTools };
export type { Identity, Invocation, IsolationTools };

export type NetworkIsolation =
  | { kind: 'none' }
  | {
      kind: 'unshare';
      /** How it was made, for logs: "unshare --net (as root)", "sudo -n unshare --net", … */
      description: string;
      /**
       * Run `[...prefix, 'bash', '-c', command]` with the environment NUL-separated on stdin
       * (see isolatedInvocation); the command then runs in a fresh network namespace with only `lo`.
       */
      prefix: string[];
      /** The namespace ends when autoexp's process ends, even killed outright (see SandboxCandidate). */
      diesWithAutoexp: boolean;
    };

/** One way to make a namespace, tried by probeNetworkIsolation. */
export type IsolationCandidate = SandboxCandidate;

const ADVICE =
  'Run on Linux with unprivileged user namespaces, as root, or with passwordless sudo — or set eval.network: on';

/**
 * The ways to isolate this process's commands from the network, best first (see sandboxCandidates):
 * as root plain `unshare --net` first, then a user namespace, then (not as root) sudo.
 */
export function isolationCandidates(identity: Identity, tools: IsolationTools): IsolationCandidate[] {
  return sandboxCandidates(identity, tools, 'network-off');
}

/**
 * What to spawn so that `bash -c command` runs with exactly `env` inside the namespace, with the
 * machine's Unix sockets as they are now covered.
 */
export function isolatedInvocation(
  isolation: Extract<NetworkIsolation, { kind: 'unshare' }>,
  command: string,
  env: Record<string, string>,
): Invocation {
  if (isolation.prefix.length === 0) throw new Error('network isolation without a command prefix');
  return sandboxInvocation(isolation.prefix, command, env, hostUnixSockets());
}

/** What every way lacked: the first way's own need, else the first namespace unshare makes. */
function failure(reasons: string[], needs = 'a network namespace'): Error {
  return new Error(
    `eval.network: off needs ${needs}, and none could be made: ${reasons.join('; ')}. ${ADVICE}`,
  );
}

/** Tries the candidates in order and returns the first that works; throws saying why each failed. */
export async function probeNetworkIsolation(
  candidates: readonly IsolationCandidate[],
  expectedUid: number,
  notTried: readonly string[] = [],
): Promise<NetworkIsolation> {
  const reasons: string[] = [];
  let needs: string | undefined;
  for (const candidate of candidates) {
    const found = await probeWithFallback(candidate, expectedUid, 'network-off');
    if ('way' in found) {
      const { description, prefix, diesWithAutoexp } = found.way;
      return { kind: 'unshare', description, prefix, diesWithAutoexp };
    }
    const outcome = found.failed;
    needs ??= outcome.needs;
    const also = outcome.needs && outcome.needs !== needs ? ` (needs ${outcome.needs})` : '';
    reasons.push(`${candidate.description}: ${outcome.detail}${also}`);
  }
  reasons.push(...notTried);
  if (reasons.length === 0) reasons.push('no way to try');
  throw failure(reasons, needs);
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
  const missing = (['unshare', 'setpriv', 'mount', 'bash', 'env'] as const).filter((name) => !tools[name]);
  if (missing.length > 0)
    throw failure(
      [`${missing.join(', ')} not found (unshare, setpriv and mount are in util-linux)`],
      missing.join(', '),
    );
  const identity = currentIdentity();
  const notTried = identity.uid !== 0 && !tools.sudo ? ['sudo -n unshare --net: sudo not found'] : [];
  return await probeNetworkIsolation(isolationCandidates(identity, tools), identity.uid, notTried);
}
