import { meanOf, promoterScore, responseRate, satisfactionIndex } from './satisfaction-index';

describe('satisfaction index and promoter score', () => {
  it('scales each dimension mean to 0–100 (1 → 0, 5 → 100) and weights them', () => {
    // Staff (weight 3): 5, 5, 4, 2 → mean 4.0 → (4 − 1) / 4 × 100 = 75.
    // Freshness (weight 2): 3, 4 → mean 3.5 → 62.5.
    // Price (weight 1): 1, 1, 2 → mean 4/3 → 8.333…
    // Index = (75 × 3 + 62.5 × 2 + 8.333… × 1) / 6 = (225 + 125 + 8.333…) / 6 = 59.722… → 59.7.
    const result = satisfactionIndex([
      { weight: 3, answers: { 5: 2, 4: 1, 2: 1 } },
      { weight: 2, answers: { 3: 1, 4: 1 } },
      { weight: 1, answers: { 1: 2, 2: 1 } },
    ]);
    expect(result.index).toBe(59.7);
    expect(result.dimensions).toEqual([
      { mean: 4, scaled: 75, answers: 4 },
      { mean: 3.5, scaled: 62.5, answers: 2 },
      { mean: 1.33, scaled: 8.3, answers: 3 },
    ]);
  });

  it('leaves unanswered dimensions out of the weights, and has no index without answers', () => {
    // Only the weight-1 dimension is answered: all 5 → 100.
    expect(
      satisfactionIndex([
        { weight: 4, answers: {} },
        { weight: 1, answers: { 5: 3 } },
      ]).index,
    ).toBe(100);
    expect(satisfactionIndex([{ weight: 4, answers: {} }]).index).toBeNull();
    expect(satisfactionIndex([{ weight: 2, answers: { 1: 5 } }]).index).toBe(0);
  });

  it('gives the promoter score as % of 9–10 minus % of 0–6, passives only in the total', () => {
    // 10, 10, 9 (3 promoters), 8, 7 (2 passives), 6, 0 (2 detractors) of 7: (3 − 2) / 7 × 100 = 14.285… → 14.3.
    expect(promoterScore({ 10: 2, 9: 1, 8: 1, 7: 1, 6: 1, 0: 1 })).toEqual({
      score: 14.3,
      promoters: 3,
      passives: 2,
      detractors: 2,
      answers: 7,
    });
    expect(promoterScore({ 3: 4 }).score).toBe(-100);
    expect(promoterScore({ 9: 1 }).score).toBe(100);
    expect(promoterScore({}).score).toBeNull();
  });

  it('computes means and response rates with their edges', () => {
    expect(meanOf({ 5: 1, 1: 1 })).toBe(3);
    expect(meanOf({})).toBeNull();
    expect(responseRate(1, 3)).toBe(33.3);
    expect(responseRate(0, 0)).toBeNull();
  });
});
