import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describeError } from '../messages/describe-error';
import { syncDirectory } from '../util/atomic-file';
import { checksumPathOf, manifestPathOf, partialPathOf } from './archive/format';
import type { BackupCatalog } from './catalog/backup-catalog';
import type { StagedSession } from './catalog/staged-sessions';

/**
 * Moves staged sessions to their destination device group once their time has come. Crash
 * safe at any point: files are copied under `.partial` names, fsynced and renamed; the archive
 * must hash to the checksum the catalog recorded; only then does one transaction point the
 * session at its new place; the staging copy is removed last (and again at the next pass if
 * the process stopped before). A failure leaves the session restorable where it was.
 */
export async function migrateStagedSessions(catalog: BackupCatalog): Promise<void> {
  for (const staged of catalog.staged.leftovers()) await removeStagingCopy(catalog, staged);
  for (const staged of catalog.staged.due()) {
    try {
      await migrate(catalog, staged);
    } catch (error) {
      catalog.staged.markFailed(staged.session, describeError(error));
      catalog.activity.append({
        type: 'Error',
        runId: staged.runId,
        session: staged.session,
        message: `Session ${staged.session} could not migrate from its staging device to its destination (${describeError(error)}); it stays restorable from ${staged.stagingPath}`,
      });
    }
  }
}

async function migrate(catalog: BackupCatalog, staged: StagedSession): Promise<void> {
  const session = catalog.sessions.require(staged.session);
  if (session.state !== 'complete' || session.sha256 === null) throw new Error(`session ${staged.session} is not complete`);
  const group = catalog.devices.requireGroup(staged.finalGroupId);
  const device = group.devices[0];
  if (!device) throw new Error(`device group "${group.name}" has no device`);
  const encrypted = session.encryption !== null;
  const archive = session.archiveFile;
  const files = [archive, path.basename(manifestPathOf(archive, encrypted)), path.basename(checksumPathOf(archive))];
  await fs.mkdir(device.path, { recursive: true });
  for (const name of files) {
    const digest = await copyDurably(path.join(staged.stagingPath, name), path.join(device.path, name));
    if (name === archive && digest !== session.sha256) throw new Error(`the staged archive ${name} does not match its recorded checksum`);
  }
  await syncDirectory(device.path);
  const media = catalog.media.create({ deviceId: device.id, pool: staged.mediaPool, runId: staged.runId });
  catalog.staged.markMigrated(staged.session, { devicePath: device.path, mediaId: media.id });
  catalog.activity.append({
    type: 'Information',
    runId: staged.runId,
    session: staged.session,
    message: `Session ${staged.session} migrated from staging to device group "${group.name}" (${device.path}), media ${media.name}`,
  });
  await removeStagingCopy(catalog, { ...staged, state: 'migrated' });
}

async function removeStagingCopy(catalog: BackupCatalog, staged: StagedSession): Promise<void> {
  const session = catalog.sessions.require(staged.session);
  const archive = path.join(staged.stagingPath, session.archiveFile);
  for (const file of [archive, manifestPathOf(archive, session.encryption !== null), checksumPathOf(archive)]) await fs.rm(file, { force: true });
  catalog.staged.markStagingRemoved(staged.session);
}

/** Copies `from` to `to` through `to.partial` (fsynced, then renamed); returns the sha256 of the bytes copied. */
async function copyDurably(from: string, to: string): Promise<string> {
  const partial = partialPathOf(to);
  const hash = createHash('sha256');
  await pipeline(
    createReadStream(from),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    }),
    createWriteStream(partial),
  );
  const handle = await fs.open(partial, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(partial, to);
  return hash.digest('hex');
}
