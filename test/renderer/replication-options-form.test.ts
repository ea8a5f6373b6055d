import { DEFAULT_REPLICATION_OPTIONS } from '../../engine/scenario/options';
import { describe, expect, it } from 'vitest';
import type { ReplicationOptions } from '../../electron/api/contract';
import {
  BYTES_PER_MB,
  fromOptionsForm,
  optionErrorsByControl,
  toOptionsForm,
  type OptionsForm,
} from '../../renderer/src/windows/replication-manager/replication-options-form';

const DEFAULTS: ReplicationOptions = { ...DEFAULT_REPLICATION_OPTIONS };
const DEFAULT_FORM = toOptionsForm(DEFAULTS);

describe('Replication options → Properties form', () => {
  it('shows fractions as percent and unset limits as empty', () => {
    expect(DEFAULT_FORM).toEqual({
      syncMethod: 'block',
      ignoreSameSizeTime: true,
      keepDeletedOnSync: false,
      wholeFilePercent: '70',
      coalesceMs: '50',
      maxCoalesceDelayMs: '500',
      targetRpoSeconds: '0',
      spoolMaxMb: '',
      spoolMinFreeMb: '',
      dataRewind: true,
      rewindRetentionHours: '24',
      rewindMaxMb: '4096',
      snapshotsToKeep: '10',
      arEnabled: false,
      arStartCommand: '',
      arVerifyCommand: '',
      arStopCommand: '',
      arTimeoutSeconds: '600',
      arScheduleTime: '',
      appRunningCommand: '',
      backupEnabled: false,
      backupServer: '',
      backupAllowSuspend: true,
    });
  });

  it.each<[Partial<ReplicationOptions>, Partial<OptionsForm>]>([
    [{ wholeFileThreshold: 0.07 }, { wholeFilePercent: '7' }],
    [{ wholeFileThreshold: 0.125 }, { wholeFilePercent: '12.5' }],
    [{ wholeFileThreshold: 1 }, { wholeFilePercent: '100' }],
    [{ spoolMaxBytes: 512 * BYTES_PER_MB }, { spoolMaxMb: '512' }],
    [{ spoolMaxBytes: 1.5 * BYTES_PER_MB }, { spoolMaxMb: '1.5' }],
    [{ spoolMinFreeBytes: 0 }, { spoolMinFreeMb: '0' }],
    [{ targetRpoSeconds: 30 }, { targetRpoSeconds: '30' }],
    [{ rewindRetentionHours: 0.5 }, { rewindRetentionHours: '0.5' }],
    [{ rewindMaxBytes: 1.5 * BYTES_PER_MB }, { rewindMaxMb: '1.5' }],
    [{ dataRewind: false, arEnabled: true }, { dataRewind: false, arEnabled: true }],
    [{ arScheduleTime: '02:30', arTimeoutSeconds: 90 }, { arScheduleTime: '02:30', arTimeoutSeconds: '90' }],
  ])('%j shows as %j', (options, form) => {
    expect(toOptionsForm({ ...DEFAULTS, ...options })).toMatchObject(form);
  });

  it.each<ReplicationOptions>([
    DEFAULTS,
    { ...DEFAULTS, syncMethod: 'file', ignoreSameSizeTime: false, keepDeletedOnSync: true },
    { ...DEFAULTS, wholeFileThreshold: 0.07, spoolMaxBytes: 2048 * BYTES_PER_MB, spoolMinFreeBytes: 100 * BYTES_PER_MB, targetRpoSeconds: 2.5 },
    { ...DEFAULTS, dataRewind: false, rewindRetentionHours: 0.25, rewindMaxBytes: 100 * BYTES_PER_MB, snapshotsToKeep: 1 },
    {
      ...DEFAULTS,
      arEnabled: true,
      arStartCommand: 'net start MSSQLSERVER',
      arVerifyCommand: 'sqlcmd -Q "DBCC CHECKDB"',
      arStopCommand: 'net stop MSSQLSERVER',
      arTimeoutSeconds: 1,
      arScheduleTime: '23:59',
      appRunningCommand: 'sc query MSSQLSERVER | find "RUNNING"',
    },
    { ...DEFAULTS, backupEnabled: true, backupServer: 'backup01.corp.example', backupAllowSuspend: false },
  ])('round-trips %j unchanged', (options) => {
    expect(fromOptionsForm(toOptionsForm(options))).toEqual({ ok: true, options: { spoolMaxBytes: undefined, spoolMinFreeBytes: undefined, ...options } });
  });
});

