import type { Page } from 'playwright-core';
import { createMember, loginAdmin, uniq } from '../support/factories';
import { createClubWith } from '../support/campaign-fixtures';
import { BrowserApp, consoleSignIn, newPage, pageProblems, screenshots, shootOnFailure, startBrowserApp } from './support/browser';

/** A launched bonus rule in the console: its live state shows, an admin raises its budget, and it is paused, resumed and cancelled there. */
describe('console: a live bonus rule', () => {
  let app: BrowserApp;
  let page: Page;
  const name = uniq('Rule 10x');

  beforeAll(async () => {
    app = await startBrowserApp({ workers: true });
    const { t } = app;
    const token = await loginAdmin(t);
    const member = await createMember(t);
    const clubId = await createClubWith(t.db, [member.memberId]);
    const now = Date.now();
    const created = await t.http
      .post('/api/v1/admin/campaigns')
      .set('Authorization', `Bearer ${token}`)
      .send({
        name,
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        bonusRule: {
          kind: 'base_multiplier',
          multiplierPermille: 10000,
          startsAt: new Date(now - 3_600_000).toISOString(),
          endsAt: new Date(now + 3_600_000).toISOString(),
        },
        schedule: { kind: 'now' },
        budgetPoints: 100,
      })
      .expect(201);
    await t.http.post(`/api/v1/admin/campaigns/${created.body.campaignId}/launch`).set('Authorization', `Bearer ${token}`).expect(200);
    page = await newPage(app, 'en-US');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows a launched bonus rule as Active, raises its budget, and pauses, resumes and cancels it', () =>
    shootOnFailure(page, 'console-bonus-rule', async () => {
      await consoleSignIn(page, process.env.ADMIN_EMAIL as string, process.env.ADMIN_PASSWORD as string);
      await page.getByRole('menuitem', { name: 'Campaigns' }).click();
      await page.getByRole('button', { name }).click();
      const detail = page.getByRole('dialog', { name: 'Campaign' });
      // The fan-out takes a moment; the drawer's results poll until it is done.
      for (let i = 0; i < 60 && !(await detail.getByTestId('campaign-state').getByText('Active (rule live)').isVisible()); i++) {
        await page.waitForTimeout(500);
        if (i % 10 === 9) {
          await detail.getByRole('button', { name: 'Close' }).click();
          await page.getByRole('button', { name }).click();
        }
      }
      await detail.getByTestId('campaign-state').getByText('Active (rule live)').waitFor();
      await detail.getByTestId('campaign-budget').getByText('Budget (points): 0 / 100').waitFor();
      await detail.getByLabel('New budget cap (points)').fill('500');
      await detail.getByRole('button', { name: 'Raise budget' }).click();
      await detail.getByTestId('campaign-budget').getByText('Budget (points): 0 / 500').waitFor();
      await screenshots(page, 'console-bonus-rule-active');

      await detail.getByRole('button', { name: 'Pause' }).click();
      await detail.getByTestId('campaign-state').getByText('Paused').waitFor();
      await detail.getByRole('button', { name: 'Resume' }).click();
      await detail.getByTestId('campaign-state').getByText('Active (rule live)').waitFor();
      await detail.getByRole('button', { name: 'Cancel campaign' }).click();
      await detail.getByTestId('campaign-state').getByText('Cancelled').waitFor();
      const [row] = await app.t.db.query(
        'SELECT c.state, b.cap_points FROM campaigns c JOIN campaign_budgets b ON b.campaign_id = c.id WHERE c.name = ?',
        [name],
      );
      expect(row.state).toBe('cancelled');
      expect(Number(row.cap_points)).toBe(500);
      // Cancelled: nothing more to raise.
      await detail.getByRole('button', { name: 'Raise budget' }).waitFor({ state: 'detached' });
      expect(pageProblems(page)).toEqual([]);
    }));
});
