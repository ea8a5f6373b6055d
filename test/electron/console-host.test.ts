import net from 'node:net';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cookieName } from '../../electron/console/access-token';
import { startConsoleFixture, get, type ConsoleFixture } from '../helpers/console-fixture';
import { removeTempDirs } from '../helpers/temp-dir';

let fixture: ConsoleFixture;

beforeEach(async () => {
  fixture = await startConsoleFixture();
});

afterEach(async () => {
  await fixture.close();
  removeTempDirs();
});

interface Opened {
  socket: WebSocket;
  replies: Map<number, unknown>;
  events: { stream: string; payload: unknown }[];
}

function openSocket(url: string, headers: Record<string, string> = {}): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    const opened: Opened = { socket, replies: new Map(), events: [] };
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; stream?: string; payload?: unknown };
      if (typeof message.id === 'number') opened.replies.set(message.id, message.result);
      else if (message.stream) opened.events.push({ stream: message.stream, payload: message.payload });
    });
    socket.once('open', () => resolve(opened));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

async function call(opened: Opened, id: number, channel: string, request: unknown): Promise<unknown> {
  opened.socket.send(JSON.stringify({ id, channel, request }));
  const deadline = Date.now() + 5000;
  while (!opened.replies.has(id)) {
    if (Date.now() > deadline) throw new Error(`no reply to ${channel}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return opened.replies.get(id);
}

describe('console host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    expect(fixture.host.url.startsWith(`http://127.0.0.1:${fixture.host.port}/`)).toBe(true);
    if (external) {
      const viaExternal = new Promise((resolve) => {
        const socket = new net.Socket();
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
        socket.connect(fixture.host.port, external.address, () => {
          socket.destroy();
          resolve('connected');
        });
      });
      await expect(viaExternal).resolves.toBe('ECONNREFUSED');
    }
  });

  it('refuses a request without the token with 401', async () => {
    const response = await get(fixture.host.port, '/');
    expect(response.status).toBe(401);
    expect(response.body).toContain('access token');
    expect((await get(fixture.host.port, '/assets/app.js')).status).toBe(401);
  });

  it('refuses a wrong token with 401', async () => {
    expect((await get(fixture.host.port, '/?token=wrong')).status).toBe(401);
    expect((await get(fixture.host.port, '/', { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get(fixture.host.port, '/', { Cookie: `${cookieName(fixture.host.port)}=wrong` })).status).toBe(401);
  });

  it('trades the URL token for an HttpOnly cookie and serves the page with a CSP', async () => {
    const first = await get(fixture.host.port, `/?token=${fixture.host.token}`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await get(fixture.host.port, '/', { Cookie: cookie.split(';')[0] ?? '' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Understudy</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await get(fixture.host.port, '/assets/app.js', { Authorization: `Bearer ${fixture.host.token}` });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const response = await get(fixture.host.port, '/', { Host: 'attacker.example:80', Authorization: `Bearer ${fixture.host.token}` });
    expect(response.status).toBe(403);
  });

  it('does not serve files outside the renderer folder', async () => {
    const response = await get(fixture.host.port, '/..%2f..%2fetc%2fpasswd', { Authorization: `Bearer ${fixture.host.token}` });
    expect(response.body).not.toContain('root:');
    expect([200, 404]).toContain(response.status);
  });

  it('refuses a WebSocket without the token, or from another origin', async () => {
    const base = `ws://127.0.0.1:${fixture.host.port}/api`;
    await expect(openSocket(base)).rejects.toThrow('HTTP 401');
    await expect(openSocket(`${base}?token=${fixture.host.token}`, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('serves the contract over an authenticated WebSocket and pushes engine events', async () => {
    const opened = await openSocket(`ws://127.0.0.1:${fixture.host.port}/api?token=${fixture.host.token}`);
    const created = (await call(opened, 1, 'scenario.create', {
      name: 'Finance share',
      type: 'FileServer',
      master: { host: 'localhost', roots: ['/srv/finance'] },
      replicas: [{ host: 'localhost', target: '/replicas/finance' }],
    })) as { ok: boolean };
    expect(created.ok).toBe(true);
    const list = (await call(opened, 2, 'scenario.list', {})) as { ok: true; value: { name: string }[] };
    expect(list.value.map((scenario) => scenario.name)).toEqual(['Finance share']);
    expect(opened.events.some((event) => event.stream === 'scenario.changed')).toBe(true);
    expect(opened.events.some((event) => event.stream === 'engine.event' && JSON.stringify(event.payload).includes('Finance share'))).toBe(true);
    opened.socket.close();
  });

  it('closes a connection that sends a malformed message and keeps serving others', async () => {
    const url = `ws://127.0.0.1:${fixture.host.port}/api?token=${fixture.host.token}`;
    const bad = await openSocket(url);
    const closed = new Promise<number>((resolve) => bad.socket.once('close', (code) => resolve(code)));
    bad.socket.send('{"not":"a request"');
    expect(await closed).toBe(1008);
    const good = await openSocket(url);
    const reply = (await call(good, 7, 'scenario.list', {})) as { ok: boolean };
    expect(reply.ok).toBe(true);
    const unknown = (await call(good, 8, 'scenario.explode', {})) as { ok: false; error: { code: string } };
    expect(unknown.error.code).toBe('E1003');
    good.socket.close();
  });
});
