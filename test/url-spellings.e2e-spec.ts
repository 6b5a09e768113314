import request from 'supertest';
import { createMember, createStore, purchaseBody, writeCounts } from './support/factories';
import { useIsolatedPrefix } from './support/isolated-prefix';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The same route spelled differently: upper case, doubled slashes, a trailing dot or slash, %-encoded letters and
 * slashes, dot segments. Each spelling must either reach the route and be counted in the route's own limit, or reach
 * no route (404); every answer is no-store.
 */
function oddSpellings(path: string): string[] {
  const segments = path.split('/').filter(Boolean); // e.g. api, v1, portal, auth, login
  const last = segments.length - 1;
  const encodeFirst = (s: string) => `%${s.charCodeAt(0).toString(16).toUpperCase()}${s.slice(1)}`;
  const join = (parts: string[]) => `/${parts.join('/')}`;
  return [
    path.toUpperCase(),
    join(segments.map((s, i) => (i === 2 ? s.toUpperCase() : s))),
    join(segments.map((s, i) => (i === last ? s[0].toUpperCase() + s.slice(1) : s))),
    `/${path}`,
    path.replace('/v1/', '/v1//'),
    `${path}//`,
    `${path}/`,
    `${path}.`,
    `${path}./`,
    join(segments.map((s, i) => (i === 2 ? `${s}.` : s))),
    join(segments.map((s, i) => (i === 2 ? encodeFirst(s) : s))),
    join(segments.map((s, i) => (i === last ? encodeFirst(s) : s))),
    join(segments.map((s, i) => (i === last ? encodeFirst(s).toLowerCase() : s))),
    `/${segments.slice(0, last).join('/')}%2F${segments[last]}`,
    `/${segments.slice(0, last).join('/')}%2f${segments[last]}`,
    join([...segments.slice(0, last), '.', segments[last]]),
    join([...segments.slice(0, last), 'x', '..', segments[last]]),
    `${path}%20`,
    `${path};x`,
  ];
}

/** A raw request line: supertest would otherwise resolve dot segments and doubled slashes before sending. */
function raw(t: TestApp, method: 'post' | 'get', path: string) {
  return request(t.app.getHttpServer())[method](path);
}

describe('odd spellings of limited routes', () => {
  const prefix = useIsolatedPrefix('spellings');

  /**
   * Uses up the limit on the canonical path, then sends every odd spelling: each must be refused by the same limit
   * (429) or reach no route (404), never reach the route (which would answer 400/401/200).
   */
  async function expectNoSpellingPassesTheLimit(
    t: TestApp,
    method: 'post' | 'get',
    path: string,
    body: object,
    limit: number,
    canonicalStatus: number,
  ): Promise<void> {
    for (let i = 0; i < limit; i++) {
      const res = await raw(t, method, path).send(body);
      expect(res.status).toBe(canonicalStatus);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const limited = await raw(t, method, path).send(body).expect(429);
    expect(limited.headers['cache-control']).toBe('no-store');
    const passed: string[] = [];
    for (const spelling of oddSpellings(path)) {
      const res = await raw(t, method, spelling).send(body);
      if (res.status !== 429 && res.status !== 404) {
        passed.push(`${spelling} -> ${res.status}`);
      }
      expect(res.headers['cache-control']).toBe('no-store');
    }
    expect(passed).toEqual([]);
  }

  it('a blocked client cannot sign in to the portal by changing the letter case, slashes, dots or %-encoding of the URL', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_PORTAL_AUTH_PER_MINUTE: '3' });
    try {
      await expectNoSpellingPassesTheLimit(t, 'post', '/api/v1/portal/auth/login', { phone: '+8613800138000', code: '000000' }, 3, 401);
    } finally {
      await t.close();
    }
  });

  it('a blocked client cannot have sign-in codes sent by changing the spelling of the URL, and no odd spelling sends one', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_PORTAL_AUTH_PER_MINUTE: '2' });
    try {
      const before = Number((await t.db.query('SELECT COUNT(*) AS n FROM outbox_messages'))[0].n);
      await expectNoSpellingPassesTheLimit(t, 'post', '/api/v1/portal/auth/code', { phone: '+8613800138000' }, 2, 200);
      const after = Number((await t.db.query('SELECT COUNT(*) AS n FROM outbox_messages'))[0].n);
      expect(after - before).toBeLessThanOrEqual(2);
    } finally {
      await t.close();
    }
  });

  it('a blocked client cannot try admin passwords by changing the spelling of the login URL', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
    try {
      await expectNoSpellingPassesTheLimit(
        t,
        'post',
        '/api/v1/admin/auth/login',
        { email: 'nobody@test.local', password: 'wrong' },
        3,
        401,
      );
    } finally {
      await t.close();
    }
  });

  it('a POS client without a key that is blocked stays blocked under every spelling of a POS route', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_POS_UNAUTHENTICATED_PER_MINUTE: '2' });
    try {
      await expectNoSpellingPassesTheLimit(t, 'post', '/api/v1/pos/cards', {}, 2, 401);
    } finally {
      await t.close();
    }
  });

  it('every admin route stays under the admin limit per address whatever the spelling', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_ADMIN_PER_MINUTE: '3' });
    try {
      await expectNoSpellingPassesTheLimit(t, 'get', '/api/v1/admin/stores', {}, 3, 401);
    } finally {
      await t.close();
    }
  });

  it('the other portal routes stay under the portal limit per address whatever the spelling', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_PORTAL_PER_MINUTE: '3' });
    try {
      await expectNoSpellingPassesTheLimit(t, 'get', '/api/v1/portal/me', {}, 3, 401);
    } finally {
      await t.close();
    }
  });

  it('a POS key past its limit stays limited under every spelling of a POS route', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_POS_PER_MINUTE: '3' });
    try {
      const store = await createStore(t);
      const m = await createMember(t);
      const lookup = (path: string) => raw(t, 'get', `${path}?cardNo=${m.cardNo}`).set('Authorization', `Bearer ${store.key}`);
      for (let i = 0; i < 3; i++) {
        await lookup('/api/v1/pos/members/lookup').expect(200);
      }
      await lookup('/api/v1/pos/members/lookup').expect(429);
      const passed: string[] = [];
      for (const spelling of oddSpellings('/api/v1/pos/members/lookup')) {
        const res = await lookup(spelling);
        expect(res.headers['cache-control']).toBe('no-store');
        if (res.status !== 429 && res.status !== 404) {
          passed.push(`${spelling} -> ${res.status}`);
        }
      }
      expect(passed).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('an offline batch weighs its receipt count under every spelling that reaches the batch route', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_POS_PER_MINUTE: '6' });
    try {
      const store = await createStore(t);
      const m = await createMember(t);
      const batch = {
        transactions: Array.from({ length: 5 }, () => purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 100 }])),
      };
      // 5 of the 6 requests a minute: any later batch of 5 is over the limit, unless it is weighed as 1
      await raw(t, 'post', '/api/v1/pos/transactions/batch').set('Authorization', `Bearer ${store.key}`).send(batch).expect(200);
      const before = await writeCounts(t.db);
      const passed: string[] = [];
      for (const spelling of oddSpellings('/api/v1/pos/transactions/batch')) {
        const res = await raw(t, 'post', spelling).set('Authorization', `Bearer ${store.key}`).send(batch);
        expect(res.headers['cache-control']).toBe('no-store');
        if (res.status !== 429 && res.status !== 404) {
          passed.push(`${spelling} -> ${res.status}`);
        }
      }
      expect(passed).toEqual([]);
      expect(await writeCounts(t.db)).toEqual(before);
    } finally {
      await t.close();
    }
  });
});
