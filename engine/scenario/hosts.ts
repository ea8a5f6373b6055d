import { isIP } from 'node:net';
import os from 'node:os';

const LOOPBACK_NAMES = new Set(['localhost', '::1']);

/** Host names that all mean "this machine", so two spellings of it count as one host. */
export function localHostNames(): string[] {
  const names = new Set<string>([os.hostname().toLowerCase()]);
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const address of addresses ?? []) names.add(address.address.toLowerCase());
  }
  return [...names];
}

/**
 * One spelling per address: brackets dropped, IPv6 compressed (2001:db8:0::1 → 2001:db8::1),
 * IPv4-mapped IPv6 (::ffff:10.0.0.1) written as IPv4.
 */
export function normalizeAddress(host: string): string {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) !== 6) return bare;
  const compressed = new URL(`http://[${bare}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(compressed);
  if (!mapped?.[1] || !mapped[2]) return compressed;
  const high = parseInt(mapped[1], 16);
  const low = parseInt(mapped[2], 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** One spelling per machine: loopback and this machine's own names all become `localhost`. */
export function canonicalHost(host: string, localNames: readonly string[]): string {
  const address = normalizeAddress(host);
  const loopback = LOOPBACK_NAMES.has(address) || (isIP(address) === 4 && address.startsWith('127.'));
  if (loopback || localNames.some((name) => normalizeAddress(name) === address)) return 'localhost';
  return address;
}
