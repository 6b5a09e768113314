import { Injectable } from '@nestjs/common';
import { CategoriesRepository } from '../categories.repository';
import { categoryNotFound } from '../categories.errors';
import { categoryView } from '../category-views';
import { CategoryListResponse, CategoryResponse } from '../dto/category.response';

/** The catalog in code order (a search over code and names), and one entry, each with its use count. */
@Injectable()
export class ListCategoriesUseCase {
  constructor(private readonly categories: CategoriesRepository) {}

  async page(search: string | null, cursor: string | null, limit: number): Promise<CategoryListResponse> {
    const rows = await this.categories.list(search?.trim() || null, cursor, limit + 1);
    const page = rows.slice(0, limit);
    return { items: page.map(categoryView), nextCursor: rows.length > limit ? page[page.length - 1].code : null };
  }

  async one(code: string): Promise<CategoryResponse> {
    const row = await this.categories.find(code);
    if (!row) {
      throw categoryNotFound(code);
    }
    return categoryView(row);
  }
}
