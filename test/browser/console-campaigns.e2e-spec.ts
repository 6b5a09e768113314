import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createMember, createStore, loginAdmin, pos, purchaseBody, uniq } from '../support/factories';
import {
  ARTIFACTS,
  BrowserApp,
  chooseOption,
  consoleSignIn,
  newPage,
  pageProblems,
  PHONE,
  pickOption,
  shootOnFailure,
  startBrowserApp,
} from './support/browser';

/** The width a marketer's desktop console is checked at (issue 18). */
const WIDE = { width: 1440, height: 900 };

/** Screenshots at 1440 px and at 375 px, under test/artifacts/. */
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

/** Closes a drawer by its Close button, again if a click lands while the drawer is still moving (after a resize). */
async function closeDrawer(dialog: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await dialog.getByRole('button', { name: /^(Close|关闭)$/ }).click();
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 3) {
        throw err;
      }
    }
  }
}

/** Switches the console's language (dispatched: a drawer's or modal's mask may cover the switch). */
async function switchLanguage(page: Page, to: 'zh-CN' | 'en') {
  await page.getByRole('button', { name: to === 'zh-CN' ? 'Switch language' : '切换语言' }).dispatchEvent('click');
}

/**
 * A marketer at 1440 px: an automatic club whose estimate reads "N of M members" with masked names and which is
 * filled at save; a points campaign launched only after a confirmation stating its figures, the list turning it to
 * Completed without leaving the screen; a coupon campaign with its budget in coupons; a wizard closed half-way
 * leaving no draft. An admin's add-user form empties after saving.
 */
