import type { Request } from 'express';
import type { AdminRole } from './entities/admin-user.entity';

/** A console user as admin_users holds them. */
export interface AdminAccount {
  adminId: string;
  email: string;
  role: AdminRole;
}

/** The console user of a request, and the sign-in its token belongs to (signing out ends it). */
export interface AdminPrincipal extends AdminAccount {
  sessionId: string;
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
