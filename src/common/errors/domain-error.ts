import { ErrorCode, httpStatusFor } from './error-code';

export interface ErrorDetail {
  field: string;
  message: string;
  /** (POS 1.2) Why a coupon is not valid: COUPON_NOT_VALID's details[0].reason. */
  reason?: string;
}

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
}

/** A failure the client can act on: it carries a stable code and a readable message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get statusCode(): number {
    return httpStatusFor(this.code);
  }

  toBody(): ErrorBody {
    return { statusCode: this.statusCode, code: this.code, message: this.message, details: this.details };
  }
}
