import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AdminErrors } from '../../common/api/error-responses';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { CategoryListQuery, CreateCategoryDto, UnknownCategoryListQuery, UpdateCategoryDto } from '../categories/dto/category.dto';
import { CategoryListResponse, CategoryResponse, UnknownCategoryListResponse } from '../categories/dto/category.response';
import { ListCategoriesUseCase } from '../categories/use-cases/list-categories.use-case';
import { ListUnknownCategoriesUseCase } from '../categories/use-cases/list-unknown-categories.use-case';
import { SaveCategoryUseCase } from '../categories/use-cases/save-category.use-case';
import { ParseCategoryCodePipe } from './parse-category-code.pipe';

/** The category catalog: everyone reads it (pickers, reports); admins and marketers name and rename codes. */
@ApiTags('admin')
@RequirePermission('categories.read')
@Controller('api/v1/admin/categories')
export class AdminCategoriesController {
  constructor(
    private readonly list: ListCategoriesUseCase,
    private readonly unknownCodes: ListUnknownCategoriesUseCase,
    private readonly save: SaveCategoryUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The catalog in code order, with each code’s use count; q searches the code and both names' })
  @ApiOkResponse({ type: CategoryListResponse })
  @AdminErrors()
  page(@Query() q: CategoryListQuery) {
    return this.list.page(q.q ?? null, q.cursor ?? null, q.limit ?? 200);
  }

  @Get('unknown')
  @ApiOperation({ summary: 'Codes the tills sent that the catalog does not name, the most used first, with counts' })
  @ApiOkResponse({ type: UnknownCategoryListResponse })
  @AdminErrors()
  unknown(@Query() q: UnknownCategoryListQuery) {
    return this.unknownCodes.page(q.cursor ?? null, q.limit ?? 50);
  }

  @Post()
  @RequirePermission('categories.manage')
  @ApiOperation({ summary: 'Name a code in zh-CN and English (also how an unknown code gets its name); audited' })
  @ApiCreatedResponse({ type: CategoryResponse })
  @AdminErrors(ErrorCode.CATEGORY_CODE_TAKEN)
  create(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: CreateCategoryDto) {
    return this.save.create({ type: 'admin', id: admin.adminId }, dto);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One catalog entry with its use count' })
  @ApiParam({ name: 'code', schema: { type: 'string', minLength: 1, maxLength: 64 }, example: 'baby' })
  @ApiOkResponse({ type: CategoryResponse })
  @AdminErrors(ErrorCode.CATEGORY_NOT_FOUND)
  one(@Param('code', ParseCategoryCodePipe) code: string) {
    return this.list.one(code);
  }

  @Patch(':code')
  @RequirePermission('categories.manage')
  @ApiOperation({ summary: 'Rename a category (the code stays); audited with the names before and after' })
  @ApiParam({ name: 'code', schema: { type: 'string', minLength: 1, maxLength: 64 }, example: 'baby' })
  @ApiOkResponse({ type: CategoryResponse })
  @AdminErrors(ErrorCode.CATEGORY_NOT_FOUND)
  update(@CurrentAdmin() admin: AdminPrincipal, @Param('code', ParseCategoryCodePipe) code: string, @Body() dto: UpdateCategoryDto) {
    return this.save.update({ type: 'admin', id: admin.adminId }, code, dto);
  }
}
