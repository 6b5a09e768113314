import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { ADMIN_ROLES, AdminRole } from '../src/modules/auth/entities/admin-user.entity';
import { ALL_PERMISSIONS, can, Permission } from '../src/modules/auth/permissions';
import { luhnCheckDigit } from '../src/modules/cards/card-number';
import { QueueName } from '../src/queue/queue.constants';
import { Queue } from 'bullmq';
import { IMPORT_PART_ROWS } from '../src/modules/archive/import/member-import.service';
import { WorkerModule } from '../src/worker.module';
import { createMember, createStore, ledgerInvariants, loginAdmin, pos, purchaseBody, uniq, uniquePhone } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('member archive: roles, cards, search, profile history, audit, import (HTTP)', () => {
  let t: TestApp;
  const tokens = {} as Record<AdminRole, string>;
  const as = (role: AdminRole) => `Bearer ${tokens[role]}`;

  beforeAll(async () => {
    // The role walk below calls every admin route once per role: from an address of its own (X-Forwarded-For through the
    // loopback proxy), so its requests do not count against the per-address limit the next suites share.
    t = await startTestApp({ RATE_LIMIT_ADMIN_PER_MINUTE: '100000', TRUST_PROXY: 'loopback' });
    tokens.admin = await loginAdmin(t);
    for (const role of ADMIN_ROLES.filter((r) => r !== 'admin')) {
      const email = `${uniq(role)}@example.com`.toLowerCase();
      const password = 'a long enough password';
      await t.http.post('/api/v1/admin/users').set('Authorization', as('admin')).send({ email, password, role }).expect(201);
      const login = await t.http.post('/api/v1/admin/auth/login').send({ email, password }).expect(200);
      tokens[role] = login.body.accessToken as string;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  describe('the role table', () => {
    it('every role against a representative route of every route group: allowed is never 403, refused is 403 FORBIDDEN', async () => {
      const m = await createMember(t);
      const other = await createMember(t);
      const routes: Array<{ permission: Permission; call: (auth: string) => Promise<{ status: number; body: { code?: string } }> }> = [
        { permission: 'members.read', call: (a) => t.http.get('/api/v1/admin/members').query({ q: m.phone }).set('Authorization', a) },
        {
          permission: 'members.write',
          call: (a) => t.http.patch(`/api/v1/admin/members/${m.memberId}`).set('Authorization', a).send({ city: 'Hangzhou' }),
        },
        {
          permission: 'points.adjust',
          call: (a) =>
            t.http
              .post(`/api/v1/admin/members/${m.memberId}/adjustments`)
              .set('Authorization', a)
              .send({ points: 5, reason: 'walk', idempotencyKey: uniq('walk') }),
        },
        {
          permission: 'points.adjust.large',
          call: (a) =>
            t.http
              .post(`/api/v1/admin/members/${m.memberId}/adjustments`)
              .set('Authorization', a)
              .send({ points: 20_000, reason: 'walk', idempotencyKey: uniq('walk') }),
        },
        { permission: 'cards.manage', call: (a) => t.http.post(`/api/v1/admin/cards/${m.cardNo}/unfreeze`).set('Authorization', a) },
        {
          permission: 'members.merge',
          call: (a) =>
            t.http.post(`/api/v1/admin/members/${other.memberId}/merge`).set('Authorization', a).send({ sourceMemberId: other.memberId }),
        },
        {
          permission: 'members.import',
          call: (a) => t.http.get(`/api/v1/admin/members/import/${randomUUID()}/rows`).set('Authorization', a),
        },
        { permission: 'stores.manage', call: (a) => t.http.get('/api/v1/admin/stores').set('Authorization', a) },
        { permission: 'users.manage', call: (a) => t.http.get('/api/v1/admin/users').set('Authorization', a) },
        { permission: 'audit.read', call: (a) => t.http.get('/api/v1/admin/audit').query({ member: m.memberId }).set('Authorization', a) },
        { permission: 'jobs.read', call: (a) => t.http.get(`/api/v1/admin/jobs/${randomUUID()}`).set('Authorization', a) },
      ];
      const seen: string[] = [];
      for (const route of routes) {
        for (const role of ADMIN_ROLES) {
          const res = await route.call(as(role));
          const allowed = can(role, route.permission);
          seen.push(`${route.permission} ${role} ${res.status}`);
          if (allowed) {
            expect([route.permission, role, res.status < 500 && res.status !== 403 && res.status !== 401]).toEqual([
              route.permission,
              role,
              true,
            ]);
          } else {
            expect([route.permission, role, res.status, res.body.code]).toEqual([route.permission, role, 403, 'FORBIDDEN']);
          }
        }
      }
      expect(seen.length).toBe(routes.length * ADMIN_ROLES.length);
      // The one big adjustment that went through was the admin's.
      const inv = await ledgerInvariants(t.db, m.memberId);
      expect(inv.balance).toBe(5 + 5 + 20_000);
    });

    it('every role against every admin route of the OpenAPI document: the route names a permission of the table, and exactly the roles holding it get past the guard', async () => {
      interface Operation {
        'x-permission'?: { permission: Permission; roles: AdminRole[] };
        parameters?: Array<{ in: string; name: string; schema?: { type?: string } }>;
      }
      const WALK_ADDRESS = '198.51.100.77';
      const doc = (await t.http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
      const cardBody = `8${String(Date.now()).slice(-14)}`;
      const unknownCardNo = `${cardBody}${luhnCheckDigit(cardBody)}`;
      const routes: Array<{ method: string; path: string; url: string; permission: Permission | undefined }> = [];
      for (const [path, operations] of Object.entries(doc.paths)) {
        // Sign-in routes are open; auth/me is walked (every role may read its own account).
        if (!path.startsWith('/api/v1/admin/') || (path.startsWith('/api/v1/admin/auth/') && path !== '/api/v1/admin/auth/me')) {
          continue;
        }
        for (const [method, op] of Object.entries(operations)) {
          // Path parameters name nothing that exists: an allowed role gets a 4xx from the route itself, never from the guard.
          const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
            const param = op.parameters?.find((p) => p.in === 'path' && p.name === name);
            if (name === 'cardNo') {
              return unknownCardNo;
            }
            return param?.schema?.type === 'integer' || param?.schema?.type === 'number' ? '987654321' : randomUUID();
          });
          routes.push({ method, path, url, permission: op['x-permission']?.permission });
        }
      }
      expect(routes.filter((r) => r.permission === undefined).map((r) => `${r.method} ${r.path}`)).toEqual([]);
      expect(routes.filter((r) => !ALL_PERMISSIONS.includes(r.permission as Permission))).toEqual([]);
      // Every permission of the table guards a route, except those handlers check inside a route (unmasking, large adjustments,
      // system and transactional templates).
      const guarded = new Set(routes.map((r) => r.permission));
      expect(ALL_PERMISSIONS.filter((p) => !guarded.has(p))).toEqual(['members.pii', 'points.adjust.large', 'messages.system']);
      // Every route group (the first path segment after /admin) is there: a new controller without a permission would show up above.
      const groups = new Set(routes.map((r) => r.path.split('/')[4]));
      for (const group of ['members', 'cards', 'users', 'audit', 'stores', 'api-keys', 'program', 'tiers', 'clubs', 'analytics']) {
        expect([group, groups.has(group)]).toEqual([group, true]);
      }
      for (const group of ['campaigns', 'message-templates', 'outbox', 'webhooks', 'jobs', 'value']) {
        expect([group, groups.has(group)]).toEqual([group, true]);
      }

      const outcomes: string[] = [];
      const wrong: string[] = [];
      for (const route of routes) {
        for (const role of ADMIN_ROLES) {
          const req = (t.http as unknown as Record<string, (url: string) => ReturnType<typeof t.http.get>>)
            [route.method](route.url)
            .set('Authorization', as(role))
            .set('X-Forwarded-For', WALK_ADDRESS);
          const res = route.method === 'get' || route.method === 'delete' ? await req : await req.send({});
          const allowed = can(role, route.permission as Permission);
          const ok = allowed
            ? res.status !== 401 && res.status !== 403 && res.status < 500
            : res.status === 403 && (res.body as { code?: string }).code === 'FORBIDDEN';
          outcomes.push(`${route.method} ${route.path} ${role} ${res.status}`);
          if (!ok) {
            wrong.push(`${route.method.toUpperCase()} ${route.path} as ${role} (${route.permission}, allowed: ${allowed}): ${res.status}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(outcomes.length).toBe(routes.length * ADMIN_ROLES.length);
      // Routes that start runs (tier, rank and value reviews) were called by the roles allowed to: nothing here runs them.
      for (const name of [QueueName.TierReview, QueueName.TierRankReview, QueueName.MemberValue]) {
        await t.app.get<Queue>(getQueueToken(name)).obliterate({ force: true });
      }
    });

    it('a role change takes effect on the next request and is audited; a disabled user is refused', async () => {
      const email = `${uniq('switch')}@example.com`.toLowerCase();
      const created = await t.http
        .post('/api/v1/admin/users')
        .set('Authorization', as('admin'))
        .send({ email, password: 'a long enough password', role: 'analyst' })
        .expect(201);
      const token = (await t.http.post('/api/v1/admin/auth/login').send({ email, password: 'a long enough password' }).expect(200)).body
        .accessToken as string;
      await t.http.get('/api/v1/admin/stores').set('Authorization', `Bearer ${token}`).expect(403);
      await t.http
        .patch(`/api/v1/admin/users/${created.body.userId}`)
        .set('Authorization', as('admin'))
        .send({ role: 'admin' })
        .expect(200);
      await t.http.get('/api/v1/admin/stores').set('Authorization', `Bearer ${token}`).expect(200);
      await t.http
        .patch(`/api/v1/admin/users/${created.body.userId}`)
        .set('Authorization', as('admin'))
        .send({ disabled: true })
        .expect(200);
      await t.http.get('/api/v1/admin/stores').set('Authorization', `Bearer ${token}`).expect(401);
      const audit = await t.http.get('/api/v1/admin/audit').query({ type: 'admin.updated' }).set('Authorization', as('admin')).expect(200);
      expect(
        audit.body.items
          .filter((e: { entityId: string }) => e.entityId === created.body.userId)
          .map((e: { changes: unknown }) => e.changes),
      ).toEqual([{ disabled: { old: false, new: true } }, { role: { old: 'analyst', new: 'admin' } }]);
    });
  });

  describe('cards with the POS', () => {
    it('a frozen card is refused at the till; after a replace the new card buys, the old one is refused and the balance stays', async () => {
      const store = await createStore(t);
      const till = pos(t, store);
      const m = await createMember(t);
      await till.purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 10_000 }])).expect(201);
      const frozen = await t.http.post(`/api/v1/admin/cards/${m.cardNo}/freeze`).set('Authorization', as('support')).expect(200);
      expect(frozen.body).toMatchObject({ cardNo: m.cardNo, status: 'frozen', memberId: m.memberId });
      const refused = await till.purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 5_000 }])).expect(422);
      expect(refused.body.code).toBe('CARD_INACTIVE');
      const replaced = await t.http.post(`/api/v1/admin/cards/${m.cardNo}/replace`).set('Authorization', as('support')).expect(200);
      expect(replaced.body).toMatchObject({ status: 'closed', replacedBy: expect.stringMatching(/^\d{16}$/) });
      const again = await t.http.post(`/api/v1/admin/cards/${m.cardNo}/replace`).set('Authorization', as('support')).expect(200);
      expect(again.body.replacedBy).toBe(replaced.body.replacedBy);
      const bought = await till.purchase(purchaseBody({ cardNo: replaced.body.replacedBy }, [{ amountCents: 5_000 }])).expect(201);
      expect(bought.body.memberId ?? m.memberId).toBe(m.memberId);
      const old = await till.lookup({ cardNo: m.cardNo }).expect(422);
      expect(old.body.code).toBe('CARD_INACTIVE');
      const fresh = await till.lookup({ cardNo: replaced.body.replacedBy }).expect(200);
      expect(fresh.body.points.balance).toBe(150);
      await t.http.post(`/api/v1/admin/cards/${m.cardNo}/unfreeze`).set('Authorization', as('support')).expect(409);
    });
  });

  describe('search, profile and history', () => {
    it('finds a member by card, phone, email and name prefix; masked for analysts and marketers, plain for support', async () => {
      const name = `Zed${uniq('n').replace(/[^a-z0-9]/gi, '')}`;
      const email = `${uniq('mail')}@example.com`.toLowerCase();
      const m = await createMember(t, { name, email });
      for (const q of [m.cardNo, m.phone, email, name.slice(0, 12)]) {
        const res = await t.http.get('/api/v1/admin/members').query({ q }).set('Authorization', as('support')).expect(200);
        expect(res.body.items.map((i: { memberId: string }) => i.memberId)).toContain(m.memberId);
      }
      const plain = await t.http.get('/api/v1/admin/members').query({ q: m.phone }).set('Authorization', as('support')).expect(200);
      expect(plain.body.items[0]).toMatchObject({
        name,
        phone: m.phone,
        email,
        balance: 0,
        status: 'active',
        card: { cardNo: m.cardNo, status: 'active' },
        tier: { code: 'STANDARD' },
      });
      for (const role of ['analyst', 'marketer'] as const) {
        const masked = await t.http.get('/api/v1/admin/members').query({ q: m.phone }).set('Authorization', as(role)).expect(200);
        expect(masked.body.unmasked).toBe(false);
        expect(masked.body.items[0].phone).toBe(`${m.phone.slice(0, -8)}****${m.phone.slice(-4)}`);
        expect(masked.body.items[0].name).toBe(`Z${'*'.repeat(name.length - 1)}`);
        expect(masked.body.items[0].email).not.toContain(email.split('@')[0]);
        const detail = await t.http.get(`/api/v1/admin/members/${m.memberId}`).set('Authorization', as(role)).expect(200);
        expect(JSON.stringify(detail.body)).not.toContain(m.phone);
      }
    });

    it('pages through results with the cursor without repeats', async () => {
      const prefix = `Pg${randomUUID().slice(0, 8)}`;
      for (let i = 0; i < 5; i++) {
        await createMember(t, { name: `${prefix}${i}` });
      }
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await t.http
          .get('/api/v1/admin/members')
          .query({ q: prefix, limit: 2, ...(cursor ? { cursor } : {}) })
          .set('Authorization', as('support'))
          .expect(200);
        ids.push(...res.body.items.map((i: { memberId: string }) => i.memberId));
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      expect(ids.length).toBe(5);
      expect(new Set(ids).size).toBe(5);
    });

    it('a profile edit keeps who, when, old and new value per field; notes and tags are kept; personal values masked for analysts', async () => {
      const m = await createMember(t);
      const newPhone = uniquePhone();
      const edit = await t.http
        .patch(`/api/v1/admin/members/${m.memberId}`)
        .set('Authorization', as('support'))
        .send({ phone: newPhone, city: 'Suzhou', name: '张三' })
        .expect(200);
      expect(edit.body.changed.map((c: { field: string }) => c.field)).toEqual(['phone', 'city']);
      const history = await t.http.get(`/api/v1/admin/members/${m.memberId}/history`).set('Authorization', as('support')).expect(200);
      const phoneChange = history.body.items.find((c: { field: string }) => c.field === 'phone');
      expect(phoneChange).toMatchObject({ oldValue: m.phone, newValue: newPhone, by: { type: 'admin' } });
      const masked = await t.http.get(`/api/v1/admin/members/${m.memberId}/history`).set('Authorization', as('analyst')).expect(200);
      expect(JSON.stringify(masked.body)).not.toContain(newPhone);
      await t.http.patch(`/api/v1/admin/members/${m.memberId}`).set('Authorization', as('analyst')).send({ city: 'X' }).expect(403);
      const other = await createMember(t);
      const taken = await t.http
        .patch(`/api/v1/admin/members/${m.memberId}`)
        .set('Authorization', as('support'))
        .send({ phone: other.phone })
        .expect(409);
      expect(taken.body.code).toBe('PHONE_TAKEN');
      await t.http
        .post(`/api/v1/admin/members/${m.memberId}/notes`)
        .set('Authorization', as('support'))
        .send({ text: 'Asked for a paper statement' })
        .expect(201);
      const notes = await t.http.get(`/api/v1/admin/members/${m.memberId}/notes`).set('Authorization', as('analyst')).expect(200);
      expect(notes.body.items[0]).toMatchObject({ text: 'Asked for a paper statement', authorEmail: expect.stringContaining('support') });
      await t.http
        .put(`/api/v1/admin/members/${m.memberId}/tags`)
        .set('Authorization', as('support'))
        .send({ tags: ['B2B', 'b2b', 'complaint'] })
        .expect(200);
      const detail = await t.http.get(`/api/v1/admin/members/${m.memberId}`).set('Authorization', as('support')).expect(200);
      expect(detail.body).toMatchObject({ tags: ['b2b', 'complaint'], phone: newPhone, city: 'Suzhou' });
    });

    it('after a merge the old member id answers with where it went', async () => {
      const source = await createMember(t);
      const survivor = await createMember(t);
      await t.http
        .post(`/api/v1/admin/members/${source.memberId}/adjustments`)
        .set('Authorization', as('admin'))
        .send({ points: 40, reason: 'test', idempotencyKey: uniq('mrg') })
        .expect(201);
      const merged = await t.http
        .post(`/api/v1/admin/members/${survivor.memberId}/merge`)
        .set('Authorization', as('admin'))
        .send({ sourceMemberId: source.memberId })
        .expect(201);
      expect(merged.body).toMatchObject({ pointsMoved: 40, survivorBalance: 40 });
      await t.http
        .post(`/api/v1/admin/members/${survivor.memberId}/merge`)
        .set('Authorization', as('admin'))
        .send({ sourceMemberId: source.memberId })
        .expect(200);
      const old = await t.http.get(`/api/v1/admin/members/${source.memberId}`).set('Authorization', as('support')).expect(200);
      expect(old.body).toMatchObject({ status: 'merged', mergedInto: survivor.memberId });
      expect(old.body.points.balance).toBe(0);
      const again = await t.http
        .post(`/api/v1/admin/members/${source.memberId}/adjustments`)
        .set('Authorization', as('admin'))
        .send({ points: 1, reason: 'x', idempotencyKey: uniq('mrg') })
        .expect(409);
      expect(again.body.code).toBe('MEMBER_MERGED');
    });
  });

  describe('audit log', () => {
    it('finds a member’s changes by member, type prefix, actor and time, newest first and paged', async () => {
      const before = new Date(Date.now() - 1000).toISOString();
      const m = await createMember(t);
      await t.http.post(`/api/v1/admin/cards/${m.cardNo}/freeze`).set('Authorization', as('support')).expect(200);
      await t.http.post(`/api/v1/admin/cards/${m.cardNo}/unfreeze`).set('Authorization', as('support')).expect(200);
      await t.http
        .post(`/api/v1/admin/members/${m.memberId}/adjustments`)
        .set('Authorization', as('support'))
        .send({ points: 3, reason: 'audit', idempotencyKey: uniq('aud') })
        .expect(201);
      const all = await t.http.get('/api/v1/admin/audit').query({ member: m.memberId }).set('Authorization', as('admin')).expect(200);
      expect(all.body.items.map((e: { action: string }) => e.action)).toEqual([
        'points.adjusted',
        'card.unfreeze',
        'card.freeze',
        'member.created',
      ]);
      const cards = await t.http
        .get('/api/v1/admin/audit')
        .query({ member: m.memberId, type: 'card.' })
        .set('Authorization', as('admin'))
        .expect(200);
      expect(cards.body.items.map((e: { action: string; actorEmail: string }) => [e.action, e.actorEmail.startsWith('support')])).toEqual([
        ['card.unfreeze', true],
        ['card.freeze', true],
      ]);
      const supportId = cards.body.items[0].actorId as string;
      const byActor = await t.http
        .get('/api/v1/admin/audit')
        .query({ actor: supportId, from: before, limit: 2 })
        .set('Authorization', as('admin'))
        .expect(200);
      expect(byActor.body.items).toHaveLength(2);
      expect(byActor.body.nextCursor).toEqual(expect.any(Number));
      const next = await t.http
        .get('/api/v1/admin/audit')
        .query({ actor: supportId, from: before, limit: 2, cursor: byActor.body.nextCursor })
        .set('Authorization', as('admin'))
        .expect(200);
      expect(next.body.items[0].id).toBeLessThan(byActor.body.items[1].id);
      const future = await t.http
        .get('/api/v1/admin/audit')
        .query({ member: m.memberId, from: new Date(Date.now() + 60_000).toISOString() })
        .set('Authorization', as('admin'))
        .expect(200);
      expect(future.body.items).toEqual([]);
    });
  });

  describe('CSV import through the worker', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      worker = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: false });
      await worker.init();
    });

    afterAll(async () => {
      await worker.close();
    });

    it('a text/csv upload answers 202 with a job; the job accepts the good rows and lists the bad ones', async () => {
      const ext = uniq('E').replace(/[^A-Za-z0-9-]/g, '');
      const phone = uniquePhone();
      const csv = `external_id,name,phone,opening_points\n${ext}-1,王五,${phone},300\n${ext}-2,"Smith, Anna",,0\n${ext}-3,Bad,12345,x\n`;
      const started = await t.http
        .post('/api/v1/admin/members/import')
        .set('Authorization', as('admin'))
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(202);
      expect(started.body).toMatchObject({ rows: 3, parts: 1 });
      let view: { state: string; totals: Record<string, number> } | null = null;
      for (let i = 0; i < 300 && (!view || view.state === 'running'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        view = (await t.http.get(`/api/v1/admin/jobs/${started.body.jobId}`).set('Authorization', as('admin')).expect(200)).body;
      }
      expect(view).toMatchObject({ state: 'completed', totals: { rows: 3, accepted: 2, rejected: 1, exists: 0, openingPoints: 300 } });
      const bad = await t.http
        .get(`/api/v1/admin/members/import/${started.body.jobId}/rows`)
        .query({ status: 'rejected' })
        .set('Authorization', as('admin'))
        .expect(200);
      expect(bad.body.items).toEqual([
        {
          row: 3,
          externalId: `${ext}-3`,
          status: 'rejected',
          errors: ['phone: E.164, e.g. +8613800138000', 'opening_points: a whole number from 0 to 100000000'],
          memberId: null,
        },
      ]);
      const found = await t.http.get('/api/v1/admin/members').query({ q: phone }).set('Authorization', as('admin')).expect(200);
      expect(found.body.items[0]).toMatchObject({ name: '王五', balance: 300 });
      const json = await t.http
        .post('/api/v1/admin/members/import')
        .set('Authorization', as('admin'))
        .send({ csv: 'name\nx\n' })
        .expect(400);
      expect(json.body.details.map((d: { message: string }) => d.message)).toContain('column external_id is missing');
      await t.http
        .post('/api/v1/admin/members/import')
        .set('Authorization', as('support'))
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(403);
    });

    it('an external id repeated in a later part of a large import is rejected naming the first row; the person of the first row is imported', async () => {
      const ext = uniq('L').replace(/[^A-Za-z0-9-]/g, '');
      const lines = ['external_id,name'];
      for (let i = 1; i <= IMPORT_PART_ROWS; i++) {
        lines.push(`${ext}-${i},Member ${i}`);
      }
      lines.push(`${ext}-3,Third Again`, `${ext}-new,Last One`, `${ext}-new,Last One Again`);
      const started = await t.http
        .post('/api/v1/admin/members/import')
        .set('Authorization', as('admin'))
        .set('Content-Type', 'text/csv')
        .send(lines.join('\n'))
        .expect(202);
      expect(started.body).toMatchObject({ rows: IMPORT_PART_ROWS + 3, parts: 2 });
      let view: { state: string; totals: Record<string, number> } | null = null;
      for (let i = 0; i < 600 && (!view || view.state === 'running'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        view = (await t.http.get(`/api/v1/admin/jobs/${started.body.jobId}`).set('Authorization', as('admin')).expect(200)).body;
      }
      expect(view).toMatchObject({
        state: 'completed',
        totals: { rows: IMPORT_PART_ROWS + 3, accepted: IMPORT_PART_ROWS + 1, rejected: 2, exists: 0 },
      });
      const bad = await t.http
        .get(`/api/v1/admin/members/import/${started.body.jobId}/rows`)
        .query({ status: 'rejected' })
        .set('Authorization', as('admin'))
        .expect(200);
      expect(bad.body.items.map((r: { row: number; externalId: string; errors: string[] }) => [r.row, r.externalId, r.errors])).toEqual([
        [IMPORT_PART_ROWS + 1, `${ext}-3`, ['external_id: repeated in the file (first at row 3)']],
        [IMPORT_PART_ROWS + 3, `${ext}-new`, [`external_id: repeated in the file (first at row ${IMPORT_PART_ROWS + 2})`]],
      ]);
      const names = await t.db.query('SELECT external_id, name FROM members WHERE external_id IN (?, ?) ORDER BY external_id', [
        `${ext}-3`,
        `${ext}-new`,
      ]);
      expect(names).toEqual([
        { external_id: `${ext}-3`, name: 'Member 3' },
        { external_id: `${ext}-new`, name: 'Last One' },
      ]);
    });
  });
});
