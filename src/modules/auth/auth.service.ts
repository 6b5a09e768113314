import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { isDuplicateKey } from '../../common/errors/mysql-errors';
import { newId } from '../../common/ids';
import { AppConfig } from '../../config/app-config';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { AdminPrincipal } from './auth.types';
import { AdminRole, AdminUser } from './entities/admin-user.entity';
import { hashPassword, verifyPassword } from './password';

interface AdminTokenClaims {
  sub: string;
  email: string;
  role: AdminRole;
  typ: 'admin';
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(AdminUser) private readonly admins: Repository<AdminUser>,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD when no admin with that email exists. */
  async onApplicationBootstrap(): Promise<void> {
    const { email, password } = this.config.admin;
    if (await this.admins.exists({ where: { email } })) {
      return;
    }
    const id = newId();
    try {
      await this.admins.insert({
        id,
        email,
        passwordHash: await hashPassword(password),
        role: 'admin',
        createdAt: new Date(),
        disabledAt: null,
      });
      await this.audit.record(SYSTEM_ACTOR, 'admin.created', { type: 'admin', id }, { email, role: 'admin' });
      this.logger.log(`Created the first admin ${email}`);
    } catch (err) {
      if (!isDuplicateKey(err)) {
        throw err; // another process created it at the same moment otherwise
      }
    }
  }

  async login(email: string, password: string): Promise<{ accessToken: string; expiresIn: number }> {
    const admin = await this.admins.findOne({ where: { email: email.toLowerCase() } });
    const ok = admin !== null && admin.disabledAt === null && (await verifyPassword(password, admin.passwordHash));
    if (!admin || !ok) {
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The email or the password is wrong.');
    }
    const claims: AdminTokenClaims = { sub: admin.id, email: admin.email, role: admin.role, typ: 'admin' };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwt.ttlSeconds });
    return { accessToken, expiresIn: this.config.jwt.ttlSeconds };
  }

  async verifyAdminToken(token: string): Promise<AdminPrincipal | null> {
    try {
      const claims = await this.jwt.verifyAsync<AdminTokenClaims>(token);
      if (claims.typ !== 'admin') {
        return null;
      }
      return { adminId: claims.sub, email: claims.email, role: claims.role };
    } catch {
      return null;
    }
  }
}
