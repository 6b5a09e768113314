import { EntityManager } from 'typeorm';
import { WriteResult } from './transaction';

/**
 * What runs a statement: the data source's manager, or a transaction's.
 * Repositories and `*.queries.ts` read models are the only callers (a lint
 * rule keeps SQL there); each declares the row type of each of its queries
 * once, beside the statement, so no caller casts a result by hand.
 */
export type Sql = Pick<EntityManager, 'query'>;

/** The rows of a SELECT, as `Row` (the columns the statement names, as mysql2 answers them). */
export function select<Row>(db: Sql, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  return db.query<Row[]>(sql, [...params]);
}

/** The first row of a SELECT, or null. */
export async function selectOne<Row>(db: Sql, sql: string, params: readonly unknown[] = []): Promise<Row | null> {
  return (await select<Row>(db, sql, params))[0] ?? null;
}

/** An INSERT, UPDATE or DELETE: mysql2's answer (the first insert id, the rows changed). */
export function execute(db: Sql, sql: string, params: readonly unknown[] = []): Promise<WriteResult> {
  return db.query<WriteResult>(sql, [...params]);
}

/** `?, ?, ?` for an `IN (...)` list of n values. */
export function marks(n: number): string {
  return new Array<string>(n).fill('?').join(', ');
}
