import { ERASED, identifyingStrings, scrubPersonal } from './scrub-personal';

describe('scrubPersonal', () => {
  const identifying = identifyingStrings({
    name: 'Anna Smith',
    phone: '+8613800138000',
    email: 'anna.smith@example.com',
    address: '1 Long Road',
    birthday: '1990-04-01',
  });

  it('knows each value as stored and as the masks show it, longest first', () => {
    expect(identifying).toEqual(
      expect.arrayContaining(['+8613800138000', '+86138****8000', 'anna.smith@example.com', 'a*********@example.com', 'A*********']),
    );
    expect(identifying[0].length).toBeGreaterThanOrEqual(identifying[identifying.length - 1].length);
  });

  it('nulls personal keys at any depth and keeps ids, amounts and field names', () => {
    const doc = {
      name: { old: 'Anna Smith', new: 'Anna S.' },
      phone: { old: '+86138****8000', new: null },
      cardNo: '6200000000000001',
      points: 120,
      nested: [{ email: 'anna.smith@example.com', survivorMemberId: 'abc' }],
    };
    expect(scrubPersonal(doc, identifying)).toEqual({
      name: null,
      phone: null,
      cardNo: '6200000000000001',
      points: 120,
      nested: [{ email: null, survivorMemberId: 'abc' }],
    });
  });

  it('erases any other string that contains an identifying value, case-insensitively', () => {
    expect(scrubPersonal({ reason: 'called ANNA.SMITH@example.com back', note: 'fine' }, identifying)).toEqual({
      reason: ERASED,
      note: 'fine',
    });
    expect(scrubPersonal({ msg: 'moved to 1 long road' }, identifying)).toEqual({ msg: ERASED });
  });

  it('ignores values too short to be told from ordinary words', () => {
    expect(identifyingStrings({ name: '张三', city: 'Xi' })).toEqual([]);
    expect(scrubPersonal({ note: '张三' }, [])).toEqual({ note: '张三' });
  });
});
