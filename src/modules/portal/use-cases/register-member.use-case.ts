import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { isDuplicateKey } from '../../../common/errors/mysql-errors';
import { maskCardNo, maskPhone } from '../../../common/masking';
import { Transactions } from '../../../database/transactions';
import { AuditService } from '../../audit/audit.service';
import { AgreementDocument, ConsentChannel } from '../../members/entities/member-consent.entity';
import { agreementsOf } from '../rules/agreements';
import { CardsRepository } from '../../cards/cards.repository';
import { Agreement, MembersRepository } from '../../members/members.repository';
import { MembersService } from '../../members/members.service';
import { MemberTokens, MemberTokensService } from '../auth/member-tokens.service';
import { SignInCodesService } from '../auth/sign-in-codes.service';

export interface Registration {
  phone: string;
  code: string;
  /** A counter card (POST /pos/cards) to bind, keeping its points; without one a new member and card are made. */
  cardNo?: string;
  name: string;
  email?: string | null;
  birthday?: string | null;
  gender?: string | null;
  city?: string | null;
  consents?: Partial<Record<ConsentChannel, boolean>>;
  /** The versions of the terms and the privacy notice agreed to: those in force, or the registration is refused. */
  agreements?: Partial<Record<AgreementDocument, string>>;
}

export interface Registered extends MemberTokens {
  cardNo: string;
  /** bound: the counter card's member, points kept; created: a new member and card. */
  outcome: 'bound' | 'created';
}

const phoneTaken = () =>
  new DomainError(ErrorCode.PHONE_TAKEN, 'A member with this phone number already exists: sign in instead (POST auth/login).', [
    { field: 'phone', message: 'already registered' },
  ]);

/**
 * POST auth/register. A counter card is checked first (it must exist, be
 * active and still be a temporary member's: else CARD_NOT_FOUND,
 * CARD_INACTIVE or CARD_ALREADY_BOUND) — those say nothing about the phone.
 * Then the code is checked and used, and only then is a phone already held
 * answered with PHONE_TAKEN. Binding keeps the member id, so the ledger,
 * lots, purchases and tier stay as they are.
 */
@Injectable()
export class RegisterMemberUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly codes: SignInCodesService,
    private readonly cards: CardsRepository,
    private readonly membersRepo: MembersRepository,
    private readonly members: MembersService,
    private readonly tokens: MemberTokensService,
    private readonly audit: AuditService,
  ) {}

  async register(input: Registration): Promise<Registered> {
    const agreements = agreementsOf(input.agreements); // before the code is used: a refused registration can be sent again
    if (input.cardNo) {
      await this.transactions.run((m: EntityManager) => this.checkCard(m, input.cardNo as string));
    }
    await this.codes.verify(input.phone, input.code, true);
    if (await this.membersRepo.byPhone(input.phone)) {
      throw phoneTaken();
    }
    try {
      const { memberId, cardNo, outcome } = input.cardNo
        ? await this.bind(input, input.cardNo, agreements)
        : await this.create(input, agreements);
      return { ...(await this.tokens.issue(memberId)), cardNo, outcome };
    } catch (err) {
      if (isDuplicateKey(err, 'ux_members_phone')) {
        throw phoneTaken();
      }
      throw err;
    }
  }

  private async checkCard(m: EntityManager, cardNo: string) {
    const card = await this.cards.lockForBinding(m, cardNo);
    if (!card) {
      throw new DomainError(ErrorCode.CARD_NOT_FOUND, `No card ${maskCardNo(cardNo)}.`, [{ field: 'cardNo', message: 'unknown card' }]);
    }
    if (card.memberStatus !== 'temporary' || card.memberPhone !== null) {
      throw new DomainError(ErrorCode.CARD_ALREADY_BOUND, `Card ${maskCardNo(cardNo)} already belongs to a registered member.`, [
        { field: 'cardNo', message: 'already bound' },
      ]);
    }
    if (card.status !== 'active') {
      throw new DomainError(ErrorCode.CARD_INACTIVE, `Card ${maskCardNo(cardNo)} is ${card.status}.`, [
        { field: 'cardNo', message: card.status },
      ]);
    }
    return card;
  }

  private async bind(
    input: Registration,
    cardNo: string,
    agreements: Agreement[],
  ): Promise<{ memberId: string; cardNo: string; outcome: 'bound' }> {
    const now = new Date();
    const memberId = await this.transactions.retrying(async (m) => {
      const card = await this.checkCard(m, cardNo);
      const profile = {
        name: input.name,
        phone: input.phone,
        email: input.email ? input.email.toLowerCase() : null,
        birthday: input.birthday ?? null,
        gender: input.gender ?? null,
        city: input.city ?? null,
      };
      if (!(await this.membersRepo.registerTemporary(m, card.memberId, profile, now))) {
        throw new DomainError(ErrorCode.CARD_ALREADY_BOUND, `Card ${maskCardNo(cardNo)} already belongs to a registered member.`);
      }
      await this.cards.makeStandard(m, card.memberId);
      const consents = Object.entries(input.consents ?? {}).filter((e): e is [string, boolean] => typeof e[1] === 'boolean');
      await this.membersRepo.setConsents(m, card.memberId, consents, 'member', now);
      const actor = { type: 'member' as const, id: card.memberId };
      const changes = [
        ...Object.entries(profile)
          .filter(([, v]) => v !== null)
          .map(([field, v]) => ({ field, oldValue: null, newValue: v })),
        ...consents.map(([channel, granted]) => ({ field: `consent.${channel}`, oldValue: null, newValue: String(granted) })),
      ];
      await this.membersRepo.insertChanges(m, card.memberId, actor, changes, now);
      await this.membersRepo.recordAgreements(m, card.memberId, actor, agreements, now);
      await this.audit.record(
        actor,
        'member.registered',
        { type: 'member', id: card.memberId },
        { cardNo, phone: maskPhone(input.phone), bound: true },
        m,
      );
      return card.memberId;
    });
    return { memberId, cardNo, outcome: 'bound' };
  }

  private async create(input: Registration, agreements: Agreement[]): Promise<{ memberId: string; cardNo: string; outcome: 'created' }> {
    const { member, cardNo } = await this.members.create(
      { type: 'member', id: null },
      {
        name: input.name,
        phone: input.phone,
        email: input.email ?? null,
        birthday: input.birthday ?? null,
        gender: input.gender ?? null,
        city: input.city ?? null,
        consents: input.consents,
        agreements,
      },
    );
    return { memberId: member.id, cardNo, outcome: 'created' };
  }
}
