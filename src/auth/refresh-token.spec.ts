import { randomUUID } from 'node:crypto';
import { formatRefreshToken, hashRefreshSecret, newRefreshSecret, parseRefreshToken, sameHash } from './refresh-token';

describe('refresh tokens', () => {
  it('a secret is 256 random bits, base64url', () => {
    const secret = newRefreshSecret();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(newRefreshSecret()).not.toBe(secret);
  });

  it('round-trips session id and secret', () => {
    const sessionId = randomUUID();
    const secret = newRefreshSecret();
    expect(parseRefreshToken(formatRefreshToken(sessionId, secret))).toEqual({ sessionId, secret });
  });

  it.each([
    ['empty', ''],
    ['no secret', randomUUID()],
    ['not a uuid', `abc.${newRefreshSecret()}`],
    ['a short secret', `${randomUUID()}.abc`],
    ['three parts', `${randomUUID()}.${newRefreshSecret()}.x`],
    ['an upper-case uuid', `${randomUUID().toUpperCase()}.${newRefreshSecret()}`],
  ])('refuses a malformed token: %s', (_label, token) => {
    expect(parseRefreshToken(token)).toBeNull();
  });

  it('stores SHA-256 of the secret, never the secret', () => {
    const secret = newRefreshSecret();
    const hash = hashRefreshSecret(secret);
    expect(hash).toHaveLength(32);
    expect(hash.toString('base64url')).not.toBe(secret);
    expect(sameHash(hash, hashRefreshSecret(secret))).toBe(true);
    expect(sameHash(hash, hashRefreshSecret(newRefreshSecret()))).toBe(false);
  });
});
