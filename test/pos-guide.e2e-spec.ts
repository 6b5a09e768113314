import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, httpStatusFor } from '../src/common/errors/error-code';
import { loadConfig } from '../src/config/app-config';
import { MemberCodesService } from '../src/modules/cards/member-codes.service';
import { ExchangeRewardUseCase } from '../src/modules/rewards/use-cases/exchange-reward.use-case';
import { newId } from '../src/common/ids';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestMember, TestStore, uniq, writeCounts } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The POS integration guide (docs/pos-integration-guide.md) is checked against
 * the real app: its marked JSON examples are posted (with this run's store,
 * member and fresh document numbers) and the answers must have the shape the
 * guide shows.
 */

type Json = Record<string, unknown>;

const ROOT = join(__dirname, '..');
const guide = readFileSync(join(ROOT, 'docs', 'pos-integration-guide.md'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The error codes of POS-API.md versions 1.1 and 1.2 and their statuses. */
const CONTRACT_ERRORS: Array<[string, number]> = [
  ['VALIDATION_FAILED', 400],
  ['UNAUTHENTICATED', 401],
  ['FORBIDDEN', 403],
  ['MEMBER_NOT_FOUND', 404],
  ['TRANSACTION_NOT_FOUND', 404],
  ['REDEMPTION_NOT_FOUND', 404],
  ['IDEMPOTENCY_CONFLICT', 409],
  ['REDEMPTION_CANCELLED', 409],
  ['TOTAL_MISMATCH', 422],
  ['CARD_INACTIVE', 422],
  ['INSUFFICIENT_POINTS', 422],
  ['REFUND_EXCEEDS_PURCHASE', 422],
  ['RECEIPT_TOO_OLD', 422],
  ['MEMBER_CODE_EXPIRED', 422],
  ['COUPON_NOT_FOUND', 404],
  ['COUPON_ALREADY_REDEEMED', 409],
  ['COUPON_NOT_VALID', 422],
  ['RATE_LIMITED', 429],
  ['SERVICE_UNAVAILABLE', 503],
];

/** Every `<!-- example: name -->` marker followed by a ```json block. */
function examples(markdown: string): Map<string, Json> {
  const found = new Map<string, Json>();
  for (const match of markdown.matchAll(/<!-- example: ([a-z-]+) -->\s*```json\n([\s\S]*?)```/g)) {
    found.set(match[1], JSON.parse(match[2]) as Json);
  }
  return found;
}

const EXAMPLES = examples(guide);

function example(name: string): Json {
  const value = EXAMPLES.get(name);
  if (!value) {
    throw new Error(`the guide has no example marked ${name}`);
  }
  return structuredClone(value);
}

/**
 * Differences in shape between a documented example and a real answer: the
 * same keys at every level and the same JSON types; null matches anything
 * (nullable fields), an empty array matches any array.
 */
function shapeDifferences(documented: unknown, real: unknown, at = '$'): string[] {
  if (documented === null || real === null) {
    return [];
  }
  if (Array.isArray(documented) || Array.isArray(real)) {
    if (!Array.isArray(documented) || !Array.isArray(real)) {
      return [`${at}: array in one, not in the other`];
    }
    return documented.length === 0 || real.length === 0 ? [] : shapeDifferences(documented[0], real[0], `${at}[0]`);
  }
  if (typeof documented === 'object' && typeof real === 'object') {
    const a = Object.keys(documented).sort();
    const b = Object.keys(real).sort();
    if (a.join() !== b.join()) {
      return [`${at}: documented keys ${a.join(',')} but the API answers ${b.join(',')}`];
    }
    return a.flatMap((k) => shapeDifferences((documented as Json)[k], (real as Json)[k], `${at}.${k}`));
  }
  return typeof documented === typeof real ? [] : [`${at}: documented ${typeof documented}, answered ${typeof real}`];
}

let t: TestApp;
let store: TestStore;
let member: TestMember;

beforeAll(async () => {
  t = await startTestApp();
  store = await createStore(t);
  member = await createMember(t);
  // Enough points for the redemption example (500 points).
  await pos(t, store)
    .purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 100_000 }]))
    .expect(201);
});

