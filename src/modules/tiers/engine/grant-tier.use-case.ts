import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { inTransaction } from '../../../database/transaction';
import { Actor, AuditService } from '../../audit/audit.service';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { nextReviewAt } from '../rules/tier-review';
import { tierGrantInvalid } from '../tiers.errors';
import { TiersRepository } from '../tiers.repository';
import { TiersService } from '../tiers.service';
import { TierEngineRepository } from './tier-engine.repository';

export interface GrantTierCommand {
  memberId: string;
  tierCode: string;
  endsAt: Date;
  reason: string;
}

export interface GrantView {
  grantId: number;
  memberId: string;
  tierCode: string;
  previousTier: string;
  endsAt: string;
  reason: string;
  createdAt: string;
}

/**
 * A tier by hand, with an end date: the member holds at least this tier until
 * endsAt (reviews do not move them below it), then the review's grant pass
 * reverts them to what they qualify for. A new grant replaces an open one. A
 * grant raises or holds a member; it never lowers one (that is the review's).
 */
@Injectable()
export class GrantTierUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: TierEngineRepository,
    private readonly tierChanges: TiersRepository,
    private readonly tiersService: TiersService,
    private readonly settings: ProgramSettingsService,
    private readonly audit: AuditService,
  ) {}

  async grant(actor: Actor, cmd: GrantTierCommand): Promise<GrantView> {
    const [tiers, program] = await Promise.all([this.tiersService.list(), this.settings.get()]);
    const tier = tiers.find((t) => t.code === cmd.tierCode);
    if (!tier) {
      throw tierGrantInvalid('tierCode', `there is no tier ${cmd.tierCode}; the ladder has ${tiers.map((t) => t.code).join(', ')}`);
    }
    if (tier.rank === 0) {
      throw tierGrantInvalid('tierCode', `${tier.code} is the lowest tier, which every member holds without a grant`);
    }
    const now = new Date();
    if (cmd.endsAt.getTime() <= now.getTime()) {
      throw tierGrantInvalid('endsAt', 'endsAt must be in the future');
    }
    return inTransaction(this.dataSource, async (m) => {
      const member = await this.repo.lockMember(m, cmd.memberId);
      if (!member) {
        throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, `No member with id ${cmd.memberId}.`);
      }
      const current = tiers.find((t) => t.code === member.tierCode);
      if (current && current.rank > tier.rank) {
        throw tierGrantInvalid(
          'tierCode',
          `the member already holds ${current.code}, above ${tier.code}; a grant raises or holds a member, never lowers one`,
        );
      }
      await this.repo.endOpenGrantsOf(m, cmd.memberId, now);
      const grantId = await this.repo.insertGrant(m, {
        memberId: cmd.memberId,
        tierCode: tier.code,
        fromTier: member.tierCode,
        endsAt: cmd.endsAt,
        reason: cmd.reason,
        grantedBy: actor.id,
        at: now,
      });
      if (member.tierCode !== tier.code) {
        await this.tierChanges.changeTier(m, {
          memberId: cmd.memberId,
          from: member.tierCode,
          to: tier.code,
          reason: 'manual',
          refId: String(grantId),
          at: now,
          // A granted rank tier is reviewed at the grant's end (the grant pass); a rank review that picks the member moves it on.
          reviewAt: tier.kind === 'rank' ? cmd.endsAt : nextReviewAt(now, program.tierReviewMonths, tier.rank),
        });
      }
      await this.audit.record(
        actor,
        'member.tier_grant',
        { type: 'member', id: cmd.memberId },
        { before: { tier: member.tierCode }, after: { tier: tier.code, endsAt: cmd.endsAt.toISOString(), reason: cmd.reason, grantId } },
        m,
      );
      return {
        grantId,
        memberId: cmd.memberId,
        tierCode: tier.code,
        previousTier: member.tierCode,
        endsAt: cmd.endsAt.toISOString(),
        reason: cmd.reason,
        createdAt: now.toISOString(),
      };
    });
  }
}
