import { city } from './city.condition';

const NOW = new Date('2026-05-15T10:00:00.000Z');
const facts = (own: string | null) => ({ birthday: null, city: own, gender: null, purchases: [] });

describe('city condition', () => {
  it('keeps the spelling given, refuses an empty list', () => {
    expect(city.validate({ type: 'city', cities: [' Shanghai ', 'Beijing'] }, 'c', () => {})).toEqual({
      type: 'city',
      cities: ['Beijing', 'Shanghai'],
    });
    const fails: string[] = [];
    expect(city.validate({ type: 'city', cities: [] }, 'c', (f) => fails.push(f))).toBeNull();
    expect(fails).toEqual(['c.cities']);
  });

  it('compares trimmed and ignoring case, in TypeScript as in SQL', () => {
    const c = { type: 'city' as const, cities: ['Shanghai'] };
    expect(city.holds(c, facts(' shanghai '), NOW)).toBe(true);
    expect(city.holds(c, facts(null), NOW)).toBe(false);
    expect(city.gap(c, facts('Beijing'), NOW).met).toBe(false);
    expect(city.sql(c, { fromId: '', toId: null }, NOW)).toEqual({ sql: 'LOWER(TRIM(m.city)) IN (?)', params: ['shanghai'] });
    expect(city.describe(c)).toEqual({ en: 'live in Shanghai', zhCN: '所在城市为Shanghai' });
  });
});
