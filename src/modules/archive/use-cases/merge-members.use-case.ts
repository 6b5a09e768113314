import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { inTransaction } from '../../../database/transaction';
import { Actor, AuditService } from '../../audit/audit.service';
import { LedgerWriter } from '../../points/ledger/ledger-writer';
import { TiersRepository } from '../../tiers/tiers.repository';
import { TiersService } from '../../tiers/tiers.service';
import { mergeRefused } from '../archive.errors';
import { MemberMerge } from '../entities/member-merge.entity';
import { MOVED_TABLES } from '../merge-decisions';

export interface MergeResult {
  sourceMemberId: string;
  survivorMemberId: string;
  pointsMoved: number;
  survivorBalance: number;
  survivorTier: string;
  mergedAt: string;
}

/** Statuses that can never take part in a merge. */
const UNMERGEABLE = new Set(['erased', 'erasing']);

/**
 * Folds a duplicate member (the source) into the survivor, in one transaction
 * with both accounts locked in member-id order:
 * - ledger: merge_out on the source (it ends at 0) and merge_in on the survivor, through the ledger writer;
 * - lots move with their expiry dates, spent ones too, and the lot_consumptions of the source's debits
 *   with them, so a later refund of a moved purchase or cancel of a moved redemption finds its lots;
 * - every other table with a member id is moved, combined or kept as MERGE_DECISIONS (merge-decisions.ts) says:
 *   cards, purchases with their lines, refunds, redemptions, tier and club history, notes move; monthly
 *   qualifying figures are summed, club memberships (the survivor's own row wins), tags and birthday bonuses combined;
 * - the higher tier stays; the source becomes status merged with merged_into, its phone freed.
 * The source's entries stay in its own ledger (append-only). A member_merges row keyed by the source
 * makes the merge happen once: asking again answers the first result.
 */
