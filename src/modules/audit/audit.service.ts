import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { maskPersonal } from '../../common/masking';
import { ActorType } from './entities/audit-log.entity';

export interface Actor {
  type: ActorType;
  id: string | null;
}

export interface AuditQuery {
  /** An actor id (admin user id, store id, member id). */
  actor?: string;
  /** A member: entries whose subject is this member. */
  member?: string;
  /** An action, or its prefix ending in a dot ("card." finds every card action). */
  type?: string;
  from?: Date;
  to?: Date;
  /** Entry id: older entries than this one. */
  before?: number;
  limit: number;
}

export interface AuditEntry {
  id: number;
  actorType: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: unknown;
  createdAt: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null };

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records who changed what; pass the manager of the change's transaction so
   * both commit together. An entry about a member keeps no personal value in
   * clear: names, phones, emails, birthdays and addresses are masked here, at
   * any depth, by the masks every other view uses, whatever the caller passed.
   */
  async record(
    actor: Actor,
    action: string,
    entity: { type: string; id: string },
    changes: Record<string, unknown> | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const stored = changes && entity.type === 'member' ? maskPersonal(changes) : changes;
    await manager.query(
      'INSERT INTO audit_log (actor_type, actor_id, action, entity_type, entity_id, changes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [actor.type, actor.id, action, entity.type, entity.id, stored ? JSON.stringify(stored) : null, new Date()],
    );
  }

  /**
   * Newest first, paged by entry id. Each filter has an index: actor
   * (ix_audit_actor), member (ix_audit_entity), type (ix_audit_action, a
   * prefix range) and time (ix_audit_created); the id order comes with each
   * secondary index (InnoDB keeps the primary key in it).
   */
  async search(q: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: number | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.actor) {
      where.push("l.actor_type IN ('admin', 'store', 'member', 'system') AND l.actor_id = ?");
      params.push(q.actor);
    }
    if (q.member) {
      where.push("l.entity_type = 'member' AND l.entity_id = ?");
      params.push(q.member);
    }
    if (q.type) {
      if (q.type.endsWith('.')) {
        where.push("l.action LIKE CONCAT(?, '%')");
        params.push(q.type.replace(/[\\%_]/g, (c) => `\\${c}`));
      } else {
        where.push('l.action = ?');
        params.push(q.type);
      }
    }
    if (q.from) {
      where.push('l.created_at >= ?');
      params.push(q.from);
    }
    if (q.to) {
      where.push('l.created_at < ?');
      params.push(q.to);
    }
    if (q.before) {
      where.push('l.id < ?');
      params.push(q.before);
    }
    const rows: Array<Record<string, string | Date | null>> = await this.dataSource.query(
      `SELECT l.id, l.actor_type, l.actor_id, u.email, l.action, l.entity_type, l.entity_id, l.changes, l.created_at
         FROM audit_log l LEFT JOIN admin_users u ON l.actor_type = 'admin' AND u.id = l.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.id DESC LIMIT ?`,
      [...params, q.limit + 1],
    );
    const items = rows.slice(0, q.limit).map((r) => ({
      id: Number(r.id),
      actorType: String(r.actor_type),
      actorId: r.actor_id as string | null,
      actorEmail: r.email as string | null,
      action: String(r.action),
      entityType: String(r.entity_type),
      entityId: String(r.entity_id),
      changes: r.changes ? (JSON.parse(r.changes as string) as unknown) : null,
      createdAt: (r.created_at as Date).toISOString(),
    }));
    return { items, nextCursor: rows.length > q.limit ? items[items.length - 1].id : null };
  }
}
