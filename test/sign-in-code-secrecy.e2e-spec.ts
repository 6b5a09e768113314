import Redis from 'ioredis';
import { loadConfig } from '../src/config/app-config';
import { outboxSecretsKey } from '../src/modules/messages/outbox-secrets.store';
import { OutboxSenderService } from '../src/modules/messages/outbox-sender.service';
import { REDIS } from '../src/queue/redis.module';
import { ScrubSignInCodes1795714141402 } from '../migrations/1795714141402-ScrubSignInCodes';
import { createMember, loginAdmin, uniq, uniquePhone } from './support/factories';
import { startHttpReceiver, waitFor } from './support/message-sinks';
import { startTestApp, TestApp } from './support/test-app';
import { ensureWorkerBuilt, WorkerProcesses } from './support/worker-process';

const GATEWAY_SECRET = 'e2e-sign-in-gateway-secret-0123456789';

/**
 * The sign-in code never reaches a stored row or a screen: the outbox keeps `{{code}}`, the code waits in Redis for
 * its own life, and the sender — a worker process of its own, sharing only Redis and the database with the API —
 * puts it into the SMS at send time.
 */
describe('sign-in codes are never stored (API, a separate worker process, an SMS gateway sink)', () => {
  let t: TestApp;
  let redis: Redis;
  let token: string;
  let gateway: Awaited<ReturnType<typeof startHttpReceiver>>;
  const workers = new WorkerProcesses();
  const prefix = loadConfig().queuePrefix;
  let env: Record<string, string>;

  beforeAll(async () => {
    ensureWorkerBuilt();
    gateway = await startHttpReceiver(() => GATEWAY_SECRET);
    env = {
      MESSAGES_SMS_ADAPTER: 'http',
      SMS_GATEWAY_URL: `${gateway.url}/sms`,
      MESSAGES_GATEWAY_SECRET: GATEWAY_SECRET,
      MESSAGES_POLL_MS: '200',
      RATE_LIMIT_PORTAL_AUTH_PER_MINUTE: '100000',
    };
    t = await startTestApp(env);
    redis = t.app.get<Redis>(REDIS);
    token = await loginAdmin(t);
  }, 180_000);

  afterAll(async () => {
    workers.killAll();
    await t.close();
    await gateway.close();
  });

  const askCode = (phone: string) => t.http.post('/api/v1/portal/auth/code').send({ phone }).expect(200);
  const signInRow = async (phone: string) =>
    (
      await t.db.query<Array<{ id: string; body: string; subject: string | null; last_error: string | null; status: string }>>(
        `SELECT o.id, o.body, o.subject, o.last_error, o.status FROM outbox_messages o LEFT JOIN members m ON m.id = o.member_id
          WHERE o.template_code = 'portal.sign-in-code' AND (o.to_address = ? OR m.phone = ?) ORDER BY o.id DESC LIMIT 1`,
        [phone, phone],
      )
    )[0];
  const smsTo = (phone: string) => gateway.received.filter((r) => (JSON.parse(r.body) as { to: string }).to === phone);
  const adminOutbox = async () =>
    (await t.http.get('/api/v1/admin/outbox?channel=sms&limit=200').set('Authorization', `Bearer ${token}`).expect(200)).body as {
      messages: Array<{ messageId: string; body: string; status: string; lastError: string | null }>;
    };

  it('a sign-in code whose Redis value expired before the sender came is marked failed, never sent with its placeholder', async () => {
    const member = await createMember(t);
    await askCode(member.phone);
    const row = await signInRow(member.phone);
    expect(row.body).toContain('{{code}}');
    // The value's life ends (the code's TTL): let Redis expire it, then the sender runs.
    await redis.pexpire(outboxSecretsKey(prefix, row.id), 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await t.app.get(OutboxSenderService).sendDue(5_000);

    const after = await signInRow(member.phone);
    expect(after).toMatchObject({ id: row.id, status: 'failed', body: row.body });
    expect(after.last_error).toMatch(/\{\{code\}\} expired before it could be sent/);
    expect(smsTo(member.phone)).toEqual([]);
    const listed = (await adminOutbox()).messages.find((m) => m.messageId === row.id);
    expect(listed).toMatchObject({ status: 'failed', body: row.body });
  });

  it('the SMS sink receives the code while the outbox row and GET /admin/outbox (as admin) only ever hold {{code}}; the code signs in', async () => {
    // The sender runs in a process of its own: only Redis and the database are shared with the API.
    workers.start({ ...env, ACTIVE_WORKERS: 'messages' });
    const member = await createMember(t);
    const stranger = uniquePhone(); // nobody holds it yet: the registration path
    for (const phone of [member.phone, stranger]) {
      await askCode(phone);
    }
    const codes = new Map<string, string>();
    for (const phone of [member.phone, stranger]) {
      const [sms] = await waitFor(`the SMS to ${phone}`, async () => (smsTo(phone).length > 0 ? smsTo(phone) : null), 60_000);
      expect(sms.signatureValid).toBe(true);
      const text = (JSON.parse(sms.body) as { text: string }).text;
      expect(text).not.toContain('{{');
      const match = /(?<!\d)(\d{6})(?!\d)/.exec(text);
      expect(match).not.toBeNull();
      codes.set(phone, match![1]);

      const row = await waitFor('the row marked sent', async () => {
        const r = await signInRow(phone);
        return r.status === 'sent' ? r : null;
      });
      expect(row.body).toContain('{{code}}');
      expect(text).toBe(row.body.replace('{{code}}', codes.get(phone)!));
      const stored = await t.db.query<Array<{ n: string }>>(
        `SELECT COUNT(*) AS n FROM outbox_messages WHERE body LIKE ? OR subject LIKE ? OR last_error LIKE ?`,
        Array(3).fill(`%${codes.get(phone)}%`),
      );
      expect(Number(stored[0].n)).toBe(0);
    }
    const page = await adminOutbox();
    const listed = JSON.stringify(page);
    for (const code of codes.values()) {
      expect(listed).not.toContain(code);
    }
    expect(page.messages.filter((m) => m.body.includes('{{code}}')).length).toBeGreaterThanOrEqual(2);

    // The code the SMS carried is the member's code (the sink got the real thing).
    const login = await t.http
      .post('/api/v1/portal/auth/login')
      .send({ phone: member.phone, code: codes.get(member.phone) })
      .expect(200);
    expect(login.body.memberId).toBe(member.memberId);
    const unregistered = await t.http
      .post('/api/v1/portal/auth/login')
      .send({ phone: stranger, code: codes.get(stranger) })
      .expect(404);
    expect(unregistered.body.code).toBe('PHONE_NOT_REGISTERED');
  }, 120_000);

  it('the migration puts {{code}} back into sign-in rows stored before the fix and leaves other messages alone', async () => {
    const legacy = { id: uniq('lg').slice(0, 36), source: `sign-in:${uniq('legacy')}`.slice(0, 128) };
    const campaign = { id: uniq('cp').slice(0, 36), source: `campaign:${uniq('c')}:1`.slice(0, 128) };
    const phone = uniquePhone();
    for (const [row, body, template] of [
      [legacy, '您的会员登录验证码是 335985，5分钟内有效。请勿告诉他人。', 'portal.sign-in-code'],
      [campaign, 'Order 123456 ships today', 'some-campaign'],
    ] as const) {
      await t.db.query(
        `INSERT INTO outbox_messages (id, source, member_id, to_address, channel, template_code, template_version, locale, transactional,
                                      subject, body, status, attempts, next_attempt_at, last_error, created_at, updated_at, sent_at)
         VALUES (?, ?, NULL, ?, 'sms', ?, 1, 'zh-CN', 1, NULL, ?, 'sent', 1, NOW(3), ?, NOW(3), NOW(3), NOW(3))`,
        [row.id, row.source, phone, template, body, row === legacy ? 'gateway answered 400: 335985' : null],
      );
    }
    const runner = t.db.createQueryRunner();
    try {
      await new ScrubSignInCodes1795714141402().up(runner);
    } finally {
      await runner.release();
    }
    const rows = await t.db.query<Array<{ id: string; body: string; last_error: string | null }>>(
      'SELECT id, body, last_error FROM outbox_messages WHERE id IN (?, ?) ORDER BY id = ?',
      [legacy.id, campaign.id, campaign.id],
    );
    expect(rows).toEqual([
      { id: legacy.id, body: '您的会员登录验证码是 {{code}}，5分钟内有效。请勿告诉他人。', last_error: 'gateway answered 400: {{code}}' },
      { id: campaign.id, body: 'Order 123456 ships today', last_error: null },
    ]);
  });
});
