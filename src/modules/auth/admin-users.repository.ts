import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AdminUser } from './entities/admin-user.entity';

/** The owner of `admin_users`: console users and their password hashes. */
@Injectable()
export class AdminUsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<AdminUser[]> {
    return this.dataSource.getRepository(AdminUser).find({ order: { createdAt: 'ASC' } });
  }

  byEmail(email: string): Promise<AdminUser | null> {
    return this.dataSource.getRepository(AdminUser).findOne({ where: { email } });
  }

  byId(id: string): Promise<AdminUser | null> {
    return this.dataSource.getRepository(AdminUser).findOne({ where: { id } });
  }

  existsWithEmail(email: string): Promise<boolean> {
    return this.dataSource.getRepository(AdminUser).exists({ where: { email } });
  }

  lock(m: EntityManager, id: string): Promise<AdminUser | null> {
    return m.getRepository(AdminUser).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** An email already taken fails with a duplicate key. */
  async insert(user: AdminUser, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.insert(AdminUser, user);
  }

  async setRoleAndDisabled(m: EntityManager, id: string, role: AdminUser['role'], disabledAt: Date | null): Promise<void> {
    await m.update(AdminUser, { id }, { role, disabledAt });
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.dataSource.getRepository(AdminUser).update({ id }, { passwordHash });
  }
}
