import { bodyReadError, findForbiddenKey, findTooDeep, MAX_JSON_DEPTH } from './json-body';

const buf = (s: string) => Buffer.from(s, 'utf8');

describe('findTooDeep', () => {
  it('passes the deepest real request shape (a batch of purchases)', () => {
    const batch = { transactions: [{ receiptNo: 'R-1', member: { cardNo: '1' }, lines: [{ sku: 'A', quantity: 1 }] }] };
    expect(findTooDeep(buf(JSON.stringify(batch)))).toBeNull();
  });

  it('finds 10,000 levels of arrays at the top level, naming the path', () => {
    const path = findTooDeep(buf('['.repeat(10_000) + ']'.repeat(10_000)));
    expect(path).toBe('body' + '[0]'.repeat(MAX_JSON_DEPTH));
  });

  it('names the field that holds the deep value, with array indices and keys', () => {
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const body = `{"receiptNo":"R-1","lines":[{"sku":"x"},{"sku":${deep}}]}`;
    expect(findTooDeep(buf(body))).toMatch(/^lines\[1\]\.sku(\.a)+$/);
  });

  it('ignores brackets and quotes inside strings', () => {
    const body = JSON.stringify({ note: '['.repeat(100) + '\\"{'.repeat(50), x: [1, [2]] });
    expect(findTooDeep(buf(body))).toBeNull();
  });

  it('decodes escaped keys in the reported path', () => {
    const body = '{"k\\u0065y":' + '['.repeat(40) + ']'.repeat(40) + '}';
    expect(findTooDeep(buf(body))?.startsWith('key[0]')).toBe(true);
  });

  it('stops at the limit on a huge deep body and scans an 8 MB batch-shaped body in linear time (seconds, not minutes, even on a busy machine)', () => {
    expect(findTooDeep(buf('['.repeat(8_000_000)))).not.toBeNull();
    const line = { sku: 'SKU-0000000001', category: 'grocery', quantity: 1.5, amountCents: 1234 };
    const receipt = { receiptNo: 'R-1', member: { cardNo: '1' }, lines: Array(500).fill(line) };
    const batch = buf(JSON.stringify({ transactions: Array(200).fill(receipt) }));
    expect(batch.length).toBeGreaterThan(7_000_000);
    const started = Date.now();
    expect(findTooDeep(batch)).toBeNull();
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe('findForbiddenKey', () => {
  it('finds __proto__, constructor and prototype as own keys anywhere', () => {
    expect(findForbiddenKey(JSON.parse('{"__proto__":{"admin":true}}'))).toBe('__proto__');
    expect(findForbiddenKey(JSON.parse('{"lines":[{"sku":"a"},{"constructor":1}]}'))).toBe('lines[1].constructor');
    expect(findForbiddenKey(JSON.parse('{"member":{"prototype":null}}'))).toBe('member.prototype');
    expect(findForbiddenKey(JSON.parse('[{"__proto__":1}]'))).toBe('body[0].__proto__');
  });

  it('passes ordinary bodies, including values that are those words', () => {
    expect(findForbiddenKey({ sku: '__proto__', lines: [{ category: 'constructor' }] })).toBeNull();
  });
});

describe('bodyReadError', () => {
  it('maps body-parser and zlib failures to the API codes', () => {
    expect(bodyReadError({ type: 'entity.too.large', status: 413, limit: 10 })?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(bodyReadError({ type: 'encoding.unsupported', status: 415, encoding: 'zstd' })?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(bodyReadError({ type: 'charset.unsupported', status: 415, charset: 'utf-16' })?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(bodyReadError({ status: 400, errno: -3, code: 'Z_DATA_ERROR' })?.code).toBe('VALIDATION_FAILED');
    expect(bodyReadError({ status: 400, errno: -15, code: 'ERR__ERROR_FORMAT_PADDING_2' })?.code).toBe('VALIDATION_FAILED');
    expect(bodyReadError({ type: 'entity.parse.failed', status: 400 })?.details).toEqual([{ field: 'body', message: 'malformed JSON' }]);
  });

  it('leaves other errors alone', () => {
    expect(bodyReadError(new Error('boom'))).toBeNull();
  });
});
