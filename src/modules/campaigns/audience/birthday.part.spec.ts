import { memberFacts } from '../../../../test/support/member-facts';
import { birthdayPart } from './birthday.part';

const ctx = (iso: string) => ({ now: new Date(iso), timezone: 'Asia/Shanghai', consentChannel: null });

describe('audience part: birthday', () => {
  it('is today or month', () => {
    expect(birthdayPart.parse({ type: 'birthday', when: 'month' }, 'p')).toEqual({ type: 'birthday', when: 'month' });
    expect(() => birthdayPart.parse({ type: 'birthday', when: 'week' }, 'p')).toThrow('must be today or month');
  });

  it('today is the date in the timezone; 29 February is celebrated on the 28th in other years', () => {
    const today = { type: 'birthday' as const, when: 'today' as const };
    // 2026-05-19T17:00Z is already 20 May in Shanghai.
    expect(birthdayPart.compile(today, ctx('2026-05-19T17:00:00Z')).params).toEqual([5, 20]);
    expect(birthdayPart.matches(today, memberFacts({ birthday: '1990-05-20' }), ctx('2026-05-19T17:00:00Z'))).toBe(true);
    expect(birthdayPart.matches(today, memberFacts({ birthday: '1990-05-19' }), ctx('2026-05-19T17:00:00Z'))).toBe(false);
    const feb28 = ctx('2027-02-28T04:00:00Z');
    expect(birthdayPart.compile(today, feb28).sql).toContain('IN (28, 29)');
    expect(birthdayPart.matches(today, memberFacts({ birthday: '2000-02-29' }), feb28)).toBe(true);
    expect(birthdayPart.matches(today, memberFacts({ birthday: '2000-02-29' }), ctx('2028-02-28T04:00:00Z'))).toBe(false);
    // No birthday: unknown, as MONTH(NULL) is in SQL (so an exclude does not take such a member in either).
    expect(birthdayPart.matches(today, memberFacts({ birthday: null }), feb28)).toBeNull();
  });

  it('month is the month in the timezone', () => {
    const month = { type: 'birthday' as const, when: 'month' as const };
    expect(birthdayPart.compile(month, ctx('2026-05-20T02:00:00Z'))).toEqual({ sql: 'MONTH(m.birthday) = ?', params: [5] });
    expect(birthdayPart.matches(month, memberFacts({ birthday: '1990-05-01' }), ctx('2026-05-20T02:00:00Z'))).toBe(true);
    expect(birthdayPart.describe(month)).toEqual({ 'zh-CN': '本月生日', en: 'birthday this month' });
  });
});
