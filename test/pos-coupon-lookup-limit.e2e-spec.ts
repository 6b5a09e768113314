import { MemberTokensService } from '../src/modules/portal/auth/member-tokens.service';
import { newId } from '../src/common/ids';
import { createStore, loginAdmin, memberWithPoints, pos, TestStore } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** GET /api/v1/pos/coupons/{code} is limited per store (all its keys) on top of the key's limit: against guessing codes. */
describe('POS coupon look-ups: a limit per store against code guessing', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_POS_COUPON_LOOKUPS_PER_MINUTE: '3' });
    admin = await loginAdmin(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const lookUp = (key: string, code: string) => t.http.get(`/api/v1/pos/coupons/${code}`).set('Authorization', `Bearer ${key}`);

  async function couponOf(store: TestStore): Promise<string> {
    const reward = await t.http
      .post('/api/v1/admin/rewards')
      .set('Authorization', `Bearer ${admin}`)
      .send({ nameZh: '满50减10', nameEn: '¥10 off ¥50', kind: 'amount_off', valueCents: 1000, validDays: 30, pointsPrice: 100 })
      .expect(201);
    const m = await memberWithPoints(t, store, 500);
    const token = (await t.app.get(MemberTokensService).issue(m.memberId)).accessToken;
    const exchanged = await t.http
      .post(`/api/v1/portal/rewards/${reward.body.rewardId}/exchange`)
      .set('Authorization', `Bearer ${token}`)
      .send({ idempotencyKey: newId() })
      .expect(201);
    return exchanged.body.coupon.code as string;
  }

  it('counts every look-up of the store, whichever of its keys asks; past the limit 429 RATE_LIMITED with Retry-After; other stores and other routes go on', async () => {
    const store = await createStore(t);
    const other = await createStore(t);
    const code = await couponOf(store);
    const secondKey = (
      await t.http.post(`/api/v1/admin/stores/${store.storeId}/api-keys`).set('Authorization', `Bearer ${admin}`).expect(201)
    ).body.key as string;

    const found = await lookUp(store.key, code).expect(200);
    expect(found.body).toMatchObject({ code, usable: true });
    // The key's own POS limit stays in the headers (the default 6000), not the look-up limit.
    expect(found.headers['x-ratelimit-limit']).toBe('6000');
    await lookUp(store.key, 'ZZZZZZZZZZZZZZZZ').expect(404);
    await lookUp(secondKey, 'YYYYYYYYYYYYYYYY').expect(404);

    const limited = await lookUp(secondKey, code).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await lookUp(store.key, 'XXXXXXXXXXXXXXXX').expect(429);

    // Another store's look-ups have their own count; the limited store's other POS routes are not limited by it.
    await lookUp(other.key, code).expect(200);
    await pos(t, store).issueCard().expect(201);
  });
});
