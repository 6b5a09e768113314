import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, businessDay, businessDayStart } from '../../src/modules/analytics/rules/figures';
import { createMember, createStore, finishedJob, loginAdmin, pos, purchaseBody, TestMember, uniq } from '../support/factories';
import { momentOf } from '../support/business-days';
import { ownDatabase } from '../support/own-database';
import { ARTIFACTS, BrowserApp, consoleSignIn, newPage, pageProblems, shootOnFailure, startBrowserApp, WIDE } from './support/browser';

// The console's number formatting, written out here on its own (not imported), so a wrong figure on screen fails.
const points = (n: number, locale = 'en-US') => n.toLocaleString(locale, { maximumFractionDigits: 0 });

const PHONE = { width: 375, height: 812 };

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(300); // charts finish their entry animation
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * The analytics page's one period switch drives every tab, and is kept in the address: an analyst in headless Chromium
 * at 1440 px in English and at 375 px in Chinese switches it, and each tab's figures on screen are the database's for
 * that period. Own database, so every figure is known. D0 = today (business day, Asia/Shanghai):
 *   A buys ¥100 today and ¥100 on D−5; B buys ¥100 on D−40; C joined D−110 and never bought (lapsed 90 days on D−20)
 *   an expiry of 9 points on D−3 and of 13 on D−50; A moved up (manual) on D−2
 */
