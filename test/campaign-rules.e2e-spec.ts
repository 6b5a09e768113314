import { createClubWith } from './support/campaign-fixtures';
import { createMember, createStore, loginAdmin } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** Campaign actions as a typed list, and the rules in words from the server (POST campaigns/rules/explain). */
describe('campaign rules (actions list, explanations)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await loginAdmin(t);
  });

  afterAll(() => t.close());

  const post = (path: string, body: object) =>
    t.http.post(`/api/v1/admin/campaigns${path}`).set('Authorization', `Bearer ${token}`).send(body);
  const count = async () => Number((await t.db.query('SELECT COUNT(*) AS n FROM campaigns'))[0].n);
  const base = { name: 'List', audience: { include: [{ type: 'all' }] }, schedule: { kind: 'now' } };

  it('an actions list is stored as the grant and message fields are, in the fan-out order, with its action types', async () => {
    const created = await post('', {
      ...base,
      actions: [
        { type: 'message', channel: 'sms', template: 'hello' },
        { type: 'grant', points: 5, reason: 'Gift' },
      ],
    }).expect(201);
    expect(created.body.actions).toEqual({ grant: { points: 5, reason: 'Gift' }, message: { channel: 'sms', template: 'hello' } });
    const [row] = await t.db.query('SELECT actions FROM campaigns WHERE id = ?', [created.body.campaignId]);
    expect(row.actions).toBe('{"grant":{"points":5,"reason":"Gift"},"message":{"channel":"sms","template":"hello"}}');
    const types = await t.db.query('SELECT type FROM campaign_action_types WHERE campaign_id = ? ORDER BY type', [created.body.campaignId]);
    expect(types.map((r: { type: string }) => r.type)).toEqual(['grant', 'message']);

    // A change with a list replaces all the actions (and their types).
    const changed = await t.http
      .patch(`/api/v1/admin/campaigns/${created.body.campaignId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        actions: [
          {
            type: 'bonusRule',
            kind: 'base_multiplier',
            multiplierPermille: 2000,
            startsAt: '2026-06-01T00:00:00+08:00',
            endsAt: '2026-06-08T00:00:00+08:00',
          },
        ],
      })
      .expect(200);
    expect(Object.keys(changed.body.actions)).toEqual(['bonusRule']);
    const after = await t.db.query('SELECT type FROM campaign_action_types WHERE campaign_id = ?', [created.body.campaignId]);
    expect(after).toEqual([{ type: 'bonusRule' }]);
  });

  it.each([
    ['an unknown type', [{ type: 'coupon', code: 'X' }], 'actions[0]'],
    ['a bad field of a known type', [{ type: 'grant', points: 0, reason: 'x' }], 'actions[0].points'],
    [
      'a type twice',
      [
        { type: 'grant', points: 1, reason: 'x' },
        { type: 'grant', points: 2, reason: 'y' },
      ],
      'actions[1].type',
    ],
    [
      'a rule without its fields',
      [{ type: 'bonusRule', kind: 'fixed_bonus', points: 5, startsAt: '2026-06-01T00:00:00Z', endsAt: '2026-06-02T00:00:00Z' }],
      'actions[0]',
    ],
  ])('%s is 400 VALIDATION_FAILED naming the field and writes nothing', async (_name, actions, field) => {
    const before = await count();
    const res = await post('', { ...base, actions }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details[0].field.startsWith(field)).toBe(true);
    expect(await count()).toBe(before);
  });

  it('explains actions and an audience in zh-CN and English, and for a member part by part', async () => {
    const member = await createMember(t);
    const res = await post('/rules/explain', {
      actions: [{ type: 'grant', points: 200, reason: 'Birthday gift' }],
      audience: { include: [{ type: 'tier', codes: ['STANDARD'] }], exclude: [{ type: 'noPurchaseDays', days: 180 }] },
      memberId: member.memberId,
    }).expect(200);
    expect(res.body.actions).toEqual([
      { type: 'grant', description: { 'zh-CN': '赠送 200 积分（Birthday gift）', en: 'grant 200 points (Birthday gift)' } },
    ]);
    expect(res.body.audience.description).toEqual({
      'zh-CN': '等级为 STANDARD；排除：180 天内无消费',
      en: 'tier STANDARD; except: no purchase in the last 180 days',
    });
    // A new member has no purchase: in the tier, and excluded as lapsed.
    expect(res.body.audience.include[0]).toMatchObject({ matches: true, member: { en: 'tier is STANDARD' } });
    expect(res.body.audience.exclude[0]).toMatchObject({ matches: true, member: { en: 'never bought' } });
    expect(res.body.audience.inAudience).toBe(false);

    const bad = await post('/rules/explain', { audience: { include: [{ type: 'club', clubIds: ['nope'] }] } }).expect(400);
    expect(bad.body.details).toEqual([{ field: 'audience.include[0].clubIds', message: 'each value must be a uuid' }]);
    const unknown = await post('/rules/explain', {
      audience: { include: [{ type: 'all' }] },
      memberId: '01a212aa-8b99-749f-88e9-001ff70d99ce',
    }).expect(404);
    expect(unknown.body.code).toBe('MEMBER_NOT_FOUND');
  });

  it('names clubs and stores by their codes (an unknown id stays an id)', async () => {
    const clubId = await createClubWith(t.db, []);
    const [club] = await t.db.query<Array<{ code: string }>>('SELECT code FROM clubs WHERE id = ?', [clubId]);
    const store = await createStore(t);
    const unknown = '01a212aa-8b99-749f-88e9-00000000beef';
    const res = await post('/rules/explain', {
      audience: {
        include: [{ type: 'club', clubIds: [clubId, unknown] }],
        exclude: [{ type: 'store', storeIds: [store.storeId] }],
      },
    }).expect(200);
    expect(res.body.audience.include[0].description).toEqual({
      'zh-CN': `俱乐部成员（${club.code}, ${unknown}）`,
      en: `active members of club ${club.code}, ${unknown}`,
    });
    expect(res.body.audience.exclude[0].description.en).toBe(`preferred store ${store.code}`);
    expect(res.body.audience.description.en).toBe(`active members of club ${club.code}, ${unknown}; except: preferred store ${store.code}`);
  });

  it('with estimate, counts the members in the audience now (exclusions and the message channel consent applied); saves nothing', async () => {
    const ids = [];
    for (const consents of [{ sms: true }, { sms: true }, {}]) {
      ids.push((await createMember(t, { consents })).memberId);
    }
    const clubId = await createClubWith(t.db, ids);
    const other = await createClubWith(t.db, [ids[0]]);
    const [before] = await t.db.query('SELECT COUNT(*) AS n FROM campaigns');
    const audience = { include: [{ type: 'club', clubIds: [clubId] }] };
    const size = async (body: object) =>
      (await post('/rules/explain', { ...body, estimate: true }).expect(200)).body.audience.size as number;
    expect(await size({ audience })).toBe(3);
    // No action is needed to count (the wizard asks before the marketer has chosen one).
    expect(await size({ audience, actions: [] })).toBe(3);
    expect(await size({ audience: { ...audience, exclude: [{ type: 'club', clubIds: [other] }] } })).toBe(2);
    // A message needs the channel's consent: the member without it is not counted.
    expect(await size({ audience, actions: [{ type: 'message', channel: 'sms', template: 'any-template' }] })).toBe(2);
    // Without estimate: no size.
    expect((await post('/rules/explain', { audience }).expect(200)).body.audience.size).toBeUndefined();
    const [after] = await t.db.query('SELECT COUNT(*) AS n FROM campaigns');
    expect(after.n).toEqual(before.n);
  });
});
