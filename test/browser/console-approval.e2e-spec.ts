import type { Page } from 'playwright-core';
import { campaignLedger, createClubWith } from '../support/campaign-fixtures';
import { createMember, loginAdmin, uniq } from '../support/factories';
import { BrowserApp, consoleSignIn, newPage, pageProblems, screenshots, shootOnFailure, startBrowserApp } from './support/browser';

/**
 * Maker-checker in the console: a marketer's campaign above the program limits waits for approval; an admin
 * (not its author) sees it under "Waiting for your approval" and approves one and rejects another with a reason.
 */
describe('console: an admin approves and rejects campaigns waiting for approval', () => {
  let app: BrowserApp;
  let page: Page;
  const password = 'approver-password-1';
  const approverEmail = `${uniq('approver')}@test.local`.toLowerCase();
  const marketerEmail = `${uniq('mkt')}@test.local`.toLowerCase();
  const ids: { approve: string; reject: string } = { approve: '', reject: '' };
  const names = { approve: uniq('Big gift'), reject: uniq('Too big') };

  beforeAll(async () => {
    app = await startBrowserApp({ workers: true });
    const { t } = app;
    const token = await loginAdmin(t);
    for (const [email, role] of [
      [approverEmail, 'admin'],
      [marketerEmail, 'marketer'],
    ]) {
      await t.http.post('/api/v1/admin/users').set('Authorization', `Bearer ${token}`).send({ email, password, role }).expect(201);
    }
    const marketer = (await t.http.post('/api/v1/admin/auth/login').send({ email: marketerEmail, password }).expect(200)).body
      .accessToken as string;
    const club = await createClubWith(t.db, [(await createMember(t)).memberId, (await createMember(t)).memberId]);
    for (const which of ['approve', 'reject'] as const) {
      const created = await t.http
        .post('/api/v1/admin/campaigns')
        .set('Authorization', `Bearer ${marketer}`)
        .send({
          name: names[which],
          audience: { include: [{ type: 'club', clubIds: [club] }] },
          grant: { points: 25_000, reason: 'Above the per-member limit' },
          schedule: { kind: 'now' },
        })
        .expect(201);
      ids[which] = created.body.campaignId as string;
      const launched = await t.http
        .post(`/api/v1/admin/campaigns/${ids[which]}/launch`)
        .set('Authorization', `Bearer ${marketer}`)
        .expect(200);
      expect(launched.body.state).toBe('pending_approval');
    }
    page = await newPage(app, 'en-US');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the pending campaigns with the points asked for; approving one runs it, rejecting the other sends it back to draft', () =>
    shootOnFailure(page, 'approver-campaigns', async () => {
      await consoleSignIn(page, approverEmail, password);
      await page.getByRole('menuitem', { name: 'Campaigns' }).click();
      const pending = page.getByTestId('pending-approvals');
      const approveRow = pending.locator('tr.ant-table-row').filter({ hasText: names.approve });
      const rejectRow = pending.locator('tr.ant-table-row').filter({ hasText: names.reject });
      await approveRow.waitFor();
      // What the approver approves, in numbers: the audience now, per member, the total asked for, the budget, the limit it is above.
      const cells = approveRow.locator('td');
      await cells.nth(1).getByText('2', { exact: true }).waitFor();
      await expect(cells.nth(2).innerText()).resolves.toBe('25,000 points');
      await expect(cells.nth(3).innerText()).resolves.toBe('50,000 points');
      await expect(cells.nth(4).innerText()).resolves.toBe('no cap');
      await cells.nth(5).getByText('points per member', { exact: false }).waitFor();
      await screenshots(page, 'console-campaign-approvals');
      await page.getByRole('button', { name: 'Switch language' }).click();
      await page.getByTestId('pending-approvals').getByText('50,000 积分').first().waitFor();
      await screenshots(page, 'console-campaign-approvals-zh-CN');
      await page.getByRole('button', { name: '切换语言' }).click();

      await rejectRow.getByLabel('Reason for the marketer').fill('Split it into two smaller gifts');
      await rejectRow.getByRole('button', { name: 'Reject' }).click();
      await rejectRow.waitFor({ state: 'detached' });
      await approveRow.getByRole('button', { name: 'Approve' }).click();
      await pending.waitFor({ state: 'detached' });

      const [rejected] = await app.t.db.query('SELECT state FROM campaigns WHERE id = ?', [ids.reject]);
      expect(rejected.state).toBe('draft');
      const [entry] = await app.t.db.query("SELECT changes FROM audit_log WHERE action = 'campaign.reject' AND entity_id = ?", [
        ids.reject,
      ]);
      expect(JSON.parse(entry.changes as string)).toMatchObject({ reason: 'Split it into two smaller gifts' });

      await page.getByRole('button', { name: names.approve }).click();
      const detail = page.getByRole('dialog', { name: 'Campaign' });
      await detail.getByTestId('campaign-state').getByText('Completed').waitFor({ timeout: 60_000 });
      expect(await campaignLedger(app.t.db, ids.approve)).toEqual({ entries: 2, points: 50_000, members: 2 });
      expect(pageProblems(page)).toEqual([]);
    }));
});
