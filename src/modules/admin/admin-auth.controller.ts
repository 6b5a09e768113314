import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService } from '../auth/auth.service';
import { LoginDto } from './dto/login.dto';

@ApiTags('admin')
@Controller('api/v1/admin/auth')
export class AdminAuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in as a console user; returns a bearer token' })
  login(@Body() dto: LoginDto): Promise<{ accessToken: string; expiresIn: number }> {
    return this.auth.login(dto.email, dto.password);
  }
}
