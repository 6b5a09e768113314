import { generateCardNo, isValidCardNo, luhnCheckDigit } from './card-number';

describe('card numbers', () => {
  it('computes the Luhn check digit of a known number', () => {
    // 7992739871 is the textbook example; its check digit is 3.
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it('generates 16-digit numbers that pass their own check', () => {
    for (let i = 0; i < 200; i++) {
      const cardNo = generateCardNo();
      expect(cardNo).toMatch(/^8\d{15}$/);
      expect(isValidCardNo(cardNo)).toBe(true);
    }
  });

  it('rejects a number with one digit mistyped or two neighbours swapped', () => {
    const cardNo = generateCardNo();
    const wrongDigit = cardNo.slice(0, 5) + String((Number(cardNo[5]) + 1) % 10) + cardNo.slice(6);
    expect(isValidCardNo(wrongDigit)).toBe(false);
    const a = cardNo[7];
    const b = cardNo[8];
    if (a !== b && Math.abs(Number(a) - Number(b)) !== 9) {
      const swapped = cardNo.slice(0, 7) + b + a + cardNo.slice(9);
      expect(isValidCardNo(swapped)).toBe(false);
    }
  });

  it('rejects numbers of the wrong length or with non-digits', () => {
    expect(isValidCardNo('123')).toBe(false);
    expect(isValidCardNo('80000000000000a0')).toBe(false);
  });
});
