import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { newId } from '../../../../common/ids';
import { inTransaction } from '../../../../database/transaction';
import { MemberCodesService } from '../../../cards/member-codes.service';
import { cardInactive } from '../../../members/members.errors';
import { MembersRepository } from '../../../members/members.repository';
import { MembersService } from '../../../members/members.service';
import { postOnce } from '../../idempotency/post-once';
import { LedgerWriter } from '../../ledger/ledger-writer';
import { insufficientPoints, noPointsAccount, redemptionCancelled } from '../../points.errors';
import { PostingResult, pointsSummary, RedemptionCommand, RedemptionResult } from '../../points.types';
import { ProgramSettingsService } from '../../../program/program-settings.service';
import { RedemptionsRepository } from '../../redemptions/redemptions.repository';
import { discountCentsFor } from '../../rules/lots';

/**
 * Points pay part of a purchase. Never more than the available points (the
 * balance less what is pending), even when two tills redeem for one member at
 * the same instant: the account row is locked. A cancelled redemption number
 * is dead: sending it again is 409 REDEMPTION_CANCELLED. A member code pays
 * once: a second redemption with it is 422 MEMBER_CODE_EXPIRED.
 */
@Injectable()
export class RedeemPointsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
    private readonly redemptions: RedemptionsRepository,
    private readonly members: MembersService,
    private readonly membersRepo: MembersRepository,
    private readonly program: ProgramSettingsService,
    private readonly memberCodes: MemberCodesService,
  ) {}

  async redeem(cmd: RedemptionCommand): Promise<PostingResult<RedemptionResult>> {
    return postOnce({
      field: 'redemptionNo',
      documentNo: cmd.redemptionNo,
      requestHash: cmd.requestHash,
      uniqueKey: 'ux_redemptions_store_no',
      find: () => this.redemptions.find(cmd.storeId, cmd.redemptionNo),
      check: (stored) => {
        if (stored.status === 'cancelled') {
          throw redemptionCancelled(cmd.redemptionNo);
        }
      },
      post: () => this.post(cmd),
    });
  }

  private async post(cmd: RedemptionCommand): Promise<RedemptionResult> {
    const member = await this.members.resolve(cmd.member);
    const program = await this.program.get();
    return inTransaction(this.dataSource, async (m) => {
      const session = await this.ledger.open(m, [member.memberId]);
      if (!session.has(member.memberId)) {
        throw noPointsAccount();
      }
      if (member.cardNo) {
        const status = (await this.membersRepo.lockCardStatuses(m, [member.cardNo])).get(member.cardNo);
        if (status !== 'active') {
          throw cardInactive(member.cardNo, status ?? 'unknown');
        }
      }
      if (member.code) {
        // A member code pays once (POS-API 1.2): recorded with the redemption, undone with it if it fails.
        await this.memberCodes.spend(m, member.code);
      }
      const account = session.account(member.memberId);
      const available = account.balance - account.pending;
      if (cmd.points > available) {
        throw insufficientPoints(available, cmd.points);
      }
      const redemptionId = newId();
      const entry = await session.debit(member.memberId, {
        type: 'redemption',
        points: cmd.points,
        storeId: cmd.storeId,
        refType: 'redemption',
        refId: redemptionId,
        counts: 'redeemed',
      });
      await session.flush();
      const body: RedemptionResult = {
        redemptionId,
        redemptionNo: cmd.redemptionNo,
        memberId: member.memberId,
        pointsRedeemed: cmd.points,
        discountCents: discountCentsFor(cmd.points, program.redemptionCentsPer100Points),
        points: pointsSummary(account.balance, account.pending),
      };
      await this.redemptions.insert(m, {
        id: redemptionId,
        storeId: cmd.storeId,
        redemptionNo: cmd.redemptionNo,
        memberId: member.memberId,
        points: cmd.points,
        discountCents: body.discountCents,
        entryId: entry.entryId,
        requestHash: cmd.requestHash,
        response: JSON.stringify(body),
        createdAt: session.now,
      });
      return body;
    });
  }
}
