import { CategoryUsageCollector } from '../src/modules/categories/category-usage.collector';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestStore, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

type Role = 'marketer' | 'analyst';

/** The category catalog over HTTP: codes the tills send become unknown codes with counts, marketers name them, rules read names. */
describe('category catalog (admin API)', () => {
  let t: TestApp;
  let store: TestStore;
  const tokens = {} as Record<'admin' | Role, string>;

  beforeAll(async () => {
    t = await startTestApp();
    tokens.admin = await loginAdmin(t);
    store = await createStore(t);
    for (const role of ['marketer', 'analyst'] as const) {
      const email = `${uniq(role)}@example.com`.toLowerCase();
      const password = 'a long enough password';
      await t.http.post('/api/v1/admin/users').set('Authorization', `Bearer ${tokens.admin}`).send({ email, password, role }).expect(201);
      tokens[role] = (await t.http.post('/api/v1/admin/auth/login').send({ email, password }).expect(200)).body.accessToken as string;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const as = (who: 'admin' | Role) => ({
    get: (path: string) => t.http.get(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${tokens[who]}`),
    post: (path: string, body: object) => t.http.post(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${tokens[who]}`).send(body),
    patch: (path: string, body: object) => t.http.patch(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${tokens[who]}`).send(body),
  });
  const count = async (table: string) => Number((await t.db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const allUnknown = async () => {
    const items: Array<{ code: string; lineCount: number }> = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Array<{ code: string; lineCount: number }>; nextCursor: string | null } } = await as('marketer')
        .get(`categories/unknown?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .expect(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  };

  it('codes the tills send are collected with counts; a marketer names one and it joins the catalog with its count, audited', async () => {
    const member = await createMember(t);
    const suffix = uniq('x').toLowerCase();
    const wine = `红酒-${suffix}`;
    const toys = `toys-${suffix}`;
    await pos(t, store)
      .purchase(
        purchaseBody({ cardNo: member.cardNo }, [
          { amountCents: 1000, category: wine.toUpperCase() },
          { amountCents: 500, category: wine },
          { amountCents: 300, category: `TOYS-${suffix}` },
        ]),
      )
      .expect(201);
    await t.app.get(CategoryUsageCollector).flush();
    const unknown = await allUnknown();
    expect(unknown.find((u) => u.code === wine)).toMatchObject({ lineCount: 2 });
    expect(unknown.find((u) => u.code === toys)).toMatchObject({ lineCount: 1 });

    const named = await as('marketer').post('categories', { code: wine, nameZh: '红酒', nameEn: 'Red wine' }).expect(201);
    expect(named.body).toMatchObject({ code: wine, nameZh: '红酒', nameEn: 'Red wine', lineCount: 2 });
    expect((await allUnknown()).map((u) => u.code)).not.toContain(wine);
    const one = await as('analyst')
      .get(`categories/${encodeURIComponent(wine)}`)
      .expect(200);
    expect(one.body).toMatchObject({ code: wine, lineCount: 2 });
    const search = await as('analyst')
      .get(`categories?q=${encodeURIComponent('Red wine')}`)
      .expect(200);
    expect(search.body.items.map((c: { code: string }) => c.code)).toContain(wine);

    const renamed = await as('marketer')
      .patch(`categories/${encodeURIComponent(wine)}`, { nameEn: 'Wine' })
      .expect(200);
    expect(renamed.body).toMatchObject({ nameZh: '红酒', nameEn: 'Wine' });
    const audit = await t.db.query("SELECT action, changes FROM audit_log WHERE entity_type = 'category' AND entity_id = ? ORDER BY id", [
      wine,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['category.create', 'category.update']);
    expect(JSON.stringify(audit[1].changes)).toContain('Red wine');
  });

  it('refuses bad input, a second name for a code and an analyst, each with a code, writing nothing', async () => {
    const code = uniq('dup').toLowerCase();
    await as('admin').post('categories', { code, nameZh: '重复', nameEn: 'Twice' }).expect(201);
    const before = { categories: await count('categories'), audit: await count('audit_log') };
    const taken = await as('marketer').post('categories', { code: code.toUpperCase(), nameZh: '又一次', nameEn: 'Again' }).expect(409);
    expect(taken.body.code).toBe('CATEGORY_CODE_TAKEN');
    const blank = await as('marketer')
      .post('categories', { code: uniq('b'), nameZh: '   ', nameEn: 'x' })
      .expect(400);
    expect(blank.body.details.map((d: { field: string }) => d.field)).toContain('nameZh');
    const long = await as('marketer')
      .post('categories', { code: 'x'.repeat(65), nameZh: '长', nameEn: 'Long' })
      .expect(400);
    expect(long.body.details.map((d: { field: string }) => d.field)).toContain('code');
    await as('marketer')
      .post('categories', { code: uniq('u'), nameZh: '多', nameEn: 'Extra', extra: 1 })
      .expect(400);
    expect(
      (
        await as('analyst')
          .post('categories', { code: uniq('a'), nameZh: '无权', nameEn: 'No' })
          .expect(403)
      ).body.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await as('marketer')
          .patch(`categories/${encodeURIComponent(uniq('missing'))}`, { nameEn: 'X' })
          .expect(404)
      ).body.code,
    ).toBe('CATEGORY_NOT_FOUND');
    expect({ categories: await count('categories'), audit: await count('audit_log') }).toEqual(before);
  });

  it('a club rule and a bonus rule are said back with the catalog names of their categories', async () => {
    const code = uniq('baby').toLowerCase();
    const unnamed = uniq('toddler').toLowerCase();
    await as('marketer').post('categories', { code, nameZh: '母婴', nameEn: 'Mother & baby' }).expect(201);
    const club = await as('marketer')
      .post('clubs/rules/explain', {
        rule: { combine: 'all', conditions: [{ type: 'categoryPurchases', categories: [code, unnamed], minPurchases: 3, days: 90 }] },
      })
      .expect(200);
    expect(club.body.ruleText.en).toBe(`Members who bought in Mother & baby or ${unnamed} at least 3 times in the last 90 days.`);
    expect(club.body.ruleText.zhCN).toBe(`近90天内在「母婴、${unnamed}」品类购买至少3次的会员。`);

    const campaign = await as('marketer')
      .post('campaigns/rules/explain', {
        actions: [
          {
            type: 'bonusRule',
            kind: 'category_multiplier',
            category: code,
            multiplierPermille: 2000,
            startsAt: '2026-06-01T00:00:00+08:00',
            endsAt: '2026-06-08T00:00:00+08:00',
          },
        ],
      })
      .expect(200);
    expect(campaign.body.actions[0].description.en).toContain('2× points on category Mother & baby');
    expect(campaign.body.actions[0].description['zh-CN']).toContain('品类「母婴」');
  });

  it('clubs answer their size, and a club lists its members by masked name, tier and masked card, never a bare id', async () => {
    const code = `N${uniq('')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-12)}`.toUpperCase();
    const club = await as('marketer').post('clubs', { code, nameZh: '名册', nameEn: 'Roster', joinPolicy: 'invite' }).expect(201);
    const clubId = club.body.clubId as string;
    expect(club.body.memberCount).toBe(0);
    const a = await createMember(t, { name: '王小明' });
    const b = await createMember(t, { name: '李四' });
    for (const m of [a, b]) {
      await as('marketer').post(`clubs/${clubId}/members/${m.memberId}`, {}).expect(200);
    }
    await as('marketer').post(`clubs/${clubId}/members/${b.memberId}`, {}).expect(200);
    expect((await as('marketer').get(`clubs/${clubId}`).expect(200)).body.memberCount).toBe(2);
    const listed = (await as('marketer').get('clubs?limit=200').expect(200)).body.clubs.find(
      (c: { clubId: string }) => c.clubId === clubId,
    );
    expect(listed.memberCount).toBe(2);

    const members = await as('marketer').get(`clubs/${clubId}/members`).expect(200);
    const row = members.body.members.find((r: { memberId: string }) => r.memberId === a.memberId);
    const [tier] = await t.db.query('SELECT tier_code FROM members WHERE id = ?', [a.memberId]);
    expect(row.member).toEqual({ name: '王**', tierCode: tier.tier_code, cardNo: `************${a.cardNo.slice(-4)}` });
  });
});
