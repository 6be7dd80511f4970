// autoexp.yml text -> Settings (docs/format.md), without touching the file system: the caller supplies
// how program.md is read. Every problem in the file is collected and thrown as one ConfigError.
import { MAX_EXPERIMENTS, MAX_REPEATS, MAX_WORKERS } from './limits.js';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError, type ConfigProblem } from './errors.js';
import {
  readBoolean,
  readChoice,
  readDuration,
  readInteger,
  readNumber,
  readString,
  readStringList,
  reportRequired,
  isUnset,
} from './fields.js';
import { readDecide } from './parse-decide.js';
import { parseMetrics } from './parse-metrics.js';
import { parseProposer } from './parse-proposer.js';
import { parseStages } from './parse-stages.js';
import { parseStop } from './parse-stop.js';
import { trackNameProblem } from './track.js';
import { directoryPathProblem, normalizeRepoPath, repoPathProblem } from './paths.js';
import { ConfigReader, describeValue, type Field } from './reader.js';
import {
  AUTHOR_ASSOCIATIONS,
  WRITE_ACCESS,
  type AuthorAssociation,
  type EvalSettings,
  type Settings,
} from './settings.js';
import { didYouMean } from './suggest.js';
import { NOT_SUPPORTED_YET, type LaterKeys, type NotSupportedYet } from './unsupported.js';

export interface ParseOptions {
  /** How the file is named in messages, e.g. `autoexp.yml`. */
  fileName: string;
  /** Absolute path of the file, stored in Settings.configPath. */
  configPath: string;
  /** The text of a repository-relative file, or undefined when it does not exist. */
  readProgram: (path: string) => string | undefined;
  /** Features rejected as not supported yet; defaults to NOT_SUPPORTED_YET (tests pass [] to see the full parse). */
  notSupportedYet?: readonly NotSupportedYet[];
}

const TOP_LEVEL_KEYS = [
  'version',
  'tag',
  'base',
  'program',
  'scope',
  'eval',
  'metrics',
  'decide',
  'explore',
  'search',
  'budget',
  'proposer',
  'results',
  'pr',
  'workers',
  'stages',
  'track',
  'stop',
];
const TAG = /^[a-z0-9][a-z0-9._-]{0,62}$/;
const DEFAULT_PROGRAM = 'program.md';
const MINUTE_MS = 60_000;