describe('console: campaigns with a confirmation in numbers, a live list, coupons, and club estimates of N of M', () => {
  let app: BrowserApp;
  let page: Page;
  const password = 'campaigns-password-1';
  const marketerEmail = `${uniq('mkt')}@test.local`.toLowerCase();
  const adminEmail = `${uniq('adm')}@test.local`.toLowerCase();
  const category = uniq('tea').toLowerCase().slice(0, 30);
  const clubCode = uniq('TEA').toUpperCase().slice(0, 20);
  const rewardName = uniq('Tea ¥20 off');
  const buyers = 4;
  let rewardId = '';

  beforeAll(async () => {
    app = await startBrowserApp({ workers: true });
    const { t } = app;
    const token = await loginAdmin(t);
    for (const [email, role] of [
      [marketerEmail, 'marketer'],
      [adminEmail, 'admin'],
    ]) {
      await t.http.post('/api/v1/admin/users').set('Authorization', `Bearer ${token}`).send({ email, password, role }).expect(201);
    }
    const reward = await t.http
      .post('/api/v1/admin/rewards')
      .set('Authorization', `Bearer ${token}`)
      .send({
        nameZh: `${rewardName}（茶）`,
        nameEn: rewardName,
        kind: 'amount_off',
        valueCents: 2000,
        minSpendCents: 10000,
        validDays: 30,
      })
      .expect(201);
    rewardId = reward.body.rewardId as string;
    await t.http
      .post('/api/v1/admin/categories')
      .set('Authorization', `Bearer ${token}`)
      .send({ code: category, nameZh: '茶叶', nameEn: `Tea ${category.slice(-4)}` })
      .expect(201);
    const store = await createStore(t);
    for (let i = 0; i < buyers; i++) {
      const m = await createMember(t, { name: '王小明' });
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ category, amountCents: 5_000 }]))
        .expect(201);
    }
    page = await newPage(app, 'en-US', WIDE);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the club estimate reads "4 of M members" with masked names, and the new club is filled at save with its progress', () =>
    shootOnFailure(page, 'campaigns-club', async () => {
      await consoleSignIn(page, marketerEmail, password);
      await page.getByRole('menuitem', { name: 'Clubs' }).click();
      await page.getByRole('button', { name: 'New club' }).click();
      const drawer = page.getByRole('dialog', { name: 'New club' });
      await drawer.getByLabel('Code').fill(clubCode);
      await drawer.getByLabel('Name in Chinese').fill('茶友会');
      await drawer.getByLabel('Name in English').fill('Tea club');
      await chooseOption(page, drawer.getByLabel('Categories'), `Tea ${category.slice(-4)}`);
      const [all] = await app.t.db.query('SELECT COUNT(*) AS n FROM members');
      const total = Number(all.n).toLocaleString('en-US');
      await drawer.getByTestId('rule-estimate').getByText(`${buyers} of ${total} members`, { exact: true }).waitFor();
      // Who they are, masked: the first character of the name only.
      const sample = drawer.getByTestId('rule-sample').locator('.ant-tag');
      await expect(sample.count()).resolves.toBe(buyers);
      await expect(sample.first().innerText()).resolves.toMatch(/^王\*\* · /);
      await shoot(page, 'console-club-estimate');
      await switchLanguage(page, 'zh-CN');
      await page
        .getByTestId('rule-estimate')
        .getByText(`${Number(all.n).toLocaleString('zh-CN')} 位会员中的 ${buyers} 位`)
        .waitFor();
      await shoot(page, 'console-club-estimate-zh-CN');
      await switchLanguage(page, 'en');
      await drawer.getByRole('button', { name: 'Create club' }).click();

      // No click on "Regroup now": the club is filled by its rule at save, its progress shown.
      const detail = page.getByRole('dialog', { name: 'Club' });
      await detail.getByText('Filling the new club by its rule', { exact: false }).waitFor();
      await detail.locator('[data-testid="job-progress"][data-percent="100"]').waitFor({ timeout: 60_000 });
      const rows = detail.getByTestId('club-members').locator('tbody tr.ant-table-row');
      await rows.nth(buyers - 1).waitFor();
      await expect(rows.count()).resolves.toBe(buyers);
      const [held] = await app.t.db.query(
        "SELECT COUNT(*) AS n FROM club_members cm JOIN clubs c ON c.id = cm.club_id WHERE c.code = ? AND cm.status = 'active'",
        [clubCode],
      );
      expect(Number(held.n)).toBe(buyers);
      await shoot(page, 'console-club-filled');
      await closeDrawer(detail);
    }));

  it('a wizard closed half-way leaves no draft behind', () =>
    shootOnFailure(page, 'campaigns-abandoned', async () => {
      const name = uniq('Abandoned');
      await page.getByRole('menuitem', { name: 'Campaigns' }).click();
      await page.getByRole('button', { name: 'New campaign' }).click();
      const wizard = page.getByRole('dialog', { name: 'New campaign' });
      await wizard.getByLabel('Name').fill(name);
      await chooseOption(page, wizard.getByLabel('Clubs', { exact: true }), clubCode);
      // The size is counted before anything is saved; the draft is saved once it has an action.
      await wizard.getByTestId('preview-size').getByText(String(buyers), { exact: true }).waitFor();
      await expect(app.t.db.query('SELECT id FROM campaigns WHERE name = ?', [name])).resolves.toEqual([]);
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByLabel('Points each').fill('50');
      await wizard.getByTestId('preview-cost').getByText('200', { exact: true }).waitFor();
      const [saved] = await app.t.db.query('SELECT COUNT(*) AS n FROM campaigns WHERE name = ?', [name]);
      expect(Number(saved.n)).toBe(1);
      await closeDrawer(wizard);
      let left = 1;
      for (let i = 0; i < 50 && left > 0; i++) {
        await page.waitForTimeout(100);
        left = Number((await app.t.db.query('SELECT COUNT(*) AS n FROM campaigns WHERE name = ?', [name]))[0].n);
      }
      expect(left).toBe(0);

      // Closing or reloading the tab half-way deletes the draft too.
      const reloaded = uniq('Reloaded');
      await page.getByRole('button', { name: 'New campaign' }).click();
      await wizard.getByLabel('Name').fill(reloaded);
      await chooseOption(page, wizard.getByLabel('Clubs', { exact: true }), clubCode);
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByLabel('Points each').fill('50');
      await wizard.getByTestId('preview-cost').getByText('200', { exact: true }).waitFor();
      await expect(app.t.db.query('SELECT id FROM campaigns WHERE name = ?', [reloaded])).resolves.toHaveLength(1);
      await page.reload();
      await page.getByTestId('signed-in-as').waitFor();
      left = 1;
      for (let i = 0; i < 50 && left > 0; i++) {
        await page.waitForTimeout(100);
        left = Number((await app.t.db.query('SELECT COUNT(*) AS n FROM campaigns WHERE name = ?', [reloaded]))[0].n);
      }
      expect(left).toBe(0);
      await page.getByRole('menuitem', { name: 'Campaigns' }).click();
    }));

  it(
    'grants points after a confirmation stating audience, per member, total, budget and approval; the list turns to Completed live',
    () =>
      shootOnFailure(page, 'campaigns-points', async () => {
        const name = uniq('Tea welcome');
        await page.getByRole('button', { name: 'New campaign' }).click();
        const wizard = page.getByRole('dialog', { name: 'New campaign' });
        await wizard.getByLabel('Name').fill(name);
        await chooseOption(page, wizard.getByLabel('Clubs', { exact: true }), clubCode);
        await wizard.getByTestId('audience-words').getByText('Members in any of the chosen clubs.', { exact: true }).waitFor();
        // A tier as well: clubs and tiers combine as OR, said in words, with AND to choose.
        const firstTier = wizard.locator('[aria-labelledby="campaign-tiers"] input[type="checkbox"]').first();
        await firstTier.check();
        await wizard
          .getByTestId('audience-words')
          .getByText('Members in any of the chosen clubs OR any of the chosen tiers.', { exact: true })
          .waitFor();
        await wizard.getByText('Both (AND)', { exact: true }).waitFor();
        await shoot(page, 'console-campaign-audience-or');
        await switchLanguage(page, 'zh-CN');
        await page.getByTestId('audience-words').getByText('属于任一所选俱乐部 或 任一所选等级的会员。', { exact: true }).waitFor();
        await shoot(page, 'console-campaign-audience-or-zh-CN');
        await switchLanguage(page, 'en');
        await firstTier.uncheck();
        await wizard.getByLabel('Members with no purchase in the last … days').fill('30');
        await wizard
          .getByTestId('audience-words')
          .getByText('Members in any of the chosen clubs, except members who are in any of the exclusions below.', { exact: true })
          .waitFor();
        await wizard.getByTestId('preview-size').getByText(String(buyers), { exact: true }).waitFor();
        await wizard.getByRole('button', { name: 'Next' }).click();

        // Nothing pre-filled: the points are typed by the marketer.
        const points = wizard.getByLabel('Points each');
        await expect(points.inputValue()).resolves.toBe('');
        await wizard.getByTestId('wizard-missing').getByText('Enter the points each member gets.').waitFor();
        await points.fill('150');
        await wizard.getByTestId('preview-cost').getByText('600', { exact: true }).waitFor();
        await shoot(page, 'console-campaign-action-points');
        await wizard.getByRole('button', { name: 'Next' }).click();
        await wizard.getByRole('button', { name: 'Next' }).click();
        await wizard.getByLabel('Budget (points)').fill('1000');
        await wizard.getByRole('button', { name: 'Next' }).click();
        await wizard.getByTestId('summary-actions').getByText('grant 150 points', { exact: false }).waitFor();
        await wizard.getByRole('button', { name: 'Launch' }).click();

        const confirm = page.getByRole('dialog', { name: `Launch “${name}”?` });
        await confirm.getByTestId('launch-confirmation').waitFor();
        await expect(confirm.getByTestId('confirm-audience').innerText()).resolves.toBe(
          `Audience of ${buyers}: ${buyers} receive it, 0 held out for comparison`,
        );
        await expect(confirm.getByTestId('confirm-per-member').innerText()).resolves.toBe('150 points');
        await expect(confirm.getByTestId('confirm-total').innerText()).resolves.toBe('600 points');
        await expect(confirm.getByTestId('confirm-budget').innerText()).resolves.toBe('1,000 points');
        await expect(confirm.getByTestId('confirm-approval').innerText()).resolves.toBe('Not needed: within the program limits.');
        // Nothing has moved before the confirmation.
        const [before] = await app.t.db.query('SELECT state FROM campaigns WHERE name = ?', [name]);
        expect(before.state).toBe('draft');
        await shoot(page, 'console-campaign-confirm');
        await switchLanguage(page, 'zh-CN');
        await page.getByTestId('confirm-total').getByText('600 积分', { exact: true }).waitFor();
        await shoot(page, 'console-campaign-confirm-zh-CN');
        await switchLanguage(page, 'en');
        await confirm.getByRole('button', { name: 'Launch now' }).click();
        await wizard.waitFor({ state: 'hidden' });

        // The list, without leaving the screen: the row's state turns to Completed by itself.
        const row = page.getByTestId('campaign-list').locator('tr.ant-table-row').filter({ hasText: name });
        await row.getByTestId('campaign-state').getByText('Completed', { exact: true }).waitFor({ timeout: 60_000 });
        await row.getByText('600 / 1,000 points', { exact: true }).waitFor();
        await expect(row.locator('td').nth(2).innerText()).resolves.toBe(String(buyers));
        await shoot(page, 'console-campaign-list');

        const [campaign] = await app.t.db.query('SELECT id, audience FROM campaigns WHERE name = ?', [name]);
        expect(JSON.parse(campaign.audience as string)).toMatchObject({ exclude: [{ type: 'noPurchaseDays', days: 30 }] });
        const [ledger] = await app.t.db.query(
          "SELECT COALESCE(SUM(points), 0) AS points, COUNT(DISTINCT member_id) AS members FROM point_entries WHERE ref_type = 'campaign' AND ref_id LIKE ?",
          [`${campaign.id}:%`],
        );
        expect(Number(ledger.points)).toBe(buyers * 150);
        expect(Number(ledger.members)).toBe(buyers);

        // The results: no holdout, so no uplift chart but a note saying why.
        await row.getByRole('button', { name }).click();
        const detail = page.getByRole('dialog', { name: 'Campaign' });
        await detail.getByTestId('no-holdout').waitFor();
        await expect(detail.getByTestId('uplift-chart').count()).resolves.toBe(0);
        await shoot(page, 'console-campaign-results-no-holdout');
        await closeDrawer(detail);

        // Filters: by state and by a part of the name.
        await page.getByLabel('Search by name').fill(name.slice(0, 12));
        await page.getByTestId('campaign-list').locator('tr.ant-table-row').filter({ hasText: name }).waitFor();
        await page.getByLabel('State', { exact: true }).click();
        await pickOption(page, /^Draft$/);
        await page.getByTestId('campaign-list').getByText('No campaign matches').waitFor();
        await page.getByLabel('State', { exact: true }).click();
        await pickOption(page, 'All states');
        await page.getByLabel('Search by name').fill('');
        expect(pageProblems(page)).toEqual([]);
      }),
    180_000,
  );

  it('grants a coupon picked by name, its budget counted in coupons: 3 coupons for 4 members, the confirmation says who gets none', () =>
    shootOnFailure(page, 'campaigns-coupon', async () => {
      const name = uniq('Tea coupon');
      await page.getByRole('button', { name: 'New campaign' }).click();
      const wizard = page.getByRole('dialog', { name: 'New campaign' });
      await wizard.getByLabel('Name').fill(name);
      await chooseOption(page, wizard.getByLabel('Clubs', { exact: true }), clubCode);
      await wizard.getByTestId('preview-size').getByText(String(buyers), { exact: true }).waitFor();
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByText('Grant a coupon', { exact: true }).click();
      await chooseOption(page, wizard.getByLabel('Reward'), rewardName);
      await wizard.getByTestId('preview-cost').getByText(String(buyers), { exact: true }).waitFor();
      await shoot(page, 'console-campaign-action-coupon');
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByLabel('Budget (coupons)').fill('3');
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByTestId('summary-actions').getByText(`grant a coupon: ${rewardName} (¥20.00)`).waitFor();
      await wizard.getByRole('button', { name: 'Launch' }).click();

      const confirm = page.getByRole('dialog', { name: `Launch “${name}”?` });
      await confirm.getByTestId('launch-confirmation').waitFor();
      await expect(confirm.getByTestId('confirm-per-member').innerText()).resolves.toBe(`1 coupon: ${rewardName} (¥20.00)`);
      await expect(confirm.getByTestId('confirm-total').innerText()).resolves.toBe('3 coupons (face value ¥60.00)');
      await confirm.getByText('Left without: 1 of the targeted members (the budget runs out before them).').waitFor();
      await expect(confirm.getByTestId('confirm-budget').innerText()).resolves.toBe('3 coupons');
      await shoot(page, 'console-campaign-confirm-coupon');
      await switchLanguage(page, 'zh-CN');
      await page.getByTestId('confirm-total').getByText('3 张优惠券', { exact: false }).waitFor();
      await shoot(page, 'console-campaign-confirm-coupon-zh-CN');
      await switchLanguage(page, 'en');
      await confirm.getByRole('button', { name: 'Launch now' }).click();
      await wizard.waitFor({ state: 'hidden' });

      const row = page.getByTestId('campaign-list').locator('tr.ant-table-row').filter({ hasText: name });
      await row.getByTestId('campaign-state').getByText('Completed', { exact: true }).waitFor({ timeout: 60_000 });
      await row.getByText('3 / 3 coupons', { exact: true }).waitFor();
      const [campaign] = await app.t.db.query('SELECT id FROM campaigns WHERE name = ?', [name]);
      const [coupons] = await app.t.db.query('SELECT COUNT(*) AS n FROM coupons WHERE reward_id = ? AND source_ref LIKE ?', [
        rewardId,
        `${campaign.id}:%`,
      ]);
      expect(Number(coupons.n)).toBe(3);
      await row.getByRole('button', { name }).click();
      const detail = page.getByRole('dialog', { name: 'Campaign' });
      await detail.getByTestId('coupons-issued').getByText('3', { exact: true }).waitFor();
      await detail.getByTestId('coupons-used').getByText('0 of 3 (0.0%)', { exact: true }).waitFor();
      await detail.getByTestId('over-budget').getByText('1', { exact: true }).waitFor();
      await shoot(page, 'console-campaign-results-coupon');
      await switchLanguage(page, 'zh-CN');
      await page.getByTestId('coupons-issued').getByText('3', { exact: true }).waitFor();
      await page.getByText('已完成', { exact: true }).first().waitFor();
      await shoot(page, 'console-campaign-results-coupon-zh-CN');
      await switchLanguage(page, 'en');
      await closeDrawer(detail);
      await switchLanguage(page, 'zh-CN');
      await page.getByTestId('campaign-list').getByText('3 / 3 张优惠券', { exact: true }).waitFor();
      await page.getByTestId('campaign-notice').getByText(`“${name}”已启动`).waitFor();
      await shoot(page, 'console-campaign-list-zh-CN');
      await switchLanguage(page, 'en');
      expect(pageProblems(page)).toEqual([]);
    }));

  it('the add-user form empties its email and password after saving', async () => {
    const admin = await newPage(app, 'en-US', WIDE);
    await shootOnFailure(admin, 'campaigns-add-user', async () => {
      await consoleSignIn(admin, adminEmail, password);
      await admin.getByRole('menuitem', { name: 'Operations' }).click();
      await admin.getByRole('tab', { name: 'Console users' }).click();
      const email = `${uniq('new')}@test.local`.toLowerCase();
      const panel = admin.getByRole('tabpanel', { name: 'Console users' });
      await panel.getByLabel('Email').fill(email);
      await panel.getByLabel('Password').fill('a-long-password-1');
      await panel.getByLabel('Role').click();
      await pickOption(admin, 'Analyst');
      await panel.getByRole('button', { name: 'Add user' }).click();
      await panel.getByText(email).waitFor();
      await expect(panel.getByLabel('Email').inputValue()).resolves.toBe('');
      await expect(panel.getByLabel('Password').inputValue()).resolves.toBe('');
      const [user] = await app.t.db.query('SELECT role FROM admin_users WHERE email = ?', [email]);
      expect(user.role).toBe('analyst');
    });
    await admin.context().close();
  });
});
