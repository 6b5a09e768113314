import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PointsModule } from '../points/points.module';
import { CategoriesRepository } from './categories.repository';
import { CategoryNames } from './category-names';
import { CategoryUsageCollector } from './category-usage.collector';
import { ListCategoriesUseCase } from './use-cases/list-categories.use-case';
import { ListUnknownCategoriesUseCase } from './use-cases/list-unknown-categories.use-case';
import { SaveCategoryUseCase } from './use-cases/save-category.use-case';

const USE_CASES = [ListCategoriesUseCase, ListUnknownCategoriesUseCase, SaveCategoryUseCase];

/**
 * The category catalog: names for the codes the tills send, the codes seen with their counts (gathered from posted
 * purchases, off the POS path), and the names rules are said back with.
 */
@Module({
  imports: [PointsModule, AuditModule],
  providers: [CategoriesRepository, CategoryNames, CategoryUsageCollector, ...USE_CASES],
  exports: [CategoryNames, CategoryUsageCollector, ...USE_CASES],
})
export class CategoriesModule {}
