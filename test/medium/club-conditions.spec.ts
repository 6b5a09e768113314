import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { requestHash } from '../../src/common/canonical-json';
import { newId } from '../../src/common/ids';
import { coreImports } from '../../src/core.module';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { ClubsModule } from '../../src/modules/clubs/clubs.module';
import { ClubsRepository } from '../../src/modules/clubs/clubs.repository';
import { MemberFacts, windowStart } from '../../src/modules/clubs/conditions/club-condition';
import { ClubCondition } from '../../src/modules/clubs/conditions/club-conditions.registry';
import { GENDERS } from '../../src/modules/clubs/conditions/gender.condition';
import { ClubRule, evaluateClubRule, ruleCategories, ruleWindowDays, validateClubRule } from '../../src/modules/clubs/rules/club-rule';
import { ruleMatchSql } from '../../src/modules/clubs/rules/club-rule-sql';
import { MembersModule } from '../../src/modules/members/members.module';
import { MembersService } from '../../src/modules/members/members.service';
import { PointsModule } from '../../src/modules/points/points.module';
import { PostPurchaseUseCase } from '../../src/modules/points/use-cases/post-purchase/post-purchase.use-case';
import { PostRefundUseCase } from '../../src/modules/points/use-cases/post-refund/post-refund.use-case';
import { uniq, uniquePhone } from '../support/factories';

function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const SEED = Date.now() % 100_000;
const STORE = newId();
const CITIES = ['Shanghai', 'Beijing', 'Hangzhou'];

describe(`club conditions: the TypeScript and SQL forms of every kind agree over a random population (seed ${SEED})`, () => {
  let ctx: INestApplicationContext;
  let db: DataSource;
  const rnd = random(SEED);
  const pick = <T>(list: readonly T[]): T => list[rnd(list.length)];
  const some = <T>(list: readonly T[]): T[] => {
    const out = list.filter(() => rnd(2) === 0);
    return out.length > 0 ? out : [pick(list)];
  };
  const prefix = uniq('cat').toLowerCase();
  const CATEGORIES = ['baby', 'wine', 'pet'].map((c) => `${prefix}-${c}`);
  const ids: string[] = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [...coreImports('worker'), TierPortsModule, MembersModule, PointsModule, ClubsModule],
    }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
    const now = Date.now();
    for (let i = 0; i < 30; i++) {
      const birthday =
        rnd(5) === 0 ? null : `${1950 + rnd(60)}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
      const city = rnd(5) === 0 ? null : `${rnd(2) === 0 ? ' ' : ''}${pick(CITIES)}`[rnd(2) === 0 ? 'toLowerCase' : 'toString']();
      const gender = rnd(5) === 0 ? null : pick(GENDERS);
      const { member, cardNo } = await ctx
        .get(MembersService)
        .create(SYSTEM_ACTOR, { name: '测试', phone: uniquePhone(), birthday, city, gender });
      ids.push(member.id);
      for (let p = rnd(4); p > 0; p--) {
        const lines = Array.from({ length: 1 + rnd(2) }, (_, l) => ({
          sku: `SKU-${l}`,
          category: pick(CATEGORIES),
          quantityMilli: 1000,
          amountCents: 500 + rnd(5000),
        }));
        const cmd = {
          storeId: STORE,
          receiptNo: uniq('R'),
          member: { cardNo },
          occurredAt: new Date(now - rnd(25 * 24) * 3_600_000),
          lines,
          totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0),
        };
        await ctx.get(PostPurchaseUseCase).post({ ...cmd, requestHash: requestHash({ ...cmd, occurredAt: cmd.occurredAt.toISOString() }) });
        if (rnd(4) === 0) {
          await ctx.get(PostRefundUseCase).refund({
            storeId: STORE,
            refundNo: uniq('F'),
            receiptNo: cmd.receiptNo,
            lines: [{ sku: lines[0].sku, quantityMilli: 1000, amountCents: lines[0].amountCents }],
            requestHash: uniq('h'),
          });
        }
      }
    }
    ids.sort();
  });

  afterAll(async () => {
    await ctx.close();
  });

  /** Of the population, the members the rule's SQL selects (the regroup's statement over every member from the first of ours). */
  async function bySql(rule: ClubRule, now: Date): Promise<string[]> {
    const q = ruleMatchSql(rule, { fromId: ids[0], toId: null }, now);
    const rows: Array<{ member_id: string }> = await db.query(q.sql, q.params);
    const ours = new Set(ids);
    return rows
      .map((r) => r.member_id)
      .filter((id) => ours.has(id))
      .sort();
  }

  /** The members the pure rule passes, on the facts the incremental check loads. */
  async function byTs(rule: ClubRule, now: Date): Promise<string[]> {
    const days = ruleWindowDays(rule);
    const facts: Map<string, MemberFacts> = await ctx
      .get(ClubsRepository)
      .memberFacts(ids, days > 0 ? windowStart(now, days) : null, ruleCategories(rule));
    return ids.filter((id) => evaluateClubRule(rule, facts.get(id)!, now).matches);
  }

  const randomCondition: Record<ClubCondition['type'], () => unknown> = {
    categoryPurchases: () => ({ type: 'categoryPurchases', categories: some(CATEGORIES), minPurchases: 1 + rnd(3), days: 1 + rnd(30) }),
    categorySpend: () => ({ type: 'categorySpend', categories: some(CATEGORIES), minSpendCents: 1 + rnd(9000), days: 1 + rnd(30) }),
    birthdayMonth: () => ({ type: 'birthdayMonth', months: some([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) }),
    city: () => ({ type: 'city', cities: some(CITIES) }),
    ageRange: () => {
      const minAge = rnd(3) === 0 ? null : 16 + rnd(60);
      return { type: 'ageRange', minAge, maxAge: minAge === null || rnd(2) === 0 ? (minAge ?? 16) + rnd(40) : null };
    },
    gender: () => ({ type: 'gender', genders: some(GENDERS) }),
  };

  const ruleOf = (conditions: unknown[], combine: 'all' | 'any'): ClubRule => {
    const v = validateClubRule({ combine, conditions });
    if (!v.ok) {
      throw new Error(JSON.stringify(v.errors));
    }
    return v.rule;
  };

  it.each(Object.keys(randomCondition))('%s: SQL selects exactly the members the TypeScript test passes', async (type) => {
    const now = new Date();
    let selectedSomeone = false;
    for (let round = 0; round < 8; round++) {
      const rule = ruleOf([randomCondition[type as ClubCondition['type']]()], 'all');
      const ts = await byTs(rule, now);
      selectedSomeone ||= ts.length > 0;
      expect({ rule, members: await bySql(rule, now) }).toEqual({ rule, members: ts });
    }
    expect(selectedSomeone).toBe(true);
  });

  it('random rules of several kinds, all and any: SQL and TypeScript select the same members', async () => {
    const now = new Date();
    const kinds = Object.values(randomCondition);
    for (let round = 0; round < 10; round++) {
      const rule = ruleOf(
        Array.from({ length: 2 + rnd(3) }, () => pick(kinds)()),
        rnd(2) === 0 ? 'all' : 'any',
      );
      expect({ rule, members: await bySql(rule, now) }).toEqual({ rule, members: await byTs(rule, now) });
    }
  });
});
