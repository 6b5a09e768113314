import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorCode, httpStatusFor } from '../../common/errors/error-code';
import { ErrorResponse } from '../../common/api/error.response';

/**
 * The 4xx a health route really answers: the checks read no body, but the body reader in front of every route
 * refuses one it cannot read (test/openapi-lint.e2e-spec.ts sends each). Probes send no body and never see these.
 */
const BODY_ERRORS: Array<[ErrorCode, string]> = [
  [ErrorCode.VALIDATION_FAILED, 'a JSON body that does not parse.'],
  [ErrorCode.PAYLOAD_TOO_LARGE, 'a body over the size limit.'],
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'a body that is not application/json, or in an unsupported Content-Encoding.'],
];

export function HealthBodyErrors(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorResponse),
    ...BODY_ERRORS.map(([code, when]) =>
      ApiResponse({
        status: httpStatusFor(code),
        description: `${code}: the request carried ${when} Health checks take no body; send none.`,
        schema: {
          allOf: [
            { $ref: getSchemaPath(ErrorResponse) },
            { properties: { statusCode: { type: 'integer', enum: [httpStatusFor(code)] }, code: { type: 'string', enum: [code] } } },
          ],
        },
      }),
    ),
  );
}
