import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Library } from '../library/types.js';
import { createApp, type AppOptions } from './app.js';

export interface StartOptions extends Omit<AppOptions, 'library'> {
  readonly library: Library;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the app on host:port; resolves once it listens (rejects when the port cannot be bound). */
export function startServer(options: StartOptions): Promise<RunningServer> {
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      server.off('error', reject);
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error === undefined ? done() : fail(error)));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}

/** True for 127.0.0.0/8, ::1 and localhost: the hosts no other machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/gu, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(bare);
}
