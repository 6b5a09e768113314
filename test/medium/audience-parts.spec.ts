import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/ids';
import { coreImports } from '../../src/core.module';
import {
  AudienceContext,
  CONSENT_CHANNELS_FOR_MESSAGES,
  MemberFacts,
  SqlFragment,
} from '../../src/modules/campaigns/audience/audience-part.kind';
import {
  AUDIENCE_PART_KINDS,
  AudiencePart,
  AudiencePartType,
  kindOfPart,
} from '../../src/modules/campaigns/audience/audience-parts.registry';
import { MemberFactsQueries } from '../../src/modules/campaigns/audience/member-facts.queries';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { CampaignsModule } from '../../src/modules/campaigns/campaigns.module';
import { CampaignsRepository } from '../../src/modules/campaigns/campaigns.repository';
import { AudienceDefinition, audienceMatches, compileAudience } from '../../src/modules/campaigns/rules/audience';
import { RFM_SEGMENT_KEYS } from '../../src/modules/campaigns/rules/rfm-segments';

/** A seeded generator (mulberry32): a failure names its seed and can be replayed. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const some = <T>(xs: readonly T[]): T[] => {
    const out = xs.filter(() => next() < 0.4);
    return out.length > 0 ? out : [pick(xs)];
  };
  return { next, int, pick, some, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof generator>;

const DAY = 86_400_000;
const CLUBS = [newId(), newId(), newId()];
const STORES = [newId(), newId(), newId(), newId()];
const TIERS = ['STANDARD', 'VIP', 'SVIP', 'vip'];
const NOWS = [new Date('2026-05-20T02:00:00Z'), new Date('2027-02-27T17:30:00Z'), new Date('2028-02-29T01:00:00Z')];

/** A random part of every kind; typed by kind, so a new kind without a generator does not compile. */
const PART_GENERATORS: { [T in AudiencePartType]: (r: Random) => Extract<AudiencePart, { type: T }> } = {
  all: () => ({ type: 'all' }),
  club: (r) => ({ type: 'club', clubIds: r.some([...CLUBS, newId()]) }),
  tier: (r) => ({ type: 'tier', codes: r.some(['VIP', 'SVIP', 'STANDARD', 'Vip', 'GOLD']) }),
  grade: (r) => ({ type: 'grade', grades: r.some(['A', 'B', 'C']) }),
  rfmSegment: (r) => ({ type: 'rfmSegment', segments: r.some(RFM_SEGMENT_KEYS) }),
  store: (r) =>
    r.chance(0.5)
      ? { type: 'store', storeIds: r.some(STORES) }
      : { type: 'store', storeIds: r.some(STORES), boughtWithinDays: r.int(1, 400) },
  noPurchaseDays: (r) => ({ type: 'noPurchaseDays', days: r.int(1, 400) }),
  birthday: (r) => ({ type: 'birthday', when: r.pick(['today', 'month'] as const) }),
  joinedWithinDays: (r) => ({ type: 'joinedWithinDays', days: r.int(1, 400) }),
  pointsExpiringDays: (r) => ({ type: 'pointsExpiringDays', days: r.int(1, 400) }),
  consent: (r) => ({ type: 'consent', channels: r.some(CONSENT_CHANNELS_FOR_MESSAGES) }),
};

