import type { Page } from 'playwright-core';
import { createMember, createStore, loginAdmin, memberWithPoints, uniq } from '../support/factories';
import {
  BrowserApp,
  consoleSignIn,
  newPage,
  pageProblems,
  pickOption,
  screenshots,
  shootOnFailure,
  startBrowserApp,
} from './support/browser';

/**
 * The member archive in the console: tags, notes and change history, tier grant, merge (confirmed),
 * export and erasure (typed confirmation), each shown only to the roles that may.
 */
describe('console: member archive actions by role', () => {
  let app: BrowserApp;
  let admin: string;
  const analyst = { email: `${uniq('an')}@test.local`.toLowerCase(), password: 'analyst-password-1' };
  const support = { email: `${uniq('sup')}@test.local`.toLowerCase(), password: 'support-password-1' };

  beforeAll(async () => {
    app = await startBrowserApp();
    admin = await loginAdmin(app.t);
    for (const [u, role] of [
      [analyst, 'analyst'],
      [support, 'support'],
    ] as const) {
      await app.t.http
        .post('/api/v1/admin/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({ ...u, role })
        .expect(201);
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Finds the member by phone and opens them (the only row; names are masked for some roles). */
  async function openMember(page: Page, phone: string) {
    await page.getByRole('menuitem', { name: 'Members' }).click();
    await page.getByLabel('Card number, phone, email or name').fill(phone);
    await page.getByLabel('Card number, phone, email or name').press('Enter');
    await page.locator('.ant-table-tbody tr.ant-table-row').nth(0).waitFor();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(1);
    await page.locator('.ant-table-tbody').getByRole('button').first().click();
    return page.getByRole('dialog', { name: 'Points ledger' });
  }

  it('an admin tags, notes, grants a tier, merges with confirmation and erases with a typed code; the database shows each', async () => {
    const name = uniq('Archive Member');
    const store = await createStore(app.t);
    const survivor = await createMember(app.t, { name });
    const source = await memberWithPoints(app.t, store, 40);
    await app.t.http
      .patch(`/api/v1/admin/members/${survivor.memberId}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ city: 'Hangzhou' })
      .expect(200);
    const page = await newPage(app, 'en-US');
    await shootOnFailure(page, 'members-admin', async () => {
      await consoleSignIn(page, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
      const drawer = await openMember(page, survivor.phone);
      const archive = drawer.getByTestId('member-archive');
      // The change history shows the city edit.
      await archive.getByTestId('member-history').getByText('Hangzhou').waitFor();

      // Tags: add two, remove one.
      for (const tag of ['wine', 'vip-event']) {
        await archive.getByLabel('New tag').fill(tag);
        await archive.getByRole('button', { name: 'Add tag' }).click();
        await archive.getByTestId('member-tags').getByText(tag, { exact: true }).waitFor();
      }
      await archive.getByLabel('Remove tag wine').click();
      await archive.getByTestId('member-tags').getByText('wine', { exact: true }).waitFor({ state: 'detached' });
      const tags = await app.t.db.query('SELECT tag FROM member_tags WHERE member_id = ? ORDER BY tag', [survivor.memberId]);
      expect(tags.map((r: { tag: string }) => r.tag)).toEqual(['vip-event']);

      // A note shows in the archive.
      await drawer.getByLabel('Note', { exact: true }).fill('Called about a late delivery');
      await drawer.getByRole('button', { name: 'Add note' }).click();
      await archive.getByTestId('member-notes').getByText('Called about a late delivery').waitFor();

      // Tier grant: tier, end date, reason.
      const actions = drawer.getByTestId('member-admin-actions');
      await actions.getByLabel('Tier to grant').click();
      await pickOption(page, 'VIP');
      await actions.getByLabel('Grant ends on').click();
      const next = new Date(Date.now() + 40 * 86_400_000);
      const day = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`;
      await actions.getByLabel('Grant ends on').fill(day);
      await actions.getByLabel('Grant ends on').press('Enter');
      await actions.getByLabel('Reason for the grant').fill('Service recovery');
      await actions.getByRole('button', { name: 'Grant tier' }).click();
      await actions.getByText('VIP granted').waitFor();
      const tier = (await app.t.http.get(`/api/v1/admin/members/${survivor.memberId}`).set('Authorization', `Bearer ${admin}`).expect(200))
        .body.tier;
      expect(tier.code).toBe('VIP');
      expect(tier.grant).not.toBeNull();

      // Merge: nothing happens until confirmed.
      await actions.getByLabel('ID of the member to merge into this one').fill(source.memberId);
      await actions.getByRole('button', { name: 'Merge' }).click();
      const confirm = page.getByRole('dialog', { name: 'Merge these members?' });
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      const [before] = await app.t.db.query('SELECT status FROM members WHERE id = ?', [source.memberId]);
      expect(before.status).toBe('active');
      await actions.getByRole('button', { name: 'Merge' }).click();
      await confirm.getByRole('button', { name: 'Merge' }).click();
      await actions.getByTestId('merge-done').waitFor();
      const [after] = await app.t.db.query('SELECT status, merged_into FROM members WHERE id = ?', [source.memberId]);
      expect(after).toMatchObject({ status: 'merged', merged_into: survivor.memberId });
      await screenshots(page, 'console-member-archive');

      // Export downloads the member's data.
      const download = page.waitForEvent('download');
      await actions.getByRole('button', { name: 'Export data' }).click();
      expect((await download).suggestedFilename()).toBe(`member-${survivor.memberId}.json`);

      // Erasure: the button stays disabled until the code is typed.
      await actions.getByRole('button', { name: 'Erase member…' }).click();
      const erase = page.getByRole('dialog', { name: 'Erase this member for good' });
      const go = erase.getByRole('button', { name: 'Erase for good' });
      await erase.getByLabel('Confirmation code').fill('WRONG');
      await expect(go.isDisabled()).resolves.toBe(true);
      await erase.getByLabel('Confirmation code').fill(survivor.memberId.slice(-6));
      await go.click();
      await erase.waitFor({ state: 'detached' });
      const [erased] = await app.t.db.query('SELECT status FROM members WHERE id = ?', [survivor.memberId]);
      expect(['erasing', 'erased']).toContain(erased.status);
      expect(pageProblems(page)).toEqual([]);
    });
    await page.context().close();
  });

  it('support sees the archive, tags, grant and export but not merge or erasure; an analyst sees no action at all', async () => {
    const name = uniq('Role Member');
    const m = await createMember(app.t, { name });
    const supportPage = await newPage(app, 'en-US');
    await shootOnFailure(supportPage, 'members-support', async () => {
      await consoleSignIn(supportPage, support.email, support.password);
      const drawer = await openMember(supportPage, m.phone);
      await drawer.getByTestId('member-archive').getByLabel('New tag').waitFor();
      const actions = drawer.getByTestId('member-admin-actions');
      await actions.getByRole('button', { name: 'Grant tier' }).waitFor();
      await actions.getByRole('button', { name: 'Export data' }).waitFor();
      await expect(actions.getByRole('button', { name: 'Merge' }).count()).resolves.toBe(0);
      await expect(actions.getByRole('button', { name: 'Erase member…' }).count()).resolves.toBe(0);
    });
    await supportPage.context().close();

    const analystPage = await newPage(app, 'en-US');
    await shootOnFailure(analystPage, 'members-analyst', async () => {
      await consoleSignIn(analystPage, analyst.email, analyst.password);
      const drawer = await openMember(analystPage, m.phone);
      await drawer.getByTestId('member-archive').getByText('Change history').waitFor();
      await expect(drawer.getByTestId('member-admin-actions').count()).resolves.toBe(0);
      await expect(drawer.getByLabel('New tag').count()).resolves.toBe(0);
      await expect(drawer.getByLabel('Note', { exact: true }).count()).resolves.toBe(0);
      expect(pageProblems(analystPage)).toEqual([]);
    });
    await analystPage.context().close();
  });
});
