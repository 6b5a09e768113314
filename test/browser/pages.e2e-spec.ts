import { BrowserApp, consoleSignIn, newPage, pageProblems, PHONE, screenshots, startBrowserApp } from './support/browser';

/** The web pages served by the app: paths, fallbacks, headers, and that they run under the CSP. */
describe('web pages (served by the app, driven in headless Chromium)', () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves /console and /m with their SPA fallbacks and a CSP without inline scripts, and leaves /api, /docs-json, /health and /metrics alone', async () => {
    for (const path of ['/console/', '/console/campaigns/some-id', '/m/', '/m/history']) {
      const res = await fetch(`${app.baseUrl}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      const html = await res.text();
      expect(html).toMatch(/<script type="module" crossorigin src="\/web\/assets\/[\w-]+\.js"><\/script>/);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    }
    const html = await (await fetch(`${app.baseUrl}/console/`)).text();
    const asset = /src="(\/web\/assets\/[\w-]+\.js)"/.exec(html)![1];
    const script = await fetch(`${app.baseUrl}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${app.baseUrl}/web/assets/missing.js`)).status).toBe(404);

    const api = await fetch(`${app.baseUrl}/api/v1/admin/auth/me`);
    expect(api.status).toBe(401);
    expect(((await api.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${app.baseUrl}/api/v1/nothing-here`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/docs-json`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/health/live`)).status).toBe(200);
    const metrics = await fetch(`${app.baseUrl}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('http_requests_total');
  });

  it('the console signs an admin in and shows every screen in the menu, with no script error or CSP refusal', async () => {
    const page = await newPage(app);
    await consoleSignIn(page, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    for (const label of ['Dashboard', 'Members', 'Tiers', 'Clubs', 'Campaigns', 'Analytics', 'Operations']) {
      await expect(menu.getByRole('menuitem', { name: label }).count()).resolves.toBe(1);
    }
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('the member page renders at 375 px in the browser language (zh-CN) with no script error or CSP refusal', async () => {
    const page = await newPage(app, 'zh-CN', PHONE);
    await page.goto('/m/');
    await page.getByText('我的会员').waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await screenshots(page, 'member-placeholder');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
