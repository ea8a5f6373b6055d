import { UserError } from '../../messages/user-error';

/**
 * The two ways reading a session fails that the user must tell apart: the password is wrong
 * (E3372: nothing is damaged, ask again) and the session is damaged (E3373: bytes on the
 * device changed or are missing; restore from another session).
 */
export function wrongPassword(detail = 'the key check stored in the session does not match'): UserError {
  return new UserError('E3372', detail);
}

export function passwordRequired(file: string): UserError {
  return new UserError('E3372', `${file} is encrypted and no password was given`);
}

export interface DamageAt {
  /** What the byte offset counts in: the file on the device unless said otherwise. */
  readonly where?: string;
  /** The damage was found once the reader got to `byteOffset`: it lies there or earlier. */
  readonly approximate?: boolean;
}

export function damaged(byteOffset: number, what: string, { where = 'the archive', approximate = false }: DamageAt = {}): UserError {
  return new UserError('E3373', `${where} is damaged ${approximate ? 'at or before' : 'at'} byte ${byteOffset}: ${what}`);
}

/** A checksum that does not match where no single position can be named (a per-file or whole-archive hash). */
export function checksumMismatch(what: string): UserError {
  return new UserError('E3373', what);
}
