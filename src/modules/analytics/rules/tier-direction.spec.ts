import { tierDirection } from './tier-direction';

describe('tier direction', () => {
  const ranks = new Map([
    ['STANDARD', 0],
    ['VIP', 1],
    ['SVIP', 2],
  ]);

  it('compares ranks; an enrolment (no tier before) is new', () => {
    expect(tierDirection(null, 'STANDARD', ranks)).toBe('new');
    expect(tierDirection('STANDARD', 'SVIP', ranks)).toBe('up');
    expect(tierDirection('SVIP', 'VIP', ranks)).toBe('down');
    expect(tierDirection('VIP', 'VIP', ranks)).toBe('same');
  });

  it('a tier removed from the ladder ranks below every tier', () => {
    expect(tierDirection('GOLD', 'STANDARD', ranks)).toBe('up');
    expect(tierDirection('VIP', 'GOLD', ranks)).toBe('down');
  });
});