describe('audience parts: the SQL form and the TypeScript form agree on random populations', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;
  let repo: CampaignsRepository;
  let facts: MemberFactsQueries;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [...coreImports('worker'), TierPortsModule, CampaignsModule] }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
    repo = ctx.get(CampaignsRepository);
    facts = ctx.get(MemberFactsQueries);
  });

  afterAll(() => ctx.close());

  /** Members around `now`: tiers in two cases, birthdays on and near the day (29 February too), purchases, lots, clubs, consents. */
  async function seedPopulation(r: Random, now: Date, count: number): Promise<string[]> {
    const ago = (days: number) => new Date(now.getTime() - days * DAY + r.int(-43_200, 43_200) * 1000);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = newId();
      ids.push(id);
      const birthday = r.chance(0.15)
        ? null
        : `${r.pick(['1990', '2000', '1985'])}-${String(r.pick([2, now.getUTCMonth() + 1, r.int(1, 12)])).padStart(2, '0')}-${String(r.pick([28, 29, now.getUTCDate(), r.int(1, 28)])).padStart(2, '0')}`;
      const validBirthday =
        birthday &&
        !Number.isNaN(new Date(`${birthday}T00:00:00Z`).getTime()) &&
        new Date(`${birthday}T00:00:00Z`).toISOString().startsWith(birthday);
      await db.query(
        `INSERT INTO members (id, status, name, tier_code, tier_since, preferred_store_id, birthday, created_at, updated_at)
         VALUES (?, ?, 'Random', ?, ?, ?, ?, ?, ?)`,
        [
          id,
          r.pick(['active', 'active', 'active', 'erased', 'merged']),
          r.pick(TIERS),
          now,
          r.chance(0.6) ? r.pick(STORES) : null,
          validBirthday ? birthday : null,
          ago(r.int(0, 400)),
          now,
        ],
      );
      for (const club of CLUBS.filter(() => r.chance(0.35))) {
        await db.query('INSERT INTO club_members (member_id, club_id, status, joined_at) VALUES (?, ?, ?, ?)', [
          id,
          club,
          r.pick(['active', 'active', 'left']),
          now,
        ]);
      }
      if (r.chance(0.7)) {
        await db.query(
          `INSERT INTO member_values (member_id, score, grade, r, f, spend_12m, points_12m, purchases_12m, run_id, computed_at) VALUES (?, 0, ?, ?, ?, 0, 0, 0, ?, ?)`,
          [id, r.pick(['A', 'B', 'C', null]), ...(r.chance(0.1) ? [null, null] : [r.int(1, 5), r.int(1, 5)]), newId(), now],
        );
      }
      for (let p = r.int(0, 3); p > 0; p--) {
        await db.query(
          `INSERT INTO purchases (id, store_id, receipt_no, member_id, occurred_at, total_cents, eligible_cents, points_earned, request_hash, response, created_at)
           VALUES (?, ?, ?, ?, ?, 1000, 1000, 10, ?, '{}', ?)`,
          [newId(), r.pick(STORES), newId(), id, ago(r.int(0, 400)), 'x'.repeat(64), now],
        );
      }
      for (let l = r.int(0, 2); l > 0; l--) {
        await db.query(
          'INSERT INTO point_lots (member_id, entry_id, points, remaining, earned_at, expires_at) VALUES (?, 0, 100, ?, ?, ?)',
          [id, r.pick([0, 40, 100]), ago(400), ago(-r.int(-30, 400))],
        );
      }
      for (const channel of CONSENT_CHANNELS_FOR_MESSAGES.filter(() => r.chance(0.5))) {
        await db.query("INSERT INTO member_consents (member_id, channel, granted, source, updated_at) VALUES (?, ?, ?, 'test', ?)", [
          id,
          channel,
          r.chance(0.7) ? 1 : 0,
          now,
        ]);
      }
    }
    return ids;
  }

  async function sqlMembers(audience: SqlFragment, ids: string[]): Promise<string[]> {
    const membership = await repo.audienceMembership(db.manager, [{ campaignId: 'x', audience }], ids);
    return [...membership.keys()].sort();
  }

  const tsMembers = (population: MemberFacts[], predicate: (m: MemberFacts) => boolean) =>
    population
      .filter(predicate)
      .map((m) => m.id)
      .sort();

  it.each(NOWS.map((now, i) => [now.toISOString(), now, 1000 + i] as const))(
    'every kind of part, and whole audiences, select the same members (now %s)',
    async (_label, now, seed) => {
      const r = generator(seed);
      const ids = await seedPopulation(r, now, 150);
      const population = await facts.forMembers(ids);
      expect(population).toHaveLength(ids.length);
      const context: AudienceContext = { now, timezone: r.pick(['Asia/Shanghai', 'UTC', 'America/Los_Angeles']), consentChannel: null };
      const tested = new Set<string>();
      for (const kind of AUDIENCE_PART_KINDS) {
        for (let i = 0; i < 6; i++) {
          const part = PART_GENERATORS[kind.type](r);
          const sql = await sqlMembers(kindOfPart(part).compile(part, context), ids);
          const ts = tsMembers(population, (m) => kindOfPart(part).matches(part, m, context) === true);
          expect({ part, members: ts }).toEqual({ part, members: sql });
          tested.add(kind.type);
        }
      }
      expect([...tested].sort()).toEqual(AUDIENCE_PART_KINDS.map((k) => k.type).sort());

      const randomPart = () => PART_GENERATORS[r.pick(AUDIENCE_PART_KINDS).type](r);
      for (let i = 0; i < 20; i++) {
        const def: AudienceDefinition = {
          include: Array.from({ length: r.int(1, 3) }, randomPart),
          requireAll: r.chance(0.5),
          exclude: Array.from({ length: r.int(0, 2) }, randomPart),
        };
        const withConsent = { ...context, consentChannel: r.chance(0.5) ? r.pick(CONSENT_CHANNELS_FOR_MESSAGES) : null };
        const sql = await sqlMembers(compileAudience(def, withConsent), ids);
        const ts = tsMembers(population, (m) => audienceMatches(def, m, withConsent));
        expect({ def, members: ts }).toEqual({ def, members: sql });
      }
    },
  );
});
