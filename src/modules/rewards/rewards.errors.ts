import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { CouponInvalidReason } from './rules/coupon-validity';
import type { ExchangeBlocker } from './rules/reward-eligibility';

/** Failures of rewards and coupons, each with a message a cashier, a member or a marketer can act on. */

export function rewardNotFound(rewardId: string): DomainError {
  return new DomainError(ErrorCode.REWARD_NOT_FOUND, `No reward with id ${rewardId}.`);
}

const BLOCKER_MESSAGE: Record<ExchangeBlocker, string> = {
  not_on_sale: 'This reward is not on offer now.',
  points: 'You do not have enough available points for this reward.',
  stock: 'This reward is out of stock.',
  limit: 'You have exchanged this reward as many times as allowed.',
  tier: 'This reward is not offered to your tier.',
  club: 'This reward is for members of a club you are not in.',
};

/** 422 REWARD_NOT_AVAILABLE, or 422 INSUFFICIENT_POINTS for points; details[0].reason names the blocker. */
export function rewardNotAvailable(blocker: ExchangeBlocker): DomainError {
  return new DomainError(blocker === 'points' ? ErrorCode.INSUFFICIENT_POINTS : ErrorCode.REWARD_NOT_AVAILABLE, BLOCKER_MESSAGE[blocker], [
    { field: 'rewardId', message: BLOCKER_MESSAGE[blocker], reason: blocker },
  ]);
}

/** 422 REWARD_ELIGIBILITY_UNKNOWN: a tier or club code on the reward names no tier of the ladder or no club. */
export function rewardEligibilityUnknown(field: 'eligibleTiers' | 'eligibleClubs', unknown: string[]): DomainError {
  const what = field === 'eligibleTiers' ? 'tier' : 'club';
  return new DomainError(
    ErrorCode.REWARD_ELIGIBILITY_UNKNOWN,
    `No ${what} has the code ${unknown.join(', ')}. Pick ${what}s that exist (the ${what === 'tier' ? 'tier ladder' : 'club list'} shows them).`,
    unknown.map((code) => ({ field, message: `unknown ${what} code ${code}` })),
  );
}

export function couponNotFound(code: string): DomainError {
  return new DomainError(ErrorCode.COUPON_NOT_FOUND, `No coupon has the code ${code}. Check the code and scan again.`);
}

export function couponAlreadyRedeemed(code: string): DomainError {
  return new DomainError(
    ErrorCode.COUPON_ALREADY_REDEEMED,
    `Coupon ${code} was already used on another receipt. Do not give its discount.`,
  );
}

const REASON_MESSAGE: Record<CouponInvalidReason, string> = {
  expired: 'has expired',
  not_yet_valid: 'is not valid yet',
  void: 'was voided',
  other_member: 'belongs to another member',
  store: 'is not valid in this store',
  min_spend: 'needs a higher receipt total (minimum spend)',
};

/** 422 COUPON_NOT_VALID with details[0].reason (POS-API.md 1.2). */
export function couponNotValid(code: string, reason: CouponInvalidReason): DomainError {
  return new DomainError(ErrorCode.COUPON_NOT_VALID, `Coupon ${code} ${REASON_MESSAGE[reason]}. Do not give its discount.`, [
    { field: 'coupons', message: REASON_MESSAGE[reason], reason },
  ]);
}

export function couponNotVoidable(code: string, status: string): DomainError {
  return new DomainError(ErrorCode.COUPON_NOT_VOIDABLE, `Coupon ${code} is ${status}; only an active coupon can be voided.`);
}

export function exchangeKeyConflict(key: string): DomainError {
  return new DomainError(
    ErrorCode.IDEMPOTENCY_CONFLICT,
    `The idempotency key ${key} was used for another reward. Use a new key for a new exchange.`,
    [{ field: 'idempotencyKey', message: 'already used for another reward' }],
  );
}
