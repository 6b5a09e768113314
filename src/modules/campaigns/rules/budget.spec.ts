import { estimatedCost, grantsThatFit } from './budget';

describe('budget arithmetic', () => {
  it('fits as many whole grants as the cap leaves, never more than wanted', () => {
    expect(grantsThatFit(1000, 0, 100, 5)).toBe(5);
    expect(grantsThatFit(1000, 700, 100, 5)).toBe(3);
    expect(grantsThatFit(1000, 950, 100, 5)).toBe(0);
    expect(grantsThatFit(1000, 1000, 100, 5)).toBe(0);
    expect(grantsThatFit(1000, 1200, 100, 5)).toBe(0);
  });

  it('without a cap every grant fits', () => {
    expect(grantsThatFit(null, 10 ** 9, 100, 500)).toBe(500);
  });

  it('batches reserving one after another stop exactly at the cap', () => {
    let spent = 0;
    for (let batch = 0; batch < 10; batch++) {
      spent += grantsThatFit(5000, spent, 70, 17) * 70;
    }
    expect(spent).toBe(4970);
    expect(5000 - spent).toBeLessThan(70);
  });

  it('estimates the cost of a preview under the cap', () => {
    expect(estimatedCost(1000, 200, null, 0)).toBe(200_000);
    expect(estimatedCost(1000, 200, 50_000, 10_000)).toBe(40_000);
  });
});
