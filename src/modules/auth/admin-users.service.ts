import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { isDuplicateKey } from '../../common/errors/mysql-errors';
import { newId } from '../../common/ids';
import { Transactions } from '../../database/transactions';
import { Actor, AuditService } from '../audit/audit.service';
import { AdminUsersRepository } from './admin-users.repository';
import { AuthService } from './auth.service';
import { AdminRole, AdminUser } from './entities/admin-user.entity';

export interface AdminUserView {
  userId: string;
  email: string;
  role: AdminRole;
  disabled: boolean;
  createdAt: string;
  disabledAt: string | null;
}

function view(u: AdminUser): AdminUserView {
  return {
    userId: u.id,
    email: u.email,
    role: u.role,
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt.toISOString(),
    disabledAt: u.disabledAt ? u.disabledAt.toISOString() : null,
  };
}

/** Console users: created with a role, role changed, disabled or enabled again. Every change is audited. */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: AdminUsersRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<AdminUserView[]> {
    const users = await this.repo.list();
    return users.map(view);
  }

  async create(actor: Actor, input: { email: string; password: string; role: AdminRole }): Promise<AdminUserView> {
    const user: AdminUser = {
      id: newId(),
      email: input.email.trim().toLowerCase(),
      passwordHash: await this.auth.hash(input.password),
      role: input.role,
      createdAt: new Date(),
      disabledAt: null,
    };
    try {
      await this.transactions.run(async (m) => {
        await this.repo.insert(user, m);
        await this.audit.record(actor, 'admin.created', { type: 'admin', id: user.id }, { email: user.email, role: user.role }, m);
      });
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new DomainError(ErrorCode.USER_EMAIL_TAKEN, 'A console user with this email exists.', [{ field: 'email', message: 'taken' }]);
      }
      throw err;
    }
    return view(user);
  }

  /** Changes the role and/or disables (or enables) a user. An admin cannot demote or disable themself. */
  async update(actor: Actor, userId: string, change: { role?: AdminRole; disabled?: boolean }): Promise<AdminUserView> {
    if (actor.id === userId && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'You cannot demote or disable yourself; ask another admin.');
    }
    const updated = await this.transactions.run(async (m) => {
      const user = await this.repo.lock(m, userId);
      if (!user) {
        throw new DomainError(ErrorCode.USER_NOT_FOUND, `No console user with id ${userId}.`);
      }
      const changes: Record<string, unknown> = {};
      if (change.role !== undefined && change.role !== user.role) {
        changes.role = { old: user.role, new: change.role };
        user.role = change.role;
      }
      if (change.disabled !== undefined && change.disabled !== (user.disabledAt !== null)) {
        changes.disabled = { old: user.disabledAt !== null, new: change.disabled };
        user.disabledAt = change.disabled ? new Date() : null;
      }
      if (Object.keys(changes).length > 0) {
        await this.repo.setRoleAndDisabled(m, userId, user.role, user.disabledAt);
        await this.audit.record(actor, 'admin.updated', { type: 'admin', id: userId }, changes, m);
      }
      return user;
    });
    this.auth.forget(userId);
    return view(updated);
  }
}
