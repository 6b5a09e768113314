import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { newId } from '../src/common/ids';
import { WorkerModule } from '../src/worker.module';
import { campaignLedger, createClubWith } from './support/campaign-fixtures';
import { createMember, ledgerInvariants, loginAdmin, TestMember } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { scoreMembers } from './support/rfm-scores';

/**
 * RFM segments as a campaign audience (issue 18): members whose last value run scored them into a segment's cells
 * are exactly the ones counted by the estimate and reached by the campaign.
 */
describe('campaigns to an RFM segment', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let token: string;
  const scored: Record<string, TestMember[]> = {};
  let unscored: TestMember;
  /** A club of this file's 8 members: other suites of the run score members too, so each audience is also "in this club". */
  let mine: { type: 'club'; clubIds: string[] };

  beforeAll(async () => {
    t = await startTestApp();
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.register()] }).compile();
    worker = moduleRef.createNestApplication({ logger: false });
    await worker.init();
    token = await loginAdmin(t);
    const runId = newId();
    // r, f as the value run writes them to member_values: champions are R5 F4–5, loyal R3–4 F4–5, hibernating R1–2 F1–2.
    const cells: Record<string, Array<[number | null, number | null]>> = {
      champions: [
        [5, 4],
        [5, 5],
        [5, 5],
      ],
      loyal: [
        [4, 4],
        [3, 5],
      ],
      hibernating: [[1, 1]],
      // Graded before RFM existed (no scores): in no segment.
      none: [[null, null]],
    };
    for (const [segment, list] of Object.entries(cells)) {
      scored[segment] = [];
      for (const [r, f] of list) {
        const m = await createMember(t);
        scored[segment].push(m);
        await scoreMembers(t.db, runId, [[m.memberId, r, f]]);
      }
    }
    unscored = await createMember(t);
    const everyone = [...Object.values(scored).flat(), unscored].map((m) => m.memberId);
    mine = { type: 'club', clubIds: [await createClubWith(t.db, everyone)] };
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const post = (path: string, body?: object) =>
    t.http.post(`/api/v1/admin/campaigns${path}`).set('Authorization', `Bearer ${token}`).send(body);
  const get = (path: string) => t.http.get(`/api/v1/admin/campaigns${path}`).set('Authorization', `Bearer ${token}`);
  /** The estimate of an audience, among this file's members (the club AND the parts). */
  const size = async (audience: { include: object[]; exclude?: object[] }) =>
    (
      await post('/rules/explain', {
        audience: { ...audience, include: [mine, ...audience.include], requireAll: true },
        estimate: true,
      }).expect(200)
    ).body.audience;

  it('the estimate counts the members of the segments, names them in both languages, and leaves out excluded segments', async () => {
    const champions = await size({ include: [{ type: 'rfmSegment', segments: ['champions'] }] });
    expect(champions.size).toBe(3);
    expect(champions.include[1].description).toEqual({ 'zh-CN': 'RFM 分群为 重要价值会员', en: 'RFM segment Champions' });
    const both = await size({ include: [{ type: 'rfmSegment', segments: ['loyal', 'champions'] }] });
    expect(both.size).toBe(5);
    expect(both.include[1].description.en).toBe('RFM segment Champions, Loyal');
    const all = await size({ include: [], exclude: [{ type: 'rfmSegment', segments: ['champions', 'hibernating'] }] });
    // Everyone (the 7 with a value row, scored or not, and the member without one) but the 3 champions and the hibernating one.
    expect(all.size).toBe(8 - 4);
    expect(all.exclude[0].description['zh-CN']).toBe('RFM 分群为 重要价值会员、沉睡会员');

    // Why a member is in or out: their cell and its segment.
    const why = await post('/rules/explain', {
      audience: { include: [{ type: 'rfmSegment', segments: ['champions'] }] },
      memberId: scored.loyal[1].memberId,
    }).expect(200);
    expect(why.body.audience.inAudience).toBe(false);
    expect(JSON.stringify(why.body.audience)).toContain('R3 F5 (Loyal)');

    const bad = await post('/rules/explain', { audience: { include: [{ type: 'rfmSegment', segments: ['vip'] }] } }).expect(400);
    expect(bad.body.details).toEqual([
      {
        field: 'audience.include[0].segments',
        message:
          'each value must be one of champions, loyal, potential, new, promising, attention, aboutToSleep, cantLose, atRisk, hibernating',
      },
    ]);
  });

  it('a campaign to one segment grants points to exactly its members, checked against the ledger', async () => {
    const created = await post('', {
      name: 'Champions thank-you',
      audience: { include: [mine, { type: 'rfmSegment', segments: ['champions'] }], requireAll: true },
      actions: [{ type: 'grant', points: 70, reason: 'Thank you' }],
      schedule: { kind: 'now' },
      holdoutPermille: 0,
    }).expect(201);
    const id = created.body.campaignId as string;
    expect((await post(`/${id}/preview`).expect(200)).body).toMatchObject({ size: 3, targeted: 3, estimatedPoints: 210 });
    await post(`/${id}/launch`).expect(200);
    let state = '';
    for (let i = 0; i < 300 && state !== 'completed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = (await get(`/${id}/results`).expect(200)).body.state as string;
    }
    expect(state).toBe('completed');
    expect(await campaignLedger(t.db, id)).toEqual({ entries: 3, points: 210, members: 3 });
    for (const [segment, list] of Object.entries(scored)) {
      for (const m of list) {
        expect({ segment, balance: (await ledgerInvariants(t.db, m.memberId)).balance }).toEqual({
          segment,
          balance: segment === 'champions' ? 70 : 0,
        });
      }
    }
    expect((await ledgerInvariants(t.db, unscored.memberId)).balance).toBe(0);
  });
});
