import type { ReplicationOptions } from '../../../../electron/api/contract';

export const BYTES_PER_MB = 1024 * 1024;

/** The Properties tab's Replication group as the administrator edits it: units a person types. */
export interface OptionsForm {
  syncMethod: ReplicationOptions['syncMethod'];
  ignoreSameSizeTime: boolean;
  keepDeletedOnSync: boolean;
  /** Percent, 0–100. */
  wholeFilePercent: string;
  coalesceMs: string;
  maxCoalesceDelayMs: string;
  /** 0 = off. */
  targetRpoSeconds: string;
  /** Megabytes; empty = unlimited. */
  spoolMaxMb: string;
  /** Megabytes; empty = not set. */
  spoolMinFreeMb: string;
  /** Recovery group. */
  dataRewind: boolean;
  rewindRetentionHours: string;
  /** Megabytes. */
  rewindMaxMb: string;
  snapshotsToKeep: string;
  /** Assured Recovery group. */
  arEnabled: boolean;
  arStartCommand: string;
  arVerifyCommand: string;
  arStopCommand: string;
  arTimeoutSeconds: string;
  /** HH:MM (24-hour); empty = no daily test. */
  arScheduleTime: string;
  /** Restore: the command telling whether the application runs at the original location; empty = never. */
  appRunningCommand: string;
  /** Backup group. */
  backupEnabled: boolean;
  /** Host name; empty = this host. */
  backupServer: string;
  backupAllowSuspend: boolean;
}

export type OptionsControl = keyof OptionsForm;
/** The controls edited as typed text (numbers, commands, the schedule time). */
export type TextControl = Exclude<{ [K in OptionsControl]: OptionsForm[K] extends string ? K : never }[OptionsControl], 'syncMethod'>;
/** The on/off controls. */
export type CheckboxControl = { [K in OptionsControl]: OptionsForm[K] extends boolean ? K : never }[OptionsControl];
export type OptionsFieldErrors = Partial<Record<OptionsControl, string>>;
export type OptionsParse = { ok: true; options: ReplicationOptions } | { ok: false; fields: OptionsFieldErrors };

