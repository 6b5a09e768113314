import { lookup } from 'node:dns/promises';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { EventsService } from '../src/modules/messages/webhooks/events.service';
import { NO_ANSWER, WebhookSenderService } from '../src/modules/messages/webhooks/webhook-sender.service';
import { refusedAddress } from '../src/modules/messages/rules/webhook-target';
import { ConfigChanges } from '../src/queue/config-changes';
import { startHttpReceiver } from './support/message-sinks';
import { ownDatabase } from './support/own-database';
import { startTestApp, TestApp } from './support/test-app';

/** Internal targets a console user must not be able to make the platform POST to (WEBHOOK_ALLOW_PRIVATE_TARGETS off). */
const INTERNAL_TARGETS = [
  'http://127.0.0.1:6379/',
  'http://localhost:3306/',
  'http://LOCALHOST:80/',
  'http://[::1]:6379/',
  'http://[::ffff:127.0.0.1]:6379/',
  'http://0.0.0.0:6379/',
  'http://169.254.169.254/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://10.0.0.5/hooks',
  'http://192.168.1.20/hooks',
  'http://172.20.0.2/hooks',
  'http://100.64.0.1/hooks',
  'http://[fd00::1]/hooks',
  'http://[fe80::1]/hooks',
  'http://224.0.0.251/hooks',
];

/** Numeric IPv4 forms that the URL check of the request already refuses (400 VALIDATION_FAILED); the target check would too. */
const NUMERIC_LOOPBACK = ['http://2130706433:6379/', 'http://0x7f.0.0.1/', 'http://017700000001/', 'http://127.1/'];

/** This machine's own name: it resolves (via /etc/hosts) to a loopback or private address, never a literal in a URL. */
const LOCAL_NAME = hostname();

