import { DomainError, ErrorDetail } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

/** Failures of the clubs module, each with a message a marketer can act on. */

export function clubNotFound(clubId: string): DomainError {
  return new DomainError(ErrorCode.CLUB_NOT_FOUND, `No club with id ${clubId}.`);
}

export function clubCodeTaken(code: string): DomainError {
  return new DomainError(ErrorCode.CLUB_CODE_TAKEN, `A club with code ${code} exists already. Choose another code.`, [
    { field: 'code', message: 'already used' },
  ]);
}

export function invalidRule(details: ErrorDetail[]): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, 'The club rule is not valid; details names each problem.', details);
}

export function ruleMismatch(message: string, field = 'rule'): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, [{ field, message }]);
}

export function notJoinable(message: string): DomainError {
  return new DomainError(ErrorCode.CLUB_NOT_JOINABLE, message);
}

export function notAMember(clubId: string, memberId: string): DomainError {
  return new DomainError(ErrorCode.CLUB_MEMBERSHIP_NOT_FOUND, `Member ${memberId} is not in club ${clubId}.`);
}

export function notAutomatic(clubId: string): DomainError {
  return new DomainError(
    ErrorCode.CLUB_NOT_AUTOMATIC,
    `Club ${clubId} is not an active automatic club; only those are regrouped by their rule.`,
  );
}
