import { isCategoryCode } from './category-code';

describe('category codes (one rule: the POS’s)', () => {
  it('accepts any text a till sends: ASCII codes, Chinese, spaces', () => {
    for (const code of ['wine', 'gift_card', 'BABY', '红酒', '母婴 用品', 'é'.repeat(64), '酒'.repeat(64)]) {
      expect(isCategoryCode(code)).toBe(true);
    }
  });

  it('refuses empty text, more than 64 characters once lower-cased, control characters and broken Unicode', () => {
    for (const code of ['', '酒'.repeat(65), 'İ'.repeat(40), 'wine\n', 'wi\u0000ne', '\ud800', 42, null]) {
      expect(isCategoryCode(code)).toBe(false);
    }
  });
});
