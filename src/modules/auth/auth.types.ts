import type { Request } from 'express';
import type { AdminRole } from './entities/admin-user.entity';

export interface AdminPrincipal {
  adminId: string;
  email: string;
  role: AdminRole;
}

export interface StorePrincipal {
  storeId: string;
  storeCode: string;
  keyId: string;
}

export interface AuthenticatedRequest extends Request {
  admin?: AdminPrincipal;
  store?: StorePrincipal;
}
