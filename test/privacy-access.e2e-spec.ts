import { AdminRole } from '../src/modules/auth/entities/admin-user.entity';
import { loginAdmin, uniq, uniquePhone } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('privacy and access in the console: audit masking, template preview and rights, console sign-out (HTTP)', () => {
  let t: TestApp;
  const tokens = {} as Record<AdminRole, string>;
  const credentials = {} as Record<AdminRole, { email: string; password: string }>;
  const as = (role: AdminRole) => `Bearer ${tokens[role]}`;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_ADMIN_PER_MINUTE: '100000' });
    tokens.admin = await loginAdmin(t);
    for (const role of ['marketer', 'support'] as const) {
      const email = `${uniq(role)}@example.com`.toLowerCase();
      const password = 'a long enough password';
      credentials[role] = { email, password };
      await t.http.post('/api/v1/admin/users').set('Authorization', as('admin')).send({ email, password, role }).expect(201);
      tokens[role] = (await t.http.post('/api/v1/admin/auth/login').send({ email, password }).expect(200)).body.accessToken as string;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  describe('the audit log', () => {
    it('keeps no member name, phone, email, birthday or address in clear: not at creation, not in profile changes', async () => {
      const first = { name: 'Zhuangzi Butterfly', phone: uniquePhone(), email: `${uniq('zz')}@example.com`.toLowerCase() };
      const created = await t.http
        .post('/api/v1/admin/members')
        .set('Authorization', as('support'))
        .send({ ...first, birthday: '1985-07-14', address: '88 Dream Road', consents: { email: true } })
        .expect(201);
      const memberId = created.body.memberId as string;
      const second = { name: 'Liezi Windrider', phone: uniquePhone(), email: `${uniq('lz')}@example.com`.toLowerCase() };
      await t.http
        .patch(`/api/v1/admin/members/${memberId}`)
        .set('Authorization', as('support'))
        .send({ ...second, birthday: '1986-08-15', address: '99 Cloud Lane' })
        .expect(200);

      const rows: Array<{ action: string; changes: string }> = await t.db.query(
        "SELECT action, changes FROM audit_log WHERE entity_type = 'member' AND entity_id = ? ORDER BY id",
        [memberId],
      );
      expect(rows.map((r) => r.action)).toEqual(['member.created', 'member.profile_updated']);
      const stored = rows.map((r) => r.changes).join('\n');
      for (const clear of [
        'Zhuangzi',
        'Butterfly',
        'Liezi',
        'Windrider',
        first.phone,
        second.phone,
        first.phone.slice(-8),
        first.email,
        second.email,
        first.email.split('@')[0],
        '1985-07-14',
        '1986-08-15',
        'Dream Road',
        'Cloud Lane',
      ]) {
        expect([clear, stored.includes(clear)]).toEqual([clear, false]);
      }
      // Masked as every other view masks them: the name, phone and email keep their first character / last digits.
      expect(JSON.parse(rows[0].changes)).toMatchObject({
        name: 'Z*****************',
        phone: `${first.phone.slice(0, -8)}****${first.phone.slice(-4)}`,
      });
      expect(JSON.parse(rows[1].changes)).toMatchObject({
        name: { old: 'Z*****************', new: 'L**************' },
        birthday: { old: '***', new: '***' },
        address: { old: '***', new: '***' },
      });
      // The API's audit view reads the same rows.
      const view = await t.http.get('/api/v1/admin/audit').query({ member: memberId }).set('Authorization', as('admin')).expect(200);
      expect(JSON.stringify(view.body)).not.toMatch(/Zhuangzi|Liezi|Dream Road|1985-07-14/);
    });
  });
});
