import { isSafeText } from './safe-text';

describe('isSafeText', () => {
  it('accepts letters in any script, emoji and punctuation', () => {
    for (const s of ['MILK-1L', '张三', 'Café crème', '😀 ok', 'a\uFE0F']) {
      expect(isSafeText(s)).toBe(true);
    }
  });

  it('refuses NUL, other C0/C1 control characters and DEL', () => {
    for (const s of ['a\u0000b', 'line\nbreak', 'tab\t', 'x\u007f', 'x\u0085']) {
      expect(isSafeText(s)).toBe(false);
    }
  });

  it('refuses lone high or low surrogates but not a proper pair', () => {
    expect(isSafeText('a\uD800')).toBe(false);
    expect(isSafeText('\uDC00a')).toBe(false);
    expect(isSafeText('\uDC00\uD800')).toBe(false);
    expect(isSafeText('\uD83D\uDE00')).toBe(true);
  });

  it('refuses non-strings', () => {
    expect(isSafeText(5)).toBe(false);
  });
});
