import { CategoryRow, UnknownCodeRow } from './categories.repository';
import { CategoryResponse, UnknownCategoryResponse } from './dto/category.response';

export const categoryView = (r: CategoryRow): CategoryResponse => ({
  code: r.code,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  lineCount: r.lineCount,
  lastSeenAt: r.lastSeenAt ? r.lastSeenAt.toISOString() : null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export const unknownCategoryView = (r: UnknownCodeRow): UnknownCategoryResponse => ({
  code: r.code,
  lineCount: r.lineCount,
  firstSeenAt: r.firstSeenAt.toISOString(),
  lastSeenAt: r.lastSeenAt.toISOString(),
});

/** The unknown codes' cursor: the last row's count and code ("37|红酒"; the count is digits, the code any text). */
export function unknownCursor(r: UnknownCodeRow): string {
  return `${r.lineCount}|${r.code}`;
}

export function parseUnknownCursor(cursor: string | null): { lineCount: number; code: string } | null {
  const m = cursor ? /^(\d{1,18})\|(.+)$/su.exec(cursor) : null;
  return m ? { lineCount: Number(m[1]), code: m[2] } : null;
}
