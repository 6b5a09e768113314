import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { isDuplicateKey } from '../../common/errors/mysql-errors';
import { newId } from '../../common/ids';
import { maskPhone } from '../../common/masking';
import { Transactions } from '../../database/transactions';
import { Actor, AuditService } from '../audit/audit.service';
import { CardsRepository } from '../cards/cards.repository';
import { CardsService } from '../cards/cards.service';
import { Card } from '../cards/entities/card.entity';
import { memberCodeNotFound } from '../cards/member-code.errors';
import { CodeOwner, MemberCodesService } from '../cards/member-codes.service';
import { ConsentChannel } from './entities/member-consent.entity';
import { Member } from './entities/member.entity';
import { MEMBER_TIERS, MemberTiers } from './member-tiers.port';
import { Agreement, MembersRepository } from './members.repository';

/** How the POS names a member: exactly one of the four. */
export interface MemberRef {
  cardNo?: string;
  phone?: string;
  memberId?: string;
  /** (POS-API 1.2) The member page's code; judged at codeShownAt (an offline receipt's occurredAt), else now. */
  memberCode?: string;
  codeShownAt?: Date;
}

export interface ResolvedMember {
  memberId: string;
  /** The card the member was named by, when it was a card. */
  cardNo: string | null;
  /** The member code the member was named by: whose it is and its step (a redemption spends it). */
  code?: CodeOwner;
}

export interface NewMember {
  name: string;
  phone: string;
  email?: string | null;
  birthday?: string | null;
  gender?: string | null;
  city?: string | null;
  address?: string | null;
  consents?: Partial<Record<ConsentChannel, boolean>>;
  /** Documents agreed to (registration online: the terms and the privacy notice), each with its version. */
  agreements?: Agreement[];
}

