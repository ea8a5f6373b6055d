import { X509Certificate, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-file';

/** Who this engine is on the network: a stable ID and a self-signed TLS certificate that peers pin. */
export interface EngineIdentity {
  engineId: string;
  key: string;
  cert: string;
  /** SHA-256 of the certificate (colon-separated hex), what peers pin. */
  fingerprint: string;
}

const IdentityFileSchema = z.object({ engineId: z.string().uuid() });
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** Loads the identity from `dir`, creating it on first start (the private key readable by this account only). */
export async function loadOrCreateIdentity(dir: string, hostName: string): Promise<EngineIdentity> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const keyFile = path.join(dir, 'engine-key.pem');
  const certFile = path.join(dir, 'engine-cert.pem');
  const idFile = path.join(dir, 'engine.json');
  try {
    const [key, cert, idText] = await Promise.all([fs.readFile(keyFile, 'utf8'), fs.readFile(certFile, 'utf8'), fs.readFile(idFile, 'utf8')]);
    const { engineId } = IdentityFileSchema.parse(JSON.parse(idText));
    return { engineId, key, cert, fingerprint: certificateFingerprint(cert) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const engineId = randomUUID();
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: `Understudy engine ${hostName}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + TEN_YEARS_MS),
  });
  await writeFileAtomic(keyFile, pems.private, 0o600);
  await writeFileAtomic(certFile, pems.cert, 0o644);
  await writeFileAtomic(idFile, JSON.stringify({ engineId }), 0o644);
  return { engineId, key: pems.private, cert: pems.cert, fingerprint: certificateFingerprint(pems.cert) };
}
