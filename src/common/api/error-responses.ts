/** The error responses of every interface's routes (POS, admin, member portal), for the OpenAPI document. */
import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath, HeadersObject } from '@nestjs/swagger';
import { ErrorCode, httpStatusFor } from '../errors/error-code';
import { ErrorResponse } from './error.response';

/** What each error means for the till, used as the response description in the OpenAPI document. */
const WHEN: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.VALIDATION_FAILED]:
    'malformed JSON, wrong types, missing or unknown fields, bad card number or document number; details names each field. Fix the request.',
  [ErrorCode.UNAUTHENTICATED]: 'no key, unknown key or revoked key.',
  [ErrorCode.FORBIDDEN]: "the key's store may not do this.",
  [ErrorCode.WEBHOOK_TARGET_REFUSED]:
    'the webhook URL names or resolves to a loopback, private, link-local, CGNAT, multicast or cloud-metadata address (WEBHOOK_ALLOW_PRIVATE_TARGETS allows private ones).',
  [ErrorCode.MEMBER_NOT_FOUND]: 'no member with this card, phone or id.',
  [ErrorCode.TRANSACTION_NOT_FOUND]: 'no purchase with this receiptNo in this store.',
  [ErrorCode.REDEMPTION_NOT_FOUND]: 'no redemption with this redemptionNo in this store.',
  [ErrorCode.IDEMPOTENCY_CONFLICT]: 'the number was used before with a different body.',
  [ErrorCode.REDEMPTION_CANCELLED]: 'this redemptionNo was cancelled: do not give the discount; a new redemption needs a new number.',
  [ErrorCode.TOTAL_MISMATCH]: "totalCents is not the sum of the lines' amountCents.",
  [ErrorCode.CARD_INACTIVE]: 'the card is frozen, lost or closed.',
  [ErrorCode.INSUFFICIENT_POINTS]: 'more points than available.',
  [ErrorCode.REFUND_EXCEEDS_PURCHASE]: 'more refunded than bought, for a line or in all.',
  [ErrorCode.RECEIPT_TOO_OLD]: 'occurredAt is older than the offline acceptance window (default 30 days).',
  [ErrorCode.RATE_LIMITED]: 'too many requests for this key; wait Retry-After seconds.',
  [ErrorCode.SERVICE_UNAVAILABLE]: 'the database or Redis is unreachable; resend with the same number.',
  [ErrorCode.SIGN_IN_CODE_INVALID]: 'the sign-in code is wrong, expired or already used; details say how many tries are left.',
  [ErrorCode.SIGN_IN_LOCKED]: 'too many wrong codes for this phone: locked for Retry-After seconds (default 15 min).',
  [ErrorCode.PHONE_NOT_REGISTERED]: 'the code is right but no member holds this phone: register with the same code (POST auth/register).',
  [ErrorCode.COUPON_NOT_FOUND]: '(1.2) no coupon has that code.',
  [ErrorCode.COUPON_ALREADY_REDEEMED]: '(1.2) the coupon was used on another receipt: do not give its discount.',
  [ErrorCode.COUPON_NOT_VALID]:
    '(1.2) expired, not yet valid, void, another member’s, not for this store, or below its minimum spend; details[0].reason says which.',
  [ErrorCode.REWARD_NOT_AVAILABLE]:
    'the member may not exchange this reward now; details[0].reason says why (not_on_sale, stock, limit, tier, club).',
  [ErrorCode.REWARD_ELIGIBILITY_UNKNOWN]: 'a tier or club code of eligibleTiers / eligibleClubs names no tier or club; details name each.',
  [ErrorCode.CARD_ALREADY_BOUND]: 'the counter card already belongs to a registered member.',
};

/** The throttler's headers for one limit ('pos' per key, 'admin' per client address). */
export function rateLimitHeaders(limit: 'pos' | 'admin' | 'portal'): HeadersObject {
  return {
    [`X-RateLimit-Limit-${limit}`]: { description: 'Requests allowed in the one-minute window.', schema: { type: 'integer' } },
    [`X-RateLimit-Remaining-${limit}`]: { description: 'Requests left in the current window.', schema: { type: 'integer' } },
    [`X-RateLimit-Reset-${limit}`]: { description: 'Seconds until the window resets.', schema: { type: 'integer' } },
  };
}

function rateLimitedHeaders(limit: 'pos' | 'admin' | 'portal'): HeadersObject {
  return {
    'Retry-After': {
      description: 'Seconds to wait before sending again (with the same document number).',
      schema: { type: 'integer', minimum: 0 },
    },
    ...rateLimitHeaders(limit),
  };
}

/** Codes every POS route can answer with. */
export const POS_COMMON: ErrorCode[] = [
  ErrorCode.VALIDATION_FAILED,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.RATE_LIMITED,
  ErrorCode.SERVICE_UNAVAILABLE,
];

/** Codes every admin route can answer with. */
const ADMIN_COMMON: ErrorCode[] = [ErrorCode.VALIDATION_FAILED, ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.RATE_LIMITED];

/**
 * One documented response per status: the codes it can carry as an enum on
 * `code`, the error schema, an example, and Retry-After on 429.
 */
export function errorResponses(codes: ErrorCode[], limit: 'pos' | 'admin' | 'portal', extraModels: Type<unknown>[] = []): MethodDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = httpStatusFor(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const decorators = [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, list]) =>
      ApiResponse({
        status,
        description: list.map((code) => (WHEN[code] ? `${code}: ${WHEN[code]}` : code)).join(' '),
        schema: {
          allOf: [
            { $ref: getSchemaPath(ErrorResponse) },
            { properties: { statusCode: { type: 'integer', enum: [status] }, code: { type: 'string', enum: list } } },
          ],
        },
        example: { statusCode: status, code: list[0], message: WHEN[list[0]] ?? list[0], details: [] },
        ...(status === 429 ? { headers: rateLimitedHeaders(limit) } : {}),
      }),
    );
  return applyDecorators(ApiExtraModels(ErrorResponse, ...extraModels), ...decorators);
}

/** The error responses of an admin route: the codes every admin route can give, and these. */
export function AdminErrors(...codes: ErrorCode[]): MethodDecorator {
  return errorResponses([...ADMIN_COMMON, ...codes], 'admin');
}

/** The error responses of a member portal route: the codes every portal route can give, and these. */
export function PortalErrors(...codes: ErrorCode[]): MethodDecorator {
  return errorResponses([ErrorCode.VALIDATION_FAILED, ErrorCode.UNAUTHENTICATED, ErrorCode.RATE_LIMITED, ...codes], 'portal');
}
