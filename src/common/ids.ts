import { v7 as uuidv7 } from 'uuid';

/** Time-ordered UUIDs keep InnoDB inserts at the end of the primary key index. */
export function newId(): string {
  return uuidv7();
}
