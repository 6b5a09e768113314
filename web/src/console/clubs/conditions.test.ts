import { describe, expect, it, vi } from 'vitest';

// The category fields pick from the catalog through the console's API client, which reads the page's origin when loaded.
vi.hoisted(() => vi.stubGlobal('window', { location: { origin: 'http://console.test' } }));

import { blankCondition, CONDITION_TYPES, incompleteConditions, type ClubRule } from './conditions';

describe('club rule builder: the condition kinds', () => {
  it('offers every kind, each starting from its own blank values (a fresh copy each time)', () => {
    expect(CONDITION_TYPES).toEqual(['categoryPurchases', 'categorySpend', 'birthdayMonth', 'city', 'ageRange', 'gender']);
    expect(blankCondition('categoryPurchases')).toEqual({ type: 'categoryPurchases', categories: [], minPurchases: 1, days: 90 });
    expect(blankCondition('categorySpend')).toEqual({ type: 'categorySpend', categories: [], minSpendCents: 10_000, days: 90 });
    const a = blankCondition('city');
    const b = blankCondition('city');
    expect(a).not.toBe(b);
    expect(a.type === 'city' && b.type === 'city' && a.cities !== b.cities).toBe(true);
  });

  it('names the conditions still missing a value: empty lists, an age range open at both ends', () => {
    const rule: ClubRule = {
      combine: 'all',
      conditions: [
        blankCondition('city'),
        { type: 'city', cities: ['Beijing'] },
        blankCondition('ageRange'),
        { type: 'ageRange', minAge: 18, maxAge: null },
        { type: 'ageRange', maxAge: 30 },
        blankCondition('birthdayMonth'),
        { type: 'gender', genders: ['female'] },
        blankCondition('gender'),
        blankCondition('categorySpend'),
        { type: 'categoryPurchases', categories: ['baby'], minPurchases: 3, days: 90 },
      ],
    };
    expect(incompleteConditions(rule)).toEqual([0, 2, 5, 7, 8]);
  });
});
