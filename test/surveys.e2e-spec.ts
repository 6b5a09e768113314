import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SurveyInviter } from '../src/modules/surveys/survey-inviter';
import { SurveysRepository } from '../src/modules/surveys/surveys.repository';
import { WorkerModule } from '../src/worker.module';
import { createClubWith } from './support/campaign-fixtures';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestMember, TestStore, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

type Answer = { questionId: string; score?: number; text?: string };

/** Surveys end to end: the builder, invitations after a purchase (through the worker) and from a campaign, answers by signed link, the figures. */
describe('surveys and the satisfaction index (admin, portal, worker)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  const tokens: Record<string, string> = {};
  let store: TestStore;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: false });
    await worker.init();
    tokens.admin = await loginAdmin(t);
    tokens.analyst = await newUser('analyst');
    tokens.marketer = await newUser('marketer');
    store = await createStore(t);
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  async function newUser(role: string): Promise<string> {
    const email = `${uniq(role)}@example.com`.toLowerCase();
    const password = 'a long enough password';
    await t.http.post('/api/v1/admin/users').set('Authorization', `Bearer ${tokens.admin}`).send({ email, password, role }).expect(201);
    return (await t.http.post('/api/v1/admin/auth/login').send({ email, password }).expect(200)).body.accessToken as string;
  }

  const as = (who: string) => ({
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${tokens[who]}`).send(body),
    patch: (path: string, body: object) => t.http.patch(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${tokens[who]}`).send(body),
    get: (path: string) => t.http.get(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${tokens[who]}`),
  });
  const link = {
    get: (token: string) => t.http.get(`/api/v1/portal/surveys/${token}`),
    answer: (token: string, answers: Answer[]) => t.http.post(`/api/v1/portal/surveys/${token}/answers`).send({ answers }),
  };
  const count = async (table: string) => Number((await t.db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  const QUESTIONS = [
    { kind: 'rating', textZh: '店员服务', textEn: 'Staff service', weight: 3 },
    { kind: 'rating', textZh: '商品新鲜', textEn: 'Freshness', weight: 2 },
    { kind: 'rating', textZh: '价格', textEn: 'Prices', weight: 1 },
    { kind: 'recommend', textZh: '您有多大可能向朋友推荐我们？', textEn: 'How likely are you to recommend us?' },
    { kind: 'text', textZh: '还有什么想告诉我们？', textEn: 'Anything else?' },
  ];

  async function activeSurvey(settings: Record<string, unknown> = {}) {
    const created = await as('marketer')
      .post('surveys', { titleZh: '门店满意度', titleEn: 'Store satisfaction', questions: QUESTIONS, ...settings })
      .expect(201);
    await as('marketer').post(`surveys/${created.body.surveyId}/status`, { status: 'active' }).expect(200);
    return created.body as { surveyId: string; questions: Array<{ questionId: string; kind: string }> };
  }

  /** The signed token in the member's invitation message. */
  async function tokenOf(memberId: string, surveyId: string): Promise<string> {
    const rows = await t.db.query(
      `SELECT o.body FROM outbox_messages o JOIN survey_invitations i ON o.source = CONCAT('survey-invitation:', i.id)
        WHERE i.member_id = ? AND i.survey_id = ?`,
      [memberId, surveyId],
    );
    expect(rows).toHaveLength(1);
    const m = /\/m\/survey\/([0-9a-f-]{36}\.[A-Za-z0-9_-]{22})/.exec(rows[0].body as string);
    if (!m) {
      throw new Error(`no survey link in ${rows[0].body}`);
    }
    return m[1];
  }

  async function until<T>(what: string, read: () => Promise<T | null>): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const v = await read();
      if (v !== null) {
        return v;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  const invitationsOf = (memberId: string) =>
    t.db.query<Array<Record<string, string | null>>>(
      'SELECT id, survey_id, status, store_id, source, open_member_id FROM survey_invitations WHERE member_id = ? ORDER BY created_at',
      [memberId],
    );

  describe('the builder', () => {
    it('refuses a rated dimension without a weight and a second recommend question, naming each, and writes nothing', async () => {
      const before = [await count('surveys'), await count('survey_questions')];
      const res = await as('marketer')
        .post('surveys', {
          titleZh: '调查',
          titleEn: 'Survey',
          questions: [
            { kind: 'rating', textZh: '服务', textEn: 'Service' },
            { kind: 'recommend', textZh: '推荐', textEn: 'Recommend' },
            { kind: 'recommend', textZh: '推荐', textEn: 'Recommend' },
          ],
        })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['questions[0].weight', 'questions[2].kind']);
      const badScale = await as('marketer')
        .post('surveys', { titleZh: '调查', titleEn: 'Survey', questions: [{ kind: 'stars', textZh: 'x', textEn: 'x' }] })
        .expect(400);
      expect(badScale.body.details[0].field).toMatch(/^questions\[0\]\.kind/);
      expect([await count('surveys'), await count('survey_questions')]).toEqual(before);
      expect(
        (await as('analyst').post('surveys', { titleZh: '调查', titleEn: 'Survey', questions: QUESTIONS }).expect(403)).body.code,
      ).toBe('FORBIDDEN');
    });

    it('keeps questions while a draft only, activates with a scored question, closes; each change audited', async () => {
      const textOnly = await as('marketer')
        .post('surveys', { titleZh: '意见', titleEn: 'Comments', questions: [{ kind: 'text', textZh: '意见', textEn: 'Comments' }] })
        .expect(201);
      expect((await as('marketer').post(`surveys/${textOnly.body.surveyId}/status`, { status: 'active' }).expect(409)).body.code).toBe(
        'SURVEY_NOT_EDITABLE',
      );
      const s = await activeSurvey();
      expect(s.questions.map((q) => q.kind)).toEqual(['rating', 'rating', 'rating', 'recommend', 'text']);
      const edit = await as('marketer')
        .patch(`surveys/${s.surveyId}`, { questions: QUESTIONS.slice(0, 2) })
        .expect(409);
      expect(edit.body.details[0].field).toBe('questions');
      expect((await as('marketer').patch(`surveys/${s.surveyId}`, { titleEn: 'Our stores' }).expect(200)).body.titleEn).toBe('Our stores');
      await as('marketer').post(`surveys/${s.surveyId}/status`, { status: 'closed' }).expect(200);
      const audit = await t.db.query("SELECT action FROM audit_log WHERE entity_type = 'survey' AND entity_id = ? ORDER BY id", [
        s.surveyId,
      ]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['survey.create', 'survey.activate', 'survey.update', 'survey.close']);
    });
  });

  describe('invitations after a purchase and answers by signed link', () => {
    it('the worker invites a sampled purchaser with consent, once: cooldown, one open invitation, stores and consent respected', async () => {
      const other = await createStore(t);
      const s = await activeSurvey({ afterPurchase: true, samplePercent: 100, storeIds: [store.storeId], cooldownDays: 30, validDays: 7 });
      try {
        const buyer = await createMember(t, { consents: { sms: true } });
        const silent = await createMember(t);
        const elsewhere = await createMember(t, { consents: { sms: true } });
        for (const [m, at] of [
          [buyer, store],
          [silent, store],
          [elsewhere, other],
        ] as Array<[TestMember, TestStore]>) {
          await pos(t, at)
            .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 5000 }]))
            .expect(201);
        }
        const invited = await until('the invitation', async () => {
          const rows = await invitationsOf(buyer.memberId);
          return rows.length > 0 ? rows : null;
        });
        expect(invited).toEqual([
          expect.objectContaining({
            survey_id: s.surveyId,
            status: 'open',
            store_id: store.storeId,
            source: 'purchase',
            open_member_id: buyer.memberId,
          }),
        ]);
        const token = await tokenOf(buyer.memberId, s.surveyId);
        expect(token.startsWith(invited[0].id as string)).toBe(true);
        // A second purchase: the member is within the cooldown and has an open invitation: nothing new.
        await pos(t, store)
          .purchase(purchaseBody({ cardNo: buyer.cardNo }, [{ amountCents: 3000 }]))
          .expect(201);
        await new Promise((r) => setTimeout(r, 1500));
        expect(await invitationsOf(buyer.memberId)).toHaveLength(1);
        expect(await invitationsOf(silent.memberId)).toEqual([]);
        expect(await invitationsOf(elsewhere.memberId)).toEqual([]);
      } finally {
        await as('marketer').post(`surveys/${s.surveyId}/status`, { status: 'closed' }).expect(200);
      }
    });

    it('the link shows the survey and takes the answers once: bad answers are 400 and write nothing, a second submission is 409', async () => {
      const s = await activeSurvey({ afterPurchase: true, samplePercent: 100, storeIds: [store.storeId] });
      try {
        const m = await createMember(t, { consents: { sms: true } });
        await pos(t, store)
          .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 5000 }]))
          .expect(201);
        await until('the invitation', async () => ((await invitationsOf(m.memberId)).length > 0 ? true : null));
        const token = await tokenOf(m.memberId, s.surveyId);
        const shown = (await link.get(token).expect(200)).body;
        expect(shown).toMatchObject({ surveyId: s.surveyId, titleZh: '门店满意度' });
        const q = shown.questions.map((x: { questionId: string }) => x.questionId);
        const good: Answer[] = [
          { questionId: q[0], score: 5 },
          { questionId: q[1], score: 4 },
          { questionId: q[2], score: 3 },
          { questionId: q[3], score: 9 },
          { questionId: q[4], text: '很好' },
        ];
        const before = await count('survey_answers');
        const bad = await link.answer(token, [{ ...good[0], score: 6 }, ...good.slice(1)]).expect(400);
        expect(bad.body.details[0]).toMatchObject({ field: 'answers[0].score', message: 'a score from 1 to 5' });
        const missing = await link.answer(token, good.slice(1)).expect(400);
        expect(missing.body.details[0].message).toContain('Staff service');
        expect(await count('survey_answers')).toBe(before);
        expect((await link.answer(token, good).expect(201)).body.answers).toBe(5);
        const again = await link.answer(token, good).expect(409);
        expect(again.body.code).toBe('SURVEY_ALREADY_ANSWERED');
        expect((await link.get(token).expect(409)).body.code).toBe('SURVEY_ALREADY_ANSWERED');
        expect(await count('survey_answers')).toBe(before + 5);
        const [inv] = await invitationsOf(m.memberId);
        expect(inv).toMatchObject({ status: 'answered', open_member_id: null });
        const forged = `${token.slice(0, 37)}${'A'.repeat(22)}`;
        expect((await link.get(forged).expect(422)).body.code).toBe('SURVEY_INVITATION_INVALID');
        expect((await link.get('not-a-token').expect(422)).body.code).toBe('SURVEY_INVITATION_INVALID');
      } finally {
        await as('marketer').post(`surveys/${s.surveyId}/status`, { status: 'closed' }).expect(200);
      }
    });

    it('an expired link is refused with 422 and writes nothing', async () => {
      const s = await activeSurvey({ afterPurchase: true, samplePercent: 100, storeIds: [store.storeId] });
      try {
        const m = await createMember(t, { consents: { sms: true } });
        await pos(t, store)
          .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 5000 }]))
          .expect(201);
        await until('the invitation', async () => ((await invitationsOf(m.memberId)).length > 0 ? true : null));
        const token = await tokenOf(m.memberId, s.surveyId);
        await t.db.query('UPDATE survey_invitations SET expires_at = ? WHERE member_id = ?', [new Date(Date.now() - 1000), m.memberId]);
        const res = await link.answer(token, [{ questionId: s.questions[0].questionId, score: 5 }]).expect(422);
        expect(res.body.details[0].reason).toBe('expired');
      } finally {
        await as('marketer').post(`surveys/${s.surveyId}/status`, { status: 'closed' }).expect(200);
      }
    });
  });

  describe('campaign invitations and the figures', () => {
    it('a campaign invites a club; the index and promoter score match figures computed here from the answers, overall, by tier, club and month', async () => {
      const s = await activeSurvey();
      const q = s.questions.map((x) => x.questionId);
      const members: TestMember[] = [];
      for (let i = 0; i < 6; i++) {
        members.push(await createMember(t, { consents: { sms: true } }));
      }
      const noConsent = await createMember(t);
      const clubId = await createClubWith(
        t.db,
        [...members, noConsent].map((m) => m.memberId),
      );
      const created = await as('admin')
        .post('campaigns', {
          name: uniq('Survey invitations'),
          audience: { include: [{ type: 'club', clubIds: [clubId] }] },
          actions: [{ type: 'surveyInvitation', surveyId: s.surveyId, channel: 'sms' }],
          schedule: { kind: 'now' },
        })
        .expect(201);
      const campaignId = created.body.campaignId as string;
      await as('admin').post(`campaigns/${campaignId}/launch`).expect(200);
      await until('the campaign', async () => {
        const r = (await as('admin').get(`campaigns/${campaignId}/results`).expect(200)).body;
        return r.state === 'completed' ? r : null;
      });
      const invitations = await t.db.query('SELECT member_id, source, source_ref FROM survey_invitations WHERE survey_id = ?', [
        s.surveyId,
      ]);
      expect(invitations.map((r: { member_id: string }) => r.member_id).sort()).toEqual(members.map((m) => m.memberId).sort());
      expect(
        invitations.every((r: { source: string; source_ref: string }) => r.source === 'campaign' && r.source_ref.startsWith(campaignId)),
      ).toBe(true);

      // Five of the six answer: [staff, freshness, prices, recommend].
      const given = [
        [5, 4, 3, 10],
        [4, 4, 2, 9],
        [3, 5, 1, 7],
        [2, 3, 2, 6],
        [5, 5, 5, 0],
      ];
      for (const [i, scores] of given.entries()) {
        const token = await tokenOf(members[i].memberId, s.surveyId);
        await link
          .answer(token, [
            ...scores.map((score, j) => ({ questionId: q[j], score })),
            { questionId: q[4], text: i === 0 ? `张三 says: call me on 13812345678, the staff were great` : 'fine' },
          ])
          .expect(201);
      }
      // Computed here, by hand from the answers: each dimension's mean scaled (mean − 1) / 4 × 100, weighted 3 : 2 : 1.
      const mean = (j: number) => given.reduce((sum, g) => sum + g[j], 0) / given.length;
      const scaled = [0, 1, 2].map((j) => ((mean(j) - 1) / 4) * 100);
      const index = Math.round(((scaled[0] * 3 + scaled[1] * 2 + scaled[2] * 1) / 6) * 10) / 10;
      const promoters = given.filter((g) => g[3] >= 9).length;
      const detractors = given.filter((g) => g[3] <= 6).length;
      const nps = Math.round(((promoters - detractors) / given.length) * 1000) / 10;
      // Staff 3.8 → 70, freshness 4.2 → 80, prices 2.6 → 40: (210 + 160 + 40) / 6 = 68.3; 2 promoters, 2 detractors of 5 → 0.
      expect([index, nps]).toEqual([68.3, 0]);

      const results = (await as('analyst').get(`surveys/${s.surveyId}/results`).expect(200)).body;
      expect(results).toMatchObject({ index, promoterScore: nps, promoters, detractors, invited: 6, responses: 5, responseRate: 83.3 });
      const staff = results.questions[0];
      expect(staff.distribution).toEqual([
        { score: 1, count: 0 },
        { score: 2, count: 1 },
        { score: 3, count: 1 },
        { score: 4, count: 1 },
        { score: 5, count: 2 },
      ]);
      expect(staff).toMatchObject({ answers: 5, mean: 3.8, scaled: 70 });
      expect(results.questions[3].distribution).toHaveLength(11);
      expect(results.questions[4]).toMatchObject({ kind: 'text', answers: 5 });

      const byClub = (await as('analyst').get(`surveys/${s.surveyId}/results?by=club`).expect(200)).body.rows;
      expect(byClub).toEqual([expect.objectContaining({ key: clubId, index, promoterScore: nps, invited: 6, responses: 5 })]);
      const byTier = (await as('analyst').get(`surveys/${s.surveyId}/results?by=tier`).expect(200)).body.rows;
      expect(byTier).toHaveLength(1);
      expect(byTier[0]).toMatchObject({ index, invited: 6, responses: 5 });
      expect(byTier[0].name).toContain(' / ');
      const byMonth = (await as('analyst').get(`surveys/${s.surveyId}/results?by=month`).expect(200)).body.rows;
      expect(byMonth.map((r: { key: string }) => r.key)).toEqual([
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()),
      ]);

      const masked = (
        await as('analyst')
          .get(`surveys/${s.surveyId}/answers?q=${encodeURIComponent('staff were')}`)
          .expect(200)
      ).body.items;
      expect(masked.map((a: { text: string }) => a.text)).toEqual(['张* says: call me on *********78, the staff were great']);
      const clear = (
        await as('admin')
          .get(`surveys/${s.surveyId}/answers?q=${encodeURIComponent('staff were')}`)
          .expect(200)
      ).body.items;
      expect(clear[0].text).toBe('张三 says: call me on 13812345678, the staff were great');
    });
  });

  describe('reminders', () => {
    it('reminds each open invitation once (same link, through the outbox); answered ones and a second ask remind nobody', async () => {
      const s = await activeSurvey();
      const [open, done] = [await createMember(t, { consents: { sms: true } }), await createMember(t, { consents: { sms: true } })];
      const survey = await t.app.get(SurveysRepository).survey(s.surveyId);
      for (const m of [open, done]) {
        await t.app
          .get(SurveyInviter)
          .inviteTargets(survey!, [{ memberId: m.memberId, source: 'campaign', sourceRef: uniq('remind'), storeId: null }], new Date());
      }
      const token = await tokenOf(done.memberId, s.surveyId);
      await link.answer(token, [...s.questions.slice(0, 4).map((q) => ({ questionId: q.questionId, score: 5 }))]).expect(201);
      const first = await as('marketer').post(`surveys/${s.surveyId}/reminders`, { olderThanHours: 0 }).expect(200);
      expect(first.body).toEqual({ reminded: 1 });
      const [inv] = await invitationsOf(open.memberId);
      const reminders = await t.db.query('SELECT member_id, body FROM outbox_messages WHERE source = ?', [`survey-reminder:${inv.id}`]);
      expect(reminders).toHaveLength(1);
      expect(reminders[0].body).toContain(`/m/survey/${inv.id}.`);
      expect((await as('marketer').post(`surveys/${s.surveyId}/reminders`, { olderThanHours: 0 }).expect(200)).body).toEqual({
        reminded: 0,
      });
      expect((await as('marketer').post(`surveys/${s.surveyId}/reminders`, {}).expect(200)).body).toEqual({ reminded: 0 });
      await as('marketer').post(`surveys/${s.surveyId}/status`, { status: 'closed' }).expect(200);
      expect((await as('marketer').post(`surveys/${s.surveyId}/reminders`, { olderThanHours: 0 }).expect(409)).body.code).toBe(
        'SURVEY_NOT_EDITABLE',
      );
    });
  });

  describe('satisfaction beside loyalty', () => {
    it('puts each store’s respondents in bands by their own answers beside their repeat-purchase rate and churn', async () => {
      const created = await as('marketer')
        .post('surveys', {
          titleZh: '忠诚度',
          titleEn: 'Loyalty',
          questions: [
            { kind: 'rating', textZh: '服务', textEn: 'Service', weight: 1 },
            { kind: 'recommend', textZh: '推荐', textEn: 'Recommend' },
          ],
        })
        .expect(201);
      const id = created.body.surveyId as string;
      const q = (created.body.questions as Array<{ questionId: string }>).map((x) => x.questionId);
      await as('marketer').post(`surveys/${id}/status`, { status: 'active' }).expect(200);
      const shop = await createStore(t);
      const sms = { consents: { sms: true } };
      const [happy, neutral, unhappy] = [await createMember(t, sms), await createMember(t, sms), await createMember(t, sms)];
      const buy = async (m: TestMember) => {
        const body = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 2000 }]);
        await pos(t, shop).purchase(body).expect(201);
        return body.receiptNo;
      };
      await buy(happy);
      await buy(happy); // bought again
      await buy(neutral);
      const old = await buy(unhappy);
      await t.db.query('UPDATE purchases SET occurred_at = ? WHERE store_id = ? AND receipt_no = ?', [
        new Date(Date.now() - 100 * 86400_000),
        shop.storeId,
        old,
      ]); // nothing for 100 days: churned
      const survey = await t.app.get(SurveysRepository).survey(id);
      // 5 → 100 (high), 4 → 75 (medium), 1 → 0 (low), whatever they said about recommending.
      for (const [m, score] of [
        [happy, 5],
        [neutral, 4],
        [unhappy, 1],
      ] as Array<[TestMember, number]>) {
        await t.app
          .get(SurveyInviter)
          .inviteTargets(
            survey!,
            [{ memberId: m.memberId, source: 'campaign', sourceRef: uniq('loyal'), storeId: shop.storeId }],
            new Date(),
          );
        const [inv] = await t.db.query('SELECT id FROM survey_invitations WHERE member_id = ? AND survey_id = ?', [m.memberId, id]);
        const token = /\/survey\/(\S+)$/.exec(t.app.get(SurveyInviter).link(inv.id as string))![1];
        await link
          .answer(token, [
            { questionId: q[0], score },
            { questionId: q[1], score: 10 },
          ])
          .expect(201);
      }
      const from = new Date(Date.now() - 200 * 86400_000).toISOString();
      const to = new Date(Date.now() + 60_000).toISOString();
      const report = (
        await as('analyst')
          .get(`surveys/${id}/loyalty?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
          .expect(200)
      ).body;
      expect(report.rows.map((r: Record<string, unknown>) => [r.storeId, r.band, r.members, r.repeatRate, r.churnRate])).toEqual([
        [shop.storeId, 'high', 1, 100, 0],
        [shop.storeId, 'medium', 1, 0, 0],
        [shop.storeId, 'low', 1, 0, 100],
      ]);
      expect(report.rows[0].storeName).toBe(`Store ${shop.code}`);
      await as('marketer').post(`surveys/${id}/status`, { status: 'closed' }).expect(200);
    });
  });
});
