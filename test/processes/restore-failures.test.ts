import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RestoreSpecInput } from '../../engine/restore/restore-model';
import { tempDir } from '../helpers/temp-dir';
import { ok, useConsoleHosts } from './helpers/console-hosts';
import { pollUntil } from './helpers/protection-client';
import {
  T0,
  backUp,
  failedRestore,
  findJob,
  jobEnd,
  leftovers,
  mirrored,
  placeFile,
  replicatingScenario,
  restore,
  restoreJobCount,
  sameKeys,
  scenarioState,
  submitRestore,
  told,
  treeState,
  waitForReplica,
} from './helpers/restore-client';

const { connect } = useConsoleHosts();

describe('Restore Manager: restores that cannot be done, and what they leave behind', () => {
  it('a scenario a running backup holds cannot be stopped: AE0464 fails the restore, unless told to continue (then a warning AE0464)', async () => {
    const { client } = await connect(tempDir());
    try {
      // Assured Recovery with a slow verification keeps each backup holding the scenario for seconds.
      const { scenario, root, replicaDir } = await replicatingScenario(
        client,
        'Held',
        { 'data/a.txt': ['a as backed up', T0 + 1], 'data/b.txt': ['b as backed up', T0 + 2] },
        { arEnabled: true, arVerifyCommand: 'sleep 6' },
      );
      const backedUp = await treeState(root);
      const session = await backUp(client, scenario.id);
      placeFile(root, 'data/a.txt', 'a changed after the backup', T0 + 100);
      fs.rmSync(path.join(root, 'data/b.txt'));
      await waitForReplica(root, replicaDir);

      const holding = await ok(client.invoke('backup.now', { id: scenario.id }));
      await pollUntil('the backup running', () => findJob(client, holding.id), (job) => job?.state.status === 'Active', 30_000);
      const replicaBefore = await treeState(replicaDir);
      const masterBefore = await treeState(root);
      const everything = [{ session: session.number, path: null }];

      const refused = await restore(client, { scenarioId: scenario.id, items: everything, destination: { kind: 'original', to: 'replica' } });
      expect(refused.result, told(refused)).toBe('failed');
      expect(refused.entries, told(refused)).toContainEqual(expect.objectContaining({ type: 'Error', code: 'AE0464' }));
      expect(await treeState(replicaDir), 'a restore that did not start leaves the Replica as it was').toEqual(replicaBefore);
      expect(await treeState(root)).toEqual(masterBefore);
      expect(await scenarioState(client, scenario.id)).toBe('running');

      const forced = await restore(client, { scenarioId: scenario.id, items: everything, destination: { kind: 'original', to: 'master' }, options: { continueIfNotStopped: true } });
      expect(forced.result, told(forced)).toBe('succeeded');
      expect(forced.entries, told(forced)).toContainEqual(expect.objectContaining({ type: 'Warning', code: 'AE0464' }));
      const onMaster = await treeState(root);
      expect(sameKeys(onMaster, backedUp), 'restored to the Master even though the scenario ran on').toEqual(backedUp);
      expect(leftovers(onMaster)).toEqual([]);
      expect(await scenarioState(client, scenario.id)).toBe('running');

      const backup = await jobEnd(client, holding.id, 90_000);
      expect(backup.result, told(backup)).toBe('succeeded');
      // Both restores ended while the backup still held the scenario (else they would not have met AE0464).
      for (const end of [refused, forced]) expect(Date.parse(end.job.lastRun?.finishedAt ?? '')).toBeLessThan(Date.parse(backup.job.lastRun?.finishedAt ?? ''));
      // The scenario ran on: the Replica gets the restored Master's data by replication.
      await waitForReplica(root, replicaDir);
    } finally {
      client.close();
    }
  }, 150_000);

  it('a wrong password is refused at Submit Job (E3372, nothing queued); a damaged session fails the job (E3373, naming it) and a missing one gives E3371, leaving the destination as it was', async () => {
    const { client } = await connect(tempDir());
    try {
      // Incompressible files, so the middle of the archive is in the middle of the files.
      const files: Record<string, readonly [Uint8Array, number]> = {};
      for (let i = 0; i < 16; i += 1) files[`data/f${String(i).padStart(2, '0')}.bin`] = [randomBytes(40_000), T0 + i];
      const { scenario, root } = await replicatingScenario(client, 'Sealed', files);
      const backedUp = await treeState(root);

      // Encrypted session: the password is checked before anything is queued.
      const password = 'correct horse battery';
      const sealed = await backUp(client, scenario.id, password);
      expect(sealed.encryption).not.toBeNull();
      const destination = tempDir('understudy-restored-');
      const toDestination = (session: number): RestoreSpecInput => ({ scenarioId: scenario.id, items: [{ session, path: null }], destination: { kind: 'alternate', host: 'localhost', folder: destination } });
      const queued = await restoreJobCount(client);
      for (const given of ['wrong password!', undefined]) {
        const reply = await submitRestore(client, toDestination(sealed.number), given);
        expect(reply.ok ? 'queued' : reply.error.code, `password ${given ?? '(none)'}`).toBe('E3372');
      }
      expect(await restoreJobCount(client), 'a refused restore is not queued').toBe(queued);
      expect(fs.readdirSync(destination)).toEqual([]);
      const opened = await restore(client, toDestination(sealed.number), password);
      expect(opened.result, told(opened)).toBe('succeeded');
      expect(await treeState(mirrored(destination, root))).toEqual(backedUp);

      // The destination now holds files: some the session would overwrite, one it does not know.
      placeFile(mirrored(destination, root), 'data/f00.bin', 'edited at the destination', T0 + 500);
      placeFile(destination, 'unrelated.txt', 'was here before', T0 + 501);
      const before = await treeState(destination);

      // A plain session damaged in the middle of its archive, the size kept.
      const plain = await backUp(client, scenario.id);
      const archive = path.join(plain.devicePath, plain.archiveFile);
      const bytes = fs.readFileSync(archive);
      const middle = Math.floor(bytes.length / 2);
      for (let i = middle; i < middle + 64 && i < bytes.length; i += 1) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
      fs.writeFileSync(archive, bytes);
      expect(fs.statSync(archive).size).toBe(plain.archiveSize);
      const damaged = await failedRestore(client, toDestination(plain.number));
      expect(damaged.code, damaged.message).toBe('E3373');
      const names = [path.basename(archive), ...Object.keys(files).map((relative) => path.basename(relative))];
      expect(names.some((name) => damaged.message.includes(name)), `the message names the damaged file or entry: ${damaged.message}`).toBe(true);
      expect(await treeState(destination), 'nothing half-done at the destination').toEqual(before);

      // The same session's file gone from the device.
      fs.renameSync(archive, `${archive}.moved-away`);
      const { present, media } = await ok(client.invoke('restore.session', { session: plain.number }));
      expect(present).toBe(false);
      const missing = await failedRestore(client, toDestination(plain.number));
      expect(missing.code, missing.message).toBe('E3371');
      expect([media?.name, media?.id].some((label) => label !== undefined && missing.message.includes(label)), `the message names the media: ${missing.message}`).toBe(true);
      expect(await treeState(destination)).toEqual(before);
    } finally {
      client.close();
    }
  }, 120_000);
});
