/** Requests and answers of the admin sign-in routes. */
import { ApiProperty } from '@nestjs/swagger';
import { ADMIN_ROLES, AdminRole } from '../entities/admin-user.entity';
import { ALL_PERMISSIONS, Permission } from '../permissions';
import { IsEmail, IsJWT, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ type: 'string', format: 'email', maxLength: 254, example: 'admin@example.com' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ type: 'string', format: 'password', minLength: 1, maxLength: 200, example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refreshToken of the last login or refresh; each one works once.' })
  @IsString()
  @MaxLength(2000)
  @IsJWT()
  refreshToken: string;
}

export class AdminTokensResponse {
  @ApiProperty({ description: 'Bearer token for /api/v1/admin routes (HS256 JWT, typ access).' })
  accessToken: string;

  @ApiProperty({ description: 'Seconds the access token is valid (JWT_TTL_SECONDS, default 900).' })
  expiresIn: number;

  @ApiProperty({
    description: 'Trade it at POST /api/v1/admin/auth/refresh for a new pair. Works once; not accepted as an access token.',
  })
  refreshToken: string;

  @ApiProperty({ description: 'Seconds the refresh token is valid (JWT_REFRESH_TTL_SECONDS, default 43200).' })
  refreshExpiresIn: number;
}

export class AdminMeResponse {
  @ApiProperty({ example: '0190f2a4-7c1e-7b3a-9d2e-4f5a6b7c8d9e' })
  adminId: string;

  @ApiProperty({ example: 'marketer@example.com' })
  email: string;

  @ApiProperty({ enum: ADMIN_ROLES, example: 'marketer' })
  role: AdminRole;

  @ApiProperty({
    enum: ALL_PERMISSIONS,
    isArray: true,
    description: 'What this role may do (src/modules/auth/permissions.ts).',
    example: ['members.read', 'clubs.manage', 'campaigns.manage', 'analytics.read', 'jobs.read'],
  })
  permissions: Permission[];
}
