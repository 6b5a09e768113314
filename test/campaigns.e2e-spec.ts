import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue, QueueEvents } from 'bullmq';
import { loadConfig } from '../src/config/app-config';
import { redisConnection } from '../src/queue/queue.module';
import { Clock } from '../src/modules/campaigns/clock';
import { isHoldout } from '../src/modules/campaigns/rules/holdout';
import { JobName, QueueName } from '../src/queue/queue.constants';
import { WorkerModule } from '../src/worker.module';
import { campaignLedger, createClubWith } from './support/campaign-fixtures';
import { createMember, createStore, ledgerInvariants, loginAdmin, pos, purchaseBody, TestMember, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** A clock the tests move; the worker's campaigns run by it. */
class TestClock extends Clock {
  at: Date | null = null;
  override now(): Date {
    return this.at ?? new Date();
  }
}

describe('campaigns (admin API, a real worker, the POS)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let token: string;
  let events: QueueEvents;
  const clock = new TestClock();

  beforeAll(async () => {
    t = await startTestApp();
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.register()] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    worker = moduleRef.createNestApplication({ logger: false });
    await worker.init();
    token = await loginAdmin(t);
    const config = loadConfig();
    events = new QueueEvents(QueueName.Campaigns, { connection: redisConnection(config.redisUrl), prefix: config.queuePrefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await worker.close();
    await t.close();
  });

  const admin = {
    post: (path: string, body?: object) => t.http.post(`/api/v1/admin/campaigns${path}`).set('Authorization', `Bearer ${token}`).send(body),
    get: (path: string) => t.http.get(`/api/v1/admin/campaigns${path}`).set('Authorization', `Bearer ${token}`),
  };

  async function members(n: number, overrides: Record<string, unknown> = {}): Promise<TestMember[]> {
    const out: TestMember[] = [];
    for (let i = 0; i < n; i++) {
      out.push(await createMember(t, overrides));
    }
    return out;
  }

  /** Polls the results until the campaign leaves `running`; answers the last results. */
  async function settle(id: string, until: string[] = ['completed', 'scheduled', 'cancelled', 'failed']): Promise<Record<string, any>> {
    for (let i = 0; i < 300; i++) {
      const r = await admin.get(`/${id}/results`).expect(200);
      if (until.includes(r.body.state as string) && (r.body.progress === null || r.body.progress.state !== 'running')) {
        return r.body as Record<string, any>;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`campaign ${id} did not settle`);
  }

  it('a club campaign grants points exactly to the club minus the holdout, checked against the ledger; preview writes nothing', async () => {
    const club = await members(12);
    const outsider = await createMember(t);
    const clubId = await createClubWith(
      t.db,
      club.map((m) => m.memberId),
    );
    const created = await admin
      .post('', {
        name: 'Club welcome',
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        grant: { points: 150, reason: 'Welcome to the club' },
        schedule: { kind: 'now' },
        holdoutPermille: 250,
      })
      .expect(201);
    const id = created.body.campaignId as string;
    expect(created.body.state).toBe('draft');
    const held = club.filter((m) => isHoldout(id, m.memberId, 250));

    const [before] = await t.db.query('SELECT COUNT(*) AS n FROM campaign_deliveries');
    const preview = await admin.post(`/${id}/preview`).expect(200);
    expect(preview.body).toMatchObject({
      size: 12,
      holdout: held.length,
      targeted: 12 - held.length,
      estimatedPoints: (12 - held.length) * 150,
    });
    expect(preview.body.sample[0].phone).toMatch(/\*\*\*\*/);
    const [after] = await t.db.query('SELECT COUNT(*) AS n FROM campaign_deliveries');
    expect(after.n).toEqual(before.n);

    const launched = await admin.post(`/${id}/launch`).expect(200);
    expect(launched.body.state).toBe('running');
    const results = await settle(id);
    expect(results).toMatchObject({
      state: 'completed',
      audience: 12,
      holdout: held.length,
      delivered: 12 - held.length,
      pointsGranted: (12 - held.length) * 150,
      coupons: null,
      progress: { state: 'completed', percent: 100 },
    });
    expect(await campaignLedger(t.db, id)).toEqual({
      entries: 12 - held.length,
      points: (12 - held.length) * 150,
      members: 12 - held.length,
    });
    for (const m of club) {
      const inv = await ledgerInvariants(t.db, m.memberId);
      expect(inv.balance).toBe(held.includes(m) ? 0 : 150);
      expect(inv.entrySum).toBe(inv.balance);
      expect(inv.lotSum).toBe(inv.balance);
    }
    expect((await ledgerInvariants(t.db, outsider.memberId)).balance).toBe(0);
    const [entry] = await t.db.query("SELECT type, ref_id, note FROM point_entries WHERE ref_type = 'campaign' AND ref_id LIKE ? LIMIT 1", [
      `${id}:%`,
    ]);
    expect(entry).toMatchObject({ type: 'bonus', note: 'Welcome to the club' });
    // Completed: launching again is refused.
    const again = await admin.post(`/${id}/launch`).expect(409);
    expect(again.body.code).toBe('CAMPAIGN_INVALID_TRANSITION');
  });

  it('a coupon campaign’s results count its coupons issued and used at the till, and the receipts they were used on', async () => {
    const store = await createStore(t);
    const club = await members(3);
    const clubId = await createClubWith(
      t.db,
      club.map((m) => m.memberId),
    );
    const reward = await t.http
      .post('/api/v1/admin/rewards')
      .set('Authorization', `Bearer ${token}`)
      .send({ nameZh: '满50减10', nameEn: '¥10 off ¥50', kind: 'amount_off', valueCents: 1000, minSpendCents: 5000, validDays: 30 })
      .expect(201);
    const created = await admin
      .post('', {
        name: uniq('Coupon week'),
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        actions: [{ type: 'grantCoupon', rewardId: reward.body.rewardId }],
        schedule: { kind: 'now' },
        holdoutPermille: 0,
      })
      .expect(201);
    const id = created.body.campaignId as string;
    await admin.post(`/${id}/launch`).expect(200);
    expect(await settle(id)).toMatchObject({
      state: 'completed',
      delivered: 3,
      coupons: { issued: 3, used: 0, purchases: 0, spendCents: 0 },
    });

    const [coupon] = await t.db.query('SELECT code FROM coupons WHERE member_id = ? AND source_ref LIKE ?', [club[0].memberId, `${id}:%`]);
    const used = await pos(t, store)
      .purchase({ ...purchaseBody({ cardNo: club[0].cardNo }, [{ amountCents: 8000 }]), coupons: [coupon.code] })
      .expect(201);
    expect(used.body.coupons).toEqual([expect.objectContaining({ code: coupon.code, status: 'redeemed' })]);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: club[1].cardNo }, [{ amountCents: 3000 }]))
      .expect(201);

    const results = await admin.get(`/${id}/results`).expect(200);
    expect(results.body.coupons).toEqual({
      issued: 3,
      used: 1,
      usedRate: 1 / 3,
      purchases: 1,
      spendCents: 8000,
      purchasesPerTargetedMember: 1 / 3,
    });
  });

  it('the list gives each campaign its figures (reached, delivered, budget and its unit, progress) and searches by name', async () => {
    const club = await members(5);
    const clubId = await createClubWith(
      t.db,
      club.map((m) => m.memberId),
    );
    const tag = uniq('Listed').replace(/[^A-Za-z0-9]/g, '');
    const created = await admin
      .post('', {
        name: `${tag} 100% off_sale`,
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        actions: [{ type: 'grant', points: 40, reason: 'Listed' }],
        schedule: { kind: 'now' },
        budgetPoints: 120,
      })
      .expect(201);
    const id = created.body.campaignId as string;
    const draft = await admin
      .post('', {
        name: `${tag} draft`,
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        grant: { points: 1, reason: 'Draft' },
        schedule: { kind: 'now' },
      })
      .expect(201);
    const inList = async (query: string) => (await admin.get(`?limit=100&${query}`).expect(200)).body.items as Array<Record<string, any>>;

    const before = (await inList(`name=${encodeURIComponent(tag)}`)).find((c) => c.campaignId === id);
    expect(before?.figures).toEqual({ reached: 0, delivered: 0, budgetUnit: 'points', capPoints: 120, spentPoints: 0, progress: null });
    await admin.post(`/${id}/launch`).expect(200);
    await settle(id);
    const after = (await inList(`name=${encodeURIComponent(tag)}`)).find((c) => c.campaignId === id);
    // 5 reached; the budget of 120 pays 3 grants of 40, the other 2 are over budget.
    expect(after?.state).toBe('completed');
    expect(after?.figures).toEqual({
      reached: 5,
      delivered: 3,
      budgetUnit: 'points',
      capPoints: 120,
      spentPoints: 120,
      progress: { state: 'completed', percent: 100 },
    });
    expect(after?.schedule.at).toEqual(expect.any(String));

    // The search is by a part of the name in any case; % and _ are letters, not wildcards.
    const named = await inList(`name=${encodeURIComponent(tag.toLowerCase())}`);
    expect(named.map((c) => c.campaignId).sort()).toEqual([id, draft.body.campaignId].sort());
    expect((await inList(`name=${encodeURIComponent('100% off_')}&state=completed`)).map((c) => c.campaignId)).toContain(id);
    expect(await inList(`name=${encodeURIComponent(`${tag} 1%0`)}`)).toEqual([]);
    expect((await inList(`name=${encodeURIComponent(tag)}&state=draft`)).map((c) => c.campaignId)).toEqual([draft.body.campaignId]);
    expect((await admin.get(`?name=${'x'.repeat(101)}`).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('a bonus rule adds its own breakdown row to audience members inside its window only, and a refund claws it back', async () => {
    const store = await createStore(t);
    const [inClub, notInClub] = await members(2);
    const clubId = await createClubWith(t.db, [inClub.memberId]);
    const now = Date.now();
    const created = await admin
      .post('', {
        name: 'Big basket bonus',
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        bonusRule: {
          kind: 'fixed_bonus',
          minSpendCents: 10_000,
          points: 50,
          startsAt: new Date(now - 3_600_000).toISOString(),
          endsAt: new Date(now + 3_600_000).toISOString(),
        },
        schedule: { kind: 'now' },
        budgetPoints: 1_000,
      })
      .expect(201);
    const id = created.body.campaignId as string;
    await admin.post(`/${id}/launch`).expect(200);
    // The fan-out done, the rule is active (its window is open).
    expect((await settle(id, ['active'])).state).toBe('active');

    const inside = await pos(t, store)
      .purchase(purchaseBody({ cardNo: inClub.cardNo }, [{ amountCents: 12_000 }]))
      .expect(201);
    expect(inside.body.breakdown).toEqual([
      { rule: 'base', points: 120 },
      { rule: 'campaign', campaignId: id, name: 'Big basket bonus', points: 50 },
    ]);
    expect(inside.body.pointsEarned).toBe(170);

    const outsider = await pos(t, store)
      .purchase(purchaseBody({ cardNo: notInClub.cardNo }, [{ amountCents: 12_000 }]))
      .expect(201);
    expect(outsider.body.breakdown).toEqual([{ rule: 'base', points: 120 }]);

    const beforeWindow = await pos(t, store)
      .purchase(
        purchaseBody({ cardNo: inClub.cardNo }, [{ amountCents: 12_000 }], { occurredAt: new Date(now - 2 * 3_600_000).toISOString() }),
      )
      .expect(201);
    expect(beforeWindow.body.breakdown).toEqual([{ rule: 'base', points: 120 }]);

    const small = await pos(t, store)
      .purchase(purchaseBody({ cardNo: inClub.cardNo }, [{ amountCents: 9_999 }]))
      .expect(201);
    expect(small.body.breakdown).toEqual([{ rule: 'base', points: 99 }]);
    expect((await ledgerInvariants(t.db, inClub.memberId)).balance).toBe(170 + 120 + 99);

    // A full refund of the receipt with the bonus takes back all 170.
    const receipt = inside.body.receiptNo as string;
    await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo: receipt, lines: [{ sku: 'SKU-1', quantity: 1, amountCents: 12_000 }] })
      .expect(201);
    const inv = await ledgerInvariants(t.db, inClub.memberId);
    expect(inv).toEqual({ balance: 120 + 99, entrySum: 120 + 99, lotSum: 120 + 99, lowestLot: expect.any(Number) });
    // The bonus clawed back returns to the campaign's budget.
    const results = await admin.get(`/${id}/results`).expect(200);
    expect(results.body.bonusRulePoints).toBe(0);
    expect(results.body.budget).toEqual({ capPoints: 1_000, spentPoints: 0 });
  });

  it('pause, resume and cancel move the state, are audited, and refuse invalid moves with CAMPAIGN_INVALID_TRANSITION', async () => {
    const club = await members(3);
    const clubId = await createClubWith(
      t.db,
      club.map((m) => m.memberId),
    );
    const created = await admin
      .post('', {
        name: 'Weekly nudge',
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        grant: { points: 10, reason: 'Nudge' },
        schedule: { kind: 'cron', cron: '0 9 * * 1', timezone: 'Asia/Shanghai' },
      })
      .expect(201);
    const id = created.body.campaignId as string;
    expect((await admin.post(`/${id}/pause`).expect(409)).body.code).toBe('CAMPAIGN_INVALID_TRANSITION');
    expect((await admin.post(`/${id}/resume`).expect(409)).body.code).toBe('CAMPAIGN_INVALID_TRANSITION');

    const launched = await admin.post(`/${id}/launch`).expect(200);
    expect(launched.body.state).toBe('scheduled');
    expect(launched.body.schedule.nextRunAt).toMatch(/T01:00:00.000Z$/);
    const queue = worker.get<Queue>(getQueueToken(QueueName.Campaigns));
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain(`campaign-${id}`);

    expect((await admin.post(`/${id}/pause`).expect(200)).body.state).toBe('paused');
    expect((await queue.getJobSchedulers()).map((s) => s.key)).not.toContain(`campaign-${id}`);
    // Paused: a plan job that fires anyway does nothing.
    await queue.add(JobName.PlanCampaign, { campaignId: id });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await campaignLedger(t.db, id)).toEqual({ entries: 0, points: 0, members: 0 });

    expect((await admin.post(`/${id}/resume`).expect(200)).body.state).toBe('scheduled');
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain(`campaign-${id}`);
    expect((await admin.post(`/${id}/cancel`).expect(200)).body.state).toBe('cancelled');
    expect((await queue.getJobSchedulers()).map((s) => s.key)).not.toContain(`campaign-${id}`);
    expect((await admin.post(`/${id}/resume`).expect(409)).body.code).toBe('CAMPAIGN_INVALID_TRANSITION');
    expect(
      (await t.http.patch(`/api/v1/admin/campaigns/${id}`).set('Authorization', `Bearer ${token}`).send({ name: 'x' }).expect(409)).body
        .code,
    ).toBe('CAMPAIGN_INVALID_TRANSITION');

    const audit = await t.db.query(
      "SELECT action, actor_type, actor_id, created_at FROM audit_log WHERE entity_type = 'campaign' AND entity_id = ? ORDER BY id",
      [id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'campaign.create',
      'campaign.launch',
      'campaign.pause',
      'campaign.resume',
      'campaign.cancel',
    ]);
    expect(audit.every((a: { actor_type: string; actor_id: string }) => a.actor_type === 'admin' && a.actor_id)).toBe(true);
  });

  it('a recurring birthday campaign greets each day’s birthdays once per day, by the worker’s clock', async () => {
    const [may20, may21] = [await createMember(t, { birthday: '1990-05-20' }), await createMember(t, { birthday: '1985-05-21' })];
    const other = await createMember(t, { birthday: '1990-06-20' });
    const clubId = await createClubWith(t.db, [may20.memberId, may21.memberId, other.memberId]);
    const created = await admin
      .post('', {
        name: 'Birthday gift',
        audience: {
          include: [
            { type: 'club', clubIds: [clubId] },
            { type: 'birthday', when: 'today' },
          ],
          requireAll: true,
        },
        grant: { points: 88, reason: 'Happy birthday' },
        schedule: { kind: 'cron', cron: '0 9 * * *' },
      })
      .expect(201);
    const id = created.body.campaignId as string;
    expect(created.body.schedule.timezone).toBe('Asia/Shanghai');
    await admin.post(`/${id}/launch`).expect(200);
    const queue = worker.get<Queue>(getQueueToken(QueueName.Campaigns));

    const fire = async (at: string) => {
      clock.at = new Date(at);
      const plan = await queue.add(JobName.PlanCampaign, { campaignId: id });
      await plan.waitUntilFinished(events, 30_000);
      return settle(id, ['scheduled']);
    };
    try {
      // 09:00 Shanghai on 20 May: the 20 May birthday.
      await fire('2026-05-20T01:00:00Z');
      expect((await ledgerInvariants(t.db, may20.memberId)).balance).toBe(88);
      expect((await ledgerInvariants(t.db, may21.memberId)).balance).toBe(0);
      // The same day's job again (a retry, a second scheduler tick): nothing more.
      await fire('2026-05-20T05:00:00Z');
      expect((await ledgerInvariants(t.db, may20.memberId)).balance).toBe(88);
      // 00:30 Shanghai on the 21st, still the 20th's occurrence: nothing more.
      await fire('2026-05-20T16:30:00Z');
      expect(await campaignLedger(t.db, id)).toEqual({ entries: 1, points: 88, members: 1 });
      // The next day.
      await fire('2026-05-21T01:00:00Z');
      expect((await ledgerInvariants(t.db, may21.memberId)).balance).toBe(88);
      expect((await ledgerInvariants(t.db, other.memberId)).balance).toBe(0);
      const refs = await t.db.query("SELECT ref_id FROM point_entries WHERE ref_type = 'campaign' AND ref_id LIKE ? ORDER BY ref_id", [
        `${id}:%`,
      ]);
      expect(refs.map((r: { ref_id: string }) => r.ref_id)).toEqual([`${id}:2026-05-20`, `${id}:2026-05-21`]);
    } finally {
      clock.at = null;
      await admin.post(`/${id}/cancel`).expect(200);
    }
  });

  it('a message campaign reaches only members who consented to its channel, through the outbox, once each', async () => {
    const token = await loginAdmin(t);
    await t.http
      .post('/api/v1/admin/message-templates')
      .set('Authorization', `Bearer ${token}`)
      .send({ code: 'hello', channel: 'sms', variants: { 'zh-CN': { body: '{{name}}，您好' }, en: { body: 'Hello {{name}}' } } })
      .expect(201);
    const yes = await members(3, { consents: { sms: true } });
    const emailOnly = await members(2, { consents: { email: true } });
    const none = await members(2);
    const clubId = await createClubWith(
      t.db,
      [...yes, ...emailOnly, ...none].map((m) => m.memberId),
    );
    const created = await admin
      .post('', {
        name: 'SMS hello',
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        message: { channel: 'sms', template: 'hello' },
        schedule: { kind: 'now' },
      })
      .expect(201);
    const id = created.body.campaignId as string;
    expect((await admin.post(`/${id}/preview`).expect(200)).body.size).toBe(3);
    await admin.post(`/${id}/launch`).expect(200);
    const results = await settle(id);
    expect(results).toMatchObject({ audience: 3, delivered: 3, messages: 3, pointsGranted: 0 });
    const rows = await t.db.query('SELECT member_id, message_status FROM campaign_deliveries WHERE campaign_id = ? ORDER BY member_id', [
      id,
    ]);
    expect(rows.map((r: { member_id: string }) => r.member_id)).toEqual(yes.map((m) => m.memberId).sort());
    expect(rows.every((r: { message_status: string }) => r.message_status === 'outbox')).toBe(true);
    const outbox = await t.db.query('SELECT member_id, channel, status FROM outbox_messages WHERE source LIKE ? ORDER BY member_id', [
      `campaign:${id}:%`,
    ]);
    expect(outbox.map((r: { member_id: string }) => r.member_id)).toEqual(yes.map((m) => m.memberId).sort());
    expect(
      outbox.every((r: { channel: string; status: string }) => r.channel === 'sms' && ['queued', 'sending', 'sent'].includes(r.status)),
    ).toBe(true);
  });

  it('a grant-only campaign targets a club intersected with email consent, without sending any message', async () => {
    const consented = await members(2, { consents: { email: true } });
    const smsOnly = await members(1, { consents: { sms: true } });
    const withdrawn = await members(1, { consents: { email: false } });
    const none = await members(1);
    const clubId = await createClubWith(
      t.db,
      [...consented, ...smsOnly, ...withdrawn, ...none].map((m) => m.memberId),
    );
    const created = await admin
      .post('', {
        name: 'BABY and email consent',
        audience: {
          include: [
            { type: 'club', clubIds: [clubId] },
            { type: 'consent', channels: ['email'] },
          ],
          requireAll: true,
        },
        grant: { points: 30, reason: 'Email subscribers of the club' },
        schedule: { kind: 'now' },
      })
      .expect(201);
    const id = created.body.campaignId as string;
    expect((await admin.post(`/${id}/preview`).expect(200)).body).toMatchObject({ size: 2, estimatedPoints: 60 });
    await admin.post(`/${id}/launch`).expect(200);
    expect(await settle(id)).toMatchObject({ audience: 2, delivered: 2, pointsGranted: 60, messages: 0 });
    const granted = await t.db.query(
      "SELECT member_id FROM campaign_deliveries WHERE campaign_id = ? AND status = 'granted' ORDER BY member_id",
      [id],
    );
    expect(granted.map((r: { member_id: string }) => r.member_id)).toEqual(consented.map((m) => m.memberId).sort());
    expect(await campaignLedger(t.db, id)).toEqual({ entries: 2, points: 60, members: 2 });
    expect(Number((await t.db.query('SELECT COUNT(*) AS n FROM outbox_messages WHERE source LIKE ?', [`campaign:${id}:%`]))[0].n)).toBe(0);
  });

  it('results count messages skipped for no address apart from the messages sent', async () => {
    const token = await loginAdmin(t);
    const template = uniq('news').toLowerCase();
    await t.http
      .post('/api/v1/admin/message-templates')
      .set('Authorization', `Bearer ${token}`)
      .send({
        code: template,
        channel: 'email',
        variants: { 'zh-CN': { subject: '新闻', body: '{{name}}，您好' }, en: { subject: 'News', body: 'Hello {{name}}' } },
      })
      .expect(201);
    const withAddress = await members(2, { consents: { email: true }, email: `${uniq('m')}@example.com` });
    const noAddress = await members(1, { consents: { email: true } });
    const clubId = await createClubWith(
      t.db,
      [...withAddress, ...noAddress].map((m) => m.memberId),
    );
    const created = await admin
      .post('', {
        name: 'Email news',
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        message: { channel: 'email', template },
        schedule: { kind: 'now' },
      })
      .expect(201);
    const id = created.body.campaignId as string;
    await admin.post(`/${id}/launch`).expect(200);
    const results = await settle(id);
    expect(results).toMatchObject({ audience: 3, delivered: 3, messages: 2, messagesSkipped: { noAddress: 1, noConsent: 0 } });
    const outbox = await t.db.query('SELECT member_id, status FROM outbox_messages WHERE source LIKE ? ORDER BY member_id', [
      `campaign:${id}:%`,
    ]);
    expect(
      outbox.filter((r: { status: string }) => r.status === 'skipped_no_address').map((r: { member_id: string }) => r.member_id),
    ).toEqual([noAddress[0].memberId]);
  });

  it('refuses a bad audience naming the field, and unknown campaigns with 404', async () => {
    const bad = await admin
      .post('', {
        name: 'x',
        audience: { include: [{ type: 'club', clubIds: ['nope'] }] },
        grant: { points: 1, reason: 'x' },
        schedule: { kind: 'now' },
      })
      .expect(400);
    expect(bad.body.details).toEqual([{ field: 'audience.include[0].clubIds', message: 'each value must be a uuid' }]);
    const noAction = await admin.post('', { name: 'x', audience: { include: [{ type: 'all' }] }, schedule: { kind: 'now' } }).expect(400);
    expect(noAction.body.details[0].field).toBe('actions');
    expect((await admin.get('/01a212aa-8b99-749f-88e9-001ff70d99ce').expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
  });
});
