import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { RefreshWindowStatsUseCase } from '../src/modules/tiers/engine/refresh-window-stats.use-case';
import { TiersService } from '../src/modules/tiers/tiers.service';
import { QueueName } from '../src/queue/queue.constants';
import { WorkerModule } from '../src/worker.module';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestStore } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const tier = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  nameEn: code,
  nameZh: `${code}会员`,
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
const DEFAULT_LADDER = [
  tier('STANDARD', { nameEn: 'Standard', nameZh: '普通会员' }),
  tier('VIP', { nameZh: 'VIP会员', minSpendCents: 500_000, earnMultiplierPermille: 1500 }),
  tier('SVIP', { nameZh: '超级VIP会员', minSpendCents: 2_000_000, earnMultiplierPermille: 2000, priorityService: true }),
];

describe('tiers engine over HTTP (ladder, program, reviews, simulation, grants)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let token: string;
  let store: TestStore;
  const admin = (req: ReturnType<TestApp['http']['get']>) => req.set('Authorization', `Bearer ${token}`);
  const auditRows = (action: string) => t.db.query('SELECT actor_id, changes FROM audit_log WHERE action = ? ORDER BY id', [action]);

  beforeAll(async () => {
    t = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: false });
    await worker.init();
    token = await loginAdmin(t);
    store = await createStore(t);
  });

  afterAll(async () => {
    await admin(t.http.put('/api/v1/admin/tiers')).send({ tiers: DEFAULT_LADDER });
    await worker.close();
    await t.close();
  });

  it('tiers/criteria/explain says criteria in words and how far a member is from each; bad criteria name their field and nothing is saved', async () => {
    const m = await createMember(t);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 120_000 }]))
      .expect(201);
    const criteria = [
      { type: 'purchaseCount', min: 3 },
      { type: 'qualifyingSpend', min: 100_000 },
    ];
    const res = await admin(t.http.post('/api/v1/admin/tiers/criteria/explain'))
      .send({ criteria, qualifyMode: 'all', memberId: m.memberId })
      .expect(200);
    expect(res.body).toMatchObject({
      criteria: [
        { type: 'qualifyingSpend', min: 100_000 },
        { type: 'purchaseCount', min: 3 },
      ],
      qualifyMode: 'all',
      text: {
        en: 'Members who spent at least ¥1,000 and made at least 3 purchases over the qualifying window.',
        zhCN: '统计周期内消费满¥1,000且购买满3次的会员。',
      },
      memberGaps: {
        memberId: m.memberId,
        met: false,
        criteria: [
          { criterion: 'spend', required: 100_000, current: 120_000, missing: 0 },
          { criterion: 'purchases', required: 3, current: 1, missing: 2 },
        ],
      },
    });
    const tiersBefore = await t.db.query('SELECT * FROM tiers ORDER BY `rank`');
    const bad = await admin(t.http.post('/api/v1/admin/tiers/criteria/explain'))
      .send({
        criteria: [
          { type: 'visits', min: 1 },
          { type: 'pointsEarned', min: -5 },
        ],
        qualifyMode: 'any',
      })
      .expect(400);
    expect(bad.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'criteria[0].type' }, { field: 'criteria[1].min' }],
    });
    expect(await t.db.query('SELECT * FROM tiers ORDER BY `rank`')).toEqual(tiersBefore);
    const nobody = await admin(t.http.post('/api/v1/admin/tiers/criteria/explain'))
      .send({ criteria, qualifyMode: 'any', memberId: '01a212ab-0000-7000-8000-00000000dead' })
      .expect(404);
    expect(nobody.body.code).toBe('MEMBER_NOT_FOUND');
  });

  it('the worker schedules the daily tier review, the simulation snapshot refresh and the birthday bonus', async () => {
    for (const [queue, key] of [
      [QueueName.TierReview, 'daily-tier-review'],
      [QueueName.TierReview, 'daily-window-stats'],
      [QueueName.BirthdayBonus, 'daily-birthday-bonus'],
    ] as const) {
      const schedulers = await worker.get<Queue>(getQueueToken(queue)).getJobSchedulers();
      expect(schedulers.map((x) => x.key)).toContain(key);
    }
  });

  it('GET tiers shows the ladder lowest first with zh-CN and en names', async () => {
    const res = await admin(t.http.get('/api/v1/admin/tiers')).expect(200);
    expect(res.body.tiers).toEqual(DEFAULT_LADDER);
  });

  it('refuses a ladder that cannot be climbed, naming the field and the reason, and writes nothing', async () => {
    await createMember(t); // a STANDARD member, so STANDARD cannot be left out
    const before = (await auditRows('tiers.replace')).length;
    const bad = [DEFAULT_LADDER[0], DEFAULT_LADDER[1], { ...DEFAULT_LADDER[2], minSpendCents: 500_000 }];
    const res = await admin(t.http.put('/api/v1/admin/tiers')).send({ tiers: bad }).expect(422);
    expect(res.body.code).toBe('LADDER_INVALID');
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'tiers[2].minSpendCents' })]);
    expect(res.body.message).toContain('strictly more');
    const dropped = await admin(t.http.put('/api/v1/admin/tiers')).send({
      tiers: DEFAULT_LADDER.slice(1).map((x, i) => (i === 0 ? { ...x, minSpendCents: null } : x)),
    });
    expect(dropped.status).toBe(422);
    expect(JSON.stringify(dropped.body.details)).toContain('STANDARD is left out');
    await admin(t.http.put('/api/v1/admin/tiers'))
      .send({ tiers: [{ ...DEFAULT_LADDER[0], earnMultiplierPermille: 999 }] })
      .expect(400);
    const [svip] = await t.db.query("SELECT min_spend_cents FROM tiers WHERE code = 'SVIP'");
    expect(Number(svip.min_spend_cents)).toBe(2_000_000);
    expect(await auditRows('tiers.replace')).toHaveLength(before);
  });

  it('reorders by sending the ladder in its new order: an impossible order is 422 LADDER_ORDER_INVALID (what-if and save), a possible one is simulated, saved and audited as tiers.reorder', async () => {
    const ranks = () => t.db.query<Array<{ code: string }>>('SELECT code FROM tiers ORDER BY `rank`');
    const replaces = (await auditRows('tiers.replace')).length;
    const reorders = (await auditRows('tiers.reorder')).length;
    // The entry tier moved up (VIP first, without criteria): refused by the what-if and the save alike, nothing written.
    const entryMoved = [{ ...DEFAULT_LADDER[1], minSpendCents: null, earnMultiplierPermille: 1000 }, DEFAULT_LADDER[0], DEFAULT_LADDER[2]];
    for (const call of [t.http.post('/api/v1/admin/tiers/simulate'), t.http.put('/api/v1/admin/tiers')]) {
      const res = await admin(call).send({ tiers: entryMoved }).expect(422);
      expect(res.body.code).toBe('LADDER_ORDER_INVALID');
      expect(res.body.details).toEqual([{ field: 'tiers[1]', message: expect.stringContaining('STANDARD is the entry tier') }]);
    }
    // A threshold tier moved above a rank tier.
    const rankBelow = [
      DEFAULT_LADDER[0],
      { ...DEFAULT_LADDER[2], kind: 'rank', rankTopN: 10 },
      { ...DEFAULT_LADDER[1], earnMultiplierPermille: 2000 },
    ];
    const below = await admin(t.http.put('/api/v1/admin/tiers')).send({ tiers: rankBelow }).expect(422);
    expect(below.body).toMatchObject({ code: 'LADDER_ORDER_INVALID', details: [{ field: 'tiers[2].kind' }] });
    // A swap that keeps each tier's criteria cannot be climbed: the ladder's own rule says which criterion to change.
    const swapped = await admin(t.http.put('/api/v1/admin/tiers'))
      .send({ tiers: [DEFAULT_LADDER[0], DEFAULT_LADDER[2], DEFAULT_LADDER[1]] })
      .expect(422);
    expect(swapped.body).toMatchObject({
      code: 'LADDER_INVALID',
      details: [{ field: 'tiers[2].earnMultiplierPermille' }, { field: 'tiers[2].minSpendCents' }],
    });
    expect((await ranks()).map((r) => r.code)).toEqual(['STANDARD', 'VIP', 'SVIP']);
    expect(await auditRows('tiers.replace')).toHaveLength(replaces);

    // Two VIP members with 80,000 purchases this month: SVIP moved below VIP and asking 70,000 purchases takes them
    // down into it (VIP, now the top, asks 85,000).
    const month = `${new Date().toISOString().slice(0, 7)}-01`;
    const movers = [await createMember(t), await createMember(t)];
    for (const m of movers) {
      await t.db.query('INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases) VALUES (?, ?, 0, 0, 80000)', [
        m.memberId,
        month,
      ]);
      await t.db.query("UPDATE members SET tier_code = 'VIP' WHERE id = ?", [m.memberId]);
    }
    const reordered = [
      DEFAULT_LADDER[0],
      { ...DEFAULT_LADDER[2], minSpendCents: null, minPurchases: 70_000, earnMultiplierPermille: 1500 },
      { ...DEFAULT_LADDER[1], minSpendCents: null, minPurchases: 85_000, earnMultiplierPermille: 2000 },
    ];
    const whatIf = await admin(t.http.post('/api/v1/admin/tiers/simulate')).send({ tiers: reordered, refresh: true }).expect(200);
    const [held] = await t.db.query(
      "SELECT SUM(tier_code = 'VIP') AS vip, SUM(tier_code = 'SVIP') AS svip FROM members WHERE status <> 'merged'",
    );
    const [windows] = await t.db.query(
      "SELECT SUM(w.purchases >= 70000 AND w.purchases < 85000 AND m.tier_code = 'VIP') AS down FROM member_window_stats w JOIN members m ON m.id = w.member_id WHERE m.status <> 'merged'",
    );
    const byCode = Object.fromEntries((whatIf.body.tiers as Array<{ code: string }>).map((x) => [x.code, x]));
    expect(whatIf.body.tiers.map((x: { code: string }) => x.code)).toEqual(['STANDARD', 'SVIP', 'VIP']);
    expect(byCode.VIP).toMatchObject({ membersNow: Number(held.vip) });
    expect(byCode.SVIP).toMatchObject({ membersNow: Number(held.svip), movingDown: Number(windows.down) });
    expect(Number(windows.down)).toBeGreaterThanOrEqual(2);
    expect(whatIf.body.removed).toEqual([]);

    await admin(t.http.put('/api/v1/admin/tiers')).send({ tiers: reordered }).expect(200);
    expect((await ranks()).map((r) => r.code)).toEqual(['STANDARD', 'SVIP', 'VIP']);
    const [audit] = (await auditRows('tiers.reorder')).slice(-1);
    expect(JSON.parse(audit.changes)).toEqual({ from: ['STANDARD', 'VIP', 'SVIP'], to: ['STANDARD', 'SVIP', 'VIP'] });
    expect(audit.actor_id).toBeTruthy();
    // Back to the default ladder (another reorder), for the tests after this one.
    for (const m of movers) {
      await t.db.query("UPDATE members SET tier_code = 'STANDARD' WHERE id = ?", [m.memberId]);
      await t.db.query('DELETE FROM member_monthly_stats WHERE member_id = ?', [m.memberId]);
    }
    await admin(t.http.put('/api/v1/admin/tiers')).send({ tiers: DEFAULT_LADDER }).expect(200);
    expect((await ranks()).map((r) => r.code)).toEqual(['STANDARD', 'VIP', 'SVIP']);
    expect(await auditRows('tiers.reorder')).toHaveLength(reorders + 2);
  });

  it('an accepted ladder edit is audited and applies to the next POS purchase, in the worker process too', async () => {
    const m = await createMember(t);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 500_000 }]))
      .expect(201);
    const workerTiers = worker.get(TiersService);
    expect((await workerTiers.list()).find((x) => x.code === 'VIP')?.earnMultiplierPermille).toBe(1500); // cached there now
    const edited = [
      DEFAULT_LADDER[0],
      { ...DEFAULT_LADDER[1], earnMultiplierPermille: 3000 },
      { ...DEFAULT_LADDER[2], earnMultiplierPermille: 3000 },
    ];
    await admin(t.http.put('/api/v1/admin/tiers')).send({ tiers: edited }).expect(200);
    const [audit] = (await auditRows('tiers.replace')).slice(-1);
    expect(audit.actor_id).toBeTruthy();
    const changes = JSON.parse(audit.changes);
    expect(changes.before[1].earnMultiplierPermille).toBe(1500);
    expect(changes.after[1].earnMultiplierPermille).toBe(3000);
    const next = await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 10_000 }]))
      .expect(201);
    expect(next.body.pointsEarned).toBe(300);
    let seen = 0;
    for (let i = 0; i < 50 && seen !== 3000; i++) {
      seen = (await workerTiers.list()).find((x) => x.code === 'VIP')?.earnMultiplierPermille ?? 0;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toBe(3000); // well before the 5 s cache would have expired
    await admin(t.http.put('/api/v1/admin/tiers')).send({ tiers: DEFAULT_LADDER }).expect(200);
  });

  it('program settings: read, patched with validation and audit', async () => {
    const res = await admin(t.http.get('/api/v1/admin/program')).expect(200);
    expect(res.body).toMatchObject({ tierReviewMonths: 12, qualifyingWindowMonths: expect.any(Number) });
    await admin(t.http.patch('/api/v1/admin/program')).send({ centsPerPoint: 0 }).expect(400);
    await admin(t.http.patch('/api/v1/admin/program')).send({ tierReviewMonths: 6 }).expect(200);
    const [audit] = (await auditRows('program.update')).slice(-1);
    expect(JSON.parse(audit.changes)).toEqual({ before: { tierReviewMonths: 12 }, after: { tierReviewMonths: 6 } });
    const back = await admin(t.http.patch('/api/v1/admin/program')).send({ tierReviewMonths: 12 }).expect(200);
    expect(back.body.tierReviewMonths).toBe(12);
  });

  it('POST tiers/reviews answers 202 with a job that completes and downgrades a due member one level', async () => {
    const m = await createMember(t);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 2_000_000 }]))
      .expect(201);
    await t.db.query("UPDATE member_monthly_stats SET month = '2015-01-01' WHERE member_id = ?", [m.memberId]);
    await t.db.query('UPDATE members SET tier_review_at = DATE_SUB(NOW(3), INTERVAL 1 DAY) WHERE id = ?', [m.memberId]);
    const started = await admin(t.http.post('/api/v1/admin/tiers/reviews')).expect(202);
    expect(started.body.jobId).toEqual(expect.any(String));
    let view: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++) {
      view = (await admin(t.http.get(`/api/v1/admin/jobs/${started.body.jobId}`)).expect(200)).body;
      if (view.state !== 'running') {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(view).toMatchObject({ kind: 'tier-review', state: 'completed', percent: 100 });
    expect((view.totals as Record<string, number>).downgraded).toBeGreaterThanOrEqual(1);
    const detail = await admin(t.http.get(`/api/v1/admin/members/${m.memberId}`)).expect(200);
    expect(detail.body.tier).toMatchObject({ code: 'VIP', grant: null });
    expect(detail.body.tier.reviewAt).not.toBeNull();
  });

  it('simulate answers members now and after, moves and spend shares for a known population', async () => {
    const members = await Promise.all([createMember(t), createMember(t), createMember(t)]);
    const month = `${new Date().toISOString().slice(0, 7)}-01`;
    for (const [i, m] of members.entries()) {
      await t.db.query('INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases) VALUES (?, ?, ?, 0, ?)', [
        m.memberId,
        month,
        (i + 1) * 1000,
        90_000 + i * 1000,
      ]);
    }
    const proposal = [
      DEFAULT_LADDER[0],
      tier('VIP', { minPurchases: 90_000, earnMultiplierPermille: 1500 }),
      tier('SVIP', { minPurchases: 91_500, earnMultiplierPermille: 2000 }),
    ];
    // The stats were just written: ask for a fresh snapshot rather than the last refresh's.
    const res = await admin(t.http.post('/api/v1/admin/tiers/simulate')).send({ tiers: proposal, refresh: true }).expect(200);
    expect(res.body.snapshotRefreshed).toBe(true);
    const [counts] = await t.db.query("SELECT COUNT(*) AS n, SUM(tier_code = 'STANDARD') AS std FROM members");
    const byCode = Object.fromEntries(
      (res.body.tiers as Array<{ code: string; membersNow: number; membersAfter: number; spendShareAfter: number }>).map((x) => [
        x.code,
        x,
      ]),
    );
    expect(res.body.members).toBe(Number(counts.n));
    expect(byCode.VIP).toMatchObject({ membersAfter: 2, movingUp: 2, movingDown: 0 });
    expect(byCode.SVIP).toMatchObject({ membersAfter: 1, movingUp: 1, spendCentsAfter: 3000 });
    expect(byCode.STANDARD.membersNow).toBe(Number(counts.std));
    expect(byCode.STANDARD.membersAfter).toBe(Number(counts.n) - 3);
    expect(byCode.SVIP.spendShareAfter).toBeCloseTo(3000 / res.body.spendCents12m, 4);
    await admin(t.http.post('/api/v1/admin/tiers/simulate'))
      .send({ tiers: [proposal[0], proposal[2], proposal[1]] })
      .expect(422);
  });

  it('the daily snapshot refresh runs as a job over member-id ranges; simulate then reads it and says asOf', async () => {
    const { runId } = await worker.get(RefreshWindowStatsUseCase).start(new Date());
    let view: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++) {
      view = (await admin(t.http.get(`/api/v1/admin/jobs/${runId}`)).expect(200)).body;
      const [snap] = await t.db.query('SELECT finished_at FROM window_stats_snapshots WHERE id = ?', [runId]);
      if (view.state !== 'running' && snap.finished_at !== null) {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const [{ n }] = await t.db.query('SELECT COUNT(*) AS n FROM members');
    expect(view).toMatchObject({ kind: 'tier-window-stats', state: 'completed', totals: { members: Number(n) } });
    const [snapshot] = await t.db.query('SELECT as_of, finished_at FROM window_stats_snapshots WHERE id = ?', [runId]);
    expect(snapshot.finished_at).not.toBeNull();

    // A purchase after the snapshot: the simulation answers as of the snapshot until it is refreshed.
    const m = await createMember(t);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 600_000 }]))
      .expect(201);
    const vipAfter = (body: { tiers: Array<{ code: string; membersAfter: number }> }) =>
      body.tiers.find((x) => x.code === 'VIP')!.membersAfter;
    const read = await admin(t.http.post('/api/v1/admin/tiers/simulate')).send({ tiers: DEFAULT_LADDER }).expect(200);
    expect(read.body).toMatchObject({ snapshotRefreshed: false, asOf: new Date(snapshot.as_of).toISOString() });
    const fresh = await admin(t.http.post('/api/v1/admin/tiers/simulate')).send({ tiers: DEFAULT_LADDER, refresh: true }).expect(200);
    expect(fresh.body.snapshotRefreshed).toBe(true);
    expect(vipAfter(fresh.body)).toBe(vipAfter(read.body) + 1);
    await admin(t.http.post('/api/v1/admin/tiers/simulate')).send({ tiers: DEFAULT_LADDER, refresh: 'yes' }).expect(400);
  });

  it('a manual grant sets the tier with its end date, audited, shown to the POS and in the admin view', async () => {
    const m = await createMember(t);
    const endsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    await admin(t.http.post(`/api/v1/admin/members/${m.memberId}/tier-grants`))
      .send({ tierCode: 'SVIP', endsAt: new Date(Date.now() - 1000).toISOString(), reason: 'too late' })
      .expect(422);
    const res = await admin(t.http.post(`/api/v1/admin/members/${m.memberId}/tier-grants`))
      .send({ tierCode: 'SVIP', endsAt, reason: 'Service recovery (ticket 4711)' })
      .expect(201);
    expect(res.body).toMatchObject({ tierCode: 'SVIP', previousTier: 'STANDARD', endsAt });
    const lookup = await pos(t, store).lookup({ cardNo: m.cardNo }).expect(200);
    expect(lookup.body.tier).toEqual({ code: 'SVIP', name: 'SVIP', priorityService: true });
    const detail = await admin(t.http.get(`/api/v1/admin/members/${m.memberId}`)).expect(200);
    expect(detail.body.tier).toMatchObject({ code: 'SVIP', grant: { tierCode: 'SVIP', endsAt, reason: 'Service recovery (ticket 4711)' } });
    const history = await t.db.query('SELECT reason FROM tier_history WHERE member_id = ? ORDER BY id DESC LIMIT 1', [m.memberId]);
    expect(history).toEqual([{ reason: 'manual' }]);
    const audits = await t.db.query("SELECT entity_id FROM audit_log WHERE action = 'member.tier_grant' AND entity_id = ?", [m.memberId]);
    expect(audits).toHaveLength(1);
  });
});