@Injectable()
export class MergeMembersUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
    private readonly tiers: TiersService,
    private readonly tierChanges: TiersRepository,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: Actor, survivorId: string, sourceId: string): Promise<{ status: 200 | 201; body: MergeResult }> {
    if (survivorId === sourceId) {
      throw mergeRefused('a member cannot be merged into itself');
    }
    const done = await this.previous(this.dataSource.manager, sourceId, survivorId);
    if (done) {
      return { status: 200, body: done };
    }
    const tiers = await this.tiers.list();
    const rank = new Map(tiers.map((t) => [t.code, t.rank]));
    const result = await inTransaction(this.dataSource, async (m) => {
      const now = new Date();
      const session = await this.ledger.open(m, [sourceId, survivorId], now);
      const members: Array<{ id: string; status: string; tier_code: string; phone: string | null; merged_into: string | null }> =
        await m.query('SELECT id, status, tier_code, phone, merged_into FROM members WHERE id IN (?, ?)', [sourceId, survivorId]);
      const source = members.find((r) => r.id === sourceId);
      const survivor = members.find((r) => r.id === survivorId);
      if (!source || !survivor || !session.has(sourceId) || !session.has(survivorId)) {
        throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, `No member with id ${!source ? sourceId : survivorId}.`);
      }
      const again = await this.previous(m, sourceId, survivorId);
      if (again) {
        return again;
      }
      if (UNMERGEABLE.has(source.status) || UNMERGEABLE.has(survivor.status)) {
        throw mergeRefused('an erased member cannot be merged');
      }
      if (survivor.status === 'merged') {
        throw mergeRefused(`the survivor was itself merged into ${survivor.merged_into ?? '?'}`);
      }
      const { moved } = await session.mergeAccounts(sourceId, survivorId, { refType: 'merge', refId: sourceId });
      await session.flush();
      await this.moveHistory(m, sourceId, survivorId);
      let survivorTier = survivor.tier_code;
      if ((rank.get(source.tier_code) ?? 0) > (rank.get(survivor.tier_code) ?? 0)) {
        await this.tierChanges.changeTier(m, {
          memberId: survivorId,
          from: survivor.tier_code,
          to: source.tier_code,
          reason: 'manual',
          refId: `merge:${sourceId}`,
          at: now,
        });
        survivorTier = source.tier_code;
      }
      await m.query("UPDATE members SET status = 'merged', merged_into = ?, phone = NULL, updated_at = ? WHERE id = ?", [
        survivorId,
        now,
        sourceId,
      ]);
      await m.query(
        `INSERT INTO member_changes (member_id, actor_type, actor_id, field, old_value, new_value, created_at)
         VALUES (?, ?, ?, 'status', ?, 'merged', ?), (?, ?, ?, 'phone', ?, NULL, ?)`,
        [sourceId, actor.type, actor.id, source.status, now, sourceId, actor.type, actor.id, source.phone, now],
      );
      const row: MemberMerge = {
        sourceMemberId: sourceId,
        survivorMemberId: survivorId,
        pointsMoved: moved,
        actorId: actor.id,
        createdAt: now,
      };
      await m.insert(MemberMerge, row);
      const changes = { sourceMemberId: sourceId, survivorMemberId: survivorId, pointsMoved: moved, survivorTier };
      await this.audit.record(actor, 'member.merged', { type: 'member', id: survivorId }, changes, m);
      await this.audit.record(actor, 'member.merged_away', { type: 'member', id: sourceId }, changes, m);
      return {
        sourceMemberId: sourceId,
        survivorMemberId: survivorId,
        pointsMoved: moved,
        survivorBalance: session.account(survivorId).balance,
        survivorTier,
        mergedAt: now.toISOString(),
      };
    });
    return { status: 201, body: result };
  }

  /** The earlier merge of this source: the same survivor answers it again, another survivor is refused. */
  private async previous(m: EntityManager, sourceId: string, survivorId: string): Promise<MergeResult | null> {
    const rows: Array<{
      survivor_member_id: string;
      points_moved: string;
      created_at: Date;
      balance: string | null;
      tier_code: string | null;
    }> = await m.query(
      `SELECT g.survivor_member_id, g.points_moved, g.created_at, a.balance, mb.tier_code
           FROM member_merges g LEFT JOIN point_accounts a ON a.member_id = g.survivor_member_id
           LEFT JOIN members mb ON mb.id = g.survivor_member_id
          WHERE g.source_member_id = ?`,
      [sourceId],
    );
    const r = rows[0];
    if (!r) {
      return null;
    }
    if (r.survivor_member_id !== survivorId) {
      throw mergeRefused(`the source was already merged into ${r.survivor_member_id}`);
    }
    return {
      sourceMemberId: sourceId,
      survivorMemberId: survivorId,
      pointsMoved: Number(r.points_moved),
      survivorBalance: Number(r.balance ?? 0),
      survivorTier: r.tier_code ?? '',
      mergedAt: r.created_at.toISOString(),
    };
  }

  private async moveHistory(m: EntityManager, sourceId: string, survivorId: string): Promise<void> {
    for (const table of MOVED_TABLES) {
      await m.query(`UPDATE ${table} SET member_id = ? WHERE member_id = ?`, [survivorId, sourceId]);
    }
    // Row alias syntax differs between MySQL 8.0.19+ and MariaDB; VALUES() runs on both.
    await m.query(
      `INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases)
       SELECT ?, s.month, s.spend_cents, s.points, s.purchases FROM member_monthly_stats s WHERE s.member_id = ?
       ON DUPLICATE KEY UPDATE spend_cents = member_monthly_stats.spend_cents + VALUES(spend_cents),
                               points = member_monthly_stats.points + VALUES(points),
                               purchases = member_monthly_stats.purchases + VALUES(purchases)`,
      [survivorId, sourceId],
    );
    await m.query('DELETE FROM member_monthly_stats WHERE member_id = ?', [sourceId]);
    await m.query(
      `INSERT INTO club_members (member_id, club_id, status, joined_via, joined_at, left_at, left_reason)
       SELECT ?, c.club_id, c.status, c.joined_via, c.joined_at, c.left_at, c.left_reason FROM club_members c WHERE c.member_id = ?
       ON DUPLICATE KEY UPDATE status = club_members.status`,
      [survivorId, sourceId],
    );
    await m.query('DELETE FROM club_members WHERE member_id = ?', [sourceId]);
    await m.query(
      'INSERT IGNORE INTO member_tags (member_id, tag, created_at) SELECT ?, t.tag, t.created_at FROM member_tags t WHERE t.member_id = ?',
      [survivorId, sourceId],
    );
    await m.query('DELETE FROM member_tags WHERE member_id = ?', [sourceId]);
    await m.query(
      `INSERT IGNORE INTO birthday_bonuses (member_id, year, points, tier_code, created_at)
       SELECT ?, b.year, b.points, b.tier_code, b.created_at FROM birthday_bonuses b WHERE b.member_id = ?`,
      [survivorId, sourceId],
    );
    await m.query('DELETE FROM birthday_bonuses WHERE member_id = ?', [sourceId]);
  }
}
