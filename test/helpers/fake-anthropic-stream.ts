// A local stand-in for the Anthropic Messages API as Claude Code (the real CLI) calls it, and Copilot CLI
// with its Anthropic provider (test/copilot-cli.test.ts): POST /v1/messages with stream: true, answered in
// server-sent events (message_start, content_block_start/delta/stop for text and for tool_use with
// input_json_delta, message_delta with the stop reason, message_stop). Each answer is a scripted turn, in
// order; a turn may be a function of the request (the tool calls need the absolute path of the directory
// the CLI runs in, which it states in its prompt).
//
// Claude Code 2.1.332 run with `-p`, ANTHROPIC_BASE_URL and CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 asks
// for nothing else: one POST /v1/messages?beta=true per model turn. Token counting (POST
// /v1/messages/count_tokens) and the model list (GET /v1/models) are answered all the same, should a later
// version ask; every request is recorded, so a test sees it.
//
// The server, the request log and the proxy that lets nothing through (`proxyUrl`, refusals in `refused`)
// are test/helpers/stand-in-server.ts.
import type { ServerResponse } from 'node:http';
import {
  halves,
  sendEvents,
  sendJson,
  startStandInServer,
  type RecordedRequest,
  type Refused,
  type StandInServer,
} from './stand-in-server.js';

export type ReplyBlock =
  { type: 'text'; text: string } | { type: 'tool_use'; name: string; input: Record<string, unknown> };

/** One model turn: its content blocks, or a function of the request that returns them. */
export type Turn = ReplyBlock[] | ((request: StreamRequest) => ReplyBlock[]);

/** A block of a message the CLI sent (the parts the tests look at). */
export interface SentBlock {
  type: string;
  text?: string;
  id?: string;
  name?: string;
  input?: unknown;
  tool_use_id?: string;
  content?: string | { type: string; text?: string }[];
  is_error?: boolean;
}

export interface MessagesBody {
  model: string;
  stream?: boolean;
  system?: string | SentBlock[];
  messages: { role: string; content: string | SentBlock[] }[];
  tools?: { name: string }[];
  [field: string]: unknown;
}

/** A request the CLI sent (Claude Code's target has a query: /v1/messages?beta=true). */
export type StreamRequest = RecordedRequest<MessagesBody>;

/** What the answer to a /v1/messages request was: the blocks, with the ids given to tool calls. */
export interface Answer {
  request: number;
  blocks: (ReplyBlock & { id?: string })[];
}

export type { Refused };

export interface FakeAnthropicStream {
  /** What to put in ANTHROPIC_BASE_URL. */
  baseUrl: string;
  /** What to put in HTTPS_PROXY and HTTP_PROXY: a proxy that refuses everything. */
  proxyUrl: string;
  requests: StreamRequest[];
  answers: Answer[];
  refused: Refused[];
  /** Turns the script has left. */
  remaining(): number;
  close(): Promise<void>;
}

const MODEL_ID = 'claude-stand-in';
const tokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

function sendError(response: ServerResponse, status: number, type: string, message: string) {
  sendJson(response, status, { type: 'error', error: { type, message } }, { 'x-should-retry': 'false' });
}

/** The events of one streamed message, as the Messages API sends them. */
function streamEvents(id: string, model: string, blocks: Answer['blocks'], inputTokens: number) {
  const events: [string, Record<string, unknown>][] = [];
  const usage = {
    input_tokens: inputTokens,
    output_tokens: 1,
    cache_read_input_tokens: 0,
    cache_creation_input_tokens: 0,
  };
  events.push([
    'message_start',
    {
      message: {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage,
      },
    },
  ]);
  events.push(['ping', {}]);
  let output = 0;
  blocks.forEach((block, index) => {
    if (block.type === 'text') {
      events.push(['content_block_start', { index, content_block: { type: 'text', text: '' } }]);
      // Two deltas, so the CLI has to put the text together.
      for (const part of halves(block.text))
        events.push(['content_block_delta', { index, delta: { type: 'text_delta', text: part } }]);
      output += tokens(block.text);
    } else {
      events.push([
        'content_block_start',
        { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } },
      ]);
      const json = JSON.stringify(block.input);
      for (const part of halves(json)) {
        events.push([
          'content_block_delta',
          { index, delta: { type: 'input_json_delta', partial_json: part } },
        ]);
      }
      output += tokens(json);
    }
    events.push(['content_block_stop', { index }]);
  });
  const stopReason = blocks.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
  events.push([
    'message_delta',
    { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: output } },
  ]);
  events.push(['message_stop', {}]);
  return { events, stopReason, output };
}

