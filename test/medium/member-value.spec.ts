import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { coreImports } from '../../src/core.module';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { newId } from '../../src/common/ids';
import { runMigrations } from '../../src/database/migrate';
import { MembersModule } from '../../src/modules/members/members.module';
import { PlanMemberRanges } from '../../src/modules/jobs/plan-member-ranges';
import { monthKey } from '../../src/modules/points/rules/monthly-stats';
import { gradeCutoffs, gradeOf } from '../../src/modules/value/rules/grades';
import { compareRank } from '../../src/modules/value/rules/rank-selection';
import { quintilesOf, recencyDays, recencyScores } from '../../src/modules/value/rules/rfm';
import { DEFAULT_REFERENCE, DEFAULT_WEIGHTS, valueScore } from '../../src/modules/value/rules/value-score';
import { ComputeValueRangeUseCase } from '../../src/modules/value/use-cases/compute-value-range.use-case';
import { FinalizeValueRunUseCase } from '../../src/modules/value/use-cases/finalize-value-run.use-case';
import { ValueModule } from '../../src/modules/value/value.module';
import { ValueService } from '../../src/modules/value/value.service';
import { ValueRepository, WORK_MEMORY } from '../../src/modules/value/value.repository';
import { newMember } from './medium-context';

/**
 * The value run's use cases on a database of their own (grades and quintiles
 * depend on the whole population, so it must be exactly the members made here).
 */