export function parseSettings(text: string, options: ParseOptions): Settings {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigError(
      options.fileName,
      document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return {
          keyPath: '',
          message: `YAML syntax error at line ${line}, column ${col}: ${error.message}`,
          line,
          column: col,
        };
      }),
    );
  }
  const reader = new ConfigReader(document, lineCounter);
  const root = reader.root();
  const rootValue = reader.value(root);
  if (rootValue.kind === 'absent' || rootValue.kind === 'empty') {
    throw new ConfigError(options.fileName, [
      {
        keyPath: '',
        message:
          'is empty; it needs at least tag, scope.modify, eval.command and metrics (run `autoexp init` for a starting point)',
      },
    ]);
  }
  const entries = reader.mapping(root, TOP_LEVEL_KEYS);
  if (!entries) throw new ConfigError(options.fileName, reader.problems);
  const field = (key: string): Field => reader.child(root, entries, key);

  readVersion(reader, field('version'));
  const tag = readTag(reader, field('tag'));
  const base = readBase(reader, field('base'));
  const program = readProgram(reader, field('program'), options.readProgram);
  const scope = readScope(reader, field('scope'));
  const evalSettings = readEval(reader, field('eval'));
  const metrics = parseMetrics(reader, field('metrics'));
  const decide = readDecide(reader, field('decide'), metrics, evalSettings);
  const explore = readExplore(reader, field('explore'));
  const search = readChoice(reader, field('search'), ['hill', 'tree'], 'hill');
  const budget = readBudget(reader, field('budget'));
  const proposer = parseProposer(reader, field('proposer'));
  const results = readResults(reader, field('results'), tag);
  const pr = readPr(reader, field('pr'));
  const later = readLaterKeys(reader, field);
  const stages = parseStages(reader, field('stages'), metrics);
  const stop = parseStop(reader, field('stop'));

  const settings: Settings = {
    configPath: options.configPath,
    tag: tag ?? '',
    ...(base === undefined ? {} : { base }),
    ...(program === undefined ? {} : { program }),
    scope,
    eval: evalSettings,
    metrics,
    decide,
    explore,
    search,
    budget,
    proposer,
    results,
    pr,
    ...(later.workers !== undefined && later.workers > 1 ? { workers: later.workers } : {}),
    ...(stages === undefined ? {} : { stages }),
    ...(later.track === undefined ? {} : { track: later.track }),
    ...(stop === undefined ? {} : { stop }),
  };
  if (later.workers !== undefined && later.workers > 1 && evalSettings.interleave) {
    reader.report(
      reader.locate('workers'),
      'workers > 1 cannot be combined with eval.interleave (interleaving needs the machine to itself); use one of them',
    );
  }
  if (search === 'tree' && explore.every > 0) {
    reader.report(
      reader.locate('explore.every'),
      'search: tree keeps worse experiments as nodes off the branch already; remove explore.every (or use search: hill)',
    );
  }
  for (const feature of options.notSupportedYet ?? NOT_SUPPORTED_YET) {
    if (feature.isUsed({ settings, later }))
      reader.report(reader.locate(feature.keyPath), `not supported yet (${feature.note})`);
  }
  if (reader.problems.length > 0) throw new ConfigError(options.fileName, inFileOrder(reader.problems));
  return settings;
}

/** Problems about the file as a whole first, then by position, so the list reads top to bottom. */
function inFileOrder(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const key = (problem: ConfigProblem): number => (problem.line ?? 0) * 1e6 + (problem.column ?? 0);
  return [...problems].sort((a, b) => key(a) - key(b));
}

function readVersion(reader: ConfigReader, field: Field): void {
  const value = reader.value(field);
  if (value.kind === 'absent') return;
  if (value.kind === 'scalar' && (value.value === 1 || value.value === '1')) return;
  reader.report(field, `only version 1 exists, got ${describeValue(value)}`);
}

function readTag(reader: ConfigReader, field: Field): string | undefined {
  const tag = readString(reader, field, {
    hint: 'a short name such as cache-tuning; the branch is autoexp/<tag>',
  });
  if (tag === undefined) return undefined;
  if (!TAG.test(tag)) {
    reader.report(
      field,
      `"${tag}" is not a valid tag: use up to 63 lowercase letters, digits, ".", "_" and "-", starting with a letter or digit`,
    );
    return undefined;
  }
  // The tag is a git ref component (autoexp/<tag>), which git restricts further.
  const refProblem = tag.includes('..')
    ? 'contains ".."'
    : tag.endsWith('.lock')
      ? 'ends with ".lock"'
      : tag.endsWith('.')
        ? 'ends with "."'
        : undefined;
  if (refProblem) {
    reader.report(
      field,
      `"${tag}" is not a valid tag: it ${refProblem}, which git does not allow in a branch name`,
    );
    return undefined;
  }
  return tag;
}

