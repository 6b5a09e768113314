import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

/** Failures of the member archive's own operations (adjustments, merges, imports). */
export function adjustmentConflict(key: string): DomainError {
  return new DomainError(ErrorCode.IDEMPOTENCY_CONFLICT, `idempotencyKey ${key} was used before for another adjustment.`, [
    { field: 'idempotencyKey', message: 'already used with a different body' },
  ]);
}

export function adjustmentTooLarge(points: number, limit: number): DomainError {
  return new DomainError(
    ErrorCode.FORBIDDEN,
    `Adjustments of more than ${limit} points need the points.adjust.large permission (admins); this one is ${points}.`,
    [{ field: 'points', message: `above ${limit}` }],
  );
}

export function adjustmentDailyLimit(points: number, adjustedToday: number, limit: number): DomainError {
  const left = Math.max(limit - adjustedToday, 0);
  return new DomainError(
    ErrorCode.ADJUSTMENT_DAILY_LIMIT,
    `You have adjusted ${adjustedToday} points today; with these ${points} you would pass your daily limit of ${limit} (${left} left today). Ask an admin.`,
    [{ field: 'points', message: `${left} left today` }],
  );
}

export function mergeRefused(reason: string): DomainError {
  return new DomainError(ErrorCode.MERGE_REFUSED, `The members cannot be merged: ${reason}.`, [
    { field: 'sourceMemberId', message: reason },
  ]);
}
