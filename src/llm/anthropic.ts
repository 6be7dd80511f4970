// The one wrapper around the official `@anthropic-ai/sdk`: the Messages API. The stable prefix (system
// prompt, then any message part marked `cache`) carries `cache_control`, so repeated experiments read it
// from Anthropic's prompt cache. Retries (429, 5xx, timeouts, honouring retry-after) are the SDK's.
import Anthropic, { APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { llmError, providerMessage } from './failures.js';
import type { ProviderOptions } from './openai.js';
import type { ChatClient, ChatReply, ChatRequest } from './types.js';

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

export function createAnthropicClient(options: ProviderOptions): ChatClient {
  const baseUrl = options.baseUrl ?? ANTHROPIC_BASE_URL;
  const client = new Anthropic({
    apiKey: options.apiKey,
    authToken: null,
    baseURL: baseUrl,
    maxRetries: options.maxRetries,
    timeout: options.timeoutMs,
  });
  return {
    name: `anthropic/${options.model}`,
    async complete(request: ChatRequest): Promise<ChatReply> {
      try {
        const message = await client.messages.create(
          {
            model: options.model,
            max_tokens: request.maxOutputTokens,
            system: [{ type: 'text', text: request.system, cache_control: { type: 'ephemeral' } }],
            messages: request.messages.map((turn) => ({
              role: turn.role,
              content: turn.parts.map((part) => ({
                type: 'text' as const,
                text: part.text,
                ...(part.cache ? { cache_control: { type: 'ephemeral' as const } } : {}),
              })),
            })),
          },
          { signal: request.signal },
        );
        const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
        const usage = message.usage;
        // Anthropic's input_tokens leaves out the cached parts; autoexp's `input` counts the whole prompt.
        const cacheRead = usage.cache_read_input_tokens ?? 0;
        const cacheWrite = usage.cache_creation_input_tokens ?? 0;
        return {
          text,
          usage: {
            input: usage.input_tokens + cacheRead + cacheWrite,
            output: usage.output_tokens,
            cacheRead,
            cacheWrite,
          },
          truncated: message.stop_reason === 'max_tokens',
        };
      } catch (error) {
        if (error instanceof APIUserAbortError) throw error;
        if (!(error instanceof APIError)) throw error;
        throw llmError(
          {
            status: error.status,
            message: providerMessage(error),
            timedOut: error instanceof APIConnectionTimeoutError,
          },
          {
            provider: 'anthropic',
            model: options.model,
            baseUrl,
            keySource: options.keySource,
            attempts: options.maxRetries + 1,
          },
        );
      }
    },
  };
}
