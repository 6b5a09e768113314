/**
 * Every failure the API can answer with. The POS contract fixes the first
 * group; the rest are ours. A new code must be mapped in httpStatusFor(),
 * or the build fails (exhaustive switch).
 */
export enum ErrorCode {
  // POS contract
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  TRANSACTION_NOT_FOUND = 'TRANSACTION_NOT_FOUND',
  REDEMPTION_NOT_FOUND = 'REDEMPTION_NOT_FOUND',
  IDEMPOTENCY_CONFLICT = 'IDEMPOTENCY_CONFLICT',
  TOTAL_MISMATCH = 'TOTAL_MISMATCH',
  CARD_INACTIVE = 'CARD_INACTIVE',
  INSUFFICIENT_POINTS = 'INSUFFICIENT_POINTS',
  REFUND_EXCEEDS_PURCHASE = 'REFUND_EXCEEDS_PURCHASE',
  RATE_LIMITED = 'RATE_LIMITED',
  // POS contract 1.1
  REDEMPTION_CANCELLED = 'REDEMPTION_CANCELLED',
  RECEIPT_TOO_OLD = 'RECEIPT_TOO_OLD',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  // Ours
  NOT_FOUND = 'NOT_FOUND',
  STORE_NOT_FOUND = 'STORE_NOT_FOUND',
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
  JOB_NOT_FOUND = 'JOB_NOT_FOUND',
  STORE_CODE_TAKEN = 'STORE_CODE_TAKEN',
  PHONE_TAKEN = 'PHONE_TAKEN',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  BUSY = 'BUSY',
  // Member archive
  CARD_NOT_FOUND = 'CARD_NOT_FOUND',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  CARD_STATUS_CONFLICT = 'CARD_STATUS_CONFLICT',
  MEMBER_MERGED = 'MEMBER_MERGED',
  USER_EMAIL_TAKEN = 'USER_EMAIL_TAKEN',
  MERGE_REFUSED = 'MERGE_REFUSED',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
      return 400;
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.INVALID_CREDENTIALS:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.MEMBER_NOT_FOUND:
    case ErrorCode.TRANSACTION_NOT_FOUND:
    case ErrorCode.REDEMPTION_NOT_FOUND:
    case ErrorCode.STORE_NOT_FOUND:
    case ErrorCode.API_KEY_NOT_FOUND:
    case ErrorCode.JOB_NOT_FOUND:
    case ErrorCode.NOT_FOUND:
    case ErrorCode.CARD_NOT_FOUND:
    case ErrorCode.USER_NOT_FOUND:
      return 404;
    case ErrorCode.IDEMPOTENCY_CONFLICT:
    case ErrorCode.REDEMPTION_CANCELLED:
    case ErrorCode.STORE_CODE_TAKEN:
    case ErrorCode.PHONE_TAKEN:
    case ErrorCode.CARD_STATUS_CONFLICT:
    case ErrorCode.MEMBER_MERGED:
    case ErrorCode.USER_EMAIL_TAKEN:
      return 409;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return 415;
    case ErrorCode.TOTAL_MISMATCH:
    case ErrorCode.CARD_INACTIVE:
    case ErrorCode.INSUFFICIENT_POINTS:
    case ErrorCode.REFUND_EXCEEDS_PURCHASE:
    case ErrorCode.RECEIPT_TOO_OLD:
    case ErrorCode.MERGE_REFUSED:
      return 422;
    case ErrorCode.RATE_LIMITED:
    case ErrorCode.ACCOUNT_LOCKED:
      return 429;
    case ErrorCode.BUSY:
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    case ErrorCode.INTERNAL_ERROR:
      return 500;
    default: {
      const unmapped: never = code;
      throw new Error(`Unmapped error code ${String(unmapped)}`);
    }
  }
}
