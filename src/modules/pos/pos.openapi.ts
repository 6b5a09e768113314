import { Type } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { errorResponses, POS_COMMON, rateLimitHeaders } from '../../common/api/error-responses';
import { ErrorCode } from '../../common/errors/error-code';
import { BatchItemErrorResponse, BatchItemSuccessResponse } from './dto/pos.response';

/** The error responses of a POS route: the codes every POS route can give, and these. */
export function PosErrors(...codes: ErrorCode[]): MethodDecorator {
  return errorResponses([...POS_COMMON, ...codes], 'pos', [BatchItemSuccessResponse, BatchItemErrorResponse]);
}

/** A 2xx answer of a POS route, with its example and the rate-limit headers. */
export function PosOk(status: 200 | 201, type: Type<unknown>, example: object, description: string): MethodDecorator {
  return ApiResponse({ status, type, example, description, headers: rateLimitHeaders('pos') });
}
