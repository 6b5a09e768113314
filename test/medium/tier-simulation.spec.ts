import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { coreImports } from '../../src/core.module';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { MembersModule } from '../../src/modules/members/members.module';
import { MembersService } from '../../src/modules/members/members.service';
import { PointsModule } from '../../src/modules/points/points.module';
import { RefreshWindowStatsUseCase } from '../../src/modules/tiers/engine/refresh-window-stats.use-case';
import { SimulateLadderUseCase, SimulationResult } from '../../src/modules/tiers/engine/simulate-ladder.use-case';
import { TierEngineModule } from '../../src/modules/tiers/engine/tier-engine.module';
import { LadderTier } from '../../src/modules/tiers/rules/ladder';
import { qualifies, qualifyingWindowStart } from '../../src/modules/tiers/rules/tier-qualification';
import { uniquePhone } from '../support/factories';

const tier = (code: string, over: Partial<LadderTier>): LadderTier => ({
  code,
  nameEn: code,
  nameZh: code,
  kind: 'threshold',
  minSpendCents: null,
  minPoints: null,
  minPurchases: null,
  qualifyMode: 'any',
  earnMultiplierPermille: 1000,
  birthdayBonusPoints: 0,
  priorityService: false,
  rankTopN: null,
  rankTopPermille: null,
  ...over,
});

/** A proposal with a rank tier on top (its holders stay) and two threshold tiers on spend and purchases. */
const PROPOSAL = [
  tier('STANDARD', {}),
  tier('VIP', { minSpendCents: 300_000, minPurchases: 30, earnMultiplierPermille: 1500 }),
  tier('GOLD', { minSpendCents: 1_000_000, minPurchases: 60, qualifyMode: 'all', earnMultiplierPermille: 1800 }),
  tier('SVIP', { kind: 'rank', rankTopN: 100, earnMultiplierPermille: 2000 }),
];

