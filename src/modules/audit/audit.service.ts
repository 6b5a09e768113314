import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { maskPersonal } from '../../common/masking';
import { Transactions } from '../../database/transactions';
import { AuditRepository } from './audit.repository';
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
  constructor(
    private readonly repo: AuditRepository,
    private readonly transactions: Transactions,
  ) {}

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
    manager: EntityManager = this.transactions.manager,
  ): Promise<void> {
    const stored = changes && entity.type === 'member' ? maskPersonal(changes) : changes;
    await this.repo.insert(manager, {
      actorType: actor.type,
      actorId: actor.id,
      action,
      entityType: entity.type,
      entityId: entity.id,
      changes: stored ? JSON.stringify(stored) : null,
      createdAt: new Date(),
    });
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
    const rows = await this.repo.search(where, params, q.limit + 1);
    const items = rows.slice(0, q.limit).map((r) => ({
      id: Number(r.id),
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorEmail: r.email,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      changes: r.changes ? (JSON.parse(r.changes) as unknown) : null,
      createdAt: r.created_at.toISOString(),
    }));
    return { items, nextCursor: rows.length > q.limit ? items[items.length - 1].id : null };
  }
}
