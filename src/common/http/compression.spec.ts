import { negotiateEncoding } from './compression';

describe('negotiateEncoding (Accept-Encoding)', () => {
  it('prefers Brotli when the client accepts both equally, as Chromium over HTTPS does', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
  });

  it('sends gzip to a client that does not name br (Chromium over plain http)', () => {
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
  });

  it('follows q-values and treats q=0 as a refusal', () => {
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.9')).toBe('gzip');
    expect(negotiateEncoding('gzip, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeNull();
  });

  it('reads * as any encoding not named', () => {
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('br;q=0, *')).toBe('gzip');
  });

  it('sends the answer as it is without the header, with identity only, or when nothing on offer is accepted', () => {
    expect(negotiateEncoding(undefined)).toBeNull();
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding('gzip', ['br'])).toBeNull();
  });
});
