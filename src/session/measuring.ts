// Running the user's commands in experiment trees: eval.setup, the eval, eval.guard and eval.holdout.
// Each run is untrusted code (it runs the candidate), so each is contained the same way: the tree is
// sealed before it, and afterwards the repository's protected state (config, hooks, refs) and the tree
// (HEAD, branch, index, tracked files) are verified and put back. A run that changed any of them does
// not count: it is a crash with a reason that names what it changed. Files it left that git does not
// track are removed, except ignored ones (its own artifacts, setup's builds).
import { join } from 'node:path';
import type { Settings } from '../config/settings.js';
import { withFeedbackFile } from '../measure/feedback-file.js';
import { formatDuration, measure, measureInterleaved, type MeasureOptions } from '../measure/measure.js';
import type { NetworkIsolation } from '../measure/network.js';
import type { Measurement } from '../measure/types.js';
import type { ExperimentTree } from '../tree/experiment-tree.js';
import type { RepositoryGuard } from '../tree/guard.js';
import { SessionError } from './errors.js';
import { holdoutRegression, measureHoldout, runGuard, type GateResult } from './gates.js';
import type { Incumbent, Measured, SessionEvents } from './types.js';

export interface MeasurerOptions {
  settings: Settings;
  /** The eval's environment (no secrets). */
  env: Record<string, string>;
  signal: AbortSignal;
  network: NetworkIsolation | undefined;
  guard: RepositoryGuard;
  events: SessionEvents;
  /** Put back after every run: untrusted code can remove or rewrite the lock file like any other. */
  lock: { reassert(): Promise<boolean> };
}

/** What an untrusted run changed that it may not (empty: nothing). */
type Tampering = string[];

export class Measurer {
  constructor(private readonly options: MeasurerOptions) {}

  /**
   * Runs `run` in `trees` as untrusted code: seals them, and afterwards puts back and reports whatever it
   * changed that it may not. Untracked leftovers are removed.
   */
  async contained<T>(
    trees: readonly ExperimentTree[],
    run: () => Promise<T>,
    options: { setup?: boolean } = {},
  ): Promise<{ result: T; tampering: Tampering }> {
    const { guard, settings } = this.options;
    // With workers, another tree's eval may have written into this one meanwhile (same user, same disk):
    // what setup did not make goes before measuring.
    if (!options.setup && (settings.workers ?? 1) > 1) for (const tree of trees) await tree.removeArtifacts();
    for (const tree of trees) await tree.seal();
    await guard.begin();
    const tampering: Tampering = [];
    let result: T;
    try {
      result = await run();
    } finally {
      // Put back whatever the run changed even when it threw; the findings are read below.
      tampering.push(...(await guard.end()));
      if (await this.options.lock.reassert()) tampering.push("changed autoexp's lock");
    }
    for (const tree of trees) {
      const verified = await tree.verify({
        dropNewArtifacts: !options.setup,
        // Other trees' evals still running (workers) may be holding this tree's locks.
        othersRunning: guard.runsInFlight > 0,
      });
      tampering.push(...verified.moved);
      const tracked = verified.changed.filter((change) => change.code !== '??');
      if (tracked.length > 0) {
        const names = tracked.slice(0, 3).map((change) => change.path);
        tampering.push(
          `changed tracked files: ${names.join(', ')}${tracked.length > 3 ? ` (+${tracked.length - 3} more)` : ''}`,
        );
      }
      if (verified.changed.length > 0) await tree.resetTo();
    }
    return { result, tampering };
  }

  /** eval.setup in `tree` (once per tree that measures); throws SessionError when it fails. */
  async setup(tree: ExperimentTree): Promise<void> {
    const { settings, signal, env, events } = this.options;
    if (!settings.eval.setup) return;
    events.phase?.({ kind: 'setup' });
    const logPath = join(tree.scratchDir, 'setup.log');
    const { result: setup, tampering } = await this.contained(
      [tree],
      () =>
        measure({
          command: settings.eval.setup!,
          cwd: tree.path,
          env,
          timeoutMs: settings.eval.timeoutMs,
          repeats: 1,
          metrics: [],
          logPath,
          signal,
        }),
      { setup: true },
    );
    await tree.noteSetupArtifacts();
    if (setup.outcome === 'aborted') throw new SessionError('cancelled during eval.setup');
    if (setup.outcome !== 'measured') {
      throw new SessionError(
        `eval.setup failed (${setup.reason}); its output is in ${logPath}:\n${setup.logTail}`,
      );
    }
    // Setup may rewrite tracked files (a lock file, say): they were put back, which is what the eval sees.
    const planted = tampering.filter((what) => !what.startsWith('changed tracked files'));
    if (planted.length > 0)
      events.notice?.(`eval.setup changed what it may not, and autoexp put it back: ${planted.join('; ')}`);
  }

  /**
   * `repeats` runs of the eval in `tree`, or fewer when `enough` says the samples so far are enough
   * (decide.noise sequential).
   */
  async measure(
    tree: ExperimentTree,
    experiment: number | 'incumbent',
    onRun?: (run: number) => void,
    options: { repeats?: number; enough?: MeasureOptions['enough'] } = {},
  ): Promise<Measurement> {
    const { settings, signal, env, network } = this.options;
    const { result, tampering } = await this.contained([tree], () =>
      withFeedback(tree.path, (feedbackFile) =>
        measure({
          command: settings.eval.command,
          cwd: tree.path,
          env: { ...env, AUTOEXP_EXPERIMENT: String(experiment), AUTOEXP_FEEDBACK_FILE: feedbackFile },
          timeoutMs: settings.eval.timeoutMs,
          repeats: options.repeats ?? settings.eval.repeats,
          metrics: settings.metrics,
          logPath: join(tree.scratchDir, 'eval.log'),
          signal,
          network,
          onRun,
          enough: options.enough,
        }),
      ),
    );
    return tainted(result, tampering);
  }

