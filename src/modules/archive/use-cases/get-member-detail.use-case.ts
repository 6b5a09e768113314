import { Injectable } from '@nestjs/common';
import { personal } from '../../../common/masking';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { MemberArchiveService } from '../../members/member-archive.service';
import { MembersService } from '../../members/members.service';
import { LedgerService } from '../../points/ledger.service';
import { TiersRepository } from '../../tiers/tiers.repository';
import { TiersService } from '../../tiers/tiers.service';
import { MemberDetailResponse } from '../dto/member-detail.response';

export interface GetMemberDetailCommand {
  memberId: string;
  /** The caller may see name, phone, email, birthday and address; masked or null otherwise. */
  unmasked: boolean;
}

/** A member's archive as the console shows it: profile, tags, cards, tier (with an open grant) and points. */
@Injectable()
export class GetMemberDetailUseCase {
  constructor(
    private readonly members: MembersService,
    private readonly archive: MemberArchiveService,
    private readonly ledger: LedgerService,
    private readonly tiers: TiersService,
    private readonly tierGrants: TiersRepository,
  ) {}

  async get({ memberId, unmasked }: GetMemberDetailCommand): Promise<MemberDetailResponse> {
    const member = await this.members.findById(memberId);
    if (!member) {
      throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, `No member with id ${memberId}.`);
    }
    const [cards, points, tier, grant, tags] = await Promise.all([
      this.members.cardsOf(memberId),
      this.ledger.summary(memberId),
      this.tiers.byCode(member.tierCode),
      this.tierGrants.openGrantOf(memberId),
      this.archive.tags(memberId),
    ]);
    return {
      memberId: member.id,
      status: member.status,
      mergedInto: member.mergedInto ?? null,
      unmasked,
      tags,
      ...personal({ name: member.name, phone: member.phone, email: member.email }, unmasked),
      birthday: unmasked ? member.birthday : null,
      gender: member.gender,
      city: member.city,
      address: unmasked ? member.address : null,
      tier: {
        code: tier.code,
        name: tier.name,
        nameZh: tier.nameZh,
        since: member.tierSince.toISOString(),
        reviewAt: member.tierReviewAt ? member.tierReviewAt.toISOString() : null,
        grant: grant ? { tierCode: grant.tierCode, endsAt: grant.endsAt.toISOString(), reason: grant.reason } : null,
      },
      points,
      cards: cards.map((c) => ({ cardNo: c.cardNo, status: c.status, kind: c.kind, issuedAt: c.issuedAt.toISOString() })),
      createdAt: member.createdAt.toISOString(),
    };
  }
}
