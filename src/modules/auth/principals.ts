import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AdminPrincipal, AuthenticatedRequest, StorePrincipal } from './auth.types';

/** The store of a POS request (set by PosAuthGuard). */
export const CurrentStore = createParamDecorator((_: unknown, ctx: ExecutionContext): StorePrincipal => {
  const store = ctx.switchToHttp().getRequest<AuthenticatedRequest>().store;
  if (!store) {
    throw new Error('CurrentStore used on a route without PosAuth()');
  }
  return store;
});

/** The console user of an admin request (set by AdminAuthGuard). */
export const CurrentAdmin = createParamDecorator((_: unknown, ctx: ExecutionContext): AdminPrincipal => {
  const admin = ctx.switchToHttp().getRequest<AuthenticatedRequest>().admin;
  if (!admin) {
    throw new Error('CurrentAdmin used on a route without RequirePermission()');
  }
  return admin;
});
