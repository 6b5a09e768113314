import { createMember, ledgerInvariants, loginAdmin, uniq } from '../support/factories';
import { BrowserApp, consoleSignIn, newPage, pageProblems, screenshots, shootOnFailure, startBrowserApp } from './support/browser';

const SCREENS = ['dashboard', 'members', 'tiers', 'clubs', 'campaigns', 'analytics', 'operations'];
const KEY_LIKE =
  /\b(common|nav|clubs|campaigns|rule|members|ops|tiers|analytics|dashboard|ledger|login|console|role|job|channel|gender|notFound)\.[A-Za-z_.]+/;
const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** The page's own words: without table rows (member names and other data) and the language switch (it names the other language). */
// The screen's own words: table bodies and texts marked data-user-text (names people typed, such as a campaign's) are data.
const LABELS = `(() => {
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('.ant-table-tbody, [data-user-text], [aria-label="Switch language"], [aria-label="切换语言"], [data-testid="signed-in-as"]').forEach((e) => e.remove());
  return copy.textContent;
})()`;

describe('console: roles and languages', () => {
  let app: BrowserApp;
  let member: { memberId: string; phone: string };

  beforeAll(async () => {
    app = await startBrowserApp();
    const token = await loginAdmin(app.t);
    await app.t.http
      .post('/api/v1/admin/users')
      .set('Authorization', `Bearer ${token}`)
      .send({ email: 'support-browser@test.local', password: 'support-password-1', role: 'support' })
      .expect(201);
    member = await createMember(app.t, { name: 'Browser Member' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a support user sees members but no campaign or club screen, cannot open one by its address, and the API refuses them too', async () => {
    const page = await newPage(app, 'en-US');
    await shootOnFailure(page, 'support', async () => {
      await consoleSignIn(page, 'support-browser@test.local', 'support-password-1');
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      await expect(menu.getByRole('menuitem', { name: 'Members' }).count()).resolves.toBe(1);
      for (const hidden of ['Campaigns', 'Clubs', 'Analytics', 'Operations']) {
        await expect(menu.getByRole('menuitem', { name: hidden }).count()).resolves.toBe(0);
      }
      await page.goto('/console/campaigns');
      await page.getByText('This page does not exist or your role may not open it').waitFor();
      await expect(page.getByRole('button', { name: 'New campaign' }).count()).resolves.toBe(0);
      await screenshots(page, 'console-support-campaigns-refused');
      const login = await app.t.http
        .post('/api/v1/admin/auth/login')
        .send({ email: 'support-browser@test.local', password: 'support-password-1' })
        .expect(200);
      const refused = await app.t.http.get('/api/v1/admin/campaigns').set('Authorization', `Bearer ${login.body.accessToken}`).expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      expect(pageProblems(page)).toEqual([]);
    });
    await page.context().close();
  });

  it('signing out of the console ends the sign-in on the server: the tab’s access and refresh tokens are refused afterwards', async () => {
    const page = await newPage(app, 'en-US');
    await shootOnFailure(page, 'sign-out', async () => {
      await consoleSignIn(page, 'support-browser@test.local', 'support-password-1');
      const storedTokens = "sessionStorage.getItem('loyalty.console.tokens')";
      const stored = await page.evaluate(storedTokens);
      const tokens = JSON.parse(String(stored)) as { accessToken: string; refreshToken: string };
      await app.t.http.get('/api/v1/admin/auth/me').set('Authorization', `Bearer ${tokens.accessToken}`).expect(200);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('Email').waitFor();
      expect(await page.evaluate(storedTokens)).toBeNull();
      await app.t.http.get('/api/v1/admin/auth/me').set('Authorization', `Bearer ${tokens.accessToken}`).expect(401);
      await app.t.http.post('/api/v1/admin/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
      expect(pageProblems(page)).toEqual([]);
    });
    await page.context().close();
  });

  it('a Chinese browser gets the console in Chinese; switching to English changes every visible label on every screen (no Chinese, no raw keys), and the choice is kept', async () => {
    const page = await newPage(app, 'zh-CN');
    await shootOnFailure(page, 'language', async () => {
      await page.goto('/console/');
      await page.getByText('登录管理台').waitFor();
      await screenshots(page, 'console-login-zh');
      await consoleSignIn(page, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '营销活动' }).waitFor();
      expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');

      await page.getByRole('button', { name: '切换语言' }).click();
      await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
      expect(await page.evaluate('document.documentElement.lang')).toBe('en');
      for (const screen of SCREENS) {
        await page.goto(`/console/${screen}`);
        await page.getByTestId('signed-in-as').waitFor();
        await page.waitForLoadState('networkidle');
        const words = String(await page.evaluate(LABELS));
        expect({ screen, chinese: words.match(CJK)?.[0] ?? null, key: words.match(KEY_LIKE)?.[0] ?? null }).toEqual({
          screen,
          chinese: null,
          key: null,
        });
        await screenshots(page, `console-${screen}`);
      }
      // Reloaded, the console stays in English (the choice is stored), though the browser prefers Chinese.
      await page.reload();
      await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
      expect(pageProblems(page)).toEqual([]);
    });
    await page.context().close();
  });

  it('support finds a member by phone and adjusts their points with a reason: the ledger on screen and in the database show it', async () => {
    const page = await newPage(app, 'en-US');
    await shootOnFailure(page, 'support-adjust', async () => {
      await consoleSignIn(page, 'support-browser@test.local', 'support-password-1');
      await page.getByRole('menuitem', { name: 'Members' }).click();
      await page.getByLabel('Card number, phone, email or name').fill(member.phone);
      await page.getByLabel('Card number, phone, email or name').press('Enter');
      await page.getByRole('button', { name: 'Browser Member' }).click();
      const drawer = page.getByRole('dialog', { name: 'Points ledger' });
      await drawer.getByLabel('Points (+/-)').fill('25');
      await drawer.getByLabel('Reason', { exact: true }).fill('Goodwill for a late delivery');
      await drawer.getByRole('button', { name: 'Adjust points' }).click();
      // Nothing moves before the confirmation, which says how many points, to whom, and the balance after.
      const confirm = page.getByRole('dialog').filter({ has: page.getByTestId('adjust-confirm') });
      await confirm.locator('.ant-modal-confirm-title').getByText('Give 25 points to Browser Member?').waitFor();
      await confirm.getByText('Balance 0 → 25 points.').waitFor();
      expect((await ledgerInvariants(app.t.db, member.memberId)).balance).toBe(0);
      await screenshots(page, 'console-member-adjust-confirm');
      await confirm.getByRole('button', { name: 'Adjust points' }).click();
      await drawer.locator('.ant-table-tbody').getByText('Goodwill for a late delivery').waitFor();
      await screenshots(page, 'console-member-ledger');
      const inv = await ledgerInvariants(app.t.db, member.memberId);
      expect(inv.balance).toBe(25);
      expect(inv.entrySum).toBe(25);
      expect(pageProblems(page)).toEqual([]);
    });
    await page.context().close();
  });

  it('the tier what-if shows a before/after chart of a changed threshold before the ladder can be saved (nothing saved)', async () => {
    const page = await newPage(app, 'en-US');
    await shootOnFailure(page, 'tiers-what-if', async () => {
      await consoleSignIn(page, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
      await page.getByRole('menuitem', { name: 'Tiers' }).click();
      await page.getByLabel('Spend to reach VIP (¥)').fill('1');
      const save = page.getByRole('button', { name: 'Save ladder' });
      await expect(save.isDisabled()).resolves.toBe(true);
      await page.getByRole('button', { name: 'What if? Simulate' }).click();
      await page.getByTestId('tiers-what-if').locator('canvas').waitFor();
      await expect(save.isEnabled()).resolves.toBe(true);
      await screenshots(page, 'console-tiers-what-if');
      const [vip] = await app.t.db.query("SELECT min_spend_cents FROM tiers WHERE code = 'VIP'");
      expect(Number(vip.min_spend_cents)).toBe(500_000);
      expect(pageProblems(page)).toEqual([]);
    });
    await page.context().close();
  });

  it('run rank review before this month’s value run has finished: the console shows why it was refused and nobody moves', async () => {
    const page = await newPage(app, 'en-US');
    // Every finished value run is moved to last month for the test (suites run one at a time), then put back.
    const runs = await app.t.db.query<Array<{ id: string; as_of: Date }>>('SELECT id, as_of FROM value_runs');
    const monthStart = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
    try {
      await app.t.db.query('UPDATE value_runs SET as_of = ? WHERE as_of >= ?', [new Date(monthStart.getTime() - 3_600_000), monthStart]);
      const before = await app.t.db.query("SELECT COUNT(*) AS n FROM job_runs WHERE kind = 'tier-rank-review'");
      await shootOnFailure(page, 'tiers-rank-review-refused', async () => {
        await consoleSignIn(page, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
        await page.getByRole('menuitem', { name: 'Tiers' }).click();
        await page.getByRole('button', { name: 'Run rank review' }).click();
        await page.getByRole('alert').getByText('The rank review was not started: no value run has finished for this month yet').waitFor();
        await screenshots(page, 'console-tiers-rank-review-refused');
        expect(pageProblems(page)).toEqual([]);
      });
      expect(await app.t.db.query("SELECT COUNT(*) AS n FROM job_runs WHERE kind = 'tier-rank-review'")).toEqual(before);
    } finally {
      for (const run of runs) {
        await app.t.db.query('UPDATE value_runs SET as_of = ? WHERE id = ?', [run.as_of, run.id]);
      }
    }
    await page.context().close();
  });

  it('an unknown console address shows the not-found screen inside the console', async () => {
    const page = await newPage(app, 'en-US');
    await consoleSignIn(page, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
    await page.goto(`/console/${uniq('nowhere')}`);
    await page.getByText('This page does not exist or your role may not open it').waitFor();
    await page.context().close();
  });
});
