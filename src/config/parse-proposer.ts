// `proposer:` — who writes the candidates (docs/format.md, proposer). Each kind has its own keys; a key
// of another kind is an error rather than silently unused, since it usually means a wrong `kind`.
import { readChoice, readInteger, readNumber, readString, reportRequired } from './fields.js';
import type { ConfigReader, Field, MappingEntry } from './reader.js';
import { INITIAL_SCALE, JUMP, MAX_SCALE, MIN_SCALE } from '../propose/mutate/steps.js';
import type { ProposerSettings } from './settings.js';

type ProposerKind = ProposerSettings['kind'];
type Provider = 'openai' | 'anthropic';

const KINDS: readonly ProposerKind[] = ['llm', 'command', 'mutate'];
const KEYS_BY_KIND: Record<ProposerKind, readonly string[]> = {
  llm: ['provider', 'model', 'base-url', 'api-key-env', 'price', 'crash-retries'],
  command: ['run'],
  mutate: ['seed', 'step', 'jump'],
};
const ALL_KEYS = ['kind', ...KINDS.flatMap((kind) => KEYS_BY_KIND[kind])];
export const PROVIDERS: readonly Provider[] = ['openai', 'anthropic'];
export const DEFAULT_API_KEY_ENV: Record<Provider, string> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
};
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** With no `proposer:` at all, the offline mutate proposer runs, so a first run needs no API key. */
export const DEFAULT_PROPOSER: ProposerSettings = {
  kind: 'mutate',
  seed: 1,
  step: INITIAL_SCALE,
  jump: JUMP,
};

export function parseProposer(reader: ConfigReader, field: Field): ProposerSettings {
  const value = reader.value(field);
  if (value.kind === 'absent' || value.kind === 'empty') return DEFAULT_PROPOSER;
  const entries = reader.mapping(field, ALL_KEYS);
  if (!entries) return DEFAULT_PROPOSER;
  const child = (key: string): Field => reader.child(field, entries, key);

  const kindField = child('kind');
  if (!['scalar', 'list', 'mapping'].includes(reader.value(kindField).kind)) {
    reportRequired(reader, kindField, KINDS.join(', '));
    return DEFAULT_PROPOSER;
  }
  const before = reader.problems.length;
  const kind = readChoice(reader, kindField, KINDS, 'mutate');
  if (reader.problems.length > before) return DEFAULT_PROPOSER;
  reportKeysOfOtherKinds(reader, entries, kind);

  switch (kind) {
    case 'mutate':
      return parseMutate(reader, child);
    case 'command':
      return {
        kind,
        run:
          readString(reader, child('run'), { hint: 'the command that edits the files, run by bash' }) ?? '',
      };
    case 'llm':
      return parseLlm(reader, child);
  }
}

function reportKeysOfOtherKinds(
  reader: ConfigReader,
  entries: readonly MappingEntry[],
  kind: ProposerKind,
): void {
  for (const { key, field } of entries) {
    const owner = KINDS.find((candidate) => KEYS_BY_KIND[candidate].includes(key));
    if (owner !== undefined && owner !== kind) {
      reader.report(reader.keyField(field), `belongs to kind "${owner}", but proposer.kind is "${kind}"`);
    }
  }
}

/** mutate clamps a literal's step to these bounds (steps.ts): a first step outside them is an error. */
const STEP_RANGE = { min: MIN_SCALE, max: MAX_SCALE };
const JUMP_RANGE = { min: 1, max: 100 };

function parseMutate(reader: ConfigReader, child: (key: string) => Field): ProposerSettings {
  const seed = readNumber(reader, child('seed'), { fallback: 1, integer: true });
  const step = readNumber(reader, child('step'), { fallback: INITIAL_SCALE, ...STEP_RANGE });
  const jump = readNumber(reader, child('jump'), { fallback: JUMP, ...JUMP_RANGE });
  return { kind: 'mutate', seed, step, jump };
}

function parseLlm(reader: ConfigReader, child: (key: string) => Field): ProposerSettings {
  const provider = readChoice(reader, child('provider'), PROVIDERS, 'openai');
  const model = readString(reader, child('model'), {
    hint: 'the model name your provider serves, e.g. gpt-5-mini; autoexp picks none for you',
  });
  const baseUrlField = child('base-url');
  const baseUrl = readString(reader, baseUrlField);
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) {
    reader.report(baseUrlField, `"${baseUrl}" is not an http(s) URL`);
  }
  const apiKeyEnvField = child('api-key-env');
  const apiKeyEnv = readString(reader, apiKeyEnvField) ?? DEFAULT_API_KEY_ENV[provider];
  if (!ENV_NAME.test(apiKeyEnv)) {
    reader.report(
      apiKeyEnvField,
      `"${apiKeyEnv}" is not an environment variable name (the key itself belongs in a secret)`,
    );
  }
  const price = parsePrice(reader, child('price'));
  const crashRetries = readInteger(reader, child('crash-retries'), { fallback: 1, min: 0 });
  return {
    kind: 'llm',
    provider,
    model: model ?? '',
    ...(baseUrl === undefined ? {} : { baseUrl }),
    apiKeyEnv,
    ...(price === undefined ? {} : { price }),
    crashRetries,
  };
}

function parsePrice(reader: ConfigReader, field: Field): { input: number; output: number } | undefined {
  const entries = reader.mapping(field, ['input', 'output']);
  if (!entries) return undefined;
  const read = (key: string): number | undefined => {
    const priceField = reader.child(field, entries, key);
    if (reader.value(priceField).kind === 'absent') {
      reportRequired(reader, priceField, 'USD per million tokens');
      return undefined;
    }
    return readNumber(reader, priceField, { fallback: Number.NaN, min: 0 });
  };
  const input = read('input');
  const output = read('output');
  if (input === undefined || output === undefined || Number.isNaN(input) || Number.isNaN(output))
    return undefined;
  return { input, output };
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
