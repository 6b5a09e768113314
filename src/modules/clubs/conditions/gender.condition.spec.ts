import { gender } from './gender.condition';

const NOW = new Date('2026-05-15T10:00:00.000Z');
const facts = (own: string | null) => ({ birthday: null, city: null, gender: own, purchases: [] });

describe('gender condition', () => {
  it('takes only the profile genders', () => {
    expect(gender.validate({ type: 'gender', genders: ['male', 'female', 'male'] }, 'c', () => {})).toEqual({
      type: 'gender',
      genders: ['female', 'male'],
    });
    const fails: string[] = [];
    expect(gender.validate({ type: 'gender', genders: ['robot'] }, 'c', (f) => fails.push(f))).toBeNull();
    expect(fails).toEqual(['c.genders']);
  });

  it('holds for a listed gender only, and says itself', () => {
    const c = { type: 'gender' as const, genders: ['female' as const, 'undisclosed' as const] };
    expect(gender.holds(c, facts('female'), NOW)).toBe(true);
    expect(gender.holds(c, facts(null), NOW)).toBe(false);
    expect(gender.gap(c, facts('male'), NOW).met).toBe(false);
    expect(gender.describe(c)).toEqual({ en: 'are female or of undisclosed gender', zhCN: '性别为女或未透露' });
    expect(gender.sql(c, { fromId: '', toId: null }, NOW)).toEqual({ sql: 'm.gender IN (?, ?)', params: ['female', 'undisclosed'] });
  });
});
