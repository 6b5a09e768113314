import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { newId } from '../src/common/ids';
import { CLUB_EVALUATION_DEBOUNCE_MS } from '../src/modules/clubs/club-activity.notifier';
import { QueueName } from '../src/queue/queue.constants';
import { hashPassword, scryptParams } from '../src/modules/auth/password';
import { WorkerModule } from '../src/worker.module';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestStore, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('niche clubs (API and a real worker on the run’s queue prefix)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let token: string;
  let store: TestStore;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: false });
    await worker.init();
    token = await loginAdmin(t);
    store = await createStore(t);
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const admin = {
    post: (path: string, body?: object, as = () => token) =>
      t.http
        .post(`/api/v1/admin${path}`)
        .set('Authorization', `Bearer ${as()}`)
        .send(body ?? {}),
    patch: (path: string, body: object) => t.http.patch(`/api/v1/admin${path}`).set('Authorization', `Bearer ${token}`).send(body),
    get: (path: string, as = () => token) => t.http.get(`/api/v1/admin${path}`).set('Authorization', `Bearer ${as()}`),
    delete: (path: string) => t.http.delete(`/api/v1/admin${path}`).set('Authorization', `Bearer ${token}`),
  };
  const code = () =>
    uniq('C')
      .toUpperCase()
      .replace(/[^A-Z0-9_-]/g, '')
      .slice(0, 32);

  async function clubsAtPos(cardNo: string): Promise<string[]> {
    return (await pos(t, store).lookup({ cardNo }).expect(200)).body.clubs as string[];
  }

  async function waitFor<T>(what: string, probe: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
    for (let i = 0; i < 150; i++) {
      const v = await probe();
      if (done(v)) {
        return v;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /** Waits until the API's debounced evaluations are queued and the worker has run them. */
  async function queueIdle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, CLUB_EVALUATION_DEBOUNCE_MS + 100));
    const queue = worker.get<Queue>(getQueueToken(QueueName.ClubMembership));
    await waitFor(
      'the club queue to drain',
      () => queue.getJobCounts('waiting', 'active', 'prioritized'),
      (counts) => Object.values(counts).every((n) => n === 0),
    );
  }

  async function followJob(jobId: string) {
    return (await waitFor(
      `job ${jobId}`,
      async () => (await admin.get(`/jobs/${jobId}`).expect(200)).body as { state: string; totals: Record<string, number> },
      (v) => v.state !== 'running',
    )) as { state: string; kind: string; totals: Record<string, number> };
  }

  it('club CRUD refuses bad input with codes and field paths, and writes nothing', async () => {
    const before = Number((await t.db.query('SELECT COUNT(*) AS n FROM clubs'))[0].n);
    const base = { nameZh: '葡萄酒俱乐部', nameEn: 'Wine Club', joinPolicy: 'open' };
    const bad = await admin.post('/clubs', { ...base, code: 'bad code' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'code' }] });
    const noRule = await admin.post('/clubs', { ...base, code: code(), joinPolicy: 'automatic' }).expect(400);
    expect(noRule.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'rule', message: 'An automatic club needs a rule.' }],
    });
    const badRule = await admin
      .post('/clubs', {
        ...base,
        code: code(),
        joinPolicy: 'automatic',
        rule: { combine: 'all', conditions: [{ type: 'categorySpend', categories: ['wine'], minSpendCents: 100, days: 0 }] },
      })
      .expect(400);
    expect(badRule.body.details).toEqual([{ field: 'rule.conditions[0].days', message: 'must be a whole number of days from 1 to 730' }]);
    const ruleOnOpen = await admin
      .post('/clubs', { ...base, code: code(), rule: { combine: 'all', conditions: [{ type: 'city', cities: ['Shanghai'] }] } })
      .expect(400);
    expect(ruleOnOpen.body.details).toEqual([{ field: 'rule', message: 'An open club has no rule; only automatic clubs do.' }]);
    await admin.post('/clubs', { ...base, code: code(), unknown: 1 }).expect(400);
    await admin.post('/clubs', { ...base, code: code(), nameEn: 'x'.repeat(101) }).expect(400);
    expect(Number((await t.db.query('SELECT COUNT(*) AS n FROM clubs'))[0].n)).toBe(before);

    const c = code();
    const created = await admin.post('/clubs', { ...base, code: c, description: 'Tastings' }).expect(201);
    expect(created.body).toMatchObject({
      code: c,
      nameZh: '葡萄酒俱乐部',
      nameEn: 'Wine Club',
      joinPolicy: 'open',
      status: 'active',
      rule: null,
    });
    expect((await admin.post('/clubs', { ...base, code: c }).expect(409)).body.code).toBe('CLUB_CODE_TAKEN');
    await admin.patch(`/clubs/${newId()}`, { nameEn: 'x' }).expect(404);
    await admin.patch(`/clubs/${created.body.clubId}`, { code: 'NEW' }).expect(400);
    const patched = await admin
      .patch(`/clubs/${created.body.clubId}`, {
        joinPolicy: 'automatic',
        rule: { combine: 'any', conditions: [{ type: 'categorySpend', categories: ['Wine'], minSpendCents: 50_000, days: 30 }] },
      })
      .expect(200);
    expect(patched.body.ruleText.en).toBe('Members who spent at least ¥500 in wine in the last 30 days.');
    const audit = await t.db.query("SELECT action FROM audit_log WHERE entity_type = 'club' AND entity_id = ? ORDER BY id", [
      created.body.clubId,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['club.create', 'club.update']);
  });

  it('a support user reads clubs but may not create or regroup them', async () => {
    const email = `${uniq('support')}@example.com`;
    await t.db.query("INSERT INTO admin_users (id, email, password_hash, role, created_at) VALUES (?, ?, ?, 'support', NOW(3))", [
      newId(),
      email,
      await hashPassword('support-password-1', scryptParams(10)),
    ]);
    const login = await t.http.post('/api/v1/admin/auth/login').send({ email, password: 'support-password-1' }).expect(200);
    const support = () => login.body.accessToken as string;
    await admin.get('/clubs', support).expect(200);
    const denied = await admin.post('/clubs', { code: code(), nameZh: '甲', nameEn: 'A', joinPolicy: 'open' }, support).expect(403);
    expect(denied.body.code).toBe('FORBIDDEN');
  });

  it('lists clubs in pages with a cursor', async () => {
    for (let i = 0; i < 3; i++) {
      await admin.post('/clubs', { code: code(), nameZh: '页', nameEn: 'Page', joinPolicy: 'open' }).expect(201);
    }
    const first = await admin.get('/clubs?limit=2').expect(200);
    expect(first.body.clubs).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await admin.get(`/clubs?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.clubs[0].code > first.body.clubs[1].code).toBe(true);
    expect((await admin.get('/clubs?cursor=nonsense').expect(400)).body.details).toEqual([{ field: 'cursor', message: 'unknown cursor' }]);
  });

  it('explains a rule in plain words and estimates who matches', async () => {
    const city = uniq('City');
    const wang = await createMember(t, { city, name: '王小明' });
    const anna = await createMember(t, { city: city.toLowerCase(), name: 'Anna Smith' });
    await createMember(t, { city: uniq('Other'), name: '李四' });
    const res = await admin
      .post('/clubs/rules/explain', { rule: { combine: 'all', conditions: [{ type: 'city', cities: [city] }] }, estimate: true })
      .expect(200);
    const [all] = await t.db.query('SELECT COUNT(*) AS n FROM members');
    // "2 of M members", with who they are: names masked, in member-id order.
    expect(res.body).toEqual({
      rule: { combine: 'all', conditions: [{ type: 'city', cities: [city] }] },
      ruleText: { en: `Members who live in ${city}.`, zhCN: `所在城市为${city}的会员。` },
      estimatedMembers: 2,
      totalMembers: Number(all.n),
      sample: [
        { memberId: wang.memberId, name: '王**', tierCode: expect.any(String) },
        { memberId: anna.memberId, name: 'A*********', tierCode: expect.any(String) },
      ].sort((a, b) => (a.memberId < b.memberId ? -1 : 1)),
    });
    expect(Number(all.n)).toBeGreaterThanOrEqual(3);
    // Without estimate: no count, no total, nobody named.
    const bare = await admin.post('/clubs/rules/explain', { rule: { combine: 'all', conditions: [{ type: 'city', cities: [city] }] } });
    expect(bare.body).toMatchObject({ estimatedMembers: null, totalMembers: null, sample: [] });
  });

  it('the estimate names at most 5 matching members', async () => {
    const city = uniq('Many');
    for (let i = 0; i < 7; i++) {
      await createMember(t, { city, name: `会员${i}` });
    }
    const res = await admin.post('/clubs/rules/explain', {
      rule: { combine: 'all', conditions: [{ type: 'city', cities: [city] }] },
      estimate: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.estimatedMembers).toBe(7);
    expect(res.body.sample).toHaveLength(5);
    expect(res.body.sample.every((s: { name: string }) => s.name === '会**')).toBe(true);
  });

  it('with memberId, explain says condition by condition what the member still lacks; an unknown member is 404 MEMBER_NOT_FOUND', async () => {
    const category = uniq('gap').toLowerCase();
    const city = uniq('Gapcity');
    const m = await createMember(t, { city });
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ category, amountCents: 1500 }]))
      .expect(201);
    const rule = {
      combine: 'all',
      conditions: [
        { type: 'categoryPurchases', categories: [category], minPurchases: 3, days: 30 },
        { type: 'categorySpend', categories: [category], minSpendCents: 1000, days: 30 },
        { type: 'city', cities: [city] },
        { type: 'gender', genders: ['female'] },
      ],
    };
    const res = await admin.post('/clubs/rules/explain', { rule, memberId: m.memberId }).expect(200);
    expect(res.body.estimatedMembers).toBeNull();
    expect(res.body.memberGaps).toEqual({
      memberId: m.memberId,
      matches: false,
      conditions: [
        expect.objectContaining({ type: 'categoryPurchases', met: false, unit: 'purchases', required: 3, current: 1, missing: 2 }),
        expect.objectContaining({ type: 'categorySpend', met: true, unit: 'cents', required: 1000, current: 1500, missing: 0 }),
        expect.objectContaining({ type: 'city', met: true, unit: null, required: null, current: null, missing: null }),
        expect.objectContaining({ type: 'gender', met: false, unit: null }),
      ],
    });
    expect(res.body.memberGaps.conditions[2].text).toEqual({ en: `live in ${city}`, zhCN: `所在城市为${city}` });
    const missing = await admin.post('/clubs/rules/explain', { rule, memberId: '01a212ab-0000-7000-8000-00000000dead' }).expect(404);
    expect(missing.body.code).toBe('MEMBER_NOT_FOUND');
  });

  it('the size estimate of an existing club is what a regroup leaves it with: members who left or were taken out are not counted', async () => {
    const city = uniq('Town');
    const locals = [];
    for (let i = 0; i < 5; i++) {
      locals.push(await createMember(t, { city }));
    }
    const [a, b, b2, c, d] = locals;
    const byHand = await createMember(t, { city: uniq('Elsewhere') });
    const rule = { combine: 'all', conditions: [{ type: 'city', cities: [city] }] };
    const club = await admin
      .post('/clubs', { code: code(), nameZh: '本地会员', nameEn: 'Locals', joinPolicy: 'automatic', rule, dropUnmatched: true })
      .expect(201);
    const clubId = club.body.clubId as string;
    expect((await followJob((await admin.post(`/clubs/${clubId}/regroup`).expect(202)).body.jobId)).totals).toMatchObject({ joined: 5 });
    // b and b2 are taken out by an admin (the rule never puts them back), byHand is let in by hand (stays though the rule does not match),
    // d moves away (joined by the rule, no longer matches: a drop_unmatched regroup takes d out), e moves in (joins).
    await admin.delete(`/clubs/${clubId}/members/${b.memberId}`).expect(200);
    await admin.delete(`/clubs/${clubId}/members/${b2.memberId}`).expect(200);
    await admin.post(`/clubs/${clubId}/members/${byHand.memberId}`).expect(200);
    await admin.patch(`/members/${d.memberId}`, { city: uniq('Away') }).expect(200);
    await createMember(t, { city });

    const estimate = await admin.post('/clubs/rules/explain', { rule, estimate: true, clubId }).expect(200);
    // a, c, byHand, e: not b and b2 (taken out), not d (will be dropped).
    expect(estimate.body.estimatedMembers).toBe(4);
    // Without a club, the estimate is who matches: a, b, b2, c, e.
    expect((await admin.post('/clubs/rules/explain', { rule, estimate: true }).expect(200)).body.estimatedMembers).toBe(5);
    const wider = { combine: 'any', conditions: [rule.conditions[0], { type: 'city', cities: [uniq('Nowhere')] }] };
    expect((await admin.post('/clubs/rules/explain', { rule: wider, estimate: true, clubId }).expect(200)).body.estimatedMembers).toBe(4);

    await followJob((await admin.post(`/clubs/${clubId}/regroup`).expect(202)).body.jobId);
    const held = await admin.get(`/clubs/${clubId}/members?status=active&limit=50`).expect(200);
    expect(held.body.members).toHaveLength(estimate.body.estimatedMembers);
    expect(held.body.members.map((r: { memberId: string }) => r.memberId)).toEqual(
      expect.arrayContaining([a.memberId, c.memberId, byHand.memberId]),
    );
    expect((await admin.post('/clubs/rules/explain', { rule, estimate: true, clubId: newId() }).expect(404)).body.code).toBe(
      'CLUB_NOT_FOUND',
    );
  });

  it('an automatic club is joined after purchases through the worker; a member taken out is not put back by a regroup, a member who bought before the club existed is', async () => {
    const category = uniq('baby').toLowerCase();
    const early = await createMember(t);
    for (let i = 0; i < 2; i++) {
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: early.cardNo }, [{ category, amountCents: 1000 }]))
        .expect(201);
    }
    // The evaluations of those purchases are done before the club exists (the nightly schedule is the only delayed job).
    await queueIdle();
    const c = code();
    const club = await admin
      .post('/clubs', {
        code: c,
        nameZh: '宝宝俱乐部',
        nameEn: 'Baby Club',
        joinPolicy: 'automatic',
        rule: { combine: 'all', conditions: [{ type: 'categoryPurchases', categories: [category], minPurchases: 2, days: 90 }] },
      })
      .expect(201);
    const clubId = club.body.clubId as string;
    expect(club.body.ruleText).toEqual({
      en: `Members who bought in ${category} at least twice in the last 90 days.`,
      zhCN: `近90天内在「${category}」品类购买至少2次的会员。`,
    });

    const m = await createMember(t);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ category, amountCents: 1000 }]))
      .expect(201);
    // Let the evaluation of the first purchase run: one purchase is not enough.
    await queueIdle();
    expect(await clubsAtPos(m.cardNo)).not.toContain(c);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ category: category.toUpperCase(), amountCents: 1000 }]))
      .expect(201);
    await waitFor(
      'the worker to join the member',
      () => clubsAtPos(m.cardNo),
      (codes) => codes.includes(c),
    );
    // The member who bought before the club existed is not in yet: no purchase since.
    expect(await clubsAtPos(early.cardNo)).not.toContain(c);

    const removed = await admin.delete(`/clubs/${clubId}/members/${m.memberId}`).expect(200);
    expect(removed.body).toMatchObject({ changed: true, membership: { status: 'left', leftReason: 'admin', joinedVia: 'rule' } });
    expect(await clubsAtPos(m.cardNo)).not.toContain(c);

    const regroup = await admin.post(`/clubs/${clubId}/regroup`).expect(202);
    const job = await followJob(regroup.body.jobId);
    expect(job).toMatchObject({ state: 'completed', kind: 'club-regroup', totals: { joined: 1, left: 0 } });
    expect(await clubsAtPos(m.cardNo)).not.toContain(c);
    expect(await clubsAtPos(early.cardNo)).toContain(c);
    // A later purchase does not put the member back either.
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ category, amountCents: 1000 }]))
      .expect(201);
    const again = await followJob((await admin.post(`/clubs/${clubId}/regroup`).expect(202)).body.jobId);
    expect(again.totals).toMatchObject({ joined: 0, left: 0 });
    expect(await clubsAtPos(m.cardNo)).not.toContain(c);

    const history = await admin.get(`/clubs/${clubId}/members/${m.memberId}/history`).expect(200);
    expect(history.body.history.map((h: { event: string; reason: string }) => `${h.event}:${h.reason}`)).toEqual([
      'joined:rule',
      'left:admin',
    ]);
    const page = await admin.get(`/clubs/${clubId}/members?status=active`).expect(200);
    expect(page.body.members.map((r: { memberId: string }) => r.memberId)).toEqual([early.memberId]);

    const report = await admin.get('/analytics/clubs?granularity=month').expect(200);
    const row = report.body.clubs.find((r: { clubId: string }) => r.clubId === clubId);
    expect(row).toMatchObject({ activeMembers: 1, leftMembers: 1, joined: 2, left: 1 });
    expect(row.periods).toEqual([{ period: new Date().toISOString().slice(0, 7), joined: 2, left: 1, net: 1 }]);
  });

  it('an invite club takes an admin invite; an open club an admin add; the POS lists active clubs only; archived clubs take nobody', async () => {
    const m = await createMember(t);
    const inviteCode = code();
    const invite = await admin
      .post('/clubs', { code: inviteCode, nameZh: '会员之夜', nameEn: 'VIP Evenings', joinPolicy: 'invite' })
      .expect(201);
    const added = await admin.post(`/clubs/${invite.body.clubId}/members/${m.memberId}`).expect(200);
    expect(added.body).toMatchObject({ changed: true, membership: { status: 'active', joinedVia: 'invite' } });
    expect((await admin.post(`/clubs/${invite.body.clubId}/members/${m.memberId}`).expect(200)).body.changed).toBe(false);
    const openCode = code();
    const open = await admin
      .post('/clubs', { code: openCode, nameZh: '健康生活', nameEn: 'Healthy Living', joinPolicy: 'open' })
      .expect(201);
    expect((await admin.post(`/clubs/${open.body.clubId}/members/${m.memberId}`).expect(200)).body.membership.joinedVia).toBe('admin');
    expect(await clubsAtPos(m.cardNo)).toEqual([inviteCode, openCode].sort());

    await admin.delete(`/clubs/${open.body.clubId}/members/${m.memberId}`).expect(200);
    expect((await admin.delete(`/clubs/${open.body.clubId}/members/${m.memberId}`).expect(200)).body.changed).toBe(false);
    const stranger = await createMember(t);
    expect((await admin.delete(`/clubs/${open.body.clubId}/members/${stranger.memberId}`).expect(404)).body.code).toBe(
      'CLUB_MEMBERSHIP_NOT_FOUND',
    );
    expect((await admin.post(`/clubs/${open.body.clubId}/members/${newId()}`).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');

    await admin.patch(`/clubs/${invite.body.clubId}`, { status: 'archived' }).expect(200);
    expect(await clubsAtPos(m.cardNo)).toEqual([]);
    const refused = await admin.post(`/clubs/${invite.body.clubId}/members/${stranger.memberId}`).expect(422);
    expect(refused.body.code).toBe('CLUB_NOT_JOINABLE');
    expect((await admin.post(`/clubs/${open.body.clubId}/regroup`).expect(422)).body.code).toBe('CLUB_NOT_AUTOMATIC');
  });
});
