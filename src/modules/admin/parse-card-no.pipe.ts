import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { isValidCardNo } from '../cards/card-number';

/** A card number in a path: 16 digits with a valid check digit, else 400. */
@Injectable()
export class ParseCardNoPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isValidCardNo(value)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'cardNo must be a 16-digit card number with a valid check digit.', [
        { field: 'cardNo', message: 'not a card number' },
      ]);
    }
    return value;
  }
}