/**
 * Why `name` cannot be a branch by git's rules (git check-ref-format --branch), or undefined when it can.
 * `base` is a branch: where autoexp/<tag> starts and what the pull request targets; a revision such as
 * HEAD~1 or a tag would start the branch somewhere no pull request can go back to.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name === 'HEAD' || name === '@') return `is not a branch but git's name for the current commit`;
  if (name.startsWith('-')) return 'starts with "-"';
  // eslint-disable-next-line no-control-regex
  const character = /[\x00-\x20\x7f~^:?*[\\]/.exec(name)?.[0];
  if (character !== undefined)
    return `contains ${character.trim() === '' || character === '\x7f' ? 'a space or control character' : `"${character}"`}`;
  if (name.includes('..')) return 'contains ".."';
  if (name.includes('@{')) return 'contains "@{"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return 'has an empty part between "/"';
  if (name.endsWith('.')) return 'ends with "."';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `has a part that starts with "." (${part})`;
    if (part.endsWith('.lock')) return `has a part that ends with ".lock" (${part})`;
  }
  return undefined;
}

function readBase(reader: ConfigReader, field: Field): string | undefined {
  const base = readString(reader, field);
  if (base === undefined) return undefined;
  const problem = branchNameProblem(base);
  if (problem) {
    reader.report(
      field,
      `"${base}" is not a branch name: it ${problem}. base is the branch autoexp/<tag> starts from and the pull request targets, such as main`,
    );
    return undefined;
  }
  return base;
}

function readProgram(
  reader: ConfigReader,
  field: Field,
  readFile: (path: string) => string | undefined,
): Settings['program'] {
  if (isUnset(reader, field)) {
    const text = readFile(DEFAULT_PROGRAM);
    return text === undefined ? undefined : { path: DEFAULT_PROGRAM, text };
  }
  const configured = readString(reader, field, { hint: 'the path of your program.md, or remove the key' });
  if (configured === undefined) return undefined;
  const problem = repoPathProblem(configured);
  if (problem) {
    reader.report(field, problem);
    return undefined;
  }
  const path = normalizeRepoPath(configured);
  const text = readFile(path);
  if (text === undefined) {
    reader.report(
      field,
      `file "${path}" not found (paths are relative to the repository root); create it or remove the key`,
    );
    return undefined;
  }
  return { path, text };
}

function readGlobs(reader: ConfigReader, field: Field): string[] | undefined {
  const globs = readStringList(reader, field, 'globs', repoPathProblem);
  return globs?.map(normalizeRepoPath);
}

function readScope(reader: ConfigReader, field: Field): Settings['scope'] {
  if (isUnset(reader, field)) {
    reportRequired(reader, field, 'scope.modify: the globs an experiment may change');
    return { modify: [], context: [] };
  }
  const child = reader.section(field, ['modify', 'context']);
  const modifyField = child('modify');
  const given = reader.value(modifyField);
  const modify = readGlobs(reader, modifyField);
  if (modify === undefined) {
    reportRequired(reader, modifyField, 'globs of the files an experiment may change, e.g. [config.yaml]');
  } else if (given.kind === 'list' && given.items.length === 0) {
    reader.report(modifyField, 'is empty; list at least one glob an experiment may change');
  }
  return { modify: modify ?? [], context: readGlobs(reader, child('context')) ?? [] };
}

function readEval(reader: ConfigReader, field: Field): EvalSettings {
  if (isUnset(reader, field)) {
    reportRequired(reader, field, 'eval.command: the command that runs your eval and prints the metrics');
  }
  const child = reader.section(field, [
    'command',
    'timeout',
    'repeats',
    'setup',
    'guard',
    'holdout',
    'interleave',
    'network',
  ]);
  const command = readString(
    reader,
    child('command'),
    isUnset(reader, field)
      ? undefined
      : {
          hint: 'the command that runs your eval and prints the metrics, run by bash in the repository root',
        },
  );
  const optional = (key: 'setup' | 'guard' | 'holdout'): Partial<EvalSettings> => {
    const value = readString(reader, child(key));
    return value === undefined ? {} : { [key]: value };
  };
  return {
    command: command ?? '',
    timeoutMs: readDuration(reader, child('timeout'), 10 * MINUTE_MS),
    repeats: readInteger(reader, child('repeats'), { fallback: 1, min: 1, max: MAX_REPEATS }),
    ...optional('setup'),
    ...optional('guard'),
    ...optional('holdout'),
    interleave: readBoolean(reader, child('interleave'), false),
    network: readNetwork(reader, child('network')),
  };
}

/** `on`/`off`; YAML 1.1 readers (and habits) turn those into booleans, so true/false mean the same. */
function readNetwork(reader: ConfigReader, field: Field): 'on' | 'off' {
  const value = reader.value(field);
  if (value.kind === 'scalar' && typeof value.value === 'boolean') return value.value ? 'on' : 'off';
  return readChoice(reader, field, ['on', 'off'], 'on');
}

