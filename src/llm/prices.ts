// What a call costs: a built-in table of list prices (USD per million tokens), overridable with
// `proposer.price`. Cached prompt tokens are priced as the provider prices them.
import type { TokenUsage } from './types.js';

export interface Price {
  /** USD per million prompt tokens, uncached. */
  input: number;
  output: number;
  /** USD per million prompt tokens read from the cache. */
  cacheRead: number;
  /** USD per million prompt tokens written to the cache. */
  cacheWrite: number;
}

type Provider = 'openai' | 'anthropic';

/**
 * The provider's cache pricing relative to its input price: Anthropic bills cache reads at 0.1× and
 * (5-minute) cache writes at 1.25×; OpenAI bills cached input at a model-dependent discount (0.1× for
 * the gpt-5 family, 0.25× to 0.5× for older models; the table says which) and nothing extra to write.
 */
const CACHE_RATIOS: Record<Provider, { read: number; write: number }> = {
  anthropic: { read: 0.1, write: 1.25 },
  openai: { read: 0.1, write: 1 },
};

/** Model name prefix → [input, output, cached-input ratio]. The longest matching prefix wins. */
const TABLE: Record<Provider, Record<string, [number, number, number?]>> = {
  openai: {
    'gpt-5': [1.25, 10],
    'gpt-5-mini': [0.25, 2],
    'gpt-5-nano': [0.05, 0.4],
    'gpt-4.1': [2, 8, 0.25],
    'gpt-4.1-mini': [0.4, 1.6, 0.25],
    'gpt-4.1-nano': [0.1, 0.4, 0.25],
    'gpt-4o': [2.5, 10, 0.5],
    'gpt-4o-mini': [0.15, 0.6, 0.5],
    o3: [2, 8, 0.25],
    'o4-mini': [1.1, 4.4, 0.25],
  },
  anthropic: {
    'claude-opus-4-6': [5, 25],
    'claude-opus-4-5': [5, 25],
    'claude-opus-4-1': [15, 75],
    'claude-opus-4-0': [15, 75],
    'claude-opus-4-2': [15, 75],
    'claude-sonnet-4': [3, 15],
    'claude-sonnet-4-5': [3, 15],
    'claude-sonnet-4-6': [3, 15],
    'claude-haiku-4-5': [1, 5],
    'claude-3-7-sonnet': [3, 15],
    'claude-3-5-haiku': [0.8, 4],
  },
};

function withCache(provider: Provider, input: number, output: number, readRatio?: number): Price {
  const ratios = CACHE_RATIOS[provider];
  return {
    input,
    output,
    cacheRead: input * (readRatio ?? ratios.read),
    cacheWrite: input * ratios.write,
  };
}

/** The price of `model`, or undefined when neither the table nor `override` knows it. */
export function priceOf(
  provider: Provider,
  model: string,
  override?: { input: number; output: number },
): Price | undefined {
  if (override) return withCache(provider, override.input, override.output);
  // Providers serve names like "claude-sonnet-4-5-20250929" or "openai/gpt-5-mini" (OpenRouter).
  const name = model.toLowerCase().replace(/^[a-z0-9-]+\//, '');
  let best: string | undefined;
  for (const prefix of Object.keys(TABLE[provider])) {
    const matches = name === prefix || name.startsWith(`${prefix}-`) || name.startsWith(`${prefix}.`);
    if (matches && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  if (best === undefined) return undefined;
  const [input, output, readRatio] = TABLE[provider][best]!;
  return withCache(provider, input, output, readRatio);
}

/** USD for one call's usage. */
export function costOf(usage: TokenUsage, price: Price): number {
  const uncached = Math.max(0, usage.input - usage.cacheRead - usage.cacheWrite);
  const micro =
    uncached * price.input +
    usage.cacheRead * price.cacheRead +
    usage.cacheWrite * price.cacheWrite +
    usage.output * price.output;
  return micro / 1_000_000;
}

/**
 * The most a call can cost: every prompt token uncached (or written to the cache, whichever is dearer)
 * and a reply as long as allowed. The cost cap compares this with what is left, so it is never passed.
 */
export function worstCaseCost(promptTokens: number, maxOutputTokens: number, price: Price): number {
  return (
    (promptTokens * Math.max(price.input, price.cacheWrite) + maxOutputTokens * price.output) / 1_000_000
  );
}

/** A generous token count for text about to be sent (real tokenizers average 3.5–4.5 characters a token). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3);
}
