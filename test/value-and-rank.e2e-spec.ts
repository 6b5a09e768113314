import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { RankReviewPicks1795714141401 } from '../migrations/1795714141401-RankReviewPicks';
import { QueueName } from '../src/queue/queue.constants';
import { nextRankReviewAt } from '../src/modules/tiers/rules/rank-review-date';
import { qualifyingWindowStart } from '../src/modules/tiers/rules/tier-qualification';
import { TiersService } from '../src/modules/tiers/tiers.service';
import { GradeCutoffs, gradeCutoffs, gradeOf } from '../src/modules/value/rules/grades';
import { DEFAULT_REFERENCE, DEFAULT_WEIGHTS, valueScore } from '../src/modules/value/rules/value-score';
import { compareRank } from '../src/modules/value/rules/rank-selection';
import { WorkerModule } from '../src/worker.module';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestMember, TestStore } from './support/factories';
import { ownDatabase } from './support/own-database';
import { startTestApp, TestApp } from './support/test-app';

interface JobView {
  state: string;
  total: number;
  done: number;
  totals: Record<string, number>;
}

describe('customer value and rank-based tiers (real worker)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let token: string;
  let store: TestStore;

  // Rank tiers by a share of all members: the suite counts only its own members (a database of its own).
  const own = ownDatabase('vr');

  beforeAll(async () => {
    await own.enter();
    t = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: false });
    await worker.init();
    token = await loginAdmin(t);
    store = await createStore(t);
  });

  afterAll(async () => {
    await t.db.query(
      "UPDATE tiers SET kind = 'threshold', rank_top_n = NULL, rank_top_permille = NULL, min_spend_cents = 2000000, min_points = NULL, min_purchases = NULL, qualify_mode = 'any' WHERE code = 'SVIP'",
    );
    await worker.close();
    await t.close();
    await own.leave();
  });

  const admin = () => ({
    get: (url: string) => t.http.get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string) => t.http.post(url).set('Authorization', `Bearer ${token}`),
    put: (url: string) => t.http.put(url).set('Authorization', `Bearer ${token}`),
  });

  async function follow(jobId: string): Promise<JobView> {
    for (let i = 0; i < 600; i++) {
      const view = await admin().get(`/api/v1/admin/jobs/${jobId}`).expect(200);
      if (view.body.state !== 'running') {
        return view.body as JobView;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  async function valueRun(): Promise<{ jobId: string; view: JobView }> {
    const res = await admin().post('/api/v1/admin/analytics/value-runs').expect(202);
    const view = await follow(res.body.jobId as string);
    expect(view).toMatchObject({ state: 'completed' });
    expect(view.done).toBe(view.total);
    return { jobId: res.body.jobId as string, view };
  }

  async function buy(m: TestMember, yuan: number, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: yuan * 100 }]))
        .expect(201);
    }
  }

  it('a rank review asked for before any value run of the month is refused with 409 RANK_REVIEW_NEEDS_VALUE_RUN and demotes nobody', async () => {
    const holder = await createMember(t);
    try {
      await t.db.query(
        "UPDATE tiers SET kind = 'rank', rank_top_n = 10, rank_top_permille = NULL, min_spend_cents = NULL, min_points = NULL, min_purchases = NULL WHERE code = 'SVIP'",
      );
      t.app.get(TiersService).invalidate();
      await t.db.query("UPDATE members SET tier_code = 'SVIP' WHERE id = ?", [holder.memberId]);
      const rankRuns = async () => (await t.db.query("SELECT id FROM job_runs WHERE kind = 'tier-rank-review'")).length;
      const before = await rankRuns();

      // No value run at all (a database of its own): nothing to rank by.
      const none = await admin().post('/api/v1/admin/tiers/rank-reviews').expect(409);
      expect(none.body).toMatchObject({ statusCode: 409, code: 'RANK_REVIEW_NEEDS_VALUE_RUN' });
      expect(none.body.message).toMatch(/no value run has finished yet/);
      expect(none.body.message).toMatch(/value-runs/);

      // A value run whose figures are for last month does not cover this month either.
      const { jobId } = await valueRun();
      const [{ as_of: asOf }] = await t.db.query<Array<{ as_of: Date }>>('SELECT as_of FROM value_runs WHERE id = ?', [jobId]);
      const lastMonth = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), 0, 12));
      await t.db.query('UPDATE value_runs SET as_of = ? WHERE id = ?', [lastMonth, jobId]);
      const stale = await admin().post('/api/v1/admin/tiers/rank-reviews').expect(409);
      expect(stale.body.code).toBe('RANK_REVIEW_NEEDS_VALUE_RUN');
      expect(await rankRuns()).toBe(before);
      expect((await t.db.query('SELECT tier_code FROM members WHERE id = ?', [holder.memberId]))[0].tier_code).toBe('SVIP');
      expect(await t.db.query("SELECT id FROM tier_history WHERE member_id = ? AND reason = 'rank'", [holder.memberId])).toEqual([]);

      // With this month's value run finished, it starts.
      await t.db.query('UPDATE value_runs SET as_of = ? WHERE id = ?', [asOf, jobId]);
      const started = await admin().post('/api/v1/admin/tiers/rank-reviews').expect(202);
      expect((await follow(started.body.jobId as string)).state).toBe('completed');
    } finally {
      await t.db.query(
        "UPDATE tiers SET kind = 'threshold', rank_top_n = NULL, rank_top_permille = NULL, min_spend_cents = 2000000, min_points = NULL, min_purchases = NULL, qualify_mode = 'any' WHERE code = 'SVIP'",
      );
      t.app.get(TiersService).invalidate();
    }
  });

  async function snapshot(): Promise<unknown[]> {
    return t.db.query('SELECT member_id, score, grade, r, f, m, value_rank, spend_12m FROM member_values ORDER BY member_id');
  }

  it('a value run grades every member; the member value and the pyramid show it, and movements after the next run', async () => {
    const big = await createMember(t);
    const small = await createMember(t);
    const none = await createMember(t);
    await buy(big, 300_000, 2);
    await buy(small, 50);

    const { jobId, view } = await valueRun();
    const [{ n }] = await t.db.query('SELECT COUNT(*) AS n FROM members');
    expect(view.totals.members).toBe(Number(n));
    expect(view.totals.graded).toBe(Number(n));

    // Other suites' members share the database: grades and ranks are checked against the run's own cut-offs and order.
    const pyramid = await admin().get('/api/v1/admin/analytics/value-pyramid').expect(200);
    const bigValue = await admin().get(`/api/v1/admin/members/${big.memberId}/value`).expect(200);
    expect(bigValue.body).toMatchObject({
      memberId: big.memberId,
      grade: gradeOf(bigValue.body.score as number, pyramid.body.cutoffs as GradeCutoffs),
      rfm: { r: 5 },
      runId: jobId,
      figures: { spendCents: 60_000_000, purchases: 2 },
    });
    const smallValue = await admin().get(`/api/v1/admin/members/${small.memberId}/value`).expect(200);
    expect(smallValue.body.score).toBeLessThan(bigValue.body.score);
    expect(smallValue.body.score).toBeGreaterThan(0);
    expect(smallValue.body.rank).toBeGreaterThan(bigValue.body.rank);
    expect(smallValue.body.grade).toBe(gradeOf(smallValue.body.score as number, pyramid.body.cutoffs as GradeCutoffs));
    const noneValue = await admin().get(`/api/v1/admin/members/${none.memberId}/value`).expect(200);
    expect(noneValue.body).toMatchObject({ score: 0, grade: 'C', rfm: { r: 1, f: 1, m: 1 } });

    expect(pyramid.body.runId).toBe(jobId);
    expect(pyramid.body.grades.map((g: { grade: string }) => g.grade)).toEqual(['A', 'B', 'C']);
    expect(pyramid.body.grades.reduce((s: number, g: { members: number }) => s + g.members, 0)).toBe(Number(n));
    expect(pyramid.body.grades[0].spendShare + pyramid.body.grades[1].spendShare + pyramid.body.grades[2].spendShare).toBeCloseTo(1, 3);
    expect(pyramid.body.movements.reduce((s: number, m: { members: number }) => s + m.members, 0)).toBe(Number(n));

    // The small member buys big: the next run keeps its former grade as previousGrade, and the pyramid counts the move.
    const before = smallValue.body.grade as string;
    await buy(small, 900_000);
    const second = await valueRun();
    const after = await admin().get(`/api/v1/admin/members/${small.memberId}/value`).expect(200);
    expect(after.body).toMatchObject({ previousGrade: before, runId: second.jobId });
    expect(after.body.score).toBeGreaterThan(smallValue.body.score);
    expect(after.body.rank).toBeLessThan(smallValue.body.rank);
    const pyramid2 = await admin().get('/api/v1/admin/analytics/value-pyramid').expect(200);
    expect(pyramid2.body.runId).toBe(second.jobId);
    expect(pyramid2.body.movements).toContainEqual(expect.objectContaining({ from: before, to: after.body.grade }));
  });

  it('value settings: refused edits answer 400/422 with the field and change nothing; an accepted edit is audited and the next value run scores and grades by it', async () => {
    const defaults = {
      weights: DEFAULT_WEIGHTS,
      reference: DEFAULT_REFERENCE,
      grades: { aPercent: 80, bPercent: 15 },
    };
    const initial = await admin().get('/api/v1/admin/value/settings').expect(200);
    expect(initial.body).toMatchObject(defaults);
    const audits = async () =>
      t.db.query<Array<{ changes: string }>>("SELECT changes FROM audit_log WHERE action = 'value.settings' ORDER BY id");
    const auditsBefore = (await audits()).length;

    const refused: Array<[unknown, number, string, string]> = [
      [{ ...defaults, weights: { spendPermille: 0, pointsPermille: 0, purchasesPermille: 0 } }, 422, 'VALUE_SETTINGS_INVALID', 'weights'],
      [{ ...defaults, grades: { aPercent: 90, bPercent: 11 } }, 422, 'VALUE_SETTINGS_INVALID', 'grades.bPercent'],
      [{ ...defaults, weights: { ...DEFAULT_WEIGHTS, spendPermille: -1 } }, 400, 'VALIDATION_FAILED', 'weights.spendPermille'],
      [{ weights: DEFAULT_WEIGHTS, grades: defaults.grades }, 400, 'VALIDATION_FAILED', 'reference'],
      [{ ...defaults, reference: { ...DEFAULT_REFERENCE, purchases: 0 } }, 400, 'VALIDATION_FAILED', 'reference.purchases'],
    ];
    for (const [body, status, code, field] of refused) {
      const res = await admin()
        .put('/api/v1/admin/value/settings')
        .send(body as object);
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    expect((await admin().get('/api/v1/admin/value/settings').expect(200)).body).toEqual(initial.body);
    expect(await audits()).toHaveLength(auditsBefore);

    // Only purchases count now, and A is the first 50% of value, B the next 30%.
    const proposal = {
      weights: { spendPermille: 0, pointsPermille: 0, purchasesPermille: 1000 },
      reference: DEFAULT_REFERENCE,
      grades: { aPercent: 50, bPercent: 30 },
    };
    try {
      const saved = await admin().put('/api/v1/admin/value/settings').send(proposal).expect(200);
      expect(saved.body).toMatchObject(proposal);
      expect((await admin().get('/api/v1/admin/value/settings').expect(200)).body).toEqual(saved.body);
      const audit = await audits();
      expect(audit).toHaveLength(auditsBefore + 1);
      expect(JSON.parse(audit[audit.length - 1].changes)).toEqual({
        before: { weights: initial.body.weights, reference: initial.body.reference, grades: initial.body.grades },
        after: proposal,
      });

      const frequent = await createMember(t);
      await buy(frequent, 10, 3);
      const { jobId } = await valueRun();
      const value = await admin().get(`/api/v1/admin/members/${frequent.memberId}/value`).expect(200);
      expect(value.body.score).toBe(valueScore({ spendCents: 3000, points: 30, purchases: 3 }, proposal.weights, DEFAULT_REFERENCE));
      expect(value.body.score).toBe(125_000);
      const pyramid = await admin().get('/api/v1/admin/analytics/value-pyramid').expect(200);
      expect(pyramid.body).toMatchObject({ runId: jobId, weights: proposal.weights, gradeShares: proposal.grades });
      const scores = (await t.db.query<Array<{ score: string }>>('SELECT score FROM member_values')).map((r) => Number(r.score));
      expect(pyramid.body.cutoffs).toEqual(gradeCutoffs(scores, { a: 50, b: 80 }));
    } finally {
      await admin().put('/api/v1/admin/value/settings').send(defaults).expect(200);
    }
  });

  it('a member with no value yet is 404 VALUE_NOT_COMPUTED; the routes need a console login', async () => {
    const fresh = await createMember(t);
    const res = await admin().get(`/api/v1/admin/members/${fresh.memberId}/value`).expect(404);
    expect(res.body.code).toBe('VALUE_NOT_COMPUTED');
    await t.http.get('/api/v1/admin/analytics/value-pyramid').expect(401);
    await t.http.post('/api/v1/admin/tiers/rank-reviews').expect(401);
  });

  it('a value run whose part fails once and succeeds on its retry ends with the same values', async () => {
    await valueRun();
    const expected = await snapshot();
    const queue = worker.get<Queue>(getQueueToken(QueueName.MemberValue));
    // The part's writes fail while the table is away; BullMQ retries the part after its backoff.
    await t.db.query('RENAME TABLE member_values TO member_values_away');
    let jobId: string;
    try {
      jobId = (await admin().post('/api/v1/admin/analytics/value-runs').expect(202)).body.jobId as string;
      for (let i = 0; ; i++) {
        const job = await queue.getJob(`${jobId}-0`);
        if (job && job.attemptsMade >= 1) {
          break;
        }
        if (i > 200) {
          throw new Error('the part did not fail');
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await t.db.query('RENAME TABLE member_values_away TO member_values');
    }
    const view = await follow(jobId);
    expect(view).toMatchObject({ state: 'completed' });
    expect((await queue.getJob(`${jobId}-0`))?.attemptsMade).toBeGreaterThanOrEqual(1);
    expect(await snapshot()).toEqual(expected);
  });

  it('the rank review gives SVIP to exactly the top N eligible by score (ties by member id), steps the others down, and the POS shows priority service', async () => {
    await t.db.query(
      "UPDATE tiers SET kind = 'rank', rank_top_n = 1000000, min_spend_cents = 500000000, min_purchases = 3, qualify_mode = 'all' WHERE code = 'SVIP'",
    );
    t.app.get(TiersService).invalidate();
    const twinA = await createMember(t);
    const twinB = await createMember(t);
    const top = await createMember(t);
    const oneBigBuy = await createMember(t);
    const fallsToVip = await createMember(t);
    const fallsToStandard = await createMember(t);
    await buy(twinA, 2_000_000, 3);
    await buy(twinB, 2_000_000, 3);
    await buy(top, 2_000_000, 4);
    await buy(oneBigBuy, 50_000_000); // the highest score, but one purchase: not eligible
    await buy(fallsToVip, 6_000);
    await t.db.query("UPDATE members SET tier_code = 'SVIP' WHERE id IN (?, ?)", [fallsToVip.memberId, fallsToStandard.memberId]);

    await valueRun();
    // N is set so that the line falls between the twins (same score and spend): members of other suites who are
    // eligible and rank ahead of them count too. The eligible are found here independently of the review's SQL.
    const eligible: Array<{ member_id: string; score: string; spend_12m: string }> = await t.db.query(
      `SELECT mv.member_id, mv.score, mv.spend_12m FROM member_values mv
         JOIN (SELECT member_id, SUM(spend_cents) AS spend, SUM(purchases) AS purchases FROM member_monthly_stats
                WHERE month >= ? GROUP BY member_id) q ON q.member_id = mv.member_id
        WHERE q.spend >= 500000000 AND q.purchases >= 3`,
      [qualifyingWindowStart(new Date(), Number((await t.db.query('SELECT qualifying_window_months AS w FROM program_settings'))[0].w))],
    );
    const ranked = eligible
      .map((e) => ({ memberId: e.member_id, score: Number(e.score), spendCents: Number(e.spend_12m) }))
      .sort(compareRank)
      .map((c) => c.memberId);
    const [firstTwin, secondTwin] = [twinA, twinB].sort((x, y) => (x.memberId < y.memberId ? -1 : 1));
    const n = ranked.indexOf(secondTwin.memberId);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(ranked.slice(0, n)).toEqual(expect.arrayContaining([top.memberId, firstTwin.memberId]));
    expect(ranked).not.toContain(oneBigBuy.memberId);
    await t.db.query("UPDATE tiers SET rank_top_n = ? WHERE code = 'SVIP'", [n]);

    const res = await admin().post('/api/v1/admin/tiers/rank-reviews').expect(202);
    const review = await follow(res.body.jobId as string);
    expect(review).toMatchObject({ state: 'completed', total: 1, done: 1 });
    expect(review.totals.holders).toBe(n);

    const svip: Array<{ id: string }> = await t.db.query("SELECT id FROM members WHERE tier_code = 'SVIP' ORDER BY id");
    // Holders with an open grant of SVIP (other suites') stay beside the picks until their grant ends.
    const granted: Array<{ member_id: string }> = await t.db.query(
      "SELECT member_id FROM tier_grants WHERE tier_code = 'SVIP' AND ended_at IS NULL AND ends_at > NOW(3)",
    );
    const keptByGrant = granted.map((g) => g.member_id).filter((id) => !ranked.slice(0, n).includes(id));
    expect(review.totals.keptByGrant ?? 0).toBe(keptByGrant.length);
    expect(svip.map((r) => r.id)).toEqual([...ranked.slice(0, n), ...keptByGrant].sort());
    const tierOf = async (m: TestMember) =>
      (await t.db.query<Array<{ tier_code: string }>>('SELECT tier_code FROM members WHERE id = ?', [m.memberId]))[0].tier_code;
    expect(await tierOf(secondTwin)).toBe('VIP');
    expect(await tierOf(oneBigBuy)).toBe('VIP');
    expect(await tierOf(fallsToVip)).toBe('VIP');
    expect(await tierOf(fallsToStandard)).toBe('STANDARD');
    const history = await t.db.query(
      "SELECT member_id, from_tier, to_tier FROM tier_history WHERE reason = 'rank' AND ref_id = ? ORDER BY member_id",
      [res.body.jobId],
    );
    expect(history).toEqual(
      expect.arrayContaining([
        { member_id: top.memberId, from_tier: 'VIP', to_tier: 'SVIP' },
        { member_id: firstTwin.memberId, from_tier: 'VIP', to_tier: 'SVIP' },
        { member_id: fallsToVip.memberId, from_tier: 'SVIP', to_tier: 'VIP' },
        { member_id: fallsToStandard.memberId, from_tier: 'SVIP', to_tier: 'STANDARD' },
      ]),
    );

    const lookupTop = await pos(t, store).lookup({ cardNo: top.cardNo }).expect(200);
    expect(lookupTop.body.tier).toEqual({ code: 'SVIP', name: 'SVIP', priorityService: true });
    const lookupTwin = await pos(t, store).lookup({ cardNo: secondTwin.cardNo }).expect(200);
    expect(lookupTwin.body.tier.priorityService).toBe(false);

    // Run again on the same data: nothing moves.
    const again = await follow((await admin().post('/api/v1/admin/tiers/rank-reviews').expect(202)).body.jobId as string);
    expect(again.totals).toMatchObject({ promoted: 0, steppedDown: 0, holders: n });
    expect(
      (await t.db.query<Array<{ id: string }>>("SELECT id FROM members WHERE tier_code = 'SVIP' ORDER BY id")).map((r) => r.id),
    ).toEqual(svip.map((r) => r.id));
  });

  it('rank review job totals are camelCase like every job’s (steppedDown, keptByGrant), runs stored before included once the migration renamed them', async () => {
    const fresh = await follow((await admin().post('/api/v1/admin/tiers/rank-reviews').expect(202)).body.jobId as string);
    expect(Object.keys(fresh.totals).sort()).toEqual(['holders', 'keptByGrant', 'promoted', 'seats', 'steppedDown']);

    // A run recorded by the code before: its part figures in snake_case, as existing databases hold them.
    const oldRun = randomUUID();
    await t.db.query(
      `INSERT INTO job_runs (id, kind, state, total, done, failed, params, result, created_by, created_at, updated_at, finished_at)
       VALUES (?, 'tier-rank-review', 'completed', 1, 1, 0, NULL, NULL, NULL, NOW(3) - INTERVAL 40 DAY, NOW(3), NOW(3) - INTERVAL 40 DAY)`,
      [oldRun],
    );
    await t.db.query(`INSERT INTO job_run_parts (run_id, part_no, state, result, updated_at) VALUES (?, 0, 'done', ?, NOW(3))`, [
      oldRun,
      '{"promoted":2,"stepped_down":3,"holders":5,"kept_by_grant":1,"seats":5}',
    ]);
    const runner = t.db.createQueryRunner();
    try {
      // What the migration's up() does to stored runs (the table it also creates exists already here).
      await RankReviewPicks1795714141401.renameTotals(runner);
    } finally {
      await runner.release();
    }
    const old = await follow(oldRun);
    expect(old.totals).toEqual({ promoted: 2, steppedDown: 3, holders: 5, keptByGrant: 1, seats: 5 });
  });

  describe('rank review semantics: manual grants, review dates, the daily review, top x%', () => {
    const MIN_SPEND = 500_000_000;

    /** Every member eligible for SVIP now (its minimum: spend and 3 purchases), in ranking order, found independently of the review's SQL. */
    async function rankedEligible(): Promise<string[]> {
      const [{ w }] = await t.db.query<Array<{ w: number }>>('SELECT qualifying_window_months AS w FROM program_settings');
      const eligible: Array<{ member_id: string; score: string; spend_12m: string }> = await t.db.query(
        `SELECT mv.member_id, mv.score, mv.spend_12m FROM member_values mv
           JOIN members mb ON mb.id = mv.member_id AND mb.status NOT IN ('merged', 'erasing', 'erased')
           JOIN (SELECT member_id, SUM(spend_cents) AS spend, SUM(purchases) AS purchases FROM member_monthly_stats
                  WHERE month >= ? GROUP BY member_id) q ON q.member_id = mv.member_id
          WHERE q.spend >= ? AND q.purchases >= 3`,
        [qualifyingWindowStart(new Date(), Number(w)), MIN_SPEND],
      );
      return eligible
        .map((e) => ({ memberId: e.member_id, score: Number(e.score), spendCents: Number(e.spend_12m) }))
        .sort(compareRank)
        .map((c) => c.memberId);
    }

    async function rankReview(): Promise<JobView & { jobId: string; startedAt: Date }> {
      const startedAt = new Date();
      const res = await admin().post('/api/v1/admin/tiers/rank-reviews').expect(202);
      const view = await follow(res.body.jobId as string);
      expect(view).toMatchObject({ state: 'completed' });
      return { ...view, jobId: res.body.jobId as string, startedAt };
    }

    async function tierReview(): Promise<JobView> {
      const view = await follow((await admin().post('/api/v1/admin/tiers/reviews').expect(202)).body.jobId as string);
      expect(view).toMatchObject({ state: 'completed' });
      return view;
    }

    const memberRow = async (m: TestMember) =>
      (
        await t.db.query<Array<{ tier_code: string; tier_review_at: Date | null }>>(
          'SELECT tier_code, tier_review_at FROM members WHERE id = ?',
          [m.memberId],
        )
      )[0];

    const grant = (m: TestMember, tierCode: string, endsAt: Date) =>
      admin()
        .post(`/api/v1/admin/members/${m.memberId}/tier-grants`)
        .send({ tierCode, endsAt: endsAt.toISOString(), reason: 'rank review test' })
        .expect(201);

    beforeAll(async () => {
      await t.db.query(
        "UPDATE tiers SET kind = 'rank', rank_top_n = 1, rank_top_permille = NULL, min_spend_cents = ?, min_purchases = 3, qualify_mode = 'all' WHERE code = 'SVIP'",
        [MIN_SPEND],
      );
      t.app.get(TiersService).invalidate();
    });

    it('an open grant keeps a holder the rank review did not pick until it ends, and never lets them step below a lower grant; picks get the next rank review as review date, the stepped-down their tier’s', async () => {
      const picked = await createMember(t);
      await buy(picked, 9_000_000, 3); // far ahead of anyone: the one seat
      const grantedSvip = await createMember(t);
      const grantedVip = await createMember(t);
      const plainFallen = await createMember(t);
      await buy(plainFallen, 6_000); // qualifies for VIP
      await valueRun();
      const ranked = await rankedEligible();
      expect(ranked[0]).toBe(picked.memberId);

      const endsAt = new Date(Date.now() + 30 * 86_400_000);
      await grant(grantedSvip, 'SVIP', endsAt);
      await grant(grantedVip, 'VIP', endsAt);
      // grantedVip and plainFallen held SVIP before (an earlier rank review placed them there).
      await t.db.query("UPDATE members SET tier_code = 'SVIP' WHERE id IN (?, ?)", [grantedVip.memberId, plainFallen.memberId]);
      await t.db.query("UPDATE tiers SET rank_top_n = 1 WHERE code = 'SVIP'");

      const review = await rankReview();
      expect(review.totals).toMatchObject({ seats: 1, holders: 1 });
      expect(review.totals.keptByGrant).toBeGreaterThanOrEqual(1);
      const nextRank = nextRankReviewAt(review.startedAt);
      expect(await memberRow(picked)).toEqual({ tier_code: 'SVIP', tier_review_at: nextRank });
      // The SVIP grant holds, and the review date stays the grant's end (the grant pass decides then).
      expect(await memberRow(grantedSvip)).toEqual({ tier_code: 'SVIP', tier_review_at: new Date(endsAt.toISOString()) });
      // Not below the VIP still granted, though nothing qualifies them for it; VIP is reviewed 12 months on.
      const vip = await memberRow(grantedVip);
      expect(vip.tier_code).toBe('VIP');
      const [{ months }] = await t.db.query<Array<{ months: number }>>('SELECT tier_review_months AS months FROM program_settings');
      const twelveOn = new Date(review.startedAt);
      twelveOn.setUTCMonth(twelveOn.getUTCMonth() + Number(months));
      expect(Math.abs((vip.tier_review_at as Date).getTime() - twelveOn.getTime())).toBeLessThan(60_000);
      expect((await memberRow(plainFallen)).tier_code).toBe('VIP');
      const history = await t.db.query<Array<{ member_id: string; to_tier: string }>>(
        "SELECT member_id, to_tier FROM tier_history WHERE reason = 'rank' AND ref_id = ? AND member_id IN (?, ?, ?, ?) ORDER BY member_id",
        [review.jobId, picked.memberId, grantedSvip.memberId, grantedVip.memberId, plainFallen.memberId],
      );
      expect(history.map((h) => [h.member_id, h.to_tier]).sort()).toEqual(
        [
          [picked.memberId, 'SVIP'],
          [grantedVip.memberId, 'VIP'],
          [plainFallen.memberId, 'VIP'],
        ].sort(),
      );

      // The grant ends (time passes: its end and the review date it set are behind us); the tier review's grant pass
      // reverts the member the grant alone held (grant_expiry) ...
      const ended = new Date(Date.now() - 1000);
      await t.db.query('UPDATE tier_grants SET ends_at = ? WHERE member_id = ? AND ended_at IS NULL', [ended, grantedSvip.memberId]);
      await t.db.query('UPDATE members SET tier_review_at = ? WHERE id = ?', [ended, grantedSvip.memberId]);
      await tierReview();
      expect((await memberRow(grantedSvip)).tier_code).toBe('STANDARD');
      expect(
        await t.db.query("SELECT from_tier, to_tier FROM tier_history WHERE member_id = ? AND reason = 'grant_expiry'", [
          grantedSvip.memberId,
        ]),
      ).toEqual([{ from_tier: 'SVIP', to_tier: 'STANDARD' }]);
      // ... and the next rank review, with the grant over, does not keep them.
      expect((await rankReview()).totals).toMatchObject({ promoted: 0, steppedDown: 0 });
    });

    it('a member the last rank review picked keeps the rank tier when a grant of it ends', async () => {
      const top = await createMember(t);
      await buy(top, 20_000_000, 3);
      await valueRun();
      expect((await rankedEligible())[0]).toBe(top.memberId);
      await t.db.query("UPDATE tiers SET rank_top_n = 1 WHERE code = 'SVIP'");
      await rankReview();
      expect((await memberRow(top)).tier_code).toBe('SVIP');
      await grant(top, 'SVIP', new Date(Date.now() + 86_400_000)); // holds them: the tier does not change
      await t.db.query('UPDATE tier_grants SET ends_at = ? WHERE member_id = ? AND ended_at IS NULL', [
        new Date(Date.now() - 1000),
        top.memberId,
      ]);
      const review = await tierReview();
      expect(review.totals.grantsEnded).toBeGreaterThanOrEqual(1);
      expect((await memberRow(top)).tier_code).toBe('SVIP');
      expect(await t.db.query("SELECT id FROM tier_history WHERE member_id = ? AND reason = 'grant_expiry'", [top.memberId])).toEqual([]);
      expect(await t.db.query('SELECT id FROM tier_grants WHERE member_id = ? AND ended_at IS NULL', [top.memberId])).toEqual([]);
    });

    it('a rank-tier grant that ends drops the tier for a member the last (hand-run) rank review did not pick, though their review date is still ahead', async () => {
      const first = await createMember(t);
      await buy(first, 40_000_000, 3);
      await valueRun();
      expect((await rankedEligible())[0]).toBe(first.memberId);
      await t.db.query("UPDATE tiers SET rank_top_n = 1 WHERE code = 'SVIP'");
      const picking = await rankReview();
      expect((await memberRow(first)).tier_code).toBe('SVIP');
      await grant(first, 'SVIP', new Date(Date.now() + 86_400_000));

      // Mid-month, someone overtakes them and a rank review is run by hand: the grant alone keeps them in SVIP.
      const second = await createMember(t);
      await buy(second, 50_000_000, 3);
      await valueRun();
      expect((await rankedEligible())[0]).toBe(second.memberId);
      const handRun = await rankReview();
      expect(handRun.totals.keptByGrant).toBeGreaterThanOrEqual(1);
      expect((await memberRow(first)).tier_code).toBe('SVIP');
      // Their review date is still the one the earlier review gave them: ahead.
      expect(((await memberRow(first)).tier_review_at as Date).getTime()).toBeGreaterThan(Date.now());
      const picks = async (runId: string) =>
        (
          await t.db.query<Array<{ member_id: string }>>('SELECT member_id FROM rank_review_picks WHERE run_id = ? ORDER BY member_id', [
            runId,
          ])
        ).map((r) => r.member_id);
      expect(await picks(picking.jobId)).toEqual([first.memberId]);
      expect(await picks(handRun.jobId)).toEqual([second.memberId]);

      // The grant ends: the last rank review did not pick them, so they fall back to the threshold tier they qualify for.
      await t.db.query('UPDATE tier_grants SET ends_at = ? WHERE member_id = ? AND ended_at IS NULL', [
        new Date(Date.now() - 1000),
        first.memberId,
      ]);
      await tierReview();
      expect((await memberRow(first)).tier_code).toBe('VIP');
      expect(
        await t.db.query("SELECT from_tier, to_tier FROM tier_history WHERE member_id = ? AND reason = 'grant_expiry'", [first.memberId]),
      ).toEqual([{ from_tier: 'SVIP', to_tier: 'VIP' }]);
      expect((await memberRow(second)).tier_code).toBe('SVIP');
    });

    it('an erased member takes no rank seat, however high their value score', async () => {
      const erased = await createMember(t);
      await buy(erased, 90_000_000, 3);
      await valueRun();
      const scores = await t.db.query<Array<{ member_id: string }>>('SELECT member_id FROM member_values ORDER BY score DESC LIMIT 1');
      expect(scores[0].member_id).toBe(erased.memberId);
      const erasure = await admin().post(`/api/v1/admin/members/${erased.memberId}/erasure`).expect(202);
      expect((await follow(erasure.body.jobId as string)).state).toBe('completed');
      await t.db.query("UPDATE tiers SET rank_top_n = 1 WHERE code = 'SVIP'");

      const review = await rankReview();
      expect(review.totals).toMatchObject({ seats: 1, holders: 1 });
      const ranked = await rankedEligible();
      expect(ranked).not.toContain(erased.memberId);
      expect((await memberRow(erased)).tier_code).not.toBe('SVIP');
      expect(await t.db.query('SELECT member_id FROM rank_review_picks WHERE run_id = ?', [review.jobId])).toEqual([
        { member_id: ranked[0] },
      ]);
    });

    it('the daily tier review leaves members of a rank tier alone even when their review date has passed and they qualify for nothing', async () => {
      const m = await createMember(t);
      await t.db.query("UPDATE members SET tier_code = 'SVIP', tier_review_at = ? WHERE id = ?", [
        new Date(Date.now() - 86_400_000),
        m.memberId,
      ]);
      const vip = await createMember(t);
      await t.db.query("UPDATE members SET tier_code = 'VIP', tier_review_at = ? WHERE id = ?", [
        new Date(Date.now() - 86_400_000),
        vip.memberId,
      ]);
      await tierReview();
      expect((await memberRow(m)).tier_code).toBe('SVIP');
      expect(await t.db.query("SELECT id FROM tier_history WHERE member_id = ? AND reason = 'review'", [m.memberId])).toEqual([]);
      // The same review does move a threshold member down: it ran over both.
      expect((await memberRow(vip)).tier_code).toBe('STANDARD');
    });

    it('a top x% tier has ceil(x% of all members) seats, filled in ranking order among the eligible', async () => {
      const contenders: TestMember[] = [];
      for (let i = 0; i < 5; i++) {
        const m = await createMember(t);
        await buy(m, 5_100_000 + i * 1000, 3);
        contenders.push(m);
      }
      await valueRun();
      const ranked = await rankedEligible();
      const [{ n }] = await t.db.query<Array<{ n: string }>>(
        "SELECT COUNT(*) AS n FROM members WHERE status NOT IN ('merged', 'erasing', 'erased')",
      );
      const population = Number(n);
      // A share (in ‰) of all members that gives a couple of seats, fewer than the eligible: seats count members, not the eligible.
      const permille = Math.max(1, Math.floor(2000 / population));
      const seats = Math.ceil((permille * population) / 1000);
      expect(seats).toBeGreaterThanOrEqual(2);
      expect(seats).toBeLessThan(ranked.length);
      await t.db.query("UPDATE tiers SET rank_top_n = NULL, rank_top_permille = ? WHERE code = 'SVIP'", [permille]);
      // Grants from the tests before have ended or were replaced; nobody else is held in SVIP.
      await t.db.query("UPDATE tier_grants SET ended_at = NOW(3) WHERE ended_at IS NULL AND tier_code = 'SVIP'");

      const review = await rankReview();
      expect(review.totals).toMatchObject({ seats, holders: seats });
      const svip = await t.db.query<Array<{ id: string }>>("SELECT id FROM members WHERE tier_code = 'SVIP' ORDER BY id");
      expect(svip.map((r) => r.id)).toEqual(ranked.slice(0, seats).sort());
      expect((await rankReview()).totals).toMatchObject({ promoted: 0, steppedDown: 0, holders: seats });
    });
  });
});
