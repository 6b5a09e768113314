import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  MonthWindow,
  QualifyingStats,
  qualifyingSumsByMember,
  SqlFragment,
  ZERO_STATS,
} from '../../src/modules/points/rules/qualifying-sums';
import { readQualifyingStats } from '../../src/modules/points/ledger/qualifying-sums.queries';
import { CRITERION_KINDS } from '../../src/modules/tiers/criteria/tier-criteria.registry';
import { criteriaSql, meetsCriteria, TierCriteriaFields, thresholdsOf } from '../../src/modules/tiers/criteria/tier-criteria';
import { newMember, startMediumContext } from './medium-context';

/** A seeded generator, so that a failure can be replayed (the seed is in the test name). */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const SEED = Date.now() % 100_000;
/** 15 months from 2025-01 on; the window is 12 of them, with months before and after it. */
const MONTHS = Array.from({ length: 15 }, (_, i) => new Date(Date.UTC(2025, i, 1)).toISOString().slice(0, 10));
const WINDOW: MonthWindow = { start: MONTHS[2], end: MONTHS[13] };

describe(`tier criteria: the TypeScript and SQL forms of every kind agree over a random population (seed ${SEED})`, () => {
  let ctx: INestApplicationContext;
  let db: DataSource;
  let close: () => Promise<void>;
  const rnd = random(SEED);
  const ids: string[] = [];
  const expected = new Map<string, QualifyingStats>();

  beforeAll(async () => {
    ({ ctx, db, close } = await startMediumContext());
    for (let i = 0; i < 40; i++) {
      const { memberId } = await newMember(ctx);
      ids.push(memberId);
      const sums = { ...ZERO_STATS };
      // A quarter have no month at all; the others some months, in and out of the window.
      const months = i % 4 === 0 ? [] : MONTHS.filter(() => rnd(3) === 0);
      for (const month of months) {
        const row = { spendCents: rnd(400_000) - 20_000, points: rnd(4_000), purchases: rnd(8) };
        await db.query('INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases) VALUES (?, ?, ?, ?, ?)', [
          memberId,
          month,
          row.spendCents,
          row.points,
          row.purchases,
        ]);
        if (month >= WINDOW.start && month <= WINDOW.end!) {
          sums.spendCents += row.spendCents;
          sums.points += row.points;
          sums.purchases += row.purchases;
        }
      }
      expected.set(memberId, sums);
    }
  });

  afterAll(async () => {
    await close();
  });

  /** The members of the population whose window sums the SQL form selects. */
  async function selectedBySql(criteria: SqlFragment): Promise<string[]> {
    const sums = qualifyingSumsByMember(WINDOW, ids);
    const rows: Array<{ id: string }> = await db.query(
      `SELECT m.id FROM members m LEFT JOIN (${sums.sql}) q ON q.member_id = m.id
        WHERE m.id IN (${ids.map(() => '?').join(', ')}) AND ${criteria.sql} ORDER BY m.id`,
      [...sums.params, ...ids, ...criteria.params],
    );
    return rows.map((r) => r.id);
  }

  const statsOf = async () => {
    const read = await readQualifyingStats(db, ids, WINDOW);
    return (id: string) => read.get(id) ?? ZERO_STATS;
  };

  it('the one reader of the qualifying sums answers the months of the window, zero for a member without any', async () => {
    const stats = await statsOf();
    expect(Object.fromEntries(ids.map((id) => [id, stats(id)]))).toEqual(Object.fromEntries(expected));
  });

  it.each(CRITERION_KINDS.map((k) => [k.type, k] as const))(
    '%s: SQL selects exactly the members the TypeScript test passes',
    async (_type, kind) => {
      const stats = await statsOf();
      const values = ids.map((id) => kind.gap(0, stats(id)).current).sort((a, b) => a - b);
      // Thresholds at zero, at members' exact figures (the boundary), between them and above everyone.
      const thresholds = [0, values[10], values[20], values[20] + 1, values[39], values[39] + 1].map((v) => Math.max(0, v));
      for (const min of thresholds) {
        const byTs = ids.filter((id) => kind.holds(min, stats(id))).sort();
        expect({ min, members: await selectedBySql(kind.sql(min, 'q')) }).toEqual({ min, members: byTs });
      }
    },
  );

  it('random tiers (criteria any / all): SQL and TypeScript select the same members', async () => {
    const stats = await statsOf();
    for (let round = 0; round < 12; round++) {
      const criteria = CRITERION_KINDS.flatMap((k) => {
        const values = ids.map((id) => k.gap(0, stats(id)).current);
        return rnd(3) === 0 ? [] : [{ type: k.type, min: Math.max(0, values[rnd(values.length)]) }];
      });
      const tier: TierCriteriaFields = { ...thresholdsOf(criteria), qualifyMode: rnd(2) === 0 ? 'any' : 'all' };
      const sql = criteriaSql(tier, 'q');
      const byTs = ids.filter((id) => meetsCriteria(tier, stats(id))).sort();
      // A tier without criteria is qualified for by nobody (the entry tier holds everyone else).
      expect({ tier, members: sql === null ? [] : await selectedBySql(sql) }).toEqual({ tier, members: byTs });
    }
  });
});
