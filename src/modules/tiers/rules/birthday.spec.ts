import { birthdaysCelebratedOn, bonusYear, isBirthdayOn } from './birthday';

describe('birthday rule', () => {
  it('matches month and day of the UTC date, whatever the birth year', () => {
    expect(isBirthdayOn('1990-07-14', new Date('2026-07-14T00:00:00Z'))).toBe(true);
    expect(isBirthdayOn('1990-07-14', new Date('2026-07-14T23:59:59Z'))).toBe(true);
    expect(isBirthdayOn('1990-07-14', new Date('2026-07-13T23:59:59Z'))).toBe(false);
    expect(isBirthdayOn('1990-07-14', new Date('2026-07-15T00:00:00Z'))).toBe(false);
  });

  it('29 February is celebrated on 28 February in years without one, and on 29 February in leap years', () => {
    expect(birthdaysCelebratedOn(new Date('2026-02-28T12:00:00Z'))).toEqual(['02-28', '02-29']);
    expect(isBirthdayOn('2000-02-29', new Date('2026-02-28T12:00:00Z'))).toBe(true);
    expect(isBirthdayOn('2000-02-29', new Date('2026-03-01T12:00:00Z'))).toBe(false);
    expect(birthdaysCelebratedOn(new Date('2028-02-28T12:00:00Z'))).toEqual(['02-28']);
    expect(isBirthdayOn('2000-02-29', new Date('2028-02-28T12:00:00Z'))).toBe(false);
    expect(isBirthdayOn('2000-02-29', new Date('2028-02-29T12:00:00Z'))).toBe(true);
    // 2100 is not a leap year (divisible by 100, not by 400); 2000 was.
    expect(birthdaysCelebratedOn(new Date('2100-02-28T12:00:00Z'))).toEqual(['02-28', '02-29']);
    expect(birthdaysCelebratedOn(new Date('2000-02-28T12:00:00Z'))).toEqual(['02-28']);
  });

  it('the bonus year is the calendar year of the celebration', () => {
    expect(bonusYear(new Date('2026-12-31T23:59:59Z'))).toBe(2026);
  });
});