describe('webhook targets', () => {
  const own = ownDatabase('webhook_targets');
  let t: TestApp;
  let token: string;

  const admin = () => ({
    post: (url: string, body: object) => t.http.post(url).set('Authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object) => t.http.patch(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const subscriptionCount = async () => Number((await t.db.query('SELECT COUNT(*) AS n FROM webhook_subscriptions'))[0].n);

  async function signIn(app: TestApp): Promise<string> {
    const res = await app.http
      .post('/api/v1/admin/auth/login')
      .send({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD })
      .expect(200);
    return res.body.accessToken as string;
  }

  /** A subscription written straight to the table: one saved before this check existed, or whose name resolved elsewhere then. */
  async function insertSubscription(app: TestApp, url: string): Promise<string> {
    const id = randomUUID();
    await app.db.query(
      "INSERT INTO webhook_subscriptions (id, url, events, secret, active, created_at, updated_at) VALUES (?, ?, 'tier.changed', 'whsec_test', 1, NOW(3), NOW(3))",
      [id, url],
    );
    await app.app.get(ConfigChanges).publish('webhooks');
    return id;
  }

  /** Publishes one event to every active subscription and runs the sender once; answers each subscription's delivery. */
  async function deliverOnce(
    app: TestApp,
  ): Promise<Map<string, { status: string; lastStatusCode: number | null; lastError: string | null }>> {
    await app.db.query("UPDATE webhook_subscriptions SET active = 0 WHERE url LIKE 'https://crm.example.com%'");
    await app.app.get(ConfigChanges).publish('webhooks');
    const eventId = `tier.changed:${randomUUID()}`;
    await app.app.get(EventsService).publish('tier.changed', eventId, { test: true });
    await app.app.get(WebhookSenderService).deliverDue(5000);
    const rows: Array<{ subscription_id: string; status: string; last_status_code: number | null; last_error: string | null }> =
      await app.db.query('SELECT subscription_id, status, last_status_code, last_error FROM webhook_deliveries WHERE event_id = ?', [
        eventId,
      ]);
    return new Map(rows.map((r) => [r.subscription_id, { status: r.status, lastStatusCode: r.last_status_code, lastError: r.last_error }]));
  }

  beforeAll(async () => {
    await own.enter();
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false', MESSAGES_SEND_TIMEOUT_MS: '2000' });
    token = await signIn(t);
  });

  afterAll(async () => {
    await t.close();
    await own.leave();
  });

  it('a webhook to a loopback, private, link-local, multicast or metadata target is refused with 400 WEBHOOK_TARGET_REFUSED naming the reason, and nothing is saved', async () => {
    const before = await subscriptionCount();
    for (const url of INTERNAL_TARGETS) {
      const res = await admin().post('/api/v1/admin/webhooks', { url, events: ['purchase.posted'] });
      expect(`${url} -> ${res.status} ${res.body.code}`).toBe(`${url} -> 400 WEBHOOK_TARGET_REFUSED`);
      expect(res.body.message).toMatch(/is a (loopback|private|link-local|shared \(CGNAT\)|metadata|multicast|unspecified) address/);
    }
    for (const url of NUMERIC_LOOPBACK) {
      const res = await admin().post('/api/v1/admin/webhooks', { url, events: ['purchase.posted'] });
      expect(`${url} -> ${res.status}`).toBe(`${url} -> 400`);
      expect(['WEBHOOK_TARGET_REFUSED', 'VALIDATION_FAILED']).toContain(res.body.code);
    }
    expect(await subscriptionCount()).toBe(before);
  });

  it('a host name is judged by the addresses it resolves to: a name for this machine is refused like 127.0.0.1', async () => {
    const addresses = await lookup(LOCAL_NAME, { all: true });
    expect(addresses.every((a) => refusedAddress(a.address) !== null)).toBe(true);
    const res = await admin()
      .post('/api/v1/admin/webhooks', { url: `http://${LOCAL_NAME}:6379/`, events: ['purchase.posted'] })
      .expect(400);
    expect(res.body.code).toBe('WEBHOOK_TARGET_REFUSED');
    expect(res.body.message).toContain(LOCAL_NAME);
  });

  it('changing a webhook to an internal target is refused and its URL stays', async () => {
    const created = await admin()
      .post('/api/v1/admin/webhooks', { url: 'https://crm.example.com/hooks/loyalty', events: ['purchase.posted'] })
      .expect(201);
    const id = created.body.webhookId as string;
    for (const url of ['http://127.0.0.1:6379/', 'http://169.254.169.254/', `http://${LOCAL_NAME}/`]) {
      const res = await admin().patch(`/api/v1/admin/webhooks/${id}`, { url });
      expect(`${url} -> ${res.status} ${res.body.code}`).toBe(`${url} -> 400 WEBHOOK_TARGET_REFUSED`);
    }
    const [row] = await t.db.query('SELECT url FROM webhook_subscriptions WHERE id = ?', [id]);
    expect(row.url).toBe('https://crm.example.com/hooks/loyalty');
  });

  it('at delivery the address connected to is checked again: a saved subscription whose name now resolves to 127.0.0.1 gets nothing, and its record says refused', async () => {
    const receiver = await startHttpReceiver(() => null);
    try {
      const port = new URL(receiver.url).port;
      const byName = await insertSubscription(t, `http://${LOCAL_NAME}:${port}/rebound`);
      const byLiteral = await insertSubscription(t, `http://2130706433:${port}/literal`);
      const deliveries = await deliverOnce(t);
      for (const id of [byName, byLiteral]) {
        expect(deliveries.get(id)).toMatchObject({ lastStatusCode: null });
        expect(deliveries.get(id)?.lastError).toMatch(/^refused: The webhook target .* is a loopback address/);
      }
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('WEBHOOK_ALLOW_PRIVATE_TARGETS=true lets an on-premises receiver be saved and delivered to, never a metadata address', async () => {
    const onPrem = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    const receiver = await startHttpReceiver(() => null);
    try {
      const onPremToken = await signIn(onPrem);
      const created = await onPrem.http
        .post('/api/v1/admin/webhooks')
        .set('Authorization', `Bearer ${onPremToken}`)
        .send({ url: `http://${LOCAL_NAME}:${new URL(receiver.url).port}/on-prem`, events: ['tier.changed'] })
        .expect(201);
      const metadata = await onPrem.http
        .post('/api/v1/admin/webhooks')
        .set('Authorization', `Bearer ${onPremToken}`)
        .send({ url: 'http://169.254.169.254/latest/meta-data/', events: ['tier.changed'] })
        .expect(400);
      expect(metadata.body.code).toBe('WEBHOOK_TARGET_REFUSED');
      const deliveries = await deliverOnce(onPrem);
      expect(deliveries.get(created.body.webhookId as string)).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
      expect(receiver.received.filter((r) => r.path === '/on-prem')).toHaveLength(1);
    } finally {
      await receiver.close();
      await onPrem.close();
    }
  });

  it('a closed port and an open port that does not speak HTTP are recorded in the same words, so records do not map ports', async () => {
    const onPrem = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', MESSAGES_SEND_TIMEOUT_MS: '1000' });
    // An open port that takes the connection and answers something that is not HTTP (like Redis would).
    const sockets = new Set<Socket>();
    const notHttp: Server = createServer((socket) => {
      sockets.add(socket);
      socket.end('-ERR unknown command\r\n');
    });
    await new Promise<void>((resolve) => notHttp.listen(0, '127.0.0.1', resolve));
    const closed: Server = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    try {
      const open = await insertSubscription(onPrem, `http://127.0.0.1:${(notHttp.address() as AddressInfo).port}/`);
      const shut = await insertSubscription(onPrem, `http://127.0.0.1:${closedPort}/`);
      const deliveries = await deliverOnce(onPrem);
      expect(deliveries.get(open)).toMatchObject({ lastStatusCode: null, lastError: NO_ANSWER });
      expect(deliveries.get(shut)).toMatchObject({ lastStatusCode: null, lastError: NO_ANSWER });
      const attempts: Array<{ error: string }> = await onPrem.db.query(
        'SELECT a.error FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.subscription_id IN (?, ?)',
        [open, shut],
      );
      expect(new Set(attempts.map((a) => a.error))).toEqual(new Set([NO_ANSWER]));
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => notHttp.close(() => resolve()));
      await onPrem.close();
    }
  });
});
