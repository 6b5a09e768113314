import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

/** A 429 that tells the client when to come back: the error filter sends Retry-After (seconds). */
export class RetryLaterError extends DomainError {
  constructor(
    code: ErrorCode.RATE_LIMITED | ErrorCode.ACCOUNT_LOCKED | ErrorCode.SIGN_IN_LOCKED,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}
