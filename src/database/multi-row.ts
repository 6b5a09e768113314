import { EntityManager } from 'typeorm';
import { toInt } from '../common/transformers';
import { WriteResult } from './transaction';

/** `(?, ?, ?), (?, ?, ?)` for a multi-row INSERT. */
export function placeholders(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill('?').join(', ')})`;
  return new Array(rows).fill(row).join(', ');
}

/**
 * A multi-row INSERT into a table with an auto-increment id, answering the id
 * of each row in order. InnoDB gives the rows of one simple INSERT a block of
 * consecutive ids in every auto-increment lock mode we run with; the block is
 * checked by reading it back (one primary-key range read), and if another
 * statement's rows sit in it the ids are found by the rows' unique key
 * instead, so a wrong id can never be used.
 *
 * `key` is an SQL expression over the row whose values are unique among the
 * rows inserted here, and `keyOf` computes it from a row's values.
 */
export async function insertReturningIds(
  m: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  key: string,
  keyOf: (row: unknown[]) => string,
): Promise<number[]> {
  if (rows.length === 0) {
    return [];
  }
  const result: WriteResult = await m.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(rows.length, columns.length)}`,
    rows.flat(),
  );
  const first = toInt(result.insertId);
  if (rows.length === 1) {
    return [first];
  }
  const expected = rows.map(keyOf);
  const back: Array<{ id: string | number; k: string | number }> = await m.query(
    `SELECT id, ${key} AS k FROM ${table} WHERE id BETWEEN ? AND ? ORDER BY id`,
    [first, first + rows.length - 1],
  );
  if (back.length === rows.length && back.every((r, i) => String(r.k) === expected[i])) {
    return back.map((r) => toInt(r.id));
  }
  const byKey: Array<{ id: string | number; k: string | number }> = await m.query(
    `SELECT id, ${key} AS k FROM ${table} WHERE id >= ? AND ${key} IN (${expected.map(() => '?').join(', ')})`,
    [first, ...expected],
  );
  const ids = new Map(byKey.map((r) => [String(r.k), toInt(r.id)]));
  return expected.map((k) => {
    const id = ids.get(k);
    if (id === undefined) {
      throw new Error(`Inserted row of ${table} with ${key} = ${k} not found`);
    }
    return id;
  });
}
