import type { BackupJobOptions } from './backup-types';

/**
 * The Options tab (global options) as typed, checked into the job's options and its session
 * password. The password is typed twice and lives only until the job is submitted: the backup
 * server keeps it in memory for the job's runs and never stores it.
 */
export interface OptionsForm {
  compression: NonNullable<BackupJobOptions['compression']>;
  encryption: boolean;
  password: string;
  confirm: string;
  virusScan: boolean;
  multistreaming: boolean;
  verification: NonNullable<BackupJobOptions['verification']>;
  snapshot: NonNullable<BackupJobOptions['snapshot']>;
  timeoutSeconds: string;
}

export const DEFAULT_OPTIONS: OptionsForm = {
  compression: 'gzip',
  encryption: false,
  password: '',
  confirm: '',
  virusScan: false,
  multistreaming: true,
  verification: 'none',
  snapshot: 'release',
  timeoutSeconds: '180',
};

export const MIN_PASSWORD = 8;
const MAX_TIMEOUT = 86_400;

export type OptionsErrors = Partial<Record<'password' | 'confirm' | 'timeoutSeconds', string>>;
export type OptionsResult = { ok: true; options: Required<BackupJobOptions>; password: string | undefined } | { ok: false; errors: OptionsErrors };

export function checkOptions(form: OptionsForm): OptionsResult {
  const errors: OptionsErrors = {};
  if (form.encryption) {
    if (form.password.length < MIN_PASSWORD) errors.password = `Enter a password of at least ${MIN_PASSWORD} characters.`;
    else if (form.confirm !== form.password) errors.confirm = 'The two passwords differ.';
  }
  const timeout = Number(form.timeoutSeconds.trim());
  if (form.timeoutSeconds.trim() === '' || !Number.isInteger(timeout) || timeout < 1 || timeout > MAX_TIMEOUT) errors.timeoutSeconds = `Enter whole seconds from 1 to ${MAX_TIMEOUT}.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    options: {
      compression: form.compression,
      encryption: form.encryption,
      virusScan: form.virusScan,
      timeoutSeconds: timeout,
      snapshot: form.snapshot,
      multistreaming: form.multistreaming,
      verification: form.verification,
      // The Staging tab's choice (staging-form.ts) replaces this when the job is started.
      staging: null,
    },
    password: form.encryption ? form.password : undefined,
  };
}

/** The options as Submit Job lists them: "gzip compression, encrypted, …". */
export function describeOptions(options: Required<BackupJobOptions>): string {
  return [
    options.compression === 'gzip' ? 'gzip compression' : 'no compression',
    options.encryption ? 'encrypted' : 'not encrypted',
    ...(options.virusScan ? ['virus scan'] : []),
    options.multistreaming ? 'multistreaming' : 'one scenario after another',
    options.verification === 'checksum' ? 'checksums verified after writing' : 'no verification',
    options.snapshot === 'keep' ? 'snapshot kept' : 'snapshot released',
    `timeout ${options.timeoutSeconds} s`,
  ].join(', ');
}