function readExplore(reader: ConfigReader, field: Field): Settings['explore'] {
  const child = reader.section(field, ['every', 'stuck-after']);
  return {
    every: readInteger(reader, child('every'), { fallback: 0, min: 0 }),
    stuckAfter: readInteger(reader, child('stuck-after'), { fallback: 5, min: 1 }),
  };
}

function readBudget(reader: ConfigReader, field: Field): Settings['budget'] {
  const child = reader.section(field, ['experiments', 'time', 'consecutive-crashes', 'cost-usd']);
  return {
    experiments: readInteger(reader, child('experiments'), { fallback: 5, min: 1, max: MAX_EXPERIMENTS }),
    timeMs: readDuration(reader, child('time'), 45 * MINUTE_MS),
    consecutiveCrashes: readInteger(reader, child('consecutive-crashes'), { fallback: 3, min: 1 }),
    costUsd: readNumber(reader, child('cost-usd'), { fallback: 1, min: 0 }),
  };
}

function readResults(reader: ConfigReader, field: Field, tag: string | undefined): Settings['results'] {
  const child = reader.section(field, ['dir']);
  const dirField = child('dir');
  const fallback = `.autoexp/${tag ?? 'tag'}`;
  const dir = readString(reader, dirField);
  if (dir === undefined) return { dir: fallback };
  const problem = directoryPathProblem(dir);
  if (problem) {
    reader.report(dirField, problem);
    return { dir: fallback };
  }
  return { dir: normalizeRepoPath(dir) };
}

function readPr(reader: ConfigReader, field: Field): Settings['pr'] {
  const child = reader.section(field, ['enabled', 'draft', 'labels', 'reopen', 'steer-from']);
  return {
    enabled: readBoolean(reader, child('enabled'), true),
    draft: readBoolean(reader, child('draft'), true),
    labels: readStringList(reader, child('labels'), 'labels') ?? ['autoexp'],
    reopen: readBoolean(reader, child('reopen'), false),
    steerFrom: readSteerFrom(reader, child('steer-from')),
  };
}

/**
 * `pr.steer-from`: GitHub's author_association values (any case); an empty list means nobody steers.
 * Unset: the people with write access.
 */
function readSteerFrom(reader: ConfigReader, field: Field): AuthorAssociation[] {
  const known = AUTHOR_ASSOCIATIONS as readonly string[];
  const names = readStringList(reader, field, 'author associations', (name) =>
    known.includes(name.toUpperCase())
      ? undefined
      : `expected one of ${AUTHOR_ASSOCIATIONS.join(', ')}, got "${name}"${didYouMean(name, AUTHOR_ASSOCIATIONS)}`,
  );
  if (names === undefined) return [...WRITE_ACCESS];
  return [...new Set(names.map((name) => name.toUpperCase() as AuthorAssociation))];
}

/** workers and track, read before Settings has a place for them (track: see config/track.ts). */
function readLaterKeys(reader: ConfigReader, field: (key: string) => Field): LaterKeys {
  const later: LaterKeys = {};
  const workersField = field('workers');
  if (reader.value(workersField).kind !== 'absent') {
    later.workers = readInteger(reader, workersField, { fallback: 1, min: 1, max: MAX_WORKERS });
  }
  const trackField = field('track');
  const track = readString(
    reader,
    trackField,
    reader.value(trackField).kind === 'absent' ? undefined : { hint: 'a track name' },
  );
  if (track !== undefined) {
    const problem = trackNameProblem(track);
    if (problem === undefined) later.track = track;
    else reader.report(trackField, problem);
  }
  return later;
}
