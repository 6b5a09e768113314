import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { bearerToken } from '../auth/admin-auth.guard';
import { AuthenticatedRequest } from '../auth/auth.types';
import { StoresService } from './stores.service';

/** POS routes: a store's API key; the store of the request is the key's store. */
@Injectable()
export class PosAuthGuard implements CanActivate {
  constructor(private readonly stores: StoresService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = bearerToken(req);
    if (!key) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Send the store API key as Authorization: Bearer <key>.');
    }
    const store = await this.stores.authenticateKey(key);
    if (!store) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The API key is unknown or revoked. Ask an admin for a new key.');
    }
    req.store = store;
    return true;
  }
}

export function PosAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(UseGuards(PosAuthGuard), ApiBearerAuth('pos'));
}
