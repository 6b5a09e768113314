import { dummyHash, hashPassword, needsRehash, scryptParams, verifyPassword } from './password';

describe('password hashing', () => {
  it('defaults to the OWASP scrypt parameters N=2^17, r=8, p=1', () => {
    expect(scryptParams()).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('verifies with the parameters stored in the hash, and flags hashes made with other parameters for a rehash', async () => {
    const old = await hashPassword('correct horse', { N: 1024, r: 8, p: 1 });
    expect(old.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse', old)).toBe(true);
    expect(await verifyPassword('wrong horse', old)).toBe(false);
    const current = scryptParams(14);
    expect(needsRehash(old, current)).toBe(true);
    expect(needsRehash(await hashPassword('correct horse', current), current)).toBe(false);
  });

  it('no password matches the dummy hash used for unknown emails', async () => {
    const params = scryptParams(14);
    expect(needsRehash(dummyHash(params), params)).toBe(false);
    expect(await verifyPassword('', dummyHash(params))).toBe(false);
    expect(await verifyPassword('anything', dummyHash(params))).toBe(false);
  });

  it('refuses stored hashes with malformed or absurd parameters instead of computing them', async () => {
    const good = await hashPassword('pw', { N: 1024, r: 8, p: 1 });
    const [, , , , salt, hash] = good.split('$');
    for (const bad of [
      `scrypt$${2 ** 24}$8$1$${salt}$${hash}`,
      `scrypt$1000$8$1$${salt}$${hash}`,
      `bcrypt$1024$8$1$${salt}$${hash}`,
      'scrypt$1024$8$1$$',
      '',
    ]) {
      expect(await verifyPassword('pw', bad)).toBe(false);
    }
  });
});
