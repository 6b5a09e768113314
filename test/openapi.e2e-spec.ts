import { createMember, createStore, pos, purchaseBody, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** The OpenAPI document, read as plain JSON. */
type Json = Record<string, any>;

let t: TestApp;
let doc: Json;

beforeAll(async () => {
  t = await startTestApp();
  doc = (await t.http.get('/docs-json').expect(200)).body as Json;
});

afterAll(async () => {
  await t.close();
});

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function operations(prefix: string): Array<{ name: string; op: Json }> {
  const out: Array<{ name: string; op: Json }> = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    if (!path.startsWith(prefix)) {
      continue;
    }
    for (const method of METHODS) {
      if (item[method]) {
        out.push({ name: `${method.toUpperCase()} ${path}`, op: item[method] });
      }
    }
  }
  return out;
}

function schema(name: string): Json {
  const found = doc.components.schemas[name];
  if (!found) {
    throw new Error(`schema ${name} is missing`);
  }
  return found;
}

/** Follows a $ref (or a single-entry allOf wrapping one) to the named schema. */
function resolve(node: Json): Json {
  const ref = node.$ref ?? node.allOf?.[0]?.$ref;
  return ref ? schema(String(ref).replace('#/components/schemas/', '')) : node;
}

function successResponses(op: Json): Array<[string, Json]> {
  return Object.entries(op.responses as Json).filter(([status]) => status.startsWith('2'));
}

