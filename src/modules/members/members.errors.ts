import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { maskCardNo, maskPhone } from '../../common/masking';

/** Failures of naming a member at the POS. Mapped to HTTP by the one exhaustive switch in common/errors. */
export function memberNotFound(field: 'cardNo' | 'phone' | 'memberId', value: string): DomainError {
  const shown = field === 'phone' ? maskPhone(value) : field === 'cardNo' ? maskCardNo(value) : value;
  return new DomainError(
    ErrorCode.MEMBER_NOT_FOUND,
    `No member with ${field} ${shown}. Check the number, or issue a new card at the counter.`,
  );
}

export function cardInactive(cardNo: string, status: string): DomainError {
  return new DomainError(
    ErrorCode.CARD_INACTIVE,
    `Card ${maskCardNo(cardNo)} is ${status}. Ask the member for another card or look them up by phone.`,
  );
}
