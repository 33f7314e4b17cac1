import { openSecret, sealSecret } from './sealed-secret';

const SERVER = 'x'.repeat(40);

describe('sealed secrets (TOTP secrets and client secrets are not readable from the database alone)', () => {
  it('opens what it sealed, and the stored form does not contain the secret', () => {
    const stored = sealSecret('JBSWY3DPEHPK3PXP', SERVER, 'totp');
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(stored, SERVER, 'totp')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('does not open under another server secret, another purpose, or when altered', () => {
    const stored = sealSecret('secret', SERVER, 'totp');
    expect(openSecret(stored, 'y'.repeat(40), 'totp')).toBeNull();
    expect(openSecret(stored, SERVER, 'sso-client-secret')).toBeNull();
    const parts = stored.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(openSecret(parts.join('.'), SERVER, 'totp')).toBeNull();
    expect(openSecret('plain', SERVER, 'totp')).toBeNull();
  });

  it('seals the same secret differently each time (a fresh IV)', () => {
    expect(sealSecret('s', SERVER, 'totp')).not.toBe(sealSecret('s', SERVER, 'totp'));
  });
});
