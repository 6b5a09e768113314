import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CampaignFanoutService } from '../src/modules/campaigns/campaign-fanout.service';
import { WorkerModule } from '../src/worker.module';
import { createClubWith } from './support/campaign-fixtures';
import {
  createMember,
  createStore,
  ledgerInvariants,
  loginAdmin,
  pos,
  purchaseBody,
  TestMember,
  TestStore,
  uniq,
} from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

type Body = Record<string, any>;

/**
 * Campaign bonus rules on the POS path, as a marketer runs them: two API
 * processes (each with its own cache of live rules) and a real worker.
 */
describe('campaign bonus rules (POS API, admin API, a worker, two API processes)', () => {
  let a: TestApp;
  let b: TestApp;
  let worker: INestApplicationContext;
  let token: string;
  let store: TestStore;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: false });
    await worker.init();
    token = await loginAdmin(a);
    store = await createStore(a);
  });

  afterAll(async () => {
    await worker.close();
    await b.close();
    await a.close();
  });

  const admin = (t: TestApp = a, bearer: string = token) => ({
    post: (path: string, body?: object) =>
      t.http.post(`/api/v1/admin/campaigns${path}`).set('Authorization', `Bearer ${bearer}`).send(body),
    get: (path: string) => t.http.get(`/api/v1/admin/campaigns${path}`).set('Authorization', `Bearer ${bearer}`),
  });

  async function userToken(role: string): Promise<string> {
    const email = `${uniq(role)}@example.com`.toLowerCase();
    await a.http
      .post('/api/v1/admin/users')
      .set('Authorization', `Bearer ${token}`)
      .send({ email, password: 'a long enough password', role })
      .expect(201);
    return (await a.http.post('/api/v1/admin/auth/login').send({ email, password: 'a long enough password' }).expect(200)).body
      .accessToken as string;
  }

  /** Polls the campaign until it is in one of `states` with no fan-out running. */
  async function settle(id: string, states: string[]): Promise<Body> {
    for (let i = 0; i < 300; i++) {
      const r = (await admin().get(`/${id}/results`).expect(200)).body as Body;
      if (states.includes(r.state as string) && (r.progress === null || r.progress.state !== 'running')) {
        return r;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`campaign ${id} did not reach ${states.join(' or ')}`);
  }

  /** A launched bonus rule for a club of `members`, settled after its fan-out. */
  async function launchRule(
    name: string,
    members: TestMember[],
    rule: Record<string, unknown>,
    window: { startsAt: Date; endsAt: Date },
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    const clubId = await createClubWith(
      a.db,
      members.map((m) => m.memberId),
    );
    const created = await admin()
      .post('', {
        name,
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        bonusRule: { ...rule, startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() },
        schedule: { kind: 'now' },
        ...extra,
      })
      .expect(201);
    const id = created.body.campaignId as string;
    await admin().post(`/${id}/launch`).expect(200);
    return id;
  }

  /** One line of two units (so half of it can be refunded). */
  const buy = (t: TestApp, member: TestMember, cents: number, overrides: Record<string, unknown> = {}) =>
    pos(t, store)
      .purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: cents, quantity: 2 }], overrides))
      .expect(201);

  const campaignRows = (body: Body) => (body.breakdown as Body[]).filter((r) => r.rule === 'campaign');

  it('a sale made inside a bonus window but uploaded after it ends still earns the bonus (alone or in an offline batch)', async () => {
    const member = await createMember(a);
    const startsAt = new Date(Date.now() - 3_600_000);
    const endsAt = new Date(Date.now() + 3_000);
    const id = await launchRule('Evening double', [member], { kind: 'base_multiplier', multiplierPermille: 2000 }, { startsAt, endsAt });
    expect((await settle(id, ['active'])).state).toBe('active');

    // The window closes; the workers mark the rule ended.
    await new Promise((resolve) => setTimeout(resolve, Math.max(endsAt.getTime() - Date.now(), 0) + 50));
    expect(await worker.get(CampaignFanoutService).endClosedBonusRules()).toBeGreaterThanOrEqual(1);
    expect((await admin().get(`/${id}`).expect(200)).body.state).toBe('ended');

    // 21:59 in a window ending 22:00, uploaded at 22:05.
    const late = await buy(a, member, 10_000, { occurredAt: new Date(endsAt.getTime() - 60_000).toISOString() });
    expect(late.body.breakdown).toEqual([
      { rule: 'base', points: 100 },
      { rule: 'campaign', campaignId: id, name: 'Evening double', points: 100 },
    ]);

    const batch = await pos(a, store)
      .batch({
        transactions: [
          purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 5_000 }], { occurredAt: new Date(endsAt.getTime() - 1).toISOString() }),
          purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 5_000 }], { occurredAt: new Date(endsAt.getTime()).toISOString() }),
          purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 5_000 }], { occurredAt: new Date(startsAt.getTime() - 1).toISOString() }),
        ],
      })
      .expect(200);
    expect(batch.body.results.map((r: Body) => [r.status, r.body.pointsEarned])).toEqual([
      [201, 100],
      [201, 50],
      [201, 50],
    ]);
    // A sale made after the window earns base points only, however it arrives.
    expect(campaignRows(await buy(a, member, 10_000).then((r) => r.body as Body))).toEqual([]);
    const inv = await ledgerInvariants(a.db, member.memberId);
    expect(inv.balance).toBe(200 + 100 + 50 + 50 + 100);
    expect(inv.entrySum).toBe(inv.balance);
    expect((await admin().get(`/${id}/results`).expect(200)).body.bonusRulePoints).toBe(150);
  });

  it('a launched bonus rule is active; pausing it stops paying at once in every API process, and resuming pays again', async () => {
    const member = await createMember(a);
    const now = Date.now();
    const id = await launchRule(
      'Typo 10x',
      [member],
      { kind: 'base_multiplier', multiplierPermille: 10000 },
      { startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000) },
    );
    await settle(id, ['active']);
    // Process b has the rule in its cache.
    expect(campaignRows((await buy(b, member, 1_000)).body as Body)).toEqual([
      { rule: 'campaign', campaignId: id, name: 'Typo 10x', points: 90 },
    ]);

    const paused = await admin(a).post(`/${id}/pause`).expect(200);
    expect(paused.body.state).toBe('paused');
    // No wait: the very next sale, through the other process, earns base points only.
    const afterPause = await buy(b, member, 1_000);
    expect(afterPause.body.breakdown).toEqual([{ rule: 'base', points: 10 }]);
    expect(campaignRows((await buy(a, member, 1_000)).body as Body)).toEqual([]);

    const resumed = await admin(a).post(`/${id}/resume`).expect(200);
    expect(resumed.body.state).toBe('active');
    await new Promise((resolve) => setTimeout(resolve, 200)); // process b hears of the resume (Redis pub/sub)
    expect(campaignRows((await buy(b, member, 1_000)).body as Body)).toEqual([
      { rule: 'campaign', campaignId: id, name: 'Typo 10x', points: 90 },
    ]);

    const results = (await admin().get(`/${id}/results`).expect(200)).body as Body;
    expect(results.bonusRulePoints).toBe(180);
    const audit = await a.db.query("SELECT action FROM audit_log WHERE entity_type = 'campaign' AND entity_id = ? ORDER BY id", [id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual([
      'campaign.create',
      'campaign.launch',
      'campaign.finish',
      'campaign.pause',
      'campaign.resume',
    ]);
  });

  it('a cancelled bonus rule never pays again, in the window or for late uploads', async () => {
    const member = await createMember(a);
    const now = Date.now();
    const id = await launchRule(
      'Cancelled bonus',
      [member],
      { kind: 'fixed_bonus', minSpendCents: 0, points: 30 },
      { startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000) },
    );
    await settle(id, ['active']);
    expect(campaignRows((await buy(b, member, 1_000)).body as Body)).toHaveLength(1);

    expect((await admin(a).post(`/${id}/cancel`).expect(200)).body.state).toBe('cancelled');
    expect((await buy(b, member, 1_000)).body.breakdown).toEqual([{ rule: 'base', points: 10 }]);
    expect((await buy(a, member, 1_000, { occurredAt: new Date(now - 60_000).toISOString() })).body.breakdown).toEqual([
      { rule: 'base', points: 10 },
    ]);
    for (const action of ['pause', 'resume', 'cancel']) {
      expect((await admin().post(`/${id}/${action}`).expect(409)).body.code).toBe('CAMPAIGN_INVALID_TRANSITION');
    }
    expect((await admin().get(`/${id}/results`).expect(200)).body.bonusRulePoints).toBe(30);
  });

  it('a refund gives its bonus points back to the budget, so a capped rule pays up to its cap', async () => {
    const member = await createMember(a);
    const now = Date.now();
    const id = await launchRule(
      'Capped basket bonus',
      [member],
      { kind: 'fixed_bonus', minSpendCents: 5_000, points: 50 },
      { startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000) },
      { budgetPoints: 100 },
    );
    await settle(id, ['active']);
    const first = await buy(a, member, 6_000);
    const second = await buy(a, member, 6_000);
    expect([first, second].map((r) => campaignRows(r.body as Body).length)).toEqual([1, 1]);
    // The cap is reached.
    expect(campaignRows((await buy(a, member, 6_000)).body as Body)).toEqual([]);

    // Half of the first receipt comes back: half of its bonus returns to the budget.
    await pos(a, store)
      .refund({ refundNo: uniq('F'), receiptNo: first.body.receiptNo, lines: [{ sku: 'SKU-1', quantity: 1, amountCents: 3_000 }] })
      .expect(201);
    expect((await admin().get(`/${id}`).expect(200)).body.budget).toEqual({ capPoints: 100, spentPoints: 75, bonusPoints: 75 });
    // 25 points free: a 50-point bonus does not fit yet.
    expect(campaignRows((await buy(a, member, 6_000)).body as Body)).toEqual([]);
    // The rest of the receipt: the whole 50 is back.
    await pos(a, store)
      .refund({ refundNo: uniq('F'), receiptNo: first.body.receiptNo, lines: [{ sku: 'SKU-1', quantity: 1, amountCents: 3_000 }] })
      .expect(201);
    expect((await admin().get(`/${id}`).expect(200)).body.budget).toEqual({ capPoints: 100, spentPoints: 50, bonusPoints: 50 });
    expect(campaignRows((await buy(a, member, 6_000)).body as Body)).toEqual([
      { rule: 'campaign', campaignId: id, name: 'Capped basket bonus', points: 50 },
    ]);

    // What the budget says was spent is what the ledger kept: bonus rows of receipts still standing.
    const results = (await admin().get(`/${id}/results`).expect(200)).body as Body;
    expect(results.budget).toEqual({ capPoints: 100, spentPoints: 100 });
    expect(results.bonusRulePoints).toBe(100);
    const inv = await ledgerInvariants(a.db, member.memberId);
    expect(inv.entrySum).toBe(inv.balance);
    // Receipts: the first refunded in full (0), 60 + 50, 60, 60, 60 + 50.
    expect(inv.balance).toBe(110 + 60 + 60 + 110);
  });

  it('a bonus rule on category 红酒 pays on a till line with category 红酒', async () => {
    const member = await createMember(a);
    const now = Date.now();
    const id = await launchRule(
      '红酒节',
      [member],
      { kind: 'category_multiplier', category: '红酒', multiplierPermille: 3000 },
      { startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000) },
    );
    expect((await admin().get(`/${id}`).expect(200)).body.actions.bonusRule.rule).toEqual({
      kind: 'category_multiplier',
      category: '红酒',
      multiplierPermille: 3000,
    });
    await settle(id, ['active']);
    const sale = await pos(a, store)
      .purchase(
        purchaseBody({ cardNo: member.cardNo }, [
          { sku: 'WINE-1', category: '红酒', amountCents: 10_000 },
          { sku: 'RICE-1', category: 'grocery', amountCents: 5_000 },
        ]),
      )
      .expect(201);
    expect(sale.body.breakdown).toEqual([
      { rule: 'base', points: 150 },
      { rule: 'campaign', campaignId: id, name: '红酒节', points: 200 },
    ]);
    // Still one rule with the POS: what a till cannot send, a rule cannot name either.
    const bad = await admin()
      .post('', {
        name: 'Bad category',
        audience: { include: [{ type: 'club', clubIds: [id] }] },
        bonusRule: {
          kind: 'category_multiplier',
          category: 'wine\u0000',
          multiplierPermille: 2000,
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + 60_000).toISOString(),
        },
        schedule: { kind: 'now' },
      })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.body.details)).toContain('category');
  });

  it('excluded categories follow the same rule: a program excluding 香烟 gives no points on a 香烟 line', async () => {
    const member = await createMember(a);
    const program = (body: object) => a.http.patch('/api/v1/admin/program').set('Authorization', `Bearer ${token}`).send(body);
    const before = (await a.http.get('/api/v1/admin/program').set('Authorization', `Bearer ${token}`).expect(200)).body as Body;
    try {
      const bad = await program({ excludedCategories: ['tobacco', 'x\u0007'] }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const patched = await program({ excludedCategories: [...(before.excludedCategories as string[]), '香烟', 'Gift, Boxed'] }).expect(
        200,
      );
      expect(patched.body.excludedCategories).toEqual([...(before.excludedCategories as string[]), '香烟', 'gift, boxed']);
      const sale = await pos(a, store)
        .purchase(
          purchaseBody({ cardNo: member.cardNo }, [
            { sku: 'CIG-1', category: '香烟', amountCents: 5_000 },
            { sku: 'BOX-1', category: 'GIFT, BOXED', amountCents: 2_000 },
            { sku: 'RICE-1', category: 'grocery', amountCents: 3_000 },
          ]),
        )
        .expect(201);
      expect(sale.body.breakdown).toEqual([{ rule: 'base', points: 30 }]);
    } finally {
      await program({ excludedCategories: before.excludedCategories }).expect(200);
    }
  });

  it('an admin raises the budget of a running rule and it pays again at once; lowering it or a marketer doing it is refused', async () => {
    const member = await createMember(a);
    const now = Date.now();
    const id = await launchRule(
      'Budget raise',
      [member],
      { kind: 'fixed_bonus', minSpendCents: 0, points: 40 },
      { startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000) },
      { budgetPoints: 40 },
    );
    await settle(id, ['active']);
    expect(campaignRows((await buy(b, member, 1_000)).body as Body)).toHaveLength(1);
    expect(campaignRows((await buy(b, member, 1_000)).body as Body)).toEqual([]);

    const marketer = await userToken('marketer');
    const forbidden = await admin(a, marketer).post(`/${id}/budget`, { capPoints: 1_000 }).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    const lower = await admin().post(`/${id}/budget`, { capPoints: 40 }).expect(422);
    expect(lower.body).toMatchObject({ code: 'CAMPAIGN_BUDGET_NOT_RAISED', details: [{ field: 'capPoints' }] });
    await admin().post(`/${id}/budget`, { capPoints: -1 }).expect(400);
    expect((await admin().get(`/${id}`).expect(200)).body.budget.capPoints).toBe(40);

    const raised = await admin().post(`/${id}/budget`, { capPoints: 120 }).expect(200);
    expect(raised.body.budget).toEqual({ capPoints: 120, spentPoints: 40, bonusPoints: 40 });
    expect(raised.body.state).toBe('active');
    expect(campaignRows((await buy(b, member, 1_000)).body as Body)).toHaveLength(1);
    const audit = await a.db.query("SELECT actor_type FROM audit_log WHERE entity_id = ? AND action = 'campaign.budget'", [id]);
    expect(audit).toEqual([{ actor_type: 'admin' }]);

    await admin().post(`/${id}/cancel`).expect(200);
    expect((await admin().post(`/${id}/budget`, { capPoints: 500 }).expect(409)).body.code).toBe('CAMPAIGN_INVALID_TRANSITION');
  });

  it('the dashboard counts live bonus rules among running campaigns', async () => {
    const member = await createMember(a);
    const now = Date.now();
    const running = async () =>
      (await a.http.get('/api/v1/admin/analytics/dashboard').set('Authorization', `Bearer ${token}`).expect(200)).body
        .runningCampaigns as number;
    const before = await running();
    const id = await launchRule(
      'Counted rule',
      [member],
      { kind: 'fixed_bonus', minSpendCents: 0, points: 1 },
      { startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000) },
    );
    await settle(id, ['active']);
    expect(await running()).toBe(before + 1);
    await admin().post(`/${id}/pause`).expect(200);
    expect(await running()).toBe(before);
  });
});
