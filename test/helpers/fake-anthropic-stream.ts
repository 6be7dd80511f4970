// A local stand-in for the Anthropic Messages API as Claude Code (the real CLI) calls it: POST /v1/messages
// with stream: true, answered in server-sent events (message_start, content_block_start/delta/stop for text
// and for tool_use with input_json_delta, message_delta with the stop reason, message_stop). Each answer is
// a scripted turn, in order; a turn may be a function of the request (the tool calls need the absolute path
// of the directory the CLI runs in, which it states in its prompt).
//
// Claude Code 2.1.332 run with `-p`, ANTHROPIC_BASE_URL and CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 asks
// for nothing else: one POST /v1/messages?beta=true per model turn. Token counting (POST
// /v1/messages/count_tokens) and the model list (GET /v1/models) are answered all the same, should a later
// version ask; every request is recorded, so a test sees it.
//
// The same port is also a proxy that lets nothing through: point HTTPS_PROXY and HTTP_PROXY at `proxyUrl`
// (with NO_PROXY=127.0.0.1 so the API itself is reached directly) and any attempt to reach another host
// (a CONNECT tunnel, or a request for an absolute URL) is refused and recorded in `refused`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

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

export interface StreamRequest {
  method: string;
  /** The request target, query included (Claude Code asks for /v1/messages?beta=true). */
  path: string;
  /** The headers, without x-api-key and authorization: the key is in `key`. */
  headers: Record<string, string | string[] | undefined>;
  /** The key it sent (x-api-key, or a bearer token). */
  key: string | undefined;
  body: MessagesBody | undefined;
}

/** What the answer to a /v1/messages request was: the blocks, with the ids given to tool calls. */
export interface Answer {
  request: number;
  blocks: (ReplyBlock & { id?: string })[];
}

export interface Refused {
  method: string;
  /** host:port of a CONNECT tunnel, or the absolute URL of a proxied request. */
  target: string;
}

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

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

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
      const half = Math.ceil(block.text.length / 2);
      for (const part of [block.text.slice(0, half), block.text.slice(half)]) {
        if (part) events.push(['content_block_delta', { index, delta: { type: 'text_delta', text: part } }]);
      }
      output += tokens(block.text);
    } else {
      events.push([
        'content_block_start',
        { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } },
      ]);
      const json = JSON.stringify(block.input);
      const cut = Math.ceil(json.length / 2);
      for (const part of [json.slice(0, cut), json.slice(cut)]) {
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
  const requests: StreamRequest[] = [];
  const answers: Answer[] = [];
  const refused: Refused[] = [];
  let toolIds = 0;

  const handle = (request: IncomingMessage, response: ServerResponse, raw: string) => {
    const target = request.url ?? '';
    const method = request.method ?? '';
    // A proxied request names an absolute URL: something wanted another host.
    if (/^[a-z]+:\/\//i.test(target)) {
      refused.push({ method, target });
      sendError(response, 403, 'permission_error', 'the stand-in lets nothing out');
      return;
    }
    const headers = { ...request.headers };
    const bearer = headers.authorization?.replace(/^Bearer /, '');
    const key = (headers['x-api-key'] as string | undefined) ?? bearer;
    delete headers['x-api-key'];
    delete headers.authorization;
    let body: MessagesBody | undefined;
    try {
      body = raw ? (JSON.parse(raw) as MessagesBody) : undefined;
    } catch {
      body = undefined;
    }
    const recorded: StreamRequest = { method, path: target, headers, key, body };
    requests.push(recorded);
    const pathname = target.replace(/\?.*$/, '');

    if (key !== options.key) {
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
        `stand-in: no turn scripted for request ${requests.length}`,
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
    answers.push({ request: requests.length - 1, blocks });
    const id = `msg_standin_${requests.length}`;
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
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'request-id': `req_standin_${requests.length}`,
    });
    for (const [type, data] of events)
      response.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
    response.end();
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  // A CONNECT tunnel is how a client reaches an https host through a proxy: refuse it, and say so.
  server.on('connect', (request: IncomingMessage, socket: Socket) => {
    socket.on('error', () => undefined);
    refused.push({ method: 'CONNECT', target: request.url ?? '' });
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    baseUrl: url,
    proxyUrl: url,
    requests,
    answers,
    refused,
    remaining: () => script.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
