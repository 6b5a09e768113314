import type { Page } from 'playwright-core';
import { createMember, createStore, loginAdmin, pos, purchaseBody, uniq } from '../support/factories';
import {
  BrowserApp,
  consoleSignIn,
  newPage,
  pageProblems,
  chooseOption,
  screenshots,
  shootOnFailure,
  startBrowserApp,
} from './support/browser';

/**
 * The marketer's flow in the console, in headless Chromium against the real app and workers:
 * an automatic club from a rule → a campaign to it that grants points and sends an SMS → launch →
 * progress to 100% → the results' granted total, checked against the ledger.
 */
describe('console: a marketer builds a club from a rule and runs a campaign to it', () => {
  let app: BrowserApp;
  let page: Page;
  const password = 'marketer-password-1';
  const marketerEmail = `${uniq('mkt')}@test.local`.toLowerCase();
  const category = uniq('wine').toLowerCase().slice(0, 30);
  // The rule builder picks categories by their catalog names (unique per run: the test database keeps earlier runs').
  const categoryNames = { nameZh: `葡萄酒${category.slice(-4)}`, nameEn: `Wine ${category.slice(-4)}` };
  const template = uniq('campaign.offer').toLowerCase();
  const buyers = 4;
  // Unique per run: the test database keeps earlier runs' clubs, and the picker's list is virtual (only the options in view exist in the page).
  const clubCode = uniq('WINE').toUpperCase().slice(0, 20);

  beforeAll(async () => {
    app = await startBrowserApp({ workers: true });
    const { t } = app;
    const token = await loginAdmin(t);
    await t.http
      .post('/api/v1/admin/users')
      .set('Authorization', `Bearer ${token}`)
      .send({ email: marketerEmail, password, role: 'marketer' })
      .expect(201);
    await t.http
      .post('/api/v1/admin/message-templates')
      .set('Authorization', `Bearer ${token}`)
      .send({
        code: template,
        channel: 'sms',
        variants: { 'zh-CN': { body: '{{name}}，送您积分！' }, en: { body: '{{name}}, points for you!' } },
      })
      .expect(201);
    // More clubs than the picker's dropdown shows at once (it renders only the options in view), as in a real program.
    for (let i = 0; i < 12; i++) {
      await t.http
        .post('/api/v1/admin/clubs')
        .set('Authorization', `Bearer ${token}`)
        .send({ code: uniq('AAA').toUpperCase().slice(0, 20), nameZh: '其他俱乐部', nameEn: 'Another club', joinPolicy: 'open' })
        .expect(201);
    }
    await t.http
      .post('/api/v1/admin/categories')
      .set('Authorization', `Bearer ${token}`)
      .send({ code: category, ...categoryNames })
      .expect(201);
    const store = await createStore(t);
    for (let i = 0; i < buyers; i++) {
      const m = await createMember(t, { consents: { sms: true } });
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ category, amountCents: 5_000 }]))
        .expect(201);
    }
    // Someone who bought something else: not in the club.
    const other = await createMember(t, { consents: { sms: true } });
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: other.cardNo }, [{ category: 'grocery', amountCents: 5_000 }]))
      .expect(201);
    page = await newPage(app, 'en-US');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the marketer sees clubs and campaigns but not operations', async () => {
    await consoleSignIn(page, marketerEmail, password);
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    await expect(menu.getByRole('menuitem', { name: 'Clubs' }).count()).resolves.toBe(1);
    await expect(menu.getByRole('menuitem', { name: 'Campaigns' }).count()).resolves.toBe(1);
    await expect(menu.getByRole('menuitem', { name: 'Operations' }).count()).resolves.toBe(0);
  });

  it('builds an automatic club from a rule: the words and the estimated size show before saving, the regroup runs to 100%', () =>
    shootOnFailure(page, 'marketer-club', async () => {
      await page.getByRole('menuitem', { name: 'Clubs' }).click();
      await page.getByRole('button', { name: 'New club' }).click();
      const drawer = page.getByRole('dialog', { name: 'New club' });
      await drawer.getByLabel('Code').fill(clubCode);
      await drawer.getByLabel('Name in Chinese').fill('葡萄酒俱乐部');
      await drawer.getByLabel('Name in English').fill('Wine club');
      await chooseOption(page, drawer.getByLabel('Categories'), categoryNames.nameEn);
      const words = `Members who bought in ${categoryNames.nameEn} at least once in the last 90 days.`;
      // The words come from the server (clubs/rules/explain), a moment after the edit.
      await drawer.getByTestId('rule-words').filter({ hasText: words }).waitFor();
      await expect(drawer.getByTestId('rule-words').innerText()).resolves.toBe(words);
      await drawer
        .getByTestId('rule-estimate')
        .getByText(new RegExp(`^${buyers} of [\\d,]+ members$`))
        .waitFor();
      await screenshots(page, 'console-club-rule-builder');
      // In Chinese, the same rule in the server's Chinese words (the drawer stays open: its mask covers the switch).
      await page.getByRole('button', { name: 'Switch language' }).dispatchEvent('click');
      await page
        .getByTestId('rule-words')
        .filter({ hasText: `近90天内在「${categoryNames.nameZh}」品类购买至少1次的会员。` })
        .waitFor();
      await screenshots(page, 'console-club-rule-builder-zh-CN');
      await page.getByRole('button', { name: '切换语言' }).dispatchEvent('click');
      await drawer.getByTestId('rule-words').filter({ hasText: words }).waitFor();
      await drawer.getByRole('button', { name: 'Create club' }).click();

      // The new club is filled by its rule at save (no click on "Regroup now"), its progress shown.
      const detail = page.getByRole('dialog', { name: 'Club' });
      await detail.locator('[data-testid="job-progress"][data-percent="100"]').waitFor();
      // The member list and the size are re-read once the job has finished.
      await detail.getByTestId('club-size').getByText(String(buyers), { exact: true }).waitFor();
      const rows = detail.getByTestId('club-members').locator('tbody tr.ant-table-row');
      await rows.nth(buyers - 1).waitFor();
      await expect(rows.count()).resolves.toBe(buyers);
      await screenshots(page, 'console-club-detail');
      await detail.getByRole('button', { name: 'Close' }).click();
      await detail.waitFor({ state: 'hidden' });
      // The list shows every club's size over 12 months (analytics/club-growth), this one included.
      await page.getByTestId('clubs-growth').locator('canvas').first().waitFor();
      await screenshots(page, 'console-clubs');
    }));

  it(
    'creates a campaign to the club (points and an SMS) with a live audience size and cost, launches it, and the results equal the ledger',
    () =>
      shootOnFailure(page, 'marketer-campaign', async () => {
        const name = uniq('Wine welcome');
        await page.getByRole('menuitem', { name: 'Campaigns' }).click();
        await page.getByRole('button', { name: 'New campaign' }).click();
        const wizard = page.getByRole('dialog', { name: 'New campaign' });
        await wizard.getByLabel('Name').fill(name);
        await chooseOption(page, wizard.getByLabel('Clubs', { exact: true }), clubCode);
        await wizard.getByTestId('preview-size').getByText(String(buyers), { exact: true }).waitFor();
        await screenshots(page, 'console-campaign-audience');
        await wizard.getByRole('button', { name: 'Next' }).click();

        await expect(wizard.getByLabel('Points each').inputValue()).resolves.toBe('');
        await wizard.getByLabel('Points each').fill('150');
        await wizard.getByLabel('Reason shown in the ledger').fill('Wine club welcome');
        await wizard.getByRole('checkbox', { name: 'Send a message' }).check();
        await chooseOption(page, wizard.getByLabel('Template'), template);
        await wizard.getByTestId('preview-cost').getByText('600', { exact: true }).waitFor();
        await wizard.getByRole('button', { name: 'Next' }).click();

        await wizard
          .getByTestId('template-preview-en')
          .getByText(/points for you!/)
          .waitFor();
        await wizard
          .getByTestId('template-preview-zh-CN')
          .getByText(/送您积分！/)
          .waitFor();
        await screenshots(page, 'console-campaign-template');
        await wizard.getByRole('button', { name: 'Next' }).click();
        await wizard.getByRole('button', { name: 'Next' }).click();
        // The summary says the audience and the actions in the server's words (campaigns/rules/explain), the club by its name.
        await wizard.getByTestId('summary-audience').getByText('active members of club Wine club', { exact: true }).waitFor();
        await expect(wizard.getByTestId('summary-actions').innerText()).resolves.toBe(
          `grant 150 points (Wine club welcome)\nsend SMS (template ${template})`,
        );
        await screenshots(page, 'console-campaign-summary');
        await page.getByRole('button', { name: 'Switch language' }).dispatchEvent('click');
        await page.getByTestId('summary-audience').getByText('俱乐部成员（葡萄酒俱乐部）', { exact: true }).waitFor();
        await page.getByTestId('summary-actions').getByText('赠送 150 积分（Wine club welcome）').waitFor();
        await screenshots(page, 'console-campaign-summary-zh-CN');
        await page.getByRole('button', { name: '切换语言' }).dispatchEvent('click');
        await wizard.getByRole('button', { name: 'Launch' }).click();
        const confirm = page.getByRole('dialog', { name: `Launch “${name}”?` });
        await expect(confirm.getByTestId('confirm-total').innerText()).resolves.toBe('600 points');
        await confirm.getByRole('button', { name: 'Launch now' }).click();
        await wizard.waitFor({ state: 'hidden' });
        await page.getByTestId('campaign-list').getByRole('button', { name }).click();

        const detail = page.getByRole('dialog', { name: 'Campaign' });
        await detail.locator('[data-testid="campaign-progress"][data-percent="100"]').waitFor({ timeout: 60_000 });
        await detail.getByTestId('campaign-state').getByText('Completed').waitFor({ timeout: 30_000 });
        const shown = Number(
          (await detail.getByTestId('points-granted').locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''),
        );
        await screenshots(page, 'console-campaign-results');

        const [campaign] = await app.t.db.query('SELECT id FROM campaigns WHERE name = ?', [name]);
        const [ledger] = await app.t.db.query(
          "SELECT COALESCE(SUM(points), 0) AS points, COUNT(DISTINCT member_id) AS members FROM point_entries WHERE ref_type = 'campaign' AND ref_id LIKE ?",
          [`${campaign.id}:%`],
        );
        expect(Number(ledger.members)).toBe(buyers);
        expect(Number(ledger.points)).toBe(buyers * 150);
        expect(shown).toBe(Number(ledger.points));
        const [outbox] = await app.t.db.query('SELECT COUNT(*) AS n FROM outbox_messages WHERE source LIKE ?', [
          `campaign:${campaign.id}:%`,
        ]);
        expect(Number(outbox.n)).toBe(buyers);
        expect(pageProblems(page)).toEqual([]);
      }),
    150_000,
  );

  it('schedules a repeating campaign by cron in a chosen time zone: the server keeps both and plans the next run', () =>
    shootOnFailure(page, 'marketer-cron', async () => {
      const name = uniq('Weekly wine');
      await page.getByRole('dialog', { name: 'Campaign' }).getByRole('button', { name: 'Close' }).click();
      await page.getByRole('menuitem', { name: 'Campaigns' }).click();
      await page.getByRole('button', { name: 'New campaign' }).click();
      const wizard = page.getByRole('dialog', { name: 'New campaign' });
      await wizard.getByLabel('Name').fill(name);
      await chooseOption(page, wizard.getByLabel('Clubs', { exact: true }), clubCode);
      await wizard.getByTestId('preview-size').getByText(String(buyers), { exact: true }).waitFor();
      await wizard.getByRole('button', { name: 'Next' }).click();
      // No amount is pre-filled: without one the campaign cannot launch.
      await wizard.getByLabel('Points each').fill('10');
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByRole('radio', { name: 'Repeating' }).check();
      await wizard.getByLabel('Cron').fill('30 10 * * 1');
      await chooseOption(page, wizard.getByLabel('Time zone'), 'Europe/Berlin');
      await screenshots(page, 'console-campaign-cron');
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByText('30 10 * * 1 (Europe/Berlin)', { exact: false }).waitFor();
      await wizard.getByRole('button', { name: 'Launch' }).click();
      const confirm = page.getByRole('dialog', { name: `Launch “${name}”?` });
      await confirm.getByText('These figures are for each run; it repeats on “30 10 * * 1” (Europe/Berlin).').waitFor();
      await confirm.getByRole('button', { name: 'Launch now' }).click();
      await page
        .getByTestId('campaign-list')
        .locator('tr.ant-table-row')
        .filter({ hasText: name })
        .getByTestId('campaign-state')
        .getByText('Scheduled')
        .waitFor();

      const [row] = await app.t.db.query('SELECT id, state FROM campaigns WHERE name = ?', [name]);
      expect(row.state).toBe('scheduled');
      const token = await loginAdmin(app.t);
      const campaign = (await app.t.http.get(`/api/v1/admin/campaigns/${row.id}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
      expect(campaign.schedule).toMatchObject({ kind: 'cron', cron: '30 10 * * 1', timezone: 'Europe/Berlin' });
      // Monday 10:30 in Berlin is 08:30 or 09:30 UTC.
      const next = new Date(campaign.schedule.nextRunAt as string);
      expect(next.getUTCDay()).toBe(1);
      expect([8, 9]).toContain(next.getUTCHours());
      expect(next.getUTCMinutes()).toBe(30);
      await app.t.http.post(`/api/v1/admin/campaigns/${row.id}/cancel`).set('Authorization', `Bearer ${token}`).expect(200);
      expect(pageProblems(page)).toEqual([]);
    }));
});
