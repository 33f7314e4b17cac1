import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets the server must read back (a TOTP secret, a provider's client secret) are kept sealed
 * with AES-256-GCM under a key derived (HKDF-SHA-256) from JWT_SECRET and the secret's purpose:
 * a copy of the database alone yields none of them. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export type SecretPurpose = 'totp' | 'sso-client-secret' | 'recovery-code-pepper';

export function keyFor(serverSecret: string, purpose: SecretPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(serverSecret), Buffer.alloc(0), `smp-casework ${purpose}`, 32));
}

export function sealSecret(plain: string, serverSecret: string, purpose: SecretPurpose): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(serverSecret, purpose), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The plain secret, or null when it cannot be opened (another server secret, or damaged). */
export function openSecret(stored: string, serverSecret: string, purpose: SecretPurpose): string | null {
  const [version, iv, tag, sealed] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || sealed === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(serverSecret, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