describe('value run on a known population', () => {
  const base = loadConfig();
  const dbName = `${base.database.database}_value`;
  const previousUrl = process.env.DATABASE_URL as string;
  let ctx: INestApplicationContext;
  let db: DataSource;
  const asOf = new Date();

  // spend (¥), purchases, days since the last purchase (null: never bought)
  const population: Array<[number, number, number | null]> = [
    [30_000, 20, 1],
    [12_000, 10, 3],
    [8_000, 12, 10],
    [4_000, 5, 40],
    [2_000, 2, 60],
    [2_000, 2, 60],
    [800, 1, 100],
    [300, 1, 200],
    [0, 0, null],
    [0, 0, null],
    [100, 1, 300],
  ];
  let members: string[] = [];

  beforeAll(async () => {
    const conn = await createConnection({
      host: base.database.host,
      port: base.database.port,
      user: base.database.user,
      password: base.database.password,
    });
    await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await conn.end();
    process.env.DATABASE_URL = previousUrl.replace(/\/[^/]+$/, `/${dbName}`);
    await runMigrations(loadConfig().database);
    const moduleRef = await Test.createTestingModule({
      imports: [...coreImports('worker'), TierPortsModule, MembersModule, ValueModule],
    }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
    members = [];
    for (const [yuan, purchases, days] of population) {
      const { memberId } = await newMember(ctx);
      members.push(memberId);
      if (purchases > 0) {
        await db.query('INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases) VALUES (?, ?, ?, ?, ?)', [
          memberId,
          monthKey(asOf),
          yuan * 100,
          yuan,
          purchases,
        ]);
      }
      if (days !== null) {
        const at = new Date(asOf.getTime() - days * 86_400_000);
        await db.query(
          `INSERT INTO purchases (id, store_id, receipt_no, member_id, card_no, occurred_at, total_cents, eligible_cents, points_earned,
             refunded_cents, refunded_eligible_cents, points_reversed, lot_id, request_hash, response, created_at)
           VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, 0, 0, 0, NULL, ?, '{}', ?)`,
          [newId(), newId(), `R-${memberId}`, memberId, at, yuan * 100, yuan * 100, yuan, '0'.repeat(64), at],
        );
      }
    }
  });

  afterAll(async () => {
    await ctx?.close();
    process.env.DATABASE_URL = previousUrl;
    const conn = await createConnection({
      host: base.database.host,
      port: base.database.port,
      user: base.database.user,
      password: base.database.password,
    });
    await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await conn.end();
  });

  async function runValue(runId: string, repeatPart: boolean): Promise<void> {
    const ranges = await ctx.get(PlanMemberRanges).plan(4);
    expect(ranges.length).toBeGreaterThanOrEqual(3);
    await db.query(
      'INSERT INTO value_runs (id, as_of, started_at, weight_spend_permille, weight_points_permille, weight_purchases_permille) VALUES (?, ?, ?, 600, 200, 200)',
      [runId, asOf, asOf],
    );
    const compute = ctx.get(ComputeValueRangeUseCase);
    for (const r of ranges) {
      await compute.compute(runId, r, asOf, DEFAULT_WEIGHTS, DEFAULT_REFERENCE);
    }
    if (repeatPart) {
      await compute.compute(runId, ranges[1], asOf, DEFAULT_WEIGHTS, DEFAULT_REFERENCE);
    }
    await ctx.get(FinalizeValueRunUseCase).finalize(runId);
    if (repeatPart) {
      await ctx.get(FinalizeValueRunUseCase).finalize(runId);
    }
  }

  interface ValueRow {
    member_id: string;
    score: number;
    grade: string | null;
    previous_grade: string | null;
    r: number;
    f: number;
    m: number;
    value_rank: number;
    spend_12m: number;
    purchases_12m: number;
  }

  async function snapshot(): Promise<ValueRow[]> {
    const rows: ValueRow[] = await db.query(
      'SELECT member_id, score, grade, previous_grade, r, f, m, value_rank, spend_12m, purchases_12m FROM member_values ORDER BY member_id',
    );
    return rows.map((r) => ({ ...r, score: Number(r.score), spend_12m: Number(r.spend_12m) }));
  }

  it('gives every member the score, grade, RFM and rank the rules give over the whole population', async () => {
    await runValue(newId(), false);
    const figures = population.map(([yuan, purchases]) => ({ spendCents: yuan * 100, points: yuan, purchases }));
    const scores = figures.map((f) => valueScore(f, DEFAULT_WEIGHTS, DEFAULT_REFERENCE));
    const cutoffs = gradeCutoffs(scores);
    const r = recencyScores(
      population.map(([, , days]) => (days === null ? null : recencyDays(new Date(asOf.getTime() - days * 86_400_000), asOf))),
    );
    const f = quintilesOf(figures.map((x) => x.purchases));
    const m = quintilesOf(figures.map((x) => x.spendCents));
    const order = members
      .map((memberId, i) => ({ memberId, score: scores[i], spendCents: figures[i].spendCents }))
      .sort(compareRank)
      .map((c) => c.memberId);
    const byMember = new Map((await snapshot()).map((row) => [row.member_id, row]));
    members.forEach((memberId, i) => {
      expect(byMember.get(memberId)).toMatchObject({
        score: scores[i],
        grade: gradeOf(scores[i], cutoffs),
        previous_grade: null,
        r: r[i],
        f: f[i],
        m: m[i],
        value_rank: order.indexOf(memberId) + 1,
      });
    });
    // By hand: the ¥30,000 member alone is not 80% of value; the two ¥2,000 twins tie and share everything; never-buyers are C with R=1.
    expect(byMember.get(members[0])).toMatchObject({ grade: 'A', r: 5, value_rank: 1 });
    expect(byMember.get(members[4])?.grade).toBe(byMember.get(members[5])?.grade);
    expect(byMember.get(members[8])).toMatchObject({ grade: 'C', r: 1, f: 1, m: 1, score: 0 });
    expect((byMember.get(members[4])?.value_rank as number) < (byMember.get(members[5])?.value_rank as number)).toBe(
      members[4] < members[5],
    );

    const pyramid = await ctx.get(ValueService).pyramid();
    expect(pyramid.members).toBe(population.length);
    expect(pyramid.grades.reduce((s, g) => s + g.members, 0)).toBe(population.length);
    expect(pyramid.grades.find((g) => g.grade === 'A')?.spendShare).toBeGreaterThanOrEqual(0.8);
    expect(pyramid.movements).toEqual(
      ['A', 'B', 'C']
        .filter((g) => pyramid.grades.find((x) => x.grade === g)!.members > 0)
        .map((g) => ({ from: null, to: g, members: pyramid.grades.find((x) => x.grade === g)!.members })),
    );
  });

  it('a second run where a part and the finalising step each run twice gives the same result, and movements from the first', async () => {
    const first = await snapshot();
    // One member moves: the ¥300 member buys big (¥50,000) this month.
    await db.query('UPDATE member_monthly_stats SET spend_cents = 5000000, points = 50000 WHERE member_id = ?', [members[7]]);
    const secondRun = newId();
    await runValue(secondRun, true);
    const second = await snapshot();
    const firstGrade = new Map(first.map((r) => [r.member_id, r.grade]));
    for (const row of second) {
      expect(row.previous_grade).toBe(firstGrade.get(row.member_id));
    }
    expect(second.find((r) => r.member_id === members[7])).toMatchObject({ grade: 'A', value_rank: 1, previous_grade: 'C' });

    // A third pass of the same run changes nothing (previous grades stay those of the first run).
    await ctx.get(ComputeValueRangeUseCase).compute(secondRun, { fromId: '', toId: null }, asOf, DEFAULT_WEIGHTS, DEFAULT_REFERENCE);
    await ctx.get(FinalizeValueRunUseCase).finalize(secondRun);
    expect(await snapshot()).toEqual(second);

    const pyramid = await ctx.get(ValueService).pyramid();
    expect(pyramid.runId).toBe(secondRun);
    expect(pyramid.movements).toContainEqual({ from: 'C', to: 'A', members: 1 });
  });

  it('with many ties at every quintile start and cut-off, every member gets what the rules give', async () => {
    // 120 more members: few distinct figures (so quintile starts and grade cut-offs fall inside runs of ties), some who never
    // bought, and some with purchases but no spend left (refunds).
    for (let i = 0; i < 120; i++) {
      const { memberId } = await newMember(ctx);
      members.push(memberId);
      const purchases = i % 9 === 0 ? 0 : 1 + (i % 4);
      if (purchases > 0) {
        const spend = i % 11 === 0 ? -5_000 : [10_000, 50_000, 50_000, 200_000][i % 4] * (1 + (i % 2));
        await db.query('INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases) VALUES (?, ?, ?, ?, ?)', [
          memberId,
          monthKey(asOf),
          spend,
          Math.max(0, Math.floor(spend / 100)),
          purchases,
        ]);
        const at = new Date(asOf.getTime() - [2, 2, 30, 30, 90][i % 5] * 86_400_000 - (i % 3) * 3_600_000);
        await db.query(
          `INSERT INTO purchases (id, store_id, receipt_no, member_id, card_no, occurred_at, total_cents, eligible_cents, points_earned,
             refunded_cents, refunded_eligible_cents, points_reversed, lot_id, request_hash, response, created_at)
           VALUES (?, ?, ?, ?, NULL, ?, 100, 100, 1, 0, 0, 0, NULL, ?, '{}', ?)`,
          [newId(), newId(), `R-${memberId}`, memberId, at, '0'.repeat(64), at],
        );
      }
    }
    await runValue(newId(), false);

    // The oracle: the input tables, read back, through the pure rules.
    const stats: Array<{ member_id: string; spend: string; points: string; purchases: string }> = await db.query(
      'SELECT member_id, SUM(spend_cents) AS spend, SUM(points) AS points, SUM(purchases) AS purchases FROM member_monthly_stats GROUP BY member_id',
    );
    const last: Array<{ member_id: string; at: Date }> = await db.query(
      'SELECT member_id, MAX(occurred_at) AS at FROM purchases GROUP BY member_id',
    );
    const byId = new Map(stats.map((x) => [x.member_id, x]));
    const lastById = new Map(last.map((x) => [x.member_id, new Date(x.at)]));
    const figures = members.map((id) => ({
      spendCents: Number(byId.get(id)?.spend ?? 0),
      points: Number(byId.get(id)?.points ?? 0),
      purchases: Number(byId.get(id)?.purchases ?? 0),
    }));
    const scores = figures.map((f) => valueScore(f, DEFAULT_WEIGHTS, DEFAULT_REFERENCE));
    const cutoffs = gradeCutoffs(scores);
    const r = recencyScores(members.map((id) => recencyDays(lastById.get(id) ?? null, asOf)));
    const f = quintilesOf(figures.map((x) => x.purchases));
    const m = quintilesOf(figures.map((x) => x.spendCents));
    const order = members
      .map((memberId, i) => ({ memberId, score: scores[i], spendCents: figures[i].spendCents }))
      .sort(compareRank)
      .map((c) => c.memberId);
    const rows = await snapshot();
    expect(rows).toHaveLength(members.length);
    const byMember = new Map(rows.map((row) => [row.member_id, row]));
    members.forEach((memberId, i) => {
      expect({ i, ...byMember.get(memberId) }).toMatchObject({
        i,
        score: scores[i],
        grade: gradeOf(scores[i], cutoffs),
        r: r[i],
        f: f[i],
        m: m[i],
        value_rank: order.indexOf(memberId) + 1,
      });
    });
    // The population really has ties where they matter, and every grade and quintile is used.
    expect(new Set(rows.map((x) => x.grade))).toEqual(new Set(['A', 'B', 'C']));
    expect(new Set(rows.map((x) => x.f)).size).toBe(5);
    expect(new Set(rows.map((x) => x.m)).size).toBe(5);
  });

  it('the finalising connection has its large sort and temporary-table memory only inside, and gives it back', async () => {
    const repo = ctx.get(ValueRepository);
    const global: Array<{ sort: string; tmp: string }> = await db.query(
      'SELECT @@GLOBAL.sort_buffer_size AS sort, @@GLOBAL.tmp_table_size AS tmp',
    );
    const inside = await repo.withWorkMemory(async (m) => {
      const [row]: Array<{ sort: string; tmp: string; id: string }> = await m.query(
        'SELECT @@SESSION.sort_buffer_size AS sort, @@SESSION.tmp_table_size AS tmp, CONNECTION_ID() AS id',
      );
      return row;
    });
    expect([Number(inside.sort), Number(inside.tmp)]).toEqual([WORK_MEMORY.sortBufferBytes, WORK_MEMORY.tmpTableBytes]);
    // Every pooled connection, the one used inside among them, is back at the server's settings.
    const after: Array<Array<{ sort: string; tmp: string; id: string }>> = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.query('SELECT @@SESSION.sort_buffer_size AS sort, @@SESSION.tmp_table_size AS tmp, CONNECTION_ID() AS id, SLEEP(0.05) AS s'),
      ),
    );
    expect(after.map(([row]) => row.id)).toContain(inside.id);
    for (const [row] of after) {
      expect([Number(row.sort), Number(row.tmp)]).toEqual([Number(global[0].sort), Number(global[0].tmp)]);
    }
  });
});
