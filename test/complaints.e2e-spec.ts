import { newId } from '../src/common/ids';
import { MemberTokensService } from '../src/modules/portal/auth/member-tokens.service';
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

/** Complaint cases end to end: raising (console and member page), moves, service recovery, the store archive and its figures. */
describe('complaints and service recovery (admin, portal)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let store: TestStore;

  beforeAll(async () => {
    t = await startTestApp();
    tokens.admin = await loginAdmin(t);
    tokens.support = await newUser('support');
    tokens.analyst = await newUser('analyst');
    store = await createStore(t);
  });

  afterAll(async () => {
    await t.close();
  });

  async function newUser(role: string): Promise<string> {
    const email = `${uniq(role)}@example.com`.toLowerCase();
    const password = 'a long enough password';
    await t.http.post('/api/v1/admin/users').set('Authorization', `Bearer ${tokens.admin}`).send({ email, password, role }).expect(201);
    const login = await t.http.post('/api/v1/admin/auth/login').send({ email, password }).expect(200);
    return login.body.accessToken as string;
  }

  const as = (who: string) => ({
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${tokens[who]}`).send(body),
    get: (path: string) => t.http.get(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${tokens[who]}`),
  });
  const portal = async (memberId: string) => {
    const token = (await t.app.get(MemberTokensService).issue(memberId)).accessToken;
    return {
      post: (path: string, body: object = {}) => t.http.post(`/api/v1/portal/${path}`).set('Authorization', `Bearer ${token}`).send(body),
      get: (path: string) => t.http.get(`/api/v1/portal/${path}`).set('Authorization', `Bearer ${token}`),
    };
  };

  /** A member with one purchase of ¥amount at the store: the receipt number. */
  async function memberWithReceipt(at: TestStore = store, amountCents = 10_000): Promise<{ m: TestMember; receiptNo: string }> {
    const m = await createMember(t, { name: '李娜' });
    const body = purchaseBody({ cardNo: m.cardNo }, [{ amountCents }]);
    await pos(t, at).purchase(body).expect(201);
    return { m, receiptNo: body.receiptNo };
  }

  const raise = (who: string, body: object) => as(who).post('complaints', body);
  const count = async (table: string) => Number((await t.db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  describe('raising a case in the console', () => {
    it('support raises a case on a receipt of the member: open, owned by them, due 72 h (normal) or 24 h (high), with a raised step; audited', async () => {
      const { m, receiptNo } = await memberWithReceipt();
      const res = await raise('support', {
        memberId: m.memberId,
        storeId: store.storeId,
        receiptNo,
        category: 'price',
        description: '收银员多收了我一件商品的钱，电话 13800138000',
        severity: 'normal',
      }).expect(201);
      const c = res.body;
      expect(c).toMatchObject({
        state: 'open',
        severity: 'normal',
        category: 'price',
        receiptNo,
        storeId: store.storeId,
        raisedBy: 'admin',
        overdue: false,
      });
      expect(c.caseNo).toMatch(/^C\d{8}-[0-9A-F]{6}$/);
      expect(new Date(c.dueAt).getTime() - new Date(c.createdAt).getTime()).toBe(72 * 3600_000);
      expect(c.steps.map((s: { kind: string }) => s.kind)).toEqual(['raised']);
      expect(c.steps[0].actorEmail).toMatch(/^support-/);
      expect(c.ownerId).toBe(c.steps[0].actorId);
      expect(c.ownerEmail).toBe(c.steps[0].actorEmail);
      const high = await raise('support', {
        memberId: m.memberId,
        category: 'service',
        description: 'Rude answer at the desk',
        severity: 'high',
      }).expect(201);
      expect(new Date(high.body.dueAt).getTime() - new Date(high.body.createdAt).getTime()).toBe(24 * 3600_000);
      const audit = await t.db.query("SELECT action, changes FROM audit_log WHERE entity_type = 'complaint' AND entity_id = ?", [
        c.complaintId,
      ]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['complaint.raised']);
      expect(audit[0].changes).not.toContain('多收');
    });

    it('refuses a receipt that is not a purchase of that store posted to that member with 400 naming receiptNo, and writes nothing', async () => {
      const { receiptNo } = await memberWithReceipt();
      const other = await createMember(t);
      const before = [await count('complaints'), await count('complaint_steps')];
      const res = await raise('support', {
        memberId: other.memberId,
        storeId: store.storeId,
        receiptNo,
        category: 'product',
        description: 'The milk was sour',
        severity: 'normal',
      }).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'receiptNo' }] });
      const noStore = await raise('support', {
        memberId: other.memberId,
        receiptNo,
        category: 'product',
        description: 'The milk was sour',
        severity: 'normal',
      }).expect(400);
      // Without a store, the receipt must be one of the member's own purchases.
      expect(noStore.body.details[0].field).toBe('receiptNo');
      const badCategory = await raise('support', {
        memberId: other.memberId,
        category: 'weather',
        description: 'It rained',
        severity: 'normal',
      }).expect(400);
      expect(badCategory.body.details[0].field).toBe('category');
      expect([await count('complaints'), await count('complaint_steps')]).toEqual(before);
    });

    it('marketers and analysts read cases with the member masked; only support and admins raise them', async () => {
      const { m } = await memberWithReceipt();
      const c = (
        await raise('admin', {
          memberId: m.memberId,
          category: 'service',
          description: '李娜 was told to leave; call 13912345678',
          severity: 'high',
        }).expect(201)
      ).body;
      const masked = (await as('analyst').get(`complaints/${c.complaintId}`).expect(200)).body;
      expect(masked.memberName).toBe('李*');
      expect(masked.description).toBe('李* was told to leave; call *********78');
      expect((await as('support').get(`complaints/${c.complaintId}`).expect(200)).body.description).toBe(
        '李娜 was told to leave; call 13912345678',
      );
      expect(
        (
          await raise('analyst', { memberId: m.memberId, category: 'service', description: 'again and again', severity: 'high' }).expect(
            403,
          )
        ).body.code,
      ).toBe('FORBIDDEN');
    });
  });

  describe('working a case', () => {
    it('an admin takes a case: the owner changes, named by email, with an assigned step; an unknown user is refused', async () => {
      const { m } = await memberWithReceipt();
      const c = (
        await raise('support', { memberId: m.memberId, category: 'service', description: 'Queue too long', severity: 'normal' }).expect(201)
      ).body;
      const me = (await as('admin').get('auth/me').expect(200)).body as { adminId: string; email: string };
      const taken = await as('admin')
        .post(`complaints/${c.complaintId as string}/assign`, { ownerId: me.adminId })
        .expect(200);
      expect(taken.body).toMatchObject({ ownerId: me.adminId, ownerEmail: me.email });
      const step = (taken.body.steps as Array<{ kind: string; ownerId: string | null; ownerEmail: string | null }>).at(-1);
      expect(step).toMatchObject({ kind: 'assigned', ownerId: me.adminId, ownerEmail: me.email });
      const before = await count('complaint_steps');
      const refused = await as('admin')
        .post(`complaints/${c.complaintId as string}/assign`, { ownerId: newId() })
        .expect(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'ownerId' }] });
      expect(await count('complaint_steps')).toBe(before);
    });

    it('moves open → in progress → resolved → closed with a step each (who, when, from, to); the first answer is the first move', async () => {
      const { m } = await memberWithReceipt();
      const c = (
        await raise('support', { memberId: m.memberId, category: 'service', description: 'Waited 40 minutes', severity: 'normal' }).expect(
          201,
        )
      ).body;
      await as('support').post(`complaints/${c.complaintId}/comments`, { kind: 'note', text: 'Called the store manager' }).expect(200);
      const noted = (await as('support').get(`complaints/${c.complaintId}`).expect(200)).body;
      expect(noted.firstAnswerAt).toBeNull();
      const started = (await as('support').post(`complaints/${c.complaintId}/state`, { state: 'in_progress' }).expect(200)).body;
      expect(started.firstAnswerAt).not.toBeNull();
      const resolved = (
        await as('support').post(`complaints/${c.complaintId}/state`, { state: 'resolved', text: 'Staff retrained' }).expect(200)
      ).body;
      expect(resolved.resolvedAt).not.toBeNull();
      const closed = (await as('support').post(`complaints/${c.complaintId}/state`, { state: 'closed' }).expect(200)).body;
      expect(
        closed.steps.map((s: { kind: string; fromState: string | null; toState: string | null }) => [s.kind, s.fromState, s.toState]),
      ).toEqual([
        ['raised', null, 'open'],
        ['note', null, null],
        ['state', 'open', 'in_progress'],
        ['state', 'in_progress', 'resolved'],
        ['state', 'resolved', 'closed'],
      ]);
      expect(closed.firstAnswerAt).toBe(started.firstAnswerAt);
      const bad = await as('support').post(`complaints/${c.complaintId}/state`, { state: 'resolved' }).expect(409);
      expect(bad.body.code).toBe('COMPLAINT_INVALID_TRANSITION');
      expect(bad.body.message).toContain('cannot become resolved');
      expect((await as('support').get(`complaints/${c.complaintId}`).expect(200)).body.steps).toHaveLength(5);
    });

    it('reopens a closed case within 14 days of its resolution (due again), and refuses after', async () => {
      const { m } = await memberWithReceipt();
      const c = (
        await raise('support', { memberId: m.memberId, category: 'product', description: 'Broken eggs', severity: 'high' }).expect(201)
      ).body;
      await as('support').post(`complaints/${c.complaintId}/state`, { state: 'resolved' }).expect(200);
      await as('support').post(`complaints/${c.complaintId}/state`, { state: 'closed' }).expect(200);
      await t.db.query('UPDATE complaints SET resolved_at = ? WHERE id = ?', [new Date(Date.now() - 13 * 86400_000), c.complaintId]);
      const reopened = (await as('support').post(`complaints/${c.complaintId}/state`, { state: 'in_progress' }).expect(200)).body;
      expect(reopened).toMatchObject({ state: 'in_progress', resolvedAt: null, closedAt: null });
      expect(new Date(reopened.dueAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
      await as('support').post(`complaints/${c.complaintId}/state`, { state: 'resolved' }).expect(200);
      await t.db.query('UPDATE complaints SET resolved_at = ? WHERE id = ?', [new Date(Date.now() - 15 * 86400_000), c.complaintId]);
      const late = await as('support').post(`complaints/${c.complaintId}/state`, { state: 'in_progress' }).expect(409);
      expect(late.body.message).toContain('more than 14 days ago');
    });

    it('flags open and in-progress cases past their due time as overdue, and finds them with overdue=true', async () => {
      const { m } = await memberWithReceipt();
      const late = (
        await raise('support', { memberId: m.memberId, category: 'delivery', description: 'Parcel never came', severity: 'high' }).expect(
          201,
        )
      ).body;
      const onTime = (
        await raise('support', { memberId: m.memberId, category: 'delivery', description: 'Parcel late again', severity: 'high' }).expect(
          201,
        )
      ).body;
      await t.db.query('UPDATE complaints SET due_at = ? WHERE id = ?', [new Date(Date.now() - 60_000), late.complaintId]);
      const list = (await as('support').get(`complaints?memberId=${m.memberId}&overdue=true`).expect(200)).body;
      expect(list.items.map((i: { complaintId: string }) => i.complaintId)).toEqual([late.complaintId]);
      expect(list.items[0].overdue).toBe(true);
      const all = (await as('support').get(`complaints?memberId=${m.memberId}`).expect(200)).body;
      expect(all.items.map((i: { complaintId: string; overdue: boolean }) => [i.complaintId, i.overdue])).toEqual([
        [onTime.complaintId, false],
        [late.complaintId, true],
      ]);
    });
  });

  describe('service recovery', () => {
    it('goodwill points go through the ledger as a goodwill entry naming the case; a replay of the key posts nothing more', async () => {
      const { m } = await memberWithReceipt(store, 10_000);
      const c = (
        await raise('support', { memberId: m.memberId, category: 'price', description: 'Charged twice', severity: 'high' }).expect(201)
      ).body;
      const key = newId().replace(/-/g, '');
      const body = { points: 300, reason: 'Charged twice at the till', idempotencyKey: key };
      const first = await as('support').post(`complaints/${c.complaintId}/goodwill`, body).expect(201);
      expect(first.body).toMatchObject({ complaintId: c.complaintId, points: 300, balanceAfter: 400, goodwillPoints: 300 });
      const [entry] = await t.db.query('SELECT type, points, ref_type, ref_id, note FROM point_entries WHERE id = ?', [first.body.entryId]);
      expect(entry).toMatchObject({ type: 'goodwill', points: '300', ref_type: 'complaint', ref_id: c.complaintId });
      expect(entry.note).toBe(`Goodwill for complaint ${c.caseNo}: Charged twice at the till`);
      const again = await as('support').post(`complaints/${c.complaintId}/goodwill`, body).expect(200);
      expect(again.body.entryId).toBe(first.body.entryId);
      const inv = await ledgerInvariants(t.db, m.memberId);
      expect([inv.balance, inv.entrySum, inv.lotSum]).toEqual([400, 400, 400]);
      const detail = (await as('support').get(`complaints/${c.complaintId}`).expect(200)).body;
      const steps = detail.steps.filter((s: { kind: string }) => s.kind === 'goodwill');
      expect(steps).toHaveLength(1);
      expect(steps[0]).toMatchObject({ points: 300, entryId: first.body.entryId });
      expect(detail.firstAnswerAt).not.toBeNull();
      const member = await portal(m.memberId);
      const history = (await member.get('me/history').expect(200)).body;
      expect(history.items[0]).toMatchObject({ kind: 'goodwill', points: 300, title: 'Goodwill points for your complaint: 300 points' });
    });

    it("holds goodwill to the agent's adjustment limit: above ADJUSTMENT_LIMIT_POINTS support gets 403 and nothing is written; an admin may", async () => {
      const { m } = await memberWithReceipt();
      const c = (
        await raise('support', { memberId: m.memberId, category: 'price', description: 'Charged ten times', severity: 'high' }).expect(201)
      ).body;
      const before = [await count('point_entries'), await count('complaint_steps')];
      const res = await as('support')
        .post(`complaints/${c.complaintId}/goodwill`, { points: 10_001, reason: 'Big mistake', idempotencyKey: newId().replace(/-/g, '') })
        .expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(res.body.message).toContain('points.adjust.large');
      expect([await count('point_entries'), await count('complaint_steps')]).toEqual(before);
      await as('admin')
        .post(`complaints/${c.complaintId}/goodwill`, { points: 10_001, reason: 'Big mistake', idempotencyKey: newId().replace(/-/g, '') })
        .expect(201);
      expect(
        (
          await as('analyst')
            .post(`complaints/${c.complaintId}/goodwill`, { points: 1, reason: 'x', idempotencyKey: newId().replace(/-/g, '') })
            .expect(403)
        ).body.code,
      ).toBe('FORBIDDEN');
    });

    it('sends the apology once through the outbox with the case number; a second apology is 409 and queues nothing', async () => {
      const { m } = await memberWithReceipt();
      const c = (
        await raise('support', {
          memberId: m.memberId,
          category: 'service',
          description: 'Ignored at the counter',
          severity: 'normal',
        }).expect(201)
      ).body;
      const done = (await as('support').post(`complaints/${c.complaintId}/apology`, { locale: 'en' }).expect(200)).body;
      expect(done.apologySentAt).not.toBeNull();
      const apology = done.steps.find((s: { kind: string }) => s.kind === 'apology');
      expect(apology.messageStatus).toBe('queued');
      const rows = await t.db.query('SELECT template_code, status, body, transactional FROM outbox_messages WHERE source = ?', [
        `complaint-apology:${c.complaintId}`,
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ template_code: 'complaint.apology', status: 'queued' });
      expect(rows[0].body).toBe(
        `Dear 李娜, we are sorry for the trouble behind your complaint ${c.caseNo}. We are on it; thank you for telling us.`,
      );
      const second = await as('support').post(`complaints/${c.complaintId}/apology`, {}).expect(409);
      expect(second.body.code).toBe('COMPLAINT_INVALID_TRANSITION');
      expect(
        await t.db.query('SELECT COUNT(*) AS n FROM outbox_messages WHERE source = ?', [`complaint-apology:${c.complaintId}`]),
      ).toEqual([{ n: '1' }]);
    });
  });

  describe('a coupon for the case', () => {
    it('issues one coupon of a reward template to the member, named in a coupon step; a second is 409 and issues nothing', async () => {
      const { m } = await memberWithReceipt();
      const c = (
        await raise('support', { memberId: m.memberId, category: 'product', description: 'Spoiled fruit', severity: 'normal' }).expect(201)
      ).body;
      const template = (
        await as('admin')
          .post('rewards', { nameZh: '水果券', nameEn: 'Fruit coupon', kind: 'amount_off', valueCents: 1000, validDays: 30 })
          .expect(201)
      ).body;
      const onSale = (
        await as('admin')
          .post('rewards', { nameZh: '咖啡', nameEn: 'Coffee', kind: 'gift', giftSku: 'COFFEE', validDays: 30, pointsPrice: 100 })
          .expect(201)
      ).body;
      expect(
        (await as('support').post(`complaints/${c.complaintId}/coupon`, { rewardId: onSale.rewardId }).expect(400)).body.details[0].field,
      ).toBe('rewardId');
      const done = (await as('support').post(`complaints/${c.complaintId}/coupon`, { rewardId: template.rewardId }).expect(200)).body;
      const coupons = await t.db.query('SELECT code, source, source_ref, status FROM coupons WHERE member_id = ?', [m.memberId]);
      expect(coupons).toEqual([{ code: expect.any(String), source: 'admin', source_ref: `complaint:${c.complaintId}`, status: 'active' }]);
      const step = done.steps.find((s: { kind: string }) => s.kind === 'coupon');
      expect(step.text).toBe(`水果券 / Fruit coupon · ${coupons[0].code}`);
      expect((await as('support').post(`complaints/${c.complaintId}/coupon`, { rewardId: template.rewardId }).expect(409)).body.code).toBe(
        'COMPLAINT_INVALID_TRANSITION',
      );
      expect(await t.db.query('SELECT COUNT(*) AS n FROM coupons WHERE member_id = ?', [m.memberId])).toEqual([{ n: '1' }]);
    });
  });

  describe('the member page', () => {
    it('a member raises a complaint on their receipt, sees replies but not internal notes, and reopens it after it is resolved', async () => {
      const { m, receiptNo } = await memberWithReceipt();
      const member = await portal(m.memberId);
      const raised = (
        await member
          // The member knows the receipt, not the store's id: the case names the store of that purchase.
          .post('me/complaints', { receiptNo, category: 'product', description: '买到的牛奶已经过期了' })
          .expect(201)
      ).body;
      expect(raised).toMatchObject({ state: 'open', receiptNo, storeName: `Store ${store.code}`, reopenable: false });
      const id = raised.complaintId;
      const seen = (await as('support').get(`complaints/${id}`).expect(200)).body;
      expect(seen).toMatchObject({ raisedBy: 'member', severity: 'normal', ownerId: null });
      await as('support').post(`complaints/${id}/comments`, { kind: 'note', text: 'Check the shelf dates in store' }).expect(200);
      await as('support').post(`complaints/${id}/comments`, { kind: 'reply', text: '非常抱歉，我们已下架该批次。' }).expect(200);
      await as('support').post(`complaints/${id}/state`, { state: 'resolved', text: '已退款' }).expect(200);
      const mine = (await member.get('me/complaints').expect(200)).body.items;
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ state: 'resolved', reopenable: true, description: '买到的牛奶已经过期了' });
      expect(mine[0].steps.map((s: { kind: string; text: string | null }) => [s.kind, s.text])).toEqual([
        ['raised', null],
        ['reply', '非常抱歉，我们已下架该批次。'],
        ['state', '已退款'],
      ]);
      const reopened = (await member.post(`me/complaints/${id}/reopen`).expect(200)).body;
      expect(reopened.state).toBe('in_progress');
      const other = await portal((await createMember(t)).memberId);
      expect((await other.post(`me/complaints/${id}/reopen`).expect(404)).body.code).toBe('COMPLAINT_NOT_FOUND');
      expect((await member.post(`me/complaints/${id}/reopen`).expect(409)).body.code).toBe('COMPLAINT_INVALID_TRANSITION');
    });

    it('refuses a complaint without words or with a receipt of someone else, writing nothing', async () => {
      const { receiptNo } = await memberWithReceipt();
      const m = await createMember(t);
      const member = await portal(m.memberId);
      const before = await count('complaints');
      expect((await member.post('me/complaints', { category: 'product', description: 'bad' }).expect(400)).body.details[0].field).toBe(
        'description',
      );
      expect(
        (
          await member
            .post('me/complaints', { storeId: store.storeId, receiptNo, category: 'product', description: 'Sour milk again' })
            .expect(400)
        ).body.details[0].field,
      ).toBe('receiptNo');
      expect(await count('complaints')).toBe(before);
    });
  });

  describe('the store archive', () => {
    it('gives complaints per 1,000 receipts by store and category and the median hours to first answer and resolution', async () => {
      const shop = await createStore(t);
      const receipts: Array<{ m: TestMember; receiptNo: string }> = [];
      for (let i = 0; i < 4; i++) {
        receipts.push(await memberWithReceipt(shop, 1000));
      }
      const ids: string[] = [];
      for (const [i, category] of ['service', 'service', 'product'].entries()) {
        const body = {
          memberId: receipts[i].m.memberId,
          storeId: shop.storeId,
          category,
          description: `Case number ${i}`,
          severity: 'normal',
        };
        ids.push((await raise('support', body).expect(201)).body.complaintId);
      }
      // Known durations: first answers after 2 h, 4 h, 9 h; resolutions after 10 h and 30 h (one unresolved).
      const base = new Date(Date.now() - 2 * 86400_000);
      const at = (h: number) => new Date(base.getTime() + h * 3600_000);
      const set = [
        [at(2), at(10)],
        [at(4), at(30)],
        [at(9), null],
      ];
      for (const [i, id] of ids.entries()) {
        await t.db.query('UPDATE complaints SET created_at = ?, first_answer_at = ?, resolved_at = ? WHERE id = ?', [
          base,
          set[i][0],
          set[i][1],
          id,
        ]);
      }
      const from = new Date(base.getTime() - 3600_000).toISOString();
      const to = new Date(Date.now() + 60_000).toISOString();
      const stats = (
        await as('analyst')
          .get(`complaints/stats?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
          .expect(200)
      ).body;
      const row = stats.byStore.find((r: { storeId: string }) => r.storeId === shop.storeId);
      expect(row).toMatchObject({
        complaints: 3,
        receipts: 4,
        perThousandReceipts: 750,
        medianHoursToFirstAnswer: 4,
        medianHoursToResolution: 20,
        storeName: `Store ${shop.code}`,
      });
      const cells = stats.byStoreAndCategory
        .filter((r: { storeId: string }) => r.storeId === shop.storeId)
        .map((r: { category: string; complaints: number; perThousandReceipts: number }) => [
          r.category,
          r.complaints,
          r.perThousandReceipts,
        ]);
      expect(cells).toEqual([
        ['service', 2, 500],
        ['product', 1, 250],
      ]);
      const archive = (await as('analyst').get(`complaints?storeId=${shop.storeId}&category=service`).expect(200)).body;
      expect(archive.items.map((i: { complaintId: string }) => i.complaintId).sort()).toEqual([ids[0], ids[1]].sort());
      const words = (
        await as('support')
          .get(`complaints?storeId=${shop.storeId}&q=${encodeURIComponent('number 2')}`)
          .expect(200)
      ).body;
      expect(words.items.map((i: { complaintId: string }) => i.complaintId)).toEqual([ids[2]]);
      expect(
        (
          await as('analyst')
            .get(`complaints/stats?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`)
            .expect(400)
        ).body.details[0].field,
      ).toBe('to');
    });
  });
});
