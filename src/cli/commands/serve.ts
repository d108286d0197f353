import { HearsayError } from '../../model/errors.js';
import { librarySpec, openLibraryFromSpec } from '../../library/open.js';
import { isLoopbackHost, startServer } from '../../web/server.js';
import type { CliIo } from '../main.js';
import { parseArgs } from './library.js';

const USAGE =
  'usage: hearsay serve [--db PATH] [--port 8080] [--host 127.0.0.1] [--token TOKEN] [--allow-open-writes]\n' +
  '  serves the web app and the HTTP API (OpenAPI document at /api/openapi.json)\n' +
  '  --token (or HEARSAY_TOKEN) protects writes (POST /api/analyze with "store": true) with a bearer token;\n' +
  '  a host other than loopback needs a token unless --allow-open-writes is given\n';

/** `hearsay serve`: opens the library, serves until SIGINT/SIGTERM, then closes the server and the library. */
export async function runServe(args: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const parsed = parseArgs('serve', args, { db: 'string', port: 'string', host: 'string', token: 'string', 'allow-open-writes': 'boolean' });
  if (parsed.positional.length > 0) throw new HearsayError('takes no positional arguments (expected options only)', { input: parsed.positional[0]!, exitCode: 2 });
  const portText = parsed.strings.get('port') ?? '8080';
  if (!/^\d{1,5}$/u.test(portText) || Number(portText) > 65535) throw new HearsayError(`'${portText}' is not a port (expected 0–65535)`, { input: '--port', exitCode: 2 });
  const host = parsed.strings.get('host') ?? '127.0.0.1';
  const token = parsed.strings.get('token') ?? (process.env['HEARSAY_TOKEN'] === '' ? undefined : process.env['HEARSAY_TOKEN']);
  if (!isLoopbackHost(host)) {
    if (token === undefined && !parsed.flags.has('allow-open-writes')) {
      throw new HearsayError(`refusing to listen on non-loopback host ${host} without --token (or HEARSAY_TOKEN): anyone on the network could write to the library; pass --allow-open-writes to do it anyway`, { input: '--host', exitCode: 2 });
    }
    io.stderr.write(`hearsay serve: warning: listening on ${host}, reachable from other machines${token === undefined ? ' — writes are NOT protected' : ''}\n`);
  }
  const library = await openLibraryFromSpec(librarySpec(parsed.strings.get('db')));
  let server;
  try {
    server = await startServer({ library, host, port: Number(portText), ...(token === undefined ? {} : { token }), logError: (error) => io.stderr.write(`hearsay serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`) });
  } catch (error) {
    await library.close();
    throw new HearsayError(`cannot listen on ${host}:${portText} (${error instanceof Error ? error.message : String(error)})`, { input: '--port', cause: error });
  }
  io.stderr.write(`hearsay serve: ${server.url}/ (API: ${server.url}/api/openapi.json)${token === undefined ? '' : ', writes need the bearer token'}; Ctrl-C stops\n`);
  await waitForStop(signal);
  await server.close();
  await library.close();
  return 0;
}

function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
}
