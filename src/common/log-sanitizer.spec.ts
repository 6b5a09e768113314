import { cleanSqlMessage, cleanText, describeError, maskCardNo, sanitizeForLog } from './log-sanitizer';

describe('cleaning what is logged', () => {
  it('shows only the last 4 digits of a card number, in text and in URLs', () => {
    expect(maskCardNo('8123456789012345')).toBe('************2345');
    expect(cleanText('/api/v1/pos/members/lookup?cardNo=8123456789012345')).toBe('/api/v1/pos/members/lookup?cardNo=************2345');
  });

  it('masks international phones (plain or URL-encoded), bare mainland mobiles and emails in free text', () => {
    expect(cleanText('?phone=%2B8613800138000')).toBe('?phone=%2B86138****8000');
    expect(cleanText('call +8613800138000 or 13800138000')).toBe('call +86138****8000 or 138****8000');
    expect(cleanText('to anna.smith@example.com')).toBe('to a*********@example.com');
    expect(cleanText('?email=anna%40example.com')).toBe('?email=a***%40example.com');
  });

  it('leaves ids, times and amounts readable', () => {
    const id = '0192f0c1-8a2b-7c3d-9e4f-123456789012';
    expect(cleanText(`${id} at 2026-11-24T10:00:00+08:00 for 2590 cents`)).toBe(`${id} at 2026-11-24T10:00:00+08:00 for 2590 cents`);
  });

  it('drops the quoted values of database messages but keeps key and column names', () => {
    expect(cleanSqlMessage("Duplicate entry 'Anna Smith-x' for key 'ux_members_name'")).toBe(
      "Duplicate entry '[masked]' for key 'ux_members_name'",
    );
  });

  it('masks personal fields by name at any depth and redacts SQL, parameters and secrets', () => {
    const cleaned = sanitizeForLog({
      a: { b: { c: { name: 'Anna Smith', phone: '+8613800138000', email: 'anna@example.com', cardNo: '8123456789012345' } } },
      sql: "UPDATE members SET phone = '+8613800138000'",
      parameters: ['+8613800138000'],
      password: 'hunter2hunter2',
    });
    expect(cleaned).toEqual({
      a: { b: { c: { name: 'A*********', phone: '+86138****8000', email: 'a***@example.com', cardNo: '************2345' } } },
      sql: '[redacted]',
      parameters: '[redacted]',
      password: '[redacted]',
    });
  });

  it('bounds depth, array length and cycles', () => {
    const cyclic: Record<string, unknown> = { level: 0 };
    cyclic.self = cyclic;
    expect(sanitizeForLog(cyclic)).toEqual({ level: 0, self: '[circular]' });
    const deep = { l1: { l2: { l3: { l4: { l5: { l6: { l7: 'x' } } } } } } };
    expect(JSON.stringify(sanitizeForLog(deep))).toContain('[object]');
    const long = sanitizeForLog(Array.from({ length: 100 }, (_, i) => i)) as unknown[];
    expect(long).toHaveLength(21);
  });

  it('describes a driver error by type, cleaned message, code and stack frames, without its SQL or parameters', () => {
    const err = Object.assign(new Error("Duplicate entry '+8613800138000' for key 'ux_members_phone'"), {
      code: 'ER_DUP_ENTRY',
      sqlMessage: "Duplicate entry '+8613800138000' for key 'ux_members_phone'",
      sql: "INSERT INTO members (phone) VALUES ('+8613800138000')",
      parameters: ['+8613800138000'],
    });
    const described = describeError(err);
    expect(described).toMatchObject({
      type: 'Error',
      code: 'ER_DUP_ENTRY',
      message: "Duplicate entry '[masked]' for key 'ux_members_phone'",
    });
    expect(described.stack).toMatch(/\n\s+at /);
    expect(JSON.stringify(described)).not.toContain('13800138000');
  });
});
