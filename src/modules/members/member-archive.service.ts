import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { isDuplicateKey } from '../../common/errors/mysql-errors';
import { maskPersonalValue } from '../../common/masking';
import { Transactions } from '../../database/transactions';
import { Actor, AuditService } from '../audit/audit.service';
import { isValidCardNo } from '../cards/card-number';
import { ConsentChannel } from './entities/member-consent.entity';
import { Member } from './entities/member.entity';
import { MEMBER_TIERS, MemberTiers } from './member-tiers.port';
import { ChangeRow, MemberArchiveQueries, MemberRow, SearchBy } from './member-archive.queries';
import { FieldChange, MembersRepository } from './members.repository';

/** Profile fields staff (and, through the portal, the member) may change. */
export const PROFILE_FIELDS = ['name', 'phone', 'email', 'birthday', 'gender', 'city', 'address', 'preferredStoreId'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileChanges = Partial<Record<ProfileField, string | null>>;

/** Fields whose values are personal data (defined beside the masks). */
export { PERSONAL_FIELDS } from '../../common/masking';

const COLUMN: Record<ProfileField, string> = {
  name: 'name',
  phone: 'phone',
  email: 'email',
  birthday: 'birthday',
  gender: 'gender',
  city: 'city',
  address: 'address',
  preferredStoreId: 'preferred_store_id',
};

/** What a search query names: a card number, an E.164 phone, an email, or a name prefix. */
export function classifyQuery(q: string | undefined): SearchBy {
  const text = (q ?? '').trim();
  if (text === '') {
    return { kind: 'all' };
  }
  if (/^\d{16}$/.test(text) && isValidCardNo(text)) {
    return { kind: 'card', cardNo: text };
  }
  if (/^\+[1-9]\d{6,14}$/.test(text)) {
    return { kind: 'phone', phone: text };
  }
  if (text.includes('@')) {
    return { kind: 'email', email: text.toLowerCase() };
  }
  return { kind: 'name', prefix: text };
}

export interface MemberSearchItem extends MemberRow {
  tierName: string;
  card: { cardNo: string; status: string } | null;
}

/**
 * The member archive kept by staff (and by members through the portal):
 * search, profile edits with their history, staff notes, tags, consents.
 * Every change is recorded field by field (member_changes) and audited.
 */
@Injectable()
export class MemberArchiveService {
  constructor(
    private readonly transactions: Transactions,
    private readonly members: MembersRepository,
    private readonly queries: MemberArchiveQueries,
    @Inject(MEMBER_TIERS) private readonly tiers: MemberTiers,
    private readonly audit: AuditService,
  ) {}

  /** A page of members matching `q`; with `rfmCells` (r·10 + f), only those the last value run scored into one of the cells. */
  async search(
    q: string | undefined,
    cursor: string | null,
    limit: number,
    rfmCells: readonly number[] | null = null,
  ): Promise<{ items: MemberSearchItem[]; nextCursor: string | null }> {
    const rows = await this.queries.search(classifyQuery(q), cursor, limit + 1, rfmCells);
    const page = rows.slice(0, limit);
    const [cards, tiers] = await Promise.all([this.queries.displayCards(page.map((r) => r.memberId)), this.tiers.list()]);
    const tierName = new Map(tiers.map((t) => [t.code, t.name]));
    return {
      items: page.map((r) => ({ ...r, tierName: tierName.get(r.tierCode) ?? r.tierCode, card: cards.get(r.memberId) ?? null })),
      nextCursor: rows.length > limit ? page[page.length - 1].memberId : null,
    };
  }

  /** A member that can still be changed: exists, was not merged away, and did not ask to be erased. */
  async requireLive(memberId: string): Promise<Member> {
    const member = await this.members.find(memberId);
    if (!member) {
      throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, `No member with id ${memberId}.`);
    }
    if (member.status === 'merged') {
      throw new DomainError(
        ErrorCode.MEMBER_MERGED,
        `Member ${memberId} was merged into ${member.mergedInto ?? '?'}; change that member.`,
        [{ field: 'memberId', message: `merged into ${member.mergedInto ?? '?'}` }],
      );
    }
    if (member.status === 'erased' || member.status === 'erasing') {
      // Anything written now would bring personal data back to a member who asked to be forgotten.
      throw erasedError(memberId, member.status);
    }
    return member;
  }

  /**
   * Changes profile fields. Only fields that really change are written and
   * recorded (who, when, field, old and new value); a phone used by another
   * member is refused with PHONE_TAKEN.
   */
  async updateProfile(actor: Actor, memberId: string, input: ProfileChanges): Promise<{ member: Member; changed: FieldChange[] }> {
    await this.requireLive(memberId);
    const now = new Date();
    try {
      return await this.transactions.run(async (m) => {
        const member = await this.members.lock(m, memberId);
        if (!member) {
          throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, `No member with id ${memberId}.`);
        }
        if (member.status === 'erasing' || member.status === 'erased') {
          // An erasure asked for since the check above: it wins.
          throw erasedError(memberId, member.status);
        }
        const changed: FieldChange[] = [];
        for (const field of PROFILE_FIELDS) {
          if (!(field in input) || input[field] === undefined) {
            continue;
          }
          const next = field === 'email' && input[field] ? input[field].toLowerCase() : (input[field] ?? null);
          const previous = member[field] ?? null;
          if (next !== previous) {
            changed.push({ field, oldValue: previous, newValue: next });
            member[field] = next;
          }
        }
        if (changed.length === 0) {
          return { member, changed };
        }
        member.updatedAt = now;
        await this.members.updateColumns(
          m,
          memberId,
          changed.map((c) => ({ column: COLUMN[c.field as ProfileField], value: c.newValue })),
          now,
        );
        await this.members.insertChanges(m, memberId, actor, changed, now);
        await this.audit.record(actor, 'member.profile_updated', { type: 'member', id: memberId }, auditChanges(changed), m);
        return { member, changed };
      });
    } catch (err) {
      if (isDuplicateKey(err, 'ux_members_phone')) {
        throw new DomainError(ErrorCode.PHONE_TAKEN, 'Another member has this phone number.', [
          { field: 'phone', message: 'already registered' },
        ]);
      }
      throw err;
    }
  }

  /** Sets marketing consents per channel; each change is kept in the history as consent.<channel>. */
  async setConsents(actor: Actor, memberId: string, consents: Partial<Record<ConsentChannel, boolean>>): Promise<FieldChange[]> {
    await this.requireLive(memberId);
    const now = new Date();
    return this.transactions.run(async (m) => {
      const current = await this.members.lockConsents(m, memberId);
      const changed: FieldChange[] = [];
      for (const [channel, granted] of Object.entries(consents)) {
        if (typeof granted !== 'boolean' || current.get(channel) === granted) {
          continue;
        }
        const old = current.has(channel) ? String(current.get(channel)) : null;
        changed.push({ field: `consent.${channel}`, oldValue: old, newValue: String(granted) });
        await this.members.setConsents(m, memberId, [[channel, granted]], actor.type, now);
      }
      if (changed.length > 0) {
        await this.members.insertChanges(m, memberId, actor, changed, now);
        await this.audit.record(actor, 'member.consents_updated', { type: 'member', id: memberId }, auditChanges(changed), m);
      }
      return changed;
    });
  }

  async history(memberId: string, before: number | null, limit: number): Promise<{ items: ChangeRow[]; nextCursor: number | null }> {
    const rows = await this.queries.changes(memberId, before, limit + 1);
    const page = rows.slice(0, limit);
    return { items: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  async addNote(actor: Actor & { id: string }, memberId: string, text: string) {
    await this.requireLive(memberId);
    const now = new Date();
    const noteId = await this.transactions.run(async (m) => {
      const id = await this.members.addNote(m, memberId, actor.id, text, now);
      await this.audit.record(actor, 'member.note_added', { type: 'member', id: memberId }, { noteId: id }, m);
      return id;
    });
    return { noteId, authorId: actor.id, text, createdAt: now };
  }

  async notes(memberId: string, before: number | null, limit: number) {
    const rows = await this.queries.notes(memberId, before, limit + 1);
    const page = rows.slice(0, limit);
    return { items: page, nextCursor: rows.length > limit ? page[page.length - 1].noteId : null };
  }

  tags(memberId: string): Promise<string[]> {
    return this.members.tags(memberId);
  }

  /** Replaces the member's tags with the given set (trimmed, lower-cased, de-duplicated). */
  async setTags(actor: Actor, memberId: string, tags: string[]): Promise<string[]> {
    await this.requireLive(memberId);
    const next = [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))].sort();
    return this.transactions.run(async (m) => {
      const before = await this.members.tags(memberId, m);
      if (before.join(',') === next.join(',')) {
        return next;
      }
      await this.members.replaceTags(m, memberId, next, new Date());
      await this.members.insertChanges(
        m,
        memberId,
        actor,
        [{ field: 'tags', oldValue: before.join(',') || null, newValue: next.join(',') || null }],
        new Date(),
      );
      await this.audit.record(actor, 'member.tags_set', { type: 'member', id: memberId }, { old: before, new: next }, m);
      return next;
    });
  }
}

function erasedError(memberId: string, status: string): DomainError {
  return new DomainError(ErrorCode.MEMBER_ERASED, `Member ${memberId} asked to be erased; the archive no longer changes.`, [
    { field: 'memberId', message: status },
  ]);
}

/** The audit log keeps which fields changed; personal values are masked there. */
function auditChanges(changed: FieldChange[]): Record<string, unknown> {
  return Object.fromEntries(
    changed.map((c) => [c.field, { old: maskPersonalValue(c.field, c.oldValue), new: maskPersonalValue(c.field, c.newValue) }]),
  );
}
