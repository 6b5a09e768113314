import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminUsersService } from '../auth/admin-users.service';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { AdminErrors } from '../../common/api/error-responses';
import { CreateUserDto, UpdateUserDto, UserListResponse, UserResponse } from '../auth/dto/admin-user.dto';
import { actorOf } from './admin-actor';

@ApiTags('admin: users')
@Controller('api/v1/admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'Console users and their roles' })
  @ApiOkResponse({ type: UserListResponse })
  @AdminErrors()
  async list() {
    return { users: await this.users.list() };
  }

  @Post()
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'Create a console user with a role (admin, marketer, analyst, support)' })
  @ApiCreatedResponse({ type: UserResponse })
  @AdminErrors(ErrorCode.USER_EMAIL_TAKEN)
  create(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: CreateUserDto) {
    return this.users.create(actorOf(admin), dto);
  }

  @Patch(':userId')
  @RequirePermission('users.manage')
  @ApiOperation({ summary: "Change a user's role, or disable / enable them (audited)" })
  @ApiOkResponse({ type: UserResponse })
  @AdminErrors(ErrorCode.USER_NOT_FOUND)
  update(@CurrentAdmin() admin: AdminPrincipal, @Param('userId', new ParseUUIDPipe()) userId: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actorOf(admin), userId, dto);
  }
}
