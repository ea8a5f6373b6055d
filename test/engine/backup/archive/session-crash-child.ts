/**
 * Run by session-crash.test.ts as a separate process (through vite-node): writes sessions
 * S1, S2, … into the folder given, forever, printing "adding <session> <file>" before each
 * file and "finished <path>" once a session's finish() resolved, until the parent SIGKILLs it.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { openSessionWriter } from '../../../../engine/backup/archive/session-writer';
import { BASE, chunksOf } from './session-fixture';

async function main(dir: string): Promise<never> {
  for (let session = 1; ; session += 1) {
    const file = path.join(dir, `S${session}.tar.gz`);
    const writer = await openSessionWriter({ file, compression: 'gzip', manifestBase: { ...BASE, session } });
    await writer.addDirectory('srv', { mtimeMs: Date.now(), mode: 0o755 });
    for (let i = 0; i < 20; i += 1) {
      process.stdout.write(`adding ${session} ${i}\n`);
      const content = randomBytes(256 * 1024);
      await writer.addFile(`srv/f${i}.bin`, { size: content.length, mtimeMs: Date.now(), mode: 0o644 }, chunksOf(content));
    }
    await writer.finish();
    process.stdout.write(`finished ${file}\n`);
  }
}

const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write('usage: session-crash-child.ts <device folder>\n');
  process.exit(2);
}
main(dir).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
