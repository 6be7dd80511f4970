// A local stand-in for the OpenAI Responses API as Codex (the real CLI) calls it: POST /v1/responses with
// stream: true, answered in server-sent events (response.created, response.output_item.added, the deltas
// of a message's text or a custom tool call's input, response.output_item.done, response.completed). Each
// answer is a scripted turn, in order.
//
// Codex 0.171.0 tries a WebSocket first (GET /v1/responses with Upgrade: websocket); the server answers
// "426 Upgrade Required" and Codex goes on over plain HTTP at once. Any other route gets 404, and every
// request is recorded, so a test sees what a later version asks for. The server and the proxy that lets
// nothing through are test/helpers/stand-in-server.ts.
import type { ServerResponse } from 'node:http';
import {
  halves,
  sendEvents,
  sendJson,
  startStandInServer,
  type RecordedRequest,
  type Refused,
} from './stand-in-server.js';

/**
 * One output item of a turn: an assistant message, or a call of a custom (freeform) tool, whose input is
 * plain text (Codex's `exec` tool takes JavaScript).
 */
export type OutputItem =
  { type: 'message'; text: string } | { type: 'custom_tool_call'; name: string; input: string };

/** An item of the request's `input` (the parts the tests look at). */
export interface InputItem {
  type: string;
  role?: string;
  content?: { type: string; text?: string }[];
  call_id?: string;
  name?: string;
  input?: string;
  output?: string | { type: string; text?: string }[];
}

export interface ResponsesBody {
  model: string;
  stream?: boolean;
  input: InputItem[];
  [field: string]: unknown;
}

export type ResponsesRequest = RecordedRequest<ResponsesBody>;

/** What the answer to a request was: the items, with the call ids given to tool calls. */
export interface ResponsesAnswer {
  request: number;
  items: (OutputItem & { call_id?: string })[];
}

export interface FakeOpenAIResponses {
  /** The API's base URL, /v1 included (Codex's `openai_base_url`). */
  baseUrl: string;
  /** What to put in HTTPS_PROXY and HTTP_PROXY: a proxy that refuses everything. */
  proxyUrl: string;
  requests: ResponsesRequest[];
  answers: ResponsesAnswer[];
  refused: Refused[];
  /** Turns the script has left. */
  remaining(): number;
  close(): Promise<void>;
}

function sendError(response: ServerResponse, status: number, type: string, message: string) {
  sendJson(response, status, { error: { message, type, param: null, code: null } });
}

/** The text of an input item's content, or of a tool output. */
export function itemText(item: InputItem): string {
  const content = item.content ?? item.output;
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => part.text ?? '').join('');
}

/** The texts of the user's messages in the request, in order. */
export function userTexts(request: ResponsesRequest): string[] {
  return (request.body?.input ?? [])
    .filter((item) => item.type === 'message' && item.role === 'user')
    .map((item) => itemText(item));
}

/** The outputs of custom tool calls the request reports (what the CLI got from running its tools). */
export function customToolOutputs(request: ResponsesRequest): InputItem[] {
  return (request.body?.input ?? []).filter((item) => item.type === 'custom_tool_call_output');
}

/** The events of one streamed response. */
function streamEvents(id: string, model: string, items: ResponsesAnswer['items']) {
  const events: { event: string; data: Record<string, unknown> }[] = [];
  const add = (type: string, data: Record<string, unknown>) =>
    events.push({ event: type, data: { type, ...data } });
  const response = { id, object: 'response', model, status: 'in_progress', output: [] as unknown[] };
  add('response.created', { response });
  const done: unknown[] = [];
  items.forEach((item, index) => {
    const itemId = `${item.type === 'message' ? 'msg' : 'ctc'}_standin_${id}_${index}`;
    if (item.type === 'message') {
      const full = {
        type: 'message',
        id: itemId,
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: item.text, annotations: [] }],
      };
      add('response.output_item.added', {
        output_index: index,
        item: { ...full, status: 'in_progress', content: [] },
      });
      for (const delta of halves(item.text))
        add('response.output_text.delta', { output_index: index, item_id: itemId, content_index: 0, delta });
      add('response.output_item.done', { output_index: index, item: full });
      done.push(full);
    } else {
      const full = {
        type: 'custom_tool_call',
        id: itemId,
        call_id: item.call_id,
        name: item.name,
        input: item.input,
        status: 'completed',
      };
      add('response.output_item.added', {
        output_index: index,
        item: { ...full, input: '', status: 'in_progress' },
      });
      for (const delta of halves(item.input))
        add('response.custom_tool_call_input.delta', { output_index: index, item_id: itemId, delta });
      add('response.output_item.done', { output_index: index, item: full });
      done.push(full);
    }
  });
  add('response.completed', {
    response: {
      ...response,
      status: 'completed',
      output: done,
      usage: {
        input_tokens: 100,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: 10,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 110,
      },
    },
  });
  return events;
}

export async function startFakeOpenAIResponses(options: {
  /** The key the stand-in accepts (as a bearer token); any other gets 401. */
  key: string;
  turns: OutputItem[][];
}): Promise<FakeOpenAIResponses> {
  const script = [...options.turns];
  const answers: ResponsesAnswer[] = [];
  let callIds = 0;

  const server = await startStandInServer<ResponsesBody>({
    refuse: (response) => sendError(response, 403, 'permission_error', 'the stand-in lets nothing out'),
    handle: (request, response) => {
      if (request.key !== options.key) {
        sendError(response, 401, 'invalid_request_error', 'Incorrect API key provided.');
        return;
      }
      if (request.method !== 'POST' || request.path !== '/v1/responses' || !request.body) {
        sendError(
          response,
          404,
          'invalid_request_error',
          `stand-in: no route ${request.method} ${request.path}`,
        );
        return;
      }
      if (!request.body.stream) {
        sendError(response, 400, 'invalid_request_error', 'stand-in: only streamed responses are scripted');
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
      const items = turn.map((item) =>
        item.type === 'custom_tool_call' ? { ...item, call_id: `call_standin_${++callIds}` } : item,
      );
      answers.push({ request: server.requests.length - 1, items });
      const id = `resp_standin_${server.requests.length}`;
      sendEvents(response, streamEvents(id, request.body.model, items), {
        'x-request-id': `req_standin_${server.requests.length}`,
      });
    },
  });
  return {
    baseUrl: `${server.url}/v1`,
    proxyUrl: server.url,
    requests: server.requests,
    answers,
    refused: server.refused,
    remaining: () => script.length,
    close: server.close,
  };
}
