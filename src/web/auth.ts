import { createHash, timingSafeEqual } from 'node:crypto';
import { WebError } from './web-error.js';

/**
 * Checks `Authorization: Bearer TOKEN` against the configured token; no token configured means writes are open
 * (the server then only listens on loopback). Compares digests so timing reveals neither content nor length.
 */
export function requireBearer(request: Request, token: string | undefined): void {
  if (token === undefined) return;
  const header = request.headers.get('authorization') ?? '';
  const given = header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : '';
  if (given === '' || !timingSafeEqual(digest(given), digest(token))) {
    throw new WebError('storing needs the bearer token the server was started with (Authorization: Bearer TOKEN)', { status: 401, title: 'Unauthorized', input: 'authorization' });
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
