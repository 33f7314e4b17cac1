import { dummyPasswordHash, hashPassword, verifyPassword } from './password';

/** The lowest cost the configuration allows (PASSWORD_COST ≥ 14): 16 MiB per hash, fast enough for tests. */
const COST = 14;

describe('password hashing (scrypt)', () => {
  let stored: string;

  beforeAll(async () => {
    stored = await hashPassword('correct horse battery staple', COST);
  });

  it('verifies the password it hashed', async () => {
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
  });

  it('refuses a wrong password', async () => {
    await expect(verifyPassword('correct horse battery stapler', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('encodes scheme, cost, r, p, salt and hash in the stored string', () => {
    const parts = stored.split('$');
    expect(parts).toHaveLength(6);
    expect(parts.slice(0, 4)).toEqual(['scrypt', '14', '8', '1']);
    expect(Buffer.from(parts[4], 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5], 'base64')).toHaveLength(32);
  });

  it('verifies with the cost written in the string, not a fixed one (so the cost can rise later)', async () => {
    const cheaper = await hashPassword('pw', 15);
    expect(cheaper.split('$')[1]).toBe('15');
    await expect(verifyPassword('pw', cheaper)).resolves.toBe(true);
    // The same salt and hash presented as cost 14 must not verify.
    await expect(verifyPassword('pw', cheaper.replace(/^scrypt\$15\$/, 'scrypt$14$'))).resolves.toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const again = await hashPassword('correct horse battery staple', COST);
    expect(again).not.toBe(stored);
    await expect(verifyPassword('correct horse battery staple', again)).resolves.toBe(true);
  });

  it('normalises Unicode (NFC), so a composed and a decomposed "é" are the same password', async () => {
    const composed = await hashPassword('caf\u00e9', COST);
    await expect(verifyPassword('cafe\u0301', composed)).resolves.toBe(true);
  });

  describe('a malformed stored string never verifies', () => {
    it.each([
      ['empty', ''],
      ['not a hash', 'hunter2'],
      ['another scheme', 'bcrypt$14$8$1$c2FsdA==$aGFzaA=='],
      ['no salt', 'scrypt$14$8$1$$aGFzaA=='],
      ['no hash', 'scrypt$14$8$1$c2FsdA==$'],
      ['too few parts', 'scrypt$14$8$1'],
    ])('%s', async (_label, malformed) => {
      await expect(verifyPassword('anything', malformed)).resolves.toBe(false);
    });

    it('a valid hash under another scheme name', async () => {
      await expect(verifyPassword('correct horse battery staple', stored.replace(/^scrypt\$/, 'bcrypt$'))).resolves.toBe(false);
    });

    it('a stored hash with its last byte changed', async () => {
      const [scheme, logN, r, p, salt, hash] = stored.split('$');
      const bytes = Buffer.from(hash, 'base64');
      bytes[bytes.length - 1] ^= 1;
      const altered = [scheme, logN, r, p, salt, bytes.toString('base64')].join('$');
      await expect(verifyPassword('correct horse battery staple', altered)).resolves.toBe(false);
    });

    it('a truncated stored hash', async () => {
      const [scheme, logN, r, p, salt, hash] = stored.split('$');
      const short = [scheme, logN, r, p, salt, Buffer.from(hash, 'base64').subarray(0, 16).toString('base64')].join('$');
      await expect(verifyPassword('correct horse battery staple', short)).resolves.toBe(false);
    });

    it.each(['x', '0', '99'])('a stored string with cost %j is a failed check, not an error', async (logN) => {
      const [scheme, , r, p, salt, hash] = stored.split('$');
      await expect(verifyPassword('correct horse battery staple', [scheme, logN, r, p, salt, hash].join('$'))).resolves.toBe(false);
    });

    it('a stored string with r=0 is a failed check, not an error', async () => {
      const [scheme, logN, , p, salt, hash] = stored.split('$');
      await expect(verifyPassword('correct horse battery staple', [scheme, logN, '0', p, salt, hash].join('$'))).resolves.toBe(false);
    });
  });

  it('dummyPasswordHash: a valid hash, computed once and reused', async () => {
    const first = await dummyPasswordHash(COST);
    expect(first).toMatch(/^scrypt\$14\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await dummyPasswordHash(COST)).toBe(first);
    await expect(verifyPassword('', first)).resolves.toBe(false);
  });
});
