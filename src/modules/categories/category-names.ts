import { Injectable } from '@nestjs/common';
import { CategoriesRepository } from './categories.repository';

/** A category's names in the console's two languages. */
export interface CategoryName {
  en: string;
  zhCN: string;
}

/** Names by code, for the words of rules: a code the catalog lacks keeps its code. */
export type CategoryNameLookup = (code: string) => CategoryName;

/** Reads the catalog's names of a few codes (the codes one rule names), for rules said back in words. */
@Injectable()
export class CategoryNames {
  constructor(private readonly categories: CategoriesRepository) {}

  async lookup(codes: readonly string[]): Promise<CategoryNameLookup> {
    const names = await this.categories.names([...new Set(codes)]);
    return (code) => {
      const n = names.get(code);
      return n ? { en: n.nameEn, zhCN: n.nameZh } : { en: code, zhCN: code };
    };
  }
}
