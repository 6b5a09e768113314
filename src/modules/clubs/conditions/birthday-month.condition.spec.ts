import { birthdayMonth } from './birthday-month.condition';

const NOW = new Date('2026-05-15T10:00:00.000Z');
const facts = (birthday: string | null) => ({ birthday, city: null, gender: null, purchases: [] });

describe('birthdayMonth condition', () => {
  it('sorts and de-duplicates months, and refuses month 13', () => {
    expect(birthdayMonth.validate({ type: 'birthdayMonth', months: [12, 1, 12] }, 'c', () => {})).toEqual({
      type: 'birthdayMonth',
      months: [1, 12],
    });
    const fails: string[] = [];
    expect(birthdayMonth.validate({ type: 'birthdayMonth', months: [13] }, 'c', (f) => fails.push(f))).toBeNull();
    expect(fails).toEqual(['c.months']);
  });

  it('holds for a birthday in one of the months only; no birthday never holds', () => {
    const c = { type: 'birthdayMonth' as const, months: [1, 12] };
    expect(birthdayMonth.holds(c, facts('1990-12-31'), NOW)).toBe(true);
    expect(birthdayMonth.holds(c, facts('1990-11-30'), NOW)).toBe(false);
    expect(birthdayMonth.gap(c, facts(null), NOW)).toEqual({ met: false, unit: null, required: null, current: null, missing: null });
    expect(birthdayMonth.describe(c)).toEqual({ en: 'have their birthday in January or December', zhCN: '生日在1月或12月' });
    expect(birthdayMonth.sql(c, { fromId: '', toId: null }, NOW)).toEqual({ sql: 'MONTH(m.birthday) IN (?, ?)', params: [1, 12] });
  });
});
