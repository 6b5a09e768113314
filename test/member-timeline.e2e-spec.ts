import { newId } from '../src/common/ids';
import { MemberTokensService } from '../src/modules/portal/auth/member-tokens.service';
import { SurveyInviter } from '../src/modules/surveys/survey-inviter';
import { SurveysRepository } from '../src/modules/surveys/surveys.repository';
import { createClubWith } from './support/campaign-fixtures';
import { createMember, createStore, loginAdmin, pos, purchaseBody, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** The member's one timeline in the console archive: every kind of interaction, newest first, paged without gaps or repeats. */
describe('member timeline (admin)', () => {
  let t: TestApp;
  let admin: string;
  let analyst: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    const email = `${uniq('analyst')}@example.com`.toLowerCase();
    await t.http
      .post('/api/v1/admin/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email, password: 'a long enough password', role: 'analyst' })
      .expect(201);
    analyst = (await t.http.post('/api/v1/admin/auth/login').send({ email, password: 'a long enough password' }).expect(200)).body
      .accessToken as string;
  });

  afterAll(async () => {
    await t.close();
  });

  const as = (token: string) => ({
    post: (path: string, body: object = {}) => t.http.post(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${token}`).send(body),
    get: (path: string) => t.http.get(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${token}`),
  });
  const pause = () => new Promise((r) => setTimeout(r, 5));

  it('shows purchases, refunds, redemptions, exchanges, messages, survey answers, complaint steps, tier and club changes and notes, newest first, in pages', async () => {
    const store = await createStore(t);
    const m = await createMember(t, { name: '王芳', consents: { sms: true } });
    const till = pos(t, store);
    const receipt = purchaseBody({ cardNo: m.cardNo }, [{ sku: 'A', amountCents: 100_000 }]);
    await till.purchase(receipt).expect(201);
    await pause();
    await till
      .refund({ refundNo: uniq('F'), receiptNo: receipt.receiptNo, lines: [{ sku: 'A', quantity: 1, amountCents: 10_000 }] })
      .expect(201);
    await pause();
    await till.redeem({ redemptionNo: uniq('D'), member: { cardNo: m.cardNo }, points: 100 }).expect(201);
    await pause();
    const reward = await as(admin)
      .post('rewards', { nameZh: '咖啡券', nameEn: 'Coffee coupon', kind: 'gift', giftSku: 'COFFEE', validDays: 30, pointsPrice: 50 })
      .expect(201);
    const memberToken = (await t.app.get(MemberTokensService).issue(m.memberId)).accessToken;
    await t.http
      .post(`/api/v1/portal/rewards/${reward.body.rewardId}/exchange`)
      .set('Authorization', `Bearer ${memberToken}`)
      .send({ idempotencyKey: newId() })
      .expect(201);
    await pause();
    const complaint = await as(admin)
      .post('complaints', { memberId: m.memberId, category: 'service', description: 'Slow till', severity: 'normal' })
      .expect(201);
    await pause();
    await as(admin).post(`complaints/${complaint.body.complaintId}/apology`, {}).expect(200);
    await pause();
    const ladder = (await as(admin).get('tiers').expect(200)).body.tiers as Array<{ code: string }>;
    await as(admin)
      .post(`members/${m.memberId}/tier-grants`, {
        tierCode: ladder[ladder.length - 1].code,
        endsAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
        reason: 'Service recovery',
      })
      .expect(201);
    await pause();
    const clubId = await createClubWith(t.db, []);
    await t.http.post(`/api/v1/admin/clubs/${clubId}/members/${m.memberId}`).set('Authorization', `Bearer ${admin}`).expect(200);
    await pause();
    await as(admin).post(`members/${m.memberId}/notes`, { text: '王芳 prefers calls after 6 pm on 13512345678' }).expect(201);
    await pause();
    // A survey answered through its link.
    const survey = await as(admin)
      .post('surveys', {
        titleZh: '满意度',
        titleEn: 'Satisfaction',
        questions: [{ kind: 'recommend', textZh: '推荐', textEn: 'Recommend' }],
      })
      .expect(201);
    await as(admin).post(`surveys/${survey.body.surveyId}/status`, { status: 'active' }).expect(200);
    const active = await t.app.get(SurveysRepository).survey(survey.body.surveyId);
    await t.app
      .get(SurveyInviter)
      .inviteTargets(active!, [{ memberId: m.memberId, source: 'campaign', sourceRef: 'timeline-test', storeId: null }], new Date());
    const [inv] = await t.db.query('SELECT id FROM survey_invitations WHERE member_id = ?', [m.memberId]);
    const token = /\/survey\/(\S+)$/.exec(t.app.get(SurveyInviter).link(inv.id as string))![1];
    await t.http
      .post(`/api/v1/portal/surveys/${token}/answers`)
      .send({ answers: [{ questionId: survey.body.questions[0].questionId, score: 9 }] })
      .expect(201);
    await as(admin).post(`surveys/${survey.body.surveyId}/status`, { status: 'closed' }).expect(200);

    // Page through three at a time.
    const seen: Array<{ kind: string; at: string; refId: string; label: string | null; detail: string | null; points: number | null }> = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const path = `members/${m.memberId}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await as(admin).get(path).expect(200)).body as { items: typeof seen; nextCursor: string | null };
      seen.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) {
        break;
      }
    }
    expect(new Set(seen.map((s) => `${s.kind}:${s.refId}`)).size).toBe(seen.length);
    const times = seen.map((s) => new Date(s.at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const kinds = new Set(seen.map((s) => s.kind));
    expect([...kinds].sort()).toEqual([
      'club',
      'complaint',
      'exchange',
      'message',
      'note',
      'purchase',
      'redemption',
      'refund',
      'survey',
      'tier',
    ]);
    expect(seen[0]).toMatchObject({ kind: 'survey', label: '满意度 / Satisfaction' });
    expect(seen.find((s) => s.kind === 'purchase')).toMatchObject({ label: receipt.receiptNo, points: 1000 });
    expect(seen.find((s) => s.kind === 'refund')).toMatchObject({ points: -100, detail: receipt.receiptNo });
    expect(seen.find((s) => s.kind === 'exchange')).toMatchObject({ label: '咖啡券 / Coffee coupon', points: -50 });
    expect(seen.filter((s) => s.kind === 'complaint').map((s) => s.detail)).toEqual(['apology', 'raised open']);
    expect(seen.filter((s) => s.kind === 'message').map((s) => s.label)).toEqual(
      expect.arrayContaining(['complaint.apology', 'survey.invitation']),
    );
    expect(seen.find((s) => s.kind === 'note')?.detail).toBe('王芳 prefers calls after 6 pm on 13512345678');

    const masked = (await as(analyst).get(`members/${m.memberId}/timeline?kinds=note,tier`).expect(200)).body.items;
    // Two tier moves: the tier given at registration, then the grant.
    expect(masked.map((s: { kind: string }) => s.kind)).toEqual(['note', 'tier', 'tier']);
    expect(masked[1].detail).toBe('manual');
    expect(masked[1].label).toContain(' → ');
    expect(masked[0].detail).toBe('王* prefers calls after 6 pm on *********78');
    expect((await as(admin).get(`members/${m.memberId}/timeline?kinds=weather`).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await as(admin).get(`members/${newId()}/timeline`).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
  });
});
