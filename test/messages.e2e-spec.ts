import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { OutboxService } from '../src/modules/messages/outbox.service';
import { JobName, QueueName } from '../src/queue/queue.constants';
import { WorkerModule } from '../src/worker.module';
import { createClubWith } from './support/campaign-fixtures';
import { createMember, createStore, loginAdmin, pos, purchaseBody, uniq } from './support/factories';
import { startHttpReceiver, startSmtpSink, waitFor, withEnv } from './support/message-sinks';
import { ownDatabase } from './support/own-database';
import { startTestApp, TestApp } from './support/test-app';

const GATEWAY_SECRET = 'e2e-gateway-secret-0123456789abcdef';

describe('messages and webhooks (real worker, SMTP sink, HTTP gateway and webhook receiver)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let token: string;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let gateway: Awaited<ReturnType<typeof startHttpReceiver>>;
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
  const webhookSecrets = new Map<string, string>();
  let failingStatus = 503;

  // The notice job runs over every member of the program: a database of its own keeps the rest of the run's members
  // (100k from the crash suites) and their leftover job runs out of its figures and its timing.
  const own = ownDatabase('msg');

  beforeAll(async () => {
    await own.enter();
    smtp = await startSmtpSink();
    gateway = await startHttpReceiver(() => GATEWAY_SECRET);
    // The receiver checks each request against the secret of the subscription its path names.
    receiver = await startHttpReceiver(
      () => null,
      (path) => (path.startsWith('/failing') ? failingStatus : 200),
    );
    const env = {
      MESSAGES_EMAIL_ADAPTER: 'smtp',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Loyalty <no-reply@loyalty.test>',
      MESSAGES_SMS_ADAPTER: 'http',
      SMS_GATEWAY_URL: `${gateway.url}/sms`,
      MESSAGES_GATEWAY_SECRET: GATEWAY_SECRET,
      MESSAGES_POLL_MS: '200',
      MESSAGES_RETRY_BASE_MS: '100',
      WEBHOOK_MAX_ATTEMPTS: '2',
      // The receiver listens on 127.0.0.1: an on-premises receiver (webhook-targets.e2e-spec.ts proves the refusal).
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    };
    t = await startTestApp(env);
    worker = await withEnv(env, async () => {
      const ctx = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: false });
      await ctx.init();
      return ctx;
    });
    token = await loginAdmin(t);
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
    await smtp.close();
    await gateway.close();
    await receiver.close();
    await own.leave();
  });

  const admin = () => ({
    get: (url: string) => t.http.get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) => t.http.post(url).set('Authorization', `Bearer ${token}`).send(body),
  });

  const saveTemplate = (body: object) => admin().post('/api/v1/admin/message-templates', body);

  const outboxRow = async (memberId: string) =>
    (await admin().get(`/api/v1/admin/outbox?memberId=${memberId}`).expect(200)).body.messages as Array<Record<string, unknown>>;

  it('a template with an unknown variable or a malformed placeholder is refused, naming it; a good one is versioned and previewed', async () => {
    const code = uniq('tpl').toLowerCase();
    const bad = await saveTemplate({ code, channel: 'sms', variants: { 'zh-CN': { body: '{{name}} 您好 {{balance}}' } } }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details).toEqual([{ field: 'variants.zh-CN.body', message: expect.stringContaining('{{balance}}') }]);
    const malformed = await saveTemplate({ code, channel: 'sms', variants: { 'zh-CN': { body: 'ok' }, en: { body: 'Hi {{name' } } }).expect(
      400,
    );
    expect(malformed.body.details[0]).toMatchObject({ field: 'variants.en.body', message: expect.stringContaining('never closed') });

    const v1 = await saveTemplate({ code, channel: 'sms', variants: { 'zh-CN': { body: '{{name}}，您是{{tier}}会员' } } }).expect(201);
    expect(v1.body).toMatchObject({ code, version: 1, variables: ['name', 'tier'] });
    const v2 = await saveTemplate({
      code,
      channel: 'sms',
      variants: { 'zh-CN': { body: '{{name}}，您有 {{points}} 积分' }, en: { body: '{{name}}, you have {{points}} points' } },
    }).expect(201);
    expect(v2.body.version).toBe(2);
    const versions = await admin().get(`/api/v1/admin/message-templates/${code}`).expect(200);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const m = await createMember(t, { name: 'Anna' });
    const preview = await admin().post(`/api/v1/admin/message-templates/${code}/preview`, { memberId: m.memberId }).expect(200);
    expect(preview.body).toMatchObject({ version: 2, 'zh-CN': { text: 'Anna，您有 0 积分' }, en: { text: 'Anna, you have 0 points' } });
    const sample = await admin().post(`/api/v1/admin/message-templates/${code}/preview`, {}).expect(200);
    expect(sample.body['zh-CN'].text).toBe('张三，您有 1200 积分');
    await admin().post('/api/v1/admin/message-templates/no-such-template/preview', {}).expect(404);
  });

  it('an email is delivered to the SMTP sink with the rendered template, and the outbox shows it sent', async () => {
    const code = uniq('mail').toLowerCase();
    await saveTemplate({
      code,
      channel: 'email',
      variants: {
        'zh-CN': { subject: '积分提醒', body: '{{name}}，您有 {{points}} 积分' },
        en: { subject: 'Your points, {{name}}', body: 'Dear {{name}}, {{points}} points expire on {{expiryDate}}.' },
      },
    }).expect(201);
    const email = `${uniq('anna')}@example.com`.toLowerCase();
    const m = await createMember(t, { name: 'Anna Smith', email, consents: { email: true } });
    const result = await t.app.get(OutboxService).enqueue({
      source: `test:${code}`,
      memberId: m.memberId,
      templateCode: code,
      locale: 'en',
      variables: { points: 250, expiryDate: '2026-12-31' },
    });
    expect(result.queued).toBe(1);
    const mail = await waitFor('the email', async () => smtp.mails.find((x) => x.to.includes(email)));
    expect(mail.from).toBe('no-reply@loyalty.test');
    expect(mail.raw).toContain('Subject: Your points, Anna Smith');
    expect(mail.raw).toContain('Dear Anna Smith, 250 points expire on 2026-12-31.');
    const [row] = await waitFor('sent', async () => {
      const rows = await outboxRow(m.memberId);
      return rows[0]?.status === 'sent' ? rows : null;
    });
    expect(row).toMatchObject({ channel: 'email', templateCode: code, templateVersion: 1, locale: 'en', attempts: 1 });
    expect(row.providerMessageId).toEqual(expect.any(String));
  });

  it('an SMS goes through the HTTP gateway with a valid HMAC signature; a member without consent gets nothing', async () => {
    const code = uniq('sms').toLowerCase();
    await saveTemplate({ code, channel: 'sms', variants: { 'zh-CN': { body: '{{name}}，您有 {{points}} 积分' } } }).expect(201);
    const yes = await createMember(t, { name: '王五', consents: { sms: true } });
    const no = await createMember(t, { name: '赵六' });
    const outbox = t.app.get(OutboxService);
    await outbox.enqueueMany([yes, no].map((m) => ({ source: `test:${code}`, memberId: m.memberId, templateCode: code })));
    const request = await waitFor('the gateway request', async () => gateway.received.find((r) => JSON.parse(r.body).to === yes.phone));
    expect(request.signatureValid).toBe(true);
    expect(request.headers['x-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(JSON.parse(request.body)).toMatchObject({ channel: 'sms', to: yes.phone, text: '王五，您有 0 积分' });
    await waitFor('sent', async () => (await outboxRow(yes.memberId))[0]?.status === 'sent');
    expect((await outboxRow(yes.memberId))[0].providerMessageId).toMatch(/^gw-/);
    expect((await outboxRow(no.memberId))[0].status).toBe('skipped_no_consent');
    expect(gateway.received.some((r) => JSON.parse(r.body).to === no.phone)).toBe(false);
  });

  it('a POS purchase reaches a webhook receiver, signed; a failing receiver gets retries, fails, and a replay delivers it', async () => {
    const ok = await admin()
      .post('/api/v1/admin/webhooks', { url: `${receiver.url}/ok`, events: ['purchase.posted'] })
      .expect(201);
    const failing = await admin()
      .post('/api/v1/admin/webhooks', { url: `${receiver.url}/failing`, events: ['purchase.posted', 'tier.changed'] })
      .expect(201);
    expect(ok.body.secret).toMatch(/^whsec_/);
    webhookSecrets.set('/ok', ok.body.secret);
    webhookSecrets.set('/failing', failing.body.secret);
    const listed = await admin().get('/api/v1/admin/webhooks').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(ok.body.secret);

    const store = await createStore(t);
    const m = await createMember(t);
    const purchase = await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 12_300 }]))
      .expect(201);
    const purchaseId = purchase.body.transactionId as string;
    const eventId = `purchase.posted:${purchaseId}`;

    const { verifySignature } = await import('../src/modules/messages/rules/signature');
    const verified = (path: string) =>
      receiver.received.filter(
        (r) =>
          r.path === path &&
          r.headers['x-event-id'] === eventId &&
          verifySignature(webhookSecrets.get(path) ?? '', r.headers['x-signature'] as string, r.headers['x-timestamp'] as string, r.body),
      );
    const delivered = await waitFor('the webhook', async () => verified('/ok')[0]);
    expect(delivered.headers['x-event-type']).toBe('purchase.posted');
    expect(JSON.parse(delivered.body)).toMatchObject({
      id: eventId,
      type: 'purchase.posted',
      data: { purchaseId, memberId: m.memberId, storeId: store.storeId, totalCents: 12_300, pointsEarned: 123 },
    });

    // The failing receiver: two attempts (WEBHOOK_MAX_ATTEMPTS=2), then failed.
    const failedDelivery = await waitFor('the failed delivery', async () => {
      const res = await admin().get(`/api/v1/admin/webhooks/deliveries?subscriptionId=${failing.body.webhookId}&status=failed`).expect(200);
      return (res.body.deliveries as Array<Record<string, unknown>>).find((d) => d.eventId === eventId);
    });
    expect(failedDelivery).toMatchObject({ attempts: 2, lastStatusCode: 503 });
    expect(verified('/failing')).toHaveLength(2);

    failingStatus = 200;
    const replayed = await admin()
      .post(`/api/v1/admin/webhooks/deliveries/${failedDelivery.deliveryId as string}/replay`)
      .expect(200);
    expect(replayed.body).toMatchObject({ status: 'pending', attempts: 0 });
    const done = await waitFor('the replayed delivery', async () => {
      const res = await admin()
        .get(`/api/v1/admin/webhooks/deliveries/${failedDelivery.deliveryId as string}`)
        .expect(200);
      return res.body.status === 'delivered' ? res.body : null;
    });
    expect(done.history.map((h: { statusCode: number }) => h.statusCode)).toEqual([503, 503, 200]);
    expect(verified('/failing')).toHaveLength(3);
    await admin().post('/api/v1/admin/webhooks/deliveries/01a212aa-8bb9-742a-810d-39e0f747ae20/replay').expect(404);
  });

  it('a campaign that finishes reaches a webhook receiver once as campaign.completed, signed, with its totals', async () => {
    const sub = await admin()
      .post('/api/v1/admin/webhooks', { url: `${receiver.url}/campaigns`, events: ['campaign.completed'] })
      .expect(201);
    webhookSecrets.set('/campaigns', sub.body.secret);
    const club = [await createMember(t), await createMember(t), await createMember(t)];
    const clubId = await createClubWith(
      t.db,
      club.map((m) => m.memberId),
    );
    const created = await admin()
      .post('/api/v1/admin/campaigns', {
        name: 'Webhook check',
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        grant: { points: 20, reason: 'Thanks' },
        schedule: { kind: 'now' },
      })
      .expect(201);
    const campaignId = created.body.campaignId as string;
    await admin().post(`/api/v1/admin/campaigns/${campaignId}/launch`).expect(200);

    const { verifySignature } = await import('../src/modules/messages/rules/signature');
    const delivered = await waitFor('the campaign.completed webhook', async () =>
      receiver.received.find(
        (r) =>
          r.path === '/campaigns' &&
          r.headers['x-event-type'] === 'campaign.completed' &&
          verifySignature(
            webhookSecrets.get('/campaigns') ?? '',
            r.headers['x-signature'] as string,
            r.headers['x-timestamp'] as string,
            r.body,
          ),
      ),
    );
    const body = JSON.parse(delivered.body);
    expect(body).toMatchObject({ type: 'campaign.completed', data: { campaignId, name: 'Webhook check', state: 'completed' } });
    expect(body.id).toBe(`campaign.completed:${campaignId}:${body.data.runId as string}`);
    const [ledger] = await t.db.query(
      "SELECT COALESCE(SUM(points), 0) AS points FROM point_entries WHERE ref_type = 'campaign' AND ref_id LIKE ?",
      [`${campaignId}:%`],
    );
    expect(Number(ledger.points)).toBe(60);
    expect(Object.values(body.data.totals as Record<string, number>)).toContain(60);
    // Once: the one event id has one delivery for the subscription.
    const [rows] = await t.db.query('SELECT COUNT(*) AS n FROM webhook_deliveries WHERE subscription_id = ? AND event_id = ?', [
      sub.body.webhookId,
      body.id,
    ]);
    expect(Number(rows.n)).toBe(1);
  });

  it('the monthly notice job sends one expiring-points notice per member, however often it runs, respecting consent', async () => {
    await saveTemplate({
      code: 'notice.points-expiring',
      channel: 'sms',
      variants: { 'zh-CN': { body: '{{name}}，您有 {{points}} 积分将于 {{expiryDate}} 到期' } },
    }).expect(201);
    const store = await createStore(t);
    const yes = await createMember(t, { name: '钱七', consents: { sms: true } });
    const no = await createMember(t, { name: '孙八' });
    for (const m of [yes, no]) {
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 40_000 }]))
        .expect(201);
    }
    await t.db.query('UPDATE point_lots SET expires_at = DATE_ADD(NOW(3), INTERVAL 10 DAY) WHERE member_id IN (?, ?)', [
      yes.memberId,
      no.memberId,
    ]);
    const expiryDate = ((await t.db.query('SELECT expires_at FROM point_lots WHERE member_id = ?', [yes.memberId]))[0].expires_at as Date)
      .toISOString()
      .slice(0, 10);
    const queue = worker.get<Queue>(getQueueToken(QueueName.Messages));
    const runNotices = async () => {
      const job = await queue.add(JobName.PlanExpiryNotices, { asOf: new Date().toISOString() });
      const planned = await waitFor('the plan', async () =>
        (await job.isCompleted()) ? ((await queue.getJob(job.id ?? ''))?.returnvalue as { runId: string }) : null,
      );
      return waitFor('the run', async () => {
        const view = await admin().get(`/api/v1/admin/jobs/${planned.runId}`).expect(200);
        return view.body.state === 'running' ? null : (view.body as { state: string; kind: string; totals: Record<string, number> });
      });
    };
    const first = await runNotices();
    expect(first).toMatchObject({ kind: 'expiry-notices', state: 'completed' });
    // The whole totals object in the message when it fails: which of queued, skipped, duplicates or members was off.
    expect({ totals: first.totals, queuedSome: first.totals.queued >= 1 }).toMatchObject({ queuedSome: true });
    const second = await runNotices();
    expect(second.totals).toMatchObject({ queued: 0, skipped: 0 });
    expect(second.totals.duplicates).toBeGreaterThanOrEqual(2);

    const month = new Date().toISOString().slice(0, 7);
    const rows = await outboxRow(yes.memberId);
    expect(rows.filter((r) => r.source === `expiry-notice:${month}`)).toHaveLength(1);
    expect((await outboxRow(no.memberId)).map((r) => r.status)).toEqual(['skipped_no_consent']);
    const sms = await waitFor('the notice SMS', async () => gateway.received.find((r) => JSON.parse(r.body).to === yes.phone));
    expect(JSON.parse(sms.body).text).toBe(`钱七，您有 400 积分将于 ${expiryDate} 到期`);
  });

  it('roles other than admin read the outbox with the text masked', async () => {
    const code = uniq('mask').toLowerCase();
    await saveTemplate({ code, channel: 'log', variants: { 'zh-CN': { body: '{{name}} 卡号 8123456789012345' } } }).expect(201);
    const m = await createMember(t, { name: '周九' });
    await t.app.get(OutboxService).enqueue({ source: `test:${code}`, memberId: m.memberId, templateCode: code });
    expect((await outboxRow(m.memberId))[0].body).toBe('周九 卡号 8123456789012345');
    const email = `${uniq('support')}@example.com`.toLowerCase();
    await t.db.query(
      "INSERT INTO admin_users (id, email, password_hash, role, created_at) SELECT UUID(), ?, password_hash, 'support', NOW(3) FROM admin_users WHERE email = ?",
      [email, process.env.ADMIN_EMAIL],
    );
    const login = await t.http.post('/api/v1/admin/auth/login').send({ email, password: process.env.ADMIN_PASSWORD }).expect(200);
    const res = await t.http
      .get(`/api/v1/admin/outbox?memberId=${m.memberId}`)
      .set('Authorization', `Bearer ${login.body.accessToken as string}`)
      .expect(200);
    expect(res.body.messages[0].body).toBe('周* 卡号 **************45');
    await t.http
      .get('/api/v1/admin/webhooks')
      .set('Authorization', `Bearer ${login.body.accessToken as string}`)
      .expect(403);
  });
});
