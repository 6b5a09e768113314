import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from 'nestjs-pino';
import { setLogDestination } from '../src/common/logging';
import { maskEmail, maskPhone } from '../src/common/masking';
import { MERGE_DECISIONS } from '../src/modules/archive/merge-decisions';
import { MemberArchiveService } from '../src/modules/members/member-archive.service';
import { OutboxService } from '../src/modules/messages/outbox.service';
import { WorkerModule } from '../src/worker.module';
import { createClubWith } from './support/campaign-fixtures';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestStore, uniq } from './support/factories';
import { startHttpReceiver, waitFor, withEnv } from './support/message-sinks';
import { startTestApp, TestApp } from './support/test-app';

/** A phone no other suite uses (+33 6…), so even its masked form is unique in the run's database. */
const frenchPhone = () => `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

describe('privacy: member export and erasure (HTTP, real worker, webhook receiver)', () => {
  const lines: string[] = [];
  const logTo = { write: (chunk: string) => void lines.push(chunk) };
  let t: TestApp;
  let worker: INestApplicationContext;
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
  let webhookSecret: string | null = null;
  let token: string;
  let store: TestStore;
  // The webhook receiver listens on 127.0.0.1: an on-premises receiver (webhook-targets.e2e-spec.ts proves the refusal).
  const env = { MESSAGES_POLL_MS: '200', MESSAGES_RETRY_BASE_MS: '100', LOG_LEVEL: 'info', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' };

  beforeAll(async () => {
    receiver = await startHttpReceiver(() => webhookSecret);
    t = await startTestApp(env, { logTo });
    worker = await withEnv(env, async () => {
      setLogDestination(logTo);
      try {
        const ctx = await NestFactory.createApplicationContext(WorkerModule.register(), { bufferLogs: true });
        ctx.useLogger(ctx.get(Logger));
        await ctx.init();
        return ctx;
      } finally {
        setLogDestination(undefined);
      }
    });
    token = await loginAdmin(t);
    store = await createStore(t);
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
    await receiver.close();
  });

  const admin = (auth = `Bearer ${token}`) => ({
    get: (url: string) => t.http.get(`/api/v1/admin${url}`).set('Authorization', auth),
    post: (url: string, body: object = {}) => t.http.post(`/api/v1/admin${url}`).set('Authorization', auth).send(body),
    patch: (url: string, body: object) => t.http.patch(`/api/v1/admin${url}`).set('Authorization', auth).send(body),
    put: (url: string, body: object) => t.http.put(`/api/v1/admin${url}`).set('Authorization', auth).send(body),
  });

  async function jobDone(jobId: string): Promise<Record<string, unknown>> {
    return waitFor(`job ${jobId}`, async () => {
      const res = await admin().get(`/jobs/${jobId}`).expect(200);
      return res.body.state === 'running' ? null : (res.body as Record<string, unknown>);
    });
  }

  /** A purchase of two lines, a partial refund and a redemption: every kind of posting. */
  async function shop(cardNo: string) {
    const body = purchaseBody({ cardNo }, [
      { sku: 'MILK', amountCents: 12_000 },
      { sku: 'BREAD', amountCents: 8_000 },
    ]);
    await pos(t, store).purchase(body).expect(201);
    await pos(t, store)
      .refund({ refundNo: uniq('F'), receiptNo: body.receiptNo, lines: [{ sku: 'BREAD', quantity: 1, amountCents: 8_000 }] })
      .expect(201);
    await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { cardNo }, points: 30 })
      .expect(201);
    return body.receiptNo;
  }

  async function roleToken(role: string): Promise<string> {
    const email = `${uniq(role)}@example.com`.toLowerCase();
    const password = 'a long enough password';
    await admin().post('/users', { email, password, role }).expect(201);
    return `Bearer ${(await t.http.post('/api/v1/admin/auth/login').send({ email, password }).expect(200)).body.accessToken as string}`;
  }

  it('export: everything held about the member as a JSON download, audited, and nothing about anybody else', async () => {
    const me = await createMember(t, { name: 'Ottilie Brandvold', email: `${uniq('ottilie')}@example.org`.toLowerCase() });
    const other = await createMember(t, { name: 'Someone Elsewhere', email: `${uniq('else')}@example.org`.toLowerCase() });
    const receiptNo = await shop(me.cardNo);
    await shop(other.cardNo);
    await createClubWith(t.db, [me.memberId, other.memberId]);
    await admin().patch(`/members/${me.memberId}`, { address: '12 Fjord Street', city: 'Bergen' }).expect(200);
    await admin().post(`/members/${me.memberId}/notes`, { text: 'prefers paper receipts' }).expect(201);
    await admin()
      .put(`/members/${me.memberId}/tags`, { tags: ['paper'] })
      .expect(200);
    await t.app.get(MemberArchiveService).setConsents({ type: 'admin', id: null }, me.memberId, { sms: true, email: false });
    await t.app.get(MemberArchiveService).setConsents({ type: 'admin', id: null }, me.memberId, { sms: false });

    const res = await admin().get(`/members/${me.memberId}/export`).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="member-${me.memberId}.json"`);
    const doc = res.body;
    expect(doc).toMatchObject({ format: 'loyalty.member-export.v1', memberId: me.memberId });
    expect(doc.profile).toMatchObject({ id: me.memberId, name: 'Ottilie Brandvold', phone: me.phone, address: '12 Fjord Street' });
    expect(doc.cards.map((c: { cardNo: string }) => c.cardNo)).toEqual([me.cardNo]);
    expect(doc.purchases).toHaveLength(1);
    expect(doc.purchases[0]).toMatchObject({ receiptNo, totalCents: 20_000 });
    expect(doc.purchases[0].lines.map((l: { sku: string }) => l.sku).sort()).toEqual(['BREAD', 'MILK']);
    expect(doc.purchases[0].response).toBeUndefined();
    expect(doc.refunds).toHaveLength(1);
    expect(doc.redemptions).toHaveLength(1);
    const entrySum = doc.ledger.reduce((s: number, e: { points: number }) => s + e.points, 0);
    expect(doc.ledger.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['accrual', 'refund_clawback', 'redemption']));
    expect(entrySum).toBe(doc.account.balance);
    expect(doc.lots.length).toBeGreaterThan(0);
    expect(doc.clubs).toHaveLength(1);
    expect(doc.refersTo.clubs).toHaveLength(1);
    expect(doc.refersTo.stores.map((s: { storeId: string }) => s.storeId)).toEqual([store.storeId]);
    expect(doc.tierHistory.length).toBeGreaterThan(0);
    expect(doc.monthlyStats.length).toBeGreaterThan(0);
    expect(doc.notes.map((n: { text: string }) => n.text)).toEqual(['prefers paper receipts']);
    expect(doc.tags.map((x: { tag: string }) => x.tag)).toEqual(['paper']);
    expect(doc.consents.current).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'sms', granted: false }),
        expect.objectContaining({ channel: 'email', granted: false }),
      ]),
    );
    expect(doc.consents.history.map((c: { field: string; newValue: string }) => `${c.field}=${c.newValue}`)).toEqual([
      'consent.sms=true',
      'consent.email=false',
      'consent.sms=false',
    ]);
    expect(doc.profileChanges.map((c: { field: string }) => c.field).sort()).toEqual(['address', 'city', 'tags']);
    expect(doc.audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['member.created', 'member.note_added']));

    const text = JSON.stringify(doc);
    for (const theirs of [other.memberId, other.cardNo, other.phone, 'Someone Elsewhere']) {
      expect([theirs, text.includes(theirs)]).toEqual([theirs, false]);
    }
    const [audited] = await t.db.query(
      "SELECT actor_type, actor_id FROM audit_log WHERE action = 'member.exported' AND entity_id = ? ORDER BY id DESC LIMIT 1",
      [me.memberId],
    );
    expect(audited).toMatchObject({ actor_type: 'admin' });
    expect(audited.actor_id).toBeTruthy();
    await admin().get(`/members/${'01a212aa-8b99-749f-88e9-001ff70d99cf'}/export`).expect(404);
  });

  it('roles: support exports but may not erase, marketer and analyst do neither (403, nothing written)', async () => {
    const m = await createMember(t);
    const support = await roleToken('support');
    const marketer = await roleToken('marketer');
    const analyst = await roleToken('analyst');
    await admin(support).get(`/members/${m.memberId}/export`).expect(200);
    for (const auth of [marketer, analyst]) {
      expect((await admin(auth).get(`/members/${m.memberId}/export`).expect(403)).body.code).toBe('FORBIDDEN');
    }
    for (const auth of [support, marketer, analyst]) {
      expect((await admin(auth).post(`/members/${m.memberId}/erasure`).expect(403)).body.code).toBe('FORBIDDEN');
    }
    expect(await t.db.query('SELECT * FROM member_erasures WHERE member_id = ?', [m.memberId])).toEqual([]);
  });

  it('erasure: 202 with a job; the worker removes the personal data from every table, keeps the ledger and analytics exact, fires the webhook', async () => {
    const tag = randomBytes(4).toString('hex');
    const who = {
      name: `Erasmus Quintavalle ${tag}`,
      importPhone: frenchPhone(),
      phone: frenchPhone(),
      email: `erasmus.${tag}@erasmus-${tag}.test`,
      address: `88 Nowhere Lane ${tag}`,
      externalId: `EXT-${tag}`,
      duplicateName: `Erasmo Quinta ${tag}`,
      duplicatePhone: frenchPhone(),
      duplicateEmail: `old.${tag}@erasmus-${tag}.test`,
    };
    const hook = await admin()
      .post('/webhooks', { url: `${receiver.url}/erased`, events: ['member.erased'] })
      .expect(201);
    webhookSecret = hook.body.secret as string;

    // The member arrives by CSV import (so the import keeps the row as given), then changes phone and address.
    const csv = `external_id,name,phone,email,birthday,opening_points\n${who.externalId},${who.name},${who.importPhone},${who.email},1931-07-29,500\n`;
    const imported = await admin().post('/members/import', { csv }).expect(202);
    expect(await jobDone(imported.body.jobId)).toMatchObject({ state: 'completed' });
    const [row] = await t.db.query('SELECT id FROM members WHERE external_id = ?', [who.externalId]);
    const memberId = row.id as string;
    await admin().patch(`/members/${memberId}`, { phone: who.phone, address: who.address, city: 'Lhasa', gender: 'male' }).expect(200);
    const card = (await t.db.query('SELECT card_no FROM cards WHERE member_id = ?', [memberId]))[0].card_no as string;
    await shop(card);
    await admin()
      .post(`/members/${memberId}/notes`, { text: `${who.name} called about ${who.address}` })
      .expect(201);
    await admin()
      .put(`/members/${memberId}/tags`, { tags: ['complaint'] })
      .expect(200);
    await t.app.get(MemberArchiveService).setConsents({ type: 'admin', id: null }, memberId, { sms: true });
    const code = uniq('tpl').toLowerCase();
    await admin()
      .post('/message-templates', { code, channel: 'sms', variants: { 'zh-CN': { body: '{{name}} 您好' } } })
      .expect(201);
    expect((await t.app.get(OutboxService).enqueue({ source: uniq('test'), memberId, templateCode: code })).queued).toBe(1);

    // An older account of the same person, merged in: its rows are the person's too.
    const duplicate = await createMember(t, { name: who.duplicateName, phone: who.duplicatePhone, email: who.duplicateEmail });
    await shop(duplicate.cardNo);
    await admin().post(`/members/${memberId}/merge`, { sourceMemberId: duplicate.memberId }).expect(201);

    const someoneElse = await createMember(t);
    await shop(someoneElse.cardNo);
    const clubId = await createClubWith(t.db, [memberId, someoneElse.memberId]);

    const sums = async () => {
      const [a] = await t.db.query('SELECT SUM(balance) AS b, SUM(lifetime_earned) AS e FROM point_accounts');
      const [e] = await t.db.query('SELECT SUM(points) AS p, COUNT(*) AS n FROM point_entries');
      const [p] = await t.db.query('SELECT SUM(total_cents) AS c, SUM(refunded_cents) AS r, COUNT(*) AS n FROM purchases');
      const [s] = await t.db.query('SELECT SUM(spend_cents) AS s, SUM(points) AS p FROM member_monthly_stats');
      const [l] = await t.db.query('SELECT SUM(remaining) AS r FROM point_lots');
      const [mine] = await t.db.query('SELECT balance FROM point_accounts WHERE member_id = ?', [memberId]);
      return { a, e, p, s, l, mine };
    };
    const before = await sums();
    expect(Number(before.mine.balance)).toBeGreaterThan(500);

    const requested = await admin().post(`/members/${memberId}/erasure`).expect(202);
    expect(requested.body).toMatchObject({ memberId, state: 'requested', jobId: expect.any(String) });
    const again = await admin().post(`/members/${memberId}/erasure`).expect(202);
    expect(again.body.jobId).toBe(requested.body.jobId);
    expect(await jobDone(requested.body.jobId)).toMatchObject({ state: 'completed', done: 1 });

    const archive = await admin().get(`/members/${memberId}`).expect(200);
    expect(archive.body).toMatchObject({ status: 'erased', name: null, phone: null, email: null });
    expect((await admin().post(`/members/${memberId}/erasure`).expect(202)).body).toMatchObject({
      state: 'done',
      jobId: requested.body.jobId,
    });

    // The archive no longer takes personal data for this member.
    const edit = await admin().patch(`/members/${memberId}`, { name: who.name }).expect(409);
    expect(edit.body.code).toBe('MEMBER_ERASED');
    await admin().post(`/members/${memberId}/notes`, { text: who.name }).expect(409);

    // Ledger, lots, purchases and analytics: not a point or a cent moved.
    expect(await sums()).toEqual(before);

    // No text column of any table holds any of the person's values, masked or not.
    const needles = [
      who.name,
      'Quintavalle',
      who.importPhone,
      who.phone,
      who.email,
      who.address,
      who.duplicateName,
      who.duplicatePhone,
      who.duplicateEmail,
      '1931-07-29',
      maskPhone(who.importPhone) as string,
      maskPhone(who.phone) as string,
      maskPhone(who.duplicatePhone) as string,
      maskEmail(who.email) as string,
      `erasmus-${tag}`,
    ];
    const columns: Array<{ t: string; c: string }> = await t.db.query(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns
        WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'text', 'tinytext', 'mediumtext', 'longtext', 'json')`,
    );
    expect(columns.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const { t: table, c: column } of columns) {
      const where = needles.map(() => `\`${column}\` LIKE CONCAT('%', ?, '%')`).join(' OR ');
      const [hit] = await t.db.query(`SELECT COUNT(*) AS n FROM \`${table}\` WHERE ${where}`, needles);
      if (Number(hit.n) > 0) {
        found.push(`${table}.${column}`);
      }
    }
    expect(found).toEqual([]);

    // The POS: the closed card is inactive, the old phone is nobody.
    expect((await pos(t, store).lookup({ cardNo: card }).expect(422)).body.code).toBe('CARD_INACTIVE');
    expect((await pos(t, store).lookup({ phone: who.phone }).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
    expect(
      (
        await pos(t, store)
          .purchase(purchaseBody({ cardNo: card }, [{ amountCents: 100 }]))
          .expect(422)
      ).body.code,
    ).toBe('CARD_INACTIVE');
    const byId = await pos(t, store)
      .purchase(purchaseBody({ memberId }, [{ amountCents: 100 }]))
      .expect(404);
    expect(byId.body.code).toBe('MEMBER_NOT_FOUND');
    const redeem = await pos(t, store)
      .redeem({ redemptionNo: uniq('D'), member: { memberId }, points: 1 })
      .expect(404);
    expect(redeem.body.code).toBe('MEMBER_NOT_FOUND');

    // Consents withdrawn, the message never to be sent, the request audited.
    expect(await t.db.query('SELECT granted FROM member_consents WHERE member_id = ?', [memberId])).toEqual([{ granted: 0 }]);
    const [message] = await t.db.query('SELECT body, status FROM outbox_messages WHERE member_id = ?', [memberId]);
    expect(message.body).toBe('');
    const actions = (
      await t.db.query("SELECT action FROM audit_log WHERE entity_type = 'member' AND entity_id = ? ORDER BY id", [memberId])
    ).map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['member.erasure_requested', 'member.erased']));

    // The webhook, signed.
    const delivered = await waitFor('the member.erased webhook', async () =>
      receiver.received.find((r) => r.path === '/erased' && r.body.includes(memberId)),
    );
    expect(delivered.signatureValid).toBe(true);
    expect(JSON.parse(delivered.body)).toMatchObject({ type: 'member.erased', data: { memberId } });

    // Never in an audience again, and never merged.
    const campaign = await admin()
      .post('/campaigns', {
        name: 'After erasure',
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        grant: { points: 10, reason: 'hello' },
        schedule: { kind: 'now' },
      })
      .expect(201);
    const preview = await admin().post(`/campaigns/${campaign.body.campaignId}/preview`).expect(200);
    expect(preview.body.size).toBe(1);
    for (const [survivor, source] of [
      [someoneElse.memberId, memberId],
      [memberId, someoneElse.memberId],
    ]) {
      const refused = await admin().post(`/members/${survivor}/merge`, { sourceMemberId: source }).expect(422);
      expect(refused.body.code).toBe('MERGE_REFUSED');
    }

    // The export of an erased member holds no personal value either.
    const exported = JSON.stringify((await admin().get(`/members/${memberId}/export`).expect(200)).body);
    for (const needle of needles) {
      expect([needle, exported.includes(needle)]).toEqual([needle, false]);
    }

    // Logs of the API and the worker never carried a name, phone, email or address in clear.
    const logged = lines.join('');
    expect(logged).toContain('"msg":"member erased"');
    for (const secret of [who.name, 'Quintavalle', who.phone, who.importPhone, who.email, who.address, who.duplicateName]) {
      expect([secret, logged.includes(secret)]).toEqual([secret, false]);
    }

    // Importing the same file again finds the external id: the person does not come back.
    const reimported = await admin().post('/members/import', { csv }).expect(202);
    expect(await jobDone(reimported.body.jobId)).toMatchObject({ state: 'completed' });
    expect(await t.db.query('SELECT id, name FROM members WHERE external_id = ?', [who.externalId])).toEqual([
      { id: memberId, name: null },
    ]);
    const [again2] = await t.db.query('SELECT status FROM member_import_rows WHERE job_id = ?', [reimported.body.jobId]);
    expect(again2.status).toBe('exists');
  });

  it('merge: every moved or combined table leaves nothing on the source and gives the survivor its rows; both ledgers stay exact', async () => {
    const survivor = await createMember(t);
    const source = await createMember(t);
    await shop(survivor.cardNo);
    await shop(source.cardNo);
    for (const m of [survivor, source]) {
      await admin().post(`/members/${m.memberId}/notes`, { text: 'a note' }).expect(201);
      await admin()
        .put(`/members/${m.memberId}/tags`, { tags: ['shared', `own-${m.memberId.slice(-4)}`] })
        .expect(200);
      await t.db.query(
        "INSERT INTO birthday_bonuses (member_id, year, points, tier_code, created_at) VALUES (?, 2025, 10, 'STANDARD', NOW(3))",
        [m.memberId],
      );
    }
    await t.db.query(
      "INSERT INTO birthday_bonuses (member_id, year, points, tier_code, created_at) VALUES (?, 2024, 10, 'STANDARD', NOW(3))",
      [source.memberId],
    );
    const clubId = await createClubWith(t.db, [source.memberId]);
    await t.db.query(
      "INSERT INTO club_member_history (club_id, member_id, event, reason, actor_id, at) VALUES (?, ?, 'joined', 'admin', NULL, NOW(3))",
      [clubId, source.memberId],
    );
    // A coupon the source holds and one it used at a till (rows as the rewards module writes them).
    const couponId = randomUUID();
    await t.db.query(
      `INSERT INTO coupons (id, code, reward_id, member_id, source, points_paid, name_zh, name_en, kind, value_cents,
         min_spend_cents, valid_from, valid_until, status, issued_at)
       VALUES (?, ?, ?, ?, 'exchange', 500, '满50减10', '¥10 off ¥50', 'amount_off', 1000, 5000, NOW(3), NOW(3) + INTERVAL 30 DAY, 'redeemed', NOW(3))`,
      [couponId, `CPN${randomBytes(8).toString('hex').toUpperCase()}`, randomUUID(), source.memberId],
    );
    await t.db.query(
      `INSERT INTO coupon_uses (purchase_id, code, coupon_id, member_id, store_id, receipt_no, status, discount_cents, occurred_at, created_at)
       VALUES (?, 'CPN-USED', ?, ?, ?, ?, 'redeemed', 1000, NOW(3), NOW(3))`,
      [randomUUID(), couponId, source.memberId, randomUUID(), uniq('R')],
    );
    const touched = Object.entries(MERGE_DECISIONS)
      .filter(([, d]) => d.action === 'move' || d.action === 'combine')
      .map(([table]) => table);
    const count = async (table: string, memberId: string) =>
      Number((await t.db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE member_id = ?`, [memberId]))[0].n);
    const before: Record<string, [number, number]> = {};
    for (const table of touched) {
      before[table] = [await count(table, source.memberId), await count(table, survivor.memberId)];
      expect([table, before[table][0] > 0]).toEqual([table, true]);
    }
    const balances = async () =>
      (
        await t.db.query('SELECT balance FROM point_accounts WHERE member_id IN (?, ?) ORDER BY member_id = ?', [
          survivor.memberId,
          source.memberId,
          source.memberId,
        ])
      ).map((r: { balance: string }) => Number(r.balance));
    const [survivorBalance, sourceBalance] = await balances();

    const merged = await admin().post(`/members/${survivor.memberId}/merge`, { sourceMemberId: source.memberId }).expect(201);
    expect(merged.body.pointsMoved).toBe(sourceBalance);
    expect(await balances()).toEqual([survivorBalance + sourceBalance, 0]);
    for (const table of touched) {
      const [src, own] = before[table];
      const after = [await count(table, source.memberId), await count(table, survivor.memberId)];
      if (MERGE_DECISIONS[table].action === 'move') {
        expect([table, after]).toEqual([table, [0, own + src]]);
      } else {
        expect([table, after[0], after[1] >= Math.max(own, 1)]).toEqual([table, 0, true]);
      }
    }
    const { tags } = (await admin().get(`/members/${survivor.memberId}`).expect(200)).body;
    expect([...tags].sort()).toEqual(['own-' + source.memberId.slice(-4), 'own-' + survivor.memberId.slice(-4), 'shared'].sort());
    const years = await t.db.query('SELECT year FROM birthday_bonuses WHERE member_id = ? ORDER BY year', [survivor.memberId]);
    expect(years).toEqual([{ year: 2024 }, { year: 2025 }]);
    for (const m of [survivor.memberId, source.memberId]) {
      const [e] = await t.db.query('SELECT COALESCE(SUM(points), 0) AS s FROM point_entries WHERE member_id = ?', [m]);
      const [a] = await t.db.query('SELECT balance FROM point_accounts WHERE member_id = ?', [m]);
      expect(Number(e.s)).toBe(Number(a.balance));
    }
  });

  it('an erasure request of a merged-away member is refused, naming the survivor; of nobody, 404', async () => {
    const survivor = await createMember(t);
    const source = await createMember(t);
    await admin().post(`/members/${survivor.memberId}/merge`, { sourceMemberId: source.memberId }).expect(201);
    const refused = await admin().post(`/members/${source.memberId}/erasure`).expect(409);
    expect(refused.body).toMatchObject({
      code: 'MEMBER_MERGED',
      details: [{ field: 'memberId', message: `merged into ${survivor.memberId}` }],
    });
    expect((await admin().post('/members/01a212aa-8b99-749f-88e9-001ff70d99cf/erasure').expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
  });
});
