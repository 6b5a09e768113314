import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { LadderProblem } from './rules/ladder';

/** Failures of the tiers engine, each with a reason an admin can act on. */

export function ladderInvalid(problems: LadderProblem[]): DomainError {
  return new DomainError(
    ErrorCode.LADDER_INVALID,
    `The ladder was not saved: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`,
    problems,
  );
}

/** An order no edit of criteria can make right (rules/ladder-order.ts): the entry tier moved, a threshold tier above a rank tier. */
export function ladderOrderInvalid(problems: LadderProblem[]): DomainError {
  return new DomainError(
    ErrorCode.LADDER_ORDER_INVALID,
    `The ladder was not saved, its order is not possible: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`,
    problems,
  );
}

export function tierGrantInvalid(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.TIER_GRANT_INVALID, `The grant was not made: ${message}.`, [{ field, message }]);
}

/** A rank review asked for before a value run has scored the month it ranks in. */
export function rankReviewNeedsValueRun(reviewAsOf: Date, latestValueAsOf: Date | null): DomainError {
  const month = reviewAsOf.toISOString().slice(0, 7);
  const latest = latestValueAsOf
    ? `the newest finished value run is for ${latestValueAsOf.toISOString()}`
    : 'no value run has finished yet';
  return new DomainError(
    ErrorCode.RANK_REVIEW_NEEDS_VALUE_RUN,
    `The rank review was not started: no finished value run covers ${month} (${latest}). ` +
      'Run the value run first (POST /api/v1/admin/analytics/value-runs) and start the rank review once it has finished; ' +
      'ranking without this month’s scores would step holders down.',
    [{ field: 'valueRun', message: latest }],
  );
}
