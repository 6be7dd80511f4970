// The action's inputs (docs/action.md), read once into one typed object and checked strictly.
import * as core from '@actions/core';
import { durationProblem, experimentsProblem } from '../config/limits.js';
import { parseDuration } from '../config/duration.js';
import { DEFAULT_API_KEY_ENV, isHttpUrl, PROVIDERS } from '../config/parse-proposer.js';
import type { Settings } from '../config/settings.js';
import { trackNameProblem } from '../config/track.js';

export class InputError extends Error {
  override name = 'InputError';
}

export interface ActionInputs {
  config: string;
  experiments?: number;
  timeMs?: number;
  githubToken: string;
  apiKey?: string;
  provider?: string;
  model?: string;
  baseUrl?: string;
  push: boolean;
  createPr: boolean;
  track?: string;
  combine: boolean;
  tracks: string[];
  finalize: boolean;
}

function optional(name: string): string | undefined {
  const value = core.getInput(name).trim();
  // An unexpanded expression (local runners pass action.yml's default `${{ github.token }}` as text).
  return value === '' || value.startsWith('${{') ? undefined : value;
}

function flag(name: string, fallback: boolean): boolean {
  const value = optional(name);
  if (value === undefined) return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new InputError(`input ${name}: "${value}" is not true or false`);
}

export function readInputs(): ActionInputs {
  const experimentsText = optional('experiments');
  let experiments: number | undefined;
  if (experimentsText !== undefined) {
    if (!/^[1-9][0-9]*$/.test(experimentsText)) {
      throw new InputError(`input experiments: "${experimentsText}" is not a whole number of 1 or more`);
    }
    experiments = Number(experimentsText);
    const tooMany = experimentsProblem(experiments);
    if (tooMany) throw new InputError(`input experiments: ${experimentsText} ${tooMany}`);
  }
  const timeText = optional('time-budget');
  let timeMs: number | undefined;
  if (timeText !== undefined) {
    timeMs = parseDuration(timeText);
    if (timeMs === undefined)
      throw new InputError(`input time-budget: "${timeText}" is not a duration (e.g. 90s, 5m, 1h30m)`);
    const tooLong = durationProblem(timeMs);
    if (tooLong) throw new InputError(`input time-budget: "${timeText}" ${tooLong}`);
  }
  const apiKey = optional('api-key');
  if (apiKey !== undefined) core.setSecret(apiKey);
  const githubToken = optional('github-token') ?? '';
  if (githubToken !== '') core.setSecret(githubToken);
  return {
    config: optional('config') ?? 'autoexp.yml',
    experiments,
    timeMs,
    githubToken,
    apiKey,
    provider: optional('provider'),
    model: optional('model'),
    baseUrl: optional('base-url'),
    push: flag('push', true),
    createPr: flag('create-pr', true),
    track: optional('track'),
    combine: flag('combine', false),
    finalize: flag('finalize', false),
    tracks: [
      ...new Set(
        (optional('tracks') ?? '')
          .split(/[\s,]+/)
          .map((track) => track.trim())
          .filter(Boolean),
      ),
    ],
  };
}

/** Track names that cannot be, and inputs that do not go together: errors, never ignored. */
export function inputProblems(inputs: ActionInputs): string[] {
  const problems: string[] = [];
  for (const [name, track] of [
    ...(inputs.track === undefined ? [] : [['track', inputs.track] as const]),
    ...inputs.tracks.map((track) => ['tracks', track] as const),
  ]) {
    const problem = trackNameProblem(track);
    if (problem) problems.push(`input ${name}: ${problem}`);
  }
  if (inputs.combine && inputs.tracks.length === 0)
    problems.push('input combine: true needs the tracks to combine, e.g. tracks: a,b,c');
  if (!inputs.combine && inputs.tracks.length > 0)
    problems.push('input tracks: is only read with combine: true');
  if (inputs.finalize && inputs.track !== undefined)
    problems.push(
      'inputs track and finalize: a track has no PR of its own; finalize in the job that combines the tracks',
    );
  if (inputs.finalize && !inputs.push)
    problems.push('input finalize: true pushes autoexp-final/<tag>, which push: false forbids');
  if (inputs.combine && inputs.track !== undefined)
    problems.push(
      'inputs track and combine: a run either explores one track or combines them; use two jobs (docs/workflows.md)',
    );
  return problems;
}

/** The inputs provider, model and base-url override autoexp.yml's llm proposer. */
export function withProposerInputs(settings: Settings, inputs: ActionInputs): Settings {
  const given = (
    [
      ['provider', inputs.provider],
      ['model', inputs.model],
      ['base-url', inputs.baseUrl],
    ] as const
  ).filter(([, value]) => value !== undefined);
  if (given.length === 0) return settings;
  const proposer = settings.proposer;
  if (proposer.kind !== 'llm') {
    throw new InputError(
      `input ${given[0]![0]}: applies to proposer.kind llm, but ${settings.configPath} has kind ${proposer.kind}`,
    );
  }
  const provider = inputs.provider ?? proposer.provider;
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    throw new InputError(`input provider: "${provider}" is not one of ${PROVIDERS.join(', ')}`);
  }
  if (inputs.baseUrl !== undefined && !isHttpUrl(inputs.baseUrl)) {
    throw new InputError(`input base-url: "${inputs.baseUrl}" is not an http(s) URL`);
  }
  const typed = provider as (typeof PROVIDERS)[number];
  // The key variable follows the provider unless autoexp.yml named one of its own.
  const apiKeyEnv =
    proposer.apiKeyEnv === DEFAULT_API_KEY_ENV[proposer.provider]
      ? DEFAULT_API_KEY_ENV[typed]
      : proposer.apiKeyEnv;
  return {
    ...settings,
    proposer: {
      ...proposer,
      provider: typed,
      apiKeyEnv,
      model: inputs.model ?? proposer.model,
      ...(inputs.baseUrl !== undefined ? { baseUrl: inputs.baseUrl } : {}),
    },
  };
}
