import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { MaxLength, validateSync } from 'class-validator';
import fc from 'fast-check';
import { codePointLength, MaxCodePoints } from './max-code-points';

class Sample {
  @MaxCodePoints(5)
  text: string;
}

class LowerCased {
  @MaxCodePoints(3, { storedLowerCase: true })
  category: string;
}

class ByMaxLength {
  @MaxLength(5)
  text: string;
}

const messages = (cls: new () => object, plain: object) =>
  validateSync(plainToInstance(cls, plain)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('codePointLength', () => {
  it('counts code points the way a utf8mb4 VARCHAR does: variation selectors and combining marks count, a surrogate pair is one', () => {
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('a\uFE0F\uFE0F')).toBe(3);
    expect(codePointLength('e\u0301')).toBe(2);
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('张三')).toBe(2);
  });

  it('counts a lone surrogate as one', () => {
    expect(codePointLength('a\uD800b')).toBe(3);
  });

  it('agrees with the string iterator for any string (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => codePointLength(s) === [...s].length));
  });
});

describe('MaxCodePoints', () => {
  it('refuses a string padded with variation selectors past the limit, which class-validator MaxLength lets through', () => {
    const padded = 'a\uFE0F'.repeat(5);
    expect(messages(ByMaxLength, { text: padded })).toEqual([]);
    expect(messages(Sample, { text: padded })).toEqual(['text must be at most 5 characters']);
  });

  it('accepts exactly the limit and refuses one more', () => {
    expect(messages(Sample, { text: '😀😀😀😀😀' })).toEqual([]);
    expect(messages(Sample, { text: 'abcde\u0301' })).toEqual(['text must be at most 5 characters']);
  });

  it('says "must be a string" for a value that is not one', () => {
    expect(messages(Sample, { text: 12 })).toEqual(['text must be a string']);
  });

  it('with storedLowerCase, counts the lower-cased form (İ lower-cases to two code points)', () => {
    expect(messages(LowerCased, { category: 'ABC' })).toEqual([]);
    expect(messages(LowerCased, { category: 'İİ' })).toEqual(['category must be at most 3 characters']);
  });
});
