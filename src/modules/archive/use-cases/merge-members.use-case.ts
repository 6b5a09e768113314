import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Transactions } from '../../../database/transactions';
import { Actor, AuditService } from '../../audit/audit.service';
import { CardsRepository } from '../../cards/cards.repository';
import { ClubsRepository } from '../../clubs/clubs.repository';
import { MembersRepository } from '../../members/members.repository';
import { LedgerRepository } from '../../points/ledger/ledger.repository';
import { LedgerWriter } from '../../points/ledger/ledger-writer';
import { ReceiptsRepository } from '../../points/receipts/receipts.repository';
import { RedemptionsRepository } from '../../points/redemptions/redemptions.repository';
import { TierEngineRepository } from '../../tiers/engine/tier-engine.repository';
import { TiersRepository } from '../../tiers/tiers.repository';
import { TiersService } from '../../tiers/tiers.service';
import { mergeRefused } from '../archive.errors';
import { MemberMerge } from '../entities/member-merge.entity';
import { MERGE_DECISIONS, MergeOwner } from '../merge-decisions';
import { MemberMergesRepository } from '../member-merges.repository';

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

export interface MergeMembersCommand {
  /** The member who stays: receives the source's points, cards, tiers and clubs. */
  survivorId: string;
  /** The member merged away. */
  sourceId: string;
}

/**
 * Folds a duplicate member (the source) into the survivor, in one transaction
 * with both accounts locked in member-id order:
 * - ledger: merge_out on the source (it ends at 0) and merge_in on the survivor, through the ledger writer;
 * - lots move with their expiry dates, spent ones too, and the lot_consumptions of the source's debits
 *   with them, so a later refund of a moved purchase or cancel of a moved redemption finds its lots;
 * - every other table with a member id is moved, combined or kept as MERGE_DECISIONS (merge-decisions.ts) says,
 *   each moved by its owner's `reassignMember`:
 *   cards, purchases with their lines, refunds, redemptions, tier and club history, notes move; monthly
 *   qualifying figures are summed, club memberships (the survivor's own row wins), tags and birthday bonuses combined;
 * - the higher tier stays; the source becomes status merged with merged_into, its phone freed.
 * The source's entries stay in its own ledger (append-only). A member_merges row keyed by the source
 * makes the merge happen once: asking again answers the first result.
 */
@Injectable()
export class MergeMembersUseCase {
  /** The owner of each table a merge moves or combines (MERGE_DECISIONS names them). */
  private readonly owners: Record<MergeOwner, MemberReassigner>;

  constructor(
    private readonly transactions: Transactions,
    private readonly ledger: LedgerWriter,
    private readonly tiers: TiersService,
    private readonly tierChanges: TiersRepository,
    private readonly audit: AuditService,
    private readonly merges: MemberMergesRepository,
    private readonly members: MembersRepository,
    cards: CardsRepository,
    receipts: ReceiptsRepository,
    redemptions: RedemptionsRepository,
    tierEngine: TierEngineRepository,
    clubs: ClubsRepository,
    ledgerRows: LedgerRepository,
  ) {
    this.owners = { cards, receipts, redemptions, tiers: tierChanges, tierEngine, clubs, members, ledger: ledgerRows };
  }

  async merge(actor: Actor, { survivorId, sourceId }: MergeMembersCommand): Promise<{ status: 200 | 201; body: MergeResult }> {
    if (survivorId === sourceId) {
      throw mergeRefused('a member cannot be merged into itself');
    }
    const done = await this.previous(this.transactions.manager, sourceId, survivorId);
    if (done) {
      return { status: 200, body: done };
    }
    const tiers = await this.tiers.list();
    const rank = new Map(tiers.map((t) => [t.code, t.rank]));
    const result = await this.transactions.retrying(async (m) => {
      const now = new Date();
      const session = await this.ledger.open(m, [sourceId, survivorId], now);
      const members = await this.members.forMerge(m, [sourceId, survivorId]);
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
      await this.members.markMerged(m, sourceId, survivorId, now);
      await this.members.insertChanges(
        m,
        sourceId,
        actor,
        [
          { field: 'status', oldValue: source.status, newValue: 'merged' },
          { field: 'phone', oldValue: source.phone, newValue: null },
        ],
        now,
      );
      const row: MemberMerge = {
        sourceMemberId: sourceId,
        survivorMemberId: survivorId,
        pointsMoved: moved,
        actorId: actor.id,
        createdAt: now,
      };
      await this.merges.insert(m, row);
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
    const r = await this.merges.previous(m, sourceId);
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

  /** Each owner moves (or combines) its tables' rows of the source, in the order MERGE_DECISIONS names them. */
  private async moveHistory(m: EntityManager, sourceId: string, survivorId: string): Promise<void> {
    const owners = new Set<MergeOwner>();
    for (const d of Object.values(MERGE_DECISIONS)) {
      if (d.action === 'move' || d.action === 'combine') {
        owners.add(d.owner);
      }
    }
    for (const owner of owners) {
      await this.owners[owner].reassignMember(sourceId, survivorId, m);
    }
  }
}

/** A table owner's part of a merge: every row of `from` in its tables given to (or combined with) `to`. */
interface MemberReassigner {
  reassignMember(fromMemberId: string, toMemberId: string, m: EntityManager): Promise<void>;
}