@Injectable()
export class MembersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly cards: CardsService,
    private readonly cardsRepo: CardsRepository,
    @Inject(MEMBER_TIERS) private readonly tiers: MemberTiers,
    private readonly audit: AuditService,
    private readonly membersRepo: MembersRepository,
    private readonly memberCodes: MemberCodesService,
  ) {}

  /**
   * Finds the member a POS request names. A card must be active to be used;
   * a frozen, lost or closed card is refused with CARD_INACTIVE.
   */
  async resolve(ref: MemberRef): Promise<ResolvedMember> {
    if (ref.cardNo) {
      const card = await this.cardsRepo.find(ref.cardNo);
      if (!card) {
        throw notFound('card', ref.cardNo);
      }
      if (card.status !== 'active') {
        throw new DomainError(
          ErrorCode.CARD_INACTIVE,
          `Card ${ref.cardNo} is ${card.status}. Ask the member for another card or look them up by phone.`,
        );
      }
      return { memberId: card.member_id, cardNo: ref.cardNo };
    }
    if (ref.memberCode !== undefined) {
      const code = await this.memberCodes.resolve({ code: ref.memberCode, at: ref.codeShownAt });
      // A merged member's code names the survivor, as its cards do; an erasing or erased member is nobody.
      const survivor = (await this.membersRepo.survivingMemberIds([code.memberId])).get(code.memberId);
      if (!survivor) {
        throw memberCodeNotFound();
      }
      return { memberId: survivor, cardNo: null, code };
    }
    if (ref.memberId !== undefined) {
      // A merged-away id names its survivor, as the merged member's cards do (POS-API 1.2 "Member reference").
      const survivor = (await this.membersRepo.survivingMemberIds([ref.memberId])).get(ref.memberId);
      if (!survivor) {
        throw notFound('memberId', ref.memberId);
      }
      return { memberId: survivor, cardNo: null };
    }
    const memberId = (await this.membersRepo.memberIdsByPhone([ref.phone ?? ''])).get(ref.phone ?? '');
    if (!memberId) {
      throw notFound('phone', ref.phone ?? '');
    }
    return { memberId, cardNo: null };
  }

  async findById(memberId: string): Promise<Member | null> {
    return this.membersRepo.find(memberId);
  }

  async cardsOf(memberId: string): Promise<Card[]> {
    return this.cardsRepo.ofMember(memberId);
  }

  /** The card a cashier should see: the one used, else the newest active card. */
  async displayCard(memberId: string, usedCardNo: string | null): Promise<string | null> {
    if (usedCardNo) {
      return usedCardNo;
    }
    return this.cardsRepo.newestActive(memberId);
  }

  /** A registered member with a standard card, an empty points account and the entry tier. */
  async create(actor: Actor, input: NewMember, storeId: string | null = null): Promise<{ member: Member; cardNo: string }> {
    const entryTier = await this.tiers.entryTier();
    const now = new Date();
    const member: Member = {
      id: newId(),
      status: 'active',
      name: input.name,
      phone: input.phone,
      email: input.email ?? null,
      birthday: input.birthday ?? null,
      gender: input.gender ?? null,
      city: input.city ?? null,
      address: input.address ?? null,
      preferredStoreId: storeId,
      tierCode: entryTier.code,
      tierSince: now,
      tierReviewAt: null,
      registeredAt: now,
      createdStoreId: storeId,
      createdAt: now,
      updatedAt: now,
    };
    try {
      const cardNo = await this.transactions.run(async (m) => {
        await this.membersRepo.insert(m, member);
        const cardNo = await this.openMembership(m, member.id, 'standard', storeId, entryTier.code, now);
        const consents = Object.entries(input.consents ?? {}).filter((e): e is [string, boolean] => typeof e[1] === 'boolean');
        await this.membersRepo.setConsents(m, member.id, consents, actor.type, now);
        await this.membersRepo.recordAgreements(m, member.id, actor, input.agreements ?? [], now);
        await this.audit.record(
          actor,
          'member.created',
          { type: 'member', id: member.id },
          {
            name: input.name,
            phone: input.phone,
            email: input.email ?? null,
            cardNo,
            consents: input.consents ?? {},
            ...(input.agreements?.length ? { agreements: input.agreements } : {}),
          },
          m,
        );
        return cardNo;
      });
      return { member, cardNo };
    } catch (err) {
      if (isDuplicateKey(err, 'ux_members_phone')) {
        throw new DomainError(ErrorCode.PHONE_TAKEN, 'A member with this phone number already exists.', [
          { field: 'phone', message: 'already registered' },
        ]);
      }
      throw err;
    }
  }

  /**
   * A card handed out at the counter before the member registers. The member
   * is temporary (no profile yet) but earns and keeps points from the first
   * purchase; registering online later binds the profile to it.
   */
  async issueCounterCard(actor: Actor, storeId: string): Promise<{ memberId: string; cardNo: string }> {
    const entryTier = await this.tiers.entryTier();
    const now = new Date();
    const memberId = newId();
    const cardNo = await this.transactions.run(async (m) => {
      await this.membersRepo.insert(m, {
        id: memberId,
        status: 'temporary',
        name: null,
        phone: null,
        email: null,
        birthday: null,
        gender: null,
        city: null,
        address: null,
        preferredStoreId: storeId,
        tierCode: entryTier.code,
        tierSince: now,
        tierReviewAt: null,
        registeredAt: null,
        createdStoreId: storeId,
        createdAt: now,
        updatedAt: now,
      });
      const cardNo = await this.openMembership(m, memberId, 'temporary', storeId, entryTier.code, now);
      await this.audit.record(actor, 'member.counter_card_issued', { type: 'member', id: memberId }, { cardNo, storeId }, m);
      return cardNo;
    });
    return { memberId, cardNo };
  }

  /** Card, points account and first tier history row of a new member. */
  private async openMembership(
    m: EntityManager,
    memberId: string,
    kind: 'standard' | 'temporary',
    storeId: string | null,
    tierCode: string,
    now: Date,
  ): Promise<string> {
    const cardNo = await this.cards.issue(m, memberId, kind, storeId, now);
    await this.membersRepo.openAccounts(m, [memberId], now);
    await this.tiers.recordEnrolments(m, [memberId], tierCode, now);
    return cardNo;
  }
}

function notFound(field: string, value: string): DomainError {
  const shown = field === 'phone' ? maskPhone(value) : value;
  return new DomainError(
    ErrorCode.MEMBER_NOT_FOUND,
    `No member with ${field} ${shown}. Check the number, or issue a new card at the counter.`,
  );
}
