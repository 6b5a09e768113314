import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { campaignLedger, createClubWith } from '../support/campaign-fixtures';
import { createMember, loginAdmin, uniq } from '../support/factories';
import {
  ARTIFACTS,
  BrowserApp,
  consoleSignIn,
  newPage,
  pageProblems,
  PHONE,
  shootOnFailure,
  startBrowserApp,
  WIDE,
} from './support/browser';

/** The approver's flow runs at both: a desktop in English, a phone in Chinese (issue 18). */
const VIEWS = [
  { label: '1440-en', viewport: WIDE, locale: 'en-US', lang: 'en' },
  { label: '375-zh-CN', viewport: PHONE, locale: 'zh-CN', lang: 'zh-CN' },
] as const;

/** The console's words, written out here (not imported), so a wrong or missing translation fails. */
const WORDS = {
  en: {
    campaigns: 'Campaigns',
    perMember: '25,000 points',
    total: '50,000 points',
    noCap: 'no cap',
    limit: 'points per member',
    reason: 'Reason for the marketer',
    reject: /^Reject$/,
    approve: /^Approve$/,
    campaign: 'Campaign',
    completed: 'Completed',
  },
  'zh-CN': {
    campaigns: '营销活动',
    perMember: '25,000 积分',
    total: '50,000 积分',
    noCap: '不设上限',
    limit: '每人积分',
    reason: '驳回原因（给营销人员）',
    reject: /^驳 ?回$/, // antd spaces a two-character Chinese button
    approve: /^批 ?准$/,
    campaign: '活动详情',
    completed: '已完成',
  },
} as const;

/**
 * Maker-checker in the console: a marketer's campaign above the program limits waits for approval; an admin
 * (not its author) sees it under "Waiting for your approval" and approves one and rejects another with a reason.
 */
describe('console: an admin approves and rejects campaigns waiting for approval', () => {
  let app: BrowserApp;
  const password = 'approver-password-1';
  const approverEmail = `${uniq('approver')}@test.local`.toLowerCase();
  const marketerEmail = `${uniq('mkt')}@test.local`.toLowerCase();

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
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Two campaigns of 25,000 points each to a club of two, launched by the marketer: both wait for approval. */
  async function pendingPair(): Promise<{ ids: { approve: string; reject: string }; names: { approve: string; reject: string } }> {
    const { t } = app;
    const ids = { approve: '', reject: '' };
    const names = { approve: uniq('Big gift'), reject: uniq('Too big') };
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
    return { ids, names };
  }

  it.each(VIEWS)(
    'at $label lists the pending campaigns with the points asked for; approving one runs it, rejecting the other sends it back to draft',
    async (view) => {
      const w = WORDS[view.lang];
      const { ids, names } = await pendingPair();
      const page: Page = await newPage(app, view.locale, view.viewport);
      await shootOnFailure(page, `approver-campaigns-${view.label}`, async () => {
        await consoleSignIn(page, approverEmail, password);
        const drawerButton = page.getByTestId('open-menu');
        if (await drawerButton.isVisible()) {
          await drawerButton.click();
        }
        await page.getByRole('navigation').getByRole('menuitem', { name: w.campaigns }).click();
        const pending = page.getByTestId('pending-approvals');
        const approveRow = pending.locator('tr.ant-table-row').filter({ hasText: names.approve });
        const rejectRow = pending.locator('tr.ant-table-row').filter({ hasText: names.reject });
        await approveRow.waitFor();
        // What the approver approves, in numbers: the audience now, per member, the total asked for, the budget, the limit it is above.
        const cells = approveRow.locator('td');
        await cells.nth(1).getByText('2', { exact: true }).waitFor();
        await expect(cells.nth(2).innerText()).resolves.toBe(w.perMember);
        await expect(cells.nth(3).innerText()).resolves.toBe(w.total);
        await expect(cells.nth(4).innerText()).resolves.toBe(w.noCap);
        await cells.nth(5).getByText(w.limit, { exact: false }).waitFor();
        await expect(page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).resolves.toBeLessThanOrEqual(0);
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS, `console-campaign-approvals-${view.label}.png`), fullPage: true });

        await rejectRow.getByLabel(w.reason).fill('Split it into two smaller gifts');
        await rejectRow.getByRole('button', { name: w.reject }).click();
        await rejectRow.waitFor({ state: 'detached' });
        await approveRow.getByRole('button', { name: w.approve }).click();
        await approveRow.waitFor({ state: 'detached' });

        const [rejected] = await app.t.db.query('SELECT state FROM campaigns WHERE id = ?', [ids.reject]);
        expect(rejected.state).toBe('draft');
        const [entry] = await app.t.db.query("SELECT changes FROM audit_log WHERE action = 'campaign.reject' AND entity_id = ?", [
          ids.reject,
        ]);
        expect(JSON.parse(entry.changes as string)).toMatchObject({ reason: 'Split it into two smaller gifts' });

        await page.getByRole('button', { name: names.approve }).click();
        const detail = page.getByRole('dialog', { name: w.campaign });
        await detail.getByTestId('campaign-state').getByText(w.completed).waitFor({ timeout: 60_000 });
        expect(await campaignLedger(app.t.db, ids.approve)).toEqual({ entries: 2, points: 50_000, members: 2 });
        expect(pageProblems(page)).toEqual([]);
      });
      await page.context().close();
    },
  );
});
