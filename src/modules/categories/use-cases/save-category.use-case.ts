import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '../../../common/errors/mysql-errors';
import { Transactions } from '../../../database/transactions';
import { Actor, AuditService } from '../../audit/audit.service';
import { CategoriesRepository } from '../categories.repository';
import { categoryCodeTaken, categoryNotFound } from '../categories.errors';
import { categoryView } from '../category-views';
import { CreateCategoryDto, UpdateCategoryDto } from '../dto/category.dto';
import { CategoryResponse } from '../dto/category.response';

/**
 * Names a code (a new catalog entry, also how an unknown code the tills sent gets its name) and renames one;
 * every change audited with the names before and after.
 */
@Injectable()
export class SaveCategoryUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly categories: CategoriesRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateCategoryDto): Promise<CategoryResponse> {
    const code = dto.code.trim().toLowerCase();
    const now = new Date();
    const names = { nameZh: dto.nameZh.trim(), nameEn: dto.nameEn.trim() };
    try {
      await this.transactions.retrying(async (m) => {
        await this.categories.insert(m, { code, ...names, createdAt: now, updatedAt: now });
        await this.audit.record(actor, 'category.create', { type: 'category', id: code }, { code, ...names }, m);
      });
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw categoryCodeTaken(code);
      }
      throw err;
    }
    return categoryView((await this.categories.find(code))!);
  }

  async update(actor: Actor, code: string, dto: UpdateCategoryDto): Promise<CategoryResponse> {
    const key = code.toLowerCase();
    await this.transactions.retrying(async (m) => {
      const before = await this.categories.lock(m, key);
      if (!before) {
        throw categoryNotFound(key);
      }
      const after = { nameZh: dto.nameZh?.trim() ?? before.nameZh, nameEn: dto.nameEn?.trim() ?? before.nameEn };
      await this.categories.updateNames(m, before.code, after, new Date());
      await this.audit.record(
        actor,
        'category.update',
        { type: 'category', id: before.code },
        { before: { nameZh: before.nameZh, nameEn: before.nameEn }, after },
        m,
      );
    });
    return categoryView((await this.categories.find(key))!);
  }
}
