import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

/** Failures of naming a member by member code (POS-API 1.2). Mapped to HTTP by the one exhaustive switch in common/errors. */
export function memberCodeNotFound(): DomainError {
  return new DomainError(
    ErrorCode.MEMBER_NOT_FOUND,
    'No member has this member code. Scan the code again from the member page, or ask for the card number or phone.',
  );
}

export type MemberCodeLate = 'expired' | 'not_yet_valid' | 'spent';

export function memberCodeExpired(why: MemberCodeLate): DomainError {
  const message = {
    expired: 'This member code has expired (a code lives 60 seconds). Ask the member to refresh the member page and scan the new code.',
    not_yet_valid:
      "This member code is not valid yet: the phone's clock is ahead. Ask the member to refresh the member page and scan the new code.",
    spent: 'This member code has already paid with points once. Ask the member to refresh the member page and scan the new code.',
  }[why];
  return new DomainError(ErrorCode.MEMBER_CODE_EXPIRED, message, [{ field: 'memberCode', message: why }]);
}
