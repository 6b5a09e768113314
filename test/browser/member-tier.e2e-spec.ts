import type { Page } from 'playwright-core';
import { TiersService } from '../../src/modules/tiers/tiers.service';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestStore } from '../support/factories';
import { waitFor } from '../support/message-sinks';
import { signInCodeSentTo } from '../support/sign-in-codes';
import { BrowserApp, newPage, pageProblems, PHONE, screenshots, startBrowserApp } from './support/browser';

/** The member page's tier screen for a tier won by place (rank): the member's place against the seats, the last review. */
describe('member page /m: a rank tier in words (headless Chromium, with workers)', () => {
  let app: BrowserApp;
  let store: TestStore;
  let adminToken: string;

  beforeAll(async () => {
    app = await startBrowserApp({ workers: true });
    store = await createStore(app.t);
    adminToken = await loginAdmin(app.t);
  });

  afterAll(async () => {
    await app?.close();
  });

  async function signIn(page: Page, phone: string): Promise<void> {
    await page.goto('/m/');
    await page.getByRole('textbox', { name: /^(Mobile number|手机号)$/ }).fill(phone);
    await page.getByRole('button', { name: /^(Send code|获取验证码)$/ }).click();
    await page.getByRole('textbox', { name: /^(Six-digit code|六位验证码)$/ }).waitFor(); // the code was sent
    await page.getByRole('textbox', { name: /^(Six-digit code|六位验证码)$/ }).fill(await signInCodeSentTo(app.t, phone));
    await page.getByRole('button', { name: /^(Sign in|登 ?录)$/ }).click();
    await page.getByRole('navigation', { name: /^(Member sections|会员栏目)$/ }).waitFor();
  }

  /** Starts an admin job and waits until the workers have finished it. */
  const job = async (path: string) => {
    const started = await app.t.http.post(`/api/v1/admin${path}`).set('Authorization', `Bearer ${adminToken}`).expect(202);
    return waitFor(path, async () => {
      const res = await app.t.http.get(`/api/v1/admin/jobs/${started.body.jobId as string}`).set('Authorization', `Bearer ${adminToken}`);
      const state = (res.body as { state?: string }).state;
      return state && state !== 'running' ? { state } : null;
    });
  };

  it('a VIP below SVIP (top 1 by value) sees SVIP as the next step: seats, their place, the score the last review needed', async () => {
    const top = await createMember(app.t, { name: 'Top' });
    const below = await createMember(app.t, { name: 'Below' });
    await pos(app.t, store)
      .purchase(purchaseBody({ cardNo: top.cardNo }, [{ amountCents: 90_000_000 }]))
      .expect(201);
    await pos(app.t, store)
      .purchase(purchaseBody({ cardNo: below.cardNo }, [{ amountCents: 510_000 }]))
      .expect(201);
    try {
      await app.t.db.query(
        "UPDATE tiers SET kind = 'rank', rank_top_n = 1, rank_top_permille = NULL, min_spend_cents = 1000000, min_points = NULL, min_purchases = NULL, qualify_mode = 'any' WHERE code = 'SVIP'",
      );
      app.t.app.get(TiersService).invalidate();
      expect((await job('/analytics/value-runs')).state).toBe('completed');
      expect((await job('/tiers/rank-reviews')).state).toBe('completed');
      const [pick] = await app.t.db.query(
        `SELECT p.member_id, mv.score FROM rank_review_picks p JOIN member_values mv ON mv.member_id = p.member_id
          WHERE p.tier_code = 'SVIP' ORDER BY p.run_id DESC LIMIT 1`,
      );
      const [mine] = await app.t.db.query('SELECT score, value_rank FROM member_values WHERE member_id = ?', [below.memberId]);

      for (const [lang, name] of [
        ['en-US', 'en'],
        ['zh-CN', 'zh'],
      ] as const) {
        const page = await newPage(app, lang, PHONE);
        page.setDefaultTimeout(10_000);
        await signIn(page, below.phone);
        await page.getByTestId('rank-next').waitFor(); // home: not "top tier" although no threshold tier is left
        await page.getByRole('link', { name: /^(Details|详情)/ }).click();
        const rank = page.getByTestId('rank');
        await rank.waitFor();
        const place = Number(mine.value_rank).toLocaleString('en-US');
        const cutoff = Number(pick.score).toLocaleString('en-US');
        if (name === 'en') {
          await rank.getByRole('heading', { name: 'How to reach SVIP' }).waitFor();
          await expect(rank.getByTestId('rank-place').innerText()).resolves.toBe(`Your place by value: ${place} (seats: 1).`);
          await expect(rank.getByTestId('rank-review').innerText()).resolves.toContain(`picked 1; the value score needed was ${cutoff}.`);
          await expect(rank.getByTestId('rank-review').innerText()).resolves.toContain('It did not pick you.');
          await expect(rank.innerText()).resolves.toContain('¥4,900.00'); // the minimum still missing
        } else {
          await expect(rank.getByTestId('rank-place').innerText()).resolves.toBe(`您的价值排名：第 ${place} 名（名额 1 个）。`);
          await expect(rank.getByTestId('rank-review').innerText()).resolves.toContain(`所需价值分为 ${cutoff}`);
        }
        await screenshots(page, `member-${name}-tier-rank`);
        expect(pageProblems(page)).toEqual([]);
        await page.context().close();
      }
    } finally {
      await app.t.db.query(
        "UPDATE tiers SET kind = 'threshold', rank_top_n = NULL, rank_top_permille = NULL, min_spend_cents = 2000000, min_points = NULL, min_purchases = NULL, qualify_mode = 'any' WHERE code = 'SVIP'",
      );
      await app.t.db.query("UPDATE members SET tier_code = 'VIP' WHERE tier_code = 'SVIP' AND id IN (?, ?)", [
        top.memberId,
        below.memberId,
      ]);
      app.t.app.get(TiersService).invalidate();
    }
  });
});
