import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh secret per console host start; it travels only inside the URL printed on the console. */
export function createAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

export function cookieName(port: number): string {
  // Cookies ignore ports, so two console hosts on one machine must not share a name.
  return `understudy_token_${port}`;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function tokensMatch(presented: string | undefined, expected: string): boolean {
  return presented !== undefined && timingSafeEqual(digest(presented), digest(expected));
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The token a request presents: the session cookie, a bearer header, or the `token` query parameter. */
export function presentedToken(request: IncomingMessage, url: URL, port: number): string | undefined {
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  return cookieValue(request.headers.cookie, cookieName(port)) ?? bearer ?? url.searchParams.get('token') ?? undefined;
}

const LOCAL_HOST_HEADER = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

/** Refuses requests whose Host header names another site (DNS rebinding). */
export function isLocalHostHeader(host: string | undefined): boolean {
  return host !== undefined && LOCAL_HOST_HEADER.test(host);
}

/** A browser's WebSocket must come from our own page; tools without an Origin header are allowed. */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  return origin === undefined || origin === `http://${host}`;
}
