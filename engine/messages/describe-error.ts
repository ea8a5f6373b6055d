import { UserError } from './user-error';

/** An error as a console shows it: code, module, message, then reason and action for catalogued errors. */
export function describeError(error: unknown): string {
  if (error instanceof UserError) {
    const info = error.toInfo();
    return `${info.code} (${info.module}): ${info.message}\n  Reason: ${info.reason}\n  Action: ${info.action}`;
  }
  return error instanceof Error ? error.message : String(error);
}
