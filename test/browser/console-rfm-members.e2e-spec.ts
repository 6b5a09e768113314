import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newId } from '../../src/common/ids';
import { rfmCellsOf } from '../../src/modules/campaigns/rules/rfm-segments';
import { createMember, loginAdmin, TestMember, uniq } from '../support/factories';
import { ownDatabase } from '../support/own-database';
import { ARTIFACTS, BrowserApp, consoleSignIn, newPage, pageProblems, shootOnFailure, startBrowserApp, WIDE } from './support/browser';
import { finishValueRun, scoreMembers } from '../support/rfm-scores';

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function switchLanguage(page: Page, to: 'zh-CN' | 'en') {
  await page.getByRole('button', { name: to === 'zh-CN' ? 'Switch language' : '切换语言' }).dispatchEvent('click');
}

/**
 * A marketer at 1440 px opens an RFM segment of the analytics page to its members (issue 18): the Members screen lists
 * exactly the database's members of that segment (masked names, tier names, cards; the archive a click away), under a
 * tag naming the segment that removes the filter.
 */
describe('console: an RFM segment opened to its members', () => {
  let app: BrowserApp;
  let page: Page;
  const champions: TestMember[] = [];
  let loyal: TestMember;
  const password = 'segment-password-1';
  const marketerEmail = `${uniq('mkt')}@test.local`.toLowerCase();
  const name = (i: number) => `冠军${i}号会员`;

  /** The database's members of a segment: their r, f (the value run's) in the segment's cells. */
  async function segmentMembers(key: 'champions' | 'loyal'): Promise<string[]> {
    const cells = rfmCellsOf([key]).map(([r, f]) => r * 10 + f);
    const rows = await app.t.db.query<Array<{ member_id: string }>>(
      `SELECT member_id FROM member_values WHERE r * 10 + f IN (${cells.map(() => '?').join(', ')})`,
      cells,
    );
    return rows.map((r) => r.member_id).sort();
  }

  /** The member ids the Members screen lists, after asking for every page. */
  async function listed(): Promise<string[]> {
    const more = page.getByRole('button', { name: /More members|更多会员/ });
    while ((await more.count()) > 0) {
      await more.click();
      await page.waitForTimeout(300);
    }
    const ids = await page
      .locator('.ant-table-tbody tr[data-row-key]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));
    return ids.sort();
  }

  // A database of its own: other suites of the run score members too, and a segment of hundreds would page its seeded
  // members off the first screen.
  const own = ownDatabase('rfm_members');

  beforeAll(async () => {
    await own.enter();
    app = await startBrowserApp({ workers: true });
    const { t } = app;
    const token = await loginAdmin(t);
    await t.http
      .post('/api/v1/admin/users')
      .set('Authorization', `Bearer ${token}`)
      .send({ email: marketerEmail, password, role: 'marketer' })
      .expect(201);
    // Scores as a value run writes them: three champions (R5 F4, R5 F5, R5 F5), one loyal (R4 F4), one hibernating.
    const runId = newId();
    for (let i = 0; i < 3; i++) {
      champions.push(await createMember(t, { name: name(i) }));
    }
    loyal = await createMember(t, { name: '忠诚会员甲' });
    const hibernating = await createMember(t, { name: '沉睡会员乙' });
    await scoreMembers(t.db, runId, [
      [champions[0].memberId, 5, 4],
      [champions[1].memberId, 5, 5],
      [champions[2].memberId, 5, 5],
      [loyal.memberId, 4, 4],
      [hibernating.memberId, 1, 1],
    ]);
    await finishValueRun(t.db, runId, 5);
    page = await newPage(app, 'en-US', WIDE);
    await consoleSignIn(page, marketerEmail, password);
  });

  afterAll(async () => {
    await app?.close();
    await own.leave();
  });

  it('"See members" on Champions lists exactly its members (masked, tier and card), under a removable tag naming it', () =>
    shootOnFailure(page, 'rfm-members', async () => {
      await page.getByRole('menuitem', { name: 'Analytics' }).click();
      await page.getByRole('tab', { name: 'Value and RFM' }).click();
      const rfm = page.getByTestId('analytics-rfm');
      await page.getByTestId('make-snapshot').first().click();
      // The snapshot done: the table counts the database's champions (an earlier snapshot may show fewer).
      const expected = await segmentMembers('champions');
      await rfm
        .getByTestId('rfm-champions')
        .getByText(expected.length.toLocaleString('en-US'), { exact: true })
        .waitFor({ timeout: 60_000 });
      await page.getByText('Making a snapshot', { exact: false }).waitFor({ state: 'hidden' });
      await expect(rfm.getByTestId('members-champions').innerText()).resolves.toBe('See members');
      await shoot(page, 'console-rfm-see-members-1440');
      await switchLanguage(page, 'zh-CN');
      await rfm.getByTestId('members-champions').getByText('查看会员', { exact: true }).waitFor();
      await shoot(page, 'console-rfm-see-members-1440-zh-CN');
      await switchLanguage(page, 'en');
      await rfm.getByTestId('members-champions').click();

      const tag = page.getByTestId('segment-filter');
      await tag.getByText('RFM segment: Champions', { exact: true }).waitFor();
      await page.locator(`tr[data-row-key="${champions[0].memberId}"]`).waitFor();
      for (const c of champions) {
        expect(expected).toContain(c.memberId);
      }
      await expect(listed()).resolves.toEqual(expected);
      expect(await listed()).not.toContain(loyal.memberId);
      // A row: the name masked for a marketer, the tier by name, the card.
      const row = page.locator(`tr[data-row-key="${champions[1].memberId}"]`);
      const text = await row.innerText();
      expect(text).not.toContain(name(1));
      expect(text).toContain('冠*');
      expect(text).toContain('Standard');
      expect(text).toContain(champions[1].cardNo);
      await shoot(page, 'console-rfm-members-1440');

      await switchLanguage(page, 'zh-CN');
      await tag.getByText('RFM 分群：重要价值会员', { exact: true }).waitFor();
      await shoot(page, 'console-rfm-members-1440-zh-CN');
      await switchLanguage(page, 'en');

      // The archive opens from the row as on any search, and closing it keeps the filter.
      await row.getByRole('button').first().click();
      const drawer = page.getByRole('dialog');
      await drawer.getByText(champions[1].memberId).first().waitFor();
      await drawer.getByRole('button', { name: 'Close' }).first().click();
      await drawer.waitFor({ state: 'hidden' });
      await tag.waitFor();
      expect(page.url()).toContain('rfmSegment=champions');

      // Closing the tag removes the filter: everyone again, the loyal member among them.
      await tag.locator('.ant-tag-close-icon').click();
      await tag.waitFor({ state: 'hidden' });
      expect(page.url()).not.toContain('rfmSegment');
      await page.getByRole('searchbox').fill('忠诚会员甲');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.locator(`tr[data-row-key="${loyal.memberId}"]`).waitFor();
      expect(pageProblems(page)).toEqual([]);
    }));
});
