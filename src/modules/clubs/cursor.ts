import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

/** Opaque page cursors: the last key of the page, base64url, so clients do not build them. */
export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ k: key }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === '') {
    return null;
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof parsed.k === 'string') {
      return parsed.k;
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError(ErrorCode.VALIDATION_FAILED, 'cursor is not one this API gave out; use nextCursor from the previous page.', [
    { field: 'cursor', message: 'unknown cursor' },
  ]);
}
