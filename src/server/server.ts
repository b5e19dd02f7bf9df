// The HTTP server: the JSON API under /api/ and the dashboard at /, on node:http alone.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getLexicon, type Lexicon } from '../lexicon/compile.js';
import type { Store } from '../store/store.js';
import { handleApi } from './api.js';
import { loadAssets, type Asset } from './assets.js';
import { HttpError, SECURITY_HEADERS, sendError, sendJson } from './http.js';
import { openApiDocument } from './openapi.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
/** an article of a few hundred pages of text; more is refused with a 413 */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface ServerOptions {
  store: Store;
  /** a second connection for exports (see ApiContext); the store itself when not given */
  exportStore?: Store;
  lexicon?: Lexicon;
  host?: string;
  /** 0 picks a free port */
  port?: number;
  maxBodyBytes?: number;
  /** where failures that the client only sees as a 500 are reported */
  onError?: (error: unknown, req: IncomingMessage) => void;
}

export interface RunningServer {
  server: Server;
  /** http://HOST:PORT/ */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const isLoopback = (host: string) => LOOPBACK_HOSTS.has(host) || host.startsWith('127.');

/**
 * A server bound to the loopback interface answers only requests addressed to a loopback name, so
 * that a web page cannot reach it through a DNS name of its own that resolves to 127.0.0.1.
 */
function checkHost(req: IncomingMessage, boundHost: string): void {
  if (!isLoopback(boundHost)) return;
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (!isLoopback(host)) throw new HttpError(421, `this server answers requests for ${boundHost} only`);
}

function sendAsset(req: IncomingMessage, res: ServerResponse, asset: Asset): void {
  res.writeHead(200, { 'Content-Type': asset.type, 'Content-Length': asset.body.length, 'Cache-Control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : asset.body);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const ctx = {
    store: options.store,
    exportStore: options.exportStore ?? options.store,
    lexicon: options.lexicon ?? getLexicon(),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  };
  const assets = await loadAssets();
  const openApi = openApiDocument();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    try {
      checkHost(req, host);
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/api/openapi.json') {
        if (req.method !== 'GET') throw new HttpError(405, `${req.method} is not allowed here (GET)`, [], { Allow: 'GET' });
        sendJson(res, 200, openApi);
      } else if (url.pathname.startsWith('/api/')) {
        const result = await handleApi(ctx, req, res, url);
        if (result) sendJson(res, result.status ?? 200, result.json);
      } else {
        const asset = assets.get(url.pathname);
        if (!asset) throw new HttpError(404, `no such page: ${url.pathname}`);
        if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `${req.method} is not allowed here (GET, HEAD)`, [], { Allow: 'GET, HEAD' });
        sendAsset(req, res, asset);
      }
    } catch (e) {
      if (!(e instanceof HttpError)) options.onError?.(e, req);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const error = e instanceof HttpError ? e : new HttpError(500, 'internal error: the server could not answer this request (the server log says why)');
      // a body refused before it was read would otherwise be left in the connection
      if (error.status === 413) res.setHeader('Connection', 'close');
      sendError(res, error);
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${port}/`,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()));
      server.closeAllConnections();
    }),
  };
}
