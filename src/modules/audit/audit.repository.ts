import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, marks, select } from '../../database/sql';

export interface NewAuditEntry {
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** The change document as stored (JSON), or null. */
  changes: string | null;
  createdAt: Date;
}

export interface AuditRow {
  id: string | number;
  actor_type: string;
  actor_id: string | null;
  email: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  changes: string | null;
  created_at: Date;
}

/** The owner of `audit_log`: entries are appended here, searched here, and scrubbed here by an erasure. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(m: EntityManager, e: NewAuditEntry): Promise<void> {
    await execute(
      m,
      'INSERT INTO audit_log (actor_type, actor_id, action, entity_type, entity_id, changes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [e.actorType, e.actorId, e.action, e.entityType, e.entityId, e.changes, e.createdAt],
    );
  }

  /** Newest first, with the console user's email; `where` is built by the caller from fixed conditions over `l`. */
  search(where: string[], params: unknown[], limit: number): Promise<AuditRow[]> {
    return select<AuditRow>(
      this.dataSource.manager,
      `SELECT l.id, l.actor_type, l.actor_id, u.email, l.action, l.entity_type, l.entity_id, l.changes, l.created_at
         FROM audit_log l LEFT JOIN admin_users u ON l.actor_type = 'admin' AND u.id = l.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.id DESC LIMIT ?`,
      [...params, limit],
    );
  }

  /** Entries about the members or made by them, with their change documents (an erasure scrubs them). */
  entriesOfMembers(m: EntityManager, memberIds: string[]): Promise<Array<{ id: string; changes: string | null }>> {
    return select<{ id: string; changes: string | null }>(
      m,
      `SELECT id, changes FROM audit_log WHERE entity_type = 'member' AND entity_id IN (${marks(memberIds.length)})
       UNION SELECT id, changes FROM audit_log WHERE actor_type = 'member' AND actor_id IN (${marks(memberIds.length)})`,
      [...memberIds, ...memberIds],
    );
  }

  async setChanges(m: EntityManager, id: string, changes: string | null): Promise<void> {
    await execute(m, 'UPDATE audit_log SET changes = ? WHERE id = ?', [changes, id]);
  }
}