/** A number as a short decimal: 70, 0.5, 1.25 — never 70.00000000000001. */
function decimal(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

export function toOptionsForm(options: ReplicationOptions): OptionsForm {
  return {
    syncMethod: options.syncMethod,
    ignoreSameSizeTime: options.ignoreSameSizeTime,
    keepDeletedOnSync: options.keepDeletedOnSync,
    wholeFilePercent: decimal(options.wholeFileThreshold * 100, 2),
    coalesceMs: String(options.coalesceMs),
    maxCoalesceDelayMs: String(options.maxCoalesceDelayMs),
    targetRpoSeconds: decimal(options.targetRpoSeconds, 3),
    spoolMaxMb: options.spoolMaxBytes === undefined ? '' : decimal(options.spoolMaxBytes / BYTES_PER_MB, 3),
    spoolMinFreeMb: options.spoolMinFreeBytes === undefined ? '' : decimal(options.spoolMinFreeBytes / BYTES_PER_MB, 3),
    dataRewind: options.dataRewind,
    rewindRetentionHours: decimal(options.rewindRetentionHours, 3),
    rewindMaxMb: decimal(options.rewindMaxBytes / BYTES_PER_MB, 3),
    snapshotsToKeep: String(options.snapshotsToKeep),
    arEnabled: options.arEnabled,
    arStartCommand: options.arStartCommand,
    arVerifyCommand: options.arVerifyCommand,
    arStopCommand: options.arStopCommand,
    arTimeoutSeconds: String(options.arTimeoutSeconds),
    arScheduleTime: options.arScheduleTime,
    appRunningCommand: options.appRunningCommand,
    backupEnabled: options.backupEnabled,
    backupServer: options.backupServer,
    backupAllowSuspend: options.backupAllowSuspend,
  };
}

interface NumberRule {
  min: number;
  max: number;
  whole: boolean;
  unit: string;
}

const MAX_HOST_LENGTH = 300;

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

/** A non-negative number typed in the form, or the message to show beside it. */
function parseNumber(text: string, rule: NumberRule): number | string {
  const trimmed = text.trim();
  const range = Number.isFinite(rule.max) ? `from ${rule.min} to ${rule.max}` : `of at least ${rule.min}`;
  const expected = `Enter a ${rule.whole ? 'whole number' : 'number'} of ${rule.unit} ${range}.`;
  if (!DECIMAL.test(trimmed)) return expected;
  const value = Number(trimmed);
  if ((rule.whole && !Number.isInteger(value)) || value < rule.min || value > rule.max) return expected;
  return value;
}

const RULES = {
  wholeFilePercent: { min: 0, max: 100, whole: false, unit: 'percent' },
  coalesceMs: { min: 0, max: 10_000, whole: true, unit: 'milliseconds' },
  maxCoalesceDelayMs: { min: 10, max: 60_000, whole: true, unit: 'milliseconds' },
  targetRpoSeconds: { min: 0, max: 86_400, whole: false, unit: 'seconds' },
  spoolMaxMb: { min: 1, max: Infinity, whole: false, unit: 'MB' },
  spoolMinFreeMb: { min: 0, max: Infinity, whole: false, unit: 'MB' },
  rewindRetentionHours: { min: 0.01, max: 24 * 365, whole: false, unit: 'hours' },
  rewindMaxMb: { min: 1, max: Infinity, whole: false, unit: 'MB' },
  snapshotsToKeep: { min: 1, max: 1000, whole: true, unit: 'snapshots' },
  arTimeoutSeconds: { min: 1, max: 86_400, whole: true, unit: 'seconds' },
} satisfies Partial<Record<OptionsControl, NumberRule>>;

type NumericControl = keyof typeof RULES;
const OPTIONAL: readonly NumericControl[] = ['spoolMaxMb', 'spoolMinFreeMb'];

const COMMANDS = ['arStartCommand', 'arVerifyCommand', 'arStopCommand', 'appRunningCommand'] as const;
export const MAX_COMMAND_LENGTH = 4000;
const CLOCK_TIME = /^(\d{1,2}):(\d{2})$/;

/** A daily time typed as H:MM or HH:MM (24-hour) as the engine stores it ("7:05" → "07:05"); '' = none; undefined = not a time. */
export function parseScheduleTime(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const match = CLOCK_TIME.exec(trimmed);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The form back to options, checked against the same limits the engine applies. */
export function fromOptionsForm(form: OptionsForm): OptionsParse {
  const fields: OptionsFieldErrors = {};
  const values: Partial<Record<NumericControl, number>> = {};
  for (const control of Object.keys(RULES) as NumericControl[]) {
    if (OPTIONAL.includes(control) && form[control].trim() === '') continue;
    const parsed = parseNumber(form[control], RULES[control]);
    if (typeof parsed === 'string') fields[control] = parsed;
    else values[control] = parsed;
  }
  for (const control of COMMANDS) {
    if (form[control].trim().length > MAX_COMMAND_LENGTH) fields[control] = `Enter a command of at most ${MAX_COMMAND_LENGTH} characters.`;
  }
  if (form.backupServer.trim().length > MAX_HOST_LENGTH || /\s/.test(form.backupServer.trim())) {
    fields.backupServer = `Enter a host name without spaces, at most ${MAX_HOST_LENGTH} characters, or leave it empty for this host.`;
  }
  const arScheduleTime = parseScheduleTime(form.arScheduleTime);
  if (arScheduleTime === undefined) fields.arScheduleTime = 'Enter a time as HH:MM (24-hour, e.g. 02:30), or leave it empty for no daily test.';
  const { wholeFilePercent, coalesceMs, maxCoalesceDelayMs, targetRpoSeconds, spoolMaxMb, spoolMinFreeMb, rewindRetentionHours, rewindMaxMb, snapshotsToKeep, arTimeoutSeconds } = values;
  if (
    Object.keys(fields).length > 0 ||
    wholeFilePercent === undefined ||
    coalesceMs === undefined ||
    maxCoalesceDelayMs === undefined ||
    targetRpoSeconds === undefined ||
    rewindRetentionHours === undefined ||
    rewindMaxMb === undefined ||
    snapshotsToKeep === undefined ||
    arTimeoutSeconds === undefined ||
    arScheduleTime === undefined
  ) {
    return { ok: false, fields };
  }
  return {
    ok: true,
    options: {
      syncMethod: form.syncMethod,
      ignoreSameSizeTime: form.ignoreSameSizeTime,
      keepDeletedOnSync: form.keepDeletedOnSync,
      wholeFileThreshold: wholeFilePercent / 100,
      coalesceMs,
      maxCoalesceDelayMs,
      targetRpoSeconds,
      spoolMaxBytes: spoolMaxMb === undefined ? undefined : Math.round(spoolMaxMb * BYTES_PER_MB),
      spoolMinFreeBytes: spoolMinFreeMb === undefined ? undefined : Math.round(spoolMinFreeMb * BYTES_PER_MB),
      dataRewind: form.dataRewind,
      rewindRetentionHours,
      rewindMaxBytes: Math.round(rewindMaxMb * BYTES_PER_MB),
      snapshotsToKeep,
      arEnabled: form.arEnabled,
      arStartCommand: form.arStartCommand.trim(),
      arVerifyCommand: form.arVerifyCommand.trim(),
      arStopCommand: form.arStopCommand.trim(),
      arTimeoutSeconds,
      arScheduleTime,
      appRunningCommand: form.appRunningCommand.trim(),
      backupEnabled: form.backupEnabled,
      backupServer: form.backupServer.trim(),
      backupAllowSuspend: form.backupAllowSuspend,
    },
  };
}

const CONTROL_OF_OPTION: Record<keyof ReplicationOptions, OptionsControl> = {
  syncMethod: 'syncMethod',
  ignoreSameSizeTime: 'ignoreSameSizeTime',
  keepDeletedOnSync: 'keepDeletedOnSync',
  wholeFileThreshold: 'wholeFilePercent',
  coalesceMs: 'coalesceMs',
  maxCoalesceDelayMs: 'maxCoalesceDelayMs',
  targetRpoSeconds: 'targetRpoSeconds',
  spoolMaxBytes: 'spoolMaxMb',
  spoolMinFreeBytes: 'spoolMinFreeMb',
  dataRewind: 'dataRewind',
  rewindRetentionHours: 'rewindRetentionHours',
  rewindMaxBytes: 'rewindMaxMb',
  snapshotsToKeep: 'snapshotsToKeep',
  arEnabled: 'arEnabled',
  arStartCommand: 'arStartCommand',
  arVerifyCommand: 'arVerifyCommand',
  arStopCommand: 'arStopCommand',
  arTimeoutSeconds: 'arTimeoutSeconds',
  arScheduleTime: 'arScheduleTime',
  appRunningCommand: 'appRunningCommand',
  backupEnabled: 'backupEnabled',
  backupServer: 'backupServer',
  backupAllowSuspend: 'backupAllowSuspend',
};

/** The engine's field errors ("options.spoolMaxBytes") on the controls that caused them. */
export function optionErrorsByControl(fields: Record<string, string>): OptionsFieldErrors {
  const byControl: OptionsFieldErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const option = path.replace(/^options\./, '');
    if (!Object.hasOwn(CONTROL_OF_OPTION, option)) continue;
    const control = CONTROL_OF_OPTION[option as keyof ReplicationOptions];
    byControl[control] = byControl[control] ? `${byControl[control]} ${message}` : message;
  }
  return byControl;
}
