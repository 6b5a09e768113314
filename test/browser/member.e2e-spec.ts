import type { Page } from 'playwright-core';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestMember, TestStore, uniq, uniquePhone } from '../support/factories';
import { signInCodeSentTo } from '../support/sign-in-codes';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, BrowserApp, DESKTOP, newPage, pageProblems, PHONE, screenshots, startBrowserApp } from './support/browser';

/** The member page (/m) in headless Chromium against the real app: sign-in by SMS code, history, clubs, card, language. */
describe('member page /m (headless Chromium)', () => {
  let app: BrowserApp;
  let store: TestStore;
  let adminToken: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    store = await createStore(app.t);
    adminToken = await loginAdmin(app.t);
  });

  afterAll(async () => {
    await app?.close();
  });

  /** The newest sign-in code sent to the phone, as its SMS carries it (the outbox row keeps only {{code}}), as the portal tests do. */
  const codeFromOutbox = (phone: string) => signInCodeSentTo(app.t, phone);

  /** Signs in on the page as a member typing the phone and the code the SMS carried. */
  async function signIn(page: Page, phone: string): Promise<void> {
    await page.goto('/m/');
    await page.getByRole('textbox', { name: /^(Mobile number|手机号)$/ }).fill(phone);
    await page.getByRole('button', { name: /^(Send code|获取验证码)$/ }).click();
    await page.getByRole('textbox', { name: /^(Six-digit code|六位验证码)$/ }).waitFor();
    await page.getByRole('textbox', { name: /^(Six-digit code|六位验证码)$/ }).fill(await codeFromOutbox(phone));
    await page.getByRole('button', { name: /^(Sign in|登 ?录)$/ }).click();
    await page.getByRole('navigation', { name: /^(Member sections|会员栏目)$/ }).waitFor();
  }

  const tab = (page: Page, name: RegExp) =>
    page.getByRole('navigation', { name: /^(Member sections|会员栏目)$/ }).getByRole('link', { name });

  async function createOpenClub(nameEn: string, nameZh: string): Promise<string> {
    const res = await app.t.http
      .post('/api/v1/admin/clubs')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({
        code: uniq('O')
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, '')
          .slice(0, 32),
        nameZh,
        nameEn,
        joinPolicy: 'open',
      })
      .expect(201);
    return res.body.clubId as string;
  }

  /** Waits until the element with the test id reads exactly the text (a refetch may still be on its way). */
  async function shows(page: Page, testId: string, text: string): Promise<void> {
    await until(`${testId} to read ${text}`, async () => (await page.getByTestId(testId).textContent())?.trim() === text);
  }

  /** Polls from the test side (the page's CSP forbids the string evaluation waitForFunction would need). */
  async function until(what: string, probe: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 50; i++) {
      if (await probe()) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  const memberToken = (page: Page) =>
    page.evaluate<{ accessToken: string; refreshToken: string } | null>(
      `JSON.parse(localStorage.getItem('loyalty.member.tokens') ?? 'null')`,
    );

  describe('one member, signed in on a 375 px phone in Chinese', () => {
    let m: TestMember;
    let page: Page;

    beforeAll(async () => {
      m = await createMember(app.t, { name: 'Li Lei' });
      page = await newPage(app, 'zh-CN', PHONE);
      page.setDefaultTimeout(10_000);
    });

    afterAll(async () => {
      await page?.context().close();
    });

    it('signs in with the code from the log channel and sees the purchase a POS request just posted, with its points by rule', async () => {
      await page.goto('/m/');
      await page.getByRole('heading', { name: '手机号登录' }).waitFor();
      await screenshots(page, 'member-sign-in');
      await signIn(page, m.phone);

      // ¥5,000 reaches VIP; the next purchase earns the base points and the tier bonus.
      await pos(app.t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 500_000 }]))
        .expect(201);
      const body = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 10_000 }]);
      const posted = await pos(app.t, store).purchase(body).expect(201);
      expect(posted.body.breakdown).toEqual([
        { rule: 'base', points: 100 },
        { rule: 'tier', points: 50 },
      ]);

      await tab(page, /明细/).click();
      const latest = page.getByTestId('history-entry').first();
      await latest.getByText(`小票 ${body.receiptNo}`).waitFor();
      const text = await latest.innerText();
      expect(text).toContain(`消费 · Store ${store.code}`);
      expect(text).toContain('+150');
      const breakdown = latest.getByRole('list', { name: '积分构成' });
      expect((await breakdown.locator('li').allInnerTexts()).map((s) => s.replace(/\s+/g, ' '))).toEqual(['基础积分 +100', '等级加赠 +50']);
      await expect(page.getByTestId('history-entry').count()).resolves.toBe(2);
      await screenshots(page, 'member-history');

      await tab(page, /积分/).click();
      const token = (await memberToken(page))!.accessToken;
      const points = (await app.t.http.get('/api/v1/portal/me/points').set('Authorization', `Bearer ${token}`).expect(200)).body;
      expect(points.balance).toBe(5150);
      // The screen was first drawn before the purchases: coming back to it refetches.
      await shows(page, 'available-points', points.available.toLocaleString('en-US'));
      await shows(page, 'pending-points', points.pending.toLocaleString('en-US'));
      await expect(page.getByTestId('tier-name').innerText()).resolves.toMatch(/VIP/);
      await page.getByRole('progressbar').waitFor();
      await screenshots(page, 'member-home');
      await page.getByRole('link', { name: /^详情/ }).click();
      await page.getByTestId('review-date').waitFor();
      await screenshots(page, 'member-tier');
      await tab(page, /积分/).click();
      expect(pageProblems(page)).toEqual([]);
    });

    it('the member code shown full screen is the one the till lookup accepts (QR code and barcode carry it, with a countdown)', async () => {
      await tab(page, /积分/).click();
      await expect(page.getByTestId('greeting').innerText()).resolves.toBe('Li Lei，您好');
      await page.getByRole('button', { name: '出示会员码' }).click();
      const screen = page.getByRole('dialog', { name: '会员码' });
      const digits = screen.getByTestId('member-code');
      await digits.waitFor();
      const code = (await digits.innerText()).replace(/\s/g, '');
      expect(code).toMatch(/^8\d{17}$/);
      await expect(screen.getByRole('img', { name: '会员码条形码' }).getAttribute('data-value')).resolves.toBe(code);
      await expect(screen.getByRole('img', { name: '会员码二维码' }).count()).resolves.toBe(1);
      await expect(screen.getByText(/^\d+ 秒后刷新$/).count()).resolves.toBe(1);
      await screen.getByText('请调高屏幕亮度，便于收银台扫码。').waitFor();
      await screenshots(page, 'member-code');
      const found = await pos(app.t, store).lookup({ memberCode: code }).expect(200);
      expect(found.body).toMatchObject({ memberId: m.memberId });
      await screen.getByRole('button', { name: '关闭会员码' }).click();
      await screen.waitFor({ state: 'hidden' });
      expect(pageProblems(page)).toEqual([]);
    });

    it('joins an open club and then sees it among their clubs; the portal API agrees', async () => {
      const clubId = await createOpenClub('Tea lovers', '茶友会');
      await tab(page, /俱乐部/).click();
      const open = page.getByRole('region', { name: '可加入的俱乐部' });
      await open.getByText('茶友会').waitFor();
      await screenshots(page, 'member-clubs');
      await page.getByRole('button', { name: '加入茶友会' }).click();
      await page.getByRole('region', { name: '我的俱乐部' }).getByText('茶友会').waitFor();
      await page.getByRole('button', { name: '退出茶友会' }).waitFor();
      const token = (await memberToken(page))!.accessToken;
      const clubs = await app.t.http.get('/api/v1/portal/me/clubs?limit=100').set('Authorization', `Bearer ${token}`).expect(200);
      expect((clubs.body.items as Array<{ clubId: string; membership: string }>).find((c) => c.clubId === clubId)?.membership).toBe(
        'member',
      );
    });

    it('shows the card as a Code 128 barcode, reports it lost after a confirmation, and shows the new card', async () => {
      await tab(page, /会员卡/).click();
      const cardNo = page.getByTestId('active-card-no');
      await expect(cardNo.innerText()).resolves.toBe(m.cardNo.replace(/(.{4})(?=.)/g, '$1 '));
      const barcode = page.getByRole('img', { name: /会员卡 .* 的条形码/ });
      await expect(barcode.getAttribute('data-value')).resolves.toBe(m.cardNo);
      await expect(barcode.locator('rect').count()).resolves.toBeGreaterThan(20); // bars were drawn
      await screenshots(page, 'member-card');

      await page.getByRole('button', { name: '挂失会员卡' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(m.cardNo.replace(/(.{4})(?=.)/g, '$1 ')).waitFor();
      await dialog.getByRole('button', { name: '确认挂失' }).click();
      await page.getByTestId('older-card').waitFor();

      const rows: Array<{ card_no: string; status: string }> = await app.t.db.query(
        'SELECT card_no, status FROM cards WHERE member_id = ? ORDER BY issued_at, card_no',
        [m.memberId],
      );
      const replacement = rows.find((r) => r.status === 'active')!.card_no;
      expect(replacement).not.toBe(m.cardNo);
      expect(rows.find((r) => r.card_no === m.cardNo)?.status).toBe('lost');
      await expect(cardNo.innerText()).resolves.toBe(replacement.replace(/(.{4})(?=.)/g, '$1 '));
      await expect(page.getByTestId('older-card').innerText()).resolves.toContain('已挂失');
      await expect(page.getByRole('img', { name: /条形码/ }).getAttribute('data-value')).resolves.toBe(replacement);
      await screenshots(page, 'member-card-replaced');
      expect(pageProblems(page)).toEqual([]);
    });

    it('edits the profile (name, birthday, gender, city) through PATCH me, and sees it saved', async () => {
      await tab(page, /我的/).click();
      await page.getByRole('button', { name: '编辑' }).click();
      await page.getByRole('textbox', { name: '姓名' }).fill('李雷');
      await page.locator('#m-p-birthday').fill('1990-05-17');
      await page.getByRole('button', { name: '女' }).click();
      await page.getByRole('textbox', { name: '城市' }).fill('上海');
      await screenshots(page, 'member-me-edit');
      await page.getByRole('button', { name: /^保 ?存$/ }).click();
      await page.getByRole('button', { name: '编辑' }).waitFor();
      const token = (await memberToken(page))!.accessToken;
      const me = await app.t.http.get('/api/v1/portal/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(me.body).toMatchObject({ name: '李雷', birthday: '1990-05-17', gender: 'female', city: '上海' });
      await page.getByText('1990年5月17日').waitFor();
      await expect(page.getByTestId('me-card').count()).resolves.toBeGreaterThan(0);
      expect(pageProblems(page)).toEqual([]);
    });

    it('sets a consent per channel; export and a two-step erasure live on the Privacy page, not on Me', async () => {
      await tab(page, /我的/).click();
      const sms = page.getByRole('switch', { name: '短信' });
      await expect(sms.getAttribute('aria-checked')).resolves.toBe('false');
      await sms.click();
      await until('the SMS switch to be on', async () => (await sms.getAttribute('aria-checked')) === 'true');
      const token = (await memberToken(page))!.accessToken;
      const consents = await app.t.http.get('/api/v1/portal/me/consents').set('Authorization', `Bearer ${token}`).expect(200);
      expect(consents.body.consents).toContainEqual(expect.objectContaining({ channel: 'sms', granted: true }));
      await screenshots(page, 'member-me');
      await expect(page.getByRole('button', { name: '申请注销并删除数据' }).count()).resolves.toBe(0);

      await page.getByText('隐私与我的数据').click();
      await page.getByRole('heading', { name: '隐私与我的数据' }).waitFor();
      const exportStatus = (await fetch(`${app.baseUrl}/api/v1/portal/me/export`, { headers: { Authorization: `Bearer ${token}` } }))
        .status;
      await page.getByRole('button', { name: '下载我的数据' }).click();
      if (exportStatus === 404) {
        await expect(page.getByRole('alert').innerText()).resolves.toContain('暂未在线开放');
      }
      await screenshots(page, 'member-privacy');
      await page.getByRole('button', { name: '申请注销并删除数据' }).click();
      const warning = page.getByRole('region', { name: '注销后无法恢复' });
      await warning.getByText(/积分将作废/).waitFor();
      await screenshots(page, 'member-privacy-warning');
      await warning.getByRole('button', { name: '我已了解，继续' }).click();
      const dialog = page.getByRole('dialog');
      const confirm = dialog.getByRole('button', { name: '注销我的会员' });
      await expect(confirm.isDisabled()).resolves.toBe(true); // nothing happens until the word is typed
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await warning.getByRole('button', { name: '保留我的会员' }).click();
      await app.t.http.get('/api/v1/portal/me').set('Authorization', `Bearer ${token}`).expect(200); // still a member
      await page.getByRole('button', { name: '返回' }).click();
      await page.getByRole('heading', { name: '个人资料' }).waitFor();
    });

    it('an expired access token is refreshed without the member noticing; signing out ends the sign-in on the server', async () => {
      const before = (await memberToken(page))!;
      await page.evaluate(`(() => {
        const tokens = JSON.parse(localStorage.getItem('loyalty.member.tokens'));
        tokens.accessToken = 'expired.token.value';
        localStorage.setItem('loyalty.member.tokens', JSON.stringify(tokens));
      })()`);
      await page.goto('/m/history');
      await page.getByTestId('history-entry').first().waitFor();
      const after = (await memberToken(page))!;
      expect(after.refreshToken).not.toBe(before.refreshToken);
      expect(after.accessToken).not.toBe('expired.token.value');

      await tab(page, /我的/).click();
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '退出登录' }).click();
      await page.getByRole('heading', { name: '手机号登录' }).waitFor();
      expect(await memberToken(page)).toBeNull();
      await app.t.http.get('/api/v1/portal/me').set('Authorization', `Bearer ${after.accessToken}`).expect(401);
      await app.t.http.post('/api/v1/portal/auth/refresh').send({ refreshToken: after.refreshToken }).expect(401);
    });
  });

  it('switching to English changes every visible label on every member screen: no Chinese text, no untranslated key', async () => {
    const m = await createMember(app.t, { name: 'Han Meimei' });
    await pos(app.t, store)
      .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 12_300 }]))
      .expect(201);
    await createOpenClub('Runners', '跑步俱乐部');
    const page = await newPage(app, 'zh-CN', DESKTOP);
    page.setDefaultTimeout(10_000);
    await page.goto('/m/');
    await page.getByRole('heading', { name: '手机号登录' }).waitFor();
    await page.getByRole('button', { name: /切换语言|Switch language/ }).click();
    await page.getByRole('heading', { name: 'Sign in with your phone' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');

    const leftovers = async (screen: string) => {
      const text = (await page.locator('body').innerText()).replace(/中文/g, ''); // the switch names the other language in it
      // Every control has an accessible name: the ARIA snapshot lists an unnamed one as a bare "- button".
      const aria = await page.locator('body').ariaSnapshot();
      writeFileSync(join(ARTIFACTS, `member-en-${screen}.aria.yml`), aria);
      const unnamed = aria
        .split('\n')
        .filter((line) => /^\s*- (button|link|switch|textbox|checkbox|combobox|slider)\s*(\[[^\]]*\])?\s*:?\s*$/.test(line));
      return {
        screen,
        unnamed,
        chinese: text.match(/[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+/g) ?? [],
        keys: text.match(/\b(member|common)\.[\w.]+/g) ?? [],
      };
    };
    const found = [await leftovers('sign-in')];
    await signIn(page, m.phone);
    for (const [name, link, ready] of [
      ['home', /^Points$/, 'available-points'],
      ['history', /^History$/, 'history-entry'],
      ['clubs', /^Clubs$/, null],
      ['card', /^Card$/, 'active-card-no'],
      ['me', /^Me$/, null],
    ] as const) {
      await tab(page, link).click();
      if (ready) {
        await page.getByTestId(ready).first().waitFor();
      } else {
        await page.getByRole('heading').nth(1).waitFor();
        await page.waitForLoadState('networkidle');
      }
      found.push(await leftovers(name));
      await screenshots(page, `member-en-${name}`);
    }
    await expect(page.getByRole('region', { name: 'Clubs to join' }).count()).resolves.toBe(0); // the me screen is showing
    await page.getByText('Privacy and my data').click();
    await page.getByRole('heading', { name: 'Delete my membership' }).waitFor();
    found.push(await leftovers('privacy'));
    await screenshots(page, 'member-en-privacy');
    await tab(page, /^Points$/).click();
    await page.getByRole('link', { name: /^Details/ }).click();
    await page.getByTestId('review-date').or(page.getByText('Your tier has no review date.')).waitFor();
    found.push(await leftovers('tier'));
    await screenshots(page, 'member-en-tier');
    await tab(page, /^Points$/).click();
    await page.getByRole('button', { name: 'Show my member code' }).click();
    await page.getByTestId('member-code').waitFor();
    found.push(await leftovers('member-code'));
    await screenshots(page, 'member-en-code');
    expect(found.filter((f) => f.chinese.length > 0 || f.keys.length > 0 || f.unnamed.length > 0)).toEqual([]);
    expect(found).toHaveLength(9);
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('a phone no member holds joins on the page: agreement to the terms and privacy notice is needed and kept with its version', async () => {
    const phone = uniquePhone();
    const page = await newPage(app, 'zh-CN', PHONE);
    page.setDefaultTimeout(10_000);
    await page.goto('/m/');
    await page.getByRole('textbox', { name: '手机号' }).fill(phone.replace(/^\+86/, ''));
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByRole('textbox', { name: '六位验证码' }).fill(await codeFromOutbox(phone));
    await page.getByRole('button', { name: /^登 ?录$/ }).click();
    await page.getByRole('heading', { name: '注册会员' }).waitFor();
    await page.getByRole('textbox', { name: '您的姓名' }).fill('韩梅梅');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('请先同意');

    await page.getByRole('button', { name: '《隐私政策》' }).click();
    const notice = page.getByRole('dialog');
    await notice.getByText('版本 2026-06').waitFor();
    await screenshots(page, 'member-join-privacy');
    await notice.getByRole('button', { name: '关闭' }).click();
    await notice.waitFor({ state: 'hidden' });
    await page.getByRole('checkbox').check();
    await screenshots(page, 'member-join');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.getByRole('navigation', { name: '会员栏目' }).waitFor();

    const token = (await memberToken(page))!.accessToken;
    const consents = await app.t.http.get('/api/v1/portal/me/consents').set('Authorization', `Bearer ${token}`).expect(200);
    expect(consents.body.agreements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ document: 'terms', version: '2026-06' }),
        expect.objectContaining({ document: 'privacy', version: '2026-06' }),
      ]),
    );
    const me = await app.t.http.get('/api/v1/portal/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ name: '韩梅梅', phone });
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('history dates an offline receipt by when it was rung up (occurredAt), with the amount spent, and filters earned / spent', async () => {
    const m = await createMember(app.t, { name: 'Zhou Xun' });
    const today = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 2_000 }]);
    await pos(app.t, store).purchase(today).expect(201);
    const occurredAt = new Date(Date.now() - 5 * 86_400_000);
    occurredAt.setUTCHours(4, 30, 0, 0);
    const offline = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 4_560 }], { occurredAt: occurredAt.toISOString() });
    await pos(app.t, store).purchase(offline).expect(201); // posted now, after today's
    await pos(app.t, store)
      .redeem({ redemptionNo: uniq('D'), member: { cardNo: m.cardNo }, points: 10 })
      .expect(201);

    const page = await newPage(app, 'en-US', PHONE);
    page.setDefaultTimeout(10_000);
    await signIn(page, m.phone);
    await tab(page, /^History$/).click();
    const entry = page.getByTestId('history-entry').filter({ hasText: `Receipt ${offline.receiptNo}` });
    await entry.waitFor();
    const expected = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(occurredAt);
    await expect(entry.getByTestId('history-date').innerText()).resolves.toBe(expected);
    await expect(entry.innerText()).resolves.toContain(`Purchase · Store ${store.code} · ¥45.60`);
    await entry.getByText(/^Added to your points on /).waitFor();
    // Dated by occurredAt: it comes after today's purchase and the redemption although it was posted later.
    const receipts = await page.getByTestId('history-entry').allInnerTexts();
    expect(receipts.findIndex((r) => r.includes(offline.receiptNo))).toBe(2);
    await screenshots(page, 'member-en-history-offline');

    await page.getByRole('button', { name: 'Spent' }).click();
    await until('only the redemption', async () => (await page.getByTestId('history-entry').count()) === 1);
    await expect(page.getByTestId('history-entry').innerText()).resolves.toMatch(/−10/);
    await page.getByRole('button', { name: 'Earned' }).click();
    await until('the two purchases', async () => (await page.getByTestId('history-entry').count()) === 2);
    await expect(page.getByTestId('history-entry').allInnerTexts()).resolves.toEqual([
      expect.stringContaining(today.receiptNo),
      expect.stringContaining(offline.receiptNo),
    ]);
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('history comes 20 at a time: "load more" brings the older entries, then says that is all', async () => {
    const m = await createMember(app.t, { name: 'Wang Fang' });
    const receipts: string[] = [];
    for (let i = 0; i < 23; i++) {
      const body = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 1_000 + i * 100 }]);
      receipts.push(body.receiptNo);
      await pos(app.t, store).purchase(body).expect(201);
    }
    const page = await newPage(app, 'en-US', PHONE);
    page.setDefaultTimeout(10_000);
    await signIn(page, m.phone);
    await tab(page, /^History$/).click();
    await page.getByText(`Receipt ${receipts[22]}`).waitFor();
    await expect(page.getByTestId('history-entry').count()).resolves.toBe(20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText(`Receipt ${receipts[0]}`).waitFor();
    await expect(page.getByTestId('history-entry').count()).resolves.toBe(23);
    await page.getByText('That is all.').waitFor();
    await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
