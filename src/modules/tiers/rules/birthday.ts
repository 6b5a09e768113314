/** Whose birthday is it today (UTC calendar date). Pure. */

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The birthdays (as MM-DD) celebrated on the UTC date of `at`. Members born
 * on 29 February celebrate on 28 February in years without one, so they get
 * their bonus every year, and once.
 */
export function birthdaysCelebratedOn(at: Date): string[] {
  const month = at.getUTCMonth() + 1;
  const day = at.getUTCDate();
  const mmdd = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (month === 2 && day === 28 && !isLeapYear(at.getUTCFullYear())) {
    return [mmdd, '02-29'];
  }
  return [mmdd];
}

/** True when a birthday (YYYY-MM-DD) is celebrated on the UTC date of `at`. */
export function isBirthdayOn(birthday: string, at: Date): boolean {
  return birthdaysCelebratedOn(at).includes(birthday.slice(5, 10));
}

/** The bonus year: one bonus per member per calendar year of the celebration date (UTC). */
export function bonusYear(at: Date): number {
  return at.getUTCFullYear();
}
