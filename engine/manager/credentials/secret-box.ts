/**
 * Seals the manager's stored secrets at rest. The desktop app uses Electron's safeStorage
 * (DPAPI on Windows, the keychain or libsecret elsewhere); the console host and tests use a
 * key file only its OS account can read (key-file-box.ts).
 */
export interface SecretBox {
  /** Shown in the Activity Log and README ("Electron safeStorage", "key file …"). */
  readonly kind: string;
  seal(plain: Buffer): Buffer;
  /** Throws when `sealed` was not made by this box (another key, damaged). */
  open(sealed: Buffer): Buffer;
}
