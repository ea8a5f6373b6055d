/**
 * Run by recovery.test.ts as a separate process (through vite-node): claims the due backup
 * job, starts its child run and a session, and records file rows in small batches forever,
 * printing the count after each committed batch, until the parent SIGKILLs it.
 */
import { createBackupCatalog } from '../../../../engine/backup/catalog/backup-catalog';
import { openCatalog } from '../../../../engine/catalog/open-catalog';

const [dir, now] = process.argv.slice(2);
if (dir === undefined || now === undefined) {
  process.stderr.write('usage: crash-child.ts <catalog dir> <ISO time>\n');
  process.exit(2);
}
const catalog = createBackupCatalog(openCatalog(dir), { now: () => new Date(now) });
const claimed = catalog.jobs.claimNextDue();
if (claimed?.job.kind !== 'backup') {
  process.stderr.write('no backup job was due\n');
  process.exit(3);
}
const scenario = catalog.scenarios.require(claimed.job.scenarios[0]?.id ?? '');
const child = catalog.jobs.runs.startChild(claimed.run.id, scenario.id);
const device = catalog.devices.requireGroup(claimed.job.deviceGroupId).devices[0];
if (!device) throw new Error('the destination has no device');
const media = catalog.media.create({ deviceId: device.id, runId: child.id });
const session = catalog.sessions.begin({
  runId: child.id,
  scenarioId: scenario.id,
  masterHost: scenario.master.host,
  entity: 'Volume C:',
  mediaId: media.id,
  devicePath: device.path,
  archiveFile: (number) => `S${number}.tar.gz`,
  compression: 'gzip',
  encryption: null,
});
process.stdout.write(`run ${claimed.run.id} child ${child.id} session ${session.number}\n`);
const writer = catalog.files.writer(session.number, { batchRows: 500 });
for (let index = 0; ; index++) {
  writer.add({ path: `C:\\Finance\\batch-${Math.floor(index / 500)}\\crashed-${index}.xlsx`, kind: 'file', size: index, mtimeMs: 0, mode: 0x20, sha256: 'c'.repeat(64) });
  if (index % 500 === 499) process.stdout.write(`rows ${writer.totals().files}\n`);
}
