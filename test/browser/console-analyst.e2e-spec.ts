import type { Page } from 'playwright-core';
import { createMember, createStore, loginAdmin, pos, purchaseBody, uniq } from '../support/factories';
import { BrowserApp, consoleSignIn, newPage, pageProblems, screenshots, shootOnFailure, startBrowserApp } from './support/browser';

// The console's English formatting, written out here on its own (not imported), so a wrong figure on screen fails.
const points = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const money = (cents: number) =>
  `${cents < 0 ? '-' : ''}¥${points(Math.floor(Math.abs(cents) / 100))}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const percent = (share: number) => share.toLocaleString('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * An analyst in headless Chromium against the real app and workers: the value pyramid and the points
 * liability on screen are the API's figures; "Refresh figures" makes a snapshot with live progress.
 */
describe('console: an analyst reads the value pyramid and the points liability', () => {
  let app: BrowserApp;
  let page: Page;
  let analystToken: string;
  const email = `${uniq('analyst')}@test.local`.toLowerCase();
  const password = 'analyst-password-1';

  const get = async (path: string) =>
    (await app.t.http.get(`/api/v1/admin/analytics/${path}`).set('Authorization', `Bearer ${analystToken}`).expect(200)).body;

  async function finishJob(token: string, jobId: string): Promise<void> {
    for (let i = 0; i < 300; i++) {
      const view = (await app.t.http.get(`/api/v1/admin/jobs/${jobId}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
      if (view.state !== 'running') {
        expect(view.state).toBe('completed');
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  beforeAll(async () => {
    app = await startBrowserApp({ workers: true });
    const { t } = app;
    const admin = await loginAdmin(t);
    await t.http.post('/api/v1/admin/users').set('Authorization', `Bearer ${admin}`).send({ email, password, role: 'analyst' }).expect(201);
    analystToken = (await t.http.post('/api/v1/admin/auth/login').send({ email, password }).expect(200)).body.accessToken;
    // Spends of different sizes, so the pyramid has more than one grade and the liability is not 0.
    const store = await createStore(t);
    for (const cents of [2_000_00, 450_00, 120_00, 35_00, 9_99]) {
      const m = await createMember(t);
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: cents }]))
        .expect(201);
    }
    const run = await t.http.post('/api/v1/admin/analytics/value-runs').set('Authorization', `Bearer ${admin}`).expect(202);
    await finishJob(admin, run.body.jobId as string);
    page = await newPage(app, 'en-US');
  });

  afterAll(async () => {
    await app?.close();
  });

  it(
    'refreshes the snapshot with live progress; the pyramid and the liability on screen equal the API, with the snapshot time',
    () =>
      shootOnFailure(page, 'analyst', async () => {
        await consoleSignIn(page, email, password);
        const menu = page.getByRole('navigation', { name: 'Main menu' });
        await expect(menu.getByRole('menuitem', { name: 'Campaigns' }).count()).resolves.toBe(0);
        await menu.getByRole('menuitem', { name: 'Analytics' }).click();
        await page.getByRole('tab', { name: 'Liability' }).click();

        // Without a snapshot the liability says so (the run's database may have one from another suite: then it shows
        // its time); the analyst makes a new one and watches it finish.
        // The suites share one database: a snapshot run that another suite's app left running (closed mid-run) is
        // what a refresh answers (one run at a time) until a worker's reconciler closes it. Wait for none to run.
        const running = async () => {
          const [row] = await app.t.db.query<Array<{ n: unknown }>>(
            "SELECT COUNT(*) AS n FROM job_runs WHERE kind = 'analytics-snapshot' AND state = 'running'",
          );
          return Number(row.n);
        };
        for (let i = 0; i < 1200 && (await running()) > 0; i++) {
          await new Promise((r) => setTimeout(r, 100));
        }
        const liability = page.getByTestId('analytics-liability');
        const before = (await get('liability')).snapshotAt as string | null;
        await liability.getByText(before === null ? 'No snapshot yet: refresh to make one' : /^As of /).waitFor();
        const refreshed = async () => ![before, null].includes((await get('liability')).snapshotAt as string | null);
        // Up to 90 s a try: the run's shared database holds every suite's members by now. A refresh that answered a
        // run left over from another suite ends without a new snapshot: the analyst refreshes again, as a person would.
        for (let attempt = 0; attempt < 2 && !(await refreshed()); attempt++) {
          await page.getByRole('button', { name: 'Refresh figures' }).click();
          for (let i = 0; i < 900 && !(await refreshed()); i++) {
            await new Promise((r) => setTimeout(r, 100));
            if (i > 20 && (await running()) === 0 && !(await refreshed())) {
              break;
            }
          }
        }
        if (!(await refreshed())) {
          const runs = await app.t.db.query(
            "SELECT id, state, done, failed, total, result, created_at FROM job_runs WHERE kind = 'analytics-snapshot' ORDER BY created_at DESC LIMIT 3",
          );
          throw new Error(`no new snapshot after two refreshes; latest runs: ${JSON.stringify(runs)}`);
        }
        expect((await get('liability')).snapshotAt).not.toBe(before);
        await liability.getByText(/^As of /).waitFor({ timeout: 30_000 });

        await page.getByRole('tab', { name: 'Value and RFM' }).click();
        const pyramid = await get('value-pyramid');
        expect(pyramid.grades.length).toBeGreaterThan(1);
        const box = page.getByTestId('analytics-pyramid');
        for (const g of pyramid.grades as {
          grade: string;
          members: number;
          memberShare: number;
          spendCents: number;
          spendShare: number;
        }[]) {
          await expect(box.getByTestId(`pyramid-${g.grade}-members`).innerText()).resolves.toBe(points(g.members));
          await expect(box.getByTestId(`pyramid-${g.grade}-memberShare`).innerText()).resolves.toBe(percent(g.memberShare));
          await expect(box.getByTestId(`pyramid-${g.grade}-spend`).innerText()).resolves.toBe(money(g.spendCents));
          await expect(box.getByTestId(`pyramid-${g.grade}-spendShare`).innerText()).resolves.toBe(percent(g.spendShare));
        }

        await page.getByRole('tab', { name: 'Liability' }).click();
        const l = await get('liability');
        expect(l.snapshotAt).not.toBeNull();
        expect(l.outstandingPoints).toBeGreaterThan(0);
        const asOf = new Date(l.snapshotAt as string).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
        await liability.getByText(`As of ${asOf}`).waitFor();
        const shown = async (id: string) => liability.getByTestId(`liability-${id}`).innerText();
        await expect(shown('outstandingPoints')).resolves.toBe(points(l.outstandingPoints));
        await expect(shown('outstandingValue')).resolves.toBe(money(l.outstandingValueCents));
        await expect(shown('pendingPoints')).resolves.toBe(points(l.pendingPoints));
        await expect(shown('pendingValue')).resolves.toBe(money(l.pendingValueCents));
        await expect(shown('debtPoints')).resolves.toBe(points(l.debtPoints));
        await expect(shown('expiringPoints')).resolves.toBe(points(l.expiringPoints));
        await expect(shown('expiringValue')).resolves.toBe(money(l.expiringValueCents));
        await expect(shown('historicalRate')).resolves.toBe(percent(l.historicalRedemptionRate));
        await expect(shown('exposure')).resolves.toBe(money(l.exposureCents));

        // The CSV export downloads the file for finance, named by the period it covers (30 days by default).
        const download = page.waitForEvent('download');
        await liability.getByRole('button', { name: 'Export CSV' }).click();
        expect((await download).suggestedFilename()).toBe(`points-liability-${l.period.from}-${l.period.to}.csv`);

        await screenshots(page, 'console-analytics-liability-analyst');
        await page.getByRole('tab', { name: 'Value and RFM' }).click();
        await page.getByTestId('analytics-rfm').locator('canvas').first().waitFor();
        // The RFM cells as named segments: their counts add up to the members scored.
        const rfm = await get('rfm');
        const segmentTotal = await page
          .getByTestId('analytics-rfm')
          .locator('[data-testid^="rfm-"]')
          .evaluateAll((cells) => cells.reduce((n, c) => n + Number((c.textContent ?? '').replace(/,/g, '')), 0));
        expect(segmentTotal).toBe(rfm.members);
        await screenshots(page, 'console-analytics-analyst');
        await page.getByRole('tab', { name: 'Tiers' }).click();
        await page.getByTestId('analytics-tier-movements').locator('canvas').first().waitFor();
        await menu.getByRole('menuitem', { name: 'Dashboard' }).click();
        const overview = await get('overview?days=30');
        await expect(page.getByTestId('kpi-members-value').innerText()).resolves.toBe(points(overview.kpis.members.value));
        await expect(page.getByTestId('kpi-pointsIssued-value').innerText()).resolves.toBe(points(overview.kpis.pointsIssued.value));
        await screenshots(page, 'console-dashboard-analyst');
        expect(pageProblems(page)).toEqual([]);
      }),
    180_000,
  );
});
