import { join } from 'node:path';
import { createMember } from '../support/factories';
import { ownDatabase } from '../support/own-database';
import {
  ARTIFACTS,
  BrowserApp,
  consoleSignIn,
  newPage,
  pageProblems,
  screenshots,
  shootOnFailure,
  startBrowserApp,
} from './support/browser';

const WIDE = { width: 1440, height: 900 };

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
  });

  afterAll(async () => {
    await app?.close();
    await own.leave();
  });

  it('an admin makes VIP need spend AND purchases and SVIP the top 1% by value, sees the what-if, saves, and the database holds that ladder', async () => {
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
      const standardRow = page.getByTestId('what-if-table').getByRole('row', { name: /^Standard / });
      const standard = whatIf.tiers.find((x: { code: string }) => x.code === 'STANDARD');
      expect((await standardRow.getByRole('cell').allInnerTexts()).slice(1, 3)).toEqual([
        String(standard.membersNow),
        String(standard.membersAfter),
      ]);
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
      await save.click();
      await page.getByText('Ladder saved').waitFor();

      const rows = await app.t.db.query<Array<Record<string, unknown>>>(
        'SELECT code, kind, min_spend_cents, min_purchases, min_points, qualify_mode, earn_multiplier_permille, birthday_bonus_points, rank_top_n, rank_top_permille FROM tiers ORDER BY `rank`',
      );
      expect(rows.map((r) => r.code)).toEqual(['STANDARD', 'VIP', 'SVIP']);
      expect(rows[1]).toMatchObject({ kind: 'threshold', qualify_mode: 'all', birthday_bonus_points: 300, rank_top_n: null });
      expect(Number(rows[1].min_spend_cents)).toBe(500_000);
      expect(Number(rows[1].min_purchases)).toBe(6);
      expect(rows[2]).toMatchObject({ kind: 'rank', rank_top_n: null, rank_top_permille: 10, earn_multiplier_permille: 2500 });
      expect(Number(rows[2].min_spend_cents)).toBe(2_000_000);
      expect(pageProblems(page)).toEqual([]);
    });
    await page.context().close();
  });

  it('in Chinese the ladder reads in words, and a refused ladder says why and saves nothing', async () => {
    const page = await newPage(app, 'zh-CN', WIDE);
    await shootOnFailure(page, 'tiers-ladder-zh', async () => {
      await consoleSignIn(page, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
      await page.goto('/console/tiers');
      await page.getByTestId('tier-words-SVIP').getByText('价值排名前 1% 的会员（须消费满¥20,000.00）').waitFor();
      await page.getByRole('button', { name: '在顶部添加等级' }).click();
      // The new tier is a threshold tier above a rank tier: the server refuses the ladder.
      await page.getByLabel('等级4 中文名称').fill('钻石会员');
      await page.getByRole('button', { name: /模拟/ }).click();
      await page.getByRole('alert').getByText('请检查这些等级：钻石会员').waitFor();
      await screenshots(page, 'console-tiers-ladder-zh');
      const rows = await app.t.db.query<Array<{ n: string }>>('SELECT COUNT(*) AS n FROM tiers');
      expect(Number(rows[0].n)).toBe(3);
      await expect(page.getByRole('button', { name: '保存等级' }).isDisabled()).resolves.toBe(true);
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
