import { isDuplicateKey } from '../../../common/errors/mysql-errors';
import { idempotencyConflict, DocumentNumberField } from '../points.errors';
import { PostingResult } from '../points.types';

export interface Stored {
  requestHash: string;
  response: string;
}

/**
 * A posting from outside happens at most once per document number. A replay
 * of the same request answers 200 with the first answer; the same number
 * with another body is 409. Two copies racing are settled by the unique key:
 * the loser's transaction fails on it, and it answers as a replay.
 */
export async function postOnce<T, S extends Stored>(spec: {
  field: DocumentNumberField;
  documentNo: string;
  requestHash: string;
  uniqueKey: string;
  find: () => Promise<S | null>;
  post: () => Promise<T>;
  /** Extra refusals for a stored posting (a cancelled redemption), before the hash is compared. */
  check?: (stored: S) => void;
}): Promise<PostingResult<T>> {
  const answerStored = (stored: S): PostingResult<T> => {
    spec.check?.(stored);
    return replayOf<T>(stored, spec.requestHash, spec.field, spec.documentNo);
  };
  const existing = await spec.find();
  if (existing) {
    return answerStored(existing);
  }
  try {
    return { status: 201, body: await spec.post() };
  } catch (err) {
    if (isDuplicateKey(err, spec.uniqueKey)) {
      const stored = await spec.find();
      if (stored) {
        return answerStored(stored);
      }
    }
    throw err;
  }
}

export function replayOf<T>(stored: Stored, requestHash: string, field: DocumentNumberField, documentNo: string): PostingResult<T> {
  if (stored.requestHash !== requestHash) {
    throw idempotencyConflict(field, documentNo);
  }
  return { status: 200, body: JSON.parse(stored.response) as T };
}
