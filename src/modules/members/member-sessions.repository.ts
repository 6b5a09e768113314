import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, marks, selectOne } from '../../database/sql';

export interface RefreshRow {
  id: string;
  familyId: string;
  memberId: string;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * The owner of `member_refresh_tokens`: the member's portal sign-ins (one family per sign-in,
 * one row per refresh token). Kept with the member, so an erasure ends them without reaching
 * up into the portal.
 */
@Injectable()
export class MemberSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertRefresh(m: EntityManager | null, row: RefreshRow & { createdAt: Date }): Promise<void> {
    await execute(
      m ?? this.dataSource.manager,
      `INSERT INTO member_refresh_tokens (id, family_id, member_id, token_hash, created_at, expires_at, used_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)`,
      [row.id, row.familyId, row.memberId, row.tokenHash, row.createdAt, row.expiresAt],
    );
  }

  async lockRefresh(m: EntityManager, id: string): Promise<RefreshRow | null> {
    const r = await selectOne<{
      id: string;
      family_id: string;
      member_id: string;
      token_hash: string;
      expires_at: Date;
      used_at: Date | null;
      revoked_at: Date | null;
    }>(
      m,
      'SELECT id, family_id, member_id, token_hash, expires_at, used_at, revoked_at FROM member_refresh_tokens WHERE id = ? FOR UPDATE',
      [id],
    );
    return r
      ? {
          id: r.id,
          familyId: r.family_id,
          memberId: r.member_id,
          tokenHash: r.token_hash,
          expiresAt: r.expires_at,
          usedAt: r.used_at ?? null,
          revokedAt: r.revoked_at ?? null,
        }
      : null;
  }

  async markUsed(m: EntityManager, id: string, now: Date): Promise<void> {
    await execute(m, 'UPDATE member_refresh_tokens SET used_at = ? WHERE id = ?', [now, id]);
  }

  /** Revokes every token of a sign-in; answers how many were still open. */
  async revokeFamily(m: EntityManager | null, familyId: string, now: Date): Promise<number> {
    const res = await execute(
      m ?? this.dataSource.manager,
      'UPDATE member_refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL',
      [now, familyId],
    );
    return res.affectedRows;
  }

  async deleteExpired(memberId: string, now: Date): Promise<void> {
    await execute(this.dataSource.manager, 'DELETE FROM member_refresh_tokens WHERE member_id = ? AND expires_at < ?', [memberId, now]);
  }

  /** An erasure: every portal sign-in of the person ends. */
  async deleteAllOf(m: EntityManager, memberIds: string[]): Promise<number> {
    const res = await execute(m, `DELETE FROM member_refresh_tokens WHERE member_id IN (${marks(memberIds.length)})`, memberIds);
    return res.affectedRows;
  }
}
