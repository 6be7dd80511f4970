// The validated, defaulted form of autoexp.yml (docs/format.md) that the rest of autoexp reads.
// Durations are milliseconds; paths are relative to the repository root, with forward slashes.

export type Goal = 'maximize' | 'minimize';

/** How a metric's value is read from the eval's output (`metrics[].pattern|json|stdout`). */
export type MetricExtraction =
  | { kind: 'line' } // default: last line matching ^<name>:\s*<number>
  | { kind: 'pattern'; regex: string } // one capture group, last match wins
  | { kind: 'json'; path: string } // dotted path into the last JSON object printed
  | { kind: 'stdout' }; // the whole trimmed stdout is the number

export interface MetricSpec {
  name: string;
  goal: Goal;
  min?: number;
  max?: number;
  extract: MetricExtraction;
}

/** `decide.min-delta`: an absolute number, or a fraction of the incumbent's value ("0.5%" -> 0.005). */
export type MinDelta = { kind: 'absolute'; value: number } | { kind: 'relative'; fraction: number };

export interface DecideSettings {
  rule: 'primary' | 'pareto' | 'weighted' | 'lexicographic';
  weights: Record<string, number>;
  minDelta: MinDelta;
  noise: 'none' | 'stddev' | 'welch' | 'sequential';
  alpha: number;
  /** noise sequential: the most runs a candidate may take (eval.repeats); absent with the other tests. */
  maxRuns?: number;
  simplicity: boolean;
}

export interface EvalSettings {
  command: string;
  timeoutMs: number;
  repeats: number;
  setup?: string;
  guard?: string;
  holdout?: string;
  interleave: boolean;
  network: 'on' | 'off';
}

export interface BudgetSettings {
  experiments: number;
  timeMs: number;
  consecutiveCrashes: number;
  costUsd: number;
}

export type ProposerSettings =
  | {
      kind: 'mutate';
      seed: number;
      /** The first relative step of a literal (0.3: 300 -> 390 or 231). */
      step: number;
      /** A jump is this many times the literal's step (docs/mutate.md). */
      jump: number;
    }
  | { kind: 'command'; run: string }
  | {
      kind: 'llm';
      provider: 'openai' | 'anthropic';
      model: string;
      baseUrl?: string;
      apiKeyEnv: string;
      price?: { input: number; output: number };
      crashRetries: number;
    };

/** GitHub's `author_association` of a comment's author with the repository. */
export const AUTHOR_ASSOCIATIONS = [
  'OWNER',
  'MEMBER',
  'COLLABORATOR',
  'CONTRIBUTOR',
  'FIRST_TIME_CONTRIBUTOR',
  'FIRST_TIMER',
  'MANNEQUIN',
  'NONE',
] as const;

export type AuthorAssociation = (typeof AUTHOR_ASSOCIATIONS)[number];

/** The associations that have write access to the repository: the default of `pr.steer-from`. */
export const WRITE_ACCESS: readonly AuthorAssociation[] = ['OWNER', 'MEMBER', 'COLLABORATOR'];

export interface PrSettings {
  enabled: boolean;
  draft: boolean;
  labels: string[];
  reopen: boolean;
  /** Whose comments on the summary PR reach the proposer as reviewer notes; empty: nobody's. */
  steerFrom: AuthorAssociation[];
}

export interface StageSettings {
  name: string;
  /** Globs this stage may change; files of earlier stages stay frozen even when they match. */
  modify: string[];
  /** Names of top-level metrics this stage decides on; the first is its primary. */
  metrics: string[];
  /** Experiments the stage may run over all sessions; Infinity when only plateau ends it. */
  experiments: number;
  /** The stage ends after this many experiments in a row without a keep; 0: only its budget ends it. */
  plateau: number;
}

/** `stop:`: when the program as a whole ends (target) or waits for a person (plateau). */
export interface StopSettings {
  /** The primary metric reaching this, in its goal's direction, ends the program. */
  target?: number;
  /** This many experiments in a row without a keep, across sessions, pause the program. */
  plateau?: number;
}

export interface Settings {
  /** Absolute path of the autoexp.yml that was loaded. */
  configPath: string;
  tag: string;
  /** Undefined: the front end picks (remote default branch for the action, current branch for the CLI). */
  base?: string;
  /** program.md, when configured or present. `path` is relative to the repository root. */
  program?: { path: string; text: string };
  scope: { modify: string[]; context: string[] };
  eval: EvalSettings;
  metrics: MetricSpec[];
  decide: DecideSettings;
  explore: { every: number; stuckAfter: number };
  /** hill: every proposal starts from the best; tree: from a node chosen by src/search/ (docs/search.md). */
  search: 'hill' | 'tree';
  budget: BudgetSettings;
  proposer: ProposerSettings;
  /** Directory of results.tsv and experiments/, relative to the repository root. */
  results: { dir: string };
  pr: PrSettings;
  /** The pipeline variant: stages run in order, earlier stages' files frozen (docs/scale.md). */
  stages?: StageSettings[];
  /** Candidates proposed and measured at once, each in its own worktree (docs/scale.md); default 1. */
  workers?: number;
  /** `stop:`: the program's end (target) and pause (plateau); absent: it runs on the budget alone. */
  stop?: StopSettings;
  /** `track:`: run as this track of the tag. Front ends apply it with chooseTrack (track.ts). */
  track?: string;
}
