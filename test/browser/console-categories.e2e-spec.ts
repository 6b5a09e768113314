import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CategoryUsageCollector } from '../../src/modules/categories/category-usage.collector';
import { createMember, createStore, loginAdmin, pos, purchaseBody, uniq } from '../support/factories';
import {
  ARTIFACTS,
  BrowserApp,
  chooseOption,
  consoleSignIn,
  newPage,
  pageProblems,
  PHONE,
  shootOnFailure,
  startBrowserApp,
  WIDE,
} from './support/browser';

/** Screenshots at 1440 px and 375 px under test/artifacts/. */
async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const [label, size] of [
    ['1440', WIDE],
    ['375', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(WIDE);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Names instead of codes, in Chromium at 1440 px: a marketer names a category code the tills sent (seen with its
 * count), then builds a club rule by picking it by name (the rule's words name it in both languages); clubs show
 * their size, and a club's members show masked name, tier name and card with a link to the archive.
 */
describe('console: a marketer names an unknown category and builds a club rule by its name', () => {
  let app: BrowserApp;
  let page: Page;
  const password = 'marketer-password-1';
  const marketerEmail = `${uniq('mkt')}@test.local`.toLowerCase();
  const code = uniq('babycare').toLowerCase().slice(0, 30);
  const suffix = code.slice(-4);
  const names = { nameZh: `母婴用品${suffix}`, nameEn: `Baby care ${suffix}` };
  const rosterCode = uniq('ROSTER')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 20);
  let rosterId: string;
  let ladder: Array<{ code: string; nameEn: string; nameZh: string }>;
  const members: Array<{ memberId: string; cardNo: string }> = [];

  beforeAll(async () => {
    app = await startBrowserApp();
    const { t } = app;
    const token = await loginAdmin(t);
    const admin = (method: 'post' | 'get', path: string) => t.http[method](`/api/v1/admin/${path}`).set('Authorization', `Bearer ${token}`);
    await admin('post', 'users').send({ email: marketerEmail, password, role: 'marketer' }).expect(201);
    const store = await createStore(t);
    for (const name of ['王小明', '李四']) {
      const m = await createMember(t, { name });
      members.push(m);
    }
    // Three lines with the new code, in two receipts; the tills send it in any case.
    await pos(t, store)
      .purchase(
        purchaseBody({ cardNo: members[0].cardNo }, [
          { category: code.toUpperCase(), amountCents: 3_000 },
          { category: code, amountCents: 2_000 },
        ]),
      )
      .expect(201);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: members[1].cardNo }, [{ category: code, amountCents: 4_000 }]))
      .expect(201);
    // The API process counts codes off the till's path; flush now rather than wait the few seconds.
    await t.app.get(CategoryUsageCollector).flush();
    const roster = await admin('post', 'clubs')
      .send({ code: rosterCode, nameZh: '名册俱乐部', nameEn: 'Roster club', joinPolicy: 'invite' })
      .expect(201);
    rosterId = roster.body.clubId as string;
    for (const m of members) {
      await admin('post', `clubs/${rosterId}/members/${m.memberId}`).expect(200);
    }
    ladder = (await admin('get', 'tiers').expect(200)).body.tiers;
    page = await newPage(app, 'en-US', WIDE);
  });

  afterAll(async () => {
    await app?.close();
  });

  const switchLanguage = async (to: 'zh-CN' | 'en') => {
    await page.getByRole('button', { name: to === 'zh-CN' ? 'Switch language' : '切换语言' }).dispatchEvent('click');
    await page.locator(`html[lang="${to}"]`).waitFor();
  };

  it('the unknown code is listed with its count; "Name it" gives it names in both languages and moves it into the catalog', () =>
    shootOnFailure(page, 'categories-name-it', async () => {
      await consoleSignIn(page, marketerEmail, password);
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('menuitem', { name: 'Categories' }).click();
      const unknown = page.getByTestId('categories-unknown');
      const row = unknown.locator('tr.ant-table-row').filter({ hasText: code });
      await row.waitFor();
      const [usage] = await app.t.db.query('SELECT line_count FROM category_usage WHERE code = ?', [code]);
      expect(Number(usage.line_count)).toBe(3);
      await expect(row.locator('td').nth(1).innerText()).resolves.toBe('3');
      await shoot(page, 'console-categories-unknown');

      await row.getByRole('button', { name: 'Name it' }).click();
      const dialog = page.getByRole('dialog', { name: `Name the code “${code}”` });
      await dialog.getByLabel('Chinese name').fill(names.nameZh);
      await dialog.getByLabel('English name').fill(names.nameEn);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await unknown.locator('tr.ant-table-row').filter({ hasText: code }).waitFor({ state: 'detached' });
      const catalog = page.getByTestId('categories-catalog');
      await catalog.getByLabel('Search a code or name').fill(suffix);
      const named = catalog.locator('tr.ant-table-row').filter({ hasText: names.nameEn });
      await named.waitFor();
      await expect(named.innerText()).resolves.toContain('3');
      const [row2] = await app.t.db.query('SELECT name_zh, name_en FROM categories WHERE code = ?', [code]);
      expect(row2).toEqual({ name_zh: names.nameZh, name_en: names.nameEn });
      await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
      await shoot(page, 'console-categories');
      await switchLanguage('zh-CN');
      await catalog.locator('tr.ant-table-row').filter({ hasText: names.nameZh }).first().waitFor();
      await shoot(page, 'console-categories-zh-CN');
      await switchLanguage('en');
    }));

  it('builds a club rule by picking the category by name (searched in either language); the rule reads the names', () =>
    shootOnFailure(page, 'categories-club-rule', async () => {
      await page.getByRole('menuitem', { name: 'Clubs' }).click();
      await page.getByRole('button', { name: 'New club' }).click();
      const drawer = page.getByRole('dialog', { name: 'New club' });
      await drawer.getByLabel('Code').fill(
        uniq('BABY')
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, '')
          .slice(0, 20),
      );
      await drawer.getByLabel('Name in Chinese').fill('母婴俱乐部');
      await drawer.getByLabel('Name in English').fill('Baby club');
      // Typed in Chinese on the English page: the search covers both names and the code.
      await chooseOption(page, drawer.getByLabel('Categories'), names.nameZh, names.nameEn);
      const words = `Members who bought in ${names.nameEn} at least once in the last 90 days.`;
      await drawer.getByTestId('rule-words').filter({ hasText: words }).waitFor();
      await expect(drawer.getByTestId('rule-words').innerText()).resolves.toBe(words);
      await expect(drawer.getByTestId('rule-words').innerText()).resolves.not.toContain(code);
      await drawer
        .getByTestId('rule-estimate')
        .getByText(/^2 of [\d,]+ members$/)
        .waitFor();
      await shoot(page, 'console-club-rule-by-name');
      await switchLanguage('zh-CN');
      await page
        .getByTestId('rule-words')
        .filter({ hasText: `近90天内在「${names.nameZh}」品类购买至少1次的会员。` })
        .waitFor();
      await shoot(page, 'console-club-rule-by-name-zh-CN');
      await switchLanguage('en');
      await page.getByRole('dialog', { name: 'New club' }).getByRole('button', { name: 'Close' }).click();
    }));

  it('the clubs list has a size column; a club lists members by masked name, tier name and card, linked to the archive', () =>
    shootOnFailure(page, 'categories-club-members', async () => {
      await page.getByRole('dialog', { name: 'New club' }).waitFor({ state: 'hidden' });
      const [size] = await app.t.db.query("SELECT COUNT(*) AS n FROM club_members WHERE club_id = ? AND status = 'active'", [rosterId]);
      await expect(page.getByTestId(`club-size-${rosterCode}`).innerText()).resolves.toBe(String(Number(size.n)));
      expect(Number(size.n)).toBe(2);
      await shoot(page, 'console-clubs-size');
      await switchLanguage('zh-CN');
      await page.getByRole('columnheader', { name: '会员数' }).waitFor();
      await shoot(page, 'console-clubs-size-zh-CN');
      await switchLanguage('en');
      await page.getByRole('button', { name: 'Roster club' }).click();
      const detail = page.getByRole('dialog', { name: 'Club' });
      const table = detail.getByTestId('club-members');
      await table.locator('tr.ant-table-row').nth(1).waitFor();
      const [tierOf] = await app.t.db.query('SELECT tier_code FROM members WHERE id = ?', [members[0].memberId]);
      const tier = ladder.find((x) => x.code === tierOf.tier_code)!;
      const first = table.locator('tr.ant-table-row').filter({ hasText: '王**' });
      await expect(first.innerText()).resolves.toContain(tier.nameEn);
      await expect(first.innerText()).resolves.toContain(`************${members[0].cardNo.slice(-4)}`);
      expect(await table.innerText()).not.toMatch(UUID);
      expect(await table.innerText()).not.toContain('王小明');
      await shoot(page, 'console-club-members');
      await first.getByRole('link', { name: 'Open the member’s archive' }).click();
      const archive = page.getByTestId('member-archive');
      await archive.waitFor();
      await archive.getByText(members[0].memberId).waitFor();
      await shoot(page, 'console-member-from-club');
      expect(pageProblems(page)).toEqual([]);
    }));

  it('at 375 px in Chinese: the catalog found by a Chinese name, a rule picked by name, the size column and a club’s masked members, each table inside its card', async () => {
    const phone = await newPage(app, 'zh-CN', PHONE);
    const overflow = () => phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    const menu = async (name: string) => {
      await phone.getByTestId('open-menu').click();
      await phone.getByRole('navigation').getByRole('menuitem', { name }).click();
    };
    const shot = async (name: string) => {
      mkdirSync(ARTIFACTS, { recursive: true });
      await phone.waitForTimeout(200); // a drawer finishes opening
      await phone.screenshot({ path: join(ARTIFACTS, `${name}-375-zh-CN.png`), fullPage: true });
    };
    await shootOnFailure(phone, 'categories-375-zh-CN', async () => {
      await consoleSignIn(phone, marketerEmail, password);
      // The catalog, searched by the Chinese name: the code's row with its count, named.
      await menu('品类');
      const catalog = phone.getByTestId('categories-catalog');
      await catalog.getByLabel('搜索代码或名称').fill(names.nameZh);
      const named = catalog.locator('tr.ant-table-row').filter({ hasText: names.nameZh });
      await named.waitFor();
      await expect(named.innerText()).resolves.toContain('3');
      await expect(overflow()).resolves.toBeLessThanOrEqual(0);
      await shot('console-categories');

      // A club rule picked by name (typed in English on the Chinese page); the rule reads the Chinese name.
      await menu('俱乐部');
      await phone.getByRole('button', { name: '新建俱乐部' }).click();
      const drawer = phone.getByRole('dialog', { name: '新建俱乐部' });
      await chooseOption(phone, drawer.getByLabel('品类'), names.nameEn, names.nameZh);
      const words = `近90天内在「${names.nameZh}」品类购买至少1次的会员。`;
      await drawer.getByTestId('rule-words').filter({ hasText: words }).waitFor();
      await expect(drawer.getByTestId('rule-words').innerText()).resolves.not.toContain(code);
      const [all] = await app.t.db.query('SELECT COUNT(*) AS n FROM members');
      await drawer
        .getByTestId('rule-estimate')
        .getByText(`${Number(all.n).toLocaleString('zh-CN')} 位会员中的 2 位`, { exact: true })
        .waitFor();
      await shot('console-club-rule-by-name');
      await drawer.getByRole('button', { name: /^(Close|关闭)$/ }).click();
      await drawer.waitFor({ state: 'hidden' });

      // The clubs list: the size column as the database counts it; the table scrolls inside its card, not the page.
      const [size] = await app.t.db.query("SELECT COUNT(*) AS n FROM club_members WHERE club_id = ? AND status = 'active'", [rosterId]);
      await expect(phone.getByTestId(`club-size-${rosterCode}`).innerText()).resolves.toBe(String(Number(size.n)));
      await phone.getByRole('columnheader', { name: '会员数' }).waitFor();
      // On a phone the name and the size read without scrolling sideways: both inside the screen.
      const clubRow = phone.locator('tr.ant-table-row').filter({ has: phone.getByTestId(`club-size-${rosterCode}`) });
      for (const cell of [clubRow.getByRole('button', { name: '名册俱乐部' }), phone.getByTestId(`club-size-${rosterCode}`)]) {
        const box = await cell.boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      }
      await expect(overflow()).resolves.toBeLessThanOrEqual(0);
      await shot('console-clubs-size');

      // A club's members: masked name, the tier's Chinese name and the masked card, linked to the archive.
      await phone.getByRole('button', { name: '名册俱乐部' }).click();
      const detail = phone.getByRole('dialog', { name: '俱乐部详情' });
      const table = detail.getByTestId('club-members');
      await table.locator('tr.ant-table-row').nth(1).waitFor();
      const [tierOf] = await app.t.db.query('SELECT tier_code FROM members WHERE id = ?', [members[0].memberId]);
      const tier = ladder.find((x) => x.code === tierOf.tier_code)!;
      const first = table.locator('tr.ant-table-row').filter({ hasText: '王**' });
      await expect(first.innerText()).resolves.toContain(tier.nameZh);
      await expect(first.innerText()).resolves.toContain(`************${members[0].cardNo.slice(-4)}`);
      expect(await table.innerText()).not.toMatch(UUID);
      expect(await table.innerText()).not.toContain('王小明');
      await expect(overflow()).resolves.toBeLessThanOrEqual(0);
      await shot('console-club-members');
      await first.getByRole('link', { name: '打开会员档案' }).click();
      const archive = phone.getByTestId('member-archive');
      await archive.getByText(members[0].memberId).waitFor();
      await shot('console-member-from-club');
      expect(pageProblems(phone)).toEqual([]);
    });
    await phone.context().close();
  });

  it('the excluded categories read by name on the tiers screen', () =>
    shootOnFailure(page, 'categories-excluded', async () => {
      const token = await loginAdmin(app.t);
      const program = (await app.t.http.get('/api/v1/admin/program').set('Authorization', `Bearer ${token}`).expect(200)).body;
      const before = program.excludedCategories as string[];
      const patch = (excludedCategories: string[]) =>
        app.t.http.patch('/api/v1/admin/program').set('Authorization', `Bearer ${token}`).send({ excludedCategories }).expect(200);
      await patch([...before, code]);
      try {
        const archive = page.getByRole('dialog', { name: 'Archive' });
        await archive.getByRole('button', { name: 'Close' }).click();
        await archive.waitFor({ state: 'hidden' });
        await page.getByRole('menuitem', { name: 'Tiers' }).click();
        const card = page.getByTestId('excluded-categories');
        await card.getByText(names.nameEn, { exact: false }).waitFor();
        expect(await card.innerText()).not.toContain(code);
        await shoot(page, 'console-tiers-excluded-categories');
      } finally {
        await patch(before);
      }
    }));
});
