import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checksumPathOf, manifestPathOf, partialPathOf } from '../../../engine/backup/archive/format';
import { migrateStagedSessions } from '../../../engine/backup/staging-migration';
import { removeTempDirs } from '../../helpers/temp-dir';
import { beginSession, closeTestCatalogs, diskDestination, openTestCatalog, runningBackup, type TestCatalog } from './catalog/catalog-fixture';

afterEach(() => {
  closeTestCatalogs();
  removeTempDirs();
});

/** A complete session written to the staging device (real files: archive, manifest, checksum), noted for migration to a second group. */
function stagedSession(test: TestCatalog, migrateAfterHours = 0) {
  const staging = runningBackup(test);
  const final = diskDestination(test.catalog, 'Tape-like group');
  const session = beginSession(test, staging);
  const archive = path.join(staging.devicePath, session.archiveFile);
  const bytes = Buffer.from('pretend this is a gzip tar of the Finance share');
  fs.writeFileSync(archive, bytes);
  fs.writeFileSync(manifestPathOf(archive, false), '{"manifest":true}');
  fs.writeFileSync(checksumPathOf(archive), 'sum');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  test.catalog.sessions.complete(session.number, { archiveSize: bytes.length, sha256, files: 1, directories: 0, bytes: 10 });
  test.catalog.staged.note({ session: session.number, runId: staging.runId, finalGroupId: final.groupId, mediaPool: 'Weekly', stagingPath: staging.devicePath, migrateAfterHours });
  const finalPath = test.catalog.devices.requireGroup(final.groupId).devices[0]?.path ?? '';
  return { session: session.number, archiveFile: session.archiveFile, stagingPath: staging.devicePath, finalPath, bytes, runId: staging.runId };
}

const namesIn = (dir: string): string[] => fs.readdirSync(dir).sort();

describe('staging migration', () => {
  it('waits until the session is due, then moves its files, points the catalog at them and removes the staging copy', async () => {
    const test = openTestCatalog();
    const staged = stagedSession(test, 2);
    await migrateStagedSessions(test.catalog);
    expect(test.catalog.sessions.require(staged.session).devicePath, 'not due yet').toBe(staged.stagingPath);

    test.clock.advance(2 * 3_600_000);
    await migrateStagedSessions(test.catalog);
    const session = test.catalog.sessions.require(staged.session);
    expect(session.devicePath).toBe(staged.finalPath);
    expect(test.catalog.media.get(session.mediaId)?.pool).toBe('Weekly');
    expect(fs.readFileSync(path.join(staged.finalPath, staged.archiveFile))).toEqual(staged.bytes);
    expect(namesIn(staged.finalPath)).toEqual([staged.archiveFile, `${staged.archiveFile}.manifest.json`, `${staged.archiveFile}.sha256`].sort());
    expect(namesIn(staged.stagingPath), 'the staging copy is gone').toEqual([]);
    expect(test.catalog.staged.get(staged.session)?.state).toBe('migrated');
    expect(test.catalog.activity.entries({ runId: staged.runId, limit: 100 }).map((entry) => entry.message)).toContainEqual(expect.stringMatching(/^Session \d+ migrated from staging to device group "Tape-like group"/));
  });

  it('copies again over what a stopped copy left, and removes a staging copy a stop left after the catalog moved', async () => {
    const test = openTestCatalog();
    const staged = stagedSession(test);
    fs.writeFileSync(partialPathOf(path.join(staged.finalPath, staged.archiveFile)), 'half a cop');
    await migrateStagedSessions(test.catalog);
    expect(fs.readFileSync(path.join(staged.finalPath, staged.archiveFile))).toEqual(staged.bytes);
    expect(namesIn(staged.finalPath).some((name) => name.endsWith('.partial'))).toBe(false);

    // Stopped between the catalog transaction and the removal: the next pass removes the staging copy.
    const other = openTestCatalog();
    const leftover = stagedSession(other);
    const placeAfter = path.join(leftover.finalPath, leftover.archiveFile);
    fs.copyFileSync(path.join(leftover.stagingPath, leftover.archiveFile), placeAfter);
    const finalDevice = other.catalog.devices.groups().flatMap((group) => group.devices).find((device) => device.path === leftover.finalPath);
    const media = other.catalog.media.create({ deviceId: finalDevice?.id ?? 0 });
    other.catalog.staged.markMigrated(leftover.session, { devicePath: leftover.finalPath, mediaId: media.id });
    expect(fs.existsSync(path.join(leftover.stagingPath, leftover.archiveFile))).toBe(true);
    await migrateStagedSessions(other.catalog);
    expect(fs.existsSync(path.join(leftover.stagingPath, leftover.archiveFile))).toBe(false);
    expect(other.catalog.sessions.require(leftover.session).devicePath).toBe(leftover.finalPath);
    expect(other.catalog.staged.leftovers()).toEqual([]);
  });

  it('leaves a session whose staged archive no longer matches its checksum where it is, failed with an Error in its run', async () => {
    const test = openTestCatalog();
    const staged = stagedSession(test);
    fs.writeFileSync(path.join(staged.stagingPath, staged.archiveFile), 'flipped bytes');
    await migrateStagedSessions(test.catalog);
    expect(test.catalog.sessions.require(staged.session).devicePath).toBe(staged.stagingPath);
    expect(test.catalog.staged.get(staged.session)).toMatchObject({ state: 'failed', error: expect.stringMatching(/does not match its recorded checksum/) });
    const errors = test.catalog.activity.entries({ runId: staged.runId, limit: 100 }).filter((entry) => entry.type === 'Error');
    expect(errors.map((entry) => entry.message)).toEqual([expect.stringMatching(/could not migrate .* it stays restorable from /)]);
    await migrateStagedSessions(test.catalog);
    expect(test.catalog.staged.get(staged.session)?.state, 'not retried in a loop').toBe('failed');
  });
});
