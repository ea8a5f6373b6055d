import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Dispatch } from './api/handlers';
import { cookieName, createAccessToken, isLocalHostHeader, isSameOrigin, presentedToken, tokensMatch } from './console/access-token';
import { sendPlain, serveStatic } from './console/static-files';
import { MAX_MESSAGE_BYTES, serveContract, type SubscribeStreams } from './console/websocket-api';

export const CONSOLE_BIND_ADDRESS = '127.0.0.1';
export const API_PATH = '/api';

export interface ConsoleHostOptions {
  dispatch: Dispatch;
  subscribe: SubscribeStreams;
  /** The built renderer. */
  staticDir: string;
  /** 0 lets the OS choose. */
  port?: number;
  token?: string;
}

export interface ConsoleHost {
  readonly port: number;
  readonly token: string;
  /** The URL to open: it carries the token once; the page then lives on a cookie. */
  readonly url: string;
  close(): Promise<void>;
}

const UNAUTHORIZED =
  'Unauthorized: open the URL the console host printed when it started (it carries the access token).';

/**
 * Serves the renderer and the contract over HTTP + WebSocket to this machine only
 * (127.0.0.1), behind a random token: the console for headless servers and for tests.
 */
export async function startConsoleHost(options: ConsoleHostOptions): Promise<ConsoleHost> {
  const token = options.token ?? createAccessToken();
  const server = http.createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  sockets.on('connection', (socket) => serveContract(socket, options.dispatch, options.subscribe));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, CONSOLE_BIND_ADDRESS, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('console host: no TCP address');
  const port = address.port;

  const requestUrl = (request: IncomingMessage): URL | undefined => {
    try {
      return new URL(request.url ?? '/', `http://${CONSOLE_BIND_ADDRESS}:${port}`);
    } catch {
      return undefined;
    }
  };

  const handleRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = requestUrl(request);
    if (!isLocalHostHeader(request.headers.host)) return sendPlain(response, 403, 'Forbidden: unknown Host header.');
    if (!url || (request.method !== 'GET' && request.method !== 'HEAD')) return sendPlain(response, 405, 'Method not allowed.');
    if (!tokensMatch(presentedToken(request, url, port), token)) return sendPlain(response, 401, UNAUTHORIZED);
    if (url.searchParams.has('token')) {
      url.searchParams.delete('token');
      // Trade the URL token for a cookie so it leaves the address bar and history.
      return sendPlain(response, 302, 'Redirecting', {
        Location: url.pathname + url.search,
        'Set-Cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    try {
      await serveStatic(options.staticDir, url.pathname, response);
    } catch {
      if (!response.headersSent) sendPlain(response, 400, 'Bad request.');
    }
  };

  const refuseUpgrade = (socket: Duplex, status: string): void => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => void handleRequest(request, response));
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = requestUrl(request);
    if (!url || url.pathname !== API_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (!isLocalHostHeader(request.headers.host) || !isSameOrigin(request.headers.origin, request.headers.host)) {
      return refuseUpgrade(socket, '403 Forbidden');
    }
    if (!tokensMatch(presentedToken(request, url, port), token)) return refuseUpgrade(socket, '401 Unauthorized');
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  return {
    port,
    token,
    url: `http://${CONSOLE_BIND_ADDRESS}:${port}/?token=${token}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
