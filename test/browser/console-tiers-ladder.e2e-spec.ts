import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createMember } from '../support/factories';
import { ownDatabase } from '../support/own-database';
import {
  ARTIFACTS,
  BrowserApp,
  consoleSignIn,
  newPage,
  pageProblems,
  PHONE,
  screenshots,
  shootOnFailure,
  startBrowserApp,
  WIDE,
} from './support/browser';

/** Members per tier now, by SQL. */
async function heldPerTier(app: BrowserApp): Promise<Record<string, number>> {
  const rows = await app.t.db.query<Array<{ tier: string; n: string }>>(
    "SELECT tier_code AS tier, COUNT(*) AS n FROM members WHERE status <> 'merged' GROUP BY tier_code",
  );
  return Object.fromEntries(rows.map((r) => [r.tier, Number(r.n)]));
}

/** The cells of a what-if table row after the tier's name: now, after, moving up, moving down. */
async function whatIfRow(page: Page, tierName: string): Promise<string[]> {
  const row = page.getByTestId('what-if-table').getByRole('row', { name: new RegExp(`^${tierName} `) });
  return (await row.getByRole('cell').allInnerTexts()).slice(1, 5);
}

/** Whether the page is wider than its viewport (something overflows sideways). */
const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

describe('console: the tier ladder editor', () => {
  let app: BrowserApp;
  // A database of its own: the suite saves a new ladder (and value settings), which the run's other suites must not see,
  // and it counts every member, which they would change.
  const own = ownDatabase('ladder');

  beforeAll(async () => {
    await own.enter();
    app = await startBrowserApp({ workers: true });
    for (let i = 0; i < 3; i++) {
      await createMember(app.t, { name: `Ladder Member ${i}` });
    }
    // Three spenders this month (all in the entry tier now): ¥12,000 in 8 purchases, ¥6,000 in 7, ¥16,000 in 9.
    const month = `${new Date().toISOString().slice(0, 7)}-01`;
    for (const [spendCents, purchases] of [
      [1_200_000, 8],
      [600_000, 7],
      [1_600_000, 9],
    ]) {
      const m = await createMember(app.t, { name: `Ladder Spender ${spendCents}` });
      await app.t.db.query('INSERT INTO member_monthly_stats (member_id, month, spend_cents, points, purchases) VALUES (?, ?, ?, 0, ?)', [
        m.memberId,
        month,
        spendCents,
        purchases,
      ]);
    }
  });

  afterAll(async () => {
    await app?.close();
    await own.leave();
  });

  it('an admin makes VIP need spend AND purchases and SVIP the top 1% by value, adds Gold and moves it below SVIP, sees the what-if, saves after a confirmation in numbers, and the database holds that ladder', async () => {
    const page = await newPage(app, 'en-US', WIDE);
    await shootOnFailure(page, 'tiers-ladder-edit', async () => {
      await consoleSignIn(page, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
      await page.getByRole('menuitem', { name: 'Tiers' }).click();
      // VIP: ¥5,000 spend and 6 purchases, both needed.
      await page.getByLabel('Purchases to reach VIP').fill('6');
      await page.getByRole('radiogroup', { name: 'Criteria of VIP combine by' }).getByText('All are needed').click();
      await page.getByTestId('tier-words-VIP').getByText('spent at least ¥5,000.00 and made at least 6 purchases').waitFor();
      // SVIP: a rank tier, the top 10‰ among those who spent ¥20,000.
      await page.getByRole('radiogroup', { name: 'How SVIP is reached' }).getByText('By ranking').click();
      await page.getByRole('radiogroup', { name: 'Seats of SVIP counted as' }).getByText('Top share (‰)').click();
      await page.getByRole('spinbutton', { name: 'Seats of SVIP' }).fill('10');
      await page.getByLabel('Earn rate of SVIP (×)').fill('2.5');
      await page
        .getByTestId('tier-words-SVIP')
        .getByText('the top 1% of members by value, among those who spent at least ¥20,000.00')
        .waitFor();
      await page.getByTestId('tier-words-SVIP').getByText('earns 2.5× points, priority service').waitFor();

      // Gold, added at the top: a threshold tier above the rank tier SVIP, an order the API refuses.
      await page.getByRole('button', { name: 'Add a tier at the top' }).click();
      await page.getByLabel('Code of the new tier').fill('GOLD');
      await page.getByLabel('English name of Tier 4').fill('Gold');
      await page.getByLabel('Chinese name of Gold').fill('黄金会员');
      await page.getByRole('button', { name: 'What if? Simulate' }).click();
      await page.getByRole('alert').getByText('The tiers cannot be in this order').waitFor();
      await page.getByTestId('ladder-problems').getByText('threshold tier GOLD sits above rank tier SVIP').waitFor();
      // SVIP cannot go below VIP (a rank tier stays on top), VIP not below the entry tier; Gold goes one level lower.
      await expect(page.getByRole('button', { name: 'Move SVIP one level lower' }).isDisabled()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Move VIP one level lower' }).isDisabled()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: /Standard one level/ }).count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Move Gold one level lower' }).click();
      await expect(page.getByTestId('tier-GOLD').locator('.ant-card-head-title').innerText()).resolves.toBe('3. Gold');
      await expect(page.getByRole('button', { name: 'Move Gold one level higher' }).isDisabled()).resolves.toBe(true);
      // Gold asks ¥10,000 and earns 2× (SVIP above earns 2.5×).
      await page.getByLabel('Spend to reach Gold (¥)').fill('10000');
      await page.getByLabel('Earn rate of Gold (×)').fill('2');
      await page.getByTestId('tier-words-GOLD').getByText('spent at least ¥10,000.00').waitFor();

      const save = page.getByRole('button', { name: 'Save ladder' });
      await expect(save.isDisabled()).resolves.toBe(true);
      await page.getByText('Refresh the members’ 12-month figures first').click();
      const simulated = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/tiers/simulate'));
      await page.getByRole('button', { name: 'What if? Simulate' }).click();
      const whatIf = await (await simulated).json();
      await page.getByTestId('tiers-what-if').locator('canvas').waitFor();
      await page.getByTestId('what-if-as-of').getByText('(just refreshed)').waitFor();
      // The what-if counts every member of the database, and where each is now.
      const [{ n }] = await app.t.db.query("SELECT COUNT(*) AS n FROM members WHERE status <> 'merged'");
      expect(whatIf.members).toBe(Number(n));
      expect(whatIf.snapshotRefreshed).toBe(true);
      const held = await app.t.db.query<Array<{ tier: string; n: string }>>(
        "SELECT tier_code AS tier, COUNT(*) AS n FROM members WHERE status <> 'merged' GROUP BY tier_code",
      );
      for (const row of held) {
        expect(whatIf.tiers.find((x: { code: string }) => x.code === row.tier)?.membersNow).toBe(Number(row.n));
      }
      // Where the window sums place them under the proposal: Gold ¥10,000; VIP ¥5,000 and 6 purchases, below Gold.
      const [expected] = await app.t.db.query<Array<Record<string, string>>>(
        `SELECT SUM(w.spend_cents >= 1000000) AS gold, SUM(w.spend_cents >= 500000 AND w.purchases >= 6 AND w.spend_cents < 1000000) AS vip
           FROM member_window_stats w JOIN members m ON m.id = w.member_id WHERE m.status <> 'merged'`,
      );
      const byCode = Object.fromEntries(
        (whatIf.tiers as Array<{ code: string; membersNow: number; membersAfter: number; movingUp: number; movingDown: number }>).map(
          (x) => [x.code, x],
        ),
      );
      expect(whatIf.tiers.map((x: { code: string }) => x.code)).toEqual(['STANDARD', 'VIP', 'GOLD', 'SVIP']);
      expect([Number(expected.gold), Number(expected.vip)]).toEqual([2, 1]);
      expect(byCode.GOLD).toMatchObject({ membersNow: 0, membersAfter: 2, movingUp: 2, movingDown: 0 });
      expect(byCode.VIP).toMatchObject({ membersNow: 0, membersAfter: 1, movingUp: 1, movingDown: 0 });
      expect(byCode.STANDARD.membersAfter).toBe(Number(n) - 3);
      expect(await whatIfRow(page, 'Standard')).toEqual([String(Number(n)), String(Number(n) - 3), '0', '0']);
      expect(await whatIfRow(page, 'Gold')).toEqual(['0', '2', '2', '0']);
      expect(await whatIfRow(page, 'VIP')).toEqual(['0', '1', '1', '0']);
      await expect(save.isEnabled()).resolves.toBe(true);

      // A change after the what-if takes the save away until it is simulated again.
      await page.getByLabel('Birthday points of VIP').fill('300');
      await page.getByText('The ladder changed since the what-if: simulate again before saving.').waitFor();
      await expect(save.isDisabled()).resolves.toBe(true);
      const again = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/tiers/simulate'));
      await page.getByRole('button', { name: 'What if? Simulate' }).click();
      await again;
      await page.getByTestId('tiers-what-if').locator('canvas').waitFor();
      await expect(save.isEnabled()).resolves.toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'console-tiers-ladder-1440.png'), fullPage: true });
      await screenshots(page, 'console-tiers-ladder');
      // Saving asks first, in the what-if's numbers.
      await save.click();
      const confirmation = page.getByTestId('save-confirmation');
      await confirmation.getByText('By the what-if, 3 members would qualify for another tier:').waitFor();
      await expect(confirmation.getByRole('listitem').allInnerTexts()).resolves.toEqual([
        'VIP: 1 moving up into it, 0 moving down into it',
        'Gold: 2 moving up into it, 0 moving down into it',
      ]);
      await page.screenshot({ path: join(ARTIFACTS, 'console-tiers-ladder-confirm-1440.png') });
      await page.getByRole('dialog').getByRole('button', { name: 'Save ladder' }).click();
      await page.getByText('Ladder saved').waitFor();

      const rows = await app.t.db.query<Array<Record<string, unknown>>>(
        'SELECT code, kind, min_spend_cents, min_purchases, min_points, qualify_mode, earn_multiplier_permille, birthday_bonus_points, rank_top_n, rank_top_permille FROM tiers ORDER BY `rank`',
      );
      expect(rows.map((r) => r.code)).toEqual(['STANDARD', 'VIP', 'GOLD', 'SVIP']);
      expect(rows[1]).toMatchObject({ kind: 'threshold', qualify_mode: 'all', birthday_bonus_points: 300, rank_top_n: null });
      expect(Number(rows[1].min_spend_cents)).toBe(500_000);
      expect(Number(rows[1].min_purchases)).toBe(6);
      expect(rows[2]).toMatchObject({ kind: 'threshold', earn_multiplier_permille: 2000 });
      expect(Number(rows[2].min_spend_cents)).toBe(1_000_000);
      expect(rows[3]).toMatchObject({ kind: 'rank', rank_top_n: null, rank_top_permille: 10, earn_multiplier_permille: 2500 });
      expect(Number(rows[3].min_spend_cents)).toBe(2_000_000);
      expect(pageProblems(page)).toEqual([]);
    });
    await page.context().close();
  });

  it('at 375 px in Chinese: Gold moved below VIP is refused by name until VIP asks more, then the what-if, a confirmed save, the rank review refused for want of a value run, and value settings', async () => {
    const page = await newPage(app, 'zh-CN', WIDE);
    await shootOnFailure(page, 'tiers-ladder-zh-375', async () => {
      await consoleSignIn(page, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
      await page.setViewportSize(PHONE);
      await page.goto('/console/tiers');
      await page.getByTestId('tier-words-SVIP').getByText('价值排名前 1% 的会员（须消费满¥20,000.00）').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'console-tiers-ladder-zh-375-top.png') });
      // Gold one level lower, below VIP: each keeps its criteria, so VIP (¥5,000) would sit above Gold (¥10,000).
      await expect(page.getByRole('button', { name: '将黄金会员上调一级' }).isDisabled()).resolves.toBe(true);
      await page.getByRole('button', { name: '将黄金会员下调一级' }).click();
      await expect(page.getByTestId('tier-GOLD').locator('.ant-card-head-title').innerText()).resolves.toBe('2. 黄金会员');
      await page.getByTestId('ladder-reordered').getByText('等级顺序已调整').waitFor();
      await page.getByRole('button', { name: /模拟/ }).click();
      await page.getByRole('alert').getByText('等级设置无效，请检查各等级的顺序与条件。').waitFor();
      await page.getByRole('alert').getByText('请检查这些等级：VIP会员').waitFor();
      // VIP asks ¥15,000 (and still 6 purchases) and earns 2×: the order holds.
      await page.getByLabel('VIP会员 消费门槛（¥）', { exact: true }).fill('15000');
      await page.getByLabel('VIP会员 积分倍率（×）', { exact: true }).fill('2');
      await page.getByTestId('tier-words-VIP').getByText('消费满¥15,000.00且购买满 6 次').waitFor();
      const simulated = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/tiers/simulate'));
      await page.getByRole('button', { name: /模拟/ }).click();
      const whatIf = await (await simulated).json();
      await page.getByTestId('tiers-what-if').locator('canvas').waitFor();
      const held = await heldPerTier(app);
      const [expected] = await app.t.db.query<Array<Record<string, string>>>(
        `SELECT SUM(w.spend_cents >= 1500000 AND w.purchases >= 6) AS vip,
                SUM(w.spend_cents >= 1000000 AND NOT (w.spend_cents >= 1500000 AND w.purchases >= 6)) AS gold
           FROM member_window_stats w JOIN members m ON m.id = w.member_id WHERE m.status <> 'merged'`,
      );
      expect([Number(expected.gold), Number(expected.vip)]).toEqual([1, 1]);
      expect(whatIf.tiers.map((x: { code: string }) => x.code)).toEqual(['STANDARD', 'GOLD', 'VIP', 'SVIP']);
      for (const x of whatIf.tiers as Array<{ code: string; membersNow: number }>) {
        expect(x.membersNow).toBe(held[x.code] ?? 0);
      }
      const total = Object.values(held).reduce((a, b) => a + b, 0);
      expect(await whatIfRow(page, '普通会员')).toEqual([String(total), String(total - 2), '0', '0']);
      expect(await whatIfRow(page, '黄金会员')).toEqual(['0', '1', '1', '0']);
      expect(await whatIfRow(page, 'VIP会员')).toEqual(['0', '1', '1', '0']);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, 'console-tiers-ladder-zh-375.png'), fullPage: true });

      await page.getByRole('button', { name: '保存等级' }).click();
      const confirmation = page.getByTestId('save-confirmation');
      await confirmation.getByText('按模拟结果，共 2 位会员将符合其他等级：').waitFor();
      await expect(confirmation.getByRole('listitem').allInnerTexts()).resolves.toEqual([
        '黄金会员：升入 1 人，降入 0 人',
        'VIP会员：升入 1 人，降入 0 人',
      ]);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, 'console-tiers-ladder-zh-375-confirm.png') });
      await page.getByRole('dialog').getByRole('button', { name: '保存等级' }).click();
      await page.getByText('等级已保存').waitFor();
      const rows = await app.t.db.query<Array<{ code: string; min_spend_cents: string; earn_multiplier_permille: number }>>(
        'SELECT code, min_spend_cents, earn_multiplier_permille FROM tiers ORDER BY `rank`',
      );
      expect(rows.map((r) => r.code)).toEqual(['STANDARD', 'GOLD', 'VIP', 'SVIP']);
      expect([Number(rows[2].min_spend_cents), rows[2].earn_multiplier_permille]).toEqual([1_500_000, 2000]);
      const [audit] = await app.t.db.query<Array<{ changes: string }>>(
        "SELECT changes FROM audit_log WHERE action = 'tiers.reorder' ORDER BY id DESC LIMIT 1",
      );
      expect(JSON.parse(audit.changes)).toEqual({ from: ['STANDARD', 'VIP', 'GOLD', 'SVIP'], to: ['STANDARD', 'GOLD', 'VIP', 'SVIP'] });

      // No value run has finished: the rank review is refused, in Chinese.
      const [runs] = await app.t.db.query<Array<{ n: string }>>('SELECT COUNT(*) AS n FROM value_runs WHERE finished_at IS NOT NULL');
      expect(Number(runs.n)).toBe(0);
      await page.getByRole('button', { name: '运行排名复核' }).click();
      await page.getByRole('alert').getByText('排名复核未开始：本月的客户价值计算尚未完成').waitFor();
      // Right under the button pressed, both within the phone's screen: the marketer sees it without scrolling.
      const refusal = (await page.getByRole('alert').filter({ hasText: '排名复核未开始' }).boundingBox())!;
      const pressed = (await page.getByRole('button', { name: '运行排名复核' }).boundingBox())!;
      expect(pressed.y).toBeGreaterThanOrEqual(0);
      expect(refusal.y + refusal.height).toBeLessThanOrEqual(PHONE.height);
      const gap = refusal.y - (pressed.y + pressed.height);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(40);
      await page.screenshot({ path: join(ARTIFACTS, 'console-tiers-ladder-zh-375-refused.png') });

      // Value settings: purchases weigh 250‰.
      await page.getByLabel('购买次数权重（‰）').fill('250');
      await page.getByRole('button', { name: '保存价值设置' }).click();
      await page.getByText('价值设置已保存，下次评分起生效').waitFor();
      const [settings] = await app.t.db.query<Array<Record<string, number>>>('SELECT weight_purchases_permille FROM value_settings');
      expect(settings.weight_purchases_permille).toBe(250);

      expect(await overflow(page)).toBeLessThanOrEqual(0);
      // No English words in the Chinese screen (VIP is part of the tiers' Chinese names, UTC the time zone of the daily run).
      const text = await page.locator('main').innerText();
      expect(text.replace(/VIP|UTC/g, '').match(/[A-Za-z]{2,}/g)).toBeNull();
      await page.screenshot({ path: join(ARTIFACTS, 'console-tiers-ladder-zh-375-full.png'), fullPage: true });
      expect(pageProblems(page)).toEqual([]);
    });
    await page.context().close();
  });

  it('an admin weighs spend more and narrows grade A, runs value scoring with its progress, then the rank review starts', async () => {
    const page = await newPage(app, 'en-US', WIDE);
    await shootOnFailure(page, 'tiers-value', async () => {
      await consoleSignIn(page, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
      await page.getByRole('menuitem', { name: 'Tiers' }).click();
      await page.getByLabel('Weight of 12-month spend (‰)').fill('700');
      await page.getByLabel('Grade A: members bringing this share of value (%)').fill('70');
      await page.getByTestId('grade-c').getByText('Grade C: the rest, 15%').waitFor();
      await page.getByRole('button', { name: 'Save value settings' }).click();
      await page.getByText('Value settings saved; they apply from the next value run').waitFor();
      const [settings] = await app.t.db.query<Array<Record<string, number>>>(
        'SELECT weight_spend_permille, weight_points_permille, grade_a_percent, grade_b_percent FROM value_settings',
      );
      expect(settings).toMatchObject({ weight_spend_permille: 700, weight_points_permille: 200, grade_a_percent: 70, grade_b_percent: 15 });

      await page.getByRole('button', { name: 'Run value scoring now' }).click();
      await page.getByText('Value scoring: completed').waitFor({ timeout: 60_000 });
      const [run] = await app.t.db.query<Array<Record<string, unknown>>>(
        'SELECT weight_spend_permille, grade_a_percent, member_count, finished_at FROM value_runs ORDER BY started_at DESC LIMIT 1',
      );
      const [{ n }] = await app.t.db.query("SELECT COUNT(*) AS n FROM members WHERE status <> 'merged'");
      expect(run).toMatchObject({ weight_spend_permille: 700, grade_a_percent: 70 });
      expect(Number(run.member_count)).toBe(Number(n));
      expect(run.finished_at).not.toBeNull();

      // This month's scores exist now: the rank review is not refused.
      await page.getByRole('button', { name: 'Run rank review' }).click();
      await page.getByText('Rank review: completed').waitFor({ timeout: 60_000 });
      await expect(page.getByText('no value run has finished for this month yet').count()).resolves.toBe(0);
      await screenshots(page, 'console-tiers-value');
      expect(pageProblems(page)).toEqual([]);
    });
    await page.context().close();
  });
});
