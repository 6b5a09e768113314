import { randomInt } from 'node:crypto';

/**
 * Coupon codes (POS-API.md 1.2): upper-case letters and digits without the
 * look-alikes 0/O, 1/I/L, drawn from the operating system's CSPRNG, one
 * uniform character at a time (randomInt rejects biased draws). 16 characters
 * of 31 give about 79 bits: no one guesses a code, and a collision among
 * billions of coupons is still unlikely (the unique key is the final guard).
 */
export const COUPON_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const COUPON_CODE_LENGTH = 16;

export function newCouponCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < COUPON_CODE_LENGTH; i++) {
    code += COUPON_ALPHABET[random(COUPON_ALPHABET.length)];
  }
  return code;
}

/** What a till may send as a code: printable code characters, at most 32. Scanners may send lower case. */
export const COUPON_CODE_INPUT = /^[A-Za-z0-9-]{1,32}$/;

/** The code as stored: upper case. A code with characters outside the alphabet names no coupon. */
export function normalizeCouponCode(input: string): string {
  return input.toUpperCase();
}
