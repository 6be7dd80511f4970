// What autoexp needs from a chat model, whichever provider serves it: one request with a stable prefix
// (cacheable), the conversation so far, and the reply with its token usage.

/** Token counts of one call. `input` counts every prompt token, cached or not. */
export interface TokenUsage {
  input: number;
  output: number;
  /** Prompt tokens served from the provider's cache (cheaper). */
  cacheRead: number;
  /** Prompt tokens written to the cache (Anthropic charges extra for them). */
  cacheWrite: number;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  /** Parts of the message; a part with `cache: true` ends a prefix the provider should cache. */
  parts: { text: string; cache?: boolean }[];
}

export interface ChatRequest {
  /** Instructions that stay byte-identical across experiments (cached by the provider). */
  system: string;
  messages: ChatMessage[];
  maxOutputTokens: number;
  signal?: AbortSignal;
}

export interface ChatReply {
  text: string;
  usage: TokenUsage;
  /** The reply was cut at maxOutputTokens. */
  truncated: boolean;
}

export interface ChatClient {
  /** e.g. "openai/gpt-5-mini" */
  readonly name: string;
  complete(request: ChatRequest): Promise<ChatReply>;
}

/**
 * A failed call after the SDK's own retries. `fatal` failures (a missing or wrong key, an unknown model)
 * would fail every experiment the same way, so they end the session; the others become a `crash` row.
 */
export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    message: string,
    readonly fatal: boolean,
  ) {
    super(message);
  }
}

export const NO_USAGE: TokenUsage = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    cacheRead: a.cacheRead + b.cacheRead,
    cacheWrite: a.cacheWrite + b.cacheWrite,
  };
}
