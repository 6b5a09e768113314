import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

/** Failures of the category catalog, each with a message a marketer can act on. */

export function categoryNotFound(code: string): DomainError {
  return new DomainError(ErrorCode.CATEGORY_NOT_FOUND, `No category with the code "${code}" is in the catalog. Name it first.`);
}

export function categoryCodeTaken(code: string): DomainError {
  return new DomainError(ErrorCode.CATEGORY_CODE_TAKEN, `The category code "${code}" already has a name. Edit that entry instead.`, [
    { field: 'code', message: 'already in the catalog' },
  ]);
}