describe('Properties form → replication options', () => {
  it.each<[Partial<OptionsForm>, Partial<ReplicationOptions>]>([
    [{ wholeFilePercent: '50' }, { wholeFileThreshold: 0.5 }],
    [{ wholeFilePercent: ' 0 ' }, { wholeFileThreshold: 0 }],
    [{ spoolMaxMb: '1' }, { spoolMaxBytes: BYTES_PER_MB }],
    [{ spoolMaxMb: '' }, { spoolMaxBytes: undefined }],
    [{ spoolMaxMb: '   ' }, { spoolMaxBytes: undefined }],
    [{ spoolMinFreeMb: '250' }, { spoolMinFreeBytes: 250 * BYTES_PER_MB }],
    [{ spoolMinFreeMb: '' }, { spoolMinFreeBytes: undefined }],
    [{ coalesceMs: '0', maxCoalesceDelayMs: '60000' }, { coalesceMs: 0, maxCoalesceDelayMs: 60_000 }],
    [{ targetRpoSeconds: '.5' }, { targetRpoSeconds: 0.5 }],
    [{ rewindRetentionHours: '0.01' }, { rewindRetentionHours: 0.01 }],
    [{ rewindRetentionHours: '8760' }, { rewindRetentionHours: 8760 }],
    [{ rewindMaxMb: '1' }, { rewindMaxBytes: BYTES_PER_MB }],
    [{ rewindMaxMb: '10240' }, { rewindMaxBytes: 10 * 1024 * BYTES_PER_MB }],
    [{ snapshotsToKeep: '1000' }, { snapshotsToKeep: 1000 }],
    [{ dataRewind: false }, { dataRewind: false }],
    [{ arTimeoutSeconds: '86400' }, { arTimeoutSeconds: 86_400 }],
    [{ arScheduleTime: '7:05' }, { arScheduleTime: '07:05' }],
    [{ arScheduleTime: ' 00:00 ' }, { arScheduleTime: '00:00' }],
    [{ arScheduleTime: '   ' }, { arScheduleTime: '' }],
    [{ arStartCommand: '  /opt/app/start.sh  ' }, { arStartCommand: '/opt/app/start.sh' }],
  ])('%j becomes %j', (form, options) => {
    expect(fromOptionsForm({ ...DEFAULT_FORM, ...form })).toMatchObject({ ok: true, options });
  });

  it.each<[Partial<OptionsForm>, keyof OptionsForm, string]>([
    [{ wholeFilePercent: '' }, 'wholeFilePercent', 'Enter a number of percent from 0 to 100.'],
    [{ wholeFilePercent: '101' }, 'wholeFilePercent', 'Enter a number of percent from 0 to 100.'],
    [{ wholeFilePercent: '-5' }, 'wholeFilePercent', 'Enter a number of percent from 0 to 100.'],
    [{ wholeFilePercent: '70%' }, 'wholeFilePercent', 'Enter a number of percent from 0 to 100.'],
    [{ coalesceMs: '12.5' }, 'coalesceMs', 'Enter a whole number of milliseconds from 0 to 10000.'],
    [{ coalesceMs: '1e3' }, 'coalesceMs', 'Enter a whole number of milliseconds from 0 to 10000.'],
    [{ coalesceMs: '0x10' }, 'coalesceMs', 'Enter a whole number of milliseconds from 0 to 10000.'],
    [{ maxCoalesceDelayMs: '5' }, 'maxCoalesceDelayMs', 'Enter a whole number of milliseconds from 10 to 60000.'],
    [{ targetRpoSeconds: 'soon' }, 'targetRpoSeconds', 'Enter a number of seconds from 0 to 86400.'],
    [{ targetRpoSeconds: '86401' }, 'targetRpoSeconds', 'Enter a number of seconds from 0 to 86400.'],
    [{ spoolMaxMb: '0.5' }, 'spoolMaxMb', 'Enter a number of MB of at least 1.'],
    [{ spoolMaxMb: 'lots' }, 'spoolMaxMb', 'Enter a number of MB of at least 1.'],
    [{ spoolMinFreeMb: '-1' }, 'spoolMinFreeMb', 'Enter a number of MB of at least 0.'],
    [{ rewindRetentionHours: '0' }, 'rewindRetentionHours', 'Enter a number of hours from 0.01 to 8760.'],
    [{ rewindRetentionHours: '9000' }, 'rewindRetentionHours', 'Enter a number of hours from 0.01 to 8760.'],
    [{ rewindMaxMb: '0.5' }, 'rewindMaxMb', 'Enter a number of MB of at least 1.'],
    [{ rewindMaxMb: '' }, 'rewindMaxMb', 'Enter a number of MB of at least 1.'],
    [{ snapshotsToKeep: '0' }, 'snapshotsToKeep', 'Enter a whole number of snapshots from 1 to 1000.'],
    [{ snapshotsToKeep: '2.5' }, 'snapshotsToKeep', 'Enter a whole number of snapshots from 1 to 1000.'],
    [{ arTimeoutSeconds: '0' }, 'arTimeoutSeconds', 'Enter a whole number of seconds from 1 to 86400.'],
    [{ arTimeoutSeconds: '86401' }, 'arTimeoutSeconds', 'Enter a whole number of seconds from 1 to 86400.'],
    [{ arScheduleTime: '24:00' }, 'arScheduleTime', 'Enter a time as HH:MM (24-hour, e.g. 02:30), or leave it empty for no daily test.'],
    [{ arScheduleTime: '12:60' }, 'arScheduleTime', 'Enter a time as HH:MM (24-hour, e.g. 02:30), or leave it empty for no daily test.'],
    [{ arScheduleTime: '2pm' }, 'arScheduleTime', 'Enter a time as HH:MM (24-hour, e.g. 02:30), or leave it empty for no daily test.'],
    [{ arScheduleTime: '123:00' }, 'arScheduleTime', 'Enter a time as HH:MM (24-hour, e.g. 02:30), or leave it empty for no daily test.'],
    [{ backupServer: 'backup server' }, 'backupServer', 'Enter a host name without spaces, at most 300 characters, or leave it empty for this host.'],
    [{ arVerifyCommand: 'x'.repeat(4001) }, 'arVerifyCommand', 'Enter a command of at most 4000 characters.'],
  ])('%j is refused on %s', (form, control, message) => {
    expect(fromOptionsForm({ ...DEFAULT_FORM, ...form })).toEqual({ ok: false, fields: { [control]: message } });
  });

  it('reports every invalid field at once', () => {
    const parsed = fromOptionsForm({ ...DEFAULT_FORM, coalesceMs: 'x', spoolMaxMb: '0' });
    expect(parsed.ok ? [] : Object.keys(parsed.fields)).toEqual(['coalesceMs', 'spoolMaxMb']);
  });
});

describe('Engine field errors on the form', () => {
  it('puts each option’s error on the control that edits it and ignores unknown paths', () => {
    expect(
      optionErrorsByControl({
        'options.spoolMaxBytes': 'Too small',
        'options.wholeFileThreshold': 'Too big',
        'options.rewindMaxBytes': 'Too small',
        'options.arScheduleTime': 'use HH:MM (24-hour)',
        coalesceMs: 'Not an integer',
        id: 'Required',
      }),
    ).toEqual({ spoolMaxMb: 'Too small', wholeFilePercent: 'Too big', rewindMaxMb: 'Too small', arScheduleTime: 'use HH:MM (24-hour)', coalesceMs: 'Not an integer' });
  });
});
