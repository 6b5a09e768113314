import { afterFailure, generateSignInCode, isWellFormedCode, phoneKeyId, sameHash, signInCodeHash } from './sign-in-code';

describe('sign-in codes', () => {
  it('are six digits with leading zeros kept', () => {
    expect(generateSignInCode(() => 42)).toBe('000042');
    expect(generateSignInCode(() => 999_999)).toBe('999999');
    for (let i = 0; i < 200; i++) {
      expect(isWellFormedCode(generateSignInCode())).toBe(true);
    }
  });

  it('draws from the whole million', () => {
    let asked = 0;
    generateSignInCode((max) => {
      asked = max;
      return 0;
    });
    expect(asked).toBe(1_000_000);
  });

  it('refuses anything but six digits', () => {
    expect(isWellFormedCode('12345')).toBe(false);
    expect(isWellFormedCode('1234567')).toBe(false);
    expect(isWellFormedCode('12a456')).toBe(false);
    expect(isWellFormedCode(' 123456')).toBe(false);
  });

  it('hashes a code bound to its phone and to the secret', () => {
    const h = signInCodeHash('s'.repeat(32), '+8613800138000', '123456');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain('123456');
    expect(signInCodeHash('s'.repeat(32), '+8613800138001', '123456')).not.toBe(h);
    expect(signInCodeHash('t'.repeat(32), '+8613800138000', '123456')).not.toBe(h);
    expect(sameHash(h, signInCodeHash('s'.repeat(32), '+8613800138000', '123456'))).toBe(true);
    expect(sameHash(h, signInCodeHash('s'.repeat(32), '+8613800138000', '123457'))).toBe(false);
  });

  it('names a phone in keys without the number', () => {
    const id = phoneKeyId('s'.repeat(32), '+8613800138000');
    expect(id).toHaveLength(32);
    expect(id).not.toContain('13800138000');
  });

  it('locks at the fifth wrong try, not before', () => {
    expect(afterFailure(0, 5, 900)).toEqual({ outcome: 'wrong', triesLeft: 4 });
    expect(afterFailure(3, 5, 900)).toEqual({ outcome: 'wrong', triesLeft: 1 });
    expect(afterFailure(4, 5, 900)).toEqual({ outcome: 'locked', retryAfterSeconds: 900 });
  });
});
