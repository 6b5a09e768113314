import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';
import { AuditModule } from '../audit/audit.module';
import { AdminAuthGuard } from './admin-auth.guard';
import { AdminUsersRepository } from './admin-users.repository';
import { AdminUsersService } from './admin-users.service';
import { AuthService } from './auth.service';
import { LoginAttemptsService } from './login-attempts.service';

@Module({
  imports: [
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
  providers: [AdminUsersRepository, AuthService, AdminAuthGuard, LoginAttemptsService, AdminUsersService],
  exports: [AuthService, AdminAuthGuard, AdminUsersService],
})
export class AuthModule {}
