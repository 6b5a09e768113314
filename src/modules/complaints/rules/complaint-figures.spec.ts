import { median, perThousandReceipts } from './complaint-figures';

describe('complaint figures', () => {
  it('gives complaints per 1,000 receipts to two decimals, and no rate without receipts', () => {
    expect(perThousandReceipts(3, 1200)).toBe(2.5);
    expect(perThousandReceipts(1, 3)).toBe(333.33);
    expect(perThousandReceipts(2, 3)).toBe(666.67);
    expect(perThousandReceipts(0, 10)).toBe(0);
    expect(perThousandReceipts(4, 0)).toBeNull();
  });

  it('takes the middle value of an odd count and the mean of the middle two of an even count, in any order', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});
