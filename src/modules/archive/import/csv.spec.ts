import { parseCsv } from './csv';

describe('CSV parsing', () => {
  it('reads quoted fields with commas, doubled quotes, CRLF and a missing final newline', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n\n1,2')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', '2'],
    ]);
  });

  it('drops a byte-order mark and keeps empty cells', () => {
    expect(parseCsv('\ufeffexternal_id,name,phone\nE1,Anna,\n')).toEqual([
      ['external_id', 'name', 'phone'],
      ['E1', 'Anna', ''],
    ]);
  });

  it('keeps line breaks inside quotes, text after a closing quote, and quotes inside an unquoted field', () => {
    expect(parseCsv('"line 1\nline 2",x\n"ab"cd,e"f"\n')).toEqual([
      ['line 1\nline 2', 'x'],
      ['abcd', 'e"f"'],
    ]);
  });

  it('reads an empty quoted field, a trailing comma, lone CRs and an unterminated quote to the end', () => {
    expect(parseCsv('"",a,\rb\r"open, never closed\nstill open')).toEqual([['', 'a', ''], ['b'], ['open, never closed\nstill open']]);
  });

  it('skips blank lines anywhere, including at the start and the end', () => {
    expect(parseCsv('\n\r\nh\n\n\nv\r\n\r\n')).toEqual([['h'], ['v']]);
  });

  it('with maxRows stops after that many rows, so an oversized file is never read whole', () => {
    const text = ['h1,h2', ...Array.from({ length: 10 }, (_, i) => `${i},x`)].join('\n');
    expect(parseCsv(text, 3)).toEqual([
      ['h1', 'h2'],
      ['0', 'x'],
      ['1', 'x'],
    ]);
    expect(parseCsv(text, 100)).toHaveLength(11);
  });

  it('parses 200,000 rows into fields cut from the text', () => {
    const text = ['external_id,name', ...Array.from({ length: 200_000 }, (_, i) => `OLD-${i},"Member, ${i}"`)].join('\r\n');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(200_001);
    expect(rows[200_000]).toEqual(['OLD-199999', 'Member, 199999']);
  });
});
