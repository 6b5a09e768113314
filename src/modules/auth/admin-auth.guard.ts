import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { AuthenticatedRequest } from './auth.types';
import { AuthService } from './auth.service';
import { can, Permission, rolesWith } from './permissions';

const PERMISSION_KEY = 'adminPermission';

export function bearerToken(req: AuthenticatedRequest): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') {
    return null;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** Console users: a valid admin JWT and the route's permission (permissions.ts). */
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
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [context.getHandler(), context.getClass()]);
    if (permission && !can(admin.role, permission)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `This needs the permission ${permission} (roles: ${rolesWith(permission).join(', ')}); you are ${admin.role}.`,
      );
    }
    req.admin = admin;
    return true;
  }
}

/**
 * Protects a console route with one permission of the table in permissions.ts.
 * On a class it covers every route; a method's own permission overrides it.
 */
export function RequirePermission(permission: Permission): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    UseGuards(AdminAuthGuard),
    ApiBearerAuth('admin'),
    ApiExtension('x-permission', { permission, roles: rolesWith(permission) }),
  );
}
