import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, businessDay, businessDayStart } from '../../src/modules/analytics/rules/figures';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestMember, uniq } from '../support/factories';
import { momentOf } from '../support/business-days';
import { ownDatabase } from '../support/own-database';
import { ARTIFACTS, BrowserApp, consoleSignIn, newPage, pageProblems, shootOnFailure, startBrowserApp, WIDE } from './support/browser';

// The console's formatting, written out here on its own (not imported), so a wrong figure on screen fails.
const points = (n: number, locale = 'en-US') => n.toLocaleString(locale, { maximumFractionDigits: 0 });
const money = (cents: number, locale = 'en-US') =>
  `${cents < 0 ? '-' : ''}¥${points(Math.floor(Math.abs(cents) / 100), locale)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const percent = (share: number, locale = 'en-US') =>
  share.toLocaleString(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

const PHONE = { width: 375, height: 812 };

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(300); // charts finish their entry animation
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * A marketer in headless Chromium at 1440 and 375 px, on a database of its own (so every figure is known): before the
 * first snapshot the dashboard offers to make one (and says no "0 members"); the KPIs on screen are the database's
 * figures against the period before; the menu folds into a drawer on a phone; errors speak the console's Chinese; a
 * lapsed access token does not lose a save.
 */
describe('console: the dashboard and the frame at 1440 and 375 px', () => {
  const own = ownDatabase('dash');
  let app: BrowserApp;
  let page: Page;
  const email = `${uniq('marketer')}@test.local`.toLowerCase();
  const password = 'marketer-password-1';
  const members: TestMember[] = [];
  let today: string;

  beforeAll(async () => {
    await own.enter();
    app = await startBrowserApp({ workers: true });
    const { t } = app;
    const admin = await loginAdmin(t);
    await t.http
      .post('/api/v1/admin/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email, password, role: 'marketer' })
      .expect(201);
    // Six members: four buy today (¥120.00 each), one bought 10 days ago (¥80.00), one never. One club of three.
    const store = await createStore(t);
    today = businessDay(new Date());
    for (let i = 0; i < 6; i++) {
      members.push(await createMember(t));
    }
    for (const m of members.slice(0, 4)) {
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 120_00 }]))
        .expect(201);
    }
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: members[4].cardNo }, [{ amountCents: 80_00 }]))
      .expect(201);
    await t.db.query('UPDATE purchases SET occurred_at = ? WHERE member_id = ?', [momentOf(addDays(today, -10)), members[4].memberId]);
    await t.db.query('UPDATE point_entries SET created_at = ? WHERE member_id = ?', [momentOf(addDays(today, -10)), members[4].memberId]);
    await t.db.query('UPDATE members SET created_at = ? WHERE id = ?', [momentOf(addDays(today, -20)), members[4].memberId]);
    const club = await t.http
      .post('/api/v1/admin/clubs')
      .set('Authorization', `Bearer ${admin}`)
      .send({ code: 'WINE', nameZh: '红酒俱乐部', nameEn: 'Wine club', joinPolicy: 'open' })
      .expect(201);
    for (const m of members.slice(0, 3)) {
      await t.http
        .post(`/api/v1/admin/clubs/${club.body.clubId}/members/${m.memberId}`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
    }
    page = await newPage(app, 'zh-CN', WIDE);
  });

  afterAll(async () => {
    await app?.close();
    await own.leave();
  });

  it('a wrong password is refused in the console’s Chinese, not the server’s English', () =>
    shootOnFailure(page, 'dashboard-login', async () => {
      await page.goto('/console/');
      await page.getByLabel('邮箱').fill(email);
      await page.getByLabel('密码').fill('not the password');
      await page.getByRole('button', { name: /^登 ?录$/ }).click();
      await page.getByRole('alert').getByText('登录失败：邮箱或密码错误。').waitFor();
      await expect(page.getByText('The email or the password is wrong').count()).resolves.toBe(0);
      await shoot(page, 'console-login-error-zh-1440');
    }));

  it('before the first snapshot the dashboard offers one (no "0 members"), makes it with progress, then shows the database’s figures', () =>
    shootOnFailure(page, 'dashboard-first-snapshot', async () => {
      await consoleSignIn(page, email, password);
      await page.getByTestId('dashboard-no-snapshot').waitFor();
      await page.getByText('还没有统计数据').waitFor();
      await expect(page.getByTestId('kpi-members').count()).resolves.toBe(0);
      const [inDb] = await app.t.db.query<Array<{ n: unknown }>>("SELECT COUNT(*) AS n FROM members WHERE status <> 'merged'");
      expect(Number(inDb.n)).toBe(6);
      await shoot(page, 'console-dashboard-no-snapshot-zh-1440');

      await page.getByRole('button', { name: '生成第一个快照' }).click();
      // Its progress shows while it runs (a run this small may end before a look catches the bar: then the figures show).
      await page.locator('[data-testid="job-progress"], [data-testid="kpi-members"]').first().waitFor();
      await page.getByTestId('kpi-members').waitFor({ timeout: 60_000 });

      // 30 days (the default) against the 30 before: every member joined inside it but the one moved 20 days back.
      const kpi = (id: string) => page.getByTestId(`kpi-${id}-value`).innerText();
      const change = (id: string) => page.getByTestId(`kpi-${id}-change`).innerText();
      await expect(kpi('members')).resolves.toBe(points(6, 'zh-CN'));
      await expect(page.getByTestId('kpi-members-previous').innerText()).resolves.toBe(`上一周期：${points(0, 'zh-CN')}`);
      await expect(change('members')).resolves.toBe('—');
      await expect(kpi('activeMembers')).resolves.toBe(points(5, 'zh-CN'));
      await expect(kpi('salesCents')).resolves.toBe(money(4 * 120_00 + 80_00, 'zh-CN'));
      await expect(kpi('receipts')).resolves.toBe(points(5, 'zh-CN'));
      await expect(kpi('pointsIssued')).resolves.toBe(points(4 * 120 + 80, 'zh-CN'));
      await expect(kpi('pointsRedeemed')).resolves.toBe(points(0, 'zh-CN'));
      await expect(kpi('couponsUsed')).resolves.toBe(points(0, 'zh-CN'));
      await page.getByTestId('chart-sales').locator('canvas').first().waitFor();
      await page.getByTestId('chart-points').locator('canvas').first().waitFor();
      await page.getByTestId('dashboard-clubs').getByText('红酒俱乐部').waitFor();
      await expect(page.getByTestId('dashboard-clubs').locator('tbody tr').first().innerText()).resolves.toMatch(
        /红酒俱乐部\s+3\s+3 · 100\.0%/,
      );
      await page.getByText('当前没有发放中的活动，也没有生效的积分规则').waitFor();
      await shoot(page, 'console-dashboard-30d-zh-1440');
    }));

  it('the 7-day period compares with the 7 days before: the database’s members, buyers and sales, and their change', () =>
    shootOnFailure(page, 'dashboard-7d', async () => {
      await page.getByTestId('period-switch').getByText('近 7 天').click();
      await page.waitForURL(/days=7/);
      // Members: 6 at the end of this week; at the end of the week before only the one moved 20 days back had joined.
      const [joinedBefore] = await app.t.db.query<Array<{ n: unknown }>>(
        "SELECT COUNT(*) AS n FROM members WHERE status <> 'merged' AND created_at < ?",
        [businessDayStart(addDays(today, -6))],
      );
      expect(Number(joinedBefore.n)).toBe(1);
      const kpi = (id: string) => page.getByTestId(`kpi-${id}-value`).innerText();
      await page.locator(`[data-testid="dashboard-period"][data-from="${addDays(today, -6)}"]`).waitFor();
      await expect(kpi('members')).resolves.toBe(points(6, 'zh-CN'));
      await expect(page.getByTestId('kpi-members-change').innerText()).resolves.toContain(`+${percent(5, 'zh-CN')}`);
      // Buyers: 4 this week, 1 (10 days ago) the week before: +300%.
      await expect(kpi('activeMembers')).resolves.toBe(points(4, 'zh-CN'));
      await expect(page.getByTestId('kpi-activeMembers-change').innerText()).resolves.toContain(`+${percent(3, 'zh-CN')}`);
      // Sales: ¥480.00 against ¥80.00: +500%.
      await expect(kpi('salesCents')).resolves.toBe(money(4 * 120_00, 'zh-CN'));
      await expect(page.getByTestId('kpi-salesCents-previous').innerText()).resolves.toBe(`上一周期：${money(80_00, 'zh-CN')}`);
      await expect(page.getByTestId('kpi-salesCents-change').innerText()).resolves.toContain(`+${percent(5, 'zh-CN')}`);
      await shoot(page, 'console-dashboard-7d-zh-1440');
    }));

  it('after the access token lapses, the next save is refreshed and sent again: nothing lost, no error', () =>
    shootOnFailure(page, 'dashboard-lapsed-token', async () => {
      // The server answers the next snapshot request 401, as it does once the 15-minute access token has lapsed.
      let refused = 0;
      await page.route('**/api/v1/admin/analytics/snapshots', async (route) => {
        if (refused === 0 && route.request().method() === 'POST') {
          refused++;
          await route.fulfill({
            status: 401,
            contentType: 'application/json',
            body: JSON.stringify({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Expired', details: [] }),
          });
          return;
        }
        await route.continue();
      });
      const refreshes: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/api/v1/admin/auth/refresh')) {
          refreshes.push(r.method());
        }
      });
      const [before] = await app.t.db.query<Array<{ n: unknown }>>("SELECT COUNT(*) AS n FROM job_runs WHERE kind = 'analytics-snapshot'");
      await page.getByRole('button', { name: '刷新数据' }).click();
      // The run is recorded (a small snapshot may finish before its progress bar is ever seen), then its progress ends.
      const runs = async () =>
        Number((await app.t.db.query<Array<{ n: unknown }>>("SELECT COUNT(*) AS n FROM job_runs WHERE kind = 'analytics-snapshot'"))[0].n);
      for (let i = 0; i < 600 && (await runs()) === Number(before.n); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 60_000 });
      const after = { n: await runs() };
      expect(refused).toBe(1);
      expect(refreshes).toEqual(['POST']);
      expect(Number(after.n)).toBe(Number(before.n) + 1);
      await expect(page.getByRole('alert').count()).resolves.toBe(0);
      await page.unroute('**/api/v1/admin/analytics/snapshots');
    }));

  it('in English at 1440 px: logo, menu with icons, breadcrumbs, header actions', () =>
    shootOnFailure(page, 'dashboard-en', async () => {
      await page.getByRole('button', { name: '切换语言' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.getByTestId('console-logo').first().waitFor();
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      await expect(menu.getByRole('menuitem', { name: 'Analytics' }).locator('.anticon').count()).resolves.toBe(1);
      await expect(page.getByTestId('kpi-salesCents-value').innerText()).resolves.toBe(money(4 * 120_00));
      await shoot(page, 'console-dashboard-en-1440');
      // The side menu folds to its icons and back.
      await page.getByRole('button', { name: 'Collapse the menu' }).click();
      await expect(menu.getByRole('menuitem', { name: 'Analytics' }).isVisible()).resolves.toBe(true);
      await page.locator('.ant-layout-sider-collapsed').waitFor();
      await shoot(page, 'console-menu-collapsed-en-1440');
      await page.getByRole('button', { name: 'Expand the menu' }).click();
      await menu.getByRole('menuitem', { name: 'Analytics' }).click();
      await page.getByTestId('breadcrumbs').getByText('Analytics').waitFor();
      await page.getByRole('tab', { name: 'Value and RFM' }).click();
      // No value run yet: the pyramid says so and offers the run; the run fills it, with progress.
      await page.getByTestId('analytics-pyramid').getByTestId('no-value-run').waitFor();
      await expect(page.getByTestId('pyramid-as-of').count()).resolves.toBe(0);
      await shoot(page, 'console-analytics-no-value-run-en-1440');
      await page.getByTestId('no-value-run').first().getByRole('button', { name: 'Run value scoring' }).click();
      await page.getByTestId('analytics-pyramid').locator('canvas').first().waitFor({ timeout: 60_000 });
      const [graded] = await app.t.db.query<Array<{ n: unknown }>>("SELECT COUNT(*) AS n FROM member_values WHERE grade = 'A'");
      await expect(page.getByTestId('pyramid-A-members').innerText()).resolves.toBe(points(Number(graded.n)));
      // The grades are as of the value run they come from (its instant, from the database), as the RFM segments say too.
      const [run] = await app.t.db.query<Array<{ as_of: Date }>>(
        'SELECT as_of FROM value_runs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1',
      );
      const runAt = new Date(run.as_of).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
      await expect(page.getByTestId('pyramid-as-of').innerText()).resolves.toBe(
        `Grades are as of the last value run (${runAt}); they do not follow the period.`,
      );
      await page.getByTestId('value-run-as-of').getByText(`as of the last value run (${runAt})`).waitFor();
      await shoot(page, 'console-analytics-value-en-1440');
      // The other tabs, each under the same header.
      for (const [tab, testId] of [
        ['Trends', 'chart-sales'],
        ['Churn', 'analytics-churn'],
        ['Loyalty', 'analytics-loyalty'],
        ['Liability', 'analytics-liability'],
        ['Tiers', 'analytics-tier-movements'],
      ] as const) {
        await page.getByRole('tab', { name: tab }).click();
        await page.getByTestId(testId).waitFor();
        await shoot(page, `console-analytics-${tab.toLowerCase()}-en-1440`);
      }
      expect(pageProblems(page)).toEqual([]);
    }));

  it('at 375 px the menu is a drawer, the KPIs and tables fit the width', () =>
    shootOnFailure(page, 'dashboard-375', async () => {
      // A wrong password on an English phone: the console's English words for the server's code.
      const phone = await newPage(app, 'en-US', PHONE);
      await phone.goto('/console/');
      await phone.getByLabel('Email').fill(email);
      await phone.getByLabel('Password').fill('not the password');
      await phone.getByRole('button', { name: 'Sign in' }).click();
      await phone.getByRole('alert').getByText('Sign-in failed: The email or the password is wrong.', { exact: true }).waitFor();
      await shoot(phone, 'console-login-error-en-375');
      await phone.context().close();

      await page.goto('/console/dashboard?days=7');
      await page.setViewportSize(PHONE);
      await page.getByTestId('kpi-members-value').waitFor();
      await expect(page.getByRole('navigation', { name: 'Main menu' }).count()).resolves.toBe(0);
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      // The same figures as at 1440 px (the 7 days against the 7 before), each KPI card inside the screen.
      const kpi = (id: string) => page.getByTestId(`kpi-${id}-value`).innerText();
      await expect(kpi('members')).resolves.toBe(points(6));
      await expect(kpi('activeMembers')).resolves.toBe(points(4));
      await expect(kpi('salesCents')).resolves.toBe(money(4 * 120_00));
      await expect(page.getByTestId('kpi-salesCents-change').innerText()).resolves.toContain(`+${percent(5)}`);
      for (const id of ['members', 'salesCents', 'pointsIssued']) {
        const box = await page.getByTestId(`kpi-${id}-value`).boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      }
      // The page header keeps its action (refresh) on the screen; the top clubs table scrolls inside its card.
      const refresh = await page.getByRole('button', { name: 'Refresh figures' }).boundingBox();
      expect(refresh!.x + refresh!.width).toBeLessThanOrEqual(PHONE.width);
      await page.getByTestId('dashboard-clubs').getByText('Wine club').waitFor();
      await shoot(page, 'console-dashboard-en-375');
      await page.getByTestId('open-menu').click();
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      await menu.getByRole('menuitem', { name: 'Analytics' }).waitFor();
      await shoot(page, 'console-menu-drawer-en-375');
      await menu.getByRole('menuitem', { name: 'Analytics' }).click();
      await page.getByRole('tab', { name: 'Value and RFM' }).click();
      await page.getByTestId('analytics-rfm').locator('canvas').first().waitFor();
      await expect(page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).resolves.toBeLessThanOrEqual(0);
      await shoot(page, 'console-analytics-value-en-375');
      // The breadcrumbs say where the phone is, in words.
      await page.getByTestId('breadcrumbs').getByText('Analytics').waitFor();
      await page.getByRole('button', { name: 'Switch language' }).click();
      await page.goto('/console/dashboard');
      await page.getByTestId('kpi-members-value').waitFor();
      // In Chinese at 375 px: the 30 days' figures, as in the database (6 members, 5 buyers, ¥560.00).
      await expect(kpi('members')).resolves.toBe(points(6, 'zh-CN'));
      await expect(kpi('activeMembers')).resolves.toBe(points(5, 'zh-CN'));
      await expect(kpi('salesCents')).resolves.toBe(money(4 * 120_00 + 80_00, 'zh-CN'));
      await page.getByTestId('dashboard-clubs').getByText('红酒俱乐部').waitFor();
      await page.getByRole('button', { name: '刷新数据' }).waitFor();
      await expect(page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).resolves.toBeLessThanOrEqual(0);
      await shoot(page, 'console-dashboard-zh-375');
      expect(pageProblems(page)).toEqual([]);
    }));
});
