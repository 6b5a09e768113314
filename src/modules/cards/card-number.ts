import { randomInt } from 'node:crypto';

/** Card numbers are 16 digits: "8", 14 random digits and a Luhn check digit. */
export const CARD_NO_PATTERN = /^\d{16}$/;

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // Walk from the right; the digit next to the (future) check digit is doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidCardNo(cardNo: string): boolean {
  if (!CARD_NO_PATTERN.test(cardNo)) {
    return false;
  }
  return luhnCheckDigit(cardNo.slice(0, -1)) === cardNo.charCodeAt(cardNo.length - 1) - 48;
}

export function generateCardNo(): string {
  let body = '8';
  for (let i = 0; i < 14; i++) {
    body += String(randomInt(10));
  }
  return body + String(luhnCheckDigit(body));
}
