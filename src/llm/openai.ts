// The one wrapper around the official `openai` SDK: chat completions on any OpenAI-compatible endpoint
// (OpenAI, Azure, OpenRouter, vLLM, Ollama, LM Studio). Retries (429, 5xx, timeouts, honouring
// retry-after) are the SDK's; prompt caching is automatic on the provider side for a repeated prefix.
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { llmError, providerMessage } from './failures.js';
import type { ChatClient, ChatReply, ChatRequest, TokenUsage } from './types.js';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export interface ProviderOptions {
  model: string;
  apiKey: string;
  baseUrl?: string;
  /** For error messages: the variable the key came from. */
  keySource: string;
  maxRetries: number;
  timeoutMs: number;
}

export function createOpenAiClient(options: ProviderOptions): ChatClient {
  const baseUrl = options.baseUrl ?? OPENAI_BASE_URL;
  // Everything explicit: the SDK would otherwise read OPENAI_BASE_URL, OPENAI_ORG_ID... from the environment.
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: baseUrl,
    organization: null,
    project: null,
    maxRetries: options.maxRetries,
    timeout: options.timeoutMs,
  });
  return {
    name: `openai/${options.model}`,
    async complete(request: ChatRequest): Promise<ChatReply> {
      try {
        const completion = await client.chat.completions.create(
          {
            model: options.model,
            max_completion_tokens: request.maxOutputTokens,
            messages: [
              { role: 'system', content: request.system },
              ...request.messages.map((message) => ({
                role: message.role,
                content: message.parts.map((part) => part.text).join(''),
              })),
            ],
          },
          { signal: request.signal },
        );
        const choice = completion.choices[0];
        const usage = completion.usage;
        const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
        const tokens: TokenUsage = {
          input: usage?.prompt_tokens ?? 0,
          output: usage?.completion_tokens ?? 0,
          cacheRead: cached,
          cacheWrite: 0,
        };
        return {
          text: choice?.message?.content ?? '',
          usage: tokens,
          truncated: choice?.finish_reason === 'length',
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
            provider: 'openai',
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
