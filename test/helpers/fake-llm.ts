// Local stand-ins for the OpenAI-compatible Chat Completions API and the Anthropic Messages API, talked to
// by the real SDK clients over real HTTP. Replies are scripted in order; every request is recorded. Token
// usage is computed from the request like a provider would: about 4 characters a token, and a prompt
// prefix identical to the previous request's counted as cached (OpenAI in 128-token steps; Anthropic up to
// the last cache_control marker that matches).
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Provider = 'openai' | 'anthropic';

/** A scripted answer: the model's text, or an HTTP failure. */
export type ScriptedReply =
  | string
  | { text: string; truncated?: boolean; outputTokens?: number }
  | { status: number; message?: string; headers?: Record<string, string> };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** The whole prompt as one string (system first), for assertions on its contents. */
  prompt: string;
}

export interface FakeLlm {
  /** What to put in proposer.base-url. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Adds replies to the end of the script. */
  script(...replies: ScriptedReply[]): void;
  /** Replies the script has left. */
  remaining(): number;
  close(): Promise<void>;
}

const tokens = (text: string): number => Math.ceil(text.length / 4);

interface AnthropicBlock {
  type: string;
  text: string;
  cache_control?: unknown;
}

/** The prompt's text in order, with the positions where a cache_control marker ends a prefix. */
function flatten(provider: Provider, body: Record<string, unknown>): { text: string; marks: number[] } {
  let text = '';
  const marks: number[] = [];
  if (provider === 'openai') {
    for (const message of body.messages as { role: string; content: string }[]) text += message.content;
    return { text, marks };
  }
  const system = body.system as AnthropicBlock[] | string | undefined;
  const blocks: AnthropicBlock[] =
    typeof system === 'string' ? [{ type: 'text', text: system }] : (system ?? []);
  for (const message of body.messages as { content: AnthropicBlock[] | string }[]) {
    if (typeof message.content === 'string') blocks.push({ type: 'text', text: message.content });
    else blocks.push(...message.content);
  }
  for (const block of blocks) {
    text += block.text;
    if (block.cache_control) marks.push(text.length);
  }
  return { text, marks };
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let index = 0;
  while (index < max && a.charCodeAt(index) === b.charCodeAt(index)) index++;
  return index;
}

export async function startFakeLlm(options: {
  provider: Provider;
  /** The key the server accepts; anything else gets 401. */
  key: string;
  replies?: ScriptedReply[];
}): Promise<FakeLlm> {
  const { provider } = options;
  const script: ScriptedReply[] = [...(options.replies ?? [])];
  const requests: RecordedRequest[] = [];
  let previousPrompt = '';

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      };
      const error = (status: number, message: string, headers: Record<string, string> = {}) =>
        send(
          status,
          provider === 'openai'
            ? { error: { message, type: 'fake_error', code: null } }
            : { type: 'error', error: { type: 'fake_error', message } },
          headers,
        );

      const expectedPath = provider === 'openai' ? '/v1/chat/completions' : '/v1/messages';
      if (request.method !== 'POST' || request.url !== expectedPath) {
        error(404, `fake ${provider}: no route ${request.method} ${request.url}`);
        return;
      }
      // OpenAI takes a bearer token; Anthropic an x-api-key header or, in its newer API versions, a bearer token.
      const key =
        request.headers.authorization?.replace(/^Bearer /, '') ??
        (request.headers['x-api-key'] as string | undefined);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const { text: prompt, marks } = flatten(provider, body);
      requests.push({ path: request.url, headers: request.headers, body, prompt });
      if (key !== options.key) {
        error(401, 'Incorrect API key provided');
        return;
      }
      const next = script.shift();
      if (next === undefined) {
        error(400, `fake ${provider}: no reply scripted for request ${requests.length}`, {
          'x-should-retry': 'false',
        });
        return;
      }
      if (typeof next === 'object' && 'status' in next) {
        error(next.status, next.message ?? `scripted ${next.status}`, next.headers);
        return;
      }
      const reply = typeof next === 'string' ? { text: next } : next;
      const shared = commonPrefix(previousPrompt, prompt);
      previousPrompt = prompt;
      const input = tokens(prompt);
      const output = reply.outputTokens ?? tokens(reply.text);
      if (provider === 'openai') {
        const cached = Math.floor(tokens(prompt.slice(0, shared)) / 128) * 128;
        send(200, {
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: reply.text, refusal: null },
              finish_reason: reply.truncated ? 'length' : 'stop',
              logprobs: null,
            },
          ],
          usage: {
            prompt_tokens: input,
            completion_tokens: output,
            total_tokens: input + output,
            prompt_tokens_details: { cached_tokens: cached },
          },
        });
        return;
      }
      // Anthropic: the longest marked prefix seen before is read from the cache; the rest of the marked
      // prefix is written to it; what follows the last marker is plain input.
      const lastMark = marks.at(-1) ?? 0;
      const readUpTo = Math.max(0, ...marks.filter((mark) => mark <= shared));
      const cacheRead = tokens(prompt.slice(0, readUpTo));
      const cacheWrite = tokens(prompt.slice(readUpTo, lastMark));
      send(200, {
        id: `msg_${requests.length}`,
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: [{ type: 'text', text: reply.text }],
        stop_reason: reply.truncated ? 'max_tokens' : 'end_turn',
        stop_sequence: null,
        usage: {
          input_tokens: Math.max(0, input - cacheRead - cacheWrite),
          output_tokens: output,
          cache_read_input_tokens: cacheRead,
          cache_creation_input_tokens: cacheWrite,
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: provider === 'openai' ? `http://127.0.0.1:${port}/v1` : `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => script.push(...replies),
    remaining: () => script.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A reply in the documented form (docs/llm.md): a hypothesis and SEARCH/REPLACE blocks for one file. */
export function editReply(
  hypothesis: string,
  path: string,
  pairs: [search: string, replace: string][],
): string {
  const blocks = pairs
    .map(([search, replace]) =>
      [
        '<<<<<<< SEARCH',
        ...(search ? [search] : []),
        '=======',
        ...(replace ? [replace] : []),
        '>>>>>>> REPLACE',
      ].join('\n'),
    )
    .join('\n');
  return `Hypothesis: ${hypothesis}\n\n${path}\n\`\`\`\n${blocks}\n\`\`\`\n`;
}