describe('console: one period for every analytics tab, at 1440 px (en) and 375 px (zh-CN)', () => {
  const own = ownDatabase('anper');
  let app: BrowserApp;
  const email = `${uniq('analyst')}@test.local`.toLowerCase();
  const password = 'analyst-password-1';
  const m: Record<string, TestMember> = {};
  let today: string;

  const D = (offset: number) => addDays(today, offset);
  /** Rows of a table dated in the last `days` business days (to today). */
  const inDays = (days: number) => [businessDayStart(D(1 - days)), businessDayStart(D(1))];
  const count = async (sql: string, params: unknown[]) => Number((await app.t.db.query<Array<{ n: unknown }>>(sql, params))[0].n ?? 0);

  beforeAll(async () => {
    await own.enter();
    app = await startBrowserApp({ workers: true });
    const { t } = app;
    const admin = await loginAdmin(t);
    await t.http.post('/api/v1/admin/users').set('Authorization', `Bearer ${admin}`).send({ email, password, role: 'analyst' }).expect(201);
    today = businessDay(new Date());
    const store = await createStore(t);
    for (const name of ['A', 'B', 'C']) {
      m[name] = await createMember(t);
    }
    const buyOn = async (member: TestMember, day: string) => {
      const res = await pos(t, store)
        .purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 100_00 }]))
        .expect(201);
      const [row] = await t.db.query<Array<{ id: string }>>('SELECT id FROM purchases WHERE receipt_no = ?', [res.body.receiptNo]);
      await t.db.query('UPDATE purchases SET occurred_at = ? WHERE id = ?', [momentOf(day), row.id]);
      await t.db.query('UPDATE point_entries SET created_at = ? WHERE ref_id = ?', [momentOf(day), row.id]);
    };
    await buyOn(m.A, D(0));
    await buyOn(m.A, D(-5));
    await buyOn(m.B, D(-40));
    await t.db.query('UPDATE members SET created_at = ? WHERE id IN (?, ?)', [momentOf(D(-60)), m.A.memberId, m.B.memberId]);
    await t.db.query('UPDATE members SET created_at = ? WHERE id = ?', [momentOf(D(-110)), m.C.memberId]);
    await t.db.query("UPDATE tier_history SET created_at = ? WHERE reason = 'enrolment'", [momentOf(D(-60))]);
    for (const [member, pts, day] of [
      [m.A, -9, D(-3)],
      [m.B, -13, D(-50)],
    ] as const) {
      await t.db.query(
        `INSERT INTO point_entries (member_id, type, points, balance_after, store_id, ref_type, ref_id, note, created_at)
         VALUES (?, 'expiry', ?, 0, NULL, 'lot', ?, NULL, ?)`,
        [member.memberId, pts, uniq('lot'), momentOf(day)],
      );
    }
    await t.db.query(
      "INSERT INTO tier_history (member_id, from_tier, to_tier, reason, ref_id, created_at) VALUES (?, 'STANDARD', 'VIP', 'manual', NULL, ?)",
      [m.A.memberId, momentOf(D(-2))],
    );
    const started = await t.http.post('/api/v1/admin/analytics/snapshots').set('Authorization', `Bearer ${admin}`).expect(202);
    await finishedJob(t, admin, started.body.jobId as string);
  });

  afterAll(async () => {
    await app?.close();
    await own.leave();
  });

  const receiptsIn = (days: number) =>
    count('SELECT COUNT(*) AS n FROM purchases WHERE occurred_at >= ? AND occurred_at < ? AND refunded_cents < total_cents', inDays(days));
  const issuedIn = (days: number) =>
    count(
      "SELECT SUM(points) AS n FROM point_entries WHERE type IN ('accrual', 'bonus', 'adjustment', 'goodwill', 'refund_clawback') AND created_at >= ? AND created_at < ?",
      inDays(days),
    );
  const expiredIn = (days: number) =>
    count("SELECT -SUM(points) AS n FROM point_entries WHERE type = 'expiry' AND created_at >= ? AND created_at < ?", inDays(days));
  const movesIn = (days: number, to: string) =>
    count('SELECT COUNT(*) AS n FROM tier_history WHERE to_tier = ? AND from_tier IS NOT NULL AND created_at >= ? AND created_at < ?', [
      to,
      ...inDays(days),
    ]);

  it('in English at 1440 px: switching the period changes every tab’s figures to the database’s, and stays in the address', async () => {
    const page = await newPage(app, 'en-US', WIDE);
    await shootOnFailure(page, 'analytics-periods-en', async () => {
      await consoleSignIn(page, email, password);
      await page.goto('/console/analytics?tab=loyalty');
      const fig = (id: string) => page.getByTestId(id).innerText();
      const shown = () => page.getByTestId('analytics-loyalty').getByTestId('period-shown').innerText();
      // The default: 30 days. A's two purchases; B's (D−40) is outside.
      await page.getByTestId('loyalty-purchases').waitFor();
      await expect(shown()).resolves.toMatch(/· 30 days$/);
      expect(await receiptsIn(30)).toBe(2);
      await expect(fig('loyalty-purchases')).resolves.toBe(points(await receiptsIn(30)));
      await expect(fig('loyalty-buyers')).resolves.toBe(points(1));

      // 90 days: B comes in.
      await page.getByTestId('period-switch').getByText('90 days').click();
      await page.waitForURL(/days=90/);
      await page
        .getByTestId('analytics-loyalty')
        .getByText(/· 90 days$/)
        .waitFor();
      expect(await receiptsIn(90)).toBe(3);
      await expect(fig('loyalty-purchases')).resolves.toBe(points(await receiptsIn(90)));
      await expect(fig('loyalty-buyers')).resolves.toBe(points(2));
      await shoot(page, 'console-analytics-periods-loyalty-90d-en-1440');

      // The same period follows to the other tabs (the switch is the page's, kept in the address).
      await page.getByRole('tab', { name: 'Liability' }).click();
      await page.waitForURL(/tab=liability/);
      expect(page.url()).toMatch(/days=90/);
      await expect(fig('liability-period-issued')).resolves.toBe(points(await issuedIn(90)));
      await expect(fig('liability-period-expired')).resolves.toBe(points(await expiredIn(90)));
      expect(await expiredIn(90)).toBe(22);
      // The CSV for finance carries the period: in its name and in its lines.
      const download = page.waitForEvent('download');
      await page.getByTestId('liability-csv').click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`points-liability-${D(-89)}-${D(0)}.csv`);
      const csv = readFileSync(await file.path(), 'utf8').split('\r\n');
      expect(csv).toEqual(
        expect.arrayContaining([
          `period_from,${D(-89)},,`,
          `period_to,${D(0)},,`,
          `expired_in_period,,22,22`,
          `issued_in_period,,${await issuedIn(90)},${await issuedIn(90)}`,
        ]),
      );
      await shoot(page, 'console-analytics-periods-liability-90d-en-1440');

      // 7 days: D−5's purchase stays, D−40 and the D−50 expiry drop out.
      await page.getByTestId('period-switch').getByText('7 days').click();
      await page.waitForURL(/days=7/);
      await page
        .getByTestId('analytics-liability')
        .getByText(/· 7 days$/)
        .waitFor();
      await expect(fig('liability-period-issued')).resolves.toBe(points(await issuedIn(7)));
      await expect(fig('liability-period-expired')).resolves.toBe(points(await expiredIn(7)));
      expect(await expiredIn(7)).toBe(9);

      await page.getByRole('tab', { name: 'Churn' }).click();
      // C lapsed (90 days without a purchase since joining) on D−20: outside 7 days, inside 30.
      await expect(fig('churn-lapsed-90')).resolves.toBe(points(0));
      await page.getByTestId('period-switch').getByText('30 days').click();
      await page.waitForURL(/days=30/);
      await page
        .getByTestId('analytics-churn')
        .getByText(/· 30 days$/)
        .waitFor();
      await expect(fig('churn-lapsed-90')).resolves.toBe(points(1));
      const [idle] = await app.t.db.query<Array<{ n: unknown }>>(
        `SELECT COUNT(*) AS n FROM members m LEFT JOIN (SELECT member_id, MAX(occurred_at) AS last_at FROM purchases GROUP BY member_id) lp
           ON lp.member_id = m.id WHERE COALESCE(lp.last_at, m.created_at) <= ?`,
        [new Date(Date.now() - 90 * 86_400_000)],
      );
      await expect(fig('churn-churned-90')).resolves.toBe(points(Number(idle.n)));
      await shoot(page, 'console-analytics-periods-churn-30d-en-1440');

      await page.getByRole('tab', { name: 'Tiers' }).click();
      await expect(fig('tiers-period-up')).resolves.toBe(points(await movesIn(30, 'VIP')));
      expect(await movesIn(30, 'VIP')).toBe(1);
      await page.getByTestId('analytics-tier-movements').locator('canvas').first().waitFor();
      await shoot(page, 'console-analytics-periods-tiers-30d-en-1440');

      await page.getByRole('tab', { name: 'Value and RFM' }).click();
      await page.getByTestId('analytics-rfm').waitFor();
      expect(pageProblems(page)).toEqual([]);
    });
  });

  it('in Chinese at 375 px: a custom range from the address, then a preset; figures are the database’s and nothing overflows', async () => {
    const page = await newPage(app, 'zh-CN', WIDE);
    await shootOnFailure(page, 'analytics-periods-zh', async () => {
      await consoleSignIn(page, email, password); // at 375 px the account sits in the folded header
      await page.setViewportSize(PHONE);
      // A custom range D−45 .. D−1: A's D−5 and B's D−40 purchases, the D−3 expiry; not today's purchase.
      await page.goto(`/console/analytics?tab=loyalty&from=${D(-45)}&to=${D(-1)}`);
      const fig = (id: string) => page.getByTestId(id).innerText();
      await page.getByTestId('loyalty-purchases').waitFor();
      await expect(page.getByTestId('analytics-loyalty').getByTestId('period-shown').innerText()).resolves.toMatch(/共 45 天$/);
      await expect(fig('loyalty-purchases')).resolves.toBe(points(2, 'zh-CN'));
      // Buyers are a distinct count: told for 7 / 30 / 90 days only.
      await expect(fig('loyalty-buyers')).resolves.toBe('—');
      await page.getByText('仅统计近 7 / 30 / 90 天').first().waitFor();
      await expect(page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).resolves.toBeLessThanOrEqual(0);
      await shoot(page, 'console-analytics-periods-loyalty-custom-zh-375');

      await page.getByRole('tab', { name: '积分负债' }).click();
      await page.getByTestId('liability-period-expired').waitFor();
      await expect(fig('liability-period-expired')).resolves.toBe(points(9, 'zh-CN'));
      await expect(fig('liability-period-issued')).resolves.toBe(points(200, 'zh-CN'));
      await page.getByTestId('period-switch').getByText('近 7 天').click();
      await page.waitForURL(/days=7/);
      await page
        .getByTestId('analytics-liability')
        .getByText(/共 7 天$/)
        .waitFor();
      await expect(fig('liability-period-issued')).resolves.toBe(points(await issuedIn(7), 'zh-CN'));
      await expect(page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).resolves.toBeLessThanOrEqual(0);
      await shoot(page, 'console-analytics-periods-liability-7d-zh-375');

      // The tab and the period both live in the address: open the Tiers tab by it (at 375 px the tab strip scrolls).
      await page.goto('/console/analytics?tab=tiers&days=7');
      await page
        .getByTestId('analytics-tier-movements')
        .getByText(/共 7 天$/)
        .waitFor();
      await expect(fig('tiers-period-up')).resolves.toBe(points(await movesIn(7, 'VIP'), 'zh-CN'));
      await page.getByTestId('analytics-tier-movements').locator('canvas').first().waitFor();
      await shoot(page, 'console-analytics-periods-tiers-7d-zh-375');
      expect(pageProblems(page)).toEqual([]);
    });
  });
});
