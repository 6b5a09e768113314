import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorType } from './entities/audit-log.entity';

export interface Actor {
  type: ActorType;
  id: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null };

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records who changed what; pass the manager of the change's transaction so both commit together. */
  async record(
    actor: Actor,
    action: string,
    entity: { type: string; id: string },
    changes: Record<string, unknown> | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO audit_log (actor_type, actor_id, action, entity_type, entity_id, changes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [actor.type, actor.id, action, entity.type, entity.id, changes ? JSON.stringify(changes) : null, new Date()],
    );
  }
}
