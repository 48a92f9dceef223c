// Browser mode's HTTP server: the built renderer and the contract on
// 127.0.0.1 only, every request guarded by Host, token and Origin checks.
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveBundleFile, securityHeaders } from '../bundle';
import type { Hub } from '../hub/hub';
import type { Logger } from '../hub/log';
import { handleApiCall } from './api';
import { EventStreams } from './events-stream';
import { checkRequest } from './guard';

export interface WebServerOptions {
  hub: Hub;
  rendererDir: string;
  token: string;
  /** 0 picks any free port. */
  port: number;
  log: Logger;
}

export interface WebServer {
  readonly port: number;
  /** The URL to open, with the token in it. */
  readonly url: string;
  close(): Promise<void>;
}

const refusedPage = (status: number, text: string): string =>
  `<!doctype html><meta charset="utf-8"><title>Starboard</title><p>${status}: ${text}</p>`;

export async function startWebServer({ hub, rendererDir, token, port, log }: WebServerOptions): Promise<WebServer> {
  const streams = new EventStreams(hub);
  let boundPort = port;

  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    route(req, res).catch((error: unknown) => {
      log.error('browser mode request failed', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = checkRequest(req.headers, req.url ?? '/', boundPort, token);
    if (!verdict.ok) {
      log.warn('refused browser mode request', { status: verdict.status, reason: verdict.reason });
      res.writeHead(verdict.status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(
        refusedPage(
          verdict.status,
          verdict.status === 401
            ? 'Open Starboard with the link it printed when it started; the link carries this run’s token.'
            : 'This request did not come from Starboard’s own page.',
        ),
      );
      return;
    }
    const rest = verdict.rest;
    if (rest === '') {
      // Relative asset URLs need the trailing slash.
      res.writeHead(308, { Location: `/${token}/` });
      res.end();
      return;
    }
    const api = /^\/api\/(query|command)\/([^/?]+)$/.exec(rest.split('?')[0] ?? '');
    if (api) return handleApiCall(hub, api[1] as 'query' | 'command', decodeURIComponent(api[2] ?? ''), req, res);
    if (rest === '/api/events') {
      if (req.method !== 'GET') return methodNotAllowed(res);
      return streams.open(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res);
    return serveFile(rendererDir, rest.split('?')[0] ?? '/', req, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  boundPort = (server.address() as AddressInfo).port;

  return {
    port: boundPort,
    url: `http://127.0.0.1:${boundPort}/${token}/`,
    close: () =>
      new Promise<void>((resolve) => {
        streams.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function methodNotAllowed(res: ServerResponse): void {
  res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Method not allowed');
}

async function serveFile(root: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const file = await resolveBundleFile(root, path);
  if (!file.ok) {
    res.writeHead(file.status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(file.status === 404 ? 'Not found' : 'Bad request');
    return;
  }
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Cache-Control': path.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file.path).pipe(res);
}
