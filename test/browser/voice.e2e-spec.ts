import type { Page } from 'playwright-core';
import { SurveyInviter } from '../../src/modules/surveys/survey-inviter';
import { SurveysRepository } from '../../src/modules/surveys/surveys.repository';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestStore, uniq } from '../support/factories';
import { signInCodeSentTo } from '../support/sign-in-codes';
import { BrowserApp, consoleSignIn, newPage, pageProblems, PHONE, screenshots, shootOnFailure, startBrowserApp } from './support/browser';

/**
 * The voice of the member on the pages: complaints with service recovery and surveys with their results in the
 * console, the member's timeline; on /m, a survey answered one question per screen and my complaints. Both languages.
 */
describe('voice of the member on the pages (headless Chromium)', () => {
  let app: BrowserApp;
  let admin: string;
  let store: TestStore;
  let surveyId: string;
  let questionIds: string[];

  beforeAll(async () => {
    app = await startBrowserApp();
    admin = await loginAdmin(app.t);
    store = await createStore(app.t);
    const created = await app.t.http
      .post('/api/v1/admin/surveys')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        titleZh: '门店满意度调查',
        titleEn: 'Store satisfaction survey',
        questions: [
          { kind: 'rating', textZh: '您对店员的服务满意吗？', textEn: 'How satisfied are you with our staff?', weight: 3 },
          { kind: 'rating', textZh: '商品是否新鲜？', textEn: 'How fresh were the products?', weight: 1 },
          { kind: 'recommend', textZh: '您有多大可能向朋友推荐我们？', textEn: 'How likely are you to recommend us to a friend?' },
          { kind: 'text', textZh: '还有什么想告诉我们？', textEn: 'Anything else you would like to tell us?' },
        ],
      })
      .expect(201);
    surveyId = created.body.surveyId as string;
    questionIds = (created.body.questions as Array<{ questionId: string }>).map((q) => q.questionId);
    await app.t.http
      .post(`/api/v1/admin/surveys/${surveyId}/status`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ status: 'active' })
      .expect(200);
  });

  afterAll(async () => {
    await app?.close();
  });

  const asAdmin = (method: 'post' | 'get', path: string, body?: object) =>
    app.t.http[method](`/api/v1/admin/${path}`).set('Authorization', `Bearer ${admin}`).send(body);

  /** An invitation of the member to the survey: its signed link's token. */
  async function invite(memberId: string): Promise<string> {
    const survey = await app.t.app.get(SurveysRepository).survey(surveyId);
    await app.t.app
      .get(SurveyInviter)
      .inviteTargets(survey!, [{ memberId, source: 'campaign', sourceRef: uniq('browser'), storeId: null }], new Date());
    const [inv] = await app.t.db.query("SELECT id FROM survey_invitations WHERE member_id = ? AND status = 'open'", [memberId]);
    return /\/survey\/(\S+)$/.exec(app.t.app.get(SurveyInviter).link(inv.id as string))![1];
  }

  async function memberWithReceipt(name: string) {
    const m = await createMember(app.t, { name, consents: { sms: true } });
    const body = purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 8_800 }]);
    await pos(app.t, store).purchase(body).expect(201);
    return { ...m, receiptNo: body.receiptNo };
  }

  it('the console: complaints with overdue flag, a case with its steps, goodwill confirmed in numbers; survey results; the timeline', async () => {
    const m = await memberWithReceipt('李娜');
    const c = (
      await asAdmin('post', 'complaints', {
        memberId: m.memberId,
        storeId: store.storeId,
        receiptNo: m.receiptNo,
        category: 'price',
        description: '收银员多收了一件商品的钱',
        severity: 'high',
      }).expect(201)
    ).body;
    await asAdmin('post', `complaints/${c.complaintId}/comments`, { kind: 'reply', text: '非常抱歉，已为您退款。' }).expect(200);
    await app.t.db.query('UPDATE complaints SET due_at = ? WHERE id = ?', [new Date(Date.now() - 3600_000), c.complaintId]);
    // A case nobody owns yet (e.g. raised by a member), so the console offers to take it.
    await app.t.db.query('UPDATE complaints SET owner_id = NULL WHERE id = ?', [c.complaintId]);
    // Five answers for the results: staff 5, 4, 4, 2, 5 (weight 3), freshness 4, 4, 3, 3, 5 (weight 1), recommend 10, 9, 7, 3, 10.
    const given = [
      [5, 4, 10],
      [4, 4, 9],
      [4, 3, 7],
      [2, 3, 3],
      [5, 5, 10],
    ];
    for (const [i, scores] of given.entries()) {
      const who = i === 0 ? m : await createMember(app.t, { consents: { sms: true } });
      const token = await invite(who.memberId);
      await app.t.http
        .post(`/api/v1/portal/surveys/${token}/answers`)
        .send({
          answers: [
            ...scores.map((score, j) => ({ questionId: questionIds[j], score })),
            { questionId: questionIds[3], text: i === 3 ? 'The queue was far too long' : 'Nice staff' },
          ],
        })
        .expect(201);
    }
    // By hand: staff mean 4.0 → 75, freshness 3.8 → 70: (75 × 3 + 70) / 4 = 73.8; promoters 3, detractors 1 of 5 → 40.
    for (const [lang, name] of [
      ['en-US', 'en'],
      ['zh-CN', 'zh'],
    ] as const) {
      const page = await newPage(app, lang);
      page.setDefaultTimeout(10_000);
      await shootOnFailure(page, `voice-console-${name}`, async () => {
        await consoleSignIn(page, process.env.ADMIN_EMAIL as string, process.env.ADMIN_PASSWORD as string);
        await page.getByRole('menuitem', { name: name === 'en' ? 'Complaints' : '投诉管理' }).click();
        const table = page.getByTestId('complaints-table');
        await table.getByText(c.caseNo as string).waitFor();
        const row = table.locator('tr', { hasText: c.caseNo as string });
        await row.getByText(name === 'en' ? 'Overdue' : '已超时').waitFor();
        await row.getByText(name === 'en' ? 'Price and billing' : '价格与结算').waitFor();
        await screenshots(page, `console-${name}-complaints`);
        await row.getByRole('button', { name: c.caseNo as string }).click();
        const kase = page.getByTestId('complaint-case');
        await kase.getByText('非常抱歉，已为您退款。').waitFor();
        if (name === 'en') {
          const owner = kase.getByTestId('complaint-owner');
          await owner.getByText('Nobody yet').waitFor();
          await owner.getByRole('button', { name: 'Take this case' }).click();
          await owner.getByText(process.env.ADMIN_EMAIL as string).waitFor();
          await expect(owner.getByRole('button', { name: 'Take this case' }).count()).resolves.toBe(0);
          await kase.getByLabel('Points').fill('200');
          await kase.getByLabel('Reason').fill('Charged twice');
          await kase.getByRole('button', { name: 'Give points' }).click();
          const confirm = page.getByRole('dialog').filter({ hasText: 'The ledger entry names the case' });
          await confirm.getByText(`Give 200 points to 李娜 for case ${c.caseNo as string}?`).waitFor();
          // The dialog zooms in: a click during the animation can miss; the key is the dialog's, so a second OK posts once.
          for (let attempt = 0; attempt < 3 && (await confirm.isVisible()); attempt++) {
            await confirm.getByRole('button', { name: 'OK' }).click();
            await confirm.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
          }
          await kase.getByText('200 points given; balance now 288').waitFor();
          await kase.getByTestId('complaint-steps').getByText('Goodwill points +200').waitFor();
        } else {
          await kase.getByText('已补偿 200 积分').waitFor();
        }
        await screenshots(page, `console-${name}-complaint-case`);
        await page.keyboard.press('Escape');
        await page.getByRole('menuitem', { name: name === 'en' ? 'Surveys' : '满意度调查' }).click();
        await page
          .getByTestId('surveys-table')
          .getByRole('button', { name: name === 'en' ? 'Store satisfaction survey' : '门店满意度调查' })
          .click();
        const results = page.getByTestId('survey-results');
        await results
          .locator('.ant-statistic', { hasText: name === 'en' ? 'Satisfaction index' : '满意度指数' })
          .getByText('73.8')
          .waitFor();
        await results
          .locator('.ant-statistic', { hasText: name === 'en' ? 'Promoter score' : '净推荐值' })
          .getByText('40')
          .waitFor();
        await results.getByTestId('survey-distribution').first().waitFor();
        await results.getByText('The queue was far too long').waitFor();
        await page.waitForTimeout(600); // the charts' entry animation
        await screenshots(page, `console-${name}-survey-results`);
        const loyalty = results.getByTestId('satisfaction-loyalty');
        await loyalty.getByTestId('satisfaction-loyalty-chart').waitFor();
        await loyalty
          .getByText(name === 'en' ? 'Satisfied (≥ 80)' : '满意（≥80）')
          .first()
          .waitFor();
        await loyalty.scrollIntoViewIfNeeded();
        await page.waitForTimeout(600);
        await page.screenshot({ path: `test/artifacts/console-${name}-satisfaction-loyalty.png` });
        await page.keyboard.press('Escape');
        await page.getByRole('menuitem', { name: name === 'en' ? 'Members' : '会员' }).click();
        const search = page.getByLabel(name === 'en' ? 'Card number, phone, email or name' : '卡号、手机号、邮箱或姓名');
        await search.fill(m.phone);
        await search.press('Enter');
        await page.locator('.ant-table-tbody').getByRole('button', { name: '李娜' }).click();
        const timeline = page.getByTestId('member-timeline');
        await timeline.getByText(name === 'en' ? 'Survey answered' : '填写问卷').waitFor();
        await timeline
          .getByText(name === 'en' ? 'Complaint' : '投诉')
          .first()
          .waitFor();
        await timeline.getByText(name === 'en' ? 'Purchase' : '购物').waitFor();
        await timeline.scrollIntoViewIfNeeded();
        await screenshots(page, `console-${name}-member-timeline`);
        if (name === 'en') {
          // Raising a case from the member's drawer: the member is known, the store comes from the receipt.
          await timeline.getByRole('button', { name: 'Raise a case' }).click();
          const raise = page.getByRole('dialog', { name: 'Raise a case' });
          await raise.getByLabel('Receipt').fill(m.receiptNo);
          await raise.getByLabel('What happened').fill('Called to say the bag tore at the till');
          await raise.getByRole('button', { name: 'Save' }).click();
          await raise.waitFor({ state: 'hidden' });
          const [row] = await app.t.db.query('SELECT store_id FROM complaints WHERE member_id = ? AND description LIKE ?', [
            m.memberId,
            'Called%',
          ]);
          expect(row.store_id).toBe(store.storeId);
        }
        expect(pageProblems(page)).toEqual([]);
      });
      await page.context().close();
    }
  });

  async function signIn(page: Page, phone: string): Promise<void> {
    await page.goto('/m/');
    await page.getByRole('textbox', { name: /^(Mobile number|手机号)$/ }).fill(phone);
    await page.getByRole('button', { name: /^(Send code|获取验证码)$/ }).click();
    await page.getByRole('textbox', { name: /^(Six-digit code|六位验证码)$/ }).waitFor();
    await page.getByRole('textbox', { name: /^(Six-digit code|六位验证码)$/ }).fill(await signInCodeSentTo(app.t, phone));
    await page.getByRole('button', { name: /^(Sign in|登 ?录)$/ }).click();
    await page.getByRole('navigation', { name: /^(Member sections|会员栏目)$/ }).waitFor();
  }

  it('/m at 375 px: a survey link answered one question per screen with progress, once; my complaints raised and listed', async () => {
    for (const [lang, name] of [
      ['en-US', 'en'],
      ['zh-CN', 'zh'],
    ] as const) {
      const m = await memberWithReceipt(name === 'en' ? 'Anna' : '王芳');
      const token = await invite(m.memberId);
      const page = await newPage(app, lang, PHONE);
      page.setDefaultTimeout(10_000);
      await shootOnFailure(page, `voice-member-${name}`, async () => {
        await page.goto(`/m/survey/${token}`);
        const screen = page.getByTestId('survey-screen');
        await screen.getByText(name === 'en' ? 'Question 1 of 4' : '第 1 题，共 4 题').waitFor();
        await screenshots(page, `member-${name}-survey-question`);
        await screen.getByRole('button', { name: name === 'en' ? '4 · Satisfied' : '4 · 满意' }).click();
        await screen.getByRole('button', { name: name === 'en' ? 'Next' : '下一题' }).click();
        await screen.getByText(name === 'en' ? 'Question 2 of 4' : '第 2 题，共 4 题').waitFor();
        await screen.getByRole('button', { name: name === 'en' ? '5 · Very satisfied' : '5 · 非常满意' }).click();
        await screen.getByRole('button', { name: name === 'en' ? 'Next' : '下一题' }).click();
        await screen.getByRole('button', { name: '9', exact: true }).click();
        await screenshots(page, `member-${name}-survey-recommend`);
        await screen.getByRole('button', { name: name === 'en' ? 'Next' : '下一题' }).click();
        await screen.getByRole('textbox').fill(name === 'en' ? 'Lovely bakery' : '面包很好吃');
        await screen.getByRole('button', { name: name === 'en' ? 'Send my answers' : '提交' }).click();
        await page.getByText(name === 'en' ? 'Thank you!' : '感谢您的参与！').waitFor();
        await screenshots(page, `member-${name}-survey-thanks`);
        await page.reload();
        await page
          .getByText(name === 'en' ? 'You have answered this survey already. Thank you!' : '您已填写过该问卷，感谢参与！')
          .waitFor();
        const [inv] = await app.t.db.query('SELECT status FROM survey_invitations WHERE member_id = ?', [m.memberId]);
        expect(inv.status).toBe('answered');

        await signIn(page, m.phone);
        await page.getByRole('link', { name: /^(Me|我的)$/ }).click();
        await page.getByTestId('me-complaints').click();
        const complaints = page.getByTestId('complaints-screen');
        await complaints.getByText(name === 'en' ? 'No complaints. We hope it stays that way!' : '暂无投诉，祝您购物愉快！').waitFor();
        await complaints.getByText(name === 'en' ? 'Product quality' : '商品质量').click();
        await complaints
          .getByRole('textbox', { name: name === 'en' ? 'What happened' : '发生了什么' })
          .fill(name === 'en' ? 'The milk was sour' : '买到的牛奶已经过期了');
        await complaints.getByRole('textbox', { name: name === 'en' ? 'Receipt number (optional)' : '小票号（选填）' }).fill(m.receiptNo);
        await complaints.getByRole('button', { name: name === 'en' ? 'Send' : '提交' }).click();
        await complaints.getByText(name === 'en' ? 'Received' : '已受理').waitFor();
        await screenshots(page, `member-${name}-complaints`);
        expect(pageProblems(page)).toEqual([]);
      });
      const [row] = await app.t.db.query('SELECT category, raised_by_type FROM complaints WHERE member_id = ?', [m.memberId]);
      expect(row).toEqual({ category: 'product', raised_by_type: 'member' });
      await page.context().close();
    }
  });
});
