// What `autoexp combine` replays (docs/workflows.md, tracks): the kept commits of each track, read from
// the track's ledger on its branch, minus those an earlier combine already tried.
//
// Order: tracks with the larger total gain first; within a track, its keeps in the order they were
// made. A track's later keep was made on top of its earlier ones and usually needs them (the same line
// changed twice), so sorting single commits across a track would turn good chains into conflicts.
import type { Settings } from '../config/settings.js';
import { gainOverIncumbent } from '../decide/compare.js';
import { withTrack } from '../config/track.js';
import type { Git } from '../git/git.js';
import { readCommittedLedger } from '../session/branch-ledger.js';
import { branchName } from '../session/session.js';

export interface ReplayItem {
  track: string;
  /** The experiment's number in the track's ledger. */
  experiment: number;
  /** Full sha of the kept commit on the track's branch. */
  commit: string;
  /** The track's description of it. */
  description: string;
  /** Relative gain of the primary metric over the incumbent it was measured against (ordering only). */
  gain: number;
}

export interface CombinePlan {
  queue: ReplayItem[];
  /** Kept commits an earlier combine already replayed (kept or not): they are not tried again. */
  alreadyTried: number;
  /** One line per track that has nothing to give, saying why. */
  notes: string[];
}

export interface PlanOptions {
  git: Git;
  /** The tag's settings (not a track's). */
  settings: Settings;
  tracks: readonly string[];
  /** Where a branch is read from, first existing ref wins (e.g. the local branch, then origin's copy). */
  refsOf: (branch: string) => string[];
}

/** `combine: <track>#<n> <the track's description>`: how replays are described in the tag's ledger. */
export function replayDescription(item: Pick<ReplayItem, 'track' | 'experiment' | 'description'>): string {
  return `combine: ${item.track}#${item.experiment} ${item.description}`;
}

const REPLAYED = /^combine: ([a-z0-9._-]+)#(\d+)(?: |$)/;

export async function planCombine(options: PlanOptions): Promise<CombinePlan> {
  const { git, settings } = options;
  const metricNames = settings.metrics.map((metric) => metric.name);
  const tried = new Set<string>();
  const tagLedger = await readFirst(
    git,
    options.refsOf(branchName(settings.tag)),
    settings.results.dir,
    metricNames,
  );
  for (const row of tagLedger?.rows ?? []) {
    const match = REPLAYED.exec(row.description);
    if (match) tried.add(`${match[1]}#${match[2]}`);
  }

  const notes: string[] = [];
  let alreadyTried = 0;
  const perTrack: { items: ReplayItem[]; gain: number }[] = [];
  for (const track of options.tracks) {
    const trackSettings = withTrack(settings, track);
    const branch = branchName(trackSettings.tag);
    const ledger = await readFirst(git, options.refsOf(branch), trackSettings.results.dir, metricNames);
    if (!ledger) {
      notes.push(`track ${track}: no ledger on ${branch} (has the track run and pushed?)`);
      continue;
    }
    const keeps = (await ledger.records()).filter(
      (record) => record.status === 'keep' && record.experiment > 0,
    );
    const items: ReplayItem[] = [];
    for (const record of keeps) {
      if (tried.has(`${track}#${record.experiment}`)) {
        alreadyTried++;
        continue;
      }
      const commit = await git.resolve(record.commit);
      if (commit === undefined) {
        notes.push(
          `track ${track}: kept commit ${record.commit} of #${record.experiment} not found; skipped`,
        );
        continue;
      }
      items.push({
        track,
        experiment: record.experiment,
        commit,
        description: record.description,
        gain: gainOverIncumbent(record, settings.metrics[0]!) ?? 0,
      });
    }
    if (keeps.length === 0) notes.push(`track ${track}: nothing kept yet`);
    if (items.length > 0) perTrack.push({ items, gain: items.reduce((sum, item) => sum + item.gain, 0) });
  }
  // Stable: tracks with equal gains keep the order they were named in.
  perTrack.sort((a, b) => b.gain - a.gain);
  return { queue: perTrack.flatMap((track) => track.items), alreadyTried, notes };
}

/**
 * How the combine session must run: one replay per experiment, none of them kept for exploration's
 * sake, and conflicts (recorded as invalid) must not end it early.
 */
export function combineSettings(settings: Settings, replays: number): Settings {
  return {
    ...settings,
    explore: { ...settings.explore, every: 0 },
    budget: {
      ...settings.budget,
      experiments: Math.max(1, replays),
      consecutiveCrashes: Math.max(settings.budget.consecutiveCrashes, replays),
    },
    // Each replay is measured on top of the ones kept before it: one at a time.
    workers: 1,
  };
}

/** The ledger on the first of `refs` that exists. */
async function readFirst(git: Git, refs: string[], dir: string, metricNames: string[]) {
  for (const ref of refs) {
    if (await git.resolve(ref)) return readCommittedLedger(git, ref, dir, metricNames);
  }
  return undefined;
}
