import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, marks, select, selectOne, Sql } from '../../database/sql';
import { Category } from './entities/category.entity';

/** A catalog entry with how often the tills sent its code. */
export interface CategoryRow {
  code: string;
  nameZh: string;
  nameEn: string;
  lineCount: number;
  lastSeenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A code the tills sent that the catalog does not name. */
export interface UnknownCodeRow {
  code: string;
  lineCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** Lines counted for one code since the last flush. */
export interface UsageDelta {
  code: string;
  lines: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

interface CatalogSqlRow {
  code: string;
  name_zh: string;
  name_en: string;
  line_count: string | null;
  last_seen_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const catalogRow = (r: CatalogSqlRow): CategoryRow => ({
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  lineCount: Number(r.line_count ?? 0),
  lastSeenAt: r.last_seen_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Codes per upsert: a flush after a burst of new codes stays a few modest statements. */
const USAGE_ROWS_PER_STATEMENT = 500;

const CATALOG_SELECT = `SELECT c.code, c.name_zh, c.name_en, u.line_count, u.last_seen_at, c.created_at, c.updated_at
  FROM categories c LEFT JOIN category_usage u ON u.code = c.code`;

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const likeContaining = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The owner of `categories` (the catalog) and `category_usage` (codes seen, with counts). */
@Injectable()
export class CategoriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A code already named fails with a duplicate key. */
  async insert(m: EntityManager, category: Category): Promise<void> {
    await m.insert(Category, category);
  }

  async updateNames(m: EntityManager, code: string, names: { nameZh: string; nameEn: string }, at: Date): Promise<void> {
    await execute(m, 'UPDATE categories SET name_zh = ?, name_en = ?, updated_at = ? WHERE code = ?', [
      names.nameZh,
      names.nameEn,
      at,
      code,
    ]);
  }

  /** The entry locked for an edit, or null. */
  async lock(m: EntityManager, code: string): Promise<Category | null> {
    const r = await selectOne<{ code: string; name_zh: string; name_en: string; created_at: Date; updated_at: Date }>(
      m,
      'SELECT code, name_zh, name_en, created_at, updated_at FROM categories WHERE code = ? FOR UPDATE',
      [code],
    );
    return r && { code: r.code, nameZh: r.name_zh, nameEn: r.name_en, createdAt: r.created_at, updatedAt: r.updated_at };
  }

  async find(code: string, db: Sql = this.dataSource.manager): Promise<CategoryRow | null> {
    const r = await selectOne<CatalogSqlRow>(db, `${CATALOG_SELECT} WHERE c.code = ?`, [code]);
    return r && catalogRow(r);
  }

  /** A page of the catalog in code order after `afterCode`; `search` matches the code or either name. */
  async list(search: string | null, afterCode: string | null, limit: number): Promise<CategoryRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (search) {
      where.push('(c.code LIKE ? OR c.name_zh LIKE ? OR c.name_en LIKE ?)');
      const like = likeContaining(search.toLowerCase());
      params.push(like, likeContaining(search), like);
    }
    if (afterCode !== null) {
      where.push('c.code > ?');
      params.push(afterCode);
    }
    const rows = await select<CatalogSqlRow>(
      this.dataSource.manager,
      `${CATALOG_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.code LIMIT ?`,
      [...params, limit],
    );
    return rows.map(catalogRow);
  }

  /** Names of the codes the catalog has, keyed by the code as asked. */
  async names(codes: readonly string[]): Promise<Map<string, { nameZh: string; nameEn: string }>> {
    const out = new Map<string, { nameZh: string; nameEn: string }>();
    if (codes.length === 0) {
      return out;
    }
    const rows = await select<{ code: string; name_zh: string; name_en: string }>(
      this.dataSource.manager,
      `SELECT code, name_zh, name_en FROM categories WHERE code IN (${marks(codes.length)})`,
      codes,
    );
    const byLower = new Map(rows.map((r) => [r.code.toLowerCase(), r]));
    for (const code of codes) {
      const r = byLower.get(code.toLowerCase());
      if (r) {
        out.set(code, { nameZh: r.name_zh, nameEn: r.name_en });
      }
    }
    return out;
  }

  /**
   * Codes seen that the catalog does not name, the most used first; `after` is the last row of the previous page
   * (its count and code).
   */
  async unknown(after: { lineCount: number; code: string } | null, limit: number): Promise<UnknownCodeRow[]> {
    const rows = await select<{ code: string; line_count: string; first_seen_at: Date; last_seen_at: Date }>(
      this.dataSource.manager,
      `SELECT u.code, u.line_count, u.first_seen_at, u.last_seen_at
         FROM category_usage u LEFT JOIN categories c ON c.code = u.code
        WHERE c.code IS NULL${after ? ' AND (u.line_count < ? OR (u.line_count = ? AND u.code > ?))' : ''}
        ORDER BY u.line_count DESC, u.code LIMIT ?`,
      after ? [after.lineCount, after.lineCount, after.code, limit] : [limit],
    );
    return rows.map((r) => ({ code: r.code, lineCount: Number(r.line_count), firstSeenAt: r.first_seen_at, lastSeenAt: r.last_seen_at }));
  }

  /**
   * Adds lines counted in memory to the usage rows, in one statement per 500 codes (codes in a fixed order, so two
   * processes flushing at once take their row locks in the same order).
   */
  async addUsage(deltas: readonly UsageDelta[]): Promise<void> {
    if (deltas.length === 0) {
      return;
    }
    const sorted = [...deltas].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    // One transaction: a failed flush writes nothing, so the collector may add the same counts again.
    await this.dataSource.transaction(async (m) => {
      for (let i = 0; i < sorted.length; i += USAGE_ROWS_PER_STATEMENT) {
        const part = sorted.slice(i, i + USAGE_ROWS_PER_STATEMENT);
        await execute(
          m,
          `INSERT INTO category_usage (code, line_count, first_seen_at, last_seen_at)
         VALUES ${part.map(() => '(?, ?, ?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE line_count = line_count + VALUES(line_count),
           first_seen_at = LEAST(first_seen_at, VALUES(first_seen_at)), last_seen_at = GREATEST(last_seen_at, VALUES(last_seen_at))`,
          part.flatMap((d) => [d.code, d.lines, d.firstSeenAt, d.lastSeenAt]),
        );
      }
    });
  }
}
