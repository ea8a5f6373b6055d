/**
 * Run by crash.test.ts as a separate process (through vite-node, which runs TypeScript):
 * appends payloadFor(seq) records with 8 appends in flight, forever, printing each seq once
 * its append has resolved, until the parent SIGKILLs it. Pipes to the parent are written
 * synchronously on POSIX, so a printed seq reached the parent before any later kill.
 */
import { SegmentLog } from '../../../engine/spool/segment-log';
import { payloadFor } from './spool-fixtures';

const IN_FLIGHT = 8;

async function main(dir: string): Promise<void> {
  const log = await SegmentLog.open({ dir, groupCommitMs: 2, segmentBytes: 1024 * 1024 });
  let next = log.usage().lastSeq + 1;
  process.stdout.write(`ready ${next}\n`);
  const appender = async (): Promise<never> => {
    for (;;) {
      // Seqs follow call order, so the seq (and with it the payload) is known before the call.
      const seq = next++;
      const stored = await log.append(payloadFor(seq));
      if (stored !== seq) throw new Error(`append got seq ${stored}, expected ${seq}`);
      process.stdout.write(`${seq}\n`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, appender));
}

const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write('usage: crash-child.ts <spool dir>\n');
  process.exit(2);
}
main(dir).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
