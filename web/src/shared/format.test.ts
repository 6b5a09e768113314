import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, formatPoints, parseYuan } from './format';
import { pickLanguage, translate } from './i18n';
import { en } from './messages/en';
import { zhCN } from './messages/zh-CN';

describe('money and points formatting', () => {
  it('shows integer cents as yuan with two decimals and grouping, negative amounts with a leading minus', () => {
    expect(formatMoney(0, 'en')).toBe('¥0.00');
    expect(formatMoney(5, 'en')).toBe('¥0.05');
    expect(formatMoney(123456, 'en')).toBe('¥1,234.56');
    expect(formatMoney(-2590, 'zh-CN')).toBe('-¥25.90');
    expect(formatMoney(100_000_000_000_00, 'zh-CN')).toBe('¥100,000,000,000.00');
  });

  it('refuses fractions of a cent instead of rounding them away', () => {
    expect(() => formatMoney(1.5, 'en')).toThrow(RangeError);
  });

  it('groups points as whole numbers', () => {
    expect(formatPoints(1234567, 'en')).toBe('1,234,567');
    expect(formatPoints(-150, 'zh-CN')).toBe('-150');
  });

  it('reads typed yuan into cents without floating point', () => {
    expect(parseYuan('12.3')).toBe(1230);
    expect(parseYuan('¥1,000.05')).toBe(100005);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });

  it('shows shares as percentages with one decimal', () => {
    expect(formatPercent(0.1234, 'en')).toBe('12.3%');
  });
});

describe('language', () => {
  it('takes the stored choice first, then the browser languages, then English', () => {
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
    expect(pickLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLanguage(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLanguage('xx', ['de'])).toBe('en');
  });

  it('has a non-empty zh-CN text for every English key, and fills placeholders', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(zhCN[key].trim().length).toBeGreaterThan(0);
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(zhCN[key])).toEqual(placeholders(en[key]));
    }
    expect(translate('en', 'common.error', { message: 'boom' })).toBe('Something went wrong: boom');
  });
});
