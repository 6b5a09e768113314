import { randomUUID } from 'node:crypto';
import { hashPassword, scryptParams } from '../src/modules/auth/password';
import { uniq } from './support/factories';
import { useIsolatedPrefix } from './support/isolated-prefix';
import { startTestApp, TestApp } from './support/test-app';

const TEST_SCRYPT = scryptParams(Number(process.env.PASSWORD_SCRYPT_LOG2N));
const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

/** A console admin of its own, so lockouts and disabling never touch the shared admin. */
async function createAdmin(t: TestApp, password = 'a-long-password-1'): Promise<{ id: string; email: string; password: string }> {
  const id = randomUUID();
  const email = `${uniq('dash').toLowerCase()}@test.local`;
  await t.db.query(
    "INSERT INTO admin_users (id, email, password_hash, role, created_at, disabled_at) VALUES (?, ?, ?, 'admin', NOW(3), NULL)",
    [id, email, await hashPassword(password, TEST_SCRYPT)],
  );
  return { id, email, password };
}

describe('queue dashboard sign-in', () => {
  const prefix = useIsolatedPrefix('dashboard');

  it('basic-auth password guesses from one address are limited like console sign-ins (429 RATE_LIMITED, the same budget as the login route)', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (await t.http.get('/admin/queues/api/queues').set('Authorization', basic(`${uniq('g')}@test.local`, `guess-${i}`))).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const limited = await t.http.get('/admin/queues').set('Authorization', basic('someone@test.local', 'another-guess')).expect(429);
      expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // one budget with the console's login route
      expect((await t.http.post('/api/v1/admin/auth/login').send({ email: 'x@test.local', password: 'y' })).status).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('the dashboard honours the console lockout: after LOGIN_MAX_FAILURES wrong passwords even the right one gets 429 ACCOUNT_LOCKED', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '60' });
    try {
      const admin = await createAdmin(t);
      for (let i = 0; i < 2; i++) {
        await t.http
          .get('/admin/queues')
          .set('Authorization', basic(admin.email, `wrong-${i}`))
          .expect(401);
      }
      const locking = await t.http.get('/admin/queues').set('Authorization', basic(admin.email, 'wrong-2')).expect(429);
      expect(locking.body.code).toBe('ACCOUNT_LOCKED');
      const right = await t.http.get('/admin/queues').set('Authorization', basic(admin.email, admin.password)).expect(429);
      expect(right.body.code).toBe('ACCOUNT_LOCKED');
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
      // the console sees the same lock
      expect((await t.http.post('/api/v1/admin/auth/login').send({ email: admin.email, password: admin.password })).body.code).toBe(
        'ACCOUNT_LOCKED',
      );
    } finally {
      await t.close();
    }
  });

  it('a disabled admin loses the dashboard within 5 s of being disabled, though their password was accepted a moment before', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix });
    try {
      const admin = await createAdmin(t);
      const auth = basic(admin.email, admin.password);
      await t.http.get('/admin/queues/api/queues').set('Authorization', auth).expect(200);
      await t.db.query('UPDATE admin_users SET disabled_at = NOW(3) WHERE id = ?', [admin.id]);
      await new Promise((resolve) => setTimeout(resolve, 5100));
      const refused = await t.http.get('/admin/queues/api/queues').set('Authorization', auth).expect(401);
      expect(refused.body.code).toBe('UNAUTHENTICATED');

      // an admin demoted to another role: 403 within the same 5 s
      const demoted = await createAdmin(t);
      const demotedAuth = basic(demoted.email, demoted.password);
      await t.http.get('/admin/queues/api/queues').set('Authorization', demotedAuth).expect(200);
      await t.db.query("UPDATE admin_users SET role = 'support' WHERE id = ?", [demoted.id]);
      await new Promise((resolve) => setTimeout(resolve, 5100));
      expect((await t.http.get('/admin/queues/api/queues').set('Authorization', demotedAuth).expect(403)).body.code).toBe('FORBIDDEN');
    } finally {
      await t.close();
    }
  });

  it('a verified password is not hashed again on every dashboard request: polling costs one sign-in attempt, not one per request', async () => {
    const t = await startTestApp({ QUEUE_PREFIX: prefix, RATE_LIMIT_LOGIN_PER_MINUTE: '2' });
    try {
      const admin = await createAdmin(t);
      const auth = basic(admin.email, admin.password);
      for (let i = 0; i < 6; i++) {
        await t.http.get('/admin/queues/api/queues').set('Authorization', auth).expect(200);
      }
    } finally {
      await t.close();
    }
  });
});
