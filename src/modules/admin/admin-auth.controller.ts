import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { AdminErrors } from '../../common/api/error-responses';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AuthService } from '../auth/auth.service';
import type { AdminPrincipal } from '../auth/auth.types';
import { permissionsOf } from '../auth/permissions';
import { CurrentAdmin } from '../auth/principals';
import { AdminMeResponse, AdminTokensResponse, LoginDto, RefreshDto } from '../auth/dto/login.dto';

@ApiTags('admin')
@Controller('api/v1/admin/auth')
export class AdminAuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in as a console user; returns an access token and a refresh token',
    description:
      'Limited per client address (RATE_LIMIT_LOGIN_PER_MINUTE). LOGIN_MAX_FAILURES failed sign-ins of one email within LOGIN_LOCKOUT_SECONDS lock it: 429 ACCOUNT_LOCKED with Retry-After, even for the right password; each further lockout doubles the wait (at most 24 h).',
  })
  @ApiOkResponse({ type: AdminTokensResponse, description: 'Tokens for the admin routes' })
  @AdminErrors(ErrorCode.INVALID_CREDENTIALS, ErrorCode.ACCOUNT_LOCKED)
  login(@Body() dto: LoginDto): Promise<AdminTokensResponse> {
    return this.auth.login(dto.email, dto.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Trade a refresh token for a new access token and refresh token',
    description:
      'Each refresh token works once (rotation): the answer carries the next one. An access token is not accepted here, nor a refresh token as a bearer token. A disabled or deleted admin is refused.',
  })
  @ApiOkResponse({ type: AdminTokensResponse, description: 'A new pair of tokens' })
  @AdminErrors(ErrorCode.UNAUTHENTICATED)
  refresh(@Body() dto: RefreshDto): Promise<AdminTokensResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @RequirePermission('account.read')
  @ApiOperation({
    summary: 'Sign out: the refresh tokens and the access tokens of this sign-in stop working at once',
    description:
      "Ends the sign-in the access token belongs to (every token refreshed from the same login): its refresh tokens are refused by auth/refresh and its access tokens by every route, on every instance, from the next request on. The user's other sign-ins (another browser) go on.",
  })
  @ApiNoContentResponse({ description: 'Signed out.' })
  @AdminErrors(ErrorCode.UNAUTHENTICATED)
  async logout(@CurrentAdmin() admin: AdminPrincipal): Promise<void> {
    await this.auth.logout(admin);
  }

  @Get('me')
  @RequirePermission('account.read')
  @ApiOperation({
    summary: 'The signed-in console user: email, role and the permissions of that role',
    description: 'The console shows only the screens and buttons these permissions allow; the server checks each route anyway.',
  })
  @ApiOkResponse({ type: AdminMeResponse })
  @AdminErrors(ErrorCode.UNAUTHENTICATED)
  me(@CurrentAdmin() admin: AdminPrincipal): AdminMeResponse {
    return { adminId: admin.adminId, email: admin.email, role: admin.role, permissions: permissionsOf(admin.role) };
  }
}
