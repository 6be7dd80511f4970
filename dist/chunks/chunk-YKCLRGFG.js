#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  LlmError
} from "./chunk-KBKQDR6O.js";

// src/llm/failures.ts
function providerMessage(error) {
  const body = error.error;
  const message = body?.error?.message ?? body?.message;
  return typeof message === "string" && message !== "" ? message : error.message;
}
function llmError(failure, context) {
  const { provider, model, baseUrl, keySource, attempts } = context;
  const detail = oneLine(failure.message);
  switch (failure.status) {
    case 401:
      return new LlmError(`${provider} rejected the API key in ${keySource} (401): check the secret`, true);
    case 402:
    case 403:
      return new LlmError(
        `${provider} refused the request (${failure.status}: ${detail}): check the key's permissions and billing`,
        true
      );
    case 404:
      return new LlmError(
        `${provider} at ${baseUrl} does not know model "${model}" (404: ${detail}): check proposer.model and base-url`,
        true
      );
  }
  const what = failure.status === void 0 ? failure.timedOut ? "timed out" : `could not be reached (${detail})` : `answered ${failure.status} (${detail})`;
  return new LlmError(`${provider} ${what} after ${attempts} attempt${attempts === 1 ? "" : "s"}`, false);
}
function oneLine(text) {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

export {
  providerMessage,
  llmError
};
