import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '../../common/errors/mysql-errors';
import { newId } from '../../common/ids';
import { Transactions } from '../../database/transactions';
import { Actor, AuditService } from '../audit/audit.service';
import { memberNotFound } from '../members/members.errors';
import { MembersService } from '../members/members.service';
import { MemberArchiveQueries } from '../members/member-archive.queries';
import { maskCardNo, maskName } from '../../common/masking';
import { CategoryNames } from '../categories/category-names';
import { CategoryNaming } from './conditions/club-condition';
import { clubCodeTaken, clubNotFound, invalidRule, notAMember, notJoinable, ruleMismatch } from './clubs.errors';
import { ClubsRepository, MembershipRow } from './clubs.repository';
import { decodeCursor, encodeCursor } from './cursor';
import { Club, ClubStatus, JoinPolicy } from './entities/club.entity';
import { JoinReason } from './entities/club-member.entity';
import {
  ClubRule,
  clubRuleGaps,
  explainClubRule,
  RuleText,
  ruleCategories,
  ruleWindowDays,
  validateClubRule,
  windowStart,
} from './rules/club-rule';

export interface ClubInput {
  code: string;
  nameZh: string;
  nameEn: string;
  description?: string | null;
  joinPolicy: JoinPolicy;
  status?: ClubStatus;
  rule?: unknown;
  dropUnmatched?: boolean;
}

export type ClubPatch = Partial<Omit<ClubInput, 'code'>>;

export interface ClubView {
  clubId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  description: string | null;
  joinPolicy: JoinPolicy;
  status: ClubStatus;
  rule: ClubRule | null;
  ruleText: RuleText | null;
  dropUnmatched: boolean;
  /** Active members now (absent in audit entries). */
  memberCount?: number;
  createdAt: string;
  updatedAt: string | null;
}

export interface MembershipView {
  clubId: string;
  memberId: string;
  status: 'active' | 'left';
  joinedVia: JoinReason;
  joinedAt: string;
  leftAt: string | null;
  leftReason: string | null;
}

/** Who a club member is, for the console's list: masked name, tier code, masked card. */
export interface ClubMemberSummary {
  name: string | null;
  tierCode: string;
  cardNo: string | null;
}

export type MemberRuleGaps = { memberId: string } & ReturnType<typeof clubRuleGaps>;

/** Who asks for a join or a leave: the member (portal) or a console user. */
export type MembershipActor = { kind: 'member'; memberId: string } | { kind: 'admin'; actor: Actor };

const CLUB_CODE_KEY = 'IDX_23d07c54a2769ed7e6edba0321';

export function parseStoredRule(rule: string | null): ClubRule | null {
  if (rule === null) {
    return null;
  }
  const v = validateClubRule(JSON.parse(rule));
  return v.ok ? v.rule : null;
}

/** A club as the routes answer it; categories in the rule's words by `names` (the catalog's), else by code. */
export function clubView(c: Club, names?: CategoryNaming): ClubView {
  const rule = parseStoredRule(c.rule);
  return {
    clubId: c.id,
    code: c.code,
    nameZh: c.name,
    nameEn: c.nameEn,
    description: c.description,
    joinPolicy: c.joinPolicy,
    status: c.status,
    rule,
    ruleText: rule ? explainClubRule(rule, names) : null,
    dropUnmatched: c.dropUnmatched,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt ? c.updatedAt.toISOString() : null,
  };
}

export function membershipView(r: MembershipRow): MembershipView {
  return {
    clubId: r.clubId,
    memberId: r.memberId,
    status: r.status,
    joinedVia: r.joinedVia,
    joinedAt: r.joinedAt.toISOString(),
    leftAt: r.leftAt ? r.leftAt.toISOString() : null,
    leftReason: r.leftReason,
  };
}

/**
 * Clubs and their members: CRUD (audited), joins and leaves with their
 * reasons in the history, and the reports. Automatic membership by rule lives
 * in ClubMembershipService.
 */
/** How many matching members the estimate shows by name (masked). */
const RULE_SAMPLE_SIZE = 5;

/** A member who matches a rule, as the estimate shows them: the name masked. */
export interface MatchingMemberSample {
  memberId: string;
  name: string | null;
  tierCode: string;
}

