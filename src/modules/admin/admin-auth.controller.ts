import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { AdminErrors } from '../pos/pos.openapi';
import { AuthService } from '../auth/auth.service';
import { LoginResponse } from './dto/admin.response';
import { LoginDto } from './dto/login.dto';

@ApiTags('admin')
@Controller('api/v1/admin/auth')
export class AdminAuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in as a console user; returns a bearer token' })
  @ApiOkResponse({ type: LoginResponse, description: 'A JWT for the admin routes' })
  @AdminErrors(ErrorCode.INVALID_CREDENTIALS, ErrorCode.ACCOUNT_LOCKED)
  login(@Body() dto: LoginDto): Promise<{ accessToken: string; expiresIn: number }> {
    return this.auth.login(dto.email, dto.password);
  }
}
