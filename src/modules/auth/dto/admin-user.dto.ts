/** Requests and answers of the admin user routes. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ADMIN_ROLES, AdminRole } from '../entities/admin-user.entity';

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;

export class CreateUserDto {
  @ApiProperty({ format: 'email', example: 'analyst@example.com' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ format: 'password', minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ADMIN_ROLES, example: 'analyst' })
  @IsIn(ADMIN_ROLES)
  role: AdminRole;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ADMIN_ROLES })
  @IsOptional()
  @IsIn(ADMIN_ROLES)
  role?: AdminRole;

  @ApiPropertyOptional({ description: 'true disables the user (their tokens stop working within 5 s); false enables again.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class UserResponse {
  @ApiProperty({ ...UUID })
  userId: string;
  @ApiProperty({ example: 'analyst@example.com' })
  email: string;
  @ApiProperty({ enum: ADMIN_ROLES })
  role: string;
  @ApiProperty()
  disabled: boolean;
  @ApiProperty({ ...DATE_TIME })
  createdAt: string;
  @ApiProperty({ ...DATE_TIME, nullable: true })
  disabledAt: string | null;
}

export class UserListResponse {
  @ApiProperty({ type: () => [UserResponse] })
  users: UserResponse[];
}
