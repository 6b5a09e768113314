import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { AuditModule } from '../audit/audit.module';
import { AdminAuthGuard } from './admin-auth.guard';
import { AdminUsersService } from './admin-users.service';
import { AuthService } from './auth.service';
import { AdminUser } from './entities/admin-user.entity';
import { LoginAttemptsService } from './login-attempts.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([AdminUser]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwt.secret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    AuditModule,
  ],
  providers: [AuthService, AdminAuthGuard, LoginAttemptsService, AdminUsersService],
  exports: [AuthService, AdminAuthGuard, AdminUsersService],
})
export class AuthModule {}
