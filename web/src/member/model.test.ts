import { describe, expect, it } from 'vitest';
import { expiringSoon, formatCardNo, formatMonth, goalPercent, signedPoints, tierName } from './model';

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
