import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { forwardStreams } from '../../electron/api/handlers';
import { boot, type Booted } from '../../electron/boot';
import { startConsoleHost, type ConsoleHost } from '../../electron/console-host';
import { tempDir } from './temp-dir';

export interface ConsoleFixture {
  booted: Booted;
  host: ConsoleHost;
  origin: string;
  close(): Promise<void>;
}

/** A real engine on a real catalog file behind a real console host, serving a small static site. */
export async function startConsoleFixture(): Promise<ConsoleFixture> {
  const staticDir = tempDir('understudy-static-');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Understudy</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app")');
  const booted = await boot({ dataDir: tempDir(), shell: 'console', version: 'test', enginePort: 0, engineBind: '127.0.0.1' });
  const host = await startConsoleHost({
    dispatch: booted.dispatch,
    subscribe: (sink) => forwardStreams(booted.engine, sink),
    staticDir,
  });
  return {
    booted,
    host,
    origin: `http://127.0.0.1:${host.port}`,
    close: async () => {
      await host.close();
      await booted.shutdown();
    },
  };
}

export interface PlainResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP GET, so tests control every header (Host included). */
export function get(port: number, pathAndQuery: string, headers: Record<string, string> = {}): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: pathAndQuery, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
  });
}
