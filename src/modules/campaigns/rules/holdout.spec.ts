import { crc32 } from 'node:zlib';
import { holdoutSql, isHoldout } from './holdout';

describe('holdout', () => {
  const campaign = '01a212aa-8b99-749f-88e9-001ff70d99ce';
  const members = Array.from({ length: 20000 }, (_, i) => `01a212aa-8b99-749f-88e9-${String(i).padStart(12, '0')}`);

  it('is deterministic: the same member and campaign always land on the same side', () => {
    const first = members.map((m) => isHoldout(campaign, m, 100));
    expect(members.map((m) => isHoldout(campaign, m, 100))).toEqual(first);
  });

  it('holds out about the share asked for, and nobody at 0', () => {
    const share = members.filter((m) => isHoldout(campaign, m, 100)).length / members.length;
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.11);
    expect(members.some((m) => isHoldout(campaign, m, 0))).toBe(false);
  });

  it('depends on the campaign: another campaign holds out other members', () => {
    const other = '01a212aa-8b99-749f-88e9-001ff70d99cf';
    const a = members.filter((m) => isHoldout(campaign, m, 100));
    const b = new Set(members.filter((m) => isHoldout(other, m, 100)));
    expect(a.filter((m) => b.has(m)).length).toBeLessThan(a.length / 4);
  });

  it('is the CRC32 formula the SQL uses (CRC32 of "campaign:member" mod 1000 < permille)', () => {
    const m = members[7];
    expect(isHoldout(campaign, m, 1000)).toBe(true);
    expect(isHoldout(campaign, m, crc32(`${campaign}:${m}`) % 1000)).toBe(false);
    expect(isHoldout(campaign, m, (crc32(`${campaign}:${m}`) % 1000) + 1)).toBe(true);
    expect(holdoutSql(campaign, 100)).toEqual({ sql: "(CRC32(CONCAT(?, ':', m.id)) % 1000 < ?)", params: [campaign, 100] });
  });
});
