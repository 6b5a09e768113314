import Redis from 'ioredis';
import { createHmac, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { hashPassword, scryptParams, verifyPassword } from '../src/modules/auth/password';
import { REDIS } from '../src/queue/redis.module';
import { createMember, createStore, pos, purchaseBody, uniq, writeCounts } from './support/factories';
import { isolatedPrefix } from './support/isolated-prefix';
import { startTestApp, TestApp } from './support/test-app';

const TEST_SCRYPT = scryptParams(Number(process.env.PASSWORD_SCRYPT_LOG2N));

/** A console user of its own, so lockouts and disabling never touch the shared admin. */
async function createAdmin(
  t: TestApp,
  password = 'a-long-password-1',
  params = TEST_SCRYPT,
): Promise<{ id: string; email: string; password: string }> {
  const id = randomUUID();
  const email = `${uniq('admin').toLowerCase()}@test.local`;
  await t.db.query(
    "INSERT INTO admin_users (id, email, password_hash, role, created_at, disabled_at) VALUES (?, ?, ?, 'admin', NOW(3), NULL)",
    [id, email, await hashPassword(password, params)],
  );
  return { id, email, password };
}

function login(t: TestApp, email: string, password: string, forwardedFor?: string) {
  const req = t.http.post('/api/v1/admin/auth/login');
  if (forwardedFor) {
    req.set('X-Forwarded-For', forwardedFor);
  }
  return req.send({ email, password });
}

const b64url = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/** A JWT built by hand, so the test controls the algorithm. */
function forgeToken(alg: 'none' | 'HS256' | 'HS512' | 'RS256', claims: object): string {
  const input = `${b64url({ alg, typ: 'JWT' })}.${b64url(claims)}`;
  const secret = process.env.JWT_SECRET as string;
  switch (alg) {
    case 'none':
      return `${input}.`;
    case 'HS256':
      return `${input}.${b64url(createHmac('sha256', secret).update(input).digest())}`;
    case 'HS512':
      return `${input}.${b64url(createHmac('sha512', secret).update(input).digest())}`;
    case 'RS256': {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return `${input}.${b64url(sign('sha256', Buffer.from(input), privateKey))}`;
    }
  }
}

const listStores = (t: TestApp, token: string) => t.http.get('/api/v1/admin/stores').set('Authorization', `Bearer ${token}`);

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  const keys = await redis.keys(pattern);
  if (keys.length > 0) {
    await redis.del(...keys);
  }
}