afterAll(async () => {
  await t.close();
});

/** The guide's purchase example as this run can post it: its member, a fresh receiptNo, a current occurredAt. */
function livePurchase(documented: Json, receiptNo = uniq('R')): Json {
  return { ...documented, receiptNo, member: { cardNo: member.cardNo }, occurredAt: new Date().toISOString() };
}

describe('POS integration guide (docs/pos-integration-guide.md)', () => {
  it('carries every marked example the routes need, each valid JSON', () => {
    expect([...EXAMPLES.keys()].sort()).toEqual(
      [
        'batch-request',
        'batch-response',
        'cancel-response',
        'card-response',
        'coupon-batch-response',
        'coupon-error-response',
        'coupon-purchase-request',
        'coupon-purchase-response',
        'coupon-response',
        'error-response',
        'lookup-response',
        'purchase-request',
        'purchase-response',
        'redemption-request',
        'redemption-response',
        'refund-request',
        'refund-response',
      ].sort(),
    );
  });

  it('lists every error code of POS-API.md 1.1 and 1.2 in its error table with the status the API answers with', () => {
    const codes = new Set<string>(Object.values(ErrorCode));
    for (const [code, status] of CONTRACT_ERRORS) {
      expect(codes.has(code)).toBe(true);
      expect({ code, status: httpStatusFor(code as ErrorCode) }).toEqual({ code, status });
      expect({ code, row: new RegExp(`^\\| ${status} \\| \`${code}\` \\|.+\\|.+\\|$`, 'm').test(guide) }).toEqual({ code, row: true });
    }
  });

  it('the rate limits it states are the defaults the app runs with: per key, and per store for coupon checks', () => {
    const defaults = loadConfig({
      ...process.env,
      RATE_LIMIT_POS_PER_MINUTE: undefined,
      RATE_LIMIT_POS_COUPON_LOOKUPS_PER_MINUTE: undefined,
    });
    expect(guide).toContain(`the default is ${String(defaults.rateLimit.posPerMinute)}\n  requests per minute`);
    expect(guide).toMatch(
      new RegExp(`\\*\\*per store\\*\\* \\(all its keys together\\): ${String(defaults.rateLimit.posCouponLookupsPerMinute)} a minute`),
    );
  });

  it('the purchase example, posted with a real card, gives 201 and an answer shaped like the documented one; the same body again gives 200 and the first answer', async () => {
    const body = livePurchase(example('purchase-request'));
    const first = await pos(t, store).purchase(body).expect(201);
    expect(shapeDifferences(example('purchase-response'), first.body)).toEqual([]);
    expect(first.body.pointsEarned).toBe(25);
    const replay = await pos(t, store).purchase(body).expect(200);
    expect(replay.body).toEqual(first.body);
  });

  it('the purchase example with another body under a used receiptNo is the documented 409 IDEMPOTENCY_CONFLICT and writes nothing', async () => {
    const body = livePurchase(example('purchase-request'));
    await pos(t, store).purchase(body).expect(201);
    const before = await writeCounts(t.db);
    const conflict = await pos(t, store)
      .purchase({ ...body, totalCents: 2591, lines: [{ sku: 'MILK-1L', category: 'dairy', quantity: 2, amountCents: 2591 }] })
      .expect(409);
    const documented = example('error-response');
    expect(shapeDifferences(documented, conflict.body)).toEqual([]);
    expect(conflict.body.code).toBe(documented.code);
    expect(conflict.body.statusCode).toBe(documented.statusCode);
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('the purchase example posts with a member named by card, by phone, by id or by member code, and with none or two of them is a 400 on member', async () => {
    const base = example('purchase-request');
    // The code the member page shows now (GET portal/me/member-code answers the same).
    const [{ code }] = (await t.app.get(MemberCodesService).upcoming(member.memberId, 1)).codes;
    for (const ref of [{ cardNo: member.cardNo }, { phone: member.phone }, { memberId: member.memberId }, { memberCode: code }]) {
      const res = await pos(t, store).purchase({ ...livePurchase(base), member: ref });
      expect({ ref, status: res.status }).toEqual({ ref, status: 201 });
      expect(res.body.memberId).toBe(member.memberId);
    }
    const before = await writeCounts(t.db);
    for (const ref of [{}, { cardNo: member.cardNo, phone: member.phone }]) {
      const res = await pos(t, store)
        .purchase({ ...livePurchase(base), member: ref })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('member');
    }
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('the refund example, on a posted receipt, gives 201 and an answer shaped like the documented one', async () => {
    const purchase = livePurchase(example('purchase-request'));
    await pos(t, store).purchase(purchase).expect(201);
    const body = { ...example('refund-request'), refundNo: uniq('F'), receiptNo: purchase.receiptNo };
    const res = await pos(t, store).refund(body).expect(201);
    expect(shapeDifferences(example('refund-response'), res.body)).toEqual([]);
    expect(res.body.refundedCents).toBe(1295);
    expect(res.body.pointsReversed).toBe(12);
    await pos(t, store).refund(body).expect(200);
  });

  it('the redemption example gives 201 with 100 points = 100 cents, and the cancel gives the documented answer twice', async () => {
    const body = { ...example('redemption-request'), redemptionNo: uniq('D'), member: { cardNo: member.cardNo } };
    const res = await pos(t, store).redeem(body).expect(201);
    expect(shapeDifferences(example('redemption-response'), res.body)).toEqual([]);
    expect(res.body.pointsRedeemed).toBe(500);
    expect(res.body.discountCents).toBe(500);
    const cancel = await pos(t, store).cancel(String(body.redemptionNo)).expect(200);
    expect(shapeDifferences(example('cancel-response'), cancel.body)).toEqual([]);
    expect(cancel.body.pointsReturned).toBe(500);
    const again = await pos(t, store).cancel(String(body.redemptionNo)).expect(200);
    expect(again.body).toEqual(cancel.body);
  });

  it('the lookup and counter-card answers are shaped like the documented ones', async () => {
    const lookup = await pos(t, store).lookup({ cardNo: member.cardNo }).expect(200);
    expect(shapeDifferences(example('lookup-response'), lookup.body)).toEqual([]);
    const card = await pos(t, store).issueCard().expect(201);
    expect(shapeDifferences(example('card-response'), card.body)).toEqual([]);
  });

  it('the batch example gives per-receipt results in request order with the documented statuses and codes', async () => {
    const documented = example('batch-response') as { results: Json[] };
    const request = example('batch-request') as { transactions: Json[] };
    const transactions = request.transactions.map((tx) => livePurchase(tx));
    const res = await pos(t, store).batch({ transactions }).expect(200);
    expect(res.body.results.map((r: Json) => r.receiptNo)).toEqual(transactions.map((tx) => tx.receiptNo));
    expect(res.body.results.map((r: Json) => r.status)).toEqual(documented.results.map((r) => r.status));
    expect(res.body.results.map((r: { error?: Json }) => r.error?.code ?? null)).toEqual(
      documented.results.map((r) => (r.error as Json | undefined)?.code ?? null),
    );
    documented.results.forEach((r, i) => {
      expect(shapeDifferences({ ...r, receiptNo: 'x' }, { ...res.body.results[i], receiptNo: 'x' })).toEqual([]);
    });
    const again = await pos(t, store).batch({ transactions }).expect(200);
    expect(again.body.results[0]).toEqual({ ...res.body.results[0], status: 200 });
  });

  it('the coupon chapter: the check, the purchase with its coupon, the refusal below the minimum spend and the offline rejection answer as documented', async () => {
    const admin = await loginAdmin(t);
    const reward = await t.http
      .post('/api/v1/admin/rewards')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        nameZh: '满50减10',
        nameEn: '¥10 off ¥50',
        kind: 'amount_off',
        valueCents: 1000,
        minSpendCents: 5000,
        validDays: 30,
        pointsPrice: 100,
      })
      .expect(201);
    const exchange = () => t.app.get(ExchangeRewardUseCase).exchange(member.memberId, reward.body.rewardId as string, newId());
    const { code } = (await exchange()).body.coupon;
    const check = await t.http.get(`/api/v1/pos/coupons/${code}`).set('Authorization', `Bearer ${store.key}`).expect(200);
    expect(shapeDifferences(example('coupon-response'), check.body)).toEqual([]);
    expect(check.body).toMatchObject({ status: 'active', usable: true, reason: null, valueCents: 1000, minSpendCents: 5000 });

    const documented = example('coupon-purchase-request');
    const below = {
      ...livePurchase(documented),
      totalCents: 4999,
      lines: [{ ...(documented.lines as Json[])[0], amountCents: 4999 }],
      coupons: [code],
    };
    const before = await writeCounts(t.db);
    const refused = await pos(t, store).purchase(below).expect(422);
    expect(shapeDifferences(example('coupon-error-response'), refused.body)).toEqual([]);
    expect(refused.body).toMatchObject({ code: 'COUPON_NOT_VALID', details: [{ reason: 'min_spend' }] });
    expect(await writeCounts(t.db)).toEqual(before);

    const body = { ...livePurchase(documented), coupons: [code] };
    const posted = await pos(t, store).purchase(body).expect(201);
    expect(shapeDifferences(example('coupon-purchase-response'), posted.body)).toEqual([]);
    expect(posted.body.coupons).toEqual([{ code, status: 'redeemed', discountCents: 1000 }]);
    expect((await pos(t, store).purchase(body).expect(200)).body).toEqual(posted.body);

    const offline = await pos(t, store)
      .batch({ transactions: [{ ...livePurchase(documented), coupons: [code] }] })
      .expect(200);
    expect(shapeDifferences(example('coupon-batch-response'), offline.body)).toEqual([]);
    expect(offline.body.results[0].body.coupons).toEqual([{ code, status: 'rejected', reason: 'already_redeemed' }]);
  });

  it('the OpenAPI document (/docs-json) carries the same request and answer examples as the guide', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const requestExample = (path: string) => {
      const examplesOf = doc.paths[path].post.requestBody.content['application/json'].examples;
      return (Object.values(examplesOf)[0] as { value: Json }).value;
    };
    const answerExample = (path: string, method: string, status: string) =>
      doc.paths[path][method].responses[status].content['application/json'].example;
    expect(requestExample('/api/v1/pos/transactions')).toEqual(example('purchase-request'));
    expect(requestExample('/api/v1/pos/refunds')).toEqual(example('refund-request'));
    expect(requestExample('/api/v1/pos/redemptions')).toEqual(example('redemption-request'));
    expect(requestExample('/api/v1/pos/transactions/batch')).toEqual(example('batch-request'));
    expect(answerExample('/api/v1/pos/members/lookup', 'get', '200')).toEqual(example('lookup-response'));
    expect(answerExample('/api/v1/pos/transactions', 'post', '201')).toEqual(example('purchase-response'));
    expect(answerExample('/api/v1/pos/refunds', 'post', '201')).toEqual(example('refund-response'));
    expect(answerExample('/api/v1/pos/redemptions', 'post', '201')).toEqual(example('redemption-response'));
    expect(answerExample('/api/v1/pos/redemptions/{redemptionNo}/cancel', 'post', '200')).toEqual(example('cancel-response'));
    expect(answerExample('/api/v1/pos/transactions/batch', 'post', '200')).toEqual(example('batch-response'));
    expect(answerExample('/api/v1/pos/cards', 'post', '201')).toEqual(example('card-response'));
    expect(answerExample('/api/v1/pos/coupons/{code}', 'get', '200')).toEqual(example('coupon-response'));
  });

  it('the README links the in-repository guide and names no document kept outside the repository', () => {
    expect(readme).toContain('(docs/pos-integration-guide.md)');
    expect(readme).not.toMatch(/kept beside this repository/);
    expect(readme).not.toMatch(/POS-API\.md|DESIGN\.md|CONVENTIONS\.md/);
  });
});
