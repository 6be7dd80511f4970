// Where a new track starts. A track that does not exist yet starts from autoexp/<tag> when that exists —
// the combined best, so a new round of tracks explores from there — and otherwise from base, as any
// new branch does. An existing track keeps its history (and merges base when base moved, as any branch).
import type { Git } from '../git/git.js';

export interface TrackStart {
  trackBranch: string;
  /** Refs that mean the track exists already (its local branch; the remote's copy when the run pushes). */
  trackRefs: string[];
  /** Refs of autoexp/<tag> to start from, first existing wins. */
  tagRefs: string[];
}

/** Creates the track's local branch at autoexp/<tag> when it is new; returns the ref it started from. */
export async function startTrackBranch(git: Git, start: TrackStart): Promise<string | undefined> {
  for (const ref of start.trackRefs) if (await git.resolve(ref)) return undefined;
  for (const ref of start.tagRefs) {
    const tip = await git.resolve(ref);
    if (tip === undefined) continue;
    await git.createBranch(start.trackBranch, tip);
    return ref;
  }
  return undefined;
}
