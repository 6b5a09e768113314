import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { AuthenticatedRequest } from './auth.types';
import { AuthService } from './auth.service';
import { AdminRole } from './entities/admin-user.entity';

const ROLES_KEY = 'adminRoles';

export function bearerToken(req: AuthenticatedRequest): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') {
    return null;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** Console users: a valid admin JWT, and one of the route's roles when it names any. */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(req);
    const admin = token ? await this.auth.verifyAdminToken(token) : null;
    if (!admin) {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'Sign in first: send Authorization: Bearer <accessToken> from POST /api/v1/admin/auth/login.',
      );
    }
    const roles = this.reflector.getAllAndOverride<AdminRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles && roles.length > 0 && !roles.includes(admin.role)) {
      throw new DomainError(ErrorCode.FORBIDDEN, `This needs one of the roles: ${roles.join(', ')}.`);
    }
    req.admin = admin;
    return true;
  }
}

/** Protects a console route; with roles, only those roles may call it. */
export function AdminAuth(...roles: AdminRole[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(AdminAuthGuard), ApiBearerAuth('admin'));
}
