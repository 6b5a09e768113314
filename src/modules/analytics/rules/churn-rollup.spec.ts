import { ChurnCell, rollUpChurn } from './churn-rollup';
import { Figure } from './figures';

const value = (figures: Figure[], report: string, series: string, label: string) =>
  figures.find((f) => f.report === report && f.series === series && f.label === label)?.value;

describe('churn roll-up', () => {
  const cells: ChurnCell[] = [
    { tier: 'STANDARD', grade: 'A', month: '2026-11', idleDays: 0, members: 5 },
    { tier: 'STANDARD', grade: '', month: '', idleDays: 0, members: 2 },
    { tier: 'VIP', grade: 'B', month: '2026-08', idleDays: 90, members: 3 },
    { tier: 'STANDARD', grade: 'C', month: '2026-05', idleDays: 180, members: 4 },
    { tier: 'STANDARD', grade: '', month: '', idleDays: 365, members: 6 },
  ];
  const figures = rollUpChurn(cells, [
    { clubId: 'k', idleDays: 0, members: 1 },
    { clubId: 'k', idleDays: 180, members: 2 },
  ]);

  it('a tier code in another case is the same tier (the stored figure is keyed without case): one figure, summed', () => {
    const mixed = rollUpChurn(
      [
        { tier: 'VIP', grade: 'A', month: '2026-11', idleDays: 90, members: 2 },
        { tier: 'vip', grade: 'A', month: '2026-11', idleDays: 90, members: 5 },
      ],
      [],
    );
    expect(mixed.filter((f) => f.series === 'population' && f.label.toLowerCase() === 'tier:vip')).toEqual([
      { report: 'churn', series: 'population', label: 'tier:VIP', value: 7 },
    ]);
    expect(value(mixed, 'churn', 'churned.90', 'tier:VIP')).toBe(7);
  });

  it('a member idle for a longer window counts in every shorter one', () => {
    expect(value(figures, 'churn', 'churned.90', 'total')).toBe(3 + 4 + 6);
    expect(value(figures, 'churn', 'churned.180', 'total')).toBe(4 + 6);
    expect(value(figures, 'churn', 'churned.365', 'total')).toBe(6);
    expect(value(figures, 'churn', 'churned.180', 'club:k')).toBe(2);
    expect(value(figures, 'churn', 'churned.365', 'club:k')).toBeUndefined();
  });

  it('slices by tier, grade (none when ungraded) and month of last purchase (never when none)', () => {
    expect(value(figures, 'churn', 'churned.90', 'tier:STANDARD')).toBe(10);
    expect(value(figures, 'churn', 'churned.90', 'tier:VIP')).toBe(3);
    expect(value(figures, 'churn', 'churned.90', 'grade:none')).toBe(6);
    expect(value(figures, 'churn', 'churned.90', 'month:never')).toBe(6);
    expect(value(figures, 'churn', 'churned.90', 'month:2026-08')).toBe(3);
    expect(value(figures, 'churn', 'population', 'grade:none')).toBe(8);
    expect(value(figures, 'churn', 'population', 'club:k')).toBe(3);
  });

  it('members are everyone; active are those who bought within 90 days (not the new members who never bought)', () => {
    expect(value(figures, 'members', 'totals', 'members')).toBe(20);
    expect(value(figures, 'members', 'totals', 'active90')).toBe(5);
  });
});
