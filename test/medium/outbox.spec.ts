import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/ids';
import { coreImports } from '../../src/core.module';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { MembersModule } from '../../src/modules/members/members.module';
import { MembersService } from '../../src/modules/members/members.service';
import { MessagesModule } from '../../src/modules/messages/messages.module';
import { AppConfig } from '../../src/config/app-config';
import { ChannelRegistry } from '../../src/modules/messages/channels/channel-registry';
import { OutboxSecretsStore } from '../../src/modules/messages/outbox-secrets.store';
import { OutboxSenderService, secretExpired } from '../../src/modules/messages/outbox-sender.service';
import { NewOutboxRow, OutboxRepository } from '../../src/modules/messages/outbox.repository';
import { OutboxService } from '../../src/modules/messages/outbox.service';
import { TemplatesService } from '../../src/modules/messages/templates.service';
import { uniquePhone } from '../support/factories';
import { startHttpReceiver, withEnv } from '../support/message-sinks';

const SECRET = 'medium-gateway-secret-0123456789';

describe('message outbox on the real database', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;
  let outbox: OutboxService;
  let templates: TemplatesService;
  let gateway: Awaited<ReturnType<typeof startHttpReceiver>>;
  let gatewayStatus = 500;
  /** How long the gateway takes to answer. */
  let gatewayDelayMs = 0;
  /** Messages the gateway answers 500 whatever gatewayStatus says. */
  const gatewayRefuses = new Set<string>();
  let seq = 0;

  beforeAll(async () => {
    gateway = await startHttpReceiver(
      () => SECRET,
      // The request being answered is the last one received.
      () => (gatewayRefuses.has(JSON.parse(gateway.received[gateway.received.length - 1].body).messageId) ? 500 : gatewayStatus),
      () => gatewayDelayMs,
    );
    ctx = await withEnv(
      {
        MESSAGES_SMS_ADAPTER: 'http',
        SMS_GATEWAY_URL: `${gateway.url}/sms`,
        MESSAGES_GATEWAY_SECRET: SECRET,
        MESSAGES_RETRY_BASE_MS: '20',
        MESSAGES_MAX_ATTEMPTS: '3',
      },
      async () => {
        const moduleRef = await Test.createTestingModule({
          imports: [...coreImports('worker'), TierPortsModule, MembersModule, MessagesModule],
        }).compile();
        const app = moduleRef.createNestApplication({ logger: false });
        await app.init();
        return app;
      },
    );
    db = ctx.get(DataSource);
    outbox = ctx.get(OutboxService);
    templates = ctx.get(TemplatesService);
  });

  afterAll(async () => {
    await ctx.close();
    await gateway.close();
  });

  async function member(consents: Record<string, boolean> = {}): Promise<string> {
    const { member: m } = await ctx.get(MembersService).create(SYSTEM_ACTOR, { name: '李四', phone: uniquePhone(), consents });
    return m.id;
  }

  async function template(channel: 'sms' | 'log' | 'email', transactional = false): Promise<string> {
    seq += 1;
    const code = `medium-${Date.now().toString(36)}-${seq}`;
    await templates.save(SYSTEM_ACTOR, {
      code,
      channel,
      transactional,
      variants: { 'zh-CN': { body: transactional ? '验证码 {{code}}' : '{{name}}，您有 {{points}} 积分' }, en: { body: 'Hi {{name}}' } },
    });
    return code;
  }

  const rowsOf = (memberId: string): Promise<Array<Record<string, unknown>>> =>
    db.query('SELECT id, status, attempts, body, locale, template_version, last_error FROM outbox_messages WHERE member_id = ?', [
      memberId,
    ]);

  it('asking twice for the same (source, member, channel) records one row', async () => {
    const code = await template('sms');
    const memberId = await member({ sms: true });
    const ask = { source: `campaign:c1:${code}`, memberId, templateCode: code };
    expect(await outbox.enqueue(ask)).toEqual({ queued: 1, skipped: 0, duplicates: 0, unknownMembers: 0 });
    expect(await outbox.enqueueMany([ask, ask])).toEqual({ queued: 0, skipped: 0, duplicates: 2, unknownMembers: 0 });
    const rows = await rowsOf(memberId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'queued', body: '李四，您有 0 积分', locale: 'zh-CN', template_version: 1 });
  });

  it('enqueued inside a caller transaction that rolls back, nothing is recorded', async () => {
    const code = await template('log');
    const memberId = await member();
    await expect(
      db.transaction(async (m) => {
        await outbox.enqueue({ source: 'campaign:rollback:1', memberId, templateCode: code, locale: 'en' }, m);
        throw new Error('the campaign batch failed');
      }),
    ).rejects.toThrow('the campaign batch failed');
    expect(await rowsOf(memberId)).toHaveLength(0);
    await outbox.enqueue({ source: 'campaign:rollback:1', memberId, templateCode: code, locale: 'en' });
    expect(await rowsOf(memberId)).toMatchObject([{ status: 'queued', body: 'Hi 李四', locale: 'en' }]);
  });

  it('only members who consented to the channel get a marketing message; transactional ones need no consent', async () => {
    const marketing = await template('sms');
    const signIn = await template('sms', true);
    const yes = await member({ sms: true });
    const no = await member({ sms: false, email: true });
    const never = await member();
    const result = await outbox.enqueueMany(
      [yes, no, never].map((memberId) => ({ source: 'campaign:consent:1', memberId, templateCode: marketing })),
    );
    expect(result).toEqual({ queued: 1, skipped: 2, duplicates: 0, unknownMembers: 0 });
    expect((await rowsOf(yes))[0].status).toBe('queued');
    expect((await rowsOf(no))[0].status).toBe('skipped_no_consent');
    expect((await rowsOf(never))[0].status).toBe('skipped_no_consent');
    await outbox.enqueue({
      source: 'sign-in:abc',
      memberId: never,
      templateCode: signIn,
      variables: { code: '482913' },
      secretTtlSeconds: 300,
    });
    // The code itself is never stored: the row keeps its placeholder (the sender fills it in from Redis).
    const signInRow = (await rowsOf(never)).find((r) => r.body === '验证码 {{code}}');
    expect(signInRow?.status).toBe('queued');
  });

  it('the sender retries a failing gateway with backoff, then marks the message failed after the last attempt', async () => {
    const code = await template('sms');
    const memberId = await member({ sms: true });
    await outbox.enqueue({ source: 'campaign:retry:1', memberId, templateCode: code });
    const [row] = await rowsOf(memberId);
    const sender = ctx.get(OutboxSenderService);
    gatewayStatus = 500;
    const hits = () => gateway.received.filter((r) => JSON.parse(r.body).messageId === row.id);
    await sender.sendDue();
    expect(hits()).toHaveLength(1);
    const afterFirst = (await rowsOf(memberId))[0];
    expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1 });
    expect(afterFirst.last_error).toContain('500');
    for (let i = 0; i < 50 && (await rowsOf(memberId))[0].status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 30));
      await sender.sendDue();
    }
    expect((await rowsOf(memberId))[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(hits()).toHaveLength(3);
    expect(hits().every((h) => h.signatureValid)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await sender.sendDue();
    expect(hits()).toHaveLength(3);
  });

  it('two senders claiming at once take disjoint rows: SKIP LOCKED passes over rows another holds, without waiting', async () => {
    const code = await template('log');
    const members = await Promise.all([1, 2, 3, 4, 5, 6].map(() => member()));
    await outbox.enqueueMany(members.map((memberId) => ({ source: 'campaign:skip-locked:1', memberId, templateCode: code })));
    const ours: Array<{ id: string }> = await db.query("SELECT id FROM outbox_messages WHERE source = 'campaign:skip-locked:1'");
    const repo = ctx.get(OutboxRepository);
    const holder = db.createQueryRunner();
    let held: string[] = [];
    await holder.connect();
    await holder.startTransaction();
    try {
      held = await repo.lockDue(holder.manager, new Date(), 2);
      expect(held).toHaveLength(2);
      const started = Date.now();
      const second = await repo.claim(new Date(), 1000, 60_000);
      expect(Date.now() - started).toBeLessThan(2000);
      const secondIds = second.map((r) => r.id);
      // The rows the first sender holds are passed over; the second takes every other due row at once.
      expect(secondIds.filter((id) => held.includes(id))).toEqual([]);
      expect(ours.filter((o) => !held.includes(o.id)).every((o) => secondIds.includes(o.id))).toBe(true);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    // Released by the first sender (rolled back): due again, and taken by one of two concurrent claims only.
    const [a, b] = await Promise.all([repo.claim(new Date(), 1, 60_000), repo.claim(new Date(), 1000, 60_000)]);
    const idsA = a.map((r) => r.id);
    const idsB = b.map((r) => r.id);
    expect(idsA.filter((id) => idsB.includes(id))).toEqual([]);
    expect(held.every((id) => idsA.includes(id) || idsB.includes(id))).toBe(true);
  });

  it('an insert of its own that loses a deadlock is retried and answers, instead of failing the request', async () => {
    const memberId = await member();
    const repo = ctx.get(OutboxRepository);
    const row = (source: string): NewOutboxRow => ({
      id: newId(),
      source,
      memberId,
      channel: 'sms',
      templateCode: 'medium-deadlock',
      templateVersion: 1,
      locale: 'zh-CN',
      transactional: true,
      subject: null,
      body: 'b',
      // Never picked up by a sender while the test runs.
      status: 'skipped_no_consent',
      now: new Date(),
    });
    const [first, second] = [`deadlock-a-${newId()}`, `deadlock-b-${newId()}`];
    const holder = db.createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      // The holder has written much more, so InnoDB rolls the other side back when they deadlock.
      await repo.insertNew(holder.manager, [...Array.from({ length: 50 }, (_, i) => row(`deadlock-filler-${i}-${newId()}`)), row(first)]);
      // Takes `second`, then waits for `first`.
      const contender = repo.insertNew(undefined, [row(second), row(first)]);
      for (let i = 0; i < 100; i++) {
        const [waiting] = await db.query<Array<{ n: string | number }>>(
          "SELECT COUNT(*) AS n FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'",
        );
        if (Number(waiting.n) > 0) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Now the holder wants `second`: a deadlock, which the contender loses.
      await repo.insertNew(holder.manager, [row(second)]);
      await holder.commitTransaction();
      // Retried after the holder committed: both rows exist, so it writes none, and it does not throw.
      await expect(contender).resolves.toEqual(new Set());
    } finally {
      await holder.release();
    }
    const rows = await db.query<Array<{ source: string }>>('SELECT source FROM outbox_messages WHERE source IN (?, ?)', [first, second]);
    expect(rows.map((r) => r.source).sort()).toEqual([first, second].sort());
  });

  it('a claimed batch with mixed outcomes ends with every row in its state, in one UPDATE per outcome kind', async () => {
    // The earlier tests' rows are put out of the sender's way: the batch is this test's rows only.
    await db.query("UPDATE outbox_messages SET next_attempt_at = '2999-01-01' WHERE status = 'queued'");
    const marketing = await template('sms');
    const signIn = await template('sms', true);
    const members = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => member({ sms: true })));
    const [sentA, sentB, retried, lastAttempt, noAddress, expired, signedIn] = members;
    const source = `campaign:mixed:${newId()}`;
    await outbox.enqueueMany(
      [sentA, sentB, retried, lastAttempt, noAddress].map((memberId) => ({ source, memberId, templateCode: marketing })),
    );
    await outbox.enqueue({
      source: `sign-in:${newId()}`,
      memberId: signedIn,
      templateCode: signIn,
      variables: { code: '731905' },
      secretTtlSeconds: 300,
    });
    await outbox.enqueue({
      source: `sign-in:${newId()}`,
      memberId: expired,
      templateCode: signIn,
      variables: { code: '552211' },
      secretTtlSeconds: 0.001,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const idOf = async (memberId: string) => String((await rowsOf(memberId))[0].id);
    gatewayStatus = 200;
    gatewayRefuses.add(await idOf(retried));
    gatewayRefuses.add(await idOf(lastAttempt));
    // Its last attempt (MESSAGES_MAX_ATTEMPTS is 3): a refusal fails it for good.
    await db.query('UPDATE outbox_messages SET attempts = 2 WHERE id = ?', [await idOf(lastAttempt)]);
    // The member removed their phone after the message was queued.
    await db.query('UPDATE members SET phone = NULL WHERE id = ?', [noAddress]);

    // Every statement the repositories send goes through the data source (EntityManager.query included).
    const query = jest.spyOn(db, 'query');
    let round;
    let statements: string[];
    try {
      round = await ctx.get(OutboxSenderService).sendBatch(100);
    } finally {
      statements = query.mock.calls.map((c) => String(c[0]));
      query.mockRestore();
    }
    const updates = statements.filter((sql) => /^\s*UPDATE outbox_messages/i.test(sql));
    const outcomeUpdates = updates.filter((sql) => !/SET status = 'sending'/.test(sql));
    // Seven messages, three kinds of outcome (sent; queued again; failed or skipped): three UPDATEs, not seven.
    expect(outcomeUpdates).toHaveLength(3);

    expect(round).toEqual({ claimed: 7, sent: 3, retried: 1, failed: 3 });
    const state = async (memberId: string) =>
      (
        await db.query<Array<Record<string, unknown>>>(
          'SELECT status, attempts, provider_message_id, last_error, sent_at, next_attempt_at FROM outbox_messages WHERE member_id = ?',
          [memberId],
        )
      )[0];
    for (const memberId of [sentA, sentB, signedIn]) {
      const row = await state(memberId);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
      expect(String(row.provider_message_id)).toMatch(/^gw-\d+$/);
      expect(row.sent_at).not.toBeNull();
    }
    expect(new Set(await Promise.all([sentA, sentB, signedIn].map(async (m) => (await state(m)).provider_message_id))).size).toBe(3);
    const retriedRow = await state(retried);
    expect(retriedRow).toMatchObject({ status: 'queued', attempts: 1, provider_message_id: null, sent_at: null });
    expect(retriedRow.last_error).toContain('500');
    expect((retriedRow.next_attempt_at as Date).getTime()).toBeGreaterThan(Date.now() - 5_000);
    expect((retriedRow.next_attempt_at as Date).getTime()).toBeLessThan(new Date('2999-01-01').getTime());
    const lastRow = await state(lastAttempt);
    expect(lastRow).toMatchObject({ status: 'failed', attempts: 3, sent_at: null });
    expect(lastRow.last_error).toContain('500');
    expect(await state(noAddress)).toMatchObject({
      status: 'skipped_no_address',
      last_error: 'the member has no sms address',
      sent_at: null,
    });
    expect(await state(expired)).toMatchObject({ status: 'failed', last_error: secretExpired(['code']), sent_at: null });
    // The live code went out filled in; the expired one never left, and no code is stored.
    const [signedInId, expiredId] = [await idOf(signedIn), await idOf(expired)];
    const bodies = gateway.received.map((r) => JSON.parse(r.body) as { messageId: string; text: string });
    expect(bodies.find((b) => b.messageId === signedInId)?.text).toBe('验证码 731905');
    expect(bodies.some((b) => b.messageId === expiredId)).toBe(false);
    const stored: Array<{ n: string | number }> = await db.query(
      "SELECT COUNT(*) AS n FROM outbox_messages WHERE body LIKE '%731905%' OR body LIKE '%552211%' OR last_error LIKE '%731905%'",
    );
    expect(Number(stored[0].n)).toBe(0);
  });

  it('an outcome that cannot be written stays sending (sent again after its lease) and the other outcomes of its batch are written', async () => {
    await db.query("UPDATE outbox_messages SET next_attempt_at = '2999-01-01' WHERE status = 'queued'");
    const code = await template('log');
    const members = await Promise.all([1, 2, 3].map(() => member()));
    await outbox.enqueueMany(members.map((memberId) => ({ source: `campaign:unwritable:${newId()}`, memberId, templateCode: code })));
    const repo = ctx.get(OutboxRepository);
    const claimed = await repo.claim(new Date(), 100, 60_000);
    expect(claimed).toHaveLength(3);
    const [good, bad, other] = claimed.map((c) => c.id);
    const unwritten = await repo.recordOutcomes(
      [
        { kind: 'sent', id: good, providerMessageId: 'p-1' },
        // Longer than provider_message_id's 200 characters: the strict server refuses the row, and with it the batch's statement.
        { kind: 'sent', id: bad, providerMessageId: 'x'.repeat(300) },
        { kind: 'sent', id: other, providerMessageId: 'p-3' },
      ],
      new Date(),
    );
    expect(unwritten).toEqual([bad]);
    const rows: Array<{ id: string; status: string; provider_message_id: string | null }> = await db.query(
      'SELECT id, status, provider_message_id FROM outbox_messages WHERE id IN (?)',
      [[good, bad, other]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(good)).toMatchObject({ status: 'sent', provider_message_id: 'p-1' });
    expect(byId.get(other)).toMatchObject({ status: 'sent', provider_message_id: 'p-3' });
    expect(byId.get(bad)).toMatchObject({ status: 'sending', provider_message_id: null });
  });
  /** `n` consenting members with one queued SMS each (a fresh source); answers the message ids. */
  async function queuedSms(n: number): Promise<string[]> {
    const code = await template('sms');
    const members = await Promise.all(Array.from({ length: n }, () => member({ sms: true })));
    const source = `campaign:batch-claim:${newId()}`;
    await outbox.enqueueMany(members.map((memberId) => ({ source, memberId, templateCode: code })));
    const rows: Array<{ id: string }> = await db.query('SELECT id FROM outbox_messages WHERE source = ?', [source]);
    return rows.map((r) => r.id);
  }

  /** How many times the gateway received each message. */
  const sendsOf = (ids: string[]): Map<string, number> => {
    const counts = new Map(ids.map((id) => [id, 0]));
    for (const r of gateway.received) {
      const messageId = (JSON.parse(r.body) as { messageId: string }).messageId;
      if (counts.has(messageId)) {
        counts.set(messageId, counts.get(messageId)! + 1);
      }
    }
    return counts;
  };

  it('two senders draining the same outbox at once send every message exactly once, each row written once with its outcome', async () => {
    await db.query("UPDATE outbox_messages SET next_attempt_at = '2999-01-01' WHERE status = 'queued'");
    await db.query('DELETE FROM outbox_claims');
    gatewayStatus = 200;
    const ids = await queuedSms(60);
    const repo = ctx.get(OutboxRepository);
    // Two senders of their own (as two worker processes would run them), small batches so their claims interleave.
    const senders = [1, 2].map(
      () => new OutboxSenderService(repo, ctx.get(ChannelRegistry), ctx.get(AppConfig), ctx.get(OutboxSecretsStore)),
    );
    const claimedBy = [0, 0];
    // A slow gateway: each batch is in flight while the other sender claims.
    gatewayDelayMs = 40;
    await Promise.all(
      senders.map(async (sender, i) => {
        for (;;) {
          const round = await sender.sendBatch(7);
          claimedBy[i] += round.claimed;
          if (round.claimed === 0) {
            return;
          }
        }
      }),
    ).finally(() => (gatewayDelayMs = 0));
    expect(claimedBy[0] + claimedBy[1]).toBe(60);
    // Both took part (each claims before its first batch is sent, so neither can take everything).
    expect(claimedBy[0]).toBeGreaterThan(0);
    expect(claimedBy[1]).toBeGreaterThan(0);
    expect([...sendsOf(ids).values()].every((n) => n === 1)).toBe(true);
    const rows: Array<{ status: string; attempts: number }> = await db.query(
      'SELECT status, attempts FROM outbox_messages WHERE id IN (?)',
      [ids],
    );
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.status === 'sent' && Number(r.attempts) === 1)).toBe(true);
    // Every batch's claim was deleted with its outcomes.
    const [claims] = await db.query<Array<{ n: string | number }>>('SELECT COUNT(*) AS n FROM outbox_claims WHERE lease_until > NOW(3)');
    expect(Number(claims.n)).toBe(0);
  });

  it('a sender that dies after claiming keeps its batch from others until the lease lapses; then another sends each message once', async () => {
    await db.query("UPDATE outbox_messages SET next_attempt_at = '2999-01-01' WHERE status = 'queued'");
    await db.query('DELETE FROM outbox_claims');
    gatewayStatus = 200;
    const ids = await queuedSms(5);
    const repo = ctx.get(OutboxRepository);
    const sender = ctx.get(OutboxSenderService);
    // The dying sender: claims the batch for 1.5 s, then never sends nor writes an outcome.
    const dead = await repo.claimBatch(new Date(), 100, 1_500);
    expect(dead.claimed.map((c) => c.id).sort()).toEqual([...ids].sort());
    // While its lease runs, another sender passes over the batch: nothing is sent, the rows stay queued.
    expect(await sender.sendDue()).toEqual({ claimed: 0, sent: 0, retried: 0, failed: 0 });
    expect([...sendsOf(ids).values()]).toEqual([0, 0, 0, 0, 0]);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    // The lease lapsed: the other sender takes the batch and sends each message once.
    expect(await sender.sendDue()).toEqual({ claimed: 5, sent: 5, retried: 0, failed: 0 });
    expect([...sendsOf(ids).values()]).toEqual([1, 1, 1, 1, 1]);
    const rows: Array<{ status: string; attempts: number }> = await db.query(
      'SELECT status, attempts FROM outbox_messages WHERE id IN (?)',
      [ids],
    );
    expect(rows.every((r) => r.status === 'sent' && Number(r.attempts) === 1)).toBe(true);
    // Nothing is sent again, and the dead sender coming back late cannot overwrite the recorded outcomes.
    expect((await sender.sendDue()).claimed).toBe(0);
    await repo.recordOutcomes(
      ids.map((id) => ({ kind: 'retry' as const, id, error: 'late', retryAt: new Date() })),
      new Date(),
      dead.claim ?? undefined,
    );
    const after: Array<{ status: string; last_error: string | null }> = await db.query(
      'SELECT status, last_error FROM outbox_messages WHERE id IN (?)',
      [ids],
    );
    expect(after.every((r) => r.status === 'sent' && r.last_error === null)).toBe(true);
    expect([...sendsOf(ids).values()]).toEqual([1, 1, 1, 1, 1]);
    // The lapsed claim row is gone (the sender's round deletes lapsed claims).
    const [left] = await db.query<Array<{ n: string | number }>>('SELECT COUNT(*) AS n FROM outbox_claims WHERE id = ?', [dead.claim?.id]);
    expect(Number(left.n)).toBe(0);
  });
});
