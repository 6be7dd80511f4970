// How a provider's failed call reads in the ledger or, when it would fail every call, as the session's error.
import { LlmError } from './types.js';

/** The parts of an SDK error that decide what happens next. */
export interface ApiFailure {
  /** HTTP status; undefined for connection failures and timeouts. */
  status: number | undefined;
  message: string;
  timedOut: boolean;
}

export interface FailureContext {
  /** "openai", "anthropic" */
  provider: string;
  model: string;
  baseUrl: string;
  /** Where the key came from, for the message (never the key itself). */
  keySource: string;
  /** Attempts made, the SDK's retries included. */
  attempts: number;
}

/** The provider's own words from an SDK error's body, else the SDK's message. */
export function providerMessage(error: { message: string; error?: unknown }): string {
  const body = error.error as { message?: unknown; error?: { message?: unknown } } | undefined;
  const message = body?.error?.message ?? body?.message;
  return typeof message === 'string' && message !== '' ? message : error.message;
}

/** One line, first the what, then the what to do. */
export function llmError(failure: ApiFailure, context: FailureContext): LlmError {
  const { provider, model, baseUrl, keySource, attempts } = context;
  const detail = oneLine(failure.message);
  switch (failure.status) {
    case 401:
      return new LlmError(`${provider} rejected the API key in ${keySource} (401): check the secret`, true);
    case 402:
    case 403:
      return new LlmError(
        `${provider} refused the request (${failure.status}: ${detail}): check the key's permissions and billing`,
        true,
      );
    case 404:
      return new LlmError(
        `${provider} at ${baseUrl} does not know model "${model}" (404: ${detail}): check proposer.model and base-url`,
        true,
      );
  }
  const what =
    failure.status === undefined
      ? failure.timedOut
        ? 'timed out'
        : `could not be reached (${detail})`
      : `answered ${failure.status} (${detail})`;
  return new LlmError(`${provider} ${what} after ${attempts} attempt${attempts === 1 ? '' : 's'}`, false);
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
