import { Injectable } from '@nestjs/common';
import { ClubsService } from '../../clubs/clubs.service';
import { MembersService } from '../../members/members.service';
import { LedgerService } from '../../points/ledger.service';
import { CatalogResponse } from '../dto/reward.response';
import { RewardsRepository } from '../rewards.repository';
import { parseList } from '../reward-views';
import { BLOCKER_WORDS, exchangeBlockers } from '../rules/reward-eligibility';

/** GET portal rewards: what is on offer now and, for this member, whether they may exchange it and why not. */
@Injectable()
export class MemberCatalogUseCase {
  constructor(
    private readonly rewards: RewardsRepository,
    private readonly ledger: LedgerService,
    private readonly members: MembersService,
    private readonly clubs: ClubsService,
  ) {}

  async list(memberId: string, now = new Date()): Promise<CatalogResponse> {
    const [onSale, points, member, clubCodes] = await Promise.all([
      this.rewards.onSale(now),
      this.ledger.summary(memberId),
      this.members.findById(memberId),
      this.clubs.clubCodesOf(memberId),
    ]);
    const tierCode = member?.tierCode ?? '';
    const exchanged = await this.rewards.exchangedBy(
      memberId,
      onSale.map((r) => r.id),
    );
    const availablePoints = points.available;
    return {
      availablePoints,
      items: onSale.map((r) => {
        const count = exchanged.get(r.id) ?? 0;
        const blockers = exchangeBlockers(
          { ...r, eligibleTiers: parseList(r.eligibleTiers), eligibleClubs: parseList(r.eligibleClubs) },
          { availablePoints, tierCode, clubCodes, exchanged: count },
          now,
        );
        return {
          rewardId: r.id,
          nameZh: r.nameZh,
          nameEn: r.nameEn,
          descriptionZh: r.descriptionZh,
          descriptionEn: r.descriptionEn,
          imageUrl: r.imageUrl,
          kind: r.kind,
          valueCents: r.valueCents,
          percentOff: r.percentOff,
          giftSku: r.giftSku,
          minSpendCents: r.minSpendCents,
          pointsPrice: r.pointsPrice ?? 0,
          stockLeft: r.stockLeft,
          perMemberLimit: r.perMemberLimit,
          exchanged: count,
          validDays: r.validDays,
          validUntil: r.validUntil ? new Date(r.validUntil).toISOString() : null,
          saleEndsAt: r.saleEndsAt ? new Date(r.saleEndsAt).toISOString() : null,
          exchangeable: blockers.length === 0,
          blockers,
          blockersEn: blockers.map((b) => BLOCKER_WORDS[b].en),
          blockersZh: blockers.map((b) => BLOCKER_WORDS[b].zh),
        };
      }),
    };
  }
}
