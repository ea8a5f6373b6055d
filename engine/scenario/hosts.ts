import os from 'node:os';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Host names that all mean "this machine", so two spellings of it count as one host. */
export function localHostNames(): string[] {
  const names = new Set<string>([os.hostname().toLowerCase()]);
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const address of addresses ?? []) names.add(address.address.toLowerCase());
  }
  return [...names];
}

/** One spelling per machine: loopback and this machine's own names all become `localhost`. */
export function canonicalHost(host: string, localNames: readonly string[]): string {
  const lower = host.trim().toLowerCase();
  if (LOOPBACK_NAMES.has(lower) || lower.startsWith('127.') || localNames.includes(lower)) return 'localhost';
  return lower;
}
