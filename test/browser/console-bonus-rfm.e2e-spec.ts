import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newId } from '../../src/common/ids';
import { createClubWith } from '../support/campaign-fixtures';
import {
  createMember,
  createStore,
  ledgerInvariants,
  loginAdmin,
  pos,
  purchaseBody,
  TestMember,
  TestStore,
  uniq,
} from '../support/factories';
import {
  ARTIFACTS,
  BrowserApp,
  chooseOption,
  consoleSignIn,
  newPage,
  pageProblems,
  PHONE,
  shootOnFailure,
  startBrowserApp,
  WIDE,
} from './support/browser';
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
 * A marketer at 1440 px: a bonus rule (3× points on a category picked by name, in a window, with a budget) launched
 * after a confirmation stating it in numbers, then paid at the till on that category; and an RFM segment of the
 * analytics page targeted in one click, the wizard opening with it chosen and counting exactly its members.
 */
describe('console: a bonus rule in the campaign wizard, and RFM segments as audiences', () => {
  let app: BrowserApp;
  let page: Page;
  let store: TestStore;
  let buyer: TestMember;
  let outsider: TestMember;
  let clubCode = '';
  let token = '';
  const champions: TestMember[] = [];
  const password = 'bonus-password-1';
  const marketerEmail = `${uniq('mkt')}@test.local`.toLowerCase();
  const category = uniq('oolong').toLowerCase().slice(0, 30);
  const categoryEn = `Oolong ${category.slice(-4)}`;

  beforeAll(async () => {
    app = await startBrowserApp({ workers: true });
    const { t } = app;
    token = await loginAdmin(t);
    await t.http
      .post('/api/v1/admin/users')
      .set('Authorization', `Bearer ${token}`)
      .send({ email: marketerEmail, password, role: 'marketer' })
      .expect(201);
    await t.http
      .post('/api/v1/admin/categories')
      .set('Authorization', `Bearer ${token}`)
      .send({ code: category, nameZh: '乌龙茶', nameEn: categoryEn })
      .expect(201);
    store = await createStore(t);
    buyer = await createMember(t);
    outsider = await createMember(t);
    const clubId = await createClubWith(t.db, [buyer.memberId]);
    [{ code: clubCode }] = await t.db.query<Array<{ code: string }>>('SELECT code FROM clubs WHERE id = ?', [clubId]);
    // Scores as a value run writes them: two champions (R5 F4, R5 F5), the buyer loyal (R4 F4), the outsider hibernating.
    const runId = newId();
    for (let i = 0; i < 2; i++) {
      champions.push(await createMember(t));
    }
    await scoreMembers(t.db, runId, [
      [champions[0].memberId, 5, 4],
      [champions[1].memberId, 5, 5],
      [buyer.memberId, 4, 4],
      [outsider.memberId, 1, 1],
    ]);
    await finishValueRun(t.db, runId, 4);
    page = await newPage(app, 'en-US', WIDE);
    await consoleSignIn(page, marketerEmail, password);
  });

  afterAll(async () => {
    await app?.close();
  });

  it(
    'a bonus rule on a category picked by name is launched after a confirmation in numbers and pays 3× on that category at the till',
    () =>
      shootOnFailure(page, 'bonus-rule', async () => {
        const name = uniq('Oolong week');
        await page.getByRole('menuitem', { name: 'Campaigns' }).click();
        await page.getByRole('button', { name: 'New campaign' }).click();
        const wizard = page.getByRole('dialog', { name: 'New campaign' });
        await wizard.getByLabel('Name').fill(name);
        await chooseOption(page, wizard.getByLabel('Clubs', { exact: true }), clubCode);
        await wizard.getByTestId('preview-size').getByText('1', { exact: true }).waitFor();
        await wizard.getByRole('button', { name: 'Next' }).click();

        await wizard.getByText('Bonus points on purchases', { exact: true }).click();
        await wizard.getByTestId('wizard-missing').getByText('Enter the multiplier: more than 1× and at most 10×.').waitFor();
        await wizard.getByLabel('Multiplier').fill('3');
        await wizard.getByTestId('wizard-missing').getByText('Choose the category whose points are multiplied.').waitFor();
        await chooseOption(page, wizard.getByLabel('Category', { exact: true }), categoryEn);
        await wizard.getByTestId('bonus-words').getByText(`3× points on purchases of ${categoryEn}`, { exact: true }).waitFor();
        await expect(wizard.getByTestId('wizard-missing').count()).resolves.toBe(0);
        await shoot(page, 'console-bonus-rule-action-1440');
        await switchLanguage(page, 'zh-CN');
        await page.getByTestId('bonus-words').getByText('购买「乌龙茶」品类积分 3 倍', { exact: true }).waitFor();
        await shoot(page, 'console-bonus-rule-action-1440-zh-CN');
        await switchLanguage(page, 'en');

        await wizard.getByRole('button', { name: 'Next' }).click();
        await wizard.getByRole('button', { name: 'Next' }).click();
        await wizard.getByLabel('Budget (points)').fill('1000');
        await wizard.getByRole('button', { name: 'Next' }).click();
        // The summary says the rule in the console's words: the category by name and the window in local time.
        await wizard
          .getByTestId('summary-actions')
          .getByText(`3× points on purchases of ${categoryEn} · from `, { exact: false })
          .waitFor();
        await expect(wizard.getByTestId('summary-actions').innerText()).resolves.not.toMatch(/\dT\d\d:/);
        await shoot(page, 'console-bonus-rule-summary-1440');
        await wizard.getByRole('button', { name: 'Launch' }).click();

        const confirm = page.getByRole('dialog', { name: `Launch “${name}”?` });
        await confirm.getByTestId('launch-confirmation').waitFor();
        await expect(confirm.getByTestId('confirm-audience').innerText()).resolves.toBe(
          'Audience of 1: 1 receive it, 0 held out for comparison',
        );
        await expect(confirm.getByTestId('confirm-per-member').innerText()).resolves.toBe(`3× points on purchases of ${categoryEn}`);
        const [stored] = await app.t.db.query('SELECT id, state, actions FROM campaigns WHERE name = ?', [name]);
        expect(stored.state).toBe('draft');
        expect(JSON.parse(stored.actions as string)).toMatchObject({
          bonusRule: { rule: { kind: 'category_multiplier', category, multiplierPermille: 3000 } },
        });
        await expect(confirm.getByTestId('confirm-window').innerText()).resolves.toMatch(/^from .+ to .+$/);
        await expect(confirm.getByTestId('confirm-total').innerText()).resolves.toBe(
          'Paid on purchases in the window, at most 1,000 points in all',
        );
        await expect(confirm.getByTestId('confirm-budget').innerText()).resolves.toBe('1,000 points');
        await shoot(page, 'console-bonus-rule-confirm-1440');
        await switchLanguage(page, 'zh-CN');
        await page.getByTestId('confirm-per-member').getByText('购买「乌龙茶」品类积分 3 倍', { exact: true }).waitFor();
        await page.getByTestId('confirm-total').getByText('按期间内的消费发放，合计最多 1,000 积分', { exact: true }).waitFor();
        await shoot(page, 'console-bonus-rule-confirm-1440-zh-CN');
        await switchLanguage(page, 'en');
        await confirm.getByRole('button', { name: 'Launch now' }).click();
        await wizard.waitFor({ state: 'hidden' });

        // The rule is live once the fan-out is done (its window is open).
        let state = '';
        for (let i = 0; i < 300 && state !== 'active'; i++) {
          await page.waitForTimeout(100);
          [{ state }] = await app.t.db.query<Array<{ state: string }>>('SELECT state FROM campaigns WHERE id = ?', [stored.id]);
        }
        expect(state).toBe('active');

        // A purchase in the window: ¥100 of oolong earns 100 base points and 200 more (3×); ¥50 of something else only its base.
        const paid = await pos(app.t, store)
          .purchase(
            purchaseBody({ cardNo: buyer.cardNo }, [
              { category, amountCents: 10_000 },
              { category: 'grocery', amountCents: 5_000 },
            ]),
          )
          .expect(201);
        expect(paid.body.breakdown).toContainEqual({ rule: 'campaign', campaignId: stored.id, name, points: 200 });
        expect(paid.body.pointsEarned).toBe(150 + 200);
        const inv = await ledgerInvariants(app.t.db, buyer.memberId);
        expect(inv).toMatchObject({ balance: 350, entrySum: 350, lotSum: 350 });
        const [bonusEntries] = await app.t.db.query(
          "SELECT COALESCE(SUM(points), 0) AS points FROM point_entries WHERE member_id = ? AND ref_type = 'purchase'",
          [buyer.memberId],
        );
        expect(Number(bonusEntries.points)).toBe(350);
        // Not in the audience: the same basket earns only its base points.
        const other = await pos(app.t, store)
          .purchase(purchaseBody({ cardNo: outsider.cardNo }, [{ category, amountCents: 10_000 }]))
          .expect(201);
        expect(other.body.pointsEarned).toBe(100);
        expect(pageProblems(page)).toEqual([]);
      }),
    180_000,
  );

  it('"Target these members" on an RFM segment opens the wizard with the segment chosen, counting exactly its members', () =>
    shootOnFailure(page, 'rfm-target', async () => {
      await page.getByRole('menuitem', { name: 'Analytics' }).click();
      await page.getByRole('tab', { name: 'Value and RFM' }).click();
      const rfm = page.getByTestId('analytics-rfm');
      const make = page.getByTestId('make-snapshot').first();
      await make.click();
      await rfm.getByTestId('target-champions').waitFor({ timeout: 60_000 });
      await shoot(page, 'console-rfm-target-1440');
      await switchLanguage(page, 'zh-CN');
      await rfm.getByTestId('target-champions').getByText('针对这些会员发起活动', { exact: true }).waitFor();
      await shoot(page, 'console-rfm-target-1440-zh-CN');
      // On a phone the action is an icon that fits the row (named for screen readers).
      await page.setViewportSize(PHONE);
      await rfm.getByRole('link', { name: '针对这些会员发起活动' }).first().waitFor();
      await shoot(page, 'console-rfm-target-375-zh-CN');
      await page.setViewportSize(WIDE);
      await switchLanguage(page, 'en');
      await rfm.getByTestId('target-champions').click();

      const wizard = page.getByRole('dialog', { name: 'New campaign' });
      await wizard.getByLabel('Name').fill(uniq('Champions'));
      await wizard.getByTestId('audience-words').getByText('Members in the RFM segments Champions.', { exact: true }).waitFor();
      // The run's other suites score members too: the wizard shows the server's count of the segment (exact to the
      // member in test/campaign-rfm.e2e-spec.ts), which holds this suite's two champions.
      const estimate = await app.t.http
        .post('/api/v1/admin/campaigns/rules/explain')
        .set('Authorization', `Bearer ${token}`)
        .send({ audience: { include: [{ type: 'rfmSegment', segments: ['champions'] }] }, estimate: true })
        .expect(200);
      const expected = estimate.body.audience.size as number;
      expect(expected).toBeGreaterThanOrEqual(champions.length);
      await wizard.getByTestId('preview-size').getByText(expected.toLocaleString('en-US'), { exact: true }).waitFor();
      await shoot(page, 'console-rfm-wizard-1440');
      await switchLanguage(page, 'zh-CN');
      await page.getByTestId('audience-words').getByText('属于 RFM 分群「重要价值会员」的会员。', { exact: true }).waitFor();
      await shoot(page, 'console-rfm-wizard-1440-zh-CN');
      await switchLanguage(page, 'en');
      expect(pageProblems(page)).toEqual([]);
    }));
});