describe('admin tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('only HS256 access tokens are accepted: alg none, HS512 and RS256 tokens for a real admin get 401', async () => {
    const admin = await createAdmin(t);
    const exp = Math.floor(Date.now() / 1000) + 600;
    const claims = { sub: admin.id, typ: 'access', sid: randomUUID(), exp };
    // The hand-made HS256 token is accepted, so the others fail on their algorithm alone.
    await listStores(t, forgeToken('HS256', claims)).expect(200);
    for (const alg of ['none', 'HS512', 'RS256'] as const) {
      const res = await listStores(t, forgeToken(alg, claims)).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('a disabled or deleted admin is refused at the next request; one checked in the last 5 s is refused once the 5 s cache has passed', async () => {
    const fresh = await createAdmin(t);
    const freshToken = (await login(t, fresh.email, fresh.password).expect(200)).body.accessToken as string;
    await t.db.query('UPDATE admin_users SET disabled_at = NOW(3) WHERE id = ?', [fresh.id]);
    expect((await listStores(t, freshToken).expect(401)).body.code).toBe('UNAUTHENTICATED');

    const deleted = await createAdmin(t);
    const deletedToken = (await login(t, deleted.email, deleted.password).expect(200)).body.accessToken as string;
    await t.db.query('DELETE FROM admin_users WHERE id = ?', [deleted.id]);
    await listStores(t, deletedToken).expect(401);

    const active = await createAdmin(t);
    const activeToken = (await login(t, active.email, active.password).expect(200)).body.accessToken as string;
    await listStores(t, activeToken).expect(200);
    await t.db.query('UPDATE admin_users SET disabled_at = NOW(3) WHERE id = ?', [active.id]);
    await new Promise((resolve) => setTimeout(resolve, 5100));
    await listStores(t, activeToken).expect(401);
  });

  it('a disabled admin cannot sign in even with the right password', async () => {
    const admin = await createAdmin(t);
    await t.db.query('UPDATE admin_users SET disabled_at = NOW(3) WHERE id = ?', [admin.id]);
    expect((await login(t, admin.email, admin.password).expect(401)).body.code).toBe('INVALID_CREDENTIALS');
  });

  it('access tokens last JWT_TTL_SECONDS (15 min by default); a refresh token buys a new pair once and is no access token', async () => {
    const admin = await createAdmin(t);
    const first = await login(t, admin.email, admin.password).expect(200);
    expect(first.body).toMatchObject({ expiresIn: 900, refreshExpiresIn: 43200 });
    const accessClaims = JSON.parse(Buffer.from(first.body.accessToken.split('.')[1], 'base64url').toString());
    expect(accessClaims.exp - accessClaims.iat).toBe(900);

    const refreshed = await t.http.post('/api/v1/admin/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    expect(refreshed.headers['cache-control']).toBe('no-store');
    await listStores(t, refreshed.body.accessToken).expect(200);
    expect(refreshed.body.refreshToken).not.toBe(first.body.refreshToken);

    // rotated: the used refresh token is spent; the new one works
    const reused = await t.http.post('/api/v1/admin/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    expect(reused.body.code).toBe('UNAUTHENTICATED');
    await t.http.post('/api/v1/admin/auth/refresh').send({ refreshToken: refreshed.body.refreshToken }).expect(200);

    // neither token stands in for the other
    await t.http.post('/api/v1/admin/auth/refresh').send({ refreshToken: first.body.accessToken }).expect(401);
    await listStores(t, first.body.refreshToken).expect(401);
  });

  it('a disabled admin cannot refresh', async () => {
    const admin = await createAdmin(t);
    const { refreshToken } = (await login(t, admin.email, admin.password).expect(200)).body;
    await t.db.query('UPDATE admin_users SET disabled_at = NOW(3) WHERE id = ?', [admin.id]);
    await t.http.post('/api/v1/admin/auth/refresh').send({ refreshToken }).expect(401);
  });

  it('a password hash made with older scrypt parameters still signs in and is rehashed with the current ones', async () => {
    const admin = await createAdmin(t, 'old-params-password', { N: 1024, r: 8, p: 1 });
    await login(t, admin.email, admin.password).expect(200);
    const [row] = await t.db.query('SELECT password_hash FROM admin_users WHERE id = ?', [admin.id]);
    expect(row.password_hash.startsWith(`scrypt$${TEST_SCRYPT.N}$8$1$`)).toBe(true);
    expect(await verifyPassword(admin.password, row.password_hash)).toBe(true);
    await login(t, admin.email, admin.password).expect(200);
  });
});

describe('login lockout', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '120' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('the 3rd failed login locks the account: 429 ACCOUNT_LOCKED with Retry-After, and the right password is refused too', async () => {
    const admin = await createAdmin(t);
    const other = await createAdmin(t);
    expect((await login(t, admin.email, 'wrong-1').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    expect((await login(t, admin.email, 'wrong-2').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    const locked = await login(t, admin.email, 'wrong-3').expect(429);
    expect(locked.body).toMatchObject({ statusCode: 429, code: 'ACCOUNT_LOCKED', details: [] });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(100);
    expect(retryAfter).toBeLessThanOrEqual(120);
    const right = await login(t, admin.email.toUpperCase(), admin.password).expect(429);
    expect(right.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // another account is not affected
    await login(t, other.email, other.password).expect(200);
  });

  it('each further lockout lasts twice as long', async () => {
    const admin = await createAdmin(t);
    for (const password of ['w1', 'w2', 'w3']) {
      await login(t, admin.email, password);
    }
    // the first lock runs out
    await deleteKeys(t.app.get<Redis>(REDIS), `${process.env.QUEUE_PREFIX}:auth:login:*:lock`);
    await login(t, admin.email, 'w4').expect(401);
    await login(t, admin.email, 'w5').expect(401);
    const second = await login(t, admin.email, 'w6').expect(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(200);
    expect(Number(second.headers['retry-after'])).toBeLessThanOrEqual(240);
  });

  it('an email without an account locks exactly like one with an account (the lockout reveals nothing)', async () => {
    const email = `${uniq('nobody').toLowerCase()}@test.local`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await login(t, email, `wrong-${i}`)).status);
    }
    expect(statuses).toEqual([401, 401, 429, 429]);
  });

  it('a successful login clears the failures counted so far', async () => {
    const admin = await createAdmin(t);
    await login(t, admin.email, 'wrong-1').expect(401);
    await login(t, admin.email, 'wrong-2').expect(401);
    await login(t, admin.email, admin.password).expect(200);
    await login(t, admin.email, 'wrong-3').expect(401);
    await login(t, admin.email, 'wrong-4').expect(401);
    await login(t, admin.email, admin.password).expect(200);
  });
});

describe('login timing', () => {
  let t: TestApp;
  const cost = 15;

  beforeAll(async () => {
    t = await startTestApp({ PASSWORD_SCRYPT_LOG2N: String(cost), LOGIN_MAX_FAILURES: '1000' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('an unknown email takes as long as a wrong password: both pay for a full scrypt verification', async () => {
    const params = scryptParams(cost);
    const admin = await createAdmin(t, 'timing-password', params);
    const started = Date.now();
    await verifyPassword('x', await hashPassword('y', params));
    const oneHashMs = (Date.now() - started) / 2;
    const time = async (email: string) => {
      const samples: number[] = [];
      // The median of five: one sample can be slowed by anything else the machine runs.
      for (let i = 0; i < 5; i++) {
        const s = Date.now();
        await login(t, email, 'not-the-password').expect(401);
        samples.push(Date.now() - s);
      }
      return samples.sort((a, b) => a - b)[2];
    };
    const wrongPassword = await time(admin.email);
    const unknownEmail = await time(`${uniq('ghost').toLowerCase()}@test.local`);
    expect(wrongPassword).toBeGreaterThan(oneHashMs * 0.5);
    expect(unknownEmail).toBeGreaterThan(oneHashMs * 0.5);
    expect(unknownEmail / wrongPassword).toBeGreaterThan(1 / 3);
    expect(unknownEmail / wrongPassword).toBeLessThan(3);
  });
});

describe('per-address limits and X-Forwarded-For', () => {
  const prefix = isolatedPrefix('xff');
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL as string);
  });

  afterAll(async () => {
    await deleteKeys(redis, `${prefix}*`);
    redis.disconnect();
  });

  it('login is limited per client address (RATE_LIMIT_LOGIN_PER_MINUTE), and X-Forwarded-For is ignored by default', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++) {
        statuses.push((await login(t, `${uniq('u').toLowerCase()}@test.local`, 'wrong', `198.51.100.${i}`)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const limited = await login(t, 'someone@test.local', 'wrong', '198.51.100.99').expect(429);
      expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // other admin routes have their own, higher limit
      await t.http.get('/api/v1/admin/stores').expect(401);
      const loginKeys = await redis.keys(`${prefix}:ratelimit:login:*:hits`);
      expect(loginKeys).toHaveLength(1);
      expect(loginKeys[0]).not.toContain('198.51.100');
    } finally {
      await t.close();
    }
  });

  it('behind a trusted proxy the client is the address the proxy appends; addresses the client writes itself change nothing', async () => {
    await deleteKeys(redis, `${prefix}*`);
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_LOGIN_PER_MINUTE: '2', TRUST_PROXY: 'loopback' });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 3; i++) {
        statuses.push((await login(t, 'x@test.local', 'wrong', `10.0.0.${i}, 203.0.113.7`)).status);
      }
      expect(statuses).toEqual([401, 401, 429]);
      await login(t, 'x@test.local', 'wrong', '203.0.113.8').expect(401);
    } finally {
      await t.close();
    }
  });

  it('POS requests without a valid key are limited per address, and each deployment prefix counts on its own', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_POS_UNAUTHENTICATED_PER_MINUTE: '3' });
    const other = await startTestApp({ QUEUE_PREFIX: isolatedPrefix('other') });
    try {
      const store = await createStore(t);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await t.http.post('/api/v1/pos/cards').set('Authorization', `Bearer pos_unknown_${i}`).set('X-Forwarded-For', `192.0.2.${i}`))
            .status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await t.http.post('/api/v1/pos/cards').expect(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // a valid key counts on its own bucket
      await pos(t, store).issueCard().expect(201);
      // another deployment on the same Redis does not see these counters
      await other.http.post('/api/v1/pos/cards').set('Authorization', 'Bearer pos_unknown_x').expect(401);
    } finally {
      await t.close();
      await other.close();
      await deleteKeys(redis, `${isolatedPrefix('other')}*`);
    }
  });
});

