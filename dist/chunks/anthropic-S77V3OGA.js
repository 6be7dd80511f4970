#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  Anthropic
} from "./chunk-QBYJR23J.js";
import {
  llmError,
  providerMessage
} from "./chunk-YKCLRGFG.js";
import "./chunk-KBKQDR6O.js";
import "./chunk-EWQXPLVQ.js";

// src/llm/anthropic.ts
var ANTHROPIC_BASE_URL = "https://api.anthropic.com";
function createAnthropicClient(options) {
  const baseUrl = options.baseUrl ?? ANTHROPIC_BASE_URL;
  const client = new Anthropic({
    apiKey: options.apiKey,
    authToken: null,
    baseURL: baseUrl,
    maxRetries: options.maxRetries,
    timeout: options.timeoutMs
  });
  return {
    name: `anthropic/${options.model}`,
    async complete(request) {
      try {
        const message = await client.messages.create(
          {
            model: options.model,
            max_tokens: request.maxOutputTokens,
            system: [{ type: "text", text: request.system, cache_control: { type: "ephemeral" } }],
            messages: request.messages.map((turn) => ({
              role: turn.role,
              content: turn.parts.map((part) => ({
                type: "text",
                text: part.text,
                ...part.cache ? { cache_control: { type: "ephemeral" } } : {}
              }))
            }))
          },
          { signal: request.signal }
        );
        const text = message.content.map((block) => block.type === "text" ? block.text : "").join("");
        const usage = message.usage;
        const cacheRead = usage.cache_read_input_tokens ?? 0;
        const cacheWrite = usage.cache_creation_input_tokens ?? 0;
        return {
          text,
          usage: {
            input: usage.input_tokens + cacheRead + cacheWrite,
            output: usage.output_tokens,
            cacheRead,
            cacheWrite
          },
          truncated: message.stop_reason === "max_tokens"
        };
      } catch (error) {
        if (error instanceof APIUserAbortError) throw error;
        if (!(error instanceof APIError)) throw error;
        throw llmError(
          {
            status: error.status,
            message: providerMessage(error),
            timedOut: error instanceof APIConnectionTimeoutError
          },
          {
            provider: "anthropic",
            model: options.model,
            baseUrl,
            keySource: options.keySource,
            attempts: options.maxRetries + 1
          }
        );
      }
    }
  };
}
export {
  ANTHROPIC_BASE_URL,
  createAnthropicClient
};
