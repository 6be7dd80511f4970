// A local stand-in for the Gemini API as Gemini CLI (the real CLI) calls it. The agent's turns are
// POST /v1beta/models/<model>:streamGenerateContent?alt=sse, answered in server-sent events: each event a
// GenerateContentResponse whose candidate holds text parts or a function call, the last one with
// finishReason STOP. Each answer is a scripted turn, in order; a turn may be a function of the request
// (the tool calls need the absolute path of the workspace, which the CLI states in its first message).
//
// The CLI also makes calls of its own that are not the agent's turns: Gemini CLI 0.61.0 first asks a
// small model, without streaming (POST …:generateContent), how complex the task is, to pick the model.
// `sideCall` answers those (its text becomes the candidate's text); without an answer such a call gets 400.
// Any other route gets 404, and every request is recorded, so a test sees what a later version asks for.
// The server and the proxy that lets nothing through are test/helpers/stand-in-server.ts.
import type { ServerResponse } from 'node:http';
import {
  halves,
  sendEvents,
  sendJson,
  startStandInServer,
  type RecordedRequest,
  type Refused,
} from './stand-in-server.js';

export type ReplyPart = { text: string } | { functionCall: { name: string; args: Record<string, unknown> } };

export interface SentPart {
  text?: string;
  functionCall?: { name: string; args?: unknown };
  functionResponse?: { name: string; response?: Record<string, unknown> };
}

export interface ContentsBody {
  contents: { role: string; parts: SentPart[] }[];
  systemInstruction?: { parts: SentPart[] };
  tools?: { functionDeclarations?: { name: string }[] }[];
  [field: string]: unknown;
}

export type GeminiRequest = RecordedRequest<ContentsBody>;

/** One model turn: its parts, or a function of the request that returns them. */
export type GeminiTurn = ReplyPart[] | ((request: GeminiRequest) => ReplyPart[]);

export interface GeminiAnswer {
  request: number;
  parts: ReplyPart[];
}

export interface FakeGeminiStream {
  /** What to put in GOOGLE_GEMINI_BASE_URL. */
  baseUrl: string;
  /** What to put in HTTPS_PROXY and HTTP_PROXY: a proxy that refuses everything. */
  proxyUrl: string;
  requests: GeminiRequest[];
  /** The answers to the streamed requests (the agent's turns). */
  answers: GeminiAnswer[];
  refused: Refused[];
  /** Turns the script has left. */
  remaining(): number;
  close(): Promise<void>;
}

const usageMetadata = { promptTokenCount: 100, candidatesTokenCount: 10, totalTokenCount: 110 };

function sendError(response: ServerResponse, status: number, message: string) {
  const statuses: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
  };
  sendJson(response, status, { error: { code: status, message, status: statuses[status] ?? 'UNKNOWN' } });
}

function candidate(parts: ReplyPart[], finishReason?: string) {
  return {
    candidates: [{ content: { role: 'model', parts }, index: 0, ...(finishReason ? { finishReason } : {}) }],
    usageMetadata,
    modelVersion: 'gemini-stand-in',
  };
}

/** The text of every text part in the request (system instruction first), in order. */
export function requestText(request: GeminiRequest): string {
  const parts = [
    ...(request.body?.systemInstruction?.parts ?? []),
    ...(request.body?.contents ?? []).flatMap((content) => content.parts),
  ];
  return parts.map((part) => part.text ?? '').join('\n');
}

/** The texts of the user's parts in the request, in order. */
export function userTexts(request: GeminiRequest): string[] {
  return (request.body?.contents ?? [])
    .filter((content) => content.role === 'user')
    .flatMap((content) => content.parts.map((part) => part.text ?? ''));
}

/** The function responses of the request's last content (what the CLI reports after running tools). */
export function functionResponses(request: GeminiRequest): NonNullable<SentPart['functionResponse']>[] {
  const last = request.body?.contents.at(-1);
  return (last?.parts ?? []).flatMap((part) => (part.functionResponse ? [part.functionResponse] : []));
}

/** The workspace Gemini CLI runs in, as it tells the model ("Workspace Directories:" and a list). */
export function workspaceDirectory(request: GeminiRequest): string {
  const match = /Workspace Directories:\**\n\s*- (.+)/.exec(requestText(request));
  if (!match?.[1]) throw new Error('the request does not say which directory the CLI runs in');
  return match[1].trim();
}

export async function startFakeGeminiStream(options: {
  /** The key the stand-in accepts (x-goog-api-key); any other gets 401. */
  key: string;
  turns: GeminiTurn[];
  /** The text that answers one of the CLI's own unstreamed calls, or undefined for a 400. */
  sideCall?: (request: GeminiRequest) => string | undefined;
}): Promise<FakeGeminiStream> {
  const script = [...options.turns];
  const answers: GeminiAnswer[] = [];

  const server = await startStandInServer<ContentsBody>({
    refuse: (response) => sendError(response, 403, 'the stand-in lets nothing out'),
    handle: (request, response) => {
      if (request.key !== options.key) {
        sendError(response, 401, 'API key not valid. Please pass a valid API key.');
        return;
      }
      const route = /^\/v1beta\/models\/[^/:]+:(generateContent|streamGenerateContent)(\?alt=sse)?$/.exec(
        request.path,
      );
      if (request.method !== 'POST' || !route || !request.body) {
        sendError(response, 404, `stand-in: no route ${request.method} ${request.path}`);
        return;
      }
      if (route[1] === 'generateContent') {
        const text = options.sideCall?.(request);
        if (text === undefined) sendError(response, 400, 'stand-in: no answer for this call');
        else sendJson(response, 200, candidate([{ text }], 'STOP'));
        return;
      }
      if (!route[2]) {
        sendError(response, 400, 'stand-in: only server-sent events (alt=sse) are scripted');
        return;
      }
      const turn = script.shift();
      if (turn === undefined) {
        sendError(response, 400, `stand-in: no turn scripted for request ${server.requests.length}`);
        return;
      }
      let parts: ReplyPart[];
      try {
        parts = typeof turn === 'function' ? turn(request) : turn;
      } catch (error) {
        sendError(response, 400, `stand-in: ${(error as Error).message}`);
        return;
      }
      answers.push({ request: server.requests.length - 1, parts });
      // Text arrives in pieces, a function call whole; the last event says the turn is over.
      const events = parts.flatMap((part) =>
        'text' in part ? halves(part.text).map((text) => candidate([{ text }])) : [candidate([part])],
      );
      events.push(candidate([{ text: '' }], 'STOP'));
      sendEvents(
        response,
        events.map((data) => ({ data })),
      );
    },
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
