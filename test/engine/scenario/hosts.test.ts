import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { canonicalHost, localHostNames } from '../../../engine/scenario/hosts';

const LOCAL_NAMES = ['workstation-7', '192.0.2.2', 'fd00::2'];

describe('canonicalHost', () => {
  it.each([
    ['localhost'],
    ['LOCALHOST'],
    ['  localhost  '],
    ['127.0.0.1'],
    ['127.0.0.2'],
    ['127.255.255.254'],
    ['::1'],
    ['[::1]'],
    ['workstation-7'],
    ['WorkStation-7'],
    ['192.0.2.2'],
    ['fd00::2'],
    ['FD00::2'],
  ])('%j is this machine and becomes "localhost"', (host) => {
    expect(canonicalHost(host, LOCAL_NAMES)).toBe('localhost');
  });

  it.each([
    ['fs02', 'fs02'],
    ['FS02.Corp.Example', 'fs02.corp.example'],
    [' 10.0.0.5 ', '10.0.0.5'],
    ['2001:DB8::1', '2001:db8::1'],
    ['workstation-8', 'workstation-8'],
    ['128.0.0.1', '128.0.0.1'],
  ])('%j is another machine and becomes %j', (host, expected) => {
    expect(canonicalHost(host, LOCAL_NAMES)).toBe(expected);
  });

  it('a machine name counts as local only when it is in the local names given', () => {
    expect(canonicalHost('workstation-7', [])).toBe('workstation-7');
  });

  it('a DNS name that merely starts with "127." is not loopback', () => {
    expect(canonicalHost('127.backup.example.com', [])).toBe('127.backup.example.com');
  });

  it('a bracketed IPv6 address is the same host as the bare address', () => {
    expect(canonicalHost('[2001:DB8::1]', [])).toBe(canonicalHost('2001:db8::1', []));
    expect(canonicalHost('[fd00::2]', LOCAL_NAMES)).toBe('localhost');
  });

  it.each([
    ['2001:db8:0:0:0:0:0:1', '2001:db8::1'],
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['::ffff:a01:203', '10.1.2.3'],
    ['::FFFF:127.0.0.1', 'localhost'],
  ])('%s is spelled one way: %s', (spelling, canonical) => {
    expect(canonicalHost(spelling, [])).toBe(canonical);
  });
});

describe('localHostNames', () => {
  it("lists this machine's host name and its interface addresses, lower-cased", () => {
    const names = localHostNames();
    expect(names).toContain(os.hostname().toLowerCase());
    const addresses = Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address.toLowerCase()));
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(names).toContain(address);
    for (const name of names) expect(name).toBe(name.toLowerCase());
  });

  it("makes this machine's own host name canonicalise to localhost", () => {
    expect(canonicalHost(os.hostname().toUpperCase(), localHostNames())).toBe('localhost');
  });
});