describe('what-if simulation over the snapshot of window sums (real database, no HTTP)', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;
  const month = qualifyingWindowStart(new Date(), 1);

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [...coreImports('worker'), TierPortsModule, MembersModule, PointsModule, TierEngineModule],
    }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
  });

  afterAll(async () => {
    await ctx.close();
  });

  async function member(tierCode: string, spendCents: number, purchases: number): Promise<string> {
    const { member: m } = await ctx.get(MembersService).create(SYSTEM_ACTOR, { name: '测试', phone: uniquePhone() });
    await db.query('UPDATE members SET tier_code = ? WHERE id = ?', [tierCode, m.id]);
    if (spendCents !== 0 || purchases !== 0) {
      await db.query('INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases) VALUES (?, ?, ?, 0, ?)', [
        m.id,
        month,
        spendCents,
        purchases,
      ]);
    }
    return m.id;
  }

  /** The same answer member by member in TypeScript, from the snapshot rows (zeros for a member not in it) and the rules. */
  async function memberByMember(proposal: LadderTier[]): Promise<Record<string, Partial<SimulationResult['tiers'][number]>>> {
    const rows: Array<{
      tier_code: string;
      spend: string | null;
      points: string | null;
      purchases: string | null;
      spend12: string | null;
    }> = await db.query(
      `SELECT m.tier_code, s.spend_cents AS spend, s.points, s.purchases, s.spend_12m_cents AS spend12
           FROM members m LEFT JOIN member_window_stats s ON s.member_id = m.id`,
    );
    const rankOf = (code: string) => proposal.findIndex((t) => t.code === code);
    const out: Record<string, { membersNow: number; membersAfter: number; movingUp: number; movingDown: number; spendCentsAfter: number }> =
      {};
    for (const t of proposal) {
      out[t.code] = { membersNow: 0, membersAfter: 0, movingUp: 0, movingDown: 0, spendCentsAfter: 0 };
    }
    for (const r of rows) {
      const stats = { spendCents: Number(r.spend ?? 0), points: Number(r.points ?? 0), purchases: Number(r.purchases ?? 0) };
      const kept = proposal.find((t) => t.kind === 'rank' && t.code === r.tier_code);
      const placed =
        kept ??
        [...proposal].reverse().find((t, i) => i < proposal.length - 1 && t.kind === 'threshold' && qualifies({ ...t, rank: 0 }, stats)) ??
        proposal[0];
      if (out[r.tier_code]) {
        out[r.tier_code].membersNow += 1;
      }
      out[placed.code].membersAfter += 1;
      out[placed.code].spendCentsAfter += Number(r.spend12 ?? 0);
      if (rankOf(r.tier_code) < rankOf(placed.code)) {
        out[placed.code].movingUp += 1;
      } else if (rankOf(r.tier_code) > rankOf(placed.code)) {
        out[placed.code].movingDown += 1;
      }
    }
    return out;
  }

  const figures = (result: SimulationResult) =>
    Object.fromEntries(
      result.tiers.map((t) => [
        t.code,
        {
          membersNow: t.membersNow,
          membersAfter: t.membersAfter,
          movingUp: t.movingUp,
          movingDown: t.movingDown,
          spendCentsAfter: t.spendCentsAfter,
        },
      ]),
    );

  it('answers what placing every member one by one answers: entry and higher tiers, rank holders kept, members missing from the snapshot as zeros', async () => {
    await member('STANDARD', 350_000, 5); // up to VIP on spend (any)
    await member('STANDARD', 1_200_000, 70); // up to GOLD (all)
    await member('STANDARD', 1_200_000, 10); // GOLD needs both: VIP
    await member('VIP', 100_000, 2); // down to STANDARD
    await member('SVIP', 0, 0); // a rank holder stays
    await member('VIP', 2_000_000, 80); // up to GOLD
    const refreshed = await ctx.get(RefreshWindowStatsUseCase).refresh(new Date());
    expect(refreshed.members).toBe(Number((await db.query('SELECT COUNT(*) AS n FROM members'))[0].n));
    // After the snapshot: members it does not hold yet, in the entry tier and above it.
    await member('STANDARD', 900_000, 40);
    await member('VIP', 900_000, 40);

    const result = await ctx.get(SimulateLadderUseCase).simulate(PROPOSAL);
    expect(result.snapshotRefreshed).toBe(false);
    expect(result.asOf).toBe(refreshed.asOf.toISOString());
    expect(figures(result)).toEqual(await memberByMember(PROPOSAL));
    expect(result.members).toBe(Number((await db.query('SELECT COUNT(*) AS n FROM members'))[0].n));
    expect(result.tiers.find((t) => t.code === 'SVIP')!.membersAfter).toBeGreaterThanOrEqual(1);
  });

  it('a refresh gives every member the sums of the live monthly stats, and running it twice gives the same rows', async () => {
    const id = await member('STANDARD', 420_000, 7);
    await db.query('INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases) VALUES (?, ?, 1000, 10, 1)', [
      id,
      '2015-01-01', // outside any window
    ]);
    const refresh = () => ctx.get(RefreshWindowStatsUseCase).refresh(new Date());
    await refresh();
    const read = () =>
      db.query('SELECT spend_cents, points, purchases, spend_12m_cents FROM member_window_stats WHERE member_id = ?', [id]);
    const first = await read();
    expect(first).toEqual([{ spend_cents: '420000', points: '0', purchases: 7, spend_12m_cents: '420000' }]);
    await refresh();
    expect(await read()).toEqual(first);
    const [{ missing }] = await db.query(
      'SELECT COUNT(*) AS missing FROM members m LEFT JOIN member_window_stats s ON s.member_id = m.id WHERE s.member_id IS NULL',
    );
    expect(Number(missing)).toBe(0);
  });

  it('reads a snapshot that covers the current months; refreshes first when asked, or when the months have turned', async () => {
    const snap = await ctx.get(RefreshWindowStatsUseCase).refresh(new Date());
    const id = await member('STANDARD', 5_000_000, 100);
    const simulate = ctx.get(SimulateLadderUseCase);
    const gold = (r: SimulationResult) => r.tiers.find((t) => t.code === 'GOLD')!.membersAfter;

    const stale = await simulate.simulate(PROPOSAL);
    expect(stale).toMatchObject({ snapshotRefreshed: false, asOf: snap.asOf.toISOString() });
    const fresh = await simulate.simulate(PROPOSAL, new Date(), { refresh: true });
    expect(fresh.snapshotRefreshed).toBe(true);
    expect(new Date(fresh.asOf).getTime()).toBeGreaterThan(snap.asOf.getTime());
    expect(gold(fresh)).toBe(gold(stale) + 1);

    // Next month the snapshot sums other months: it is refreshed, not read.
    const nextMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 2));
    const later = await simulate.simulate(PROPOSAL, nextMonth);
    expect(later).toMatchObject({ snapshotRefreshed: true, asOf: nextMonth.toISOString() });
    const [{ windows }] = await db.query(
      'SELECT COUNT(*) AS windows FROM window_stats_snapshots WHERE finished_at IS NOT NULL AND window_start = ?',
      [qualifyingWindowStart(nextMonth, 12)],
    );
    expect(Number(windows)).toBe(1);
    await db.query('DELETE FROM window_stats_snapshots WHERE as_of = ?', [nextMonth]); // later tests simulate at today
    expect(id).toBeDefined();
  });
});