@Injectable()
export class ClubsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: ClubsRepository,
    private readonly audit: AuditService,
    private readonly members: MembersService,
    private readonly categoryNames: CategoryNames,
    private readonly archive: MemberArchiveQueries,
  ) {}

  /** Views of clubs with their rules in words by category names and their sizes now. */
  private async views(clubs: Club[]): Promise<ClubView[]> {
    const codes = clubs.flatMap((c) => {
      const rule = parseStoredRule(c.rule);
      return rule ? ruleCategories(rule) : [];
    });
    const [names, counts] = await Promise.all([this.categoryNames.lookup(codes), this.repo.activeMemberCounts(clubs.map((c) => c.id))]);
    return clubs.map((c) => ({ ...clubView(c, names), memberCount: counts.get(c.id) ?? 0 }));
  }

  private async view(club: Club): Promise<ClubView> {
    return (await this.views([club]))[0];
  }

  /** Codes of the active clubs a member currently belongs to (the POS lookup). */
  async clubCodesOf(memberId: string): Promise<string[]> {
    return this.repo.clubCodesOf(memberId);
  }

  /** Validates a rule and says it back in plain words. */
  explain(input: unknown): { rule: ClubRule; ruleText: RuleText } {
    const v = validateClubRule(input);
    if (!v.ok) {
      throw invalidRule(v.errors);
    }
    return { rule: v.rule, ruleText: explainClubRule(v.rule) };
  }

  /**
   * How many members the club would hold by this rule now. For a new club, everyone who matches; for an existing
   * club (clubId), what a full regroup would leave it with: who left it by themselves or was taken out by an admin
   * is not put back by the rule, and members let in by hand stay.
   */
  async estimate(input: unknown, clubId: string | null = null, now = new Date()): Promise<number> {
    const { rule } = this.explain(input);
    if (clubId === null) {
      return this.repo.countMatching(rule, now);
    }
    return this.repo.countAfterRegroup(await this.club(clubId), rule, now);
  }

  /**
   * POST clubs/rules/explain: the rule validated and in words; with `estimate`, the members it would hold now; with
   * `memberId`, what that member still lacks, condition by condition (the gap the member page shows).
   */
  async explainRule(
    input: { rule: unknown; estimate?: boolean; clubId?: string | null; memberId?: string | null },
    now = new Date(),
  ): Promise<{
    rule: ClubRule;
    ruleText: RuleText;
    estimatedMembers: number | null;
    totalMembers: number | null;
    sample: MatchingMemberSample[];
    memberGaps?: MemberRuleGaps;
  }> {
    const { rule } = this.explain(input.rule);
    const ruleText = explainClubRule(rule, await this.categoryNames.lookup(ruleCategories(rule)));
    const [estimatedMembers, totalMembers, sample] = input.estimate
      ? await Promise.all([
          this.estimate(rule, input.clubId ?? null, now),
          this.repo.countMembers(),
          this.repo.sampleMatching(rule, now, RULE_SAMPLE_SIZE),
        ])
      : [null, null, []];
    const masked = sample.map((s) => ({ memberId: s.memberId, name: maskName(s.name), tierCode: s.tierCode }));
    const answer = { rule, ruleText, estimatedMembers, totalMembers, sample: masked };
    return input.memberId ? { ...answer, memberGaps: await this.gapsOf(rule, input.memberId, now) } : answer;
  }

  /** What the member lacks to match the rule now. */
  async gapsOf(rule: ClubRule, memberId: string, now = new Date()): Promise<MemberRuleGaps> {
    const days = ruleWindowDays(rule);
    const facts = (await this.repo.memberFacts([memberId], days > 0 ? windowStart(now, days) : null, ruleCategories(rule))).get(memberId);
    if (!facts) {
      throw memberNotFound('memberId', memberId);
    }
    return { memberId, ...clubRuleGaps(rule, facts, now, await this.categoryNames.lookup(ruleCategories(rule))) };
  }

  /** An automatic club needs a valid rule; the other policies take none. */
  private ruleFor(policy: JoinPolicy, rule: unknown): string | null {
    if (policy !== 'automatic') {
      if (rule !== undefined && rule !== null) {
        throw ruleMismatch(`${policy === 'open' ? 'An open' : 'An invite'} club has no rule; only automatic clubs do.`);
      }
      return null;
    }
    if (rule === undefined || rule === null) {
      throw ruleMismatch('An automatic club needs a rule.');
    }
    return JSON.stringify(this.explain(rule).rule);
  }

  async create(actor: Actor, input: ClubInput): Promise<ClubView> {
    const now = new Date();
    const club = Object.assign(new Club(), {
      id: newId(),
      code: input.code,
      name: input.nameZh,
      nameEn: input.nameEn,
      description: input.description ?? null,
      joinPolicy: input.joinPolicy,
      status: input.status ?? 'active',
      rule: this.ruleFor(input.joinPolicy, input.rule),
      dropUnmatched: input.dropUnmatched ?? false,
      createdAt: now,
      updatedAt: null,
    });
    try {
      await this.transactions.retrying(async (m) => {
        await this.repo.insertClub(club, m);
        await this.audit.record(actor, 'club.create', { type: 'club', id: club.id }, { ...clubView(club) }, m);
      });
    } catch (err) {
      if (isDuplicateKey(err, CLUB_CODE_KEY)) {
        throw clubCodeTaken(input.code);
      }
      throw err;
    }
    return this.view(club);
  }

  async update(actor: Actor, clubId: string, patch: ClubPatch): Promise<ClubView> {
    const club = await this.transactions.retrying(async (m) => {
      const club = await this.repo.findClub(clubId, m, true);
      if (!club) {
        throw clubNotFound(clubId);
      }
      const before = clubView(club);
      const policy = patch.joinPolicy ?? club.joinPolicy;
      if (patch.rule !== undefined || patch.joinPolicy !== undefined) {
        const rule = patch.rule !== undefined ? patch.rule : club.rule === null ? null : (JSON.parse(club.rule) as unknown);
        club.rule = this.ruleFor(policy, rule);
      }
      club.joinPolicy = policy;
      club.name = patch.nameZh ?? club.name;
      club.nameEn = patch.nameEn ?? club.nameEn;
      club.description = patch.description !== undefined ? patch.description : club.description;
      club.status = patch.status ?? club.status;
      club.dropUnmatched = patch.dropUnmatched ?? club.dropUnmatched;
      club.updatedAt = new Date();
      await this.repo.saveClub(club, m);
      const after = clubView(club);
      const changes: Record<string, unknown> = {};
      for (const key of Object.keys(after) as Array<keyof ClubView>) {
        if (key !== 'updatedAt' && JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
          changes[key] = { from: before[key], to: after[key] };
        }
      }
      await this.audit.record(actor, 'club.update', { type: 'club', id: club.id }, changes, m);
      return club;
    });
    return this.view(club);
  }

  async get(clubId: string): Promise<ClubView> {
    return this.view(await this.club(clubId));
  }

  async club(clubId: string): Promise<Club> {
    const club = await this.repo.findClub(clubId);
    if (!club) {
      throw clubNotFound(clubId);
    }
    return club;
  }

  async list(
    cursor: string | undefined,
    limit: number,
    status: ClubStatus | null,
  ): Promise<{ clubs: ClubView[]; nextCursor: string | null }> {
    const rows = await this.repo.listClubs(decodeCursor(cursor), limit + 1, status);
    const page = rows.slice(0, limit);
    return { clubs: await this.views(page), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].code) : null };
  }

  /**
   * Puts a member in a club. A member joins open clubs only; an admin adds to
   * any active club (to an invite club that is the invite). Joining again is a
   * no-op. Recorded in the history with its reason.
   */
  async join(clubId: string, memberId: string, who: MembershipActor): Promise<{ membership: MembershipView; changed: boolean }> {
    const club = await this.club(clubId);
    if (club.status !== 'active') {
      throw notJoinable(`Club ${club.code} is archived; nobody can join it.`);
    }
    if (who.kind === 'member' && club.joinPolicy !== 'open') {
      throw notJoinable(
        club.joinPolicy === 'invite'
          ? `Club ${club.code} is by invitation; the member needs an invite.`
          : `Club ${club.code} is automatic: members are in it when they meet its rule.`,
      );
    }
    if (!(await this.members.findById(memberId))) {
      throw memberNotFound('memberId', memberId);
    }
    const reason: JoinReason = who.kind === 'member' ? 'member' : club.joinPolicy === 'invite' ? 'invite' : 'admin';
    return this.transactions.retrying(async (m) => {
      const now = new Date();
      const existing = await this.repo.membership(m, clubId, memberId);
      if (existing?.status === 'active') {
        return { membership: membershipView(existing), changed: false };
      }
      await this.repo.upsertActive(m, [{ clubId, memberId, via: reason }], now);
      const actorId = who.kind === 'admin' ? who.actor.id : null;
      await this.repo.insertHistory(m, [{ clubId, memberId, event: 'joined', reason, actorId, at: now }]);
      if (who.kind === 'admin') {
        await this.audit.record(who.actor, 'club.member.add', { type: 'club', id: clubId }, { memberId, reason }, m);
      }
      const row: MembershipRow = { clubId, memberId, status: 'active', joinedVia: reason, joinedAt: now, leftAt: null, leftReason: null };
      return { membership: membershipView(row), changed: true };
    });
  }

  /** Takes a member out. A member who left an automatic club is not put back by its rule. Leaving again is a no-op. */
  async leave(clubId: string, memberId: string, who: MembershipActor): Promise<{ membership: MembershipView; changed: boolean }> {
    await this.club(clubId);
    return this.transactions.retrying(async (m) => {
      const now = new Date();
      const existing = await this.repo.membership(m, clubId, memberId);
      if (!existing) {
        throw notAMember(clubId, memberId);
      }
      if (existing.status === 'left') {
        return { membership: membershipView(existing), changed: false };
      }
      const reason = who.kind === 'member' ? 'member' : 'admin';
      await this.repo.markLeft(m, [{ clubId, memberId }], reason, now);
      const actorId = who.kind === 'admin' ? who.actor.id : null;
      await this.repo.insertHistory(m, [{ clubId, memberId, event: 'left', reason, actorId, at: now }]);
      if (who.kind === 'admin') {
        await this.audit.record(who.actor, 'club.member.remove', { type: 'club', id: clubId }, { memberId }, m);
      }
      return { membership: membershipView({ ...existing, status: 'left', leftAt: now, leftReason: reason }), changed: true };
    });
  }

  async membersOf(
    clubId: string,
    cursor: string | undefined,
    limit: number,
    status: 'active' | 'left' | null,
  ): Promise<{ members: Array<MembershipView & { member: ClubMemberSummary }>; nextCursor: string | null }> {
    await this.club(clubId);
    const rows = await this.repo.membersPage(clubId, status, decodeCursor(cursor), limit + 1);
    const page = rows.slice(0, limit);
    const ids = page.map((r) => r.memberId);
    const [summaries, cards] = await Promise.all([this.archive.summaries(ids), this.archive.displayCards(ids)]);
    const members = page.map((r) => {
      const s = summaries.get(r.memberId);
      return {
        ...membershipView(r),
        member: { name: maskName(s?.name), tierCode: s?.tierCode ?? '', cardNo: maskCardNo(cards.get(r.memberId)?.cardNo) },
      };
    });
    return { members, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].memberId) : null };
  }

  async history(clubId: string, memberId: string) {
    const rows = await this.repo.historyOf(clubId, memberId);
    return rows.map((r) => ({ event: r.event, reason: r.reason, actorId: r.actorId, at: r.at.toISOString() }));
  }

  /** Sizes of every club now, and joins and leaves per day (UTC or business day) or month in [from, to). */
  async analytics(from: Date, to: Date, granularity: 'day' | 'month' | 'business-day') {
    const [clubs, sizes, growth] = await Promise.all([
      this.repo.listClubs(null, 10_000, null),
      this.repo.sizes(),
      this.repo.growth(from, to, granularity),
    ]);
    const sizeOf = new Map(sizes.map((s) => [s.clubId, s]));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      granularity,
      clubs: clubs.map((c) => {
        const periods = growth
          .filter((g) => g.clubId === c.id)
          .map((g) => ({ period: g.period, joined: g.joined, left: g.left, net: g.joined - g.left }));
        return {
          clubId: c.id,
          code: c.code,
          status: c.status,
          joinPolicy: c.joinPolicy,
          activeMembers: sizeOf.get(c.id)?.active ?? 0,
          leftMembers: sizeOf.get(c.id)?.left ?? 0,
          joined: periods.reduce((s, p) => s + p.joined, 0),
          left: periods.reduce((s, p) => s + p.left, 0),
          periods,
        };
      }),
    };
  }
}
