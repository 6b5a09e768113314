import fc from 'fast-check';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { SINGLE_BODY_LIMIT_BYTES } from '../src/common/http/json-body';
import {
  createMember,
  createStore,
  loginAdmin,
  pos,
  purchaseBody,
  TestMember,
  TestStore,
  uniq,
  uniquePhone,
  writeCounts,
} from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const PURCHASE = '/api/v1/pos/transactions';
const BATCH = '/api/v1/pos/transactions/batch';

interface ErrorResponseBody {
  statusCode: number;
  code: string;
  message: string;
  details: Array<{ field: string; message: string }>;
}

describe('Hostile and malformed input: always a 4xx with the error body, never a 500, nothing written', () => {
  let t: TestApp;
  let store: TestStore;
  let member: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    store = await createStore(t);
    member = await createMember(t);
  });

  afterAll(async () => {
    await t.close();
  });

  /** POST a raw body exactly as given, with the store's key. */
  function raw(path: string, body: string | Buffer, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
    let req = t.http.post(path).set('Authorization', `Bearer ${store.key}`);
    for (const [k, v] of Object.entries(headers)) {
      req = req.set(k, v);
    }
    // superagent would JSON-encode a Buffer sent as application/json; send the bytes as they are.
    return Buffer.isBuffer(body) ? req.serialize(() => body as unknown as string).send(body) : req.send(body);
  }

  const valid = (overrides: Record<string, unknown> = {}) =>
    purchaseBody({ cardNo: member.cardNo }, [{ sku: 'MILK-1L', category: 'dairy', amountCents: 1000 }], overrides);

  /** The answer is the API's error body with this status and code, and the database holds exactly what it held before. */
  async function expectRefused(
    send: () => Promise<{ status: number; body: ErrorResponseBody }>,
    status: number,
    code: string,
  ): Promise<ErrorResponseBody> {
    const before = await writeCounts(t.db);
    const res = await send();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body.statusCode).toBe(status);
    expect(typeof res.body.message).toBe('string');
    expect(res.body.message.length).toBeGreaterThan(10);
    expect(Array.isArray(res.body.details)).toBe(true);
    expect(await writeCounts(t.db)).toEqual(before);
    return res.body;
  }

  const fields = (body: ErrorResponseBody) => body.details.map((d) => d.field);

  describe('deeply nested JSON', () => {
    it('10,000 levels of arrays as the whole body is 400 VALIDATION_FAILED, quickly', async () => {
      const started = Date.now();
      const body = await expectRefused(() => raw(PURCHASE, '['.repeat(10_000) + ']'.repeat(10_000)), 400, 'VALIDATION_FAILED');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(body.details[0].field.startsWith('body[0][0]')).toBe(true);
      expect(body.details[0].message).toContain('nested deeper than');
    });

    it('10,000 levels of {"a":…} in a line sku is 400 naming lines[0].sku', async () => {
      const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      const text = JSON.stringify(valid()).replace('"MILK-1L"', deep);
      const body = await expectRefused(() => raw(PURCHASE, text), 400, 'VALIDATION_FAILED');
      expect(body.details).toHaveLength(1);
      expect(body.details[0].field).toMatch(/^lines\[0\]\.sku(\.a)+/);
    });

    it('10,000 levels of arrays inside the second receipt of a batch is 400 naming transactions[1]', async () => {
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      const text = `{"transactions":[${JSON.stringify(valid())},${JSON.stringify(valid()).replace('"dairy"', deep)}]}`;
      const body = await expectRefused(() => raw(BATCH, text), 400, 'VALIDATION_FAILED');
      expect(body.details[0].field.startsWith('transactions[1].lines[0].category[0]')).toBe(true);
    });
  });

  describe('prototype keys are unknown fields, refused by name (not silently dropped)', () => {
    const cases: Array<[string, (text: string) => string, string]> = [
      ['__proto__ at the top level', (s) => s.replace('{', '{"__proto__":{"totalCents":1},'), '__proto__'],
      ['constructor inside a line', (s) => s.replace('"sku":', '"constructor":{"prototype":{}},"sku":'), 'lines[0].constructor'],
      ['prototype inside the member reference', (s) => s.replace('"member":{', '"member":{"prototype":1,'), 'member.prototype'],
    ];

    it.each(cases)('%s is 400 VALIDATION_FAILED on that field', async (_name, inject, field) => {
      const body = await expectRefused(() => raw(PURCHASE, inject(JSON.stringify(valid()))), 400, 'VALIDATION_FAILED');
      expect(body.details).toEqual([{ field, message: expect.stringContaining('should not exist') }]);
    });

    it('__proto__ in an admin body is refused the same way', async () => {
      const token = await loginAdmin(t);
      const text = JSON.stringify({ name: 'Li', phone: uniquePhone() }).replace('{', '{"__proto__":{"role":"admin"},');
      const body = await expectRefused(
        () =>
          t.http.post('/api/v1/admin/members').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(text),
        400,
        'VALIDATION_FAILED',
      );
      expect(fields(body)).toEqual(['__proto__']);
    });
  });

  describe('numbers at the edges', () => {
    // Written into the JSON text: JSON.stringify(-0) would print 0.
    const cases: Array<[string, string, string]> = [
      ['quantity 1e-7', '"quantity":1e-7', 'lines[0].quantity'],
      ['quantity with 4 decimals', '"quantity":1.0005', 'lines[0].quantity'],
      ['quantity -0', '"quantity":-0', 'lines[0].quantity'],
      ['quantity 1e308', '"quantity":1e308', 'lines[0].quantity'],
      ['amountCents 1e-7', '"amountCents":1e-7', 'lines[0].amountCents'],
      ['amountCents 1e308', '"amountCents":1e308', 'lines[0].amountCents'],
      ['amountCents -0', '"amountCents":-0', 'lines[0].amountCents'],
      ['amountCents past the safe integers', '"amountCents":9007199254740993', 'lines[0].amountCents'],
      ['totalCents -0', '"totalCents":-0', 'totalCents'],
    ];

    it.each(cases)('%s is 400 VALIDATION_FAILED naming %s', async (_name, replacement, field) => {
      const key = replacement.slice(0, replacement.indexOf(':') + 1);
      const base = JSON.stringify(valid({ totalCents: 0 })).replace('"amountCents":1000', '"amountCents":0');
      const text = base.replace(new RegExp(`${key}[^,}]+`), replacement);
      expect(text).toContain(replacement);
      const body = await expectRefused(() => raw(PURCHASE, text), 400, 'VALIDATION_FAILED');
      expect(fields(body)).toEqual([field]);
    });

    it('redemption points of -0 are 400 on points', async () => {
      const text = JSON.stringify({ redemptionNo: uniq('D'), member: { cardNo: member.cardNo }, points: 0 }).replace(
        '"points":0',
        '"points":-0',
      );
      const body = await expectRefused(() => raw('/api/v1/pos/redemptions', text), 400, 'VALIDATION_FAILED');
      expect(fields(body)).toEqual(['points']);
    });
  });

  describe('Content-Encoding', () => {
    const text = () => JSON.stringify(valid());

    it('a gzip-compressed purchase is read and posted (201)', async () => {
      await raw(PURCHASE, gzipSync(text()), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).expect(201);
    });

    it.each([
      ['gzip', (b: Buffer) => gzipSync(b)],
      ['deflate', (b: Buffer) => deflateSync(b)],
      ['br', (b: Buffer) => brotliCompressSync(b)],
    ])('a corrupt %s body is 400 VALIDATION_FAILED on body', async (encoding, compress) => {
      const good = compress(Buffer.from(text()));
      const corrupt = Buffer.concat([good.subarray(0, 4), Buffer.alloc(16, 0xa5), good.subarray(20)]);
      const body = await expectRefused(
        () => raw(PURCHASE, corrupt, { 'Content-Type': 'application/json', 'Content-Encoding': encoding }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fields(body)).toEqual(['body']);
    });

    it.each(['compress', 'zstd', 'gzip, br'])('Content-Encoding %s is 415 UNSUPPORTED_MEDIA_TYPE', async (encoding) => {
      const body = await expectRefused(
        () => raw(PURCHASE, gzipSync(text()), { 'Content-Type': 'application/json', 'Content-Encoding': encoding }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expect(fields(body)).toEqual(['Content-Encoding']);
    });

    it('a small gzip body that inflates past the limit is 413 PAYLOAD_TOO_LARGE (the limit counts inflated bytes)', async () => {
      const bomb = gzipSync(Buffer.from(JSON.stringify({ ...valid(), pad: ' '.repeat(2 * SINGLE_BODY_LIMIT_BYTES) })));
      expect(bomb.length).toBeLessThan(SINGLE_BODY_LIMIT_BYTES / 10);
      await expectRefused(
        () => raw(PURCHASE, bomb, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }),
        413,
        'PAYLOAD_TOO_LARGE',
      );
    });
  });

  describe('Content-Type', () => {
    const text = () => JSON.stringify(valid());

    it.each([
      ['text/plain', 'text/plain'],
      ['form-urlencoded', 'application/x-www-form-urlencoded'],
      ['multipart', 'multipart/form-data; boundary=x'],
      ['JSON in UTF-16', 'application/json; charset=utf-16'],
    ])('a %s body on a POST route is 415 UNSUPPORTED_MEDIA_TYPE', async (_name, contentType) => {
      const body = await expectRefused(
        () => raw(PURCHASE, Buffer.from(text()), { 'Content-Type': contentType }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expect(fields(body)).toEqual(['Content-Type']);
    });

    it('a body without a Content-Type is 415 with a message saying so', async () => {
      const body = await expectRefused(() => raw(PURCHASE, Buffer.from(text()), {}), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(body.message).toContain('without a Content-Type');
    });

    it('application/json; charset=utf-8 is accepted', async () => {
      await raw(PURCHASE, text(), { 'Content-Type': 'application/json; charset=UTF-8' }).expect(201);
    });

    it('routes that take no body accept an empty body of any type: issuing a card and cancelling a redemption', async () => {
      const m = await createMember(t);
      await pos(t, store)
        .purchase(purchaseBody({ cardNo: m.cardNo }, [{ amountCents: 1000 }]))
        .expect(201);
      const redemptionNo = uniq('D');
      await pos(t, store)
        .redeem({ redemptionNo, member: { cardNo: m.cardNo }, points: 5 })
        .expect(201);
      const card = await t.http
        .post('/api/v1/pos/cards')
        .set('Authorization', `Bearer ${store.key}`)
        .set('Content-Type', 'text/plain')
        .send('');
      expect(card.status).toBe(201);
      const cancel = await t.http
        .post(`/api/v1/pos/redemptions/${redemptionNo}/cancel`)
        .set('Authorization', `Bearer ${store.key}`)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('');
      expect(cancel.status).toBe(200);
      expect(cancel.body.pointsReturned).toBe(5);
    });
  });

  describe('body size', () => {
    const lines = (n: number, sku: (i: number) => string, category: string) =>
      Array.from({ length: n }, (_, i) => ({ sku: sku(i), category, quantity: 12.345, amountCents: 1_234_567 }));

    it('500 realistic lines (EAN-13 skus, long category names) fit the single-route limit and post (201)', async () => {
      const body = purchaseBody(
        { cardNo: member.cardNo },
        lines(500, (i) => String(6_901_234_500_000 + i), 'household_cleaning'),
      );
      const size = Buffer.byteLength(JSON.stringify(body));
      expect(size).toBeLessThan(SINGLE_BODY_LIMIT_BYTES / 2);
      await pos(t, store).purchase(body).expect(201);
    });

    it('500 lines with sku and category at their 64-character column limit still fit (201)', async () => {
      const body = purchaseBody(
        { cardNo: member.cardNo },
        lines(500, (i) => `SKU-${String(i).padStart(60, '0')}`, 'c'.repeat(64)),
      );
      const size = Buffer.byteLength(JSON.stringify(body));
      expect(size).toBeGreaterThan(90_000);
      expect(size).toBeLessThan(SINGLE_BODY_LIMIT_BYTES);
      await pos(t, store).purchase(body).expect(201);
    });

    it('a single purchase over the limit is 413 PAYLOAD_TOO_LARGE', async () => {
      const text = JSON.stringify({ ...valid(), pad: 'x'.repeat(SINGLE_BODY_LIMIT_BYTES) });
      const body = await expectRefused(() => raw(PURCHASE, text), 413, 'PAYLOAD_TOO_LARGE');
      expect(fields(body)).toEqual(['body']);
    });

    it('the batch route takes a body well over the single-route limit (a 1 MB batch answers 200)', async () => {
      const receipts = Array.from({ length: 10 }, () =>
        purchaseBody(
          { cardNo: member.cardNo },
          lines(500, (i) => `SKU-${String(i).padStart(60, '0')}`, 'grocery'),
        ),
      );
      const text = JSON.stringify({ transactions: receipts });
      expect(Buffer.byteLength(text)).toBeGreaterThan(SINGLE_BODY_LIMIT_BYTES * 5);
      const res = await raw(BATCH, text).expect(200);
      expect(res.body.results.map((r: { status: number }) => r.status)).toEqual(Array(10).fill(201));
    });

    it('a batch over 8 MB is 413 PAYLOAD_TOO_LARGE', async () => {
      const text = JSON.stringify({ transactions: [valid()], pad: 'x'.repeat(8 * 1024 * 1024) });
      await expectRefused(() => raw(BATCH, text), 413, 'PAYLOAD_TOO_LARGE');
    });
  });

  describe('string lengths as the column counts them, and characters that do not belong in identifiers', () => {
    const withLine = (patch: Record<string, unknown>) => {
      const b = valid();
      return { ...b, lines: [{ ...b.lines[0], ...patch }] };
    };

    it.each([
      ['a sku padded with variation selectors past 64 code points', 'lines[0].sku', { sku: 'a\uFE0F'.repeat(40) }],
      ['a sku padded with combining marks past 64 code points', 'lines[0].sku', { sku: 'e\u0301'.repeat(40) }],
      ['a category that grows past 64 when lower-cased (İ)', 'lines[0].category', { category: 'İ'.repeat(40) }],
      ['a sku with a NUL', 'lines[0].sku', { sku: 'MILK\u00001L' }],
      ['a sku with a newline', 'lines[0].sku', { sku: 'MILK\n1L' }],
      ['a sku with a lone surrogate', 'lines[0].sku', { sku: 'MILK\uD800' }],
    ])('%s is 400 on %s', async (_name, field, patch) => {
      const body = await expectRefused(() => pos(t, store).purchase(withLine(patch)), 400, 'VALIDATION_FAILED');
      expect(fields(body)).toEqual([field]);
    });

    it('a receiptNo with a NUL is 400 on receiptNo', async () => {
      const body = await expectRefused(() => pos(t, store).purchase(valid({ receiptNo: 'R-1\u0000' })), 400, 'VALIDATION_FAILED');
      expect(fields(body)).toEqual(['receiptNo']);
    });

    it('a sku of 64 emoji (64 code points) is accepted and stored intact', async () => {
      const sku = '😀'.repeat(64);
      const res = await pos(t, store).purchase(withLine({ sku })).expect(201);
      const [row] = await t.db.query('SELECT l.sku FROM purchase_lines l JOIN purchases p ON p.id = l.purchase_id WHERE p.id = ?', [
        res.body.transactionId,
      ]);
      expect(row.sku).toBe(sku);
    });

    it('an admin member name padded with variation selectors past 100 code points is 400 on name', async () => {
      const token = await loginAdmin(t);
      const body = await expectRefused(
        () =>
          t.http
            .post('/api/v1/admin/members')
            .set('Authorization', `Bearer ${token}`)
            .send({ name: '李\uFE0F'.repeat(60), phone: uniquePhone() }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fields(body)).toEqual(['name']);
    });

    it('an admin store name padded past 200 code points is 400 on name', async () => {
      const token = await loginAdmin(t);
      const body = await expectRefused(
        () =>
          t.http
            .post('/api/v1/admin/stores')
            .set('Authorization', `Bearer ${token}`)
            .send({ code: uniq('S').slice(0, 32), name: 'x\uFE0F'.repeat(120) }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fields(body)).toEqual(['name']);
    });
  });

  describe('one message per bad field, with exact paths', () => {
    it('three bad fields give exactly three details: lines[2].sku, lines[2].amountCents, totalCents', async () => {
      const b = purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 1 }, { amountCents: 2 }, { amountCents: 3 }]);
      const lines = b.lines.map((l, i) => (i === 2 ? { ...l, sku: 12345, amountCents: 'x' } : l));
      const body = await expectRefused(() => pos(t, store).purchase({ ...b, lines, totalCents: 'x' }), 400, 'VALIDATION_FAILED');
      expect(fields(body).sort()).toEqual(['lines[2].amountCents', 'lines[2].sku', 'totalCents']);
      expect(body.details.find((d) => d.field === 'lines[2].sku')?.message).toBe('sku must be a string');
    });

    it('a bad member card number is named member.cardNo', async () => {
      const body = await expectRefused(() => pos(t, store).purchase(valid({ member: { cardNo: '1234' } })), 400, 'VALIDATION_FAILED');
      expect(fields(body)).toEqual(['member.cardNo']);
    });

    it('a bad item in a batch gets its own 400 with paths as if posted alone; the others post', async () => {
      const good = valid();
      const bad = valid();
      bad.lines[0] = { ...bad.lines[0], amountCents: -5 };
      const res = await raw(BATCH, JSON.stringify({ transactions: [good, bad] })).expect(200);
      expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([201, 400]);
      expect(res.body.results[1].error.code).toBe('VALIDATION_FAILED');
      expect(res.body.results[1].error.details).toEqual([{ field: 'lines[0].amountCents', message: expect.any(String) }]);
    });
  });

  describe('occurredAt', () => {
    it('more than 5 minutes in the future is 400 VALIDATION_FAILED on occurredAt', async () => {
      const occurredAt = new Date(Date.now() + 10 * 60_000).toISOString();
      const body = await expectRefused(() => pos(t, store).purchase(valid({ occurredAt })), 400, 'VALIDATION_FAILED');
      expect(body.details).toEqual([{ field: 'occurredAt', message: expect.stringContaining('future') }]);
    });

    it('up to 5 minutes ahead (a till clock slightly fast) is accepted', async () => {
      const occurredAt = new Date(Date.now() + 4 * 60_000).toISOString();
      await pos(t, store).purchase(valid({ occurredAt })).expect(201);
    });

    it('without an offset is 400 on occurredAt', async () => {
      const body = await expectRefused(
        () => pos(t, store).purchase(valid({ occurredAt: '2026-01-01T10:00:00' })),
        400,
        'VALIDATION_FAILED',
      );
      expect(fields(body)).toEqual(['occurredAt']);
    });
  });

  describe('fuzzing the purchase route', () => {
    type Body = Record<string, unknown> & { lines: Array<Record<string, unknown>> };
    type Mutation = (b: Body) => void;
    const LINE_FIELDS = ['sku', 'category', 'quantity', 'amountCents'];
    const TOP_FIELDS = ['receiptNo', 'member', 'occurredAt', 'lines', 'totalCents'];
    /** Wrong for every top-level field: receiptNo and occurredAt want strings, member an object with one reference, lines an array of lines. */
    const neitherStringNorNumber = fc.oneof(
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.object({ maxDepth: 2 }),
    );
    const notNumber = fc.oneof(fc.string(), neitherStringNorNumber);
    const badCents = fc.oneof(
      fc.integer({ max: -1 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
      fc.constantFrom(1e308, 1e20, 2 ** 53 + 2, 1e-7),
      notNumber,
    );
    const badQuantity = fc.oneof(
      fc.double({ max: 0, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: 1_000_000.5, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 1, max: 999_999 }).map((n) => n + 0.0001),
      fc.constantFrom(1e-7, 1e308),
      notNumber,
    );
    const nested = fc.integer({ min: 17, max: 2000 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown);
    /** The line to mutate; once lines is gone or junk the body is invalid already and the mutation lands on a throwaway object. */
    const lineIndex = (b: Body, i: number): Record<string, unknown> => {
      const line: unknown = Array.isArray(b.lines) && b.lines.length > 0 ? b.lines[i % b.lines.length] : undefined;
      return line !== null && typeof line === 'object' && !Array.isArray(line) ? (line as Record<string, unknown>) : {};
    };

    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      fc.constantFrom(...TOP_FIELDS).map(
        (f): Mutation =>
          (b) =>
            void delete b[f],
      ),
      fc.tuple(fc.nat(), fc.constantFrom(...LINE_FIELDS)).map(
        ([i, f]): Mutation =>
          (b) =>
            void delete lineIndex(b, i)[f],
      ),
      fc.tuple(fc.nat(), badCents).map(
        ([i, v]): Mutation =>
          (b) =>
            void (lineIndex(b, i).amountCents = v),
      ),
      badCents.map(
        (v): Mutation =>
          (b) =>
            void (b.totalCents = v),
      ),
      fc.tuple(fc.nat(), badQuantity).map(
        ([i, v]): Mutation =>
          (b) =>
            void (lineIndex(b, i).quantity = v),
      ),
      fc.tuple(fc.nat(), fc.string({ minLength: 65, maxLength: 3000, unit: 'binary' }), fc.constantFrom('sku', 'category')).map(
        ([i, s, f]): Mutation =>
          (b) =>
            void (lineIndex(b, i)[f] = s),
      ),
      fc.string({ minLength: 65, maxLength: 500 }).map(
        (s): Mutation =>
          (b) =>
            void (b.receiptNo = s),
      ),
      fc
        .tuple(
          fc.string({ minLength: 1, maxLength: 20 }).filter((k) => ![...TOP_FIELDS, ...LINE_FIELDS].includes(k)),
          fc.jsonValue(),
        )
        .map(
          ([k, v]): Mutation =>
            (b) =>
              void (b[k] = v),
        ),
      fc.tuple(fc.constantFrom(...TOP_FIELDS), fc.oneof(nested, neitherStringNorNumber)).map(
        ([f, v]): Mutation =>
          (b) =>
            void (b[f] = v),
      ),
      fc.tuple(fc.nat(), fc.constantFrom(...LINE_FIELDS), nested).map(
        ([i, f, v]): Mutation =>
          (b) =>
            void (lineIndex(b, i)[f] = v),
      ),
      fc.integer({ min: 501, max: 700 }).map(
        (n): Mutation =>
          (b) =>
            void (b.lines = Array.from({ length: n }, () => ({ sku: 'A', category: 'dairy', quantity: 1, amountCents: 1 }))),
      ),
      fc
        .jsonValue()
        .filter((v) => v !== null)
        .map(
          (v): Mutation =>
            (b) =>
              void (b.member = { cardNo: member.cardNo, phone: v }),
        ),
    );

    it('random JSON and mutated valid purchases always get a 4xx with the error body and write nothing (150 runs)', async () => {
      const before = await writeCounts(t.db);
      const statuses = new Set<number>();
      const mutatedBody = fc
        .tuple(fc.integer({ min: 1, max: 5 }), fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([lineCount, mutations]) => {
          const b = purchaseBody(
            { cardNo: member.cardNo },
            Array.from({ length: lineCount }, () => ({ amountCents: 100 })),
          ) as Body;
          for (const m of mutations) {
            m(b);
          }
          return JSON.stringify(b);
        });
      const randomBody = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null');
      await fc.assert(
        fc.asyncProperty(fc.oneof({ arbitrary: mutatedBody, weight: 3 }, { arbitrary: randomBody, weight: 1 }), async (text) => {
          const res = await raw(PURCHASE, text);
          statuses.add(res.status);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.body).toEqual({
            statusCode: res.status,
            code: expect.any(String),
            message: expect.any(String),
            details: expect.any(Array),
          });
        }),
        { numRuns: 150, interruptAfterTimeLimit: 30_000 },
      );
      expect(await writeCounts(t.db)).toEqual(before);
      expect(statuses.has(400)).toBe(true);
    });
  });
});
