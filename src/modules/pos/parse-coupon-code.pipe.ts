import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { COUPON_CODE } from './dto/purchase.dto';

/** A coupon code in the path: 1 to 32 letters, digits or -, else 400 VALIDATION_FAILED. */
@Injectable()
export class ParseCouponCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!COUPON_CODE.test(value)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The coupon code in the path is not a valid code.', [
        { field: 'code', message: 'must be 1 to 32 letters, digits or -' },
      ]);
    }
    return value;
  }
}
