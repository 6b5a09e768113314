import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { requestHash } from '../../src/common/canonical-json';
import { newId } from '../../src/common/ids';
import { coreImports } from '../../src/core.module';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { ClubMembershipService } from '../../src/modules/clubs/club-membership.service';
import { ClubsModule } from '../../src/modules/clubs/clubs.module';
import { ClubsService } from '../../src/modules/clubs/clubs.service';
import { MembersModule } from '../../src/modules/members/members.module';
import { PointsModule } from '../../src/modules/points/points.module';
import { MemberRange, rangesFromBoundaries } from '../../src/modules/jobs/member-ranges';
import { PostPurchaseUseCase } from '../../src/modules/points/use-cases/post-purchase/post-purchase.use-case';
import { PostRefundUseCase } from '../../src/modules/points/use-cases/post-refund/post-refund.use-case';
import { uniq } from '../support/factories';
import { newMember } from './medium-context';

const STORE = newId();

describe('club membership on the real database (no HTTP)', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;
  let clubs: ClubsService;
  let membership: ClubMembershipService;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [...coreImports('worker'), TierPortsModule, MembersModule, PointsModule, ClubsModule],
    }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
    clubs = ctx.get(ClubsService);
    membership = ctx.get(ClubMembershipService);
  });

  afterAll(async () => {
    await ctx.close();
  });

  async function buy(cardNo: string, category: string): Promise<string> {
    const cmd = {
      storeId: STORE,
      receiptNo: uniq('R'),
      member: { cardNo },
      occurredAt: new Date(),
      lines: [{ sku: 'SKU-1', category, quantityMilli: 1000, amountCents: 1000 }],
      totalCents: 1000,
    };
    await ctx.get(PostPurchaseUseCase).post({ ...cmd, requestHash: requestHash({ ...cmd, occurredAt: cmd.occurredAt.toISOString() }) });
    return cmd.receiptNo;
  }

  /** Ranges cut between our members, so that they fall in different parts of the run. */
  function rangesBetween(memberIds: string[]): MemberRange[] {
    const sorted = [...memberIds].sort();
    return rangesFromBoundaries([sorted[2], sorted[4]]);
  }

  async function regroup(clubId: string, ranges: MemberRange[], asOf = new Date()) {
    const totals = { joined: 0, left: 0 };
    for (const r of ranges) {
      const t = await membership.regroupRange([clubId], r, asOf);
      totals.joined += t.joined;
      totals.left += t.left;
    }
    return totals;
  }

  const rowsOf = async (clubId: string) =>
    db.query<Array<{ member_id: string; status: string; joined_via: string; left_reason: string | null }>>(
      'SELECT member_id, status, joined_via, left_reason FROM club_members WHERE club_id = ? ORDER BY member_id',
      [clubId],
    );

  it('a regroup over member-id ranges joins by the rule, never puts back a member who left, and a re-run changes nothing', async () => {
    const category = uniq('baby').toLowerCase();
    const members = [];
    for (let i = 0; i < 6; i++) {
      members.push(await newMember(ctx));
    }
    const [a, b, c, left, once, refunded] = members;
    for (const m of [a, b, c, left]) {
      await buy(m.cardNo, category);
      await buy(m.cardNo, category);
    }
    await buy(once.cardNo, category);
    await buy(refunded.cardNo, category);
    const receipt = await buy(refunded.cardNo, category);
    await ctx.get(PostRefundUseCase).refund({
      storeId: STORE,
      refundNo: uniq('F'),
      receiptNo: receipt,
      lines: [{ sku: 'SKU-1', quantityMilli: 1000, amountCents: 1000 }],
      requestHash: uniq('h'),
    });
    const club = await clubs.create(SYSTEM_ACTOR, {
      code: uniq('BABY').toUpperCase().slice(0, 32),
      nameZh: '宝宝',
      nameEn: 'Baby',
      joinPolicy: 'automatic',
      rule: { combine: 'all', conditions: [{ type: 'categoryPurchases', categories: [category], minPurchases: 2, days: 90 }] },
    });
    const admin = { kind: 'admin' as const, actor: SYSTEM_ACTOR };
    await clubs.join(club.clubId, left.memberId, admin);
    await clubs.leave(club.clubId, left.memberId, { kind: 'member', memberId: left.memberId });

    const ranges = rangesBetween(members.map((m) => m.memberId));
    expect(ranges).toHaveLength(3);
    expect(await regroup(club.clubId, ranges)).toEqual({ joined: 3, left: 0 });
    const after = await rowsOf(club.clubId);
    expect(after).toEqual(
      [
        ...[a, b, c].map((m) => ({ member_id: m.memberId, status: 'active', joined_via: 'rule', left_reason: null })),
        { member_id: left.memberId, status: 'left', joined_via: 'admin', left_reason: 'member' },
      ].sort((x, y) => x.member_id.localeCompare(y.member_id)),
    );

    // The pure rule (the incremental path) agrees with the SQL: nothing left to join.
    expect(await membership.evaluateMembers(members.map((m) => m.memberId))).toEqual({ members: 6, joined: 0, left: 0 });
    // Run again: same result, nothing written.
    const history = Number((await db.query('SELECT COUNT(*) AS n FROM club_member_history WHERE club_id = ?', [club.clubId]))[0].n);
    expect(await regroup(club.clubId, ranges)).toEqual({ joined: 0, left: 0 });
    expect(await rowsOf(club.clubId)).toEqual(after);
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM club_member_history WHERE club_id = ?', [club.clubId]))[0].n)).toBe(history);
    // Two joins and a leave for `left`, one join each for a, b, c.
    expect(history).toBe(5);
  });

  it('the incremental check joins a member who now matches, and only those', async () => {
    const category = uniq('wine').toLowerCase();
    const club = await clubs.create(SYSTEM_ACTOR, {
      code: uniq('WINE').toUpperCase().slice(0, 32),
      nameZh: '葡萄酒',
      nameEn: 'Wine',
      joinPolicy: 'automatic',
      rule: { combine: 'all', conditions: [{ type: 'categorySpend', categories: [category], minSpendCents: 2000, days: 30 }] },
    });
    const m = await newMember(ctx);
    const other = await newMember(ctx);
    await buy(m.cardNo, category);
    await buy(other.cardNo, category);
    expect((await membership.evaluateMembers([m.memberId, other.memberId])).joined).toBe(0);
    await buy(m.cardNo, category);
    const first = await membership.evaluateMembers([m.memberId, other.memberId]);
    expect(first.joined).toBe(1);
    expect(await membership.evaluateMembers([m.memberId])).toMatchObject({ joined: 0 });
    expect((await rowsOf(club.clubId)).map((r) => r.member_id)).toEqual([m.memberId]);
  });

  it('with drop_unmatched, a member who stops matching leaves by the rule and may be put back; without, they stay', async () => {
    const city = uniq('City');
    const rule = { combine: 'all', conditions: [{ type: 'city', cities: [city] }] };
    const dropping = await clubs.create(SYSTEM_ACTOR, {
      code: uniq('D').toUpperCase().slice(0, 32),
      nameZh: '城',
      nameEn: 'City',
      joinPolicy: 'automatic',
      rule,
      dropUnmatched: true,
    });
    const keeping = await clubs.create(SYSTEM_ACTOR, {
      code: uniq('K').toUpperCase().slice(0, 32),
      nameZh: '城',
      nameEn: 'City',
      joinPolicy: 'automatic',
      rule,
    });
    const members = [];
    for (let i = 0; i < 5; i++) {
      members.push(await newMember(ctx));
    }
    const mover = members[0];
    await db.query('UPDATE members SET city = ? WHERE id = ?', [city, mover.memberId]);
    const ranges = rangesBetween(members.map((m) => m.memberId));
    expect(await regroup(dropping.clubId, ranges)).toEqual({ joined: 1, left: 0 });
    expect(await regroup(keeping.clubId, ranges)).toEqual({ joined: 1, left: 0 });

    await db.query("UPDATE members SET city = 'Elsewhere' WHERE id = ?", [mover.memberId]);
    expect(await regroup(dropping.clubId, ranges)).toEqual({ joined: 0, left: 1 });
    expect(await regroup(keeping.clubId, ranges)).toEqual({ joined: 0, left: 0 });
    expect(await rowsOf(dropping.clubId)).toEqual([{ member_id: mover.memberId, status: 'left', joined_via: 'rule', left_reason: 'rule' }]);
    expect((await rowsOf(keeping.clubId))[0].status).toBe('active');

    await db.query('UPDATE members SET city = ? WHERE id = ?', [city, mover.memberId]);
    expect(await regroup(dropping.clubId, ranges)).toEqual({ joined: 1, left: 0 });
    expect((await clubs.history(dropping.clubId, mover.memberId)).map((h) => `${h.event}:${h.reason}`)).toEqual([
      'joined:rule',
      'left:rule',
      'joined:rule',
    ]);
  });

  it('members join and leave open clubs themselves; invite and automatic clubs refuse a member’s own join', async () => {
    const m = await newMember(ctx);
    const me = { kind: 'member' as const, memberId: m.memberId };
    const open = await clubs.create(SYSTEM_ACTOR, {
      code: uniq('O').toUpperCase().slice(0, 32),
      nameZh: '开',
      nameEn: 'Open',
      joinPolicy: 'open',
    });
    expect((await clubs.join(open.clubId, m.memberId, me)).membership).toMatchObject({ status: 'active', joinedVia: 'member' });
    expect((await clubs.leave(open.clubId, m.memberId, me)).membership).toMatchObject({ status: 'left', leftReason: 'member' });
    expect((await clubs.join(open.clubId, m.memberId, me)).changed).toBe(true);
    const invite = await clubs.create(SYSTEM_ACTOR, {
      code: uniq('I').toUpperCase().slice(0, 32),
      nameZh: '邀',
      nameEn: 'Invite',
      joinPolicy: 'invite',
    });
    await expect(clubs.join(invite.clubId, m.memberId, me)).rejects.toMatchObject({ code: 'CLUB_NOT_JOINABLE' });
    expect(await clubs.clubCodesOf(m.memberId)).toEqual([open.code]);
  });
});
