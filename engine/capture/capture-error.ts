import type { ErrorInfo } from '../messages/error-info';

/**
 * Capture's user-facing errors, shaped like UserError (code, module, reason, action) and
 * convertible to the same wire form. They live here until these codes join
 * engine/messages/catalogue.ts (owned elsewhere); the codes are reserved for that move.
 */
const definitions = {
  E1101: {
    title: 'Not enough inotify watches to replicate this root',
    reason: 'Linux limits how many files and folders one user may watch (fs.inotify.max_user_watches); this root needs more than the limit allows.',
    action: 'Raise the limit as shown (and persist it in /etc/sysctl.d/), then start the scenario again.',
  },
  E1102: {
    title: 'The block index cannot be opened',
    reason: 'The index database is missing, damaged, locked, or its SQLite driver was not built for this runtime.',
    action: 'Check the engine data folder and its permissions; deleting the index forces a full resynchronization.',
  },
  E1103: {
    title: 'The file system watcher reported an error',
    reason: 'The operating system stopped reporting changes for part of a Master root (permissions, limits or a removed folder).',
    action: 'Check the folder named in the message; run a synchronization after fixing it.',
  },
  E1104: {
    title: 'A Master root directory is missing',
    reason: 'The root was removed, renamed or unmounted while the scenario was running.',
    action: 'Restore the directory or edit the scenario, then run a synchronization.',
  },
} as const;

export type CaptureErrorCode = keyof typeof definitions;

export class CaptureError extends Error {
  readonly code: CaptureErrorCode;
  readonly module = 'Capture';
  readonly reason: string;
  readonly action: string;

  constructor(code: CaptureErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`${definitions[code].title}: ${detail}`, options);
    this.name = 'CaptureError';
    this.code = code;
    this.reason = definitions[code].reason;
    this.action = definitions[code].action;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, module: this.module, message: this.message, reason: this.reason, action: this.action };
  }
}

/** Node's errno code of a thrown value, if it has one. */
export function errnoCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** True for the errors that mean "the path is no longer there (as that kind of entry)". */
export function isGoneError(error: unknown): boolean {
  const code = errnoCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
