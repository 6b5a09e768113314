import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newId } from '../../src/common/ids';
import { MemberTokensService } from '../../src/modules/portal/auth/member-tokens.service';
import { createStore, loginAdmin, memberWithPoints, uniq } from '../support/factories';
import {
  ARTIFACTS,
  BrowserApp,
  chooseOption,
  consoleSignIn,
  newPage,
  pageProblems,
  shootOnFailure,
  startBrowserApp,
  WIDE,
} from './support/browser';

/** A full-page screenshot at 1440 px into test/artifacts/. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function switchLanguage(page: Page, to: 'zh-CN' | 'en'): Promise<void> {
  await page.getByRole('button', { name: to === 'zh-CN' ? 'Switch language' : '切换语言' }).dispatchEvent('click');
  await page.locator(`html[lang="${to}"]`).waitFor();
}

/**
 * The rewards screens in headless Chromium at 1440 px against the real app: a marketer creates a reward with every
 * kind of term (stores, tiers and clubs picked by name) and sees it in the catalog in words, then archives one;
 * support looks a coupon up by its code and voids it, the confirmation saying the points that go back.
 */
describe('console: rewards catalog and coupon lookup', () => {
  let app: BrowserApp;
  let admin: string;
  const password = 'rewards-password-1';
  const marketerEmail = `${uniq('mkt')}@test.local`.toLowerCase();
  const supportEmail = `${uniq('sup')}@test.local`.toLowerCase();
  const suffix = uniq('x').slice(-4).toUpperCase();
  const storeName = `静安寺店 Jing'an ${suffix}`;
  const clubCode = uniq('BABY').toUpperCase().slice(0, 20);
  const rewardEn = `Weekend ¥20 off ${suffix}`;
  const rewardZh = `周末满100减20 ${suffix}`;
  let storeId: string;
  let couponCode: string;
  let memberId: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    const { t } = app;
    admin = await loginAdmin(t);
    const asAdmin = (path: string, body: object) =>
      t.http.post(`/api/v1/admin/${path}`).set('Authorization', `Bearer ${admin}`).send(body).expect(201);
    await asAdmin('users', { email: marketerEmail, password, role: 'marketer' });
    await asAdmin('users', { email: supportEmail, password, role: 'support' });
    storeId = (await asAdmin('stores', { code: uniq('JA').slice(0, 32), name: storeName })).body.storeId as string;
    await asAdmin('clubs', { code: clubCode, nameZh: `母婴俱乐部 ${suffix}`, nameEn: `Baby club ${suffix}`, joinPolicy: 'open' });
    // A coupon bought with 500 points, for support to look up and void.
    const reward = await asAdmin('rewards', {
      nameZh: '满50减10',
      nameEn: '¥10 off ¥50',
      kind: 'amount_off',
      valueCents: 1000,
      minSpendCents: 5000,
      validDays: 30,
      pointsPrice: 500,
    });
    const m = await memberWithPoints(t, await createStore(t), 2000);
    memberId = m.memberId;
    const token = (await t.app.get(MemberTokensService).issue(m.memberId)).accessToken;
    const exchanged = await t.http
      .post(`/api/v1/portal/rewards/${reward.body.rewardId}/exchange`)
      .set('Authorization', `Bearer ${token}`)
      .send({ idempotencyKey: newId() })
      .expect(201);
    couponCode = exchanged.body.coupon.code as string;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a marketer creates a reward in words (stores, tiers, clubs by name) and sees it in the catalog in both languages, then archives it', async () => {
    const page = await newPage(app, 'en-US', WIDE);
    await shootOnFailure(page, 'console-rewards-marketer', async () => {
      await consoleSignIn(page, marketerEmail, password);
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      await expect(menu.getByRole('menuitem', { name: 'Coupon lookup' }).count()).resolves.toBe(0);
      await menu.getByRole('menuitem', { name: 'Rewards' }).click();
      await page.getByRole('button', { name: 'New reward' }).click();
      const drawer = page.getByRole('dialog', { name: 'New reward' });
      await drawer.getByLabel('Name in Chinese').fill(rewardZh);
      await drawer.getByLabel('Name in English').fill(rewardEn);
      await drawer.getByLabel('Description in English').fill('On one receipt of ¥100 or more, weekends included.');
      await drawer.getByLabel('Amount off (¥)').fill('20');
      await drawer.getByLabel('Minimum spend (¥)').fill('100');
      await drawer.getByTestId('reward-value-words').filter({ hasText: 'Members and cashiers will read: ¥20 off over ¥100' }).waitFor();
      await chooseOption(page, drawer.getByLabel('Stores'), storeName);
      await chooseOption(page, drawer.getByLabel('Tiers that may exchange'), 'VIP');
      await chooseOption(page, drawer.getByLabel('Clubs (member of any one)'), `Baby club ${suffix}`);
      await drawer.getByLabel('Points price').fill('800');
      await drawer.getByLabel('Total stock').fill('50');
      await drawer.getByLabel('Per member').fill('2');
      await shoot(page, 'console-reward-form-1440');
      await drawer.getByRole('button', { name: 'Create reward' }).scrollIntoViewIfNeeded();
      await shoot(page, 'console-reward-form-end-1440');
      await drawer.getByRole('button', { name: 'Create reward' }).click();
      await drawer.waitFor({ state: 'hidden' });

      const row = page.getByTestId('rewards-table').locator('tr', { hasText: rewardEn });
      await row.waitFor();
      const cells = await row.locator('td').allInnerTexts();
      expect(cells.slice(0, 8)).toEqual([
        rewardEn,
        '¥20 off over ¥100\nAmount off',
        '800 points',
        '50 / 50',
        '30 days after issue',
        'Always',
        `Tier: VIP\nClub: Baby club ${suffix}`,
        'On sale',
      ]);
      await shoot(page, 'console-rewards-1440');
      // What was saved: cents, the store's id and the club's code, from names picked on the page.
      const listed = await app.t.http.get('/api/v1/admin/rewards?limit=50').set('Authorization', `Bearer ${admin}`).expect(200);
      const saved = listed.body.items.find((r: { nameEn: string }) => r.nameEn === rewardEn);
      expect(saved).toMatchObject({
        nameZh: rewardZh,
        kind: 'amount_off',
        valueCents: 2000,
        minSpendCents: 10000,
        validDays: 30,
        storeIds: [storeId],
        eligibleTiers: ['VIP'],
        eligibleClubs: [clubCode],
        pointsPrice: 800,
        stockTotal: 50,
        stockLeft: 50,
        perMemberLimit: 2,
      });

      await switchLanguage(page, 'zh-CN');
      const zhRow = page.getByTestId('rewards-table').locator('tr', { hasText: rewardZh });
      const zhCells = await zhRow.locator('td').allInnerTexts();
      expect(zhCells.slice(0, 8)).toEqual([
        rewardZh,
        '满¥100减¥20\n满减券',
        '800 积分',
        '50 / 50',
        '领取后30天内有效',
        '长期',
        `等级：VIP会员\n俱乐部：母婴俱乐部 ${suffix}`,
        '兑换中',
      ]);
      await shoot(page, 'console-rewards-1440-zh-CN');
      await zhRow.getByRole('button', { name: /^编 ?辑$/ }).click();
      await page.getByRole('dialog', { name: '编辑奖励' }).getByLabel('中文名称').waitFor();
      await shoot(page, 'console-reward-form-1440-zh-CN');
      await page
        .getByRole('dialog', { name: '编辑奖励' })
        .getByRole('button', { name: /^(Close|关闭)$/ })
        .click();
      await page.getByRole('dialog', { name: '编辑奖励' }).waitFor({ state: 'hidden' });
      await switchLanguage(page, 'en');

      // Archive asks first, then the reward leaves the current list for the archived one.
      await row.getByRole('button', { name: 'Archive' }).click();
      const confirm = page.getByRole('dialog').filter({ hasText: `Archive “${rewardEn}”?` });
      await confirm.getByText('Coupons already issued stay valid').waitFor();
      await shoot(page, 'console-reward-archive-confirm-1440');
      await confirm.getByRole('button', { name: 'Archive' }).click();
      await row.waitFor({ state: 'detached' });
      await page.getByText('Archived', { exact: true }).first().click();
      await page.getByTestId('rewards-table').locator('tr', { hasText: rewardEn }).getByText('Archived').waitFor();
      expect(pageProblems(page)).toEqual([]);
    });
  });

  it('support looks a coupon up by its code (member masked, the archive one click away) and voids it, told the points that go back', async () => {
    const page = await newPage(app, 'en-US', WIDE);
    await shootOnFailure(page, 'console-coupon-support', async () => {
      await consoleSignIn(page, supportEmail, password);
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      await expect(menu.getByRole('menuitem', { name: 'Rewards' }).count()).resolves.toBe(0);
      await menu.getByRole('menuitem', { name: 'Coupon lookup' }).click();
      const search = page.getByLabel('Coupon code');
      await search.fill('ZZZZZZZZZZZZZZZZ');
      await search.press('Enter');
      await page.getByText('No coupon has the code ZZZZZZZZZZZZZZZZ').waitFor();
      await search.fill(couponCode.toLowerCase());
      await search.press('Enter');
      const card = page.getByTestId('coupon-card');
      await card.getByText('Active', { exact: true }).waitFor();
      await card.getByText('¥10 off over ¥50').waitFor();
      await card.getByText('Exchange for 500 points').waitFor();
      // The member is read after the coupon (GET members/{id}): wait for it, then check the masking.
      await card.getByTestId('coupon-member').filter({ hasText: '张' }).waitFor();
      await expect(card.getByTestId('coupon-member').innerText()).resolves.toMatch(/^张\* · \+86139\*{4}\d{4}$/);
      await card.getByRole('button', { name: 'Open member archive' }).click();
      const archive = page.getByRole('dialog', { name: 'Member archive' });
      await archive.getByTestId('member-archive').waitFor();
      await archive.getByRole('button', { name: 'Close' }).click();
      await archive.waitFor({ state: 'hidden' });
      await shoot(page, 'console-coupon-lookup-1440');

      await card.getByRole('button', { name: 'Void coupon' }).click();
      const confirm = page.getByRole('dialog').filter({ hasText: `Void coupon ${couponCode}?` });
      await expect(confirm.getByTestId('void-points-note').innerText()).resolves.toBe(
        'The member gets the 500 points paid for it back, and the coupon can no longer be used.',
      );
      const ok = confirm.getByRole('button', { name: 'Void coupon' });
      await expect(ok.isDisabled()).resolves.toBe(true);
      await confirm.getByLabel('Reason').fill('Exchanged by mistake');
      await shoot(page, 'console-coupon-void-confirm-1440');
      await ok.click();
      await page.getByTestId('void-done').getByText('Voided. 500 points went back to the member.').waitFor();
      await card.getByText('Voided', { exact: true }).first().waitFor();
      await shoot(page, 'console-coupon-voided-1440');
      const ledger = await app.t.http.get(`/api/v1/admin/members/${memberId}/ledger`).set('Authorization', `Bearer ${admin}`).expect(200);
      expect(ledger.body.points.available).toBe(2000);

      await switchLanguage(page, 'zh-CN');
      await card.getByText('已作废', { exact: true }).first().waitFor();
      await card.getByText('满¥50减¥10').waitFor();
      await shoot(page, 'console-coupon-voided-1440-zh-CN');
      expect(pageProblems(page)).toEqual([]);
    });
  });
});
