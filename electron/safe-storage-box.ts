import { safeStorage } from 'electron';
import type { SecretBox } from '../engine/manager/credentials/secret-box';

/**
 * The desktop app's secret box: Electron safeStorage (DPAPI on Windows, Keychain on macOS,
 * libsecret/kwallet on Linux). Undefined where the OS offers no protected store (a Linux
 * session without a keyring), so the caller falls back to the key file instead of storing
 * secrets under safeStorage's hard-coded fallback password.
 */
export function safeStorageBox(): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    kind: 'Electron safeStorage',
    seal: (plain) => safeStorage.encryptString(plain.toString('utf8')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'utf8'),
  };
}
