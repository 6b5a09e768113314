import { Injectable } from '@nestjs/common';
import { CategoriesRepository } from '../categories.repository';
import { parseUnknownCursor, unknownCategoryView, unknownCursor } from '../category-views';
import { UnknownCategoryListResponse } from '../dto/category.response';

/** Codes the tills sent that the catalog does not name, the most used first, with counts and first and last seen. */
@Injectable()
export class ListUnknownCategoriesUseCase {
  constructor(private readonly categories: CategoriesRepository) {}

  async page(cursor: string | null, limit: number): Promise<UnknownCategoryListResponse> {
    const rows = await this.categories.unknown(parseUnknownCursor(cursor), limit + 1);
    const page = rows.slice(0, limit);
    return { items: page.map(unknownCategoryView), nextCursor: rows.length > limit ? unknownCursor(page[page.length - 1]) : null };
  }
}
