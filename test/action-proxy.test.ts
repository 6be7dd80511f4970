// A self-hosted runner behind a proxy: the Action reaches GitHub's API through HTTPS_PROXY/HTTP_PROXY, as
// git and every other tool on that runner do. The API's host resolves nowhere here; only the proxy (a
// CONNECT tunnel to the GitHub stand-in) can reach it.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { GITHUB_TOKEN, checkout, runAction } from './helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { createProject, planFile as plan } from './helpers/project.js';

let github: FakeGitHub | undefined;
let proxy: Server | undefined;

afterEach(async () => {
  github?.assertNoSchemaViolations();
  await github?.close();
  await new Promise((done) => (proxy ? proxy.close(done) : done(undefined)));
});

/** A proxy that tunnels every CONNECT to `port` on localhost and records what was asked for. */
async function tunnelTo(port: number): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = [];
  proxy = createServer((_request, response) => response.writeHead(405).end());
  proxy.on('connect', (request, client) => {
    asked.push(request.url ?? '');
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => proxy!.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, asked };
}

it('reaches the GitHub API through the runner proxy', async () => {
  github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: 'octo', repo: 'widgets' });
  const tunnel = await tunnelTo(Number(new URL(github.url).port));
  const repo = createProject();
  const run = await runAction({
    workspace: checkout(repo.origin),
    apiUrl: 'http://api.github.invalid',
    inputs: { experiments: '1' },
    env: { AUTOEXP_PLAN: plan(['set 5']), HTTP_PROXY: tunnel.url, HTTPS_PROXY: tunnel.url },
  });
  expect(run.code).toBe(0);
  expect(run.outputs['pull-request-operation']).toBe('created');
  expect(github.state.pulls).toHaveLength(1);
  expect(tunnel.asked.length).toBeGreaterThan(0);
  expect(new Set(tunnel.asked)).toEqual(new Set(['api.github.invalid:80']));
});
