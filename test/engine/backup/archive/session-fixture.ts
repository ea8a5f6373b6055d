import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ManifestBase } from '../../../../engine/backup/archive/manifest';
import type { SessionReader } from '../../../../engine/backup/archive/session-reader';
import { openSessionWriter, type SessionSummary, type SessionWriterOptions } from '../../../../engine/backup/archive/session-writer';

/** What a session is made of in these tests: the Master's tree, each file's bytes in memory. */
export type SampleEntry =
  | { path: string; kind: 'directory'; mtimeMs: number; mode: number }
  | { path: string; kind: 'file'; mtimeMs: number; mode: number; content: Buffer };

export const BASE: ManifestBase = {
  session: 42,
  scenario: { id: 'sc-1', name: 'FileServer 1', type: 'FileServer' },
  entity: 'Volume /srv',
  masterHost: 'fs01.example.com',
};

const MTIME = Date.parse('2024-03-01T10:20:30.000Z');
export const LONG_DIR = `srv/${'deep-folder-name/'.repeat(9)}and-then-some`;
export const LONG_FILE = `${LONG_DIR}/${'a-file-name-that-is-long-'.repeat(4)}.txt`;

/** Folders before their files; empty files; names in several scripts; a path over 250 bytes; one 20 MiB file. */
export function sampleTree({ bigFileBytes = 20 * 1024 * 1024, smallFiles = 40 } = {}): SampleEntry[] {
  const entries: SampleEntry[] = [];
  const dir = (p: string): void => void entries.push({ path: p, kind: 'directory', mtimeMs: MTIME, mode: 0o755 });
  const file = (p: string, content: Buffer, mode = 0o644): void => void entries.push({ path: p, kind: 'file', mtimeMs: MTIME + entries.length * 1000, mode, content });
  dir('srv');
  dir('srv/finance');
  dir('srv/finance/reports');
  file('srv/finance/reports/q1.csv', Buffer.from('quarter,revenue\nq1,100\n'));
  file('srv/finance/reports/empty.csv', Buffer.alloc(0));
  file('srv/finance/reports/run.sh', Buffer.from('#!/bin/sh\necho hi\n'), 0o755);
  dir('srv/finance/reports/archive');
  for (let i = 0; i < smallFiles; i += 1) file(`srv/finance/reports/archive/r${String(i).padStart(3, '0')}.bin`, randomBytes(i * 997));
  dir('srv/ünïcødé');
  file('srv/ünïcødé/résumé – 履歴書 – резюме.txt', Buffer.from('mixed scripts\n'));
  file('srv/ünïcødé/emoji 🙂.txt', Buffer.alloc(0));
  let long = '';
  for (const segment of LONG_DIR.split('/')) {
    long = long ? `${long}/${segment}` : segment;
    if (long !== 'srv') dir(long);
  }
  file(LONG_FILE, Buffer.from('a long way down\n'));
  dir('srv/media');
  file('srv/media/big.bin', randomBytes(bigFileBytes));
  return entries;
}

export async function* chunksOf(content: Buffer, chunkBytes = 64 * 1024): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < content.length; offset += chunkBytes) yield content.subarray(offset, offset + chunkBytes);
}

export async function writeSession(
  dir: string,
  entries: SampleEntry[],
  options: Partial<Omit<SessionWriterOptions, 'manifestBase'>> & { name?: string } = {},
): Promise<SessionSummary> {
  const { name = 'S00000042.tar', ...rest } = options;
  const writer = await openSessionWriter({ file: path.join(dir, name), compression: 'none', manifestBase: BASE, ...rest });
  for (const entry of entries) {
    if (entry.kind === 'directory') await writer.addDirectory(entry.path, entry);
    else await writer.addFile(entry.path, { ...entry, size: entry.content.length }, chunksOf(entry.content));
  }
  return writer.finish();
}

/** An entry as read back; content as its length and sha256, so a mismatch prints short. */
export interface ReadBack {
  path: string;
  kind: 'file' | 'directory';
  mtimeMs: number;
  mode: number;
  content?: { bytes: number; sha256: string };
}

export function digestOf(content: Buffer): { bytes: number; sha256: string } {
  return { bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

export async function readBack(reader: SessionReader): Promise<ReadBack[]> {
  const out: ReadBack[] = [];
  for await (const entry of reader.entries()) {
    const parts: Buffer[] = [];
    for await (const chunk of entry.content) parts.push(chunk);
    out.push({
      path: entry.path,
      kind: entry.kind,
      mtimeMs: entry.mtime.getTime(),
      mode: entry.mode,
      ...(entry.kind === 'file' ? { content: digestOf(Buffer.concat(parts)) } : {}),
    });
  }
  return out;
}

export function expectedBack(entries: SampleEntry[]): ReadBack[] {
  return entries.map((entry) => ({ path: entry.path, kind: entry.kind, mtimeMs: entry.mtimeMs, mode: entry.mode, ...(entry.kind === 'file' ? { content: digestOf(entry.content) } : {}) }));
}
