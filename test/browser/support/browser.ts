import { randomInt } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { WorkerModule } from '../../../src/worker.module';
import { startTestApp, TestApp } from '../../support/test-app';
import { newestMtime } from '../../support/worker-process';

const ROOT = join(__dirname, '..', '..', '..');
const BUILT_PAGE = join(ROOT, 'dist', 'web', 'console', 'index.html');
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');

/** Builds the web pages (vite) when dist/web is missing or older than any file under web/: tests never run a stale build. */
export function ensureWebBuilt(): void {
  const sources = ['src', 'console', 'm', 'vite.config.mts'].map((p) => join(ROOT, 'web', p));
  const newest = Math.max(...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)));
  if (existsSync(BUILT_PAGE) && statSync(BUILT_PAGE).mtimeMs >= newest) {
    return;
  }
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'web', 'vite.config.mts')],
    {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

export interface BrowserApp {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** The address the browser's requests say they come from. */
  clientAddress: string;
  close(): Promise<void>;
}

/**
 * The real app (API and, with workers, the queue workers) on the run's test database, listening on an
 * ephemeral port and serving the built pages, with Debian's Chromium driven by playwright-core.
 */
export async function startBrowserApp(options: { workers?: boolean } = {}): Promise<BrowserApp> {
  ensureWebBuilt();
  // The browser's requests come from an address of their own (X-Forwarded-For behind a trusted loopback proxy), so
  // their rate-limit buckets, kept in the run's Redis, never crowd out the other suites of the run.
  // Browser suites test screens, not rate limits: their own app lets every request through, whatever other suites
  // of the run have counted for 127.0.0.1 (the tests' direct API calls come from there).
  const unlimited = '1000000';
  const t = await startTestApp({
    TRUST_PROXY: 'loopback',
    RATE_LIMIT_ADMIN_PER_MINUTE: unlimited,
    RATE_LIMIT_LOGIN_PER_MINUTE: unlimited,
    RATE_LIMIT_POS_PER_MINUTE: unlimited,
    RATE_LIMIT_POS_COUPON_LOOKUPS_PER_MINUTE: unlimited,
    RATE_LIMIT_PORTAL_AUTH_PER_MINUTE: unlimited,
    RATE_LIMIT_PORTAL_PER_MINUTE: unlimited,
  });
  const clientAddress = `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  let worker: INestApplicationContext | null = null;
  if (options.workers) {
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.register()] }).compile();
    worker = moduleRef.createNestApplication({ logger: false });
    await worker.init();
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    clientAddress,
    browser,
    close: async () => {
      await browser.close();
      await worker?.close();
      await t.close();
    },
  };
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };
/** The width a marketer's desktop console is checked at (issue 18: 1440 px in English, 375 px in Chinese). */
export const WIDE = { width: 1440, height: 900 };

const problems = new WeakMap<Page, string[]>();

/** A page in a fresh context (own storage) with the given browser language; its script errors and CSP refusals are kept. */
export async function newPage(app: BrowserApp, locale = 'en-US', viewport = DESKTOP): Promise<Page> {
  const context = await app.browser.newContext({
    locale,
    viewport,
    baseURL: app.baseUrl,
    extraHTTPHeaders: { 'X-Forwarded-For': app.clientAddress },
  });
  const page = await context.newPage();
  const seen: string[] = [];
  problems.set(page, seen);
  page.on('pageerror', (err) => seen.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // Every console error but failed requests (the app shows those itself, e.g. a 401 before sign-in).
    if (msg.type() === 'error' && !/^Failed to load resource/.test(msg.text())) {
      seen.push(`console: ${msg.text()}`);
    }
  });
  return page;
}

/** Uncaught script errors, CSP refusals and other console errors the page has had so far. */
export function pageProblems(page: Page): string[] {
  return problems.get(page) ?? [];
}

/** Screenshots of the current screen at desktop width and at 375 px, under test/artifacts/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const before = page.viewportSize() ?? DESKTOP;
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['375', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}

/** Signs in on the console's page with the given account. */
export async function consoleSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/console/');
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|登 ?录)$/ }).click();
  // Wider screens show who is signed in; a phone has the account behind one button.
  await page.locator('[data-testid="signed-in-as"], [data-testid="account-menu"]').first().waitFor();
}

/** Picks an option in the open antd Select dropdown (its role=option list is a hidden copy for screen readers). */
export async function pickOption(page: Page, text: string | RegExp): Promise<void> {
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

/**
 * Opens an antd Select with search, enters `search` and picks the first option that shows it (or shows `shows`: a search
 * by another name of the same thing, e.g. the English name on the Chinese page), as a user does with a
 * long list (the list is virtual: options out of view are not in the page at all). Then leaves the control, which
 * closes a multiple select's list, and waits until the choice shows in the control.
 *
 * The search text is filled at once rather than typed key by key: under a loaded CI machine a keystroke could be lost
 * to a re-render (the list's data arriving meanwhile), leaving a search that matches nothing. Each step is retried, at
 * most three times, with 10 s for the option to show.
 */
export async function chooseOption(page: Page, select: Locator, search: string, shows: string = search): Promise<void> {
  const control = select.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const chosen = control.locator('.ant-select-selection-item, .ant-select-content').filter({ hasText: shows }).first();
  const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const option = openList.locator('.ant-select-item-option').filter({ hasText: shows }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await select.click();
      await select.fill(search);
      await option.click({ timeout: 10_000 });
      await select.blur();
      await chosen.waitFor({ timeout: 5_000 });
      break;
    } catch (err) {
      if (attempt === 3) {
        throw err;
      }
      await select.blur().catch(() => undefined);
    }
  }
  await openList.first().waitFor({ state: 'hidden' });
}

/** Runs a test's steps; on failure a screenshot of the page goes to test/artifacts/failed-<name>.png before the error. */
export async function shootOnFailure(page: Page, name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (err) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `failed-${name}.png`), fullPage: true }).catch(() => undefined);
    const seen = pageProblems(page);
    if (err instanceof Error && seen.length > 0) {
      err.message += `\nPage problems:\n${seen.join('\n')}`;
      err.stack = `${err.message}\n${err.stack ?? ''}`;
    }
    throw err;
  }
}
