import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { CATEGORY_CODE_MAX, isCategoryCode } from '../../common/validation/category-code';

/** A category code in the path (URL-encoded: `%E7%BA%A2%E9%85%92` for 红酒), lower-cased, else 400 VALIDATION_FAILED. */
@Injectable()
export class ParseCategoryCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isCategoryCode(value)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The category code in the path is not a valid code.', [
        { field: 'code', message: `must be 1 to ${CATEGORY_CODE_MAX} characters of text` },
      ]);
    }
    return value.toLowerCase();
  }
}
