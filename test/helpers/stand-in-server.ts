// What every local stand-in for an LLM API that a real agent CLI calls has in common: an HTTP server on
// 127.0.0.1 that records each request (the key apart from the other headers, the JSON body parsed), hands
// it to the API's own handler, and doubles as a proxy that lets nothing through. The API's wire format
// (Anthropic messages, OpenAI responses, Gemini contents, each streamed in server-sent events) lives in its
// own helper; this file knows none of them.
//
// Point HTTPS_PROXY and HTTP_PROXY at `url` (with NO_PROXY=127.0.0.1, so the API itself is reached
// directly; `closedNetworkEnv` does that): any attempt to reach another host, a CONNECT tunnel or a request
// for an absolute URL, is refused and recorded in `refused`. A WebSocket upgrade is answered
// "426 Upgrade Required" (this server speaks plain HTTP) and recorded as a request with `upgrade` set.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest<Body> {
  method: string;
  /** The request target, query included. */
  path: string;
  /** The headers, without the ones that carry the key: the key is in `key`. */
  headers: Record<string, string | string[] | undefined>;
  /** The key it sent: x-api-key (Anthropic), x-goog-api-key (Gemini) or a bearer token (OpenAI). */
  key: string | undefined;
  body: Body | undefined;
  /** Set when the request asked to become a WebSocket (it was refused). */
  upgrade?: string;
}

export interface Refused {
  method: string;
  /** host:port of a CONNECT tunnel, or the absolute URL of a proxied request. */
  target: string;
}

export interface StandInServer<Body> {
  /** The server's root URL, e.g. http://127.0.0.1:40123: the API's base URL and the refusing proxy. */
  url: string;
  requests: RecordedRequest<Body>[];
  refused: Refused[];
  close(): Promise<void>;
}

const KEY_HEADERS = ['x-api-key', 'x-goog-api-key', 'authorization'];

function recordOf<Body>(request: IncomingMessage, raw: string): RecordedRequest<Body> {
  const headers = { ...request.headers };
  const bearer = headers.authorization?.replace(/^Bearer /, '');
  const key =
    (headers['x-api-key'] as string | undefined) ??
    (headers['x-goog-api-key'] as string | undefined) ??
    bearer;
  for (const name of KEY_HEADERS) delete headers[name];
  let body: Body | undefined;
  try {
    body = raw ? (JSON.parse(raw) as Body) : undefined;
  } catch {
    body = undefined;
  }
  return { method: request.method ?? '', path: request.url ?? '', headers, key, body };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** A whole server-sent-events answer: each event's data is JSON, `event:` is written when named. */
export function sendEvents(
  response: ServerResponse,
  events: { event?: string; data: unknown }[],
  headers: Record<string, string> = {},
): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
  for (const { event, data } of events)
    response.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
  response.end();
}

/** Cuts a text in two, so a client has to put the streamed deltas back together. */
export function halves(text: string): string[] {
  const cut = Math.ceil(text.length / 2);
  return [text.slice(0, cut), text.slice(cut)].filter((part) => part !== '');
}

export async function startStandInServer<Body>(options: {
  /** The API: answers a request to this server (the proxy traffic and upgrades never get here). */
  handle(request: RecordedRequest<Body>, response: ServerResponse): void;
  /** What a refused proxied request is answered with. */
  refuse(response: ServerResponse): void;
}): Promise<StandInServer<Body>> {
  const requests: RecordedRequest<Body>[] = [];
  const refused: Refused[] = [];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = request.url ?? '';
      // A proxied request names an absolute URL: something wanted another host.
      if (/^[a-z]+:\/\//i.test(target)) {
        refused.push({ method: request.method ?? '', target });
        options.refuse(response);
        return;
      }
      const recorded = recordOf<Body>(request, Buffer.concat(chunks).toString('utf8'));
      requests.push(recorded);
      options.handle(recorded, response);
    });
  });
  // A CONNECT tunnel is how a client reaches an https host through a proxy: refuse it, and say so.
  server.on('connect', (request: IncomingMessage, socket: Socket) => {
    socket.on('error', () => undefined);
    refused.push({ method: 'CONNECT', target: request.url ?? '' });
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
  });
  server.on('upgrade', (request: IncomingMessage, socket: Socket) => {
    socket.on('error', () => undefined);
    requests.push({ ...recordOf<Body>(request, ''), upgrade: String(request.headers.upgrade) });
    socket.end('HTTP/1.1 426 Upgrade Required\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The proxy variables that send every outside connection to the stand-in, which refuses it. */
export function closedNetworkEnv(proxyUrl: string): NodeJS.ProcessEnv {
  return {
    HTTPS_PROXY: proxyUrl,
    HTTP_PROXY: proxyUrl,
    https_proxy: proxyUrl,
    http_proxy: proxyUrl,
    NO_PROXY: '127.0.0.1',
    no_proxy: '127.0.0.1',
  };
}