  /** The candidate's runs, and the incumbent measurement to compare them with (fresh when interleaved). */
  async measureCandidate(
    tree: ExperimentTree,
    experiment: number,
    incumbent: Incumbent,
    incumbentTree: () => Promise<ExperimentTree>,
    onRun?: (run: number) => void,
    enough?: MeasureOptions['enough'],
  ): Promise<Measured> {
    const { settings, signal, env, network } = this.options;
    if (!settings.eval.interleave || settings.eval.repeats < 2) {
      return { candidate: await this.measure(tree, experiment, onRun, { enough }), incumbent };
    }
    const other = await incumbentTree();
    const runEnv = { ...env, AUTOEXP_EXPERIMENT: String(experiment) };
    // Each side writes feedback in its own tree (a sandbox shows a command its own tree only); the
    // candidate's is kept.
    const { result: pair, tampering } = await this.contained([tree, other], async () => {
      const measured = await withFeedbackFile(tree.path, (feedbackFile) =>
        withFeedbackFile(other.path, (incumbentFeedbackFile) =>
          measureInterleaved({
            command: settings.eval.command,
            cwd: tree.path,
            incumbentCwd: other.path,
            env: { ...runEnv, AUTOEXP_FEEDBACK_FILE: feedbackFile },
            incumbentEnv: { ...runEnv, AUTOEXP_FEEDBACK_FILE: incumbentFeedbackFile },
            timeoutMs: settings.eval.timeoutMs,
            repeats: settings.eval.repeats,
            metrics: settings.metrics,
            logPath: join(tree.scratchDir, 'eval.log'),
            signal,
            network,
            onRun,
          }),
        ).then(({ result }) => result),
      );
      return {
        ...measured.result,
        candidate: withFeedbackText(measured.result.candidate, measured.feedback),
      };
    });
    const candidate = tainted(pair.candidate, tampering);
    if (pair.incumbent.outcome !== 'measured' || candidate.outcome !== 'measured')
      return { candidate, incumbent };
    return {
      candidate,
      incumbent: {
        commit: incumbent.commit,
        metrics: pair.incumbent.metrics,
        samples: pair.incumbent.samples,
      },
    };
  }

  /** eval.guard on the candidate in `tree`. */
  async guard(tree: ExperimentTree, experiment: number): Promise<GateResult> {
    const { settings } = this.options;
    if (!settings.eval.guard) return { passed: true };
    const { result, tampering } = await this.contained([tree], async () => {
      const guarded = await withFeedbackFile(tree.path, (feedbackFile) =>
        runGuard(settings.eval.guard!, this.gateContext(tree, experiment, feedbackFile)),
      );
      const { result: gate, feedback } = guarded;
      return gate !== 'cancelled' && !gate.passed && feedback ? { ...gate, feedback } : gate;
    });
    if (result === 'cancelled' || tampering.length === 0) return result;
    return { passed: false, reason: describeTampering('eval.guard', tampering), logTail: '' };
  }

  /** eval.holdout in `tree` (never shown to proposers). */
  async holdout(tree: ExperimentTree, experiment: number | 'incumbent'): Promise<Measurement> {
    const { settings } = this.options;
    // The holdout gets a feedback file like the eval, but what it writes is dropped: nothing of the holdout
    // reaches the proposer.
    const { result, tampering } = await this.contained([tree], async () => {
      const measured = await withFeedbackFile(tree.path, (feedbackFile) =>
        measureHoldout(
          settings.eval.holdout!,
          settings.metrics,
          this.gateContext(tree, experiment, feedbackFile),
        ),
      );
      return measured.result;
    });
    return tainted(result, tampering, 'eval.holdout');
  }

  private gateContext(tree: ExperimentTree, experiment: number | 'incumbent', feedbackFile: string) {
    const { settings, signal, env, network } = this.options;
    return {
      cwd: tree.path,
      env: { ...env, AUTOEXP_EXPERIMENT: String(experiment), AUTOEXP_FEEDBACK_FILE: feedbackFile },
      timeoutMs: settings.eval.timeoutMs,
      logPath: join(tree.scratchDir, 'gate.log'),
      signal,
      network,
    };
  }
}

/** A measurement with what its runs wrote to AUTOEXP_FEEDBACK_FILE (src/measure/feedback-file.ts). */
async function withFeedback(
  cwd: string,
  run: (feedbackFile: string) => Promise<Measurement>,
): Promise<Measurement> {
  const { result, feedback } = await withFeedbackFile(cwd, run);
  return withFeedbackText(result, feedback);
}

function withFeedbackText(measurement: Measurement, feedback: string): Measurement {
  return feedback === '' ? measurement : { ...measurement, feedback };
}

function describeTampering(what: string, tampering: Tampering): string {
  return `${what} changed what it may not (autoexp put it back): ${tampering.join('; ')}`;
}

/** A measurement whose run tampered with the repository is a crash, whatever it printed. */
function tainted(measurement: Measurement, tampering: Tampering, what = 'the eval'): Measurement {
  if (tampering.length === 0 || measurement.outcome === 'aborted') return measurement;
  return {
    outcome: 'crash',
    reason: describeTampering(what, tampering),
    wallTimeMs: measurement.wallTimeMs,
    logTail: measurement.logTail,
    samples: measurement.samples,
    ...(measurement.feedback === undefined ? {} : { feedback: measurement.feedback }),
  };
}

export { formatDuration, holdoutRegression };
