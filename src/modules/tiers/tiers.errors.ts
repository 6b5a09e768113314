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

export function tierGrantInvalid(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.TIER_GRANT_INVALID, `The grant was not made: ${message}.`, [{ field, message }]);
}
