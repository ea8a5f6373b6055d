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
}

export type OptionsControl = keyof OptionsForm;
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
  };
}

interface NumberRule {
  min: number;
  max: number;
  whole: boolean;
  unit: string;
}

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
} satisfies Partial<Record<OptionsControl, NumberRule>>;

type NumericControl = keyof typeof RULES;
const OPTIONAL: readonly NumericControl[] = ['spoolMaxMb', 'spoolMinFreeMb'];

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
  const { wholeFilePercent, coalesceMs, maxCoalesceDelayMs, targetRpoSeconds, spoolMaxMb, spoolMinFreeMb } = values;
  if (wholeFilePercent === undefined || coalesceMs === undefined || maxCoalesceDelayMs === undefined || targetRpoSeconds === undefined) {
    return { ok: false, fields };
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
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
