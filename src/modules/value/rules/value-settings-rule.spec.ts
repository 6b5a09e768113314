import { gradeCutoffs, gradeOf } from './grades';
import { cumulativeShares, DEFAULT_GRADE_SHARES_PERCENT, valueSettingsProblems, ValueSettingsProposal } from './value-settings-rule';
import { DEFAULT_REFERENCE, DEFAULT_WEIGHTS } from './value-score';

const proposal = (changes: Partial<ValueSettingsProposal> = {}): ValueSettingsProposal => ({
  weights: DEFAULT_WEIGHTS,
  reference: DEFAULT_REFERENCE,
  grades: DEFAULT_GRADE_SHARES_PERCENT,
  ...changes,
});

describe('value settings', () => {
  it('accepts the defaults (60/20/20 weights, 80/15/5 grades)', () => {
    expect(valueSettingsProblems(proposal())).toEqual([]);
    expect(cumulativeShares(DEFAULT_GRADE_SHARES_PERCENT)).toEqual({ a: 80, b: 95 });
  });

  it('refuses weights that are all zero, naming the field', () => {
    expect(valueSettingsProblems(proposal({ weights: { spendPermille: 0, pointsPermille: 0, purchasesPermille: 0 } }))).toEqual([
      { field: 'weights', message: expect.stringContaining('at least one') },
    ]);
    expect(valueSettingsProblems(proposal({ weights: { spendPermille: 0, pointsPermille: 0, purchasesPermille: 1 } }))).toEqual([]);
  });

  it('refuses grade shares over 100% together, and an empty grade A; exactly 100% is fine', () => {
    expect(valueSettingsProblems(proposal({ grades: { aPercent: 90, bPercent: 11 } }))).toEqual([
      { field: 'grades.bPercent', message: expect.stringContaining('101%') },
    ]);
    expect(valueSettingsProblems(proposal({ grades: { aPercent: 0, bPercent: 50 } })).map((p) => p.field)).toEqual(['grades.aPercent']);
    expect(valueSettingsProblems(proposal({ grades: { aPercent: 60, bPercent: 40 } }))).toEqual([]);
  });

  it('other shares move the cut-offs: 50/30 grades fewer members A than 80/15', () => {
    const scores = [50, 20, 10, 10, 5, 5];
    const wide = gradeCutoffs(scores, cumulativeShares({ aPercent: 80, bPercent: 15 }));
    const narrow = gradeCutoffs(scores, cumulativeShares({ aPercent: 50, bPercent: 30 }));
    expect(scores.filter((s) => gradeOf(s, wide) === 'A')).toEqual([50, 20, 10, 10]);
    expect(scores.filter((s) => gradeOf(s, narrow) === 'A')).toEqual([50]);
    expect(scores.filter((s) => gradeOf(s, narrow) === 'B')).toEqual([20, 10, 10]);
  });
});
