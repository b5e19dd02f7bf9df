// What every response of the server shares: JSON bodies, errors a client can act on (and never a
// stack trace), request bodies read with a size limit, and the security headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

/** An error meant for the client: its status and message are sent as they are. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * The dashboard loads only its own script, style sheet and data; article text is put in the page
 * as text nodes, and this policy stops any script that got in some other way.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  sendJson(res, error.status, { error: { status: error.status, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) } });
}

/** A zod failure as a 400 that names each bad field. */
export function validationError(error: z.ZodError, where: 'query' | 'body'): HttpError {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.') || where, message: i.message }));
  return new HttpError(400, `invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown, where: 'query' | 'body'): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/** The query string as an object; a parameter given twice is an error rather than a silent choice. */
export function queryObject(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(query, key)) throw new HttpError(400, `invalid query: ${key}: given more than once (list values with commas)`, [{ path: key, message: 'given more than once' }]);
    query[key] = value;
  }
  return query;
}

/** Reads a JSON body of at most maxBytes bytes; the request must say it is JSON. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  // a cross-site page can only send JSON after a CORS preflight, which this server never grants
  if (type !== 'application/json') throw new HttpError(415, 'the body must be JSON, sent with Content-Type: application/json');
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) throw new HttpError(413, `the body is larger than the limit of ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, `the body is larger than the limit of ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, 'the body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `the body is not valid JSON (${(e as Error).message})`);
  }
}
