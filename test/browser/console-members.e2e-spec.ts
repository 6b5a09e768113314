import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createMember, createStore, loginAdmin, memberWithPoints, uniq } from '../support/factories';
import {
  ARTIFACTS,
  BrowserApp,
  consoleSignIn,
  newPage,
  pageProblems,
  PHONE,
  pickOption,
  shootOnFailure,
  startBrowserApp,
  WIDE,
} from './support/browser';

/** The admin's flow runs at both: a desktop in English, a phone in Chinese (issue 18). */
const VIEWS = [
  { label: '1440-en', viewport: WIDE, locale: 'en-US', lang: 'en' },
  { label: '375-zh-CN', viewport: PHONE, locale: 'zh-CN', lang: 'zh-CN' },
] as const;
type View = (typeof VIEWS)[number];

/** The console's words, written out here (not imported), so a wrong or missing translation fails. */
const WORDS = {
  en: {
    members: 'Members',
    search: 'Card number, phone, email or name',
    ledger: 'Points ledger',
    newTag: 'New tag',
    addTag: 'Add tag',
    removeTag: (tag: string) => `Remove tag ${tag}`,
    note: 'Note',
    addNote: 'Add note',
    tierToGrant: 'Tier to grant',
    vip: /^VIP$/,
    grantEnds: 'Grant ends on',
    grantReason: 'Reason for the grant',
    grantTier: 'Grant tier',
    granted: 'VIP granted',
    mergeSource: 'ID of the member to merge into this one',
    merge: /^Merge$/,
    mergeTitle: 'Merge these members?',
    cancel: /^Cancel$/,
    who: (name: string, card: string, points: string) => `${name} · card ${card} · ${points} points`,
    points: (n: string) => `${n} points`,
    notFound: 'That member was not found.',
    pointsField: 'Points (+/-)',
    reason: 'Reason',
    adjust: /^Adjust points$/,
    give: (points: string, name: string) => `Give ${points} points to ${name}?`,
    balance: (before: string, after: string) => `Balance ${before} → ${after} points.`,
    export: 'Export data',
    erase: 'Erase member…',
    eraseTitle: 'Erase this member for good',
    eraseGo: 'Erase for good',
    eraseCode: 'Confirmation code',
    signOut: 'Sign out',
    merged: 'Merged: 40 points moved, balance now 40 points',
    cardLine: (card: string) => `Card: ${card} (active)`,
  },
  'zh-CN': {
    members: '会员',
    search: '卡号、手机号、邮箱或姓名',
    ledger: '积分流水',
    newTag: '新标签',
    addTag: '添加标签',
    removeTag: (tag: string) => `移除标签 ${tag}`,
    note: '备注',
    addNote: '添加备注',
    tierToGrant: '授予等级',
    vip: /^VIP会员$/,
    grantEnds: '授予截止日期',
    grantReason: '授予原因',
    grantTier: '授予等级',
    granted: '已授予 VIP会员', // the tier by its name, not its code
    mergeSource: '要合并到本会员的会员 ID',
    merge: /^合 ?并$/, // antd spaces a two-character Chinese button
    mergeTitle: '确认合并会员？',
    cancel: /^取 ?消$/,
    who: (name: string, card: string, points: string) => `${name} · 卡号 ${card} · ${points} 积分`,
    points: (n: string) => `${n} 积分`,
    notFound: '未找到该会员。',
    pointsField: '积分（+/-）',
    reason: '原因',
    adjust: /^调整积分$/,
    give: (points: string, name: string) => `给 ${name} 增加 ${points} 积分？`,
    balance: (before: string, after: string) => `余额 ${before} → ${after} 积分。`,
    export: '导出数据',
    erase: '删除会员…',
    eraseTitle: '永久删除此会员',
    eraseGo: /^永久删除$/,
    eraseCode: '确认码',
    signOut: '退出登录',
    merged: '已合并：转移 40 积分，当前余额 40 积分',
    cardLine: (card: string) => `会员卡：${card}（正常）`,
  },
} as const;