describe('POS rate limits', () => {
  let t: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_POS_PER_MINUTE: '6' });
    redis = new Redis(process.env.REDIS_URL as string);
  });

  afterAll(async () => {
    redis.disconnect();
    await t.close();
  });

  it('one bucket per key id across every POS route, however the Authorization header is spelled', async () => {
    const store = await createStore(t);
    const m = await createMember(t);
    const spellings = [`Bearer ${store.key}`, `bearer  ${store.key}`, `BEARER ${store.key} `];
    const remaining: string[] = [];
    for (let i = 0; i < 6; i++) {
      const auth = spellings[i % spellings.length];
      const res =
        i % 2 === 0
          ? await t.http.get('/api/v1/pos/members/lookup').query({ cardNo: m.cardNo }).set('Authorization', auth).expect(200)
          : await t.http
              .post('/api/v1/pos/transactions')
              .set('Authorization', auth)
              .send(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 100 }]))
              .expect(201);
      expect(res.headers['x-ratelimit-limit']).toBe('6');
      // The headers the POS guide and the OpenAPI document name: the limit's name as a suffix, and the reset.
      expect(res.headers['x-ratelimit-limit-pos']).toBe('6');
      expect(res.headers['x-ratelimit-remaining-pos']).toBe(res.headers['x-ratelimit-remaining']);
      expect(Number(res.headers['x-ratelimit-reset-pos'])).toBeGreaterThan(0);
      expect(Number(res.headers['x-ratelimit-reset-pos'])).toBeLessThanOrEqual(60);
      remaining.push(res.headers['x-ratelimit-remaining']);
    }
    expect(remaining).toEqual(['5', '4', '3', '2', '1', '0']);
    const before = await writeCounts(t.db);
    const limited = await t.http.post('/api/v1/pos/cards').set('Authorization', spellings[1]).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await writeCounts(t.db)).toEqual(before);

    // the counters are Redis keys under the deployment's prefix, named by key id, never by the header text
    const keys = await redis.keys(`*${store.keyId}*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key.startsWith(`${process.env.QUEUE_PREFIX}:ratelimit:pos:`)).toBe(true);
    }
    expect(await redis.keys(`*${store.key}*`)).toEqual([]);
  });

  it('an offline batch counts as many requests as it has receipts', async () => {
    const store = await createStore(t);
    const m = await createMember(t);
    const batch = (n: number) => ({
      transactions: Array.from({ length: n }, () => purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 100 }])),
    });
    const first = await pos(t, store).batch(batch(4)).expect(200);
    expect(first.headers['x-ratelimit-remaining']).toBe('2');
    const before = await writeCounts(t.db);
    const refused = await pos(t, store).batch(batch(3)).expect(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('a repeated unknown key costs one database lookup, not one per request', async () => {
    const spy = jest.spyOn(t.db, 'query');
    try {
      const key = `pos_${uniq('unknown')}`;
      for (let i = 0; i < 3; i++) {
        await t.http.post('/api/v1/pos/cards').set('Authorization', `Bearer ${key}`).expect(401);
      }
      const keyLookups = spy.mock.calls.filter(([sql]) => String(sql).includes('api_keys'));
      expect(keyLookups).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('a revoked key is refused at once (the revoking process drops it from its key cache)', async () => {
    const store = await createStore(t);
    await pos(t, store).issueCard().expect(201);
    const token = (await login(t, process.env.ADMIN_EMAIL as string, process.env.ADMIN_PASSWORD as string).expect(200)).body.accessToken;
    await t.http.delete(`/api/v1/admin/api-keys/${store.keyId}`).set('Authorization', `Bearer ${token}`).expect(204);
    await pos(t, store).issueCard().expect(401);
  });
});

describe('security headers and API docs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('every answer carries nosniff and denies framing; admin and POS answers, errors included, are no-store', async () => {
    const store = await createStore(t);
    const answers = [
      await login(t, process.env.ADMIN_EMAIL as string, process.env.ADMIN_PASSWORD as string).expect(200),
      await login(t, 'nobody@test.local', 'wrong').expect(401),
      await pos(t, store).issueCard().expect(201),
      await t.http.post('/api/v1/pos/cards').expect(401),
    ];
    for (const res of answers) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const health = await t.http.get('/health').expect(200);
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['x-frame-options']).toBe('DENY');
  });

  it('the Swagger UI page may run its inline styles and scripts; API answers may run nothing', async () => {
    const docs = await t.http.get('/docs/').redirects(1).expect(200);
    expect(docs.text).toContain('swagger-ui');
    expect(docs.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    const api = await t.http.post('/api/v1/pos/cards').expect(401);
    expect(api.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('with NODE_ENV=production /docs and /docs-json are not served unless DOCS_ENABLED=true', async () => {
    const prod = await startTestApp({ NODE_ENV: 'production' });
    try {
      await prod.http.get('/docs-json').expect(404);
      await prod.http.get('/docs/').expect(404);
    } finally {
      await prod.close();
    }
    const enabled = await startTestApp({ NODE_ENV: 'production', DOCS_ENABLED: 'true' });
    try {
      const res = await enabled.http.get('/docs-json').expect(200);
      expect(Object.keys(res.body.paths)).toContain('/api/v1/admin/auth/refresh');
    } finally {
      await enabled.close();
    }
  });
});
