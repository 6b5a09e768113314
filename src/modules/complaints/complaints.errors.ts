import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

/** Failures of complaint cases. */
export function complaintNotFound(id: string): DomainError {
  return new DomainError(ErrorCode.COMPLAINT_NOT_FOUND, `No complaint case with id ${id}.`);
}

export function complaintInvalidTransition(caseNo: string, reason: string, field = 'state'): DomainError {
  return new DomainError(ErrorCode.COMPLAINT_INVALID_TRANSITION, `Complaint ${caseNo}: ${reason}.`, [{ field, message: reason }]);
}

export function complaintInvalid(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, `${field}: ${message}.`, [{ field, message }]);
}
