import { describeError } from '../messages/describe-error';
import type { MessageCode } from '../messages/catalogue';
import { UserError } from '../messages/user-error';

/** The code an engine's refusal or failure had, wherever it came from (this process or a peer). */
export function codeOf(error: unknown): string | undefined {
  if (error instanceof UserError) return error.code;
  const info = (error as { info?: { code?: unknown } } | undefined)?.info;
  return typeof info?.code === 'string' ? info.code : undefined;
}

/** Which agent code (SPEC.md, Messages) a backup reports for an engine's error. Pure. */
export function agentCodeFor(code: string | undefined): MessageCode {
  switch (code) {
    case 'E1204':
    case 'E1202':
    case 'E1205':
      return 'AE0463';
    case 'E1201':
    case 'E1008':
      return 'AE0459';
    case 'E1003':
    case 'E1206':
      return 'AE0468';
    case 'E1505':
      return 'AE0465';
    case 'E1503':
      return 'AE0470';
    default:
      return 'AE0472';
  }
}

/** An engine error as the backup job reports it: the agent code, with the engine's own words kept. */
export function asAgentError(error: unknown, fallback?: MessageCode): UserError {
  if (error instanceof UserError && error.code.startsWith('AE')) return error;
  const code = codeOf(error);
  const agentCode = code === undefined || agentCodeFor(code) === 'AE0472' ? (fallback ?? 'AE0472') : agentCodeFor(code);
  return new UserError(agentCode, describeError(error));
}
