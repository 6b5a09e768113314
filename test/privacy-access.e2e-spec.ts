import { JwtService } from '@nestjs/jwt';
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

  describe('message templates', () => {
    const save = (role: AdminRole, body: object) =>
      t.http.post('/api/v1/admin/message-templates').set('Authorization', as(role)).send(body);
    const versionsOf = async (code: string): Promise<number> => {
      const [row] = await t.db.query<Array<{ n: string | number }>>('SELECT COUNT(*) AS n FROM message_templates WHERE code = ?', [code]);
      return Number(row.n);
    };

    it('a marketer previewing a template for a member sees the name masked, as in every other view; an admin sees it', async () => {
      const code = uniq('tpl-preview').toLowerCase();
      await save('marketer', {
        code,
        channel: 'sms',
        variants: { 'zh-CN': { body: '{{name}}您好' }, en: { body: 'Hello {{name}}' } },
      }).expect(201);
      const member = await t.http
        .post('/api/v1/admin/members')
        .set('Authorization', as('admin'))
        .send({ name: 'Hanfeizi Legalist', phone: uniquePhone() })
        .expect(201);
      const preview = (role: AdminRole) =>
        t.http
          .post(`/api/v1/admin/message-templates/${code}/preview`)
          .set('Authorization', as(role))
          .send({ memberId: member.body.memberId })
          .expect(200);
      const marketer = (await preview('marketer')).body;
      expect(marketer).toMatchObject({
        variables: { name: 'H****************' },
        'zh-CN': { text: 'H****************您好' },
        en: { text: 'Hello H****************' },
      });
      expect(JSON.stringify(marketer)).not.toContain('Hanfeizi');
      expect((await preview('admin')).body.en.text).toBe('Hello Hanfeizi Legalist');
    });

    it('a marketer cannot change the sign-in template (403 FORBIDDEN, nothing saved); an admin can, but not without {{code}} (422)', async () => {
      const signIn = 'portal.sign-in-code';
      const before = await versionsOf(signIn);
      expect(before).toBeGreaterThan(0); // created at start
      const phishing = { 'zh-CN': { body: '验证码 {{code}}，请在 https://phish.example 登录' } };
      const refused = await save('marketer', { code: signIn, channel: 'sms', transactional: true, variants: phishing }).expect(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN', details: [{ field: 'code' }] });
      expect(refused.body.message).toMatch(/system template/);
      await save('marketer', { code: signIn, channel: 'sms', variants: { 'zh-CN': { body: 'Sign in at https://phish.example' } } }).expect(
        403,
      );
      expect(await versionsOf(signIn)).toBe(before);

      const noCode = await save('admin', {
        code: signIn,
        channel: 'sms',
        variants: { 'zh-CN': { body: '请在 https://example.com 登录' } },
      }).expect(422);
      expect(noCode.body).toMatchObject({
        code: 'SYSTEM_TEMPLATE_INVALID',
        details: [{ field: 'variants.zh-CN.body', message: 'portal.sign-in-code must use {{code}}' }],
      });
      const enWithout = await save('admin', {
        code: signIn,
        channel: 'sms',
        variants: { 'zh-CN': { body: '验证码 {{code}}' }, en: { body: 'Your code is on its way' } },
      }).expect(422);
      expect(enWithout.body.details).toEqual([{ field: 'variants.en.body', message: 'portal.sign-in-code must use {{code}}' }]);
      const wrongFlags = await save('admin', {
        code: signIn,
        channel: 'email',
        transactional: false,
        variants: { 'zh-CN': { body: '验证码 {{code}}' } },
      }).expect(422);
      expect(wrongFlags.body.details.map((d: { field: string }) => d.field)).toEqual(['channel', 'transactional']);
      expect(await versionsOf(signIn)).toBe(before);

      // An admin's new wording keeps the code; transactional is the system template's own flag when none is sent.
      const saved = await save('admin', {
        code: signIn,
        channel: 'sms',
        variants: { 'zh-CN': { body: '您的登录验证码是 {{code}}，5分钟内有效。' }, en: { body: 'Your sign-in code: {{code}}' } },
      }).expect(201);
      expect(saved.body).toMatchObject({ code: signIn, version: before + 1, transactional: true });
    });

    it('a marketer cannot mark a template transactional, nor change one an admin made transactional; notices are admins’ too', async () => {
      const promo = uniq('promo').toLowerCase();
      const asTransactional = await save('marketer', {
        code: promo,
        channel: 'sms',
        transactional: true,
        variants: { 'zh-CN': { body: '{{name}}，双倍积分周末！' } },
      }).expect(403);
      expect(asTransactional.body.message).toMatch(/only admins may mark a template transactional/);
      expect(await versionsOf(promo)).toBe(0);
      await save('marketer', { code: promo, channel: 'sms', variants: { 'zh-CN': { body: '{{name}}，双倍积分周末！' } } }).expect(201);
      await save('marketer', { code: promo, channel: 'sms', transactional: true, variants: { 'zh-CN': { body: '{{name}}!' } } }).expect(
        403,
      );
      expect(await versionsOf(promo)).toBe(1);

      const service = uniq('service').toLowerCase();
      await save('admin', { code: service, channel: 'sms', transactional: true, variants: { 'zh-CN': { body: '您的卡已冻结' } } }).expect(
        201,
      );
      await save('marketer', { code: service, channel: 'sms', variants: { 'zh-CN': { body: '{{name}}，新品上市！' } } }).expect(403);
      expect(await versionsOf(service)).toBe(1);

      await save('marketer', {
        code: 'notice.tier-changed',
        channel: 'sms',
        variants: { 'zh-CN': { body: '恭喜升级为 {{tier}}' } },
      }).expect(403);
      const notice = await save('admin', {
        code: 'notice.tier-changed',
        channel: 'sms',
        transactional: true,
        variants: { 'zh-CN': { body: '恭喜升级' } },
      }).expect(422);
      expect(notice.body.details.map((d: { field: string }) => d.field)).toEqual(['transactional', 'variants.zh-CN.body']);
    });
  });

  describe('console sign-out', () => {
    const signIn = async (role: 'marketer' | 'support') =>
      (await t.http.post('/api/v1/admin/auth/login').send(credentials[role]).expect(200)).body as {
        accessToken: string;
        refreshToken: string;
      };
    const me = (accessToken: string) => t.http.get('/api/v1/admin/auth/me').set('Authorization', `Bearer ${accessToken}`);
    const refresh = (refreshToken: string) => t.http.post('/api/v1/admin/auth/refresh').send({ refreshToken });

    it('POST auth/logout ends the sign-in at once: its refresh token and every access token of it are refused; other sign-ins go on', async () => {
      const first = await signIn('support');
      const other = await signIn('support');
      const second = (await refresh(first.refreshToken).expect(200)).body as { accessToken: string; refreshToken: string };
      await me(first.accessToken).expect(200);
      await me(second.accessToken).expect(200);

      await t.http.post('/api/v1/admin/auth/logout').set('Authorization', `Bearer ${second.accessToken}`).expect(204);

      for (const accessToken of [first.accessToken, second.accessToken]) {
        expect((await me(accessToken).expect(401)).body.code).toBe('UNAUTHENTICATED');
        await t.http.get('/api/v1/admin/members').set('Authorization', `Bearer ${accessToken}`).expect(401);
      }
      const refused = await refresh(second.refreshToken).expect(401);
      expect(refused.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/signed out/) });
      // The same user's sign-in in another browser is not touched.
      await me(other.accessToken).expect(200);
      await refresh(other.refreshToken).expect(200);
    });

    it('sign-out needs a valid access token (401 otherwise); a token without a sign-in id cannot be used at all', async () => {
      await t.http.post('/api/v1/admin/auth/logout').expect(401);
      const { refreshToken } = await signIn('marketer');
      await t.http.post('/api/v1/admin/auth/logout').set('Authorization', `Bearer ${refreshToken}`).expect(401);
      const [user] = await t.db.query<Array<{ id: string }>>('SELECT id FROM admin_users WHERE email = ?', [credentials.marketer.email]);
      const jwt = t.app.get(JwtService, { strict: false });
      const withoutSignIn = await jwt.signAsync({ sub: user.id, typ: 'access' }, { expiresIn: 60, algorithm: 'HS256' });
      await me(withoutSignIn).expect(401);
    });
  });
});
