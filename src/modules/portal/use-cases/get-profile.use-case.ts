import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { LedgerService } from '../../points/ledger.service';
import { MembersService } from '../../members/members.service';
import { Tier } from '../../tiers/entities/tier.entity';
import { TiersService } from '../../tiers/tiers.service';
import { PortalQueries } from '../portal.queries';

export interface TierWithBenefits {
  code: string;
  name: string;
  nameZh: string;
  benefits: { earnMultiplier: number; birthdayBonusPoints: number; priorityService: boolean };
}

export function tierWithBenefits(t: Tier): TierWithBenefits {
  return {
    code: t.code,
    name: t.name,
    nameZh: t.nameZh,
    benefits: {
      earnMultiplier: t.earnMultiplierPermille / 1000,
      birthdayBonusPoints: t.birthdayBonusPoints,
      priorityService: t.priorityService,
    },
  };
}

/** GET me: the profile as the member sees it (their own data unmasked), with cards, tier, benefits and points. */
@Injectable()
export class GetProfileUseCase {
  constructor(
    private readonly members: MembersService,
    private readonly tiers: TiersService,
    private readonly ledger: LedgerService,
    private readonly repo: PortalQueries,
  ) {}

  async get(memberId: string) {
    const member = await this.members.findById(memberId);
    if (!member) {
      throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, 'Your membership was not found.');
    }
    const [tier, points, cards, stores] = await Promise.all([
      this.tiers.byCode(member.tierCode),
      this.ledger.summary(memberId),
      this.repo.cards(memberId),
      this.repo.storeNames(member.preferredStoreId ? [member.preferredStoreId] : []),
    ]);
    return {
      memberId: member.id,
      name: member.name,
      phone: member.phone,
      email: member.email,
      birthday: member.birthday,
      gender: member.gender,
      city: member.city,
      address: member.address,
      preferredStore: member.preferredStoreId
        ? { storeId: member.preferredStoreId, name: stores.get(member.preferredStoreId) ?? null }
        : null,
      registeredAt: member.registeredAt ? member.registeredAt.toISOString() : null,
      tier: { ...tierWithBenefits(tier), since: member.tierSince.toISOString() },
      points,
      cards: cards.map((c) => ({ cardNo: c.cardNo, status: c.status, replacedBy: c.replacedBy, issuedAt: c.issuedAt.toISOString() })),
    };
  }
}
