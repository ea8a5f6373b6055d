import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ReplicaApplier } from '../../../engine/replica/applier';
import { tempDir } from '../../helpers/temp-dir';

/** Shared set-up for the Replica suites: real folders, real records, no mocks. */

/** A millisecond-precise mtime; tests check it survives to the millisecond. */
export const MTIME = 1_700_000_000_123;

/** Copied into a plain ArrayBuffer-backed array, the type a ChangeRecord's data has. */
export function bytes(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/** An applier over `roots` target directories that do not exist yet (the applier creates them). */
export function newReplica(roots = 1): { applier: ReplicaApplier; targets: string[]; base: string } {
  const base = tempDir('understudy-replica-');
  const targets = Array.from({ length: roots }, (_, index) => path.join(base, `target-${index}`));
  return { applier: new ReplicaApplier({ targets }), targets, base };
}

export async function expectUserError(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'UserError', code });
}

export function expectMtime(file: string, mtimeMs: number): void {
  expect(Math.abs(fs.statSync(file).mtimeMs - mtimeMs)).toBeLessThan(1);
}

/** Every entry below `dir` with its type, permission bits, mtime and contents, for "nothing changed" checks. */
export function snapshot(dir: string, options = { directoryMtimes: true }): string[] {
  const lines: string[] = [];
  const walk = (absolute: string, relative: string): void => {
    for (const name of fs.readdirSync(absolute).sort()) {
      const child = path.join(absolute, name);
      const shown = relative === '' ? name : `${relative}/${name}`;
      const stats = fs.lstatSync(child);
      const contents = stats.isFile() ? fs.readFileSync(child, 'utf8') : '';
      const mtime = stats.isDirectory() && !options.directoryMtimes ? '' : stats.mtimeMs;
      lines.push(`${shown} ${stats.isDirectory() ? 'd' : 'f'} ${stats.mode.toString(8)} ${mtime} ${contents}`);
      if (stats.isDirectory()) walk(child, shown);
    }
  };
  walk(dir, '');
  return lines;
}
