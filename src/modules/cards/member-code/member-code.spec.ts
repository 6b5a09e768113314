import {
  ACCEPTED_STEPS_BACK,
  decryptPayload,
  encryptPayload,
  EXPIRED_STEPS_BACK,
  hotpValue,
  ISSUED_STEPS_AHEAD,
  judgeMac,
  macAt,
  MAX_INDEX,
  MEMBER_CODE,
  memberCodeAt,
  openMemberCode,
  stepAt,
} from './member-code';
import { memberCodeKeys, newMemberSecret, openSecret, sealSecret } from './member-code-keys';

const keys = memberCodeKeys('a fixed test key of at least thirty-two characters');
const secret = Buffer.from('12345678901234567890123456789012', 'ascii');
const otherSecret = Buffer.from('abcdefghijabcdefghijabcdefghijab', 'ascii');

describe('member code derivation', () => {
  it('truncates as RFC 4226 (Appendix D, HMAC-SHA1) and RFC 6238 (Appendix B, HMAC-SHA256) say', () => {
    const rfc4226 = Buffer.from('12345678901234567890', 'ascii');
    expect([0, 1, 2, 3, 9].map((c) => hotpValue(rfc4226, c, 'sha1'))).toEqual([1284755224, 1094287082, 137359152, 1726969429, 645520489]);
    const rfc6238: Array<[number, string]> = [
      [59, '46119246'],
      [1111111109, '68084774'],
      [1111111111, '67062674'],
      [1234567890, '91819424'],
      [2000000000, '90698825'],
      [20000000000, '77737706'],
    ];
    for (const [seconds, totp] of rfc6238) {
      expect(String(hotpValue(secret, stepAt(seconds * 1000)) % 1e8).padStart(8, '0')).toBe(totp);
    }
  });

  it('a step is 30 seconds: second 29 is the same step, second 30 the next', () => {
    expect(stepAt(59_000_029_000 - 1)).toBe(stepAt(59_000_010_000));
    expect(stepAt(30_000)).toBe(1);
    expect(stepAt(29_999)).toBe(0);
  });

  it('the same keys, index, secret and step give the same code (fixed vectors), 18 digits starting 8', () => {
    const vectors = [0, 1, 2].map((k) => memberCodeAt(keys.prp, 42, secret, 59_000_000 + k));
    // Frozen outputs: a change to the layout, the Feistel rounds or the key derivation breaks every code in use.
    expect(vectors).toEqual(['861030839848590031', '807257607879786092', '857823590564273176']);
    for (const code of vectors) {
      expect(code).toMatch(MEMBER_CODE);
    }
  });

  it('opens a code to its index and mac, for small and the largest index', () => {
    for (const index of [0, 1, 42, 123_456_789, MAX_INDEX]) {
      const code = memberCodeAt(keys.prp, index, secret, 59_000_123);
      expect(openMemberCode(keys.prp, code)).toEqual({ index, mac: macAt(secret, 59_000_123) });
    }
    expect(() => memberCodeAt(keys.prp, MAX_INDEX + 1, secret, 1)).toThrow(RangeError);
  });

  it('the Feistel network is a permutation of 56-bit numbers', () => {
    for (const v of [0n, 1n, 123_456_789_012_345n, (1n << 56n) - 1n]) {
      const c = encryptPayload(keys.prp, v);
      expect(c < 1n << 56n).toBe(true);
      expect(decryptPayload(keys.prp, c)).toBe(v);
    }
  });

  it("one member's codes at successive steps share no visible index: their digits differ throughout", () => {
    const codes = Array.from({ length: 20 }, (_, k) => memberCodeAt(keys.prp, 7, secret, 59_000_000 + k));
    expect(new Set(codes).size).toBe(20);
    // The leading digits would repeat if the index were in clear or merely masked per step.
    expect(new Set(codes.map((c) => c.slice(0, 8))).size).toBeGreaterThan(15);
    // Two members at the same step: unrelated too.
    expect(memberCodeAt(keys.prp, 7, secret, 59_000_000).slice(0, 8)).not.toBe(memberCodeAt(keys.prp, 8, secret, 59_000_000).slice(0, 8));
  });

  it('a code opened with another server key gives another index (the digits mean nothing without the key)', () => {
    const code = memberCodeAt(keys.prp, 42, secret, 59_000_000);
    const other = memberCodeKeys('another key of at least thirty-two characters!!');
    expect(openMemberCode(other.prp, code)?.index).not.toBe(42);
  });

  it('refuses what is not a code: wrong length, wrong first digit, letters, or a number beyond 2^56', () => {
    for (const bad of ['', '8123', '712345678901234567', '81234567890123456a', '8123456789012345678', '899999999999999999']) {
      expect(openMemberCode(keys.prp, bad)).toBeNull();
    }
  });
});

describe('judging a code at the till', () => {
  const now = 59_000_000;
  const macOf = (step: number) => macAt(secret, step);

  it('accepts the current step (second 29) and the previous one (second 31 of its life)', () => {
    expect(judgeMac(secret, macOf(now), now)).toEqual({ kind: 'valid', step: now });
    expect(judgeMac(secret, macOf(now - ACCEPTED_STEPS_BACK), now)).toEqual({ kind: 'valid', step: now - 1 });
  });

  it('a code 61 s old (two steps back) is expired, up to an hour back; older is unknown', () => {
    expect(judgeMac(secret, macOf(now - 2), now)).toEqual({ kind: 'expired', step: now - 2 });
    expect(judgeMac(secret, macOf(now - EXPIRED_STEPS_BACK), now)).toEqual({ kind: 'expired', step: now - EXPIRED_STEPS_BACK });
    // (unless a 26-bit mac of an earlier step happens to match: 1 in 2^26 per step looked at)
    expect(judgeMac(secret, macOf(now - EXPIRED_STEPS_BACK - 500), now).kind).toBe('unknown');
  });

  it('a code of a later step handed out by the portal is not valid yet', () => {
    expect(judgeMac(secret, macOf(now + 1), now)).toEqual({ kind: 'not_yet_valid', step: now + 1 });
    expect(judgeMac(secret, macOf(now + ISSUED_STEPS_AHEAD), now).kind).toBe('not_yet_valid');
  });

  it("a forged mac, or another member's (another secret), is unknown", () => {
    expect(judgeMac(secret, macAt(otherSecret, now), now).kind).toBe('unknown');
    expect(judgeMac(secret, (macOf(now) + 1) % 2 ** 26, now).kind).toBe('unknown');
  });
});

describe('sealing member secrets', () => {
  it('opens what it sealed for the same member, and nothing else', () => {
    const s = newMemberSecret();
    const sealed = sealSecret(keys.seal, 'member-a', s);
    expect(openSecret(keys.seal, 'member-a', sealed)).toEqual(s);
    expect(openSecret(keys.seal, 'member-b', sealed)).toBeNull();
    expect(openSecret(memberCodeKeys('another key of at least thirty-two characters!!').seal, 'member-a', sealed)).toBeNull();
    const altered = Buffer.from(sealed);
    altered[20] ^= 1;
    expect(openSecret(keys.seal, 'member-a', altered)).toBeNull();
    expect(sealed.includes(s)).toBe(false);
  });

  it('keys differ per use and per master key', () => {
    expect(keys.prp.equals(keys.seal)).toBe(false);
    expect(memberCodeKeys('x'.repeat(32)).prp.equals(memberCodeKeys('y'.repeat(32)).prp)).toBe(false);
  });
});
