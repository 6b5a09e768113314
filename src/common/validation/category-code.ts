import { applyDecorators } from '@nestjs/common';
import { IsString, MinLength, ValidationOptions } from 'class-validator';
import { codePointLength, MaxCodePoints } from './max-code-points';
import { isSafeText, IsSafeText } from './safe-text';

/**
 * Category codes are what the tills send (POS-API: any text, `wine`, `红酒`),
 * stored lower-cased. One rule for every place a code is named — a purchase
 * line, a bonus rule, the excluded categories — so a rule can target any
 * category a till can send.
 */
export const CATEGORY_CODE_MAX = 64;

export function isCategoryCode(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && codePointLength(value.toLowerCase()) <= CATEGORY_CODE_MAX && isSafeText(value);
}

/** The class-validator form of isCategoryCode (one message per broken part, as on the POS); `{ each: true }` for a list. */
export function IsCategoryCode(options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsString(options),
    MinLength(1, options),
    MaxCodePoints(CATEGORY_CODE_MAX, { ...options, storedLowerCase: true }),
    IsSafeText(options),
  );
}
