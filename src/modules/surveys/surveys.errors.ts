import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

/** Failures of surveys and their invitations. */
export function surveyNotFound(id: string): DomainError {
  return new DomainError(ErrorCode.SURVEY_NOT_FOUND, `No survey with id ${id}.`);
}

export function surveyNotEditable(reason: string, field: string): DomainError {
  return new DomainError(ErrorCode.SURVEY_NOT_EDITABLE, `The survey cannot be changed: ${reason}.`, [{ field, message: reason }]);
}

export function surveyInvalid(problems: Array<{ field: string; message: string }>): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
}

/** The link is unknown, forged, or its life is over: the member cannot answer with it. */
export function invitationInvalid(reason: 'invalid' | 'expired' | 'closed'): DomainError {
  const message = {
    invalid: 'This survey link is not valid. Open the link from your message again.',
    expired: 'This survey link has expired.',
    closed: 'This survey has closed.',
  }[reason];
  return new DomainError(ErrorCode.SURVEY_INVITATION_INVALID, message, [{ field: 'token', message: reason, reason }]);
}

export function alreadyAnswered(): DomainError {
  return new DomainError(ErrorCode.SURVEY_ALREADY_ANSWERED, 'This survey was answered with this link already. Thank you!', [
    { field: 'token', message: 'answered' },
  ]);
}
