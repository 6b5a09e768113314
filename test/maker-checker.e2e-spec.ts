import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../src/worker.module';
import { campaignLedger, createClubWith } from './support/campaign-fixtures';
import { createMember, loginAdmin, TestMember, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Maker-checker (issue 14 item 6): campaigns above the program limits wait for a second person with
 * campaigns.approve; support's adjustments have a running daily total per console user.
 */
describe('maker-checker: campaign approval and the daily adjustment limit (admin API, a real worker)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  const tokens: Record<'admin' | 'approver' | 'marketer' | 'support', string> = { admin: '', approver: '', marketer: '', support: '' };

  beforeAll(async () => {
    t = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: false });
    await worker.init();
    tokens.admin = await loginAdmin(t);
    for (const [who, role] of [
      ['approver', 'admin'],
      ['marketer', 'marketer'],
      ['support', 'support'],
    ] as const) {
      tokens[who] = await newUser(role);
    }
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  async function newUser(role: string): Promise<string> {
    const email = `${uniq(role)}@example.com`.toLowerCase();
    const password = 'a long enough password';
    await t.http.post('/api/v1/admin/users').set('Authorization', `Bearer ${tokens.admin}`).send({ email, password, role }).expect(201);
    const login = await t.http.post('/api/v1/admin/auth/login').send({ email, password }).expect(200);
    return login.body.accessToken as string;
  }

  const as = (who: keyof typeof tokens) => ({
    post: (path: string, body?: object) =>
      t.http
        .post(`/api/v1/admin${path}`)
        .set('Authorization', `Bearer ${tokens[who]}`)
        .send(body ?? {}),
    patch: (path: string, body: object) => t.http.patch(`/api/v1/admin${path}`).set('Authorization', `Bearer ${tokens[who]}`).send(body),
    get: (path: string) => t.http.get(`/api/v1/admin${path}`).set('Authorization', `Bearer ${tokens[who]}`),
  });

  async function members(n: number): Promise<TestMember[]> {
    const out: TestMember[] = [];
    for (let i = 0; i < n; i++) {
      out.push(await createMember(t));
    }
    return out;
  }

  async function settle(id: string): Promise<Record<string, any>> {
    for (let i = 0; i < 300; i++) {
      const r = await as('admin').get(`/campaigns/${id}/results`).expect(200);
      if (
        ['completed', 'cancelled', 'failed'].includes(r.body.state as string) &&
        (r.body.progress === null || r.body.progress.state !== 'running')
      ) {
        return r.body as Record<string, any>;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`campaign ${id} did not settle`);
  }

  async function auditOf(campaignId: string) {
    const res = await as('admin').get('/audit?type=campaign.&limit=100').expect(200);
    return (res.body.items as Array<{ entityId: string; action: string; actorId: string; changes: Record<string, unknown> }>)
      .filter((e) => e.entityId === campaignId)
      .reverse();
  }

  async function withProgram<T>(changes: Record<string, number>, body: () => Promise<T>): Promise<T> {
    const before = (await as('admin').get('/program').expect(200)).body as Record<string, number>;
    await as('admin').patch('/program', changes).expect(200);
    try {
      return await body();
    } finally {
      await as('admin').patch('/program', Object.fromEntries(Object.keys(changes).map((k) => [k, before[k]])));
    }
  }

  const grantCampaign = (name: string, clubId: string, points: number, schedule: object = { kind: 'now' }) => ({
    name,
    audience: { include: [{ type: 'club', clubIds: [clubId] }] },
    grant: { points, reason: name },
    schedule,
  });

  it('a grant of 1,000,000 points to an invite club of one waits in pending_approval; its author can neither launch nor approve it; another admin approves it, audited', async () => {
    const [chosen] = await members(1);
    const club = await as('marketer')
      .post('/clubs', {
        code: uniq('ONE')
          .toUpperCase()
          .replace(/[^A-Z0-9_-]/g, '')
          .slice(0, 32),
        nameZh: '特邀',
        nameEn: 'Invited',
        joinPolicy: 'invite',
      })
      .expect(201);
    await as('marketer').post(`/clubs/${club.body.clubId}/members/${chosen.memberId}`).expect(200);
    const created = await as('marketer')
      .post('/campaigns', grantCampaign('A gift for one', club.body.clubId as string, 1_000_000))
      .expect(201);
    const id = created.body.campaignId as string;
    expect((await as('marketer').post(`/campaigns/${id}/preview`).expect(200)).body).toMatchObject({
      size: 1,
      estimatedPoints: 1_000_000,
      needsApproval: true,
      approvalReasons: ['pointsPerMember'],
    });

    const launched = await as('marketer').post(`/campaigns/${id}/launch`).expect(200);
    expect(launched.body).toMatchObject({ state: 'pending_approval', jobId: null, approval: { askedPoints: 1_000_000, approvedBy: null } });
    // Waiting: nothing planned, nothing granted; launching again, editing or approving by the author is refused.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await campaignLedger(t.db, id)).toEqual({ entries: 0, points: 0, members: 0 });
    expect((await as('marketer').post(`/campaigns/${id}/launch`).expect(409)).body.code).toBe('CAMPAIGN_INVALID_TRANSITION');
    expect(
      (
        await as('marketer')
          .patch(`/campaigns/${id}`, { grant: { points: 10, reason: 'x' } })
          .expect(409)
      ).body.code,
    ).toBe('CAMPAIGN_INVALID_TRANSITION');
    expect((await as('marketer').post(`/campaigns/${id}/approve`).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await as('support').post(`/campaigns/${id}/approve`).expect(403)).body.code).toBe('FORBIDDEN');
    const pending = await as('approver').get('/campaigns?state=pending_approval&limit=100').expect(200);
    expect(pending.body.items.map((c: { campaignId: string }) => c.campaignId)).toContain(id);

    const approved = await as('approver').post(`/campaigns/${id}/approve`).expect(200);
    expect(approved.body).toMatchObject({ state: 'running', approval: { askedPoints: 1_000_000, occurrenceGrantLimit: 1_000_000 } });
    expect(approved.body.approval.approvedBy).toEqual(expect.any(String));
    expect(await settle(id)).toMatchObject({ state: 'completed', delivered: 1, pointsGranted: 1_000_000 });
    expect(await campaignLedger(t.db, id)).toEqual({ entries: 1, points: 1_000_000, members: 1 });
    expect((await as('approver').post(`/campaigns/${id}/approve`).expect(409)).body.code).toBe('CAMPAIGN_INVALID_TRANSITION');

    const audit = await auditOf(id);
    expect(audit.map((e) => [e.action, e.changes.from, e.changes.to])).toEqual([
      ['campaign.create', undefined, undefined],
      ['campaign.launch', 'draft', 'pending_approval'],
      ['campaign.approve', 'pending_approval', 'running'],
      ['campaign.finish', 'running', 'completed'],
    ]);
    expect(audit[1].changes).toMatchObject({
      approval: { reasons: ['pointsPerMember'], pointsPerMember: 1_000_000, totalPoints: 1_000_000 },
    });
    expect(audit[2].actorId).toBe(approved.body.approval.approvedBy);
    expect(audit[2].actorId).not.toBe(audit[1].actorId);
  });

  it('an admin cannot approve the campaign they created or launched (403 CAMPAIGN_APPROVER_IS_AUTHOR) and nothing moves', async () => {
    const club = await createClubWith(
      t.db,
      (await members(1)).map((m) => m.memberId),
    );
    const created = await as('admin')
      .post('/campaigns', grantCampaign('Own big gift', club, 20_000))
      .expect(201);
    const id = created.body.campaignId as string;
    expect((await as('admin').post(`/campaigns/${id}/launch`).expect(200)).body.state).toBe('pending_approval');
    for (const action of ['approve', 'reject']) {
      const refused = await as('admin').post(`/campaigns/${id}/${action}`).expect(403);
      expect(refused.body).toMatchObject({ code: 'CAMPAIGN_APPROVER_IS_AUTHOR', message: expect.stringContaining('another user') });
    }
    expect((await as('admin').get(`/campaigns/${id}`).expect(200)).body.state).toBe('pending_approval');
    // The author may withdraw it.
    expect((await as('admin').post(`/campaigns/${id}/cancel`).expect(200)).body.state).toBe('cancelled');
    expect(await campaignLedger(t.db, id)).toEqual({ entries: 0, points: 0, members: 0 });
  });

  it('a rejected campaign goes back to draft with the reason audited; changed to within the limits it launches without approval', async () => {
    const club = await createClubWith(
      t.db,
      (await members(2)).map((m) => m.memberId),
    );
    const created = await as('marketer')
      .post('/campaigns', grantCampaign('Too generous', club, 15_000))
      .expect(201);
    const id = created.body.campaignId as string;
    await as('marketer').post(`/campaigns/${id}/launch`).expect(200);
    const rejected = await as('approver').post(`/campaigns/${id}/reject`, { reason: 'Keep it under 10,000 a head' }).expect(200);
    expect(rejected.body).toMatchObject({ state: 'draft', approval: null });
    const audit = await auditOf(id);
    expect(audit[audit.length - 1]).toMatchObject({
      action: 'campaign.reject',
      changes: { from: 'pending_approval', to: 'draft', reason: 'Keep it under 10,000 a head', askedPoints: 30_000 },
    });
    await as('marketer')
      .patch(`/campaigns/${id}`, { grant: { points: 5_000, reason: 'Fair' } })
      .expect(200);
    const launched = await as('marketer').post(`/campaigns/${id}/launch`).expect(200);
    expect(launched.body).toMatchObject({ state: 'running', approval: { askedPoints: null, occurrenceGrantLimit: 1_000_000 } });
    expect(await settle(id)).toMatchObject({ delivered: 2, pointsGranted: 10_000 });
  });

  it('the fan-out never grants more than was approved: members who joined the audience after the estimate are over budget', async () => {
    await withProgram({ campaignApprovalTotalPoints: 500 }, async () => {
      const first = await members(3);
      const club = await createClubWith(
        t.db,
        first.map((m) => m.memberId),
      );
      const created = await as('marketer')
        .post('/campaigns', grantCampaign('Grown club', club, 200))
        .expect(201);
      const id = created.body.campaignId as string;
      const launched = await as('marketer').post(`/campaigns/${id}/launch`).expect(200);
      expect(launched.body).toMatchObject({ state: 'pending_approval', approval: { askedPoints: 600 } });
      const late = await members(2);
      await t.db.query(
        `INSERT INTO club_members (member_id, club_id, status, joined_at, left_at) VALUES ${late.map(() => "(?, ?, 'active', NOW(3), NULL)").join(', ')}`,
        late.flatMap((m) => [m.memberId, club]),
      );
      await as('approver').post(`/campaigns/${id}/approve`).expect(200);
      expect(await settle(id)).toMatchObject({ audience: 5, delivered: 3, overBudget: 2, pointsGranted: 600 });
      expect(await campaignLedger(t.db, id)).toEqual({ entries: 3, points: 600, members: 3 });
    });
  });

  it('a campaign launched without approval never grants more in one occurrence than the program limit, however the audience grows before it runs', async () => {
    await withProgram({ campaignApprovalTotalPoints: 500 }, async () => {
      const club = await createClubWith(
        t.db,
        (await members(2)).map((m) => m.memberId),
      );
      const at = new Date(Date.now() + 4000).toISOString();
      const created = await as('marketer')
        .post('/campaigns', grantCampaign('Later', club, 200, { kind: 'at', at }))
        .expect(201);
      const id = created.body.campaignId as string;
      const launched = await as('marketer').post(`/campaigns/${id}/launch`).expect(200);
      expect(launched.body).toMatchObject({ state: 'scheduled', approval: { askedPoints: null, occurrenceGrantLimit: 500 } });
      const late = await members(2);
      await t.db.query(
        `INSERT INTO club_members (member_id, club_id, status, joined_at, left_at) VALUES ${late.map(() => "(?, ?, 'active', NOW(3), NULL)").join(', ')}`,
        late.flatMap((m) => [m.memberId, club]),
      );
      const results = await settle(id);
      expect(results).toMatchObject({ audience: 4, delivered: 2, overBudget: 2, pointsGranted: 400 });
      expect((await campaignLedger(t.db, id)).points).toBe(400);
    });
  });

  describe('support adjustments: a running total per console user per day', () => {
    const adjust = (who: 'support' | 'admin', memberId: string, points: number) =>
      as(who).post(`/members/${memberId}/adjustments`, { points, reason: 'goodwill', idempotencyKey: uniq('adj') });

    it('support adjusts up to ADJUSTMENT_DAILY_LIMIT_POINTS a day across members and signs; the next one is 403 ADJUSTMENT_DAILY_LIMIT and writes nothing; admins are not held', async () => {
      tokens.support = await newUser('support');
      const [a, b] = await members(2);
      for (const points of [10_000, 10_000, 10_000, 10_000]) {
        await adjust('support', a.memberId, points).expect(201);
      }
      await adjust('support', b.memberId, -5_000).expect(422); // b has nothing to take: refused, and not counted
      await adjust('support', a.memberId, -9_000).expect(201); // 49,000 in all, either sign
      const entriesBefore = await t.db.query('SELECT COUNT(*) AS n FROM point_entries WHERE member_id = ?', [b.memberId]);
      const refused = await adjust('support', b.memberId, 1_001).expect(403);
      expect(refused.body).toMatchObject({
        code: 'ADJUSTMENT_DAILY_LIMIT',
        message: expect.stringContaining('49000'),
        details: [{ field: 'points', message: '1000 left today' }],
      });
      expect(await t.db.query('SELECT COUNT(*) AS n FROM point_entries WHERE member_id = ?', [b.memberId])).toEqual(entriesBefore);
      await adjust('support', b.memberId, 1_000).expect(201);
      await adjust('support', b.memberId, 1).expect(403);
      await adjust('admin', a.memberId, 60_000).expect(201);
    });

    it('a replayed adjustment is its first answer and does not count again; the limit is per console user', async () => {
      tokens.support = await newUser('support');
      const [m] = await members(1);
      const body = { points: 10_000, reason: 'replayed', idempotencyKey: uniq('adj') };
      await as('support').post(`/members/${m.memberId}/adjustments`, body).expect(201);
      for (let i = 0; i < 5; i++) {
        await as('support').post(`/members/${m.memberId}/adjustments`, body).expect(200);
      }
      for (let i = 0; i < 4; i++) {
        await adjust('support', m.memberId, 10_000).expect(201);
      }
      expect((await adjust('support', m.memberId, 1).expect(403)).body.code).toBe('ADJUSTMENT_DAILY_LIMIT');
      tokens.support = await newUser('support');
      await adjust('support', m.memberId, 10_000).expect(201);
    });

    it('adjustments racing from one support user stop exactly at the daily limit', async () => {
      tokens.support = await newUser('support');
      const targets = await members(8);
      const results = await Promise.all(targets.map((m) => adjust('support', m.memberId, 10_000)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 403, 403, 403]);
      const [sum] = await t.db.query(
        `SELECT COALESCE(SUM(points), 0) AS s FROM point_entries WHERE type = 'adjustment' AND member_id IN (${targets.map(() => '?').join(', ')})`,
        targets.map((m) => m.memberId),
      );
      expect(Number(sum.s)).toBe(50_000);
    });
  });
});
