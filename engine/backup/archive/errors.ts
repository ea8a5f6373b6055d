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

/** `byteOffset`: where in `where` the damage was found (the file on the device, unless said otherwise). */
export function damaged(byteOffset: number, what: string, where = 'the archive'): UserError {
  return new UserError('E3373', `${where} is damaged at byte ${byteOffset}: ${what}`);
}

/** A checksum that does not match where no single position can be named (a per-file or whole-archive hash). */
export function checksumMismatch(what: string): UserError {
  return new UserError('E3373', what);
}
