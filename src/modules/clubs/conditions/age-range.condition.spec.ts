import { ageOn, ageRange } from './age-range.condition';

const NOW = new Date('2026-05-15T10:00:00.000Z');
const facts = (birthday: string | null) => ({ birthday, city: null, gender: null, purchases: [] });

describe('ageRange condition', () => {
  it('needs one bound at least, in order', () => {
    const fails: string[] = [];
    ageRange.validate({ type: 'ageRange' }, 'c', (f) => fails.push(f));
    ageRange.validate({ type: 'ageRange', minAge: 40, maxAge: 30 }, 'c', (f) => fails.push(f));
    ageRange.validate({ type: 'ageRange', minAge: -1, maxAge: null }, 'c', (f) => fails.push(f));
    expect(fails).toEqual(['c', 'c.maxAge', 'c.minAge']);
    expect(ageRange.validate({ type: 'ageRange', maxAge: 30 }, 'c', () => {})).toEqual({ type: 'ageRange', minAge: null, maxAge: 30 });
  });

  it('counts full years on the UTC date, as TIMESTAMPDIFF does', () => {
    expect(ageOn('2000-05-15', NOW)).toBe(26);
    expect(ageOn('2000-05-16', NOW)).toBe(25);
    const c = { type: 'ageRange' as const, minAge: 26, maxAge: null };
    expect(ageRange.holds(c, facts('2000-05-15'), NOW)).toBe(true);
    expect(ageRange.holds(c, facts('2000-05-16'), NOW)).toBe(false);
    expect(ageRange.holds(c, facts(null), NOW)).toBe(false);
    expect(ageRange.gap(c, facts(null), NOW).met).toBe(false);
    expect(ageRange.sql(c, { fromId: '', toId: null }, NOW)).toEqual({
      sql: '(m.birthday IS NOT NULL AND TIMESTAMPDIFF(YEAR, m.birthday, ?) >= ?)',
      params: ['2026-05-15', 26],
    });
  });

  it('says an exact age, a range and open bounds', () => {
    expect(ageRange.describe({ type: 'ageRange', minAge: 30, maxAge: 30 })).toEqual({ en: 'are 30 years old', zhCN: '年龄为30岁' });
    expect(ageRange.describe({ type: 'ageRange', minAge: 25, maxAge: 40 }).zhCN).toBe('年龄在25至40岁之间');
    expect(ageRange.describe({ type: 'ageRange', minAge: null, maxAge: 18 }).en).toBe('are at most 18 years old');
  });
});
