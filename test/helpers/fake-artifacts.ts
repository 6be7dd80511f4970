// A local stand-in for the artifact service that @actions/artifact (v2 and later) talks to, so that the
// real client runs unchanged: the results service's Twirp API at ACTIONS_RESULTS_URL (CreateArtifact and
// FinalizeArtifact, JSON with proto field names) and the Azure blob storage behind the signed upload URL
// it hands out (Put Block and Put Block List, or a single Put Blob). Finished uploads are kept for the
// test to open; readZip() reads the archive the client made.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomUUID } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';
/** The IDs the runtime token's scope names; the client must send them back with every call. */
export const RUN_BACKEND_ID = 'c0ffee00-1111-4222-8333-444455556666';
export const JOB_BACKEND_ID = 'decade00-7777-4888-9999-aaaabbbbcccc';
export const RUN_ID = '31415926';
const SIGNATURE = 'fake-sas-signature';

export interface UploadedArtifact extends CreatedArtifact {
  id: number;
  /** FinalizeArtifact's size and hash, as the client reported them. */
  size: string;
  hash?: string;
  /** The bytes that reached blob storage. */
  content: Buffer;
}

export interface CreatedArtifact {
  name: string;
  /** RFC 3339, present when the client asked for a retention. */
  expiresAt?: string;
  mimeType?: string;
}

export interface FakeArtifacts {
  url: string;
  /** The runner's variables that point @actions/artifact here (and GITHUB_RUN_ID for the link). */
  env: Record<string, string>;
  /** What CreateArtifact was asked for, in order, finalized or not. */
  created: CreatedArtifact[];
  /** Finalized artifacts, in order. */
  artifacts: UploadedArtifact[];
  /** `CreateArtifact`, `PutBlock`, `PutBlockList`, `PutBlob`, `FinalizeArtifact`…, in order. */
  requests: string[];
  /** From now on blob storage answers 403, as it does for an expired or wrong signature. */
  refuseUploads(): void;
  close(): Promise<void>;
}

/** An unsigned JWT: the client only decodes it to read the scope. */
function runtimeToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const scope = `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${RUN_BACKEND_ID}:${JOB_BACKEND_ID}`;
  return `${part({ typ: 'JWT', alg: 'none' })}.${part({ scp: scope, exp: 4_102_444_800 })}.`;
}

/** Where an artifact's zip goes, Azurite style: /<account>/<container>/<blob>. */
function blobPath(name: string): string {
  return `/devstoreaccount1/actions-results/${RUN_BACKEND_ID}/${encodeURIComponent(name)}.zip`;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeArtifacts(options: { firstId?: number } = {}): Promise<FakeArtifacts> {
  const token = runtimeToken();
  const created: CreatedArtifact[] = [];
  const artifacts: UploadedArtifact[] = [];
  const requests: string[] = [];
  /** Created, not yet finalized, by name. */
  const pending = new Map<string, CreatedArtifact>();
  /** Blob path → staged blocks and the committed content. */
  const blobs = new Map<string, { blocks: Map<string, Buffer>; content?: Buffer }>();
  let nextId = options.firstId ?? 7001;
  let refuse = false;

  const json = (response: ServerResponse, status: number, body: object) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const twirpError = (response: ServerResponse, status: number, code: string, msg: string) =>
    json(response, status, { code, msg });

  async function twirp(method: string, request: IncomingMessage, response: ServerResponse, base: string) {
    requests.push(method);
    if (request.headers.authorization !== `Bearer ${token}`)
      return twirpError(response, 401, 'unauthenticated', 'bad runtime token');
    const body = JSON.parse((await readBody(request)).toString('utf8')) as Record<string, unknown>;
    if (
      body.workflow_run_backend_id !== RUN_BACKEND_ID ||
      body.workflow_job_run_backend_id !== JOB_BACKEND_ID
    )
      return twirpError(response, 400, 'invalid_argument', 'backend ids do not match the token');
    const name = String(body.name ?? '');
    if (method === 'CreateArtifact') {
      if (pending.has(name) || artifacts.some((artifact) => artifact.name === name))
        return twirpError(response, 409, 'already_exists', `an artifact named ${name} already exists`);
      const artifact = {
        name,
        expiresAt: body.expires_at as string | undefined,
        mimeType: body.mime_type as string | undefined,
      };
      created.push(artifact);
      pending.set(name, artifact);
      blobs.set(blobPath(name), { blocks: new Map() });
      return json(response, 200, {
        ok: true,
        signed_upload_url: `${base}${blobPath(name)}?sv=2023-11-03&sig=${SIGNATURE}`,
      });
    }
    if (method === 'FinalizeArtifact') {
      const started = pending.get(name);
      const content = blobs.get(blobPath(name))?.content;
      if (!started || !content) return twirpError(response, 404, 'not_found', `nothing uploaded for ${name}`);
      pending.delete(name);
      const id = nextId++;
      artifacts.push({
        ...started,
        id,
        size: String(body.size),
        hash: body.hash as string | undefined,
        content,
      });
      return json(response, 200, { ok: true, artifact_id: String(id) });
    }
    return twirpError(response, 404, 'bad_route', `no method ${method}`);
  }

  async function blob(url: URL, request: IncomingMessage, response: ServerResponse) {
    const comp = url.searchParams.get('comp');
    const operation = comp === 'block' ? 'PutBlock' : comp === 'blocklist' ? 'PutBlockList' : 'PutBlob';
    requests.push(operation);
    const body = await readBody(request);
    const stored = blobs.get(url.pathname);
    if (refuse || url.searchParams.get('sig') !== SIGNATURE || request.method !== 'PUT' || !stored) {
      response.writeHead(403, {
        'content-type': 'application/xml',
        'x-ms-error-code': 'AuthenticationFailed',
      });
      return response.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code>' +
          '<Message>Server failed to authenticate the request.</Message></Error>',
      );
    }
    if (operation === 'PutBlock') stored.blocks.set(url.searchParams.get('blockid') ?? '', body);
    else if (operation === 'PutBlob') stored.content = body;
    else {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)];
      stored.content = Buffer.concat(ids.map((match) => stored.blocks.get(match[1]!) ?? Buffer.alloc(0)));
    }
    const md5 = createHash('md5').update(body).digest('base64');
    response.writeHead(201, {
      etag: `"0x${Date.now().toString(16)}"`,
      'last-modified': new Date().toUTCString(),
      'content-md5': md5,
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2023-11-03',
      'x-ms-request-server-encrypted': 'true',
    });
    response.end();
  }

  const server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const url = new URL(request.url ?? '/', base);
    const handled =
      request.method === 'POST' && url.pathname.startsWith(TWIRP_PREFIX)
        ? twirp(url.pathname.slice(TWIRP_PREFIX.length), request, response, base)
        : blob(url, request, response);
    handled.catch((error: Error) => {
      if (!response.headersSent) twirpError(response, 500, 'internal', error.message);
      else response.destroy(error);
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    env: { ACTIONS_RESULTS_URL: `${url}/`, ACTIONS_RUNTIME_TOKEN: token, GITHUB_RUN_ID: RUN_ID },
    created,
    artifacts,
    requests,
    refuseUploads: () => {
      refuse = true;
    },
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

/** The files in a zip archive, read from its central directory (stored and deflated entries). */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let index = 0; index < entries; index++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('broken central directory');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart =
      localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
