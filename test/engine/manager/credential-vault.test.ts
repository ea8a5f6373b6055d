import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialVault, type VaultProblem } from '../../../engine/manager/credentials/credential-vault';
import { keyFileBox } from '../../../engine/manager/credentials/key-file-box';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(() => removeTempDirs());

const SECRET = { user: 'backup-operator', password: 'Tr0ub4dor&3-horse' };

async function openVault(dir: string, keyName = 'credentials.key'): Promise<{ vault: CredentialVault; problems: VaultProblem[] }> {
  const problems: VaultProblem[] = [];
  const vault = await CredentialVault.open(path.join(dir, 'credentials.sealed'), keyFileBox(path.join(dir, keyName)), (problem) => problems.push(problem));
  return { vault, problems };
}

describe('the credential vault', () => {
  it('keeps credentials across opens, sealed: neither host, user nor password readable in the file; the key file only for its owner', async () => {
    const dir = tempDir();
    const { vault, problems } = await openVault(dir);
    expect(problems).toEqual([]);
    await vault.set('Replica-01.example.lan', SECRET);
    await vault.set('10.0.0.7', { user: 'admin', password: 'another-secret' });

    const raw = fs.readFileSync(path.join(dir, 'credentials.sealed'));
    for (const clear of [SECRET.password, SECRET.user, 'Replica-01', 'another-secret', '10.0.0.7']) expect(raw.includes(clear), clear).toBe(false);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dir, 'credentials.key')).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dir, 'credentials.sealed')).mode & 0o777).toBe(0o600);
    }

    const reopened = await openVault(dir);
    expect(reopened.problems).toEqual([]);
    expect(reopened.vault.get('replica-01.EXAMPLE.lan'), 'host names compare without case').toEqual(SECRET);
    expect(reopened.vault.list()).toEqual([
      { host: '10.0.0.7', user: 'admin' },
      { host: 'Replica-01.example.lan', user: SECRET.user },
    ]);
    expect(JSON.stringify(reopened.vault.list())).not.toContain(SECRET.password);

    expect(await reopened.vault.forget('10.0.0.7')).toBe(true);
    expect(await reopened.vault.forget('10.0.0.7')).toBe(false);
    expect((await openVault(dir)).vault.list().map((entry) => entry.host)).toEqual(['Replica-01.example.lan']);
  });

  it('opens empty and says why when the file was sealed with another key or damaged, and stores anew', async () => {
    const dir = tempDir();
    await (await openVault(dir)).vault.set('replica', SECRET);

    const otherKey = await openVault(dir, 'other.key');
    expect(otherKey.vault.list()).toEqual([]);
    expect(otherKey.problems).toHaveLength(1);
    expect(otherKey.problems[0]?.detail).toMatch(/could not be opened with the key file .*other\.key/);

    const file = path.join(dir, 'credentials.sealed');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { sealed: string };
    const bytes = Buffer.from(stored.sealed, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    fs.writeFileSync(file, JSON.stringify({ ...stored, sealed: bytes.toString('base64') }));
    const damaged = await openVault(dir);
    expect(damaged.vault.list()).toEqual([]);
    expect(damaged.problems).toHaveLength(1);

    await damaged.vault.set('replica', SECRET);
    expect((await openVault(dir)).vault.get('replica')).toEqual(SECRET);
  });

  it('refuses a key file of the wrong length instead of using it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'short.key'), Buffer.alloc(8));
    expect(() => keyFileBox(path.join(dir, 'short.key'))).toThrow(/not a 32-byte key/);
  });
});
