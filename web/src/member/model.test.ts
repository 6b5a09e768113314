import { describe, expect, it } from 'vitest';
import {
  currentCode,
  expiringSoon,
  formatCardNo,
  formatMonth,
  goalPercent,
  groupByMonth,
  normalizePhone,
  signedPoints,
  tierName,
} from './model';

const gap = (current: number, required: number) => ({
  criterion: 'spend' as const,
  current,
  required,
  missing: Math.max(0, required - current),
});

describe('goalPercent', () => {
  it('any: the best criterion counts; all: the weakest', () => {
    const criteria = [gap(812_000, 2_000_000), { ...gap(30, 40), criterion: 'purchases' as const }];
    expect(goalPercent({ qualifyMode: 'any', criteria, met: false })).toBe(75);
    expect(goalPercent({ qualifyMode: 'all', criteria, met: false })).toBe(40);
  });

  it('a met goal is 100, an unmet one never shows 100, and no criteria is 0', () => {
    expect(goalPercent({ qualifyMode: 'any', criteria: [gap(1, 2)], met: true })).toBe(100);
    expect(goalPercent({ qualifyMode: 'any', criteria: [gap(1_999_999, 2_000_000)], met: false })).toBe(99);
    expect(goalPercent({ qualifyMode: 'all', criteria: [], met: false })).toBe(0);
    expect(goalPercent({ qualifyMode: 'any', criteria: [gap(-5, 100)], met: false })).toBe(0);
  });
});

describe('formatting', () => {
  it('months by language, in UTC', () => {
    expect(formatMonth('2026-11', 'en')).toBe('Nov 2026');
    expect(formatMonth('2027-01', 'zh-CN')).toBe('2027年1月');
    expect(formatMonth('garbage', 'en')).toBe('garbage');
  });

  it('card numbers in groups of four', () => {
    expect(formatCardNo('8766314454867138')).toBe('8766 3144 5486 7138');
    expect(formatCardNo('12345')).toBe('1234 5');
  });

  it('signed points with a true minus sign', () => {
    const f = (n: number) => n.toLocaleString('en-US');
    expect(signedPoints(1500, f)).toBe('+1,500');
    expect(signedPoints(-500, f)).toBe('\u2212500');
    expect(signedPoints(0, f)).toBe('0');
  });

  it('tier names by language, falling back to the English name and the code', () => {
    expect(tierName({ code: 'VIP', name: 'VIP', nameZh: 'VIP会员' }, 'zh-CN')).toBe('VIP会员');
    expect(tierName({ code: 'VIP', name: 'VIP', nameZh: '' }, 'zh-CN')).toBe('VIP');
    expect(tierName({ code: 'GOLD', name: '' }, 'en')).toBe('GOLD');
  });

  it('only months with points expire soon, in order', () => {
    expect(
      expiringSoon([
        { month: '2027-01', points: 300, valueCents: 300 },
        { month: '2026-12', points: 0, valueCents: 0 },
        { month: '2026-11', points: 120, valueCents: 120 },
      ]).map((m) => m.month),
    ).toEqual(['2026-11', '2027-01']);
  });
});

describe('normalizePhone', () => {
  it('an 11-digit mainland number works without +86, with spaces, dashes, 86 or 0086', () => {
    for (const typed of ['13800138000', '138 0013 8000', '138-0013-8000', '8613800138000', '+86 138 0013 8000', '008613800138000']) {
      expect({ typed, phone: normalizePhone(typed) }).toEqual({ typed, phone: '+8613800138000' });
    }
  });

  it('keeps another country in E.164 and refuses what is not a number', () => {
    expect(normalizePhone('+85291234567')).toBe('+85291234567');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('1380013800')).toBeNull(); // 10 digits
    expect(normalizePhone('abc')).toBeNull();
  });
});

describe('groupByMonth', () => {
  it('an offline receipt posted in December but made on 12 Nov goes under November', () => {
    const items = [
      { id: 'posted-dec-7', occurredAt: '2026-11-12T06:00:00.000Z' },
      { id: 'dec', occurredAt: '2026-12-05T06:00:00.000Z' },
      { id: 'nov', occurredAt: '2026-11-20T06:00:00.000Z' },
    ];
    const groups = groupByMonth(items);
    expect(groups.map((g) => [g.month, g.items.map((i) => i.id)])).toEqual([
      ['2026-12', ['dec']],
      ['2026-11', ['nov', 'posted-dec-7']],
    ]);
  });
});

describe('currentCode', () => {
  const codes = [
    { code: 'a', showFrom: '2026-12-07T08:00:00.000Z', showUntil: '2026-12-07T08:00:30.000Z' },
    { code: 'b', showFrom: '2026-12-07T08:00:30.000Z', showUntil: '2026-12-07T08:01:00.000Z' },
  ];
  it("shows the code of the server's time: the phone's clock corrected by the measured offset", () => {
    const phone = Date.parse('2026-12-07T08:00:25.000Z');
    expect(currentCode(codes, phone, 0)?.code).toBe('a');
    expect(currentCode(codes, phone, 10_000)?.code).toBe('b'); // the phone is 10 s slow
    expect(currentCode(codes, phone, 60_000)).toBeNull(); // past the last code: ask again
  });
});
