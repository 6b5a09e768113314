import { isInt, isISO8601, isNumber, isUUID } from 'class-validator';
import { fastValidators } from '../../../common/http/validation';
import { codePointLength } from '../../../common/validation/max-code-points';
import { isCategoryCode } from '../../../common/validation/category-code';
import { isNotInFuture, MAX_CLOCK_SKEW_MS } from '../../../common/validation/not-in-future';
import { isCents, isQuantity } from '../../../common/validation/numbers';
import { isSafeText } from '../../../common/validation/safe-text';
import { isValidCardNo } from '../../cards/card-number';
import { LookupQueryDto } from './lookup.dto';
import { E164 } from '../../../common/validation/e164';
import { MEMBER_CODE_PATTERN, MemberRefDto } from './member-ref.dto';
import { DOCUMENT_NO, MAX_CENTS, PurchaseDto, PurchaseLineDto } from './purchase.dto';

/*
 * The POS hot path's bodies checked by plain code instead of walking class-validator's metadata: each
 * check calls the same predicates the DTOs' decorators call, and answers the same instances
 * class-transformer would make (the DTO class, its own keys as sent). It only ever accepts: anything it
 * is not sure of (a missing or extra key, a wrong type, a failed check) answers null and the request
 * goes through class-validator as before, which writes the 400 and its details. So an answer can only
 * differ from before by being faster; pos.fast-validation.spec.ts compares both on valid and invalid bodies.
 */

type Plain = Record<string, unknown>;

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const PURCHASE_KEYS = new Set(['receiptNo', 'member', 'occurredAt', 'lines', 'totalCents']);
const LINE_KEYS = new Set(['sku', 'category', 'quantity', 'amountCents']);
const ISO_OPTIONS = { strict: true, strictSeparator: true };
const QUANTITY_OPTIONS = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 };

/** A JSON object (or a query object, which has no prototype) with exactly the keys of `keys`, or a subset if `optional`. */
function hasOnlyKeys(value: unknown, keys: ReadonlySet<string>, exactly: boolean): value is Plain {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    return false;
  }
  const own = Object.keys(value);
  if (exactly && own.length !== keys.size) {
    return false;
  }
  return own.every((k) => keys.has(k));
}

function memberRef(value: unknown): MemberRefDto | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) {
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    return null;
  }
  const v = (value as Plain)[keys[0]];
  const ok =
    keys[0] === 'cardNo'
      ? typeof v === 'string' && isValidCardNo(v)
      : keys[0] === 'phone'
        ? typeof v === 'string' && E164.test(v)
        : keys[0] === 'memberCode'
          ? typeof v === 'string' && MEMBER_CODE_PATTERN.test(v)
          : keys[0] === 'memberId' && isUUID(v);
  return ok ? Object.assign(new MemberRefDto(), value) : null;
}

function line(value: unknown): PurchaseLineDto | null {
  if (!hasOnlyKeys(value, LINE_KEYS, true)) {
    return null;
  }
  const { sku, category, quantity, amountCents } = value;
  const ok =
    typeof sku === 'string' &&
    sku.length >= 1 &&
    codePointLength(sku) <= 64 &&
    isSafeText(sku) &&
    isCategoryCode(category) &&
    // isQuantity first: class-validator's isNumber throws on 1e-7 with maxDecimalPlaces; the pipe answers that as before.
    isQuantity(quantity, 1_000_000) &&
    isNumber(quantity, QUANTITY_OPTIONS) &&
    isInt(amountCents) &&
    isCents(amountCents, MAX_CENTS);
  return ok ? Object.assign(new PurchaseLineDto(), value) : null;
}

export function fastPurchase(value: unknown): PurchaseDto | null {
  if (!hasOnlyKeys(value, PURCHASE_KEYS, true)) {
    return null;
  }
  const { receiptNo, occurredAt, lines, totalCents } = value;
  if (
    typeof receiptNo !== 'string' ||
    !DOCUMENT_NO.test(receiptNo) ||
    typeof occurredAt !== 'string' ||
    !isISO8601(occurredAt, ISO_OPTIONS) ||
    !WITH_OFFSET.test(occurredAt) ||
    !isNotInFuture(occurredAt, MAX_CLOCK_SKEW_MS) ||
    !Array.isArray(lines) ||
    lines.length < 1 ||
    lines.length > 500 ||
    !isInt(totalCents) ||
    !isCents(totalCents, MAX_CENTS * 10)
  ) {
    return null;
  }
  const member = memberRef(value.member);
  if (!member) {
    return null;
  }
  const dtoLines: PurchaseLineDto[] = [];
  for (const l of lines) {
    const dto = line(l);
    if (!dto) {
      return null;
    }
    dtoLines.push(dto);
  }
  return Object.assign(new PurchaseDto(), value, { member, lines: dtoLines });
}

const LOOKUP_KEYS = new Set(['cardNo', 'phone', 'memberCode']);

export function fastLookup(value: unknown): LookupQueryDto | null {
  if (!hasOnlyKeys(value, LOOKUP_KEYS, false)) {
    return null;
  }
  const { cardNo, phone, memberCode } = value;
  if (cardNo !== undefined && !(typeof cardNo === 'string' && isValidCardNo(cardNo))) {
    return null;
  }
  if (phone !== undefined && !(typeof phone === 'string' && E164.test(phone))) {
    return null;
  }
  if (memberCode !== undefined && !(typeof memberCode === 'string' && MEMBER_CODE_PATTERN.test(memberCode))) {
    return null;
  }
  return Object.assign(new LookupQueryDto(), value);
}

fastValidators.set(PurchaseDto, fastPurchase);
fastValidators.set(LookupQueryDto, fastLookup);