/** The text of every text block and tool result in the request, in order. */
export function requestText(request: StreamRequest): string {
  const parts: string[] = [];
  const add = (content: string | SentBlock[] | undefined) => {
    if (typeof content === 'string') parts.push(content);
    else for (const block of content ?? []) parts.push(block.text ?? blockContent(block));
  };
  add(request.body?.system);
  for (const message of request.body?.messages ?? []) add(message.content);
  return parts.join('\n');
}

/** A tool result's text. */
export function blockContent(block: SentBlock): string {
  if (typeof block.content === 'string') return block.content;
  return (block.content ?? []).map((part) => part.text ?? '').join('');
}

/** The directory Claude Code runs in, as it tells the model ("Primary working directory: …"). */
export function workingDirectory(request: StreamRequest): string {
  const match = /Primary working directory: (.+)/.exec(requestText(request));
  if (!match?.[1]) throw new Error('the request does not say which directory the CLI runs in');
  return match[1].trim();
}

/** The tool results of the request's last message (what the CLI reports back after running tools). */
export function toolResults(request: StreamRequest): SentBlock[] {
  const last = request.body?.messages.at(-1);
  if (!last || typeof last.content === 'string') return [];
  return last.content.filter((block) => block.type === 'tool_result');
}

export async function startFakeAnthropicStream(options: {
  /** The key the stand-in accepts; any other gets 401. */
  key: string;
  turns: Turn[];
}): Promise<FakeAnthropicStream> {
  const script = [...options.turns];
  const answers: Answer[] = [];
  let toolIds = 0;

  const handle = (recorded: StreamRequest, response: ServerResponse) => {
    const { method, path: target, body } = recorded;
    const pathname = target.replace(/\?.*$/, '');
    if (recorded.key !== options.key) {
      sendError(response, 401, 'authentication_error', 'invalid x-api-key');
      return;
    }
    if (method === 'GET' && pathname === '/v1/models') {
      const model = {
        type: 'model',
        id: MODEL_ID,
        display_name: 'Stand-in',
        created_at: '2025-01-01T00:00:00Z',
      };
      sendJson(response, 200, { data: [model], has_more: false, first_id: MODEL_ID, last_id: MODEL_ID });
      return;
    }
    if (method === 'POST' && pathname === '/v1/messages/count_tokens' && body) {
      sendJson(response, 200, { input_tokens: tokens(requestText(recorded)) });
      return;
    }
    if (method !== 'POST' || pathname !== '/v1/messages' || !body) {
      sendError(response, 404, 'not_found_error', `stand-in: no route ${method} ${target}`);
      return;
    }
    const turn = script.shift();
    if (turn === undefined) {
      sendError(
        response,
        400,
        'invalid_request_error',
        `stand-in: no turn scripted for request ${server.requests.length}`,
      );
      return;
    }
    let blocks: Answer['blocks'];
    try {
      blocks = (typeof turn === 'function' ? turn(recorded) : turn).map((block) =>
        block.type === 'tool_use' ? { ...block, id: `toolu_standin_${++toolIds}` } : block,
      );
    } catch (error) {
      sendError(response, 400, 'invalid_request_error', `stand-in: ${(error as Error).message}`);
      return;
    }
    answers.push({ request: server.requests.length - 1, blocks });
    const id = `msg_standin_${server.requests.length}`;
    const input = tokens(requestText(recorded));
    const { events, stopReason, output } = streamEvents(id, body.model, blocks, input);
    if (!body.stream) {
      sendJson(response, 200, {
        id,
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: blocks,
        stop_reason: stopReason,
        stop_sequence: null,
        usage: { input_tokens: input, output_tokens: output },
      });
      return;
    }
    sendEvents(
      response,
      events.map(([type, data]) => ({ event: type, data: { type, ...data } })),
      { 'request-id': `req_standin_${server.requests.length}` },
    );
  };

  const server: StandInServer<MessagesBody> = await startStandInServer<MessagesBody>({
    handle,
    refuse: (response) => sendError(response, 403, 'permission_error', 'the stand-in lets nothing out'),
  });
  return {
    baseUrl: server.url,
    proxyUrl: server.url,
    requests: server.requests,
    answers,
    refused: server.refused,
    remaining: () => script.length,
    close: server.close,
  };
}
