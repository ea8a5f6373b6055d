import { UserError } from '../messages/user-error';

export type CaptureErrorCode = 'E1401' | 'E1402' | 'E1403' | 'E1404';

/** Capture's user-facing errors: catalogued codes (module 'Capture'), keeping the failure that caused them. */
export class CaptureError extends UserError {
  constructor(code: CaptureErrorCode, detail: string, options?: { cause?: unknown }) {
    super(code, detail);
    this.name = 'CaptureError';
    if (options?.cause !== undefined) this.cause = options.cause;
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
