import { catalogue, type MessageCode } from './catalogue';
import type { ErrorInfo } from './error-info';

export type FieldErrors = Record<string, string>;

/** An error the user can cause or act on; always carries a catalogued code. */
export class UserError extends Error {
  readonly code: MessageCode;
  readonly fields: FieldErrors | undefined;

  constructor(code: MessageCode, detail?: string, fields?: FieldErrors) {
    const title = catalogue[code].title;
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'UserError';
    this.code = code;
    this.fields = fields;
  }

  toInfo(): ErrorInfo {
    const definition = catalogue[this.code];
    return {
      code: this.code,
      module: definition.module,
      message: this.message,
      reason: definition.reason,
      action: definition.action,
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

/** Any thrown value as a user-facing error; unknown failures become E1099 without leaking internals. */
export function toErrorInfo(thrown: unknown): ErrorInfo {
  if (thrown instanceof UserError) return thrown.toInfo();
  return new UserError('E1099').toInfo();
}
