import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

/** Failures of the points engine, each with a message a cashier can act on. */

export function totalMismatch(totalCents: number, linesSum: number): DomainError {
  return new DomainError(
    ErrorCode.TOTAL_MISMATCH,
    `totalCents is ${totalCents} but the lines add up to ${linesSum}. Send the lines and the total of the same receipt.`,
    [{ field: 'totalCents', message: `expected ${linesSum}` }],
  );
}

export function receiptTooOld(occurredAt: Date, windowDays: number, oldestAccepted: Date): DomainError {
  return new DomainError(
    ErrorCode.RECEIPT_TOO_OLD,
    `The receipt is from ${occurredAt.toISOString()}, older than the ${windowDays}-day offline acceptance window. It cannot earn points; the member can ask the service desk.`,
    [{ field: 'occurredAt', message: `must be after ${oldestAccepted.toISOString()}` }],
  );
}

export function insufficientPoints(available: number, asked: number): DomainError {
  const shown = Math.max(available, 0);
  return new DomainError(ErrorCode.INSUFFICIENT_POINTS, `The member has ${shown} points available; ${asked} were asked for.`, [
    { field: 'points', message: `at most ${shown}` },
  ]);
}

export type DocumentNumberField = 'receiptNo' | 'refundNo' | 'redemptionNo';

export function idempotencyConflict(field: DocumentNumberField, value: string): DomainError {
  const what = field === 'receiptNo' ? 'purchase' : field === 'refundNo' ? 'refund' : 'redemption';
  return new DomainError(
    ErrorCode.IDEMPOTENCY_CONFLICT,
    `${field} ${value} was already used for a different request. Use a new ${field} for a new ${what}.`,
    [{ field, message: 'already used with a different body' }],
  );
}

export function redemptionCancelled(redemptionNo: string): DomainError {
  return new DomainError(
    ErrorCode.REDEMPTION_CANCELLED,
    `Redemption ${redemptionNo} was cancelled. Do not give this discount; start a new redemption with a new redemptionNo.`,
    [{ field: 'redemptionNo', message: 'cancelled; use a new number' }],
  );
}

export function redemptionNotFound(redemptionNo: string): DomainError {
  return new DomainError(ErrorCode.REDEMPTION_NOT_FOUND, `No redemption ${redemptionNo} at this store.`);
}

export function transactionNotFound(receiptNo: string): DomainError {
  return new DomainError(
    ErrorCode.TRANSACTION_NOT_FOUND,
    `No purchase with receipt ${receiptNo} at this store. A refund must be posted by the store that took the purchase.`,
  );
}

export function refundExceedsPurchase(reason: string): DomainError {
  return new DomainError(ErrorCode.REFUND_EXCEEDS_PURCHASE, `${reason}.`, [{ field: 'lines', message: reason }]);
}

export function noPointsAccount(): DomainError {
  return new DomainError(ErrorCode.MEMBER_NOT_FOUND, 'The member has no points account.');
}
