// Tracks (docs/workflows.md): one tag explored along several lines at once, each on a branch and ledger of
// its own, later replayed onto the tag's branch by `autoexp combine`. This is the one place that says
// where a track lives: a track run is a run whose tag is `<tag>.<track>`, so its branch is
// autoexp/<tag>.<track> (branchName) and its ledger `<results.dir>.<track>` — `.autoexp/<tag>.<track>`
// by default, `bench/ledger.fast` for `results.dir: bench/ledger`.
import type { Settings } from './settings.js';

/** Why `name` cannot be a track name (the rules of tag: it becomes part of a branch name), or undefined. */
export function trackNameProblem(name: string): string | undefined {
  const valid =
    /^[a-z0-9][a-z0-9._-]{0,62}$/.test(name) &&
    !name.includes('..') &&
    !name.endsWith('.lock') &&
    !name.endsWith('.');
  return valid
    ? undefined
    : `"${name}" is not a valid track name: use up to 63 lowercase letters, digits, ".", "_" and "-", starting with a letter or digit`;
}

export interface TrackChoice {
  /** The settings to run with: for a track, its tag and ledger directory. `track` is cleared. */
  settings: Settings;
  /** The track this run is on, or undefined for a run on the tag itself. */
  track?: string;
  /** The tag the track belongs to (the combine's branch is autoexp/<tag>). */
  tag: string;
}

/**
 * The run's track: `--track` or the action's `track` input when given, else autoexp.yml's `track:`.
 * Call it once per run, on the settings as loaded.
 */
export function chooseTrack(settings: Settings, requested: string | undefined): TrackChoice {
  const { track: configured, ...rest } = settings;
  const track = requested ?? configured;
  if (track === undefined) return { settings: rest, tag: settings.tag };
  return { settings: withTrack(rest, track), track, tag: settings.tag };
}

/** Track `track` of these (tag-level) settings. */
export function withTrack(settings: Settings, track: string): Settings {
  return {
    ...settings,
    tag: `${settings.tag}.${track}`,
    results: { ...settings.results, dir: `${settings.results.dir}.${track}` },
  };
}