/** A screenshot of the screen as it is, under test/artifacts/<name>-<width>-<language>.png. */
async function shoot(page: Page, view: View, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(200); // a drawer or modal finishes opening
  await page.screenshot({ path: join(ARTIFACTS, `${name}-${view.label}.png`), fullPage: true });
}

/** Opens a screen from the menu: the side menu on a desktop, the drawer behind the menu button on a phone. */
async function openScreen(page: Page, name: string): Promise<void> {
  const drawerButton = page.getByTestId('open-menu');
  if (await drawerButton.isVisible()) {
    await drawerButton.click();
  }
  await page.getByRole('navigation').getByRole('menuitem', { name }).click();
}

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
  async function openMember(page: Page, phone: string, w: (typeof WORDS)[keyof typeof WORDS] = WORDS.en) {
    await openScreen(page, w.members);
    await page.getByLabel(w.search).fill(phone);
    await page.getByLabel(w.search).press('Enter');
    await page.locator('.ant-table-tbody tr.ant-table-row').nth(0).waitFor();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(1);
    await page.locator('.ant-table-tbody').getByRole('button').first().click();
    return page.getByRole('dialog', { name: w.ledger });
  }

  it.each(VIEWS)(
    'at $label an admin tags, notes (after the access token lapsed), grants a tier, adjusts, merges and erases after confirmations in numbers, then signs out',
    async (view) => {
      const w = WORDS[view.lang];
      const name = uniq('Archive Member');
      const store = await createStore(app.t);
      const survivor = await createMember(app.t, { name });
      const source = await memberWithPoints(app.t, store, 40);
      await app.t.http
        .patch(`/api/v1/admin/members/${survivor.memberId}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ city: 'Hangzhou' })
        .expect(200);
      // A member's first active card (after the merge the survivor holds the source's card too, issued later).
      const card = async (memberId: string) =>
        String(
          (
            await app.t.db.query(
              "SELECT card_no FROM cards WHERE member_id = ? AND status = 'active' ORDER BY issued_at, card_no LIMIT 1",
              [memberId],
            )
          )[0].card_no,
        );
      const balance = async (memberId: string) =>
        Number((await app.t.db.query('SELECT COALESCE(SUM(points), 0) AS p FROM point_entries WHERE member_id = ?', [memberId]))[0].p);
      const page = await newPage(app, view.locale, view.viewport);
      await shootOnFailure(page, `members-admin-${view.label}`, async () => {
        await consoleSignIn(page, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
        const drawer = await openMember(page, survivor.phone, w);
        const archive = drawer.getByTestId('member-archive');
        // The change history shows the city edit.
        await archive.getByTestId('member-history').getByText('Hangzhou').waitFor();

        // Tags: add two, remove one.
        for (const tag of ['wine', 'vip-event']) {
          await archive.getByLabel(w.newTag).fill(tag);
          await archive.getByRole('button', { name: w.addTag }).click();
          await archive.getByTestId('member-tags').getByText(tag, { exact: true }).waitFor();
        }
        await archive.getByLabel(w.removeTag('wine')).click();
        await archive.getByTestId('member-tags').getByText('wine', { exact: true }).waitFor({ state: 'detached' });
        const tags = await app.t.db.query('SELECT tag FROM member_tags WHERE member_id = ? ORDER BY tag', [survivor.memberId]);
        expect(tags.map((r: { tag: string }) => r.tag)).toEqual(['vip-event']);

        // A note saved after the access token lapsed: the server says 401 once, the console refreshes the token and
        // sends the note again; nothing typed is lost and no error shows.
        let refused = 0;
        await page.route('**/api/v1/admin/members/*/notes', async (route) => {
          if (refused === 0 && route.request().method() === 'POST') {
            refused++;
            await route.fulfill({
              status: 401,
              contentType: 'application/json',
              body: JSON.stringify({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Expired', details: [] }),
            });
            return;
          }
          await route.continue();
        });
        const note = `Called about a late delivery ${view.label}`;
        await drawer.getByLabel(w.note, { exact: true }).fill(note);
        await drawer.getByRole('button', { name: w.addNote }).click();
        await archive.getByTestId('member-notes').getByText(note).waitFor();
        expect(refused).toBe(1);
        const notes = await app.t.db.query('SELECT text FROM member_notes WHERE member_id = ?', [survivor.memberId]);
        expect(notes.map((r: { text: string }) => r.text)).toEqual([note]);
        await expect(drawer.locator('.ant-alert-error').count()).resolves.toBe(0);
        // The form empties after the save (a second note starts blank).
        await expect(drawer.getByLabel(w.note, { exact: true }).inputValue()).resolves.toBe('');
        await page.unroute('**/api/v1/admin/members/*/notes');

        // The card line reads in the console's language and punctuation.
        await drawer.getByText(w.cardLine(await card(survivor.memberId)), { exact: true }).waitFor();

        // Tier grant: tier, end date, reason; the console says the tier's name.
        const actions = drawer.getByTestId('member-admin-actions');
        await actions.getByLabel(w.tierToGrant).click();
        await pickOption(page, w.vip);
        await actions.getByLabel(w.grantEnds).click();
        const next = new Date(Date.now() + 40 * 86_400_000);
        const day = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`;
        await actions.getByLabel(w.grantEnds).fill(day);
        await actions.getByLabel(w.grantEnds).press('Enter');
        // The date is taken once its calendar has closed (on a phone it covers the fields below).
        await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
        await expect(actions.getByLabel(w.grantEnds).inputValue()).resolves.toBe(day);
        await actions.getByLabel(w.grantReason).fill('Service recovery');
        await actions.getByRole('button', { name: w.grantTier }).click();
        await actions.getByText(w.granted, { exact: true }).waitFor();
        const tier = (
          await app.t.http.get(`/api/v1/admin/members/${survivor.memberId}`).set('Authorization', `Bearer ${admin}`).expect(200)
        ).body.tier;
        expect(tier.code).toBe('VIP');
        expect(tier.grant).not.toBeNull();

        // A merge with an id no member has: refused in the console's words, nothing asked.
        const nobody = '00000000-0000-4000-8000-000000000000';
        await actions.getByLabel(w.mergeSource).fill(nobody);
        await actions.getByRole('button', { name: w.merge }).click();
        await actions.getByRole('alert').getByText(w.notFound, { exact: true }).waitFor();
        await expect(page.getByRole('dialog', { name: w.mergeTitle }).count()).resolves.toBe(0);

        // Merge: both members with their card and points, what moves and the balance after; nothing until confirmed.
        await actions.getByLabel(w.mergeSource).fill(source.memberId);
        await actions.getByRole('button', { name: w.merge }).click();
        const confirm = page.getByRole('dialog', { name: w.mergeTitle });
        const [sourceName] = await app.t.db.query('SELECT name FROM members WHERE id = ?', [source.memberId]);
        await expect(confirm.getByTestId('merge-confirm-source').innerText()).resolves.toBe(
          w.who(String(sourceName.name), await card(source.memberId), '40'),
        );
        await expect(confirm.getByTestId('merge-confirm-survivor').innerText()).resolves.toBe(
          w.who(name, await card(survivor.memberId), String(await balance(survivor.memberId))),
        );
        await expect(confirm.getByTestId('merge-confirm-moved').innerText()).resolves.toBe(w.points('40'));
        await expect(confirm.getByTestId('merge-confirm-after').innerText()).resolves.toBe(w.points('40'));
        await shoot(page, view, 'console-member-merge-confirm');
        await confirm.getByRole('button', { name: w.cancel }).click();
        // The cancelled dialog leaves before the merge is asked again (a click in it while it fades does nothing).
        await confirm.waitFor({ state: 'hidden' });
        const [before] = await app.t.db.query('SELECT status FROM members WHERE id = ?', [source.memberId]);
        expect(before.status).toBe('active');
        await actions.getByRole('button', { name: w.merge }).click();
        await confirm.getByTestId('merge-confirm-after').waitFor();
        // The dialog's zoom-in finished before its button is pressed (under load a press during it was lost).
        await page.locator('.ant-modal:is(.ant-zoom-appear, .ant-zoom-enter)').waitFor({ state: 'detached' });
        await confirm.getByRole('button', { name: w.merge }).click();
        await confirm.waitFor({ state: 'hidden' });
        await expect(actions.getByTestId('merge-done').innerText()).resolves.toBe(w.merged);
        const [after] = await app.t.db.query('SELECT status, merged_into FROM members WHERE id = ?', [source.memberId]);
        expect(after).toMatchObject({ status: 'merged', merged_into: survivor.memberId });
        expect(await balance(survivor.memberId)).toBe(40);
        await expect(page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).resolves.toBeLessThanOrEqual(0);
        await shoot(page, view, 'console-member-archive');

        // A large adjustment: nothing moves before the confirmation says how many points, to whom, and the balance after.
        await drawer.getByLabel(w.pointsField).fill('5000');
        await drawer.getByLabel(w.reason, { exact: true }).fill('Goodwill after a complaint');
        await drawer.getByRole('button', { name: w.adjust }).click();
        const adjust = page.getByRole('dialog').filter({ has: page.getByTestId('adjust-confirm') });
        await adjust.locator('.ant-modal-confirm-title').getByText(w.give('5,000', name), { exact: true }).waitFor();
        await adjust.getByText(w.balance('40', '5,040'), { exact: true }).waitFor();
        expect(await balance(survivor.memberId)).toBe(40);
        await shoot(page, view, 'console-member-adjust-confirm');
        await adjust.getByRole('button', { name: w.adjust }).click();
        await drawer.locator('.ant-table-tbody').getByText('Goodwill after a complaint').first().waitFor();
        expect(await balance(survivor.memberId)).toBe(5_040);

        // Export downloads the member's data.
        const download = page.waitForEvent('download');
        await actions.getByRole('button', { name: w.export }).click();
        expect((await download).suggestedFilename()).toBe(`member-${survivor.memberId}.json`);

        // Erasure: who, in numbers; the button stays disabled until the code is typed.
        await actions.getByRole('button', { name: w.erase }).click();
        const erase = page.getByRole('dialog', { name: w.eraseTitle });
        await expect(erase.getByTestId('erase-who').innerText()).resolves.toBe(w.who(name, await card(survivor.memberId), '5,040'));
        const go = erase.getByRole('button', { name: w.eraseGo });
        await erase.getByLabel(w.eraseCode).fill('WRONG');
        await expect(go.isDisabled()).resolves.toBe(true);
        await shoot(page, view, 'console-member-erase-confirm');
        await erase.getByLabel(w.eraseCode).fill(survivor.memberId.slice(-6));
        await go.click();
        await erase.waitFor({ state: 'detached' });
        const [erased] = await app.t.db.query('SELECT status FROM members WHERE id = ?', [survivor.memberId]);
        expect(['erasing', 'erased']).toContain(erased.status);

        // Signing out ends the sign-in on the server (on a phone from the account menu): the old refresh token is refused.
        const tokens = JSON.parse(String(await page.evaluate("sessionStorage.getItem('loyalty.console.tokens')"))) as {
          refreshToken: string;
        };
        await page.keyboard.press('Escape');
        const accountMenu = page.getByTestId('account-menu');
        if (await accountMenu.isVisible()) {
          await accountMenu.click();
          await page.getByRole('menuitem', { name: w.signOut }).click();
        } else {
          await page.getByRole('button', { name: w.signOut }).click();
        }
        await page.getByRole('button', { name: /^(Sign in|登 ?录)$/ }).waitFor();
        await app.t.http.post('/api/v1/admin/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
        expect(pageProblems(page)).toEqual([]);
      });
      await page.context().close();
    },
    120_000,
  );

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
