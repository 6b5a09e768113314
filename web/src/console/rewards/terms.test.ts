import { describe, expect, it } from 'vitest';
import { maskName, maskPhone, priceInWords, stockInWords, validityInWords, valueInWords, windowInWords, yuan } from './terms';

const amount = { kind: 'amount_off', valueCents: 2000, percentOff: null, giftSku: null, minSpendCents: 10000 };

describe('reward terms in words', () => {
  it('says an amount off with its minimum spend in yuan, in both languages', () => {
    expect(valueInWords(amount, 'en')).toBe('¥20 off over ¥100');
    expect(valueInWords(amount, 'zh-CN')).toBe('满¥100减¥20');
    expect(valueInWords({ ...amount, minSpendCents: 0, valueCents: 1250 }, 'en')).toBe('¥12.50 off');
    expect(valueInWords({ ...amount, minSpendCents: 0 }, 'zh-CN')).toBe('立减¥20');
  });

  it('says a percentage off as the Chinese 折 and the English per cent', () => {
    const pct = { ...amount, kind: 'percent_off', valueCents: null, percentOff: 15 };
    expect(valueInWords(pct, 'en')).toBe('15% off over ¥100');
    expect(valueInWords(pct, 'zh-CN')).toBe('满¥100享8.5折');
    expect(valueInWords({ ...pct, minSpendCents: 0, percentOff: 20 }, 'zh-CN')).toBe('8折');
  });

  it('names the gift', () => {
    const gift = { ...amount, kind: 'gift', valueCents: null, giftSku: 'MUG-01', minSpendCents: 0 };
    expect(valueInWords(gift, 'en')).toBe('Free gift MUG-01');
    expect(valueInWords(gift, 'zh-CN')).toBe('赠品 MUG-01');
  });

  it('groups thousands in yuan', () => {
    expect(yuan(1234500, 'en')).toBe('¥12,345');
  });

  it('says validity as days after issue or as a window', () => {
    expect(validityInWords({ validDays: 30, validFrom: null, validUntil: null }, 'en')).toBe('30 days after issue');
    expect(validityInWords({ validDays: 30, validFrom: null, validUntil: null }, 'zh-CN')).toBe('领取后30天内有效');
    expect(validityInWords({ validDays: 0, validFrom: null, validUntil: null }, 'en')).toBe('Day of issue only');
    expect(windowInWords(null, null, 'en')).toBe('Always');
    expect(windowInWords(null, null, 'zh-CN')).toBe('长期');
    expect(windowInWords('2026-12-01T00:00:00Z', null, 'en')).toMatch(/^From Dec 1, 2026$/);
  });

  it('says stock and price with units, never a bare null', () => {
    expect(stockInWords({ stockLeft: 998, stockTotal: 1000 }, 'en')).toBe('998 / 1,000');
    expect(stockInWords({ stockLeft: null, stockTotal: null }, 'zh-CN')).toBe('不限');
    expect(priceInWords(500, 'en')).toBe('500 points');
    expect(priceInWords(500, 'zh-CN')).toBe('500 积分');
    expect(priceInWords(null, 'en')).toBe('Not in the catalog (for campaign grants)');
  });

  it('masks a member as the till does, leaving a masked value alone', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张*')).toBe('张*');
    expect(maskPhone('+8613800138000')).toBe('+86138****8000');
    expect(maskPhone('+86138****8000')).toBe('+86138****8000');
    expect(maskName(null)).toBe('—');
  });
});
