import type { ErrorInfo } from './error-info';
import { UserError } from './user-error';

/** A catalogued error as a console shows it: code, module, message, reason, action. */
export function formatErrorInfo(info: ErrorInfo): string {
  return `${info.code} (${info.module}): ${info.message}\n  Reason: ${info.reason}\n  Action: ${info.action}`;
}

/** Any thrown value as a console shows it. */
export function describeError(error: unknown): string {
  if (error instanceof UserError) return formatErrorInfo(error.toInfo());
  return error instanceof Error ? error.message : String(error);
}