describe('OpenAPI document (/docs-json)', () => {
  it('every POS operation has a request example when it has a body and an example on each 2xx JSON response', () => {
    const ops = operations('/api/v1/pos/');
    expect(ops.map((o) => o.name).sort()).toEqual(
      [
        'GET /api/v1/pos/coupons/{code}',
        'GET /api/v1/pos/members/lookup',
        'POST /api/v1/pos/cards',
        'POST /api/v1/pos/redemptions',
        'POST /api/v1/pos/redemptions/{redemptionNo}/cancel',
        'POST /api/v1/pos/refunds',
        'POST /api/v1/pos/transactions',
        'POST /api/v1/pos/transactions/batch',
      ].sort(),
    );
    for (const { name, op } of ops) {
      const body = op.requestBody?.content?.['application/json'];
      if (body) {
        const examples = Object.values((body.examples ?? {}) as Json);
        expect({ name, hasExample: examples.length > 0 && examples.every((e: Json) => typeof e.value === 'object') }).toEqual({
          name,
          hasExample: true,
        });
      }
      const ok = successResponses(op);
      expect({ name, successes: ok.length > 0 }).toEqual({ name, successes: true });
      for (const [status, response] of ok) {
        const example = response.content?.['application/json']?.example;
        expect({ name, status, example: typeof example }).toEqual({ name, status, example: 'object' });
      }
    }
  });

  it('the purchase, refund and redemption request examples carry every required field of their schemas', () => {
    const cases: Array<[string, string]> = [
      ['/api/v1/pos/transactions', 'PurchaseDto'],
      ['/api/v1/pos/refunds', 'RefundDto'],
      ['/api/v1/pos/redemptions', 'RedemptionDto'],
    ];
    for (const [path, name] of cases) {
      const examples = Object.values(doc.paths[path].post.requestBody.content['application/json'].examples as Json) as Json[];
      for (const example of examples) {
        expect(Object.keys(example.value).sort()).toEqual([...(schema(name).required as string[])].sort());
      }
    }
  });

  it('money and points fields are int64 integers, never floats, and money may not be negative', () => {
    const money: Array<[string, string]> = [
      ['PurchaseLineDto', 'amountCents'],
      ['PurchaseDto', 'totalCents'],
      ['RefundLineDto', 'amountCents'],
      ['RefundResponse', 'refundedCents'],
      ['RedemptionResponse', 'discountCents'],
    ];
    const points: Array<[string, string]> = [
      ['RedemptionDto', 'points'],
      ['PurchaseResponse', 'pointsEarned'],
      ['RefundResponse', 'pointsReversed'],
      ['RedemptionResponse', 'pointsRedeemed'],
      ['RedemptionCancelResponse', 'pointsReturned'],
      ['BreakdownRowResponse', 'points'],
      ['PointsSummaryResponse', 'balance'],
      ['PointsSummaryResponse', 'available'],
      ['PointsSummaryResponse', 'pending'],
      ['LedgerEntryResponse', 'points'],
      ['LedgerEntryResponse', 'balanceAfter'],
      ['LedgerPageResponse', 'balance'],
    ];
    for (const [name, field] of [...money, ...points]) {
      const property = schema(name).properties[field];
      expect({ at: `${name}.${field}`, type: property.type, format: property.format }).toEqual({
        at: `${name}.${field}`,
        type: 'integer',
        format: 'int64',
      });
    }
    for (const [name, field] of money) {
      expect({ at: `${name}.${field}`, minimum: schema(name).properties[field].minimum }).toEqual({ at: `${name}.${field}`, minimum: 0 });
    }
    expect(schema('RedemptionDto').properties.points.minimum).toBe(1);
  });

  it('receiptNo, refundNo and redemptionNo declare the document-number pattern and a 64-character limit', () => {
    const fields: Array<[string, string]> = [
      ['PurchaseDto', 'receiptNo'],
      ['RefundDto', 'refundNo'],
      ['RefundDto', 'receiptNo'],
      ['RedemptionDto', 'redemptionNo'],
    ];
    for (const [name, field] of fields) {
      const property = schema(name).properties[field];
      expect({ at: `${name}.${field}`, pattern: property.pattern, maxLength: property.maxLength }).toEqual({
        at: `${name}.${field}`,
        pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$',
        maxLength: 64,
      });
    }
    const cancel = doc.paths['/api/v1/pos/redemptions/{redemptionNo}/cancel'].post;
    const param = (cancel.parameters as Json[]).find((p) => p.name === 'redemptionNo');
    expect(param?.schema).toMatchObject({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$', maxLength: 64 });
  });

  it('the member reference says exactly one of cardNo, phone, memberId, memberCode and allows exactly one property', () => {
    const ref = schema('MemberRefDto');
    expect(ref.description).toMatch(/exactly one of cardNo, phone, memberId or \(1\.2\) memberCode/);
    expect(ref.minProperties).toBe(1);
    expect(ref.maxProperties).toBe(1);
    expect(Object.keys(ref.properties).sort()).toEqual(['cardNo', 'memberCode', 'memberId', 'phone']);
    expect(ref.properties.memberCode).toMatchObject({ type: 'string', pattern: '^8\\d{17}$', minLength: 18, maxLength: 18 });
    expect(ref.required ?? []).toEqual([]);
    for (const name of ['PurchaseDto', 'RedemptionDto']) {
      expect(resolve(schema(name).properties.member)).toBe(ref);
    }
    expect(ref.properties.cardNo).toMatchObject({ pattern: '^\\d{16}$', maxLength: 16 });
  });

  it('batch items reference the purchase schema and batch results are typed as a success or an error', () => {
    const transactions = schema('PurchaseBatchDto').properties.transactions;
    expect(transactions).toMatchObject({ type: 'array', maxItems: 500, items: { $ref: '#/components/schemas/PurchaseDto' } });
    const results = schema('BatchResponse').properties.results;
    expect(results.type).toBe('array');
    expect(results.items.oneOf).toEqual([
      { $ref: '#/components/schemas/BatchItemSuccessResponse' },
      { $ref: '#/components/schemas/BatchItemErrorResponse' },
    ]);
    expect(resolve(schema('BatchItemSuccessResponse').properties.body)).toBe(schema('PurchaseResponse'));
    expect(resolve(schema('BatchItemErrorResponse').properties.error)).toBe(schema('ErrorResponse'));
    expect(schema('BatchItemSuccessResponse').required).toEqual(expect.arrayContaining(['receiptNo', 'status', 'body']));
    expect(schema('BatchItemErrorResponse').required).toEqual(expect.arrayContaining(['receiptNo', 'status', 'error']));
  });

  it('the POS security scheme is an opaque bearer key, not a JWT, and the admin scheme is a JWT', () => {
    const { pos, admin } = doc.components.securitySchemes;
    expect(pos).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(String(pos.bearerFormat)).not.toMatch(/jwt/i);
    expect(pos.description).toMatch(/opaque/i);
    expect(pos.description).toMatch(/not a JWT/);
    expect(admin).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    for (const { op } of operations('/api/v1/pos/')) {
      expect(op.security).toEqual([{ pos: [] }]);
    }
  });

  it('every 429 response declares the Retry-After header and the RATE_LIMITED code', () => {
    const ops = [...operations('/api/v1/pos/'), ...operations('/api/v1/admin/')];
    for (const { name, op } of ops) {
      const limited = op.responses['429'];
      expect({ name, has429: Boolean(limited) }).toEqual({ name, has429: true });
      expect({ name, retryAfter: limited.headers?.['Retry-After']?.schema?.type }).toEqual({ name, retryAfter: 'integer' });
      expect(limited.content['application/json'].schema.allOf[1].properties.code.enum).toContain('RATE_LIMITED');
    }
  });

  it('every POS route lists its error codes by status with the error schema, and the error schema enumerates every code', () => {
    const expected: Record<string, Record<string, string[]>> = {
      'GET /api/v1/pos/members/lookup': { '404': ['MEMBER_NOT_FOUND'], '422': ['CARD_INACTIVE', 'MEMBER_CODE_EXPIRED'] },
      'POST /api/v1/pos/transactions': {
        '404': ['MEMBER_NOT_FOUND', 'COUPON_NOT_FOUND'],
        '409': ['IDEMPOTENCY_CONFLICT', 'COUPON_ALREADY_REDEEMED'],
        '422': ['TOTAL_MISMATCH', 'CARD_INACTIVE', 'RECEIPT_TOO_OLD', 'MEMBER_CODE_EXPIRED', 'COUPON_NOT_VALID'],
      },
      'GET /api/v1/pos/coupons/{code}': { '404': ['COUPON_NOT_FOUND'] },
      'POST /api/v1/pos/refunds': { '404': ['TRANSACTION_NOT_FOUND'], '409': ['IDEMPOTENCY_CONFLICT'], '422': ['REFUND_EXCEEDS_PURCHASE'] },
      'POST /api/v1/pos/redemptions': {
        '404': ['MEMBER_NOT_FOUND'],
        '409': ['IDEMPOTENCY_CONFLICT', 'REDEMPTION_CANCELLED'],
        '422': ['INSUFFICIENT_POINTS', 'CARD_INACTIVE', 'MEMBER_CODE_EXPIRED'],
      },
      'POST /api/v1/pos/redemptions/{redemptionNo}/cancel': { '404': ['REDEMPTION_NOT_FOUND'] },
      'POST /api/v1/pos/transactions/batch': {},
      'POST /api/v1/pos/cards': {},
    };
    const common = {
      '400': ['VALIDATION_FAILED'],
      '401': ['UNAUTHENTICATED'],
      '403': ['FORBIDDEN'],
      '429': ['RATE_LIMITED'],
      '503': ['SERVICE_UNAVAILABLE'],
    };
    for (const { name, op } of operations('/api/v1/pos/')) {
      const want = { ...common, ...expected[name] };
      const got: Record<string, string[]> = {};
      for (const [status, response] of Object.entries(op.responses as Json)) {
        if (Number(status) >= 400) {
          const content = response.content['application/json'];
          expect(content.schema.allOf[0]).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
          expect(content.example.code).toBe(content.schema.allOf[1].properties.code.enum[0]);
          got[status] = content.schema.allOf[1].properties.code.enum;
          for (const code of got[status]) {
            expect(response.description).toContain(code);
          }
        }
      }
      expect({ name, codes: got }).toEqual({ name, codes: want });
    }
    const error = schema('ErrorResponse');
    expect(error.required).toEqual(['statusCode', 'code', 'message', 'details']);
    expect(error.properties.statusCode.type).toBe('integer');
    const codeEnum = schema('ErrorCode').enum as string[];
    for (const code of Object.values(common)
      .flat()
      .concat(Object.values(expected).flatMap((e) => Object.values(e).flat()))) {
      expect(codeEnum).toContain(code);
    }
    expect(resolve(error.properties.details.items)).toMatchObject({
      properties: { field: { type: 'string' }, message: { type: 'string' } },
    });
  });

  it('every admin route documents a 2xx response with a schema (204 for a revocation, a deleted draft or a sign-out, which have no body)', () => {
    const ops = operations('/api/v1/admin/');
    expect(ops.length).toBeGreaterThanOrEqual(8);
    for (const { name, op } of ops) {
      const ok = successResponses(op);
      expect({ name, successes: ok.length }).toEqual({ name, successes: 1 });
      const [status, response] = ok[0];
      if (status === '204') {
        expect([
          'DELETE /api/v1/admin/api-keys/{keyId}',
          'DELETE /api/v1/admin/campaigns/{id}',
          'POST /api/v1/admin/auth/logout',
        ]).toContain(name);
        continue;
      }
      const ref = response.content?.['application/json']?.schema?.$ref as string | undefined;
      expect({ name, ref: typeof ref }).toEqual({ name, ref: 'string' });
      const target = resolve({ $ref: ref });
      expect({ name, properties: Object.keys(target.properties ?? {}).length > 0 }).toEqual({ name, properties: true });
    }
    expect(
      Object.keys(resolve(doc.paths['/api/v1/admin/auth/login'].post.responses['200'].content['application/json'].schema).properties),
    ).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'refreshExpiresIn']);
    expect(
      resolve(doc.paths['/api/v1/admin/stores/{storeId}/api-keys'].post.responses['201'].content['application/json'].schema).required,
    ).toEqual(expect.arrayContaining(['keyId', 'key']));
  });

  it('the purchase, refund and redemption examples and schemas have exactly the fields the API really answers with', async () => {
    const store = await createStore(t);
    const member = await createMember(t);
    const till = pos(t, store);
    const purchase = await till
      .purchase(purchaseBody({ cardNo: member.cardNo }, [{ sku: 'MILK-1L', amountCents: 2590, quantity: 2 }]))
      .expect(201);
    const refund = await till
      .refund({ refundNo: uniq('F'), receiptNo: purchase.body.receiptNo, lines: [{ sku: 'MILK-1L', quantity: 1, amountCents: 1295 }] })
      .expect(201);
    const redemption = await till.redeem({ redemptionNo: uniq('D'), member: { cardNo: member.cardNo }, points: 5 }).expect(201);
    const lookup = await till.lookup({ cardNo: member.cardNo }).expect(200);
    const cases: Array<[string, string, string, Json]> = [
      ['/api/v1/pos/transactions', 'post', 'PurchaseResponse', purchase.body],
      ['/api/v1/pos/refunds', 'post', 'RefundResponse', refund.body],
      ['/api/v1/pos/redemptions', 'post', 'RedemptionResponse', redemption.body],
      ['/api/v1/pos/members/lookup', 'get', 'LookupResponse', lookup.body],
    ];
    // (1.2) A purchase answers `coupons` only when it named coupons: in the schema, optional, not in this answer.
    const onlyWhenNamed: Record<string, string[]> = { PurchaseResponse: ['coupons'] };
    for (const [path, method, name, real] of cases) {
      const responses = doc.paths[path][method].responses;
      const example = (responses['201'] ?? responses['200']).content['application/json'].example;
      const fields = Object.keys(real).sort();
      expect({ name, example: Object.keys(example).sort() }).toEqual({ name, example: fields });
      expect({ name, schema: Object.keys(schema(name).properties).sort() }).toEqual({
        name,
        schema: [...fields, ...(onlyWhenNamed[name] ?? [])].sort(),
      });
      expect({ name, required: (onlyWhenNamed[name] ?? []).filter((f) => (schema(name).required ?? []).includes(f)) }).toEqual({
        name,
        required: [],
      });
    }
  });
  it('portal routes carry the portal tag and the member bearer scheme (sign-in routes none), examples on every answer field, and Retry-After on 429', () => {
    const ops = operations('/api/v1/portal/');
    expect(ops.map((o) => o.name).sort()).toEqual(
      [
        'POST /api/v1/portal/auth/code',
        'GET /api/v1/portal/auth/agreements',
        'POST /api/v1/portal/auth/login',
        'POST /api/v1/portal/auth/register',
        'POST /api/v1/portal/auth/refresh',
        'POST /api/v1/portal/auth/logout',
        'GET /api/v1/portal/me',
        'PATCH /api/v1/portal/me',
        'GET /api/v1/portal/me/points',
        'GET /api/v1/portal/me/history',
        'GET /api/v1/portal/me/tier',
        'GET /api/v1/portal/me/clubs',
        'POST /api/v1/portal/me/clubs/{clubId}/join',
        'POST /api/v1/portal/me/clubs/{clubId}/leave',
        'GET /api/v1/portal/me/cards',
        'POST /api/v1/portal/me/cards/{cardNo}/report-lost',
        'GET /api/v1/portal/me/member-code',
        'GET /api/v1/portal/me/consents',
        'PUT /api/v1/portal/me/consents',
        'GET /api/v1/portal/me/export',
        'POST /api/v1/portal/me/erasure',
        'GET /api/v1/portal/rewards',
        'POST /api/v1/portal/rewards/{rewardId}/exchange',
        'GET /api/v1/portal/me/coupons',
        'GET /api/v1/portal/me/complaints',
        'POST /api/v1/portal/me/complaints',
        'POST /api/v1/portal/me/complaints/{complaintId}/reopen',
        'GET /api/v1/portal/surveys/{token}',
        'POST /api/v1/portal/surveys/{token}/answers',
      ].sort(),
    );
    expect(doc.components.securitySchemes.member).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.tags).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'portal' })]));
    const open = [
      ...['code', 'login', 'register', 'refresh'].map((r) => `POST /api/v1/portal/auth/${r}`),
      'GET /api/v1/portal/auth/agreements',
      // A survey invitation's signed link is the key: no sign-in.
      'GET /api/v1/portal/surveys/{token}',
      'POST /api/v1/portal/surveys/{token}/answers',
    ];
    for (const { name, op } of ops) {
      expect({ name, tags: op.tags }).toEqual({ name, tags: ['portal'] });
      expect({ name, security: op.security ?? [] }).toEqual({ name, security: open.includes(name) ? [] : [{ member: [] }] });
      expect({ name, retryAfter: op.responses['429']?.headers?.['Retry-After']?.schema?.type }).toEqual({ name, retryAfter: 'integer' });
      for (const [status, response] of successResponses(op)) {
        const ref = response.content?.['application/json']?.schema;
        if (!ref) {
          expect({ name, status }).toEqual({ name, status: '204' });
          continue;
        }
        const target = resolve(ref);
        for (const [field, property] of Object.entries(target.properties as Json)) {
          const withExample = 'example' in (property as Json) || Boolean((property as Json).$ref ?? (property as Json).allOf);
          expect({ name, field, withExample }).toEqual({ name, field, withExample: true });
        }
      }
    }
  });
});
